//! What a verdict rests on that the score cannot see, said next to it: "yes" answers with no
//! evidence recorded (the verdict then takes the user's word for them), recurring activities
//! whose records carry no date (nothing shows they were held in time), and register gaps that
//! open soon while no upcoming audit date lets the checks judge the register as it will be, and
//! evidence renewed when roles change that is older than the register's latest appointment, and
//! key people who have not rehearsed the auditor's interview.
//! None costs points: the first may be evidence kept elsewhere, the second may be a date not
//! typed in, the third may be fixed or fall after the audit, the fourth may already show the
//! new role. Each would surprise a founder who read "Ready" and stopped there.
//! The two caveats drawn from the roles register's changes are in `register_changes`.

mod register_changes;

use chrono::NaiveDate;

use super::assessment::{Answer, Assessment};
use super::catalog::{Catalog, Item, Severity};
use super::evidence::{evidence_described, undated_renewal};
use super::fingerprint::fnv1a;
use super::interview::readiness;
use super::score::Verdict;
use super::wording::{and_list, counted};

pub use register_changes::{predates_role_change, register_changes_soon};

/// How far ahead the register is looked at when no upcoming audit date is set: a certification
/// audit is usually booked a few months before it is held.
pub const LOOKAHEAD_DAYS: u64 = 90;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caveat {
    /// Answered "yes" with no evidence record that says what the evidence is.
    SelfDeclared { count: usize },
    /// Recurring activities (`Item::recurring`: the management review, the internal audit)
    /// answered "yes" with a record that says what it is but carries no date: nothing shows the
    /// activity was held within its interval, so neither a late one nor one never repeated is
    /// found.
    UndatedActivities { count: usize },
    /// How many register checks find new gaps within [`LOOKAHEAD_DAYS`], the first from `from`
    /// (a leaving date, the day a record lapses; none when no new gap carries a date), with each new problem as a sentence, except
    /// the `following` ones that only follow from a role left without a holder: one leaver's
    /// duties, reporting line and records would repeat their name a dozen times.
    RegisterChangesSoon { from: Option<NaiveDate>, checks: usize, problems: Vec<String>, following: usize },
    /// "Yes" answers whose evidence is renewed when roles change (`Cadence::OnRoleChange`: the org
    /// chart, signed assignments, job descriptions) and whose newest record predates the
    /// register's latest appointment, `change` ("the Information security manager (ISMS owner) on
    /// 2026-05-01"): each item's ID, title and newest record. Nothing compared them (auditor
    /// probe): an org chart from before the new security manager was appointed read as current.
    PredatesRoleChange { change: String, items: Vec<(&'static str, &'static str, NaiveDate)> },
    /// Key role holders (top management, the security manager and the other key roles) with no
    /// interview rehearsal that still counts: not having rehearsed is only an observation, so
    /// "Ready" would otherwise say nothing of an interview nobody has tried (interview pass:
    /// honest ratings read worse than never rehearsing).
    NotRehearsed { count: usize },
    /// "Yes" answers on top management's interview that the rehearsals do not bear out (the card's
    /// "Answered, but the register or rehearsals disagree"). The gap costs points through the
    /// interview item's finding; the answer stays the user's, but an auditor believes the
    /// interview (auditor probe: the exports and the board never said so; only the question's card
    /// did). Each item's ID and title.
    AnswersDisagree { items: Vec<(&'static str, &'static str)> },
    /// One record, `what` as first typed, is the only evidence of `count` "yes" answers across
    /// `areas` areas (at least [`REUSED_ANSWERS`] and [`REUSED_AREAS`]): questions that ask for
    /// different things cannot all be shown by it (score-gaming probe of stop 47: "Board minutes
    /// approving the ISMS" on all 104 read "Ready"). Those answers rest on the user's word.
    ReusedRecord { what: String, count: usize, areas: usize },
}

/// How many "yes" answers one record may be the only evidence of, across how many areas, before
/// it reads as filed for them all: a roles document may show most of one area's questions.
pub const REUSED_ANSWERS: usize = 10;
pub const REUSED_AREAS: usize = 4;

impl Caveat {
    /// One sentence for the readiness panel and the dashboard.
    pub fn text(&self) -> String {
        match self {
            Caveat::SelfDeclared { count } => format!(
                "{} no evidence recorded: the verdict takes your word for {}, and an auditor will ask to see the evidence.",
                counted(*count, "“yes” answer has", "“yes” answers have"),
                if *count == 1 { "it" } else { "them" }
            ),
            Caveat::UndatedActivities { count } => format!(
                "{} a record without a date: nothing shows {} held within {} interval, and an auditor will ask when.",
                counted(*count, "recurring activity answered “yes” has", "recurring activities answered “yes” have"),
                if *count == 1 { "it was" } else { "they were" },
                if *count == 1 { "its" } else { "their" }
            ),
            Caveat::RegisterChangesSoon { from, checks, .. } => format!(
                "With no upcoming audit date set, the register is judged as it is today, but within {LOOKAHEAD_DAYS} days {} \
                 new gaps{}. Enter the next audit date to judge the register as it will be then.",
                counted(*checks, "register check finds", "register checks find"),
                from.map(|from| format!(", the first from {from}")).unwrap_or_default()
            ),
            Caveat::NotRehearsed { count } => format!(
                "{} not rehearsed the auditor's interview, or not recently enough to count: the verdict takes on trust \
                 that {} can explain their duties.",
                counted(*count, "key person has", "key people have"),
                if *count == 1 { "they" } else { "they all" }
            ),
            // Named, for the reports show the sentence alone (founder pass of stop 44: "review it"
            // said no question, in the app's panel or in any file).
            Caveat::AnswersDisagree { items } => format!(
                "{} by the interview rehearsals, which do not show top management prepared yet: review {}, as an auditor \
                 will judge by the interview.",
                counted(items.len(), "“yes” answer is not borne out", "“yes” answers are not borne out"),
                and_list(&items.iter().map(|(_, title)| format!("“{title}”")).collect::<Vec<_>>())
            ),
            Caveat::ReusedRecord { what, count, areas } => format!(
                "One record, “{what}”, is the only evidence of {count} “yes” answers in {areas} areas: an auditor asks for \
                 each question's own record and will doubt one filed for them all, so the verdict takes your word for them."
            ),
            // Named, as the reports show the sentence alone (export pass of stop 51: "check that it
            // shows today's roles" said no question in any file).
            Caveat::PredatesRoleChange { change, items } => format!(
                "{} evidence dated before the register's latest appointment, {change}: check that the evidence of {} shows \
                 today's roles, as an auditor will compare it with the register.",
                counted(items.len(), "“yes” answer renewed when roles change rests on", "“yes” answers renewed when roles change rest on"),
                super::wording::first_named(items.iter().map(|(_, title, _)| format!("“{title}”")).collect(), 3)
            ),
        }
    }

    /// The concrete problems behind the sentence, if it has any, those that follow from a role
    /// left without a holder counted in one closing line.
    pub fn details(&self) -> Vec<String> {
        match self {
            Caveat::SelfDeclared { .. } | Caveat::UndatedActivities { .. } | Caveat::NotRehearsed { .. } | Caveat::ReusedRecord { .. } => {
                Vec::new()
            }
            Caveat::PredatesRoleChange { items, .. } => {
                items.iter().map(|(_, title, newest)| format!("{title}: newest record {newest}.")).collect()
            }
            Caveat::AnswersDisagree { items } => items.iter().map(|(_, title)| format!("{title}.")).collect(),
            Caveat::RegisterChangesSoon { problems, following, .. } => {
                let mut lines = problems.clone();
                if *following > 0 {
                    lines.push(format!(
                        "{} from roles left without a holder (their duties, reporting line and records).",
                        counted(*following, "more problem follows", "more problems follow")
                    ));
                }
                lines
            }
        }
    }

    /// How many checks and problems the register details stand for: "6 checks, 17 problems".
    pub fn count_text(&self) -> Option<String> {
        match self {
            Caveat::SelfDeclared { .. }
            | Caveat::UndatedActivities { .. }
            | Caveat::PredatesRoleChange { .. }
            | Caveat::AnswersDisagree { .. }
            | Caveat::ReusedRecord { .. }
            | Caveat::NotRehearsed { .. } => None,
            Caveat::RegisterChangesSoon { checks, problems, following, .. } => {
                Some(format!("{}, {}", counted(*checks, "check", "checks"), counted(problems.len() + following, "problem", "problems")))
            }
        }
    }
}

/// Every caveat that applies to the assessment today, self-declared answers first.
pub fn caveats(catalog: &Catalog, assessment: &Assessment, today: NaiveDate) -> Vec<Caveat> {
    caveats_and_word(catalog, assessment, today).0
}

/// [`caveats`], and whether the verdict rests on the user's word ([`on_your_word`]), from one
/// pass over the "yes" answers (both run on every answer).
pub fn caveats_and_word(catalog: &Catalog, assessment: &Assessment, today: NaiveDate) -> (Vec<Caveat>, bool) {
    let mut out = Vec::new();
    let declared = SelfDeclared::of(catalog, assessment);
    if declared.count > 0 {
        out.push(Caveat::SelfDeclared { count: declared.count });
    }
    out.extend(declared.reused.clone());
    let count = undated_activities(catalog, assessment, today);
    if count > 0 {
        out.push(Caveat::UndatedActivities { count });
    }
    if let Some(changes) = register_changes_soon(assessment, today) {
        out.push(changes);
    }
    out.extend(predates_role_change(catalog, assessment, today));
    let count = not_rehearsed(assessment, today);
    if count > 0 {
        out.push(Caveat::NotRehearsed { count });
    }
    out.extend(answers_disagree(catalog, assessment, today));
    (out, declared.on_your_word())
}

/// Key role holders on the interview day who work here today and have no rating recent enough
/// to count for the audit.
fn not_rehearsed(assessment: &Assessment, today: NaiveDate) -> usize {
    let (register, day) = (&assessment.register, readiness::interview_day(assessment, today));
    let key = register.people.iter().filter(|p| p.is_current(today) && readiness::is_key_holder(register, &p.id, day));
    key.filter(|p| !rehearsed(assessment, &p.id, today)).count()
}

/// Whether the person has a rating recent enough to count for the audit (a failure within 90 days
/// counts: `Rehearsal::counts`).
fn rehearsed(assessment: &Assessment, person_id: &str, today: NaiveDate) -> bool {
    let fresh = readiness::fresh_from(assessment, today);
    assessment.rehearsals.iter().any(|r| r.person_id == person_id && r.counts(fresh, today) && r.on <= today)
}

/// The "yes" answers on top management's interview that the rehearsals do not bear out, as the
/// question's card says it ("the register or rehearsals disagree"), rehearsed or not: the caveat
/// above speaks only of rehearsals made, the reports' per-item records of every such answer
/// (third auditor probe: never rehearsed, the card disagreed and OSCAL said "satisfied").
pub fn not_borne_out(catalog: &Catalog, assessment: &Assessment, today: NaiveDate) -> Vec<&'static str> {
    let yes: Vec<&'static str> = yes_on_top_management_interview(catalog, assessment).map(|item| item.id).collect();
    match !yes.is_empty() && top_management_unprepared(assessment, today) {
        true => yes,
        false => Vec::new(),
    }
}

/// The questions on top management's interview answered yes.
fn yes_on_top_management_interview<'a>(catalog: &'a Catalog, assessment: &'a Assessment) -> impl Iterator<Item = &'a crate::domain::Item> {
    catalog.items.iter().filter(|item| item.asks_top_management_interview() && assessment.answer_for(item) == Some(Answer::Yes))
}

/// Whether the rehearsals do not show top management prepared, as a "yes" on its interview
/// question's card says (`interview_question_note`).
fn top_management_unprepared(assessment: &Assessment, today: NaiveDate) -> bool {
    readiness::interview_question_note(super::interview::QuestionBank::builtin(), assessment, true, today).is_some()
}

/// Whether most "yes" answers have no evidence recorded: a verdict better than "Not ready" then
/// rests on the user's word more than on anything an auditor could be shown, and its label says
/// so (founder pass: every question "yes" with nothing recorded read a green "Ready", the caveat
/// in small print below it).
/// So does every major "yes" with nothing recorded: those are what the verdict hinges on, and the
/// first records an auditor asks for (second auditor probe: the management review, the internal
/// audit and the risk sign-offs all taken on trust read a plain "Ready").
pub fn on_your_word(catalog: &Catalog, assessment: &Assessment) -> bool {
    SelfDeclared::of(catalog, assessment).on_your_word()
}

/// The verdict's label, "Ready, on your word" when it is better than "Not ready" and rests
/// mostly on the user's word ([`on_your_word`]).
pub fn verdict_label(verdict: Verdict, on_your_word: bool) -> String {
    match says_on_your_word(verdict, on_your_word) {
        false => verdict.label().to_string(),
        true => format!("{}, on your word", verdict.label()),
    }
}

/// Whether the verdict is said "on your word": never "Not ready", which nothing taken on trust
/// could make worse.
pub fn says_on_your_word(verdict: Verdict, on_your_word: bool) -> bool {
    on_your_word && verdict != Verdict::NotReady
}

/// The questions answered "yes", those whose every evidence record (if any) says nothing, and
/// those whose only record is one filed for many ([`Caveat::ReusedRecord`]): both count as taken
/// on the user's word.
struct SelfDeclared {
    yes: usize,
    count: usize,
    majors: usize,
    majors_on_word: usize,
    on_word: usize,
    reused: Option<Caveat>,
}

impl SelfDeclared {
    fn of(catalog: &Catalog, assessment: &Assessment) -> SelfDeclared {
        let yes = catalog.items.iter().filter(|item| !item.is_derived() && assessment.answer_for(item) == Some(Answer::Yes));
        // Each "yes" with its only record's text (None: none, or several).
        let answers: Vec<(&Item, Option<&str>)> = yes.map(|item| (item, assessment.response(item.id).and_then(sole_record))).collect();
        let reused = reused_record(&answers);
        let mut d = SelfDeclared { yes: 0, count: 0, majors: 0, majors_on_word: 0, on_word: 0, reused: None };
        for (item, sole) in &answers {
            let declared = usize::from(!assessment.response(item.id).is_some_and(evidence_described));
            let filed_for_many = reused.zip(*sole).is_some_and(|((text, ..), sole)| sole.eq_ignore_ascii_case(text));
            let on_word = declared.max(usize::from(filed_for_many));
            let major = usize::from(item.finding == Severity::Major);
            (d.yes, d.count, d.on_word, d.majors, d.majors_on_word) =
                (d.yes + 1, d.count + declared, d.on_word + on_word, d.majors + major, d.majors_on_word + major * on_word);
        }
        d.reused = reused.map(|(what, count, areas)| Caveat::ReusedRecord { what: what.to_string(), count, areas });
        d
    }

    /// See [`on_your_word`].
    fn on_your_word(&self) -> bool {
        self.on_word > 0 && (2 * self.on_word > self.yes || (self.majors > 0 && self.majors_on_word == self.majors))
    }
}

/// The text of the one record an answer rests on: every record that says what it is says the
/// same, case aside (the same record filed twice is one).
fn sole_record(response: &super::assessment::ItemResponse) -> Option<&str> {
    let mut texts = response.evidence.iter().filter(|r| r.is_described()).map(|r| r.what.trim());
    let first = texts.next().filter(|what| !what.is_empty())?;
    texts.all(|what| what.eq_ignore_ascii_case(first)).then_some(first)
}

/// The record that is the only evidence of the most "yes" answers, when it is so for at least
/// [`REUSED_ANSWERS`] of them in [`REUSED_AREAS`] areas: its text as first typed, how many answers
/// and in how many areas.
fn reused_record<'a>(answers: &[(&Item, Option<&'a str>)]) -> Option<(&'a str, usize, usize)> {
    // Distinct texts with their answers' count and areas; a scan, not a map (first-load size).
    // Each text's fingerprint, its ASCII letters lowercased as `eq_ignore_ascii_case` compares
    // them, is compared before the text itself. Comparing the texts of every pair made the caveats
    // 3.9 of the 10.6 ms an answer's re-score took on the host at ten times the content, every
    // question answered with a record of its own; 0.4 with prints.
    let mut seen: Vec<(u64, &str, usize, Vec<&str>)> = Vec::new();
    for (item, text) in answers.iter().filter_map(|(item, sole)| Some((item, (*sole)?))) {
        let print = fnv1a(text.bytes().map(|b| b.to_ascii_lowercase()));
        match seen.iter_mut().find(|(p, t, ..)| *p == print && t.eq_ignore_ascii_case(text)) {
            Some((_, _, n, areas)) => {
                *n += 1;
                if !areas.contains(&item.area) {
                    areas.push(item.area);
                }
            }
            None => seen.push((print, text, 1, vec![item.area])),
        }
    }
    let most = seen.into_iter().filter(|(.., n, areas)| *n >= REUSED_ANSWERS && areas.len() >= REUSED_AREAS).max_by_key(|(.., n, _)| *n);
    most.map(|(_, what, count, areas)| (what, count, areas.len()))
}

/// Recurring activities answered "yes" whose records say what they are but none has a date up to
/// today (those without any such record are self-declared, counted above).
fn undated_activities(catalog: &Catalog, assessment: &Assessment, today: NaiveDate) -> usize {
    catalog
        .items
        .iter()
        .filter(|item| item.recurring && assessment.answer_for(item) == Some(Answer::Yes))
        .filter_map(|item| Some((item, assessment.response(item.id)?)))
        .filter(|(item, r)| evidence_described(r) && undated_renewal(item.cadence, item.recurring, r, today).is_some())
        .count()
}

/// The "yes" answers on top management's interview (`Item::asks_top_management_interview`) that
/// the rehearsals do not bear out, as the question's card says (`interview_question_note`; see
/// [`Caveat::AnswersDisagree`]). Top management with no rating recent enough to count is
/// [`Caveat::NotRehearsed`]'s to say (auditor probe: a rating on a question off the CEO's card,
/// or too old to count, raised this caveat where the card read "Ready", or the reverse).
/// The "yes" answers are looked for first: the rehearsals are read only beside one.
fn answers_disagree(catalog: &Catalog, assessment: &Assessment, today: NaiveDate) -> Option<Caveat> {
    let items: Vec<_> = yes_on_top_management_interview(catalog, assessment).map(|item| (item.id, item.title)).collect();
    let top = assessment.register.top_management(readiness::interview_day(assessment, today));
    (!items.is_empty() && top.iter().any(|p| rehearsed(assessment, &p.id, today)) && top_management_unprepared(assessment, today))
        .then_some(Caveat::AnswersDisagree { items })
}
