//! What the rehearsals of the questions asked of anyone show about staff in general (A 5.4,
//! Clause 7.3): someone who could not answer one at their latest rehearsal is what an auditor's
//! sample of staff could find (interview pass: a spot check of three "could not answer" left the
//! score at "100 %, Ready" beside "yes, any employee could explain their duties").
//!
//! The key people are left out: their own interview item already judges every question on their
//! card, these included (auditor probe: one answer of the security manager's made two minors).
//! A failure stands until a later rating of the same question replaces it, however old: the
//! records show someone unaware and no follow-up (auditor probe: it vanished after 90 days).

use chrono::NaiveDate;

use crate::domain::assessment::{Answer, Assessment};
use crate::domain::catalog::Item;

use super::bank::QuestionBank;
use super::rating::{latest, Rating};
use super::readiness::{interview_day, is_key_holder};

/// Someone who could not answer a question asked of anyone, at a rehearsal that still counts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CouldNotAnswer {
    pub question_id: &'static str,
    /// "Fay Ortiz could not answer “Reporting an incident” (2026-12-02)".
    pub text: String,
}

/// Everyone working here today and on the interview day, outside the key roles, whose latest
/// rating of a question asked of anyone is "could not answer", in register order.
pub fn could_not_answer(bank: &QuestionBank, assessment: &Assessment, today: NaiveDate) -> Vec<CouldNotAnswer> {
    let (register, day) = (&assessment.register, interview_day(assessment, today));
    let everyone = bank.questions.iter().filter(|q| q.for_everyone());
    let sampled = register.people.iter().filter(|p| p.is_current(day) && p.is_current(today) && !is_key_holder(register, &p.id, day));
    let mut out = Vec::new();
    for person in sampled {
        for q in everyone.clone() {
            let failed = latest(&assessment.rehearsals, &person.id, q.id, today).filter(|r| r.rating == Rating::CouldNotAnswer);
            if let Some(r) = failed {
                let text = format!("{} could not answer “{}” ({})", person.display_name(), q.title, r.on);
                out.push(CouldNotAnswer { question_id: q.id, text });
            }
        }
    }
    out
}

/// What the rehearsals show on a question about staff in general (`Item::rehearsed_in`) that is
/// not answered yes: who could not answer a matching question (auditor probe: a "partly" or "not
/// sure" card said nothing of a failed rehearsal the app knew of). A "yes" gets its finding.
pub fn staff_question_note(bank: &QuestionBank, assessment: &Assessment, item: &Item, today: NaiveDate) -> Option<String> {
    if assessment.answer_for(item) == Some(Answer::Yes) {
        return None;
    }
    let failed: Vec<String> = could_not_answer(bank, assessment, today)
        .into_iter()
        .filter(|f| item.rehearsed_in.contains(&f.question_id))
        .map(|f| f.text)
        .collect();
    (!failed.is_empty())
        .then(|| format!("The interview rehearsals show it: {}. An auditor's sample of staff could find the same.", failed.join("; ")))
}
