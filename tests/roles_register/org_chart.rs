//! The org chart and reporting lines: managers before reports, leavers left out, loops, any line to the top.

use crate::support::{day, today, valid_register};
use audit_readiness::domain::roles::{reaches_top_management, reporting_tree, RoleKind};
use std::collections::BTreeSet;

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
