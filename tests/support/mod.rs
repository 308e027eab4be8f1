//! Shared helpers for host tests.
#![allow(dead_code)]

use audit_readiness::domain::{Answer, Assessment, Catalog};
use chrono::NaiveDate;

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn today() -> NaiveDate {
    day(2026, 11, 23)
}

/// An assessment answering every item of the catalogue the same way.
pub fn all(catalog: &Catalog, answer: Answer) -> Assessment {
    let mut assessment = Assessment::default();
    for item in catalog.items {
        assessment.set_answer(item.id, answer, today());
        if answer == Answer::NotApplicable {
            assessment.set_na_justification(item.id, "out of scope".into());
        }
    }
    assessment
}

/// A tiny deterministic pseudo-random generator (xorshift), so property tests are reproducible.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}
