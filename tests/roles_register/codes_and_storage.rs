//! Stable codes and labels, custom roles however written, and the stored format (schema version 1).

use crate::support::{appoint, day, person, today, valid_register};
use audit_readiness::domain::persist::{decode, encode};
use audit_readiness::domain::roles::{Assignment, CompetenceKind, Person, Raci, Register, RoleKind, RESPONSIBILITIES};
use audit_readiness::domain::{Answer, Assessment, FindingKind, Severity};
use std::collections::BTreeSet;

#[test]
fn codes_and_labels_are_unique_and_round_trip() {
    let codes: BTreeSet<String> = RoleKind::STANDARD.iter().map(RoleKind::code).collect();
    let labels: BTreeSet<&str> = RoleKind::STANDARD.iter().map(RoleKind::label).collect();
    assert_eq!((codes.len(), labels.len()), (10, 10));
    for role in RoleKind::STANDARD {
        assert_eq!(RoleKind::from_code(&role.code()), Some(role.clone()));
    }
    let custom = RoleKind::Custom(" Data Protection | Lead ".into());
    assert_eq!(custom.code(), "custom-data-protection-lead");
    assert_eq!(custom.label(), "Data Protection | Lead");
    assert_eq!(RoleKind::from_code(&custom.code()), None);
    let rows: BTreeSet<&str> = RESPONSIBILITIES.iter().map(|r| r.code).collect();
    assert_eq!(rows.len(), RESPONSIBILITIES.len());
    for needed in [
        "conformance",
        "performance-reporting",
        "risk-assessment",
        "risk-acceptance",
        "incident-register",
        "awareness-training",
        "supplier-register",
        "internal-audit",
        "policy-approval",
        "management-review",
        "soa-sign-off",
    ] {
        assert!(rows.contains(needed), "{needed}");
    }
    for letter in Raci::ALL {
        assert_eq!(Raci::from_code(letter.code()), Some(letter));
    }
    let kinds = [
        FindingKind::RoleGap,
        FindingKind::AppointmentGap,
        FindingKind::RaciGap,
        FindingKind::SodConflict,
        FindingKind::CompetenceGap,
        FindingKind::ReportingLine,
    ];
    assert_eq!(kinds.iter().map(|k| k.code()).collect::<BTreeSet<_>>().len(), kinds.len());
    assert!(kinds.iter().all(|k| k.is_register() && !k.label().is_empty()));
    assert!(!FindingKind::Gap.is_register());
}

/// Custom role codes are stored as RASCI keys, so their Unicode lowercasing (done with a compact
/// table generated from the standard library's, to keep its full table out of the first load)
/// must match the standard library's for every character.
#[test]
fn custom_role_codes_lowercase_every_character_like_the_standard_library() {
    use audit_readiness::domain::case::push_lowercase;
    for c in (0..=0x10FFFF_u32).filter_map(char::from_u32) {
        let mut ours = String::new();
        push_lowercase(&mut ours, c);
        assert_eq!(ours, c.to_lowercase().collect::<String>(), "U+{:04X}", c as u32);
    }
    let custom = RoleKind::Custom("Ärztliche LEITUNG İstanbul ΣΟΦΙΑ · Δ2".into());
    assert_eq!(custom.code(), "custom-ärztliche-leitung-i\u{307}stanbul-σοφια-δ2");
}

/// Row, competence and severity labels are lowercased ASCII-only in findings and cue cards (so
/// the first load carries no Unicode case tables); a non-ASCII label would be mis-cased.
#[test]
fn labels_lowercased_in_sentences_are_ascii() {
    let severities = [Severity::Observation, Severity::Minor, Severity::Major].map(Severity::label);
    let rows = RESPONSIBILITIES.iter().map(|r| r.label);
    let kinds = CompetenceKind::ALL.map(CompetenceKind::label);
    for label in rows.chain(kinds).chain(severities) {
        assert!(label.is_ascii() && !label.is_empty(), "{label}");
    }
}

#[test]
fn a_register_round_trips_through_the_stored_format() {
    let mut a = Assessment::default();
    a.set_answer("C53-PRE-01", Answer::Yes, today());
    a.register = valid_register(today());
    a.register.add_assignment(appoint("a40", RoleKind::Custom("Privacy \"lead\"".into()), "p3", None, None, day(2026, 2, 1))).unwrap();
    let mut leaver = person("p40", "Lee Former", "Ex-CISO", day(2023, 1, 1), false);
    leaver.leaving_date = Some(day(2026, 9, 30));
    a.register.add_person(leaver).unwrap();
    let raw = encode(&a);
    assert!(raw.contains("\"schema_version\":1"));
    assert!(raw.contains("\"leaving_date\":\"2026-09-30\""), "dates are ISO text");
    assert_eq!(decode(&raw).unwrap(), a);
}

#[test]
fn the_v1_register_fixture_loads_and_round_trips() {
    let a = decode(include_str!("../fixtures/state-v1-register.json")).unwrap();
    let r = &a.register;
    assert_eq!(r.people.len(), 3);
    let sam = r.person("p3").unwrap();
    assert_eq!((sam.name.as_str(), sam.leaving_date), ("Sam Ortiz", Some(day(2026, 6, 30))));
    assert!(sam.has_left(today()));
    assert_eq!(r.assignment("a2").unwrap().role, RoleKind::SecurityManager);
    assert_eq!(r.assignment("a2").unwrap().backup.as_deref(), Some("p2"));
    assert_eq!(r.assignment("a4").unwrap().role, RoleKind::Custom("Privacy lead".into()));
    assert_eq!(r.raci("risk-acceptance", &RoleKind::TopManagement), Some(Raci::Accountable));
    assert_eq!(r.competence[0].renew_every_months, Some(12));
    assert_eq!(decode(&encode(&a)).unwrap(), a);
    // A state saved before the register existed still loads, with an empty register.
    let old = decode(include_str!("../fixtures/state-v1.json")).unwrap();
    assert_eq!(old.register, Register::default());
}

#[test]
fn a_register_with_a_bad_date_or_role_is_corrupt_not_dropped() {
    let raw = include_str!("../fixtures/state-v1-register.json");
    for broken in [raw.replace("2026-06-30", "2026-06-31"), raw.replace("\"security_manager\"", "\"chief_wizard\"")] {
        assert!(matches!(decode(&broken), Err(audit_readiness::domain::AppError::Corrupt(_))), "{broken}");
    }
}

#[test]
fn current_holders_match_a_custom_role_however_written_and_top_management_by_the_flag() {
    let mut r = Register::default();
    let start = day(2024, 1, 1);
    r.add_person(person("p1", "Ada", "CEO", start, true)).unwrap();
    r.add_person(person("p2", "Ben", "Privacy", start, false)).unwrap();
    r.add_person(Person { leaving_date: Some(day(2025, 1, 1)), ..person("p3", "Cara", "Privacy", start, false) }).unwrap();
    r.add_assignment(Assignment::new("a1", RoleKind::Custom("Data Protection Lead".into()), "p2")).unwrap();
    r.add_assignment(Assignment::new("a2", RoleKind::Custom("data protection lead".into()), "p3")).unwrap();
    let names = |role: RoleKind| r.current_holders(&role, today()).iter().map(|p| p.name.clone()).collect::<Vec<_>>();
    assert_eq!(names(RoleKind::Custom("DATA PROTECTION LEAD".into())), ["Ben"], "one role by its code; the leaver is not current");
    assert_eq!(names(RoleKind::TopManagement), ["Ada"], "flagged, with no top-management assignment");
    assert!(names(RoleKind::SecurityManager).is_empty());
}
