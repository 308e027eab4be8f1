//! Top management: by the person flag or by position, its decisions, and the review team it sits in.

use crate::support::{all, appoint, day, today, valid_register};
use crate::{assess, edit_assignment, edit_person, only_finding, texts};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::roles::checks::{appointment, assigned, authority, raci, sod};
use audit_readiness::domain::roles::{Raci, RoleKind};
use audit_readiness::domain::{Answer, Catalog, Severity, Verdict};

#[test]
fn top_management_can_come_from_the_person_flag_alone() {
    let mut r = valid_register(today());
    r.remove_assignment("a1").unwrap(); // Ada keeps the top-management flag
    assert_eq!(texts(&assigned::problems(&r, today())), "");
    let mut ada = r.person("p1").unwrap().clone();
    ada.top_management = false;
    r.update_person(ada).unwrap();
    assert!(texts(&assigned::problems(&r, today())).contains("holds the role Top management"));
}

#[test]
fn top_management_reporting_to_someone_outside_it_is_the_major() {
    // The head of security given the top-management role, reporting to the CEO left unticked.
    let mut r = valid_register(today());
    edit_person(&mut r, "p1", |p| p.top_management = false);
    edit_assignment(&mut r, "a1", |a| {
        a.person_id = "p2".into();
        a.reports_to = Some("p1".into());
    });
    let found = texts(&assigned::problems(&r, today()));
    assert_eq!(
        found,
        "Top management is not at the top: Ben Lindqvist holds it but reports to Ada Okafor, who does not. Whoever directs \
         the organisation at its highest level is part of top management, whose leadership an auditor will ask to see: \
         tick Ada Okafor as top management if that is them, or correct who Ben Lindqvist reports to."
    );
    let (findings, verdict) = assess(r.clone());
    let f = findings.iter().find(|f| f.item_id == "REG-ROLES-ASSIGNED").unwrap();
    assert_eq!((f.severity, f.stands_alone()), (Severity::Major, true));
    assert_eq!(verdict, Verdict::NotReady);
    // Its lead does not say a role lacks a holder: Ben holds it (auditor probe of stop 42).
    assert!(f.explanation.starts_with(assigned::CHECK.lead) && !f.explanation.contains("lack a current holder"), "{}", f.explanation);
    // Ticked, she is top management too: nothing to raise. A manager who has left is not asked about.
    edit_person(&mut r, "p1", |p| p.top_management = true);
    assert_eq!(texts(&assigned::problems(&r, today())), "");
    edit_person(&mut r, "p1", |p| {
        p.top_management = false;
        p.leaving_date = Some(day(2026, 1, 31));
    });
    assert!(!texts(&assigned::problems(&r, today())).contains("reports to Ada Okafor"));
    // Another role's line is functional (second probe): the CEO as a risk owner reporting risks
    // to the security manager is not managed by him, nor is the internal auditor under him.
    let mut ceo = valid_register(today());
    ceo.add_assignment(appoint("a13", RoleKind::RiskOwner, "p1", Some("p2"), None, day(2026, 1, 5))).unwrap();
    assert_eq!(texts(&assigned::problems(&ceo, today())), "");
    assert_eq!(texts(&sod::problems(&ceo, today())), "");
    // Her own line manager, or her top-management role's, is.
    edit_person(&mut ceo, "p1", |p| p.reports_to = Some("p2".into()));
    assert!(texts(&assigned::problems(&ceo, today())).contains("Ada Okafor holds it but reports to Ben Lindqvist"));
    // So is the line of an ISMS role top management holds, which reports to top management
    // (score-gaming probe of stop 52: Ben ticked as top management, his ISMS owner role
    // reporting to the CEO left unticked, read "Ready").
    let mut ticked = valid_register(today());
    edit_person(&mut ticked, "p1", |p| p.top_management = false);
    edit_person(&mut ticked, "p2", |p| p.top_management = true);
    ticked.remove_assignment("a1").unwrap();
    edit_assignment(&mut ticked, "a2", |a| a.reports_to = Some("p1".into()));
    assert!(texts(&assigned::problems(&ticked, today())).contains("Ben Lindqvist holds it but reports to Ada Okafor"));
    assert_eq!(assess(ticked).1, Verdict::NotReady);
}

#[test]
fn decisions_the_standard_gives_top_management_made_another_roles_are_a_gap() {
    // Auditor probe: the security manager accountable for approving policies read "Ready".
    let mut r = valid_register(today());
    for row in ["policy-approval", "management-review", "risk-acceptance"] {
        r.set_raci(row, &RoleKind::TopManagement, None).unwrap();
        r.set_raci(row, &RoleKind::SecurityManager, Some(Raci::Accountable)).unwrap();
    }
    let found = texts(&raci::problems(&r, today()));
    let sm = "Information security manager (ISMS owner) is accountable for:";
    assert!(
        found.contains(&format!("{sm} Approving the information security policy, which Clause 5.2 gives to top management.")),
        "{found}"
    );
    assert!(found.contains(&format!("{sm} Holding the management review, which Clause 9.3 gives to top management.")), "{found}");
    assert!(found.contains("which Clause 6.1.3 f) gives to the risk owners or top management."), "{found}");
    let (findings, verdict) = assess(r.clone());
    assert_eq!(only_finding(&findings, "REG-RACI").severity, Severity::Minor);
    assert_ne!(verdict, Verdict::Ready);
    // A security manager who is also a risk owner accepts risk as one (auditor probe: a gap read).
    let mut owner = r.clone();
    owner.add_assignment(appoint("a21", RoleKind::RiskOwner, "p2", None, None, day(2026, 1, 5))).unwrap();
    let found = texts(&raci::problems(&owner, today()));
    assert!(!found.contains("Clause 6.1.3 f)") && found.contains("Clause 5.2"), "{found}");
    // The risk owners may accept residual risks; a role only top-management people hold is top management.
    r.set_raci("risk-acceptance", &RoleKind::SecurityManager, None).unwrap();
    r.set_raci("risk-acceptance", &RoleKind::RiskOwner, Some(Raci::Accountable)).unwrap();
    let board = RoleKind::Custom("Board".into());
    r.add_assignment(appoint("a20", board.clone(), "p1", None, None, day(2026, 1, 5))).unwrap();
    for row in ["policy-approval", "management-review"] {
        r.set_raci(row, &RoleKind::SecurityManager, None).unwrap();
        r.set_raci(row, &board, Some(Raci::Accountable)).unwrap();
    }
    assert_eq!(texts(&raci::problems(&r, today())), "");
}

#[test]
fn top_management_holds_its_place_by_position_not_by_appointment() {
    // Auditor probe: the CEO's missing appointment letter and unticked authority read as minors;
    // top management is who assigns the others, and its authority comes with the position.
    let mut r = valid_register(today());
    edit_assignment(&mut r, "a1", |a| {
        a.appointment_evidence.clear();
        a.appointed_on = None;
        a.authority_granted = false;
    });
    assert_eq!(r.assignment("a1").unwrap().role, RoleKind::TopManagement);
    assert_eq!(texts(&appointment::problems(&r, today())), "");
    assert_eq!(texts(&authority::problems(&r, today())), "");
    let (findings, verdict) = assess(r.clone());
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!(verdict, Verdict::Ready);
    // Any other holder is still asked for both.
    edit_assignment(&mut r, "a2", |a| {
        a.appointment_evidence.clear();
        a.authority_granted = false;
    });
    assert!(texts(&appointment::problems(&r, today())).contains("Ben Lindqvist"));
    assert!(texts(&authority::problems(&r, today())).contains("Ben Lindqvist"));
}

#[test]
fn roles_top_management_takes_on_itself_are_held_by_position() {
    // Auditor probe: in a ten-person startup the CEO holds the security manager's role and both
    // Clause 5.3 responsibilities; with nothing recorded on them it read a major and two minors,
    // with the record but no tick "has not been granted authority" five times over.
    let mut r = valid_register(today());
    for id in ["a2", "a3", "a4"] {
        edit_assignment(&mut r, id, |a| {
            a.person_id = "p1".into();
            a.reports_to = None;
            a.appointment_evidence.clear();
            a.appointed_on = None;
            a.authority_granted = false;
        });
    }
    assert_eq!(texts(&appointment::problems(&r, today())), "");
    assert_eq!(texts(&authority::problems(&r, today())), "");
    assert_eq!(texts(&assigned::problems(&r, today())), "");
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register = r.clone();
    a.responses.remove("C53-MAND-01");
    let findings = all_findings(catalog, &a, today());
    assert!(
        findings.iter().all(|f| !matches!(f.item_id, "REG-APPOINTMENT-EVIDENCE" | "REG-AUTHORITY" | "REG-ROLES-ASSIGNED" | "C53-MAND-01")),
        "{findings:#?}"
    );
    // Someone else in those roles is still asked for both.
    edit_assignment(&mut r, "a2", |a| a.person_id = "p3".into());
    assert!(texts(&authority::problems(&r, today())).contains("Cara Mendes"));
    assert!(texts(&appointment::problems(&r, today())).contains("Cara Mendes"));
}

#[test]
fn top_management_counts_in_the_review_team_only_beside_a_member_of_it() {
    // Second auditor probe of stop 43: two co-founders and no review team seat passed the
    // functions check while the interview check said nobody was on the team.
    let mut r = valid_register(today());
    r.remove_assignment("a5").unwrap();
    r.remove_assignment("a6").unwrap();
    edit_person(&mut r, "p3", |p| p.top_management = true);
    let found = texts(&assigned::function_problems(&r, today()));
    assert!(found.contains("Nobody who works here holds the role Management review team member"), "{found}");
}
