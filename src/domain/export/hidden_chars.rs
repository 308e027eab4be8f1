//! The characters every export writes as a space: control characters and those that override
//! the direction of the text around them.

/// Whether every export writes `c` as a space: a control character (line breaks and tabs are
/// each format's own business), or one that overrides the direction of the text around it
/// (embeddings, overrides and isolates, U+202A–U+202E and U+2066–U+2069). Typed into a name, an
/// override turned the report's own words after it backwards (export pass of stop 45:
/// "invoice\u{202E}fdp.exe" and the heading's scope read in reverse).
pub fn hidden(c: char) -> bool {
    c.is_control() || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}')
}

/// The hidden character (see [`hidden`]) starting at byte `at` of `text`, for escapers that read
/// byte by byte: each is ASCII or starts with 0xC2 (C1 controls) or 0xE2 (direction overrides),
/// and no byte inside a character takes those values, so other bytes are passed over undecoded.
pub(crate) fn hidden_at(text: &str, at: usize) -> Option<char> {
    match text.as_bytes().get(at)? {
        0x00..=0x1F | 0x7F | 0xC2 | 0xE2 => text[at..].chars().next().filter(|c| hidden(*c)),
        _ => None,
    }
}
