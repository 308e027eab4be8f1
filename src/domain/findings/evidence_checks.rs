//! The checks that judge a "yes" by what stands behind it: the narrower record it rests on, and
//! its evidence records' dates (not produced yet, expired, or lapsing before the audit).

use super::{finding, Context, Finding, FindingKind};
use crate::domain::assessment::Answer;
use crate::domain::catalog::{Item, Severity};
use crate::domain::evidence::{
    after_upcoming_audit, evidence_described, freshest_expiry, freshness, missed_cycle, only_unfinished, overdue_grace_days, planned_only,
    undated_records, Freshness,
};
use crate::domain::points::{earned, weight, Points};
use crate::domain::roles::checks::named_as_approver;
use crate::domain::wording::lower_first;

/// A "yes" whose own record a narrower question (`Item::proves_within`) answers no or partly:
/// the auditor asks for that record to see it in place, so the "yes" is only partly shown
/// (auditor probe: "no record of the CEO approving the policy" beside "policy approved" read
/// "Ready"). It costs what "partly" costs; the record's own gap is part of it.
/// A "yes" on an act of top management (the answered major questions it owns: approving the
/// policy, assigning the Clause 5.3 roles) whose evidence names as the one who approved or signed
/// it someone the register does not count in top management, and nobody who is (auditor probe of
/// stop 45: "approved by Ben Lindqvist (Head of Security)" read "Ready").
/// Only where the clause the item cites gives the act to top management (Clause 5.1 to 5.3, and
/// the management review of 9.3): the risk owners approve risk treatment (6.1.3 f), and 6.1.3 d)
/// names nobody to sign the Statement of Applicability (content pass of stop 50: a risk owner's
/// approval was refused "by Clause 5.2 and 5.3").
pub(super) fn approved_outside_top(ctx: &Context, item: &'static Item) -> Option<Finding> {
    let top_managements_act = item.owner == "top-management" && item.finding == Severity::Major && !item.is_derived();
    if !top_managements_act || ctx.answer_for(item) != Some(Answer::Yes) {
        return None;
    }
    let clause = top_managements_clause(item.reference)?;
    let register = &ctx.assessment.register;
    let records = ctx.response(item.id)?.evidence.iter().filter(|r| r.is_described());
    let named: Vec<_> = records.flat_map(|r| [&r.what, &r.location]).flat_map(|text| named_as_approver(text, register)).collect();
    if named.iter().any(|p| register.is_top_management(&p.id, ctx.today)) {
        return None;
    }
    let outside = named.first()?;
    let worth = weight(item.finding);
    let half = worth - earned(Some(Answer::Partly), worth)?;
    let explanation = format!(
        "Answered yes, but the evidence names {} as the one who approved or signed it, and the roles register does not count \
         them in top management: {clause} makes this top management's act, so an auditor would not take it as done. Have \
         top management approve it, or mark them as top management in the register if they are.",
        outside.display_name()
    );
    Some(finding(item, FindingKind::Partial, ctx.catalog.partly_severity(item), half, explanation))
}

/// The first part of an item's reference ("Clause 5.3 b), Clause 9.3") that gives its act to top
/// management: Clause 5.1, 5.2, 5.3 or 9.3.
fn top_managements_clause(reference: &'static str) -> Option<&'static str> {
    let of_top = |part: &&str| ["Clause 5.1", "Clause 5.2", "Clause 5.3", "Clause 9.3"].iter().any(|c| part.starts_with(c));
    reference.split(", ").find(of_top)
}

pub(super) fn unproven_yes(ctx: &Context, item: &'static Item) -> Option<Finding> {
    if ctx.answer_for(item) != Some(Answer::Yes) {
        return None;
    }
    // Missing or unconfirmed, as a claim's proof (and so answering the record "no" after "not
    // sure" never lowers the score); "not applicable" only where it can exclude the record.
    // A record answered yes whose evidence is all dated after today is not there yet either
    // (second auditor probe: the policy's approval on record, dated after the audit, left "policy
    // approved" reading "Ready").
    // So is one whose evidence all says it is not done yet (second auditor probe of stop 43: "CEO
    // approval of policy v1.0 pending" left the policy "Ready").
    let produced = |i: &Item| ctx.response(i.id).map_or(true, |r| planned_only(i.recurring, r, ctx.today).is_none() && !only_unfinished(r));
    let (record, answer) = ctx.records.iter().copied().filter(|i| i.within == Some(item.id)).find_map(|i| match ctx.answer_for(i) {
        Some(Answer::Yes) if produced(i) => None,
        Some(Answer::NotApplicable) if i.excludable() => None,
        answer => Some((i, answer)),
    })?;
    let worth = weight(item.finding);
    let response = ctx.response(item.id);
    // A recurring activity's record is its date: one on file, dated by today, is that record,
    // whatever the question on it says (second founder pass: dated minutes beside "no" to "the
    // last review's date recorded" read "partly met").
    if item.recurring && response.and_then(|r| crate::domain::evidence::newest_record(r, ctx.today)).is_some() {
        return None;
    }
    // Its record not produced yet, nothing shows it in place, as with the evidence filed on this
    // question itself (third auditor probe: filed under the record's question, an approval dated
    // after the audit read a minor; filed here, the major `not_yet_produced` raises).
    if answer == Some(Answer::Yes) {
        let explanation = format!(
            "Answered yes, but “{}”, the record an auditor asks for to see this in place, has evidence dated only after today, \
             or that says it is not done yet: until it exists an auditor finds none, so this counts as not in place. If a date \
             is mistyped, correct it. If it is missing: {}",
            record.title,
            lower_first(item.finding_reason)
        );
        let mut f = finding(item, FindingKind::NotYetProduced, item.finding, worth, explanation);
        f.rests_on = Some(record);
        return Some(f);
    }
    if item.recurring {
        // With the record's question answered no (or N/A where it cannot be excluded) and nothing
        // on file, nothing shows it was held: not in place (auditor probe: a management review
        // with neither its date nor minutes read a minor). A record without a date that says what
        // it is might be it: then it stays partly shown (second auditor probe: signed, undated
        // minutes read "nothing shows this was held").
        if matches!(answer, Some(Answer::No | Answer::NotApplicable)) && response.map_or(0, undated_records) == 0 {
            let explanation = format!(
                "Answered yes, but “{}” is answered no and no record dated by today is on file: nothing shows this was held, \
                 so it counts as not in place. If it was held, file its dated record. If it is missing: {}",
                record.title,
                lower_first(item.finding_reason)
            );
            let mut f = finding(item, FindingKind::Gap, item.finding, worth, explanation);
            f.rests_on = Some(record);
            return Some(f);
        }
    }
    // While the record's own question is not answered, a finished record dated by today filed on
    // this question is that record (founder pass of stop 45: "Security policy v3 signed by CEO",
    // dated, lost half the points while a bare "yes" elsewhere kept them all).
    let filed_here = response.and_then(|r| crate::domain::evidence::newest_record(r, ctx.today)).is_some();
    if filed_here && matches!(answer, None | Some(Answer::NotSure)) {
        return None;
    }
    let half = worth - earned(Some(Answer::Partly), worth)?;
    // Until the record is answered, this is not known yet either (founder pass: answering in
    // order, the policy read "Partly met" before its record's question came up).
    let (kind, state) = match answer {
        None | Some(Answer::NotSure) => (FindingKind::Unanswered, "is not answered yet (or “not sure”)".to_string()),
        Some(answer) => (FindingKind::Partial, format!("is answered {}", lower_first(answer.label()))),
    };
    let explanation = format!(
        "Answered yes, but “{}” {state}: that is the record an auditor asks for to see this in place, so it counts as \
         only partly shown until that is answered yes. If it is not in place at all, answer no here.",
        record.title
    );
    // A major requirement only partly shown is a minor; a minor one stays a minor (auditor probe:
    // the disciplinary process with nothing written down read "Ready" as an observation).
    let mut f = finding(item, kind, item.finding.min(Severity::Minor), half, explanation);
    f.rests_on = Some(record);
    Some(f)
}

/// A recurring activity that has to consider another's results (`Item::considers`: a management
/// review, the internal audit's), answered yes, whose newest record up to today comes before any
/// record of that one: it could not consider them, so it is only partly shown (second auditor
/// probe: a management review two months before the first internal audit read "Ready"). Without
/// a dated record of either, or with that one not answered held, there is nothing to compare:
/// their own checks speak.
pub(super) fn considered_too_early(ctx: &Context, item: &'static Item) -> Option<Finding> {
    let input = ctx.catalog.item(item.considers?)?;
    // Only an activity answered held has results to consider: a programme answered "no" with
    // its plan on file is its own gap (third auditor probe: a second finding for the review).
    let held_input = matches!(ctx.answer_for(input), Some(Answer::Yes | Answer::Partly));
    if ctx.answer_for(item) != Some(Answer::Yes) || !held_input {
        return None;
    }
    let held = crate::domain::evidence::newest_record(ctx.response(item.id)?, ctx.today)?;
    // A row that says neither what nor where is no record of it (second auditor probe: an empty
    // row dated earlier made the review look after the audit).
    let records = ctx.response(input.id)?.evidence.iter().filter(|r| r.is_described());
    let dated = records.filter_map(|r| r.produced_on);
    let first = dated.filter(|d| *d <= ctx.today).min()?;
    if first <= held {
        return None;
    }
    let worth = weight(item.finding);
    let half = worth - earned(Some(Answer::Partly), worth)?;
    let explanation = format!(
        "Answered yes, but the newest record is dated {held}, before the first record of “{}” ({first}): it could not \
         consider its results, which an auditor expects it to. Hold it again after that, or file the earlier record of “{}” \
         if there is one.",
        input.title, input.title
    );
    let mut f = finding(item, FindingKind::Partial, ctx.catalog.partly_severity(item), half, explanation);
    f.date = Some(held);
    Some(f)
}

/// How the answer says the item is in place, when its records can contradict it: "yes", or
/// "partly" on a recurring activity (a review only planned is not partly held).
fn claimed_held(ctx: &Context, item: &Item) -> Option<&'static str> {
    match ctx.answer_for(item) {
        Some(Answer::Yes) => Some("yes"),
        Some(Answer::Partly) if item.recurring => Some("partly"),
        _ => None,
    }
}

/// A "yes" whose every evidence record is dated after today: what it records has not happened
/// yet (or a date is mistyped), so an auditor would find nothing. It costs what a "no" costs. So
/// does a recurring activity answered "partly" with only records ahead: a review or an audit
/// only planned is not partly held (auditor probe: "partly" on a review dated next month read
/// "Nearly ready" where "yes" read the major it is).
pub(super) fn not_yet_produced(ctx: &Context, item: &'static Item) -> Option<Finding> {
    let answered = claimed_held(ctx, item)?;
    let response = ctx.response(item.id)?;
    let first = planned_only(item.recurring, response, ctx.today)?;
    let when = match after_upcoming_audit(first, ctx.today, ctx.assessment.audit_date) {
        true => "after today and after the audit day",
        false => "after today",
    };
    let undated = match undated_records(response) {
        0 => "",
        _ => " A record without a date cannot show that this recurring activity has already taken place: if it has, give that record its date.",
    };
    let explanation = format!(
        "Answered {answered}, but the evidence is dated {first} or later, {when}: until it exists an auditor finds none, so it \
         counts as not in place.{undated} If a date is mistyped, correct it. If it is missing: {}",
        lower_first(item.finding_reason)
    );
    let mut f = finding(item, FindingKind::NotYetProduced, item.finding, weight(item.finding), explanation);
    f.date = Some(first);
    Some(f)
}

/// A "yes" whose every evidence record that says anything says, in its own words, that what it
/// records is not done or not final yet (`EvidenceRecord::says_not_done`: a draft, a meeting only
/// scheduled): an auditor would find no finished record, so it costs what a "no" costs, as a
/// record dated ahead does (auditor probe of stop 43: a draft policy awaiting sign-off, an
/// internal audit only booked and risks not yet accepted each read "Ready").
/// So does a recurring activity answered "partly" with such records: a review only scheduled is
/// not partly held (second auditor probe of stop 43, as `not_yet_produced` says of dates).
/// With no record that says anything, the answer's own note opening by saying so counts the same
/// ("Not done yet, we will do it before the audit": score-gaming probe of stop 47, it read
/// "Ready"; `wording::note_says_not_done`); the note is private, so the finding does not quote
/// it.
pub(super) fn unfinished_evidence(ctx: &Context, item: &'static Item) -> Option<Finding> {
    let answered = claimed_held(ctx, item)?;
    let response = ctx.response(item.id)?;
    if !evidence_described(response) && crate::domain::wording::note_says_not_done(&response.note) {
        let explanation = format!(
            "Answered {answered}, but its note says it is not done yet, and no record shows otherwise: an auditor asks \
             for the finished record, so this counts as not in place until it exists. When it exists, record it as \
             evidence. If it is missing: {}",
            lower_first(item.finding_reason)
        );
        return Some(finding(item, FindingKind::NotYetProduced, item.finding, weight(item.finding), explanation));
    }
    if !only_unfinished(response) {
        return None;
    }
    let first = response.evidence.iter().find(|r| r.is_described())?.what.trim();
    let explanation = format!(
        "Answered {answered}, but the evidence says it is not done or not final yet (“{first}”): an auditor asks for the \
         finished record, so this counts as not in place until it exists. When it exists, describe that record. If it is \
         missing: {}",
        lower_first(item.finding_reason)
    );
    Some(finding(item, FindingKind::NotYetProduced, item.finding, weight(item.finding), explanation))
}

/// A recurring activity (`Item::recurring`) answered yes or partly whose newest record expired
/// more than a quarter of its interval ago (`evidence::missed_cycle`) was not held when planned:
/// a "no" at its own severity, not a late record (auditor probes: a management review 500 days
/// old read a minor, answered "yes" and again answered "partly"). Judged on today only. A record
/// without a date might be the newer one: then it stays a late record that asks for the date.
pub(super) fn missed_cycle_gap(ctx: &Context, item: &'static Item) -> Option<Finding> {
    let answer = ctx.answer_for(item);
    if !item.recurring || !matches!(answer, Some(Answer::Yes | Answer::Partly)) {
        return None;
    }
    let (cadence, response) = (item.cadence?, ctx.response(item.id)?);
    let expired_on = freshest_expiry(Some(cadence), response, ctx.today)?;
    if undated_records(response) > 0 || !missed_cycle(cadence, expired_on, ctx.today) {
        return None;
    }
    let days = overdue_grace_days(cadence)?;
    let answered = if answer == Some(Answer::Partly) { "Answered partly, and the" } else { "The" };
    let explanation = format!(
        "{answered} newest evidence expired on {expired_on}. More than {days} days (a quarter of its interval) have passed since \
         without a new one, so it was not held when planned: an auditor treats it as not in place. If it is missing: {}",
        lower_first(item.finding_reason)
    );
    let mut f = finding(item, FindingKind::Gap, item.finding, weight(item.finding), explanation);
    f.date = Some(expired_on);
    Some(f)
}

/// The freshness check: a "yes" backed by evidence that is, or will be on audit day, out of date
/// earns half its points.
pub(super) fn evidence_finding(ctx: &Context, item: &'static Item) -> Option<Finding> {
    if ctx.answer_for(item) != Some(Answer::Yes) {
        return None;
    }
    let response = ctx.response(item.id)?;
    let expiry = freshest_expiry(item.cadence, response, ctx.today);
    let worth = weight(item.finding);
    let half = worth - earned(Some(Answer::Partly), worth)?;
    let (kind, date, explanation) = match freshness(item.cadence, expiry, ctx.today, ctx.assessment.audit_date) {
        Freshness::Fresh => return None,
        Freshness::Stale { expired_on } => (
            FindingKind::StaleEvidence,
            expired_on,
            // Founder pass of stop 44: a "yes" with no record read "Ready on your word", so filing
            // an expired one looked like a loss; the auditor asks for the latest one either way.
            format!(
                "The newest evidence expired on {expired_on}. An auditor will ask for a current record. Removing this \
                 one would not help: the answer would rest on your word, and the auditor asks for the latest version all the \
                 same."
            ),
        ),
        Freshness::ExpiresBeforeAudit { expires_on } => (
            FindingKind::ExpiresBeforeAudit,
            expires_on,
            format!("The newest evidence expires on {expires_on}, before the audit day. Renew it in time."),
        ),
    };
    let mut f = match kind {
        // Lapsing before the audit is a reminder, not a finding yet: the renewal the calendar
        // schedules lands before the audit (auditor probe: monthly records 20 days old read
        // "Nearly ready" with the audit a month away). Noted as an observation, and it costs no
        // point: nothing is missing today (a second auditor probe: records all due for renewal
        // before the audit took "Ready" down to 73 %, "so many good practices are missing").
        FindingKind::ExpiresBeforeAudit => {
            let mut f = finding(item, kind, Severity::Observation, Points::ZERO, explanation);
            // Left to lapse, a late record is raised at the "partly" severity: a reminder that
            // would be a nonconformity then (not a good practice's observation; auditor probe).
            f.renewal_due = ctx.catalog.partly_severity(item) > Severity::Observation;
            f
        }
        _ => {
            // A record without a date may be the newer one (auditor probe: an undated record read
            // "Ready", and adding an older dated one made it stale).
            // A record without a date might be the newer one: asked for, and nothing foretold.
            let (undated, by_audit) = match undated_records(response) {
                0 => ("", missed_by_audit(ctx, item, date)),
                _ => (" If a record without a date is newer, give it its date.", None),
            };
            let mut f = finding(item, kind, ctx.catalog.partly_severity(item), half, format!("{explanation}{undated}"));
            if let Some(by_audit) = by_audit {
                f.explanation.push_str(&by_audit);
                f.major_by_audit = item.finding == Severity::Major;
            }
            f
        }
    };
    f.date = Some(date);
    Some(f)
}

/// A recurring activity answered "partly" whose newest record is late today foretells, as a "yes"
/// does, the major it will be on the audit day unless held before (auditor probe of stop 49: the
/// more cautious answer hid the warning, and every view said no major was expected until the day
/// the app itself raised one). Its date is the record's expiry, as a late record's is.
pub(super) fn foretell_partly_late(ctx: &Context, item: &'static Item, f: &mut Finding) {
    let Some(response) = ctx.response(item.id).filter(|_| item.recurring) else { return };
    let Some(expired_on) = freshest_expiry(item.cadence, response, ctx.today).filter(|on| *on < ctx.today) else { return };
    if undated_records(response) > 0 {
        return;
    }
    f.date = Some(expired_on);
    if let Some(by_audit) = missed_by_audit(ctx, item, expired_on) {
        f.explanation.push_str(&by_audit);
        f.major_by_audit = item.finding == Severity::Major;
    }
}

/// For a recurring activity late today that will have missed its cycle by the audit day (more
/// than a quarter of its interval late), what it will be then unless held before (auditor probe
/// of stop 42: a management review 400 days old with the audit 90 days away read as a minor
/// late record, with nothing to say it would be the major of a review not held).
fn missed_by_audit(ctx: &Context, item: &'static Item, expired_on: chrono::NaiveDate) -> Option<String> {
    let (cadence, audit) = (item.cadence?, ctx.assessment.audit_date?);
    if !item.recurring || audit <= ctx.today || !missed_cycle(cadence, expired_on, audit) {
        return None;
    }
    Some(format!(
        " Unless it is held before the audit on {audit}, it will then be more than {} days late: not held when planned, which \
         an auditor raises as a {}.",
        overdue_grace_days(cadence).unwrap_or_default(),
        lower_first(item.finding.label())
    ))
}
