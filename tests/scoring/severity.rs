//! How partial answers and good practices are raised: minor, observation, and why one is raised lower.

use crate::score;
use crate::support::{all, today};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::points::weight;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Catalog, FindingKind, Severity, Verdict};

#[test]
fn a_proof_only_partly_there_is_at_least_a_minor() {
    let catalog = Catalog::builtin();
    // A random employee who cannot quite explain their duties: the auditor's sample fails.
    let proof = catalog.item("RC-01-PROOF").unwrap();
    assert!(!proof.rests_on_clause());
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(proof.id, Answer::Partly, today());
    let findings = all_findings(catalog, &a, today());
    assert_eq!(
        findings.iter().map(|f| (f.item_id, f.kind, f.severity)).collect::<Vec<_>>(),
        [(proof.id, FindingKind::Partial, Severity::Minor)]
    );
    assert_eq!(score(&a).verdict, Verdict::NearlyReady);
    // A control's minimum first step stays an observation.
    let step = catalog.item("A54-CTL-08").unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(step.id, Answer::Partly, today());
    assert_eq!(all_findings(catalog, &a, today())[0].severity, Severity::Observation);
}

#[test]
fn an_unanswered_good_practice_costs_an_observation_and_says_so_without_contradicting_ready() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let practice = catalog.items.iter().find(|i| !i.is_derived() && i.finding == Severity::Observation).unwrap();
    a.responses.remove(practice.id);
    let s = score(&a);
    // An open observation does not block certification, so the verdict may be ready...
    assert_eq!(s.verdict, Verdict::Ready);
    // ...and nothing the app writes about it may call it "not ready".
    let findings = all_findings(catalog, &a, today());
    assert_eq!(findings.len(), 1);
    assert!(findings[0].explanation.starts_with("Not confirmed yet, so it counts as not in place."), "{}", findings[0].explanation);
    let reasons = audit_readiness::domain::export::Report::new(catalog, &a, today()).reasons();
    assert!(reasons.iter().all(|r| !r.contains("not ready")), "{reasons:?}");
    assert!(reasons.contains(&"1 gap would likely be noted as an observation.".to_string()), "{reasons:?}");
    let questions = s.progress.questions;
    assert!(reasons.contains(&format!("1 of {questions} questions is not answered yet and counts as not in place.")), "{reasons:?}");
    // One the roles register already shows met is said apart (founder pass: the board's summary
    // said 97 count as not in place, and 96 a few lines below).
    let mut shown = a.clone();
    shown.responses.remove("C53-PRE-02");
    assert!(all_findings(catalog, &shown, today()).iter().all(|f| f.item_id != "C53-PRE-02"), "the register shows it");
    let reasons = audit_readiness::domain::export::Report::new(catalog, &shown, today()).reasons();
    let said =
        format!("2 of {questions} questions are not answered yet: 1 counts as not in place, and the roles register already shows 1 met.");
    assert!(reasons.contains(&said), "{reasons:?}");
    // Several minors read in the plural.
    let mut a = all(catalog, Answer::Yes);
    let minors: Vec<_> = catalog.items.iter().filter(|i| !i.is_derived() && i.finding == Severity::Minor).take(2).collect();
    for item in &minors {
        a.set_answer(item.id, Answer::No, today());
    }
    let reasons = audit_readiness::domain::export::Report::new(catalog, &a, today()).reasons();
    assert!(reasons.contains(&"2 gaps would likely be raised as minor nonconformities.".to_string()), "{reasons:?}");
}

#[test]
fn a_clause_requirement_partly_met_is_a_minor_and_an_annex_a_control_at_its_first_step_an_observation() {
    let catalog = Catalog::builtin();
    let severity_of = |id: &str| {
        let mut a = all(catalog, Answer::Yes);
        a.set_answer(id, Answer::Partly, today());
        let findings = all_findings(catalog, &a, today());
        let f = findings.iter().find(|f| f.item_id == id).unwrap_or_else(|| panic!("{id}: {findings:#?}"));
        let worth = weight(catalog.item(id).unwrap().finding);
        assert_eq!((f.kind, f.cost.in_halves() * 2), (FindingKind::Partial, worth.in_halves()), "{id}: half its points");
        f.severity
    };
    assert_eq!(severity_of("C52-POL-06"), Severity::Minor, "a minor clause requirement partly met is still not met");
    assert_eq!(severity_of("MGT-STEP-06"), Severity::Minor, "a major one partly met is raised one level lower");
    assert_eq!(severity_of("C53-COM-01"), Severity::Observation, "good practice stays an observation");
    assert_eq!(severity_of("A54-CTL-05"), Severity::Observation, "an Annex A control at its minimum first step");
    // Four clause requirements partly met: not "Ready" (it was, with four observations).
    let mut a = all(catalog, Answer::Yes);
    for id in ["C52-POL-06", "C53-PRE-05", "C53-COM-03", "C53-REP-04"] {
        a.set_answer(id, Answer::Partly, today());
    }
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((s.minors, s.observations, s.verdict), (4, 0, Verdict::NearlyReady));
}

#[test]
fn a_control_at_its_minimum_step_is_an_observation_even_where_it_cites_a_clause() {
    // Second auditor probe: the ten A 5.4 controls at their minimum step ("partly") read three
    // minor nonconformities, for the three that also cite a clause; their minimum meets that
    // clause (a yearly management review, Clause 9.3).
    let catalog = Catalog::builtin();
    let controls: Vec<_> = catalog.items.iter().filter(|i| i.minimum.is_some()).collect();
    assert_eq!(controls.len(), 10);
    assert!(controls.iter().filter(|i| i.rests_on_clause()).count() >= 3, "some cite a clause too");
    let mut a = all(catalog, Answer::Yes);
    for item in &controls {
        a.set_answer(item.id, Answer::Partly, today());
    }
    let findings = all_findings(catalog, &a, today());
    for item in &controls {
        let f = findings.iter().find(|f| f.item_id == item.id).expect("partly is not full");
        assert_eq!(f.severity, Severity::Observation, "{}", item.id);
    }
    let s = compute(catalog, &a, &findings);
    assert_eq!((s.majors, s.minors), (0, 0), "{findings:#?}");
    // A clause question without a minimum step, partly met, is still a minor.
    let clause = catalog.item("C53-PRE-01").unwrap();
    assert_eq!(clause.partly_severity(), Severity::Minor);
}

#[test]
fn partly_on_a_major_question_says_why_it_is_raised_lower() {
    // Founder pass of stop 47: "Partly met: Minor nonconformity" on a major question, with
    // nothing to say whether "partly" lowered the grade or only the points.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let major = catalog
        .items
        .iter()
        .find(|i| !i.is_derived() && i.finding == Severity::Major && catalog.partly_severity(i) == Severity::Minor)
        .unwrap();
    a.set_answer(major.id, Answer::Partly, today());
    let findings = all_findings(catalog, &a, today());
    let f = findings.iter().find(|f| f.item_id == major.id).unwrap();
    assert_eq!((f.kind, f.severity), (FindingKind::Partial, Severity::Minor));
    assert!(
        f.explanation.contains("What is half done is usually raised one grade lower than what is missing: a minor nonconformity here, where a “no” would be a major nonconformity."),
        "{}",
        f.explanation
    );
    // A minor raised lower is "an observation" (export pass of stop 51: "a observation").
    let minor = catalog
        .items
        .iter()
        .find(|i| !i.is_derived() && i.finding == Severity::Minor && catalog.partly_severity(i) == Severity::Observation)
        .unwrap();
    a.set_answer(minor.id, Answer::Partly, today());
    let findings = all_findings(catalog, &a, today());
    let said = &findings.iter().find(|f| f.item_id == minor.id).unwrap().explanation;
    assert!(said.contains("than what is missing: an observation here, where a “no” would be a minor nonconformity."), "{said}");
    // Where "partly" draws the same grade, nothing is said of it.
    let same = catalog
        .items
        .iter()
        .find(|i| !i.is_derived() && i.finding == Severity::Minor && catalog.partly_severity(i) == Severity::Minor)
        .unwrap();
    a.set_answer(same.id, Answer::Partly, today());
    let findings = all_findings(catalog, &a, today());
    assert!(!findings.iter().find(|f| f.item_id == same.id).unwrap().explanation.contains("one grade lower"));
}
