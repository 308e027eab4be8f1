//! A plan line over time: following the audit date and its item, open again on new work, the tally.

use crate::support::{all, day, today};
use crate::{edit_plan, finding_for, plan_for};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::remediation::{owner_is_suggested, Status};
use audit_readiness::domain::{Answer, Catalog};

#[test]
fn a_plan_line_keeps_following_the_audit_date_until_its_due_date_is_set() {
    let catalog = Catalog::builtin();
    let mut assessment = all(catalog, Answer::No);
    assessment.audit_date = Some(today() + chrono::Days::new(90));
    let findings = all_findings(catalog, &assessment, today());
    let gap = finding_for(&findings, "C53-PRE-01");
    edit_plan(gap, &mut assessment, today(), |p| p.owner = "Ben".into());
    assessment.audit_date = Some(today() + chrono::Days::new(120));
    let moved = plan_for(gap, &assessment, today()).due.unwrap();
    assert_eq!(moved, today() + chrono::Days::new(90), "a major is due a month before the new audit date");
    let chosen = today() + chrono::Days::new(10);
    edit_plan(gap, &mut assessment, today(), |p| p.due = Some(chosen));
    assessment.audit_date = Some(today() + chrono::Days::new(200));
    assert_eq!(plan_for(gap, &assessment, today()).due, Some(chosen), "a chosen date stays");
}

#[test]
fn a_plan_line_follows_its_item_when_the_gap_becomes_a_partial() {
    let catalog = Catalog::builtin();
    let mut assessment = all(catalog, Answer::No);
    let findings = all_findings(catalog, &assessment, today());
    let gap = finding_for(&findings, "C53-PRE-01").clone();
    edit_plan(&gap, &mut assessment, today(), |p| {
        p.owner = "Ben".into();
        p.status = Status::InProgress;
    });
    assessment.set_answer("C53-PRE-01", Answer::Partly, today());
    let findings = all_findings(catalog, &assessment, today());
    let partial = finding_for(&findings, "C53-PRE-01");
    assert_ne!(partial.id, gap.id);
    let plan = plan_for(partial, &assessment, today());
    assert_eq!((plan.owner.as_str(), plan.status), ("Ben", Status::InProgress));
    assert!(!owner_is_suggested(partial, &assessment));
    // Edited as a partial, the line moves to the new finding: one line per item.
    edit_plan(partial, &mut assessment, today(), |p| p.status = Status::Done);
    let keys: Vec<&String> = assessment.remediation.keys().collect();
    assert_eq!(keys, [&partial.id]);
}

#[test]
fn a_line_done_for_a_fixed_gap_is_open_again_when_new_work_appears_on_the_item() {
    use audit_readiness::domain::EvidenceRecord;
    let catalog = Catalog::builtin();
    let mut assessment = all(catalog, Answer::Yes);
    // An annually renewed item, answered "no", planned and marked done.
    let item =
        catalog.items.iter().find(|i| i.cadence.is_some_and(|c| matches!(c, audit_readiness::domain::catalog::Cadence::Annually))).unwrap();
    assessment.set_answer(item.id, Answer::No, today());
    let findings = all_findings(catalog, &assessment, today());
    let gap = finding_for(&findings, item.id).clone();
    edit_plan(&gap, &mut assessment, today(), |p| {
        p.owner = "Ben".into();
        p.due = Some(day(2026, 12, 1));
        p.status = Status::Done;
    });
    // Fixed: "yes", with evidence produced long ago, which is stale today.
    assessment.set_answer(item.id, Answer::Yes, today());
    assessment.edit_evidence(item.id, |list| {
        list.push(EvidenceRecord { what: "Signed roles document".into(), produced_on: Some(day(2025, 1, 10)), ..EvidenceRecord::default() })
    });
    let findings = all_findings(catalog, &assessment, today());
    let stale = finding_for(&findings, item.id);
    assert_ne!(stale.id, gap.id);
    let plan = plan_for(stale, &assessment, today());
    assert_eq!((plan.owner.as_str(), plan.status), ("Ben", Status::Open), "new work, same owner");
    assert_ne!(plan.due, Some(day(2026, 12, 1)), "the finished line's due date is not carried");
    // Edited, it becomes the new finding's own line and stays open unless set done.
    edit_plan(stale, &mut assessment, today(), |p| p.owner = "Cara".into());
    assert_eq!(assessment.remediation[&stale.id].status, Status::Open);
    assert!(!assessment.remediation.contains_key(&gap.id));
}

#[test]
fn a_gap_that_comes_back_after_its_answer_changed_is_open_again() {
    // The founder pass: a line marked done, the question answered "yes" (the gap gone), then "no"
    // again: the gap came back "Done", "still open until its answer or evidence changes".
    let catalog = Catalog::builtin();
    let mut assessment = all(catalog, Answer::Yes);
    assessment.set_answer("C53-REP-02", Answer::No, today());
    let gap = finding_for(&all_findings(catalog, &assessment, today()), "C53-REP-02").clone();
    edit_plan(&gap, &mut assessment, today(), |p| {
        p.owner = "Ben".into();
        p.status = Status::Done;
    });
    // Answered again the same way, nothing has changed: still done.
    assessment.set_answer("C53-REP-02", Answer::No, today());
    assert_eq!(plan_for(&gap, &assessment, today()).status, Status::Done);
    assessment.set_answer("C53-REP-02", Answer::Yes, today());
    assert!(all_findings(catalog, &assessment, today()).iter().all(|f| f.item_id != "C53-REP-02"));
    assessment.set_answer("C53-REP-02", Answer::No, today());
    let back = finding_for(&all_findings(catalog, &assessment, today()), "C53-REP-02").clone();
    assert_eq!(back.id, gap.id);
    let line = plan_for(&back, &assessment, today());
    assert_eq!((line.owner.as_str(), line.status), ("Ben", Status::Open), "open again, same owner");
}

#[test]
fn the_tally_counts_the_open_lines_marked_done_and_in_progress_as_they_show() {
    // Founder pass: nothing among 103 lines said how far the plan had got.
    use audit_readiness::domain::remediation::tally;
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for id in ["C53-PRE-01", "C53-PRE-02", "C53-PRE-03"] {
        a.set_answer(id, Answer::No, today());
    }
    let findings = all_findings(catalog, &a, today());
    assert_eq!(tally(&findings, &a), (0, 0));
    edit_plan(finding_for(&findings, "C53-PRE-01"), &mut a, today(), |p| p.status = Status::Done);
    edit_plan(finding_for(&findings, "C53-PRE-02"), &mut a, today(), |p| p.status = Status::InProgress);
    edit_plan(finding_for(&findings, "C53-PRE-03"), &mut a, today(), |p| p.owner = "Ben".into());
    assert_eq!(tally(&findings, &a), (1, 1));
    // A line done for a gap that has become another kind of finding shows open again, and is
    // counted so.
    a.set_answer("C53-PRE-01", Answer::Partly, today());
    let findings = all_findings(catalog, &a, today());
    assert_eq!(tally(&findings, &a), (0, 1));
}
