//! The CSV plan: one neutralised row per finding, notes, UTF-8 marking, lossless quoting, due dates flagged.

use crate::export_fixture::*;
use crate::report;
use crate::support;
use audit_readiness::domain::export::{csv, html, ics, markdown, Profile, Report};
use audit_readiness::domain::{Answer, Catalog, Severity};

#[test]
fn csv_is_one_neutralised_row_per_finding() {
    let r = report(Profile::Full);
    let text = csv::render(&r);
    assert!(text.ends_with("\r\n"), "RFC 4180 records end in CRLF");
    let mut reader = ::csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header, csv::HEADER);
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), r.findings.len());
    for row in &rows {
        assert_eq!(row.len(), csv::HEADER.len());
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "formula cell {cell:?}");
        }
    }
    let owners: Vec<&str> = rows.iter().map(|row| &row[7]).collect();
    assert!(owners.contains(&"'=HYPERLINK(\"http://x\")"), "{owners:?}");
    assert!(owners.contains(&"'@SUM(1+1)"));
    assert!(owners.contains(&"'-2+3"));
    assert!(owners.contains(&"'+44 20 7946 0000"));
    assert!(owners.contains(&"'\tTabbed Tom"));
    assert!(owners.contains(&"Chief Executive, \"CEO\"; deputy: Lee"), "quotes and commas survive");
    // Same order and ids as the findings; statuses and due dates as planned.
    for (row, finding) in rows.iter().zip(&r.findings) {
        assert_eq!(&row[0], finding.id.as_str());
        assert_eq!(&row[2], finding.reference);
    }
    // Every row is an open finding: a line marked done says it is still open.
    assert!(rows.iter().any(|row| &row[9] == "done_still_open") && rows.iter().any(|row| &row[9] == "in_progress"));
    assert!(rows.iter().all(|row| &row[9] != "done"));
    assert!(rows.iter().all(|row| row[8].len() == 10), "every row has a due date");
    assert_eq!(csv::neutralise("\rx"), "'\rx");
}

#[test]
fn csv_carries_each_questions_note_neutralised_and_only_where_the_profile_shows_notes() {
    let catalog = Catalog::builtin();
    let mut a = realistic(catalog);
    a.set_note("C51-DUTY-01", "=1+1 ask Jo, \"today\"\nthen the board".into());
    let note_of = |profile: Profile, item: &str| -> Vec<String> {
        let text = csv::render(&Report::new(catalog, &a, today()).redacted(profile));
        let mut reader = ::csv::Reader::from_reader(text.as_bytes());
        assert_eq!(reader.headers().unwrap().get(13), Some("note"));
        reader.records().map(Result::unwrap).filter(|row| &row[1] == item).map(|row| row[13].to_string()).collect()
    };
    let full = note_of(Profile::Full, "C51-DUTY-01");
    assert!(!full.is_empty(), "the fixture has a finding on C51-DUTY-01");
    assert!(full.iter().all(|n| n == "'=1+1 ask Jo, \"today\"\nthen the board"), "{full:?}");
    assert!(note_of(Profile::Full, "C53-PRE-01").iter().all(|n| n.starts_with(NOTE_MARKER)));
    for profile in [Profile::Auditor, Profile::Board] {
        assert!(note_of(profile, "C51-DUTY-01").iter().all(String::is_empty), "{profile:?} withholds notes");
    }
}

#[test]
fn csv_file_is_marked_utf8_for_spreadsheets() {
    let r = report(Profile::Full);
    let (file, text) = (csv::file(&r), csv::render(&r));
    assert_eq!(file.strip_prefix(csv::BYTE_ORDER_MARK), Some(text.as_str()), "the mark, then the text");
    assert!(!text.starts_with(csv::BYTE_ORDER_MARK), "the preview has no mark");
    let mut reader = ::csv::Reader::from_reader(file.as_bytes());
    assert_eq!(reader.headers().unwrap(), csv::HEADER.as_slice(), "a CSV reader skips the mark");
    assert_eq!(reader.records().count(), r.findings.len());
}

#[test]
fn csv_quotes_line_breaks_commas_and_quotes_losslessly() {
    let catalog = Catalog::builtin();
    let mut a = realistic(catalog);
    let owner = "Line one\r\nLine two, \"quoted\"\nthree";
    for plan in a.remediation.values_mut() {
        plan.owner = owner.into();
    }
    let r = Report::new(catalog, &a, today());
    let text = csv::render(&r);
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), r.findings.len());
    assert_eq!(rows.iter().filter(|row| &row[7] == owner).count(), a.remediation.len());
    assert_eq!(csv::neutralise("plain = fine"), "plain = fine");
    assert_eq!(csv::neutralise("  =1+1"), "'  =1+1", "leading spaces do not hide a formula");
}

#[test]
fn the_csv_and_the_calendar_flag_lines_overdue_or_due_after_the_audit_as_the_plan_does() {
    // Planning pass of stop 44: the plan flagged them on screen, the files did not.
    use audit_readiness::domain::findings::all_findings;
    use audit_readiness::domain::remediation::edit_plan_due_as;
    let catalog = Catalog::builtin();
    let mut a = support::all(catalog, Answer::Yes);
    a.audit_date = Some(today() + chrono::Days::new(70));
    let items: Vec<_> =
        catalog.items.iter().filter(|i| !i.is_derived() && i.within.is_none() && i.finding == Severity::Minor).take(3).collect();
    for item in &items {
        a.set_answer(item.id, Answer::No, today());
    }
    let findings = all_findings(catalog, &a, today());
    let of = |id: &str| findings.iter().find(|f| f.item_id == id).unwrap().clone();
    let (late, overdue) = (of(items[0].id), of(items[1].id));
    edit_plan_due_as(&late, late.severity, &mut a, today(), |line| line.due = Some(today() + chrono::Days::new(80)));
    edit_plan_due_as(&overdue, overdue.severity, &mut a, today(), |line| line.due = Some(today() - chrono::Days::new(1)));
    let r = Report::new(catalog, &a, today());
    let text = csv::render(&r);
    let mut reader = ::csv::Reader::from_reader(text.as_bytes());
    assert_eq!(reader.headers().unwrap().get(14), Some("due_warning"));
    let warning: std::collections::BTreeMap<String, String> =
        reader.records().map(Result::unwrap).map(|row| (row[1].to_string(), row[14].to_string())).collect();
    assert_eq!(warning[items[0].id], "After the audit day");
    assert_eq!(warning[items[1].id], "Overdue");
    assert_eq!(warning[items[2].id], "", "a default date needs no warning");
    let events = ics::deadlines(&r);
    let about = |id: &str| {
        events
            .iter()
            .find(|e| e.description.contains(catalog.item(id).unwrap().title) || e.summary.contains(catalog.item(id).unwrap().title))
            .unwrap()
    };
    assert!(about(items[0].id).description.contains(". After the audit day."), "{}", about(items[0].id).description);
    assert!(about(items[1].id).description.contains(". Overdue."), "{}", about(items[1].id).description);
    assert!(!about(items[2].id).description.contains("Overdue") && !about(items[2].id).description.contains("After the audit day"));
    // The Markdown and HTML reports say it beside the date (CEO pass: the date alone).
    let md = markdown::render(&r);
    let due = |days: i64| (today() + chrono::Duration::days(days)).to_string();
    assert!(md.contains(&format!("| {} · After the audit day |", due(80))), "{md}");
    assert!(md.contains(&format!("| {} · Overdue by 1 day |", due(-1))), "{md}");
    assert!(html::render(&r).contains(&format!("<span class=\"date\">{}</span> · Overdue by 1 day", due(-1))));
}
