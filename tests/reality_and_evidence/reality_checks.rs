//! Reality checks: a claim answered yes is not proof, and what a missing or partial proof costs.

use crate::support::{all, day, today};
use crate::{evidence, findings_for};
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Catalog, EvidenceRecord, FindingKind, Points, Severity, Verdict};

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
