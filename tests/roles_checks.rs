//! The register checks one by one: each starts from a valid register, breaks one thing, and
//! asserts that exactly that check reports it, naming the people, roles and dates involved.

mod support;

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::roles::checks::{
    appointment, assigned, authority, check_for, competence, current, deputies, raci, reporting, shares_a_name, sod, Problem, CHECKS,
};
use audit_readiness::domain::roles::{Assignment, Person, Raci, Register, RoleKind, RESPONSIBILITIES};
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, Finding, FindingKind, Points, Severity, Verdict};
use support::{all, appoint, day, person, record, today, valid_register};

fn texts(problems: &[Problem]) -> String {
    problems.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
}

/// All-yes answers with this register: the findings and the verdict.
fn assess(register: Register) -> (Vec<Finding>, Verdict) {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register = register;
    let findings = all_findings(catalog, &a, today());
    let verdict = compute(catalog, &a, &findings).verdict;
    (findings, verdict)
}

fn only_finding(findings: &[Finding], item: &str) -> Finding {
    assert_eq!(findings.iter().map(|f| f.item_id).collect::<Vec<_>>(), vec![item], "{findings:#?}");
    findings[0].clone()
}

/// Changes one assignment of the register in place.
fn edit_assignment(r: &mut Register, id: &str, change: impl FnOnce(&mut Assignment)) {
    let mut a = r.assignment(id).unwrap().clone();
    change(&mut a);
    r.update_assignment(a).unwrap();
}

/// Changes one person of the register in place.
fn edit_person(r: &mut Register, id: &str, change: impl FnOnce(&mut Person)) {
    let mut p = r.person(id).unwrap().clone();
    change(&mut p);
    r.update_person(p).unwrap();
}

/// Changes one competence record of the register in place.
fn edit_competence(r: &mut Register, id: &str, change: impl FnOnce(&mut audit_readiness::domain::roles::CompetenceRecord)) {
    let mut c = r.competence.iter().find(|c| c.id == id).unwrap().clone();
    change(&mut c);
    r.update_competence(c).unwrap();
}

fn leave(r: &mut Register, id: &str, on: chrono::NaiveDate) {
    edit_person(r, id, |p| p.leaving_date = Some(on));
}

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
fn a_vacancy_names_the_deputy_who_can_cover_it_until_a_holder_is_appointed() {
    // Auditor probe of stop 44: the security manager gone, with Cara named as deputy, read as if
    // nobody could step in. Still no holder: the register's finding stands, and says who covers.
    let mut r = valid_register(today());
    leave(&mut r, "p2", day(2026, 11, 13));
    let found = texts(&assigned::problems(&r, today()));
    let line = found.lines().find(|l| l.contains("holds the role Information security manager")).unwrap_or_default();
    assert!(
        line.ends_with(
            "Cara Mendes, the recorded deputy, can cover it meanwhile, but an auditor expects a holder appointed: appoint \
             Cara Mendes or someone else and record it."
        ),
        "{found}"
    );
    // A deputy who left too covers nothing.
    leave(&mut r, "p3", day(2026, 11, 20));
    assert!(!texts(&assigned::problems(&r, today())).contains("recorded deputy"));
}

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
fn a_security_manager_who_left_is_named_and_the_verdict_is_not_ready() {
    let mut r = valid_register(today());
    // The review team is Ben and the CEO, who holds the review: his leaving leaves it short.
    r.remove_assignment("a6").unwrap();
    leave(&mut r, "p2", day(2026, 9, 30));
    let found = texts(&current::problems(&r, today()));
    assert!(
        found.contains("Ben Lindqvist still holds the role Information security manager (ISMS owner) after their leaving date, 2026-09-30"),
        "{found}"
    );
    let (findings, verdict) = assess(r.clone());
    let f = findings.iter().find(|f| f.item_id == "REG-CURRENT-HOLDERS").unwrap();
    assert_eq!((f.kind, f.severity, f.date), (FindingKind::RoleGap, Severity::Minor, Some(day(2026, 9, 30))));
    assert!(f.explanation.contains("Ben Lindqvist"));
    assert_eq!(verdict, Verdict::NotReady);
    // The major is the vacancy: the role has no current holder, and the finding names the leaver.
    let gap = findings.iter().find(|f| f.item_id == "REG-ROLES-ASSIGNED").unwrap();
    assert_eq!(gap.severity, Severity::Major);
    assert!(gap.explanation.contains("it is recorded only for Ben Lindqvist, whose leaving date is 2026-09-30"));
    // What only follows from the vacancy is part of it, not a nonconformity of its own: the
    // reporting line of a role nobody holds, RASCI rows whose accountable role is one the ISMS
    // cannot run without, and interview readiness without a security manager.
    for follows in ["REG-REPORTING-LINE", "REG-RACI", "C53-PRE-06"] {
        let f = findings.iter().find(|f| f.item_id == follows).unwrap();
        assert_eq!((f.part_of.map(|p| p.item_id), f.stands_alone()), (Some("REG-ROLES-ASSIGNED"), false), "{follows}");
    }
    // So is the leaver's stale record, and the review-team seat he left short: one leaver not
    // replaced (second auditor probe: a major and a minor for one security manager leaving).
    let stale = findings.iter().find(|f| f.item_id == "REG-CURRENT-HOLDERS").unwrap();
    assert_eq!((stale.part_of.map(|p| (p.item_id, p.others)), stale.stands_alone()), (Some(("REG-ROLES-ASSIGNED", 0)), false));
    let seat = findings.iter().find(|f| f.item_id == "REG-FUNCTIONS-ASSIGNED").unwrap();
    assert_eq!(seat.part_of.map(|p| p.item_id), Some("REG-ROLES-ASSIGNED"), "{}", seat.explanation);
    assert!(seat.cost > audit_readiness::domain::Points::ZERO, "it still costs its points");
    assert!(stale.explanation.starts_with("Part of “"), "{}", stale.explanation);
    let standing: Vec<&str> = findings.iter().filter(|f| f.stands_alone()).map(|f| f.item_id).collect();
    // What stands alone: the vacancy, and the two roles Ben deputised for that now have no cover
    // (their holders' absence is a gap of its own, an observation).
    assert_eq!(standing, ["REG-ROLES-ASSIGNED", "REG-DEPUTIES"]);
    let mut a = all(Catalog::builtin(), Answer::Yes);
    a.register = r;
    let score = compute(Catalog::builtin(), &a, &findings);
    assert_eq!((score.majors, score.minors, score.observations), (1, 0, 1));
    // A leaver still recorded for a role someone current holds as well is register upkeep: a
    // minor, not a second major for the same fact.
    let mut r = valid_register(today());
    r.add_person(person("p6", "Fay Leaver", "Analyst", day(2024, 1, 1), false)).unwrap();
    r.add_assignment(appoint("a20", RoleKind::RiskOwner, "p6", None, None, day(2025, 1, 5))).unwrap();
    leave(&mut r, "p6", day(2026, 9, 30));
    let (findings, verdict) = assess(r);
    assert!(findings.iter().all(|f| f.item_id != "REG-ROLES-ASSIGNED"), "{findings:?}");
    assert!(findings.iter().any(|f| f.item_id == "REG-CURRENT-HOLDERS" && f.severity == Severity::Minor && f.stands_alone()));
    assert!(findings.iter().all(|f| f.severity < Severity::Major), "{findings:?}");
    assert_eq!(verdict, Verdict::NearlyReady);
}

#[test]
fn leaving_later_is_fine_today_but_a_future_starter_is_not_a_holder_yet() {
    let mut r = valid_register(today());
    leave(&mut r, "p2", day(2027, 1, 31));
    assert_eq!(texts(&current::problems(&r, today())), "");
    let mut dev = r.person("p4").unwrap().clone();
    dev.start_date = Some(day(2027, 1, 4));
    r.update_person(dev).unwrap();
    let found = texts(&current::problems(&r, today()));
    assert!(found.contains("Dev Patel holds the role Third-party manager but only starts on 2027-01-04"), "{found}");
}

#[test]
fn a_successor_lined_up_while_the_holder_stays_is_a_planned_handover() {
    // The auditor's probe: a new security manager starting in ten days, beside the one still in
    // post, read "Roles are recorded for people who are not, or will not be, working here".
    let mut r = valid_register(today());
    r.add_person(person("p6", "Gus Successor", "Security lead", day(2026, 12, 3), false)).unwrap();
    r.add_assignment(appoint("a20", RoleKind::SecurityManager, "p6", Some("p1"), None, day(2026, 11, 20))).unwrap();
    assert_eq!(texts(&current::problems(&r, today())), "");
    let (findings, verdict) = assess(r.clone());
    assert!(findings.iter().all(|f| f.item_id != "REG-CURRENT-HOLDERS"), "{findings:?}");
    assert_eq!(verdict, Verdict::Ready);
    // Nor beside top management flagged on the person only, nor a custom role written otherwise.
    let mut flagged = valid_register(today());
    flagged.assignments.retain(|a| a.role != RoleKind::TopManagement);
    assert!(!flagged.top_management(today()).is_empty(), "Ada is top management by her flag");
    flagged.add_person(person("p7", "Gia Newcoo", "COO", day(2026, 12, 24), false)).unwrap();
    flagged.add_assignment(appoint("a21", RoleKind::TopManagement, "p7", None, None, day(2026, 11, 20))).unwrap();
    flagged.add_assignment(appoint("a22", RoleKind::Custom("Privacy Lead".into()), "p4", Some("p1"), None, day(2026, 1, 5))).unwrap();
    flagged.add_assignment(appoint("a23", RoleKind::Custom("privacy lead".into()), "p7", Some("p1"), None, day(2026, 11, 20))).unwrap();
    assert_eq!(texts(&current::problems(&flagged, today())), "");
    // With the holder gone before the successor starts, the role is held by nobody working here.
    leave(&mut r, "p2", day(2026, 11, 1));
    let found = texts(&current::problems(&r, today()));
    assert!(
        found.contains("Gus Successor holds the role Information security manager (ISMS owner) but only starts on 2026-12-03"),
        "{found}"
    );
}

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
fn missing_self_and_departed_deputies_are_each_named() {
    let mut r = valid_register(today());
    let mut sm = r.assignment("a2").unwrap().clone();
    sm.backup = None;
    r.update_assignment(sm).unwrap();
    let mut rt = r.assignment("a6").unwrap().clone();
    rt.backup = Some("p3".into()); // Cara covers herself
    r.update_assignment(rt).unwrap();
    leave(&mut r, "p4", day(2026, 11, 23)); // Dev deputises for Ben's review seat; leaves today
    let found = texts(&deputies::problems(&r, today()));
    assert!(found.contains("Ben Lindqvist as Information security manager (ISMS owner) has no deputy."), "{found}");
    assert!(found.contains("Cara Mendes as Management review team member is recorded as their own deputy."), "{found}");
    assert!(
        found.contains("Ben Lindqvist as Management review team member has Dev Patel as deputy, whose leaving date is 2026-11-23."),
        "{found}"
    );
    // Roles that need no deputy are not mentioned.
    assert!(!found.contains("Awareness trainer"));
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
fn one_name_entered_twice_is_one_person_for_the_conflicts() {
    // The auditor's probe: the security manager entered again (same name, other ID) as the
    // internal auditor read 100 % "Ready".
    let mut r = valid_register(today());
    r.add_person(person("p6", " ben  LINDQVIST", "Head of Security", day(2024, 1, 1), false)).unwrap();
    r.remove_assignment("a12").unwrap();
    r.add_assignment(appoint("a20", RoleKind::InternalAuditor, "p6", Some("p1"), None, day(2026, 1, 5))).unwrap();
    r.add_competence(record("c20", "p6", Some(RoleKind::InternalAuditor), day(2026, 1, 5), None)).unwrap();
    let found = texts(&sod::problems(&r, today()));
    assert!(found.starts_with("Ben Lindqvist is in the register 2 times, and an auditor takes their roles together."), "{found}");
    assert!(found.contains("Ben Lindqvist is both Information security manager (ISMS owner)"), "{found}");
    assert!(found.contains("and internal auditor, so they would audit the ISMS they run"), "{found}");
    let (findings, verdict) = assess(r.clone());
    assert_eq!(only_finding(&findings, "REG-SOD").severity, Severity::Minor);
    assert_eq!(verdict, Verdict::NearlyReady);
    // An independent check recorded on either entry manages it, as for one entry.
    let mut audit = r.assignment("a20").unwrap().clone();
    audit.independent_check = "External audit firm reviews the ISMS owner's work".into();
    r.update_assignment(audit).unwrap();
    assert_eq!(texts(&sod::problems(&r, today())), "");
    // Told apart by name, they are two people again.
    let mut r2 = r.clone();
    r2.remove_assignment("a20").unwrap();
    r2.add_assignment(appoint("a20", RoleKind::InternalAuditor, "p6", Some("p1"), None, day(2026, 1, 5))).unwrap();
    edit_person(&mut r2, "p6", |p| p.name = "Ben Lindqvist Jr".into());
    assert_eq!(texts(&sod::problems(&r2, today())), "");
    // Whichever entry holds which role (second probe: the order decided it), and a line to the
    // entry that holds nothing reaches the one who runs the ISMS.
    let mut swapped = valid_register(today());
    swapped.add_person(person("p6", "Ben Lindqvist", "Head of Security", day(2024, 1, 1), false)).unwrap();
    for id in ["a2", "a3", "a4", "a5"] {
        edit_assignment(&mut swapped, id, |a| a.person_id = "p6".into());
    }
    swapped.remove_assignment("a12").unwrap();
    swapped.add_assignment(appoint("a20", RoleKind::InternalAuditor, "p2", Some("p1"), None, day(2026, 1, 5))).unwrap();
    assert!(texts(&sod::problems(&swapped, today())).contains("and internal auditor, so they would audit the ISMS they run"));
    let mut line = valid_register(today());
    line.add_person(person("p6", "Ben Lindqvist", "Head of Security", day(2024, 1, 1), false)).unwrap();
    edit_assignment(&mut line, "a12", |a| a.reports_to = Some("p6".into()));
    assert!(texts(&sod::problems(&line, today())).contains("Eli Novak is internal auditor but reports to Ben Lindqvist"));
    // Capitals beyond ASCII fold too (score-gaming probe of stop 52: "JÖRG MÜLLER" and "Jörg
    // Müller" were two people, one auditing the ISMS the other runs).
    let mut umlaut = r2.clone();
    edit_person(&mut umlaut, "p2", |p| p.name = "Jörg Müller".into());
    edit_person(&mut umlaut, "p6", |p| p.name = "JÖRG MÜLLER".into());
    assert!(texts(&sod::problems(&umlaut, today())).starts_with("Jörg Müller is in the register 2 times"));
    // So does a direction mark pasted into one of them, shown as the same name.
    let mut marked = r2.clone();
    edit_person(&mut marked, "p6", |p| p.name = "Ben \u{202B}Lindqvist\u{202C}".into());
    assert!(texts(&sod::problems(&marked, today())).starts_with("Ben Lindqvist is in the register 2 times"));
    for (upper, lower) in [
        ("ŁUKASZ", "łukasz"),
        ("SØREN", "søren"),
        ("ДМИТРИЙ", "дмитрий"),
        ("ΝΙΚΟΣ", "νικοσ"),
        ("ŽOFIE", "žofie"),
        ("ÿ", "ÿ"),
        ("DEMİR", "demir"),
    ] {
        assert_eq!(upper.chars().map(audit_readiness::domain::wording::lower_letter).collect::<String>(), lower);
    }
    assert_eq!(audit_readiness::domain::wording::lower_letter('Ÿ'), 'ÿ');
    assert_eq!(audit_readiness::domain::wording::lower_letter('×'), '×');
    // Two people without a name are no twins (an e2e test caught a panic on one blank name).
    edit_person(&mut r2, "p6", |p| p.name = " ".into());
    edit_person(&mut r2, "p5", |p| p.name = String::new());
    assert_eq!(texts(&sod::problems(&r2, today())), "");
}

#[test]
fn a_reporting_line_to_a_name_entered_twice_reaches_that_person() {
    // Auditor probe: the performance reporter reporting to a second, unticked "Ada Okafor" failed
    // the reporting line, where the duty-conflict check took the two entries as one person.
    let mut r = valid_register(today());
    r.add_person(person("p6", "ada okafor ", "CEO", day(2024, 1, 1), false)).unwrap();
    for id in ["a2", "a3", "a4", "a5"] {
        edit_assignment(&mut r, id, |a| a.reports_to = Some("p6".into()));
    }
    edit_person(&mut r, "p2", |p| p.reports_to = Some("p6".into()));
    assert_eq!(texts(&reporting::problems(&r, today())), "");
    // The register page says it beside both names.
    assert!(shares_a_name(&r, "p1", today()) && shares_a_name(&r, "p6", today()) && !shares_a_name(&r, "p2", today()));
    // A character that shows nothing does not make someone else (odd-input pass).
    edit_person(&mut r, "p6", |p| p.name = "Ada\u{200B} Okafor\u{FEFF}".into());
    assert!(shares_a_name(&r, "p1", today()));
    edit_person(&mut r, "p6", |p| p.name = "ada okafor ".into());
    // Whichever entry comes first, the tick on either makes them top management (third probe:
    // an unticked twin listed first dropped the CEO's tick, and the line reached nobody on top).
    let mut first = valid_register(today());
    first.people.insert(0, person("p0", "ada okafor", "CEO", day(2024, 1, 1), false));
    first.assignments.retain(|a| a.role != RoleKind::TopManagement);
    for id in ["a2", "a3", "a4", "a5"] {
        edit_assignment(&mut first, id, |a| a.reports_to = Some("p0".into()));
    }
    edit_person(&mut first, "p2", |p| p.reports_to = Some("p0".into()));
    assert_eq!(texts(&reporting::problems(&first, today())), "");
    edit_person(&mut first, "p1", |p| p.top_management = false);
    assert!(texts(&reporting::problems(&first, today())).contains("nobody in the register who works here is top management"));
    // Told apart by name, the second is someone else, with no line to top management.
    edit_person(&mut r, "p6", |p| p.name = "Ada Okafor (assistant)".into());
    let found = texts(&reporting::problems(&r, today()));
    assert!(
        found.contains("Ben Lindqvist (ISMS performance reporter (Clause 5.3, item b)) has no reporting line to top management"),
        "{found}"
    );
    assert!(!shares_a_name(&r, "p1", today()));
    // A twin who has left is no one here now, and a blank name is nobody's twin.
    edit_person(&mut r, "p6", |p| p.name = "Ada Okafor".into());
    leave(&mut r, "p6", day(2026, 1, 1));
    assert!(!shares_a_name(&r, "p1", today()));
    edit_person(&mut r, "p3", |p| p.name = " ".into());
    edit_person(&mut r, "p4", |p| p.name = String::new());
    assert!(!shares_a_name(&r, "p3", today()));
}

#[test]
fn the_isms_owner_auditing_their_own_isms_is_a_conflict_with_a_compensating_measure() {
    let mut r = valid_register(today());
    r.add_assignment(appoint("a20", RoleKind::InternalAuditor, "p2", Some("p1"), None, day(2026, 1, 5))).unwrap();
    r.add_competence(record("c20", "p2", Some(RoleKind::InternalAuditor), day(2026, 1, 5), None)).unwrap();
    let found = texts(&sod::problems(&r, today()));
    assert!(found.contains("Ben Lindqvist is both Information security manager (ISMS owner) and ISMS conformance owner (Clause 5.3, item a) and ISMS performance reporter (Clause 5.3, item b) and internal auditor"), "{found}");
    assert!(found.contains("compensating measure: have an external auditor, or a peer"), "{found}");
    let (findings, verdict) = assess(r.clone());
    let f = only_finding(&findings, "REG-SOD");
    assert_eq!((f.kind, f.severity), (FindingKind::SodConflict, Severity::Minor));
    assert_eq!(verdict, Verdict::NearlyReady);
    // The compensating measure, recorded on the internal auditor's assignment, manages it.
    let mut audit = r.assignment("a20").unwrap().clone();
    audit.independent_check = "   ".into();
    r.update_assignment(audit.clone()).unwrap();
    assert_ne!(texts(&sod::problems(&r, today())), "", "blank is not a measure");
    // Nor is a placeholder (auditor probe: "none" read "Ready").
    for placeholder in ["none", "N/A", "-", "TBD.", "—"] {
        audit.independent_check = placeholder.into();
        r.update_assignment(audit.clone()).unwrap();
        assert_ne!(texts(&sod::problems(&r, today())), "", "{placeholder:?} is not a measure");
    }
    // Nor a check by the person themself, however written, or by someone in their own line, or
    // by someone who has left (auditor probes: "Ben Lindqvist reviews his own ISMS work", then
    // "ben checks it himself", "Lindqvist self-reviews", a peer two levels under him, read "Ready").
    let verdict_of = |r: &mut Register, audit: &mut Assignment, measure: &str| {
        audit.independent_check = measure.into();
        r.update_assignment(audit.clone()).unwrap();
        texts(&sod::problems(r, today()))
    };
    let found = verdict_of(&mut r, &mut audit, "ben lindqvist reviews his own ISMS work");
    assert!(
        found.starts_with("The compensating measure recorded for Ben Lindqvist (“ben lindqvist reviews his own ISMS work”) is a check by Ben Lindqvist themself: a check by the person whose work it is, by someone in their own reporting line or running the ISMS too, or by someone who no longer works here is not independent, so the conflicts below stay open."),
        "{found}"
    );
    assert!(found.contains("Ben Lindqvist is both"), "{found}");
    for own in [
        "Ben signs off his own audit",
        "ben checks it himself",
        "BEN checks it",
        "Lindqvist self-reviews the ISMS owner work",
        "B. Lindqvist re-checks it",
        "Ben's second review",
        "The security manager reviews their own audit work",
        "Reviewed by himself each quarter",
        // Written in the first person, or naming his own role (score-gaming probe of stop 51).
        "I audit the ISMS myself against a checklist, notes in Drive",
        "Reviewed by me and the CEO, notes in Drive",
        "I review my own risk work each quarter",
        "Checked by our internal auditor",
        "Checked by the same person who runs it",
    ] {
        assert!(verdict_of(&mut r, &mut audit, own).contains("is a check by Ben Lindqvist themself"), "{own}");
    }
    // Dev reports to Ben through his roles, and Fay to Dev as her line manager.
    for a in r.assignments.iter_mut().filter(|a| a.person_id == "p4") {
        a.reports_to = Some("p2".into());
    }
    r.add_person(Person { id: "p6".into(), name: "Fay Ortiz".into(), reports_to: Some("p4".into()), ..Person::default() }).unwrap();
    for line in ["Dev Patel reviews the ISMS owner's work", "Fay Ortiz audits the ISMS"] {
        assert!(verdict_of(&mut r, &mut audit, line).contains("names nobody independent of Ben Lindqvist who works here"), "{line}");
    }
    // Nor someone who runs the ISMS too (auditor probe: the conformance owner named as the
    // independent auditor read "Ready").
    let mut conformance = r.assignment("a3").unwrap().clone();
    conformance.person_id = "p3".into();
    r.update_assignment(conformance).unwrap();
    assert!(verdict_of(&mut r, &mut audit, "Cara Mendes audits the ISMS management clauses instead").contains("names nobody independent"));
    // Nor someone who has left.
    r.add_person(Person { id: "p7".into(), name: "Gil Gone".into(), leaving_date: Some(day(2026, 10, 1)), ..Person::default() }).unwrap();
    assert!(verdict_of(&mut r, &mut audit, "Gil Gone audits the ISMS").contains("names nobody independent"));
    // Someone outside his line, or a firm outside the register, is independent; so is another
    // Ben named in full.
    assert_eq!(verdict_of(&mut r, &mut audit, "Dev Patel and Ada Okafor review the ISMS owner's work"), "");
    r.add_person(Person { id: "p8".into(), name: "Ben Ortiz".into(), ..Person::default() }).unwrap();
    assert_eq!(verdict_of(&mut r, &mut audit, "Ben Ortiz audits the ISMS"), "");
    // Another internal auditor is not the person themself (stop 51).
    assert_eq!(verdict_of(&mut r, &mut audit, "Reviewed by the other internal auditor, Ben Ortiz"), "");
    // A number, a placeholder before an outside party, an engagement still to come, or a
    // self-check in German or French is no measure (score-gaming probe of stop 52: each read "Ready").
    for thin in [
        "1",
        "TBD external",
        "Northwind Audit Ltd (external), to be engaged next year",
        "Kontrolle durch externen Prüfer (noch nicht beauftragt)",
        "Audit externe, pas encore signé",
        "Selbstprüfung durch den ISMS-Verantwortlichen",
        "Autocontrôle annuel",
        "AUTOCONTRÔLE ANNUEL",
        "Eigenkontrolle durch den ISMS-Verantwortlichen",
    ] {
        assert_ne!(verdict_of(&mut r, &mut audit, thin), "", "{thin:?} is not a measure");
    }
    // A later step still to come, "all" in Spanish, a self-employed auditor or results not yet
    // objected to say nothing against the engagement (false-alarm pass of stop 52).
    for honest in [
        "Acme Audit Ltd audits the ISMS annually; findings to be closed within 30 days",
        "Acme Audit Ltd audits the areas Ben runs; engaged 2025-11, to be renewed yearly",
        "Auditoría externa de todo el SGSI por Auditores Asociados S.L., contratada en 2025",
        "Externe Prüfung durch selbstständigen Auditor Hans Weber (Weber Consulting GmbH), beauftragt 2025",
        "Externe Prüfung durch Acme Audit GmbH seit 2024, bisher noch nicht beanstandet",
    ] {
        assert_eq!(verdict_of(&mut r, &mut audit, honest), "", "{honest:?}");
    }
    // "To be" that says what the party is, not what is still to come, is fine.
    assert_eq!(verdict_of(&mut r, &mut audit, "Northwind Audit Ltd, contracted to be our internal auditor since 2025"), "");
    audit.independent_check = "External auditor (Acme Audit) audits the ISMS owner's work; audit programme 2026".into();
    r.update_assignment(audit).unwrap();
    assert_eq!(texts(&sod::problems(&r, today())), "");
    let (findings, verdict) = assess(r);
    assert!(findings.iter().all(|f| f.item_id != "REG-SOD"), "{findings:?}");
    assert_eq!(verdict, Verdict::Ready);
}

#[test]
fn the_internal_auditor_reporting_isms_performance_would_audit_their_own_reporting() {
    // The auditor probe: Eli, the internal auditor, also given the Clause 5.3 b) reporting duty
    // read "Ready"; the performance they report is what their audit judges (Clause 9.2).
    let mut r = valid_register(today());
    let mut reporting = r.assignment("a4").unwrap().clone();
    reporting.person_id = "p5".into();
    r.update_assignment(reporting).unwrap();
    let found = texts(&sod::problems(&r, today()));
    assert!(found.contains("Eli Novak is both ISMS performance reporter (Clause 5.3, item b) and internal auditor"), "{found}");
    let (findings, _) = assess(r);
    let sod = findings.iter().find(|f| f.item_id == "REG-SOD").expect("a duty conflict");
    assert_eq!(sod.severity, Severity::Minor);
}

#[test]
fn a_risk_owner_in_top_management_accepting_their_own_risks_is_no_conflict() {
    // Clause 6.1.3 f): risk owners accept the residual risk of their risks; the CEO owning a risk
    // and top management being accountable for risk acceptance is the usual startup set-up.
    let mut r = valid_register(today());
    assert_eq!(r.raci("risk-acceptance", &RoleKind::TopManagement), Some(Raci::Accountable));
    r.add_assignment(appoint("a20", RoleKind::RiskOwner, "p1", None, None, day(2026, 1, 5))).unwrap();
    assert_eq!(texts(&sod::problems(&r, today())), "");
    // Also when Ada is top management by her flag alone.
    r.remove_assignment("a1").unwrap();
    assert_eq!(texts(&sod::problems(&r, today())), "");
    let (findings, _) = assess(r);
    assert!(findings.iter().all(|f| f.item_id != "REG-SOD"), "{findings:?}");
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
fn top_management_by_the_person_flag_alone_auditing_what_they_run_is_a_conflict_and_needs_competence() {
    let mut r = valid_register(today());
    r.remove_assignment("a1").unwrap(); // Ada is top management by her flag only
    r.add_assignment(appoint("a20", RoleKind::InternalAuditor, "p1", None, None, day(2026, 1, 5))).unwrap();
    let found = texts(&sod::problems(&r, today()));
    assert!(found.contains("Ada Okafor is internal auditor and also owns"), "{found}");
    assert!(found.contains("(Top management, accountable)"), "{found}");
    assert!(!found.contains("isms"), "acronyms keep their capitals: {found}");
    // The same as with an explicit top-management assignment.
    let mut explicit = r.clone();
    explicit.add_assignment(appoint("a21", RoleKind::TopManagement, "p1", None, None, day(2026, 1, 5))).unwrap();
    assert_eq!(texts(&sod::problems(&explicit, today())), found);
    // Her audit role needs a competence record; being top management needs none of its own.
    r.remove_competence("c1").unwrap();
    let found = texts(&competence::problems(&r, today()));
    assert!(found.contains("Ada Okafor has no competence record for the role Internal auditor"), "{found}");
    r.add_competence(record("c9", "p1", Some(RoleKind::InternalAuditor), day(2026, 6, 1), None)).unwrap();
    assert_eq!(texts(&competence::problems(&r, today())), "");
}

#[test]
fn an_auditor_who_owns_an_area_they_audit_is_named_with_the_area() {
    let mut r = valid_register(today());
    r.add_assignment(appoint("a20", RoleKind::AwarenessTrainer, "p5", Some("p1"), None, day(2026, 1, 5))).unwrap();
    let found = texts(&sod::problems(&r, today()));
    assert!(
        found.contains(
            "Eli Novak is internal auditor and also owns security awareness and training for all staff (Awareness trainer, responsible)"
        ),
        "{found}"
    );
    assert!(found.contains("different auditor"), "{found}");
    // With the cells of the roles that run a process left out of the matrix, the roles held still
    // say it (auditor probe of stop 42: Dev as internal auditor and third-party manager,
    // awareness trainer and risk owner read "Ready").
    let mut dev = valid_register(today());
    edit_assignment(&mut dev, "a12", |a| a.person_id = "p4".into());
    for (row, role) in [
        ("supplier-register", RoleKind::ThirdPartyManager),
        ("awareness-training", RoleKind::AwarenessTrainer),
        ("risk-assessment", RoleKind::RiskOwner),
    ] {
        dev.set_raci(row, &role, None).unwrap();
    }
    let found = texts(&sod::problems(&dev, today()));
    assert!(
        found.contains(
            "Dev Patel is internal auditor and also owns the work of third-party manager (the role they hold); the work of \
             awareness trainer (the role they hold); the work of risk owner (the role they hold)"
        ),
        "{found}"
    );
    assert_ne!(assess(dev).1, Verdict::Ready);
}

#[test]
fn an_internal_auditor_reporting_to_the_isms_owner_below_top_management_is_not_impartial() {
    // Auditor probe: Eli, the internal auditor, reporting to Ben, the security manager whose ISMS
    // he audits, read "Ready" (Clause 9.2.2 b)).
    let mut r = valid_register(today());
    assert!(sod::problems(&r, today()).is_empty(), "Eli reports to Ada, top management");
    edit_assignment(&mut r, "a12", |a| a.reports_to = Some("p2".into()));
    let found = texts(&sod::problems(&r, today()));
    assert!(found.contains("Eli Novak is internal auditor but reports to Ben Lindqvist, who runs the ISMS they would audit"), "{found}");
    assert!(found.contains("whose work it checks (Clause 9.2.2 b)"), "{found}");
    let (findings, verdict) = assess(r.clone());
    assert_eq!(only_finding(&findings, "REG-SOD").kind, FindingKind::SodConflict);
    assert_ne!(verdict, Verdict::Ready);
    // Through a line manager who reports to him, too.
    let mut through = valid_register(today());
    edit_assignment(&mut through, "a12", |a| a.reports_to = Some("p4".into()));
    edit_assignment(&mut through, "a9", |a| a.reports_to = Some("p2".into()));
    assert!(texts(&sod::problems(&through, today())).contains("reports to Ben Lindqvist"));
    // A CEO who is also the ISMS owner is top management: reporting to them is where the results go.
    let mut ceo_runs = valid_register(today());
    for id in ["a2", "a3", "a4"] {
        edit_assignment(&mut ceo_runs, id, |a| (a.person_id, a.reports_to) = ("p1".into(), None));
    }
    assert!(!texts(&sod::problems(&ceo_runs, today())).contains("but reports to"), "{}", texts(&sod::problems(&ceo_runs, today())));
    // To the security manager's deputy, while she works here; once she has left she runs nothing
    // (auditor probe: "reports to Ada Okafor, who runs the ISMS", Ada gone a month).
    let mut deputy = valid_register(today());
    assert_eq!(deputy.assignment("a2").unwrap().backup.as_deref(), Some("p3"));
    edit_assignment(&mut deputy, "a12", |a| a.reports_to = Some("p3".into()));
    assert!(texts(&sod::problems(&deputy, today())).contains("reports to Cara Mendes, who runs the ISMS"));
    leave(&mut deputy, "p3", day(2026, 10, 23));
    assert!(!texts(&sod::problems(&deputy, today())).contains("who runs the ISMS"), "{}", texts(&sod::problems(&deputy, today())));
}

#[test]
fn the_isms_owner_reporting_to_the_internal_auditor_or_the_auditor_answering_for_an_area_is_a_conflict() {
    // Score-gaming probe of stop 51: both read "Ready".
    let mut r = valid_register(today());
    let bens: Vec<String> = r.assignments.iter().filter(|a| a.person_id == "p2").map(|a| a.id.clone()).collect();
    for id in &bens {
        edit_assignment(&mut r, id, |a| a.reports_to = Some("p5".into()));
    }
    let found = texts(&sod::problems(&r, today()));
    assert!(
        found.contains("Eli Novak is internal auditor, and Ben Lindqvist reports to them while running the ISMS they would audit"),
        "{found}"
    );
    assert_ne!(assess(r).1, Verdict::Ready);
    // The internal auditor's own column accountable for a row they would audit.
    let mut own = valid_register(today());
    let accountable = RESPONSIBILITIES.iter().find(|row| row.code == "risk-assessment").unwrap();
    let holder =
        own.raci.iter().find(|(k, v)| k.starts_with("risk-assessment|") && **v == Raci::Accountable).map(|(k, _)| k.clone()).unwrap();
    own.raci.remove(&holder);
    own.set_raci(accountable.code, &RoleKind::InternalAuditor, Some(Raci::Accountable)).unwrap();
    let found = texts(&sod::problems(&own, today()));
    assert!(
        found.contains(
            "Eli Novak is internal auditor and also owns running the information security risk assessment (Internal auditor, accountable)"
        ),
        "{found}"
    );
    assert_ne!(assess(own).1, Verdict::Ready);
}

#[test]
fn the_security_managers_deputy_is_no_independent_auditor_nor_an_independent_check() {
    // Auditor probe: Eli, the internal auditor, as the security manager's deputy read "Ready";
    // and Ben as internal auditor with "Cara audits …" (his deputy) or "reviewed by the ISMS
    // owner" (himself) recorded as the independent check read "Ready".
    let mut r = valid_register(today());
    edit_assignment(&mut r, "a2", |a| a.backup = Some("p5".into()));
    let found = texts(&sod::problems(&r, today()));
    assert_eq!(
        found,
        "Eli Novak is internal auditor and deputy for Information security manager (ISMS owner) (Ben Lindqvist), so when \
         standing in they would run the ISMS they audit. Usual compensating measure: name another deputy, or have an \
         external auditor audit any period they stood in, and record that in the audit programme."
    );
    assert_eq!(assess(r.clone()).1, Verdict::NearlyReady);
    // The other way round too (third probe): the security manager as the internal auditor's deputy.
    let mut other_way = valid_register(today());
    edit_assignment(&mut other_way, "a12", |a| a.backup = Some("p2".into()));
    assert!(
        texts(&sod::problems(&other_way, today())).starts_with("Ben Lindqvist is Information security manager (ISMS owner) and "),
        "{}",
        texts(&sod::problems(&other_way, today()))
    );
    assert!(texts(&sod::problems(&other_way, today())).contains("deputy for the internal auditor (Eli Novak), so when standing in"));
    assert_eq!(assess(other_way).1, Verdict::NearlyReady);
    // The measure the message suggests, naming whose stand-in periods an outside firm audits, is
    // taken (second probe: naming Eli read as a check by Eli himself).
    edit_assignment(&mut r, "a12", |a| {
        a.independent_check = "Any period Eli Novak stands in for the security manager is audited by Northwind Audit Ltd (external)".into()
    });
    assert_eq!(texts(&sod::problems(&r, today())), "");
    edit_assignment(&mut r, "a12", |a| a.independent_check = "Stand-in periods are reviewed by the ISMS owner".into());
    assert!(texts(&sod::problems(&r, today())).contains("names nobody independent of Eli Novak"));

    let mut r = valid_register(today());
    r.remove_assignment("a12").unwrap();
    r.add_assignment(appoint("a20", RoleKind::InternalAuditor, "p2", Some("p1"), None, day(2026, 1, 5))).unwrap();
    r.add_competence(record("c20", "p2", Some(RoleKind::InternalAuditor), day(2026, 1, 5), None)).unwrap();
    for (measure, independent) in [
        ("Cara Mendes audits the ISMS owner's work", false),
        ("Reviewed by the ISMS owner in the audit programme", false),
        ("Reviewed by the security manager of our parent company, Acme Ltd", true),
        ("External firm Northwind Audit reviews it, per the audit programme", true),
        // Second probe: the ISMS owner named as the checker by role or by job title.
        ("The ISMS owner reviews the audit work", false),
        ("Audit reviewed by the information security manager", false),
        ("Audit work reviewed by our ISMS owner", false),
        ("Reviewed by the ISMS manager", false),
        ("Reviewed by the head of security", false),
        // Whose work is checked is no checker; an outside party naming him checks his work.
        ("Northwind Audit reviews the ISMS owner's work each year", true),
        ("Ben Lindqvist checks his own audits; Northwind Audit Ltd (external) spot-checks", false),
        ("Ben Lindqvist reviews the external audit firm's findings", false),
        ("Reviewed by Ben Lindqvist with the external firm", false),
        // Third probe: "external" before a thing is no outside party; an outside firm's manager is not Ben.
        ("Reviewed by Ben using the external ISO 27001 audit template", false),
        ("Reviewed by the ISMS manager of Northwind Audit Ltd", true),
        ("Ben Lindqvist's audits are re-audited by Northwind Audit Ltd (external)", true),
        // auditor probe of stop 42: a measure that says it is not there, or only to come.
        ("We cannot afford an external auditor", false),
        ("No external auditor has been engaged yet", false),
        ("External audit planned for next year, not yet booked", false),
        ("An external auditor will be hired in Q3", false),
        ("We can't pay for an external audit", false),
        ("Northwind Audit Ltd audits the ISMS; no ISMS staff take part", true),
        ("External auditor audits the ISMS owner's work, as planned in the audit plan", true),
        // Auditor probe of stop 44: an outside party on Ben's own side, the party that built the
        // ISMS, or a check dated ahead (90 days after today) cleared the conflict ("Ready, on
        // your word").
        ("Reviewed by Ben Lindqvist's firm, Northwind Advisory Ltd", false),
        ("Peer review by a colleague at Northwind Advisory Ltd", false),
        ("Checked by the consultancy that implemented our ISMS (Northwind Ltd)", false),
        ("External review of the areas Ben owns by Northwind Audit Ltd scheduled for 2027-02-21", false),
        ("Northwind Audit Ltd reviewed the areas Ben owns on 2026-10-01; next review 2027-02-21", true),
        ("Northwind Audit Ltd audits how the controls Ben owns were implemented", true),
        ("Northwind Audit Ltd, who designed the audit plan, audits the areas Ben owns", true),
        ("Checked by the firm that built our security controls", false),
        ("Northwind Audit Ltd (external) audits his team's work yearly", true),
        // Auditor probe of stop 45: the CEO reading or signing off the audit's results leaves
        // the audit Ben's own; Ben named as whose work it is does not make the check his.
        ("CEO reads the audit report", false),
        ("Ada Okafor (CEO) reviews and signs off Ben's internal audit report", false),
        ("Ada Okafor receives the audit findings each quarter", false),
        ("Ada Okafor audits the ISMS owner's areas and reports the findings to the board", true),
        ("Ada Okafor reviews Ben's work each quarter", true),
        // Startup pass of stop 48: an outside firm named by its trade, and the person named in
        // full as whose work it is, read as a self-check.
        ("Northbridge Assurance audits Ben Lindqvist's ISMS work each year", true),
        ("Ada Okafor (CEO) audits Ben Lindqvist's ISMS work", true),
        ("Ben Lindqvist audits the ISMS for Northbridge Assurance", false),
    ] {
        edit_assignment(&mut r, "a20", |a| a.independent_check = measure.into());
        let found = texts(&sod::problems(&r, today()));
        assert_eq!(found.is_empty(), independent, "{measure}: {found}");
    }
    edit_assignment(&mut r, "a20", |a| a.independent_check = "Ada Okafor (CEO) reviews and signs off Ben's internal audit report".into());
    let found = texts(&sod::problems(&r, today()));
    assert!(
        found.contains(
            "has the audit's results read or signed off, no more: Ben Lindqvist would still audit their own work. Someone \
             independent of Ben Lindqvist has to audit the areas Ben Lindqvist runs, so the conflicts below stay open."
        ),
        "{found}"
    );
    assert!(!found.contains("themself"), "Ben is whose report it is, not who checks it: {found}");
    edit_assignment(&mut r, "a20", |a| a.independent_check = "We cannot afford an external auditor".into());
    let found = texts(&sod::problems(&r, today()));
    // Said without the reasons a check is not independent, which do not fit one not there.
    assert!(
        found.contains("(“We cannot afford an external auditor”) says no such check is in place yet, so the conflicts below stay open."),
        "{found}"
    );
    let ahead = today() + chrono::Days::new(90);
    assert_eq!(ahead.to_string(), "2027-02-21", "the date the table above uses");
    // The firm his job title names is his own side.
    edit_assignment(&mut r, "a20", |a| {
        a.independent_check = "Northwind Advisory Ltd's quality team reviews the areas its vCISO runs".into()
    });
    assert_eq!(texts(&sod::problems(&r, today())), "", "another firm's name, before his title says whose");
    edit_person(&mut r, "p2", |p| p.job_title = "vCISO (contractor), Northwind Advisory Ltd".into());
    let found = texts(&sod::problems(&r, today()));
    assert!(found.contains("names Ben Lindqvist's own firm or colleagues: a check by the people Ben Lindqvist works with"), "{found}");
    edit_person(&mut r, "p2", |p| p.job_title = "Head of Security".into());
    edit_assignment(&mut r, "a20", |a| a.independent_check = format!("External audit by Northwind Audit Ltd on {ahead}"));
    let found = texts(&sod::problems(&r, today()));
    assert!(found.contains(&format!("is dated {ahead}, still to come: no such check is in place yet")), "{found}");
    // Cara is the deputy (a2's backup): with another deputy she may check his work.
    edit_assignment(&mut r, "a2", |a| a.backup = Some("p4".into()));
    edit_assignment(&mut r, "a20", |a| a.independent_check = "Cara Mendes audits the ISMS owner's work".into());
    assert_eq!(texts(&sod::problems(&r, today())), "");
}

#[test]
fn an_internal_auditor_who_implemented_the_isms_would_audit_their_own_work() {
    // Auditor probe of stop 45: the consultant who built the ISMS, named so in the register as
    // its internal auditor, raised only a competence gap (Clause 9.2.2 b)).
    let mut r = valid_register(today());
    assert!(sod::problems(&r, today()).is_empty());
    edit_person(&mut r, "p5", |p| p.job_title = "ISMS implementation consultant".into());
    let found = texts(&sod::problems(&r, today()));
    assert!(
        found.contains(
            "Eli Novak is internal auditor, and “ISMS implementation consultant” says they implemented the ISMS they would \
             audit, so they would audit their own work"
        ),
        "{found}"
    );
    // The 2022 lettering: b) is the auditors' objectivity, c) the reporting of results (content
    // pass of stop 50: the 2013 letter c) was cited).
    assert!(found.contains("(Clause 9.2.2 b) asks for auditors chosen so the audit is objective and impartial)"), "{found}");
    let (findings, _) = assess(r.clone());
    assert_eq!(only_finding(&findings, "REG-SOD").kind, FindingKind::SodConflict);
    // A role of their own saying so, whatever the job title.
    edit_person(&mut r, "p5", |p| p.job_title = "Consultant".into());
    r.add_assignment(appoint("a30", RoleKind::Custom("ISO 27001 implementer".into()), "p5", Some("p1"), None, day(2026, 1, 5))).unwrap();
    assert!(texts(&sod::problems(&r, today())).contains("“ISO 27001 implementer” says they implemented the ISMS"));
    // Set up, designed or established, as consultants write it (auditor probe of stop 46).
    r.remove_assignment("a30").unwrap();
    for title in
        ["ISO 27001 consultant - set up the ISMS and runs internal audit", "Designed our security programme", "Established the ISMS"]
    {
        edit_person(&mut r, "p5", |p| p.job_title = title.into());
        assert!(texts(&sod::problems(&r, today())).contains("says they implemented the ISMS"), "{title}");
    }
    // Implementing something else is no part in building the ISMS; an outside audit of it manages it.
    edit_person(&mut r, "p5", |p| p.job_title = "Implementation lead, payments".into());
    assert!(sod::problems(&r, today()).is_empty());
    edit_person(&mut r, "p5", |p| p.job_title = "ISMS implementation consultant".into());
    edit_assignment(&mut r, "a12", |a| a.independent_check = "Northwind Audit Ltd (external) audits the ISMS each year".into());
    assert!(sod::problems(&r, today()).is_empty());
}

#[test]
fn missing_expired_and_undated_competence_are_listed_with_dates() {
    let mut r = valid_register(today());
    r.remove_competence("c5").unwrap(); // Dev: nothing left
    let mut cara = r.competence.iter().find(|c| c.id == "c4").unwrap().clone();
    cara.achieved_on = Some(day(2025, 6, 1)); // 12-month renewal: lapsed 2026-06-01
    r.update_competence(cara).unwrap();
    let mut eli = r.competence.iter().find(|c| c.id == "c6").unwrap().clone();
    eli.achieved_on = None;
    r.update_competence(eli).unwrap();
    let problems = competence::problems(&r, today());
    let found = texts(&problems);
    assert!(found.contains("Dev Patel has no competence record for the role Third-party manager"), "{found}");
    assert!(
        found.contains("Cara Mendes's training \"Course c4\" is past its renewal date, 2026-06-01 (renewal due every 12 months)."),
        "{found}"
    );
    assert!(found.contains("Eli Novak's training \"Course c6\" has no date"), "{found}");
    // A general record lapsing is reported once, not once per role Cara holds.
    assert_eq!(found.matches("Course c4").count(), 1);
    let (findings, _) = assess(r);
    let f = only_finding(&findings, "REG-COMPETENCE");
    // Dated the first day it no longer counts (valid through its renewal date).
    assert_eq!((f.kind, f.date), (FindingKind::CompetenceGap, Some(day(2026, 6, 2))));
}

#[test]
fn a_record_that_does_not_say_what_it_is_does_not_stand_in_for_a_lapsed_one() {
    // The auditor probe: Cara's only described record lapsed, and a blank, undated record beside
    // it read "valid today", so the register showed her competent.
    let mut r = valid_register(today());
    let mut cara = r.competence.iter().find(|c| c.id == "c4").unwrap().clone();
    cara.achieved_on = Some(day(2025, 6, 1)); // 12-month renewal: lapsed 2026-06-01
    r.update_competence(cara.clone()).unwrap();
    let blank = audit_readiness::domain::roles::CompetenceRecord {
        id: "c41".into(),
        person_id: "p3".into(),
        description: "  ".into(),
        achieved_on: None,
        renew_every_months: None,
        ..cara
    };
    r.add_competence(blank).unwrap();
    let found = texts(&competence::problems(&r, today()));
    assert!(found.contains("is past its renewal date, 2026-06-01"), "{found}");
    assert!(found.contains("Cara Mendes's training \"(no description)\" does not say what it is, so it shows no competence."), "{found}");
    // Nor does a placeholder (auditor probe: "n/a" read "Ready").
    let mut placeholder = r.competence.iter().find(|c| c.id == "c41").unwrap().clone();
    placeholder.description = "n/a".into();
    r.update_competence(placeholder).unwrap();
    let found = texts(&competence::problems(&r, today()));
    assert!(found.contains("Cara Mendes's training \"n/a\" does not say what it is"), "{found}");
}

#[test]
fn a_renewed_record_replaces_the_lapsed_one_and_a_future_dated_record_does_not_count_yet() {
    let mut r = valid_register(today());
    let mut cara = r.competence.iter().find(|c| c.id == "c4").unwrap().clone();
    cara.achieved_on = Some(day(2025, 6, 1)); // 12-month renewal: lapsed 2026-06-01
    r.update_competence(cara.clone()).unwrap();
    assert!(texts(&competence::problems(&r, today())).contains("is past its renewal date, 2026-06-01"));
    // The refresher course, taken since, is a new record: the old one no longer counts against her.
    let mut renewed = cara.clone();
    renewed.id = "c40".into();
    renewed.achieved_on = Some(day(2026, 7, 1));
    r.add_competence(renewed.clone()).unwrap();
    assert_eq!(texts(&competence::problems(&r, today())), "");
    // Booked for next month is not yet achieved: the lapse stands, and the booking is named.
    renewed.achieved_on = Some(today() + chrono::Days::new(30));
    r.update_competence(renewed).unwrap();
    let found = texts(&competence::problems(&r, today()));
    assert!(found.contains("is past its renewal date, 2026-06-01"), "{found}");
    assert!(found.contains("so it is not achieved yet: it counts from that day"), "{found}");
    // A person whose only record is future-dated cannot show competence either.
    let mut eli = r.competence.iter().find(|c| c.id == "c6").unwrap().clone();
    eli.achieved_on = Some(today() + chrono::Days::new(1));
    r.update_competence(eli).unwrap();
    assert!(texts(&competence::problems(&r, today())).contains("Eli Novak's training \"Course c6\" is dated"));
    // Judged for an audit day ahead, a course dated after it is not "after today" (auditor probe).
    let mut cara = r.competence.iter().find(|c| c.id == "c40").unwrap().clone();
    cara.achieved_on = Some(day(2027, 3, 1));
    r.update_competence(cara).unwrap();
    let on_audit_day = texts(&competence::problems(&r, day(2027, 2, 15)));
    assert!(on_audit_day.contains("\"Course c4\" is dated 2027-03-01, so it is not achieved yet"), "{on_audit_day}");
    assert!(!on_audit_day.contains("today"), "{on_audit_day}");
}

#[test]
fn a_competence_record_whose_words_say_it_is_not_achieved_shows_no_competence() {
    // Score-gaming probe of stop 51: dated in the past, these read "Ready".
    let mut r = valid_register(today());
    let eli = r.competence.iter().find(|c| c.id == "c6").unwrap().clone();
    for text in [
        "ISO 27001 Lead Implementer course, not completed yet",
        "Enrolled in ISO 27001 course, exam pending",
        "ISO 27001 training booked for next quarter",
        "Will be certified next year",
        "No certificate",
        "Years of experience: none",
        "0 years of experience",
        "Certification exam failed twice",
        "ISO 27001 Lead Implementer certificate expired in 2024",
        "CISM, lapsed last year",
        "No security experience",
    ] {
        let mut record = eli.clone();
        record.description = text.into();
        r.update_competence(record).unwrap();
        let found = texts(&competence::problems(&r, today()));
        assert!(
            found.contains(&format!("Eli Novak's training \"{text}\" says it is not held, or not yet, so it shows no competence.")),
            "{found}"
        );
    }
    // A qualification held, with a next step to come, or a finished course, is achieved.
    for text in [
        "CISSP certified, renewal pending",
        "ISO 27001 Lead Auditor course completed",
        "Internal auditor training, 2 days",
        "ISO 27001 Lead Implementer, certificate no. 12345",
        "10 years in security operations",
    ] {
        let mut record = eli.clone();
        record.description = text.into();
        r.update_competence(record).unwrap();
        assert_eq!(texts(&competence::problems(&r, today())), "", "{text}");
    }
}

#[test]
fn what_lapses_or_leaves_before_the_audit_is_open_now_and_says_so() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register = valid_register(today());
    let mut cara = a.register.competence.iter().find(|c| c.id == "c4").unwrap().clone();
    cara.achieved_on = Some(day(2026, 1, 10)); // 12-month renewal: valid today, lapses 2027-01-10
    a.register.update_competence(cara).unwrap();
    leave(&mut a.register, "p2", day(2027, 1, 31)); // Ben leaves at the end of January
    let ids = |a: &Assessment| {
        let mut ids: Vec<&str> = all_findings(catalog, a, today()).iter().map(|f| f.item_id).filter(|id| *id != "REG-SOD").collect();
        ids.dedup();
        ids
    };
    assert_eq!(ids(&a), Vec::<&str>::new(), "no audit date: judged as of today");
    a.audit_date = Some(day(2027, 1, 5));
    assert_eq!(ids(&a), Vec::<&str>::new(), "both still fine on audit day");
    a.audit_date = Some(day(2027, 2, 15));
    let findings = all_findings(catalog, &a, today());
    let competence = findings.iter().find(|f| f.item_id == "REG-COMPETENCE").expect("competence finding");
    assert!(
        competence.details.contains(
            &"By the audit on 2027-02-15: Cara Mendes's training \"Course c4\" is past its renewal date, 2027-01-10 (renewal due every 12 months)."
                .to_string()
        ),
        "{:?}",
        competence.details
    );
    assert_eq!(competence.date, Some(day(2027, 1, 11)), "the first day it no longer counts");
    let assigned = findings.iter().find(|f| f.item_id == "REG-ROLES-ASSIGNED").expect("roles finding");
    assert!(assigned.explanation.contains("By the audit on 2027-02-15:"), "{}", assigned.explanation);
    assert!(assigned.explanation.contains("Information security manager"), "{}", assigned.explanation);
    // Every later finding line of one check after the first follows on from the dated one.
    for f in findings.iter().filter(|f| f.kind.is_register()) {
        let later: Vec<&String> = f.details.iter().skip_while(|d| !d.starts_with("By the audit on 2027-02-15: ")).collect();
        assert!(later.iter().skip(1).all(|d| d.starts_with("Also by then: ")), "{:?}", f.details);
        assert_eq!(f.details.iter().filter(|d| d.starts_with("By the audit on")).count(), usize::from(!later.is_empty()));
    }
    assert!(findings.iter().any(|f| f.details.iter().any(|d| d.starts_with("Also by then: "))), "Ben's leaving opens several lines");
    assert_ne!(compute(catalog, &a, &findings).verdict, Verdict::Ready);
    // An audit date already passed adds nothing.
    a.audit_date = Some(day(2026, 11, 1));
    assert_eq!(ids(&a), Vec::<&str>::new());
}

#[test]
fn a_record_that_only_lapses_before_the_audit_is_a_reminder_that_costs_nothing() {
    // Auditor probe: a yearly course due for renewal before an audit months away read "Nearly
    // ready", while evidence lapsing then costs nothing.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register = valid_register(today());
    edit_competence(&mut a.register, "c4", |c| c.achieved_on = Some(day(2026, 1, 10))); // lapses 2027-01-10
    a.audit_date = Some(day(2027, 2, 15));
    let findings = all_findings(catalog, &a, today());
    let competence = findings.iter().find(|f| f.item_id == "REG-COMPETENCE").expect("the renewal is still said");
    assert_eq!((competence.severity, competence.cost), (Severity::Observation, Points::ZERO));
    assert!(competence.explanation.contains("By the audit on 2027-02-15: Cara Mendes's training"), "{}", competence.explanation);
    assert!(competence.explanation.ends_with(audit_readiness::domain::findings::RENEW_IN_TIME), "{}", competence.explanation);
    let score = compute(catalog, &a, &findings);
    assert_eq!((score.verdict, score.percent), (Verdict::Ready, 100));
    // Lapsed already, it is the gap it always was.
    edit_competence(&mut a.register, "c4", |c| c.achieved_on = Some(day(2025, 6, 1)));
    let findings = all_findings(catalog, &a, today());
    let competence = findings.iter().find(|f| f.item_id == "REG-COMPETENCE").unwrap();
    assert_eq!(competence.severity, Severity::Minor);
    assert!(competence.cost > Points::ZERO);
    // So is a starter by the audit day without any record: not a renewal.
    edit_competence(&mut a.register, "c4", |c| c.achieved_on = Some(day(2026, 6, 1)));
    assert!(all_findings(catalog, &a, today()).iter().all(|f| f.item_id != "REG-COMPETENCE"));
    a.register.add_person(person("p9", "Finn Ober", "Security engineer", day(2027, 1, 4), false)).unwrap();
    a.register.add_assignment(appoint("a30", RoleKind::IncidentLead, "p9", Some("p2"), None, day(2027, 1, 4))).unwrap();
    let findings = all_findings(catalog, &a, today());
    let competence = findings.iter().find(|f| f.item_id == "REG-COMPETENCE").unwrap();
    assert!(competence.explanation.contains("Finn Ober has no competence record"), "{}", competence.explanation);
    assert_eq!(competence.severity, Severity::Minor);
}

#[test]
fn competence_for_another_role_does_not_count() {
    let mut r = valid_register(today());
    r.remove_competence("c3").unwrap(); // Ben keeps only his security-manager record
    let found = texts(&competence::problems(&r, today()));
    assert!(found.contains("Ben Lindqvist has no competence record for the role ISMS conformance owner"), "{found}");
    assert!(!found.contains("for the role Information security manager"), "{found}");
}

#[test]
fn a_custom_role_record_still_counts_when_the_name_is_written_in_other_capitals() {
    let mut r = valid_register(today());
    // Eli's only record is for the internal auditor role, so only c20 can cover the custom role.
    r.add_assignment(appoint("a20", RoleKind::Custom("Privacy lead".into()), "p5", Some("p1"), None, day(2026, 1, 5))).unwrap();
    assert!(texts(&competence::problems(&r, today())).contains("Eli Novak has no competence record for the role Privacy lead"));
    r.add_competence(record("c20", "p5", Some(RoleKind::Custom("Privacy lead".into())), day(2026, 2, 1), None)).unwrap();
    assert_eq!(texts(&competence::problems(&r, today())), "");
    // One role (one RASCI column, one picker entry), however the name is capitalised or spaced.
    r.rename_custom_role("a20", "Privacy  Lead".into()).unwrap();
    assert_eq!(texts(&competence::problems(&r, today())), "");
    // A record for a different role still does not count.
    r.rename_custom_role("a20", "Data protection officer".into()).unwrap();
    let mut moved = r.competence.iter().find(|c| c.id == "c20").unwrap().clone();
    moved.role = Some(RoleKind::Custom("Privacy lead".into()));
    r.update_competence(moved).unwrap();
    assert!(texts(&competence::problems(&r, today())).contains("Eli Novak has no competence record for the role Data protection officer"));
}

#[test]
fn one_custom_role_under_two_spellings_is_one_role_for_its_holder() {
    let mut r = valid_register(today());
    let privacy = |name: &str| RoleKind::Custom(name.into());
    r.add_assignment(appoint("a20", privacy("Privacy lead"), "p5", Some("p1"), None, day(2026, 1, 5))).unwrap();
    r.add_assignment(appoint("a21", privacy("privacy lead"), "p5", Some("p1"), None, day(2026, 1, 5))).unwrap();
    assert_eq!(r.held_roles("p5").len(), 2, "internal auditor and the privacy lead, once");
    let found = texts(&competence::problems(&r, today()));
    assert_eq!(found.matches("for the role Privacy lead").count(), 1, "{found}");
    r.add_competence(record("c20", "p5", Some(privacy("Privacy lead")), day(2026, 2, 1), None)).unwrap();
    // Renaming one of the two spellings: Eli still holds the role through the other, so the
    // record stays with it and the new role needs its own.
    r.rename_custom_role("a21", "Data protection officer".into()).unwrap();
    let found = texts(&competence::problems(&r, today()));
    // He has a record for his other role: how to cover this one too is said.
    assert_eq!(
        found,
        "Eli Novak has no competence record for the role Data protection officer: their records are for other roles (one set to \
         General counts for every role they hold)."
    );
}

#[test]
fn someone_marked_top_management_needs_no_competence_record_for_being_top_management() {
    let mut r = Register::default();
    r.add_person(person("p1", "Ada Okafor", "CEO", day(2024, 1, 1), true)).unwrap();
    // Lead-auditor probe: "no competence record for the role Top management" is not an audit finding.
    assert_eq!(texts(&competence::problems(&r, today())), "");
    // The checks about assignments say that none is made (not that nobody holds a role).
    assert_eq!(
        texts(&appointment::problems(&r, today())),
        "No role in the register is assigned to anyone who works here, so there is nothing to show an auditor yet."
    );
    // Nor for sitting on the review team, which Clause 9.3 gives top management (second look).
    r.add_assignment(appoint("a2", RoleKind::ReviewTeamMember, "p1", None, None, day(2026, 1, 5))).unwrap();
    assert_eq!(texts(&competence::problems(&r, today())), "");
    // A role she takes on besides needs one.
    r.add_assignment(appoint("a1", RoleKind::SecurityManager, "p1", None, None, day(2026, 1, 5))).unwrap();
    let found = texts(&competence::problems(&r, today()));
    assert_eq!(found, "Ada Okafor has no competence record for the role Information security manager (ISMS owner) (nor a general one).");
}

#[test]
fn a_reporter_without_a_path_to_top_management_is_a_major_finding() {
    let mut r = valid_register(today());
    for id in ["a2", "a3", "a4", "a5"] {
        let mut a = r.assignment(id).unwrap().clone();
        a.reports_to = Some("p3".into()); // Ben reports to Cara ...
        r.update_assignment(a).unwrap();
    }
    for id in ["a6", "a7", "a8"] {
        let mut a = r.assignment(id).unwrap().clone();
        a.reports_to = Some("p4".into()); // ... Cara to Dev ...
        r.update_assignment(a).unwrap();
    }
    for id in ["a9", "a10", "a11"] {
        let mut a = r.assignment(id).unwrap().clone();
        a.reports_to = None; // ... and Dev to nobody.
        r.update_assignment(a).unwrap();
    }
    let found = texts(&reporting::problems(&r, today()));
    assert!(
        found.starts_with("Ben Lindqvist (ISMS performance reporter (Clause 5.3, item b)) has no reporting line to top management"),
        "{found}"
    );
    assert!(found.contains("it reaches only Ben Lindqvist, Cara Mendes, Dev Patel and goes no higher"), "{found}");
    let (findings, verdict) = assess(r);
    let f = only_finding(&findings, "REG-REPORTING-LINE");
    // Minor: the route is not on record. The major is for nobody holding the duty (the roles
    // check) or reports that never reach top management (C53-MAND-02).
    assert_eq!((f.kind, f.severity), (FindingKind::ReportingLine, Severity::Minor));
    assert_eq!(verdict, Verdict::NearlyReady);
}

#[test]
fn a_reporting_cycle_is_reported_without_hanging() {
    let mut r = valid_register(today());
    for (id, to) in [("a4", "p3"), ("a2", "p3"), ("a3", "p3"), ("a5", "p3"), ("a6", "p2"), ("a7", "p2"), ("a8", "p2")] {
        let mut a = r.assignment(id).unwrap().clone();
        a.reports_to = Some(to.into());
        r.update_assignment(a).unwrap();
    }
    let found = texts(&reporting::problems(&r, today()));
    assert!(found.contains("the line loops back on itself"), "{found}");
}

#[test]
fn a_reporting_line_through_a_leaver_is_broken_and_top_management_reports_to_itself() {
    let mut r = valid_register(today());
    let mut a = r.assignment("a4").unwrap().clone();
    a.reports_to = Some("p4".into());
    r.update_assignment(a).unwrap();
    for id in ["a2", "a3", "a5"] {
        let mut a = r.assignment(id).unwrap().clone();
        a.reports_to = None;
        r.update_assignment(a).unwrap();
    }
    leave(&mut r, "p4", day(2026, 10, 1));
    let found = texts(&reporting::problems(&r, today()));
    assert!(found.contains("it breaks at Dev Patel, whose leaving date is 2026-10-01"), "{found}");
    // Hand the reporting role to the CEO: top management needs no line.
    r.remove_assignment("a4").unwrap();
    r.add_assignment(appoint("a20", RoleKind::PerformanceReporting, "p1", None, None, day(2026, 1, 5))).unwrap();
    assert_eq!(texts(&reporting::problems(&r, today())), "");
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
fn a_leaver_seen_on_audit_day_is_not_said_to_have_left_already() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    leave(&mut a.register, "p4", day(2027, 1, 2)); // still here today, gone by the audit
    a.audit_date = Some(day(2027, 1, 14));
    let findings = all_findings(catalog, &a, today());
    let f = findings.iter().find(|f| f.item_id == "REG-CURRENT-HOLDERS").unwrap();
    assert!(f.explanation.contains("By the audit on 2027-01-14: Dev Patel still holds the role"), "{}", f.explanation);
    assert!(f.explanation.contains("after their leaving date, 2027-01-02."), "{}", f.explanation);
    assert!(!f.explanation.contains("left on 2027-01-02"), "{}", f.explanation);
}

#[test]
fn with_nobody_on_top_the_reporting_line_is_part_of_the_missing_top_management() {
    let mut r = valid_register(today());
    leave(&mut r, "p1", day(2026, 11, 21));
    let line = reporting::problems(&r, today());
    assert_eq!(line.len(), 1);
    assert!(line[0].text.contains("nobody in the register who works here is top management"), "{}", line[0].text);
    assert_eq!(line[0].raised_by, Some("REG-ROLES-ASSIGNED"));
    let (findings, _) = assess(r);
    let f = findings.iter().find(|f| f.item_id == "REG-REPORTING-LINE").unwrap();
    assert_eq!((f.part_of.map(|p| p.item_id), f.stands_alone()), (Some("REG-ROLES-ASSIGNED"), false));
}

#[test]
fn a_deputy_or_a_manager_on_the_reporting_line_who_leaves_before_the_audit_dates_the_gap() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register = valid_register(today());
    a.audit_date = Some(day(2027, 3, 1));
    // Ben reports ISMS performance (and everything else) through Dev, a VP, who reports to Ada.
    for id in ["a2", "a3", "a4", "a5"] {
        let mut role = a.register.assignment(id).unwrap().clone();
        role.reports_to = Some("p4".into());
        a.register.update_assignment(role).unwrap();
    }
    let mut dev = a.register.person("p4").unwrap().clone();
    dev.reports_to = Some("p1".into());
    a.register.update_person(dev).unwrap();
    assert!(all_findings(catalog, &a, today()).iter().all(|f| f.item_id != "REG-REPORTING-LINE"));
    // Dev leaves in January, which breaks the line; Cara, the security manager's deputy, leaves
    // in February.
    leave(&mut a.register, "p4", day(2027, 1, 15));
    leave(&mut a.register, "p3", day(2027, 2, 10));
    let findings = all_findings(catalog, &a, today());
    let line = findings.iter().find(|f| f.item_id == "REG-REPORTING-LINE").expect("the line breaks by the audit");
    assert_eq!(line.date, Some(day(2027, 1, 15)), "{line:?}");
    let deputies = findings.iter().find(|f| f.item_id == "REG-DEPUTIES").expect("cover is lost by the audit");
    assert!(deputies.details.iter().any(|d| d.contains("has Cara Mendes as deputy")), "{:?}", deputies.details);
    // Dev also deputises for Ben's review seat: cover is first lost on Dev's last day.
    assert!(deputies.details.iter().any(|d| d.contains("has Dev Patel as deputy")), "{:?}", deputies.details);
    assert_eq!(deputies.date, Some(day(2027, 1, 15)), "{:?}", deputies.details);
}

#[test]
fn a_role_held_only_by_a_starter_says_who_starts_when_without_calling_them_a_leaver() {
    let mut r = valid_register(today());
    let mut ben = r.person("p2").unwrap().clone();
    ben.start_date = Some(day(2027, 1, 4));
    r.update_person(ben).unwrap();
    let (findings, _) = assess(r);
    let gap = findings.iter().find(|f| f.item_id == "REG-ROLES-ASSIGNED").unwrap();
    assert!(gap.explanation.contains("it is recorded only for Ben Lindqvist, who starts on 2027-01-04"), "{}", gap.explanation);
    assert!(!gap.explanation.contains("still"), "{}", gap.explanation);
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
fn a_successor_appointed_from_the_leaving_day_is_a_handover_not_a_leaver_holding_roles() {
    // Auditor probe: Ben leaves in 20 days, Cara is appointed to his role from that day, the audit
    // is in 45 days: "Ben Lindqvist still holds the role … after their leaving date" cost a minor,
    // while deleting Ben's record today (the role empty for 20 days) read "Ready".
    let mut r = valid_register(today());
    leave(&mut r, "p2", day(2026, 12, 13));
    r.add_assignment(appoint("a30", RoleKind::SecurityManager, "p3", Some("p1"), None, day(2026, 12, 13))).unwrap();
    for (id, role) in [("a31", RoleKind::IsmsConformance), ("a32", RoleKind::PerformanceReporting), ("a33", RoleKind::ReviewTeamMember)] {
        r.add_assignment(appoint(id, role, "p3", Some("p1"), None, day(2026, 12, 13))).unwrap();
    }
    let audit = day(2027, 1, 7);
    assert_eq!(texts(&current::problems(&r, audit)), "", "handed over by the audit");
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register = r.clone();
    a.audit_date = Some(audit);
    let findings = all_findings(catalog, &a, today());
    assert!(findings.iter().all(|f| f.item_id != "REG-CURRENT-HOLDERS"), "{findings:#?}");
    // A successor not dated yet is one too: the appointment check asks for the date, once
    // (auditor probe: two minors for one handover).
    let mut undated = r.clone();
    edit_assignment(&mut undated, "a30", |a| a.appointed_on = None);
    assert!(!texts(&current::problems(&undated, audit)).contains("Information security manager"), "handed over");
    assert!(texts(&appointment::problems(&undated, audit))
        .contains("Cara Mendes as Information security manager (ISMS owner) has no appointment date"));
    // A CEO who left is succeeded by whoever is top management now, with or without an
    // assignment of their own (auditor probe).
    let mut new_ceo = valid_register(today());
    leave(&mut new_ceo, "p1", day(2026, 11, 3));
    new_ceo.add_person(person("p7", "Fay Rivera", "CEO", day(2026, 11, 1), true)).unwrap();
    assert!(!texts(&current::problems(&new_ceo, today())).contains("Top management"), "{}", texts(&current::problems(&new_ceo, today())));
    // Someone who held the role beside the leaver all along is no successor: the leaver's record
    // is still register upkeep to do.
    let mut beside = valid_register(today());
    leave(&mut beside, "p2", day(2026, 11, 1));
    let text = texts(&current::problems(&beside, today()));
    assert!(text.contains("Ben Lindqvist still holds the role Management review team member after their leaving date"), "{text}");
}

#[test]
fn a_key_role_nobody_holds_has_no_cover_either_as_part_of_its_vacancy() {
    // Founder pass: with only top management appointed, "Key roles have deputies" read "Ready"
    // beside "Nobody who works here holds the role Information security manager".
    let mut r = valid_register(today());
    r.assignments.retain(|a| a.role != RoleKind::SecurityManager);
    let text = texts(&deputies::problems(&r, today()));
    assert!(
        text.contains("Nobody who works here holds the role Information security manager (ISMS owner), so nobody covers it either."),
        "{text}"
    );
    let (findings, verdict) = assess(r);
    let cover = findings.iter().find(|f| f.item_id == "REG-DEPUTIES").expect("no cover");
    assert_eq!(cover.part_of.map(|p| p.item_id), Some("REG-ROLES-ASSIGNED"));
    assert!(cover.cost > Points::ZERO, "it costs its points as part of the vacancy");
    assert_eq!(verdict, Verdict::NotReady);
    // A review team one member short still has its other member's cover to judge: no such line.
    let mut thin = valid_register(today());
    thin.assignments.retain(|a| a.id != "a6");
    assert!(!texts(&deputies::problems(&thin, today())).contains("Nobody holds"));
    // A leaver's deputy still here covers the role meanwhile: said as the vacancy says it (export
    // pass of stop 51: "so nobody covers it either" beside "the recorded deputy can cover it").
    let mut gone = valid_register(today());
    let holder = gone.assignments.iter().find(|a| a.role == RoleKind::SecurityManager).unwrap().clone();
    let deputy = gone.person(holder.backup.as_deref().unwrap()).unwrap().name.clone();
    leave(&mut gone, &holder.person_id, day(2026, 11, 1));
    let text = texts(&deputies::problems(&gone, today()));
    assert!(
        text.contains(&format!("Nobody who works here holds the role Information security manager (ISMS owner): {deputy}, its recorded deputy, covers it only until a holder is appointed.")),
        "{text}"
    );
    assert!(!text.contains("nobody covers it"), "{text}");
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
fn duty_conflicts_the_rasci_matrix_would_show_cannot_be_shown_while_it_is_empty() {
    // The founder pass: with the matrix empty the duty-conflict check read "✓ Ready", and filling
    // the matrix in turned it into a conflict, so doing the work lowered the score.
    // Cara (CTO, incident lead, risk owner) is the internal auditor too; Dev, not she, is the
    // security manager's deputy (standing in for him is a conflict of its own).
    let mut r = valid_register(today());
    edit_assignment(&mut r, "a2", |a| a.backup = Some("p4".into()));
    r.add_assignment(appoint("a20", RoleKind::InternalAuditor, "p3", Some("p1"), None, day(2026, 2, 1))).unwrap();
    r.raci.clear();
    let (findings, _) = assess(r.clone());
    let sod = findings.iter().find(|f| f.item_id == "REG-SOD").expect("not a pass");
    assert!(sod.nothing_to_check && sod.lead.is_none(), "{sod:#?}");
    assert_eq!(sod.kind_label(), "Cannot be shown yet");
    assert_eq!(sod.part_of.map(|p| p.item_id), Some("REG-RACI"));
    assert!(sod.cost > Points::ZERO, "it is not credited until it can be shown");
    assert!(sod.explanation.contains("The RASCI matrix is empty, so whether the internal auditor would audit"), "{}", sod.explanation);
    let standing: Vec<&str> = findings.iter().filter(|f| f.stands_alone()).map(|f| f.item_id).collect();
    assert_eq!(standing, ["REG-RACI"], "one gap, the empty matrix");
    // One row filled in is no matrix to read either (second auditor probe: it passed).
    let mut one_row = r.clone();
    one_row.set_raci("policy-approval", &RoleKind::TopManagement, Some(Raci::Accountable)).unwrap();
    let (findings, _) = assess(one_row);
    let sod = findings.iter().find(|f| f.item_id == "REG-SOD").expect("not a pass");
    assert!(sod.explanation.contains("The RASCI matrix leaves responsibilities without an accountable role"), "{}", sod.explanation);
    // A recorded independent measure manages whatever the matrix would show.
    let mut measured = r.clone();
    let mut cara = measured.assignment("a20").unwrap().clone();
    cara.independent_check = "External auditor audits the incident process; audit programme 2026".into();
    measured.update_assignment(cara).unwrap();
    let (findings, _) = assess(measured);
    assert!(findings.iter().all(|f| f.item_id != "REG-SOD"), "managed by its measure");
    // An internal auditor with no other role (Eli alone) answers for nothing they audit.
    let mut external = valid_register(today());
    external.raci.clear();
    let (findings, _) = assess(external);
    assert!(findings.iter().all(|f| f.item_id != "REG-SOD"), "nothing to show or hide");
    // A conflict the roles show on their own is still named as the conflict it is.
    r.add_assignment(appoint("a21", RoleKind::InternalAuditor, "p2", Some("p1"), None, day(2026, 2, 1))).unwrap();
    let (findings, _) = assess(r);
    let sod = findings.iter().find(|f| f.item_id == "REG-SOD").unwrap();
    assert!(!sod.nothing_to_check && sod.stands_alone(), "{}", sod.explanation);
    assert!(!sod.explanation.contains("RASCI matrix is empty"), "{}", sod.explanation);
}

#[test]
fn duty_conflicts_cannot_be_shown_while_nobody_is_internal_auditor() {
    // Founder pass of stop 47: with no internal auditor the check passed, and "Conflicting duties
    // kept apart" answered "not sure" read "Shown met by the register".
    let mut r = valid_register(today());
    r.remove_assignment("a12").unwrap();
    let (findings, verdict) = assess(r.clone());
    let sod = findings.iter().find(|f| f.item_id == "REG-SOD").expect("not a pass");
    assert_eq!(sod.kind_label(), "Cannot be shown yet");
    assert_eq!(sod.part_of.map(|p| p.item_id), Some("REG-FUNCTIONS-ASSIGNED"));
    assert!(sod.explanation.contains("Nobody is internal auditor yet, so whether the internal audit would check"), "{}", sod.explanation);
    assert!(sod.cost > Points::ZERO, "not credited until it can be shown");
    let standing: Vec<&str> = findings.iter().filter(|f| f.stands_alone()).map(|f| f.item_id).collect();
    assert!(standing.contains(&"REG-FUNCTIONS-ASSIGNED") && !standing.contains(&"REG-SOD"), "{standing:?}");
    assert_ne!(verdict, Verdict::Ready);
    // An auditor appointed again, and nothing is left to show.
    r.add_assignment(appoint("a30", RoleKind::InternalAuditor, "p5", Some("p1"), None, day(2026, 2, 1))).unwrap();
    let (findings, _) = assess(r);
    assert!(findings.iter().all(|f| f.item_id != "REG-SOD"), "{findings:#?}");
}

#[test]
fn a_departing_ceo_leaves_the_review_team_short_as_part_of_the_vacancy() {
    // Second auditor probe of stop 43: top management counts in the review team, so the CEO
    // leaving read a major and a separate minor for the seat.
    let mut r = valid_register(today());
    r.remove_assignment("a6").unwrap(); // the team is Ben and the CEO
    leave(&mut r, "p1", day(2026, 10, 1));
    let (findings, verdict) = assess(r);
    assert_eq!(verdict, Verdict::NotReady);
    let seat = findings.iter().find(|f| f.item_id == "REG-FUNCTIONS-ASSIGNED").expect("the seat is short");
    assert_eq!(seat.part_of.map(|p| p.item_id), Some("REG-ROLES-ASSIGNED"), "{}", seat.explanation);
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

#[test]
fn a_competence_record_of_one_word_and_no_date_shows_no_competence() {
    // Lead-auditor probe of stop 48: every record "Training", undated and never renewed, read
    // "Ready" with the competence check met.
    let mut r = valid_register(today());
    for c in r.competence.iter_mut() {
        (c.achieved_on, c.renew_every_months, c.description) = (None, None, "Training".into());
    }
    let found = texts(&competence::problems(&r, today()));
    assert!(
        found.contains(
            "Ben Lindqvist's training \"Training\" names no course, certificate or experience and no date, so it shows no \
             competence: say which, and when it was achieved."
        ),
        "{found}"
    );
    // Named, it shows what it is though undated; dated, one word is the record's own name.
    for c in r.competence.iter_mut() {
        c.description = "ISO 27001 Lead Implementer (PECB)".into();
    }
    assert_eq!(texts(&competence::problems(&r, today())), "");
    for c in r.competence.iter_mut() {
        (c.achieved_on, c.description) = (Some(day(2026, 3, 2)), "CISSP".into());
    }
    assert_eq!(texts(&competence::problems(&r, today())), "");
}

#[test]
fn a_deputy_under_another_entry_of_the_holders_name_is_no_cover() {
    // Lead-auditor probe of stop 48: Ben entered twice, the second entry as his own deputy, read
    // "Key roles have deputies ✓".
    let mut r = valid_register(today());
    r.add_person(person("p6", "Ben  lindqvist", "Head of Security", day(2025, 1, 6), false)).unwrap();
    let sm = r.assignments.iter().find(|a| a.role == RoleKind::SecurityManager).unwrap().id.clone();
    edit_assignment(&mut r, &sm, |a| a.backup = Some("p6".into()));
    let found = texts(&deputies::problems(&r, today()));
    assert!(
        found.contains(&format!(
            "Ben Lindqvist as {} has as deputy another entry of the same name: they are recorded as their own deputy.",
            RoleKind::SecurityManager.label()
        )),
        "{found}"
    );
}
