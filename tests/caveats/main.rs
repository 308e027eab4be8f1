//! What a verdict rests on that the score cannot see: "yes" answers with no evidence recorded,
//! and register gaps that open soon while no upcoming audit date is set.

#[path = "../support/mod.rs"]
mod support;

mod evidence_caveats;
mod people_caveats;

use audit_readiness::domain::assessment::EvidenceRecord;
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, Verdict};
use support::{all, today};

/// Every question answered yes, each with a described evidence record.
fn all_evidenced() -> Assessment {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for item in catalog.items.iter().filter(|i| !i.is_derived()) {
        let record = EvidenceRecord { what: format!("Record for {}", item.id), produced_on: Some(today()), ..Default::default() };
        a.responses.get_mut(item.id).unwrap().evidence.push(record);
    }
    a
}

fn verdict(a: &Assessment) -> Verdict {
    let catalog = Catalog::builtin();
    compute(catalog, a, &all_findings(catalog, a, today())).verdict
}
