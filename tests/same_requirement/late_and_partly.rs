//! Late and partly shown: one late review is one minor, a yes whose record is answered no is partly shown once.

use crate::support::{all, day, today};
use crate::{answered_no, finding, scored};
use audit_readiness::domain::findings::FindingKind;
use audit_readiness::domain::points::weight;
use audit_readiness::domain::{Answer, Catalog, Points, Verdict};

#[test]
fn one_management_review_held_late_is_one_minor_not_one_per_question_its_minutes_answer() {
    use audit_readiness::domain::EvidenceRecord;
    // The auditor's probe: the same minutes, 400 days old, filed on every question the review
    // answers read five minors and two observations. The yearly review is late: one
    // nonconformity, with the records late with it part of it. The quarterly activities a whole
    // interval overdue were not held when planned: gaps of their own.
    let late_with_it = ["MGT-FAQ-01", "RC-06-CLAIM", "RC-06-PROOF", "C53-ISM-05", "C53-MAND-02", "C51-DUTY-05"];
    let missed = ["A54-CTL-07", "C53-MRT-02"];
    let minutes = |on| EvidenceRecord { what: "Management review minutes".into(), produced_on: Some(on), ..Default::default() };
    let mut a = all(Catalog::builtin(), Answer::Yes);
    for id in late_with_it.iter().chain(&missed).chain(&["MGT-STEP-06"]) {
        a.edit_evidence(id, |list| list.push(minutes(day(2025, 10, 19))));
    }
    let (findings, score) = scored(&a);
    assert_eq!(finding(&findings, "MGT-STEP-06").kind, FindingKind::StaleEvidence);
    for part in late_with_it {
        let f = finding(&findings, part);
        assert_eq!(f.kind, FindingKind::StaleEvidence, "{part}");
        assert_eq!(f.part_of.map(|p| p.item_id), Some("MGT-STEP-06"), "{part}");
        assert!(f.cost > Points::ZERO, "{part} still costs its points");
    }
    for id in missed {
        let f = finding(&findings, id);
        assert_eq!((f.kind, f.stands_alone()), (FindingKind::Gap, true), "{id}");
    }
    // The review, the missed quarterly performance review; the team's missed meeting rhythm.
    assert_eq!((score.majors, score.minors, score.observations), (0, 2, 1), "{findings:#?}");
    // A question the review answers "no" to stays a gap of its own beside the late review.
    a.set_answer("MGT-FAQ-01", Answer::No, today());
    let (findings, score) = scored(&a);
    assert!(finding(&findings, "MGT-FAQ-01").stands_alone());
    // Top management not conducting it is a major of its own.
    assert_eq!((score.majors, score.minors), (1, 2));
    // The review held on time: a quarterly record gone stale on its own is its own minor.
    a.set_answer("MGT-FAQ-01", Answer::Yes, today());
    a.edit_evidence("MGT-STEP-06", |list| list[0] = minutes(day(2026, 9, 1)));
    let (findings, _) = scored(&a);
    assert!(findings.iter().all(|f| f.item_id != "MGT-STEP-06"));
    assert!(finding(&findings, "C53-ISM-05").stands_alone());
}

#[test]
fn a_late_review_never_makes_a_missed_quarterly_review_read_better() {
    use audit_readiness::domain::EvidenceRecord;
    // The auditor's probe: the quarterly performance review seven months old (not held when
    // planned) and two more Clause 9.3 practices missing read "Not ready" beside a fresh yearly
    // review, and "Nearly ready" once that review was late too.
    let record = |on| EvidenceRecord { what: "Minutes".into(), produced_on: Some(on), ..Default::default() };
    let mut a = answered_no(&["C53-ISM-05", "C53-MRT-01"]);
    a.edit_evidence("A54-CTL-07", |list| list.push(record(day(2026, 4, 20))));
    a.edit_evidence("MGT-STEP-06", |list| list.push(record(day(2026, 9, 1))));
    assert_eq!(scored(&a).1.verdict, Verdict::NotReady);
    a.edit_evidence("MGT-STEP-06", |list| list[0] = record(day(2025, 11, 22)));
    let (findings, score) = scored(&a);
    assert_eq!(finding(&findings, "MGT-STEP-06").kind, FindingKind::StaleEvidence);
    assert!(finding(&findings, "A54-CTL-07").stands_alone());
    assert_eq!(score.verdict, Verdict::NotReady);
}

#[test]
fn a_yes_whose_own_record_is_answered_no_is_only_partly_shown_once() {
    // Auditor probe: "no record of the CEO approving the policy" beside "policy approved and
    // recorded" read "Ready: only 1 observation open".
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer("RC-02-CLAIM", Answer::No, today());
    let (findings, score) = scored(&a);
    let policy = finding(&findings, "C52-POL-08");
    assert_eq!((policy.kind, policy.severity), (FindingKind::Partial, catalog.partly_severity(policy.item)));
    let worth = weight(policy.item.finding);
    assert_eq!(policy.cost, worth - audit_readiness::domain::points::earned(Some(Answer::Partly), worth).unwrap(), "what partly costs");
    assert!(
        policy.explanation.starts_with("Answered yes, but “CEO approval of policies on record” is answered no: that is the record"),
        "{}",
        policy.explanation
    );
    // The missing record is how the auditor finds it: part of that finding, not one of its own.
    assert_eq!(finding(&findings, "RC-02-CLAIM").part_of.map(|p| p.item_id), Some("C52-POL-08"));
    assert_eq!(findings.iter().filter(|f| f.stands_alone()).count(), 1, "{findings:#?}");
    assert_ne!(score.verdict, Verdict::Ready);
    // Unanswered (or "not sure"), the record leaves the "yes" not known yet: counted with the
    // questions still open, and set aside with them on the plan (founder pass).
    a.responses.remove("RC-02-CLAIM");
    let (findings, score) = scored(&a);
    let policy = finding(&findings, "C52-POL-08");
    assert_eq!(policy.kind, FindingKind::Unanswered);
    assert!(policy.explanation.contains("is not answered yet (or “not sure”)"), "{}", policy.explanation);
    // Its status says what it waits for, not "Not yet known" under a "yes" (founder pass).
    assert_eq!(policy.kind_label(), "Its record not answered yet");
    assert!(policy.explanation.ends_with("If it is not in place at all, answer no here."), "{}", policy.explanation);
    assert_eq!(finding(&findings, "RC-02-CLAIM").part_of.map(|p| p.item_id), Some("C52-POL-08"));
    assert_eq!((score.not_yet_known, score.not_yet_known_within), (1, 1));
    assert_eq!(policy.rests_on.map(|i| i.id), Some("RC-02-CLAIM"), "its card links the record's question");
    // "Partly" on the record leaves it partly shown too; a narrower question that is not its
    // record (the policy communicated to staff) says nothing about the approval.
    a.set_answer("RC-02-CLAIM", Answer::Partly, today());
    assert_eq!(finding(&scored(&a).0, "C52-POL-08").kind, FindingKind::Partial);
    a.set_answer("RC-02-CLAIM", Answer::Yes, today());
    // "Yes" on a record whose evidence is all dated after today (the audit comes first): not
    // produced yet, so the policy's approval is not shown either (second auditor probe: "Ready").
    let mut ahead = a.clone();
    ahead.audit_date = Some(day(2026, 12, 23));
    let later = audit_readiness::domain::EvidenceRecord {
        what: "Signed policy approval".into(),
        produced_on: Some(day(2027, 1, 2)),
        ..Default::default()
    };
    ahead.edit_evidence("RC-02-CLAIM", |list| list.push(later.clone()));
    let (findings, score) = scored(&ahead);
    let policy = finding(&findings, "C52-POL-08");
    // As the same record filed on the policy's own question would read (third probe: a minor
    // here, the major there).
    assert_eq!((policy.kind, policy.severity), (FindingKind::NotYetProduced, policy.item.finding));
    assert!(
        policy.explanation.starts_with(
            "Answered yes, but “CEO approval of policies on record”, the record an auditor asks for to see this in place, has \
             evidence dated only after today, or that says it is not done yet"
        ),
        "{}",
        policy.explanation
    );
    assert_eq!(finding(&findings, "RC-02-CLAIM").part_of.map(|p| p.item_id), Some("C52-POL-08"));
    assert_eq!(score.verdict, Verdict::NotReady);
    // So is a record whose evidence says it is not done yet (second auditor probe of stop 43:
    // "CEO approval of policy v1.0 pending" left the policy "Ready").
    let mut pending = a.clone();
    let words = audit_readiness::domain::EvidenceRecord {
        what: "CEO approval of policy v1.0 pending in Vanta".into(),
        produced_on: Some(day(2026, 11, 2)),
        ..Default::default()
    };
    pending.edit_evidence("RC-02-CLAIM", |list| *list = vec![words.clone()]);
    let (findings, score) = scored(&pending);
    let policy = finding(&findings, "C52-POL-08");
    assert_eq!((policy.kind, policy.severity), (FindingKind::NotYetProduced, policy.item.finding));
    assert!(policy.explanation.contains("or that says it is not done yet"), "{}", policy.explanation);
    assert_eq!(score.verdict, Verdict::NotReady);
    let mut own = a.clone();
    own.audit_date = ahead.audit_date;
    own.edit_evidence("C52-POL-08", |list| list.push(later.clone()));
    assert_eq!(finding(&scored(&own).0, "C52-POL-08").severity, policy.severity);
    // A recurring activity with its own record dated by today is shown held, whatever its
    // record's question holds (as with that question answered no).
    let mut review = a.clone();
    review.edit_evidence("MGT-STEP-06", |list| {
        list.push(audit_readiness::domain::EvidenceRecord { produced_on: Some(day(2026, 10, 1)), ..later.clone() })
    });
    review.edit_evidence("RC-06-CLAIM", |list| list.push(later.clone()));
    assert!(
        scored(&review).0.iter().all(|f| f.item_id != "MGT-STEP-06"),
        "{:#?}",
        scored(&review).0.iter().find(|f| f.item_id == "MGT-STEP-06")
    );
    // Produced by today, it shows the approval again.
    ahead.edit_evidence("RC-02-CLAIM", |list| list[0].produced_on = Some(day(2026, 11, 2)));
    assert!(scored(&ahead).0.iter().all(|f| f.item_id != "C52-POL-08"));
    a.set_answer("C52-POL-06", Answer::No, today());
    assert!(scored(&a).0.iter().all(|f| f.item_id != "C52-POL-08"));
    // Every record flagged in the content is within the question whose "yes" it proves.
    let records: Vec<&str> = catalog.items.iter().filter(|i| i.proves_within).map(|i| i.id).collect();
    assert_eq!(records, ["RC-01-CLAIM", "RC-02-CLAIM", "RC-03-CLAIM", "RC-04-CLAIM", "RC-06-CLAIM"]);
}

#[test]
fn a_missing_record_never_softens_a_worse_finding_and_a_minor_stays_a_minor() {
    // Auditor probe: a management review dated ahead (not held yet, a major) read "Partly met"
    // once the record of its date was answered no.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let ahead = today() + chrono::Days::new(30);
    let minutes = audit_readiness::domain::assessment::EvidenceRecord {
        what: "Review minutes".into(),
        produced_on: Some(ahead),
        ..Default::default()
    };
    a.edit_evidence("MGT-STEP-06", |records| *records = vec![minutes]);
    a.set_answer("RC-06-CLAIM", Answer::No, today());
    let (findings, score) = scored(&a);
    assert_eq!(finding(&findings, "MGT-STEP-06").kind, FindingKind::NotYetProduced);
    assert_eq!(score.verdict, Verdict::NotReady);
    // A minor requirement whose record is missing stays a minor, not an observation.
    let mut a = all(catalog, Answer::Yes);
    a.set_answer("RC-03-CLAIM", Answer::No, today());
    let (findings, score) = scored(&a);
    assert_eq!(finding(&findings, "A54-CTL-05").severity, audit_readiness::domain::Severity::Minor);
    assert_eq!(score.verdict, Verdict::NearlyReady);
}
