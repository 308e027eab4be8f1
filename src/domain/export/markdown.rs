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
    let row = |out: &mut String, cells: &mut dyn Iterator<Item = String>| {
        out.push('|');
        for cell in cells {
            out.push(' ');
            out.push_str(&cell);
            out.push_str(" |");
        }
        out.push('\n');
    };
    row(out, &mut headers.iter().map(|h| inline(h)));
    row(out, &mut headers.iter().map(|_| "---".to_string()));
    for cells in rows {
        row(out, &mut cells.iter().map(|c| inline(c)));
    }
}

/// Escapes text for use inside a line (a paragraph, a list item or a table cell): line breaks
/// and other control characters become spaces, and every ASCII punctuation character that can
/// start inline Markdown (emphasis, code, links, images, raw HTML, entities, table pipes, heading
/// closers) gets a backslash, which CommonMark defines as "this character, literally". Text that
/// could open a block (a list marker, a numbered item, a setext underline) is escaped at the start.
pub fn inline(text: &str) -> String {
    let flat: String = text.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    let flat = flat.trim();
    let mut out = String::with_capacity(flat.len() + 8);
    let mut only_digits_so_far = true;
    let mut chars = flat.chars().enumerate().peekable();
    while let Some((i, ch)) = chars.next() {
        let escape = match ch {
            // Brackets are enough to stop links (parentheses only matter after `]`), so text stays readable.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '&' | '~' => true,
            '-' | '+' | '=' => i == 0,
            // "12. text" or "12) text" would start a numbered list; "1.5" would not.
            '.' | ')' => only_digits_so_far && i > 0 && chars.peek().map_or(true, |(_, next)| next.is_whitespace()),
            _ => false,
        };
        only_digits_so_far &= ch.is_ascii_digit();
        if escape {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}
