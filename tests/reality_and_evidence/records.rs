//! What counts as a dated record: undated renewals, replaced records, empty rows, a record filed on the question.

use crate::support::{all, day, today};
use crate::{all_yes_with_evidence, evidence, findings_for};
use audit_readiness::domain::catalog::Cadence;
use audit_readiness::domain::evidence::{record_validity, undated_renewal};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, EvidenceRecord, FindingKind, ItemResponse, Verdict};

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
