//! Rehearsal ratings: how sure a person was of an answer, on a given day. Stored in the assessment
//! (so they persist and travel with the JSON backup) as a log, one entry per person, question and
//! day: the log is the "record of interview rehearsals with dates" an auditor may ask for.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

/// The three self-ratings after answering a question aloud.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rating {
    Confident,
    Shaky,
    CouldNotAnswer,
}

impl Rating {
    pub const ALL: [Rating; 3] = [Rating::Confident, Rating::Shaky, Rating::CouldNotAnswer];

    pub fn label(self) -> &'static str {
        match self {
            Rating::Confident => "Confident",
            Rating::Shaky => "Shaky",
            Rating::CouldNotAnswer => "Could not answer",
        }
    }

    /// Stable short code for element IDs and CSS classes.
    pub fn code(self) -> &'static str {
        match self {
            Rating::Confident => "confident",
            Rating::Shaky => "shaky",
            Rating::CouldNotAnswer => "could-not",
        }
    }
}

/// One rating of one question by one person on one day.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rehearsal {
    pub person_id: String,
    pub question_id: String,
    pub rating: Rating,
    #[serde(with = "date")]
    pub on: NaiveDate,
}

/// Records a rating. Rating the same question again on the same day replaces that day's entry,
/// so the log keeps one entry per person, question and day. Returns the rating it replaced, for
/// [`unrecord`].
pub fn record(log: &mut Vec<Rehearsal>, person_id: &str, question_id: &str, rating: Rating, today: NaiveDate) -> Option<Rating> {
    match log.iter_mut().find(|r| r.is(person_id, question_id, today)) {
        Some(entry) => Some(std::mem::replace(&mut entry.rating, rating)),
        None => {
            log.push(Rehearsal { person_id: person_id.into(), question_id: question_id.into(), rating, on: today });
            None
        }
    }
}

/// Takes back a rating just recorded (a slip of the finger): that day's entry gets the rating
/// [`record`] replaced, or goes when there was none.
pub fn unrecord(log: &mut Vec<Rehearsal>, person_id: &str, question_id: &str, replaced: Option<Rating>, today: NaiveDate) {
    match replaced {
        Some(rating) => log.iter_mut().filter(|r| r.is(person_id, question_id, today)).for_each(|r| r.rating = rating),
        None => log.retain(|r| !r.is(person_id, question_id, today)),
    }
}

impl Rehearsal {
    /// The rating and its day, "Confident (2026-11-23)", and when it was made before `fresh` (the
    /// first day whose ratings count for the audit), that it no longer counts: the card on screen
    /// and the downloaded brief say it alike (auditor probe: the brief called a CEO whose every
    /// rating was 400 days old fully ready).
    pub fn said(&self, fresh: NaiveDate, today: NaiveDate) -> String {
        let stale = if self.counts(fresh, today) { "" } else { ", too old to count" };
        format!("{} ({}){stale}", self.rating.label(), self.on)
    }

    /// Whether the rating still counts: made on or after `fresh` (the first day whose ratings
    /// count for the audit), or a "could not answer" made within 90 days of today, which stands
    /// until it is rated again whenever the audit is (`timing::failures_count_from`; third
    /// auditor probe: the brief called the failures behind a major "too old to count").
    pub fn counts(&self, fresh: NaiveDate, today: NaiveDate) -> bool {
        self.on >= fresh || self.failed_since(super::timing::failures_count_from(today))
    }

    /// Whether this is a "could not answer" made on or after `from`.
    pub fn failed_since(&self, from: NaiveDate) -> bool {
        self.rating == Rating::CouldNotAnswer && self.on >= from
    }

    /// This person's rating of this question on this day (the log keeps one such entry).
    fn is(&self, person_id: &str, question_id: &str, on: NaiveDate) -> bool {
        self.person_id == person_id && self.question_id == question_id && self.on == on
    }
}

/// The latest rating of a question by a person: the newest day, and on equal days the entry
/// recorded last. Ratings dated after `today` (a wrong clock, an import) are ignored.
pub fn latest<'a>(log: &'a [Rehearsal], person_id: &str, question_id: &str, today: NaiveDate) -> Option<&'a Rehearsal> {
    log.iter().filter(|r| r.person_id == person_id && r.question_id == question_id && r.on <= today).fold(
        None,
        |best: Option<&Rehearsal>, r| match best {
            Some(b) if b.on > r.on => Some(b),
            _ => Some(r),
        },
    )
}

/// A required ISO date (`YYYY-MM-DD`), without chrono's general-purpose parser.
mod date {
    use chrono::NaiveDate;
    use serde::{Deserialize, Deserializer, Serializer};

    pub fn serialize<S: Serializer>(date: &NaiveDate, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(date)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(deserializer: D) -> Result<NaiveDate, D::Error> {
        let text = String::deserialize(deserializer)?;
        crate::domain::dates::parse_iso(&text)
            .ok_or_else(|| serde::de::Error::custom(format!("no date in “{text}”: dates are written year-month-day, YYYY-MM-DD")))
    }
}
