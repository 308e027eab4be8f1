//! Markdown, HTML and CSV exports: hostile user text stays text, spreadsheet formulas are
//! neutralised, the plan has one row per finding, and each profile withholds what it promises to,
//! in every format.

mod export_fixture;
mod support;

use audit_readiness::domain::export::{self, csv, html, ics, markdown, oscal, Kind, Profile, Report};
use audit_readiness::domain::roles::{Assignment, RoleKind};
use audit_readiness::domain::{Answer, Assessment, Catalog, FindingKind, Severity};
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

/// Counts the pipes that are not backslash-escaped (the column separators of a table row).
fn separators(line: &str) -> usize {
    let mut count = 0;
    let mut escaped = false;
    for c in line.chars() {
        if c == '|' && !escaped {
            count += 1;
        }
        escaped = c == '\\' && !escaped;
    }
    count
}

#[test]
fn markdown_escapes_hostile_text_so_it_stays_text() {
    let md = markdown::render(&report(Profile::Full));
    assert!(md.contains(NOTE_MARKER), "the full profile shows notes");
    // Raw HTML, links, emphasis and headings from user text are all escaped.
    assert!(md.match_indices('<').all(|(i, _)| md[..i].ends_with('\\')), "raw HTML survived");
    assert!(md.contains(r"\<img src=x onerror=alert(1)\>"));
    assert!(!md.contains("[x](y)"));
    assert!(md.contains(r"\| \# \* \[x\](y)"));
    // The note's line break is kept inside its list item: nothing user-typed starts a line of its own.
    assert!(md.lines().all(|l| !l.starts_with("second line")));
    assert!(md.contains("\\\n  second line"));
    // Every table row has as many column separators as its header.
    let mut header_pipes = None;
    for line in md.lines() {
        if line.starts_with('|') {
            let pipes = separators(line);
            let expected = *header_pipes.get_or_insert(pipes);
            assert_eq!(pipes, expected, "a cell broke its table: {line}");
        } else {
            header_pipes = None;
        }
    }
}

#[test]
fn markdown_report_has_verdict_reasons_areas_and_gaps_majors_first() {
    let r = report(Profile::Full);
    let md = markdown::render(&r);
    assert!(md.starts_with("# Audit readiness report"));
    assert!(md.contains("2026\\-11\\-23") || md.contains("2026-11-23"));
    assert!(md.contains(&format!("## {}: overall readiness {} %", r.score.verdict.label(), r.score.percent)));
    assert!(md.contains(r.score.meaning()));
    for area in r.catalog.areas {
        assert!(md.contains(&markdown::inline(area.title)), "area {} missing", area.id);
    }
    assert!(md.contains("Checkbox gap (claimed, proof missing)"));
    assert!(md.contains("Stale evidence (expired 2026-09-01)"));
    assert!(md.contains("Expires before audit (expires 2027-02-02)"));
    // The gap table lists majors before anything else.
    let gaps = r.gaps();
    assert_eq!(gaps.len(), r.findings.len());
    let first_minor = gaps.iter().position(|g| g.finding.severity < Severity::Major).unwrap();
    assert!(gaps[first_minor..].iter().all(|g| g.finding.severity < Severity::Major));
    let reasons = r.reasons();
    assert!(reasons[0].contains("as major nonconformities"), "{reasons:?}");
    // The expected findings by severity come first, observations after minors, then what
    // else the score rests on (founder pass: observations came last, after unanswered questions).
    let at = |text: &str| reasons.iter().position(|r| r.contains(text)).unwrap_or_else(|| panic!("{text}: {reasons:?}"));
    assert!(at("as minor nonconformities") < at("noted as observations"), "{reasons:?}");
    assert!(at("noted as observations") < at("out of date on audit day"), "{reasons:?}");
    // Said of the "yes" answers, which are what it counts (exports pass of stop 49), and of audit
    // day only while an audit is ahead.
    assert!(
        reasons[at("out of date")].contains("“yes” answers rely on evidence that is or will be out of date on audit day"),
        "{reasons:?}"
    );
    let mut no_audit = realistic(r.catalog);
    no_audit.audit_date = None;
    let reasons = Report::new(r.catalog, &no_audit, today()).reasons();
    let line = reasons.iter().find(|l| l.contains("out of date")).unwrap_or_else(|| panic!("{reasons:?}"));
    assert!(line.ends_with("on evidence that is out of date.") && !line.contains("audit day"), "{line}");
    // Progress counts the questions a person answers; the worked-out items are named apart.
    let p = r.score.progress;
    assert!(
        md.contains(&format!(
            "{} of {} questions answered, {} of them “not sure”, and {} items worked out from the roles register",
            p.answered, p.questions, p.not_sure, p.worked_out
        )) && p.not_sure > 0,
        "{md:.1500}"
    );
    assert!(md.contains(&format!(
        "worked out ({} checks)",
        r.score.areas.iter().find(|a| a.area_id == "c53-register").unwrap().progress.worked_out
    )));
}

#[test]
fn html_is_self_contained_and_escapes_every_user_string() {
    let page = html::render(&report(Profile::Full));
    assert!(page.contains("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"));
    assert!(page.contains("&lt;img src=x onerror=alert(1)&gt;"));
    assert!(page.contains("=HYPERLINK(&quot;http://x&quot;)"));
    assert!(page.contains("@media print"));
    // Escaped text never contains '<', so every '<' opens one of our own tags.
    let allowed = [
        "!DOCTYPE", "html", "head", "meta", "title", "style", "body", "h1", "h2", "h3", "p", "ul", "li", "strong", "table", "thead",
        "tbody", "tr", "th", "td", "main", "footer", "br", "span", "nav", "a",
    ];
    for tag in page.split('<').skip(1) {
        let name: String = tag.trim_start_matches('/').chars().take_while(|c| c.is_ascii_alphanumeric() || *c == '!').collect();
        let name = if name.eq_ignore_ascii_case("!doctype") { "!DOCTYPE".to_string() } else { name };
        assert!(allowed.contains(&name.as_str()), "unexpected tag <{tag:.40}");
        let head = &tag[..tag.find('>').unwrap()];
        let lower = head.to_ascii_lowercase();
        // The only links are the contents list's, to the report's own sections.
        let own_link = lower.starts_with("a href=\"#section-") && lower.bytes().filter(|b| *b == b'=').count() == 1;
        assert!(!lower.contains("src=") && (own_link || !lower.contains("href=")) && !lower.contains(" on"), "attribute in <{head}>");
    }
}

#[test]
fn the_html_report_lists_its_sections_before_the_first_each_linked_to_its_heading() {
    // Founder pass: on a phone the report was 55,000 px tall, with no way to jump to a section.
    let page = html::render(&report(Profile::Full));
    let (before, rest) = page.split_once("<nav class=\"contents\" aria-label=\"Contents\"><ul>\n").expect("a contents list");
    // After the verdict and what it means, before the first section.
    let (verdict, meaning) = before.split_once("<h2 class=\"verdict ").expect("the verdict first");
    assert!(!verdict.contains("<h2") && meaning.contains("</h2>\n<p>") && !meaning.contains("<h2 id="), "{meaning}");
    assert!(rest.split_once("</nav>\n").unwrap().1.starts_with("<h2 id=\"section-1\">"));
    let (nav, body) = rest.split_once("</ul></nav>\n").unwrap();
    let links: Vec<&str> = nav.lines().collect();
    let headings: Vec<&str> = body.lines().filter(|l| l.starts_with("<h2 id=\"section-")).collect();
    assert!(links.len() >= 5, "{nav}");
    assert_eq!(links.len(), headings.len());
    for (n, (link, heading)) in links.iter().zip(&headings).enumerate() {
        let title = heading.split_once('>').unwrap().1.trim_end_matches("</h2>");
        assert_eq!(*link, format!("<li><a href=\"#section-{}\">{title}</a></li>", n + 1));
        assert!(heading.starts_with(&format!("<h2 id=\"section-{}\">", n + 1)), "{heading}");
    }
    for section in ["Readiness by area", "What to do", "Roles register"] {
        assert!(links.iter().any(|l| l.contains(&format!(">{section}</a>"))), "{section} not in {nav}");
    }
    // Not on paper.
    assert!(page.contains("@media print {") && page.contains("  .contents { display: none; }"));
}

#[test]
fn every_html_table_cell_is_labelled_with_its_column_for_phones() {
    let page = html::render(&report(Profile::Full));
    let mut cells = 0;
    for table in page.split("<table>").skip(1) {
        let table = &table[..table.find("</table>").unwrap()];
        let headers: Vec<&str> = table.split("<th scope=\"col\">").skip(1).map(|h| &h[..h.find("</th>").unwrap()]).collect();
        for row in table.split("<tr>").skip(2) {
            let labels: Vec<&str> = row.split(" data-label=\"").skip(1).map(|cell| &cell[..cell.find('"').unwrap()]).collect();
            assert_eq!(labels, headers, "row {row:.80}");
            cells += labels.len();
        }
    }
    assert!(cells > 20, "only {cells} cells");
    assert!(!page.contains("<td>"), "a cell without its label");
}

#[test]
fn only_cells_with_a_long_unbroken_run_may_break_it_anywhere() {
    let page = html::render(&report(Profile::Full));
    let cells: Vec<&str> = page.split("<td").skip(1).map(|c| &c[..c.find("</td>").unwrap()]).collect();
    let long = |cell: &&str| {
        // The text as read: a date inside it sits in a span of its own.
        let text = cell[cell.find('>').unwrap() + 1..].replace("<span class=\"date\">", "").replace("</span>", "");
        text.split_whitespace().any(|run| run.chars().count() > 20)
    };
    let (marked, plain): (Vec<&str>, Vec<&str>) = cells.iter().partition(|c| c.starts_with(" class=\"long\""));
    assert!(!marked.is_empty(), "the hostile owner is one long run");
    assert!(marked.iter().all(long), "{marked:?}");
    assert!(plain.iter().all(|c| !long(c)), "{plain:?}");
}

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
fn full_profile_shows_notes_owners_and_justifications() {
    let r = report(Profile::Full);
    for (name, text) in [("markdown", markdown::render(&r)), ("html", html::render(&r))] {
        for marker in [NOTE_MARKER, OWNER_MARKER, EVIDENCE_OWNER_MARKER, JUSTIFICATION_MARKER, PERSON_MARKER] {
            assert!(text.contains(marker), "{name} lacks {marker}");
        }
    }
    assert!(oscal::render(&r).contains(NOTE_MARKER));
}

#[test]
fn auditor_profile_drops_notes_only() {
    let r = report(Profile::Auditor);
    for (name, text) in all_formats(&r) {
        assert!(!text.contains(NOTE_MARKER), "{name} leaks a private note");
    }
    for (name, text) in [("markdown", markdown::render(&r)), ("html", html::render(&r))] {
        for marker in [OWNER_MARKER, EVIDENCE_OWNER_MARKER, JUSTIFICATION_MARKER, PERSON_MARKER] {
            assert!(text.contains(marker), "{name} should keep {marker} for the auditor");
        }
    }
}

#[test]
fn board_profile_has_no_names_notes_or_justifications_in_any_format() {
    let r = report(Profile::Board);
    let full = report(Profile::Full);
    for (name, text) in all_formats(&r) {
        for marker in [
            NOTE_MARKER,
            OWNER_MARKER,
            EVIDENCE_OWNER_MARKER,
            JUSTIFICATION_MARKER,
            PERSON_MARKER,
            "Sam Current",
            "Dana",
            "Pat Doe",
            "Tabbed Tom",
        ] {
            assert!(!text.contains(marker), "{name} leaks {marker}");
        }
    }
    // Still a summary: verdict, score, areas and what an auditor would raise, with reference,
    // severity and title; the gaps part of those or counted with them summed up in a sentence
    // (founder pass: the board's copy was the whole gap table).
    assert_eq!(r.score, full.score, "redaction never changes the verdict");
    let md = markdown::render(&r);
    assert!(md.contains(&format!("overall readiness {} %", r.score.percent)));
    assert!(md.contains("Readiness by area"));
    // What an auditor would raise is what stands alone and is known: the questions not answered
    // yet, and the gaps part of another, are each summed up in a sentence (founder passes).
    let unanswered = |g: &audit_readiness::domain::export::Gap| g.finding.kind == FindingKind::Unanswered;
    let (raised, rest): (Vec<_>, Vec<_>) =
        r.gaps().into_iter().partition(|g| g.finding.stands_alone() && !unanswered(g) && g.finding.costs_points());
    // Reminders to renew cost nothing and are no finding yet (auditor probe): said apart.
    // Every question not answered yet is said together, as the plan counts them (user pass).
    let (renewals, unknown, within): (Vec<_>, Vec<_>, Vec<_>) = (
        rest.iter().filter(|g| g.finding.stands_alone() && !unanswered(g)).collect(),
        rest.iter().filter(|g| unanswered(g)).collect(),
        rest.iter().filter(|g| !g.finding.stands_alone() && !unanswered(g)).collect(),
    );
    assert_eq!(unknown.len(), r.score.not_yet_known + r.score.not_yet_known_within);
    assert!(!renewals.is_empty(), "the fixture has a record to renew");
    // Said with how many would be nonconformities, as the summary counts them (security
    // manager's pass of stop 47).
    let graver = renewals.iter().filter(|g| g.finding.renewal_due).count();
    assert_eq!(graver, r.score.renewals_due);
    let renew = match (renewals.len(), graver) {
        (1, 1) => "1 record is to renew before the audit day (left to lapse, it would be a nonconformity): nothing has lapsed yet, so it costs no points.".to_string(),
        (1, 0) => "1 record is to renew before the audit day: nothing has lapsed yet, so it costs no points.".to_string(),
        (n, g) if n == g => format!("{n} records are to renew before the audit day (left to lapse, each would be a nonconformity): nothing has lapsed yet, so they cost no points."),
        (n, 1) => format!("{n} records are to renew before the audit day (1 of them would be a nonconformity if left to lapse): nothing has lapsed yet, so they cost no points."),
        (n, g) => format!("{n} records are to renew before the audit day ({g} of them would be nonconformities if left to lapse): nothing has lapsed yet, so they cost no points."),
    };
    assert!(md.contains(&renew), "{renew}\n{md}");
    assert!(!raised.is_empty() && !unknown.is_empty() && !within.is_empty(), "the fixture has all three");
    // With questions open, it is what the answers so far show (founder pass: read as the total).
    assert!(md.contains(&format!("## What an auditor would raise from the answers so far ({})", raised.len())), "{md}");
    let row = |g: &audit_readiness::domain::export::Gap| {
        format!("| {} | {} | {} |", markdown::inline(g.finding.reference), markdown::inline(g.title()), g.predicted_text())
    };
    for g in &raised {
        assert!(md.contains(&row(g)), "{}", row(g));
    }
    for g in &rest {
        assert!(!md.contains(&row(g)), "{}", row(g));
    }
    let lost =
        |lines: &[&audit_readiness::domain::export::Gap]| lines.iter().map(|g| g.finding.cost).sum::<audit_readiness::domain::Points>();
    let n = unknown.len();
    let majors: Vec<String> = unknown
        .iter()
        .filter(|g| g.finding.stands_alone() && g.finding.severity == Severity::Major)
        .map(|g| format!("“{}”", markdown::inline(g.title())))
        .collect();
    // Up to three are named (founder pass of stop 44: the board could not tell which they were).
    assert!((1..=3).contains(&majors.len()), "the fixture names them: {majors:?}");
    // The "not sure" ones said apart, so the count meets the plain "not answered yet" one.
    let not_sure = unknown.iter().filter(|g| r.assessment.answer_for(g.finding.item) == Some(Answer::NotSure)).count();
    assert!(not_sure > 0 && not_sure < n, "the fixture has both: {not_sure} of {n}");
    let of_them = format!(
        " ({not_sure} of them “not sure”; {} of them would be a major nonconformity if missing: {})",
        majors.len(),
        audit_readiness::domain::wording::and_list(&majors)
    );
    let sentence = format!(
        "{n} question{} not answered yet or answered “not sure”{of_them}, costing {} readiness points between them",
        if n == 1 { " is" } else { "s are" },
        lost(&unknown)
    );
    assert!(md.contains(&sentence), "{sentence}\n{md}");
    let sentence = format!(
        "{} more gaps are part of these or counted once with them, costing {} readiness points between them",
        within.len(),
        lost(&within)
    );
    assert!(md.contains(&sentence), "{sentence}\n{md}");
    // The internal report keeps every line.
    let internal = markdown::render(&full);
    assert!(rest.iter().all(|g| internal.contains(&row(g))));
    assert!(!md.contains("| Owner |") && !md.contains("Evidence on file") && !md.contains("Internal notes"));
    let plan = csv::render(&r);
    let mut reader = ::csv::Reader::from_reader(plan.as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), full.findings.len());
    assert!(rows.iter().all(|row| row[7].is_empty()), "the board plan names no owners");
}

#[test]
fn a_redacted_report_cannot_be_loosened() {
    let r = report(Profile::Board).redacted(Profile::Full);
    assert_eq!(r.profile, Profile::Board);
    assert!(!markdown::render(&r).contains(OWNER_MARKER));
    assert!(Profile::Full < Profile::Auditor && Profile::Auditor < Profile::Board);
}

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
fn rehearsal_ratings_and_what_they_showed_stay_in_the_internal_copy() {
    // Interview pass: the auditor's copy listed the questions a key person could not answer at
    // rehearsal. Coaching is not evidence: only the internal copy says who and what.
    use audit_readiness::domain::findings::FindingKind;
    use audit_readiness::domain::interview::{record, Rating};
    use audit_readiness::domain::Answer;
    let catalog = Catalog::builtin();
    let mut assessment = realistic(catalog);
    record(&mut assessment.rehearsals, "p1", "IQ-TM-DUTIES", Rating::CouldNotAnswer, today());
    // Fay, with no ISMS role, sits the spot check while "any employee could explain their
    // duties" reads yes.
    let fay = audit_readiness::domain::roles::Person { id: "p9".into(), name: "Fay Ortiz".into(), ..Default::default() };
    assessment.register.add_person(fay).unwrap();
    record(&mut assessment.rehearsals, "p9", "IQ-ANY-DUTIES", Rating::CouldNotAnswer, today());
    assessment.set_answer("RC-01-PROOF", Answer::Yes, today());
    let explained = |report: &Report, kind: FindingKind| {
        report
            .findings
            .iter()
            .find(|f| f.kind == kind && (kind == FindingKind::InterviewGap || f.item_id == "RC-01-PROOF"))
            .map(|f| f.explanation.clone())
            .expect("the finding")
    };
    let full = Report::new(catalog, &assessment, today());
    assert!(explained(&full, FindingKind::InterviewGap).contains("Sam Current"));
    assert!(explained(&full, FindingKind::Gap).contains("Fay Ortiz could not answer “Your own security duties”"));
    for profile in [Profile::Auditor, Profile::Board] {
        let report = Report::new(catalog, &assessment, today()).redacted(profile);
        assert!(report.assessment.rehearsals.is_empty(), "{profile:?}");
        let (interview, staff) = (explained(&report, FindingKind::InterviewGap), explained(&report, FindingKind::Gap));
        assert!(
            !interview.contains("Sam") && !staff.contains("Fay") && interview.ends_with("Interview preparation shows them."),
            "{profile:?}: {interview}"
        );
        assert_eq!(
            staff,
            "Answered yes, but at the interview rehearsals 1 question asked of anyone went unanswered: an auditor who asks a \
             sample of staff could find the same. Interview preparation shows it.",
            "{profile:?}"
        );
        for (format, text) in all_formats(&report) {
            assert!(!text.contains("could not answer “"), "{profile:?} {format}");
        }
    }
}

#[test]
fn the_copies_without_the_rehearsals_still_say_why_the_interview_item_is_a_major() {
    // Second auditor probe: the auditor's and the board's copies called it a major and gave no
    // reason, the reason naming who could not answer what.
    use audit_readiness::domain::interview::{card_questions, readiness, record, QuestionBank, Rating};
    let catalog = Catalog::builtin();
    let mut assessment = realistic(catalog);
    let ceo = assessment.register.people.iter().find(|p| p.top_management).unwrap().id.clone();
    for (q, _) in card_questions(QuestionBank::builtin(), &assessment.register, &ceo) {
        record(&mut assessment.rehearsals, &ceo, q.id, Rating::CouldNotAnswer, today());
    }
    let interview = |report: &Report| report.findings.iter().find(|f| f.item_id == "C53-PRE-06").cloned().expect("the finding");
    assert_eq!(interview(&Report::new(catalog, &assessment, today())).severity, Severity::Major);
    for profile in [Profile::Auditor, Profile::Board] {
        let said = interview(&Report::new(catalog, &assessment, today()).redacted(profile)).explanation;
        assert!(said.ends_with(readiness::LEADER_CANNOT_SHOW), "{profile:?}: {said}");
        assert!(!said.contains("could not answer “"), "{profile:?}: {said}");
    }
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
fn date_cells_never_wrap_at_their_hyphens() {
    let page = html::render(&report(Profile::Full));
    let cells: Vec<&str> = page.split("<td").skip(1).map(|c| &c[..c.find("</td>").unwrap()]).collect();
    let text = |cell: &&str| cell[cell.find('>').unwrap() + 1..].to_string();
    let is_date = |t: &str| chrono::NaiveDate::parse_from_str(t, "%Y-%m-%d").is_ok() && t.len() == 10;
    let dates: Vec<&&str> = cells.iter().filter(|c| is_date(&text(c))).collect();
    assert!(!dates.is_empty(), "the fixture's plans have due dates");
    assert!(dates.iter().all(|c| c.starts_with(" class=\"date\"")), "{dates:?}");
    assert!(cells.iter().filter(|c| c.starts_with(" class=\"date\"")).all(|c| is_date(&text(c))));
    assert!(page.contains(".date { white-space: nowrap; }"));
    // A date inside text is kept whole too, and every such span holds a date and nothing else.
    let spans: Vec<&str> = page.split("<span class=\"date\">").skip(1).map(|s| &s[..s.find("</span>").unwrap()]).collect();
    assert!(!spans.is_empty(), "the gap explanations give dates: {}", dates.len());
    assert!(spans.iter().all(|s| is_date(s)), "{spans:?}");
    let body = &page[page.find("<body>").unwrap()..];
    let outside: String = body.split("<span class=\"date\">").map(|s| s.split_once("</span>").map_or(s, |(_, rest)| rest)).collect();
    let bare = outside.split(|c: char| !c.is_ascii_digit() && c != '-').filter(|w| w.len() >= 10 && is_date(&w[..10])).count();
    assert_eq!(bare, dates.len(), "in the body, only whole date cells hold a date outside a span");
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
fn full_and_auditor_reports_carry_the_roles_register_the_board_report_does_not() {
    for profile in [Profile::Full, Profile::Auditor] {
        let md = markdown::render(&report(profile));
        let at = md.find("## Roles register").unwrap_or_else(|| panic!("{profile:?}: no roles register"));
        let section = &md[at..md[at + 3..].find("\n## ").map_or(md.len(), |end| at + 3 + end)];
        assert!(section.contains("| Role | Holder | Appointed | Appointment record | Authority | Reports to | Deputy |"), "{section}");
        assert!(
            // Top management's authority comes with its position (auditor probe).
            section.contains("| Top management | Sam Current – CTO | not recorded | not recorded | by position | none | none |"),
            "{section}"
        );
        // The leaver is named with why they no longer hold the role, and escaped like any text.
        let leaver = section.lines().find(|l| l.contains(PERSON_MARKER)).expect("the leaver's row");
        // With nobody else in the role, the row does not read as handed over (stop 49).
        assert!(leaver.contains("(left on 2026-06-30; nobody else holds the role)") && leaver.contains("not recorded"), "{leaver}");
        // Authority unticked reads as the app says it, not as a record missing.
        let cells: Vec<&str> = leaver.split(" | ").collect();
        assert_eq!(cells[4], "not granted", "{leaver}");
        assert!(!leaver.contains(HOSTILE_HTML), "{leaver}");
        let html = html::render(&report(profile));
        assert!(html.contains("\">Roles register</h2>") && !html.contains(HOSTILE_HTML));
    }
    let board = report(Profile::Board);
    assert!(!markdown::render(&board).contains("Roles register") && !html::render(&board).contains("Roles register"));
}

#[test]
fn a_departure_still_to_come_is_dated_ahead_in_the_register_table_and_the_gap_list() {
    // Sam, the only top management, leaves before the audit: the register row says when, and the
    // gap that opens then reads "from" that day, not "since" it.
    let catalog = Catalog::builtin();
    let mut a = realistic(catalog);
    a.register.people[0].leaving_date = Some(day(2027, 1, 15));
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let row = md.lines().find(|l| l.starts_with("| Top management | Sam Current")).expect("Sam's register row");
    assert!(row.contains("Sam Current – CTO (leaves on 2027-01-15)"), "{row}");
    // Named as someone's manager or deputy, the same.
    a.register.assignments[1].reports_to = Some("p1".into());
    a.register.assignments[1].backup = Some("p1".into());
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let row = md.lines().find(|l| l.contains(PERSON_MARKER) && l.starts_with("| Information security manager")).expect("the ISM row");
    assert_eq!(row.matches("Sam Current (leaves on 2027-01-15)").count(), 2, "{row}");
    let vacancy = md.lines().find(|l| l.starts_with("| Clause 5.3, A 5.2 | The roles the ISMS cannot run")).expect("the vacancy gap");
    assert!(vacancy.contains("(since 2026-06-30)"), "the leaver who has gone opens it today: {vacancy}");
    // With the one who has gone still here, two roles are vacant today (undated) and Sam's
    // departure adds to it later.
    a.register.people[1].leaving_date = None;
    let vacancy_with = |a: &Assessment| {
        let md = markdown::render(&Report::new(catalog, a, today()));
        md.lines().find(|l| l.starts_with("| Clause 5.3, A 5.2 | The roles the ISMS cannot run")).expect("the vacancy gap").to_string()
    };
    let vacancy = vacancy_with(&a);
    assert!(vacancy.contains("(open now; more from 2027-01-15)") && !vacancy.contains("since"), "{vacancy}");
    // With every role held today, the vacancy opens only on Sam's last day.
    for (id, role) in [("a3", RoleKind::IsmsConformance), ("a4", RoleKind::PerformanceReporting)] {
        a.register.assignments.push(Assignment { authority_granted: true, ..Assignment::new(id, role, "p2") });
    }
    let vacancy = vacancy_with(&a);
    assert!(vacancy.contains("(from 2027-01-15)") && !vacancy.contains("open now"), "{vacancy}");
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

#[test]
fn every_report_says_what_it_covers_and_what_it_does_not() {
    // The second founder pass: nothing said this is not the whole standard, so a board could read
    // "Ready" as ready for certification.
    use audit_readiness::domain::export::document::SCOPE;
    assert!(SCOPE.contains("Clauses 5.1–5.3") && SCOPE.contains("Annex A 5.2–5.4") && SCOPE.contains("not the rest of the standard"));
    for profile in [Profile::Full, Profile::Auditor, Profile::Board] {
        let r = report(profile);
        assert!(markdown::render(&r).contains(&format!("Scope:** {}", markdown::inline(SCOPE))), "{profile:?}");
        assert!(html::render(&r).contains("Scope:"), "{profile:?}");
    }
}

#[test]
fn the_boards_report_says_what_is_needed_from_top_management() {
    // The second founder pass: the board's copy said nothing of what was needed from it.
    let catalog = Catalog::builtin();
    let mut a = support_all_yes(catalog);
    for id in ["MGT-STEP-06", "C52-POL-08", "C53-ISM-03"] {
        a.set_answer(id, Answer::No, today());
    }
    let board = markdown::render(&Report::new(catalog, &a, today()).redacted(Profile::Board));
    let section = board.split("What is needed from top management").nth(1).expect("the section").split("\n#").next().unwrap();
    assert!(section.contains("Management review carried out (Clause 9.3): Major nonconformity"), "{section}");
    assert!(section.contains("Policy approved by top management"), "{section}");
    // The incident register is the security manager's to fix: not asked of the board.
    assert_eq!(catalog.item("C53-ISM-03").unwrap().owner, "security-manager");
    assert!(!section.contains("Incident register kept"), "{section}");
    // Only in the board's copy, and only when there is something to ask.
    assert!(!markdown::render(&Report::new(catalog, &a, today())).contains("What is needed from top management"));
    let ready = markdown::render(&Report::new(catalog, &support_all_yes(catalog), today()).redacted(Profile::Board));
    assert!(!ready.contains("What is needed from top management"));
    // A gap whose plan line the CEO owns is asked of the board too (CEO pass: a major the risk
    // owner usually fixes, given to the CEO on the plan, was left out).
    use audit_readiness::domain::findings::all_findings;
    use audit_readiness::domain::remediation::edit_plan_due_as;
    assert_eq!(catalog.item("MGT-FAQ-04").unwrap().owner, "risk-owner");
    a.set_answer("MGT-FAQ-04", Answer::No, today());
    let asked = |a: &Assessment| {
        let board = markdown::render(&Report::new(catalog, a, today()).redacted(Profile::Board));
        board.split("What is needed from top management").nth(1).unwrap().split("\n#").next().unwrap().to_string()
    };
    let title = catalog.item("MGT-FAQ-04").unwrap().title;
    assert!(!asked(&a).contains(title), "{}", asked(&a));
    let f = all_findings(catalog, &a, today()).into_iter().find(|f| f.item_id == "MGT-FAQ-04").unwrap();
    edit_plan_due_as(&f, f.severity, &mut a, today(), |line| line.owner = "Ada".into());
    assert!(asked(&a).contains(&format!("{title} (Clause 6.1.3 f), Clause 8.3): Major nonconformity")), "{}", asked(&a));
    // Past five, the rest are named, to be found in the list below.
    let more =
        catalog.items.iter().filter(|i| i.owner == "top-management" && !i.is_derived() && i.within.is_none() && i.raised_as_one.is_none());
    for item in more.take(6) {
        a.set_answer(item.id, Answer::No, today());
    }
    let section = asked(&a);
    assert!(section.contains("- Also “"), "{section}");
    assert!(section.contains(", in the list below."), "{section}");
}

/// Every question yes, with a register that passes every check (and confident rehearsals).
fn support_all_yes(catalog: &'static Catalog) -> Assessment {
    support::all(catalog, Answer::Yes)
}

#[test]
fn the_boards_copy_names_a_few_majors_not_answered_yet_and_counts_many() {
    let catalog = Catalog::builtin();
    let blank = Assessment::default();
    let md = markdown::render(&Report::new(catalog, &blank, today()).redacted(Profile::Board));
    let line = md.lines().find(|l| l.contains("would be a major nonconformity if missing")).expect("said");
    // The terms it uses are said once, for the board and for the team's full copy, not to the
    // auditor.
    let terms = format!("**Terms:** {}", markdown::inline(export::document::TERMS));
    assert!(md.contains(&terms), "{md}");
    assert!(markdown::render(&Report::new(catalog, &blank, today())).contains(&terms));
    assert!(!markdown::render(&Report::new(catalog, &blank, today()).redacted(Profile::Auditor)).contains("**Terms:**"));
    // Many: counted, not listed.
    assert!(line.contains("of them would be a major nonconformity if missing)"), "{line}");
    // One: named.
    let mut a = support::all(catalog, Answer::Yes);
    a.set_answer("MGT-FAQ-02", Answer::NotSure, today());
    let md = markdown::render(&Report::new(catalog, &a, today()).redacted(Profile::Board));
    let title = catalog.item("MGT-FAQ-02").unwrap().title;
    assert!(md.contains(&format!("1 of them would be a major nonconformity if missing: “{}”", markdown::inline(title))), "{md}");
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

#[test]
fn reports_carry_competence_records_measures_and_for_the_consultant_the_interview_preparation() {
    // Export pass of stop 45: job titles, competence records and the internal auditor's
    // independent check were in no report; the rehearsals only as one paragraph.
    let catalog = Catalog::builtin();
    let mut a = support::all(catalog, Answer::Yes);
    a.register.assignments.iter_mut().find(|x| x.role == RoleKind::InternalAuditor).unwrap().independent_check =
        "Northwind Audit Ltd reviews the | audit <plan>".into();
    a.rehearsals = support::confident_rehearsals(today());
    let section = |md: &str, heading: &str| {
        let at = md.find(heading)?;
        Some(md[at..md[at + 3..].find("\n## ").map_or(md.len(), |end| at + 3 + end)].to_string())
    };
    for profile in [Profile::Full, Profile::Auditor] {
        let md = markdown::render(&Report::new(catalog, &a, today()).redacted(profile));
        let register = section(&md, "## Roles register").unwrap();
        assert!(register.contains("| Top management | Ada Okafor – CEO |"), "{register}");
        let competence = section(&md, "## Competence records").unwrap_or_else(|| panic!("{profile:?}: {md}"));
        assert!(competence.contains("| Person | For the role | Record | Achieved | Renewal |"), "{competence}");
        let rows = competence.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| Person") && !l.starts_with("| -"));
        assert_eq!(rows.count(), a.register.competence.len());
        let measures = section(&md, "## Compensating measures recorded").unwrap();
        assert!(measures.contains("Northwind Audit Ltd reviews the \\| audit \\<plan\\>"), "escaped: {measures}");
        let interviews = section(&md, "## Interview preparation");
        assert_eq!(interviews.is_some(), profile == Profile::Full, "{profile:?}: the ratings are coaching, for the full report only");
    }
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let interviews = section(&md, "## Interview preparation").unwrap();
    assert!(interviews.contains("| Person | Roles | Confident | Last rehearsal | Left to do |"), "{interviews}");
    assert!(interviews.contains("| Ada Okafor (key role) | Top management | "), "{interviews}");
    assert!(interviews.contains(&format!("| {} | nothing |", today())), "{interviews}");
    // Staff without a role who never rehearsed are named in one line, not a "0 %" row each (CEO pass).
    for (id, name) in [("p8", "Fay Osei"), ("p9", "Gus Ortiz")] {
        a.register.add_person(support::person(id, name, "Engineer", day(2025, 1, 6), false)).unwrap();
    }
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let interviews = section(&md, "## Interview preparation").unwrap();
    assert!(!interviews.contains("| Fay Osei"), "{interviews}");
    assert!(interviews.contains("Not rehearsed yet, without an ISMS role: Fay Osei and Gus Ortiz."), "{interviews}");
    assert!(!interviews.contains("Could not answer") && !interviews.contains("To rehearse again"), "{interviews}");
    // The questions missed are named, and who must rehearse again by the audit (interview-preparation
    // passes of stops 47 and 48: "1 could not answer", "4 due again", with nothing to say which).
    use audit_readiness::domain::interview::{Rating, Rehearsal};
    let failed = Rehearsal { person_id: "p2".into(), question_id: "IQ-SM-DUTIES".into(), rating: Rating::CouldNotAnswer, on: today() };
    a.rehearsals.push(failed);
    for r in a.rehearsals.iter_mut().filter(|r| r.person_id == "p3") {
        r.on = day(2026, 6, 1);
    }
    a.audit_date = Some(day(2027, 1, 20));
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let interviews = section(&md, "## Interview preparation").unwrap();
    let duties = audit_readiness::domain::interview::QuestionBank::builtin().question("IQ-SM-DUTIES").unwrap().title;
    assert!(
        interviews.contains(&format!(
            "Could not answer at their latest rehearsal: Ben Lindqvist: “{duties}”. Check that what each asks about is in place \
             and on record before drilling it."
        )),
        "{interviews}"
    );
    assert!(
        interviews.contains(
            "To rehearse again before the audit on 2027-01-20, as ratings of theirs are too old to count (how many): Cara Mendes ("
        ),
        "{interviews}"
    );
    let board = markdown::render(&Report::new(catalog, &a, today()).redacted(Profile::Board));
    for heading in ["Competence records", "Compensating measures", "Interview preparation", "Ada Okafor"] {
        assert!(!board.contains(heading), "board: {heading}");
    }
}

#[test]
fn a_leavers_register_row_says_whether_the_role_was_handed_over_and_top_management_by_its_tick_has_a_row() {
    // Returning-user pass of stop 49: "(left on …: held the role until then)" read as handed over
    // while nobody held the role. Founder pass of stop 49: a CEO ticked as top management, with
    // no assignment, was missing from the report's table while the org chart showed them.
    let catalog = Catalog::builtin();
    let mut a = realistic(catalog);
    let leaver_row = |a: &Assessment| {
        let md = markdown::render(&Report::new(catalog, a, today()));
        md.lines().find(|l| l.contains(PERSON_MARKER) && l.starts_with("| Information security manager")).expect("the ISM row").to_string()
    };
    assert!(leaver_row(&a).contains("(left on 2026-06-30; nobody else holds the role)"), "{}", leaver_row(&a));
    // Sam appointed to the role: the leaver's row says who holds it now.
    a.register.assignments.push(Assignment::new("a3", RoleKind::SecurityManager, "p1"));
    assert!(leaver_row(&a).contains("(left on 2026-06-30; held now by Sam Current)"), "{}", leaver_row(&a));
    // Named as a deputy, a leaver is only said to have left: a deputy seat is not the role.
    a.register.assignments[2].backup = Some("p2".into());
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let sam = md.lines().find(|l| l.starts_with("| Information security manager (ISMS owner) | Sam Current")).expect("Sam's ISM row");
    assert!(sam.ends_with("(left on 2026-06-30) |"), "{sam}");
    // Top management by the tick alone: its row, by position, like an assignment's.
    a.register.assignments.retain(|x| x.role != RoleKind::TopManagement);
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let top: Vec<&str> = md.lines().filter(|l| l.starts_with("| Top management |")).collect();
    assert_eq!(top, ["| Top management | Sam Current – CTO | by position | by position | by position | none | none |"], "{md}");
    // A former top manager's row names who is top management now, by the tick too.
    let mut former = a.clone();
    former.register.people[1].top_management = true;
    former.register.assignments.push(Assignment::new("a9", RoleKind::TopManagement, "p2"));
    let md = markdown::render(&Report::new(catalog, &former, today()));
    let row = md.lines().find(|l| l.starts_with("| Top management |") && l.contains(PERSON_MARKER)).expect("the former one's row");
    assert!(row.contains("(left on 2026-06-30; held now by Sam Current)"), "{row}");
    // With no assignment at all, the table still shows who is top management.
    a.register.assignments.clear();
    let md = markdown::render(&Report::new(catalog, &a, today()));
    assert!(md.contains("## Roles register") && md.contains("| Top management | Sam Current – CTO |"), "{md}");
}

#[test]
fn a_role_question_answered_no_says_in_the_report_who_the_register_names() {
    // Exports pass of stop 49: "Why this score" said the register names the performance
    // reporter; the report printed only "not met" beside that signed appointment.
    let catalog = Catalog::builtin();
    let item = catalog.items.iter().find(|i| i.asks_role == Some("performance-reporting")).unwrap();
    let mut a = support::all(catalog, Answer::Yes);
    a.set_answer(item.id, Answer::No, today());
    let note = "The roles register names Ben Lindqvist for this role. If top management gave it formally";
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let line = md.lines().find(|l| l.contains(&format!("{}:**", markdown::inline(item.title)))).unwrap_or_else(|| panic!("{md}"));
    assert!(line.contains(note), "{line}");
    assert!(line.find(note) < line.find("Next step:"), "{line}");
    assert!(html::render(&Report::new(catalog, &a, today())).contains("names Ben Lindqvist for this role"));
    // It is advice on answering: the auditor's copy has the register's table instead (UX pass of
    // stop 49: "answer yes" read as coaching the score), and the board's names nobody.
    let auditor = markdown::render(&Report::new(catalog, &a, today()).redacted(Profile::Auditor));
    assert!(!auditor.contains("answer yes and record the appointment") && auditor.contains("| Ben Lindqvist"), "{auditor}");
    let board = markdown::render(&Report::new(catalog, &a, today()).redacted(Profile::Board));
    assert!(!board.contains("Ben Lindqvist"), "{board}");
}
