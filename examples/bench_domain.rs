//! Domain figures for `make bench`: full re-score time and stored-state size for the real
//! catalogue and a synthetic one ten times larger, every item answered with evidence on each.
//! Prints one JSON object so the bench script can put it in its table. Every timed run starts
//! with nothing remembered of what the texts say (`text_memo::forget`): the figures are a first
//! reading, the slowest case, not the app's re-score after a key, where only the changed text is
//! read again. Given a path, it also writes the 10x assessment there as the app stores it.

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::persist::encode;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::text_memo;
use audit_readiness::domain::workspace::{encode_workspace, Workspace};
use audit_readiness::domain::{Answer, Assessment, Catalog, EvidenceRecord};
use chrono::NaiveDate;
use std::time::Instant;

fn assessment_for(catalog: &Catalog, today: NaiveDate) -> Assessment {
    let mut a = Assessment { audit_date: NaiveDate::from_ymd_opt(2027, 3, 1), ..Assessment::default() };
    for (n, item) in catalog.items.iter().enumerate() {
        a.set_answer(item.id, Answer::ALL[n % 4], today);
        a.set_note(item.id, format!("Checked with the owner on review {n}; see the shared drive."));
        a.edit_evidence(item.id, |list| {
            list.push(EvidenceRecord {
                // A text of its own per record: the checks remember what a text says
                // (`text_memo`), so one text shared by every record would be read only once.
                what: format!("Signed minutes of the management review {n}"),
                location: format!("https://drive.example/isms/reviews/2026-q3/{n}"),
                produced_on: NaiveDate::from_ymd_opt(2026, 1 + (n % 12) as u32, 15),
                owner: "Security manager".into(),
            })
        });
    }
    a
}

fn percentile(sorted: &[f64], q: f64) -> f64 {
    sorted[((q * sorted.len() as f64).ceil() as usize).clamp(1, sorted.len()) - 1]
}

fn rescore_ms(catalog: &Catalog, assessment: &Assessment, today: NaiveDate, runs: usize) -> (f64, f64) {
    let mut times: Vec<f64> = (0..runs)
        .map(|_| {
            text_memo::forget();
            let start = Instant::now();
            let findings = all_findings(catalog, assessment, today);
            let score = compute(catalog, assessment, &findings);
            std::hint::black_box(score);
            start.elapsed().as_secs_f64() * 1000.0
        })
        .collect();
    times.sort_by(f64::total_cmp);
    (percentile(&times, 0.5), percentile(&times, 0.95))
}

fn median_p95(mut times: Vec<f64>) -> (f64, f64) {
    times.sort_by(f64::total_cmp);
    (percentile(&times, 0.5), percentile(&times, 0.95))
}

/// Each export's time (report built from scratch, then rendered), as a JSON object.
fn export_times(catalog: &Catalog, assessment: &Assessment, today: NaiveDate, runs: usize) -> String {
    use audit_readiness::domain::export::{backup, csv, html, ics, markdown, oscal, Report};
    type Render = fn(&Report) -> String;
    let formats: [(&str, Render); 6] = [
        ("markdown", markdown::render),
        ("html", html::render),
        ("csv", csv::render),
        ("oscal", oscal::render),
        ("calendar", ics::render),
        ("backup", |r| backup::export(&r.assessment)),
    ];
    let parts: Vec<String> = formats
        .iter()
        .map(|(name, render)| {
            let times = (0..runs)
                .map(|_| {
                    text_memo::forget();
                    let start = Instant::now();
                    let report = Report::new(catalog, assessment, today);
                    std::hint::black_box(render(&report));
                    start.elapsed().as_secs_f64() * 1000.0
                })
                .collect();
            let (median, p95) = median_p95(times);
            format!("\"{name}\":{{\"median_ms\":{median:.3},\"p95_ms\":{p95:.3}}}")
        })
        .collect();
    format!("{{{}}}", parts.join(","))
}

fn main() {
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let real = Catalog::builtin();
    let large = real.scaled(10);
    // With a path: the 10x assessment as the app stores it, for the browser's answer figure with
    // every item answered (`tests/bench/bench.mjs`).
    let stored_10x = std::env::args().nth(1);
    let mut parts = Vec::new();
    for (label, catalog) in [("1x", real), ("10x", &large)] {
        let assessment = assessment_for(catalog, today);
        if let Some(path) = stored_10x.as_ref().filter(|_| label == "10x") {
            let stored = encode_workspace(&Workspace::single(assessment.clone(), Some(today)));
            std::fs::write(path, stored).expect("the stored 10x assessment is written");
        }
        let (median, p95) = rescore_ms(catalog, &assessment, today, 200);
        parts.push(format!(
            "\"{label}\":{{\"items\":{},\"rescore_median_ms\":{median:.3},\"rescore_p95_ms\":{p95:.3},\"stored_bytes\":{},\"exports\":{}}}",
            catalog.items.len(),
            encode(&assessment).len(),
            export_times(catalog, &assessment, today, 30)
        ));
    }
    println!("{{{}}}", parts.join(","));
}
