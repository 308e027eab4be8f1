//! What comes first: unanswered questions, then majors, then minors that add up; and when nothing is open.

use crate::support::{all, today};
use crate::{score, steps};
use audit_readiness::domain::{Answer, Assessment, Catalog, Severity};

#[test]
fn nothing_open_has_no_first_step() {
    assert_eq!(steps(&all(Catalog::builtin(), Answer::Yes)), Vec::<String>::new());
}

#[test]
fn questions_not_answered_come_first_then_the_majors_then_the_minors_that_add_up() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let major = catalog.items.iter().find(|i| i.finding == Severity::Major && !i.is_derived()).unwrap();
    a.set_answer(major.id, Answer::No, today());
    // Named: unanswered majors of the same cost may come before it in the plan (founder pass:
    // "It heads the plan" stood above four majors not known yet).
    assert_eq!(
        steps(&a),
        [format!(
            "Close the major nonconformity, “{}”: while it is open the verdict stays “Not ready”, whatever the percentage.",
            major.title
        )]
    );
    let mut many = a.clone();
    let majors: Vec<_> =
        catalog.items.iter().filter(|i| i.finding == Severity::Major && !i.is_derived() && i.within.is_none()).take(5).collect();
    for item in &majors {
        many.set_answer(item.id, Answer::No, today());
    }
    let first = steps(&many)[0].clone();
    // Beside a major not answered yet, the ones to close are the confirmed ones (user pass).
    let mut unknown = many.clone();
    unknown.responses.remove(majors[1].id);
    assert!(steps(&unknown).iter().any(|s| s.contains(" confirmed major nonconformities, “")), "{:?}", steps(&unknown));
    assert!(steps(&many).iter().all(|s| !s.contains("confirmed")), "{:?}", steps(&many));
    let n = score(&many).majors;
    assert!(n >= 5, "{n}");
    assert!(first.starts_with(&format!("Close the {n} major nonconformities, “")), "{first}");
    assert!(first.contains(&format!(" and {} more: while any is open", n - 3)), "{first}");
    // Seven reality proofs failing: minors that add up under A 5.4.
    for check in catalog.reality_checks.iter().take(7) {
        a.set_answer(check.proof_item, Answer::No, today());
    }
    let s = score(&a);
    let group = *s.adding_up.first().expect("the proofs add up");
    let listed = steps(&a);
    assert_eq!(listed.len(), 1 + s.adding_up.len());
    assert_eq!(
        listed[1],
        format!(
            "Under {}, {} practices are missing: fix {} of them to avoid one likely major; the rest would stay separate minors.",
            group.requirement,
            group.open,
            group.to_fix()
        )
    );
    assert!(group.to_fix() >= 1 && group.to_fix() <= group.open);
    // A question not answered yet goes first: it may not be a gap at all.
    a.responses.remove("A54-CTL-05");
    let listed = steps(&a);
    assert!(listed[0].starts_with("Answer the 1 question not answered yet (or “not sure”): "), "{listed:?}");
    // Every question answered, some "not sure": those are to settle, not to answer (founder pass).
    let mut unsure = a.clone();
    unsure.set_answer("A54-CTL-05", Answer::NotSure, today());
    let listed = steps(&unsure);
    assert_eq!(
        listed[0],
        "Settle the 1 question answered “not sure”: each counts as missing until it is confirmed, and some may not be gaps at all."
    );
    // A major not answered yet is that first step, not a major to close as well (second auditor
    // probe: one unanswered question was both lines).
    let mut b = all(catalog, Answer::Yes);
    b.responses.remove(major.id);
    assert_eq!(score(&b).majors, 1);
    assert_eq!(steps(&b).len(), 1, "{:?}", steps(&b));
}

#[test]
fn not_ready_on_the_percentage_alone_says_so() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Partly);
    for check in catalog.reality_checks {
        a.set_answer(check.proof_item, Answer::Yes, today());
    }
    // Three or more major practices partly in place under one requirement add up: the majors in
    // place, the minors partly in place do not.
    for item in catalog.items.iter().filter(|i| i.finding == Severity::Major && !i.is_derived()) {
        a.set_answer(item.id, Answer::Yes, today());
    }
    let s = score(&a);
    assert_eq!(
        (s.majors, s.adding_up.len(), s.verdict),
        (0, 0, audit_readiness::domain::Verdict::NotReady),
        "{} {:?}",
        s.percent,
        s.adding_up
    );
    assert_eq!(
        steps(&a),
        ["Win back points: the score is under the 70 % that “Nearly ready” needs, and the lines at the top of the plan cost the most."]
    );
}

#[test]
fn minors_alone_point_to_the_top_of_the_plan() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let minor = catalog.items.iter().find(|i| i.finding == Severity::Minor && !i.is_derived()).unwrap();
    a.set_answer(minor.id, Answer::No, today());
    let s = score(&a);
    assert_eq!((s.majors, s.minors, s.adding_up.len()), (0, 1, 0));
    // One minor is "the minor" (user pass).
    assert_eq!(steps(&a), ["No major nonconformity is expected: the minor at the top of the plan costs the most points."]);
    let second = catalog.items.iter().filter(|i| i.finding == Severity::Minor && !i.is_derived() && i.within.is_none()).nth(5).unwrap();
    a.set_answer(second.id, Answer::No, today());
    assert_eq!(score(&a).minors, 2);
    assert_eq!(steps(&a), ["No major nonconformity is expected: the minors at the top of the plan cost the most points."]);
}

#[test]
fn on_a_fresh_start_the_groups_of_unanswered_questions_are_the_first_step_not_a_step_each() {
    let fresh = Assessment::default();
    let s = score(&fresh);
    assert!(s.adding_up.len() > 2, "every requirement adds up from questions nobody has looked at");
    let listed = steps(&fresh);
    assert!(listed[0].starts_with("Answer the "), "{}", listed[0]);
    assert!(!listed.iter().any(|s| s.starts_with("Under ")), "{listed:?}");
    // The register's empty roles are a confirmed major beside it.
    assert_eq!(listed.len(), 2, "{listed:?}");
    // A group with a practice confirmed missing is a step of its own.
    let catalog = Catalog::builtin();
    let mut one = Assessment::default();
    let control = catalog.items_in("a54-controls").find(|i| i.finding == Severity::Minor && !i.is_derived()).unwrap();
    one.set_answer(control.id, Answer::No, today());
    assert!(steps(&one).iter().any(|s| s.starts_with("Under A 5.4, ")), "{:?}", steps(&one));
}

#[test]
fn a_group_adding_up_on_questions_not_settled_is_named_in_the_first_step() {
    // Founder pass: the panel listed Clause 9.1 among the requirements adding up, and "Where to
    // start" named it nowhere (its group, all "not sure", gets no step of its own).
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let monitoring: Vec<&str> = catalog.items.iter().filter(|i| i.reference == "Clause 9.1").map(|i| i.id).collect();
    assert_eq!(monitoring.len(), 2);
    for id in &monitoring {
        a.set_answer(id, Answer::NotSure, today());
    }
    assert!(score(&a).adding_up.iter().any(|g| g.requirement == "Clause 9.1"));
    let steps = steps(&a);
    assert!(steps[0].starts_with("Settle the 2 questions answered “not sure”"), "{steps:?}");
    assert!(steps[0].ends_with(" Among them are all the practices under Clause 9.1 that add up to a likely major."), "{steps:?}");
    assert!(!steps.iter().skip(1).any(|s| s.contains("Clause 9.1")), "{steps:?}");
    // Confirmed missing, the group has its own step and the first step does not name it.
    a.set_answer(monitoring[0], Answer::No, today());
    let steps = self::steps(&a);
    assert!(!steps[0].contains("Among them"), "{steps:?}");
    assert!(steps.iter().any(|s| s.starts_with("Under Clause 9.1, 2 practices")), "{steps:?}");
}
