//! What counts as a missing practice: no, not sure, unanswered, failed samples; late records and partly do not.

use crate::support::{all, day, today};
use crate::{adds_up, all_yes_but, minor_practices, practices_in, score};
use audit_readiness::domain::catalog::Source;
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::score::{compute, Rule};
use audit_readiness::domain::systemic::{requirements_of, AT_LEAST};
use audit_readiness::domain::{Answer, Assessment, Catalog, EvidenceRecord, FindingKind, Item, Severity, Verdict};

#[test]
fn every_reality_check_failing_is_a_control_on_paper_only_and_not_ready() {
    let catalog = Catalog::builtin();
    let proofs: Vec<_> = catalog.reality_checks.iter().map(|c| (c.proof_item, Answer::No)).collect();
    let s = score(&all_yes_but(&proofs));
    // Each claim's checkbox gap is part of its proof's gap: eight missing practices, not sixteen.
    assert_eq!((s.majors, s.minors), (0, proofs.len()));
    assert_eq!(s.rule(), Rule::MinorsAddUp);
    let group = s.adding_up.iter().find(|t| t.requirement == "A 5.4").unwrap();
    assert_eq!(group.open, proofs.len());
}

#[test]
fn a_register_check_asking_the_same_as_a_question_is_one_practice_with_it() {
    let catalog = Catalog::builtin();
    let pairs = catalog.items.iter().filter(|i| i.same_as.is_some() && i.finding == Severity::Minor).count();
    assert!(pairs > 0);
    let cites_5_3 = |i: &&Item| requirements_of(i.reference).contains(&"Clause 5.3") && i.finding == Severity::Minor;
    let every = catalog.items.iter().filter(cites_5_3).count();
    let paired = catalog.items.iter().filter(cites_5_3).filter(|i| i.same_as.is_some()).count();
    assert!(paired > 0);
    // Less the interview readiness, which is no practice (see the test on it below).
    let forecast = catalog.items.iter().filter(cites_5_3).filter(|i| i.source == Source::Interviews).count();
    assert_eq!(forecast, 1);
    assert_eq!(minor_practices("Clause 5.3").len(), every - paired - forecast);
    // The lead auditor's case: roles assigned on paper but not at work (not communicated, not in
    // risk and incident work, no incident register, no awareness, no working review team) is a
    // Clause 5.3 breakdown. Counted twice, the pairs had kept it at "nearly ready".
    let answers: Vec<_> = [
        "C53-PRE-05",
        "C53-PRE-07",
        "C53-ISM-01",
        "C53-ISM-03",
        "C53-ISM-04",
        "C53-MRT-01",
        "C53-MRT-03",
        "C53-PLAY-04",
        "C53-PLAY-06",
        "C53-ASG-03",
    ]
    .into_iter()
    .map(|id| (id, Answer::No))
    .collect();
    let s = score(&all_yes_but(&answers));
    assert_eq!(s.majors, 0);
    assert!(adds_up(&s, "Clause 5.3"), "{:?}", s.adding_up);
    assert_eq!(s.rule(), Rule::MinorsAddUp);
}

#[test]
fn one_late_record_behind_many_answers_does_not_add_up() {
    // Every policy answer rests on one policy document, last approved 11 months ago: valid today,
    // lapsing before an audit in 60 days. One minor with one fix, not a broken Clause 5.2.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = Some(day(2027, 1, 22));
    let record = EvidenceRecord {
        what: "Information security policy".into(),
        location: "Drive / policies".into(),
        produced_on: Some(day(2025, 12, 20)),
        owner: "CEO".into(),
    };
    for item in catalog.items_in("c52-policy") {
        a.edit_evidence(item.id, |list| list.push(record.clone()));
    }
    let findings = all_findings(catalog, &a, today());
    let lapsing = findings.iter().filter(|f| f.kind == FindingKind::ExpiresBeforeAudit && f.item.area == "c52-policy").count();
    assert!(lapsing >= AT_LEAST, "the policy records lapse before the audit: {lapsing}");
    let s = compute(catalog, &a, &findings);
    assert!(!adds_up(&s, "Clause 5.2"), "{:?}", s.adding_up);
    assert_ne!(s.rule(), Rule::MinorsAddUp);
}

#[test]
fn practices_partly_in_place_do_not_add_up() {
    // Three policy elements only partly covered: two statements of the policy's text (one
    // nonconformity against the document) and its availability.
    let s = score(&all_yes_but(&[("C52-POL-02", Answer::Partly), ("C52-POL-04", Answer::Partly), ("C52-POL-07", Answer::Partly)]));
    assert_eq!((s.minors, s.verdict), (2, Verdict::NearlyReady));
    assert!(s.adding_up.is_empty(), "{:?}", s.adding_up);
    // Three A 5.4 controls only at their minimum step: observations, nothing missing.
    let steps: Vec<_> =
        minor_practices("A 5.4").iter().filter(|i| i.minimum.is_some()).take(AT_LEAST).map(|i| (i.id, Answer::Partly)).collect();
    assert_eq!(steps.len(), AT_LEAST);
    assert!(score(&all_yes_but(&steps)).adding_up.is_empty());
}

#[test]
fn reality_proofs_that_partly_hold_up_are_failed_samples_and_add_up_like_no() {
    let catalog = Catalog::builtin();
    let group = |answer: Answer| {
        let proofs: Vec<_> = catalog.reality_checks.iter().map(|c| (c.proof_item, answer)).collect();
        let s = score(&all_yes_but(&proofs));
        (s.verdict, s.adding_up.iter().find(|g| g.requirement == "A 5.4").map(|g| (g.open, g.of)))
    };
    let every_proof = catalog.reality_checks.len();
    let of = practices_in(&minor_practices("A 5.4"));
    assert_eq!(group(Answer::Partly), (Verdict::NotReady, Some((every_proof, of))));
    assert_eq!(group(Answer::Partly), group(Answer::No));
    // Below a third of A 5.4's practices they stay separate minors, as a "no" would.
    let few: Vec<_> = catalog.reality_checks.iter().take(AT_LEAST - 1).map(|c| (c.proof_item, Answer::Partly)).collect();
    let s = score(&all_yes_but(&few));
    assert_eq!((s.minors, s.verdict), (AT_LEAST - 1, Verdict::NearlyReady));
    assert!(s.adding_up.is_empty());
    // Each says why a "partly" counts as missing (a founder saw "missing" beside a "partly"
    // answer); any other practice partly in place says only that.
    let a = all_yes_but(&[(few[0].0, Answer::Partly), ("C53-REP-02", Answer::Partly)]);
    let findings = all_findings(catalog, &a, today());
    let text = |id: &str| findings.iter().find(|f| f.item_id == id).map(|f| f.explanation.clone()).unwrap();
    assert!(
        text(few[0].0)
            .starts_with("Only partly shown. The auditor tests this on a sample, and a test that only partly holds up has failed. "),
        "{}",
        text(few[0].0)
    );
    assert!(text("C53-REP-02").starts_with("Only partly in place (partly counts half of the "), "{}", text("C53-REP-02"));
}

#[test]
fn not_sure_adds_up_like_no() {
    let practices: Vec<_> = minor_practices("A 5.4").into_iter().filter(|i| !i.is_derived()).collect();
    let rule = |answer: Answer| {
        let s = score(&all_yes_but(&practices.iter().map(|i| (i.id, answer)).collect::<Vec<_>>()));
        (s.rule(), adds_up(&s, "A 5.4"))
    };
    assert_eq!(rule(Answer::NotSure), (Rule::MinorsAddUp, true));
    assert_eq!(rule(Answer::No), (Rule::MinorsAddUp, true));
    // Said as what it is (auditor probe: three "not sure" read as three practices missing).
    let text = |answers: &[(&str, Answer)]| score(&all_yes_but(answers)).adding_up_text().unwrap();
    let unsure: Vec<_> = practices.iter().map(|i| (i.id, Answer::NotSure)).collect();
    // None of them confirmed missing: said as what follows if they are (second auditor probe).
    assert!(text(&unsure).contains(" are not confirmed (not answered yet, or “not sure”): if they are missing, "), "{}", text(&unsure));
    let mut one_unsure: Vec<_> = practices.iter().map(|i| (i.id, Answer::No)).collect();
    one_unsure[0].1 = Answer::NotSure;
    let groups = score(&all_yes_but(&one_unsure)).adding_up;
    let group = groups.iter().find(|t| t.requirement == "A 5.4").unwrap();
    assert_eq!((group.unconfirmed, group.missing_word()), (1, "missing or not confirmed (not answered yet, or “not sure”)"));
    let all_no: Vec<_> = practices.iter().map(|i| (i.id, Answer::No)).collect();
    assert!(text(&all_no).contains(" are missing: "), "{}", text(&all_no));
}

#[test]
fn questions_not_answered_yet_add_up_as_not_sure_does() {
    // The auditor's probe: A 5.4 left blank read "Nearly ready", the same questions "not sure"
    // "Not ready": skipping scored better than answering honestly. Not answered yet, a practice
    // is not shown, as an unanswered major question is not.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for item in catalog.items_in("a54-controls") {
        a.responses.remove(item.id);
    }
    let s = score(&a);
    assert!(s.minors > AT_LEAST && s.not_yet_known == s.minors, "{} minors, {} not known", s.minors, s.not_yet_known);
    let group = s.adding_up.iter().find(|g| g.requirement == "A 5.4").expect("A 5.4 adds up");
    assert_eq!(group.unconfirmed, group.open, "every one of them not confirmed");
    assert!(group.fix_text().starts_with("answer or fix "), "{}", group.fix_text());
    assert_eq!((s.verdict, s.rule()), (Verdict::NotReady, Rule::MinorsAddUp));
    assert!(s.adding_up_text().unwrap().contains("are not confirmed (not answered yet, or “not sure”): if they are missing"));
    let blank = s.clone();
    let unsure = all_yes_but(&catalog.items_in("a54-controls").map(|i| (i.id, Answer::NotSure)).collect::<Vec<_>>());
    assert_eq!(score(&unsure).adding_up, blank.adding_up, "blank and not sure alike");
    // A first visit: the majors nobody has confirmed decide first (the panel says to start
    // answering rather than list every requirement).
    let s = score(&Assessment::default());
    assert!(!s.adding_up.is_empty() && s.majors > 0);
    assert_eq!((s.verdict, s.rule()), (Verdict::NotReady, Rule::OpenMajors));
}

#[test]
fn a_yes_waiting_for_the_question_on_its_record_is_no_missing_practice() {
    // The second auditor probe: two A 5.4 controls "yes" with last month's evidence, their record
    // questions "not sure", and three other controls "no" read a likely major where answering the
    // records "no" read three minors.
    let catalog = Catalog::builtin();
    let mut a = all_yes_but(&[
        ("RC-01-CLAIM", Answer::NotSure),
        ("RC-03-CLAIM", Answer::NotSure),
        ("A54-CTL-02", Answer::No),
        ("A54-CTL-06", Answer::No),
        ("A54-CTL-09", Answer::No),
    ]);
    a.edit_evidence("A54-CTL-01", |list| {
        list.push(EvidenceRecord { what: "Meeting record".into(), produced_on: Some(day(2026, 11, 5)), ..Default::default() })
    });
    let findings = all_findings(catalog, &a, today());
    let waiting = findings.iter().find(|f| f.item_id == "A54-CTL-05").unwrap();
    assert!(waiting.kind == FindingKind::Unanswered && waiting.rests_on.is_some(), "{waiting:?}");
    // A dated record filed on the question itself is that record while its question waits
    // (founder pass of stop 45: it lost half the points a bare "yes" elsewhere kept).
    assert!(findings.iter().all(|f| f.item_id != "A54-CTL-01"), "{findings:#?}");
    let s = compute(catalog, &a, &findings);
    assert!(!adds_up(&s, "A 5.4"), "{:?}", s.adding_up);
    assert_eq!(s.verdict, Verdict::NearlyReady);
}

#[test]
fn a_review_held_by_top_management_without_a_standing_team_does_not_add_up() {
    // The auditor's probe: a minuted annual review chaired by the CEO, but no standing review
    // team, no regular team meetings and no quarterly performance review. Clause 9.3 asks for the
    // review at planned intervals: how often a team meets is good practice, an observation, so
    // two missing practices remain and the verdict is "Nearly ready", not "Not ready".
    let rhythm = Catalog::builtin().item("C53-MRT-02").unwrap();
    assert_eq!(rhythm.finding, Severity::Observation);
    let s = score(&all_yes_but(&[("C53-MRT-01", Answer::No), ("C53-MRT-02", Answer::No), ("A54-CTL-07", Answer::No)]));
    assert!(!adds_up(&s, "Clause 9.3"), "{:?}", s.adding_up);
    assert_eq!((s.verdict, s.majors, s.minors, s.observations), (Verdict::NearlyReady, 0, 2, 1));
}

#[test]
fn interview_readiness_never_adds_up_with_the_practices() {
    // The auditor's probe: no rehearsals at all, no competence matrix and no appraisal check read
    // "Not ready", three Clause 7.2 practices adding up, one of them "has not rehearsed yet". Not
    // having rehearsed is no nonconformity: the two competence practices remain, a minor each.
    let mut a = all_yes_but(&[("C53-PLAY-05", Answer::No), ("A54-CTL-09", Answer::No)]);
    a.rehearsals.clear();
    let s = score(&a);
    assert!(!adds_up(&s, "Clause 7.2"), "{:?}", s.adding_up);
    assert_eq!((s.verdict, s.majors), (Verdict::NearlyReady, 0));
    let findings = all_findings(Catalog::builtin(), &a, today());
    assert!(findings.iter().any(|f| f.kind == FindingKind::InterviewGap), "the rehearsals are still asked for");
    assert_eq!(minor_practices("Clause 7.2").iter().filter(|i| i.source == Source::Interviews).count(), 0);
}

#[test]
fn a_yes_whose_evidence_is_all_dated_ahead_is_missing_where_minors_add_up() {
    // The auditor's probe: Clause 9.1's two practices answered "yes" with their records dated
    // next week read "Nearly ready", though each card says it counts as not in place; both "no"
    // read "Not ready".
    let planned = EvidenceRecord { what: "Control test report".into(), produced_on: Some(day(2026, 12, 7)), ..Default::default() };
    let mut a = all(Catalog::builtin(), Answer::Yes);
    for id in ["C53-REP-02", "C53-REP-03"] {
        a.edit_evidence(id, |list| list.push(planned.clone()));
    }
    let findings = all_findings(Catalog::builtin(), &a, today());
    assert!(findings.iter().all(|f| f.kind == FindingKind::NotYetProduced), "{findings:?}");
    let s = score(&a);
    assert_eq!(s.verdict, Verdict::NotReady);
    assert!(s.adding_up.iter().any(|g| (g.requirement, g.open, g.of) == ("Clause 9.1", 2, 2)), "{:?}", s.adding_up);
}
