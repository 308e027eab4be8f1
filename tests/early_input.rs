//! Answers chosen on the pre-rendered page before the app loaded are carried over.

use audit_readiness::domain::early_input::apply_early_input;
use audit_readiness::domain::{Answer, Assessment, Catalog};
use chrono::NaiveDate;

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter().map(|(a, b)| (a.to_string(), b.to_string())).collect()
}

#[test]
fn answers_of_answerable_items_are_taken() {
    let catalog = Catalog::builtin();
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut assessment = Assessment::default();
    let taken =
        apply_early_input(&mut assessment, catalog, &pairs(&[("C53-PRE-01-answer", "yes"), ("C53-PRE-02-answer", "not_sure")]), today);
    assert_eq!(taken, 2);
    assert_eq!(assessment.answer_of("C53-PRE-01"), Some(Answer::Yes));
    assert_eq!(assessment.answer_of("C53-PRE-02"), Some(Answer::NotSure));
}

#[test]
fn unknown_items_derived_items_bad_codes_and_other_controls_are_ignored() {
    let catalog = Catalog::builtin();
    let derived = catalog.items.iter().find(|i| i.is_derived()).expect("a derived item").id;
    let today = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let mut assessment = Assessment::default();
    let entries = pairs(&[
        ("NOPE-01-answer", "yes"),
        (&format!("{derived}-answer"), "yes"),
        ("C53-PRE-01-answer", "maybe"),
        ("C53-PRE-01-note", "a note"),
        ("gaps-only", "on"),
    ]);
    assert_eq!(apply_early_input(&mut assessment, catalog, &entries, today), 0);
    assert_eq!(assessment, Assessment::default());
}
