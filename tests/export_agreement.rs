//! The exports say what the app says (auditor probe): minors that add up to a likely major say
//! so on their rows, a plan line marked done on an open finding says it is still open, the board
//! reads the same reasons as everyone else, and its caveats name nobody.

mod support;

use audit_readiness::domain::assessment::EvidenceRecord;
use audit_readiness::domain::export::{csv, markdown, oscal, Profile, Report};
use audit_readiness::domain::remediation::{Remediation, Status};
use audit_readiness::domain::{Answer, Assessment, Catalog, Severity};
use chrono::Days;
use serde_json::Value;
use support::{all, today};

/// Every question yes, every reality proof of A 5.4 no: their minors add up to a likely major.
fn proofs_missing() -> Assessment {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for check in catalog.reality_checks {
        a.set_answer(check.proof_item, Answer::No, today());
    }
    a
}

#[test]
fn minors_adding_up_say_so_on_every_row_of_every_export() {
    let catalog = Catalog::builtin();
    let report = Report::new(catalog, &proofs_missing(), today());
    assert_eq!(report.score.adding_up.iter().map(|g| g.requirement).collect::<Vec<_>>(), ["A 5.4"]);
    let proofs: Vec<&str> = catalog.reality_checks.iter().map(|c| c.proof_item).collect();
    let said = "Minor nonconformity, adding up with others under A 5.4 to a likely major";
    for gap in report.gaps().iter().filter(|g| proofs.contains(&g.finding.item_id)) {
        assert_eq!(gap.predicted_text(), said);
        // Due as a major, as the app's plan has it.
        assert_eq!(gap.plan.due, Some(today() + Days::new(30)), "{}", gap.finding.item_id);
    }
    let md = markdown::render(&report);
    assert_eq!(md.matches(said).count(), proofs.len(), "{md}");
    let csv = csv::render(&report);
    assert_eq!(csv.matches(said).count(), proofs.len());
    let doc: Value = serde_json::from_str(&oscal::render(&report)).unwrap();
    let findings = doc["assessment-results"]["results"][0]["findings"].as_array().unwrap();
    let adding = findings.iter().filter(|f| f["props"][2]["name"] == "adds-up-under" && f["props"][2]["value"] == "A 5.4").count();
    assert_eq!(adding, proofs.len());
    // A minor that adds up with nothing says nothing more.
    let mut one = all(catalog, Answer::Yes);
    one.set_answer(proofs[0], Answer::No, today());
    let report = Report::new(catalog, &one, today());
    assert_eq!(report.gaps()[0].predicted_text(), Severity::Minor.label());
}

#[test]
fn a_line_marked_done_on_an_open_finding_says_it_is_still_open() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer("MGT-FAQ-02", Answer::No, today());
    let report = Report::new(catalog, &a, today());
    let id = report.findings.iter().find(|f| f.item_id == "MGT-FAQ-02").unwrap().id.clone();
    a.remediation.insert(id, Remediation { status: Status::Done, ..Default::default() });
    let report = Report::new(catalog, &a, today());
    assert!(markdown::render(&report).contains("| Marked done, still open |"));
    assert!(csv::render(&report).contains(",done_still_open,"));
}

#[test]
fn the_board_reads_the_undated_evidence_reason_and_caveats_that_name_nobody() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for item in catalog.items.iter().filter(|i| !i.is_derived()) {
        let record = EvidenceRecord { what: format!("Record for {}", item.id), produced_on: Some(today()), ..Default::default() };
        a.responses.get_mut(item.id).unwrap().evidence.push(record);
    }
    // Undated minutes of a yearly review, and an org chart older than Ben's appointment.
    a.responses.get_mut("C52-POL-08").unwrap().evidence[0].produced_on = None;
    a.responses.get_mut("C53-PRE-08").unwrap().evidence[0].produced_on = Some(today() - Days::new(60));
    a.register.assignments.iter_mut().find(|x| x.id == "a2").unwrap().appointed_on = Some(today() - Days::new(30));
    let full = Report::new(catalog, &a, today());
    let board = full.clone().redacted(Profile::Board);
    assert_eq!(board.reasons(), full.reasons());
    assert!(board.reasons().iter().any(|r| r.contains("on evidence recorded without a date")), "{:?}", board.reasons());
    let md = markdown::render(&board);
    assert!(md.contains("Caveat: 1 “yes” answer renewed when roles change rests on evidence dated before"), "{md}");
    for name in ["Ben", "Lindqvist", "Ada", "Cara"] {
        assert!(!md.contains(name), "{name} in the board's report");
    }
}

#[test]
fn the_calendars_duties_follow_the_records_and_the_audit_day() {
    use audit_readiness::domain::export::ics;
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let held = today() - Days::new(10);
    let record = EvidenceRecord { what: "Internal audit report".into(), produced_on: Some(held), ..Default::default() };
    a.responses.get_mut("C53-ISM-02").unwrap().evidence.push(record);
    a.audit_date = Some(today() + Days::new(30));
    let start = |a: &Assessment, key: &str| {
        ics::duties(&Report::new(catalog, a, today())).into_iter().find(|e| e.key == format!("duty/{key}")).unwrap().start
    };
    // Auditor probe: an internal audit held ten days ago was scheduled for tomorrow.
    assert_eq!(start(&a, "internal-audit"), held.checked_add_months(chrono::Months::new(12)).unwrap());
    // No management review on record: one falls before the audit, not on the first of next month after it.
    let review = start(&a, "management-review");
    assert!(review > today() && review < today() + Days::new(30), "{review}");
    // After the internal audit whose results it considers, not on the same day (planning pass of
    // stop 44), whether the audit is 70 days away, 10 days away or not set.
    let mut fresh = all(catalog, Answer::Yes);
    for (audit, gap) in [(Some(70), 14), (Some(10), 0), (None, 14)] {
        fresh.audit_date = audit.map(|days| today() + Days::new(days));
        let (internal, review) = (start(&fresh, "internal-audit"), start(&fresh, "management-review"));
        assert!(review > internal || gap == 0 && review >= internal, "{audit:?}: {internal} then {review}");
        if gap > 0 {
            assert_eq!(review, internal + Days::new(gap), "{audit:?}");
        }
        if let Some(day) = fresh.audit_date {
            assert!(review < day, "{audit:?}: review {review} before the audit {day}");
        }
    }
    // A review a month ago: the next one a quarter after it.
    let minutes = EvidenceRecord { what: "Review minutes".into(), produced_on: Some(today() - Days::new(31)), ..Default::default() };
    a.responses.get_mut("MGT-STEP-06").unwrap().evidence.push(minutes);
    assert_eq!(start(&a, "management-review"), (today() - Days::new(31)).checked_add_months(chrono::Months::new(3)).unwrap());
}
