//! What the verdict and the reports say: the rule that decided, the requirements named, due dates, one short.

use crate::support;
use crate::support::{all, day, today};
use crate::{all_yes_but, minor_practices, practices_in, score};
use audit_readiness::domain::export::{markdown, Report};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::score::{compute, Rule};
use audit_readiness::domain::systemic::AT_LEAST;
use audit_readiness::domain::{Answer, Catalog, Severity, Verdict};

#[test]
fn below_the_not_ready_line_the_percentage_decides_though_the_groups_are_still_counted() {
    // Every question an auditor would raise as a major or an observation met, every minor one
    // "not sure": no major, well under the line.
    let a = support::all_yes_but_severity(Catalog::builtin(), Severity::Minor, Answer::NotSure);
    let s = score(&a);
    assert!(s.percent < 70 && s.majors == 0, "{} % with {} majors", s.percent, s.majors);
    assert_eq!(s.rule(), Rule::BelowNotReadyLine);
    assert!(!s.adding_up.is_empty());
    assert!(s.verdict_reason().starts_with("Not ready: below 70 %"), "{}", s.verdict_reason());
    assert!(
        s.expected_text().contains(" are not confirmed (not answered yet, or “not sure”): if they are missing, "),
        "the reports still name them: {}",
        s.expected_text()
    );
    // The panel names the requirements without their counts, which the dashboard lists (second
    // founder pass: ten requirements with their counts half-way through).
    let panel = s.adding_up_panel_text().unwrap();
    assert!(s.adding_up.len() > 2, "{:?}", s.adding_up);
    assert!(panel.starts_with(&format!("Under {} requirements (Clause 5.3, ", s.adding_up.len())), "{panel}");
    assert!(panel.ends_with("The dashboard lists them.") && !panel.contains(" of 27"), "{panel}");
    assert!(panel.contains("are not confirmed (not answered yet, or “not sure”): if they are missing"), "{panel}");
}

#[test]
fn the_reports_say_why_the_minors_add_up() {
    let catalog = Catalog::builtin();
    let controls: Vec<_> = catalog.items_in("a54-controls").filter(|i| !i.is_derived()).map(|i| (i.id, Answer::No)).collect();
    let report = Report::new(catalog, &all_yes_but(&controls), today());
    let reason = report.reasons().into_iter().find(|r| r.contains("practices under A 5.4")).expect("a reason names A 5.4");
    assert!(reason.ends_with("A single major means not ready."), "{reason}");
    let text = markdown::render(&report);
    assert!(text.contains(&reason), "the Markdown report lists the reason");
    // Counted as the readiness panel counts them (founder pass: "0 major nonconformities" in the
    // reports beside "1 likely major" in the app), and the reason said once, in the list.
    let s = &report.score;
    let counts = format!(
        "Expected at the audit: 1 likely major nonconformity (minors that add up), {} minor nonconformities ({} of them adding up)",
        s.minors, s.minors_adding_up
    );
    assert!(text.contains(&counts), "{counts}\n{text}");
    assert!(s.minors_adding_up > 0 && s.minors_adding_up <= s.minors);
    let sentence = reason.trim_end_matches(" A single major means not ready.").trim_end_matches('.');
    assert_eq!(text.matches(sentence).count(), 1, "{text}");
}

#[test]
fn several_requirements_adding_up_are_named_in_one_sentence() {
    let catalog = Catalog::builtin();
    let mut answers = Vec::new();
    for area in ["a54-controls", "c52-policy"] {
        answers.extend(catalog.items_in(area).filter(|i| i.finding == Severity::Minor).map(|i| (i.id, Answer::No)));
    }
    let s = score(&all_yes_but(&answers));
    assert!(s.adding_up.len() >= 2, "{:?}", s.adding_up);
    let text = s.adding_up_text().unwrap();
    assert!(text.contains(" and "), "{text}");
    assert!(text.ends_with("an auditor would likely raise each group as one major nonconformity instead of separate minors."), "{text}");
    for t in &s.adding_up {
        assert!(text.contains(&format!("{} of {}", t.open, t.of)) && text.contains(&format!(" under {}", t.requirement)), "{text}");
    }
}

#[test]
fn practices_in_a_group_are_due_as_majors_in_the_plan_and_the_reports() {
    use audit_readiness::domain::remediation::{default_due, plan_due_as};
    use audit_readiness::domain::systemic::urgency;
    let catalog = Catalog::builtin();
    let proofs: Vec<_> = catalog.reality_checks.iter().map(|c| (c.proof_item, Answer::No)).collect();
    let mut a = all_yes_but(&proofs);
    a.audit_date = Some(day(2027, 3, 1));
    // One more minor elsewhere, in no group: it keeps a minor's due date.
    a.set_answer("C52-POL-01", Answer::No, today());
    let findings = all_findings(catalog, &a, today());
    let s = compute(catalog, &a, &findings);
    let (major_due, minor_due) = (default_due(Severity::Major, today(), a.audit_date), default_due(Severity::Minor, today(), a.audit_date));
    assert!(major_due < minor_due);
    let report = Report::scored(catalog, &a, findings.clone(), s.clone(), today());
    for (f, plan) in report.findings.iter().zip(&report.plans) {
        let in_group = proofs.iter().any(|(id, _)| *id == f.item_id);
        let expected = if in_group { Severity::Major } else { f.severity };
        assert_eq!(urgency(f, catalog, &s.adding_up), expected, "{}", f.id);
        assert_eq!(plan.due, plan_due_as(f, expected, &a, today()).due, "{}", f.id);
        if f.item_id == "C52-POL-01" {
            assert_eq!(plan.due, Some(minor_due));
        } else if in_group {
            assert_eq!(plan.due, Some(major_due), "{}", f.id);
        }
    }
    // With the group gone (enough proofs fixed), the same findings are due as minors again.
    assert_eq!(urgency(&findings[0], catalog, &[]), findings[0].severity);
}

#[test]
fn a_requirement_one_missing_practice_short_of_adding_up_is_named_before_the_verdict_changes() {
    use audit_readiness::domain::systemic::one_short;
    let catalog = Catalog::builtin();
    let practices: Vec<_> = minor_practices("A 5.4").into_iter().filter(|i| !i.is_derived()).collect();
    let of = practices_in(&minor_practices("A 5.4"));
    let mut a = all(catalog, Answer::Yes);
    let mut seen_warning = false;
    for item in &practices {
        a.set_answer(item.id, Answer::No, today());
        let findings = all_findings(catalog, &a, today());
        let s = compute(catalog, &a, &findings);
        let Some(group) = s.adding_up.iter().find(|t| t.requirement == "A 5.4") else {
            // Not adding up yet: warned exactly when one more would tip it.
            let near = one_short(catalog, &findings);
            let warned = near.iter().find(|t| t.requirement == "A 5.4");
            if let Some(t) = warned {
                assert!(t.open + 1 >= AT_LEAST && 3 * (t.open + 1) >= of && t.of == of, "{t:?}");
                seen_warning = true;
            } else {
                assert!(!seen_warning, "once warned, the warning stays until it adds up");
            }
            continue;
        };
        assert!(seen_warning, "warned one practice before {group:?}");
        assert!(one_short(catalog, &findings).iter().all(|t| t.requirement != "A 5.4"), "adding up, not one short");
        return;
    }
    panic!("A 5.4 never added up");
}

#[test]
fn nearly_ready_with_questions_still_open_says_no_major_is_expected_from_the_answers_so_far_only() {
    let catalog = Catalog::builtin();
    let a54: Vec<_> = catalog.items.iter().filter(|i| i.reference.starts_with("A 5.4") && !i.is_derived()).collect();
    // Two of A 5.4's controls left blank: too few to add up, so "nearly ready", but only so far.
    let open: Vec<_> = a54.iter().filter(|i| i.area == "a54-controls" && i.raised_as_one.is_none()).take(AT_LEAST - 1).collect();
    let mut blank = all(catalog, Answer::Yes);
    for item in &open {
        blank.responses.remove(item.id);
    }
    let s = score(&blank);
    assert_eq!((s.verdict, s.not_yet_known), (Verdict::NearlyReady, open.len()));
    assert_ne!(s.meaning(), Verdict::NearlyReady.meaning());
    assert!(s.meaning().contains("from the answers so far") && s.meaning().contains("questions still open"), "{}", s.meaning());
    let report = Report::scored(catalog, &blank, all_findings(catalog, &blank, today()), s.clone(), today());
    assert!(markdown::render(&report).contains(s.meaning()));
    // The same questions answered "not sure" add up: not ready.
    let unsure = all_yes_but(&a54.iter().map(|i| (i.id, Answer::NotSure)).collect::<Vec<_>>());
    assert_eq!(score(&unsure).verdict, Verdict::NotReady);
    // Everything answered, one minor open: the plain meaning.
    let one_minor = score(&all_yes_but(&[(a54[0].id, Answer::No)]));
    assert_eq!((one_minor.verdict, one_minor.meaning()), (Verdict::NearlyReady, Verdict::NearlyReady.meaning()));
}

#[test]
fn not_ready_without_a_major_says_which_rule_decided() {
    let catalog = Catalog::builtin();
    // Minors adding up under one requirement, nothing raised as a major on its own.
    let a54: Vec<_> = catalog.items.iter().filter(|i| i.reference.starts_with("A 5.4") && !i.is_derived()).collect();
    let s = score(&all_yes_but(&a54.iter().map(|i| (i.id, Answer::NotSure)).collect::<Vec<_>>()));
    assert_eq!((s.verdict, s.majors), (Verdict::NotReady, 0));
    assert!(!s.adding_up.is_empty());
    assert!(s.percent >= 70, "{}", s.percent);
    assert!(
        s.meaning().starts_with("No single major nonconformity expected, but minor ones under the same requirement add up"),
        "{}",
        s.meaning()
    );
    // Below the line with no major: every minor practice half met is 60 %. The line decides
    // first (`Rule::deciding`; second look: it named only the groups), and the groups are said too.
    let minors: Vec<_> =
        catalog.items.iter().filter(|i| !i.is_derived() && i.finding != Severity::Major).map(|i| (i.id, Answer::Partly)).collect();
    let mut s = score(&all_yes_but(&minors));
    assert_eq!((s.verdict, s.majors, s.percent < 70), (Verdict::NotReady, 0, true), "{}", s.percent);
    assert!(s.meaning().starts_with("The score is below 70 %") && s.meaning().contains("add up"), "{}", s.meaning());
    s.adding_up.clear();
    assert!(s.meaning().starts_with("No major nonconformity expected, but the score is below 70 %"), "{}", s.meaning());
    // With a major open, the verdict's own meaning.
    let major = catalog.items.iter().find(|i| !i.is_derived() && i.finding == Severity::Major).unwrap();
    assert_eq!(score(&all_yes_but(&[(major.id, Answer::No)])).meaning(), Verdict::NotReady.meaning());
}
