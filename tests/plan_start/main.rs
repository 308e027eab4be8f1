//! Where to start on the plan (founder pass: sorted by severity, it never said what to do first,
//! and "fix 3 of them" was only in the dashboard's lists).

#[path = "../support/mod.rs"]
mod support;

mod due_before_audit;
mod first_step;
mod quick_wins_and_owners;

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::plan_start::where_to_start;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Assessment, Catalog, Score};
use support::today;

fn score(a: &Assessment) -> Score {
    let catalog = Catalog::builtin();
    compute(catalog, a, &all_findings(catalog, a, today()))
}

fn steps(a: &Assessment) -> Vec<String> {
    let catalog = Catalog::builtin();
    let findings = all_findings(catalog, a, today());
    where_to_start(&compute(catalog, a, &findings), &findings, catalog, a, today())
}
