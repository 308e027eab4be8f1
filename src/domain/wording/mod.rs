//! Small English helpers for sentences built from counts.
//! Also how the checks read free text; what they read is remembered by the text (`text_memo`).
//! That reading is in `records` (resting on the word scanning in `words`) and `placeholders`
//! (texts that say or name nothing); the sentence and character helpers are here.

mod placeholders;
mod records;
mod words;

pub use placeholders::{names_no_record, names_nobody, promises_only, says_nothing};
pub use records::{justifies, no_written_record, note_says_not_done, says_not_done};
#[cfg(test)]
pub(crate) use {
    placeholders::says_nothing_afresh,
    records::{no_written_record_afresh, says_not_done_afresh},
};

/// "A", "A and B", "A, B and C".
pub fn and_list(parts: &[String]) -> String {
    match parts.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} and {last}", rest.join(", ")),
    }
}

/// The first `shown` of `names`, then how many more: "“A”, “B”, “C” and 2 more".
pub fn first_named(names: Vec<String>, shown: usize) -> String {
    let more = names.len().saturating_sub(shown);
    let mut named: Vec<String> = names.into_iter().take(shown).collect();
    if more > 0 {
        named.push(format!("{more} more"));
    }
    and_list(&named)
}

/// Characters that show nothing: soft hyphen, zero-width spaces and joiners, direction marks,
/// word joiners, the byte-order mark and variation selectors (odd-input pass: a lone zero-width
/// space stood as an N/A reason, and "Ada Okafor" with one in it was a second person).
pub fn invisible(c: char) -> bool {
    matches!(c, '\u{AD}' | '\u{200B}'..='\u{200F}' | '\u{2060}'..='\u{2064}' | '\u{FEFF}' | '\u{FE00}'..='\u{FE0F}')
}

/// Scripts whose words are not separated by spaces (Thai, Lao, Myanmar, Khmer, Chinese,
/// Japanese), where one run of text may say a whole sentence.
fn written_without_spaces(c: char) -> bool {
    matches!(c, '\u{0E00}'..='\u{0EFF}' | '\u{1000}'..='\u{109F}' | '\u{1780}'..='\u{17FF}' | '\u{3040}'..='\u{30FF}' | '\u{3400}'..='\u{9FFF}')
}

/// A name set in a sentence of the page, kept in its own writing direction: a name in Arabic or
/// Hebrew is isolated (U+2068 … U+2069), or the sentence around it reads out of order (odd-input
/// pass: "محمد → 🛡 דוד כהן العلي" in the org chart). Other names are left as they are.
pub fn isolated(name: &str) -> std::borrow::Cow<'_, str> {
    let right_to_left = |c: char| matches!(c, '\u{0590}'..='\u{08FF}' | '\u{FB1D}'..='\u{FDFF}' | '\u{FE70}'..='\u{FEFE}');
    match name.chars().any(right_to_left) {
        true => std::borrow::Cow::Owned(format!("\u{2068}{name}\u{2069}")),
        false => std::borrow::Cow::Borrowed(name),
    }
}

/// Symbols and pictographs (arrows, dingbats, emoji) that are no words: "👍" says nothing.
fn pictograph(c: char) -> bool {
    matches!(c, '\u{2190}'..='\u{21FF}' | '\u{2300}'..='\u{23FF}' | '\u{2500}'..='\u{27BF}' | '\u{2900}'..='\u{2BFF}' | '\u{1F000}'..='\u{1FAFF}')
}

/// The text without invisible characters, full-width ASCII ("Ｎ／Ａ") read as ASCII. Plain ASCII
/// text is returned as it is, without a copy (this runs for every evidence record).
pub fn plain(text: &str) -> std::borrow::Cow<'_, str> {
    if text.is_ascii() {
        return std::borrow::Cow::Borrowed(text);
    }
    let wide = |c: char| match c {
        '\u{FF01}'..='\u{FF5E}' => char::from_u32(c as u32 - 0xFEE0).unwrap_or(c),
        '\u{3000}' => ' ',
        c => c,
    };
    std::borrow::Cow::Owned(text.chars().filter(|c| !invisible(*c)).map(wide).collect())
}

/// A character that is no part of a word: ASCII punctuation and spaces, dashes, ellipses, ticks,
/// and symbols or pictographs.
fn no_word(c: char) -> bool {
    match c.is_ascii() {
        true => !c.is_ascii_alphanumeric(),
        false => matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2026}' | '\u{2713}' | '\u{2714}') || pictograph(c),
    }
}

/// "The browser …" from "the browser …": a reason opening a sentence of its own (ASCII: the
/// reasons are the app's own words).
pub fn upper_first(text: &str) -> String {
    let mut out = text.to_string();
    if let Some(first) = out.get_mut(..1) {
        first.make_ascii_uppercase();
    }
    out
}

/// A letter in the lower case of the Latin, Greek and Cyrillic alphabets a team writes names in
/// ("Ö" → "ö", "Ł" → "ł", "Д" → "д"), by the blocks' own layout: the standard library's Unicode
/// case table would add ~8 KB to the first load (score-gaming probe of stop 52: "JÖRG MÜLLER"
/// and "Jörg Müller" were two people, one auditing the ISMS the other runs).
pub fn lower_letter(c: char) -> char {
    let u = c as u32;
    let lower = match u {
        0x41..=0x5A | 0xC0..=0xD6 | 0xD8..=0xDE | 0x391..=0x3A1 | 0x3A3..=0x3A9 | 0x410..=0x42F => u + 32,
        0x100..=0x12F | 0x132..=0x137 | 0x14A..=0x177 if u % 2 == 0 => u + 1,
        0x139..=0x148 | 0x179..=0x17E if u % 2 == 1 => u + 1,
        0x178 => 0xFF,
        // The Turkish capital İ is i (false-alarm pass of stop 52: as ı, "MEHMET DEMİR" was not
        // Mehmet Demir).
        0x130 => 0x69,
        0x400..=0x40F => u + 80,
        _ => u,
    };
    char::from_u32(lower).unwrap_or(c)
}

/// `text` with every letter through [`lower_letter`].
pub fn lower_text(text: &str) -> String {
    text.chars().map(lower_letter).collect()
}

/// "1 gap", "3 gaps": the count with the noun in agreement.
pub fn counted(n: usize, one: &str, many: &str) -> String {
    format!("{n} {}", if n == 1 { one } else { many })
}

/// A sentence's opening as the rest of another: "Missing terms …" → "missing terms …". ASCII
/// only (the standard library's Unicode case table would add ~8 KB to the first load; the
/// catalogue's and the register's fixed texts start with ASCII letters).
pub fn lower_first(text: &str) -> String {
    let mut chars = text.chars();
    chars.next().map(|c| std::iter::once(c.to_ascii_lowercase()).chain(chars).collect()).unwrap_or_default()
}

/// The text cut where ISO dates ("2027-01-31") begin and end, each run marked whether it is a
/// date, so a view can keep every date on one line (a line may otherwise break at its hyphens).
pub fn date_runs(text: &str) -> Vec<(bool, &str)> {
    let is_date =
        |b: &[u8]| b.len() >= 10 && b[..10].iter().enumerate().all(|(i, c)| if i == 4 || i == 7 { *c == b'-' } else { c.is_ascii_digit() });
    let bytes = text.as_bytes();
    let (mut runs, mut start, mut i) = (Vec::new(), 0, 0);
    while i < bytes.len() {
        if is_date(&bytes[i..]) {
            if start < i {
                runs.push((false, &text[start..i]));
            }
            runs.push((true, &text[i..i + 10]));
            i += 10;
            start = i;
        } else {
            i += 1;
        }
    }
    if start < bytes.len() {
        runs.push((false, &text[start..]));
    }
    runs
}

/// Whether one text is the other with one character typed or deleted, anywhere in it: a key, not
/// a paste, a whole new value or no change (the register's text fields apply keys as typing
/// pauses).
pub fn one_key_apart(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    let at = long.char_indices().zip(short.chars()).find(|((_, l), s)| l != s).map_or(short.len(), |((at, _), _)| at);
    long[at..].chars().next().is_some_and(|c| long.len() - short.len() == c.len_utf8() && long[at + c.len_utf8()..] == short[at..])
}

#[cfg(test)]
mod tests {
    use super::{counted, date_runs, one_key_apart};

    #[test]
    fn a_key_is_one_character_typed_or_deleted_anywhere() {
        assert!(one_key_apart("Ada", "Adam"));
        assert!(one_key_apart("Adam", "Ada"));
        assert!(one_key_apart("Ada", "Aida"));
        assert!(one_key_apart("", "A"));
        assert!(one_key_apart("Zo", "Zoë"));
        assert!(one_key_apart("Zoë Kim", "Zo Kim"));
    }

    #[test]
    fn a_paste_a_replacement_or_no_change_is_no_key() {
        assert!(!one_key_apart("Ada", "Ada"));
        assert!(!one_key_apart("Ada", "Adam O"));
        assert!(!one_key_apart("Ada Okafor", ""));
        assert!(!one_key_apart("Ada", "Ben"));
        assert!(!one_key_apart("Adb", "Ada "));
        assert!(!one_key_apart("Zoë", "Zoe"));
    }

    #[test]
    fn date_runs_cut_out_every_iso_date_and_nothing_else() {
        assert_eq!(
            date_runs("Ben (leaves on 2027-01-31, before the audit) and 2027-02-01"),
            [(false, "Ben (leaves on "), (true, "2027-01-31"), (false, ", before the audit) and "), (true, "2027-02-01")]
        );
        assert_eq!(date_runs("2026-1-5 12-34-5678 é"), [(false, "2026-1-5 12-34-5678 é")]);
        assert_eq!(date_runs(""), Vec::<(bool, &str)>::new());
    }

    #[test]
    fn the_noun_agrees_with_the_count() {
        assert_eq!(counted(0, "gap", "gaps"), "0 gaps");
        assert_eq!(counted(1, "item relies", "items rely"), "1 item relies");
        assert_eq!(counted(2, "item relies", "items rely"), "2 items rely");
    }
}
