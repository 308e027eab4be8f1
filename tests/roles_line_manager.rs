//! A person's own line manager: the performance reporter may report to someone who holds no
//! ISMS role (a VP between them and the CEO), and the line still reaches top management. The
//! line manager is kept whole like every other reference: named before removal, cleared with it.

mod support;

use audit_readiness::domain::roles::org::{managers_of, reaches_top_management, reporting_tree};
use audit_readiness::domain::roles::{checks::reporting, Person, Register, RegisterError};
use chrono::Months;
use support::{person, today, valid_register};

/// The valid register with Vic, a VP with no ISMS role who reports to Ada, the CEO; Ben's roles
/// (he is the performance reporter) report to Vic, or as before to Ada.
fn with_vp(ben_reports_to_vp: bool) -> Register {
    let mut r = valid_register(today());
    let start = today().checked_sub_months(Months::new(20)).unwrap();
    r.add_person(Person { reports_to: Some("p1".into()), ..person("p6", "Vic Oduya", "VP Engineering", start, false) }).unwrap();
    for a in r.assignments.iter_mut().filter(|a| a.person_id == "p2" && ben_reports_to_vp) {
        a.reports_to = Some("p6".to_string());
    }
    r
}

fn set_line_manager(r: &mut Register, id: &str, manager: Option<&str>) -> Result<(), RegisterError> {
    let mut p = r.person(id).unwrap().clone();
    p.reports_to = manager.map(str::to_string);
    r.update_person(p)
}

#[test]
fn a_line_manager_without_an_isms_role_carries_the_line_to_top_management() {
    let r = with_vp(true);
    assert!(reaches_top_management(&r, "p2", today()));
    assert_eq!(reporting::problems(&r, today()), vec![]);
    // The chart draws Vic under Ada and Ben under Vic.
    let tree = reporting_tree(&r, today());
    let node = |id: &str| tree.iter().find(|n| n.person_id == id).unwrap();
    assert_eq!((node("p6").reports_to.as_deref(), node("p6").depth), (Some("p1"), 1));
    assert_eq!((node("p2").reports_to.as_deref(), node("p2").depth), (Some("p6"), 2));
}

#[test]
fn without_the_vps_own_line_the_reporter_reaches_only_the_vp() {
    let mut r = with_vp(true);
    set_line_manager(&mut r, "p6", None).unwrap();
    let found: Vec<String> = reporting::problems(&r, today()).into_iter().map(|p| p.text).collect();
    assert_eq!(found.len(), 1);
    assert!(found[0].contains("it reaches only Ben Lindqvist, Vic Oduya and goes no higher"), "{}", found[0]);
}

#[test]
fn a_persons_own_line_manager_comes_first_and_roles_add_theirs() {
    let mut r = with_vp(false);
    // Ben's roles report to Ada; his own line manager is Vic.
    set_line_manager(&mut r, "p2", Some("p6")).unwrap();
    assert_eq!(managers_of(&r, "p2"), vec!["p6", "p1"]);
    // The chart hangs him under his line manager.
    let tree = reporting_tree(&r, today());
    assert_eq!(tree.iter().find(|n| n.person_id == "p2").unwrap().reports_to.as_deref(), Some("p6"));
}

#[test]
fn a_line_manager_must_be_someone_else_in_the_register() {
    let mut r = with_vp(true);
    assert_eq!(set_line_manager(&mut r, "p6", Some("p6")), Err(RegisterError::PersonReportsToSelf("p6".into())));
    assert_eq!(set_line_manager(&mut r, "p6", Some("p99")), Err(RegisterError::UnknownPerson("p99".into())));
    assert_eq!(r.person("p6").unwrap().reports_to.as_deref(), Some("p1"), "a refused change changes nothing");
    assert_eq!(RegisterError::PersonReportsToSelf("p6".into()).to_string(), "Person p6: nobody can be their own line manager.");
}

#[test]
fn removing_a_line_manager_names_the_reference_and_can_clear_it() {
    let mut r = with_vp(true);
    let uses = r.uses_of("p6");
    assert!(uses.contains(&"Ben Lindqvist (Information security manager (ISMS owner)) reports to them".to_string()), "{uses:?}");
    let ada = r.uses_of("p1");
    assert!(ada.contains(&"Vic Oduya has them as line manager".to_string()), "{ada:?}");
    assert!(matches!(r.remove_person("p1"), Err(RegisterError::PersonInUse { .. })));
    r.remove_person_and_references("p6").unwrap();
    assert!(r.assignments.iter().all(|a| a.reports_to.as_deref() != Some("p6")));
    let mut r = with_vp(true);
    r.remove_person_and_references("p1").unwrap();
    assert_eq!(r.person("p6").unwrap().reports_to, None);
}

#[test]
fn the_stored_format_leaves_out_an_unset_line_manager_and_reads_old_people() {
    let r = valid_register(today());
    let json = serde_json::to_string(&r.people).unwrap();
    assert!(!json.contains("reports_to"), "people without a line manager store no key: {json}");
    let back: Register = serde_json::from_str(&serde_json::to_string(&r).unwrap()).unwrap();
    assert_eq!(back, r);
    let old: Person = serde_json::from_str(r#"{"id":"p1","name":"Ada","job_title":"CEO","top_management":true}"#).unwrap();
    assert_eq!(old.reports_to, None);
    let vp = with_vp(true);
    let json = serde_json::to_string(vp.person("p6").unwrap()).unwrap();
    assert!(json.contains(r#""reports_to":"p1""#), "{json}");
}
