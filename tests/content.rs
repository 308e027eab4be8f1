//! The embedded question bank is valid: unique IDs, references resolve, every seed section is covered.

mod support;

use audit_readiness::domain::Catalog;

#[test]
fn builtin_content_has_no_problems() {
    let catalog = Catalog::builtin();
    assert_eq!(catalog.validate(), Vec::<String>::new());
    assert!(catalog.version >= 1);
}

#[test]
fn pre_audit_checklist_has_the_eight_checks_in_order() {
    let catalog = Catalog::builtin();
    let ids: Vec<&str> = catalog.items_in("c53-preaudit").map(|i| i.id).collect();
    let expected: Vec<String> = (1..=8).map(|n| format!("C53-PRE-0{n}")).collect();
    assert_eq!(ids, expected);
    for item in catalog.items_in("c53-preaudit") {
        assert!(item.reference.starts_with("Clause 5.3"), "{}", item.id);
        assert!(item.question.ends_with('?'), "{} question should be a question", item.id);
    }
}

use audit_readiness::domain::catalog::{Area, Item, RealityCheck, SeedSection, Severity, Source};

/// A minimal answered item for validation tests.
const fn item(id: &'static str, area: &'static str, covers: &'static [&'static str]) -> Item {
    support::test_item(id, area, covers, Source::Answered)
}

#[test]
fn validation_reports_duplicates_dangling_references_and_uncovered_sections() {
    static SECTIONS: [SeedSection; 2] =
        [SeedSection { id: "s1", seed: "000", title: "one" }, SeedSection { id: "s2", seed: "000", title: "two" }];
    static AREAS: [Area; 2] = [
        Area { id: "a", title: "A", reference: "Clause 5.3", summary: "s" },
        Area { id: "empty", title: "E", reference: "Clause 5.3", summary: "s" },
    ];
    static ITEMS: [Item; 14] = [
        item("X", "a", &["s1"]),
        Item { finding: Severity::Observation, recurring: true, ..item("V", "a", &["s1"]) },
        item("X", "nope", &["s1"]),
        item("Y", "a", &["s9"]),
        Item { id: "W", owner: "cfo", ..item("W", "a", &["s1"]) },
        // A statement of no document, and one of a recurring activity's record.
        Item { in_text: true, ..item("T", "a", &["s1"]) },
        Item { in_text: true, within: Some("V"), ..item("U", "a", &["s1"]) },
        // A record of nothing in particular.
        Item { proves_within: true, ..item("P", "a", &["s1"]) },
        // The only sign of its shortfall.
        Item { raised_as_one: Some("alone"), ..item("R", "a", &["s1"]) },
        // A core practice an auditor would raise only as an observation.
        Item { core: true, finding: Severity::Observation, ..item("C", "a", &["s1"]) },
        // A function's question graver than the function's vacancy.
        Item { needs_role: Some("internal-auditor"), finding: Severity::Major, ..item("N", "a", &["s1"]) },
        // An instance of a process no question asks about.
        Item { instance_of: Some("GONE"), ..item("I", "a", &["s1"]) },
        // A document that would have to consider a review's results.
        Item { considers: Some("V"), ..item("K", "a", &["s1"]) },
        // A document no statement is within.
        Item { holds_statements: true, ..item("H", "a", &["s1"]) },
    ];
    const fn check(id: &'static str, claim_item: &'static str, proof_item: &'static str) -> RealityCheck {
        RealityCheck { id, reference: "A 5.4", topic: "t", trap: "t", reality: "r", claim_item, proof_item, no_event_shown_by: None }
    }
    // RC2's proof (an observation) weighs less than a claim without proof does.
    static CHECKS: [RealityCheck; 3] =
        [check("RC", "X", "Z"), check("RC2", "X", "V"), RealityCheck { no_event_shown_by: Some("GONE"), ..check("RC3", "X", "Y") }];
    let catalog = support::catalog_of(&SECTIONS, &AREAS, &ITEMS, &CHECKS);
    let problems = catalog.validate();
    for expected in [
        "duplicate id X",
        "X: unknown area nope",
        "Y: unknown seed section s9",
        "seed section s2 is covered by no item",
        "RC: unknown item Z",
        "area empty has no items",
        "W: unknown owner role cfo",
        "RC2: the proof must be at least minor and at least as severe as the claim",
        "RC3: unknown item GONE",
        "V: only a question renewed monthly, quarterly or yearly can be a recurring activity",
        "T: in_text needs `within` a question that asks for a document, not a recurring activity",
        "U: in_text needs `within` a question that asks for a document, not a recurring activity",
        "P: proves_within needs `within` the question whose yes it proves",
        "R: raised_as_one needs an answered question, not a statement of a document, with another of its shortfall",
        "C: core needs an answered question raised as a minor",
        "N: needs_role names one of the register's other functions, on a question raised as a minor",
        "I: instance_of names an answered question at least as grave, on a register item",
        "K: considers needs a recurring activity naming another one",
        "H: holds_statements needs a document that statements (in_text) are within",
    ] {
        assert!(problems.contains(&expected.to_string()), "{expected} not in {problems:?}");
    }
}

#[test]
fn every_reality_check_pairs_a_claim_with_a_proof_in_the_reality_area() {
    let catalog = Catalog::builtin();
    assert_eq!(catalog.reality_checks.len(), 8);
    for check in catalog.reality_checks {
        let claim = catalog.item(check.claim_item).unwrap();
        let proof = catalog.item(check.proof_item).unwrap();
        assert_eq!((claim.area, proof.area), ("a54-reality", "a54-reality"), "{}", check.id);
    }
}

#[test]
fn annex_a_5_4_controls_state_both_minimum_and_full_implementation() {
    let catalog = Catalog::builtin();
    let controls: Vec<_> = catalog.items_in("a54-controls").collect();
    assert_eq!(controls.len(), 10);
    assert!(controls.iter().all(|c| c.minimum.is_some() && c.full.is_some()));
}

#[test]
fn the_scaled_bench_catalogue_is_valid_and_ten_times_larger() {
    let real = Catalog::builtin();
    let large = real.scaled(10);
    assert_eq!(large.items.len(), real.items.len() * 10);
    assert_eq!(large.reality_checks.len(), real.reality_checks.len() * 10);
    assert_eq!(large.validate(), Vec::<String>::new());
    assert!(large.items.len() >= 1000);
}

#[test]
fn validation_reports_same_as_links_that_cannot_be_one_requirement() {
    use audit_readiness::domain::Severity;
    const fn register(id: &'static str, same_as: &'static str) -> Item {
        Item { same_as: Some(same_as), ..support::test_item(id, "a", &["s1"], Source::Register) }
    }
    static SECTIONS: [SeedSection; 1] = [SeedSection { id: "s1", seed: "000", title: "one" }];
    static AREAS: [Area; 1] = [Area { id: "a", title: "A", reference: "Clause 5.3", summary: "s" }];
    static ITEMS: [Item; 9] = [
        item("Q", "a", &["s1"]),
        Item { reference: "A 5.3", ..item("ANNEX", "a", &["s1"]) },
        Item { finding: Severity::Observation, ..item("OBS", "a", &["s1"]) },
        register("R1", "Q"),
        register("R2", "Q"),
        register("R3", "NOPE"),
        register("R4", "ANNEX"),
        register("R5", "OBS"),
        Item { same_as: Some("OBS"), ..item("ASKED", "a", &["s1"]) },
    ];
    let catalog = support::catalog_of(&SECTIONS, &AREAS, &ITEMS, &[]);
    let problems = catalog.validate();
    for expected in [
        "R2: Q is already the same as another register item",
        "R3: same as unknown item NOPE",
        "R4: ANNEX must be an answered clause question of the same severity",
        "R5: OBS must be an answered clause question of the same severity",
        "ASKED: only a register item can be the same as a question",
    ] {
        assert!(problems.contains(&expected.to_string()), "{expected} not in {problems:?}");
    }
    assert!(!problems.iter().any(|p| p.starts_with("R1:") && p.contains("same")), "{problems:?}");
}

#[test]
fn validation_reports_within_links_that_cannot_hold_a_narrower_gap() {
    use audit_readiness::domain::Severity;
    const fn within(id: &'static str, broader: &'static str) -> Item {
        Item { within: Some(broader), ..item(id, "a", &["s1"]) }
    }
    static SECTIONS: [SeedSection; 1] = [SeedSection { id: "s1", seed: "000", title: "one" }];
    static AREAS: [Area; 1] = [Area { id: "a", title: "A", reference: "Clause 5.3", summary: "s" }];
    static ITEMS: [Item; 11] = [
        item("BROAD", "a", &["s1"]),
        Item { reference: "A 5.3", ..item("ANNEX", "a", &["s1"]) },
        Item { finding: Severity::Observation, ..item("OBS", "a", &["s1"]) },
        within("OK", "BROAD"),
        within("NOPE", "MISSING"),
        within("UNDER-ANNEX", "ANNEX"),
        Item { reference: "A 5.4", ..within("ANNEX-IN-ANNEX", "ANNEX") },
        Item { finding: Severity::Major, ..within("GRAVER", "BROAD") },
        within("NESTED", "OK"),
        within("SELF", "SELF"),
        Item { within: Some("BROAD"), ..support::test_item("DERIVED", "a", &["s1"], Source::Register) },
    ];
    let catalog = support::catalog_of(&SECTIONS, &AREAS, &ITEMS, &[]);
    let problems = catalog.validate();
    let wrong_broader = |id: &str, broader: &str| {
        format!(
            "{id}: {broader} must be another answered question (a clause question for a clause question), at least as severe \
             and within none"
        )
    };
    for expected in [
        "NOPE: within unknown item MISSING".to_string(),
        wrong_broader("UNDER-ANNEX", "ANNEX"),
        wrong_broader("GRAVER", "BROAD"),
        wrong_broader("NESTED", "OK"),
        wrong_broader("SELF", "SELF"),
        "DERIVED: only a question no register check stands in for can be within another".to_string(),
    ] {
        assert!(problems.contains(&expected), "{expected} not in {problems:?}");
    }
    assert!(!problems.iter().any(|p| p.starts_with("OK:") || p.starts_with("BROAD:") || p.starts_with("ANNEX-IN-ANNEX:")), "{problems:?}");
    // The built-in links are valid, and each names a broader question of this catalogue.
    let builtin = Catalog::builtin();
    assert!(builtin.validate().is_empty());
    assert!(builtin.within_pairs().count() >= 20);
}

#[test]
fn only_a_question_can_ask_for_a_role_and_only_a_required_one() {
    static SECTIONS: [SeedSection; 1] = [SeedSection { id: "s1", seed: "000", title: "one" }];
    static AREAS: [Area; 1] = [Area { id: "a", title: "A", reference: "Clause 5.3", summary: "s" }];
    static ITEMS: [Item; 4] = [
        Item { asks_role: Some("isms-conformance"), ..item("OK", "a", &["s1"]) },
        Item { asks_role: Some("risk-owner"), ..item("NOT-REQUIRED", "a", &["s1"]) },
        Item { asks_role: Some("no-such-role"), ..item("UNKNOWN", "a", &["s1"]) },
        Item { asks_role: Some("security-manager"), ..support::test_item("DERIVED", "a", &["s1"], Source::Register) },
    ];
    let catalog = support::catalog_of(&SECTIONS, &AREAS, &ITEMS, &[]);
    let problems = catalog.validate();
    let message = |id: &str| format!("{id}: only a question can ask for a role, and only for one the ISMS cannot run without");
    for id in ["NOT-REQUIRED", "UNKNOWN", "DERIVED"] {
        assert!(problems.contains(&message(id)), "{id} not in {problems:?}");
    }
    assert!(!problems.contains(&message("OK")), "{problems:?}");
}

#[test]
fn only_a_question_can_ask_about_top_management_s_interview_readiness() {
    static SECTIONS: [SeedSection; 1] = [SeedSection { id: "s1", seed: "000", title: "one" }];
    static AREAS: [Area; 1] = [Area { id: "a", title: "A", reference: "Clause 5.3", summary: "s" }];
    static ITEMS: [Item; 3] = [
        Item { interview_of: Some("top-management"), ..item("OK", "a", &["s1"]) },
        Item { interview_of: Some("risk-owner"), ..item("OTHER-GROUP", "a", &["s1"]) },
        Item { interview_of: Some("top-management"), ..support::test_item("DERIVED", "a", &["s1"], Source::Interviews) },
    ];
    let catalog = support::catalog_of(&SECTIONS, &AREAS, &ITEMS, &[]);
    let problems = catalog.validate();
    let message = |id: &str| format!("{id}: only a question can ask about top management's interview readiness");
    assert!(problems.contains(&message("OTHER-GROUP")) && problems.contains(&message("DERIVED")), "{problems:?}");
    assert!(!problems.contains(&message("OK")), "{problems:?}");
}

#[test]
fn a_staff_question_is_tested_only_by_interview_questions_asked_of_anyone() {
    static SECTIONS: [SeedSection; 1] = [SeedSection { id: "s1", seed: "000", title: "one" }];
    static AREAS: [Area; 1] = [Area { id: "a", title: "A", reference: "Clause 5.3", summary: "s" }];
    static ITEMS: [Item; 4] = [
        Item { rehearsed_in: &["IQ-ANY-DUTIES"], ..item("OK", "a", &["s1"]) },
        Item { rehearsed_in: &["IQ-ANY-DUTIES", "IQ-NOPE"], ..item("UNKNOWN", "a", &["s1"]) },
        Item { rehearsed_in: &["IQ-TM-DUTIES"], ..item("KEY-ROLE-ONLY", "a", &["s1"]) },
        Item { rehearsed_in: &["IQ-ANY-DUTIES"], ..support::test_item("DERIVED", "a", &["s1"], Source::Register) },
    ];
    let catalog = support::catalog_of(&SECTIONS, &AREAS, &ITEMS, &[]);
    let problems = catalog.validate();
    let message = |id: &str| format!("{id}: rehearsed_in names only interview questions asked of anyone, on a question");
    for id in ["UNKNOWN", "KEY-ROLE-ONLY", "DERIVED"] {
        assert!(problems.contains(&message(id)), "{id} not in {problems:?}");
    }
    assert!(!problems.contains(&message("OK")), "{problems:?}");
}

#[test]
fn the_cheap_scope_tests_agree_with_their_reasons() {
    // `excludable` and `rests_on_clause` run on every answer without allocating; the reason and
    // the clause list are what views and reports show. They must say the same for every item.
    for item in Catalog::builtin().items {
        assert_eq!(item.excludable(), item.not_excludable_because().is_none(), "{}", item.id);
        assert_eq!(item.rests_on_clause(), !item.clause_references().is_empty(), "{}", item.id);
    }
}

#[test]
fn lookups_by_id_find_what_a_scan_finds() {
    // `Catalog::item` and `check_proved_by` search the id tables `build.rs` writes (and
    // `Catalog::scaled` builds) instead of scanning: whatever a scan finds, they find.
    let builtin = Catalog::builtin();
    let scaled = builtin.scaled(3);
    let bare = Catalog { item_order: &[], proof_order: &[], ..builtin.clone() };
    for catalog in [builtin, &scaled, &bare] {
        for item in catalog.items {
            assert!(catalog.item(item.id).is_some_and(|found| std::ptr::eq(found, item)), "{}", item.id);
            let scanned = catalog.reality_checks.iter().find(|c| c.proof_item == item.id);
            assert_eq!(catalog.check_proved_by(item.id).map(|c| c.id), scanned.map(|c| c.id), "{}", item.id);
        }
        for missing in ["", "A", "zzz", "C53-PRE-0", "C53-PRE-010", "C53-PRE-01 "] {
            assert!(catalog.item(missing).is_none() && catalog.check_proved_by(missing).is_none(), "{missing:?}");
        }
    }
    assert_eq!((builtin.item_order.len(), builtin.proof_order.len()), (builtin.items.len(), builtin.reality_checks.len()));
    assert_eq!((scaled.item_order.len(), scaled.proof_order.len()), (scaled.items.len(), scaled.reality_checks.len()));
    assert!(builtin.reality_checks.iter().any(|c| builtin.check_proved_by(c.proof_item).is_some()));
}
