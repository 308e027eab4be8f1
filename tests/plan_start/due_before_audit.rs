//! What falls due before the audit: records lapsing, late reviews foretold as majors, renewals left to lapse.

use crate::support;
use crate::support::{all, today};
use crate::{score, steps};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::{Answer, Assessment, Catalog, Severity};

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
