//! The remediation plan: suggested owners from the roles register, and what the user sets.

#[path = "../support/mod.rs"]
mod support;

mod due_dates;
mod owners;
mod plan_lines;

use audit_readiness::domain::remediation::{edit_plan_due_as, plan_due_as, Remediation};
use audit_readiness::domain::{Assessment, Finding};
use chrono::NaiveDate;

/// A finding's plan line due as its own severity (none of these findings adds up with others).
fn plan_for(finding: &Finding, assessment: &Assessment, today: NaiveDate) -> Remediation {
    plan_due_as(finding, finding.severity, assessment, today)
}

fn edit_plan(finding: &Finding, assessment: &mut Assessment, today: NaiveDate, change: impl FnOnce(&mut Remediation)) {
    edit_plan_due_as(finding, finding.severity, assessment, today, change)
}

fn finding_for<'a>(findings: &'a [Finding], item_id: &str) -> &'a Finding {
    findings.iter().find(|f| f.item_id == item_id).unwrap_or_else(|| panic!("no finding for {item_id}"))
}
