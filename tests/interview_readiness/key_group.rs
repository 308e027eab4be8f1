//! Who is a key person: key roles nobody holds, leavers and starters before the audit, Clause 5.3 holders.

use crate::support;
use crate::support::{all, day, today};
use crate::{interview_finding, ITEM};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::interview::{self, card_questions, everyone, QuestionBank, Rating};
use audit_readiness::domain::points::weight;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, Severity, Verdict};

#[test]
fn with_nobody_in_a_key_role_the_item_cannot_be_met() {
    let mut a = all(Catalog::builtin(), Answer::Yes);
    a.register.remove_assignment("a1").unwrap();
    a.register.remove_assignment("a2").unwrap();
    a.register.remove_assignment("a5").unwrap();
    a.register.remove_assignment("a6").unwrap();
    let mut ada = a.register.person("p1").unwrap().clone();
    ada.top_management = false;
    a.register.update_person(ada).unwrap();
    let f = interview_finding(&a).expect("a finding");
    assert!(f.explanation.contains("Nobody who works here today is recorded as top management"), "{}", f.explanation);
    let empty = interview_finding(&Assessment::default()).expect("an empty assessment is not interview-ready");
    // It is part of the empty register's gap (the roles nobody holds), and costs its points.
    assert_eq!((empty.cost, empty.part_of.map(|p| p.item_id)), (weight(Severity::Minor), Some("REG-ROLES-ASSIGNED")));
}

#[test]
fn a_key_role_nobody_holds_keeps_the_item_open_even_when_the_others_are_confident() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    // Ben stays on the review team but is no longer the security manager.
    a.register.remove_assignment("a2").unwrap();
    let f = interview_finding(&a).expect("a finding");
    assert_eq!(
        f.details,
        ["Nobody who works here today holds the information security manager role, so the interview an \
                            auditor spends longest on has nobody prepared for it."]
    );
    // The vacancy is REG-ROLES-ASSIGNED's major: the item is open and costs its points, but it
    // is part of that nonconformity, not one of its own.
    assert_eq!((f.cost, f.stands_alone()), (weight(Severity::Minor), false));
    assert_eq!(f.part_of.map(|p| p.item_id), Some("REG-ROLES-ASSIGNED"));
    // Without a review team as well, both gaps are named, the security manager's first. Two
    // register checks raise them: the interview gap is part of the graver (the major), and its
    // note says another gap stands behind it too.
    a.register.remove_assignment("a5").unwrap();
    a.register.remove_assignment("a6").unwrap();
    let f = interview_finding(&a).expect("a finding");
    assert_eq!(f.details.len(), 2, "{:?}", f.details);
    assert!(f.details[0].contains("information security manager role") && f.details[1].contains("management review team"));
    assert_eq!((f.cost, f.stands_alone()), (weight(Severity::Minor), false));
    assert_eq!(f.part_of.map(|p| (p.item_id, p.others)), Some(("REG-ROLES-ASSIGNED", 1)));
    assert!(
        f.explanation.contains("(Clause 5.3, A 5.2) and 1 other register gap: it follows from those gaps and is not raised on its own"),
        "{}",
        f.explanation
    );
    // With only the review team short, the interview gap is part of that minor alone.
    let mut a = all(catalog, Answer::Yes);
    a.register.remove_assignment("a5").unwrap();
    a.register.remove_assignment("a6").unwrap();
    let f = interview_finding(&a).expect("a finding");
    assert_eq!(f.part_of.map(|p| (p.item_id, p.others)), Some(("REG-FUNCTIONS-ASSIGNED", 0)));
    // A key holder who has not rehearsed is the interview item's own gap: charged in full, as
    // an observation.
    let mut a = all(catalog, Answer::Yes);
    a.rehearsals.retain(|r| r.person_id != "p3");
    let f = interview_finding(&a).expect("a finding");
    assert_eq!((f.cost, f.stands_alone()), (weight(Severity::Minor), true));
}

#[test]
fn a_key_role_left_empty_by_a_leaver_before_the_audit_keeps_the_item_open() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = Some(day(2027, 1, 20));
    assert_eq!(interview_finding(&a), None, "everyone confident, nobody leaving");
    // Ben, the only security manager, leaves before the audit: the register check says so, and
    // so does the interview item (the other key people rehearsed well, but nobody will be there
    // to answer for the security manager).
    let mut ben = a.register.person("p2").unwrap().clone();
    ben.leaving_date = Some(day(2027, 1, 5));
    a.register.update_person(ben).unwrap();
    let f = interview_finding(&a).expect("a finding");
    assert_eq!(
        f.details,
        ["By the audit on 2027-01-20, nobody working here then holds the information security manager role, so the interview an \
          auditor spends longest on has nobody prepared for it."]
    );
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_ne!(s.verdict, Verdict::Ready);
}

#[test]
fn a_starter_in_a_key_role_before_the_audit_rehearses_and_a_leaver_before_it_need_not() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = Some(day(2027, 1, 20));
    // Ben leaves before the audit; Finn starts after today and takes over as security manager.
    let mut ben = a.register.person("p2").unwrap().clone();
    ben.leaving_date = Some(day(2027, 1, 5));
    a.register.update_person(ben).unwrap();
    a.register.add_person(support::person("p9", "Finn Hale", "Security lead", day(2027, 1, 6), false)).unwrap();
    a.register
        .add_assignment(support::appoint(
            "a30",
            audit_readiness::domain::roles::RoleKind::SecurityManager,
            "p9",
            Some("p1"),
            None,
            day(2027, 1, 6),
        ))
        .unwrap();
    a.rehearsals.retain(|r| r.person_id != "p2"); // Ben's ratings no longer matter
    let f = interview_finding(&a).expect("the new security manager has not rehearsed");
    assert_eq!(f.details, ["Finn Hale (Information security manager (ISMS owner)) has not rehearsed yet."]);
    // Finn is listed for rehearsal before he starts, as a key person.
    let listed = everyone(QuestionBank::builtin(), &a, today());
    let finn = listed.iter().find(|r| r.person_id == "p9").expect("listed");
    assert!(finn.key);
    // The list says who starts later and who will be gone on audit day.
    assert_eq!(finn.presence.map(|p| p.text()).as_deref(), Some("Starts on 2027-01-06"));
    let ben = listed.iter().find(|r| r.person_id == "p2").expect("still here today");
    assert_eq!(ben.presence.map(|p| p.text()).as_deref(), Some("Leaves on 2027-01-05, before the audit"));
    assert!(listed.iter().filter(|r| !["p2", "p9"].contains(&r.person_id.as_str())).all(|r| r.presence.is_none()));
    // The Markdown brief says it as well.
    let card = interview::cue_card(QuestionBank::builtin(), &a, &[], "p2", today()).unwrap();
    let md = interview::brief::markdown("", &card, Some(ben), &a.rehearsals, today(), today());
    assert!(md.contains("\n- **Note:** Leaves on 2027-01-05, before the audit\n"), "{md}");
    for q in card_questions(QuestionBank::builtin(), &a.register, "p9") {
        interview::record(&mut a.rehearsals, "p9", q.0.id, Rating::Confident, today());
    }
    assert_eq!(interview_finding(&a), None);
}

#[test]
fn whoever_holds_a_clause_5_3_responsibility_is_a_key_person_who_must_rehearse() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    assert_eq!(interview_finding(&a), None, "the fixture's key people are all confident");
    // A COO takes on reporting ISMS performance to top management (Clause 5.3 b)): the auditor
    // will ask them about it, so they have to be ready too.
    a.register.add_person(support::person("p9", "Olu Ade", "COO", day(2024, 1, 1), false)).unwrap();
    let reporting = audit_readiness::domain::roles::RoleKind::PerformanceReporting;
    a.register.add_assignment(support::appoint("a30", reporting, "p9", Some("p1"), None, day(2026, 1, 6))).unwrap();
    let f = interview_finding(&a).expect("the new reporter has not rehearsed");
    assert_eq!(f.details.len(), 1, "{:?}", f.details);
    assert!(f.details[0].starts_with("Olu Ade ("), "{:?}", f.details);
    assert!(everyone(QuestionBank::builtin(), &a, today()).iter().any(|r| r.person_id == "p9" && r.key));
    for q in card_questions(QuestionBank::builtin(), &a.register, "p9") {
        interview::record(&mut a.rehearsals, "p9", q.0.id, Rating::Confident, today());
    }
    assert_eq!(interview_finding(&a), None);
}

#[test]
fn an_empty_key_group_beside_a_shaky_rating_stays_part_of_the_vacancy_and_not_sure_on_the_ceo_reads_as_no() {
    let catalog = Catalog::builtin();
    // Auditor probe: the review team empty and one shaky rating made a minor of its own.
    let mut a = all(catalog, Answer::Yes);
    a.register.remove_assignment("a5").unwrap();
    a.register.remove_assignment("a6").unwrap();
    interview::record(&mut a.rehearsals, "p2", "IQ-SM-AUDIT", Rating::Shaky, today());
    // The vacancy is the register's minor; the shaky answer an observation of its own.
    let f = interview_finding(&a).expect("a finding");
    assert_eq!((f.severity, f.stands_alone()), (Severity::Observation, true));
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((s.minors, s.observations), (1, 1));
    // Auditor probe: "not sure" or "not applicable" on the CEO's interview, while she has not
    // rehearsed, scored apart from "no". Each now reads as "no": one minor, the question part of it.
    for answer in [Answer::No, Answer::NotSure, Answer::NotApplicable] {
        let mut a = all(catalog, Answer::Yes);
        a.set_answer("C51-INT-01", answer, today());
        a.rehearsals.retain(|r| r.person_id != "p1");
        let findings = all_findings(catalog, &a, today());
        let item = findings.iter().find(|f| f.item_id == ITEM).unwrap();
        let asked = findings.iter().find(|f| f.item_id == "C51-INT-01").unwrap();
        assert_eq!((item.severity, asked.stands_alone()), (Severity::Minor, false), "{answer:?}");
    }
}
