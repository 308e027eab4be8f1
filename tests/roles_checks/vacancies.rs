//! Vacancies, leavers, starters and handovers: who can cover a role and when the gap opens.

use crate::support::{all, appoint, day, person, today, valid_register};
use crate::{assess, edit_assignment, leave, texts};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::roles::checks::{appointment, assigned, current, deputies};
use audit_readiness::domain::roles::RoleKind;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Catalog, FindingKind, Points, Severity, Verdict};

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
