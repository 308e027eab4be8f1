//! Evidence freshness: when a piece of evidence stops being acceptable, given how often the item
//! has to be renewed. Time is a parameter; only the UI reads the clock.

use chrono::{Days, Months, NaiveDate};

use super::assessment::{Answer, Assessment, EvidenceRecord, ItemResponse};
use super::catalog::{Cadence, Catalog, Item};

/// What a record typed with only a placeholder or words any record carries is told.
pub const PLACEHOLDER_RECORD: &str =
    "Say which record it is or where exactly it is kept: a placeholder, or only words such as “evidence” or “Drive”, does not count as evidence.";

/// How long evidence for this cadence stays valid, in months; `None` when time alone never
/// makes it stale (one-off documents, or evidence renewed on events such as role changes).
pub fn validity_months(cadence: Cadence) -> Option<u32> {
    match cadence {
        Cadence::Monthly => Some(1),
        Cadence::Quarterly => Some(3),
        Cadence::Annually => Some(12),
        Cadence::Once | Cadence::OnRoleChange => None,
    }
}

/// The last day evidence produced on `produced_on` is valid: its anniversary for a yearly
/// record. A yearly review held on that day is on time (auditor probe: it read stale).
pub fn expires_on(cadence: Cadence, produced_on: NaiveDate) -> Option<NaiveDate> {
    let months = validity_months(cadence)?;
    produced_on.checked_add_months(Months::new(months))
}

/// How many days a recurring activity may run late before it counts as not held when planned: a
/// quarter of its interval (91 days for a yearly review, 22 for a quarterly one). A review a few
/// weeks late is a late record; one five months late skipped its cycle, which an auditor raises as
/// missing (auditor probe: a management review 500 days old read as a minor late record).
pub fn overdue_grace_days(cadence: Cadence) -> Option<u64> {
    validity_months(cadence).map(|months| u64::from(months) * 365 / 48)
}

/// The last day a recurring activity whose newest record expired on `expired_on` can be held
/// without having missed its cycle ([`overdue_grace_days`] after the expiry).
pub fn last_day_to_hold(cadence: Cadence, expired_on: NaiveDate) -> Option<NaiveDate> {
    overdue_grace_days(cadence).and_then(|days| expired_on.checked_add_days(Days::new(days)))
}

/// The last day to hold a recurring activity (`Item::recurring`) whose newest record is late
/// `today`, while that day is still to come: after it, the cycle is missed. What a late activity's
/// plan line and its calendar duty are due by.
pub fn late_hold_by(item: &Item, response: &ItemResponse, today: NaiveDate) -> Option<NaiveDate> {
    // Asked first: reading the records is the costly part, and only recurring activities are held.
    if !item.recurring {
        return None;
    }
    let expired = freshest_expiry(item.cadence, response, today).filter(|on| *on < today)?;
    last_day_to_hold(item.cadence?, expired).filter(|by| *by >= today)
}

/// Whether a recurring activity whose newest record expired on `expired_on` has, by `today`, run
/// later than [`overdue_grace_days`] allows.
pub fn missed_cycle(cadence: Cadence, expired_on: NaiveDate, today: NaiveDate) -> bool {
    last_day_to_hold(cadence, expired_on).is_some_and(|limit| limit < today)
}

/// The expiry of the freshest evidence record produced by today, if any. A record dated later
/// (a typo, or a meeting only planned) does not stretch the validity.
pub fn freshest_expiry(cadence: Option<Cadence>, response: &ItemResponse, today: NaiveDate) -> Option<NaiveDate> {
    expires_on(cadence?, newest_record(response, today)?)
}

/// The date of the newest evidence record produced by today that says what it is or where it is
/// kept (`EvidenceRecord::is_described`): a date alone shows nothing was produced.
pub fn newest_record(response: &ItemResponse, today: NaiveDate) -> Option<NaiveDate> {
    // Nor does a record that says it is not done yet: a draft renews nothing. Its words are read
    // last, only for a record dated by today (the freshness checks call this for every item).
    let dated = response.evidence.iter().filter(|record| record.produced_on.is_some_and(|on| on <= today));
    newest_counting(dated.map(|record| (record, Reading::of(record))), today)
}

/// The newest date among records read, of those dated by today whose words count.
fn newest_counting<'r>(records: impl Iterator<Item = (&'r EvidenceRecord, Reading)>, today: NaiveDate) -> Option<NaiveDate> {
    records.filter(|(_, read)| read.counts()).filter_map(|(record, _)| record.produced_on).filter(|on| *on <= today).max()
}

/// The day a "yes" rests only on evidence not produced yet: it has records, and every one that
/// says anything is dated after today (a meeting only planned, or a typo in the year). `None` when
/// a record is dated up to today. An undated record says the evidence exists, except on a
/// recurring activity (`Item::recurring`: the yearly management review): there only a date shows
/// that it was held, so when every dated record lies ahead, the undated ones (an agenda) do not.
pub fn planned_only(recurring: bool, response: &ItemResponse, today: NaiveDate) -> Option<NaiveDate> {
    let filled = response.evidence.iter().filter(|r| r.is_described());
    let dates: Vec<Option<NaiveDate>> = filled.map(|r| r.produced_on).collect();
    if !recurring && dates.contains(&None) {
        return None;
    }
    let dated: Vec<NaiveDate> = dates.into_iter().flatten().collect();
    dated.iter().all(|d| *d > today).then(|| dated.iter().min().copied()).flatten()
}

/// How many records of a response carry no date but do say what they are: a placeholder ("TBD",
/// or only an owner) is no record that might be the newer one (auditor probe: it kept a review
/// 565 days old a late record, not the missed one it was).
pub fn undated_records(response: &ItemResponse) -> usize {
    response.evidence.iter().filter(|r| r.produced_on.is_none() && r.is_described()).count()
}

/// Whether a record dated `date` comes after an audit still to come (an audit already held says
/// nothing about later records).
pub fn after_upcoming_audit(date: NaiveDate, today: NaiveDate, audit_date: Option<NaiveDate>) -> bool {
    audit_date.is_some_and(|audit| audit >= today && date > audit)
}

/// A "yes" on an item renewed by the calendar whose freshness cannot be checked: no evidence
/// record carries a date up to today. It costs nothing (the answer says the evidence exists), but
/// the user is asked to date it so the app can warn before it goes stale. Returns how often the
/// item must be renewed, in words.
pub fn undated_renewal(cadence: Option<Cadence>, recurring: bool, response: &ItemResponse, today: NaiveDate) -> Option<&'static str> {
    let every = match cadence? {
        Cadence::Monthly => "every month",
        Cadence::Quarterly => "every quarter",
        Cadence::Annually => "every year",
        Cadence::Once | Cadence::OnRoleChange => return None,
    };
    // The same rule the freshness check uses: only a record dated up to today has an expiry.
    // Records all dated later are not undated: they have a finding of their own. Nor are records
    // all dated but unfinished ("Not produced yet" says so; CEO pass: a dated draft also read "a
    // record without a date").
    if undated_records(response) == 0 && only_unfinished(response) {
        return None;
    }
    (freshest_expiry(cadence, response, today).is_none() && planned_only(recurring, response, today).is_none()).then_some(every)
}

/// Whether the answer's evidence says anything, and every record that does says that what it
/// records is not done or not final yet (`EvidenceRecord::says_not_done`): nothing finished is
/// on file.
pub fn only_unfinished(response: &ItemResponse) -> bool {
    let mut described = response.evidence.iter().filter(|r| r.is_described()).peekable();
    described.peek().is_some() && described.all(|r| r.says_not_done())
}

/// Whether any evidence record of the answer says what the evidence is.
pub fn evidence_described(response: &ItemResponse) -> bool {
    response.evidence.iter().any(EvidenceRecord::is_described)
}

/// How many "yes" answers rest on evidence renewed by the calendar that is recorded but has no
/// dated record: they cost nothing, but nothing can say whether their evidence is still fresh
/// (see [`undated_renewal`]). A "yes" with no evidence recorded at all is not among them: the
/// verdict's caveat counts it as taken on trust (founder pass: the same answer was reported as
/// both, the second wording implying evidence that was never recorded).
pub fn undated_yes_count(catalog: &Catalog, assessment: &Assessment, today: NaiveDate) -> usize {
    undated_yes_items(catalog, assessment, today).count()
}

/// The items counted by [`undated_yes_count`], in catalogue order.
pub fn undated_yes_items<'a>(catalog: &'a Catalog, assessment: &'a Assessment, today: NaiveDate) -> impl Iterator<Item = &'a Item> {
    catalog.items.iter().filter(move |item| {
        !item.is_derived()
            && assessment.answer_for(item) == Some(Answer::Yes)
            && assessment
                .response(item.id)
                .is_some_and(|r| evidence_described(r) && undated_renewal(item.cadence, item.recurring, r, today).is_some())
    })
}

/// Whether evidence is fine, already stale, or goes stale before the audit.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Freshness {
    Fresh,
    /// Expired before today.
    Stale {
        expired_on: NaiveDate,
    },
    /// Valid today, but expires before the audit date, and a record made today would still be
    /// valid on audit day: renewing now fixes it.
    ExpiresBeforeAudit {
        expires_on: NaiveDate,
    },
}

pub fn freshness(cadence: Option<Cadence>, expiry: Option<NaiveDate>, today: NaiveDate, audit_date: Option<NaiveDate>) -> Freshness {
    match expiry {
        Some(date) if date < today => Freshness::Stale { expired_on: date },
        Some(date) if audit_date.is_some_and(|audit| date < audit && renewal_reaches(cadence, today, audit)) => {
            Freshness::ExpiresBeforeAudit { expires_on: date }
        }
        _ => Freshness::Fresh,
    }
}

/// Whether evidence renewed today would still be valid on audit day. Until then, evidence that
/// lapses before the audit is not a gap: it is renewed when due, as the calendar schedules it,
/// and renewing it sooner would not reach the audit either.
fn renewal_reaches(cadence: Option<Cadence>, today: NaiveDate, audit: NaiveDate) -> bool {
    cadence.and_then(|c| expires_on(c, today)).is_some_and(|end| end >= audit)
}

/// What the evidence editor says under one record, and whether it is a warning: the record
/// does not count (now, or for the audit) or stops counting before the audit day. The view picks
/// its colour from `warns`, not from the wording.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Validity {
    pub says: String,
    pub warns: bool,
}

impl Validity {
    fn note(says: impl Into<String>) -> Self {
        Self { says: says.into(), warns: false }
    }

    fn warning(says: impl Into<String>) -> Self {
        Self { says: says.into(), warns: true }
    }
}

/// What one of an item's records is worth: nothing while it says neither what nor where it is;
/// nothing more to do when a newer record, produced by today, replaces it (the freshness check
/// reads the newest, [`newest_record`]), otherwise [`record_validity`].
pub fn validity_among(
    cadence: Option<Cadence>,
    response: &ItemResponse,
    record: &EvidenceRecord,
    today: NaiveDate,
    audit_date: Option<NaiveDate>,
) -> Validity {
    validity_read(cadence, || newest_record(response, today), record, Reading::of(record), today, audit_date)
}

/// What a record's own words say: whether it says what it is or where it is kept
/// (`EvidenceRecord::is_described`), and whether, so described, it says it is not done yet
/// (`EvidenceRecord::says_not_done`). Reading them is most of what judging a record costs.
#[derive(Clone, Copy)]
struct Reading {
    described: bool,
    not_done: bool,
}

impl Reading {
    fn of(record: &EvidenceRecord) -> Reading {
        let described = record.is_described();
        Reading { described, not_done: described && record.says_not_done() }
    }

    /// Whether the record counts as the finished record it describes.
    fn counts(self) -> bool {
        self.described && !self.not_done
    }
}

/// [`validity_among`] for each of a response's records, in order, its newest record read once
/// (the reports list every record: reading them all again for each was quadratic).
pub fn validities(
    cadence: Option<Cadence>,
    response: &ItemResponse,
    today: NaiveDate,
    audit_date: Option<NaiveDate>,
) -> impl Iterator<Item = Validity> + '_ {
    let reads: Vec<Reading> = response.evidence.iter().map(Reading::of).collect();
    let newest = newest_counting(response.evidence.iter().zip(reads.iter().copied()), today);
    response.evidence.iter().zip(reads).map(move |(record, read)| validity_read(cadence, || newest, record, read, today, audit_date))
}

/// [`validity_among`], given the record's words read and how to find the response's newest record
/// (asked only for a dated record that counts).
fn validity_read(
    cadence: Option<Cadence>,
    newest: impl FnOnce() -> Option<NaiveDate>,
    record: &EvidenceRecord,
    read: Reading,
    today: NaiveDate,
    audit_date: Option<NaiveDate>,
) -> Validity {
    let produced_on = record.produced_on;
    if !read.described {
        // A row just added, still blank, is a prompt, not yet a warning (founder pass: it opened
        // in red before anything was typed).
        // A date or an owner alone says the row is meant as a record (second founder pass: the
        // same words in two colours told them apart by colour alone).
        let unnamed = record.what.trim().is_empty() && record.location.trim().is_empty();
        return match (*record == EvidenceRecord::default(), unnamed) {
            (true, _) => Validity::note("Say what it is and where it is kept."),
            (false, true) => {
                Validity::warning("Not described yet: say what it is or where it is kept. Until then it does not count as evidence.")
            }
            (false, false) => Validity::warning(PLACEHOLDER_RECORD),
        };
    }
    // Not a date to renew by (checking pass of stop 43: "Expires on …: renew it" above "Not
    // produced yet").
    if read.not_done {
        return Validity::warning("It says it is not done or not final yet: it does not count as the finished record.");
    }
    let newer = produced_on.and_then(|own| newest().filter(|d| *d > own));
    if let Some(date) = newer {
        return Validity::note(format!("Replaced by the record of {date}."));
    }
    let validity = record_validity(cadence, produced_on, today, audit_date);
    // Where it is kept is asked for until given, before any other hint (founder pass of stop 44:
    // with only "what" typed, the hint moved on to the date).
    match (validity.warns, record.location.trim().is_empty(), produced_on) {
        (false, true, None) => Validity::note("Say where it is kept, and add the date it was produced to check freshness."),
        (false, true, Some(_)) => Validity::note("Say where it is kept: an auditor will ask to see it."),
        _ => validity,
    }
}

/// What one record's date is worth, in the freshness check's own terms (stale from the day after
/// its expiry; expiring before the audit is flagged).
pub fn record_validity(
    cadence: Option<Cadence>,
    produced_on: Option<NaiveDate>,
    today: NaiveDate,
    audit_date: Option<NaiveDate>,
) -> Validity {
    let Some(date) = produced_on else { return Validity::note("Add the date it was produced to check freshness.") };
    if after_upcoming_audit(date, today, audit_date) {
        return Validity::warning(format!("Dated {date}, after the audit day: it cannot count for this audit. Check the date."));
    }
    if date > today {
        return Validity::note(format!("Dated {date}, after today: it counts from that day, not before."));
    }
    let Some(cadence) = cadence else { return Validity::note("Does not expire by date.") };
    let expiry = expires_on(cadence, date);
    match (freshness(Some(cadence), expiry, today, audit_date), expiry) {
        (Freshness::Stale { expired_on }, _) => Validity::warning(format!("Expired on {expired_on}: renew it.")),
        (Freshness::ExpiresBeforeAudit { expires_on }, _) => {
            Validity::warning(format!("Expires on {expires_on}, before the audit day: renew it in time."))
        }
        (Freshness::Fresh, Some(end)) if audit_date.is_some_and(|audit| end < audit) => {
            Validity::note(format!("Expires on {end}, before the audit day: renew it by then (renewing sooner would not reach the audit)."))
        }
        (Freshness::Fresh, Some(end)) => Validity::note(format!("Expires on {end}: renew it before then.")),
        (Freshness::Fresh, None) => Validity::note("Does not expire by date (renew it on changes)."),
    }
}
