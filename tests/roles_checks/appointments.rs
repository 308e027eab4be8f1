//! Appointments: without record or date, dated ahead, and placeholders that hold no role.

use crate::support::{all, appoint, day, person, record, today, valid_register};
use crate::{assess, edit_assignment, edit_person, only_finding, texts};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::roles::checks::{appointment, assigned};
use audit_readiness::domain::roles::{Register, RoleKind};
use audit_readiness::domain::{Answer, Catalog, Finding, FindingKind, Severity, Verdict};

#[test]
fn appointments_without_record_or_date_are_listed() {
    let mut r = valid_register(today());
    let mut a = r.assignment("a7").unwrap().clone();
    a.appointment_evidence = "  ".into();
    r.update_assignment(a).unwrap();
    // A placeholder names no record either (auditor probe: "none" on the ISMS owner read "Ready").
    let mut owner = r.assignment("a2").unwrap().clone();
    owner.appointment_evidence = "n/a".into();
    r.update_assignment(owner).unwrap();
    let mut b = r.assignment("a9").unwrap().clone();
    b.appointed_on = None;
    r.update_assignment(b).unwrap();
    // Nor is a note that the appointment was only spoken (auditor probe: "Verbal agreement,
    // nothing signed" passed as the record).
    let mut trainer = r.assignment("a10").unwrap().clone();
    trainer.appointment_evidence = "Verbal agreement, nothing signed".into();
    r.update_assignment(trainer).unwrap();
    let found = texts(&appointment::problems(&r, today()));
    assert!(found.contains("Dev Patel as Awareness trainer has no appointment record"), "{found}");
    assert!(found.contains("Cara Mendes as Incident lead has no appointment record"), "{found}");
    assert!(found.contains("Dev Patel as Third-party manager has no appointment date"), "{found}");
    assert!(found.contains("Ben Lindqvist as Information security manager (ISMS owner) has no appointment record"), "{found}");
    let (findings, verdict) = assess(r);
    let f = only_finding(&findings, "REG-APPOINTMENT-EVIDENCE");
    assert_eq!((f.kind, f.severity), (FindingKind::AppointmentGap, Severity::Minor));
    assert_eq!(verdict, Verdict::NearlyReady);
}

#[test]
fn an_appointment_dated_ahead_is_a_gap_unless_someone_else_holds_the_role_until_then() {
    let mut r = valid_register(today());
    let ahead = day(2026, 12, 8);
    // Dev's appointment as third-party manager, the only one, is dated ahead: nobody is appointed today.
    edit_assignment(&mut r, "a9", |dev| dev.appointed_on = Some(ahead));
    assert_eq!(texts(&appointment::problems(&r, today())), "Dev Patel as Third-party manager is dated in the future.");
    // The role it leaves empty until then is the register's gap; the date is part of it, not a
    // second nonconformity (auditor probe: the security manager's charged a major and a minor).
    let (findings, _) = assess(r.clone());
    let dated = findings.iter().find(|f| f.item_id == "REG-APPOINTMENT-EVIDENCE").expect("the date is still said");
    assert_eq!(dated.part_of.as_ref().map(|p| p.item_id), Some("REG-FUNCTIONS-ASSIGNED"), "{dated:#?}");
    // The empty role says when it will be held (auditor probe: no word of the date).
    assert_eq!(
        texts(&assigned::function_problems(&r, today())),
        "Nobody who works here holds the role Third-party manager; it is recorded only for Dev Patel, appointed from 2026-12-08."
    );
    let mut sm = valid_register(today());
    edit_assignment(&mut sm, "a2", |ben| ben.appointed_on = Some(ahead));
    let (findings, verdict) = assess(sm);
    let dated = findings.iter().find(|f| f.item_id == "REG-APPOINTMENT-EVIDENCE").expect("the date is still said");
    assert_eq!(dated.part_of.as_ref().map(|p| p.item_id), Some("REG-ROLES-ASSIGNED"));
    assert_eq!(findings.iter().filter(|f| f.stands_alone() && f.severity != Severity::Observation).count(), 1, "{findings:#?}");
    assert_eq!(verdict, Verdict::NotReady);
    // Ben hands the role over to Cara from that day (auditor probe: a planned handover cost a minor
    // that only misdated minutes could clear).
    let mut r = valid_register(today());
    let mut cara = appoint("a13", RoleKind::SecurityManager, "p3", Some("p1"), Some("p4"), ahead);
    cara.appointment_evidence = "Board minutes: Cara succeeds Ben".into();
    r.add_assignment(cara).unwrap();
    assert_eq!(texts(&appointment::problems(&r, today())), "");
    assert_eq!(texts(&appointment::problems(&r, ahead)), "", "on the day it is in force");
}

/// All-yes answers with this register and an audit on `audit`: the register's findings.
fn register_findings_by(register: Register, audit: Option<chrono::NaiveDate>) -> Vec<Finding> {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register = register;
    a.audit_date = audit;
    all_findings(catalog, &a, today()).into_iter().filter(|f| f.item_id.starts_with("REG-")).collect()
}

#[test]
fn appointments_dated_ahead_hold_no_role_until_their_day_and_never_excuse_each_other() {
    // Auditor probe: Ben's three appointments dated after the audit, Cara's too, read Ready 100 %.
    let mut r = valid_register(today());
    for id in ["a2", "a3", "a4"] {
        edit_assignment(&mut r, id, |a| a.appointed_on = Some(day(2026, 12, 23)));
    }
    for (id, role) in [("a20", RoleKind::SecurityManager), ("a21", RoleKind::IsmsConformance), ("a22", RoleKind::PerformanceReporting)] {
        r.add_assignment(appoint(id, role, "p3", Some("p1"), Some("p4"), day(2027, 1, 2))).unwrap();
    }
    let audit = Some(day(2026, 12, 13));
    let findings = register_findings_by(r.clone(), audit);
    let vacancy = findings.iter().find(|f| f.item_id == "REG-ROLES-ASSIGNED").expect("nobody appointed by the audit");
    assert_eq!(vacancy.severity, Severity::Major);
    assert!(r.current_holders(&RoleKind::SecurityManager, today()).is_empty());
    assert_eq!(r.current_holders(&RoleKind::SecurityManager, day(2026, 12, 23)).len(), 1);
    // With the audit after Ben's appointments are in force, the role is held on audit day: what
    // is settled by then is no gap (the appointments dated ahead of today included).
    let findings = register_findings_by(r, Some(day(2026, 12, 28)));
    assert!(findings.iter().all(|f| f.item_id != "REG-ROLES-ASSIGNED" && f.item_id != "REG-APPOINTMENT-EVIDENCE"), "{findings:#?}");
}

#[test]
fn a_role_filled_by_a_starter_before_the_audit_is_no_gap_on_audit_day() {
    // Auditor probe: the awareness trainer role given to someone starting before the audit read
    // as a vacancy, because the register was judged today as well as on audit day.
    let mut r = valid_register(today());
    r.add_person(person("p6", "Gus Starter", "Trainer", day(2026, 12, 3), false)).unwrap();
    edit_assignment(&mut r, "a10", |a| {
        a.person_id = "p6".into();
        a.appointed_on = Some(day(2026, 12, 3));
    });
    r.add_competence(record("c20", "p6", None, day(2026, 11, 1), None)).unwrap();
    let found = register_findings_by(r.clone(), Some(day(2026, 12, 20)));
    assert!(found.iter().all(|f| f.item_id != "REG-FUNCTIONS-ASSIGNED"), "{found:#?}");
    // Without an audit date the register is judged today: the role is not held yet.
    let found = register_findings_by(r, None);
    assert!(found.iter().any(|f| f.item_id == "REG-FUNCTIONS-ASSIGNED"), "{found:#?}");
}

#[test]
fn an_appointment_dated_ahead_counts_for_no_check_until_its_day() {
    // Third auditor probe: top management resting only on an appointment dated after the audit
    // read "Nearly ready" (no major), and a planned second security manager was asked for
    // competence, a deputy and a rehearsal, and made a duty conflict, before taking the role.
    let mut r = valid_register(today());
    edit_person(&mut r, "p1", |ada| ada.top_management = false);
    edit_assignment(&mut r, "a1", |a1| a1.appointed_on = Some(day(2027, 6, 1)));
    assert!(!r.is_top_management("p1", today()));
    let found = register_findings_by(r, Some(day(2026, 12, 23)));
    let vacancy = found.iter().find(|f| f.item_id == "REG-ROLES-ASSIGNED").expect("no top management on audit day");
    assert_eq!(vacancy.severity, Severity::Major);

    let mut r = valid_register(today());
    r.add_person(person("p6", "Gus Planned", "Security lead", day(2025, 10, 1), false)).unwrap();
    r.add_assignment(appoint("a20", RoleKind::SecurityManager, "p6", Some("p1"), None, day(2027, 1, 22))).unwrap();
    r.add_assignment(appoint("a21", RoleKind::InternalAuditor, "p2", Some("p1"), None, day(2027, 1, 22))).unwrap();
    assert_eq!(r.held_roles_on("p6", today()), Vec::<RoleKind>::new());
    assert_eq!(r.held_roles_on("p6", day(2027, 1, 22)), [RoleKind::SecurityManager]);
    let found = register_findings_by(r, Some(day(2026, 12, 23)));
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn a_placeholder_in_the_register_holds_no_role() {
    // Lead-auditor probe of stop 48: "TBD" as the security manager, "Vacant" and "External
    // auditor (to be contracted)" read "Ready" with every register check met.
    for name in [
        "TBD",
        "Vacant",
        "To be hired",
        "External auditor (to be contracted)",
        "n/a",
        "Open position",
        "New hire (Q1)",
        "Future security hire",
        "Pending appointment",
    ] {
        let mut r = valid_register(today());
        r.people.iter_mut().find(|p| p.id == "p2").unwrap().name = name.into();
        let found = texts(&assigned::problems(&r, today()));
        assert!(
            found.contains(&format!(
                "Nobody who works here holds the role {}; it is recorded only for {name}, a placeholder, not a person.",
                RoleKind::SecurityManager.label()
            )),
            "{name}: {found}"
        );
        let (_, verdict) = assess(r);
        assert_eq!(verdict, Verdict::NotReady, "{name}");
    }
    // Real names with such letters are people: "Tobe", "Tabitha", a job title "Hiring manager".
    for name in ["Tobe Okonkwo", "Tabitha Vance", "Ana Vacanti"] {
        let mut r = valid_register(today());
        r.people.iter_mut().find(|p| p.id == "p2").unwrap().name = name.into();
        assert_eq!(texts(&assigned::problems(&r, today())), "", "{name}");
    }
}
