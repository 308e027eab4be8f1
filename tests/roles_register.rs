//! The register's data helpers: referential integrity on every edit, stable codes, the org
//! chart, reporting lines, and the stored format (schema version 1, with and without a register).

mod support;

use std::collections::BTreeSet;

use audit_readiness::domain::persist::{decode, encode};
use audit_readiness::domain::roles::{
    raci_key, reaches_top_management, reporting_tree, Assignment, CompetenceKind, Person, Raci, Register, RegisterError, RoleKind,
    RESPONSIBILITIES,
};
use audit_readiness::domain::{Answer, Assessment, FindingKind, Severity};
use support::{appoint, day, person, record, today, valid_register};

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
fn adding_refuses_duplicate_ids_and_dangling_references() {
    let mut r = valid_register(today());
    let dup = person("p1", "Someone", "x", day(2026, 1, 1), false);
    assert_eq!(r.add_person(dup), Err(RegisterError::DuplicateId("p1".into())));
    assert_eq!(r.add_person(Person::default()), Err(RegisterError::EmptyId));
    let orphan = Assignment::new("a50", RoleKind::RiskOwner, "p99");
    assert_eq!(r.add_assignment(orphan), Err(RegisterError::UnknownPerson("p99".into())));
    let mut bad_backup = Assignment::new("a50", RoleKind::RiskOwner, "p1");
    bad_backup.backup = Some("p77".into());
    assert_eq!(r.add_assignment(bad_backup), Err(RegisterError::UnknownPerson("p77".into())));
    let mut to_self = Assignment::new("a50", RoleKind::RiskOwner, "p3");
    to_self.reports_to = Some("p3".into());
    assert!(matches!(r.add_assignment(to_self), Err(RegisterError::ReportsToSelf { .. })));
    assert_eq!(r.add_competence(record("c50", "p99", None, today(), None)), Err(RegisterError::UnknownPerson("p99".into())));
    assert_eq!(r.add_competence(record("a1", "p1", None, today(), None)), Err(RegisterError::DuplicateId("a1".into())));
    assert_eq!(
        r.set_raci("coffee-rota", &RoleKind::TopManagement, Some(Raci::Accountable)),
        Err(RegisterError::UnknownResponsibility("coffee-rota".into()))
    );
    assert_eq!(r, valid_register(today()), "refused edits change nothing");
    assert_eq!(r.next_id("p"), "p6");
    assert_eq!(r.next_id("a"), "a13");
    assert_eq!(Register::default().next_id("c"), "c1");
}

#[test]
fn updates_and_removals_need_an_existing_entry() {
    let mut r = valid_register(today());
    assert_eq!(r.update_person(person("p9", "N", "t", today(), false)), Err(RegisterError::UnknownPerson("p9".into())));
    let mut ghost = r.assignment("a1").unwrap().clone();
    ghost.id = "a99".into();
    assert_eq!(r.update_assignment(ghost), Err(RegisterError::UnknownAssignment("a99".into())));
    assert_eq!(r.remove_assignment("a99"), Err(RegisterError::UnknownAssignment("a99".into())));
    assert_eq!(r.remove_competence("c99"), Err(RegisterError::UnknownCompetence("c99".into())));
    let removed = r.remove_assignment("a12").unwrap();
    assert_eq!(removed.role, RoleKind::InternalAuditor);
    assert!(r.assignment("a12").is_none());
    let mut c = r.competence[0].clone();
    c.kind = CompetenceKind::Certification;
    r.update_competence(c).unwrap();
    assert_eq!(r.competence[0].kind, CompetenceKind::Certification);
}

#[test]
fn a_leaving_date_before_the_start_date_is_refused_and_changes_nothing() {
    let mut r = valid_register(today());
    let before = r.clone();
    let mut dev = r.person("p4").unwrap().clone();
    let start = dev.start_date.unwrap();
    dev.leaving_date = start.pred_opt();
    let refused = r.update_person(dev.clone()).unwrap_err();
    assert_eq!(refused, RegisterError::LeavesBeforeStarting { name: "Dev Patel".into(), start, leaving: start.pred_opt().unwrap() });
    assert!(refused
        .to_string()
        .starts_with(&format!("Not saved: Dev Patel would leave on {}, before starting on {start}.", start.pred_opt().unwrap())));
    assert_eq!(r, before);
    // Leaving on the day they start is odd but possible (a cancelled hire): stored.
    dev.leaving_date = Some(start);
    r.update_person(dev).unwrap();
    assert_eq!(r.person("p4").unwrap().leaving_date, Some(start));
}

#[test]
fn removing_a_referenced_person_is_refused_with_every_reference_named() {
    let mut r = valid_register(today());
    let err = r.remove_person("p4").unwrap_err();
    let RegisterError::PersonInUse { uses, .. } = &err else { panic!("{err:?}") };
    assert!(uses.contains(&"holds the role Third-party manager".to_string()), "{uses:?}");
    assert!(uses.contains(&"deputy for Ben Lindqvist as Management review team member".to_string()), "{uses:?}");
    assert!(uses.contains(&"1 competence record".to_string()), "{uses:?}");
    let message = err.to_string();
    assert!(message.starts_with("Dev Patel is still named in the register: "), "{message}");
    assert!(message.contains("Removing them deletes their roles and records as well"), "{message}");
    assert!(message.contains("mark the person as having left"), "{message}");
    assert!(r.person("p4").is_some());
    // Someone who has left already is not told to mark it (founder pass).
    let mut dev = r.person("p4").unwrap().clone();
    dev.leaving_date = Some(day(2026, 11, 1));
    r.update_person(dev).unwrap();
    let message = r.remove_person("p4").unwrap_err().to_string();
    assert!(message.starts_with("Dev Patel has a leaving date but the register still names them: "), "{message}");
    assert!(message.contains("Give those roles and duties to someone who stays"), "{message}");
    // Someone nobody refers to goes straight away.
    r.add_person(person("p9", "Temp", "Intern", today(), false)).unwrap();
    assert_eq!(r.remove_person("p9").unwrap().name, "Temp");
}

#[test]
fn removing_a_person_with_references_cleans_every_reference() {
    let mut r = valid_register(today());
    let gone = r.remove_person_and_references("p2").unwrap();
    assert_eq!(gone.name, "Ben Lindqvist");
    assert!(r.person("p2").is_none());
    assert!(r
        .assignments
        .iter()
        .all(|a| a.person_id != "p2" && a.reports_to.as_deref() != Some("p2") && a.backup.as_deref() != Some("p2")));
    assert!(r.competence.iter().all(|c| c.person_id != "p2"));
    assert!(r.uses_of("p2").is_empty());
    // The role gaps this leaves are then reported honestly.
    let found: Vec<String> = audit_readiness::domain::roles::checks::assigned::problems(&r, today()).into_iter().map(|p| p.text).collect();
    assert!(found.iter().any(|t| t.contains("Information security manager")), "{found:?}");
    assert_eq!(r.remove_person_and_references("p2"), Err(RegisterError::UnknownPerson("p2".into())));
}

#[test]
fn raci_cells_are_sparse_and_can_be_cleared() {
    let mut r = Register::default();
    r.set_raci("internal-audit", &RoleKind::InternalAuditor, Some(Raci::Responsible)).unwrap();
    let custom = RoleKind::Custom("Privacy lead".into());
    r.set_raci("internal-audit", &custom, Some(Raci::Consulted)).unwrap();
    assert_eq!(r.raci.len(), 2);
    assert!(r.raci.contains_key("internal-audit|internal-auditor"));
    assert_eq!(raci_key("internal-audit", &custom), "internal-audit|custom-privacy-lead");
    assert_eq!(r.raci("internal-audit", &custom), Some(Raci::Consulted));
    assert_eq!(r.raci_roles("internal-audit", Raci::Responsible), vec!["internal-auditor".to_string()]);
    r.set_raci("internal-audit", &custom, None).unwrap();
    assert_eq!(r.raci.len(), 1);
    // Custom roles in use become extra columns after the ten built-in ones.
    r.add_person(person("p1", "Pia", "DPO", today(), false)).unwrap();
    r.add_assignment(Assignment::new("a1", custom.clone(), "p1")).unwrap();
    let columns = r.raci_columns();
    assert_eq!((columns.len(), columns.last()), (11, Some(&custom)));
    assert_eq!(r.role_label("custom-privacy-lead"), "Privacy lead");
}

#[test]
fn renaming_a_custom_role_takes_its_holders_competence_along_and_refuses_a_built_in_name() {
    use audit_readiness::domain::roles::{CompetenceRecord, RegisterError};
    let old = RoleKind::Custom("DPO".into());
    let mut r = Register::default();
    r.add_person(person("p1", "Pia", "Counsel", today(), false)).unwrap();
    r.add_assignment(Assignment::new("a1", old.clone(), "p1")).unwrap();
    let record = CompetenceRecord { id: "c1".into(), person_id: "p1".into(), role: Some(old.clone()), ..CompetenceRecord::default() };
    r.add_competence(record).unwrap();
    r.rename_custom_role("a1", "Privacy lead".into()).unwrap();
    assert_eq!(r.competence[0].role, Some(RoleKind::Custom("Privacy lead".into())), "the record follows the role");
    // A built-in role's name (in any case) is refused: it would look like that role without counting as it.
    assert_eq!(r.rename_custom_role("a1", " top MANAGEMENT ".into()), Err(RegisterError::BuiltInRoleName("top MANAGEMENT".into())));
    assert_eq!(r.assignment("a1").unwrap().role, RoleKind::Custom("Privacy lead".into()), "nothing changed");
    assert!(RegisterError::BuiltInRoleName("Top management".into()).to_string().contains("built-in roles"));
    // A custom role nobody has named yet still reads as something in every sentence.
    assert_eq!(RoleKind::Custom("  ".into()).label(), "Unnamed custom role");
}

#[test]
fn renaming_a_custom_role_moves_its_cells_only_when_nothing_else_keeps_them() {
    let old = RoleKind::Custom("Privacy lead".into());
    let renamed = RoleKind::Custom("Data protection lead".into());
    let mut r = Register::default();
    r.add_person(person("p1", "Pia", "DPO", today(), false)).unwrap();
    r.add_person(person("p2", "Per", "Counsel", today(), false)).unwrap();
    r.add_assignment(Assignment::new("a1", old.clone(), "p1")).unwrap();
    r.set_raci("internal-audit", &old, Some(Raci::Consulted)).unwrap();

    // Another assignment still holds the old name: its cells stay where they are.
    r.add_assignment(Assignment::new("a2", old.clone(), "p2")).unwrap();
    r.rename_custom_role("a1", "Data protection lead".into()).unwrap();
    assert_eq!(r.assignment("a1").unwrap().role, renamed);
    assert_eq!(r.raci("internal-audit", &old), Some(Raci::Consulted));
    assert_eq!(r.raci("internal-audit", &renamed), None);

    // The last holder renamed: the cells follow the name.
    r.rename_custom_role("a2", "Records lead".into()).unwrap();
    let records = RoleKind::Custom("Records lead".into());
    assert_eq!(r.raci("internal-audit", &old), None);
    assert_eq!(r.raci("internal-audit", &records), Some(Raci::Consulted));

    // A name that already has cells keeps them; nothing is overwritten.
    r.set_raci("internal-audit", &renamed, Some(Raci::Informed)).unwrap();
    r.rename_custom_role("a2", "Data protection lead".into()).unwrap();
    assert_eq!(r.raci("internal-audit", &renamed), Some(Raci::Informed));
    assert_eq!(r.rename_custom_role("nope", "X".into()), Err(RegisterError::UnknownAssignment("nope".into())));
}

#[test]
fn the_org_chart_lists_managers_before_their_reports_with_depths() {
    let r = valid_register(today());
    let tree = reporting_tree(&r, today());
    let rows: Vec<(&str, usize, Option<&str>)> = tree.iter().map(|n| (n.person_id.as_str(), n.depth, n.reports_to.as_deref())).collect();
    assert_eq!(rows, vec![("p1", 0, None), ("p2", 1, Some("p1")), ("p4", 2, Some("p2")), ("p3", 1, Some("p1")), ("p5", 1, Some("p1"))]);
    let ben = &tree[1];
    assert_eq!((ben.name.as_str(), ben.title.as_str()), ("Ben Lindqvist", "Head of Security"));
    assert_eq!(ben.roles[0], RoleKind::SecurityManager);
    assert_eq!(ben.roles.len(), 4);
}

#[test]
fn the_org_chart_leaves_out_leavers_and_survives_cycles() {
    let mut r = valid_register(today());
    let mut ada = r.person("p1").unwrap().clone();
    ada.leaving_date = Some(day(2026, 1, 1));
    r.update_person(ada).unwrap();
    // Ben and Cara now report to each other: a cycle with nobody on top.
    for (id, to) in [("a2", "p3"), ("a3", "p3"), ("a4", "p3"), ("a5", "p3"), ("a6", "p2"), ("a7", "p2"), ("a8", "p2")] {
        let mut a = r.assignment(id).unwrap().clone();
        a.reports_to = Some(to.into());
        r.update_assignment(a).unwrap();
    }
    let tree = reporting_tree(&r, today());
    let ids: BTreeSet<&str> = tree.iter().map(|n| n.person_id.as_str()).collect();
    assert_eq!(ids, ["p2", "p3", "p4", "p5"].into_iter().collect());
    assert_eq!(tree.len(), 4, "everyone exactly once");
    let roots: Vec<_> = tree.iter().filter(|n| n.depth == 0).collect();
    assert!(roots.iter().any(|n| n.reports_to.is_some()), "a cycle shows as a root that still reports to someone");
    assert!(!reaches_top_management(&r, "p2", today()));
    assert!(!reaches_top_management(&r, "p4", today()));
}

#[test]
fn someone_reporting_into_a_loop_hangs_under_it_rather_than_being_drawn_in_it() {
    let mut r = valid_register(today());
    // Ada (first in the register) reports to Ben; Ben and Cara report to each other.
    let lines = [("a1", "p2"), ("a2", "p3"), ("a3", "p3"), ("a4", "p3"), ("a5", "p3"), ("a6", "p2"), ("a7", "p2"), ("a8", "p2")];
    for (id, to) in lines {
        let mut a = r.assignment(id).unwrap().clone();
        a.reports_to = Some(to.into());
        r.update_assignment(a).unwrap();
    }
    let tree = reporting_tree(&r, today());
    let roots: Vec<&str> = tree.iter().filter(|n| n.depth == 0).map(|n| n.person_id.as_str()).collect();
    assert_eq!(roots, ["p2"], "the group starts on the loop");
    let ada = tree.iter().find(|n| n.person_id == "p1").unwrap();
    assert_eq!((ada.depth, ada.reports_to.as_deref()), (1, Some("p2")));
    assert_eq!(tree.len(), 5, "everyone exactly once");
}

#[test]
fn reaching_top_management_follows_any_of_a_persons_lines() {
    let mut r = valid_register(today());
    assert!(reaches_top_management(&r, "p1", today()), "top management reaches itself");
    assert!(reaches_top_management(&r, "p4", today()), "Dev -> Ben -> Ada");
    assert!(!reaches_top_management(&r, "p99", today()));
    // Cut Dev's line to Ben on one role only: the other role still carries it.
    let mut a = r.assignment("a9").unwrap().clone();
    a.reports_to = None;
    r.update_assignment(a).unwrap();
    assert!(reaches_top_management(&r, "p4", today()));
    for id in ["a10", "a11"] {
        let mut a = r.assignment(id).unwrap().clone();
        a.reports_to = None;
        r.update_assignment(a).unwrap();
    }
    assert!(!reaches_top_management(&r, "p4", today()));
    // A person who has left reaches nobody.
    let mut ben = r.person("p2").unwrap().clone();
    ben.leaving_date = Some(day(2026, 11, 1));
    r.update_person(ben).unwrap();
    assert!(!reaches_top_management(&r, "p2", today()));
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
    let a = decode(include_str!("fixtures/state-v1-register.json")).unwrap();
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
    let old = decode(include_str!("fixtures/state-v1.json")).unwrap();
    assert_eq!(old.register, Register::default());
}

#[test]
fn a_register_with_a_bad_date_or_role_is_corrupt_not_dropped() {
    let raw = include_str!("fixtures/state-v1-register.json");
    for broken in [raw.replace("2026-06-30", "2026-06-31"), raw.replace("\"security_manager\"", "\"chief_wizard\"")] {
        assert!(matches!(decode(&broken), Err(audit_readiness::domain::AppError::Corrupt(_))), "{broken}");
    }
}

#[test]
fn a_person_added_after_a_removal_never_inherits_interview_ratings() {
    use audit_readiness::domain::interview::{self, Rating};
    let mut a = Assessment { register: valid_register(today()), ..Assessment::default() };
    a.rehearsals = support::confident_rehearsals(today());
    let fay = a.add_person().unwrap();
    assert_eq!(fay, "p6");
    interview::record(&mut a.rehearsals, &fay, "IQ-ANY-POLICY", Rating::Confident, today());
    assert_eq!(a.remove_person(&fay, false).unwrap().id, fay);
    assert!(a.rehearsals.iter().all(|r| r.person_id != fay), "their ratings leave with them");
    // A log saved before ratings left with their person may still name a removed one: the
    // newcomer gets an id that log does not use.
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-POLICY", Rating::Confident, today());
    assert_eq!(a.add_person().unwrap(), "p7");

    // Refused while still referenced: nothing changes, ratings included.
    let before = a.clone();
    assert!(matches!(a.remove_person("p3", false), Err(RegisterError::PersonInUse { .. })));
    assert_eq!(a, before);
    // With their references: Cara's ratings go, everybody else's stay.
    a.remove_person("p3", true).unwrap();
    let rated: BTreeSet<&str> = a.rehearsals.iter().map(|r| r.person_id.as_str()).collect();
    assert_eq!(rated, BTreeSet::from(["p1", "p2", "p6"]));
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

#[test]
fn handing_a_role_over_clears_the_previous_holders_appointment_and_can_be_undone() {
    let mut r = valid_register(today());
    r.add_person(person("p6", "Fay Ortiz", "Security lead", day(2026, 11, 1), false)).unwrap();
    let (before, note) = r.hand_over("a2", "p6", false).unwrap();
    let now = r.assignment("a2").unwrap();
    assert_eq!((now.person_id.as_str(), now.role.clone()), ("p6", RoleKind::SecurityManager));
    assert_eq!(
        (now.appointment_evidence.as_str(), now.appointed_on, now.authority_granted),
        ("", None, false),
        "Ben's letter is not Fay's"
    );
    assert_eq!((now.reports_to.as_deref(), now.backup.as_deref()), (Some("p1"), Some("p3")), "the line and the deputy stay");
    assert_eq!(
        note.as_deref(),
        Some("The appointment record, its date and the authority were Ben Lindqvist's appointment, so they were cleared: record Fay Ortiz's own.")
    );
    // The register's check now asks for Fay's record; putting the old assignment back undoes it.
    let problems = audit_readiness::domain::roles::checks::problems("REG-APPOINTMENT-EVIDENCE", &r, today()).unwrap();
    assert!(problems.iter().any(|p| p.text.starts_with("Fay Ortiz")), "{problems:?}");
    r.update_assignment(before.clone()).unwrap();
    assert_eq!(r.assignment("a2"), Some(&before));
    // Handed to the deputy: the deputy is cleared too, and said. To the same holder: nothing changes.
    let (_, note) = r.hand_over("a2", "p3", false).unwrap();
    assert_eq!(r.assignment("a2").unwrap().backup, None);
    assert!(note.unwrap().ends_with("“Deputy” was cleared: a role holder cannot be their own deputy."));
    let same = r.assignment("a2").cloned().unwrap();
    assert_eq!(r.hand_over("a2", "p3", false).unwrap().1, None);
    assert_eq!(r.assignment("a2"), Some(&same));
    assert!(r.hand_over("a2", "nobody", false).is_err(), "an unknown person is refused");
    // A line just added keeps the record typed on it for the holder still to be picked.
    let mut fresh = Assignment::new("a30", RoleKind::ThirdPartyManager, "p1");
    fresh.appointment_evidence = "Board minutes 12".into();
    r.add_assignment(fresh).unwrap();
    assert_eq!(r.hand_over("a30", "p4", true).unwrap().1, None);
    assert_eq!(r.assignment("a30").unwrap().appointment_evidence, "Board minutes 12");
    assert_eq!(r.assignment("a2"), Some(&same));
}

#[test]
fn a_person_without_a_name_is_told_apart_by_the_number_the_register_gave() {
    // Founder pass of stop 52: a new card read "Unnamed person (p1)".
    let start = support::day(2025, 1, 6);
    assert_eq!(support::person("p12", " ", "Engineer", start, false).display_name(), "Unnamed person 12");
    assert_eq!(support::person("x7", "", "Engineer", start, false).display_name(), "Unnamed person (x7)");
    assert_eq!(support::person("p", "", "Engineer", start, false).display_name(), "Unnamed person (p)");
    assert_eq!(support::person("p3", " Ada ", "Engineer", start, false).display_name(), "Ada");
    // A direction override left open in a name is not shown (export pass of stop 52: the app's
    // own words after it read backwards).
    assert_eq!(support::person("p4", "Ben \u{202E}Lindqvist", "Engineer", start, false).display_name(), "Ben Lindqvist");
    assert_eq!(support::person("p5", "בן לינדקוויסט", "Engineer", start, false).display_name(), "בן לינדקוויסט");
}
