//! How the checks read a record's own words: whether an appointment is on record in writing,
//! whether evidence or a question's note says the work is not done yet, and whether a reason
//! for leaving a control out justifies it.

use super::placeholders::says_nothing;
use super::words::{listed, mentions, mentions_word, mentions_word_at_start, word_uses, Words};
use super::{plain, written_without_spaces};
use crate::domain::text_memo::{remembered, Question};

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

#[cfg(test)]
mod tests {
    use super::{note_says_not_done, says_not_done};

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
}
