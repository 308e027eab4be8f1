//! Standard formats: OSCAL assessment results (one finding per item, right state, valid unique
//! UUIDs, reproducible) and iCalendar (CRLF, folding, escaping, recurring duties, due dates of
//! open findings only). Also the hand-written SHA-1 and UUID v5 against published values.

#[path = "../export_fixture/mod.rs"]
mod export_fixture;

mod icalendar;
mod oscal_results;

use audit_readiness::domain::export::Report;
use audit_readiness::domain::Catalog;
use export_fixture::*;

fn full_report() -> Report<'static> {
    let catalog = Catalog::builtin();
    Report::new(catalog, &realistic(catalog), today())
}
