//! The findings worked out rather than answered: the register checks (judged today and, with an
//! upcoming audit, on its day) and the interview rehearsals.

use super::{finding, says_interview_fails, Context, Finding, FindingKind};
use crate::domain::catalog::{Item, Severity};
use crate::domain::interview::{readiness, QuestionBank};
use crate::domain::points::{weight, Points};
use crate::domain::roles::checks::{check_for, Problem};
use crate::domain::same_requirement::{in_same_copy, part_of, part_of_item};
use crate::domain::wording::lower_first;
use crate::domain::Answer;

/// How a register problem found only on the audit day ahead opens its line.
pub const BY_THE_AUDIT: &str = "By the audit on";

/// Ends a register finding whose records only lapse before the audit.
pub const RENEW_IN_TIME: &str = "Nothing has lapsed yet, so no point is lost: renew before the audit.";

/// The register check: derived from the roles register, never answered. Any problem costs the
/// whole item at the item's severity; the explanation lists every problem so the user sees
/// exactly what to fix. The date is the earliest lapse or departure among the problems.
pub(super) fn register_finding(ctx: &Context, item: &'static Item) -> Option<Finding> {
    let check = check_for(item.base_id())?;
    let register = &ctx.assessment.register;
    let mut problems = (check.run)(register, ctx.today);
    // The auditor sees the register as it will be on audit day: someone leaving, a record
    // lapsing, or a starter without a record by then is open now, so it can be fixed in time.
    // And what is settled by then (a starter, an appointment or a course dated before it) is no
    // gap the auditor would see (auditor probe: a role filled by a starter before the audit read
    // as vacant).
    let mut later = Vec::new();
    if let Some(audit) = ctx.assessment.audit_date.filter(|audit| *audit > ctx.today) {
        let on_audit_day = (check.run)(register, audit);
        problems.retain(|now| on_audit_day.iter().any(|then| then.text == now.text));
        // The date opens the first new line; the lines after it follow on from it.
        let new = on_audit_day.into_iter().filter(|then| problems.iter().all(|now| now.text != then.text));
        for (n, then) in new.enumerate() {
            let text = match n {
                0 => format!("{BY_THE_AUDIT} {audit}: {}", then.text),
                _ => format!("Also by then: {}", then.text),
            };
            later.push(Problem { text, ..then });
        }
    }
    let open_today = !problems.is_empty();
    // Records that only lapse before the audit are a reminder to renew them, as evidence lapsing
    // then is: nothing is missing today (auditor probe: a yearly course due before an audit
    // months away read "Nearly ready").
    let renew_only = !open_today && later.iter().all(|p| p.renewal);
    problems.extend(later);
    if problems.is_empty() {
        return None;
    }
    let texts = problems.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join(" ");
    let problems_dated = problems.iter().all(|p| p.date.is_some());
    // The lead speaks of particular people or roles: not when the register as a whole is empty.
    let lead = (!problems.iter().all(|p| p.register_wide)).then_some(check.lead);
    let explanation = lead.map_or_else(|| texts.clone(), |lead| format!("{lead} {texts}"));
    let (severity, cost, explanation) = match renew_only {
        true => (Severity::Observation, Points::ZERO, format!("{explanation} {RENEW_IN_TIME}")),
        false => (item.finding, weight(item.finding), explanation),
    };
    let mut f = finding(item, check.kind, severity, cost, explanation);
    f.lead = lead;
    f.remediation = check.remediation.to_string();
    f.date = problems.iter().filter_map(|p| p.date).min();
    f.next_date = problems.iter().filter_map(|p| p.date).filter(|on| *on > ctx.today).min();
    f.part_of = part_of(ctx.catalog, item, &problems);
    f.nothing_to_check = lead.is_none() && f.part_of.is_some();
    f.details = problems.into_iter().map(|p| p.text).collect();
    f.open_today = open_today;
    f.renewal_due = renew_only && item.finding > Severity::Observation;
    f.leavers_only = problems_dated;
    Some(f)
}

/// The interview check: derived from the rehearsal ratings of the key role holders, never
/// answered. Any problem costs the whole item; the explanation names every person and gap.
pub(super) fn interview_finding(ctx: &Context, item: &'static Item) -> Option<Finding> {
    let problems = &ctx.interviews.problems;
    if problems.is_empty() {
        return None;
    }
    // The user's own "no" (or "partly") on whether top management would hold up in its interview,
    // while the rehearsals do not show it prepared, is the failure an auditor would find.
    let answered_failing = ctx
        .interviews
        .top_management_unprepared
        .then(|| ctx.catalog.items.iter().find(|i| i.asks_top_management_interview() && says_interview_fails(ctx, i)))
        .flatten();
    let failed = ctx.interviews.failed || answered_failing.is_some();
    let texts: Vec<String> = problems.iter().map(|p| p.text.clone()).collect();
    // Raised because of the user's own answer, and said so: the problems alone read as "not
    // having rehearsed is a nonconformity" (third auditor probe).
    let because = match (ctx.interviews.failed, answered_failing) {
        (false, Some(question)) => format!(
            " It is a finding because “{}” is answered “{}” and the rehearsals do not show top management prepared either.",
            question.title,
            ctx.answer_for(question).map_or(String::new(), |a| lower_first(a.label()))
        ),
        _ => String::new(),
    };
    let cannot_show = &ctx.interviews.cannot_show;
    let (severity, explanation) = match failed {
        true if !cannot_show.is_empty() => {
            (Severity::Major, format!("{} {} {}{because}", readiness::LEAD, texts.join(" "), cannot_show.join(" ")))
        }
        true => (item.finding, format!("{} {}{because}", readiness::LEAD, texts.join(" "))),
        false => (Severity::Observation, format!("{} {} {}", readiness::LEAD, texts.join(" "), readiness::NOT_YET_SHOWN)),
    };
    // Any problem costs the whole item, whatever an auditor would raise from it.
    let mut f = finding(item, FindingKind::InterviewGap, severity, weight(item.finding), explanation);
    f.remediation = readiness::REMEDIATION.to_string();
    f.part_of = part_of(ctx.catalog, item, problems);
    f.details = texts;
    f.from_rehearsals = true;
    Some(f)
}

/// A "yes" on a question about staff in general while someone could not answer, at their latest
/// rehearsal, an interview question that tests the same (`Item::rehearsed_in`): not met, at the
/// item's severity, as an auditor's sample of staff could find.
pub(super) fn rehearsals_contradict(ctx: &Context, item: &'static Item) -> Option<Finding> {
    if !contradicted(ctx, item) {
        return None;
    }
    let failing = ctx.interviews.staff_could_not.iter().filter(|f| item.rehearsed_in.contains(&f.question_id));
    let failed: Vec<&str> = failing.map(|f| f.text.as_str()).collect();
    let explanation = format!(
        "Answered yes, but at the interview rehearsals {}: an auditor who asks a sample of staff could find the same. {}",
        failed.join("; "),
        item.finding_reason
    );
    let mut f = finding(item, FindingKind::Gap, item.finding, weight(item.finding), explanation);
    // Who could not answer what, one per line: withheld from the auditor's and the board's copies.
    f.details = failed.iter().map(|t| t.to_string()).collect();
    f.from_rehearsals = true;
    f.remediation = format!("Brief them again and rehearse until they can answer; then produce and file: {}.", item.evidence.join("; "));
    // Failures that each follow from a gap of its own (nobody can say what happens after a breach
    // while no disciplinary process exists) are part of that gap (auditor probe: the missing
    // process and the staff unaware of it made two minors).
    if let Some(cause) = explained_by(ctx, item) {
        f.part_of = part_of_item(ctx.catalog, item, cause.base_id());
        return Some(f);
    }
    // Staff found unaware are one awareness gap, however many questions about staff they fail:
    // the first such question not explained by a gap of its own carries it (auditor probe: one
    // person failing every question asked of anyone made two minors, which then added up towards
    // a major). In the same copy of the catalogue (the bench's ten copies each have their own pair).
    let first = ctx.catalog.items.iter().find(|i| {
        !i.rehearsed_in.is_empty() && i.copy_suffix() == item.copy_suffix() && contradicted(ctx, i) && explained_by(ctx, i).is_none()
    });
    if let Some(first) = first.filter(|first| first.id != item.id) {
        f.part_of = part_of_item(ctx.catalog, item, first.base_id());
    }
    Some(f)
}

/// The gap every failure contradicting `item`'s "yes" follows from, if they all do (the first
/// failure's).
fn explained_by(ctx: &Context, item: &Item) -> Option<&'static Item> {
    let failing = ctx.interviews.staff_could_not.iter().filter(|f| item.rehearsed_in.contains(&f.question_id));
    let causes: Option<Vec<&'static Item>> = failing.map(|f| root_cause(ctx, item, f.question_id)).collect();
    causes.and_then(|causes| causes.first().copied())
}

/// The gap a wrong answer to `question_id` follows from (`Question::follows_from`), when it is
/// open (answered no or partly, or "not applicable" where that counts as no) at least as gravely
/// as the staff gap itself: a minor is never part of an observation (auditor probe: the process
/// answered "partly", an observation, took the staff minor with it and read "Ready").
fn root_cause(ctx: &Context, item: &Item, question_id: &str) -> Option<&'static Item> {
    let question = QuestionBank::builtin().question(question_id)?;
    let causes = question.follows_from.iter().filter_map(|id| in_same_copy(ctx.catalog, item, id));
    causes.into_iter().find(|cause| {
        let raised = match ctx.answer_for(cause) {
            Some(Answer::No) => Some(cause.finding),
            Some(Answer::NotApplicable) if !cause.excludable() => Some(cause.finding),
            Some(Answer::Partly) => Some(ctx.catalog.partly_severity(cause)),
            _ => None,
        };
        raised.is_some_and(|severity| severity >= item.finding)
    })
}

/// Whether a "yes" on a question about staff in general is contradicted by someone who could not
/// answer, at their latest rehearsal, an interview question that tests the same.
pub(super) fn contradicted(ctx: &Context, item: &Item) -> bool {
    !item.rehearsed_in.is_empty()
        && ctx.answer_for(item) == Some(Answer::Yes)
        && ctx.interviews.staff_could_not.iter().any(|f| item.rehearsed_in.contains(&f.question_id))
}
