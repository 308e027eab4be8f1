//! One practice, one nonconformity: the statements one document must contain, and the signs of one shortfall.

use crate::support::{all, today};
use crate::{adds_up, all_yes_but, minor_practices, practices_in, score};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::systemic::{missing_under, one_short, AT_LEAST};
use audit_readiness::domain::{Answer, Catalog, Item, Points, Verdict};

#[test]
fn a_document_partly_in_place_is_raised_with_the_statements_it_lacks() {
    // Auditor probe: the roles document partly in place and its statements missing (concrete
    // tasks, the CEO's duties) read a minor each, where an auditor writes one against Clause 5.3.
    let catalog = Catalog::builtin();
    let mut statements: Vec<_> = catalog.items.iter().filter(|i| i.in_text && i.within == Some("C53-PRE-01")).map(|i| i.id).collect();
    statements.sort_unstable();
    assert_eq!(statements, ["C53-KEY-01", "C53-PLAY-02"]);
    assert!(catalog.item("C53-PRE-01").unwrap().holds_statements);
    let mut answers: Vec<_> = statements.iter().map(|id| (*id, Answer::No)).collect();
    answers.push(("C53-PRE-01", Answer::Partly));
    let a = all_yes_but(&answers);
    let findings = all_findings(catalog, &a, today());
    let s = compute(catalog, &a, &findings);
    assert_eq!((s.majors, s.minors), (0, 1), "{findings:#?}");
    let document = findings.iter().find(|f| f.item_id == "C53-PRE-01").unwrap();
    assert!(document.stands_alone(), "the document leads");
    assert!(document.explanation.ends_with("one nonconformity, fixed by one revision."), "{}", document.explanation);
    for id in &statements {
        let f = findings.iter().find(|f| f.item_id == *id).unwrap();
        assert_eq!(f.part_of.map(|p| (p.item_id, p.raised_with.is_some())), Some(("C53-PRE-01", true)), "{id}");
        assert!(f.cost > Points::ZERO, "{id} still costs its points");
        assert!(document.explanation.contains(&format!("“{}”", f.item.title)), "{}", document.explanation);
    }
    // The document in place: the statements it lacks are one nonconformity among themselves.
    let a = all_yes_but(&statements.iter().map(|id| (*id, Answer::No)).collect::<Vec<_>>());
    let s = score(&a);
    assert_eq!((s.majors, s.minors), (0, 1));
    // The document answered no contains their gaps: one major.
    answers.pop();
    answers.push(("C53-PRE-01", Answer::No));
    let s = score(&all_yes_but(&answers));
    assert_eq!((s.majors, s.minors), (1, 0));
    // The policy's approval partly given is no text the policy lacks: a finding of its own beside
    // its missing statements (third auditor probe: "the same document also lacks “Policy
    // approved by top management”").
    assert!(!catalog.item("C52-POL-08").unwrap().holds_statements);
    let policy = all_yes_but(&[("C52-POL-08", Answer::Partly), ("C52-POL-02", Answer::No), ("C52-POL-03", Answer::No)]);
    let findings = all_findings(catalog, &policy, today());
    let approval = findings.iter().find(|f| f.item_id == "C52-POL-08").unwrap();
    assert!(approval.stands_alone() && !approval.explanation.contains("also lacks"), "{}", approval.explanation);
    assert_eq!(compute(catalog, &policy, &findings).minors, 2);
}

#[test]
fn statements_one_document_must_contain_are_one_practice() {
    let catalog = Catalog::builtin();
    let statements: Vec<_> = catalog.items.iter().filter(|i| i.in_text && i.within == Some("C52-POL-08")).collect();
    assert!(statements.len() >= AT_LEAST, "the policy's statements");
    // The policy without every statement it must contain: one document to revise, one practice,
    // one nonconformity (auditor probe: a minor per statement), each still costing its points.
    let a = all_yes_but(&statements.iter().map(|i| (i.id, Answer::No)).collect::<Vec<_>>());
    let findings = all_findings(catalog, &a, today());
    let s = compute(catalog, &a, &findings);
    assert_eq!((s.minors, s.verdict), (1, Verdict::NearlyReady));
    let (lead, rest) = (&findings.iter().find(|f| f.item_id == statements[0].id).unwrap(), &statements[1..]);
    assert!(lead.stands_alone() && lead.explanation.ends_with("one nonconformity, fixed by one revision."), "{}", lead.explanation);
    for item in rest {
        let f = findings.iter().find(|f| f.item_id == item.id).unwrap();
        assert!(lead.explanation.contains(&format!("“{}”", item.title)), "{}", lead.explanation);
        assert_eq!(f.part_of.map(|p| (p.item_id, p.raised_with.is_some())), Some((lead.item_id, true)), "{}", item.id);
        assert!(f.cost > Points::ZERO, "{} still costs its points", item.id);
        assert!(f.explanation.starts_with(&format!("Raised with “{}”", lead.item.title)), "{}", f.explanation);
        assert_eq!(f.predicted_text(), format!("Raised with “{}” ({})", lead.item.title, lead.reference));
    }
    // Named in one sentence, "“A”, “B” and “C”".
    assert_eq!(lead.explanation.matches("The same document also lacks").count(), 1, "{}", lead.explanation);
    // Statements not answered yet (or "not sure") are not known to be missing: not joined, and
    // nothing "lacks" them (founder pass: a fresh app said the policy lacked three statements).
    let unsure = all_yes_but(&statements.iter().map(|i| (i.id, Answer::NotSure)).collect::<Vec<_>>());
    let findings = all_findings(catalog, &unsure, today());
    for item in &statements {
        let f = findings.iter().find(|f| f.item_id == item.id).unwrap();
        assert!(f.stands_alone() && !f.explanation.contains("also lacks"), "{}: {}", item.id, f.explanation);
    }
    assert!(!adds_up(&s, "Clause 5.2"), "{:?}", s.adding_up);
    // Clause 5.2's practices: that document's statements once, and the others each.
    let of = minor_practices("Clause 5.2").len() - statements.len() + 1;
    // Not communicated, not available and not controlled either: four of its practices missing.
    let mut answers: Vec<_> = statements.iter().map(|i| (i.id, Answer::No)).collect();
    answers.extend([("C52-POL-05", Answer::No), ("C52-POL-06", Answer::No), ("C52-POL-07", Answer::No)]);
    let s = score(&all_yes_but(&answers));
    let group = s.adding_up.iter().find(|g| g.requirement == "Clause 5.2").expect("Clause 5.2 adds up");
    assert_eq!((group.open, group.of, s.verdict), (4, of, Verdict::NotReady));
    // The dashboard still lists each missing question under it.
    let listed = missing_under(group, catalog, &all_findings(catalog, &all_yes_but(&answers), today()));
    assert_eq!(listed.len(), answers.len());
}

#[test]
fn signs_of_one_shortfall_are_one_nonconformity() {
    let catalog = Catalog::builtin();
    let signs: Vec<&Item> = catalog.items.iter().filter(|i| i.raised_as_one.is_some()).collect();
    let ids: Vec<&str> = signs.iter().map(|i| i.id).collect();
    // Leadership that never tells staff security matters: Clause 5.1 d) asked, its reality check,
    // and three A 5.4 controls (auditor probe: up to five minors where an auditor writes one).
    assert_eq!(ids, ["C51-DUTY-04", "A54-CTL-03", "A54-CTL-04", "A54-CTL-08", "RC-08-PROOF"]);
    let a = all_yes_but(&ids.iter().map(|id| (*id, Answer::No)).collect::<Vec<_>>());
    let findings = all_findings(catalog, &a, today());
    let s = compute(catalog, &a, &findings);
    assert_eq!((s.minors, s.majors, s.verdict), (1, 0, Verdict::NearlyReady));
    let lead = findings.iter().find(|f| f.item_id == "C51-DUTY-04").unwrap();
    assert!(lead.stands_alone(), "{}", lead.explanation);
    assert!(
        lead.explanation.ends_with(
            "Raised with “Signed management commitment statement”, “Live security briefing by management”, “Log of \
             management security communications” and “Leaders write their own messages” as one nonconformity: the same \
             shortfall in how leadership shows staff that security matters (Clause 5.1 d), A 5.4)."
        ),
        "{}",
        lead.explanation
    );
    for id in &ids[1..] {
        let f = findings.iter().find(|f| f.item_id == *id).unwrap();
        assert_eq!(f.part_of.map(|p| (p.item_id, p.raised_with.is_some())), Some(("C51-DUTY-04", true)), "{id}");
        assert!(f.cost > Points::ZERO, "{id} still costs its points");
        assert!(
            f.explanation
                .starts_with("Raised with “Leaders explain why security matters” (Clause 5.1 d)) as one nonconformity: the same shortfall"),
            "{}",
            f.explanation
        );
        assert!(f.explanation.contains("though this costs its points until it is in place"), "{}", f.explanation);
    }
    // One practice under each requirement they cite when minors add up: with three more A 5.4
    // controls missing, four of its practices, not eight, one short of adding up.
    let mut answers: Vec<_> = ids.iter().map(|id| (*id, Answer::No)).collect();
    answers.extend([("A54-CTL-01", Answer::No), ("A54-CTL-02", Answer::No), ("A54-CTL-05", Answer::No)]);
    let four = all_yes_but(&answers);
    assert!(!adds_up(&score(&four), "A 5.4"));
    let short = one_short(catalog, &all_findings(catalog, &four, today()));
    let a54 = short.iter().find(|g| g.requirement == "A 5.4").expect("A 5.4 one short");
    assert_eq!((a54.open, a54.of), (4, practices_in(&minor_practices("A 5.4"))));
    assert_eq!(a54.of, minor_practices("A 5.4").len() - 3, "four signs cite A 5.4");
    // With the lead in place the next one carries the rest.
    let mut answers: Vec<_> = ids.iter().map(|id| (*id, Answer::No)).collect();
    answers[0].1 = Answer::Yes;
    let findings = all_findings(catalog, &all_yes_but(&answers), today());
    let next = findings.iter().find(|f| f.item_id == "A54-CTL-03").unwrap();
    assert!(next.stands_alone() && next.explanation.contains("as one nonconformity: the same shortfall"), "{}", next.explanation);
    assert_eq!(findings.iter().filter(|f| f.item.raised_as_one.is_some() && f.stands_alone()).count(), 1);
    // One sign alone stands alone and joins nothing.
    let findings = all_findings(catalog, &all_yes_but(&[("A54-CTL-08", Answer::No)]), today());
    let alone = findings.iter().find(|f| f.item_id == "A54-CTL-08").unwrap();
    assert!(alone.stands_alone() && !alone.explanation.contains("as one nonconformity"), "{}", alone.explanation);
    // Signs not answered yet (or "not sure") beside a known one are raised with it, said apart
    // (second auditor probe: one "no" beside four "not sure" read five minors, five "no" one).
    let mut unsure: Vec<_> = ids.iter().map(|id| (*id, Answer::NotSure)).collect();
    unsure[3].1 = Answer::No; // A54-CTL-08
    let a = all_yes_but(&unsure);
    let findings = all_findings(catalog, &a, today());
    let lead = findings.iter().find(|f| f.item_id == "A54-CTL-08").unwrap();
    assert!(lead.stands_alone(), "{}", lead.explanation);
    assert!(
        lead.explanation.ends_with(
            "Other questions not answered yet (or “not sure”), raised with it if missing: “Leaders explain why security matters”, \
             “Signed management commitment statement”, “Live security briefing by management” and “Leaders write their own \
             messages”."
        ),
        "{}",
        lead.explanation
    );
    assert!(!lead.explanation.contains("Raised with “"), "no gap known beside it: {}", lead.explanation);
    assert_eq!(compute(catalog, &a, &findings).minors, 1);
    // Every sign only "not sure": nothing known to lead, nothing joined.
    let findings = all_findings(catalog, &all_yes_but(&ids.iter().map(|id| (*id, Answer::NotSure)).collect::<Vec<_>>()), today());
    assert!(findings.iter().filter(|f| f.item.raised_as_one.is_some()).all(|f| f.stands_alone()));
    // The copies of a scaled bench catalogue are joined within their own copy only.
    let scaled = catalog.scaled(2);
    let mut copy = all(&scaled, Answer::Yes);
    for item in scaled.items.iter().filter(|i| i.raised_as_one.is_some()) {
        copy.set_answer(item.id, Answer::No, today());
    }
    let findings = all_findings(&scaled, &copy, today());
    let leads: Vec<&str> = findings.iter().filter(|f| f.item.raised_as_one.is_some() && f.stands_alone()).map(|f| f.item_id).collect();
    assert_eq!(leads, ["C51-DUTY-04", "C51-DUTY-04-X1"]);
}
