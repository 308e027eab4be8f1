//! What the user has said: one response per catalogue item. Pure data, serialised as-is.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

use super::catalog::Item;
use super::interview::Rehearsal;
use super::remediation::{line_is_for, Remediation, Status};
use super::roles::{Person, Register, RegisterError};

/// The five possible answers to an item.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Answer {
    /// Yes, and the evidence exists.
    Yes,
    Partly,
    No,
    /// Treated as not ready: if you cannot say, an auditor will find out for you.
    NotSure,
    /// Excluded from the score only when a written justification is given.
    NotApplicable,
}

impl Answer {
    pub const ALL: [Answer; 5] = [Answer::Yes, Answer::Partly, Answer::No, Answer::NotSure, Answer::NotApplicable];

    pub fn label(self) -> &'static str {
        match self {
            Answer::Yes => "Yes, with evidence",
            Answer::Partly => "Partly",
            Answer::No => "No",
            Answer::NotSure => "Not sure",
            Answer::NotApplicable => "Not applicable",
        }
    }

    /// Stable short code used in element IDs and exports.
    pub fn code(self) -> &'static str {
        match self {
            Answer::Yes => "yes",
            Answer::Partly => "partly",
            Answer::No => "no",
            Answer::NotSure => "not_sure",
            Answer::NotApplicable => "not_applicable",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct ItemResponse {
    pub answer: Option<Answer>,
    /// Required for `NotApplicable` to count; without it the item counts as unanswered.
    pub na_justification: String,
    pub note: String,
    /// The day the answer was last changed (set by the UI from the clock).
    #[serde(with = "super::dates::optional")]
    pub updated_on: Option<NaiveDate>,
    /// Records of the evidence that backs the answer.
    pub evidence: Vec<EvidenceRecord>,
}

/// One piece of evidence: what it is, where it lives, when it was produced and who owns it.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct EvidenceRecord {
    pub what: String,
    /// A link or a location such as "HR drive / contracts / 2026".
    pub location: String,
    #[serde(with = "super::dates::optional")]
    pub produced_on: Option<NaiveDate>,
    pub owner: String,
}

impl EvidenceRecord {
    /// Says what the evidence is or where it is kept: a row holding only a date, an owner or a
    /// placeholder ("TBD") is no record (auditor probe: an empty row dated yesterday beside an
    /// internal audit 500 days old read "Ready").
    pub fn is_described(&self) -> bool {
        use super::text_memo::{remembered, Question};
        use super::wording::{names_no_record, promises_only, says_nothing};
        let says =
            |text: &str| remembered(text, Question::SaysSomething, &|t| !says_nothing(t) && !promises_only(t) && !names_no_record(t));
        // A location still to come ("Ben will send it", "Dev to upload") is no place it is kept.
        let promised = |text: &str| {
            let lower = text.to_ascii_lowercase();
            [" will ", " to upload", " to send", " to add"].iter().any(|p| lower.contains(p))
        };
        says(&self.what) || (says(&self.location) && !promised(&self.location))
    }

    /// Says what it records is not done or not final yet ("draft, awaiting sign-off", "scheduled
    /// for next month": `wording::says_not_done`).
    pub fn says_not_done(&self) -> bool {
        super::wording::says_not_done(&self.what)
    }
}

impl ItemResponse {
    /// The answer as the score sees it: N/A without a justification (a placeholder such as "n/a",
    /// or a word or two that say no why) is no answer at all.
    pub fn effective_answer(&self) -> Option<Answer> {
        match self.answer {
            Some(Answer::NotApplicable) if !super::wording::justifies(&self.na_justification) => None,
            other => other,
        }
    }

    /// The answer every check and the score judge `item` by, given this response to it: see
    /// [`Assessment::answer_for`].
    pub fn judged_answer(&self, item: &Item) -> Option<Answer> {
        match self.answer {
            Some(Answer::NotApplicable) if !item.excludable() => Some(Answer::NotApplicable),
            _ => self.effective_answer(),
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Assessment {
    pub responses: BTreeMap<String, ItemResponse>,
    /// The planned certification audit (stage 2) date, if known.
    #[serde(with = "super::dates::optional")]
    pub audit_date: Option<NaiveDate>,
    /// Remediation plan entries by finding id.
    pub remediation: BTreeMap<String, Remediation>,
    /// The roles and accountability register; the register items are derived from it.
    /// Absent in states saved before the register existed (same schema version, empty default).
    #[serde(default)]
    pub register: Register,
    /// Interview rehearsal ratings (person, question, day); they decide the pre-audit item
    /// "Key people are ready for interviews". Absent in older states and left out when empty.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rehearsals: Vec<Rehearsal>,
}

impl Assessment {
    pub fn response(&self, item_id: &str) -> Option<&ItemResponse> {
        self.responses.get(item_id)
    }

    /// Sets the answer for an item, recording the day of the change.
    pub fn set_answer(&mut self, item_id: &str, answer: Answer, today: NaiveDate) {
        let response = self.responses.entry(item_id.to_string()).or_default();
        let changed = response.answer != Some(answer);
        response.answer = Some(answer);
        response.updated_on = Some(today);
        if changed {
            self.reopen_done_lines(item_id);
        }
    }

    /// A plan line marked done waits for the item's answer to change; once it has, the work it
    /// recorded is behind it, and should the gap come back the line is open again, keeping its
    /// owner (founder pass: a gap answered "yes" and then "no" again came back "Done").
    fn reopen_done_lines(&mut self, item_id: &str) {
        for (key, line) in self.remediation.iter_mut() {
            if line.status == Status::Done && line_is_for(key, item_id) {
                line.status = Status::Open;
                line.due = None;
            }
        }
    }

    pub fn set_note(&mut self, item_id: &str, note: String) {
        self.responses.entry(item_id.to_string()).or_default().note = note;
    }

    /// Applies a change to an item's evidence list.
    pub fn edit_evidence(&mut self, item_id: &str, edit: impl FnOnce(&mut Vec<EvidenceRecord>)) {
        edit(&mut self.responses.entry(item_id.to_string()).or_default().evidence);
    }

    /// The effective answer of an item (N/A without a justification is no answer).
    pub fn answer_of(&self, item_id: &str) -> Option<Answer> {
        self.response(item_id).and_then(ItemResponse::effective_answer)
    }

    /// The answer every check and the score judge `item` by: as [`Self::answer_of`], except that
    /// N/A on a requirement that cannot be excluded (Clauses 4-10) is taken as given, reason or
    /// not: it means "not in place" either way.
    pub fn answer_for(&self, item: &Item) -> Option<Answer> {
        self.response(item.id)?.judged_answer(item)
    }

    pub fn set_na_justification(&mut self, item_id: &str, text: String) {
        self.responses.entry(item_id.to_string()).or_default().na_justification = text;
    }

    /// Adds a blank person to the register under a fresh id and returns it. The id is never one
    /// the rehearsal log still names, so nobody inherits another person's interview ratings.
    pub fn add_person(&mut self) -> Result<String, RegisterError> {
        let mut id = self.register.next_id("p");
        while self.rehearsals.iter().any(|r| r.person_id == id) {
            let n: u64 = id[1..].parse().unwrap_or(0);
            id = format!("p{}", n + 1);
        }
        self.register.add_person(Person { id: id.clone(), ..Person::default() })?;
        Ok(id)
    }

    /// Removes a person from the register (with their assignments and references too, if asked)
    /// and drops their interview ratings, which no longer belong to anyone.
    pub fn remove_person(&mut self, person_id: &str, with_references: bool) -> Result<Person, RegisterError> {
        let removed = if with_references {
            self.register.remove_person_and_references(person_id)?
        } else {
            self.register.remove_person(person_id)?
        };
        self.rehearsals.retain(|r| r.person_id != person_id);
        Ok(removed)
    }
}
