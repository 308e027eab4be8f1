//! The word scanning the reading of records rests on: lists of words written as one string,
//! a text's word starts, and whether a word is used whole, at a text's start, or negated.

/// [`mentions`], as a whole word (or phrase): "will", not "William".
pub(super) fn mentions_word(lower: &Words, word: &str) -> bool {
    lower.starts_of(word).any(|at| ends_a_word(&lower.text[at + word.len()..]))
}

/// Whether `text` opens with `word` as a whole word.
pub(super) fn mentions_word_at_start(text: &str, word: &str) -> bool {
    text.starts_with(word) && ends_a_word(&text[word.len()..])
}

/// Whether what follows a word (`rest`) starts no letter or digit of it.
fn ends_a_word(rest: &str) -> bool {
    !rest.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// Whether `lower` (a text in ASCII lower case) has `word` (lower case) at the start of a word:
/// "oral", not "moral".
pub(super) fn mentions(lower: &Words, word: &str) -> bool {
    lower.starts_of(word).next().is_some()
}

/// The words of a list written as one string, "a|b|c" (a table of string slices weighs more in
/// the first load): as `split('|')`, by a plain byte scan (the general searcher took a fifth of
/// reading a record).
pub(super) fn listed(list: &'static str) -> impl Iterator<Item = &'static str> {
    let mut rest = Some(list);
    std::iter::from_fn(move || {
        let text = rest?;
        match text.bytes().position(|b| b == b'|') {
            Some(end) => {
                rest = Some(&text[end + 1..]);
                Some(&text[..end])
            }
            None => {
                rest = None;
                Some(text)
            }
        }
    })
}

/// A text in ASCII lower case, with the places where a word may start in it (the start, and each
/// place after a byte that is no letter). Read against long lists of words, comparing at those
/// places is quicker than searching the text for each word: searching took most of an export's
/// time at 10× content.
pub(super) struct Words<'a> {
    pub(super) text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Words<'a> {
    pub(super) fn of(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let start = |at: usize| text.is_char_boundary(at) && (at == 0 || !bytes[at - 1].is_ascii_alphabetic());
        Words { text, starts: (0..bytes.len()).filter(|&at| start(at)).collect() }
    }

    /// Where `word` starts a word: "oral", not "moral".
    pub(super) fn starts_of<'w>(&'w self, word: &'w str) -> impl Iterator<Item = usize> + 'w {
        // Most places differ at the first letter: it is compared before the rest.
        let (text, word) = (self.text.as_bytes(), word.as_bytes());
        self.starts.iter().copied().filter(move |&at| text.get(at) == word.first() && text[at..].starts_with(word))
    }
}

/// Each use of `word` in `lower`, whether it is negated or put ahead by the word before it:
/// "not yet accepted", "hasn't signed", "no minutes", "will supersede", "once approved".
pub(super) fn word_uses<'a>(lower: &'a Words, word: &'a str) -> impl Iterator<Item = bool> + 'a {
    const BEFORE: &str =
        "not|yet|never|no|nothing|without|hasn't|hasn’t|hasnt|haven't|haven’t|isn't|isn’t|wasn't|wasn’t|will|be|once|until|awaiting|pending";
    lower.starts_of(word).map(move |at| {
        let before = lower.text[..at].trim_end();
        let last = before.rsplit(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '\u{2019}')).next().unwrap_or("");
        listed(BEFORE).any(|n| last == n)
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_list_is_read_as_split_reads_it() {
        for list in ["", "a", "a|b", "|a||b|", "not yet|will|to be signed", "|"] {
            assert_eq!(super::listed(list).collect::<Vec<_>>(), list.split('|').collect::<Vec<_>>(), "{list:?}");
        }
    }

    #[test]
    fn words_are_found_where_a_search_of_the_text_finds_them_at_a_word_start() {
        let texts = ["", "not yet", "minutes: no minutes, 2x minutes", "é will—will", "xwill will's", "signed-off unsigned", "tbd/tbc"];
        for text in texts {
            let words = super::Words::of(text);
            for word in ["will", "minutes", "no", "signed", "tbc", "é", "off", "s"] {
                let bytes = text.as_bytes();
                let searched: Vec<usize> =
                    text.match_indices(word).map(|(at, _)| at).filter(|&at| at == 0 || !bytes[at - 1].is_ascii_alphabetic()).collect();
                assert_eq!(words.starts_of(word).collect::<Vec<_>>(), searched, "{word:?} in {text:?}");
            }
        }
    }
}
