//! Reporting lines: a path to top management, cycles, leavers on the line and names entered twice.

use crate::support::{appoint, day, person, today, valid_register};
use crate::{assess, edit_assignment, edit_person, leave, only_finding, texts};
use audit_readiness::domain::roles::checks::{reporting, shares_a_name};
use audit_readiness::domain::roles::RoleKind;
use audit_readiness::domain::{FindingKind, Severity, Verdict};

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
