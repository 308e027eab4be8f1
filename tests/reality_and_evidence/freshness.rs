//! Evidence freshness: validity by cadence, judged against today and the audit date, stale or lapsing records.

use crate::support::{all, day, today, Rng};
use crate::{all_yes_with_evidence, evidence, findings_for, findings_for_on};
use audit_readiness::domain::catalog::Cadence;
use audit_readiness::domain::evidence::{expires_on, freshness, record_validity, Freshness};
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, FindingKind, Points, Severity, Verdict};

#[test]
fn evidence_validity_follows_the_cadence() {
    let produced = day(2026, 1, 31);
    assert_eq!(expires_on(Cadence::Monthly, produced), Some(day(2026, 2, 28)));
    assert_eq!(expires_on(Cadence::Quarterly, produced), Some(day(2026, 4, 30)));
    assert_eq!(expires_on(Cadence::Annually, produced), Some(day(2027, 1, 31)));
    assert_eq!(expires_on(Cadence::Once, produced), None);
    assert_eq!(expires_on(Cadence::OnRoleChange, produced), None);
}

#[test]
fn freshness_is_judged_against_today_and_the_audit_date() {
    let quarterly = Some(Cadence::Quarterly);
    let expiry = Some(day(2027, 1, 10));
    // Valid through its expiry day: a quarterly check held on that day is on time (auditor probe).
    assert_eq!(freshness(quarterly, expiry, day(2027, 1, 10), None), Freshness::Fresh);
    assert_eq!(freshness(quarterly, expiry, day(2027, 1, 11), None), Freshness::Stale { expired_on: day(2027, 1, 10) });
    assert_eq!(freshness(quarterly, expiry, day(2026, 12, 1), None), Freshness::Fresh);
    assert_eq!(
        freshness(quarterly, expiry, day(2026, 12, 1), Some(day(2027, 2, 1))),
        Freshness::ExpiresBeforeAudit { expires_on: day(2027, 1, 10) }
    );
    assert_eq!(freshness(quarterly, expiry, day(2026, 12, 1), Some(day(2027, 1, 10))), Freshness::Fresh, "valid on audit day");
    assert_eq!(freshness(quarterly, None, day(2026, 12, 1), Some(day(2027, 1, 9))), Freshness::Fresh);
}

#[test]
fn evidence_lapsing_before_the_audit_is_a_gap_only_once_renewing_it_would_reach_the_audit() {
    let quarterly = Some(Cadence::Quarterly);
    let expiry = Some(day(2027, 1, 10));
    // Audit on 2027-05-01: a record made on 2026-12-01 would lapse on 2027-03-01, before the
    // audit too, so nothing can be done yet; the renewal is simply due on 2027-01-10.
    assert_eq!(freshness(quarterly, expiry, day(2026, 12, 1), Some(day(2027, 5, 1))), Freshness::Fresh);
    // From 2027-01-01 a renewal lasts to the audit: now it is worth flagging.
    assert_eq!(
        freshness(quarterly, expiry, day(2027, 1, 9), Some(day(2027, 4, 1))),
        Freshness::ExpiresBeforeAudit { expires_on: day(2027, 1, 10) }
    );
    // The day a renewal would first reach the audit (valid through 2027-04-01, the audit day).
    assert_eq!(freshness(quarterly, expiry, day(2026, 12, 31), Some(day(2027, 4, 1))), Freshness::Fresh);
    assert_eq!(
        freshness(quarterly, expiry, day(2027, 1, 1), Some(day(2027, 4, 1))),
        Freshness::ExpiresBeforeAudit { expires_on: day(2027, 1, 10) }
    );
}

#[test]
fn a_yes_with_evidence_produced_today_is_ready_however_far_the_audit() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for item in catalog.items {
        a.edit_evidence(item.id, |list| list.push(evidence(today())));
    }
    for months in [1, 2, 4, 5, 11, 13] {
        a.audit_date = today().checked_add_months(chrono::Months::new(months));
        // The answered items' evidence (register records and rehearsals have their own dates).
        let answered = |f: &audit_readiness::domain::Finding| !catalog.item(f.item_id).unwrap().is_derived();
        let findings = findings_for(&a).into_iter().filter(answered).collect::<Vec<_>>();
        assert!(findings.is_empty(), "audit in {months} months: {:?}", findings.iter().map(|f| &f.id).collect::<Vec<_>>());
    }
}

fn quarterly_item() -> &'static audit_readiness::domain::Item {
    Catalog::builtin().items.iter().find(|i| i.cadence == Some(Cadence::Quarterly) && i.area != "a54-reality" && !i.is_derived()).unwrap()
}

#[test]
fn old_evidence_is_stale_and_costs_half_the_item() {
    let catalog = Catalog::builtin();
    let item = quarterly_item();
    let mut a = all(catalog, Answer::Yes);
    a.edit_evidence(item.id, |list| list.push(evidence(day(2026, 7, 15))));
    let findings = findings_for(&a);
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!((f.item_id, f.kind, f.date), (item.id, FindingKind::StaleEvidence, Some(day(2026, 10, 15))));
    // Raised as "partly" would be: a clause requirement whose record lapsed is a minor.
    assert_eq!(f.severity, item.partly_severity());
    assert_eq!(f.severity, if item.rests_on_clause() { item.finding.min(Severity::Minor) } else { item.finding.downgraded() });
    assert_eq!(f.cost.in_halves() * 2, audit_readiness::domain::points::weight(item.finding).in_halves());
    // It says why removing the record is no way out (founder pass of stop 44: with no record the
    // "yes" read "Ready on your word", so filing an expired one looked like a loss).
    assert!(f.explanation.contains("Removing this one would not help: the answer would rest on your word"), "{}", f.explanation);
    // A newer record makes it fresh again: only the freshest record counts.
    a.edit_evidence(item.id, |list| list.push(evidence(day(2026, 11, 1))));
    assert!(findings_for(&a).is_empty());
    // A record dated after today does not count: the older one is judged.
    a.edit_evidence(item.id, |list| {
        list.pop();
        list.push(evidence(day(2027, 11, 1)));
    });
    assert_eq!(findings_for(&a).iter().map(|f| f.kind).collect::<Vec<_>>(), vec![FindingKind::StaleEvidence]);
}

#[test]
fn evidence_that_lapses_before_audit_day_is_flagged_with_its_expiry() {
    let catalog = Catalog::builtin();
    let item = quarterly_item();
    let mut a = all(catalog, Answer::Yes);
    a.edit_evidence(item.id, |list| list.push(evidence(day(2026, 10, 1))));
    assert!(findings_for(&a).is_empty(), "no audit date: fresh today is enough");
    // An audit in 2027-02-15: a record made today (2026-11-23) would last until 2027-02-23, so
    // renewing now is what keeps it valid on audit day.
    a.audit_date = Some(day(2027, 2, 15));
    let findings = findings_for(&a);
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!((f.kind, f.date), (FindingKind::ExpiresBeforeAudit, Some(day(2027, 1, 1))));
    assert!(f.explanation.contains("2027-01-01"));
    // A reminder, not a finding yet: the renewal the calendar schedules lands before the audit
    // (auditor probe: routine monthly records read "Nearly ready" a month before the audit).
    // Nothing is missing today, so it costs no point (a second auditor probe: every yearly record
    // due for renewal before the audit took "Ready" down to 73 %).
    assert_eq!((f.severity, f.cost), (Severity::Observation, Points::ZERO));
    let s = compute(catalog, &a, &findings);
    assert_eq!((s.verdict, s.percent), (Verdict::Ready, 100));
    // Every record of a year due for renewal before the audit: still Ready.
    let mut many = all(catalog, Answer::Yes);
    many.audit_date = Some(day(2027, 1, 22));
    for yearly in catalog.items.iter().filter(|i| i.cadence == Some(audit_readiness::domain::catalog::Cadence::Annually) && !i.is_derived())
    {
        many.edit_evidence(yearly.id, |list| list.push(evidence(day(2025, 12, 28))));
    }
    let findings = findings_for(&many);
    assert!(findings.len() > 20 && findings.iter().all(|f| f.kind == FindingKind::ExpiresBeforeAudit), "{findings:#?}");
    assert_eq!(compute(catalog, &many, &findings).verdict, Verdict::Ready);
    // Once it has lapsed, it is stale: the item's own partial severity again.
    let lapsed = findings_for_on(&a, day(2027, 1, 2));
    let f = lapsed.iter().find(|f| f.item_id == item.id).unwrap();
    assert_eq!((f.kind, f.severity), (FindingKind::StaleEvidence, catalog.partly_severity(item)));
}

#[test]
fn all_yes_with_fresh_evidence_is_one_hundred_and_ready_whatever_the_audit_date() {
    let catalog = Catalog::builtin();
    let a = all_yes_with_evidence(catalog, day(2026, 11, 20), day(2026, 12, 10));
    let findings = findings_for(&a);
    let s = compute(catalog, &a, &findings);
    assert_eq!((s.percent, s.verdict, findings.len()), (100, Verdict::Ready, 0));
}

#[test]
fn with_random_evidence_and_claims_every_lost_point_still_has_a_finding() {
    let catalog = Catalog::builtin();
    let mut rng = Rng(7);
    for _ in 0..300 {
        let mut a = Assessment { audit_date: Some(day(2026, 11, 23) + chrono::Days::new(rng.below(400) as u64)), ..Assessment::default() };
        for item in catalog.items {
            if let Some(answer) = Answer::ALL.get(rng.below(6)) {
                a.set_answer(item.id, *answer, today());
            }
            if rng.below(2) == 0 {
                let produced = day(2025, 1, 1) + chrono::Days::new(rng.below(700) as u64);
                a.edit_evidence(item.id, |list| list.push(evidence(produced)));
            }
        }
        let findings = findings_for(&a);
        let s = compute(catalog, &a, &findings);
        let lost: audit_readiness::domain::Points = findings.iter().map(|f| f.cost).sum();
        assert_eq!(s.possible - s.earned, lost);
        assert!(s.earned <= s.possible);
        // At most one finding per item: no point is counted twice.
        let mut ids: Vec<_> = findings.iter().map(|f| f.item_id).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), findings.len());
    }
}

#[test]
fn default_due_dates_fall_before_the_audit_by_severity() {
    use audit_readiness::domain::remediation::default_due;
    let audit = Some(day(2027, 3, 1));
    assert_eq!(default_due(Severity::Major, today(), audit), day(2027, 1, 30));
    assert_eq!(default_due(Severity::Minor, today(), audit), day(2027, 2, 15));
    assert_eq!(default_due(Severity::Observation, today(), audit), day(2027, 2, 22));
    // 45 days: every usual lead time still fits.
    let fits = Some(day(2027, 1, 7));
    assert_eq!(default_due(Severity::Major, today(), fits), day(2026, 12, 8));
    assert_eq!(default_due(Severity::Minor, today(), fits), day(2026, 12, 24));
    assert_eq!(default_due(Severity::Observation, today(), fits), day(2026, 12, 31));
    // 28 days: too close for a major's month, which shrinks to three quarters of the time left
    // (21 days before the audit), still ahead of the minors.
    let close = Some(day(2026, 12, 21));
    assert_eq!(default_due(Severity::Major, today(), close), day(2026, 11, 30));
    assert_eq!(default_due(Severity::Minor, today(), close), day(2026, 12, 7));
    assert_eq!(default_due(Severity::Observation, today(), close), day(2026, 12, 14));
    // Whatever the distance, majors are never due after minors, nor minors after observations,
    // and nothing is due before today or after the audit.
    for days in 0..200 {
        let audit = today().checked_add_days(chrono::Days::new(days)).unwrap();
        let [major, minor, observation] =
            [Severity::Major, Severity::Minor, Severity::Observation].map(|s| default_due(s, today(), Some(audit)));
        assert!(
            today() <= major && major <= minor && minor <= observation && observation <= audit,
            "{days} days: {major} {minor} {observation}"
        );
    }
    // The audit tomorrow: everything is due tomorrow, the audit day itself.
    assert_eq!(default_due(Severity::Major, today(), Some(day(2026, 11, 24))), day(2026, 11, 24));
    assert_eq!(default_due(Severity::Major, today(), Some(day(2026, 11, 1))), today());
    assert_eq!(default_due(Severity::Minor, today(), None), day(2027, 1, 22));
}

#[test]
fn each_evidence_record_says_until_when_it_counts_in_the_freshness_checks_terms() {
    let today = day(2026, 12, 3);
    let yearly = Some(Cadence::Annually);
    let v = |cadence, produced, audit| record_validity(cadence, produced, today, audit).says;
    assert_eq!(v(yearly, None, None), "Add the date it was produced to check freshness.");
    assert_eq!(v(yearly, Some(day(2027, 1, 5)), None), "Dated 2027-01-05, after today: it counts from that day, not before.");
    assert_eq!(
        v(yearly, Some(day(2027, 1, 5)), Some(day(2027, 1, 4))),
        "Dated 2027-01-05, after the audit day: it cannot count for this audit. Check the date."
    );
    assert_eq!(v(yearly, Some(day(2026, 3, 1)), None), "Expires on 2027-03-01: renew it before then.");
    // Valid through its expiry day, stale from the next, as the findings judge it.
    assert_eq!(v(yearly, Some(day(2025, 12, 3)), None), "Expires on 2026-12-03: renew it before then.");
    assert_eq!(v(yearly, Some(day(2025, 12, 2)), None), "Expired on 2026-12-02: renew it.");
    // Valid today but not on audit day: said here too, not only in the findings.
    assert_eq!(v(yearly, Some(day(2026, 3, 1)), Some(day(2027, 4, 1))), "Expires on 2027-03-01, before the audit day: renew it in time.");
    assert_eq!(v(yearly, Some(day(2026, 3, 1)), Some(day(2027, 2, 1))), "Expires on 2027-03-01: renew it before then.");
    // Lapsing before an audit so far away that renewing now would lapse before it too.
    assert_eq!(
        v(Some(Cadence::Quarterly), Some(day(2026, 11, 1)), Some(day(2027, 6, 1))),
        "Expires on 2027-02-01, before the audit day: renew it by then (renewing sooner would not reach the audit)."
    );
    assert_eq!(v(Some(Cadence::OnRoleChange), Some(day(2026, 3, 1)), None), "Does not expire by date (renew it on changes).");
    assert_eq!(v(None, Some(day(2026, 3, 1)), None), "Does not expire by date.");
}

#[test]
fn an_accurate_org_chart_or_incident_register_four_months_old_is_not_stale() {
    // The auditor's probe: both were renewed quarterly, so an org chart unchanged since the last
    // role change, and an incident register with no incident since, read stale at 120 days. The
    // org chart holds until the roles change (as the register check of the same route does); the
    // incident register is sampled over the audit period, a year.
    let catalog = Catalog::builtin();
    let cadence = |id| catalog.item(id).unwrap().cadence;
    assert_eq!(cadence("C53-PRE-08"), cadence("REG-REPORTING-LINE"));
    assert_eq!((cadence("C53-PRE-08"), cadence("C53-ISM-03")), (Some(Cadence::OnRoleChange), Some(Cadence::Annually)));
    let mut a = all(catalog, Answer::Yes);
    for id in ["C53-PRE-08", "C53-ISM-03"] {
        a.edit_evidence(id, |list| list.push(evidence(today() - chrono::Days::new(120))));
    }
    assert!(findings_for(&a).is_empty(), "{:?}", findings_for(&a));
    // The incident register still lapses after a year.
    a.edit_evidence("C53-ISM-03", |list| list[0] = evidence(today() - chrono::Days::new(400)));
    let stale: Vec<_> = findings_for(&a).iter().map(|f| (f.item_id, f.kind)).collect();
    assert_eq!(stale, [("C53-ISM-03", FindingKind::StaleEvidence)]);
}

#[test]
fn clause_9_1_monitoring_and_metrics_are_judged_by_the_quarter_not_the_month() {
    // The auditor's probe: Clause 9.1 leaves when to monitor and measure to the organisation, yet
    // control checks and metrics 32 or 60 days old read as two stale minors. Renewed quarterly,
    // they go stale only when a quarter has passed.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for id in ["C53-REP-02", "C53-REP-03"] {
        assert_eq!(catalog.item(id).unwrap().cadence, Some(Cadence::Quarterly), "{id}");
        a.edit_evidence(id, |list| list.push(evidence(today() - chrono::Days::new(60))));
    }
    assert!(findings_for(&a).is_empty(), "{:?}", findings_for(&a));
    a.edit_evidence("C53-REP-03", |list| list[0] = evidence(today() - chrono::Days::new(100)));
    let stale: Vec<_> = findings_for(&a).iter().map(|f| (f.item_id, f.kind)).collect();
    assert_eq!(stale, [("C53-REP-03", FindingKind::StaleEvidence)]);
}
