//! A yes its records do not back: records dated later, planned only, or saying it is not done.

use crate::support::{all, day, today};
use crate::{all_yes_with_evidence, evidence, findings_for};
use audit_readiness::domain::catalog::Cadence;
use audit_readiness::domain::evidence::{planned_only, undated_renewal};
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Catalog, EvidenceRecord, FindingKind, ItemResponse, Severity, Verdict};

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
