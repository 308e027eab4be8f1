//! Interview preparation (Clause 5.1–5.3, Clause 7.2, A 5.2–5.4): auditors confirm that roles are
//! real by asking the people who hold them. This module derives each person's cue card from the
//! roles register and the question bank, orders rehearsals weakest first, picks seeded spot
//! checks, renders the printable brief, and decides the pre-audit item "Key people are ready for
//! interviews" from the stored rehearsal ratings.

pub mod bank;
pub mod brief;
pub mod card;
pub mod drill;
mod outlook;
pub mod rating;
pub mod readiness;
pub mod staff;
mod timing;

pub use bank::{Question, QuestionBank, QuestionText, Topic, ANY};
pub use card::{card_questions, cue_card, CardQuestion, CueCard};
pub use drill::{spot_check, Drill, Prng};
pub use rating::{latest, record, unrecord, Rating, Rehearsal};
pub use readiness::{everyone, is_key_holder, person_readiness, problems, weakest_first, PersonReadiness, Presence};
