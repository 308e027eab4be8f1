//! Markdown and HTML: hostile text stays text, gaps majors first, sections, table cells, dates unbroken.

use crate::export_fixture::*;
use crate::report;
use audit_readiness::domain::export::{html, markdown, Profile, Report};
use audit_readiness::domain::Severity;

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
