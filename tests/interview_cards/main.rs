//! Cue cards come from the register, not a generic list: roles, RASCI rows held as Responsible or
//! Accountable, evidence already on file and open findings; people without roles get the
//! generic-employee card. Rehearsal runs weakest first, and the spot-check drill is seeded.

#[path = "../support/mod.rs"]
mod support;

mod card_contents;
mod questions;
mod rehearsal;

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::interview::{cue_card, CueCard, QuestionBank};
use audit_readiness::domain::{Assessment, Catalog};
use support::{today, valid_register};

fn card(a: &Assessment, person_id: &str) -> CueCard {
    let catalog = Catalog::builtin();
    let findings = all_findings(catalog, a, today());
    cue_card(QuestionBank::builtin(), a, &findings, person_id, today()).expect(person_id)
}

fn ids(card: &CueCard) -> Vec<&'static str> {
    card.question_ids()
}

fn with_register() -> Assessment {
    Assessment { register: valid_register(today()), ..Assessment::default() }
}
