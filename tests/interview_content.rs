//! The interview question bank is valid content: unique IDs, every reference resolves (catalogue
//! items, RASCI rows, role codes), every role the auditor interviews has questions, and the
//! validator really catches each kind of mistake.

use audit_readiness::domain::interview::bank::COVERED_ROLES;
use audit_readiness::domain::interview::{Question, QuestionBank, QuestionText, Topic, ANY};
use audit_readiness::domain::roles::{responsibility, RoleKind};
use audit_readiness::domain::Catalog;
use std::collections::BTreeSet;

#[test]
fn the_builtin_bank_has_no_problems() {
    let bank = QuestionBank::builtin();
    assert_eq!(bank.validate(QuestionText::builtin(), Catalog::builtin()), Vec::<String>::new());
    assert!(bank.version >= 1);
    assert!(bank.questions.len() >= 20, "{} questions", bank.questions.len());
}

#[test]
fn ids_are_unique_and_every_reference_resolves() {
    let bank = QuestionBank::builtin();
    let catalog = Catalog::builtin();
    let ids: BTreeSet<&str> = bank.questions.iter().map(|q| q.id).collect();
    assert_eq!(ids.len(), bank.questions.len());
    for q in bank.questions {
        assert!(q.id.starts_with("IQ-"), "{}", q.id);
        assert!(q.items.iter().all(|i| catalog.item(i).is_some()), "{}", q.id);
        assert!(q.raci.iter().all(|r| responsibility(r).is_some()), "{}", q.id);
        assert!(q.roles.iter().all(|r| *r == ANY || RoleKind::from_code(r).is_some()), "{}", q.id);
        let text = q.text();
        assert_eq!(text.id, q.id);
        assert!(text.reference.starts_with("Clause") || text.reference.starts_with("A "), "{}: {}", q.id, text.reference);
        assert!(!text.talking_points.is_empty() && !text.evidence.is_empty(), "{}", q.id);
    }
}

#[test]
fn every_role_kind_the_auditor_interviews_has_questions_and_anyone_can_be_spot_checked() {
    let bank = QuestionBank::builtin();
    for role in COVERED_ROLES {
        let n = bank.questions.iter().filter(|q| q.asks_role(&role.code())).count();
        assert!(n >= 1, "no question for {}", role.code());
    }
    for role in [RoleKind::TopManagement, RoleKind::SecurityManager, RoleKind::ReviewTeamMember, RoleKind::ThirdPartyManager] {
        assert!(
            bank.questions.iter().any(|q| q.asks_role(&role.code()) && q.topic == Topic::Duties),
            "{} has no question about their own duties",
            role.code()
        );
    }
    let generic: Vec<Topic> = bank.questions.iter().filter(|q| q.for_everyone()).map(|q| q.topic).collect();
    for topic in Topic::SPOT_CHECK {
        assert!(generic.contains(&topic), "no generic question on {topic:?}");
    }
    // The two registers the brief names are asked about by their owners.
    let incident = bank.question("IQ-SM-INCIDENTS").unwrap();
    assert!(incident.raci.contains(&"incident-register") && incident.asks_role("security-manager"));
    let suppliers = bank.question("IQ-TP-REGISTER").unwrap();
    assert!(suppliers.raci.contains(&"supplier-register") && suppliers.asks_role("third-party-manager"));
    let audit = bank.question("IQ-SM-AUDIT").unwrap();
    assert!(audit.raci.contains(&"internal-audit") && audit.asks_role("security-manager"));
}

const fn question(
    id: &'static str,
    roles: &'static [&'static str],
    items: &'static [&'static str],
    raci: &'static [&'static str],
) -> Question {
    Question { id, title: "t", roles, topic: Topic::Duties, items, raci, follows_from: &[] }
}

const fn text(id: &'static str) -> QuestionText {
    QuestionText { id, reference: "Clause 5.3", question: "q?", talking_points: &["p"], evidence: &["e"], names_holders: &[] }
}

#[test]
fn validation_reports_duplicates_dangling_references_and_missing_roles() {
    static QUESTIONS: [Question; 6] = [
        question("IQ-X", &["any"], &["C53-PRE-01"], &[]),
        question("IQ-X", &["chief-wizard"], &["NOPE-01"], &["no-such-row"]),
        question("IQ-Y", &[], &[], &[]),
        question("IQ-Z", &["top-management"], &[], &["conformance"]),
        Question { follows_from: &["NOPE-02", "RC-01-PROOF"], ..question("IQ-W", &["any"], &["C53-PRE-01"], &[]) },
        Question { follows_from: &["A54-CTL-05"], ..question("IQ-V", &["top-management"], &["C53-PRE-01"], &[]) },
    ];
    let texts = [
        text("IQ-X"),
        QuestionText {
            question: "not a question",
            talking_points: &[],
            evidence: &[""],
            names_holders: &["top-management", "chief-of-staff"],
            ..text("IQ-Z")
        },
        text("IQ-GONE"),
    ];
    let bank = QuestionBank { version: 1, questions: &QUESTIONS };
    let problems = bank.validate(&texts, Catalog::builtin());
    for expected in [
        "duplicate question id IQ-X",
        "IQ-X: unknown role chief-wizard",
        "IQ-X: unknown catalogue item NOPE-01",
        "IQ-X: unknown RASCI row no-such-row",
        "IQ-Y: asked of no role",
        "IQ-Y: no text",
        "IQ-Y: related to no catalogue item or RASCI row",
        "IQ-Z: the question does not end with a question mark",
        "IQ-Z: no talking points, or an empty one",
        "IQ-Z: no evidence hints, or an empty one",
        "IQ-Z: names the holders of an unknown role chief-of-staff",
        "text IQ-GONE belongs to no question",
        "no question for the role security-manager",
        "no question for the role third-party-manager",
        "no question for everyone on the spot-check topic Policy",
        "IQ-W: follows from an unknown catalogue item NOPE-02",
        "IQ-W: follows from RC-01-PROOF, which the rehearsals themselves judge",
        "IQ-V: a root cause on a question not asked of anyone",
    ] {
        assert!(problems.contains(&expected.to_string()), "{expected} not in {problems:?}");
    }
    assert!(!problems.iter().any(|p| p.contains("top-management")), "{problems:?}");
    assert!(!problems.iter().any(|p| p.contains("names the holders of an unknown role top")), "{problems:?}");
}

#[test]
fn the_pre_audit_interview_item_is_derived_from_the_rehearsals() {
    use audit_readiness::domain::catalog::Source;
    let catalog = Catalog::builtin();
    let item = catalog.item("C53-PRE-06").unwrap();
    assert_eq!(item.source, Source::Interviews);
    assert!(item.is_derived() && !item.is_register());
    let derived: Vec<&str> = catalog.items.iter().filter(|i| i.source == Source::Interviews).map(|i| i.id).collect();
    assert_eq!(derived, ["C53-PRE-06"]);
}
