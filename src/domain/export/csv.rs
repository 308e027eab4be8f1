//! The remediation plan as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted where
//! needed), one row per finding, in the order the score explains them (most expensive first).
//!
//! Written by hand: RFC 4180 output is a dozen lines, while the `csv` crate added about 33 KB to
//! the optimised wasm (20 KB gzipped). The tests parse the output back with the `csv` crate and
//! `tests/validate_exports.py` with Python's `csv` module, so conformance is checked twice.
//!
//! Spreadsheets execute cells that look like formulas. Any cell starting with `=`, `+`, `-`, `@`,
//! a tab or a carriage return therefore gets a leading apostrophe, which makes the spreadsheet
//! show the text instead of evaluating it.

use super::{iso, Report};

pub const HEADER: [&str; 12] = [
    "finding_id",
    "item_id",
    "reference",
    "title",
    "kind",
    "predicted_finding",
    "cost_points",
    "owner",
    "due",
    "status",
    "explanation",
    "remediation",
];

/// Renders the plan for `report.profile` (the board profile leaves the owner column empty).
pub fn render(report: &Report) -> String {
    let mut out = String::with_capacity(256 * (report.findings.len() + 1));
    write_record(&mut out, HEADER.iter().copied());
    for (finding, plan) in report.findings.iter().zip(&report.plans) {
        let title = report.item(finding.item_id).map_or(finding.item_id, |item| item.title);
        let cost = finding.cost.to_string();
        let due = plan.due.map(iso).unwrap_or_default();
        let row = [
            finding.id.as_str(),
            finding.item_id,
            finding.reference,
            title,
            finding.kind.code(),
            finding.severity.label(),
            &cost,
            &plan.owner,
            &due,
            plan.status.code(),
            &finding.explanation,
            &finding.remediation,
        ];
        write_record(&mut out, row.into_iter());
    }
    out
}

/// One record: cells neutralised, then quoted when they hold a comma, a quote or a line break
/// (quotes doubled), joined by commas and ended with CRLF.
fn write_record<'a>(out: &mut String, cells: impl Iterator<Item = &'a str>) {
    for (i, cell) in cells.enumerate() {
        if i > 0 {
            out.push(',');
        }
        let cell = neutralise(cell);
        if cell.contains([',', '"', '\r', '\n']) {
            out.push('"');
            out.push_str(&cell.replace('"', "\"\""));
            out.push('"');
        } else {
            out.push_str(&cell);
        }
    }
    out.push_str("\r\n");
}

/// Prefixes an apostrophe to a cell a spreadsheet would read as a formula.
pub fn neutralise(cell: &str) -> String {
    match cell.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{cell}"),
        _ => cell.to_string(),
    }
}
