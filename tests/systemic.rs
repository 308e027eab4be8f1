//! Minor nonconformities that add up: a third or more of one requirement's minor practices open
//! at once (at least three) is likely raised as one major, so the verdict is "not ready".

mod support;

use audit_readiness::domain::export::{markdown, Report};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::score::{compute, Rule};
use audit_readiness::domain::systemic::{requirement_of, AT_LEAST};
use audit_readiness::domain::{Answer, Assessment, Catalog, Item, Score, Severity, Verdict};
use support::{all, today};

fn score(assessment: &Assessment) -> Score {
    let catalog = Catalog::builtin();
    compute(catalog, assessment, &all_findings(catalog, assessment, today()))
}

/// The practices filed under `requirement` that an auditor would raise as a minor when not met.
fn minor_practices(requirement: &str) -> Vec<&'static Item> {
    let catalog = Catalog::builtin();
    catalog.items.iter().filter(|i| i.finding == Severity::Minor && requirement_of(i.reference) == requirement).collect()
}

#[test]
fn an_item_is_filed_under_the_first_requirement_it_cites_without_a_list_entry_letter() {
    assert_eq!(requirement_of("A 5.4"), "A 5.4");
    assert_eq!(requirement_of("A 5.4, A 6.2"), "A 5.4");
    assert_eq!(requirement_of("Clause 5.1 b)"), "Clause 5.1");
    assert_eq!(requirement_of("Clause 5.1 c), Clause 7.1"), "Clause 5.1");
    assert_eq!(requirement_of("Clause 5.3, A 5.24–A 5.27"), "Clause 5.3");
    assert_eq!(requirement_of("Clause 6.1.3 f), Clause 8.3"), "Clause 6.1.3");
}

#[test]
fn every_control_of_a_5_4_missing_is_not_ready_although_each_is_only_a_minor() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let controls: Vec<_> = catalog.items_in("a54-controls").filter(|i| !i.is_derived()).collect();
    for item in &controls {
        a.set_answer(item.id, Answer::No, today());
    }
    let s = score(&a);
    assert_eq!(s.majors, 0, "no single finding is a major");
    assert!(s.percent >= 70, "the percentage alone would allow nearly ready: {}", s.percent);
    assert_eq!((s.verdict, s.rule()), (Verdict::NotReady, Rule::MinorsAddUp));
    let of = minor_practices("A 5.4").len();
    let open = controls.iter().filter(|i| i.finding == Severity::Minor && requirement_of(i.reference) == "A 5.4").count();
    assert_eq!(s.adding_up.len(), 1, "{:?}", s.adding_up);
    assert_eq!((s.adding_up[0].requirement, s.adding_up[0].open, s.adding_up[0].of), ("A 5.4", open, of));
    let said = format!("{open} of {of} practices under A 5.4 are open minors");
    assert_eq!(s.verdict_reason(), format!("Not ready: {said}: an auditor would likely raise them together as one major nonconformity."));
    assert!(s.expected_text().ends_with(&format!("; {said}: an auditor would likely raise them together as one major nonconformity")));
}

#[test]
fn every_reality_check_failing_is_a_control_on_paper_only_and_not_ready() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for item in catalog.items_in("a54-reality").filter(|i| i.id.ends_with("-PROOF")) {
        a.set_answer(item.id, Answer::No, today());
    }
    let s = score(&a);
    // Each claim's checkbox gap is part of its proof's gap: eight open practices, not sixteen.
    assert_eq!((s.majors, s.minors), (0, 8));
    assert_eq!(s.rule(), Rule::MinorsAddUp);
    assert_eq!((s.adding_up[0].requirement, s.adding_up[0].open), ("A 5.4", 8));
}

#[test]
fn minors_add_up_from_a_third_of_a_requirements_practices_and_never_under_three() {
    let catalog = Catalog::builtin();
    let mut checked = 0;
    for requirement in ["A 5.4", "Clause 5.1", "Clause 5.2", "Clause 5.3"] {
        let practices = minor_practices(requirement);
        let of = practices.len();
        let answerable: Vec<_> = practices.iter().filter(|i| !i.is_derived()).collect();
        let mut a = all(catalog, Answer::Yes);
        let mut last_open = 0;
        for item in answerable {
            a.set_answer(item.id, Answer::No, today());
            let findings = all_findings(catalog, &a, today());
            // Open minors under the requirement, each counted once (a "no" that is part of
            // another item's finding adds none).
            let open = findings
                .iter()
                .filter(|f| f.severity == Severity::Minor && f.stands_alone() && minor_practices(requirement).contains(&f.item))
                .count();
            assert!(open >= last_open, "{requirement}: one more \"no\" never closes a minor");
            last_open = open;
            let s = compute(catalog, &a, &findings);
            let adds_up = s.adding_up.iter().any(|t| t.requirement == requirement && t.open == open && t.of == of);
            assert_eq!(adds_up, open >= AT_LEAST && 3 * open >= of, "{requirement}: {open} of {of} open");
            checked += 1;
        }
        assert!(last_open * 3 >= of, "{requirement}: every practice \"no\" adds up");
    }
    assert!(checked > 40, "too few cases: {checked}");
}

#[test]
fn two_minors_under_one_control_stay_nearly_ready() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for item in minor_practices("A 5.4").iter().filter(|i| !i.is_derived()).take(AT_LEAST - 1) {
        a.set_answer(item.id, Answer::No, today());
    }
    let s = score(&a);
    assert_eq!((s.minors, s.verdict), (AT_LEAST - 1, Verdict::NearlyReady));
    assert!(s.adding_up.is_empty() && s.adding_up_text().is_none());
}

#[test]
fn the_reports_say_why_the_minors_add_up() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for item in catalog.items_in("a54-controls").filter(|i| !i.is_derived()) {
        a.set_answer(item.id, Answer::No, today());
    }
    let report = Report::new(catalog, &a, today());
    let reason = report.reasons().into_iter().find(|r| r.contains("practices under A 5.4")).expect("a reason names A 5.4");
    assert!(reason.ends_with("one major nonconformity. A single major means not ready."), "{reason}");
    let text = markdown::render(&report);
    assert!(text.contains(&reason), "the Markdown report lists the reason");
    assert!(text.contains("Expected at the audit: 0 major nonconformities"), "counts stay the findings' own");
}

#[test]
fn several_requirements_adding_up_are_named_in_one_sentence() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for area in ["a54-controls", "c52-policy"] {
        for item in catalog.items_in(area).filter(|i| i.finding == Severity::Minor) {
            a.set_answer(item.id, Answer::No, today());
        }
    }
    let s = score(&a);
    let named: Vec<_> = s.adding_up.iter().map(|t| t.requirement).collect();
    assert_eq!(named.len(), 2, "{named:?}");
    let text = s.adding_up_text().unwrap();
    assert!(text.contains(" and "), "{text}");
    assert!(text.ends_with("an auditor would likely raise each group as a major nonconformity."), "{text}");
    for requirement in named {
        assert!(text.contains(&format!(" under {requirement} ")), "{text}");
    }
}

#[test]
fn below_the_not_ready_line_the_percentage_decides_though_the_groups_are_still_counted() {
    // Every question an auditor would raise as a major or an observation met, every minor one
    // not answered yet: no major, well under the line.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for item in catalog.items.iter().filter(|i| i.finding == Severity::Minor && !i.is_derived()) {
        a.responses.remove(item.id);
    }
    let s = score(&a);
    assert!(s.percent < 70 && s.majors == 0, "{} % with {} majors", s.percent, s.majors);
    assert_eq!(s.rule(), Rule::BelowNotReadyLine);
    assert!(!s.adding_up.is_empty(), "unanswered practices are open, as \"no\" would be");
    assert!(s.verdict_reason().starts_with("Not ready: below 70 %"), "{}", s.verdict_reason());
    assert!(s.expected_text().contains(" are open minors: "), "the reports still name them: {}", s.expected_text());
}

#[test]
fn not_sure_adds_up_like_no() {
    let catalog = Catalog::builtin();
    let practices: Vec<_> = minor_practices("A 5.4").into_iter().filter(|i| !i.is_derived()).collect();
    let verdict = |answer: Answer| {
        let mut a = all(catalog, Answer::Yes);
        for item in &practices {
            a.set_answer(item.id, answer, today());
        }
        let s = score(&a);
        (s.rule(), s.adding_up)
    };
    // ("No" on all of them counts one fewer: one practice's "no" is part of a broader one's.)
    let (unsure, no) = (verdict(Answer::NotSure), verdict(Answer::No));
    assert_eq!((unsure.0, no.0), (Rule::MinorsAddUp, Rule::MinorsAddUp));
    assert_eq!((unsure.1[0].requirement, no.1[0].requirement), ("A 5.4", "A 5.4"));
}
