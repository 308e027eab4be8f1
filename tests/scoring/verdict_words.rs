//! The verdict's words: the rule that decided it, number agreement, labels, and what the counts mean.

use crate::score;
use crate::support;
use crate::support::{all, today};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::{Answer, Assessment, Catalog, Points, Severity, Verdict};

#[test]
fn the_verdict_reason_names_the_rule_that_decided_it_in_plain_english() {
    let score = |percent: u32, verdict: Verdict, (majors, minors, observations): (usize, usize, usize)| audit_readiness::domain::Score {
        percent,
        earned: Points::ZERO,
        possible: Points::ZERO,
        verdict,
        progress: Default::default(),
        majors,
        minors,
        observations,
        not_yet_known: 0,
        majors_not_yet_known: 0,
        not_yet_known_within: 0,
        adding_up: Vec::new(),
        minors_adding_up: 0,
        areas: Vec::new(),
        renewals_due: 0,
        majors_by_audit: 0,
    };
    let not_ready = Verdict::NotReady.label();
    assert_eq!(
        score(95, Verdict::NotReady, (1, 0, 0)).verdict_reason(),
        format!("{not_ready}: capped by 1 open major nonconformity, whatever the percentage.")
    );
    assert_eq!(
        score(40, Verdict::NotReady, (3, 2, 0)).verdict_reason(),
        format!("{not_ready}: capped by 3 open major nonconformities, and the score is under 70 % as well.")
    );
    assert_eq!(score(60, Verdict::NotReady, (0, 2, 0)).verdict_reason(), format!("{not_ready}: below 70 % of the points."));
    let nearly = Verdict::NearlyReady.label();
    assert_eq!(score(95, Verdict::NearlyReady, (0, 1, 4)).verdict_reason(), format!("{nearly}: 1 minor nonconformity still open."));
    assert_eq!(score(80, Verdict::NearlyReady, (0, 0, 4)).verdict_reason(), format!("{nearly}: below 90 % of the points."));
    let ready = Verdict::Ready.label();
    assert_eq!(score(96, Verdict::Ready, (0, 0, 2)).verdict_reason(), format!("{ready}: only 2 observations open."));
    assert_eq!(score(100, Verdict::Ready, (0, 0, 0)).verdict_reason(), format!("{ready}: nothing an auditor would raise is open."));
}

#[test]
fn the_first_rule_that_holds_decides_the_verdict_at_the_lines_exactly() {
    use audit_readiness::domain::score::{Rule, NOT_READY_BELOW, READY_FROM};
    // (majors, requirements whose minors add up, minors, observations, percent) → the deciding rule.
    let cases = [
        ((1, 0, 0, 0, 100), Rule::OpenMajors),
        ((1, 1, 5, 5, 10), Rule::OpenMajors),
        ((0, 1, 3, 0, 100), Rule::MinorsAddUp),
        ((0, 1, 3, 0, NOT_READY_BELOW - 1), Rule::BelowNotReadyLine),
        ((0, 1, 3, 0, NOT_READY_BELOW), Rule::MinorsAddUp),
        ((0, 0, 3, 0, NOT_READY_BELOW - 1), Rule::BelowNotReadyLine),
        ((0, 0, 3, 0, NOT_READY_BELOW), Rule::OpenMinors),
        ((0, 0, 1, 0, 100), Rule::OpenMinors),
        ((0, 0, 0, 9, READY_FROM - 1), Rule::BelowReadyLine),
        ((0, 0, 0, 9, READY_FROM), Rule::OnlyObservations),
        ((0, 0, 0, 0, READY_FROM), Rule::NothingOpen),
    ];
    for ((majors, adding_up, minors, observations, percent), rule) in cases {
        let deciding = Rule::deciding(majors, adding_up, minors, observations, percent);
        assert_eq!(deciding, rule, "{majors}/{adding_up}/{minors}/{observations} at {percent} %");
    }
    assert_eq!(Rule::OpenMajors.verdict(), Verdict::NotReady);
    assert_eq!(Rule::MinorsAddUp.verdict(), Verdict::NotReady);
    assert_eq!(Rule::BelowNotReadyLine.verdict(), Verdict::NotReady);
    assert_eq!(Rule::OpenMinors.verdict(), Verdict::NearlyReady);
    assert_eq!(Rule::BelowReadyLine.verdict(), Verdict::NearlyReady);
    assert_eq!(Rule::OnlyObservations.verdict(), Verdict::Ready);
    assert_eq!(Rule::NothingOpen.verdict(), Verdict::Ready);
    // The computed score follows the same rule.
    let catalog = Catalog::builtin();
    for answer in [Answer::Yes, Answer::Partly, Answer::No] {
        let s = score(&all(catalog, answer));
        assert_eq!(s.verdict, s.rule().verdict(), "{answer:?}");
    }
}

#[test]
fn the_major_reason_agrees_in_number() {
    let catalog = Catalog::builtin();
    let majors: Vec<_> = catalog.items.iter().filter(|i| !i.is_derived() && i.finding == Severity::Major).take(2).collect();
    let reasons_with = |count: usize| {
        let mut a = all(catalog, Answer::Yes);
        for item in &majors[..count] {
            a.set_answer(item.id, Answer::No, today());
        }
        audit_readiness::domain::export::Report::new(catalog, &a, today()).reasons()
    };
    let one = reasons_with(1);
    assert_eq!(one[0], "1 gap would likely be raised as a major nonconformity, which means not ready.", "{one:?}");
    let two = reasons_with(2);
    assert_eq!(two[0], "2 gaps would likely be raised as major nonconformities; a single one means not ready.", "{two:?}");
}

#[test]
fn a_findings_cost_is_written_in_points_agreeing_in_number() {
    assert_eq!(Points::whole(1).lost_text(), "−1 pt");
    assert_eq!(Points::halves(1).lost_text(), "−0.5 pts");
    assert_eq!(Points::ZERO.lost_text(), "no points lost");
    assert_eq!(Points::halves(3).lost_text(), "−1.5 pts");
    assert_eq!(Points::whole(3).lost_text(), "−3 pts");
}

#[test]
fn what_an_auditor_would_raise_agrees_in_number() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer("C53-PRE-01", Answer::No, today()); // a major
    a.set_answer("C53-PRE-02", Answer::No, today()); // a minor
    assert_eq!(score(&a).expected_text(), "1 major nonconformity, 1 minor nonconformity, 0 observations");
    a.set_answer("C53-PRE-03", Answer::No, today());
    let s = score(&a);
    assert_eq!((s.majors + s.minors, s.observations), (3, 0));
    assert!(s.expected_text().ends_with("nonconformities, 0 observations"), "{}", s.expected_text());
}

#[test]
fn nearly_ready_with_only_observations_open_does_not_promise_minor_findings() {
    // The auditor's probe: every observation-level question answered no reads below the ready
    // line with no major or minor open; the verdict's meaning spoke of likely minor findings.
    let catalog = Catalog::builtin();
    let mut a = support::all_yes_but_severity(catalog, Severity::Observation, Answer::No);
    // Not the records a broader "yes" rests on: without them, that "yes" is a minor. Instead,
    // nobody has rehearsed, and an Annex A practice is only partly in place (observations both).
    for record in catalog.items.iter().filter(|i| i.proves_within) {
        a.set_answer(record.id, Answer::Yes, today());
    }
    a.rehearsals.clear();
    a.set_answer("A54-CTL-08", Answer::Partly, today());
    let s = score(&a);
    assert_eq!((s.verdict, s.majors, s.minors), (Verdict::NearlyReady, 0, 0), "{}", s.verdict_reason());
    assert!(s.observations > 0 && s.percent < audit_readiness::domain::score::READY_FROM);
    assert!(s.meaning().starts_with("No nonconformity expected"), "{}", s.meaning());
    assert!(!s.meaning().contains("minor ones are likely"), "{}", s.meaning());
    // With a minor open, the verdict's own meaning holds again.
    a.set_answer(catalog.items.iter().find(|i| i.finding == Severity::Minor && !i.is_derived()).unwrap().id, Answer::No, today());
    assert_eq!(score(&a).meaning(), Verdict::NearlyReady.meaning());
}

#[test]
fn before_any_answer_the_meaning_says_why_the_counts_are_high() {
    // Founder pass: a first visit read "Not ready, 12 major, 63 minor" with nothing to say why.
    let mut a = Assessment::default();
    let s = score(&a);
    assert_eq!(s.verdict, Verdict::NotReady);
    assert!(s.meaning().starts_with("Nothing answered yet: until a question is answered it counts as not in place"), "{}", s.meaning());
    assert!(s.percent == 0 && s.meaning().contains("so the score starts at 0 %"), "{}", s.meaning());
    // With the register filled in, its items earn points first: not "starts at 0 %" beside 3 %
    // (founder pass).
    let mut registered = a.clone();
    registered.register = support::valid_register(today());
    let s = score(&registered);
    assert!(s.percent > 0, "{}", s.percent);
    assert!(s.meaning().contains("only what the roles register and the interview rehearsals show earns points so far"), "{}", s.meaning());
    assert!(!s.meaning().contains("0 %"), "{}", s.meaning());
    // One answer: most questions are still open, and the majors counted include them, which is
    // said rather than "an auditor would very likely raise a major" (copy pass of stop 51).
    a.set_answer("C53-PRE-01", Answer::Yes, today());
    assert!(score(&a).meaning().starts_with("Most questions are not answered yet. Until a question is answered it counts as missing"));
    // Most answered, a major answered "no": the verdict's own meaning is back.
    let mut most = support::all(Catalog::builtin(), Answer::Yes);
    most.set_answer("C53-PRE-01", Answer::No, today());
    assert_eq!(score(&most).meaning(), Verdict::NotReady.meaning());
    // Every major a question not settled yet: said so.
    let mut unsure = support::all(Catalog::builtin(), Answer::Yes);
    unsure.set_answer("C53-PRE-01", Answer::NotSure, today());
    // Every question answered, the majors are "not sure" answers to settle, not questions to
    // answer (copy pass of stop 52: "Answer them" beside "104 of 104 questions answered").
    assert!(score(&unsure).meaning().starts_with("Every major nonconformity counted here is a question answered “not sure”"));
    assert!(score(&unsure).meaning().ends_with("Settle them (yes, partly or no) to see where you stand."));
    // One left unanswered too: to answer or settle.
    unsure.responses.remove("C53-PRE-03");
    assert!(score(&unsure)
        .meaning()
        .starts_with("Every major nonconformity counted so far is a question not answered yet or answered “not sure”"));
}

#[test]
fn records_to_renew_before_the_audit_are_said_beside_the_counts_expected_there() {
    // Auditor probe: every record renewed 360 days ago, the audit in 60 days: "Expected at the
    // audit: 0 minor nonconformities" held only if each was renewed in time.
    use audit_readiness::domain::assessment::EvidenceRecord;
    use chrono::Days;
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = today().checked_add_days(Days::new(60));
    let s = score(&a);
    assert_eq!((s.renewals_due, s.expected_text().contains("to renew")), (0, false));
    let produced = today().checked_sub_days(Days::new(360));
    let renewed: Vec<&str> = catalog.items.iter().filter(|i| i.cadence.is_some()).map(|i| i.id).collect();
    for id in &renewed {
        a.edit_evidence(id, |list| {
            list.push(EvidenceRecord {
                what: "Meeting record".into(),
                location: "Drive".into(),
                produced_on: produced,
                owner: String::new(),
            })
        });
    }
    let s = score(&a);
    assert!(s.renewals_due > 1 && s.renewals_due <= s.observations, "{} of {}", s.renewals_due, s.observations);
    assert!(
        s.expected_text().ends_with(&format!(
            "; {} of the observations are records to renew before the audit day: left to lapse, each would be a nonconformity then",
            s.renewals_due
        )),
        "{}",
        s.expected_text()
    );
}

#[test]
fn the_verdict_reason_carries_the_label_the_panel_shows() {
    // Second founder pass: the dashboard said "Ready: nothing an auditor would raise is open"
    // beside the panel's "Ready, on your word".
    let catalog = Catalog::builtin();
    let s = score(&all(catalog, Answer::Yes));
    assert_eq!(s.verdict, Verdict::Ready);
    assert_eq!(s.verdict_reason_labelled(true), "Ready, on your word: nothing an auditor would raise is open.");
    assert_eq!(s.verdict_reason_labelled(false), s.verdict_reason());
    // "Not ready" is never "on your word".
    let mut a = all(catalog, Answer::Yes);
    a.set_answer("C53-PRE-01", Answer::No, today());
    let s = score(&a);
    assert!(
        s.verdict_reason_labelled(true).starts_with("Not ready: capped by 1 open major nonconformity"),
        "{}",
        s.verdict_reason_labelled(true)
    );
}

#[test]
fn a_question_worth_one_point_says_so_in_the_singular_when_partly_met() {
    // Founder pass: "partly counts half of the 1 points this question is worth".
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let cheap: Vec<&str> = catalog.items.iter().filter(|i| !i.is_derived() && i.finding == Severity::Observation).map(|i| i.id).collect();
    for id in &cheap {
        a.set_answer(id, Answer::Partly, today());
    }
    let findings = all_findings(catalog, &a, today());
    let said: Vec<&str> = findings
        .iter()
        .filter(|f| cheap.contains(&f.item_id))
        .map(|f| f.explanation.as_str())
        .filter(|e| e.contains("counts half of the"))
        .collect();
    assert!(!said.is_empty());
    assert!(said.iter().all(|e| e.contains("counts half of the 1 point this question is worth")), "{said:?}");
}

#[test]
fn a_right_to_left_name_is_isolated_in_a_sentence_and_other_names_are_left_alone() {
    // Odd-input pass: an Arabic name in the org chart's sentence read out of order.
    use audit_readiness::domain::wording::isolated;
    assert_eq!(isolated("محمد العلي"), "\u{2068}محمد العلي\u{2069}");
    assert_eq!(isolated("דוד כהן 🛡️"), "\u{2068}דוד כהן 🛡️\u{2069}");
    assert!(matches!(isolated("Ada Okafor"), std::borrow::Cow::Borrowed("Ada Okafor")));
    assert_eq!(isolated("Zoë Novak"), "Zoë Novak");
}
