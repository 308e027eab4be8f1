//! Owners named in free text whom the roles register has leaving: a plan line's owner before
//! it is due, an evidence record's owner before the audit.

mod support;

use audit_readiness::domain::owner_leaving::{absence, evidence_owner_warning, plan_owner_warning, Absence};
use chrono::{Days, NaiveDate};
use support::{today, valid_register};

fn days(n: u64) -> NaiveDate {
    today().checked_add_days(Days::new(n)).unwrap()
}

fn days_ago(n: u64) -> NaiveDate {
    today().checked_sub_days(Days::new(n)).unwrap()
}

/// The valid register with Dev Patel leaving on `on`.
fn dev_leaving(on: NaiveDate) -> audit_readiness::domain::roles::Register {
    let mut r = valid_register(today());
    r.people.iter_mut().find(|p| p.id == "p4").unwrap().leaving_date = Some(on);
    r
}

#[test]
fn a_plan_owner_leaving_before_the_line_is_due_is_flagged_and_one_leaving_after_is_not() {
    let register = dev_leaving(days(20));
    let warning = plan_owner_warning("Dev Patel", &register, today(), days(30)).unwrap();
    assert!(warning.starts_with(&format!("Dev Patel leaves on {}, before this is due", days(20))), "{warning}");
    // Their first day gone is the due day: nobody is there to do it.
    assert_eq!(
        plan_owner_warning("Dev Patel", &register, today(), days(20)).unwrap(),
        format!("Dev Patel leaves on {}, the day this is due (roles register): hand it to someone who stays.", days(20))
    );
    assert_eq!(plan_owner_warning("Dev Patel", &register, today(), days(19)), None);
    // Someone who stays, and a name the register does not know, are left alone.
    assert_eq!(plan_owner_warning("Ben Lindqvist", &register, today(), days(30)), None);
    assert_eq!(plan_owner_warning("Our auditor", &register, today(), days(30)), None);
    assert_eq!(plan_owner_warning("", &register, today(), days(30)), None);
}

#[test]
fn an_owner_who_has_left_is_flagged_whatever_the_case_or_spacing_of_the_name() {
    let register = dev_leaving(days_ago(3));
    let warning = plan_owner_warning("  dev   PATEL ", &register, today(), days(30)).unwrap();
    assert_eq!(warning, format!("Dev Patel left on {} (roles register): hand this to someone who works here.", days_ago(3)));
    // A line already overdue is flagged too.
    assert!(plan_owner_warning("Dev Patel", &register, today(), days_ago(10)).is_some());
    assert_eq!(absence("Dev Patel", &register, today(), days(30)), Some(("Dev Patel".to_string(), Absence::Left(days_ago(3)))));
}

#[test]
fn an_evidence_owner_is_judged_by_the_audit_ahead_or_else_today() {
    let register = dev_leaving(days(20));
    // No audit ahead: they still work here today.
    assert_eq!(evidence_owner_warning("Dev Patel", &register, today(), None), None);
    assert_eq!(evidence_owner_warning("Dev Patel", &register, today(), Some(days_ago(5))), None, "an audit already held");
    let warning = evidence_owner_warning("Dev Patel", &register, today(), Some(days(40))).unwrap();
    assert!(warning.contains("before the audit") && warning.contains("name who will show this record then"), "{warning}");
    assert_eq!(evidence_owner_warning("Dev Patel", &register, today(), Some(days(10))), None, "they are still here on audit day");
    let left = dev_leaving(days_ago(1));
    let warning = evidence_owner_warning("Dev Patel", &left, today(), None).unwrap();
    assert!(warning.ends_with("name who keeps this record now."), "{warning}");
}

#[test]
fn a_name_two_people_share_is_not_flagged() {
    let mut register = dev_leaving(days_ago(3));
    let mut namesake = register.people.iter().find(|p| p.id == "p4").unwrap().clone();
    namesake.id = "p9".into();
    namesake.leaving_date = None;
    register.people.push(namesake);
    assert_eq!(plan_owner_warning("Dev Patel", &register, today(), days(30)), None);
}

#[test]
fn an_owner_who_starts_after_the_day_that_matters_is_flagged_and_one_starting_before_it_is_not() {
    let mut register = valid_register(today());
    register.people.iter_mut().find(|p| p.id == "p4").unwrap().start_date = Some(days(40));
    let warning = plan_owner_warning("Dev Patel", &register, today(), days(10)).unwrap();
    assert_eq!(
        warning,
        format!("Dev Patel starts on {}, after this is due (roles register): hand it to someone who works here.", days(40))
    );
    assert_eq!(plan_owner_warning("Dev Patel", &register, today(), days(50)), None, "here by the due date");
    // An evidence record: with no audit ahead, judged today; with one, on audit day.
    assert!(evidence_owner_warning("Dev Patel", &register, today(), None).unwrap().ends_with("name who keeps this record until then."));
    assert_eq!(evidence_owner_warning("Dev Patel", &register, today(), Some(days(60))), None);
}

#[test]
fn a_first_name_alone_is_matched_when_one_person_has_it() {
    let mut register = dev_leaving(days_ago(3));
    assert!(plan_owner_warning("dev", &register, today(), days(30)).unwrap().starts_with("Dev Patel left on"));
    assert_eq!(plan_owner_warning("Patel", &register, today(), days(30)), None, "a surname alone is not matched");
    assert_eq!(plan_owner_warning("Dev P", &register, today(), days(30)), None, "nor part of a name");
    // A second Dev who stays: "Dev" may be either.
    let mut other = register.people.iter().find(|p| p.id == "p4").unwrap().clone();
    (other.id, other.name, other.leaving_date) = ("p9".into(), "Dev Ramos".into(), None);
    register.people.push(other);
    assert_eq!(plan_owner_warning("Dev", &register, today(), days(30)), None);
    assert!(plan_owner_warning("Dev Patel", &register, today(), days(30)).is_some(), "the full name still is");
}

#[test]
fn the_reports_say_beside_an_owner_that_the_register_has_them_gone() {
    // Founder pass: the downloaded gap report read "Dev" as a line's owner and an evidence
    // record's, with no word that Dev Patel had left; the board's copy names nobody.
    use audit_readiness::domain::export::{html, markdown, Profile, Report};
    use audit_readiness::domain::findings::all_findings;
    use audit_readiness::domain::remediation::edit_plan_due_as;
    use audit_readiness::domain::{Answer, Catalog, EvidenceRecord, Severity};
    let catalog = Catalog::builtin();
    let mut a = support::all(catalog, Answer::Yes);
    a.register = dev_leaving(days_ago(3));
    let gap = catalog.items.iter().find(|i| i.finding == Severity::Minor && !i.is_derived() && i.within.is_none()).unwrap();
    a.set_answer(gap.id, Answer::No, today());
    let findings = all_findings(catalog, &a, today());
    let f = findings.iter().find(|f| f.item_id == gap.id).unwrap();
    edit_plan_due_as(f, f.severity, &mut a, today(), |line| line.owner = "Dev".into());
    let record = EvidenceRecord { what: "Signed roles document".into(), owner: "Dev Patel".into(), ..Default::default() };
    a.responses.get_mut("C53-PRE-01").unwrap().evidence.push(record);
    let full = markdown::render(&Report::new(catalog, &a, today()));
    assert!(full.contains(&format!("| Dev (Dev Patel left on {}) |", days_ago(3))), "the plan line's owner");
    assert!(full.contains(&format!("| Dev Patel (left on {}) |", days_ago(3))), "the evidence record's owner");
    let page = html::render(&Report::new(catalog, &a, today()));
    let at = page.find("Dev (Dev Patel").expect("in the HTML report");
    // Its date kept whole, as every date in the HTML report is.
    assert!(
        page[at..].starts_with(&format!("Dev (Dev Patel left on <span class=\"date\">{}</span>)", days_ago(3))),
        "{}",
        &page[at..at + 80]
    );
    let board = markdown::render(&Report::new(catalog, &a, today()).redacted(Profile::Board));
    assert!(!board.contains("Patel") && !board.contains("Dev ("), "the board's copy names nobody");
}
