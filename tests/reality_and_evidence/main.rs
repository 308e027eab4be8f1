//! Reality checks (a claim is not proof) and evidence freshness against the audit date.

#[path = "../support/mod.rs"]
mod support;

mod freshness;
mod not_in_place;
mod reality_checks;
mod records;
mod recurring;

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::{Answer, Assessment, Catalog, EvidenceRecord};
use support::{all, today};

fn findings_for(a: &Assessment) -> Vec<audit_readiness::domain::Finding> {
    findings_for_on(a, today())
}

fn findings_for_on(a: &Assessment, on: chrono::NaiveDate) -> Vec<audit_readiness::domain::Finding> {
    all_findings(Catalog::builtin(), a, on)
}

/// Every item answered yes, each with one evidence record produced on `on`, the audit on `audit`.
fn all_yes_with_evidence(catalog: &'static Catalog, on: chrono::NaiveDate, audit: chrono::NaiveDate) -> Assessment {
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = Some(audit);
    for item in catalog.items {
        a.edit_evidence(item.id, |list| list.push(evidence(on)));
    }
    a
}

fn evidence(produced_on: chrono::NaiveDate) -> EvidenceRecord {
    EvidenceRecord { what: "Minutes".into(), location: "Drive / governance".into(), produced_on: Some(produced_on), owner: "CEO".into() }
}
