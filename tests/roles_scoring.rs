//! Register items in the catalogue and the score: derived, never answered; one finding per item
//! at the item's severity and full cost; an empty register is honestly not ready; every lost
//! point is still explained by exactly one finding.

mod support;

use audit_readiness::domain::catalog::{Area, Item, RealityCheck, SeedSection, Source};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::points::weight;
use audit_readiness::domain::roles::{Raci, Register, RoleKind, RESPONSIBILITIES};
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, Points, Severity, Verdict};
use support::{all, day, today, valid_register, Rng};

const REGISTER_ITEMS: [(&str, Severity); 10] = [
    ("REG-ROLES-ASSIGNED", Severity::Major),
    ("REG-FUNCTIONS-ASSIGNED", Severity::Minor),
    ("REG-CURRENT-HOLDERS", Severity::Minor),
    ("REG-APPOINTMENT-EVIDENCE", Severity::Minor),
    ("REG-AUTHORITY", Severity::Minor),
    ("REG-DEPUTIES", Severity::Observation),
    ("REG-RACI", Severity::Minor),
    ("REG-SOD", Severity::Minor),
    ("REG-COMPETENCE", Severity::Minor),
    ("REG-REPORTING-LINE", Severity::Minor),
];

#[test]
fn the_register_area_holds_the_ten_derived_items() {
    let catalog = Catalog::builtin();
    let area = catalog.area("c53-register").unwrap();
    assert_eq!(area.reference, "Clause 5.3, A 5.2, A 5.3");
    let items: Vec<(&str, Severity)> = catalog.items_in("c53-register").map(|i| (i.id, i.finding)).collect();
    assert_eq!(items, REGISTER_ITEMS.to_vec());
    for item in catalog.items_in("c53-register") {
        assert_eq!(item.source, Source::Register, "{}", item.id);
        assert!(item.question.ends_with('?'), "{}", item.id);
        assert!(item.covers.iter().all(|s| s.starts_with("s000-") || s.starts_with("s001-")), "{}", item.id);
    }
    assert!(catalog.items.iter().filter(|i| i.area != "c53-register").all(|i| i.source != Source::Register));
    assert_eq!(catalog.validate(), Vec::<String>::new());
}

#[test]
fn validation_rejects_register_items_without_a_check_or_used_as_reality_checks() {
    static SECTIONS: [SeedSection; 1] = [SeedSection { id: "s1", seed: "000", title: "one" }];
    static AREAS: [Area; 1] = [Area { id: "a", title: "A", reference: "Clause 5.3", summary: "s" }];
    const fn item(id: &'static str, source: Source) -> Item {
        support::test_item(id, "a", &["s1"], source)
    }
    static ITEMS: [Item; 3] = [item("REG-NOPE", Source::Register), item("REG-RACI", Source::Register), item("X", Source::Answered)];
    static CHECKS: [RealityCheck; 1] = [RealityCheck {
        id: "RC",
        reference: "A 5.4",
        topic: "t",
        trap: "t",
        reality: "r",
        claim_item: "X",
        proof_item: "REG-RACI",
        no_event_shown_by: None,
    }];
    let catalog = support::catalog_of(&SECTIONS, &AREAS, &ITEMS, &CHECKS);
    let problems = catalog.validate();
    assert!(problems.contains(&"REG-NOPE: register item without a register check".to_string()), "{problems:?}");
    assert!(problems.contains(&"RC: register item REG-RACI cannot be a claim or a proof".to_string()), "{problems:?}");
    assert_eq!(problems.len(), 2, "{problems:?}");
}

fn finding_of<'a>(findings: &'a [audit_readiness::domain::findings::Finding], id: &str) -> &'a audit_readiness::domain::findings::Finding {
    findings.iter().find(|f| f.item_id == id).expect(id)
}

#[test]
fn an_empty_register_fails_every_register_item_and_is_not_ready() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register = Register::default();
    let findings = all_findings(catalog, &a, today());
    // With nobody in a key role, nobody is interview-ready either (C53-PRE-06 is derived too).
    assert_eq!(findings.iter().filter(|f| f.kind.is_register()).count(), REGISTER_ITEMS.len());
    // A "yes" to a question asking for a role the register shows nobody holding is not in place,
    // part of the register's finding (founder pass of stop 43: it earned its points).
    let asking: Vec<&str> = catalog.items.iter().filter(|i| i.asks_role.is_some()).map(|i| i.id).collect();
    assert_eq!(asking.len(), 2);
    for id in &asking {
        let f = finding_of(&findings, id);
        assert_eq!(
            (f.kind, f.cost, f.part_of.map(|p| p.item_id)),
            (audit_readiness::domain::FindingKind::Gap, weight(catalog.item(id).unwrap().finding), Some("REG-ROLES-ASSIGNED")),
            "{id}"
        );
        // In the register's words, which the card then does not repeat.
        assert!(f.explanation.contains("Answered yes, but the roles register names nobody who holds this role today"), "{}", f.explanation);
        assert!(f.explanation.ends_with("so this counts as not in place until it does."), "{}", f.explanation);
    }
    assert_eq!(findings.len(), REGISTER_ITEMS.len() + 1 + asking.len());
    assert!(findings.iter().any(|f| f.item_id == "C53-PRE-06"));
    for (id, severity) in REGISTER_ITEMS {
        let f = findings.iter().find(|f| f.item_id == id).expect(id);
        assert_eq!(f.severity, severity, "{id}");
        assert_eq!(f.area_cost(), weight(severity), "{id} costs the whole item in its area");
        assert_eq!(f.id, format!("{}:{id}", f.kind.code()));
        assert!(f.kind.is_register());
    }
    let s = compute(catalog, &a, &findings);
    assert_eq!(s.verdict, Verdict::NotReady);
    assert_eq!(s.progress.unanswered(), 0, "register items are worked out, never left open");
    let area = s.areas.iter().find(|x| x.area_id == "c53-register").unwrap();
    assert_eq!((area.percent, area.progress.questions, area.progress.worked_out), (0, 0, REGISTER_ITEMS.len()));
    // The questions that ask for the same as a check were answered yes, so each check carries
    // its points: everything the derived items are worth is lost. What cannot be judged with
    // nobody in any role (interview readiness, the reporting line, appointments, authority,
    // competence, leavers, duty conflicts, deputies) is part of that gap, not a nonconformity of
    // its own, and so are the other functions and the empty RASCI matrix: an empty register is
    // one major, as an auditor raises it against Clause 5.3 (auditor probe: a major and two minors).
    assert!(findings.iter().all(|f| f.counted_with.is_none()));
    let mut part_of: Vec<_> = findings.iter().filter_map(|f| Some((f.item_id, f.part_of?.item_id))).collect();
    part_of.sort_by_key(|(id, _)| !id.starts_with("C53"));
    let follows = [
        "C53-MAND-01",
        "C53-MAND-02",
        "C53-PRE-06",
        "REG-APPOINTMENT-EVIDENCE",
        "REG-AUTHORITY",
        "REG-COMPETENCE",
        "REG-CURRENT-HOLDERS",
        "REG-FUNCTIONS-ASSIGNED",
        "REG-RACI",
        "REG-REPORTING-LINE",
        "REG-SOD",
        "REG-DEPUTIES",
    ];
    assert_eq!(part_of, follows.map(|id| (id, "REG-ROLES-ASSIGNED")));
    // The checks about role holders say they cannot be shown yet, not the gap they look for
    // ("Duty conflict" for an empty register); the gaps raised say what they are, and so do the
    // checks that name a role nobody holds or the empty matrix.
    let named = ["REG-REPORTING-LINE", "REG-FUNCTIONS-ASSIGNED", "REG-RACI"];
    for f in &findings {
        let expected = match follows.contains(&f.item_id) && f.kind.is_register() && !named.contains(&f.item_id) {
            true => "Cannot be shown yet",
            false => f.kind.label(),
        };
        assert_eq!(f.kind_label(), expected, "{}", f.item_id);
        assert!(f.standing().starts_with(expected) || f.standing().ends_with(expected), "{}", f.standing());
    }
    assert_eq!(
        finding_of(&findings, "REG-SOD").standing(),
        "Cannot be shown yet · part of “The roles the ISMS cannot run without have a current holder”"
    );
    assert_eq!(finding_of(&findings, "REG-ROLES-ASSIGNED").kind_label(), "Role gap");
    assert_eq!((s.majors, s.minors, s.observations), (1, 0, 0));
    // Lost: the items worked out from the register and rehearsals, and the "yes" to each role the
    // register shows nobody holding.
    let lost: Points = catalog.items.iter().filter(|i| i.is_derived() || i.asks_role.is_some()).map(|i| weight(i.finding)).sum();
    assert_eq!(s.possible - s.earned, lost);
}

#[test]
fn answers_stored_for_a_register_item_change_nothing() {
    let catalog = Catalog::builtin();
    let base = all(catalog, Answer::Yes);
    let reference = compute(catalog, &base, &all_findings(catalog, &base, today()));
    for answer in Answer::ALL {
        let mut a = base.clone();
        a.set_answer("REG-SOD", answer, today());
        a.set_na_justification("REG-SOD", "we are too small".into());
        let findings = all_findings(catalog, &a, today());
        assert_eq!(findings, vec![], "{answer:?}");
        assert_eq!(compute(catalog, &a, &findings), reference, "{answer:?}");
    }
    let mut broken = base.clone();
    broken.register.remove_assignment("a12").unwrap(); // the internal auditor
    broken.set_answer("REG-FUNCTIONS-ASSIGNED", Answer::Yes, today());
    assert!(all_findings(catalog, &broken, today()).iter().any(|f| f.item_id == "REG-FUNCTIONS-ASSIGNED"));
}

#[test]
fn one_minor_register_problem_leaves_the_verdict_nearly_ready_with_the_item_fully_lost() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register.set_raci("soa-sign-off", &RoleKind::TopManagement, None).unwrap();
    let findings = all_findings(catalog, &a, today());
    let s = compute(catalog, &a, &findings);
    assert_eq!(findings.len(), 1);
    assert_eq!(s.verdict, Verdict::NearlyReady);
    assert_eq!(s.possible - s.earned, weight(Severity::Minor));
}

#[test]
fn the_scaled_bench_catalogue_checks_every_register_copy() {
    let large = Catalog::builtin().scaled(3);
    let findings = all_findings(&large, &Assessment::default(), today());
    let register = findings.iter().filter(|f| f.kind.is_register()).count();
    assert_eq!(register, 3 * REGISTER_ITEMS.len());
    let ok = Assessment { register: valid_register(today()), ..Assessment::default() };
    assert!(all_findings(&large, &ok, today()).iter().all(|f| !f.kind.is_register()));
}

/// A valid register with a few random breakages.
fn mutated_register(rng: &mut Rng) -> Register {
    let mut r = valid_register(today());
    for _ in 0..rng.below(5) {
        match rng.below(8) {
            0 => {
                let id = r.people[rng.below(r.people.len())].id.clone();
                let mut p = r.person(&id).unwrap().clone();
                p.leaving_date = Some(day(2026, 1 + rng.below(12) as u32, 1));
                r.update_person(p).unwrap();
            }
            1 if !r.assignments.is_empty() => {
                let id = r.assignments[rng.below(r.assignments.len())].id.clone();
                r.remove_assignment(&id).unwrap();
            }
            2 if !r.assignments.is_empty() => {
                let i = rng.below(r.assignments.len());
                r.assignments[i].authority_granted = false;
                r.assignments[i].appointment_evidence.clear();
            }
            3 => {
                let row = RESPONSIBILITIES[rng.below(RESPONSIBILITIES.len())].code;
                let role = RoleKind::STANDARD[rng.below(10)].clone();
                let value = [None, Some(Raci::Accountable), Some(Raci::Responsible)][rng.below(3)];
                r.set_raci(row, &role, value).unwrap();
            }
            4 if !r.assignments.is_empty() => {
                let i = rng.below(r.assignments.len());
                let people = ["p1", "p2", "p3", "p4", "p5"];
                r.assignments[i].reports_to = Some(people[rng.below(5)].into());
                r.assignments[i].backup = Some(people[rng.below(5)].into());
            }
            5 if !r.competence.is_empty() => {
                let i = rng.below(r.competence.len());
                r.competence[i].achieved_on = Some(day(2020 + rng.below(7) as i32, 1, 1));
            }
            6 => {
                let id = r.people[rng.below(r.people.len())].id.clone();
                r.remove_person_and_references(&id).unwrap();
                if r.people.is_empty() {
                    break;
                }
            }
            _ => {
                let who = r.people[rng.below(r.people.len())].id.clone();
                let id = r.next_id("a");
                r.add_assignment(support::appoint(&id, RoleKind::STANDARD[rng.below(10)].clone(), &who, None, None, day(2026, 2, 1)))
                    .unwrap();
            }
        }
    }
    r
}

#[test]
fn with_random_registers_every_lost_point_has_exactly_one_finding() {
    let catalog = Catalog::builtin();
    let mut rng = Rng(0x0e9);
    let mut seen_broken = 0;
    for _ in 0..400 {
        let mut a = all(catalog, Answer::Yes);
        a.register = mutated_register(&mut rng);
        if rng.below(3) == 0 {
            let item = &catalog.items[rng.below(catalog.items.len())];
            a.set_answer(item.id, Answer::ALL[rng.below(5)], today());
        }
        let findings = all_findings(catalog, &a, today());
        let s = compute(catalog, &a, &findings);
        let lost: Points = findings.iter().map(|f| f.cost).sum();
        assert_eq!(s.possible - s.earned, lost);
        let mut ids: Vec<_> = findings.iter().map(|f| f.item_id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), findings.len(), "at most one finding per item");
        for f in findings.iter().filter(|f| f.kind.is_register()) {
            let item = catalog.item(f.item_id).unwrap();
            assert_eq!((f.severity, f.area_cost()), (item.finding, weight(item.finding)));
            // Charged in full, or counted with its checklist question, which then costs as much.
            match f.counted_with {
                None => assert_eq!(f.cost, weight(item.finding)),
                Some(with) => {
                    assert_eq!((f.cost, Some(with.item_id)), (Points::ZERO, item.same_as));
                    assert!(findings.iter().any(|q| q.item_id == with.item_id && q.cost >= with.own_cost && q.counted_with.is_none()));
                }
            }
            assert!(f.explanation.len() > 40 && !f.remediation.is_empty());
            if item.finding == Severity::Major {
                assert_eq!(s.verdict, Verdict::NotReady);
            }
        }
        seen_broken += usize::from(findings.iter().any(|f| f.kind.is_register()));
    }
    assert!(seen_broken > 200, "the generator breaks registers often enough ({seen_broken})");
}

#[test]
fn derived_findings_carry_each_problem_as_a_detail_line() {
    use audit_readiness::domain::roles::checks::problems;
    let assessment = Assessment::default();
    let day = today();
    let findings = all_findings(Catalog::builtin(), &assessment, day);
    let assigned = findings.iter().find(|f| f.item_id == "REG-ROLES-ASSIGNED").unwrap();
    let expected: Vec<String> = problems("REG-ROLES-ASSIGNED", &assessment.register, day).unwrap().into_iter().map(|p| p.text).collect();
    assert!(!expected.is_empty());
    assert_eq!(assigned.details, expected);
    assert!(assigned.details.iter().all(|d| assigned.explanation.contains(d.as_str())));
    let interviews = findings.iter().find(|f| f.item_id == "C53-PRE-06").unwrap();
    assert!(!interviews.details.is_empty());
    assert!(findings.iter().filter(|f| !f.kind.is_register() && f.item_id != "C53-PRE-06").all(|f| f.details.is_empty()));
}
