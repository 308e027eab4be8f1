//! Markdown, HTML and CSV exports: hostile user text stays text, spreadsheet formulas are
//! neutralised, the plan has one row per finding, and each profile withholds what it promises to,
//! in every format.

#[path = "../export_fixture/mod.rs"]
mod export_fixture;
#[path = "../support/mod.rs"]
mod support;

mod csv_plan;
mod markdown_html;
mod profiles;
mod register_tables;
mod report_contents;

use audit_readiness::domain::export::{csv, html, ics, markdown, oscal, Profile, Report};
use audit_readiness::domain::Catalog;
use export_fixture::*;

fn report(profile: Profile) -> Report<'static> {
    let catalog = Catalog::builtin();
    Report::new(catalog, &realistic(catalog), today()).redacted(profile)
}

/// Every rendered format of a report, by name.
fn all_formats(r: &Report) -> Vec<(&'static str, String)> {
    vec![
        ("markdown", markdown::render(r)),
        ("html", html::render(r)),
        ("csv", csv::render(r)),
        ("oscal", oscal::render(r)),
        ("ics", ics::render(r)),
    ]
}
