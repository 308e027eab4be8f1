//! Where to start on the plan (founder pass: sorted by severity, it never said what to do first,
//! and "fix 3 of them" was only in the dashboard's lists).

mod support;

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::plan_start::where_to_start;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, Score, Severity};
use support::{all, today};

fn score(a: &Assessment) -> Score {
    let catalog = Catalog::builtin();
    compute(catalog, a, &all_findings(catalog, a, today()))
}

fn steps(a: &Assessment) -> Vec<String> {
    let catalog = Catalog::builtin();
    let findings = all_findings(catalog, a, today());
    where_to_start(&compute(catalog, a, &findings), &findings, catalog, a, today())
}

#[test]
fn nothing_open_has_no_first_step() {
    assert_eq!(steps(&all(Catalog::builtin(), Answer::Yes)), Vec::<String>::new());
}

#[test]
fn questions_not_answered_come_first_then_the_majors_then_the_minors_that_add_up() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let major = catalog.items.iter().find(|i| i.finding == Severity::Major && !i.is_derived()).unwrap();
    a.set_answer(major.id, Answer::No, today());
    // Named: unanswered majors of the same cost may come before it in the plan (founder pass:
    // "It heads the plan" stood above four majors not known yet).
    assert_eq!(
        steps(&a),
        [format!(
            "Close the major nonconformity, “{}”: while it is open the verdict stays “Not ready”, whatever the percentage.",
            major.title
        )]
    );
    let mut many = a.clone();
    let majors: Vec<_> =
        catalog.items.iter().filter(|i| i.finding == Severity::Major && !i.is_derived() && i.within.is_none()).take(5).collect();
    for item in &majors {
        many.set_answer(item.id, Answer::No, today());
    }
    let first = steps(&many)[0].clone();
    // Beside a major not answered yet, the ones to close are the confirmed ones (user pass).
    let mut unknown = many.clone();
    unknown.responses.remove(majors[1].id);
    assert!(steps(&unknown).iter().any(|s| s.contains(" confirmed major nonconformities, “")), "{:?}", steps(&unknown));
    assert!(steps(&many).iter().all(|s| !s.contains("confirmed")), "{:?}", steps(&many));
    let n = score(&many).majors;
    assert!(n >= 5, "{n}");
    assert!(first.starts_with(&format!("Close the {n} major nonconformities, “")), "{first}");
    assert!(first.contains(&format!(" and {} more: while any is open", n - 3)), "{first}");
    // Seven reality proofs failing: minors that add up under A 5.4.
    for check in catalog.reality_checks.iter().take(7) {
        a.set_answer(check.proof_item, Answer::No, today());
    }
    let s = score(&a);
    let group = *s.adding_up.first().expect("the proofs add up");
    let listed = steps(&a);
    assert_eq!(listed.len(), 1 + s.adding_up.len());
    assert_eq!(
        listed[1],
        format!(
            "Under {}, {} practices are missing: fix {} of them to avoid one likely major; the rest would stay separate minors.",
            group.requirement,
            group.open,
            group.to_fix()
        )
    );
    assert!(group.to_fix() >= 1 && group.to_fix() <= group.open);
    // A question not answered yet goes first: it may not be a gap at all.
    a.responses.remove("A54-CTL-05");
    let listed = steps(&a);
    assert!(listed[0].starts_with("Answer the 1 question not answered yet (or “not sure”): "), "{listed:?}");
    // Every question answered, some "not sure": those are to settle, not to answer (founder pass).
    let mut unsure = a.clone();
    unsure.set_answer("A54-CTL-05", Answer::NotSure, today());
    let listed = steps(&unsure);
    assert_eq!(
        listed[0],
        "Settle the 1 question answered “not sure”: each counts as missing until it is confirmed, and some may not be gaps at all."
    );
    // A major not answered yet is that first step, not a major to close as well (second auditor
    // probe: one unanswered question was both lines).
    let mut b = all(catalog, Answer::Yes);
    b.responses.remove(major.id);
    assert_eq!(score(&b).majors, 1);
    assert_eq!(steps(&b).len(), 1, "{:?}", steps(&b));
}

#[test]
fn not_ready_on_the_percentage_alone_says_so() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Partly);
    for check in catalog.reality_checks {
        a.set_answer(check.proof_item, Answer::Yes, today());
    }
    // Three or more major practices partly in place under one requirement add up: the majors in
    // place, the minors partly in place do not.
    for item in catalog.items.iter().filter(|i| i.finding == Severity::Major && !i.is_derived()) {
        a.set_answer(item.id, Answer::Yes, today());
    }
    let s = score(&a);
    assert_eq!(
        (s.majors, s.adding_up.len(), s.verdict),
        (0, 0, audit_readiness::domain::Verdict::NotReady),
        "{} {:?}",
        s.percent,
        s.adding_up
    );
    assert_eq!(
        steps(&a),
        ["Win back points: the score is under the 70 % that “Nearly ready” needs, and the lines at the top of the plan cost the most."]
    );
}

#[test]
fn minors_alone_point_to_the_top_of_the_plan() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let minor = catalog.items.iter().find(|i| i.finding == Severity::Minor && !i.is_derived()).unwrap();
    a.set_answer(minor.id, Answer::No, today());
    let s = score(&a);
    assert_eq!((s.majors, s.minors, s.adding_up.len()), (0, 1, 0));
    // One minor is "the minor" (user pass).
    assert_eq!(steps(&a), ["No major nonconformity is expected: the minor at the top of the plan costs the most points."]);
    let second = catalog.items.iter().filter(|i| i.finding == Severity::Minor && !i.is_derived() && i.within.is_none()).nth(5).unwrap();
    a.set_answer(second.id, Answer::No, today());
    assert_eq!(score(&a).minors, 2);
    assert_eq!(steps(&a), ["No major nonconformity is expected: the minors at the top of the plan cost the most points."]);
}

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
fn on_a_fresh_start_the_groups_of_unanswered_questions_are_the_first_step_not_a_step_each() {
    let fresh = Assessment::default();
    let s = score(&fresh);
    assert!(s.adding_up.len() > 2, "every requirement adds up from questions nobody has looked at");
    let listed = steps(&fresh);
    assert!(listed[0].starts_with("Answer the "), "{}", listed[0]);
    assert!(!listed.iter().any(|s| s.starts_with("Under ")), "{listed:?}");
    // The register's empty roles are a confirmed major beside it.
    assert_eq!(listed.len(), 2, "{listed:?}");
    // A group with a practice confirmed missing is a step of its own.
    let catalog = Catalog::builtin();
    let mut one = Assessment::default();
    let control = catalog.items_in("a54-controls").find(|i| i.finding == Severity::Minor && !i.is_derived()).unwrap();
    one.set_answer(control.id, Answer::No, today());
    assert!(steps(&one).iter().any(|s| s.starts_with("Under A 5.4, ")), "{:?}", steps(&one));
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
fn a_group_adding_up_on_questions_not_settled_is_named_in_the_first_step() {
    // Founder pass: the panel listed Clause 9.1 among the requirements adding up, and "Where to
    // start" named it nowhere (its group, all "not sure", gets no step of its own).
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let monitoring: Vec<&str> = catalog.items.iter().filter(|i| i.reference == "Clause 9.1").map(|i| i.id).collect();
    assert_eq!(monitoring.len(), 2);
    for id in &monitoring {
        a.set_answer(id, Answer::NotSure, today());
    }
    assert!(score(&a).adding_up.iter().any(|g| g.requirement == "Clause 9.1"));
    let steps = steps(&a);
    assert!(steps[0].starts_with("Settle the 2 questions answered “not sure”"), "{steps:?}");
    assert!(steps[0].ends_with(" Among them are all the practices under Clause 9.1 that add up to a likely major."), "{steps:?}");
    assert!(!steps.iter().skip(1).any(|s| s.contains("Clause 9.1")), "{steps:?}");
    // Confirmed missing, the group has its own step and the first step does not name it.
    a.set_answer(monitoring[0], Answer::No, today());
    let steps = self::steps(&a);
    assert!(!steps[0].contains("Among them"), "{steps:?}");
    assert!(steps.iter().any(|s| s.starts_with("Under Clause 9.1, 2 practices")), "{steps:?}");
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

#[test]
fn records_lapsing_before_the_audit_are_a_step_soonest_first() {
    // Security manager's pass of stop 47: four records lapsing in five days sat at the foot of the
    // plan (they cost nothing today), and "Where to start" pointed at minors due later.
    use audit_readiness::domain::assessment::EvidenceRecord;
    use audit_readiness::domain::catalog::Cadence;
    use chrono::Days;
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = today().checked_add_days(Days::new(60));
    let yearly: Vec<_> = catalog
        .items
        .iter()
        .filter(|i| !i.is_derived() && i.cadence == Some(Cadence::Annually) && catalog.partly_severity(i) > Severity::Observation)
        .take(2)
        .collect();
    for (item, days) in yearly.iter().zip([357, 360]) {
        let produced_on = today().checked_sub_days(Days::new(days));
        a.edit_evidence(item.id, |list| {
            list.push(EvidenceRecord { what: format!("Minutes for {}", item.id), produced_on, ..Default::default() })
        });
    }
    let s = score(&a);
    assert_eq!((s.renewals_due, s.percent), (2, 100));
    let first = |i: usize| today().checked_sub_days(Days::new([357, 360][i])).unwrap().checked_add_months(chrono::Months::new(12)).unwrap();
    assert_eq!(
        steps(&a),
        [format!(
            "Renew 2 records before the audit day, the first by {}: “{}” on {} and “{}” on {}. Each costs nothing today, but left to \
             lapse it is a nonconformity on audit day.",
            first(1),
            yearly[1].title,
            first(1),
            yearly[0].title,
            first(0)
        )]
    );
    // With minors open as well, the step that wins points comes first (startup pass of stop 48:
    // the renewal, costing nothing today, was the only step beside fourteen minors).
    let minor = catalog.items.iter().find(|i| !i.is_derived() && i.finding == Severity::Minor && i.cadence.is_none()).unwrap();
    a.set_answer(minor.id, Answer::No, today());
    let with_minor = steps(&a);
    assert_eq!(score(&a).verdict, audit_readiness::domain::score::Verdict::NearlyReady);
    assert_eq!(with_minor.len(), 2, "{with_minor:?}");
    assert_eq!(with_minor[0], "No major nonconformity is expected: the minor at the top of the plan costs the most points.");
    assert!(with_minor[1].starts_with("Renew 2 records before the audit day, the first by "), "{with_minor:?}");
    a.set_answer(minor.id, Answer::Yes, today());
    // One record is "it".
    a.edit_evidence(yearly[0].id, |list| list[0].produced_on = today().checked_sub_days(Days::new(10)));
    assert_eq!(
        steps(&a),
        [format!(
            "Renew by {}: the record of “{}” lapses then, before the audit day. It costs nothing today, but left to lapse it is a \
             nonconformity on audit day.",
            first(1),
            yearly[1].title
        )]
    );
}

#[test]
fn a_late_review_that_would_be_a_major_on_audit_day_is_a_step_with_its_last_day() {
    // UX pass of stop 47: the panel said "a recurring activity" and the plan that no major was
    // expected.
    use audit_readiness::domain::assessment::EvidenceRecord;
    let catalog = Catalog::builtin();
    let review = catalog.item("MGT-STEP-06").unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = Some(support::day(2027, 11, 23));
    a.edit_evidence(review.id, |list| {
        list.push(EvidenceRecord { what: "Review minutes".into(), produced_on: Some(support::day(2025, 11, 18)), ..Default::default() })
    });
    assert_eq!(score(&a).majors_by_audit, 1);
    let expected = format!(
        "Hold “{}” by 2027-02-17: by the audit on 2027-11-23 it would be more than 91 days late, which an auditor raises as a major \
         nonconformity.",
        review.title
    );
    assert_eq!(steps(&a).first(), Some(&expected));
    // Its plan line is due by that day too, not two weeks before the audit (returning-user pass
    // of stop 49: the CSV and the calendar carried the later date).
    let findings = all_findings(catalog, &a, today());
    let late = findings.iter().find(|f| f.item.id == review.id && f.major_by_audit).unwrap();
    let line = audit_readiness::domain::remediation::plan_due_as(late, late.severity, &a, today());
    assert_eq!(line.due, Some(support::day(2027, 2, 17)));
    // An audit before that day foretells nothing.
    a.audit_date = Some(support::day(2027, 2, 10));
    assert!(steps(&a).iter().all(|s| !s.starts_with("Hold ")), "{:?}", steps(&a));
}

#[test]
fn a_late_review_foretold_as_a_major_is_said_below_the_ready_line_too() {
    // Returning-user pass of stop 49: with the score below 70 % and no major today, the verdict's
    // meaning said "No major nonconformity expected" while the plan's first step said the review
    // would be a major by the audit day.
    use audit_readiness::domain::{assessment::EvidenceRecord, Verdict};
    let catalog = Catalog::builtin();
    let review = catalog.item("MGT-STEP-06").unwrap();
    let late = |a: &mut Assessment| {
        a.audit_date = Some(support::day(2027, 11, 23));
        a.edit_evidence(review.id, |list| {
            list.push(EvidenceRecord { what: "Review minutes".into(), produced_on: Some(support::day(2025, 11, 18)), ..Default::default() })
        });
    };
    // Every minor missing: below the line, with minors adding up.
    let mut a = support::all_yes_but_severity(catalog, Severity::Minor, Answer::No);
    late(&mut a);
    let s = score(&a);
    assert_eq!((s.majors, s.majors_by_audit, s.verdict), (0, 1, Verdict::NotReady));
    assert!(s.percent < 70 && !s.adding_up.is_empty(), "{} {:?}", s.percent, s.adding_up.len());
    // The likely major leads, as the panel counts it (founder pass of stop 50: "No major
    // nonconformity today" beside "7 likely major").
    assert_eq!(
        s.meaning(),
        "Minor nonconformities under the same requirement add up to what an auditor would likely raise as a major, and a recurring \
         activity running late will be one too by the audit day unless it is held before then; the score is below 70 %: \
         too much is missing or unproven for the evidence to carry an audit. Certification would be at risk."
    );
    // Every observation missing instead, and enough minors "partly" to fall below the line with
    // nothing adding up: the same warning, then the line.
    let mut b = support::all_yes_but_severity(catalog, Severity::Observation, Answer::No);
    late(&mut b);
    let minors: Vec<_> = catalog.items.iter().filter(|i| i.finding == Severity::Minor && !i.is_derived()).map(|i| i.id).collect();
    for id in minors {
        if score(&b).percent < 70 {
            break;
        }
        b.set_answer(id, Answer::Partly, support::today());
    }
    let s = score(&b);
    assert_eq!((s.majors, s.majors_by_audit, s.verdict), (0, 1, Verdict::NotReady), "{}", s.meaning());
    assert!(s.adding_up.is_empty() && s.percent < 70, "{} {}", s.percent, s.adding_up.len());
    assert!(s.meaning().contains("unless it is held before then, and the score is below 70 %"), "{}", s.meaning());
    assert!(s.meaning().starts_with("No major nonconformity today, but a recurring activity running late will be one"), "{}", s.meaning());
}

#[test]
fn a_late_review_answered_partly_is_foretold_and_due_by_its_last_day_to_hold_it() {
    // Auditor probe of stop 49: answered "partly", the same late review had no warning and no
    // "Hold … by" step, and its plan line, CSV and calendar were due four months after that day;
    // with no audit date, it turned into a major before its line was due.
    use audit_readiness::domain::assessment::EvidenceRecord;
    use audit_readiness::domain::remediation::plan_due_as;
    let catalog = Catalog::builtin();
    let review = catalog.item("MGT-STEP-06").unwrap();
    let line_due = |a: &Assessment| {
        let findings = all_findings(catalog, a, today());
        let f = findings.iter().find(|f| f.item.id == review.id).unwrap_or_else(|| panic!("no finding"));
        (plan_due_as(f, f.severity, a, today()).due, f.major_by_audit, f.explanation.clone())
    };
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(review.id, Answer::Partly, today());
    a.audit_date = Some(support::day(2027, 11, 23));
    a.edit_evidence(review.id, |list| {
        *list = vec![EvidenceRecord { what: "Review minutes".into(), produced_on: Some(support::day(2025, 11, 18)), ..Default::default() }]
    });
    assert_eq!(score(&a).majors_by_audit, 1);
    assert!(
        score(&a).meaning().starts_with("No major nonconformity today, but a recurring activity running late"),
        "{}",
        score(&a).meaning()
    );
    let (due, foretold, explanation) = line_due(&a);
    assert!(foretold && explanation.contains("Unless it is held before the audit on 2027-11-23"), "{explanation}");
    assert_eq!(due, Some(support::day(2027, 2, 17)));
    assert!(steps(&a).iter().any(|s| s.starts_with(&format!("Hold “{}” by 2027-02-17", review.title))), "{:?}", steps(&a));
    // The reports say it beside the counts it is not in yet.
    use audit_readiness::domain::export::{markdown, Report};
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let foretold = "By the audit day, 1 more major nonconformity unless held before then: a recurring activity running late \
                    (“Management review carried out”, to hold by 2027-02-17).";
    assert!(md.contains(foretold), "{md:.3000}");
    // Named in the board's copy too, which has no plan to look it up in (founder pass of stop 50).
    let board = Report::new(catalog, &a, today()).redacted(audit_readiness::domain::export::Profile::Board);
    assert!(markdown::render(&board).contains(foretold));
    // No audit date: nothing foretold, but the line is due by the day the review would turn into
    // a cycle missed (a record of 2025-09-01 is late today, and missed after 2026-12-01).
    a.audit_date = None;
    a.edit_evidence(review.id, |list| list[0].produced_on = Some(support::day(2025, 9, 1)));
    let (due, foretold, _) = line_due(&a);
    assert!(!foretold);
    assert_eq!(due, Some(support::day(2026, 12, 1)));
    // Answered yes, the same.
    a.set_answer(review.id, Answer::Yes, today());
    assert_eq!(line_due(&a).0, Some(support::day(2026, 12, 1)));
}

#[test]
fn a_renewal_that_left_to_lapse_would_be_a_missed_cycle_by_the_audit_says_major() {
    // Auditor probe of stop 49: "left to lapse it is a nonconformity on audit day" for a review
    // whose record, left to lapse, would be 115 days late on that day: a major.
    use audit_readiness::domain::assessment::EvidenceRecord;
    let catalog = Catalog::builtin();
    let review = catalog.item("MGT-STEP-06").unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.edit_evidence(review.id, |list| {
        *list = vec![EvidenceRecord { what: "Review minutes".into(), produced_on: Some(support::day(2026, 1, 1)), ..Default::default() }]
    });
    // With a competence record lapsing too, the major is named after the two.
    a.audit_date = Some(support::day(2027, 6, 1));
    let ending = format!(" Left to lapse, “{}” would be more than a quarter of its interval late by then: a major.", review.title);
    assert!(steps(&a).iter().any(|s| s.starts_with("Renew 2 records") && s.ends_with(&ending)), "{:?}", steps(&a));
    a.audit_date = Some(support::day(2027, 5, 20));
    let step = format!(
        "Renew by 2027-01-01: the record of “{}” lapses then, before the audit day. It costs nothing today, but left to lapse it \
         would be more than a quarter of its interval late on audit day: not held when planned, a major nonconformity.",
        review.title
    );
    assert!(steps(&a).contains(&step), "{:?}", steps(&a));
    // An audit before the quarter is out: a nonconformity, as before.
    a.audit_date = Some(support::day(2027, 2, 1));
    assert!(
        steps(&a).iter().any(|s| s.ends_with("It costs nothing today, but left to lapse it is a nonconformity on audit day.")),
        "{:?}",
        steps(&a)
    );
}
