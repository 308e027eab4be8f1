//! Text typed over several lines (a note, an N/A reason) or joined by a merge keeps its line
//! breaks in the HTML report, still escaped, and in the Markdown report wherever Markdown has
//! them (list items); a Markdown table cell stays on its one row.

mod export_fixture;

use std::collections::BTreeMap;

use audit_readiness::domain::export::backup::{merge, MergeChoice};
use audit_readiness::domain::export::{html, markdown, Report};
use audit_readiness::domain::{Answer, Assessment, Catalog};
use export_fixture::*;

const NOTE: &str = "line one\nline two\r\nline <three> & more\rline four\n";

fn with_note(note: &str) -> Assessment {
    let mut a = Assessment::default();
    a.set_answer("C53-PRE-01", Answer::No, today());
    a.set_note("C53-PRE-01", note.into());
    a
}

fn lead() -> String {
    let item = Catalog::builtin().item("C53-PRE-01").unwrap();
    format!("{} {} (No):", item.reference, item.title)
}

#[test]
fn the_html_report_keeps_a_notes_line_breaks_and_escapes_each_line() {
    let page = html::render(&Report::new(Catalog::builtin(), &with_note(NOTE), today()));
    let expected =
        format!("<li><strong>{}</strong> line one<br>line two<br>line &lt;three&gt; &amp; more<br>line four</li>", html::escape(&lead()));
    assert!(page.contains(&expected), "{}", &page[page.find("Internal notes").unwrap()..]);
}

#[test]
fn the_markdown_report_keeps_a_notes_line_breaks_as_hard_breaks_inside_its_list_item() {
    let md = markdown::render(&Report::new(Catalog::builtin(), &with_note(NOTE), today()));
    let expected = format!("- **{}** line one\\\n  line two\\\n  line \\<three\\> & more\\\n  line four\n", markdown::inline(&lead()));
    assert!(md.contains(&expected), "{}", &md[md.find("Internal notes").unwrap()..]);
}

#[test]
fn a_line_of_a_note_never_starts_markdown_structure() {
    let note = "first\n- not a list\n+ nor this\n# not a heading\n1) not a list\n2. nor this\n===\n> not a quote\n```";
    let md = markdown::render(&Report::new(Catalog::builtin(), &with_note(note), today()));
    for line in [
        "  \\- not a list",
        "  \\+ nor this",
        "  \\# not a heading",
        "  1\\) not a list",
        "  2\\. nor this",
        "  \\===",
        "  \\> not a quote",
    ] {
        assert!(md.contains(&format!("\n{line}")), "{line:?} in {}", &md[md.find("Internal notes").unwrap()..]);
    }
    assert!(md.contains("\n  \\`\\`\\`\n"));
}

#[test]
fn notes_joined_by_a_merge_keep_their_blank_line() {
    let mine = with_note("mine says this");
    let mut theirs = with_note("theirs says that");
    theirs.set_answer("C53-PRE-01", Answer::Partly, day(2026, 11, 24));
    let choices = BTreeMap::from([("C53-PRE-01".to_string(), MergeChoice::Newest)]);
    let merged = merge(&mine, &theirs, &choices);
    assert_eq!(merged.response("C53-PRE-01").unwrap().note, "theirs says that\n\nmine says this");
    let r = Report::new(Catalog::builtin(), &merged, today());
    assert!(html::render(&r).contains("theirs says that<br><br>mine says this</li>"));
    // A blank line in a list item: a second paragraph, indented so it stays in the item.
    assert!(markdown::render(&r).contains("theirs says that\n\n  mine says this\n"));
}

#[test]
fn a_reason_over_several_lines_keeps_them_in_html_and_one_table_row_in_markdown() {
    let mut a = with_note("");
    a.set_answer("C53-PRE-03", Answer::NotApplicable, today());
    a.set_na_justification("C53-PRE-03", "no third parties\n\nall <staff> in-house".into());
    let r = Report::new(Catalog::builtin(), &a, today());
    assert!(html::render(&r).contains(">no third parties<br><br>all &lt;staff&gt; in-house</td>"));
    let md = markdown::render(&r);
    let row = md.lines().find(|l| l.contains("no third parties")).unwrap();
    assert!(row.starts_with('|') && row.contains("no third parties  all \\<staff\\> in-house |"), "{row}");
}
