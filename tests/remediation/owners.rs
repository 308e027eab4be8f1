//! Suggested owners: the item's usual role, its current holder, the fallbacks, leavers, and the user's own owner.

use crate::support::{all, day, today, valid_register};
use crate::{edit_plan, finding_for, plan_for};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::remediation::{owner_is_suggested, suggested_owner, Status};
use audit_readiness::domain::roles::RoleKind;
use audit_readiness::domain::{Answer, Catalog};

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
