//! Interview readiness: per person, how much of their card was last rated Confident and when they
//! last rehearsed; the order to rehearse in (weakest first); and the problems that decide the
//! pre-audit item "Key people are ready for interviews" (Clause 5.3, Clause 7.2).

use chrono::NaiveDate;

use crate::domain::assessment::Assessment;
use crate::domain::roles::checks::{assigned, Problem};
use crate::domain::roles::{Person, Register, RoleKind};
use crate::domain::wording::counted;

use super::bank::{Question, QuestionBank};
use super::card::{card_questions, role_label};
use super::rating::{latest, Rating, Rehearsal};
pub use super::timing::{failures_count_from, fresh_from, interview_day, too_early_note, Presence, STALE_AFTER_DAYS};
use super::timing::{judged_against, presence};

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

/// One person's readiness.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PersonReadiness {
    pub person_id: String,
    pub name: String,
    pub roles: Vec<String>,
    /// Top management, the security manager or a review team member: their rehearsals decide
    /// the pre-audit item.
    pub key: bool,
    /// Questions on the card.
    pub total: usize,
    /// Questions whose latest rating is Confident, Shaky, Could not answer; and never rated.
    pub confident: usize,
    pub shaky: usize,
    pub could_not: usize,
    pub unrated: usize,
    /// The newest rating of a question on the card.
    pub last_rehearsed: Option<NaiveDate>,
    /// Questions whose latest rating is too old to count for the audit (see [`fresh_from`]).
    pub due_again: usize,
    /// When the person is here today but not on the interview day, or the other way round.
    pub presence: Option<Presence>,
}

/// Whom to prepare next (founder pass of stop 44: nothing said, and the table keeps register
/// order): a key person before anyone else, then whoever could not answer the most, then the
/// smallest share rated Confident that still counts; register order on ties. `None` when
/// everyone's card is rated Confident and nothing is due again.
pub fn next_to_prepare(people: &[PersonReadiness]) -> Option<&PersonReadiness> {
    let open = |r: &&PersonReadiness| r.confident < r.total || r.due_again > 0;
    people
        .iter()
        .filter(open)
        .min_by_key(|r| (!r.key, std::cmp::Reverse(r.could_not), r.confident.saturating_sub(r.due_again) * 1000 / r.total.max(1)))
}

impl PersonReadiness {
    /// What is left on their card, the counts that are not zero: "2 could not answer, 3 shaky,
    /// 1 not rehearsed yet, 4 due again".
    pub fn left_to_do(&self) -> String {
        self.counts(4)
    }

    /// What is left to rehearse, without the ratings due again (the readiness table says those
    /// beside the last rehearsal): "2 could not answer, 3 shaky, 1 not rehearsed yet".
    pub fn to_rehearse(&self) -> String {
        self.counts(3)
    }

    /// The first `kinds` of the counts [`left_to_do`](Self::left_to_do) names, those not zero.
    fn counts(&self, kinds: usize) -> String {
        let parts = [
            (self.could_not, "could not answer"),
            (self.shaky, "shaky"),
            (self.unrated, "not rehearsed yet"),
            (self.due_again, "due again"),
        ];
        parts[..kinds].iter().filter(|(n, _)| *n > 0).map(|(n, what)| format!("{n} {what}")).collect::<Vec<_>>().join(", ")
    }

    /// Whole percent of the card last rated Confident, rounded down.
    pub fn percent(&self) -> u32 {
        (self.confident * 100).checked_div(self.total).unwrap_or(0) as u32
    }

    /// The person as the card picker lists them, with the role that brings them there (founder
    /// pass: names alone did not say who the CEO was): "Ada Okafor, Top management", "Ben
    /// Lindqvist, Information security manager (ISMS owner) and 3 more roles".
    pub fn picker_label(&self) -> String {
        format!("{}, {}", self.name, self.roles_short())
    }

    /// Their first role, and how many more: "Top management", "no ISMS role", "Information
    /// security manager (ISMS owner) and 3 more roles" (the phone's readiness table, which has
    /// no room for the roles column, says it under the name).
    pub fn roles_short(&self) -> String {
        match self.roles.as_slice() {
            [] => "no ISMS role".to_string(),
            [one] => one.clone(),
            [first, rest @ ..] => format!("{first} and {}", counted(rest.len(), "more role", "more roles")),
        }
    }

    /// How ready the person is, as the card and the brief say it: the share last rated Confident,
    /// the last rehearsal, and how many ratings are too old to count for the audit (interview
    /// pass: green "Confident" tags while the table said all ten were due again).
    pub fn summary(&self) -> String {
        let last = self.last_rehearsed.map_or("never".to_string(), |d| d.to_string());
        let stale = match self.due_again {
            0 => String::new(),
            n => format!(" {} too old to count for the audit: rehearse again.", counted(n, "rating is", "ratings are")),
        };
        format!(
            "{} of {} questions last rated Confident ({} %). Last rehearsal: {last}.{stale}",
            self.confident,
            self.total,
            self.percent()
        )
    }
}

/// The roles whose holders an auditor is sure to interview, besides top management: the security
/// manager, the two Clause 5.3 responsibilities (conformance, and reporting performance to top
/// management) and the management review team.
const KEY_ROLES: [RoleKind; 4] =
    [RoleKind::SecurityManager, RoleKind::IsmsConformance, RoleKind::PerformanceReporting, RoleKind::ReviewTeamMember];

/// Key role holders who work here on `today` (or the day given): top management and the holders
/// of [`KEY_ROLES`].
pub fn is_key_holder(register: &Register, person_id: &str, today: NaiveDate) -> bool {
    register.current_person(person_id, today).is_some()
        && (register.is_top_management(person_id, today) || KEY_ROLES.iter().any(|role| register.holds_on(person_id, role, today)))
}

/// The readiness of one person in the register.
pub fn person_readiness(bank: &QuestionBank, assessment: &Assessment, person_id: &str, today: NaiveDate) -> Option<PersonReadiness> {
    readiness_from(assessment, person_id, today, &rated_card(bank, assessment, person_id, today))
}

/// A card question with its latest rating up to today, if any.
type RatedQuestion<'a> = (&'static Question, Option<&'a Rehearsal>);

/// A person's card, in card order, each question with its latest rating: looked up once, then
/// read by the readiness tally and by each kind of problem.
fn rated_card<'a>(bank: &QuestionBank, assessment: &'a Assessment, person_id: &str, today: NaiveDate) -> Vec<RatedQuestion<'a>> {
    card_questions(bank, &assessment.register, person_id)
        .into_iter()
        .map(|(q, _)| (q, latest(&assessment.rehearsals, person_id, q.id, today)))
        .collect()
}

/// The titles of the questions on a person's card whose latest rating is "could not answer", in
/// card order: what the end of a rehearsal and the full report name.
pub fn could_not_answer_titles(bank: &QuestionBank, assessment: &Assessment, person_id: &str, today: NaiveDate) -> Vec<&'static str> {
    let card = rated_card(bank, assessment, person_id, today);
    card.into_iter().filter(|(_, rating)| rating.is_some_and(|r| r.rating == Rating::CouldNotAnswer)).map(|(q, _)| q.title).collect()
}

fn readiness_from(assessment: &Assessment, person_id: &str, today: NaiveDate, card: &[RatedQuestion]) -> Option<PersonReadiness> {
    let register = &assessment.register;
    let person = register.person(person_id)?;
    let mut r = PersonReadiness {
        person_id: person.id.clone(),
        name: person.display_name().to_string(),
        roles: register.held_roles(person_id).iter().map(role_label).collect(),
        key: is_key_holder(register, person_id, interview_day(assessment, today)),
        total: card.len(),
        confident: 0,
        shaky: 0,
        could_not: 0,
        unrated: 0,
        last_rehearsed: None,
        due_again: 0,
        presence: presence(person, today, interview_day(assessment, today)),
    };
    let fresh_from = fresh_from(assessment, today);
    for (_, rating) in card {
        match rating {
            None => r.unrated += 1,
            Some(entry) => {
                r.last_rehearsed = r.last_rehearsed.max(Some(entry.on));
                r.due_again += usize::from(!entry.counts(fresh_from, today));
                match entry.rating {
                    Rating::Confident => r.confident += 1,
                    Rating::Shaky => r.shaky += 1,
                    Rating::CouldNotAnswer => r.could_not += 1,
                }
            }
        }
    }
    Some(r)
}

/// The readiness of everyone who works here today, or who will on an upcoming audit day (a
/// starter rehearses before the audit too), in register order.
pub fn everyone(bank: &QuestionBank, assessment: &Assessment, today: NaiveDate) -> Vec<PersonReadiness> {
    let register = &assessment.register;
    let day = interview_day(assessment, today);
    let here = |p: &&Person| p.is_current(today) || p.is_current(day);
    register.people.iter().filter(here).filter_map(|p| person_readiness(bank, assessment, &p.id, today)).collect()
}

/// The questions of a person's card, weakest first: could not answer, then shaky, then never
/// rated, then confident; within each, the older latest rating first (card order on ties).
pub fn weakest_first(bank: &QuestionBank, assessment: &Assessment, person_id: &str, today: NaiveDate) -> Vec<&'static str> {
    let mut keyed: Vec<(u8, Option<NaiveDate>, &'static str)> = rated_card(bank, assessment, person_id, today)
        .into_iter()
        .map(|(q, rating)| (rank(rating.map(|e| e.rating)), rating.map(|e| e.on), q.id))
        .collect();
    keyed.sort_by_key(|(rank, on, _)| (*rank, *on)); // stable: card order on ties
    keyed.into_iter().map(|(_, _, id)| id).collect()
}

fn rank(rating: Option<Rating>) -> u8 {
    match rating {
        Some(Rating::CouldNotAnswer) => 0,
        Some(Rating::Shaky) => 1,
        None => 2,
        Some(Rating::Confident) => 3,
    }
}

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
