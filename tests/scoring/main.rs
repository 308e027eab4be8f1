//! Scoring rules: "not sure" is not ready, N/A needs a justification, majors cap the verdict,
//! improving an answer never lowers the score, and every lost point is explained by a finding.

#[path = "../support/mod.rs"]
mod support;

mod not_applicable;
mod points;
mod severity;
mod verdict_words;

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Assessment, Catalog};
use support::today;

fn score(assessment: &Assessment) -> audit_readiness::domain::Score {
    let catalog = Catalog::builtin();
    compute(catalog, assessment, &all_findings(catalog, assessment, today()))
}
