//! Which questions a card holds: by role, RASCI letter and the top management flag; the holders it should name.

use crate::support::{day, person, today};
use crate::{card, ids, with_register};
use audit_readiness::domain::interview::{self, cue_card, QuestionBank, Topic};
use audit_readiness::domain::roles::{Assignment, Raci, RoleKind};
use std::collections::BTreeSet;

fn generic_ids() -> Vec<&'static str> {
    QuestionBank::builtin().questions.iter().filter(|q| q.for_everyone()).map(|q| q.id).collect()
}

#[test]
fn a_person_without_roles_gets_the_generic_employee_card() {
    let mut a = with_register();
    a.register.add_person(person("p6", "Fay Ortiz", "Support engineer", day(2025, 1, 6), false)).unwrap();
    let c = card(&a, "p6");
    assert!(c.generic);
    assert!(c.roles.is_empty());
    assert_eq!(ids(&c), generic_ids());
    let topics: BTreeSet<Topic> = c.questions.iter().map(|q| q.question.topic).collect();
    assert_eq!(topics, Topic::SPOT_CHECK.into_iter().collect());
    assert!(c.questions.iter().all(|q| q.reasons == ["Asked of anyone who works here"]));
    assert!(cue_card(QuestionBank::builtin(), &a, &[], "nobody", today()).is_none());
    // The card keeps the checklist's gaps for whoever prepares them; the brief handed to the
    // employee does not (founder pass: internal jargon in a junior engineer's brief).
    assert!(c.questions.iter().any(|q| !q.unanswered.is_empty()), "the blank checklist leaves questions open");
    let brief = audit_readiness::domain::interview::brief::markdown("", &c, None, &[], today(), today());
    assert!(brief.contains("## Questions to expect") && brief.contains("## Evidence to bring"), "{brief}");
    assert!(!brief.contains("Open gap") && !brief.contains("Not answered yet"), "{brief}");
}

#[test]
fn the_security_managers_card_holds_the_incident_register_and_audit_programme() {
    let c = card(&with_register(), "p2");
    assert_eq!(c.name, "Ben Lindqvist");
    assert!(!c.generic);
    assert!(c.roles.contains(&"Information security manager (ISMS owner)".to_string()));
    // Keeping conflicting duties apart (A 5.3) is asked of the ISMS owner too, not only of the
    // internal auditor (lead-implementer pass of stop 45).
    for id in
        ["IQ-SM-DUTIES", "IQ-SM-SEGREGATION", "IQ-SM-INCIDENTS", "IQ-SM-AUDIT", "IQ-SM-CONFORMANCE", "IQ-SM-REPORTING", "IQ-RT-DUTIES"]
    {
        assert!(ids(&c).contains(&id), "{id} missing from {:?}", ids(&c));
    }
    // The CEO is asked about Clause 5.1 b), f), g) and h) too: security in the business's
    // processes, improvement, and directing and supporting people.
    let ceo = card(&with_register(), "p1");
    for id in ["IQ-TM-INTEGRATION", "IQ-TM-SUPPORT"] {
        assert!(ids(&ceo).contains(&id), "{id} missing from {:?}", ids(&ceo));
    }
    // Role questions come before the ones anyone may be asked, and nobody else's role questions appear.
    let first_generic = ids(&c).iter().position(|id| id.starts_with("IQ-ANY")).unwrap();
    assert!(ids(&c)[first_generic..].iter().all(|id| id.starts_with("IQ-ANY")));
    assert!(!ids(&c).contains(&"IQ-TP-DUTIES") && !ids(&c).contains(&"IQ-IA-FINDINGS"));
    let incidents = c.questions.iter().find(|q| q.question.id == "IQ-SM-INCIDENTS").unwrap();
    assert_eq!(incidents.reasons, ["Information security manager (ISMS owner)"]);
    // Ben's role is Accountable for the supplier register, so he is asked about it too.
    let suppliers = c.questions.iter().find(|q| q.question.id == "IQ-TP-REGISTER").expect("asked through the RASCI row");
    assert_eq!(suppliers.reasons, ["Information security manager (ISMS owner): Accountable for keeping the third-party supplier register"]);
}

#[test]
fn a_third_party_managers_card_includes_the_supplier_register() {
    let c = card(&with_register(), "p4");
    assert_eq!(c.name, "Dev Patel");
    for id in ["IQ-TP-DUTIES", "IQ-TP-REGISTER", "IQ-TP-REPORT", "IQ-AT-DUTIES", "IQ-RO-DUTIES"] {
        assert!(ids(&c).contains(&id), "{id} missing from {:?}", ids(&c));
    }
    assert!(!ids(&c).contains(&"IQ-SM-AUDIT"), "Dev is not responsible for the internal audit programme");
    let suppliers = c.questions.iter().find(|q| q.question.id == "IQ-TP-REGISTER").unwrap();
    assert_eq!(suppliers.reasons, ["Third-party manager"]);
    // Eli audits: the internal audit programme comes with his role, not only through the RASCI row.
    let eli = card(&with_register(), "p5");
    assert!(ids(&eli).contains(&"IQ-SM-AUDIT"));
}

#[test]
fn rasci_rows_held_as_responsible_or_accountable_add_their_questions_other_letters_do_not() {
    let mut a = with_register();
    a.register.add_person(person("p6", "Fay Ortiz", "Procurement", day(2025, 1, 6), false)).unwrap();
    let steward = RoleKind::Custom("Vendor steward".into());
    a.register.add_assignment(Assignment::new("a20", steward.clone(), "p6")).unwrap();
    assert!(!ids(&card(&a, "p6")).contains(&"IQ-TP-REGISTER"), "a custom role alone asks only the generic questions");
    a.register.set_raci("supplier-register", &steward, Some(Raci::Consulted)).unwrap();
    assert!(!ids(&card(&a, "p6")).contains(&"IQ-TP-REGISTER"));
    a.register.set_raci("supplier-register", &steward, Some(Raci::Responsible)).unwrap();
    let c = card(&a, "p6");
    assert!(!c.generic);
    assert_eq!(c.roles, ["Vendor steward"]);
    let q = c.questions.iter().find(|q| q.question.id == "IQ-TP-REGISTER").expect("asked through the RASCI row");
    assert_eq!(q.reasons, ["Vendor steward: Responsible for keeping the third-party supplier register"]);
}

#[test]
fn the_top_management_flag_alone_brings_the_leadership_questions() {
    let mut a = with_register();
    a.register.add_person(person("p6", "Gus Hale", "Chair", day(2024, 1, 1), true)).unwrap();
    let c = card(&a, "p6");
    assert_eq!(c.roles, ["Top management"]);
    assert!(ids(&c).contains(&"IQ-TM-DUTIES") && ids(&c).contains(&"IQ-TM-REVIEW"));
}

#[test]
fn a_card_names_from_the_register_the_holders_its_answer_should_name() {
    let mut a = with_register();
    // The CEO is asked who keeps the ISMS conforming and who reports on it: the card says.
    let ceo = card(&a, "p1");
    let duties = ceo.questions.iter().find(|q| q.question.id == "IQ-TM-DUTIES").unwrap();
    assert_eq!(
        duties.holders,
        ["ISMS conformance owner (Clause 5.3, item a): Ben Lindqvist", "ISMS performance reporter (Clause 5.3, item b): Ben Lindqvist"]
    );
    // Everyone is asked whom they report an incident to: the incident lead and the security manager.
    let dev = card(&a, "p4");
    let incident = dev.questions.iter().find(|q| q.question.id == "IQ-ANY-INCIDENT").unwrap();
    assert_eq!(incident.holders, ["Incident lead: Cara Mendes", "Information security manager (ISMS owner): Ben Lindqvist"]);
    // A question whose answer names nobody lists nobody.
    assert!(ceo.questions.iter().filter(|q| q.question.text().names_holders.is_empty()).all(|q| q.holders.is_empty()));
    // A holder leaving soon is named with the day; one who has left, or a role nobody holds, is said plainly.
    a.register.people.iter_mut().find(|p| p.id == "p2").unwrap().leaving_date = Some(day(2027, 1, 31));
    let duties = card(&a, "p1").questions.into_iter().find(|q| q.question.id == "IQ-TM-DUTIES").unwrap();
    assert_eq!(duties.holders[0], "ISMS conformance owner (Clause 5.3, item a): Ben Lindqvist (leaves on 2027-01-31)");
    a.register.people.iter_mut().find(|p| p.id == "p2").unwrap().leaving_date = Some(today());
    let duties = card(&a, "p1").questions.into_iter().find(|q| q.question.id == "IQ-TM-DUTIES").unwrap();
    assert_eq!(
        duties.holders,
        [
            "ISMS conformance owner (Clause 5.3, item a): nobody who works here holds it",
            "ISMS performance reporter (Clause 5.3, item b): nobody who works here holds it"
        ]
    );
    // The person asked is "you"; with an audit date, a holder gone by then is said to be, and a
    // starter who holds the role by then is named.
    let eli = card(&a, "p5");
    let audit = eli.questions.iter().find(|q| q.question.id == "IQ-IA-DUTIES").unwrap();
    assert_eq!(audit.holders, ["Internal auditor: you (Eli Novak)"]);
    a.audit_date = Some(day(2027, 3, 1));
    a.register.people.iter_mut().find(|p| p.id == "p2").unwrap().leaving_date = Some(day(2027, 1, 31));
    a.register.add_person(person("p6", "Nia Sato", "Engineer", day(2027, 1, 4), false)).unwrap();
    a.register.add_assignment(Assignment::new("a13", RoleKind::IsmsConformance, "p6")).unwrap();
    let duties = card(&a, "p1").questions.into_iter().find(|q| q.question.id == "IQ-TM-DUTIES").unwrap();
    assert_eq!(
        duties.holders[0],
        "ISMS conformance owner (Clause 5.3, item a): Ben Lindqvist (leaves on 2027-01-31, before the audit), Nia Sato (starts on 2027-01-04)"
    );
    a.audit_date = None;
    a.register.people.iter_mut().find(|p| p.id == "p2").unwrap().leaving_date = Some(today());
    a.register.assignments.retain(|x| x.id != "a13");
    // The downloaded brief carries the same lines.
    let brief = interview::brief::markdown("", &card(&a, "p1"), None, &[], today(), today());
    assert!(
        brief.contains("- **In the register:** ISMS conformance owner (Clause 5.3, item a): nobody who works here holds it\n"),
        "{brief}"
    );
}

#[test]
fn a_question_put_to_top_management_is_not_put_to_whoever_prepares_its_decision() {
    // The second founder pass: the security manager, Responsible for approving policies in the
    // RASCI matrix, was coached on "As a member of top management, what do you personally do".
    let mut a = with_register();
    a.register.set_raci("policy-approval", &RoleKind::SecurityManager, Some(Raci::Responsible)).unwrap();
    assert!(!ids(&card(&a, "p2")).contains(&"IQ-TM-DUTIES"));
    assert!(ids(&card(&a, "p1")).contains(&"IQ-TM-DUTIES"), "top management is still asked");
}
