//! Writes one sample of every export format, for checking with outside tools
//! (`tests/validate_exports.py`): `cargo run --example export_samples -- OUTDIR`.
//!
//! The assessment is the realistic one the export tests use (mixed answers, a checkbox gap,
//! stale evidence, an audit date, remediation owners, hostile notes). `oscal-bad.json` is the
//! same OSCAL document with one UUID broken, which a validator must reject.

#[path = "../tests/export_fixture/mod.rs"]
mod export_fixture;

use std::path::PathBuf;
use std::{env, fs, process};

use audit_readiness::domain::export::{backup, csv, html, ics, markdown, oscal, Profile, Report};
use audit_readiness::domain::Catalog;

fn main() {
    let Some(dir) = env::args_os().nth(1).map(PathBuf::from) else {
        eprintln!("usage: cargo run --example export_samples -- OUTDIR");
        process::exit(2);
    };
    let profile = match env::args().nth(2).as_deref() {
        None | Some("full") => Profile::Full,
        Some("auditor") => Profile::Auditor,
        Some("board") => Profile::Board,
        Some(other) => {
            eprintln!("unknown profile {other:?} (full, auditor or board)");
            process::exit(2);
        }
    };
    let catalog = Catalog::builtin();
    let assessment = export_fixture::realistic(catalog);
    let report = Report::new(catalog, &assessment, export_fixture::today()).redacted(profile);

    let mut bad = oscal::document(&report);
    bad["assessment-results"]["results"][0]["findings"][0]["uuid"] = "not-a-uuid".into();
    let files = [
        ("report.md", markdown::render(&report)),
        ("report.html", html::render(&report)),
        ("plan.csv", csv::render(&report)),
        ("backup.json", backup::export(&assessment)),
        ("oscal.json", oscal::render(&report)),
        ("oscal-bad.json", serde_json::to_string_pretty(&bad).expect("JSON value")),
        ("calendar.ics", ics::render(&report)),
    ];
    if let Err(e) = fs::create_dir_all(&dir) {
        eprintln!("cannot create {}: {e}", dir.display());
        process::exit(1);
    }
    for (name, content) in files {
        let path = dir.join(name);
        if let Err(e) = fs::write(&path, content) {
            eprintln!("cannot write {}: {e}", path.display());
            process::exit(1);
        }
        println!("wrote {}", path.display());
    }
}
