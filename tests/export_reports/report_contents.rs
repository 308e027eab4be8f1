//! What every report says: file names, its assessment, N/A exclusions, the audit date, costs, evidence.

use crate::export_fixture::*;
use crate::{all_formats, report};
use audit_readiness::domain::export::{self, csv, html, markdown, Kind, Profile, Report};
use audit_readiness::domain::{Assessment, Catalog};

#[test]
fn file_names_carry_the_date_and_the_right_extension() {
    let d = today();
    assert_eq!(export::filename(Kind::Markdown, d), "audit-readiness-2026-11-23.md");
    assert_eq!(export::filename(Kind::Html, d), "audit-readiness-2026-11-23.html");
    assert_eq!(export::filename(Kind::Csv, d), "audit-readiness-plan-2026-11-23.csv");
    assert_eq!(export::filename(Kind::Backup, d), "audit-readiness-backup-2026-11-23.json");
    // The backup the app saves carries the time too: two of one day are told apart (founder pass).
    assert_eq!(export::backup_filename(d, (9, 5)), "audit-readiness-backup-2026-11-23-0905.json");
    assert_eq!(export::backup_filename(d, (23, 59)), "audit-readiness-backup-2026-11-23-2359.json");
    assert_eq!(export::filename(Kind::Oscal, d), "audit-readiness-oscal-2026-11-23.json");
    assert_eq!(export::filename(Kind::Calendar, d), "audit-readiness-calendar-2026-11-23.ics");
    assert_eq!(export::filename(Kind::Markdown, day(2027, 1, 5)), "audit-readiness-2027-01-05.md");
    // A named assessment names its reports, in any script; the backup holds them all.
    let full = Profile::Full;
    assert_eq!(
        export::filename_named(Kind::Html, d, "Stage 2, März / 李", full),
        "audit-readiness-stage-2-märz-李-internal-2026-11-23.html"
    );
    assert_eq!(export::filename_named(Kind::Csv, d, "  ", full), "audit-readiness-plan-internal-2026-11-23.csv");
    assert_eq!(
        export::filename_named(Kind::Oscal, d, &"x".repeat(300), full).len(),
        "audit-readiness-oscal--internal-2026-11-23.json".len() + 48
    );
    // A long name is cut at a word's end (export pass of stop 45: "…-http-evi-internal").
    assert_eq!(
        export::filename_named(Kind::Markdown, d, "Alpha beta gamma delta epsilon zeta eta theta iota kappa", full),
        "audit-readiness-alpha-beta-gamma-delta-epsilon-zeta-eta-theta-internal-2026-11-23.md"
    );
    // The audience is in the name: the internal report, with its private notes, is not the board's.
    assert_eq!(export::filename_named(Kind::Markdown, d, "Stage 2", Profile::Board), "audit-readiness-stage-2-board-2026-11-23.md");
    assert_eq!(export::filename_named(Kind::Calendar, d, "", Profile::Auditor), "audit-readiness-calendar-for-auditor-2026-11-23.ics");
    let names: Vec<_> = Profile::ALL.iter().map(|p| export::filename_named(Kind::Html, d, "Stage 2", *p)).collect();
    assert!(names.iter().enumerate().all(|(i, n)| !names[..i].contains(n)), "{names:?}");
    // The backup holds every assessment for everyone: neither name nor audience.
    for profile in Profile::ALL {
        assert_eq!(export::filename_named(Kind::Backup, d, "Stage 2", profile), "audit-readiness-backup-2026-11-23.json");
    }
}

#[test]
fn a_named_report_says_which_assessment_it_is_escaped_in_each_format() {
    let catalog = Catalog::builtin();
    let report = Report::new(catalog, &Assessment::default(), today()).named(" Stage 2 <b>*x*</b> ");
    assert!(markdown::render(&report).contains("- **Assessment:** Stage 2 \\<b\\>\\*x\\*\\</b\\>\n"));
    assert!(html::render(&report).contains("Stage 2 &lt;b&gt;*x*&lt;/b&gt;"));
    let unnamed = markdown::render(&Report::new(catalog, &Assessment::default(), today()));
    assert!(!unnamed.contains("**Assessment:**"));
    // The name leads the browser tab (and a printed PDF's file name) and is in the heading.
    let page = html::render(&report);
    assert!(page.contains("<title>Stage 2 &lt;b&gt;*x*&lt;/b&gt;: audit readiness report (2026-11-23)</title>"), "{page:.600}");
    assert!(page.contains("<h1>Audit readiness report: Stage 2 &lt;b&gt;*x*&lt;/b&gt; · ISO/IEC 27001:2022 leadership and roles</h1>"));
    let md = markdown::render(&report);
    assert!(
        md.starts_with("# Audit readiness report: Stage 2 \\<b\\>\\*x\\*\\</b\\> · ISO/IEC 27001:2022 leadership and roles\n"),
        "{md:.200}"
    );
    assert!(unnamed.starts_with("# Audit readiness report: ISO/IEC 27001:2022 leadership and roles\n"));
    // The name an assessment starts with tells a board nothing (founder pass of stop 47).
    let first = Report::new(catalog, &Assessment::default(), today()).named(audit_readiness::domain::workspace::DEFAULT_NAME);
    assert!(markdown::render(&first).starts_with("# Audit readiness report: ISO/IEC 27001:2022 leadership and roles\n"));
    assert!(html::render(&first).contains("<title>Audit readiness report: ISO/IEC 27001:2022 leadership and roles ("));
}

#[test]
fn a_report_from_findings_already_worked_out_is_the_same_report() {
    use audit_readiness::domain::findings::all_findings;
    use audit_readiness::domain::score::compute;
    let catalog = Catalog::builtin();
    let assessment = realistic(catalog);
    let findings = all_findings(catalog, &assessment, today());
    let score = compute(catalog, &assessment, &findings);
    let scored = Report::scored(catalog, &assessment, findings, score, today()).redacted(Profile::Auditor);
    let fresh = Report::new(catalog, &assessment, today()).redacted(Profile::Auditor);
    assert_eq!(all_formats(&scored), all_formats(&fresh));
    assert!(!fresh.findings.is_empty());
}

#[test]
fn the_not_applicable_table_says_which_exclusions_count() {
    let catalog = Catalog::builtin();
    let mut a = realistic(catalog);
    // The fixture marks a Clause 5.3 check N/A; add an Annex A control excluded with a reason.
    let control = catalog.items.iter().find(|i| i.excludable() && !i.is_derived()).unwrap();
    // ...a practice of A 5.4, which no company with staff can exclude, and a proof that needs an
    // event (a handled disciplinary case) while the incident register shows none has happened.
    for (id, reason) in [
        (control.id, "No suppliers handle our information"),
        ("A54-CTL-04", "We are a team of six"),
        ("RC-03-PROOF", "No security slip has happened yet"),
        ("C53-ISM-03", ""),
    ] {
        match reason {
            "" => a.set_answer(id, audit_readiness::domain::Answer::Yes, today()),
            _ => {
                a.set_answer(id, audit_readiness::domain::Answer::NotApplicable, today());
                a.set_na_justification(id, reason.into());
            }
        }
    }
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let table: Vec<&str> = md
        .lines()
        .skip_while(|l| !l.contains("Not applicable, with justification"))
        .take_while(|l| !l.starts_with("## ") || l.contains("Not applicable"))
        .collect();
    let row = |id: &str| {
        let item = catalog.item(id).unwrap();
        table
            .iter()
            .find(|l| l.starts_with(&format!("| {} | {} |", item.reference, markdown::inline(item.title))))
            .copied()
            .unwrap_or_else(|| panic!("no row for {id}: {table:?}"))
    };
    assert!(row("C53-PRE-03").contains("Still counted as a gap"), "{}", row("C53-PRE-03"));
    assert!(row(control.id).contains("Excluded from the score"), "{}", row(control.id));
    assert!(
        row("A54-CTL-04").ends_with(
            "| Still counted as a gap: A 5.4 applies to every company with staff, so an auditor would not accept leaving it out of the Statement of Applicability |"
        ),
        "{}",
        row("A54-CTL-04")
    );
    assert!(row("RC-03-PROOF").contains("| Counted as met: nothing has happened yet to show"), "{}", row("RC-03-PROOF"));
}

#[test]
fn the_audit_date_is_placed_relative_to_the_assessment_even_when_already_past() {
    let catalog = Catalog::builtin();
    let with_audit = |days: i64| {
        let mut a = realistic(catalog);
        a.audit_date = today().checked_add_signed(chrono::Duration::days(days));
        markdown::render(&Report::new(catalog, &a, today()))
    };
    assert!(with_audit(45).contains("(45 days after the assessment)"));
    assert!(with_audit(1).contains("(1 day after the assessment)"));
    assert!(with_audit(0).contains("(on the day of the assessment)"));
    let past = with_audit(-12);
    assert!(past.contains("(12 days before the assessment, already past)"), "{past}");
    assert!(!past.contains("-12 days"), "{past}");
}

#[test]
fn a_gap_counted_with_another_says_so_in_the_cost_column() {
    let r = report(Profile::Full);
    let md = markdown::render(&r);
    let counted: Vec<_> = r.findings.iter().filter_map(|f| f.counted_with.map(|w| (f, w))).collect();
    assert!(!counted.is_empty(), "the fixture has a requirement asked twice and failing twice");
    for (f, with) in counted {
        let row = md.lines().find(|l| l.contains(&markdown::inline(r.catalog.title_of(f.item_id)))).unwrap();
        let carrier = markdown::inline(r.catalog.title_of(with.item_id));
        assert!(row.contains(&format!("| Counted once, with “{carrier}” ({}) |", with.reference)) && row.contains("| 0 |"), "{row}");
    }
    // The rows that read as nonconformities add up to what the report expects at the audit.
    // (a minor adding up with others says so after its severity)
    let minors = md.lines().filter(|l| l.starts_with('|') && l.contains("| Minor nonconformity")).count();
    assert_eq!(minors, r.score.minors);
    // The heading splits the rows the same way: those raised on their own are the expected
    // findings (majors, minors and observations), the rest belong to another row.
    let gaps = r.gaps().len();
    let counted = r.findings.iter().filter(|f| f.counted_with.is_some()).count();
    let part = r.findings.iter().filter(|f| f.counted_with.is_none() && f.part_of.is_some()).count();
    let alone = r.score.majors + r.score.minors + r.score.observations;
    assert!(part > 0 && counted > 0, "the fixture has both kinds");
    assert_eq!(alone + part + counted, gaps);
    let heading = format!("## Gaps ({gaps}: {alone} raised on their own, {part} part of another, {counted} counted once with another)");
    assert!(md.contains(&heading), "{heading}");
}

#[test]
fn the_evidence_table_says_whether_each_record_still_counts() {
    let md = markdown::render(&report(Profile::Auditor));
    assert!(md.contains("| Reference | Item | Evidence | Where | Produced | Owner | Validity |"));
    let row = |what: &str| md.lines().find(|l| l.contains("2025-09-01") || l.contains(what)).map(str::to_string);
    let stale = row("Signed ISMS scope statement").unwrap();
    assert!(stale.ends_with("| Expired on 2026-09-01: renew it. |"), "{stale}");
    let lapsing = md.lines().find(|l| l.contains("| 2026-02-02 |")).unwrap();
    assert!(lapsing.contains("Expires on 2027-02-02, before the audit day: renew it in time."), "{lapsing}");
}

#[test]
fn an_owner_the_app_only_suggested_is_marked_as_suggested_in_every_format() {
    // Founder pass: the reports, the CSV and the calendar named the plan's suggested owners
    // ("Owner: Sam Rivera") as if the work had been handed out.
    let catalog = Catalog::builtin();
    let mut a = realistic(catalog);
    a.remediation.clear();
    let r = Report::new(catalog, &a, today());
    // Every owner shown is a suggestion here, and says so.
    let suggested: Vec<String> = r.lines().map(|g| g.owner_text()).filter(|o| !o.is_empty()).collect();
    assert!(!suggested.is_empty());
    assert!(suggested.iter().all(|o| o.ends_with(" (suggested)")), "{suggested:?}");
    let owner = suggested[0].to_string();
    for (format, text) in all_formats(&r) {
        if format != "oscal" && format != "csv" {
            assert!(text.contains(&owner), "{format} lacks {owner}");
        }
    }
    // The CSV keeps the plain name in its owner column and says "yes" in its own column, so a
    // spreadsheet filters one person as one value.
    let plain = owner.trim_end_matches(" (suggested)");
    let rendered = csv::render(&r);
    let mut reader = ::csv::ReaderBuilder::new().from_reader(rendered.as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert!(rows.iter().any(|row| &row[7] == plain && &row[12] == "yes"));
    assert!(rows.iter().all(|row| !row[7].contains("(suggested)") && (row[7].is_empty() || &row[12] == "yes")));
    // Once the line is edited (its owner confirmed), it is the user's owner, unmarked.
    let finding = r.lines().find(|g| g.owner_text() == owner).unwrap().finding.clone();
    audit_readiness::domain::remediation::edit_plan_due_as(&finding, finding.severity, &mut a, today(), |line| {
        line.status = audit_readiness::domain::remediation::Status::InProgress
    });
    let r = Report::new(catalog, &a, today());
    let line = r.lines().find(|g| g.finding.id == finding.id).unwrap();
    assert_eq!(format!("{} (suggested)", line.owner_text()), owner);
}
