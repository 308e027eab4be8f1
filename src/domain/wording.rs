//! Small English helpers for sentences built from counts.

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
    // Score-gaming probe of stop 47: "Everyone knows" and "CEO said so in a meeting" read as on record.
    const NOT_ON_RECORD: [&str; 13] = [
        "verbal",
        "oral",
        "nothing signed",
        "not signed",
        "unsigned",
        "awaiting signature",
        "draft",
        "handshake",
        "word of mouth",
        "everyone knows",
        "said",
        "told",
        "implicit",
    ];
    const NOT_YET: [&str; 8] = ["pending", "to follow", "missing", "not yet", "awaiting", "to be signed", "to be written", "expected"];
    const ON_RECORD: [&str; 4] = ["signed letter", "minutes", "countersigned", "signed on"];
    let lower = text.to_ascii_lowercase();
    let mentions = |word: &&str| mentions(&lower, word);
    says_nothing(text) || NOT_YET.iter().any(mentions) || (NOT_ON_RECORD.iter().any(mentions) && !ON_RECORD.iter().any(mentions))
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
    if says_nothing(text) {
        return false;
    }
    let lower = text.to_ascii_lowercase();
    let clauses = lower.split([';', ',', '(', ')', '.', ':', '\u{2013}', '\u{2014}']).flat_map(|c| c.split(" - "));
    let (mut finished, mut unfinished) = (false, false);
    for clause in clauses {
        match clause_says(clause) {
            Some(true) => finished = true,
            Some(false) => unfinished = true,
            None => {}
        }
    }
    unfinished && !finished
}

/// What one clause (lower case) says of its record: `Some(true)` finished, `Some(false)` not
/// done yet, `None` neither. A word that says the record is finished ("approved") outweighs one
/// that says it is not ("pending"); one that only names a record ("minutes", "report") does not
/// (score-gaming probe of stop 47: "Internal audit report in progress", "minutes template"
/// and "Board minutes expected in March" read as finished records).
fn clause_says(clause: &str) -> Option<bool> {
    // One string each, split where read: a table of string slices weighs more in the first load.
    const TO_COME: &str = "to follow|to be signed|to be written|to be approved|to be accepted|to be held|to take place|\
         yet to|in preparation|not issued|being written|being drafted";
    const UNFINISHED: &str = "awaiting|waiting|pending|not yet|scheduled for|booked|planned for|next |draft|not signed|\
         unsigned|not approved|unapproved|for signature|for sign-off|for review|under review|request sent|requested|\
         ongoing|in progress|outstanding|kicked off|expected|tbc|tbd|wip|will|we plan|we are planning|plans to|planning to|intend|going to|roadmap|template|once we|our aim|\
         we aim|aim to";
    // A finished record's words ("signed" and "approved" alone too: "signed policy"); negated or
    // put ahead ("not yet accepted", "hasn't signed", "will be approved") they say it is not done.
    const FINISHED: &str =
        "signed|approved|accepted|agreed|validated|countersigned|supersede|replaces|completed|done|finished|held|logged|recorded|documented";
    const RECORDS: &str = "minutes|notes|report|records|findings|attendance";
    // Words of a talk with nothing written, unless a record is named ("stand-up notes").
    const TALK: &str = "agenda|verbal|informal|standup|stand-up|we talk|discussed";
    let any = |list: &'static str| list.split('|').any(|word| mentions(clause, word));
    if any(TO_COME) {
        return Some(false);
    }
    let uses = |list: &'static str| {
        list.split('|').flat_map(|word| word_uses(clause, word)).fold((false, false), |(a, n), ahead| (a || !ahead, n || ahead))
    };
    let ((finished, negated), (named, unnamed)) = (uses(FINISHED), uses(RECORDS));
    // "Management review planned": planned, and nothing more.
    let unfinished = negated || unnamed || any(UNFINISHED) || clause.trim_end().ends_with(" planned");
    match (finished, unfinished, named) {
        (true, _, _) => Some(true),
        (false, true, _) => Some(false),
        (false, false, true) => Some(true),
        (false, false, false) => any(TALK).then_some(false),
    }
}

/// Whether `lower` (a text in ASCII lower case) has `word` (lower case) at the start of a word:
/// "oral", not "moral".
fn mentions(lower: &str, word: &str) -> bool {
    starts_of(lower, word).next().is_some()
}

/// Where `word` starts a word in `lower`.
fn starts_of<'a>(lower: &'a str, word: &'a str) -> impl Iterator<Item = usize> + 'a {
    let bytes = lower.as_bytes();
    lower.match_indices(word).map(|(at, _)| at).filter(move |&at| at == 0 || !bytes[at - 1].is_ascii_alphabetic())
}

/// Each use of `word` in `lower`, whether it is negated or put ahead by the word before it:
/// "not yet accepted", "hasn't signed", "no minutes", "will supersede", "once approved".
fn word_uses<'a>(lower: &'a str, word: &'a str) -> impl Iterator<Item = bool> + 'a {
    const BEFORE: &str =
        "not|yet|never|no|nothing|without|hasn't|hasn’t|hasnt|haven't|haven’t|isn't|isn’t|wasn't|wasn’t|will|be|once|until|awaiting|pending";
    starts_of(lower, word).map(move |at| {
        let before = lower[..at].trim_end();
        let last = before.rsplit(|c: char| !(c.is_ascii_alphabetic() || c == '\'' || c == '\u{2019}')).next().unwrap_or("");
        BEFORE.split('|').any(|n| last == n)
    })
}

/// Whether a reason for leaving a control out justifies it: it says something, in more than one
/// word (auditor probe: "Startup" stood as the justification for excluding A 8.32). A script
/// written without spaces between words is not counted by them.
pub fn justifies(text: &str) -> bool {
    let text = plain(text);
    let text = text.trim();
    let one_word = !text.contains(char::is_whitespace) && !text.chars().any(written_without_spaces);
    !says_nothing(text) && !one_word
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

/// Whether a free-text field an auditor would follow up says nothing: empty, only punctuation, or
/// a placeholder such as "none", "n/a" or "TBD" (auditor probe: "none" stood as the compensating
/// measure for an internal auditor auditing their own ISMS, and the verdict read "Ready").
pub fn says_nothing(text: &str) -> bool {
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
    if text.chars().all(no_word) || placeholder(text) {
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
    use super::{counted, date_runs, says_not_done};

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
            "Management review template",
            "Roadmap item: management review",
            "Our aim is a yearly management review",
            "Internal audit report in progress",
            "Board minutes expected in March",
            "Draft minutes, not approved yet",
            "Review notes in draft",
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
