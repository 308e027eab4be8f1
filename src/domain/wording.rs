//! Small English helpers for sentences built from counts.
//! Also how the checks read free text; what they read is remembered by the text (`text_memo`).

use super::text_memo::{remembered, Question};

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

/// Whether an appointment record shows nothing in writing: it says nothing, or says the
/// appointment was only spoken or is still to be signed ("Verbal agreement, nothing signed",
/// "Awaiting signature": auditor probes, they passed as the signed record Clause 5.3's evidence
/// asks for), unless it also names one ("Signed letter, confirming the verbal agreement"). A
/// record said to be still to come is none, whatever it names ("Signed letter to follow",
/// "Appointment letter pending": auditor probe of stop 42, they read as on record).
pub fn no_written_record(text: &str) -> bool {
    remembered(text, Question::NoWrittenRecord, &no_written_record_afresh)
}

/// [`no_written_record`], read afresh rather than looked up.
pub(crate) fn no_written_record_afresh(text: &str) -> bool {
    // Score-gaming probe of stop 47: "Everyone knows", "CEO said so in a meeting" and "Agreed in a
    // call" read as on record.
    const NOT_ON_RECORD: &str = "verbal|oral|nothing signed|not signed|unsigned|awaiting signature|draft|handshake|word of mouth|\
         everyone knows|knows|said|told|implicit|in a call|on a call|call with|by default|assumed|probably|somewhere";
    // A record said to be none, lost or undone (score-gaming probe of stop 51: "No record", "Letter
    // lost", "Appointment letter revoked", "Declined the role", "Assumed by default" read as on record).
    const NOT_YET: &str = "pending|to follow|missing|not yet|awaiting|to be signed|to be written|expected in|expected by|expected end|\
         expected next|no record|no letter|no minutes|no written|lost|revoked|declined|withdrawn";
    let lower = text.to_ascii_lowercase();
    let lower = Words::of(&lower);
    let any = |list: &'static str| listed(list).any(|word| mentions(&lower, word));
    // A record named, or "signed" said of it and not negated ("Appointment letter to Said Benali,
    // signed by CEO": false-positive pass of stop 47, only "signed letter" or "signed on" counted).
    let on_record = any("minutes|countersigned") || word_uses(&lower, "signed").any(|ahead| !ahead);
    says_nothing(text) || any(NOT_YET) || (any(NOT_ON_RECORD) && !on_record)
}

/// Whether an evidence record's own words say that what it records is not done, or not final,
/// yet: a draft, something awaiting sign-off or not yet accepted, a meeting only scheduled, a
/// talk with nothing written (auditor probes of stop 43: "Policy v0.3 (DRAFT, awaiting CEO
/// sign-off)", "Internal audit scheduled for next month", "Residual risks not yet accepted" and
/// "We talk about security in standups" each stood behind a "yes" that read "Ready").
///
/// Read clause by clause (split at punctuation): a clause naming a finished record ("minutes in
/// Notion", "approved by the CEO") shows one, whatever the others say of a next step ("next review
/// to be held in November", "v3 in preparation"), unless the record itself is still to come
/// ("minutes to follow"). Otherwise a clause that says something is unfinished, or negates a
/// finished record's word ("not accepted yet", "hasn't signed", "no minutes"), says it is not
/// done. A keyword reading: it cannot tell every wording apart (a plan "documented" beside an
/// audit "not done yet" reads as finished), and a text that says nothing says nothing either way.
pub fn says_not_done(text: &str) -> bool {
    remembered(text, Question::SaysNotDone, &says_not_done_afresh)
}

/// [`says_not_done`], read afresh rather than looked up.
pub(crate) fn says_not_done_afresh(text: &str) -> bool {
    if says_nothing(text) {
        return false;
    }
    let lower = lowered_for_reading(text);
    // A question answered no, or a state given as not yet: "Policy approved by CEO? Not yet",
    // "Signed: not yet" (false-positive pass of stop 47: "approved" outweighed the answer). "No
    // changes since" is no such answer.
    for (_, answer) in [lower.split_once('?'), lower.split_once(':')].into_iter().flatten() {
        let answer = answer.split([',', ';', '.']).next().unwrap_or("").trim();
        if matches!(answer, "no" | "nope" | "not really") || mentions_word_at_start(answer, "not yet") {
            return true;
        }
    }
    let ends_clause = |c: char| matches!(c, ';' | ',' | '(' | ')' | '.' | ':' | '?' | '\u{2013}' | '\u{2014}');
    let clauses = lower.split(ends_clause).flat_map(|c| c.split(" - "));
    let (mut finished, mut unfinished) = (false, false);
    for clause in clauses {
        match clause_says(clause) {
            Some(true) => finished = true,
            Some(false) => unfinished = true,
            None => {}
        }
    }
    // "Management review planned": planned, and nothing more ("3 audits planned" in brackets
    // describes a programme, "plan with 1 hire planned" what a plan holds).
    let subject = lower.split([';', ',', '(', ':']).next().unwrap_or("");
    let planned = subject.trim_end().ends_with(" planned") && !subject.contains(" with ");
    (unfinished || planned) && !finished
}

/// The text in ASCII lower case as [`says_not_done`] reads it, in one pass: "Will" before a capital
/// is a name ("Will Hart, Head of Security"), not a time ahead, and a point between digits is a
/// version or a date, not a clause's end ("v0.9 sent for signature"): both are written otherwise.
fn lowered_for_reading(text: &str) -> String {
    let bytes = text.as_bytes();
    let mut out = String::with_capacity(text.len());
    for (at, c) in text.char_indices() {
        let name = c == 'W' && text[at..].starts_with("Will ") && text[at + 5..].starts_with(|c: char| c.is_uppercase());
        let version = c == '.' && at > 0 && bytes[at - 1].is_ascii_digit() && bytes.get(at + 1).is_some_and(u8::is_ascii_digit);
        out.push(match (name, version) {
            (true, _) => 'n',
            (_, true) => '_',
            _ => c.to_ascii_lowercase(),
        });
    }
    out
}

/// What one clause (lower case) says of its record: `Some(true)` finished, `Some(false)` not
/// done yet, `None` neither. A word that says the record is finished ("approved") outweighs one
/// that says it is not ("pending"). A word that only names a record ("minutes", "report")
/// outweighs it too, unless the two stand side by side: "report in progress", "minutes expected
/// in March" and "draft minutes" are the record unfinished, "minutes with actions in progress" a
/// finished record with work left (score-gaming probe and its false-positive pass of stop 47).
/// The unfinished words are whole words: "William" is no "will", "drafted" no "draft".
fn clause_says(clause: &str) -> Option<bool> {
    // One string each, split where read: a table of string slices weighs more in the first load.
    const TO_COME: &str = "to follow|to be signed|to be written|to be approved|to be accepted|to be held|to take place|\
         yet to|in preparation|in draft|not issued|being written|being drafted|blank template|template only";
    const UNFINISHED: &str = "awaiting|waiting|pending|not yet|scheduled for|booked|planned for|draft|not signed|unsigned|\
         not approved|unapproved|for signature|for sign-off|for review|under review|request sent|requested|in progress|\
         outstanding|kicked off|cancelled|canceled|postponed|skipped|overdue|did not happen|didn't happen|\
         expected in|expected on|expected by|expected next|expected after|expected soon|expected end|expected at|\
         expected within|expected this|expected before|tbc|\
         tbd|wip|will|we plan|we are planning|plans to|planning to|intend to|intends to|going to|roadmap|once we|to sign|\
         to approve";
    // A finished record's words ("signed" and "approved" alone too: "signed policy"); negated or
    // put ahead ("not yet accepted", "hasn't signed", "will be approved") they say it is not done.
    const FINISHED: &str = "signed|approved|accepted|agreed|validated|countersigned|supersede|replaces|completed|done|finished|\
         held|logged|recorded|documented|published|issued|reviewed";
    // "No findings" is a result, not a record missing: findings are not among them.
    const RECORDS: &str = "minutes|notes|report|records|attendance|attendees|decisions|board pack|slides";
    // Words of a talk with nothing written, unless a record is named ("stand-up notes").
    const TALK: &str = "agenda|verbal|informal|standup|standups|stand-up|stand-ups|we talk|discussed";
    // What a record holds is no state of the record: "plan with 2 actions outstanding", "risk
    // register: 14 risks, 3 pending treatment" (false-positive pass of stop 47).
    let counted = |text: &str| {
        text.trim_start().split(' ').next().is_some_and(|w| (1..=3).contains(&w.len()) && w.bytes().all(|b| b.is_ascii_digit()))
    };
    if counted(clause) {
        return None;
    }
    let clause = match clause.split_once(" with ") {
        Some((record, holds)) if counted(holds) => record,
        _ => clause,
    };
    let words = Words::of(clause);
    let any = |list: &'static str| listed(list).any(|word| mentions(&words, word));
    let any_word = |list: &'static str| listed(list).any(|word| mentions_word(&words, word));
    if any(TO_COME) {
        return Some(false);
    }
    let uses = |list: &'static str| {
        listed(list).flat_map(|word| word_uses(&words, word)).fold((false, false), |(a, n), ahead| (a || !ahead, n || ahead))
    };
    let ((finished, negated), (named, unnamed)) = (uses(FINISHED), uses(RECORDS));
    if finished {
        return Some(true);
    }
    if negated || unnamed {
        return Some(false);
    }
    if named {
        return Some(!beside_a_record(&words, RECORDS, UNFINISHED));
    }
    // "Expected" as a date ahead ("approval expected end of month", "sign-off expected"), not as
    // a standard ("expected skills per role").
    (any_word(UNFINISHED) || clause.trim_end().ends_with(" expected") || any_word(TALK)).then_some(false)
}

/// Whether an unfinished word stands right before or after a record's name in `clause`: "draft
/// minutes", "report in progress".
fn beside_a_record(clause: &Words, records: &'static str, unfinished: &'static str) -> bool {
    listed(records).any(|record| {
        clause.starts_of(record).any(|at| {
            let clause = clause.text;
            let after = clause[at + record.len()..].trim_start();
            let before = clause[..at].trim_end();
            let last = before.rsplit(' ').next().unwrap_or("");
            listed(unfinished).any(|word| mentions_word_at_start(after, word) || last == word)
        })
    })
}

/// [`mentions`], as a whole word (or phrase): "will", not "William".
fn mentions_word(lower: &Words, word: &str) -> bool {
    lower.starts_of(word).any(|at| ends_a_word(&lower.text[at + word.len()..]))
}

/// Whether `text` opens with `word` as a whole word.
fn mentions_word_at_start(text: &str, word: &str) -> bool {
    text.starts_with(word) && ends_a_word(&text[word.len()..])
}

/// Whether what follows a word (`rest`) starts no letter or digit of it.
fn ends_a_word(rest: &str) -> bool {
    !rest.starts_with(|c: char| c.is_ascii_alphanumeric())
}

/// Whether a question's note opens by saying it is not done ("Not done yet, we will do it before
/// the audit", "Hasn't happened yet", "No, but before the audit"). Only its opening is read: a
/// note goes on about the next cycle ("Next review due in March", "Will be re-run after the
/// reorg") or about something else (false-positive pass of stop 47: read whole, those turned a
/// "yes" into a major).
pub fn note_says_not_done(note: &str) -> bool {
    const OPENINGS: &str = "not done|not yet|not started|not in place|not held|hasn't|hasn’t|hasnt|has not|haven't|haven’t|\
         have not|still to|to do|todo|tbd|in progress";
    let lower = note.trim().to_ascii_lowercase();
    let first = lower.split([';', ',', '.', ':', '(', '?', '!', '\u{2013}', '\u{2014}']).next().unwrap_or("").trim();
    matches!(first, "no" | "nope") || listed(OPENINGS).any(|opening| mentions_word_at_start(first, opening))
}

/// Whether `lower` (a text in ASCII lower case) has `word` (lower case) at the start of a word:
/// "oral", not "moral".
fn mentions(lower: &Words, word: &str) -> bool {
    lower.starts_of(word).next().is_some()
}

/// The words of a list written as one string, "a|b|c" (a table of string slices weighs more in
/// the first load): as `split('|')`, by a plain byte scan (the general searcher took a fifth of
/// reading a record).
fn listed(list: &'static str) -> impl Iterator<Item = &'static str> {
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
struct Words<'a> {
    text: &'a str,
    starts: Vec<usize>,
}

impl<'a> Words<'a> {
    fn of(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let start = |at: usize| text.is_char_boundary(at) && (at == 0 || !bytes[at - 1].is_ascii_alphabetic());
        Words { text, starts: (0..bytes.len()).filter(|&at| start(at)).collect() }
    }

    /// Where `word` starts a word: "oral", not "moral".
    fn starts_of<'w>(&'w self, word: &'w str) -> impl Iterator<Item = usize> + 'w {
        // Most places differ at the first letter: it is compared before the rest.
        let (text, word) = (self.text.as_bytes(), word.as_bytes());
        self.starts.iter().copied().filter(move |&at| text.get(at) == word.first() && text[at..].starts_with(word))
    }
}

/// Each use of `word` in `lower`, whether it is negated or put ahead by the word before it:
/// "not yet accepted", "hasn't signed", "no minutes", "will supersede", "once approved".
fn word_uses<'a>(lower: &'a Words, word: &'a str) -> impl Iterator<Item = bool> + 'a {
    const BEFORE: &str =
        "not|yet|never|no|nothing|without|hasn't|hasn’t|hasnt|haven't|haven’t|isn't|isn’t|wasn't|wasn’t|will|be|once|until|awaiting|pending";
    lower.starts_of(word).map(move |at| {
        let before = lower.text[..at].trim_end();
        let last = before.rsplit(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '\u{2019}')).next().unwrap_or("");
        listed(BEFORE).any(|n| last == n)
    })
}

/// Whether a reason for leaving a control out justifies it: it says something, in more than one
/// word (auditor probe: "Startup" stood as the justification for excluding A 8.32). A script
/// written without spaces between words is not counted by them.
pub fn justifies(text: &str) -> bool {
    let text = plain(text);
    let text = text.trim();
    let one_word = !text.contains(char::is_whitespace) && !text.chars().any(written_without_spaces);
    // A reason that the work is not done yet, or that there is no time for it, says the control
    // applies; and "N/A because N/A" says nothing (lead-auditor probe of stop 48: "we don't have
    // time for change management yet" left A 8.32 out).
    // Nor one that gives no reason in so many words (score-gaming probe of stop 51: "No idea",
    // "As above", "See SoA" and "Will look at this after certification" left A 8.32 out).
    const NOT_YET: &str = "not yet|yet to|no time|have time|too busy|next year|once we|to do|todo|after certification|will look|\
         no idea|no reason|don't know|dont know|as above|see above|see soa|see the soa|not sure";
    const RESTATED: &str = "|n/a|na|not|applicable|because|as|it|is|since|so|";
    let lower = text.to_ascii_lowercase();
    let not_yet = note_says_not_done(text) || {
        let words = Words::of(&lower);
        listed(NOT_YET).any(|w| mentions_word(&words, w))
    };
    // ASCII only: the Unicode tables cost the first load 10 KB (a reason in another script is
    // not read for these words).
    let mut words = lower.split(|c: char| !c.is_ascii_alphanumeric() && c != '/').filter(|w| !w.is_empty()).peekable();
    let restated = words.peek().is_some() && text.is_ascii() && words.all(|w| RESTATED.contains(&format!("|{w}|")));
    !says_nothing(text) && !one_word && !not_yet && !restated
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

/// A character that is no part of a word: ASCII punctuation and spaces, dashes, ellipses, ticks,
/// and symbols or pictographs.
fn no_word(c: char) -> bool {
    match c.is_ascii() {
        true => !c.is_ascii_alphanumeric(),
        false => matches!(c, '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{2026}' | '\u{2713}' | '\u{2714}') || pictograph(c),
    }
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

    use super::{counted, date_runs, note_says_not_done, says_not_done};

    #[test]
    fn a_note_says_it_is_not_done_only_in_its_opening() {
        for note in
            ["Not done yet, we will do it before the audit", "Hasn't happened yet", "Still to do", "No, but before the audit", "TBD"]
        {
            assert!(note_says_not_done(note), "{note}");
        }
        for note in [
            "Next review due March 2027",
            "Will be re-run after the reorg",
            "Ongoing",
            "CEO will sign again after the funding round",
            "Done in March; next one not yet scheduled",
            "No findings at the last audit",
            "Not sure who keeps the minutes now",
            "",
        ] {
            assert!(!note_says_not_done(note), "{note}");
        }
    }

    #[test]
    fn evidence_that_says_it_is_not_done_yet_is_told_apart_from_a_finished_record() {
        for unfinished in [
            "Information security policy v0.3 (DRAFT, awaiting CEO sign-off)",
            "Internal audit scheduled for next month (booked with Eli)",
            "Risk register - residual risks not yet accepted by owners",
            "We talk about security in standups",
            "SoA v0.9 draft, not signed",
            "Policy not approved by the CEO",
            "Minutes to follow",
            "Signed report to follow",
            "Appointment letter pending",
            // Second auditor probe of stop 43.
            "Discussed at the leadership standup, no minutes taken",
            "Draft policy v0.4; final version due after CEO review",
            "SoA draft v0.7, will supersede the template once approved",
            "Policy v0.9 sent to the CEO for signature",
            "Policy v1.0 under review by the CEO",
            "Policy v1.0, CEO approval requested",
            "Management review planned for June",
            "Internal audit report in preparation",
            "Internal audit to take place in Q2, auditor engaged",
            "Internal audit fieldwork ongoing, report not issued",
            "SoA with the CEO for sign-off",
            "Residual risk acceptance outstanding (CEO)",
            "Residual risks to be accepted by owners at the next board",
            "Appointment letter prepared, CEO signature outstanding",
            // Third auditor probe of stop 43.
            "Residual risks not accepted yet by owners",
            // Score-gaming probe of stop 47: a plan or a blank form, filed as the record.
            "We plan to run the first internal audit in Q1 2027",
            "Management review planned",
            "CEO intends to chair the first management review",
            "Going to hold the management review in January",
            "Roadmap item: management review",
            "Internal audit report in progress",
            "Board minutes expected in March",
            "Draft minutes, not approved yet",
            "Review notes in draft",
            "Policy approved by CEO? Not yet",
            "Management review done? Not yet, planned for Jan",
            "Internal audit report in progress",
            "Minutes pending approval",
            "Policy v0.9, CEO to sign",
            "Signed: not yet",
            "Policy v0.9 sent to CEO, waiting on her OK",
            "Internal audit booked with Eli for October",
            "CEO hasn't signed the policy yet",
            "CEO hasn’t signed the policy yet",
            "Policy v0.9 with Ada for review",
            "SoA v0.8 WIP in Vanta",
            "Budget: verbal OK from CEO, nothing documented",
            "Management review will happen in Q3 with the board",
            "Residual risks will be accepted at the next board meeting",
            "MR agenda prepared, meeting with Ada & Cara in 3 weeks",
            "Risk treatment plan prepared, CEO approval expected end of month",
            "Residual risks presented to CEO, acceptance TBC",
            "Roles doc in Notion, still being written",
            "Internal audit kicked off, fieldwork not finished",
            "Security budget request sent to CFO, decision at next board",
        ] {
            assert!(says_not_done(unfinished), "{unfinished}");
        }
        for finished in [
            "Signed policy v1.0",
            "Minutes of the management review, signed on 2026-10-01",
            "Policy v1.0, final version (supersedes draft v0.3)",
            "Risk treatment plan with residual risks accepted by each owner",
            "Stand-up notes and the review minutes",
            "Internal audit report 2026",
            "Internal audit report, findings pending closure",
            "Risk register (residual risk accepted, treatment of R7 pending)",
            "Awareness training records; next session scheduled for March",
            "SoA signed by CEO, next review next quarter",
            "Policy v2.1 approved by CEO; replaces the 2024 draft",
            "Policy drafted by Ben and approved by the CEO at the March board meeting",
            "Q2 management review record signed by CEO; next one booked for October",
            "FY26 security budget approved by the board; two security hires pending",
            "Appointment letter signed by CEO (verbal briefing given as well)",
            "Risk treatment plan approved by CEO, 4 of 6 actions pending",
            "Roles reviewed at the leadership stand-up, decisions logged in Notion",
            "SoA v1.0 approved on 2025-06-01 by CEO; v1.1 draft in progress",
            // Third auditor probe of stop 43: a next step beside the finished record.
            "Management review held 2025-05-12, minutes in Notion; next review to be held in Nov",
            "Risk treatment plan approved by CEO; items to follow up tracked in Jira",
            "RTP v2 approved by CEO 2025-04; 2 controls yet to be implemented",
            "Risk treatment plan v2 approved by CEO; v3 in preparation",
            "Policy v3.0 approved by CEO 2025-04-01 (needs to be approved again yearly)",
            "Roles doc v1.3 approved by CEO 2025-05; new Head of Eng role description to be written",
            "MR done 12 May w/ CEO+CTO, notes in Notion, actions tracked in Jira (3 open, in progress)",
            "Internal audit done by external consultant in May, findings in Jira, remediation in progress",
            "FY25 security budget EUR 40k agreed by board, 0.5 FTE sec eng hire ongoing",
            "Policy v1.2 was validated by CEO on 12/03, old draft removed",
            "Minutes stored in Nextcloud",
            "Draft approved by the CEO on 2026-10-01",
            "Appointment letter (company template), signed by the CEO",
            // False-positive pass of stop 47: records a careful startup types.
            "Internal audit 2026-05: no findings",
            "Information security policy (Vanta template, v1.2)",
            "RACI matrix (Drata template)",
            "Management review minutes with actions in progress",
            "Management review minutes and next review date",
            "Internal audit report with 2 findings still pending",
            "Security objectives 2027 (next 12 months)",
            "ISMS intended outcomes and objectives doc v2",
            "Internal audit programme 2027 (3 audits planned)",
            "Security objectives: we aim to patch critical vulns within 7 days",
            "Ongoing awareness training log in KnowBe4",
            "Competence matrix with expected skills per role",
            "Job description - Will Hart, Head of Security",
            "Role description for William Chen (Head of Security)",
            "Policy v1.0 drafted by Ben, published on Confluence 2026-03-01",
            "Management review 2026-10 (agenda, attendees, decisions)",
            "Job description template with a security section",
            "Security risks discussed at board meeting 2026-09-12, see board pack",
            "Risk register: 14 risks, 3 pending treatment",
            "Risk treatment plan with 2 actions outstanding",
            "Corrective action log with 3 actions in progress",
            "Headcount plan 2027 with 1 security hire planned",
            "Policy approved? No changes since v1.2",
            "Signed letter giving authority to sign contracts",
            "Minutes: no actions open",
            "ISP v2.0 document control block (owner, version, next review 2026-12)",
            "Audit report: 3 findings outstanding",
            "Audit programme, audits planned by risk, approved by the CEO",
            "Policy approved; will be reviewed yearly",
            "TBD",
            "",
        ] {
            assert!(!says_not_done(finished), "{finished}");
        }
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
