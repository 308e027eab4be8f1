//! "Key people are ready for interviews" (C53-PRE-06) is answered from the rehearsals: a finding
//! naming every key role holder who has not rehearsed, is unsure, or rehearsed too long before
//! the audit; none when all are confident and fresh. Ratings persist with the assessment, and
//! the Markdown brief escapes what users typed.

#[path = "../support/mod.rs"]
mod support;

mod key_group;
mod leaders;
mod people_and_brief;
mod ratings;

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::{Assessment, Catalog, Finding};
use chrono::NaiveDate;
use support::today;

const ITEM: &str = "C53-PRE-06";

fn interview_finding(a: &Assessment) -> Option<Finding> {
    interview_finding_on(a, today())
}

fn interview_finding_on(a: &Assessment, on: NaiveDate) -> Option<Finding> {
    let findings = all_findings(Catalog::builtin(), a, on);
    assert!(findings.iter().filter(|f| f.item_id == ITEM).count() <= 1, "at most one finding per item");
    findings.into_iter().find(|f| f.item_id == ITEM)
}
