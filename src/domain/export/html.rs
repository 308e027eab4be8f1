//! The readiness report as one self-contained HTML document that prints well to PDF: inline
//! styles with a print stylesheet, no scripts, no external resources, and a Content Security
//! Policy that forbids everything but the inline styles, so even a file opened from disk cannot
//! run anything. Every piece of text is HTML-escaped.

use std::fmt::Write;

use super::document::{build, text_lines, Block, Line};
use super::{iso, Report};
use crate::domain::dates::parse_iso;
use crate::domain::wording::date_runs;

const STYLE: &str = "
:root { color-scheme: light; }
body { font: 15px/1.5 system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif; color: #1b1f24; margin: 2rem auto; max-width: 60rem; padding: 0 1rem; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; margin-bottom: .5rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 1px solid #d0d7de; padding-bottom: .2rem; }
h3 { font-size: 1.05rem; }
.verdict { padding: .6rem .9rem; border-radius: 6px; border: 2px solid; }
.verdict.not-ready { background: #fdecec; border-color: #b42318; }
.verdict.nearly-ready { background: #fff6e0; border-color: #9a6700; }
.verdict.ready { background: #e8f5ec; border-color: #1a7f37; }
table { border-collapse: collapse; width: 100%; margin: .5rem 0 1rem; font-size: .9rem; }
th, td { border: 1px solid #d0d7de; padding: .3rem .5rem; text-align: left; vertical-align: top; overflow-wrap: break-word; }
th { background: #f3f5f7; }
/* A cell holding a long unbroken run (a link, a path) may break it anywhere; other cells keep
   their words whole, so a table never runs off a phone or a printed page. */
td.long { overflow-wrap: anywhere; }
/* A date is one word: never split at its hyphens. */
.date { white-space: nowrap; }
/* On a phone each row becomes a card, each cell labelled with its column. */
@media screen and (max-width: 40rem) {
  table, tbody, tr, td { display: block; }
  thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); }
  tr { border: 1px solid #d0d7de; border-radius: 6px; padding: .3rem .6rem; margin-bottom: .6rem; }
  /* The label floats in the cell's left margin, so the cell's text (dates in it too) flows as one. */
  td { border: 0; padding: .15rem 0 .15rem 7.6rem; display: flow-root; }
  td::before { content: attr(data-label); float: left; width: 7rem; margin-left: -7.6rem; font-weight: 600; color: #57606a; }
}
ul { padding-left: 1.3rem; }
footer { margin-top: 2rem; font-size: .8rem; color: #57606a; }
.contents ul { columns: 2 14rem; margin: .8rem 0 0; }
/* Targets at least 24 px tall, spaced apart (axe: target-size). */
.contents li { margin: .2rem 0; }
.contents a { color: #0b57d0; display: block; min-height: 1.5rem; line-height: 1.5rem; }
@page { size: A4; margin: 16mm 14mm; }
@media print {
  body { margin: 0; max-width: none; font-size: 10.5pt; }
  h2 { break-after: avoid; }
  .contents { display: none; }
  tr, li { break-inside: avoid; }
  thead { display: table-header-group; }
  /* The eight-column gap table fits between A4 margins with every word whole. */
  table { font-size: 8.5pt; }
  th, td { padding: .2rem .3rem; }
  .verdict { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
";

/// Renders the report for `report.profile`.
pub fn render(report: &Report) -> String {
    let doc = build(report);
    let mut out = String::with_capacity(16 * 1024);
    out.push_str("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n");
    out.push_str("<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">\n");
    out.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    // A browser tab shows the start of the title and print-to-PDF names the file after it: the
    // assessment's name comes first when there is one.
    let tab = match report.heading_name() {
        None => doc.title.clone(),
        Some(name) => format!("{name}: audit readiness report"),
    };
    out.push_str(&format!("<title>{} ({})</title>\n", escape(&tab), iso(report.today)));
    out.push_str(&format!("<style>{STYLE}</style>\n</head>\n<body>\n<main>\n<h1>{}</h1>\n", escape(&doc.title)));
    // Each section heading is a target of the contents list under the verdict.
    let mut section = 0;
    for block in &doc.blocks {
        match block {
            Block::Heading(2, text) => {
                // Before the first section, after the verdict and what it means (founder pass:
                // between the two, it split the verdict from its meaning).
                if section == 0 {
                    contents(&mut out, &doc.blocks);
                }
                section += 1;
                out.push_str(&format!("<h2 id=\"section-{section}\">{}</h2>\n", escape(text)));
            }
            Block::Heading(level, text) => {
                let level = (*level).clamp(3, 6);
                out.push_str(&format!("<h{level}>{}</h{level}>\n", escape(text)));
            }
            Block::Verdict { code, text } => {
                out.push_str(&format!("<h2 class=\"verdict {}\">{}</h2>\n", escape(code), escape(text)));
            }
            Block::Paragraph(text) => out.push_str(&format!("<p>{}</p>\n", escape(text))),
            Block::List(lines) => list(&mut out, lines),
            Block::Table { headers, rows } => table(&mut out, headers, rows),
        }
    }
    out.push_str("</main>\n<footer>Self-assessment made with Audit Readiness Check. It predicts, it does not certify.</footer>\n");
    out.push_str("</body>\n</html>\n");
    out
}

/// Links to the report's sections, before the first of them (founder pass: on a phone the report was
/// 55,000 px tall with no way to jump to "What to do" or the register). Not printed.
fn contents(out: &mut String, blocks: &[Block]) {
    let sections: Vec<&String> = blocks.iter().filter_map(|b| if let Block::Heading(2, text) = b { Some(text) } else { None }).collect();
    if sections.len() < 3 {
        return;
    }
    out.push_str("<nav class=\"contents\" aria-label=\"Contents\"><ul>\n");
    for (n, text) in sections.iter().enumerate() {
        let _ = writeln!(out, "<li><a href=\"#section-{}\">{}</a></li>", n + 1, escape(text));
    }
    out.push_str("</ul></nav>\n");
}

fn list(out: &mut String, lines: &[Line]) {
    out.push_str("<ul>\n");
    for line in lines {
        out.push_str("<li>");
        if !line.lead.is_empty() {
            let _ = write!(out, "<strong>{}</strong> ", escape(&line.lead));
        }
        push_lines(out, &line.text);
        out.push_str("</li>\n");
    }
    out.push_str("</ul>\n");
}

fn table(out: &mut String, headers: &[&str], rows: &[Vec<String>]) {
    out.push_str("<table>\n<thead><tr>");
    for h in headers {
        let _ = write!(out, "<th scope=\"col\">{}</th>", escape(h));
    }
    out.push_str("</tr></thead>\n<tbody>\n");
    // Each cell carries its column's name (read out as a label on narrow screens).
    let labels: Vec<String> = headers.iter().map(|h| format!(" data-label=\"{}\">", escape(h))).collect();
    for row in rows {
        out.push_str("<tr>");
        for (i, cell) in row.iter().enumerate() {
            // A date is one word: never split at its hyphens.
            let date = is_date(cell);
            out.push_str(if date {
                "<td class=\"date\""
            } else if has_long_run(cell) {
                "<td class=\"long\""
            } else {
                "<td"
            });
            out.push_str(labels.get(i).map_or(" data-label=\"\">", String::as_str));
            match date {
                true => push_escaped(out, cell),
                false => push_lines(out, cell),
            }
            out.push_str("</td>");
        }
        out.push_str("</tr>\n");
    }
    out.push_str("</tbody>\n</table>\n");
}

/// Longer than any word of the report's own text ("responsibilities" has 16 letters).
const LONG_RUN_CHARS: usize = 20;

/// Whether the text holds a run without spaces longer than [`LONG_RUN_CHARS`].
fn has_long_run(text: &str) -> bool {
    let mut run = 0;
    if !text.is_ascii() {
        return text.chars().any(|c| {
            run = if c.is_whitespace() { 0 } else { run + 1 };
            run > LONG_RUN_CHARS
        });
    }
    // ASCII read byte by byte, as `char::is_whitespace` reads it (a 10× report has tens of
    // thousands of cells).
    text.bytes().any(|b| {
        run = if matches!(b, b' ' | b'\t'..=b'\r') { 0 } else { run + 1 };
        run > LONG_RUN_CHARS
    })
}

/// Whether a cell is a date (cheaply ruling out the many cells that cannot be one).
fn is_date(cell: &str) -> bool {
    cell.trim_start().starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '+') && parse_iso(cell).is_some()
}

/// Appends text that may span lines (a note, an N/A reason) as element content: each line
/// escaped, the line breaks kept as `<br>` (HTML would otherwise run the lines together), and
/// every ISO date in it kept whole ("leaves on 2026-12-24" never breaks at the date's hyphens).
fn push_lines(out: &mut String, text: &str) {
    // Most cells are one line: no need to split them (a 10× report has tens of thousands).
    if !text.bytes().any(|b| b == b'\n' || b == b'\r') {
        if !text.trim().is_empty() {
            push_dated(out, text);
        }
        return;
    }
    for (n, line) in text_lines(text).into_iter().enumerate() {
        if n > 0 {
            out.push_str("<br>");
        }
        push_dated(out, line);
    }
}

/// One line, escaped, each date in it in a no-wrap span (a line without a hyphen has none).
fn push_dated(out: &mut String, line: &str) {
    if !line.contains('-') {
        return push_escaped(out, line);
    }
    for (date, run) in date_runs(line) {
        match date {
            true => {
                let _ = write!(out, "<span class=\"date\">{run}</span>");
            }
            false => push_escaped(out, run),
        }
    }
}

/// Escapes text for HTML element content and quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    push_escaped(&mut out, text);
    out
}

/// [`escape`], appended to `out`: the plain runs between special characters are copied whole.
pub fn push_escaped(out: &mut String, text: &str) {
    // Read byte by byte: every character replaced is ASCII or hidden (`export::hidden_at`).
    let (bytes, mut run, mut i) = (text.as_bytes(), 0, 0);
    while i < bytes.len() {
        let (replacement, len) = match bytes[i] {
            b'&' => ("&amp;", 1),
            b'<' => ("&lt;", 1),
            b'>' => ("&gt;", 1),
            b'"' => ("&quot;", 1),
            b'\'' => ("&#39;", 1),
            // Control characters other than whitespace are not allowed in HTML text; direction
            // overrides would turn the report's own words backwards (`export::hidden`).
            b'\n' | b'\t' => {
                i += 1;
                continue;
            }
            _ => match super::hidden_at(text, i) {
                Some(c) => (" ", c.len_utf8()),
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        out.push_str(&text[run..i]);
        out.push_str(replacement);
        i += len;
        run = i;
    }
    out.push_str(&text[run..]);
}

#[cfg(test)]
mod tests {
    use super::{has_long_run, LONG_RUN_CHARS};

    #[test]
    fn a_long_run_is_counted_in_characters_and_broken_by_any_whitespace() {
        let run = |n: usize, c: char| c.to_string().repeat(n);
        for (text, long) in [
            (run(LONG_RUN_CHARS, 'a'), false),
            (run(LONG_RUN_CHARS + 1, 'a'), true),
            // Characters, not bytes: "é" is two bytes.
            (run(LONG_RUN_CHARS, 'é'), false),
            (run(LONG_RUN_CHARS + 1, 'é'), true),
            // Every ASCII whitespace breaks a run, the vertical tab and form feed too, and so does a
            // no-break space beyond ASCII.
            (format!("{}\u{b}{}", run(LONG_RUN_CHARS, 'a'), run(LONG_RUN_CHARS, 'a')), false),
            (format!("{}\u{c}{}", run(LONG_RUN_CHARS, 'a'), run(LONG_RUN_CHARS, 'a')), false),
            (format!("{}\u{a0}{}é", run(LONG_RUN_CHARS, 'a'), run(LONG_RUN_CHARS - 1, 'a')), false),
            (format!("{}\u{1}{}", run(LONG_RUN_CHARS, 'a'), run(LONG_RUN_CHARS, 'a')), true),
        ] {
            assert_eq!(has_long_run(&text), long, "{text:?}");
        }
    }
}
