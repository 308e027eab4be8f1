//! The remediation plan: suggested owners from the roles register, and what the user sets.

mod support;

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::remediation::{edit_plan_due_as, owner_is_suggested, plan_due_as, suggested_owner, Remediation, Status};
use audit_readiness::domain::roles::RoleKind;
use audit_readiness::domain::{Answer, Assessment, Catalog, Finding};
use chrono::NaiveDate;
use support::{all, day, today, valid_register};

/// A finding's plan line due as its own severity (none of these findings adds up with others).
fn plan_for(finding: &Finding, assessment: &Assessment, today: NaiveDate) -> Remediation {
    plan_due_as(finding, finding.severity, assessment, today)
}

fn edit_plan(finding: &Finding, assessment: &mut Assessment, today: NaiveDate, change: impl FnOnce(&mut Remediation)) {
    edit_plan_due_as(finding, finding.severity, assessment, today, change)
}

fn finding_for<'a>(findings: &'a [Finding], item_id: &str) -> &'a Finding {
    findings.iter().find(|f| f.item_id == item_id).unwrap_or_else(|| panic!("no finding for {item_id}"))
}

#[test]
fn every_item_names_a_built_in_role_as_the_usual_owner_of_its_gaps() {
    for item in Catalog::builtin().items {
        let role = RoleKind::from_code(item.owner);
        assert!(role.is_some(), "{}: {}", item.id, item.owner);
    }
    let owner = |id: &str| Catalog::builtin().item(id).unwrap().owner;
    // The area default, and items that name a more specific role.
    assert_eq!(owner("C51-DUTY-03"), "top-management");
    assert_eq!(owner("C53-PRE-01"), "security-manager");
    assert_eq!(owner("C53-TPM-01"), "third-party-manager");
    assert_eq!(owner("MGT-FAQ-04"), "risk-owner");
}

#[test]
fn the_suggested_owner_is_the_current_holder_of_the_items_role() {
    let catalog = Catalog::builtin();
    let register = valid_register(today());
    let suggest = |id: &str| suggested_owner(catalog.item(id).unwrap(), &register, today(), today());
    assert_eq!(suggest("C51-DUTY-03").as_deref(), Some("Ada Okafor"));
    assert_eq!(suggest("C53-PRE-01").as_deref(), Some("Ben Lindqvist"));
    assert_eq!(suggest("C53-TPM-01").as_deref(), Some("Dev Patel"));
    // Two risk owners: the first in register order.
    assert_eq!(suggest("MGT-FAQ-04").as_deref(), Some("Cara Mendes"));
}

#[test]
fn without_a_holder_the_suggestion_falls_back_to_the_isms_owner_then_top_management() {
    let catalog = Catalog::builtin();
    let item = catalog.item("C53-TPM-01").unwrap(); // usually fixed by the third-party manager
    let mut register = valid_register(today());
    // Dev (the third-party manager) has left: the ISMS owner is suggested, never a leaver.
    register.people.iter_mut().find(|p| p.id == "p4").unwrap().leaving_date = Some(day(2026, 1, 31));
    assert_eq!(suggested_owner(item, &register, today(), today()).as_deref(), Some("Ben Lindqvist"));
    // No current ISMS owner either: top management (Ada, flagged as such).
    register.people.iter_mut().find(|p| p.id == "p2").unwrap().leaving_date = Some(day(2026, 1, 31));
    assert_eq!(suggested_owner(item, &register, today(), today()).as_deref(), Some("Ada Okafor"));
    // A holder without a name is not suggested as an ID.
    register.people.iter_mut().find(|p| p.id == "p1").unwrap().name = " ".into();
    assert_eq!(suggested_owner(item, &register, today(), today()), None);
    // An empty register suggests nobody.
    assert_eq!(suggested_owner(item, &Default::default(), today(), today()), None);
}

#[test]
fn someone_leaving_before_the_due_date_is_not_suggested() {
    let catalog = Catalog::builtin();
    let item = catalog.item("C53-PRE-01").unwrap(); // usually fixed by the security manager
    let mut register = valid_register(today());
    register.people.iter_mut().find(|p| p.id == "p2").unwrap().leaving_date = Some(day(2027, 1, 5));
    // Ben is here today and on a due date before his last day, but not on one after it.
    assert_eq!(suggested_owner(item, &register, today(), day(2027, 1, 4)).as_deref(), Some("Ben Lindqvist"));
    assert_eq!(suggested_owner(item, &register, today(), day(2027, 1, 5)).as_deref(), Some("Ada Okafor"));
    // The plan line's suggestion follows its default due date (before an audit on 2027-02-15).
    let mut a = all(catalog, Answer::Yes);
    a.register = register;
    a.audit_date = Some(day(2027, 2, 15));
    a.set_answer("C53-PRE-01", Answer::No, today());
    let finding = all_findings(catalog, &a, today()).into_iter().find(|f| f.item_id == "C53-PRE-01").unwrap();
    let line = plan_for(&finding, &a, today());
    assert!(line.due.unwrap() >= day(2027, 1, 5), "{:?}", line.due);
    assert_eq!(line.owner, "Ada Okafor");
}

#[test]
fn an_unedited_plan_line_carries_the_suggestion_and_an_edited_one_keeps_the_users_owner() {
    let catalog = Catalog::builtin();
    let mut assessment = all(catalog, Answer::No);
    assessment.register = valid_register(today());
    let findings = all_findings(catalog, &assessment, today());
    let gap = finding_for(&findings, "MGT-FAQ-04");

    let plan = plan_for(gap, &assessment, today());
    assert_eq!(plan.owner, "Cara Mendes");
    assert_eq!(plan.status, Status::Open);
    assert!(plan.due.is_some());
    assert!(owner_is_suggested(gap, &assessment));

    // The user set the status: the line is stored with the owner it showed.
    edit_plan(gap, &mut assessment, today(), |p| p.status = Status::InProgress);
    assert!(!owner_is_suggested(gap, &assessment));
    assert_eq!(plan_for(gap, &assessment, today()).owner, "Cara Mendes");
    // Then cleared the owner: no suggestion returns.
    edit_plan(gap, &mut assessment, today(), |p| p.owner.clear());
    let plan = plan_for(gap, &assessment, today());
    assert_eq!(plan.owner, "");
    assert_eq!(plan.status, Status::InProgress);
    assert!(plan.due.is_some(), "the default due date still fills an unset date");
}

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
fn the_exported_plan_lists_the_suggested_owners() {
    use audit_readiness::domain::export::Report;
    let catalog = Catalog::builtin();
    let mut assessment = all(catalog, Answer::No);
    assessment.register = valid_register(today());
    let report = Report::new(catalog, &assessment, today());
    let csv = audit_readiness::domain::export::csv::render(&report);
    let line = csv.lines().find(|l| l.contains("C53-TPM-01")).expect("the supplier register gap is in the plan");
    assert!(line.contains("Dev Patel"), "{line}");
}

#[test]
fn a_due_date_passed_is_overdue_until_done_and_one_after_an_upcoming_audit_is_too_late() {
    use audit_readiness::domain::remediation::{due_warning, DueWarning, Remediation};
    // As the plan's row, the CSV and the calendar say it.
    let warning = |line: &Remediation, today, audit| due_warning(line, today, audit).map(DueWarning::label);
    let line = |due, status| Remediation { due: Some(due), status, ..Remediation::default() };
    let audit = Some(day(2027, 1, 15));
    assert_eq!(warning(&line(day(2026, 11, 1), Status::Open), today(), audit), Some("Overdue"));
    assert_eq!(warning(&line(day(2026, 11, 1), Status::InProgress), today(), None), Some("Overdue"));
    assert_eq!(warning(&line(day(2026, 11, 1), Status::Done), today(), audit), None);
    assert_eq!(warning(&line(today(), Status::Open), today(), audit), None, "due today is not late yet");
    assert_eq!(warning(&line(day(2027, 1, 16), Status::Open), today(), audit), Some("After the audit day"));
    assert_eq!(warning(&line(day(2027, 1, 15), Status::Open), today(), audit), None);
    // An audit already held: its date says nothing about due dates.
    assert_eq!(warning(&line(day(2026, 12, 1), Status::Open), today(), Some(day(2026, 11, 1))), None);
    assert_eq!(warning(&Remediation::default(), today(), audit), None);
}

#[test]
fn evidence_lapsing_before_the_audit_is_due_for_renewal_before_it_lapses() {
    use audit_readiness::domain::{EvidenceRecord, FindingKind};
    let catalog = Catalog::builtin();
    let mut assessment = all(catalog, Answer::Yes);
    assessment.audit_date = Some(day(2026, 12, 20));
    // Quarterly evidence from 2026-09-01 lapses on 2026-12-01, before the audit.
    let record = EvidenceRecord { what: "Quarterly performance review".into(), produced_on: Some(day(2026, 9, 1)), ..Default::default() };
    assessment.edit_evidence("A54-CTL-07", |list| list.push(record));
    let findings = all_findings(catalog, &assessment, today());
    let lapsing = finding_for(&findings, "A54-CTL-07");
    assert_eq!((lapsing.kind, lapsing.date), (FindingKind::ExpiresBeforeAudit, Some(day(2026, 12, 1))));
    // A minor's usual lead time would put it on 2026-12-07, after the evidence has lapsed.
    assert_eq!(plan_for(lapsing, &assessment, today()).due, Some(day(2026, 11, 30)));
}

#[test]
fn a_role_holder_leaving_before_the_audit_is_replaced_before_they_go() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let mut ben = a.register.person("p2").unwrap().clone();
    ben.leaving_date = Some(day(2026, 11, 30)); // in a week; the audit is in six weeks
    a.register.update_person(ben).unwrap();
    a.audit_date = Some(day(2027, 1, 4));
    let findings = all_findings(catalog, &a, today());
    for item in ["REG-ROLES-ASSIGNED", "REG-CURRENT-HOLDERS"] {
        let f = findings.iter().find(|f| f.item_id == item).unwrap_or_else(|| panic!("{item}: {findings:#?}"));
        assert_eq!(f.date, Some(day(2026, 11, 30)), "{item}");
        assert_eq!(plan_for(f, &a, today()).due, Some(day(2026, 11, 29)), "{item}: due the day before he leaves");
        // Not handed to Ben, who is the one leaving: someone who stays owns it.
        let owner = plan_for(f, &a, today()).owner;
        assert!(!owner.is_empty() && owner != "Ben Lindqvist", "{item}: {owner}");
    }
    // Another leaver already gone makes the finding's first date a past day: Ben's handover is
    // still due before he goes (founder pass: it fell due a month after).
    let mut dev = a.register.person("p4").unwrap().clone();
    dev.leaving_date = Some(day(2026, 11, 13));
    a.register.update_person(dev).unwrap();
    let findings = all_findings(catalog, &a, today());
    let f = finding_for(&findings, "REG-CURRENT-HOLDERS");
    assert_eq!((f.date, f.next_date), (Some(day(2026, 11, 13)), Some(day(2026, 11, 30))));
    assert_eq!(plan_for(f, &a, today()).due, Some(day(2026, 11, 29)));
    // Without a departure ahead, the usual lead time before the audit stands.
    let mut b = all(catalog, Answer::Yes);
    b.register.remove_assignment("a2").unwrap();
    b.audit_date = a.audit_date;
    let findings = all_findings(catalog, &b, today());
    let gap = findings.iter().find(|f| f.item_id == "REG-ROLES-ASSIGNED").unwrap();
    assert_eq!(plan_for(gap, &b, today()).due, Some(day(2026, 12, 5)));
}

#[test]
fn the_plan_says_what_its_suggested_due_dates_count_from() {
    use audit_readiness::domain::remediation::{default_due, due_dates_explained};
    use audit_readiness::domain::Severity;
    // Without an upcoming audit date, from today, with the same lead times as the dates themselves.
    let without = due_dates_explained(today(), None);
    assert!(without.starts_with("No upcoming audit date is set, so suggested due dates count from today"), "{without}");
    let major = (default_due(Severity::Major, today(), None) - today()).num_days();
    assert!(without.contains(&format!("majors in {major} days")), "{without}");
    // An audit today or past makes every date today, and says so (auditor probe: "no upcoming
    // audit date is set" beside dates of today, with the audit set for today).
    for audit in [today(), day(2026, 11, 1)] {
        assert_eq!(default_due(Severity::Major, today(), Some(audit)), today());
        assert_eq!(
            due_dates_explained(today(), Some(audit)),
            "The audit date is today or already past, so every suggested due date is today. Set the date of the next \
             audit on the dashboard to plan back from it."
        );
    }
    // With one ahead, back from the audit.
    let audit = day(2027, 3, 1);
    let with = due_dates_explained(today(), Some(audit));
    let major = (audit - default_due(Severity::Major, today(), Some(audit))).num_days();
    assert!(
        with.starts_with(&format!("Suggested due dates count back from the audit on 2027-03-01: majors {major} days before it")),
        "{with}"
    );
    // An audit too close for those lead times shares out the days left, and says so with the
    // days the dates use (interview pass: "sooner" beside dates that moved later).
    let close = today().checked_add_days(chrono::Days::new(14)).unwrap();
    let days = |severity| (close - default_due(severity, today(), Some(close))).num_days();
    assert_eq!(
        due_dates_explained(today(), Some(close)),
        format!(
            "Suggested due dates count back from the audit on {close}: majors {} days before it, minors {} days before it, \
             observations {} days before it. The \
             usual 30, 14 and 7 days before it do not fit in the 14 days left, so they are shortened, majors first (minors \
             that add up to a likely major are due as majors).",
            days(Severity::Major),
            days(Severity::Minor),
            days(Severity::Observation)
        )
    );
    assert_eq!((days(Severity::Major), days(Severity::Minor), days(Severity::Observation)), (10, 7, 3));
    // Two days away: one day before it, and the audit day itself (returning-user pass of stop 49:
    // "majors 1 days before it, minors 1, observations 0").
    let two = today().checked_add_days(chrono::Days::new(2)).unwrap();
    let text = due_dates_explained(today(), Some(two));
    assert!(
        text.starts_with(&format!(
            "Suggested due dates count back from the audit on {two}: majors 1 day before it, minors 1 day before it, \
             observations on the audit day. The usual"
        )),
        "{text}"
    );
}

#[test]
fn a_gap_that_is_part_of_a_major_is_due_with_it() {
    // Auditor probe: the record and authority gaps of a Clause 5.3 responsibility nobody can show
    // was assigned were due a month after the major they belong to.
    use audit_readiness::domain::systemic::urgency_in;
    let due = |f: &Finding, a: &Assessment| plan_due_as(f, urgency_in(f, None), a, today()).due;
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for assignment in a.register.assignments.iter_mut().filter(|x| x.role == RoleKind::IsmsConformance) {
        assignment.appointment_evidence.clear();
        assignment.appointed_on = None;
        assignment.authority_granted = false;
    }
    a.audit_date = Some(day(2027, 3, 1));
    let findings = all_findings(catalog, &a, today());
    let major = finding_for(&findings, "REG-ROLES-ASSIGNED");
    for part in ["REG-APPOINTMENT-EVIDENCE", "REG-AUTHORITY"] {
        let f = finding_for(&findings, part);
        assert_eq!(f.part_of.map(|p| p.item_id), Some("REG-ROLES-ASSIGNED"), "{part}");
        assert_eq!(due(f, &a), due(major, &a), "{part}");
    }
    // On its own, a minor is due later than a major.
    a.register.assignments.iter_mut().filter(|x| x.role == RoleKind::IsmsConformance).for_each(|x| {
        x.appointed_on = Some(day(2026, 1, 5));
        x.appointment_evidence = "Signed letter".into();
    });
    let findings = all_findings(catalog, &a, today());
    let alone = finding_for(&findings, "REG-AUTHORITY");
    assert!(alone.part_of.is_none());
    assert!(due(alone, &a) > due(major, &a));
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
