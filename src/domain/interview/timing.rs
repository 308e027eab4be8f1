//! When interview ratings count and who is there to be interviewed: the audit day the ratings
//! are judged against, how fresh a rating has to be, and someone who starts or leaves between
//! today and the interview day.

use chrono::{Days, NaiveDate};

use crate::domain::assessment::Assessment;
use crate::domain::roles::Person;

/// A key role holder whose last rehearsal is older than this many days before the audit (or
/// today, without an audit date) has to rehearse again.
pub const STALE_AFTER_DAYS: u64 = 90;

/// Someone listed for interviews who is not here both today and on the interview day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Presence {
    /// Not started yet; starts on or before the interview day.
    Starts(NaiveDate),
    /// Here today; leaves before the interview day.
    LeavesBeforeAudit(NaiveDate),
}

impl Presence {
    /// The words before and after the date: "Starts on" …; "Leaves on" … ", before the audit".
    pub fn words(self) -> (&'static str, NaiveDate, &'static str) {
        match self {
            Presence::Starts(day) => ("Starts on", day, ""),
            Presence::LeavesBeforeAudit(day) => ("Leaves on", day, ", before the audit"),
        }
    }

    pub fn text(self) -> String {
        let (before, day, after) = self.words();
        format!("{before} {day}{after}")
    }
}

/// The audit the ratings are judged against: an upcoming one within [`STALE_AFTER_DAYS`], when a
/// rating made today still counts on its day. Further ahead, they are judged against today, as
/// evidence is (a rehearsal now could not reach the audit, so its lapsing is no gap yet): the
/// stale ones show up once rehearsing again can fix them.
pub(super) fn judged_against(assessment: &Assessment, today: NaiveDate) -> Option<NaiveDate> {
    assessment.audit_date.filter(|audit| *audit >= today && rehearse_again_from(*audit) <= today)
}

/// The oldest "could not answer" that still counts as a failure: 90 days before today, whenever
/// the audit is. A rating of a question that would be too old by the audit day still says, until
/// it is rated again, what the person could not explain (see `readiness::outlook`).
pub fn failures_count_from(today: NaiveDate) -> NaiveDate {
    rehearse_again_from(today)
}

/// The first day a rating still counts on `audit` day ([`STALE_AFTER_DAYS`] before it).
fn rehearse_again_from(audit: NaiveDate) -> NaiveDate {
    audit.checked_sub_days(Days::new(STALE_AFTER_DAYS)).unwrap_or(audit)
}

/// The oldest rating that still counts: 90 days before an audit at most that far ahead,
/// otherwise 90 days before today (an audit date already passed measures nothing).
pub fn fresh_from(assessment: &Assessment, today: NaiveDate) -> NaiveDate {
    rehearse_again_from(judged_against(assessment, today).unwrap_or(today))
}

/// While the audit is more than [`STALE_AFTER_DAYS`] away, a rating made today counts now but
/// not on audit day: said before anyone rehearses, with the day from which to rate each card
/// again, so ratings that lapse once the audit comes within reach are no surprise.
pub fn too_early_note(assessment: &Assessment, today: NaiveDate) -> Option<String> {
    let audit = assessment.audit_date?;
    let again = rehearse_again_from(audit);
    (again > today).then(|| {
        format!(
            "Your audit is on {audit}: ratings made now count today, but only those from {again} on, {STALE_AFTER_DAYS} \
             days before it, count on audit day. Rehearse now to learn the answers, and rate each card again from {again} on."
        )
    })
}

/// The day whose key role holders count: an upcoming audit day (the auditor meets the people
/// in post then), otherwise today.
pub fn interview_day(assessment: &Assessment, today: NaiveDate) -> NaiveDate {
    assessment.audit_date.filter(|audit| *audit > today).unwrap_or(today)
}

/// Whether someone is here today but gone by the interview day, or only starts by then.
pub(super) fn presence(person: &Person, today: NaiveDate, day: NaiveDate) -> Option<Presence> {
    match (person.is_current(today), person.is_current(day), person.leaving_date, person.start_date) {
        (true, false, Some(left), _) => Some(Presence::LeavesBeforeAudit(left)),
        (false, true, _, Some(start)) => Some(Presence::Starts(start)),
        _ => None,
    }
}
