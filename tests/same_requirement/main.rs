//! A requirement asked twice, as a checklist question and as a register check (`same_as`), is
//! one gap when both fail: one finding carries the points, the other is listed at no extra cost,
//! the severity counts see one nonconformity, and the pair is worth one item's points overall.

#[path = "../support/mod.rs"]
mod support;

mod broader_gaps;
mod late_and_partly;
mod leavers;
mod pairs;
mod register_settles;

use audit_readiness::domain::findings::{all_findings, Finding};
use audit_readiness::domain::roles::RoleKind;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, Score};
use support::{all, today};

fn scored(a: &Assessment) -> (Vec<Finding>, Score) {
    let catalog = Catalog::builtin();
    let findings = all_findings(catalog, a, today());
    let score = compute(catalog, a, &findings);
    (findings, score)
}

fn finding<'a>(findings: &'a [Finding], item_id: &str) -> &'a Finding {
    findings.iter().find(|f| f.item_id == item_id).unwrap_or_else(|| panic!("no finding on {item_id}"))
}

/// Every current appointment without its record and without written authority.
/// Every appointment without its record and its authority; those of the two Clause 5.3
/// responsibilities keep their date, so something still shows they were assigned (with nothing
/// at all, that is a major of its own: `roles_checks`).
fn unrecorded_and_powerless(a: &mut Assessment) {
    for assignment in &mut a.register.assignments {
        assignment.appointment_evidence.clear();
        if !matches!(assignment.role, RoleKind::IsmsConformance | RoleKind::PerformanceReporting) {
            assignment.appointed_on = None;
        }
        assignment.authority_granted = false;
    }
}

/// Answers every question yes, then `no` to these.
fn answered_no(ids: &[&str]) -> Assessment {
    let mut a = all(Catalog::builtin(), Answer::Yes);
    for id in ids {
        a.set_answer(id, Answer::No, today());
    }
    a
}
