//! What the auditor will make of the interviews: the problems that decide the pre-audit item "Key
//! people are ready for interviews" (Clause 5.3, Clause 7.2), worked out once per score as the
//! [`Outlook`] both interview findings read, and the words of that finding.

use chrono::NaiveDate;

use crate::domain::assessment::Assessment;
use crate::domain::roles::checks::{assigned, Problem};
use crate::domain::roles::{Register, RoleKind};

use super::bank::QuestionBank;
use super::rating::{Rating, Rehearsal};
use super::readiness::{is_key_holder, rated_card, readiness_from, RatedQuestion};
use super::timing::{failures_count_from, fresh_from, interview_day, judged_against, STALE_AFTER_DAYS};

/// Opens the explanation of the interview finding; the problems follow.
pub const LEAD: &str = "Not everyone the auditor will interview is ready to explain their duties: the key roles (top \
management, the security manager, the holders of the two Clause 5.3 responsibilities and the review team), and anyone else \
in a role they could not answer for at rehearsal.";

/// Why the interview item is a major, without who or what: for the copies that withhold the
/// rehearsals (see [`cannot_show_their_part`]).
pub const LEADER_CANNOT_SHOW: &str = "Someone who leads the ISMS (top management or the security manager) could not answer \
half or more of the questions of that role at the latest rehearsal: an auditor who meets that at interview would likely raise a \
major nonconformity (Clause 5.1 or Clause 5.3).";

pub const REMEDIATION: &str = "Open Interview preparation. For each answer a key person could not give, first check that \
what it asks about is in place and on record (their card names the checklist items behind it): a rehearsed answer without \
the record behind it does not hold up. Then rehearse their cue card until every answer is rated Confident, and again within \
90 days of the audit.";

/// Everything that stops the key role holders being interview-ready, one sentence per person
/// and problem, naming them. Empty means the pre-audit item is met. A key group nobody fills is
/// the gap of the register check that finds the role empty (`Problem::raised_by`).
pub fn problems(bank: &QuestionBank, assessment: &Assessment, today: NaiveDate) -> Vec<Problem> {
    outlook(bank, assessment, today).problems
}

/// What the auditor would make of the interview problems: a key role holder who could not answer
/// a question at their latest rehearsal would likely fail the real interview too (a minor on
/// competence or awareness, Clause 7.2/7.3). Not having rehearsed, rehearsing too long ago or
/// being shaky is no nonconformity in itself, only a risk: an observation (auditor probes, twice:
/// a minor for it was a false alarm).
pub const NOT_YET_SHOWN: &str = "Not having rehearsed is not a nonconformity in itself: an auditor raises one only when a role holder cannot explain their duties, and rehearsing is how to find out before the audit.";

/// The interviews as the auditor will find them, worked out once per score: each key role
/// holder's card is rated and judged once, and both interview findings read the result.
#[derive(Debug, Clone, Default)]
pub struct Outlook {
    /// See [`problems`].
    pub problems: Vec<Problem>,
    /// A key role holder could not answer a question at their latest rehearsal: the item's own
    /// severity holds; otherwise the problems are a risk noted as an observation
    /// (see [`NOT_YET_SHOWN`]).
    pub failed: bool,
    /// See [`top_management_unprepared`].
    pub top_management_unprepared: bool,
    /// The security manager, or every member of top management, could not answer half or more
    /// of the questions of that role at the latest rehearsal, one sentence each (see
    /// [`cannot_show_their_part`]): a likely major.
    pub cannot_show: Vec<String>,
    /// Staff who could not answer a question asked of anyone (see [`super::staff`]).
    pub staff_could_not: Vec<super::staff::CouldNotAnswer>,
}

/// The interview [`Outlook`] for today, or for an upcoming audit day.
pub fn outlook(bank: &QuestionBank, assessment: &Assessment, today: NaiveDate) -> Outlook {
    let register = &assessment.register;
    // The people the auditor will meet: those in a key role on an upcoming audit day (a leaver
    // before it is not interviewed, a starter before it is), otherwise today.
    let day = interview_day(assessment, today);
    let top = register.top_management(day);
    let staff_could_not = super::staff::could_not_answer(bank, assessment, today);
    let mut outlook = Outlook { top_management_unprepared: top.is_empty(), staff_could_not, ..Outlook::default() };
    let nobody =
        if day > today { format!("By the audit on {day}, nobody working here then") } else { "Nobody who works here today".to_string() };
    let keys: Vec<&str> = register.people.iter().filter(|p| is_key_holder(register, &p.id, day)).map(|p| p.id.as_str()).collect();
    if keys.is_empty() {
        outlook.problems.push(Problem::raised_by(
            assigned::CHECK.item_id,
            format!(
                "{nobody} is recorded as top management, security manager or review team member, so nobody has been \
                 prepared for the auditor's interviews."
            ),
        ));
        return outlook;
    }
    // However well the others rehearse, a key group nobody fills has nobody prepared for its
    // interview (the register checks report the missing role itself). It is part of that
    // nonconformity, not a failed interview (auditor probe: it turned a shaky rating into a
    // minor of its own).
    outlook.problems =
        unfilled_on(register, day).into_iter().map(|(check, gap)| Problem::raised_by(check, format!("{nobody} {gap}"))).collect();
    // A failure older than 90 days says nothing of today, for a key role holder too (third
    // auditor probe: Ben's failure 400 days old kept a minor, where a stale "confident" is an
    // observation). Within 90 days it stands, though it would be too old by the audit (second
    // probe of stop 41: a CEO failing every question 40 days before read "Ready" with the audit
    // 60 days ahead): until rated again, it is the latest word on what they can explain.
    let fresh = failures_count_from(today);
    let mut cannot_show: Vec<(RoleKind, String)> = Vec::new();
    for &id in &keys {
        let card = rated_card(bank, assessment, id, today);
        outlook.failed |= could_not_answer(&card, fresh);
        let recent = cannot_show_their_part(register, id, day, &card, fresh, false);
        // A leader failing half their questions longer ago, not rated on them since: still the
        // latest word on what they can explain, one level below the major (auditor probe of
        // stop 44: the CEO failing every question 91 days before read "Ready").
        if recent.is_empty() {
            let old = cannot_show_their_part(register, id, day, &card, NaiveDate::MIN, true);
            outlook.failed |= !old.is_empty();
            outlook.problems.extend(old.into_iter().map(|(_, said)| Problem::new(said)));
        }
        cannot_show.extend(recent);
        let own = holder_problems(assessment, id, today, &card);
        outlook.top_management_unprepared |= !own.is_empty() && top.iter().any(|p| p.id == id);
        outlook.problems.extend(own.into_iter().map(Problem::new));
    }
    // Top management is judged as a whole (Clause 5.1): one of several failing, while another
    // shows the leadership, is the minor of their own interview (third auditor probe: a director
    // failing beside a confident CEO read a Clause 5.1 major).
    let leaders_failing = cannot_show.iter().filter(|(role, _)| *role == RoleKind::TopManagement).count();
    let all_leaders = leaders_failing == top.len();
    outlook.cannot_show =
        cannot_show.into_iter().filter(|(role, _)| *role != RoleKind::TopManagement || all_leaders).map(|(_, said)| said).collect();
    // Any other role holder who could not answer a question of their role at its latest rating
    // would likely fail the auditor's interview too (auditor probe: the internal auditor and the
    // third-party manager failing every question read "Ready"). Only what a rehearsal showed:
    // not having rehearsed is asked of the key group alone, and the questions asked of anyone
    // are the staff checks' (`super::staff`). A rating too old to count says nothing of today
    // (second auditor probe: a failure 400 days old cost more than never rehearsing).
    let others = register.people.iter().filter(|p| !keys.contains(&p.id.as_str()) && !register.held_roles_on(&p.id, day).is_empty());
    for person in others.filter(|p| register.current_person(&p.id, day).is_some()) {
        let card = rated_card(bank, assessment, &person.id, today);
        let failed: Vec<String> = card
            .iter()
            .filter(|(q, rating)| !q.for_everyone() && failed_since(*rating, fresh))
            .map(|(q, _)| format!("“{}”", q.title))
            .collect();
        let Some(r) = readiness_from(assessment, &person.id, today, &card).filter(|_| !failed.is_empty()) else { continue };
        outlook.failed = true;
        outlook.problems.push(Problem::new(format!(
            "{} ({}) at the latest rehearsal could not answer {}.",
            r.name,
            r.roles.join(", "),
            failed.join(", ")
        )));
    }
    outlook
}

/// Whether the person could not answer a question of their card at its latest rating, made on
/// or after `fresh` (recent enough to count).
fn could_not_answer(card: &[RatedQuestion], fresh: NaiveDate) -> bool {
    card.iter().any(|(_, rating)| failed_since(*rating, fresh))
}

/// A person who leads the ISMS (top management, or the security manager who runs it) and could
/// not answer half or more of the questions asked of them in that role, at latest ratings made
/// on or after `failing_from`: an auditor who meets that at interview finds the leadership
/// (Clause 5.1) or the running of the ISMS (Clause 5.3) not shown, and raises a major (auditor
/// probe: the CEO failing every question read "Nearly ready" at 99 %, one minor). Only the
/// role's own questions count, rated or not (second probe: measured against the whole card, the
/// security manager failing all six of theirs stayed a minor, and the questions asked of anyone
/// tipped a CEO who failed two of their own into a major).
fn cannot_show_their_part(
    register: &Register,
    id: &str,
    day: NaiveDate,
    card: &[RatedQuestion],
    failing_from: NaiveDate,
    long_ago: bool,
) -> Vec<(RoleKind, String)> {
    let leads = [
        (RoleKind::TopManagement, "top management", "top management's leadership of the ISMS (Clause 5.1)"),
        (RoleKind::SecurityManager, "security manager", "that the ISMS is run by someone who can explain it (Clause 5.3)"),
    ];
    let mut out = Vec::new();
    for (role, as_what, part) in leads {
        let holds = match role {
            RoleKind::TopManagement => register.is_top_management(id, day),
            _ => register.holds_on(id, &role, day),
        };
        if !holds {
            continue;
        }
        let code = role.code();
        let asked: Vec<&RatedQuestion> = card.iter().filter(|(q, _)| q.asks_role(&code)).collect();
        let failed = asked.iter().filter(|(_, rating)| failed_since(*rating, failing_from)).count();
        if failed == 0 || failed * 2 < asked.len() {
            continue;
        }
        let (name, of) = (register.name_of(id), asked.len());
        let said = match long_ago {
            true => format!(
                "{name} could not answer {failed} of the {of} questions asked of them as {as_what} when last rated on them, more \
                 than {STALE_AFTER_DAYS} days ago: until they rehearse again, an auditor's interview would likely find the same."
            ),
            false => format!(
                "{name} could not answer {failed} of the {of} questions asked of them as {as_what} at the latest rehearsal: an \
                 auditor who meets that at interview would likely find {part} not shown, and raise a major nonconformity."
            ),
        };
        out.push((role, said));
    }
    out
}

/// Whether a latest rating is "could not answer", made on or after `from`.
fn failed_since(rating: Option<&Rehearsal>, from: NaiveDate) -> bool {
    rating.is_some_and(|e| e.failed_since(from))
}

/// What stops one key role holder being interview-ready, one sentence each (empty: ready).
fn holder_problems(assessment: &Assessment, id: &str, today: NaiveDate, card: &[RatedQuestion]) -> Vec<String> {
    let mut out = Vec::new();
    let deadline = fresh_from(assessment, today);
    let against = match judged_against(assessment, today) {
        Some(audit) => format!("the audit on {audit}"),
        None => format!("today ({today})"),
    };
    let Some(r) = readiness_from(assessment, id, today, card) else { return out };
    // Their roles are said once, in the first sentence (founder pass: four roles spelled out in
    // each of two sentences back to back).
    let full = format!("{} ({})", r.name, r.roles.join(", "));
    let who = |out: &Vec<String>| if out.is_empty() { full.clone() } else { r.name.clone() };
    let Some(last) = r.last_rehearsed else {
        out.push(format!("{} has not rehearsed yet.", who(&out)));
        return out;
    };
    let weak = weak_titles(card, failures_count_from(today));
    if !weak.is_empty() {
        out.push(format!("{} at the latest rehearsal {}.", who(&out), weak.join(" and ")));
    }
    // The auditor may ask about anything on the card, so every question is rehearsed.
    let unrated = unrated_titles(card);
    if !unrated.is_empty() {
        out.push(format!(
            "{} has not rehearsed {} of the {} questions on their card yet: {}.",
            who(&out),
            unrated.len(),
            r.total,
            unrated.join(", ")
        ));
    }
    // Each question counts from its own latest rating: re-rating one question does not refresh
    // the others.
    let stale = stale_titles(card, deadline);
    if last < deadline {
        out.push(format!("{} last rehearsed on {last}, more than {STALE_AFTER_DAYS} days before {against}.", who(&out)));
    } else if let Some(oldest) = stale.iter().map(|(on, _)| *on).min() {
        let titles: Vec<&str> = stale.iter().map(|(_, title)| title.as_str()).collect();
        out.push(format!(
            "{} last rated {} of the {} questions on their card more than {STALE_AFTER_DAYS} days before {against} \
             (the oldest on {oldest}): {}.",
            who(&out),
            stale.len(),
            r.total,
            titles.join(", ")
        ));
    }
    out
}

/// Whether top management will be unprepared for the auditor's interview: nobody in it on the
/// interview day, or someone in it with a problem [`problems`] lists.
pub fn top_management_unprepared(bank: &QuestionBank, assessment: &Assessment, today: NaiveDate) -> bool {
    let top = assessment.register.top_management(interview_day(assessment, today));
    top.is_empty() || top.iter().any(|p| !holder_problems(assessment, &p.id, today, &rated_card(bank, assessment, &p.id, today)).is_empty())
}

/// What the rehearsals say on a question about top management's interview (`Item::interview_of`),
/// which stays the user's to answer: top management prepared while it is not answered yes, or
/// not prepared while it is. Without it, rehearsing the CEO left the question as it was and only
/// moved its finding from the interview item's onto its own.
pub fn interview_question_note(bank: &QuestionBank, assessment: &Assessment, answered_yes: bool, today: NaiveDate) -> Option<&'static str> {
    match (top_management_unprepared(bank, assessment, today), answered_yes) {
        (false, false) => Some(
            "The interview rehearsals show top management prepared: if the real interview would go the same way, answer \
             yes and record the latest rehearsal as its evidence.",
        ),
        (true, true) => {
            Some("Answered yes, but the interview rehearsals do not show top management prepared yet: see Interview preparation.")
        }
        _ => None,
    }
}

/// The key groups nobody working here on `on` belongs to, as the end of a sentence.
/// With the register check that finds the role empty: top management and the security manager
/// are roles the ISMS cannot run without, the review team one of its other functions.
fn unfilled_on(register: &Register, on: NaiveDate) -> Vec<(&'static str, &'static str)> {
    let mut gaps = Vec::new();
    if register.top_management(on).is_empty() {
        gaps.push((
            assigned::CHECK.item_id,
            "is recorded as top management, so nobody is prepared for the auditor's questions on leadership and commitment (Clause 5.1).",
        ));
    }
    if register.current_holders(&RoleKind::SecurityManager, on).is_empty() {
        gaps.push((
            assigned::CHECK.item_id,
            "holds the information security manager role, so the interview an auditor spends longest on has nobody prepared for it.",
        ));
    }
    if register.current_holders(&RoleKind::ReviewTeamMember, on).is_empty() {
        gaps.push((
            assigned::FUNCTIONS_CHECK.item_id,
            "is on the management review team, so nobody is prepared to walk the auditor through the reviews (Clause 9.3).",
        ));
    }
    gaps
}

/// The card's questions whose latest rating is older than `deadline`, with that rating's day,
/// in card order.
fn stale_titles(card: &[RatedQuestion], deadline: NaiveDate) -> Vec<(NaiveDate, String)> {
    card.iter().filter_map(|(q, rating)| rating.filter(|e| e.on < deadline).map(|e| (e.on, format!("“{}”", q.title)))).collect()
}

/// The titles of the card's questions never rated, in card order.
fn unrated_titles(card: &[RatedQuestion]) -> Vec<String> {
    card.iter().filter(|(_, rating)| rating.is_none()).map(|(q, _)| format!("“{}”", q.title)).collect()
}

/// "could not answer “A”, “B”" and "was shaky on “C”", for the person's card.
/// A "could not answer" made before `failing_from` is said with its day: it no longer counts as a
/// failure (interview pass of stop 50: the grade eased to an observation while the words still
/// read as a failure of today).
fn weak_titles(card: &[RatedQuestion], failing_from: NaiveDate) -> Vec<String> {
    let mut could_not = Vec::new();
    let mut shaky = Vec::new();
    for (q, rating) in card {
        match rating.map(|e| (e.rating, e.on)) {
            Some((Rating::CouldNotAnswer, on)) if on < failing_from => could_not.push(format!(
                "“{}” (on {on}, more than {STALE_AFTER_DAYS} days ago: too long ago to count as a failure now, so rehearse it again)",
                q.title
            )),
            Some((Rating::CouldNotAnswer, _)) => could_not.push(format!("“{}”", q.title)),
            Some((Rating::Shaky, _)) => shaky.push(format!("“{}”", q.title)),
            _ => {}
        }
    }
    let mut parts = Vec::new();
    if !could_not.is_empty() {
        parts.push(format!("could not answer {}", could_not.join(", ")));
    }
    if !shaky.is_empty() {
        parts.push(format!("was shaky on {}", shaky.join(", ")));
    }
    parts
}
