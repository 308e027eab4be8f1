//! Placeholders: a person's name that names nobody, a field that says nothing, an evidence
//! record that only promises one or names no record in particular.

use super::{no_word, plain};
use crate::domain::text_memo::{remembered, Question};

/// Whether a person's name says nobody is there yet: a placeholder ("TBD", "n/a"), a vacancy or
/// a hire to come ("Vacant", "To be hired", "External auditor (to be contracted)"). Empty is not:
/// a row just added is unnamed.
pub fn names_nobody(name: &str) -> bool {
    // Whole words, then phrases anywhere; matched in place, case aside, without a copy: this runs
    // for every person each time a check asks who works here (a first version through
    // `says_nothing` made a re-score a tenth slower, and ten times slower in a debug build).
    // "Hire" and "pending" too (score-gaming probe of stop 51: "New hire (Q1)", "Future security
    // hire" and "Pending appointment" held the ISMS owner's role and read "Ready").
    let name = name.trim();
    let bytes = name.as_bytes();
    let letter = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_alphanumeric);
    let here = |at: usize, w: &str| bytes[at..].get(..w.len()).is_some_and(|b| b.eq_ignore_ascii_case(w.as_bytes()));
    let whole = |at: usize, w: &str| here(at, w) && !(at.checked_sub(1).is_some_and(letter) || letter(at + w.len()));
    // One pass over the name, comparing at each byte only the words (whole) and phrases (anywhere)
    // that start with it: the names are read for every check that asks who works here, hundreds of
    // times a re-score (comparing all eighteen at every byte was a tenth of a key's work in a note).
    let found_at = |at: usize| {
        let (words, phrases): (&[&str], &[&str]) = match bytes[at].to_ascii_lowercase() {
            b'v' => (&["vacant", "vacancy"], &[]),
            b't' => (&["tbd", "tba", "tbc"], &["to be "]),
            b'h' => (&["hiring", "hire"], &[]),
            b'r' => (&["recruiting"], &[]),
            b'p' => (&["placeholder", "pending"], &[]),
            b'n' => (&["n/a", "none", "nobody"], &["no one"]),
            b'u' => (&["unknown"], &[]),
            b'o' => (&[], &["open position", "open role"]),
            _ => return false,
        };
        words.iter().any(|w| whole(at, w)) || phrases.iter().any(|p| here(at, p))
    };
    !name.is_empty() && (name.chars().all(no_word) || name.eq_ignore_ascii_case("x") || (0..bytes.len()).any(found_at))
}

/// Whether a free-text field an auditor would follow up says nothing: empty, only punctuation, or
/// a placeholder such as "none", "n/a" or "TBD" (auditor probe: "none" stood as the compensating
/// measure for an internal auditor auditing their own ISMS, and the verdict read "Ready").
pub fn says_nothing(text: &str) -> bool {
    remembered(text, Question::SaysNothing, &says_nothing_afresh)
}

/// [`says_nothing`], read afresh rather than looked up.
pub(crate) fn says_nothing_afresh(text: &str) -> bool {
    const PLACEHOLDERS: [&str; 52] = [
        "none",
        "none yet",
        "n/a",
        "na",
        "n.a",
        "no",
        "nothing",
        "nil",
        "null",
        "tbd",
        "tba",
        "tbc",
        "todo",
        "to do",
        "pending",
        "not yet",
        "not decided",
        "not decided yet",
        "undecided",
        "unknown",
        "not applicable",
        "not known",
        "later",
        "x",
        "ok",
        "yes",
        "done",
        "have it",
        "not relevant",
        "not relevant to us",
        "not applicable to us",
        "does not apply",
        // The same in the languages a team may type in (second look: "Sans objet" excluded a
        // control).
        "nicht zutreffend",
        "entfällt",
        "keine",
        "non applicable",
        "sans objet",
        "néant",
        "no aplica",
        "no aplicable",
        "não aplicável",
        "non applicabile",
        "niet van toepassing",
        "nvt",
        "ikke relevant",
        "ej tillämpligt",
        "該当なし",
        "なし",
        "无",
        "無",
        "不适用",
        "해당없음",
    ];
    let placeholder = |text: &str| {
        let text = text.trim_end_matches(['.', '!', '。']);
        PLACEHOLDERS.iter().any(|p| text.eq_ignore_ascii_case(p))
    };
    let text = plain(text);
    let text = text.trim();
    // Digits alone say nothing either (score-gaming probe of stop 52: evidence rows "1" kept in
    // "101", and a compensating measure "1", read "Ready").
    if text.chars().all(|c| no_word(c) || c.is_ascii_digit()) || placeholder(text) {
        return true;
    }
    // Placeholders are short: a longer text is read no further (this runs for every record).
    if text.len() > 48 {
        return false;
    }
    // Without the marks and pictographs between words, said twice, or only words that say it
    // does not apply (second look: "N/A 👍", "TBD TBD", "Does not apply to us"). A real text
    // stops at its first real word.
    const FILLER: [&str; 14] =
        ["not", "applicable", "apply", "applies", "does", "doesn't", "here", "to", "us", "for", "our", "this", "relevant", "case"];
    let words = || text.split_whitespace().filter(|w| !w.chars().all(no_word));
    if words().all(|w| placeholder(w) || FILLER.iter().any(|f| w.eq_ignore_ascii_case(f))) {
        return true;
    }
    // Spaced out ("n / a", "N A", "Sans objet"): its letters, spaces and marks left out, are a
    // placeholder's, which have 20 at most.
    let letters = || words().flat_map(str::chars).map(|c| c.to_ascii_lowercase());
    words().nth(1).is_some()
        && letters().nth(20).is_none()
        && PLACEHOLDERS.iter().any(|p| p.chars().filter(|c| *c != ' ').map(|c| c.to_ascii_lowercase()).eq(letters()))
}

/// Whether a record's field only promises one ("TBD later", "to be added", "will upload",
/// "coming soon", "placeholder", "xxx"): what [`says_nothing`] misses when more words follow.
/// For evidence records only: a justification or measure saying what "will" be done says
/// something (second auditor probe: such rows dated yesterday made a stale record read fresh).
pub fn promises_only(text: &str) -> bool {
    const FIRST: [&str; 15] = [
        "tbd",
        "tba",
        "tbc",
        "todo",
        "t.b.d",
        "placeholder",
        "xxx",
        "pending",
        "later",
        "soon",
        "missing",
        "draft",
        "wip",
        "awaiting",
        "upload",
    ];
    const OPENINGS: [&str; 7] = ["to be ", "will ", "coming soon", "to follow", "to come", "not ", "in progress"];
    let text = text.trim();
    let end = text.bytes().position(|b| matches!(b, b' ' | b'(' | b',' | b':')).unwrap_or(text.len());
    let first = &text[..end];
    let first = first.trim_end_matches(['.', '!', '?']);
    FIRST.iter().any(|w| first.eq_ignore_ascii_case(w))
        || OPENINGS.iter().any(|o| text.get(..o.len()).is_some_and(|start| start.eq_ignore_ascii_case(o)))
}

/// Whether an evidence record's field names no record in particular: only words any record or
/// place would carry ("Evidence", "See shared folder", "Google Drive", "Document attached").
/// Score-gaming probe of stop 47: "Evidence" kept in "Drive" on every "yes" read a plain "Ready",
/// cleaner than no record at all ("on your word").
pub fn names_no_record(text: &str) -> bool {
    // Between bars, searched for "|word|": this runs for every record several times per score,
    // and splitting the list for each word made a full re-score an eighth slower.
    const GENERIC: &str = "|evidence|proof|document|documents|documentation|doc|docs|record|records|file|files|link|links|\
         attachment|attached|folder|folders|see|shared|share|the|in|on|at|our|my|a|an|it|is|here|there|available|upon|request|\
         exists|we|have|has|drive|google|gdrive|notion|confluence|sharepoint|dropbox|onedrive|wiki|intranet|email|slack|cloud|\
         online|system|company|internal|somewhere|various|misc|all|stored|kept|saved|";
    let generic = |word: &str| {
        let mut bar = [b'|'; 16];
        word.len() < 15 && word.is_ascii() && {
            bar[1..=word.len()].copy_from_slice(word.as_bytes());
            bar[1..=word.len()].make_ascii_lowercase();
            std::str::from_utf8(&bar[..word.len() + 2]).is_ok_and(|needle| GENERIC.contains(needle))
        }
    };
    let text = text.trim();
    let mut words = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).peekable();
    text.len() <= 48 && words.peek().is_some() && words.all(generic)
}

#[cfg(test)]
mod tests {
    /// `names_nobody` as first written: every word and phrase compared at every byte.
    fn names_nobody_at_every_byte(name: &str) -> bool {
        const WORDS: [&str; 14] = [
            "vacant",
            "vacancy",
            "tbd",
            "tba",
            "tbc",
            "hiring",
            "recruiting",
            "placeholder",
            "n/a",
            "none",
            "unknown",
            "nobody",
            "hire",
            "pending",
        ];
        const PHRASES: [&str; 4] = ["to be ", "open position", "open role", "no one"];
        let name = name.trim();
        let bytes = name.as_bytes();
        let letter = |at: usize| bytes.get(at).is_some_and(u8::is_ascii_alphanumeric);
        let found = |w: &str, whole: bool| {
            (0..(bytes.len() + 1).saturating_sub(w.len())).any(|at| {
                let (before, after) = (at.checked_sub(1).is_some_and(letter), letter(at + w.len()));
                bytes[at..at + w.len()].eq_ignore_ascii_case(w.as_bytes()) && (!whole || !(before || after))
            })
        };
        !name.is_empty()
            && (name.chars().all(super::no_word)
                || name.eq_ignore_ascii_case("x")
                || WORDS.iter().any(|w| found(w, true))
                || PHRASES.iter().any(|p| found(p, false)))
    }

    #[test]
    fn a_name_is_read_as_comparing_every_word_at_every_byte_reads_it() {
        const PIECES: [&str; 24] = [
            "to be ",
            "TBD",
            "n/a",
            "hire",
            "Hiring",
            "x",
            " ",
            "-",
            "é",
            "none",
            "No one",
            "Open Role",
            "a",
            "1",
            "(",
            "Ada",
            "vacancy",
            "pend",
            "ing",
            "tb",
            "c",
            "Nobody",
            "open position",
            "unknownx",
        ];
        let mut seed = 0x2545_f491_u64;
        let (mut said_nobody, mut said_someone) = (0, 0);
        for _ in 0..20_000 {
            let mut name = String::new();
            seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
            for _ in 0..(seed >> 60) % 5 + 1 {
                seed = seed.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
                name.push_str(PIECES[(seed >> 33) as usize % PIECES.len()]);
            }
            let expected = names_nobody_at_every_byte(&name);
            assert_eq!(super::names_nobody(&name), expected, "{name:?}");
            if expected {
                said_nobody += 1
            } else {
                said_someone += 1
            }
        }
        assert!(said_nobody > 1_000 && said_someone > 1_000, "{said_nobody} / {said_someone}");
    }
}
