//! The remediation plan as CSV (RFC 4180: comma-separated, CRLF line ends, fields quoted where
//! needed), one row per finding, in the order the score explains them (most expensive first).
//!
//! Written with the `csv` crate (RFC 4180 quoting, CRLF terminators); the tests parse the output
//! back with the same crate and `tests/validate_exports.py` with Python's `csv` module.
//!
//! Spreadsheets execute cells that look like formulas. Any cell starting with `=`, `+`, `-`, `@`,
//! a tab or a carriage return therefore gets a leading apostrophe, which makes the spreadsheet
//! show the text instead of evaluating it. So does any such start after a semicolon or a tab
//! inside a cell: a spreadsheet set to split at semicolons (German or French settings) starts a
//! cell there whatever the quoting.

use super::{iso, Report};
use crate::domain::remediation::due_warning;

pub const HEADER: [&str; 15] = [
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
    // "yes" when the app only suggested the owner: the owner column keeps the plain name, so a
    // spreadsheet filters one person as one value (user pass).
    "owner_suggested",
    // The question's own note, as the user typed it (founder pass: the plan left out what the
    // team had written down about each gap). Empty where the profile withholds notes.
    "note",
    // "Overdue" or "After the audit day", as the plan's row says (planning pass of stop 44: the
    // files dropped what the screen flags).
    "due_warning",
];

/// Renders the plan for `report.profile` (the board profile leaves the owner column empty).
pub fn render(report: &Report) -> String {
    let mut writer = csv::WriterBuilder::new()
        .terminator(csv::Terminator::CRLF)
        .quote_style(csv::QuoteStyle::Necessary)
        .from_writer(Vec::with_capacity(256 * (report.findings.len() + 1)));
    write_record(&mut writer, HEADER.iter().copied());
    // In the findings' order (as the score explains them), not the gap list's.
    for gap in report.lines() {
        let (finding, plan) = (gap.finding, gap.plan);
        let title = report.catalog.title_of(finding.item_id);
        let (cost, predicted) = (finding.cost.to_string(), gap.predicted_text());
        let due = plan.due.map(iso).unwrap_or_default();
        let suggested = match (plan.owner.trim().is_empty(), gap.owner_suggested) {
            (true, _) => "",
            (false, true) => "yes",
            (false, false) => "no",
        };
        let note = report.assessment.responses.get(finding.item_id).map_or("", |r| r.note.as_str());
        let row = [
            finding.id.as_str(),
            finding.item_id,
            finding.reference,
            title,
            finding.kind.code(),
            &predicted,
            &cost,
            &plan.owner,
            &due,
            gap.status_code(),
            &finding.explanation,
            &finding.remediation,
            suggested,
            note,
            due_warning(plan, report.today, report.audit_date).map_or("", |w| w.label()),
        ];
        write_record(&mut writer, row.into_iter());
    }
    let bytes = writer.into_inner().expect("writing to memory cannot fail");
    String::from_utf8(bytes).expect("every cell is UTF-8")
}

/// Marks the file as UTF-8 for spreadsheets: without it Excel reads a CSV in the system's code
/// page, and the plan's dashes, quotes and "·" come out garbled (founder pass).
pub const BYTE_ORDER_MARK: char = '\u{feff}';

/// The file to download: [`render`] after the [`BYTE_ORDER_MARK`] (the preview shows the text
/// without it).
pub fn file(report: &Report) -> String {
    format!("{BYTE_ORDER_MARK}{}", render(report))
}

/// One record, every cell neutralised first.
fn write_record<'a>(writer: &mut csv::Writer<Vec<u8>>, cells: impl Iterator<Item = &'a str>) {
    writer.write_record(cells.map(neutralise)).expect("writing to memory cannot fail");
}

/// Prefixes an apostrophe to a cell a spreadsheet would read as a formula (some read one after
/// leading spaces too), and to each part after a semicolon or a tab that would be one, where
/// spreadsheets set to those separators start a cell (data-safety pass of stop 47: "ok;=1+1"
/// ran in them), and after a line break, where such a spreadsheet, not reading the quotes around
/// a cell with a semicolon in it, starts a row (export pass of stop 52: a note's second line
/// "=HYPERLINK(…)" started one). Other control characters and direction overrides become spaces, as in every
/// export (`export::hidden`; a NUL cut the cell short in some spreadsheets).
pub fn neutralise(cell: &str) -> String {
    let kept = |c: char| matches!(c, '\n' | '\r' | '\t') || !super::hidden(c);
    // Read as the spreadsheet sees it: what becomes a space counts as one.
    let formula = |part: &str| {
        let start = part.trim_start_matches(|c: char| c == ' ' || !kept(c));
        matches!(start.chars().next(), Some('=' | '+' | '-' | '@' | '\t' | '\r'))
    };
    let mut out = String::with_capacity(cell.len() + 1);
    if formula(cell) {
        out.push('\'');
    }
    // Most cells have nothing to change inside: copied whole (a 10× plan has tens of thousands).
    if cell.chars().all(|c| kept(c) && !matches!(c, ';' | '\t' | '\n' | '\r')) {
        out.push_str(cell);
        return out;
    }
    for (at, c) in cell.char_indices() {
        out.push(if kept(c) { c } else { ' ' });
        if matches!(c, ';' | '\t' | '\n' | '\r') && formula(&cell[at + 1..]) {
            out.push('\'');
        }
    }
    out
}
