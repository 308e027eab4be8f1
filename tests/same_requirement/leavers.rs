//! Leavers: one not handed over is one nonconformity, part of a leaver process answered missing or yes.

use crate::support;
use crate::support::{all, today};
use crate::{answered_no, finding, scored};
use audit_readiness::domain::roles::RoleKind;
use audit_readiness::domain::same_requirement::{case_checks_of, missed_case_note};
use audit_readiness::domain::{Answer, Assessment, Catalog, Points};

#[test]
fn a_leaver_not_handed_over_is_one_nonconformity_whatever_roles_they_held() {
    // The auditor's probe: Dev left two months ago still holding the third-party manager and
    // awareness trainer roles (now vacant) and a risk owner seat Cara also holds. One leaver not
    // handed over, one finding: the vacancy, with every stale record of Dev's part of it.
    let mut a = all(Catalog::builtin(), Answer::Yes);
    let mut dev = a.register.person("p4").unwrap().clone();
    dev.leaving_date = Some(today() - chrono::Days::new(60));
    a.register.update_person(dev).unwrap();
    let (findings, score) = scored(&a);
    let stale = finding(&findings, "REG-CURRENT-HOLDERS");
    assert!(stale.explanation.contains("Dev Patel still holds the role Risk owner"), "{}", stale.explanation);
    assert_eq!(stale.part_of.map(|p| p.item_id), Some("REG-FUNCTIONS-ASSIGNED"));
    assert!(stale.cost > Points::ZERO, "it still costs its points");
    assert!(finding(&findings, "REG-FUNCTIONS-ASSIGNED").stands_alone());
    assert_eq!((score.majors, score.minors), (0, 1), "{findings:#?}");
    // A second leaver who left nothing vacant is a record of their own: two leavers, two gaps.
    add_leaver_beside_risk_owners(&mut a);
    let (findings, score) = scored(&a);
    assert!(finding(&findings, "REG-CURRENT-HOLDERS").stands_alone());
    assert_eq!((score.majors, score.minors), (0, 2));
    // Dev's records follow the gravest vacancy they leave: a required role's major.
    let mut a = all(Catalog::builtin(), Answer::Yes);
    a.register.add_assignment(support::appoint("a13", RoleKind::PerformanceReporting, "p4", Some("p1"), None, today())).unwrap();
    a.register.remove_assignment("a4").unwrap();
    let mut dev = a.register.person("p4").unwrap().clone();
    dev.leaving_date = Some(today() - chrono::Days::new(60));
    a.register.update_person(dev).unwrap();
    let (findings, score) = scored(&a);
    assert_eq!(finding(&findings, "REG-CURRENT-HOLDERS").part_of.map(|p| p.item_id), Some("REG-ROLES-ASSIGNED"));
    assert_eq!(score.majors, 1, "{findings:#?}");
}

/// Fay, who left ten days ago, still recorded as a risk owner beside Cara and Dev: a stale
/// record that leaves no role vacant.
fn add_leaver_beside_risk_owners(a: &mut Assessment) {
    let long_ago = today() - chrono::Days::new(600);
    let mut fay = support::person("p6", "Fay Gone", "Analyst", long_ago, false);
    fay.leaving_date = Some(today() - chrono::Days::new(10));
    a.register.add_person(fay).unwrap();
    a.register.add_assignment(support::appoint("a13", RoleKind::RiskOwner, "p6", Some("p1"), None, long_ago)).unwrap();
}

#[test]
fn a_leaver_still_holding_a_role_is_part_of_a_leaver_process_answered_missing() {
    // The second auditor probe: "no" to reassigning roles on leavers beside a leaver still
    // holding a role were two minors; the leaver is the instance of that missing process.
    let mut a = answered_no(&["C53-PLAY-06"]);
    add_leaver_beside_risk_owners(&mut a);
    let (findings, score) = scored(&a);
    let stale = finding(&findings, "REG-CURRENT-HOLDERS");
    assert_eq!(stale.part_of.map(|p| p.item_id), Some("C53-PLAY-06"), "{}", stale.explanation);
    assert!(stale.cost > Points::ZERO, "it still costs its points");
    assert_eq!(score.minors, 1, "{findings:#?}");
    // With the process in place (or not known yet), the leaver is a gap of its own.
    for answer in [Answer::Yes, Answer::NotSure] {
        let mut b = a.clone();
        b.set_answer("C53-PLAY-06", answer, today());
        let (findings, _) = scored(&b);
        assert!(finding(&findings, "REG-CURRENT-HOLDERS").stands_alone(), "{answer:?}");
    }
}

#[test]
fn the_functions_a_leaver_left_short_are_part_of_a_leaver_process_answered_missing() {
    // Third auditor probe: Cara (incident lead, review team, risk owner) gone twenty days ago with
    // "no" to reassigning roles on leavers read two minors: the leaver process and the functions
    // she left short. One leaver not processed is one finding.
    let mut a = answered_no(&["C53-PLAY-06"]);
    let mut cara = a.register.person("p3").unwrap().clone();
    cara.leaving_date = Some(today() - chrono::Days::new(20));
    a.register.update_person(cara).unwrap();
    let (findings, score) = scored(&a);
    let functions = finding(&findings, "REG-FUNCTIONS-ASSIGNED");
    assert!(functions.leavers_only);
    assert_eq!(functions.part_of.map(|p| p.item_id), Some("C53-PLAY-06"), "{}", functions.explanation);
    assert!(functions.cost > Points::ZERO, "it still costs its points");
    assert_eq!((score.majors, score.minors), (0, 1), "{findings:#?}");
    // Her stale records, part of the functions she left short, say the root they are part of
    // (third founder pass: "part of" a finding itself "part of" another).
    let stale = finding(&findings, "REG-CURRENT-HOLDERS");
    assert_eq!(stale.part_of.map(|p| p.item_id), Some("C53-PLAY-06"), "{}", stale.explanation);
    assert!(stale.explanation.starts_with("Part of “Role reassignment on leavers and movers”"), "{}", stale.explanation);
    // A function nobody was ever appointed to as well: not the leaver process's alone.
    a.register.remove_assignment("a10").unwrap(); // Dev, awareness trainer
    let (findings, score) = scored(&a);
    let functions = finding(&findings, "REG-FUNCTIONS-ASSIGNED");
    assert!(!functions.leavers_only && functions.stands_alone(), "{}", functions.explanation);
    assert_eq!(score.minors, 2);
}

#[test]
fn a_leaver_process_answered_yes_hears_of_the_leaver_it_missed() {
    // Auditor probe: "yes" to reassigning roles on leavers read "Ready" beside a leaver still
    // holding a role. The card says the register found a case the process missed.
    let catalog = Catalog::builtin();
    let checks: Vec<_> = case_checks_of(catalog, "C53-PLAY-06").map(|c| c.id).collect();
    assert_eq!(checks, ["REG-FUNCTIONS-ASSIGNED", "REG-CURRENT-HOLDERS"], "the leaver process is tested case by case");
    let check = catalog.item("REG-CURRENT-HOLDERS").unwrap();
    let mut a = all(catalog, Answer::Yes);
    add_leaver_beside_risk_owners(&mut a);
    let (findings, _) = scored(&a);
    let stale = findings.iter().find(|f| f.item_id == check.id);
    let note = missed_case_note(check, Some(Answer::Yes), stale).expect("yes beside a missed leaver");
    assert!(note.starts_with("Answered yes, but the roles register shows a case it missed: “"), "{note}");
    assert!(note.contains(check.title) && note.contains(&stale.unwrap().cost_text()), "{note}");
    // Answered otherwise, the answer already says the process is not shown: nothing to add.
    for answer in [None, Some(Answer::No), Some(Answer::NotSure), Some(Answer::Partly)] {
        assert_eq!(missed_case_note(check, answer, stale), None, "{answer:?}");
    }
    // No leaver missed: nothing to say.
    let (findings, _) = scored(&all(catalog, Answer::Yes));
    let passing = findings.iter().find(|f| f.item_id == check.id);
    assert_eq!(missed_case_note(check, Some(Answer::Yes), passing), None);
    assert_eq!(case_checks_of(catalog, "C53-PRE-01").count(), 0, "only processes tested case by case");
    // A function short for want of anyone ever appointed is no case the leaver process missed.
    let mut a = all(catalog, Answer::Yes);
    a.register.remove_assignment("a10").unwrap(); // Dev, awareness trainer
    let (findings, _) = scored(&a);
    let functions = catalog.item("REG-FUNCTIONS-ASSIGNED").unwrap();
    let unfilled = findings.iter().find(|f| f.item_id == functions.id);
    assert!(unfilled.is_some_and(|f| f.costs_points()));
    assert_eq!(missed_case_note(functions, Some(Answer::Yes), unfilled), None);
}
