//! The checks that judge an answer itself: what a "no", a "partly", a "not sure" or no answer
//! costs, "not applicable" where it cannot be or without its reason, and the reality check (a
//! claim whose proof an auditor tests is missing).

use super::{derived, evidence_checks};
use super::{finding, half_shown, role_partly_shown, role_shown_assigned, Context, Finding, FindingKind};
use crate::domain::assessment::Answer;
use crate::domain::catalog::{Item, RealityCheck, Severity};
use crate::domain::points::{earned, weight, Points};
use crate::domain::same_requirement::part_of_item;
use crate::domain::wording::{justifies, lower_first};

/// The answer check: unanswered, "not sure", no and partly all cost points.
/// What "partly" costs on its own: "Only partly in place (partly counts half of the 2 points
/// this question is worth)." A finding counted with another says less (`count_with`).
pub(crate) fn partly_in_place(worth: Points) -> String {
    format!("Only partly in place (partly counts half of the {worth} {} this question is worth).", worth.noun())
}

pub(super) fn answer_finding(ctx: &Context, item: &'static Item) -> Option<Finding> {
    let answer = ctx.answer_for(item);
    let worth = weight(item.finding);
    if let Some(because) = (answer == Some(Answer::NotApplicable)).then(|| item.not_excludable_because()).flatten() {
        if no_event_yet(ctx, item) {
            return None;
        }
        if let Some(f) = no_event_unshown(ctx, item) {
            return Some(f);
        }
        let rule = if item.rests_on_clause() {
            " Clauses 4 to 10 apply to every ISMS, and only Annex A controls can be excluded (with a reason, in the Statement of \
             Applicability)."
        } else {
            ""
        };
        // A reason that says how it is handled describes the practice (auditor probe of stop 44:
        // compensating measures written as the reason for N/A on separating duties).
        let reason = ctx.response(item.id).is_some_and(|r| !crate::domain::wording::says_nothing(&r.na_justification));
        let instead = if reason { " If your reason says how it is handled here, that is the practice: answer yes or partly." } else { "" };
        let explanation =
            format!("Marked not applicable, but {because}.{rule} An auditor treats it as not in place. {}{instead}", item.finding_reason);
        return Some(finding(item, FindingKind::NotExcludable, item.finding, worth, explanation));
    }
    if let Some(f) = matches!(answer, None | Some(Answer::NotSure)).then(|| role_partly_shown(ctx, item)).flatten() {
        return Some(f);
    }
    let cost = worth - earned(answer, worth)?;
    let (kind, severity, explanation) = match answer {
        Some(Answer::Yes) | Some(Answer::NotApplicable) => return None,
        // A partly met claim whose proof is missing is reported (and costed) as a checkbox gap.
        Some(Answer::Partly) if claim_without_proof(ctx, item).is_some() => return None,
        Some(Answer::Partly) => {
            // A reality check's proof is the auditor's sample: one that partly holds up has
            // failed, and counts as missing where minors add up (`domain::systemic`).
            // What it costs, said (founder pass: "−1.5 pts" beside "−1 pt" for two minors, with no
            // word why): half of what the question is worth, by its severity if missing.
            let part = match ctx.catalog.check_proved_by(item.id) {
                Some(_) => {
                    "Only partly shown. The auditor tests this on a sample, and a test that only partly holds up has failed.".to_string()
                }
                // The rule, not this finding's cost: one counted with another costs nothing here
                // (third founder pass: "its points are lost there" beside "it loses half").
                None => partly_in_place(weight(item.finding)),
            };
            // Its evidence all saying it is not done yet is said, not scored: "partly" is the
            // user's word, and some items ask for it where a record is unsigned (checking pass of
            // stop 43: a draft policy read a minor here and a major under "yes", with no word why).
            let unfinished = ctx.response(item.id).is_some_and(crate::domain::evidence::only_unfinished);
            let draft =
                if unfinished { " Its evidence says it is not done or not final yet: if none of it is in place, answer no." } else { "" };
            // Why the grade is lower than a "no" would draw (founder pass of stop 47: "Partly met:
            // Minor" on a major question, with nothing to say whether "partly" lowered the grade).
            let severity = ctx.catalog.partly_severity(item);
            let grade = match severity < item.finding {
                true => format!(
                    " What is half done is usually raised one grade lower than what is missing: {} here, where a \
                     “no” would be a {}.",
                    // "an observation" (export pass of stop 51: "a observation").
                    match severity {
                        Severity::Observation => "an observation".to_string(),
                        _ => format!("a {}", lower_first(severity.label())),
                    },
                    lower_first(item.finding.label())
                ),
                false => String::new(),
            };
            (FindingKind::Partial, severity, format!("{part}{draft}{grade} {}", item.why))
        }
        Some(Answer::No) => (FindingKind::Gap, item.finding, not_in_place(ctx, item)),
        Some(Answer::NotSure) | None if unjustified_exclusion(ctx, item) => (
            FindingKind::ReasonMissing,
            item.finding,
            format!(
                "Marked not applicable, but without a reason that says why (one that says the work is not done yet, or only \
                 “not applicable” again, is none), so it is not counted as answered: an Annex A control is left \
                 out only with a justification (the one your Statement of Applicability gives). Add the reason; until then \
                 it counts as not in place, and if it is missing: {}",
                lower_first(item.finding_reason)
            ),
        ),
        // The register shows what the question asks: the role given with its record and authority.
        // Or only the appointment half of it: what the duty produces is for the answer to confirm.
        Some(Answer::NotSure) | None if role_shown_assigned(ctx, item) => {
            if item.register_settles() {
                return None;
            }
            let explanation = "Not confirmed yet. The roles register shows the role given, on record and with the authority it \
                               needs, but not what the duty produces: until this is answered, it counts as only partly shown.";
            return half_shown(ctx, item, explanation.to_string());
        }
        Some(Answer::NotSure) | None => (
            FindingKind::Unanswered,
            item.finding,
            format!("Not confirmed yet, so it counts as not in place. If it is missing: {}", item.finding_reason),
        ),
    };
    let mut f = finding(item, kind, severity, cost, explanation);
    if kind == FindingKind::Partial {
        evidence_checks::foretell_partly_late(ctx, item, &mut f);
    }
    Some(f)
}

/// "Not applicable" chosen on an item that could be excluded, but without its reason.
fn unjustified_exclusion(ctx: &Context, item: &Item) -> bool {
    ctx.response(item.id).is_some_and(|r| r.answer == Some(Answer::NotApplicable))
}

/// Why a "no" costs points. A claim item's reason is written about paperwork that exists without
/// proof, so for a "no" it says instead that the paperwork is missing and what the auditor tests.
fn not_in_place(ctx: &Context, item: &Item) -> String {
    match ctx.catalog.reality_checks.iter().find(|c| c.claim_item == item.id) {
        Some(check) => format!(
            "Not in place: even the paperwork is missing. An auditor would go further and test “{}”.",
            ctx.catalog.title_of(check.proof_item)
        ),
        None => format!("Not in place. {}{}", item.finding_reason, record_says_otherwise(ctx, item)),
    }
}

/// For a "no" whose own record (`Item::proves_within`) is answered yes: the answers disagree,
/// said, not scored (auditor probe of stop 44: "not resourced" beside "resourcing written down"
/// and a signed budget read a major with no word of the "yes").
fn record_says_otherwise(ctx: &Context, item: &Item) -> String {
    let yes = |i: &&&Item| i.within == Some(item.id) && ctx.answer_for(i) == Some(Answer::Yes);
    ctx.records.iter().find(yes).map_or(String::new(), |record| {
        format!(
            " But “{}”, the record an auditor asks for to see this in place, is answered yes: if that record exists, this is at \
             least partly in place, so check which answer holds.",
            record.title
        )
    })
}

/// The reality check this item is the claim of, with its proof item, when the claim is made but
/// its proof is not.
fn claim_without_proof<'a>(ctx: &Context<'a>, item: &Item) -> Option<(&'static RealityCheck, &'a Item)> {
    let check = ctx.catalog.reality_checks.iter().find(|c| c.claim_item == item.id)?;
    let claimed = matches!(ctx.answer_for(item), Some(Answer::Yes | Answer::Partly));
    // "Not applicable" does not prove anything: where the claim applies, so does its test (unless
    // the test is a real case of an event that has not happened yet).
    let proof = ctx.catalog.item(check.proof_item)?;
    // A "yes" the rehearsals contradict proves nothing either (auditor probe: the claim kept its
    // point, so being caught scored better than answering no).
    let proven = match ctx.answer_for(proof) {
        Some(Answer::Yes) => !derived::contradicted(ctx, proof),
        Some(Answer::Partly) => true,
        Some(Answer::NotApplicable) => no_event_yet(ctx, proof),
        _ => false,
    };
    (claimed && !proven).then_some((check, proof))
}

/// A proof that needs an event (a handled disciplinary case, `RealityCheck::no_event_shown_by`)
/// marked not applicable with its reason while the record that would show the event (the
/// incident register) is in place: nothing has happened yet to show, so nothing is missing.
fn no_event_yet(ctx: &Context, proof: &Item) -> bool {
    let Some(check) = ctx.catalog.check_proved_by(proof.id) else { return false };
    let reason = ctx.response(proof.id).is_some_and(|r| justifies(&r.na_justification));
    reason
        && check
            .no_event_shown_by
            .and_then(|record| ctx.catalog.item(record))
            .is_some_and(|record| ctx.answer_for(record) == Some(Answer::Yes))
}

/// A proof that needs an event marked not applicable with its reason, while the record that would
/// show no event has happened (the incident register) is not in place: the reason cannot be
/// shown, so it is not in place either; and while that record is missing as gravely, part of its
/// gap (auditor probe: it said the control applies to every company, which nobody had
/// questioned, and counted a second minor beside the missing register).
fn no_event_unshown(ctx: &Context, proof: &'static Item) -> Option<Finding> {
    let check = ctx.catalog.check_proved_by(proof.id)?;
    let record = check.no_event_shown_by.and_then(|record| ctx.catalog.item(record))?;
    if ctx.response(proof.id).map_or(true, |r| !justifies(&r.na_justification)) {
        return None;
    }
    // Said as the record is answered (founder pass of stop 47: "not in place yet" beside its own
    // "partly" read as the app ignoring the answer).
    let state = match ctx.answer_for(record) {
        Some(Answer::Partly) => "it is only partly in place",
        _ => "it is not in place yet",
    };
    let explanation = format!(
        "Marked not applicable because no case has happened yet, but only “{}” can show that, and {state}: until it is in \
         place, an auditor treats this as not in place. {}",
        record.title, proof.finding_reason
    );
    let mut f = finding(proof, FindingKind::NotExcludable, proof.finding, weight(proof.finding), explanation);
    // What the record's own finding is raised at: partly kept, or excluded where it cannot be,
    // is that gap too (auditor probe: two minors for one register).
    let raised = match ctx.answer_for(record) {
        None | Some(Answer::No | Answer::NotSure) => Some(record.finding),
        Some(Answer::Partly) => Some(ctx.catalog.partly_severity(record)),
        Some(Answer::NotApplicable) if record.not_excludable_because().is_some() => Some(record.finding),
        _ => None,
    };
    if raised.is_some_and(|severity| severity >= proof.finding) {
        f.part_of = part_of_item(ctx.catalog, proof, record.base_id());
    }
    Some(f)
}

/// The reality check: a claim without its proof earns nothing and is never "ready".
pub(super) fn checkbox_gap(ctx: &Context, item: &'static Item) -> Option<Finding> {
    let (check, proof) = claim_without_proof(ctx, item)?;
    // At least minor, so a claim without proof can never leave the verdict at "ready".
    let severity = item.finding.max(Severity::Minor);
    let state = match ctx.answer_for(proof) {
        Some(Answer::NotApplicable) => "marked not applicable, yet an auditor tests it wherever the claim applies",
        _ => "missing or unconfirmed",
    };
    let explanation = format!("You claim this, but the proof an auditor tests is {state}: {} The trap: {}", check.reality, check.trap);
    let mut f = finding(item, FindingKind::CheckboxGap, severity, weight(item.finding), explanation);
    f.remediation = format!("Prove it the way an auditor would: {}", proof.question);
    Some(f)
}
