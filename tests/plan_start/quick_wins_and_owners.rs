//! Quick wins (a leaver's roles, not a lapsed record), plan lines by owner, lines done or with dates to check.

use crate::steps;
use crate::support::{all, today};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::{Answer, Assessment, Catalog, Severity};

/// Every plan step that points to the register's leavers as a quick win.
fn quick_wins(a: &Assessment) -> Vec<String> {
    steps(a).into_iter().filter(|s| s.starts_with("A quick win:")).collect()
}

#[test]
fn a_leaver_still_holding_roles_is_offered_as_a_quick_win_and_a_role_never_filled_is_not() {
    let catalog = Catalog::builtin();
    let mut left = all(catalog, Answer::Yes);
    assert!(quick_wins(&left).is_empty(), "nobody has left: {:?}", steps(&left));
    // Dev (third-party manager, awareness trainer, a risk owner, a review deputy) left ten days ago.
    left.register.people.iter_mut().find(|p| p.id == "p4").unwrap().leaving_date = today().checked_sub_days(chrono::Days::new(10));
    let left_on = today().checked_sub_days(chrono::Days::new(10)).unwrap();
    // Named, not counted: a count of findings and points beside it did not add up with the
    // dashboard's (founder pass).
    assert_eq!(
        quick_wins(&left),
        [format!(
            "A quick win: in the roles register, hand what Dev Patel (left on {left_on}) still holds (roles, deputy seats, people \
             reporting to them) to people who stay, with a record of each appointment."
        )]
    );
    // Only his deputy seats left: still named.
    let mut deputy_only = left.clone();
    for a in deputy_only.register.assignments.iter_mut().filter(|a| a.person_id == "p4") {
        a.person_id = "p3".into();
    }
    assert!(deputy_only.register.assignments.iter().any(|a| a.backup.as_deref() == Some("p4")));
    assert_eq!(quick_wins(&deputy_only).len(), 1, "{:?}", steps(&deputy_only));
    assert!(quick_wins(&deputy_only)[0].contains("Dev Patel (left on"));
    // Nothing of his left: no step.
    let mut handed = deputy_only.clone();
    for a in &mut handed.register.assignments {
        if a.backup.as_deref() == Some("p4") {
            a.backup = Some("p1".into());
        }
    }
    assert!(quick_wins(&handed).is_empty(), "{:?}", steps(&handed));

    // The security manager leaving is no quick win: a successor is appointed by top management,
    // shown competent and interviewed (auditor probe), and the majors' step names the vacancy.
    let mut manager_left = all(catalog, Answer::Yes);
    manager_left.register.people.iter_mut().find(|p| p.id == "p2").unwrap().leaving_date = today().checked_sub_days(chrono::Days::new(10));
    let left_on = today().checked_sub_days(chrono::Days::new(10)).unwrap();
    let close = steps(&manager_left).into_iter().find(|s| s.starts_with("Close ")).expect("a major to close");
    // The major names who left and what to do (founder pass: it named neither).
    assert!(close.contains(&format!("(Ben Lindqvist left on {left_on}: appoint a successor)")), "{close}");
    assert!(quick_wins(&manager_left).is_empty(), "{:?}", steps(&manager_left));

    // The same roles never filled: a vacancy to recruit for, not an edit to make.
    let mut never = all(catalog, Answer::Yes);
    never.register.assignments.retain(|a| a.person_id != "p4");
    for a in &mut never.register.assignments {
        if a.backup.as_deref() == Some("p4") {
            a.backup = None;
        }
    }
    assert!(!steps(&never).is_empty(), "the roles left empty are findings");
    assert!(quick_wins(&never).is_empty(), "{:?}", steps(&never));
}

#[test]
fn a_competence_record_past_its_renewal_is_no_quick_win() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let record = a.register.competence.iter_mut().find(|r| r.person_id == "p4").unwrap();
    record.achieved_on = today().checked_sub_days(chrono::Days::new(500));
    assert!(!steps(&a).is_empty(), "the lapsed record is a finding");
    assert!(quick_wins(&a).is_empty(), "{:?}", steps(&a));
}

#[test]
fn plan_lines_whose_owner_is_gone_by_their_due_date_are_one_step_by_owner() {
    use audit_readiness::domain::remediation::{edit_plan_due_as, Status};
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let minors: Vec<_> =
        catalog.items.iter().filter(|i| i.finding == Severity::Minor && !i.is_derived() && i.within.is_none()).take(2).collect();
    for item in &minors {
        a.set_answer(item.id, Answer::No, today());
    }
    let leaves = today().checked_add_days(chrono::Days::new(5)).unwrap();
    a.register.people.iter_mut().find(|p| p.id == "p3").unwrap().leaving_date = Some(leaves);
    let hand_over = |a: &Assessment| steps(a).into_iter().filter(|s| s.starts_with("Hand over ")).collect::<Vec<_>>();
    assert!(hand_over(&a).is_empty(), "the suggestions never name someone leaving: {:?}", steps(&a));
    let findings = all_findings(catalog, &a, today());
    for item in &minors {
        let f = findings.iter().find(|f| f.item_id == item.id).unwrap();
        edit_plan_due_as(f, f.severity, &mut a, today(), |line| line.owner = "Cara Mendes".into());
    }
    assert_eq!(
        hand_over(&a),
        [format!("Hand over the plan lines whose owner will not be there when they are due: 2 lines of Cara Mendes (leaves on {leaves}).")]
    );
    // A line done needs nobody.
    let f = findings.iter().find(|f| f.item_id == minors[0].id).unwrap();
    edit_plan_due_as(f, f.severity, &mut a, today(), |line| line.status = Status::Done);
    assert!(hand_over(&a)[0].contains(": 1 line of Cara Mendes"), "{:?}", hand_over(&a));
    // Due before she leaves: nothing to hand over.
    let f = findings.iter().find(|f| f.item_id == minors[1].id).unwrap();
    edit_plan_due_as(f, f.severity, &mut a, today(), |line| line.due = Some(today()));
    assert!(hand_over(&a).is_empty(), "{:?}", steps(&a));
}

#[test]
fn a_major_marked_done_and_lines_with_dates_to_check_are_said_apart() {
    // Planning pass of stop 44: "Close the 3 confirmed majors" stood above three lines marked
    // done, and a major due after the audit or an overdue line was said only in its row.
    use audit_readiness::domain::remediation::{edit_plan_due_as, Status};
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = Some(today() + chrono::Days::new(70));
    let majors: Vec<_> =
        catalog.items.iter().filter(|i| i.finding == Severity::Major && !i.is_derived() && i.within.is_none()).take(2).collect();
    for item in &majors {
        a.set_answer(item.id, Answer::No, today());
    }
    let findings = all_findings(catalog, &a, today());
    let line_of = |id: &str| findings.iter().find(|f| f.item_id == id).unwrap().clone();
    assert!(steps(&a).iter().any(|s| s.starts_with("Close the 2 major nonconformities")), "{:?}", steps(&a));
    assert!(!steps(&a).iter().any(|s| s.starts_with("Check the dates")), "default dates need no check");
    let first = line_of(majors[0].id);
    edit_plan_due_as(&first, first.severity, &mut a, today(), |line| line.status = Status::Done);
    let said = steps(&a);
    let close = said.iter().find(|s| s.starts_with("Close ")).expect("one still open");
    assert!(close.starts_with(&format!("Close the major nonconformity, “{}”", majors[1].title)), "{close}");
    assert!(
        said.contains(&format!(
            "1 major is marked done on the plan, but “{}” still reads as a major nonconformity: once the work is in place, change \
             the answer (and file its evidence), or the verdict stays “Not ready”.",
            majors[0].title
        )),
        "{said:?}"
    );
    // One open line overdue, the other due after the audit.
    let second = line_of(majors[1].id);
    edit_plan_due_as(&second, second.severity, &mut a, today(), |line| line.due = Some(today() + chrono::Days::new(80)));
    let minor = catalog.items.iter().find(|i| i.finding == Severity::Minor && !i.is_derived() && i.within.is_none()).unwrap();
    a.set_answer(minor.id, Answer::No, today());
    let f = all_findings(catalog, &a, today()).into_iter().find(|f| f.item_id == minor.id).unwrap();
    edit_plan_due_as(&f, f.severity, &mut a, today(), |line| line.due = Some(today() - chrono::Days::new(1)));
    // Each named (year-later pass: three overdue lines among 83, nothing to say which).
    let expected = format!(
        "Check the dates: 1 line is overdue (“{}”) and 1 line is due after the audit day (“{}”). Give each a date you can keep.",
        minor.title, majors[1].title
    );
    assert!(steps(&a).contains(&expected), "{:?}", steps(&a));
    // Past three, the rest are counted.
    let more: Vec<_> =
        catalog.items.iter().filter(|i| i.finding == Severity::Minor && !i.is_derived() && i.within.is_none()).skip(1).take(3).collect();
    for item in &more {
        a.set_answer(item.id, Answer::No, today());
        let f = all_findings(catalog, &a, today()).into_iter().find(|f| f.item_id == item.id).unwrap();
        edit_plan_due_as(&f, f.severity, &mut a, today(), |line| line.due = Some(today() - chrono::Days::new(3)));
    }
    let check = steps(&a).into_iter().find(|s| s.starts_with("Check the dates")).unwrap();
    assert!(
        check.starts_with("Check the dates: 4 lines are overdue (“") && check.contains(" and 1 more) and 1 line is due after"),
        "{check}"
    );
}
