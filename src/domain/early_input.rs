//! Answers given before the app has loaded. The release build's page carries the first view as
//! plain HTML (see `scripts/prerender.mjs`), so a visitor can read and answer while the wasm is
//! still on its way. At start the UI reads that form's chosen answers, as (control name, value)
//! pairs, and hands them here: only answers of items the user answers are taken; anything else
//! (unknown items, derived items, unknown answer codes, other controls) is ignored. Notes are not
//! among them: their text boxes are made by the app when a note is opened.

use chrono::NaiveDate;

use super::assessment::{Answer, Assessment};
use super::catalog::Catalog;

/// Applies the form's entries; returns how many were taken.
pub fn apply_early_input(assessment: &mut Assessment, catalog: &Catalog, entries: &[(String, String)], today: NaiveDate) -> usize {
    let answerable = |id: &str| catalog.item(id).filter(|item| !item.is_derived()).map(|item| item.id);
    let mut taken = 0;
    for (control, value) in entries {
        if let Some(item) = control.strip_suffix("-answer").and_then(answerable) {
            if let Some(answer) = Answer::ALL.into_iter().find(|a| a.code() == value) {
                assessment.set_answer(item, answer, today);
                taken += 1;
            }
        }
    }
    taken
}
