//! The board profile explains each finding in words that fit its kind (a gap, a stale record
//! with its date, a register problem), without the names the register and interview checks
//! give, and the calendar and OSCAL descriptions say the kind once.

mod export_fixture;
mod support;

use std::collections::BTreeMap;

use audit_readiness::domain::export::{ics, oscal, Profile, Report};
use audit_readiness::domain::interview::readiness;
use audit_readiness::domain::roles::checks::check_for;
use audit_readiness::domain::{Catalog, FindingKind};
use export_fixture::*;
use serde_json::Value;

fn reports() -> (Report<'static>, Report<'static>) {
    let catalog = Catalog::builtin();
    let full = Report::new(catalog, &realistic(catalog), today());
    (full.clone(), full.redacted(Profile::Board))
}

#[test]
fn board_explanations_match_the_finding_kind() {
    let (full, board) = reports();
    let full_text: BTreeMap<&str, &str> = full.findings.iter().map(|f| (f.id.as_str(), f.explanation.as_str())).collect();
    let mut kinds = Vec::new();
    for f in &board.findings {
        let text = f.explanation.as_str();
        assert!(!text.starts_with(f.kind.label()), "{}: {text}", f.id);
        match f.kind {
            kind if kind.is_register() && f.lead.is_none() => {
                // About the register as a whole (nothing to check yet): no names in it to withhold.
                assert!(f.nothing_to_check, "{}: {text}", f.id);
                assert_eq!(text, full_text[f.id.as_str()], "{}", f.id);
            }
            kind if kind.is_register() => {
                let lead = check_for(board.item(f.item_id).unwrap().base_id()).unwrap().lead;
                // A check counted with its checklist question says so first, then its lead.
                let text = f.relation_note().map_or(text, |note| text.strip_prefix(&note).unwrap().trim_start());
                assert!(text.starts_with(lead) && text.contains("the roles register"), "{}: {text}", f.id);
            }
            FindingKind::InterviewGap => assert!(text.starts_with(readiness::LEAD) && text.contains("Interview preparation"), "{text}"),
            // Written from the catalogue and dates only: the board reads what everyone reads.
            _ => assert_eq!(text, full_text[f.id.as_str()], "{}", f.id),
        }
        kinds.push(f.kind);
    }
    for kind in [
        FindingKind::Gap,
        FindingKind::Partial,
        FindingKind::Unanswered,
        FindingKind::CheckboxGap,
        FindingKind::StaleEvidence,
        FindingKind::ExpiresBeforeAudit,
        FindingKind::RoleGap,
        FindingKind::InterviewGap,
    ] {
        assert!(kinds.contains(&kind), "the fixture has no {kind:?} finding");
    }
    let text_of = |kind: FindingKind| board.findings.iter().find(|f| f.kind == kind).unwrap().explanation.clone();
    assert!(text_of(FindingKind::StaleEvidence).contains("expired on 2026-09-01"), "{}", text_of(FindingKind::StaleEvidence));
    assert!(text_of(FindingKind::ExpiresBeforeAudit).contains("expires on 2027-02-02"), "{}", text_of(FindingKind::ExpiresBeforeAudit));
    assert!(text_of(FindingKind::Gap).starts_with("Not in place"), "{}", text_of(FindingKind::Gap));
    assert!(text_of(FindingKind::Partial).starts_with("Only partly in place"), "{}", text_of(FindingKind::Partial));
}

#[test]
fn board_explanations_of_register_and_interview_findings_count_the_problems_without_names() {
    let (full, board) = reports();
    for f in board.findings.iter().filter(|f| f.kind.is_register() || f.kind == FindingKind::InterviewGap) {
        let original = full.findings.iter().find(|x| x.id == f.id).unwrap();
        for name in [PERSON_MARKER, "Sam Current", "Former ISM", "CTO"] {
            assert!(!f.explanation.contains(name), "{}: {}", f.id, f.explanation);
        }
        let n = original.details.len();
        if original.lead.is_none() && original.kind.is_register() {
            continue; // about the register as a whole: said as it is
        }
        assert!(n > 0 && f.explanation.contains(&format!(" {n} ")), "{}: {} for {n} problems", f.id, f.explanation);
    }
}

#[test]
fn the_calendar_and_oscal_name_the_kind_once() {
    let (_, board) = reports();
    let kinds: Vec<FindingKind> = board.findings.iter().map(|f| f.kind).collect();
    // A due date's description: "<kind>. Predicted: …. Status: ….", a line break, the explanation.
    let calendar = ics::render(&board).replace("\r\n ", "");
    let descriptions: Vec<&str> = calendar.lines().filter_map(|l| l.strip_prefix("DESCRIPTION:")).collect();
    let mut checked = 0;
    for description in descriptions {
        let Some(kind) = kinds.iter().find(|k| description.starts_with(k.label())) else { continue };
        let (_, explanation) = description.split_once("\\n").unwrap();
        assert!(!explanation.starts_with(kind.label()), "{description}");
        checked += 1;
    }
    // Busy days are one event listing their lines (see ics::LINES_A_DAY): a few stay single.
    assert!(checked > 0, "{checked} due dates");
    let doc: Value = serde_json::from_str(&oscal::render(&board)).unwrap();
    let findings = doc["assessment-results"]["results"][0]["findings"].as_array().unwrap().clone();
    for (f, adds_up) in board.findings.iter().zip(&board.adds_up) {
        let target = oscal::token(f.item_id);
        let record = findings.iter().find(|r| r["target"]["target-id"] == target.as_str()).unwrap();
        let description = record["description"].as_str().unwrap();
        let head = format!("{}. Predicted: {}. ", f.kind_label(), audit_readiness::domain::export::predicted_with(f, *adds_up));
        let explanation = description.strip_prefix(&head).unwrap_or_else(|| panic!("{description}"));
        assert!(!explanation.starts_with(f.kind.label()), "{description}");
    }
}

#[test]
fn the_board_copy_never_says_no_gaps_under_the_lines_it_sums_up() {
    // Third auditor probe: "Expected at the audit: … 1 observation" (a record to renew), then
    // "No gaps: nothing an auditor would be expected to raise".
    use audit_readiness::domain::export::markdown;
    use audit_readiness::domain::Answer;
    let catalog = Catalog::builtin();
    let mut a = support::all(catalog, Answer::Yes);
    a.responses.remove("C53-PRE-01");
    let board = Report::new(catalog, &a, today()).redacted(Profile::Board);
    let text = markdown::render(&board);
    assert!(text.contains("not answered yet"), "{text}");
    assert!(!text.contains("No gaps"), "{text}");
    assert!(text.contains("Nothing else: no other gap an auditor would be expected to raise from the answers so far."), "{text}");
}

#[test]
fn the_board_copy_counts_the_questions_not_answered_yet_as_its_reasons_do() {
    // Checking pass of stop 42: with one question left blank, whose record a "yes" elsewhere
    // rests on, the reasons said 1 question was not answered yet and the paragraph below said 2,
    // "costing 2.5 readiness points between them".
    use audit_readiness::domain::export::markdown;
    use audit_readiness::domain::Answer;
    let catalog = Catalog::builtin();
    let mut a = support::all(catalog, Answer::Yes);
    a.responses.remove("RC-04-CLAIM");
    let board = Report::new(catalog, &a, today()).redacted(Profile::Board);
    let resting = board.findings.iter().filter(|f| f.kind == FindingKind::Unanswered && f.rests_on.is_some()).count();
    assert_eq!(resting, 1, "a “yes” resting on it: {:#?}", board.findings);
    let text = markdown::render(&board);
    let questions = board.score.progress.questions;
    assert!(text.contains(&format!("1 of {questions} questions is not answered yet and counts as not in place.")), "{text}");
    assert!(text.contains("1 question is not answered yet"), "{text}");
    assert!(!text.contains("2 questions are not answered yet"), "{text}");
    assert!(text.contains("1 “yes” rests on a record whose own question is not answered yet, costing "), "{text}");
    // One question costs its points, not "between them".
    let line = text.lines().find(|l| l.starts_with("1 question is not answered yet")).expect("the line");
    assert!(line.contains(", costing ") && !line.contains("between them"), "{line}");
}
