//! The register as a whole: a valid one passes, what a missing function or responsibility costs, every item's check.

use crate::support::{all, day, today, valid_register};
use crate::{assess, leave, texts};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::roles::checks::{assigned, check_for, reporting, CHECKS};
use audit_readiness::domain::roles::{Register, RoleKind};
use audit_readiness::domain::{Answer, Catalog, FindingKind, Points, Severity, Verdict};

#[test]
fn the_valid_register_passes_every_check() {
    let r = valid_register(today());
    for check in CHECKS {
        assert_eq!(texts(&(check.run)(&r, today())), "", "{}", check.item_id);
    }
}

#[test]
fn a_missing_function_and_a_thin_review_team_are_minor_role_gaps() {
    let mut r = valid_register(today());
    r.remove_assignment("a12").unwrap(); // the internal auditor
    r.remove_assignment("a6").unwrap(); // one of the two review team seats
    assert_eq!(texts(&assigned::problems(&r, today())), "", "the roles the ISMS cannot run without are all held");
    // Top management holds the review (Clause 9.3): with the security manager that is a team of
    // two (auditor probe of stop 43: a minor for a team of one).
    assert!(!texts(&assigned::function_problems(&r, today())).contains("review team"));
    // With the one seat's holder the only top management, the team is one person.
    let reviewer = r.assignments.iter().find(|a| a.role == RoleKind::ReviewTeamMember).unwrap().person_id.clone();
    for p in r.people.iter_mut() {
        p.top_management = p.id == reviewer;
    }
    r.remove_assignment("a1").unwrap();
    // He is the top: his ISMS roles report to nobody above him (reporting to the CEO left
    // unticked, he would not be the top, a major of its own since stop 52).
    for a in r.assignments.iter_mut().filter(|a| a.person_id == reviewer) {
        a.reports_to = None;
    }
    let found = texts(&assigned::function_problems(&r, today()));
    assert!(found.contains("Nobody who works here holds the role Internal auditor"), "{found}");
    assert!(
        found.contains("Management review team member has 1 current holder (Ben Lindqvist) but needs at least 2, counting top management, who holds the review"),
        "{found}"
    );
    let (findings, _) = assess(r);
    assert!(findings.iter().all(|f| f.item_id != "REG-ROLES-ASSIGNED"));
    let f = findings.iter().find(|f| f.item_id == "REG-FUNCTIONS-ASSIGNED").unwrap();
    assert_eq!((f.kind, f.severity), (FindingKind::RoleGap, Severity::Minor));
}

#[test]
fn a_missing_clause_5_3_responsibility_is_a_major_role_gap() {
    let mut r = valid_register(today());
    let reporters: Vec<String> = r.assignments.iter().filter(|a| a.role == RoleKind::PerformanceReporting).map(|a| a.id.clone()).collect();
    assert!(!reporters.is_empty());
    for id in reporters {
        r.remove_assignment(&id).unwrap();
    }
    let found = texts(&assigned::problems(&r, today()));
    assert!(found.contains(&format!("Nobody who works here holds the role {}", RoleKind::PerformanceReporting.label())), "{found}");
    assert_eq!(texts(&assigned::function_problems(&r, today())), "");
    // One nonconformity: the reporting line check says why it cannot pass, as part of the
    // missing holder it follows from (what it leaves undone still costs its points).
    let line = reporting::problems(&r, today());
    assert_eq!(line.iter().map(|p| p.raised_by).collect::<Vec<_>>(), [Some("REG-ROLES-ASSIGNED")]);
    let (findings, verdict) = assess(r);
    let f = findings.iter().find(|f| f.item_id == "REG-ROLES-ASSIGNED").unwrap();
    assert_eq!((f.kind, f.severity, f.stands_alone()), (FindingKind::RoleGap, Severity::Major, true));
    let follows = findings.iter().find(|f| f.item_id == "REG-REPORTING-LINE").unwrap();
    assert_eq!((follows.cost, follows.part_of.map(|p| p.item_id)), (Points::whole(2), Some("REG-ROLES-ASSIGNED")));
    assert!(follows.explanation.starts_with("Part of “The roles the ISMS cannot run without have a current holder” (Clause 5.3, A 5.2)"));
    assert_eq!(findings.iter().filter(|f| f.stands_alone()).count(), 1, "one nonconformity");
    assert_eq!(verdict, Verdict::NotReady);
}

#[test]
fn every_register_item_has_its_check_and_a_fixed_finding_kind() {
    let catalog = Catalog::builtin();
    let items: Vec<_> = catalog.items.iter().filter(|i| i.is_register()).collect();
    assert_eq!(items.len(), CHECKS.len());
    for item in items {
        assert_eq!(item.area, "c53-register");
        let check = CHECKS.iter().find(|c| c.item_id == item.id).expect(item.id);
        assert!(check.kind.is_register());
        assert!(!check.lead.is_empty() && !check.remediation.is_empty());
    }
}

#[test]
fn an_empty_register_is_said_plainly_not_under_leads_about_particular_people() {
    let (findings, _) = assess(Register::default());
    for id in ["REG-CURRENT-HOLDERS", "REG-SOD"] {
        let f = findings.iter().find(|f| f.item_id == id).unwrap();
        let lead = check_for(id).unwrap().lead;
        assert!(!f.explanation.contains(lead), "{id}: {}", f.explanation);
        // Part of the empty register's major (no role held), which its note says first.
        assert_eq!(f.part_of.map(|p| p.item_id), Some("REG-ROLES-ASSIGNED"), "{id}");
        assert_eq!(f.explanation, format!("{} {}", f.relation_note().unwrap(), f.details.join(" ")));
        assert_eq!(f.lead, None, "{id}: the views show no lead either");
    }
    // With people in it, the lead opens the explanation again (after the note that the stale
    // record is part of the vacancy it leaves).
    let mut r = valid_register(today());
    leave(&mut r, "p2", day(2026, 9, 30));
    let (findings, _) = assess(r);
    let f = findings.iter().find(|f| f.item_id == "REG-CURRENT-HOLDERS").unwrap();
    let lead = check_for("REG-CURRENT-HOLDERS").unwrap().lead;
    assert!(f.explanation.starts_with(&format!("{} {lead}", f.relation_note().unwrap())), "{}", f.explanation);
    assert_eq!(f.lead, Some(lead));
}

#[test]
fn a_yes_to_a_role_filled_before_the_audit_is_not_contradicted_by_the_register() {
    // Second auditor probe of stop 43: the conformance owner appointed ten days from now, the
    // audit in 45, read a major on the question while the register, judged on audit day, passed.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register = valid_register(today());
    a.audit_date = Some(today() + chrono::Days::new(45));
    let mut given = a.register.assignments.iter().find(|x| x.id == "a3").unwrap().clone();
    given.appointed_on = Some(today() + chrono::Days::new(10));
    a.register.update_assignment(given.clone()).unwrap();
    let findings = all_findings(catalog, &a, today());
    assert!(findings.iter().all(|f| f.item_id != "REG-ROLES-ASSIGNED" && f.item_id != "C53-MAND-01"), "{findings:#?}");
    // Appointed only after the audit, it is the register's major, and the "yes" part of it.
    given.appointed_on = Some(today() + chrono::Days::new(60));
    a.register.update_assignment(given).unwrap();
    let findings = all_findings(catalog, &a, today());
    let question = findings.iter().find(|f| f.item_id == "C53-MAND-01").expect("the yes is not borne out");
    assert_eq!(question.part_of.map(|p| p.item_id), Some("REG-ROLES-ASSIGNED"));
    assert!(findings.iter().any(|f| f.item_id == "REG-ROLES-ASSIGNED"));
}
