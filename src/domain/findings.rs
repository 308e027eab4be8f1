//! Findings: the one currency of the app. Checks turn catalogue + assessment + today into
//! findings; the score, the views and the exports only ever consume findings.
//!
//! Every lost point belongs to exactly one finding, so "why this score" is just the findings
//! sorted by cost. Per answered item, the first check that applies wins: the answer itself, then
//! a claim without proof (checkbox gap), then evidence freshness. Per register item, its register
//! check decides alone: any problem costs the whole item and every problem is listed.

use std::cell::Cell;

use chrono::NaiveDate;
use serde::Serialize;

use super::assessment::{Answer, Assessment, ItemResponse};
use super::catalog::{Catalog, Item, Severity, Source};
use super::interview::{readiness, QuestionBank};
use super::points::{earned, weight, Points};
use super::roles::checks::{appointment, assigned, authority};
use super::roles::RoleKind;
use super::same_requirement::{part_of_item, CountedWith, PartOf};
use super::wording::no_written_record;

mod answer_checks;
mod derived;
mod evidence_checks;
mod kind;

pub(crate) use answer_checks::partly_in_place;
use answer_checks::{answer_finding, checkbox_gap};
use derived::{interview_finding, register_finding};
pub use derived::{BY_THE_AUDIT, RENEW_IN_TIME};
use evidence_checks::{
    approved_outside_top, considered_too_early, evidence_finding, missed_cycle_gap, not_yet_produced, unfinished_evidence, unproven_yes,
};
pub use kind::FindingKind;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable: `<kind>:<item id>`.
    pub id: String,
    pub item_id: &'static str,
    /// The catalogue item it is about (its id is `item_id`), at hand without a search.
    #[serde(skip)]
    pub item: &'static Item,
    pub area: &'static str,
    pub reference: &'static str,
    pub kind: FindingKind,
    /// The finding an auditor would most likely raise.
    pub severity: Severity,
    pub explanation: String,
    pub remediation: String,
    /// Readiness points this finding costs (never more than the item is worth).
    pub cost: Points,
    /// For evidence findings: the day the evidence expired or will expire. For register findings:
    /// the earliest day one of its problems opens (a leaving date, a lapse).
    pub date: Option<NaiveDate>,
    /// For register findings: the earliest of those days still to come, which its plan line is
    /// due before (founder pass: a second leaver already gone made `date` a past day, and the
    /// handover of one still to leave fell due after they had gone).
    #[serde(skip)]
    pub next_date: Option<NaiveDate>,
    /// For derived findings (register, interviews): each concrete problem, as listed in the
    /// explanation, so a view can show them one per line without running the check again.
    pub details: Vec<String>,
    /// For register findings: the check's opening sentence, when the explanation opens with it
    /// (not when the problem is the register as a whole, such as an empty one).
    #[serde(skip)]
    pub lead: Option<&'static str>,
    /// For derived findings: the nonconformity, raised by another register check, that every
    /// problem of this one follows from (see `PartOf`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub part_of: Option<PartOf>,
    /// Set when another finding already charges the same requirement: this one costs nothing.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub counted_with: Option<CountedWith>,
    /// Whether it is open today, not only by the audit ahead (a register gap that a departure
    /// or lapse still to come opens is not).
    #[serde(skip)]
    pub open_today: bool,
    /// A "yes" only partly shown, or not known yet, for want of the record a narrower question
    /// asks for (`Item::proves_within`): that question, which its card links to.
    #[serde(skip)]
    pub rests_on: Option<&'static Item>,
    /// A register check with nobody in any role to look at: it costs its points as part of the
    /// vacancy, and reads "Cannot be shown yet" rather than its own kind.
    #[serde(skip)]
    pub nothing_to_check: bool,
    /// Decided by interview rehearsals, its details saying who could not answer what: coaching,
    /// withheld from the auditor's and the board's copies.
    #[serde(skip)]
    pub from_rehearsals: bool,
    /// A record that lapses only before the audit and would be a nonconformity on audit day if
    /// left to lapse: a reminder to renew it, costing nothing now.
    #[serde(skip)]
    pub renewal_due: bool,
    /// A late record of a recurring activity with a major at stake that will have missed its
    /// cycle by the upcoming audit day: a minor today, the major of an activity not held then
    /// unless it is held before (`evidence_checks::missed_by_audit`).
    #[serde(skip)]
    pub major_by_audit: bool,
    /// Register findings: every problem is dated by someone's leaving (a leaver's record, a
    /// function they left short), so the gap is one instance of the leaver process
    /// (`Item::instance_of`), not a vacancy never filled.
    #[serde(skip)]
    pub leavers_only: bool,
}

/// What a check needs to know about "now".
#[derive(Debug, Clone, Copy)]
pub struct Context<'a> {
    pub catalog: &'a Catalog,
    pub assessment: &'a Assessment,
    pub today: NaiveDate,
    /// The interviews as the auditor will find them (both interview findings read it).
    pub interviews: &'a readiness::Outlook,
    /// The questions that are the record a broader "yes" rests on (`Item::proves_within`), found
    /// once per score rather than once per "yes".
    pub records: &'a [&'static Item],
    /// The response last looked up, by its item's id: one item's checks ask for it many times,
    /// and a lookup by id in a large assessment compares many ids.
    last_response: &'a Cell<Option<(&'static str, Option<&'a ItemResponse>)>>,
}

impl<'a> Context<'a> {
    /// The response to the item with this id ([`Assessment::response`]).
    pub fn response(&self, item_id: &'static str) -> Option<&'a ItemResponse> {
        match self.last_response.get() {
            // The same id's text: the same item, whose response was looked up last.
            Some((id, response)) if std::ptr::eq(id, item_id) => response,
            _ => {
                let response = self.assessment.response(item_id);
                self.last_response.set(Some((item_id, response)));
                response
            }
        }
    }

    /// The answer the checks judge `item` by ([`Assessment::answer_for`]).
    pub fn answer_for(&self, item: &Item) -> Option<Answer> {
        self.response(item.id)?.judged_answer(item)
    }
}

/// All findings, most expensive first (those raised on their own first at each cost). New kinds of check add a step here; nothing downstream changes.
pub fn all_findings(catalog: &Catalog, assessment: &Assessment, today: NaiveDate) -> Vec<Finding> {
    let interviews = readiness::outlook(QuestionBank::builtin(), assessment, today);
    let records: Vec<&'static Item> = catalog.items.iter().filter(|i| i.proves_within).collect();
    let last_response = Cell::new(None);
    let ctx = Context { catalog, assessment, today, interviews: &interviews, records: &records, last_response: &last_response };
    let mut findings: Vec<Finding> = catalog.items.iter().filter_map(|item| item_finding(&ctx, item)).collect();
    super::same_requirement::count_once(catalog, &mut findings);
    // At the same cost, what an auditor would raise comes before the gaps that are part of it
    // (founder pass: the plan and "Why this score" opened on a "part of" line).
    findings.sort_by(|a, b| {
        b.cost
            .cmp(&a.cost)
            .then_with(|| b.stands_alone().cmp(&a.stands_alone()))
            .then_with(|| b.severity.cmp(&a.severity))
            .then_with(|| a.item_id.cmp(b.item_id))
    });
    findings
}

fn item_finding(ctx: &Context, item: &'static Item) -> Option<Finding> {
    match item.source {
        Source::Register => return register_finding(ctx, item),
        Source::Interviews => return interview_finding(ctx, item),
        Source::Answered => {}
    }
    // A recurring activity answered "partly" with only records ahead, or records that say it is
    // not done yet, is not held yet: that comes before "partly" (a "yes" has no answer finding,
    // so its order is unchanged).
    let planned_partly = || {
        let partly = ctx.answer_for(item) == Some(Answer::Partly);
        partly.then(|| not_yet_produced(ctx, item).or_else(|| unfinished_evidence(ctx, item))).flatten()
    };
    let by_answer = missed_cycle_gap(ctx, item)
        .or_else(planned_partly)
        .or_else(|| register_contradicts_yes(ctx, item))
        .or_else(|| answer_finding(ctx, item))
        .or_else(|| derived::rehearsals_contradict(ctx, item))
        .or_else(|| checkbox_gap(ctx, item))
        .or_else(|| not_yet_produced(ctx, item))
        .or_else(|| unfinished_evidence(ctx, item))
        .or_else(|| approved_outside_top(ctx, item))
        // A review held before the only internal audit is not hidden by its record's reminder to
        // renew (auditor probe of stop 45: an older review read "Ready", a newer one a minor).
        .or_else(|| worse(evidence_finding(ctx, item), considered_too_early(ctx, item)));
    // A record a "yes" rests on, missing, never softens a worse finding of the same "yes" (auditor
    // probe: a review dated ahead, a major, read "Partly met" once its record was answered no).
    let mut f = worse(by_answer, unproven_yes(ctx, item))?;
    if role_left_vacant(ctx, item) {
        f.part_of = part_of_item(ctx.catalog, item, assigned::CHECK.item_id);
    } else if function_left_vacant(ctx, item) {
        f.part_of = part_of_item(ctx.catalog, item, assigned::FUNCTIONS_CHECK.item_id);
    } else if item.asks_top_management_interview()
        && ctx.interviews.top_management_unprepared
        && (says_interview_fails(ctx, item) || ctx.interviews.failed)
    {
        // The derived interview item finds the same unprepared CEO: part of that finding, when
        // that one is a nonconformity (a question left open beside an interview item that is only
        // an observation stays its own).
        let interviews = ctx.catalog.items.iter().find(|i| i.source == Source::Interviews).map(|i| i.base_id());
        f.part_of = interviews.and_then(|cause| part_of_item(ctx.catalog, item, cause));
    }
    Some(f)
}

/// The finding that costs more (then the more severe); the first of two alike.
fn worse(first: Option<Finding>, second: Option<Finding>) -> Option<Finding> {
    match (first, second) {
        (Some(f), Some(s)) if (s.cost, s.severity) > (f.cost, f.severity) => Some(s),
        (f, s) => f.or(s),
    }
}

/// Whether a question about an interview (`Item::interview_of`) is answered no or partly, or
/// with what counts as no there ("not applicable") or is not confirmed ("not sure"): an auditor
/// reads them alike (auditor probe: they scored apart from "no").
fn says_interview_fails(ctx: &Context, item: &Item) -> bool {
    let given = ctx.response(item.id).and_then(|r| r.answer);
    matches!(given, Some(Answer::No | Answer::Partly | Answer::NotApplicable | Answer::NotSure))
}

/// Whether the register finds the role this question asks for (`Item::asks_role`) without a
/// current holder, today or on an upcoming audit day: REG-ROLES-ASSIGNED raises that gap.
fn role_left_vacant(ctx: &Context, item: &Item) -> bool {
    let audit = ctx.assessment.audit_date.filter(|audit| *audit > ctx.today);
    [Some(ctx.today), audit].into_iter().flatten().any(|day| role_vacant_on(ctx, item, day))
}

/// Whether the register finds the role this question asks for without a current holder on
/// `day`, or held with nothing to show it was assigned.
fn role_vacant_on(ctx: &Context, item: &Item, day: NaiveDate) -> bool {
    let Some(role) = item.asks_role.and_then(RoleKind::from_code) else { return false };
    let register = &ctx.assessment.register;
    assigned::vacancy_check(register, &role, day) == Some(assigned::CHECK.item_id) || assigned::never_assigned(register, &role, day)
}

/// Whether the register finds the function this question's practice needs (`Item::needs_role`)
/// short of holders, today or on an upcoming audit day: REG-FUNCTIONS-ASSIGNED raises that gap.
fn function_left_vacant(ctx: &Context, item: &Item) -> bool {
    let Some(role) = item.needs_role.and_then(RoleKind::from_code) else { return false };
    let audit = ctx.assessment.audit_date.filter(|audit| *audit > ctx.today);
    let vacant = |day| assigned::vacancy_check(&ctx.assessment.register, &role, day) == Some(assigned::FUNCTIONS_CHECK.item_id);
    [Some(ctx.today), audit].into_iter().flatten().any(vacant)
}

/// A "yes" (or "partly") to a question asking for a role (`Item::asks_role`) that the roles
/// register shows nobody holding, or nothing shows was assigned (`role_vacant_on`), on the day
/// the register is judged (an upcoming audit's, else today; a holder starting before the audit
/// fills it, auditor probe): the register is the record an auditor reads, so the answer counts
/// as not in place, as a "no" does, part of the register's finding (founder pass of stop 43: a
/// "yes" earned its points, and a comparison listed it as a gap closed, beside the register's
/// major). "Partly" too, or "yes" would cost more than it.
fn register_contradicts_yes(ctx: &Context, item: &'static Item) -> Option<Finding> {
    let answer = ctx.answer_for(item).filter(|a| matches!(a, Answer::Yes | Answer::Partly))?;
    let judged = ctx.assessment.audit_date.filter(|audit| *audit > ctx.today).unwrap_or(ctx.today);
    if !role_vacant_on(ctx, item, judged) {
        return None;
    }
    // In the register's own words (whom it lacks, and by when), which the card then does not
    // repeat (checking pass of stop 43: the same sentence twice).
    let a = ctx.assessment;
    let why = super::same_requirement::asked_role_note(item, &a.register, Some(Answer::Yes), ctx.today, a.audit_date)
        .unwrap_or_else(|| "Answered yes, but the roles register does not show this role held as the question asks.".into());
    let why = if answer == Answer::Yes { why } else { why.replacen("Answered yes", "Answered partly", 1) };
    let explanation = format!("{why} The register is the record an auditor reads, so this counts as not in place until it does.");
    Some(finding(item, FindingKind::Gap, item.finding, weight(item.finding), explanation))
}

/// Whether the register shows the role this question asks for (`Item::asks_role`) given as the
/// question asks, today and on an upcoming audit day (`assigned::first_unshown`).
fn role_shown_assigned(ctx: &Context, item: &Item) -> bool {
    let Some(role) = item.asks_role.and_then(RoleKind::from_code) else { return false };
    assigned::first_unshown(&ctx.assessment.register, &role, ctx.today, ctx.assessment.audit_date).is_none()
}

/// An open answer on a question asking for a role (`Item::asks_role`) whose holder the register
/// shows assigned, but short of the authority to enforce or of the appointment's record or date:
/// only partly shown, and part of the register check that finds what is short (auditor probe:
/// "not sure" beside a signed, dated letter with authority unticked read a major, five points
/// for one tick, where "yes" read one minor).
fn role_partly_shown(ctx: &Context, item: &'static Item) -> Option<Finding> {
    let role = item.asks_role.and_then(RoleKind::from_code)?;
    let register = &ctx.assessment.register;
    if role_left_vacant(ctx, item) {
        return None;
    }
    // Judged on the day it falls short: today, or an upcoming audit's day when a successor
    // appointed before it is short (auditor probe: a major while Ben, fully appointed, hands over
    // to Dev without the authority ticked).
    let day = assigned::first_unshown(register, &role, ctx.today, ctx.assessment.audit_date)?;
    let held: Vec<_> = register.current_assignments(day).filter(|a| a.role == role).collect();
    let short = match held.iter().any(|a| !a.authority_granted) {
        true => authority::CHECK.item_id,
        false if held.iter().any(|a| no_written_record(&a.appointment_evidence) || a.appointed_on.is_none()) => appointment::CHECK.item_id,
        false => return None,
    };
    let explanation = format!(
        "Not confirmed yet. The roles register shows the role assigned, but not everything about how it was given (see “{}”): \
         until that is recorded there, or this is answered, it counts as only partly shown.",
        ctx.catalog.title_of(short)
    );
    let mut f = half_shown(ctx, item, explanation)?;
    f.part_of = part_of_item(ctx.catalog, item, short);
    Some(f)
}

/// An open answer the roles register only half shows: it costs what "partly" loses, as a
/// finding of the question's "partly" severity.
fn half_shown(ctx: &Context, item: &'static Item, explanation: String) -> Option<Finding> {
    let worth = weight(item.finding);
    let half = worth - earned(Some(Answer::Partly), worth)?;
    Some(finding(item, FindingKind::Unanswered, ctx.catalog.partly_severity(item), half, explanation))
}

fn finding(item: &'static Item, kind: FindingKind, severity: Severity, cost: Points, explanation: String) -> Finding {
    Finding {
        id: format!("{}:{}", kind.code(), item.id),
        item_id: item.id,
        item,
        area: item.area,
        reference: item.reference,
        kind,
        severity,
        explanation,
        remediation: format!("Produce and file: {}.", item.evidence.join("; ")),
        cost,
        date: None,
        next_date: None,
        details: Vec::new(),
        lead: None,
        part_of: None,
        counted_with: None,
        open_today: true,
        rests_on: None,
        nothing_to_check: false,
        from_rehearsals: false,
        renewal_due: false,
        major_by_audit: false,
        leavers_only: false,
    }
}
