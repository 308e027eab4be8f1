//! Interview readiness: per person, how much of their card was last rated Confident and when they
//! last rehearsed; the order to rehearse in (weakest first); and the problems that decide the
//! pre-audit item "Key people are ready for interviews" (Clause 5.3, Clause 7.2).

use chrono::NaiveDate;

use crate::domain::assessment::Assessment;
use crate::domain::roles::{Person, Register, RoleKind};
use crate::domain::wording::counted;

use super::bank::{Question, QuestionBank};
use super::card::{card_questions, role_label};
pub use super::outlook::{
    interview_question_note, outlook, problems, top_management_unprepared, Outlook, LEAD, LEADER_CANNOT_SHOW, NOT_YET_SHOWN, REMEDIATION,
};
use super::rating::{latest, Rating, Rehearsal};
use super::timing::presence;
pub use super::timing::{failures_count_from, fresh_from, interview_day, too_early_note, Presence, STALE_AFTER_DAYS};

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
pub(super) type RatedQuestion<'a> = (&'static Question, Option<&'a Rehearsal>);

/// A person's card, in card order, each question with its latest rating: looked up once, then
/// read by the readiness tally and by each kind of problem.
pub(super) fn rated_card<'a>(bank: &QuestionBank, assessment: &'a Assessment, person_id: &str, today: NaiveDate) -> Vec<RatedQuestion<'a>> {
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

pub(super) fn readiness_from(
    assessment: &Assessment,
    person_id: &str,
    today: NaiveDate,
    card: &[RatedQuestion],
) -> Option<PersonReadiness> {
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
