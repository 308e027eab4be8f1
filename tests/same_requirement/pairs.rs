//! A question and its register check: the six pairs, the requirement charged once, each area scoring its own items.

use crate::support::{all, today};
use crate::{finding, scored, unrecorded_and_powerless};
use audit_readiness::domain::findings::{all_findings, FindingKind};
use audit_readiness::domain::points::weight;
use audit_readiness::domain::{Answer, Assessment, Catalog, Points, Verdict};

#[test]
fn the_six_pairs_are_declared_in_the_content() {
    let pairs: Vec<(&str, &str)> = Catalog::builtin().same_requirement_pairs().map(|(check, q)| (check.id, q)).collect();
    assert_eq!(
        pairs,
        [
            ("REG-APPOINTMENT-EVIDENCE", "C53-PRE-02"),
            ("REG-AUTHORITY", "C53-PRE-04"),
            ("REG-DEPUTIES", "C53-ASG-02"),
            ("REG-RACI", "C53-PRE-03"),
            ("REG-SOD", "C53-PLAY-03"),
            ("REG-COMPETENCE", "C53-PLAY-05"),
            ("REG-REPORTING-LINE", "C53-PRE-08"),
        ]
    );
}

#[test]
fn two_gaps_answered_no_and_shown_by_the_register_are_not_four_minors() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer("C53-PRE-02", Answer::No, today());
    a.set_answer("C53-PRE-04", Answer::No, today());
    unrecorded_and_powerless(&mut a);
    let (findings, score) = scored(&a);

    let ids: Vec<&str> = findings.iter().map(|f| f.item_id).collect();
    assert_eq!(ids.len(), 4, "both views of both gaps stay listed: {ids:?}");
    // The missing authority is part of the missing letters (second auditor probe): one minor.
    assert_eq!((score.majors, score.minors, score.observations), (0, 1, 0));
    assert_eq!(finding(&findings, "REG-AUTHORITY").part_of.map(|p| p.item_id), Some("REG-APPOINTMENT-EVIDENCE"));
    assert_eq!(score.verdict, Verdict::NearlyReady);
    // Tie: the register check, which names what to fix, carries the points; the question names
    // it and costs nothing.
    for (question, check) in [("C53-PRE-02", "REG-APPOINTMENT-EVIDENCE"), ("C53-PRE-04", "REG-AUTHORITY")] {
        let (q, c) = (finding(&findings, question), finding(&findings, check));
        assert_eq!((c.kind, c.cost, c.counted_with), (FindingKind::AppointmentGap, Points::whole(2), None));
        let with = q.counted_with.expect("the question is counted with its register check");
        assert_eq!((with.item_id, with.own_cost, q.cost, q.kind), (check, Points::whole(2), Points::ZERO, FindingKind::Gap));
        assert!(q.explanation.starts_with(&format!(
            "Counted once, with “{}” ({})",
            catalog.title_of(check),
            catalog.item(check).unwrap().reference
        )));
        assert!(q
            .explanation
            .contains("an auditor would raise the two as one gap, so the points are lost there, not twice. Fix both to win them back."));
        assert_eq!(q.cost_text(), "its points counted with the other");
        assert_eq!(q.standing(), format!("Gap · counted once, with “{}”", catalog.title_of(check)));
    }
    // Two requirements of two points each: 4 points lost, out of a total that counts each once.
    let yes = scored(&all(catalog, Answer::Yes)).1;
    assert_eq!(score.possible, yes.possible);
    assert_eq!(score.earned + Points::whole(4), score.possible);
    let lost: Points = findings.iter().map(|f| f.cost).sum();
    assert_eq!(score.possible - score.earned, lost, "every lost point has one finding");
}

#[test]
fn the_register_alone_charges_the_requirement_once() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    unrecorded_and_powerless(&mut a);
    let (findings, score) = scored(&a);
    assert_eq!(findings.len(), 2);
    for check in ["REG-APPOINTMENT-EVIDENCE", "REG-AUTHORITY"] {
        let f = finding(&findings, check);
        assert_eq!((f.kind, f.cost, f.counted_with), (FindingKind::AppointmentGap, Points::whole(2), None));
    }
    // One nonconformity: no appointment letters, where the authority would have been given.
    assert_eq!((score.minors, score.earned + Points::whole(4)), (1, score.possible));
}

#[test]
fn the_costlier_view_carries_the_points() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer("C53-PRE-02", Answer::Partly, today());
    unrecorded_and_powerless(&mut a);
    let (findings, score) = scored(&a);
    let (q, c) = (finding(&findings, "C53-PRE-02"), finding(&findings, "REG-APPOINTMENT-EVIDENCE"));
    // Partly costs half (an observation); the register's gap costs the whole item (a minor).
    assert_eq!((c.cost, c.counted_with), (Points::whole(2), None));
    assert_eq!(
        (q.kind, q.cost, q.counted_with.map(|w| (w.item_id, w.own_cost))),
        (FindingKind::Partial, Points::ZERO, Some(("REG-APPOINTMENT-EVIDENCE", Points::whole(1))))
    );
    assert_eq!((score.minors, score.observations), (1, 0), "the partial answer is not another finding");
    assert_eq!(score.earned + Points::whole(4), score.possible);
}

#[test]
fn each_area_still_scores_its_own_items() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer("C53-PRE-02", Answer::No, today());
    unrecorded_and_powerless(&mut a);
    let (findings, score) = scored(&a);
    assert!(finding(&findings, "C53-PRE-02").counted_with.is_some());
    let area_percent = |id: &str| score.areas.iter().find(|x| x.area_id == id).unwrap().percent;
    let area_points = |id: &str| -> Points { catalog.items_in(id).map(|i| weight(i.finding)).sum() };
    // The register area lost both of its failing checks (4 points), and the checklist area its
    // "no", though overall that answer is counted with the appointment check.
    let register = area_points("c53-register");
    assert_eq!(area_percent("c53-register"), (register - Points::whole(4)).percent_of(register));
    let preaudit = area_points("c53-preaudit");
    assert_eq!(area_percent("c53-preaudit"), (preaudit - Points::whole(2)).percent_of(preaudit));
    assert!(area_percent("c53-register") < 100 && area_percent("c53-preaudit") < 100);
}

#[test]
fn fixing_one_view_leaves_the_other_charged_in_full() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer("C53-PLAY-05", Answer::No, today());
    let (findings, score) = scored(&a);
    let q = finding(&findings, "C53-PLAY-05");
    assert_eq!((q.cost, q.counted_with, findings.len()), (Points::whole(2), None, 1));
    assert_eq!(score.earned + Points::whole(2), score.possible);
    a.set_answer("C53-PLAY-05", Answer::Yes, today());
    assert_eq!(scored(&a).0, vec![]);
}

#[test]
fn a_partly_answer_counted_with_its_register_check_does_not_promise_half_its_points() {
    // Founder pass of stop 43: "its points are charged there" beside "partly counts half of the
    // 2 points" read as half the points kept.
    let mut a = all(Catalog::builtin(), Answer::Yes);
    a.set_answer("C53-PRE-04", Answer::Partly, today());
    let (findings, _) = scored(&a);
    let alone = finding(&findings, "C53-PRE-04");
    assert!(alone.counted_with.is_none() && alone.cost > Points::ZERO);
    assert!(alone.explanation.contains("partly counts half of the"), "{}", alone.explanation);
    unrecorded_and_powerless(&mut a);
    let (findings, _) = scored(&a);
    let counted = finding(&findings, "C53-PRE-04");
    assert_eq!((counted.kind, counted.cost, counted.counted_with.is_some()), (FindingKind::Partial, Points::ZERO, true));
    assert!(counted.explanation.contains("the points are lost there, not twice") && counted.explanation.contains("Only partly in place."));
    assert!(!counted.explanation.contains("counts half"), "{}", counted.explanation);
}

#[test]
fn the_findings_index_finds_each_questions_finding_and_nothing_else() {
    use audit_readiness::domain::finding_index::FindingIndex;
    let catalog = Catalog::builtin();
    let today = chrono::NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    let findings = all_findings(catalog, &Assessment::default(), today);
    let index = FindingIndex::of(&findings);
    for item in catalog.items {
        assert_eq!(index.get(item.id), findings.iter().position(|f| f.item_id == item.id), "{}", item.id);
    }
    assert_eq!(index.get("NO-SUCH-ITEM"), None);
    assert_eq!(index.get(""), None);
    assert_eq!(FindingIndex::of(&[]).get(catalog.items[0].id), None);
}
