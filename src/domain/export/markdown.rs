//! The readiness report as CommonMark (with GitHub-style tables). Every piece of text is escaped
//! so that nothing a user typed can become Markdown structure, link or image syntax, or raw HTML.
//! (Renderers that autolink bare web addresses, as GitHub does, still show a typed address as a
//! link, as they would in any plain text: no scheme other than http(s) and mail is linked.)

use super::document::{build, text_lines, Block, Line};
use super::Report;

/// Renders the report for `report.profile`.
pub fn render(report: &Report) -> String {
    let doc = build(report);
    let mut out = format!("# {}\n", inline(&doc.title));
    for block in &doc.blocks {
        out.push('\n');
        match block {
            Block::Heading(level, text) => {
                out.push_str(&"#".repeat(usize::from((*level).clamp(2, 6))));
                out.push(' ');
                out.push_str(&inline(text));
                out.push('\n');
            }
            Block::Verdict { text, .. } => {
                out.push_str("## ");
                out.push_str(&inline(text));
                out.push('\n');
            }
            Block::Paragraph(text) => {
                out.push_str(&inline(text));
                out.push('\n');
            }
            Block::List(lines) => lines.iter().for_each(|line| list_item(&mut out, line)),
            Block::Table { headers, rows } => table(&mut out, headers, rows),
        }
    }
    out
}

fn list_item(out: &mut String, line: &Line) {
    out.push_str("- ");
    if !line.lead.is_empty() {
        out.push_str("**");
        out.push_str(&inline(&line.lead));
        out.push_str("** ");
    }
    out.push_str(&item_text(&line.text));
    out.push('\n');
}

/// A list item's text, which may span lines (a note typed over several, or two joined by a
/// merge): each line escaped on its own, a line break kept as a hard break (a backslash at the
/// end of the line) and a blank line as a paragraph break, every continuation indented to the
/// item's content so it stays inside the item.
fn item_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    let mut blank = false;
    for line in text_lines(text).into_iter().map(inline) {
        if line.is_empty() {
            blank = true;
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n  " } else { "\\\n  " });
        }
        blank = false;
        out.push_str(&line);
    }
    out
}

fn table(out: &mut String, headers: &[&str], rows: &[Vec<String>]) {
    fn row<'t>(out: &mut String, cells: impl Iterator<Item = &'t str>) {
        out.push('|');
        for cell in cells {
            out.push(' ');
            push_inline(out, cell);
            out.push_str(" |");
        }
        out.push('\n');
    }
    row(out, headers.iter().copied());
    out.push('|');
    out.push_str(&" --- |".repeat(headers.len()));
    out.push('\n');
    for cells in rows {
        row(out, cells.iter().map(String::as_str));
    }
}

/// Escapes text for use inside a line (a paragraph, a list item or a table cell): line breaks
/// and other control characters become spaces, and every ASCII punctuation character that can
/// start inline Markdown (emphasis, code, links, images, raw HTML, table pipes, heading closers)
/// gets a backslash, which CommonMark defines as "this character, literally"; an ampersand only
/// where it would start an entity ("&amp;", "&#38;"), so "R&D" stays as typed. Text that could
/// open a block (a list marker, a numbered item, a setext underline) is escaped at the start.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 8);
    push_inline(&mut out, text);
    out
}

/// [`inline`], appended to `out` (a 10× report escapes tens of thousands of cells: copying the
/// plain runs between special characters whole keeps that quick).
pub fn push_inline(out: &mut String, text: &str) {
    let blank = |c: char| super::hidden(c) || c.is_whitespace();
    let text = text.trim_matches(blank);
    // Read byte by byte: every character escaped is ASCII, and every hidden one is found by
    // `export::hidden_at`.
    let bytes = text.as_bytes();
    let mut only_digits_so_far = true;
    let (mut run, mut i) = (0, 0);
    while i < bytes.len() {
        let b = bytes[i];
        let escape = match b {
            // Brackets are enough to stop links (parentheses only matter after `]`), so text stays readable.
            // `$` and `@` for GitHub and GitLab: maths and mentions that notify real people
            // (data-safety pass of stop 47).
            b'\\' | b'`' | b'*' | b'_' | b'[' | b']' | b'<' | b'>' | b'#' | b'|' | b'!' | b'~' | b'$' | b'@' => true,
            b'&' => starts_entity(&text[i + 1..]),
            b'-' | b'+' | b'=' => i == 0,
            // "12. text" or "12) text" would start a numbered list; "1.5" would not.
            b'.' | b')' => only_digits_so_far && i > 0 && text[i + 1..].chars().next().map_or(true, blank),
            _ => false,
        };
        only_digits_so_far &= b.is_ascii_digit();
        if escape {
            out.push_str(&text[run..i]);
            out.push('\\');
            out.push(b as char);
            i += 1;
            run = i;
        } else if let Some(c) = super::hidden_at(text, i) {
            out.push_str(&text[run..i]);
            out.push(' ');
            i += c.len_utf8();
            run = i;
        } else {
            i += 1;
        }
    }
    out.push_str(&text[run..]);
}

/// Whether the text after an ampersand makes it an entity or character reference: a name or
/// `#` and digits (decimal, or `x` and hex), then a semicolon.
fn starts_entity(after: &str) -> bool {
    let body = after.strip_prefix('#').map_or(after, |n| n.strip_prefix(['x', 'X']).unwrap_or(n));
    let len = body.bytes().take_while(u8::is_ascii_alphanumeric).count();
    len > 0 && body.as_bytes().get(len) == Some(&b';')
}
