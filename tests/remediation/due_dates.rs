//! Due dates: overdue, too late for the audit, renewals and leavers before it, what they count from, due with a major.

use crate::support::{all, day, today};
use crate::{finding_for, plan_for};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::remediation::{plan_due_as, Status};
use audit_readiness::domain::roles::RoleKind;
use audit_readiness::domain::{Answer, Assessment, Catalog, Finding};

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
