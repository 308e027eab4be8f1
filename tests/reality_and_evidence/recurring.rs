//! Recurring activities: overdue means not held, skipped cycles, and a review held before the audit it considers.

use crate::support::{all, day, today};
use crate::{evidence, findings_for};
use audit_readiness::domain::catalog::Cadence;
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, EvidenceRecord, FindingKind, Points, Severity, Verdict};

#[test]
fn a_recurring_activity_over_a_quarter_of_its_interval_overdue_was_not_held_a_document_was_only_not_reviewed() {
    let catalog = Catalog::builtin();
    let review = catalog.item("MGT-STEP-06").unwrap();
    assert!(review.recurring && review.cadence == Some(Cadence::Annually) && review.finding == Severity::Major);
    let find = |a: &Assessment, id: &str| findings_for(a).into_iter().find(|f| f.item_id == id);
    // The last management review 26 months ago: none was held in its planned interval.
    let mut a = all(catalog, Answer::Yes);
    a.edit_evidence(review.id, |list| list.push(evidence(day(2024, 9, 1))));
    let f = find(&a, review.id).unwrap();
    assert_eq!((f.kind, f.severity, f.date), (FindingKind::Gap, Severity::Major, Some(day(2025, 9, 1))));
    assert_eq!(f.cost, audit_readiness::domain::points::weight(review.finding), "it earns nothing, as a no");
    assert!(f.explanation.contains("so it was not held when planned"), "{}", f.explanation);
    // Like a "no", it carries what the review should have covered, and the verdict.
    a.set_answer("MGT-FAQ-01", Answer::No, today());
    let findings = findings_for(&a);
    assert_eq!(findings.iter().find(|f| f.item_id == "MGT-FAQ-01").and_then(|f| f.part_of).map(|p| p.item_id), Some(review.id));
    let score = compute(catalog, &a, &findings);
    assert_eq!((score.majors, score.minors, score.verdict), (1, 0, Verdict::NotReady));
    // Five days past its expiry, and up to a quarter of its interval (91 days), it is a late
    // record: stale, raised as "partly" would be, however far away the audit (judged on today only).
    a.set_answer("MGT-FAQ-01", Answer::Yes, today());
    for held in [day(2025, 11, 18), day(2025, 8, 24)] {
        a.edit_evidence(review.id, |list| list[0].produced_on = Some(held));
        for audit in [None, Some(day(2026, 12, 7)), Some(day(2027, 11, 23))] {
            a.audit_date = audit;
            let f = find(&a, review.id).unwrap();
            assert_eq!((f.kind, f.severity), (FindingKind::StaleEvidence, review.partly_severity()), "{held} {audit:?}");
            // It says when the audit day would find it past that quarter (auditor probe of
            // stop 42: nothing warned a minor late record would be the major by then).
            let limit = held.checked_add_months(chrono::Months::new(12)).unwrap() + chrono::Days::new(91);
            let warned = f.explanation.contains("Unless it is held before the audit on");
            assert_eq!(warned, audit.is_some_and(|on| on > limit), "{held} {audit:?}: {}", f.explanation);
            // The verdict's meaning does not promise "no major" while one is foretold for the
            // audit day (auditor probe of stop 46).
            let score = compute(catalog, &a, &findings_for(&a));
            assert_eq!(
                (score.majors, score.majors_by_audit, score.verdict),
                (0, usize::from(warned), Verdict::NearlyReady),
                "{held} {audit:?}"
            );
            assert_eq!(score.meaning().starts_with("No major nonconformity today, but a recurring activity running late"), warned);
            if let Some(on) = audit.filter(|_| warned) {
                assert!(
                    f.explanation.ends_with(&format!(
                        "Unless it is held before the audit on {on}, it will then be more than 91 days late: not held when planned, \
                         which an auditor raises as a major nonconformity."
                    )),
                    "{}",
                    f.explanation
                );
            }
        }
    }
    // A day later, and a review 500 days old (auditor probe: it read a minor late record), it
    // skipped its cycle: a major gap, as a "no".
    for held in [day(2025, 8, 23), day(2025, 7, 11)] {
        a.edit_evidence(review.id, |list| list[0].produced_on = Some(held));
        let f = find(&a, review.id).unwrap();
        assert_eq!((f.kind, f.severity), (FindingKind::Gap, Severity::Major), "{held}");
        assert!(f.explanation.contains("More than 91 days (a quarter of its interval) have passed"), "{}", f.explanation);
    }
    // Answered "partly", the same record is no better (auditor probe: "partly" kept a review
    // 500 days old a minor, while "yes" made it the major it is).
    a.set_answer(review.id, Answer::Partly, today());
    let f = find(&a, review.id).unwrap();
    assert_eq!((f.kind, f.severity, f.cost), (FindingKind::Gap, Severity::Major, audit_readiness::domain::points::weight(review.finding)));
    assert!(f.explanation.starts_with("Answered partly, and the newest evidence expired on 2026-07-11."), "{}", f.explanation);
    // A record without a date may be the newer one: a late record asking for its date, not a
    // major (auditor probe: adding an old record to an undated one turned "Ready" into a major).
    a.set_answer(review.id, Answer::Yes, today());
    a.edit_evidence(review.id, |list| list.push(EvidenceRecord { what: "Minutes".into(), ..Default::default() }));
    let f = find(&a, review.id).unwrap();
    assert_eq!((f.kind, f.severity), (FindingKind::StaleEvidence, review.partly_severity()));
    assert!(f.explanation.ends_with("If a record without a date is newer, give it its date."), "{}", f.explanation);
    // A placeholder is no record that might be newer (auditor probe: "TBD" kept a review 565
    // days old a late record).
    for placeholder in ["TBD", "-", ""] {
        a.edit_evidence(review.id, |list| list.last_mut().unwrap().what = placeholder.into());
        a.edit_evidence(review.id, |list| list.last_mut().unwrap().owner = "Ben".into());
        let f = find(&a, review.id).unwrap();
        assert_eq!((f.kind, f.severity), (FindingKind::Gap, Severity::Major), "{placeholder:?}");
    }
    // A policy approved 26 months ago is still approved: its review is late, not missing.
    let policy = catalog.item("C52-POL-08").unwrap();
    assert!(!policy.recurring);
    let mut a = all(catalog, Answer::Yes);
    a.edit_evidence(policy.id, |list| list.push(evidence(day(2024, 9, 1))));
    let f = find(&a, policy.id).unwrap();
    assert_eq!((f.kind, f.severity), (FindingKind::StaleEvidence, policy.partly_severity()));
}

#[test]
fn a_risk_register_approval_years_old_is_a_skipped_cycle_not_a_late_record() {
    // Second auditor probe: the risk register last approved three years ago, beside a Statement
    // of Applicability and risk acceptances as old, read "Nearly ready" with three late-record
    // minors; risk management not redone at its planned interval is a major (Clause 6.1.2, 8.2).
    let catalog = Catalog::builtin();
    let risk = catalog.item("MGT-STEP-04").unwrap();
    assert!(risk.recurring && risk.cadence == Some(Cadence::Annually) && risk.finding == Severity::Major);
    let mut a = all(catalog, Answer::Yes);
    for id in ["MGT-STEP-04", "MGT-FAQ-02", "MGT-FAQ-04"] {
        a.edit_evidence(id, |list| list.push(evidence(day(2023, 11, 20))));
    }
    let findings = findings_for(&a);
    let f = findings.iter().find(|f| f.item_id == risk.id).unwrap();
    assert_eq!((f.kind, f.severity), (FindingKind::Gap, Severity::Major));
    assert!(f.explanation.contains("so it was not held when planned"), "{}", f.explanation);
    assert_eq!(compute(catalog, &a, &findings).verdict, Verdict::NotReady);
    // Approved within its year and a quarter: a late record, as before.
    a.edit_evidence(risk.id, |list| list[0].produced_on = Some(day(2025, 10, 1)));
    let f = findings_for(&a).into_iter().find(|f| f.item_id == risk.id).unwrap();
    assert_eq!((f.kind, f.severity), (FindingKind::StaleEvidence, risk.partly_severity()));
}

#[test]
fn a_management_review_held_before_the_first_internal_audit_could_not_consider_its_results() {
    // Second auditor probe: a review two months ago, the first internal audit ten days ago, read
    // "Ready"; the review could not consider audit results (Clause 9.3.2).
    let catalog = Catalog::builtin();
    let review = catalog.item("MGT-STEP-06").unwrap();
    assert_eq!(review.considers, Some("C53-ISM-02"));
    let audit = catalog.item("C53-ISM-02").unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.edit_evidence(review.id, |list| list.push(evidence(day(2026, 9, 24))));
    a.edit_evidence(audit.id, |list| list.push(evidence(day(2026, 11, 13))));
    let findings = findings_for(&a);
    let f = findings.iter().find(|f| f.item_id == review.id).expect("the review is only partly shown");
    assert_eq!((f.kind, f.severity, f.date), (FindingKind::Partial, Severity::Minor, Some(day(2026, 9, 24))));
    assert!(
        f.explanation.starts_with(&format!(
            "Answered yes, but the newest record is dated 2026-09-24, before the first record of “{}” (2026-11-13)",
            audit.title
        )),
        "{}",
        f.explanation
    );
    assert_eq!(compute(catalog, &a, &findings).verdict, Verdict::NearlyReady);
    // A review old enough to lapse before the audit day is still one held before the audit
    // (auditor probe of stop 45: its renewal reminder, costing nothing, hid the minor, so an older
    // review read "Ready" where a newer one did not).
    let mut older = all(catalog, Answer::Yes);
    older.audit_date = Some(day(2027, 2, 15));
    older.edit_evidence(review.id, |list| list.push(evidence(day(2026, 1, 6))));
    older.edit_evidence(audit.id, |list| list.push(evidence(day(2026, 10, 1))));
    let findings = findings_for(&older);
    let f = findings.iter().find(|f| f.item_id == review.id).expect("the review is only partly shown");
    assert_eq!((f.kind, f.severity, f.date), (FindingKind::Partial, Severity::Minor, Some(day(2026, 1, 6))));
    assert!(f.explanation.contains("it could not consider its results"), "{}", f.explanation);
    assert_eq!(compute(catalog, &older, &findings).verdict, Verdict::NearlyReady);
    // The same review after the audit: only the reminder to renew it before the audit day.
    older.edit_evidence(audit.id, |list| list[0].produced_on = Some(day(2025, 12, 1)));
    let f = findings_for(&older).into_iter().find(|f| f.item_id == review.id).unwrap();
    assert_eq!((f.kind, f.cost), (FindingKind::ExpiresBeforeAudit, Points::ZERO));
    // An earlier audit on file, or a review held after the audit: in order.
    let mut earlier = a.clone();
    earlier.edit_evidence(audit.id, |list| list.push(evidence(day(2025, 11, 20))));
    assert!(findings_for(&earlier).iter().all(|f| f.item_id != review.id));
    let mut after = a.clone();
    after.edit_evidence(review.id, |list| list.push(evidence(day(2026, 11, 20))));
    assert!(findings_for(&after).iter().all(|f| f.item_id != review.id));
    // An audit only planned (dated ahead) is no audit held after the review.
    let mut planned = all(catalog, Answer::Yes);
    planned.edit_evidence(review.id, |list| list.push(evidence(day(2026, 9, 24))));
    planned.edit_evidence(audit.id, |list| list.push(evidence(day(2027, 1, 10))));
    assert!(findings_for(&planned).iter().all(|f| f.item_id != review.id), "nothing dated by today to compare");
    // No internal audit held (answered no), its programme on file: the audit's own gap, not a
    // second one for the review (third auditor probe).
    let mut none = a.clone();
    none.set_answer(audit.id, Answer::No, today());
    let findings = findings_for(&none);
    assert!(findings.iter().all(|f| f.item_id != review.id), "{findings:#?}");
    assert!(findings.iter().any(|f| f.item_id == audit.id));
}

#[test]
fn an_empty_row_dated_earlier_does_not_let_a_review_consider_an_audit_held_after_it() {
    // Second auditor probe: the management review 60 days ago, the first internal audit record
    // 20 days ago (the review could not consider it: a minor); an empty row dated 90 days ago on
    // the internal audit read "Ready".
    let catalog = Catalog::builtin();
    let review = catalog.items.iter().find(|i| i.considers.is_some()).expect("an item that considers another");
    let input = review.considers.unwrap();
    let record = |what: &str, days: u64| EvidenceRecord {
        what: what.into(),
        produced_on: today().checked_sub_days(chrono::Days::new(days)),
        ..Default::default()
    };
    let mut a = all(catalog, Answer::Yes);
    a.edit_evidence(review.id, |list| list.push(record("Review minutes", 60)));
    a.edit_evidence(input, |list| list.push(record("Audit report", 20)));
    let before = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!(before.verdict, Verdict::NearlyReady, "{}", before.verdict_reason());
    a.edit_evidence(input, |list| list.push(record("", 90)));
    let after = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((after.verdict, after.minors), (before.verdict, before.minors));
}
