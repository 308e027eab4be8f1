//! The spot-check drill: like an auditor on the floor, pick someone who works here today at
//! random and ask three questions about their own duties, the policy, reporting an incident and
//! what happens after a breach. Seeded, so a test (or a bug report) can reproduce any pick; the
//! UI seeds it from the clock.

use chrono::NaiveDate;

use crate::domain::assessment::Assessment;

use super::bank::QuestionBank;
use super::card::card_questions;

/// How many questions a spot check asks.
pub const DRILL_QUESTIONS: usize = 3;

/// A small deterministic pseudo-random generator (SplitMix64): any seed, zero included, works.
#[derive(Debug, Clone)]
pub struct Prng(u64);

impl Prng {
    pub fn new(seed: u64) -> Prng {
        Prng(seed)
    }

    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `0..n` (`n` > 0), without modulo bias worth speaking of.
    pub fn below(&mut self, n: usize) -> usize {
        ((u128::from(self.next_u64()) * n as u128) >> 64) as usize
    }
}

/// One spot check: who, and which questions, in the order to ask them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Drill {
    pub person_id: String,
    pub question_ids: Vec<&'static str>,
}

/// Picks a person who works here today and up to three spot-check questions from their card.
/// With an audit date ahead, only those still here on that day, whom the auditor could stop
/// (founder pass: a leaver three weeks before the audit was picked); everyone here today if
/// nobody is. `None` when nobody in the register works here today.
pub fn spot_check(bank: &QuestionBank, assessment: &Assessment, today: NaiveDate, seed: u64) -> Option<Drill> {
    let register = &assessment.register;
    let here = |on: NaiveDate| register.people.iter().filter(move |p| p.is_current(today) && p.is_current(on)).map(|p| p.id.as_str());
    let audit = assessment.audit_date.filter(|audit| *audit > today);
    let mut current: Vec<&str> = audit.map(|audit| here(audit).collect()).unwrap_or_default();
    if current.is_empty() {
        current = here(today).collect();
    }
    if current.is_empty() {
        return None;
    }
    let mut rng = Prng::new(seed);
    let person_id = current[rng.below(current.len())];
    let mut pool: Vec<&'static str> =
        card_questions(bank, register, person_id).into_iter().filter(|(q, _)| q.topic.is_spot_check()).map(|(q, _)| q.id).collect();
    // Partial Fisher–Yates: the first DRILL_QUESTIONS entries become a uniform random pick.
    let take = DRILL_QUESTIONS.min(pool.len());
    for i in 0..take {
        let j = i + rng.below(pool.len() - i);
        pool.swap(i, j);
    }
    pool.truncate(take);
    Some(Drill { person_id: person_id.to_string(), question_ids: pool })
}
