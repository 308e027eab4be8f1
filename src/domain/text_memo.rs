//! What the checks have read in a free text, remembered by the text itself.
//!
//! Judging an evidence record reads its words against long phrase lists
//! (`wording::says_not_done`, `wording::says_nothing`), and every change re-scores the whole
//! assessment: one key typed in a note read every record of every question again (a cheap phone
//! showed the key a sixth of a second late). What a text says depends on the text alone, so
//! remembering it changes no result: a text read once is looked up after that. The table is
//! emptied when it grows past a size cap, so typing (a new text per key) cannot grow it for long.

use std::cell::RefCell;

/// What is asked of a text; each question has a "known" bit and an "answer" bit.
#[derive(Clone, Copy)]
pub(crate) enum Question {
    /// `EvidenceRecord::is_described`: the text says something that could be a record.
    SaysSomething = 0,
    /// `wording::says_not_done`.
    SaysNotDone = 1,
    /// `wording::says_nothing`.
    SaysNothing = 2,
    /// `wording::no_written_record`.
    NoWrittenRecord = 3,
}

/// Bytes of remembered text before the table is emptied.
const MAX_BYTES: usize = 1 << 20;

/// The texts read, sorted, each with its answer bits (a sorted list weighs less in the download
/// than a map).
struct Table {
    answers: Vec<(Box<str>, u8)>,
    bytes: usize,
}

impl Table {
    fn find(&self, text: &str) -> Result<usize, usize> {
        self.answers.binary_search_by(|(known, _)| (**known).cmp(text))
    }
}

thread_local! {
    static TABLE: RefCell<Table> = const { RefCell::new(Table { answers: Vec::new(), bytes: 0 }) };
}

/// `read(text)`, from the table when this text was read for this question before.
pub(crate) fn remembered(text: &str, question: Question, read: &dyn Fn(&str) -> bool) -> bool {
    let (known, yes) = (1u8 << (2 * question as u8), 2u8 << (2 * question as u8));
    let bits = TABLE.with(|t| {
        let t = t.borrow();
        t.find(text).map_or(0, |at| t.answers[at].1)
    });
    if bits & known != 0 {
        return bits & yes != 0;
    }
    let answer = read(text);
    // Added to what is there now: reading may have answered other questions of the same text
    // (`says_not_done` asks `says_nothing` first).
    let learnt = known | if answer { yes } else { 0 };
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        match t.find(text) {
            Ok(at) => t.answers[at].1 |= learnt,
            // Emptied first when the new text would take it past its cap.
            Err(_) if t.bytes + text.len() > MAX_BYTES => {
                t.answers.clear();
                t.bytes = text.len();
                t.answers.push((text.into(), learnt));
            }
            Err(at) => {
                t.bytes += text.len();
                t.answers.insert(at, (text.into(), learnt));
            }
        }
    });
    answer
}

/// Forgets every text read (the bench times the exports as a first reading).
pub fn forget() {
    TABLE.with(|t| {
        let mut t = t.borrow_mut();
        t.answers.clear();
        t.bytes = 0;
    });
}

/// How many texts are remembered.
#[cfg(test)]
fn remembered_texts() -> usize {
    TABLE.with(|t| t.borrow().answers.len())
}

#[cfg(test)]
mod tests {
    use super::{forget, remembered, remembered_texts, Question, MAX_BYTES};
    use crate::domain::wording::{self, names_no_record, promises_only};
    use crate::domain::EvidenceRecord;

    const TEXTS: [&str; 9] = [
        "Board minutes, signed",
        "Draft, awaiting sign-off",
        "TBD",
        "",
        "Policy approved by CEO? Not yet",
        "n/a",
        "Will send",
        "Minutes 2026-03-01",
        "Verbal agreement",
    ];

    #[test]
    fn a_remembered_answer_is_the_answer_read_afresh() {
        forget();
        for round in 0..2 {
            for text in TEXTS {
                let context = format!("{text:?}, round {round}");
                assert_eq!(wording::says_not_done(text), wording::says_not_done_afresh(text), "{context}");
                assert_eq!(wording::says_nothing(text), wording::says_nothing_afresh(text), "{context}");
                assert_eq!(wording::no_written_record(text), wording::no_written_record_afresh(text), "{context}");
                let record = EvidenceRecord { what: text.to_string(), ..EvidenceRecord::default() };
                let says = !wording::says_nothing_afresh(text) && !promises_only(text) && !names_no_record(text);
                assert_eq!(record.is_described(), says, "{context}");
            }
        }
        assert_eq!(remembered_texts(), TEXTS.len(), "one entry a text, whatever was asked of it");
    }

    #[test]
    fn each_question_is_remembered_apart() {
        forget();
        let reads = std::cell::Cell::new(0);
        let ask = |question, answer| {
            remembered("same text", question, &|_| {
                reads.set(reads.get() + 1);
                answer
            })
        };
        assert!(ask(Question::SaysSomething, true));
        assert!(!ask(Question::SaysNotDone, false));
        assert!(ask(Question::NoWrittenRecord, true));
        assert!(ask(Question::SaysSomething, false), "the first answer is kept");
        assert!(!ask(Question::SaysNotDone, true), "the first answer is kept");
        assert!(ask(Question::NoWrittenRecord, false), "the first answer is kept");
        assert!(!ask(Question::SaysNothing, false));
        assert_eq!(reads.get(), 4, "each question read once");
    }

    #[test]
    fn what_a_reading_learnt_of_the_same_text_is_kept() {
        forget();
        let inner_reads = std::cell::Cell::new(0);
        let says_nothing = |_: &str| {
            inner_reads.set(inner_reads.get() + 1);
            false
        };
        assert!(!remembered("text", Question::SaysNotDone, &|t| remembered(t, Question::SaysNothing, &says_nothing)));
        assert!(!remembered("text", Question::SaysNothing, &says_nothing));
        assert_eq!(inner_reads.get(), 1, "the inner answer was kept when the outer one was written");
    }

    #[test]
    fn the_table_empties_past_its_cap() {
        forget();
        let long = "x".repeat(MAX_BYTES / 5);
        for n in 0..4 {
            remembered(&format!("{n}{long}"), Question::SaysNotDone, &|_| true);
        }
        assert_eq!(remembered_texts(), 4);
        // Another question of a text already there adds no text: nothing is emptied.
        remembered(&format!("3{long}"), Question::SaysNothing, &|_| true);
        assert_eq!(remembered_texts(), 4);
        remembered(&format!("5{long}"), Question::SaysNotDone, &|_| true);
        assert_eq!(remembered_texts(), 1, "emptied, then the new text");
        assert!(remembered(&format!("5{long}"), Question::SaysNotDone, &|_| false), "still remembered");
        assert!(!remembered(&format!("0{long}"), Question::SaysNotDone, &|_| false), "forgotten, so read again");
    }
}
