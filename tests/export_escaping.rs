//! The escapers every report and brief runs each cell through: the quick forms (plain runs
//! copied whole, appended in place) say exactly what the plain per-character forms said, and an
//! ampersand in Markdown is escaped only where it could start an entity.

use audit_readiness::domain::export::{csv, hidden, html, ics, markdown};

/// The per-character Markdown escaper the quick one replaced, with its new ampersand rule.
fn reference_inline(text: &str) -> String {
    let flat: String = text.chars().map(|c| if hidden(c) { ' ' } else { c }).collect();
    let flat: Vec<char> = flat.trim().chars().collect();
    let mut out = String::new();
    let mut only_digits_so_far = true;
    for (i, &ch) in flat.iter().enumerate() {
        let next = flat.get(i + 1).copied();
        let escape = match ch {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '#' | '|' | '!' | '~' | '$' | '@' => true,
            '&' => entity_follows(&flat[i + 1..]),
            '-' | '+' | '=' => i == 0,
            '.' | ')' => only_digits_so_far && i > 0 && next.map_or(true, char::is_whitespace),
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

/// CommonMark's entity and numeric character references, loosely: `#`, `#x` or a name, then
/// letters or digits, then `;`.
fn entity_follows(after: &[char]) -> bool {
    let mut rest = after;
    if rest.first() == Some(&'#') {
        rest = &rest[1..];
        if matches!(rest.first(), Some('x' | 'X')) {
            rest = &rest[1..];
        }
    }
    let len = rest.iter().take_while(|c| c.is_ascii_alphanumeric()).count();
    len > 0 && rest.get(len) == Some(&';')
}

fn reference_escape(text: &str) -> String {
    text.chars()
        .map(|ch| match ch {
            '&' => "&amp;".to_string(),
            '<' => "&lt;".to_string(),
            '>' => "&gt;".to_string(),
            '"' => "&quot;".to_string(),
            '\'' => "&#39;".to_string(),
            c if hidden(c) && !matches!(c, '\n' | '\t') => " ".to_string(),
            c => c.to_string(),
        })
        .collect()
}

/// Strings from an alphabet of everything the escapers treat specially, with plain letters,
/// digits, spaces, control characters and multi-byte characters between them.
fn samples() -> Vec<String> {
    const ALPHABET: &[char] = &[
        'a', 'Z', '1', '9', '0', ' ', '\t', '\n', '\r', '\u{1}', '\u{7f}', '\u{85}', '\u{a0}', '\u{202e}', '\u{2067}', 'é', '—', '🙂',
        '\\', '`', '*', '_', '[', ']', '<', '>', '#', '|', '!', '~', '&', ';', 'x', '-', '+', '=', '.', ')', '(', '"', '\'', '$', '@',
    ];
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    (0..20_000)
        .map(|_| {
            let len = (next() % 12) as usize;
            (0..len).map(|_| ALPHABET[(next() % ALPHABET.len() as u64) as usize]).collect()
        })
        .collect()
}

#[test]
fn the_quick_markdown_escaper_says_what_the_per_character_one_says() {
    for text in samples() {
        assert_eq!(markdown::inline(&text), reference_inline(&text), "{text:?}");
        let mut appended = String::from("kept ");
        markdown::push_inline(&mut appended, &text);
        assert_eq!(appended, format!("kept {}", reference_inline(&text)), "{text:?}");
    }
}

#[test]
fn the_quick_html_escaper_says_what_the_per_character_one_says() {
    for text in samples() {
        assert_eq!(html::escape(&text), reference_escape(&text), "{text:?}");
    }
}

#[test]
fn a_markdown_ampersand_is_escaped_only_where_it_would_start_an_entity() {
    assert_eq!(markdown::inline("R&D and Q&A"), "R&D and Q&A");
    assert_eq!(markdown::inline("Tom & Jerry &"), "Tom & Jerry &");
    assert_eq!(markdown::inline("&amp; &copy; &#38; &#x26; &#X26;"), r"\&amp; \&copy; \&\#38; \&\#x26; \&\#X26;");
    // Not a reference: nothing between the ampersand and the semicolon, or a space in it.
    assert_eq!(markdown::inline("&; &a b; &#;"), r"&; &a b; &\#;");
}

#[test]
fn a_direction_override_or_a_nul_typed_anywhere_becomes_a_space_in_every_format() {
    // Export pass of stop 45: "invoice\u{202E}fdp.exe" turned the report's own words after it
    // backwards, and the CSV kept a raw NUL that cuts a cell short in some spreadsheets.
    let typed = "invoice\u{202E}fdp.exe\u{2066}x\u{2069} nul\u{0}byte";
    let plain = "invoice fdp.exe x  nul byte";
    assert_eq!(html::escape(typed), plain);
    assert_eq!(markdown::inline(typed), plain);
    assert_eq!(ics::text(typed), plain);
    assert_eq!(csv::neutralise(typed), plain);
    // Line breaks and tabs stay each format's own business; a formula start is still neutralised.
    assert_eq!(csv::neutralise("a\nb\tc"), "a\nb\tc");
    assert_eq!(csv::neutralise("\u{202E}=1+1"), "' =1+1");
    assert_eq!(csv::neutralise("=1\u{0}"), "'=1 ");
    // After a semicolon or a tab, where spreadsheets set to split there start a cell
    // (data-safety pass of stop 47).
    assert_eq!(csv::neutralise("ok;=1+1;"), "ok;'=1+1;");
    assert_eq!(csv::neutralise("x; =cmd|' /C calc'!A0;"), "x;' =cmd|' /C calc'!A0;");
    assert_eq!(csv::neutralise("a\t@SUM(1)"), "a\t'@SUM(1)");
    assert_eq!(csv::neutralise("=a;-b"), "'=a;'-b");
    assert_eq!(csv::neutralise("Owner; deputy: Lee"), "Owner; deputy: Lee");
    // After a line break too: split at semicolons, a cell's quotes are not read, so each line of
    // a note is a row of its own (export pass of stop 52).
    assert_eq!(csv::neutralise("Letter signed\n=HYPERLINK(1)"), "Letter signed\n'=HYPERLINK(1)");
    assert_eq!(csv::neutralise("a\r\n@SUM(1)"), "a\r\n'@SUM(1)");
    assert_eq!(csv::neutralise("x\r-10+10"), "x\r'-10+10");
    assert_eq!(csv::neutralise("line one\nline two\n"), "line one\nline two\n");
    // Right-to-left text itself is left as typed.
    assert_eq!(html::escape("שלום"), "שלום");
}

#[test]
fn text_other_tools_would_act_on_stays_text() {
    // Data-safety pass of stop 47. GitHub and GitLab render `$…$` as maths and `@name` as a
    // mention that notifies someone.
    assert_eq!(markdown::inline("$x^2$ @octocat"), "\\$x^2\\$ \\@octocat");
    // Calendar apps that show a description as HTML: no tag can start.
    assert_eq!(ics::text("Ben <img src=x onerror=alert(1)></script><!--c-->"), "Ben < img src=x onerror=alert(1)>< /script>< !--c-->");
    assert_eq!(ics::text("a < b, 2<3"), "a < b\\, 2<3");
    // The OSCAL title is Markdown, escaped as the remarks are, without the hidden characters.
    use audit_readiness::domain::export::{oscal, Report};
    use audit_readiness::domain::{Assessment, Catalog};
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let report = Report::new(Catalog::builtin(), &Assessment::default(), today).named("Ada \u{202E}gnp.exe <img src=x>");
    let doc: serde_json::Value = serde_json::from_str(&oscal::render(&report)).unwrap();
    let title = doc["assessment-results"]["metadata"]["title"].as_str().unwrap();
    assert!(title.starts_with("Ada  gnp.exe \\<img src=x\\>: ISO/IEC 27001:2022"), "{title}");
}
