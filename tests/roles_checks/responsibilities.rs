//! Clause 5.3 responsibilities and the RASCI matrix: duties nobody holds, duty without authority, accountability.

use crate::support::{all, day, today, valid_register};
use crate::{assess, edit_assignment, leave, only_finding, texts};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::roles::checks::{assigned, authority, raci};
use audit_readiness::domain::roles::{Raci, Register, RoleKind, RESPONSIBILITIES};
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Catalog, FindingKind, Severity, Verdict};

#[test]
fn a_clause_5_3_responsibility_with_nothing_to_show_it_was_assigned_is_the_major() {
    // Auditor probes, twice: the two Clause 5.3 responsibilities recorded with no appointment
    // record, no date and no authority read "Nearly ready: 2 minor nonconformities".
    let mut r = valid_register(today());
    for id in ["a3", "a4"] {
        edit_assignment(&mut r, id, |a| {
            a.appointment_evidence.clear();
            a.appointed_on = None;
            a.authority_granted = false;
        });
    }
    let found = texts(&assigned::problems(&r, today()));
    assert!(
        found.contains(
            "Nothing shows that ISMS conformance owner (Clause 5.3, item a) was assigned: it is recorded for Ben Lindqvist \
             with no appointment record, no date and no authority to enforce"
        ),
        "{found}"
    );
    assert!(found.contains("Nothing shows that ISMS performance reporter (Clause 5.3, item b) was assigned"), "{found}");
    // A record said to be still to come is none (auditor probe of stop 42: "Appointment
    // letter pending" made the major two minors, "Nearly ready").
    let mut pending = r.clone();
    for id in ["a3", "a4"] {
        edit_assignment(&mut pending, id, |a| a.appointment_evidence = "Appointment letter pending".into());
    }
    assert_eq!(texts(&assigned::problems(&pending, today())), found);
    assert_eq!(assess(pending).1, Verdict::NotReady);
    let (findings, verdict) = assess(r.clone());
    assert_eq!(verdict, Verdict::NotReady);
    let major = findings.iter().find(|f| f.item_id == "REG-ROLES-ASSIGNED").expect("the major");
    assert_eq!(major.severity, Severity::Major);
    // The missing record and authority of those two are part of it, not minors of their own.
    for item in ["REG-APPOINTMENT-EVIDENCE", "REG-AUTHORITY"] {
        let part = findings.iter().find(|f| f.item_id == item).expect(item);
        assert_eq!(part.part_of.as_ref().map(|p| p.item_id), Some("REG-ROLES-ASSIGNED"), "{item}");
    }
    // The question asking for that very owner, answered no, is part of the same major; answered
    // yes, its card says the register has nothing to show it (auditor probe: two majors, and
    // "Ready on your word").
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register = r.clone();
    a.set_answer("C53-MAND-01", Answer::No, today());
    let findings = all_findings(catalog, &a, today());
    let owner = findings.iter().find(|f| f.item_id == "C53-MAND-01").expect("the answer's gap");
    assert_eq!(owner.part_of.as_ref().map(|p| p.item_id), Some("REG-ROLES-ASSIGNED"));
    assert_eq!(compute(catalog, &a, &findings).majors, 1);
    let item = catalog.item("C53-MAND-01").unwrap();
    let note =
        audit_readiness::domain::same_requirement::asked_role_note(item, &r, Some(audit_readiness::domain::Answer::Yes), today(), None)
            .expect("a note");
    assert!(note.starts_with("Answered yes, but the roles register has nothing to show it was assigned"), "{note}");
    // Any one of the three shows it was assigned: the gaps are the minors they were.
    edit_assignment(&mut r, "a3", |a| a.appointed_on = Some(day(2026, 1, 5)));
    edit_assignment(&mut r, "a4", |a| a.authority_granted = true);
    assert_eq!(texts(&assigned::problems(&r, today())), "");
    let (findings, verdict) = assess(r.clone());
    assert_eq!(verdict, Verdict::NearlyReady);
    // Ben's conformance appointment has neither a letter nor authority: one missing letter, the
    // authority part of it (second auditor probe: two minors for one appointment's paperwork).
    let parts: Vec<_> = findings.iter().filter_map(|f| Some((f.item_id, f.part_of.as_ref()?.item_id))).collect();
    assert_eq!(parts, [("REG-AUTHORITY", "REG-APPOINTMENT-EVIDENCE")], "{findings:#?}");
    let authority = findings.iter().find(|f| f.item_id == "REG-AUTHORITY").unwrap();
    assert!(authority.cost > audit_readiness::domain::Points::ZERO, "it still costs its points");
    // With its letter on file, the missing authority is a minor of its own.
    edit_assignment(&mut r, "a3", |a| a.appointment_evidence = "Signed letter, 2026-01-05".into());
    let (findings, _) = assess(r);
    assert!(findings.iter().all(|f| f.part_of.is_none()), "{findings:#?}");
    assert!(findings.iter().any(|f| f.item_id == "REG-AUTHORITY"), "{findings:#?}");
}

#[test]
fn duty_without_authority_is_a_finding() {
    let mut r = valid_register(today());
    let mut a = r.assignment("a2").unwrap().clone();
    a.authority_granted = false;
    r.update_assignment(a).unwrap();
    let found = texts(&authority::problems(&r, today()));
    assert_eq!(found, "Ben Lindqvist as Information security manager (ISMS owner) has not been granted authority to enforce.");
    let (findings, _) = assess(r);
    assert_eq!(only_finding(&findings, "REG-AUTHORITY").kind, FindingKind::AppointmentGap);
}

#[test]
fn an_accountable_function_nobody_holds_is_part_of_that_functions_gap() {
    // Auditor probe: the risk owners appointed only from next week made the functions minor and
    // a RASCI minor of its own for the same empty role.
    let mut r = valid_register(today());
    r.set_raci("risk-acceptance", &RoleKind::TopManagement, None).unwrap();
    r.set_raci("risk-acceptance", &RoleKind::RiskOwner, Some(Raci::Accountable)).unwrap();
    for id in ["a8", "a11"] {
        edit_assignment(&mut r, id, |a| a.appointed_on = Some(day(2026, 12, 3)));
    }
    let (findings, _) = assess(r);
    let racis = findings.iter().find(|f| f.item_id == "REG-RACI").expect("the RASCI line is said");
    assert_eq!(racis.part_of.as_ref().map(|p| p.item_id), Some("REG-FUNCTIONS-ASSIGNED"));
    // A custom role nobody holds any more is named, not shown by its code.
    let mut r = valid_register(today());
    r.set_raci("policy-approval", &RoleKind::TopManagement, None).unwrap();
    r.raci.insert("policy-approval|custom-board".into(), Raci::Accountable);
    let found = texts(&raci::problems(&r, today()));
    assert!(found.contains("the custom role “board” is accountable for: Approving the information security policy"), "{found}");
}

#[test]
fn a_rasci_row_with_two_accountable_roles_and_one_with_none_are_both_listed() {
    let mut r = valid_register(today());
    r.set_raci("policy-approval", &RoleKind::SecurityManager, Some(Raci::Accountable)).unwrap();
    r.set_raci("soa-sign-off", &RoleKind::TopManagement, Some(Raci::Informed)).unwrap();
    let found = texts(&raci::problems(&r, today()));
    assert!(
        found.contains("2 roles are accountable for: Approving the information security policy (Information security manager (ISMS owner), Top management); keep exactly one."),
        "{found}"
    );
    assert!(found.contains("No role is accountable for: Signing off the Statement of Applicability."), "{found}");
    assert_eq!(found.lines().count(), 2);
    let (findings, _) = assess(r);
    assert_eq!(only_finding(&findings, "REG-RACI").kind, FindingKind::RaciGap);
    // An empty matrix is one problem, not eleven.
    let empty = Register { raci: Default::default(), ..valid_register(today()) };
    let found = texts(&raci::problems(&empty, today()));
    assert_eq!(found.lines().count(), 1);
    assert!(found.contains(&RESPONSIBILITIES.len().to_string()));
}

#[test]
fn an_accountable_role_nobody_holds_today_is_accountability_on_paper_only() {
    let mut r = valid_register(today());
    let ben_rows: Vec<&str> = RESPONSIBILITIES
        .iter()
        .filter(|row| r.raci(row.code, &RoleKind::SecurityManager) == Some(Raci::Accountable))
        .map(|row| row.label)
        .collect();
    assert!(!ben_rows.is_empty(), "the valid register makes the security manager accountable somewhere");
    leave(&mut r, "p2", day(2026, 10, 31)); // Ben, the only security manager, has left
    let found = texts(&raci::problems(&r, today()));
    // One line for the role, listing every row it is accountable for.
    assert_eq!(
        found,
        format!(
            "Information security manager (ISMS owner) is accountable for: {}, but nobody who works here holds that role.",
            ben_rows.join("; ")
        )
    );
    // Top management held only by the person flag still counts as held.
    let mut r = valid_register(today());
    r.remove_assignment("a1").unwrap();
    assert_eq!(texts(&raci::problems(&r, today())), "");
}

#[test]
fn a_clause_5_3_duty_nobody_holds_says_the_security_manager_can_hold_it_too() {
    // Founder pass: with the ISMS owner appointed, "nobody holds the role ISMS conformance owner"
    // read as the same job, and a major with no word of what to do.
    let mut r = valid_register(today());
    let conformance = r.assignments.iter().find(|a| a.role == RoleKind::IsmsConformance).unwrap().id.clone();
    r.remove_assignment(&conformance).unwrap();
    let found = texts(&assigned::problems(&r, today()));
    assert_eq!(
        found,
        "Nobody who works here holds the role ISMS conformance owner (Clause 5.3, item a). It is a Clause 5.3 responsibility, \
         assigned in its own right: Ben Lindqvist, the security manager, can hold it too, as a second role assignment."
    );
    // With both duties unheld, the second says "likewise" rather than the sentence again.
    let mut both = r.clone();
    let reporting = both.assignments.iter().find(|a| a.role == RoleKind::PerformanceReporting).unwrap().id.clone();
    both.remove_assignment(&reporting).unwrap();
    let found = texts(&assigned::problems(&both, today()));
    assert_eq!(found.matches("second role assignment").count(), 1, "{found}");
    assert!(found.contains("(Clause 5.3, item b). Likewise, the security manager can hold this one too."), "{found}");
    // Other roles, or no security manager to suggest, say nothing more.
    let manager = r.assignments.iter().find(|a| a.role == RoleKind::SecurityManager).unwrap().id.clone();
    r.remove_assignment(&manager).unwrap();
    let found = texts(&assigned::problems(&r, today()));
    assert!(
        found.contains("holds the role ISMS conformance owner (Clause 5.3, item a).") && !found.contains("second role assignment"),
        "{found}"
    );
}
