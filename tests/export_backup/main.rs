//! JSON backup: exact round trip, imports checked before they touch anything (size, JSON,
//! version, field types), unknown item ids reported, and diff/merge per choice.

#[path = "../export_fixture/mod.rs"]
mod export_fixture;

mod checked_import;
mod merge_outlook;
mod merging;

use audit_readiness::domain::{Answer, Assessment};
use export_fixture::*;

fn pair() -> (Assessment, Assessment) {
    let mut mine = Assessment::default();
    let mut theirs = Assessment::default();
    // Same on both sides: never listed.
    mine.set_answer("C53-PRE-01", Answer::Yes, day(2026, 10, 1));
    theirs.set_answer("C53-PRE-01", Answer::Yes, day(2026, 10, 1));
    // Theirs is newer.
    mine.set_answer("C53-PRE-02", Answer::No, day(2026, 10, 1));
    theirs.set_answer("C53-PRE-02", Answer::Yes, day(2026, 11, 1));
    // Mine is newer.
    mine.set_answer("C53-PRE-03", Answer::Partly, day(2026, 11, 5));
    theirs.set_answer("C53-PRE-03", Answer::No, day(2026, 9, 1));
    // Same day: a tie.
    mine.set_answer("C53-PRE-04", Answer::No, day(2026, 11, 2));
    theirs.set_answer("C53-PRE-04", Answer::Yes, day(2026, 11, 2));
    // Only theirs has it.
    theirs.set_answer("C53-PRE-05", Answer::Yes, day(2026, 11, 3));
    // Only mine has it.
    mine.set_answer("C53-PRE-06", Answer::NotSure, day(2026, 11, 3));
    // An empty response on one side equals none at all.
    mine.set_note("C53-PRE-07", String::new());
    (mine, theirs)
}
