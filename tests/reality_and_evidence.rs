//! Reality checks (a claim is not proof) and evidence freshness against the audit date.

mod support;

use audit_readiness::domain::catalog::Cadence;
use audit_readiness::domain::evidence::{expires_on, freshness, planned_only, record_validity, undated_renewal, Freshness};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, EvidenceRecord, FindingKind, ItemResponse, Points, Severity, Verdict};
use support::{all, day, today, Rng};

fn findings_for(a: &Assessment) -> Vec<audit_readiness::domain::Finding> {
    findings_for_on(a, today())
}

fn findings_for_on(a: &Assessment, on: chrono::NaiveDate) -> Vec<audit_readiness::domain::Finding> {
    all_findings(Catalog::builtin(), a, on)
}

/// Every item answered yes, each with one evidence record produced on `on`, the audit on `audit`.
fn all_yes_with_evidence(catalog: &'static Catalog, on: chrono::NaiveDate, audit: chrono::NaiveDate) -> Assessment {
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = Some(audit);
    for item in catalog.items {
        a.edit_evidence(item.id, |list| list.push(evidence(on)));
    }
    a
}

fn evidence(produced_on: chrono::NaiveDate) -> EvidenceRecord {
    EvidenceRecord { what: "Minutes".into(), location: "Drive / governance".into(), produced_on: Some(produced_on), owner: "CEO".into() }
}

#[test]
fn proof_items_are_at_least_minor_so_missing_proof_blocks_ready() {
    let catalog = Catalog::builtin();
    for check in catalog.reality_checks {
        assert!(catalog.item(check.proof_item).unwrap().finding >= Severity::Minor, "{}", check.id);
    }
}

#[test]
fn a_claim_answered_yes_with_proof_no_is_a_checkbox_gap_and_never_ready() {
    let catalog = Catalog::builtin();
    for check in catalog.reality_checks {
        for proof_answer in [Some(Answer::No), Some(Answer::NotSure), Some(Answer::NotApplicable), None] {
            let mut a = all(catalog, Answer::Yes);
            match proof_answer {
                Some(p) => {
                    a.set_answer(check.proof_item, p, today());
                    a.set_na_justification(check.proof_item, "We are too small for this".into());
                }
                None => {
                    a.responses.remove(check.proof_item);
                }
            }
            let findings = findings_for(&a);
            if check.no_event_shown_by.is_some() && proof_answer == Some(Answer::NotApplicable) {
                // No slip has happened yet, the reason says so and the incident register (answered
                // yes here) shows it: the claim stands on its own.
                assert!(findings.iter().all(|f| f.item_id != check.claim_item && f.item_id != check.proof_item), "{findings:#?}");
                continue;
            }
            let gap = findings.iter().find(|f| f.item_id == check.claim_item).expect("claim flagged");
            assert_eq!(gap.kind, FindingKind::CheckboxGap, "{}", check.id);
            assert!(gap.severity >= Severity::Minor);
            assert!(gap.explanation.contains(check.reality));
            if proof_answer == Some(Answer::NotApplicable) {
                assert!(gap.explanation.contains("marked not applicable"), "{}", gap.explanation);
            }
            let claim = catalog.item(check.claim_item).unwrap();
            assert_eq!(gap.cost, audit_readiness::domain::points::weight(claim.finding), "the claim earns nothing");
            let score = compute(catalog, &a, &findings);
            assert_ne!(score.verdict, Verdict::Ready, "{} with proof {proof_answer:?}", check.id);
        }
    }
}

#[test]
fn a_claim_whose_proof_is_confirmed_missing_is_part_of_that_gap_one_nonconformity_not_two() {
    let catalog = Catalog::builtin();
    for check in catalog.reality_checks {
        let mut a = all(catalog, Answer::Yes);
        a.set_answer(check.proof_item, Answer::No, today());
        let findings = findings_for(&a);
        let claim = findings.iter().find(|f| f.item_id == check.claim_item).expect("claim flagged");
        let proof = findings.iter().find(|f| f.item_id == check.proof_item).expect("proof missing");
        assert_eq!(claim.kind, FindingKind::CheckboxGap, "{}", check.id);
        // Part of the proof's gap, or of the broader gap the proof is part of.
        let expected = proof.part_of.map_or(check.proof_item, |p| p.item_id);
        assert_eq!(claim.part_of.map(|p| p.item_id), Some(expected), "{}", check.id);
        assert!(claim.explanation.starts_with("Part of “"), "{}", claim.explanation);
        assert!(!claim.stands_alone() && claim.cost > Points::ZERO, "it keeps its points");
        let score = compute(catalog, &a, &findings);
        let standing: Vec<_> = findings.iter().filter(|f| f.stands_alone() && f.severity > Severity::Observation).collect();
        assert_eq!(standing.len(), 1, "{}: {standing:?}", check.id);
        assert_eq!(score.majors + score.minors, 1, "{}", check.id);
        assert_ne!(score.verdict, Verdict::Ready, "the proof's gap still stands");
        // Even the paperwork missing as well: still the one gap.
        a.set_answer(check.claim_item, Answer::No, today());
        let findings = findings_for(&a);
        let claim = findings.iter().find(|f| f.item_id == check.claim_item).unwrap();
        // A claim that is the record a broader "yes" rests on leaves that "yes" only partly
        // shown, and is part of it (`Item::proves_within`).
        let claim_item = catalog.item(check.claim_item).unwrap();
        let holder = if claim_item.proves_within { claim_item.within.unwrap() } else { expected };
        assert_eq!((claim.kind, claim.part_of.map(|p| p.item_id)), (FindingKind::Gap, Some(holder)), "{}", check.id);
        a.set_answer(check.claim_item, Answer::Yes, today());
        // A proof only unconfirmed is not one more nonconformity than a proof missing: the
        // claim is part of the proof's "not yet known", whose count says what is unconfirmed.
        for unconfirmed in [Some(Answer::NotSure), None] {
            match unconfirmed {
                Some(answer) => a.set_answer(check.proof_item, answer, today()),
                None => drop(a.responses.remove(check.proof_item)),
            }
            let findings = findings_for(&a);
            let claim = findings.iter().find(|f| f.item_id == check.claim_item).unwrap();
            assert_eq!((claim.kind, claim.part_of.map(|p| p.item_id)), (FindingKind::CheckboxGap, Some(expected)), "{}", check.id);
            let score = compute(catalog, &a, &findings);
            assert_eq!((score.majors + score.minors, score.not_yet_known), (1, 1), "{}: {unconfirmed:?}", check.id);
        }
    }
}

#[test]
fn only_a_proof_that_needs_an_event_may_be_not_applicable_with_its_reason_and_a_record_of_none() {
    let catalog = Catalog::builtin();
    let events: Vec<_> = catalog.reality_checks.iter().filter_map(|c| Some((c.id, c.no_event_shown_by?))).collect();
    assert_eq!(
        events,
        [("RC-03", "C53-ISM-03")],
        "a handled disciplinary case needs a slip to have happened; the incident register shows none did"
    );
    let check = catalog.reality_checks.iter().find(|c| c.id == "RC-03").unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(check.proof_item, Answer::NotApplicable, today());
    // Without its reason, "not applicable" counts as not answered: the claim is still unproven.
    let findings = findings_for(&a);
    assert_eq!(findings.iter().find(|f| f.item_id == check.claim_item).map(|f| f.kind), Some(FindingKind::CheckboxGap));
    a.set_na_justification(check.proof_item, "No security slip has happened since the handbook was issued".into());
    let findings = findings_for(&a);
    assert!(findings.is_empty(), "{findings:#?}");
    assert_eq!(compute(catalog, &a, &findings).verdict, Verdict::Ready);
    // Without an incident register, nothing shows that no slip happened: the claim is unproven.
    a.set_na_justification("C53-ISM-03", "We have had no incidents".into());
    for record in [Answer::No, Answer::NotSure, Answer::Partly, Answer::NotApplicable] {
        a.set_answer("C53-ISM-03", record, today());
        let findings = findings_for(&a);
        let claim = findings.iter().find(|f| f.item_id == check.claim_item).expect("claim unproven");
        assert_eq!(claim.kind, FindingKind::CheckboxGap, "{record:?}");
        assert_ne!(compute(catalog, &a, &findings).verdict, Verdict::Ready, "{record:?}");
        // The proof says why its reason cannot stand: not that A 5.4 applies to every company,
        // which nobody questioned (auditor probe); and with the register missing as gravely, it
        // is part of that gap, not a second nonconformity.
        let proof = findings.iter().find(|f| f.item_id == check.proof_item).expect("the proof");
        assert!(proof.explanation.contains("because no case has happened yet, but only “"), "{}", proof.explanation);
        assert!(!proof.explanation.contains("applies to every company"), "{}", proof.explanation);
        // Said as the register is answered (founder pass of stop 47).
        let state = if record == Answer::Partly { "and it is only partly in place:" } else { "and it is not in place yet:" };
        assert!(proof.explanation.contains(state), "{record:?}: {}", proof.explanation);
        let register = catalog.item("C53-ISM-03").unwrap();
        let part = proof.part_of.map(|p| p.item_id);
        let raised = if record == Answer::Partly { catalog.partly_severity(register) } else { register.finding };
        assert_eq!(part, (raised >= proof.item.finding).then_some("C53-ISM-03"), "{record:?}");
    }
}

#[test]
fn a_proven_claim_is_not_a_gap() {
    let catalog = Catalog::builtin();
    let check = &catalog.reality_checks[0];
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(check.proof_item, Answer::Partly, today());
    let findings = findings_for(&a);
    assert!(findings.iter().all(|f| f.kind != FindingKind::CheckboxGap));
    assert_eq!(findings.len(), 1);
    assert_eq!((findings[0].item_id, findings[0].kind), (check.proof_item, FindingKind::Partial));
}

#[test]
fn a_claim_answered_no_is_an_ordinary_gap_not_a_checkbox_gap() {
    let catalog = Catalog::builtin();
    let check = &catalog.reality_checks[1];
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(check.claim_item, Answer::No, today());
    a.set_answer(check.proof_item, Answer::No, today());
    let kinds: Vec<_> = findings_for(&a).iter().map(|f| (f.item_id, f.kind)).collect();
    assert!(kinds.contains(&(check.claim_item, FindingKind::Gap)));
    assert!(kinds.contains(&(check.proof_item, FindingKind::Gap)));
    // The claim's own reason is about paperwork without proof; a "no" says the paperwork is
    // missing and names the proof the auditor tests.
    for check in catalog.reality_checks {
        let mut a = all(catalog, Answer::Yes);
        a.set_answer(check.claim_item, Answer::No, today());
        let f = findings_for(&a).into_iter().find(|f| f.item_id == check.claim_item).unwrap();
        let proof = catalog.item(check.proof_item).unwrap();
        let said = format!("Not in place: even the paperwork is missing. An auditor would go further and test “{}”.", proof.title);
        // After the note of the "yes" it leaves partly shown, when it is that one's record.
        match f.item.proves_within {
            true => assert!(f.explanation.starts_with("Part of “") && f.explanation.ends_with(&said), "{}", f.explanation),
            false => assert_eq!(f.explanation, said),
        }
    }
}

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
fn a_calendar_renewed_yes_without_a_dated_record_asks_for_the_date() {
    let now = day(2026, 12, 3);
    let with = |dates: &[Option<chrono::NaiveDate>]| ItemResponse {
        answer: Some(Answer::Yes),
        evidence: dates.iter().map(|d| EvidenceRecord { what: "Minutes".into(), produced_on: *d, ..EvidenceRecord::default() }).collect(),
        ..ItemResponse::default()
    };
    assert_eq!(undated_renewal(Some(Cadence::Annually), false, &with(&[]), now), Some("every year"));
    assert_eq!(undated_renewal(Some(Cadence::Quarterly), false, &with(&[None]), now), Some("every quarter"));
    // A record dated after today does not count: it cannot show the evidence exists yet.
    assert_eq!(undated_renewal(Some(Cadence::Monthly), false, &with(&[None, Some(day(2027, 1, 1))]), now), Some("every month"));
    assert_eq!(undated_renewal(Some(Cadence::Monthly), false, &with(&[None, Some(day(2026, 11, 20))]), now), None);
    // Items not renewed by the calendar have nothing to date against.
    assert_eq!(undated_renewal(Some(Cadence::Once), false, &with(&[]), now), None);
    assert_eq!(undated_renewal(Some(Cadence::OnRoleChange), false, &with(&[]), now), None);
    assert_eq!(undated_renewal(None, false, &with(&[]), now), None);
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

#[test]
fn a_yes_whose_evidence_is_all_dated_after_today_is_not_in_place() {
    let catalog = Catalog::builtin();
    let item = catalog.items.iter().find(|i| i.id == "MGT-STEP-06").unwrap();
    assert_eq!(item.finding, Severity::Major);
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = Some(day(2027, 2, 10));
    // The management review is only planned: nothing exists yet, whatever the answer says.
    a.edit_evidence(item.id, |list| list.push(evidence(day(2027, 1, 20))));
    let findings = findings_for(&a);
    let f = findings.iter().find(|f| f.item_id == item.id).expect("a finding for the planned review");
    assert_eq!((f.kind, f.severity, f.date), (FindingKind::NotYetProduced, Severity::Major, Some(day(2027, 1, 20))));
    assert_eq!(f.cost, audit_readiness::domain::points::weight(item.finding));
    assert!(f.explanation.contains("2027-01-20 or later, after today:"), "{}", f.explanation);
    assert_eq!(compute(catalog, &a, &findings).verdict, Verdict::NotReady);
    // Dated after the audit as well: said so.
    a.edit_evidence(item.id, |list| list[0].produced_on = Some(day(2027, 3, 1)));
    let findings = findings_for(&a);
    let f = findings.iter().find(|f| f.item_id == item.id).unwrap();
    assert!(f.explanation.contains("after today and after the audit day"), "{}", f.explanation);
    // One record dated up to today is enough: it exists (here it is fresh).
    a.edit_evidence(item.id, |list| list.push(evidence(day(2026, 10, 1))));
    assert!(findings_for(&a).iter().all(|f| f.item_id != item.id));
}

#[test]
fn a_yes_whose_evidence_says_it_is_not_done_yet_is_not_in_place() {
    // Auditor probe of stop 43: each of these, filed on an otherwise ready assessment, read "Ready"
    // (or "Nearly ready" with the major open).
    let catalog = Catalog::builtin();
    let ready = all_yes_with_evidence(catalog, day(2026, 11, 3), day(2027, 1, 10));
    assert_eq!(compute(catalog, &ready, &findings_for(&ready)).verdict, Verdict::Ready);
    for (item_id, what) in [
        ("C53-ISM-02", "Internal audit scheduled for next month (booked with Eli)"),
        ("MGT-STEP-06", "We talk about security in standups"),
        ("MGT-STEP-06", "Draft minutes, not approved yet"),
        ("C53-ISM-02", "Internal audit draft report"),
        ("C52-POL-08", "Information security policy v0.3 (DRAFT, awaiting CEO sign-off)"),
        ("MGT-FAQ-04", "Risk register - residual risks not yet accepted by owners"),
        ("MGT-FAQ-02", "SoA v0.9 draft, not signed"),
    ] {
        let item = catalog.item(item_id).unwrap();
        let mut a = ready.clone();
        a.edit_evidence(item_id, |list| list[0].what = what.into());
        let findings = findings_for(&a);
        let f = findings.iter().find(|f| f.item_id == item_id).unwrap_or_else(|| panic!("{item_id}: no finding"));
        assert_eq!(
            (f.kind, f.severity, f.cost),
            (FindingKind::NotYetProduced, item.finding, audit_readiness::domain::points::weight(item.finding))
        );
        assert!(f.explanation.contains(&format!("not done or not final yet (“{what}”)")), "{}", f.explanation);
        let verdict = compute(catalog, &a, &findings).verdict;
        if item.finding == Severity::Major {
            assert_eq!(verdict, Verdict::NotReady, "{item_id}");
        } else {
            assert_ne!(verdict, Verdict::Ready, "{item_id}");
        }
        // The record says so, not a date to renew it by.
        let response = a.response(item_id).unwrap();
        let validity =
            audit_readiness::domain::evidence::validity_among(item.cadence, response, &response.evidence[0], today(), a.audit_date);
        assert!(validity.warns && validity.says.starts_with("It says it is not done or not final yet"), "{}", validity.says);
        // "Partly" on a recurring activity is no way round it: a review only scheduled is not
        // partly held (second auditor probe of stop 43). Elsewhere "partly" stays the user's word
        // (an unsigned SoA is one), and the finding says what its evidence says.
        if !item.recurring {
            let mut partly = a.clone();
            partly.set_answer(item_id, Answer::Partly, today());
            let f = findings_for(&partly).into_iter().find(|f| f.item_id == item_id).unwrap();
            assert_eq!(f.kind, FindingKind::Partial, "{item_id}");
            assert!(f.explanation.contains("Its evidence says it is not done or not final yet: if none of it is in place, answer no."));
        }
        if item.recurring {
            let mut partly = a.clone();
            partly.set_answer(item_id, Answer::Partly, today());
            let f = findings_for(&partly).into_iter().find(|f| f.item_id == item_id).unwrap();
            assert_eq!((f.kind, f.severity), (FindingKind::NotYetProduced, item.finding), "{item_id}");
            assert!(f.explanation.starts_with("Answered partly, but the evidence says"), "{}", f.explanation);
        }
        // A second record that is the finished one shows it done.
        a.edit_evidence(item_id, |list| list.push(EvidenceRecord { what: "Signed final version".into(), ..evidence(day(2026, 11, 5)) }));
        assert!(findings_for(&a).iter().all(|f| f.item_id != item_id), "{item_id}: one finished record is enough");
    }
    // "Draft" makes a draft of the record it names, not of an approval given to it.
    use audit_readiness::domain::wording::says_not_done;
    assert!(says_not_done("Draft report") && says_not_done("Review notes in draft"));
    assert!(!says_not_done("Draft approved by the CEO on 2026-10-01") && !says_not_done("Minutes; the draft was superseded"));
    // A meeting that did not take place is no record of one (score-gaming probe of stop 51).
    for text in ["Management review cancelled", "Review postponed to Q3", "Skipped this year", "Review overdue"] {
        assert!(says_not_done(text), "{text}");
    }
    assert!(!says_not_done("Minutes 2026-10-01; the earlier date was postponed"));
}

#[test]
fn a_review_whose_date_was_never_recorded_and_with_no_dated_record_is_not_shown_at_all() {
    // The auditor's probe: the management review "yes", its date never recorded and no minutes
    // on file, read a minor (partly shown). Nothing shows it was held: not in place.
    let catalog = Catalog::builtin();
    let review = catalog.item("MGT-STEP-06").unwrap();
    let record = catalog.items.iter().find(|i| i.proves_within && i.within == Some(review.id)).unwrap();
    assert!(review.recurring && review.finding == Severity::Major);
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(record.id, Answer::No, today());
    let findings = findings_for(&a);
    let f = findings.iter().find(|f| f.item_id == review.id).unwrap();
    assert_eq!((f.kind, f.severity, f.cost), (FindingKind::Gap, Severity::Major, audit_readiness::domain::points::weight(Severity::Major)));
    assert!(f.explanation.contains("nothing shows this was held"), "{}", f.explanation);
    assert_eq!(compute(catalog, &a, &findings).verdict, Verdict::NotReady);
    // Signed minutes without a date might be it: only partly shown (second auditor probe: they
    // read "nothing shows this was held", beside the caveat about their missing date).
    let mut undated = a.clone();
    undated.edit_evidence(review.id, |list| list.push(EvidenceRecord { what: "Minutes signed by Ada".into(), ..Default::default() }));
    let f = findings_for(&undated).into_iter().find(|f| f.item_id == review.id).unwrap();
    assert_eq!((f.kind, f.severity), (FindingKind::Partial, Severity::Minor));
    // A record dated by today on file is the record of its date: shown (second founder pass:
    // dated minutes beside "no" to the date's question read "partly met").
    a.edit_evidence(review.id, |list| list.push(evidence(day(2026, 10, 1))));
    assert!(findings_for(&a).iter().all(|f| f.item_id != review.id));
    // A document's "yes" with its record answered no stays partly shown: it may exist undated.
    let policy = catalog.item("C52-POL-08").unwrap();
    let approval = catalog.items.iter().find(|i| i.proves_within && i.within == Some(policy.id)).unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(approval.id, Answer::No, today());
    let f = findings_for(&a).into_iter().find(|f| f.item_id == policy.id).unwrap();
    assert_eq!(f.kind, FindingKind::Partial);
}

#[test]
fn a_recurring_activity_answered_partly_with_only_records_ahead_is_not_held_yet() {
    // The auditor's probe: the management review and the internal audit answered "partly", with
    // only next month's date, read "Nearly ready" where "yes" read the major they are.
    let catalog = Catalog::builtin();
    for id in ["MGT-STEP-06", "C53-ISM-02"] {
        let item = catalog.item(id).unwrap();
        assert!(item.recurring && item.finding == Severity::Major, "{id}");
        let mut a = all(catalog, Answer::Yes);
        a.audit_date = Some(day(2027, 2, 10));
        a.set_answer(id, Answer::Partly, today());
        a.edit_evidence(id, |list| list.push(evidence(day(2027, 1, 5))));
        let findings = findings_for(&a);
        let f = findings.iter().find(|f| f.item_id == id).unwrap();
        assert_eq!(
            (f.kind, f.severity, f.cost),
            (FindingKind::NotYetProduced, Severity::Major, audit_readiness::domain::points::weight(item.finding))
        );
        assert!(
            f.explanation.starts_with("Answered partly, but the evidence is dated 2027-01-05 or later, after today:"),
            "{}",
            f.explanation
        );
        assert_eq!(compute(catalog, &a, &findings).verdict, Verdict::NotReady, "{id}");
        // Held already (a record up to today): partly in place, as answered.
        a.edit_evidence(id, |list| list.push(evidence(day(2026, 11, 2))));
        let findings = findings_for(&a);
        assert_eq!(findings.iter().find(|f| f.item_id == id).map(|f| f.kind), Some(FindingKind::Partial), "{id}");
    }
    // A document answered "partly" with its finished version dated ahead is partly in place.
    let document = catalog
        .items
        .iter()
        .find(|i| i.source == audit_readiness::domain::catalog::Source::Answered && !i.recurring && i.finding == Severity::Major)
        .unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(document.id, Answer::Partly, today());
    a.edit_evidence(document.id, |list| list.push(evidence(day(2027, 1, 5))));
    assert_eq!(findings_for(&a).iter().find(|f| f.item_id == document.id).map(|f| f.kind), Some(FindingKind::Partial));
}

#[test]
fn only_filled_records_all_dated_later_count_as_planned() {
    let now = day(2026, 12, 3);
    let with = |records: Vec<EvidenceRecord>| ItemResponse { evidence: records, ..ItemResponse::default() };
    assert_eq!(planned_only(false, &with(vec![]), now), None);
    assert_eq!(planned_only(false, &with(vec![evidence(day(2027, 2, 1)), evidence(day(2027, 1, 1))]), now), Some(day(2027, 1, 1)));
    // A blank record (just added, nothing typed) says nothing either way.
    assert_eq!(planned_only(false, &with(vec![EvidenceRecord::default(), evidence(day(2027, 1, 1))]), now), Some(day(2027, 1, 1)));
    // An undated record says the evidence exists; one dated up to today proves it.
    let undated = EvidenceRecord { what: "Minutes".into(), ..EvidenceRecord::default() };
    assert_eq!(planned_only(false, &with(vec![undated, evidence(day(2027, 1, 1))]), now), None);
    assert_eq!(planned_only(false, &with(vec![evidence(now), evidence(day(2027, 1, 1))]), now), None);
    // On a recurring activity only a date shows it took place: an undated
    // record (an agenda) beside records all dated later does not show it was held.
    let agenda = EvidenceRecord { what: "Agenda".into(), ..EvidenceRecord::default() };
    assert_eq!(planned_only(true, &with(vec![agenda.clone(), evidence(day(2027, 1, 1))]), now), Some(day(2027, 1, 1)));
    assert_eq!(planned_only(true, &with(vec![agenda.clone()]), now), None, "undated only: the caveat's case");
    assert_eq!(planned_only(true, &with(vec![agenda.clone(), evidence(now), evidence(day(2027, 1, 1))]), now), None);
    assert_eq!(planned_only(false, &with(vec![agenda, evidence(day(2027, 1, 1))]), now), None, "a document: undated, it exists");
    // Such a "yes" has its own finding, so it is not also counted as undated.
    assert_eq!(undated_renewal(Some(Cadence::Annually), false, &with(vec![evidence(day(2027, 1, 1))]), now), None);
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
fn a_record_that_does_not_count_or_stops_counting_before_the_audit_is_a_warning() {
    // The editor's warning colour comes from this verdict, not from matching its words.
    let today = day(2026, 12, 3);
    let yearly = Some(Cadence::Annually);
    let warns = |produced, audit| record_validity(yearly, produced, today, audit).warns;
    assert!(warns(Some(day(2025, 12, 2)), None), "expired");
    assert!(warns(Some(day(2027, 1, 5)), Some(day(2027, 1, 4))), "dated after the audit day");
    assert!(warns(Some(day(2026, 3, 1)), Some(day(2027, 4, 1))), "lapses before the audit, renewing now reaches it");
    assert!(!warns(None, None), "no date yet is a hint");
    assert!(!warns(Some(day(2026, 3, 1)), None), "fresh");
    assert!(!warns(Some(day(2027, 1, 5)), None), "dated after today, no audit set");
    assert!(!record_validity(Some(Cadence::Quarterly), Some(day(2026, 11, 1)), today, Some(day(2027, 6, 1))).warns, "renewed when due");
    let blank = EvidenceRecord { produced_on: Some(day(2026, 11, 22)), ..Default::default() };
    let response = ItemResponse { evidence: vec![blank.clone()], ..Default::default() };
    let undescribed = audit_readiness::domain::evidence::validity_among(yearly, &response, &blank, today, None);
    assert!(undescribed.warns && undescribed.says.starts_with("Not described yet: say what it is"), "{undescribed:?}");
    // A row just added, blank, prompts without the warning, and in other words (second founder
    // pass: the same words in two colours).
    let fresh_row = audit_readiness::domain::evidence::validity_among(yearly, &response, &EvidenceRecord::default(), today, None);
    assert_eq!((fresh_row.warns, fresh_row.says.as_str()), (false, "Say what it is and where it is kept."));
    // With only what it is typed, where it is kept is asked for before any other hint (founder
    // pass of stop 44: the hint moved on to the date).
    let validity = |record: &EvidenceRecord| audit_readiness::domain::evidence::validity_among(yearly, &response, record, today, None);
    let named = EvidenceRecord { what: "Roles and responsibilities v2.1".into(), ..Default::default() };
    assert_eq!(validity(&named).says, "Say where it is kept, and add the date it was produced to check freshness.");
    let dated = EvidenceRecord { produced_on: Some(day(2026, 3, 1)), ..named.clone() };
    assert_eq!(validity(&dated).says, "Say where it is kept: an auditor will ask to see it.");
    let kept = EvidenceRecord { location: "Confluence / ISMS".into(), ..dated.clone() };
    assert_eq!(validity(&kept).says, "Expires on 2027-03-01: renew it before then.");
    let expired = EvidenceRecord { produced_on: Some(day(2025, 3, 1)), ..named };
    assert!(validity(&expired).warns && validity(&expired).says.starts_with("Expired on 2026-03-01"), "a warning stays first");
    // A placeholder is said as such.
    let tbd = EvidenceRecord { what: "TBD".into(), ..blank.clone() };
    let placeholder = audit_readiness::domain::evidence::validity_among(yearly, &response, &tbd, today, None);
    use audit_readiness::domain::evidence::PLACEHOLDER_RECORD;
    assert_eq!((placeholder.warns, placeholder.says.as_str()), (true, PLACEHOLDER_RECORD));
    // So are words any record or place carries (score-gaming probe of stop 47: "Evidence" kept in
    // "Drive" on every "yes" read a plain "Ready", cleaner than no record at all).
    for (what, location) in [("Evidence", "Drive"), ("See shared folder", "Google Drive"), ("Document attached", ""), ("", "Notion")] {
        let generic = EvidenceRecord { what: what.into(), location: location.into(), ..dated.clone() };
        assert!(!generic.is_described(), "{what} / {location}");
        assert_eq!(validity(&generic).says, PLACEHOLDER_RECORD);
    }
    for (what, location) in [("Minutes", "Drive"), ("", "Notion / Board / 2026-11"), ("Evidence", "Drive / governance"), ("Signed SoA", "")]
    {
        assert!(EvidenceRecord { what: what.into(), location: location.into(), ..dated.clone() }.is_described(), "{what} / {location}");
    }
    // Filed on every "yes", they leave the verdict on the user's word.
    use audit_readiness::domain::caveats::{on_your_word, verdict_label};
    let catalog = Catalog::builtin();
    let mut ready = all_yes_with_evidence(catalog, day(2026, 11, 3), day(2027, 1, 10));
    for item in catalog.items {
        ready.edit_evidence(item.id, |list| list[0].what = format!("Minutes for {}", item.id));
    }
    let verdict = compute(catalog, &ready, &findings_for(&ready)).verdict;
    assert_eq!(verdict_label(verdict, on_your_word(catalog, &ready)), "Ready");
    for item in catalog.items {
        ready.edit_evidence(item.id, |list| {
            list[0] = EvidenceRecord { what: "Evidence".into(), location: "Drive".into(), ..list[0].clone() }
        });
    }
    let verdict = compute(catalog, &ready, &findings_for(&ready)).verdict;
    assert_eq!(verdict_label(verdict, on_your_word(catalog, &ready)), "Ready, on your word");
}

#[test]
fn yes_answers_on_renewed_evidence_without_a_dated_record_are_counted_and_reported() {
    use audit_readiness::domain::catalog::Cadence;
    use audit_readiness::domain::evidence::undated_yes_count;
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let renewed: Vec<_> = catalog
        .items
        .iter()
        .filter(|i| !i.is_derived() && matches!(i.cadence, Some(Cadence::Monthly | Cadence::Quarterly | Cadence::Annually)))
        .collect();
    assert!(!renewed.is_empty());
    // No evidence recorded at all: the caveat counts those as taken on trust, not as undated
    // (founder pass: the same answer was reported both ways).
    assert_eq!(undated_yes_count(catalog, &a, today()), 0);
    for item in &renewed {
        a.edit_evidence(item.id, |list| list.push(EvidenceRecord { what: "Minutes".into(), ..Default::default() }));
    }
    assert_eq!(undated_yes_count(catalog, &a, today()), renewed.len());
    // Nothing is lost for it, but the report says freshness is not checked.
    let reasons = audit_readiness::domain::export::Report::new(catalog, &a, today()).reasons();
    let line = format!(
        "{} “yes” answers rest on evidence recorded without a date, though it must be renewed, so whether it is still fresh is not checked.",
        renewed.len()
    );
    assert!(reasons.contains(&line), "{reasons:?}");
    // A dated record takes the item out of the count.
    a.edit_evidence(renewed[0].id, |list| list[0] = evidence(today()));
    assert_eq!(undated_yes_count(catalog, &a, today()), renewed.len() - 1);
    // So does a dated draft: it is not produced yet, which its own finding says, not a record
    // without a date (CEO pass: one record, two contradicting warnings).
    let review = catalog.item("MGT-STEP-06").unwrap();
    assert!(renewed.iter().any(|i| i.id == review.id));
    let draft = EvidenceRecord {
        what: "Record for Review team meets on schedule".into(),
        produced_on: Some(today() - chrono::Days::new(60)),
        ..Default::default()
    };
    a.edit_evidence(review.id, |list| list[0] = draft.clone());
    assert_eq!(undated_yes_count(catalog, &a, today()), renewed.len() - 2);
    let findings = all_findings(catalog, &a, today());
    assert!(findings.iter().any(|f| f.item_id == review.id), "the draft is a finding of its own");
}

#[test]
fn an_older_record_replaced_by_a_newer_one_says_so_instead_of_asking_for_renewal() {
    use audit_readiness::domain::evidence::validity_among;
    use audit_readiness::domain::{EvidenceRecord, ItemResponse};
    let today = day(2026, 11, 23);
    let record = |d: Option<chrono::NaiveDate>| EvidenceRecord {
        what: "Review minutes".into(),
        location: "Drive / ISMS".into(),
        produced_on: d,
        ..Default::default()
    };
    let old = Some(day(2025, 6, 1));
    let response =
        ItemResponse { evidence: vec![record(old), record(Some(day(2026, 6, 1))), record(Some(day(2027, 1, 5)))], ..Default::default() };
    let annual = Some(audit_readiness::domain::catalog::Cadence::Annually);
    assert_eq!(validity_among(annual, &response, &record(old), today, None).says, "Replaced by the record of 2026-06-01.");
    // The newest produced record speaks for itself; a record dated after today replaces nothing yet.
    assert_eq!(
        validity_among(annual, &response, &record(Some(day(2026, 6, 1))), today, None),
        record_validity(annual, Some(day(2026, 6, 1)), today, None)
    );
    assert!(validity_among(annual, &response, &record(Some(day(2027, 1, 5))), today, None).says.contains("after today"));
    // Alone, the old record asks for renewal.
    let alone = ItemResponse { evidence: vec![record(old)], ..Default::default() };
    assert_eq!(validity_among(annual, &alone, &record(old), today, None).says, "Expired on 2026-06-01: renew it.");
    // A row holding only a date replaces nothing and counts for nothing itself.
    let blank = EvidenceRecord { produced_on: Some(day(2026, 11, 22)), owner: "Ben".into(), ..Default::default() };
    let with_blank = ItemResponse { evidence: vec![record(old), blank.clone()], ..Default::default() };
    assert_eq!(validity_among(annual, &with_blank, &record(old), today, None).says, "Expired on 2026-06-01: renew it.");
    assert_eq!(
        validity_among(annual, &with_blank, &blank, today, None).says,
        "Not described yet: say what it is or where it is kept. Until then it does not count as evidence."
    );
    // The reports read the newest record once for all of a response's records: each says the same.
    use audit_readiness::domain::evidence::validities;
    for response in [&response, &alone, &with_blank] {
        let each: Vec<_> = response.evidence.iter().map(|r| validity_among(annual, response, r, today, None)).collect();
        assert_eq!(validities(annual, response, today, None).collect::<Vec<_>>(), each);
    }
}

#[test]
fn an_evidence_row_that_says_neither_what_nor_where_is_no_record() {
    // The auditor's probe: the internal audit (a major) answered "yes" on a record 500 days old
    // read "Not ready"; an empty row, or one saying "TBD", dated yesterday made it 100 % "Ready".
    let catalog = Catalog::builtin();
    let old = EvidenceRecord { what: "Internal audit report".into(), produced_on: Some(day(2025, 7, 11)), ..Default::default() };
    let mut a = all(catalog, Answer::Yes);
    a.edit_evidence("C53-ISM-02", |list| list.push(old.clone()));
    let stale = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((stale.majors, stale.verdict), (1, Verdict::NotReady));
    let placeholders = [
        "",
        "TBD",
        "TBD later",
        "tbd (Ben)",
        "t.b.d.",
        "To be added",
        "coming soon",
        "placeholder",
        "xxx",
        "will upload",
        "Missing",
        "Not uploaded yet",
        "Not available yet",
        "In progress",
        "Draft",
        "Awaiting upload",
        "Upload soon",
        "WIP",
    ];
    for what in placeholders {
        let mut b = a.clone();
        b.edit_evidence("C53-ISM-02", |list| {
            list.push(EvidenceRecord { what: what.into(), produced_on: Some(day(2026, 11, 22)), ..Default::default() })
        });
        let s = compute(catalog, &b, &all_findings(catalog, &b, today()));
        assert_eq!((s.majors, s.verdict), (1, Verdict::NotReady), "{what:?}");
    }
    // A place still to come is no place (third probe: "tbd" kept at "Ben will send").
    let mut promised = a.clone();
    promised.edit_evidence("C53-ISM-02", |list| {
        list.push(EvidenceRecord {
            what: "tbd".into(),
            location: "Ben will send".into(),
            produced_on: Some(day(2026, 11, 22)),
            ..Default::default()
        })
    });
    assert_eq!(compute(catalog, &promised, &all_findings(catalog, &promised, today())).majors, 1);
    // Saying where it is kept is enough to count.
    let mut c = a.clone();
    c.edit_evidence("C53-ISM-02", |list| {
        list.push(EvidenceRecord { location: "Drive / audits / 2026".into(), produced_on: Some(day(2026, 11, 22)), ..Default::default() })
    });
    let s = compute(catalog, &c, &all_findings(catalog, &c, today()));
    assert_eq!((s.majors, s.verdict), (0, Verdict::Ready));
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

#[test]
fn a_reality_proof_with_stale_evidence_is_a_minor_like_a_proof_only_partly_there() {
    let catalog = Catalog::builtin();
    // RC-01-PROOF (random staff interviews, quarterly) rests on A 5.4 alone: on its own item
    // rule a lapsed record would be an observation; as the proof an auditor tests, a minor.
    let proof = catalog.item("RC-01-PROOF").unwrap();
    assert!(!proof.rests_on_clause() && proof.partly_severity() == Severity::Observation);
    let mut a = all(catalog, Answer::Yes);
    a.edit_evidence(proof.id, |list| list.push(evidence(day(2026, 7, 15))));
    let f = findings_for(&a).into_iter().find(|f| f.item_id == proof.id).unwrap();
    assert_eq!((f.kind, f.severity), (FindingKind::StaleEvidence, Severity::Minor));
    assert_eq!(catalog.partly_severity(proof), Severity::Minor);
    a.set_answer(proof.id, Answer::Partly, today());
    let f = findings_for(&a).into_iter().find(|f| f.item_id == proof.id).unwrap();
    assert_eq!((f.kind, f.severity), (FindingKind::Partial, Severity::Minor));
    // The claim beside it keeps its own rule: a lapsed record of an A 5.4 claim is an observation.
    let claim = catalog.item("RC-02-CLAIM").unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.edit_evidence(claim.id, |list| list.push(evidence(day(2025, 7, 15))));
    let f = findings_for(&a).into_iter().find(|f| f.item_id == claim.id).unwrap();
    assert_eq!((f.kind, f.severity), (FindingKind::StaleEvidence, claim.partly_severity()));
    assert_eq!(catalog.partly_severity(claim), claim.partly_severity());
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

#[test]
fn a_no_whose_own_record_is_answered_yes_says_the_answers_disagree() {
    // Auditor probe of stop 44: "policy approved: no" beside "CEO approval on record: yes", and
    // "resourced: no" beside "resourcing written down: yes", read a major with no word of the "yes".
    let catalog = Catalog::builtin();
    for (item, record) in [("C52-POL-08", "RC-02-CLAIM"), ("C51-DUTY-03", "RC-04-CLAIM")] {
        let mut a = all(catalog, Answer::Yes);
        a.set_answer(item, Answer::No, today());
        let found = findings_for(&a);
        let f = found.iter().find(|f| f.item_id == item).unwrap();
        let title = catalog.item(record).unwrap().title;
        let said = format!(
            " But “{title}”, the record an auditor asks for to see this in place, is answered yes: if that record exists, this is \
             at least partly in place, so check which answer holds."
        );
        assert!(f.explanation.ends_with(&said), "{}", f.explanation);
        // Said, not scored: the "no" is the user's word.
        assert_eq!((f.kind, f.severity), (FindingKind::Gap, catalog.item(item).unwrap().finding));
        a.set_answer(record, Answer::No, today());
        let found = findings_for(&a);
        assert!(!found.iter().find(|f| f.item_id == item).unwrap().explanation.contains("But “"), "both no: they agree");
    }
}

#[test]
fn an_approval_the_evidence_gives_to_someone_outside_top_management_is_not_top_managements() {
    // Auditor probe of stop 45: "approved by Ben Lindqvist (Head of Security)", Ben not in top
    // management by the register, read "Ready" for "Policy approved by top management".
    let catalog = Catalog::builtin();
    let policy = catalog.item("C52-POL-08").unwrap();
    let approved = |what: &str| {
        let mut a = all(catalog, Answer::Yes);
        a.edit_evidence(policy.id, |list| {
            list.push(EvidenceRecord { what: what.into(), produced_on: Some(day(2026, 6, 1)), ..Default::default() })
        });
        findings_for(&a).into_iter().find(|f| f.item_id == policy.id)
    };
    for what in [
        "Information Security Policy v1.0 approved by Ben Lindqvist (Head of Security)",
        "Policy v2 signed off by Ben",
        "Approval by Lindqvist recorded in Vanta",
    ] {
        let f = approved(what).unwrap_or_else(|| panic!("{what}: no finding"));
        assert_eq!((f.kind, f.severity), (FindingKind::Partial, policy.partly_severity()), "{what}");
        assert!(
            f.explanation.starts_with(
                "Answered yes, but the evidence names Ben Lindqvist as the one who approved or signed it, and the roles register \
                 does not count them in top management"
            ),
            "{}",
            f.explanation
        );
    }
    for what in [
        "Information Security Policy v1.0 approved by Ada Okafor (CEO)",
        "Approved by the CEO; uploaded by Ben Lindqvist",
        "Signed by Ada Okafor and Ben Lindqvist",
        "Policy approved by the board",
    ] {
        assert_eq!(approved(what), None, "{what}");
    }
    // Assigning a Clause 5.3 role is top management's act too.
    let mandate = catalog.item("C53-MAND-01").unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.edit_evidence(mandate.id, |list| {
        list.push(EvidenceRecord { what: "Appointment letter signed by Cara Mendes".into(), ..Default::default() })
    });
    let f = findings_for(&a).into_iter().find(|f| f.item_id == mandate.id).expect("Cara is not top management");
    assert!(f.explanation.contains("names Cara Mendes as the one who approved or signed it"), "{}", f.explanation);
    // Each names its own clause (content pass of stop 50: every one cited "Clause 5.2 and 5.3").
    assert!(f.explanation.contains("top management: Clause 5.3 a) makes this top management's act"), "{}", f.explanation);
    let policy_found = approved("Policy v2 signed off by Ben").unwrap();
    assert!(policy_found.explanation.contains("Clause 5.2 makes this"), "{}", policy_found.explanation);
    // The standard gives risk treatment to the risk owners (6.1.3 f) and names nobody to sign the
    // Statement of Applicability (6.1.3 d): a risk owner's approval there is no finding.
    for id in ["MGT-STEP-04", "MGT-FAQ-02"] {
        let mut a = all(catalog, Answer::Yes);
        a.edit_evidence(id, |list| {
            list.push(EvidenceRecord { what: "Approved by Cara Mendes (CTO, risk owner)".into(), ..Default::default() })
        });
        assert_eq!(findings_for(&a).into_iter().find(|f| f.item_id == id), None, "{id}");
    }
    // The review of Clause 9.3 is top management's.
    let mut a = all(catalog, Answer::Yes);
    a.edit_evidence("MGT-FAQ-01", |list| {
        list.push(EvidenceRecord { what: "Review minutes approved by Cara Mendes".into(), ..Default::default() })
    });
    let f = findings_for(&a).into_iter().find(|f| f.item_id == "MGT-FAQ-01").expect("Cara is not top management");
    assert!(f.explanation.contains("Clause 9.3 makes this"), "{}", f.explanation);
}

#[test]
fn a_dated_record_filed_on_the_question_is_its_record_while_the_records_own_question_waits() {
    // Founder pass of stop 45: "Security policy v3 signed by CEO", dated, on "policy approved",
    // lost half its points until "CEO approval of policies on record" (answered later) was
    // answered, while a bare "yes" elsewhere kept all of its.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.responses.remove("RC-02-CLAIM");
    let policy = |a: &Assessment| findings_for(a).into_iter().find(|f| f.item_id == "C52-POL-08");
    assert_eq!(policy(&a).map(|f| f.kind), Some(FindingKind::Unanswered), "a bare yes waits for its record");
    a.edit_evidence("C52-POL-08", |list| {
        list.push(EvidenceRecord {
            what: "Security policy v3 signed by CEO".into(),
            location: "Drive / ISMS / Policy".into(),
            produced_on: Some(day(2026, 5, 17)),
            ..Default::default()
        })
    });
    assert_eq!(policy(&a), None, "the dated record is on file");
    // A draft, or a record answered "no", still leaves it partly shown.
    a.edit_evidence("C52-POL-08", |list| list[0].what = "Security policy v3 draft, awaiting CEO sign-off".into());
    assert!(policy(&a).is_some());
    a.edit_evidence("C52-POL-08", |list| list[0].what = "Security policy v3 signed by CEO".into());
    a.set_answer("RC-02-CLAIM", Answer::No, today());
    assert_eq!(policy(&a).map(|f| f.kind), Some(FindingKind::Partial));
}

#[test]
fn a_yes_whose_own_note_says_it_is_not_done_and_has_no_record_is_not_in_place() {
    // Score-gaming probe of stop 47: "yes" on three majors with the note "Not done yet, we will
    // do it before the audit" read "Ready, on your word".
    let catalog = Catalog::builtin();
    let note = "Not done yet, we will do it before the audit";
    let mut a = all(catalog, Answer::Yes);
    for id in ["MGT-FAQ-01", "C53-ISM-02", "MGT-FAQ-02"] {
        a.set_note(id, note.into());
    }
    let findings = findings_for(&a);
    for id in ["MGT-FAQ-01", "C53-ISM-02", "MGT-FAQ-02"] {
        let item = catalog.item(id).unwrap();
        let f = findings.iter().find(|f| f.item_id == id).unwrap_or_else(|| panic!("{id}: no finding"));
        assert_eq!(
            (f.kind, f.severity, f.cost),
            (FindingKind::NotYetProduced, item.finding, audit_readiness::domain::points::weight(item.finding))
        );
        assert!(f.explanation.starts_with("Answered yes, but its note says it is not done yet"), "{}", f.explanation);
        assert!(!f.explanation.contains(note), "the note is private: not quoted");
    }
    assert_eq!(compute(catalog, &a, &findings).verdict, Verdict::NotReady);
    // Beside a finished record, a note about the next cycle is no such thing; a note that says
    // nothing of the kind changes nothing.
    let mut b = all_yes_with_evidence(catalog, day(2026, 11, 3), day(2027, 1, 10));
    b.set_note("MGT-FAQ-01", "Next review not done yet, booked for May".into());
    b.set_note("C53-ISM-02", "Audit done by Eli; report signed".into());
    assert_eq!(compute(catalog, &b, &findings_for(&b)).verdict, Verdict::Ready);
    let mut c = all(catalog, Answer::Yes);
    c.set_note("MGT-FAQ-01", "Held in March with the whole board".into());
    assert!(findings_for(&c).iter().all(|f| f.item_id != "MGT-FAQ-01"));
}
