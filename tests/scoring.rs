//! Scoring rules: "not sure" is not ready, N/A needs a justification, majors cap the verdict,
//! improving an answer never lowers the score, and every lost point is explained by a finding.

mod support;

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::points::{earned, weight};
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, FindingKind, Points, Severity, Verdict};
use support::{all, register_points, today, Rng};

/// Items the user answers (register and interview items are derived instead).
fn answered_items(catalog: &Catalog) -> usize {
    catalog.items.iter().filter(|i| !i.is_derived()).count()
}

/// The percent of an area when every answered item is "partly" and every derived item is met:
/// 50 for a fully answered area, 100 for a fully derived one.
fn half_answered_percent(catalog: &Catalog, area_id: &str) -> u32 {
    let (mut earned, mut possible) = (0, 0);
    for item in catalog.items_in(area_id) {
        let worth = audit_readiness::domain::points::weight(item.finding).in_halves();
        possible += worth;
        earned += if item.is_derived() { worth } else { worth / 2 };
    }
    earned * 100 / possible
}

fn score(assessment: &Assessment) -> audit_readiness::domain::Score {
    let catalog = Catalog::builtin();
    compute(catalog, assessment, &all_findings(catalog, assessment, today()))
}

#[test]
fn nothing_answered_is_zero_and_not_ready() {
    let catalog = Catalog::builtin();
    let s = score(&Assessment::default());
    assert_eq!(s.percent, 0);
    // No question is answered; the derived items are worked out (an empty register fails them all).
    assert_eq!((s.progress.answered, s.progress.questions), (0, answered_items(catalog)));
    assert_eq!(s.progress.worked_out, catalog.items.len() - answered_items(catalog));
    assert_eq!(s.verdict, Verdict::NotReady);
}

#[test]
fn all_yes_is_one_hundred_and_ready() {
    let catalog = Catalog::builtin();
    let s = score(&all(catalog, Answer::Yes));
    assert_eq!((s.percent, s.verdict), (100, Verdict::Ready));
    assert_eq!(s.progress.unanswered(), 0);
    assert_eq!(all_findings(catalog, &all(catalog, Answer::Yes), today()), vec![]);
}

#[test]
fn not_sure_counts_as_not_ready_like_no() {
    let catalog = Catalog::builtin();
    let unsure = score(&all(catalog, Answer::NotSure));
    let no = score(&all(catalog, Answer::No));
    // Nothing answered earns a point: only the (valid) register's derived items do, and the
    // questions that register shows met ("not sure" there is settled by it; a "no" is not): those
    // a register check also asks, and those asking for a role it shows formally given. A role
    // whose duty produces something the register cannot show (the performance reports reaching
    // the management review) is only partly shown by it (auditor probe: 100 % on "not sure").
    let checked = catalog.same_requirement_pairs().map(|(_, q)| catalog.item(q).unwrap());
    let roles = catalog.items.iter().filter(|i| i.register_settles());
    let settled: Points = checked.chain(roles).map(|i| weight(i.finding)).sum();
    let half_shown: Points = catalog
        .items
        .iter()
        .filter(|i| i.asks_role.is_some() && !i.register_settles())
        .map(|i| earned(Some(Answer::Partly), weight(i.finding)).unwrap())
        .sum();
    assert_eq!(catalog.items.iter().filter(|i| i.asks_role.is_some()).count(), 2, "the two Clause 5.3 responsibilities");
    assert_eq!(catalog.items.iter().filter(|i| i.register_settles()).map(|i| i.id).collect::<Vec<_>>(), ["C53-MAND-01"]);
    assert_eq!(no.earned, register_points(catalog));
    assert_eq!(unsure.earned, register_points(catalog) + settled + half_shown);
    assert_eq!((unsure.verdict, no.verdict), (Verdict::NotReady, Verdict::NotReady));
}

#[test]
fn not_applicable_needs_a_justification_to_leave_the_score() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    // An Annex A control (A 5.x) can be excluded, with a reason.
    let control = catalog
        .items
        .iter()
        .find(|i| i.excludable() && !i.is_derived() && catalog.reality_checks.iter().all(|c| c.proof_item != i.id))
        .unwrap();
    a.set_answer(control.id, Answer::NotApplicable, today());
    // No justification: counts as unanswered, costs points and yields a "reason missing" finding.
    let s = score(&a);
    assert!(s.percent < 100);
    let findings = all_findings(catalog, &a, today());
    assert_eq!(findings.len(), 1);
    assert_eq!((findings[0].kind.label(), findings[0].id.as_str()), ("Reason missing", format!("reason-missing:{}", control.id).as_str()));
    assert_eq!(s.progress.unanswered(), 1);
    // The finding says what is missing (not "not confirmed yet", which reads as if nothing was chosen).
    assert!(findings[0].explanation.starts_with("Marked not applicable, but without a reason"), "{}", findings[0].explanation);
    assert_eq!(findings[0].cost.lost_text(), "−2 pts");
    // With a justification it leaves the denominator: back to 100 %.
    a.set_na_justification(control.id, "We have no third parties at all".into());
    let s = score(&a);
    assert_eq!((s.percent, s.verdict), (100, Verdict::Ready));
    // Whitespace is not a justification.
    a.set_na_justification(control.id, "   ".into());
    assert!(score(&a).percent < 100);
}

#[test]
fn an_annex_a_item_that_also_rests_on_a_clause_cannot_be_excluded() {
    let catalog = Catalog::builtin();
    // A 5.4 item whose proof is the resources Clause 7.1 requires of every ISMS.
    let item = catalog.item("A54-CTL-06").unwrap();
    assert_eq!(item.reference, "A 5.4, Clause 7.1");
    assert!(!item.excludable());
    assert_eq!(item.clause_references(), ["Clause 7.1"]);
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(item.id, Answer::NotApplicable, today());
    a.set_na_justification(item.id, "We are too small for a security budget".into());
    let findings = all_findings(catalog, &a, today());
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!((f.item_id, f.kind, f.severity), (item.id, FindingKind::NotExcludable, item.finding));
    assert!(f.explanation.starts_with("Marked not applicable, but it rests on Clause 7.1, a requirement"), "{}", f.explanation);
    // With a reason given, it may describe the practice itself (auditor probe of stop 44).
    assert!(f.explanation.ends_with(" If your reason says how it is handled here, that is the practice: answer yes or partly."));
    assert_ne!(score(&a).verdict, Verdict::Ready);
    // Two clauses are requirements, joined by "and" (copy pass of stop 51: "Clause 5.3, Clause
    // 7.2, a requirement").
    let two = catalog.items.iter().find(|i| i.clause_references().len() == 2 && i.finding != Severity::Observation).unwrap();
    let [first, second] = two.clause_references()[..] else { unreachable!() };
    assert_eq!(
        two.not_excludable_because().unwrap(),
        format!("it rests on {first} and {second}, requirements of the management system itself")
    );
    // A good practice that supports a clause says so rather than calling itself a requirement.
    let practice = catalog.items.iter().find(|i| !i.excludable() && !i.is_derived() && i.finding == Severity::Observation).unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(practice.id, Answer::NotApplicable, today());
    let f = &all_findings(catalog, &a, today())[0];
    assert!(f.explanation.starts_with("Marked not applicable, but this good practice supports Clause"), "{}", f.explanation);
    assert!(!f.explanation.contains("If your reason"), "no reason given: {}", f.explanation);
    // Annex A controls alone can be excluded, and not those every company with staff applies.
    assert!(catalog.item("MGT-STEP-08").unwrap().excludable(), "change management, A 8.32");
    assert!(!catalog.item("A54-CTL-03").unwrap().excludable(), "A 5.4");
    // Auditor probe: leadership overseeing incident response marked N/A, "we have never had a
    // security incident", read "Ready"; A 5.24 is about being prepared for one.
    let incidents = catalog.item("MGT-STEP-09").unwrap();
    assert!(!incidents.excludable(), "incident preparation, A 5.24");
    assert_eq!(
        incidents.not_excludable_because().as_deref(),
        Some("A 5.24 applies to every company with staff, so an auditor would not accept leaving it out of the Statement of Applicability")
    );
    assert!(!catalog.item("C53-PLAY-03").unwrap().excludable(), "auditor objectivity is Clause 9.2");
}

#[test]
fn a_practice_of_a_control_every_company_applies_marked_not_applicable_is_not_in_place() {
    let catalog = Catalog::builtin();
    // The practices of A 5.2-5.4 that rest on no clause: the A 5.4 controls and most reality checks.
    let practices: Vec<_> = catalog
        .items
        .iter()
        .filter(|i| !i.is_derived() && !i.rests_on_clause() && i.reference.split(", ").any(|c| ["A 5.2", "A 5.3", "A 5.4"].contains(&c)))
        .collect();
    assert!(practices.len() >= 15, "{}", practices.len());
    assert!(practices.iter().all(|i| !i.excludable()));
    let item = catalog.item("A54-CTL-08").unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(item.id, Answer::NotApplicable, today());
    a.set_na_justification(item.id, "We are a team of six".into());
    let findings = all_findings(catalog, &a, today());
    assert_eq!(
        findings.iter().map(|f| (f.item_id, f.kind, f.severity)).collect::<Vec<_>>(),
        [(item.id, FindingKind::NotExcludable, item.finding)]
    );
    assert!(
        findings[0].explanation.starts_with(
            "Marked not applicable, but A 5.4 applies to every company with staff, so an auditor would not accept leaving it out \
             of the Statement of Applicability. An auditor treats it as not in place."
        ),
        "{}",
        findings[0].explanation
    );
    assert_ne!(score(&a).verdict, Verdict::Ready);
    // Every practice of A 5.4 marked not applicable, with reasons, counts as every one answered no:
    // no way round the control, and no cliff between excluding all of them and all but one.
    // (Except a proof that needs an event, with nothing yet to show: see the reality checks.)
    let event =
        |i: &&&audit_readiness::domain::Item| catalog.reality_checks.iter().any(|c| c.proof_item == i.id && c.no_event_shown_by.is_some());
    let (mut excluded, mut no) = (all(catalog, Answer::Yes), all(catalog, Answer::Yes));
    for item in practices.iter().filter(|i| !event(i)) {
        excluded.set_answer(item.id, Answer::NotApplicable, today());
        excluded.set_na_justification(item.id, "We are a team of six".into());
        no.set_answer(item.id, Answer::No, today());
    }
    let (excluded, no) = (score(&excluded), score(&no));
    assert_eq!((excluded.percent, excluded.earned, excluded.possible), (no.percent, no.earned, no.possible));
    assert_eq!((excluded.majors, excluded.minors, excluded.observations), (no.majors, no.minors, no.observations));
    assert_ne!(excluded.verdict, Verdict::Ready);
    // The reason's field says what the reason does.
    assert!(catalog.na_prompt(item).contains("you may leave this blank: this cannot be excluded"));
    assert!(catalog.na_prompt(catalog.item("MGT-STEP-08").unwrap()).contains("required for N/A to count"));
    // The record that shows no case has happened is named from the content, not hard-coded.
    let record = catalog.check_proved_by("RC-03-PROOF").and_then(|c| c.no_event_shown_by).and_then(|id| catalog.item(id)).unwrap();
    let prompt = catalog.na_prompt(catalog.item("RC-03-PROOF").unwrap());
    assert!(prompt.contains("only if no case has happened yet") && prompt.contains(&format!("“{}”", record.title)), "{prompt}");
    // A control outside that list still leaves the score with its reason.
    let mut a = all(catalog, Answer::Yes);
    let change = catalog.item("MGT-STEP-08").unwrap();
    a.set_answer(change.id, Answer::NotApplicable, today());
    a.set_na_justification(change.id, "No in-house development or infrastructure".into());
    let s = score(&a);
    assert_eq!((s.percent, s.verdict), (100, Verdict::Ready));
    assert!(s.possible < score(&all(catalog, Answer::Yes)).possible);
}

#[test]
fn a_proof_only_partly_there_is_at_least_a_minor() {
    let catalog = Catalog::builtin();
    // A random employee who cannot quite explain their duties: the auditor's sample fails.
    let proof = catalog.item("RC-01-PROOF").unwrap();
    assert!(!proof.rests_on_clause());
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(proof.id, Answer::Partly, today());
    let findings = all_findings(catalog, &a, today());
    assert_eq!(
        findings.iter().map(|f| (f.item_id, f.kind, f.severity)).collect::<Vec<_>>(),
        [(proof.id, FindingKind::Partial, Severity::Minor)]
    );
    assert_eq!(score(&a).verdict, Verdict::NearlyReady);
    // A control's minimum first step stays an observation.
    let step = catalog.item("A54-CTL-08").unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(step.id, Answer::Partly, today());
    assert_eq!(all_findings(catalog, &a, today())[0].severity, Severity::Observation);
}

#[test]
fn a_clause_requirement_marked_not_applicable_still_counts_as_not_in_place() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let requirement = catalog
        .item("C51-01")
        .or_else(|| catalog.items.iter().find(|i| !i.excludable() && !i.is_derived() && i.finding == Severity::Major))
        .unwrap();
    assert!(requirement.reference.starts_with("Clause"), "{}", requirement.reference);
    a.set_answer(requirement.id, Answer::NotApplicable, today());
    // With a reason or without, N/A here means "not in place": a gap at the item's severity, and
    // the item counts as answered (there is nothing left to confirm).
    for reason in ["", "Our board does not do security"] {
        a.set_na_justification(requirement.id, reason.into());
        let findings = all_findings(catalog, &a, today());
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!((f.item_id, f.kind, f.severity), (requirement.id, FindingKind::NotExcludable, requirement.finding));
        assert!(f.explanation.contains("only Annex A controls can be excluded"), "{}", f.explanation);
        assert_eq!(f.cost, audit_readiness::domain::points::weight(requirement.finding));
        let s = score(&a);
        assert!(s.percent < 100);
        assert_ne!(s.verdict, Verdict::Ready);
        assert_eq!(s.progress.unanswered(), 0);
        assert_eq!(s.possible - s.earned, f.cost, "the point is explained by the finding");
    }
}

#[test]
fn an_open_major_caps_the_verdict_whatever_the_percentage() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let major = catalog.items.iter().find(|i| i.finding == Severity::Major && !i.is_register()).unwrap();
    a.set_answer(major.id, Answer::Partly, today());
    // Partly on a major item: downgraded to a minor finding, not "ready".
    let s = score(&a);
    assert!(s.percent >= 90, "{}", s.percent);
    assert_eq!(s.verdict, Verdict::NearlyReady);
    a.set_answer(major.id, Answer::No, today());
    let s = score(&a);
    assert_eq!(s.majors, 1);
    assert_eq!(s.verdict, Verdict::NotReady, "percent was {}", s.percent);
}

#[test]
fn partly_earns_half_the_points_of_yes() {
    let catalog = Catalog::builtin();
    let yes = score(&all(catalog, Answer::Yes));
    let partly = score(&all(catalog, Answer::Partly));
    // Compared on the answered items; the register items are derived and fully met in both.
    let register = register_points(catalog);
    assert_eq!((partly.earned - register).in_halves() * 2, (yes.earned - register).in_halves());
    for area in &partly.areas {
        assert_eq!(area.percent, half_answered_percent(catalog, area.area_id), "{}", area.area_id);
    }
}

#[test]
fn every_lost_point_is_explained_by_a_finding() {
    let catalog = Catalog::builtin();
    let mut rng = Rng(0x5eed);
    for _ in 0..500 {
        let a = random_assessment(catalog, &mut rng);
        let findings = all_findings(catalog, &a, today());
        let s = compute(catalog, &a, &findings);
        let explained: Points = findings.iter().map(|f| f.cost).sum();
        assert_eq!(s.possible - s.earned, explained);
        // Sorted by cost, most expensive first; at each cost, what an auditor would raise comes
        // before the gaps that are part of it or counted with it.
        assert!(findings.windows(2).all(|w| w[0].cost >= w[1].cost));
        assert!(findings.windows(2).all(|w| w[0].cost > w[1].cost || w[0].stands_alone() || !w[1].stands_alone()));
    }
}

#[test]
fn improving_any_answer_never_lowers_the_score() {
    let catalog = Catalog::builtin();
    let ladder = [None, Some(Answer::NotSure), Some(Answer::No), Some(Answer::Partly), Some(Answer::Yes)];
    let mut rng = Rng(42);
    for _ in 0..500 {
        let a = random_assessment(catalog, &mut rng);
        let before = score(&a);
        let item = &catalog.items[rng.below(catalog.items.len())];
        let current = a.response(item.id).and_then(|r| r.answer);
        if current == Some(Answer::NotApplicable) {
            continue;
        }
        let rank = ladder.iter().position(|x| *x == current).unwrap();
        for better in ladder.iter().skip(rank + 1).flatten() {
            let mut improved = a.clone();
            improved.set_answer(item.id, *better, today());
            let after = score(&improved);
            assert!(after.earned >= before.earned);
            assert!(after.percent >= before.percent, "{current:?} -> {better:?}");
            assert!(rank_of(after.verdict) >= rank_of(before.verdict));
        }
    }
}

fn rank_of(v: Verdict) -> u8 {
    match v {
        Verdict::NotReady => 0,
        Verdict::NearlyReady => 1,
        Verdict::Ready => 2,
    }
}

fn random_assessment(catalog: &Catalog, rng: &mut Rng) -> Assessment {
    let mut a = Assessment::default();
    for item in catalog.items {
        let pick = rng.below(Answer::ALL.len() + 1);
        if let Some(answer) = Answer::ALL.get(pick) {
            a.set_answer(item.id, *answer, today());
            if *answer == Answer::NotApplicable && rng.below(2) == 0 {
                a.set_na_justification(item.id, "justified".into());
            }
        }
    }
    a
}

#[test]
fn area_scores_cover_every_area() {
    let catalog = Catalog::builtin();
    let s = score(&all(catalog, Answer::Partly));
    assert_eq!(s.areas.len(), catalog.areas.len());
    assert!(s.areas.iter().all(|a| a.progress.unanswered() == 0));
    // Answered items are half met; derived items (the register area, the interview item) are met.
    for a in &s.areas {
        assert_eq!(a.percent, half_answered_percent(catalog, a.area_id), "{}", a.area_id);
    }
    assert_eq!(half_answered_percent(catalog, "c53-register"), 100);
    assert_eq!(half_answered_percent(catalog, "c52-policy"), 50);
}

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
fn progress_counts_questions_a_person_answers_not_the_items_the_app_works_out() {
    let catalog = Catalog::builtin();
    let asked = answered_items(catalog);
    let derived = catalog.items.len() - asked;
    assert!(derived > 0 && asked > 0);
    // A fresh start has answered nothing, whatever the register and rehearsals already decide.
    let fresh = score(&Assessment::default());
    assert_eq!((fresh.progress.answered, fresh.progress.questions), (0, asked));
    assert_eq!(fresh.progress.worked_out, derived);
    assert_eq!(fresh.progress.answered_text(), format!("0 of {asked} questions answered"));
    let mut one = Assessment::default();
    one.set_answer("C53-PRE-01", Answer::Partly, today());
    assert_eq!(score(&one).progress.answered_text(), format!("1 of {asked} questions answered"));
    // Answers of "not sure" are said with them: they count as missing (copy pass of stop 51).
    let mut unsure = one.clone();
    unsure.set_answer("C53-PRE-02", Answer::NotSure, today());
    unsure.set_answer("C53-PRE-03", Answer::NotSure, today());
    assert_eq!(score(&unsure).progress.answered_text(), format!("3 of {asked} questions answered, 2 of them “not sure”"));
    assert_eq!(score(&one).progress.unanswered(), asked - 1);
    let all_no = score(&all(catalog, Answer::No)).progress;
    assert_eq!((all_no.answered, all_no.questions), (asked, asked));

    // Per area: an area the app works out entirely shows its checks; a mixed one its questions.
    let register = fresh.areas.iter().find(|a| a.area_id == "c53-register").unwrap();
    assert_eq!(register.progress.questions, 0);
    assert_eq!(register.progress_text(), format!("{} checks · {} % ready", register.progress.worked_out, register.percent));
    assert_eq!(register.progress.table_text(), format!("worked out ({} checks)", register.progress.worked_out));
    let preaudit_items = catalog.items_in("c53-preaudit").count();
    let preaudit_derived = catalog.items_in("c53-preaudit").filter(|i| i.is_derived()).count();
    assert!(preaudit_derived > 0, "the interview item is worked out");
    let preaudit = score(&one).areas.into_iter().find(|a| a.area_id == "c53-preaudit").unwrap();
    let questions = preaudit_items - preaudit_derived;
    assert_eq!(preaudit.progress_text(), format!("1/{questions} · {} % ready", preaudit.percent));
    assert_eq!(preaudit.progress_spoken(), format!("1 of {questions} questions answered, {} % ready", preaudit.percent));
    assert_eq!(register.progress_spoken(), format!("{} checks, {} % ready", register.progress.worked_out, register.percent));
    assert_eq!(preaudit.progress.table_text(), format!("1 of {questions}"));
}

#[test]
fn an_unanswered_good_practice_costs_an_observation_and_says_so_without_contradicting_ready() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let practice = catalog.items.iter().find(|i| !i.is_derived() && i.finding == Severity::Observation).unwrap();
    a.responses.remove(practice.id);
    let s = score(&a);
    // An open observation does not block certification, so the verdict may be ready...
    assert_eq!(s.verdict, Verdict::Ready);
    // ...and nothing the app writes about it may call it "not ready".
    let findings = all_findings(catalog, &a, today());
    assert_eq!(findings.len(), 1);
    assert!(findings[0].explanation.starts_with("Not confirmed yet, so it counts as not in place."), "{}", findings[0].explanation);
    let reasons = audit_readiness::domain::export::Report::new(catalog, &a, today()).reasons();
    assert!(reasons.iter().all(|r| !r.contains("not ready")), "{reasons:?}");
    assert!(reasons.contains(&"1 gap would likely be noted as an observation.".to_string()), "{reasons:?}");
    let questions = s.progress.questions;
    assert!(reasons.contains(&format!("1 of {questions} questions is not answered yet and counts as not in place.")), "{reasons:?}");
    // One the roles register already shows met is said apart (founder pass: the board's summary
    // said 97 count as not in place, and 96 a few lines below).
    let mut shown = a.clone();
    shown.responses.remove("C53-PRE-02");
    assert!(all_findings(catalog, &shown, today()).iter().all(|f| f.item_id != "C53-PRE-02"), "the register shows it");
    let reasons = audit_readiness::domain::export::Report::new(catalog, &shown, today()).reasons();
    let said =
        format!("2 of {questions} questions are not answered yet: 1 counts as not in place, and the roles register already shows 1 met.");
    assert!(reasons.contains(&said), "{reasons:?}");
    // Several minors read in the plural.
    let mut a = all(catalog, Answer::Yes);
    let minors: Vec<_> = catalog.items.iter().filter(|i| !i.is_derived() && i.finding == Severity::Minor).take(2).collect();
    for item in &minors {
        a.set_answer(item.id, Answer::No, today());
    }
    let reasons = audit_readiness::domain::export::Report::new(catalog, &a, today()).reasons();
    assert!(reasons.contains(&"2 gaps would likely be raised as minor nonconformities.".to_string()), "{reasons:?}");
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
fn questions_not_answered_yet_are_open_findings_and_said_apart_from_confirmed_gaps() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer("C52-POL-08", Answer::NotSure, today()); // major, not known
    a.set_answer("C53-ISM-02", Answer::No, today()); // major, a confirmed gap
    a.responses.remove("C52-POL-01"); // minor, never answered
    let findings = all_findings(catalog, &a, today());
    let s = compute(catalog, &a, &findings);
    // Open either way: nobody can show them met, so they still cap the verdict.
    assert_eq!((s.majors, s.minors, s.not_yet_known, s.verdict), (2, 1, 2, Verdict::NotReady));
    assert_eq!(
        s.expected_text(),
        "2 major nonconformities, 1 minor nonconformity, 0 observations; 2 of these findings, 1 of the majors among them, are \
         questions not answered yet or not sure"
    );
    // Said beside the majors that cap the verdict, and in the reports' reasons (founder pass:
    // "capped by 9 open major nonconformities" after a dozen answers, one of them confirmed).
    assert_eq!(s.majors_not_yet_known, 1);
    assert_eq!(
        s.verdict_reason(),
        "Not ready: capped by 2 open major nonconformities, 1 of them a question not answered yet or not sure, whatever the \
         percentage."
    );
    let reasons = audit_readiness::domain::export::Report::new(catalog, &a, today()).reasons();
    assert_eq!(
        reasons[0],
        "2 gaps would likely be raised as major nonconformities, 1 of them a question not answered yet or not sure; a single one \
         means not ready."
    );
    // A not-known question whose gap is part of a broader "no" is not counted, here or above.
    a.set_answer("C52-POL-08", Answer::No, today());
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((s.majors, s.minors, s.not_yet_known, s.not_yet_known_within), (2, 0, 0, 1));
    // Said all the same, so the counts add up to the questions left (founder pass).
    assert_eq!(
        s.expected_text(),
        "2 major nonconformities, 0 minor nonconformities, 0 observations; 1 question not answered yet or not sure is included \
         in these findings"
    );
    a.set_answer("C53-ISM-03", Answer::NotSure, today());
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((s.not_yet_known, s.not_yet_known_within), (1, 1));
    assert!(
        s.expected_text().ends_with(
            "; 1 of these findings is a question not answered yet or not sure; 1 more open question is counted inside other findings"
        ),
        "{}",
        s.expected_text()
    );
}

#[test]
fn a_clause_requirement_partly_met_is_a_minor_and_an_annex_a_control_at_its_first_step_an_observation() {
    let catalog = Catalog::builtin();
    let severity_of = |id: &str| {
        let mut a = all(catalog, Answer::Yes);
        a.set_answer(id, Answer::Partly, today());
        let findings = all_findings(catalog, &a, today());
        let f = findings.iter().find(|f| f.item_id == id).unwrap_or_else(|| panic!("{id}: {findings:#?}"));
        let worth = weight(catalog.item(id).unwrap().finding);
        assert_eq!((f.kind, f.cost.in_halves() * 2), (FindingKind::Partial, worth.in_halves()), "{id}: half its points");
        f.severity
    };
    assert_eq!(severity_of("C52-POL-06"), Severity::Minor, "a minor clause requirement partly met is still not met");
    assert_eq!(severity_of("MGT-STEP-06"), Severity::Minor, "a major one partly met is raised one level lower");
    assert_eq!(severity_of("C53-COM-01"), Severity::Observation, "good practice stays an observation");
    assert_eq!(severity_of("A54-CTL-05"), Severity::Observation, "an Annex A control at its minimum first step");
    // Four clause requirements partly met: not "Ready" (it was, with four observations).
    let mut a = all(catalog, Answer::Yes);
    for id in ["C52-POL-06", "C53-PRE-05", "C53-COM-03", "C53-REP-04"] {
        a.set_answer(id, Answer::Partly, today());
    }
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((s.minors, s.observations, s.verdict), (4, 0, Verdict::NearlyReady));
}

#[test]
fn the_not_applicable_choice_says_before_it_is_picked_when_it_counts_as_no() {
    let catalog = Catalog::builtin();
    let (mut plain, mut counts_as_no) = (0, 0);
    for item in catalog.items.iter().filter(|i| !i.is_derived()) {
        let mut a = all(catalog, Answer::Yes);
        a.set_answer(item.id, Answer::NotApplicable, today());
        a.set_na_justification(item.id, "Outside our scope".into());
        let findings = all_findings(catalog, &a, today());
        let not_in_place = findings.iter().any(|f| f.item_id == item.id && f.kind == FindingKind::NotExcludable);
        match catalog.na_label(item) {
            "N/A (counts as no)" => {
                counts_as_no += 1;
                assert!(not_in_place, "{}: labelled as counting as no, but N/A with a reason was accepted", item.id);
            }
            label => {
                plain += 1;
                assert_eq!(label, Answer::NotApplicable.label());
                assert!(!not_in_place, "{}: N/A with a reason counts as no, but the label does not say so", item.id);
            }
        }
    }
    // Most questions rest on a requirement no company can leave out.
    assert!(counts_as_no > 90 && plain >= 2, "{counts_as_no} counting as no, {plain} plain");
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
fn a_placeholder_is_no_reason_for_not_applicable() {
    use audit_readiness::domain::wording::says_nothing;
    for text in [
        "",
        "  ",
        "-",
        "—",
        "‐",
        "...",
        "n/a",
        "N/A.",
        "N.A.",
        "none",
        "TBD",
        "TBC",
        "not yet",
        "not decided yet",
        "not applicable",
        // (second auditor probe: accepted as a reason, or as evidence)
        "Not applicable to us",
        "ok",
        "✓",
        "done",
        // (odd-input pass: invisible, pictographs, full-width, a hidden character inside "n/a")
        "\u{200B}",
        "👍",
        "🚫",
        "📄 ✅",
        "👍🏽",
        "n\u{200B}/a",
        "Ｎ／Ａ",
        "\u{FEFF}none\u{200D}",
        // (second look: marks between, said twice, filler words, other languages)
        "N/A 👍",
        "N / A",
        "n\u{A0}a",
        "n/a n/a",
        "TBD TBD",
        "Not applicable here",
        "Does not apply to us",
        "Nicht zutreffend",
        "Non applicable",
        "Sans objet",
        "No aplica",
        "該当なし",
        "なし",
        "无",
        // Digits alone (score-gaming probe of stop 52: evidence "1" kept in "101" read "Ready").
        "1",
        "101",
        "#12 / 2026",
    ] {
        assert!(says_nothing(text), "{text:?}");
    }
    let numbered = |what: &str, location: &str| audit_readiness::domain::assessment::EvidenceRecord {
        what: what.into(),
        location: location.into(),
        produced_on: Some(today()),
        owner: String::new(),
    };
    assert!(!numbered("1", "101").is_described(), "a numbered row is no record");
    assert!(numbered("Board minutes", "101").is_described() && numbered("2", "Room 101, binder 4").is_described());
    for text in [
        "Room 101",
        "ISO 27001 certificate",
        "No suppliers: all hosting is in-house",
        "Nein, extern",
        "外部監査",
        "x-ray room out of scope",
        "✅ signed by the CEO",
        "Not applicable: we have no office",
        "Keine eigenen Server, alles in der Cloud",
        "Sans objet : aucun fournisseur",
    ] {
        assert!(!says_nothing(text), "{text:?}");
    }
    // A control marked not applicable with "n/a" as its reason is not excluded.
    let catalog = Catalog::builtin();
    // (A 8.32, change management: an Annex A control a company may exclude with its reason.)
    let control = catalog.item("MGT-STEP-08").unwrap();
    assert_eq!(control.reference, "A 8.32");
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(control.id, Answer::NotApplicable, today());
    a.set_na_justification(control.id, "n/a".into());
    let findings = all_findings(catalog, &a, today());
    assert_eq!(findings.iter().map(|f| (f.item_id, f.kind)).collect::<Vec<_>>(), [(control.id, FindingKind::ReasonMissing)]);
    a.set_na_justification(control.id, "No staff: the founders do all the work".into());
    assert!(all_findings(catalog, &a, today()).iter().all(|f| f.item_id != control.id));
    // What is left out is named with its reason under "Why this score" (score-gaming probe of
    // stop 47: the total dropped two points and nothing said why).
    use audit_readiness::domain::score::left_out;
    assert_eq!(left_out(catalog, &a), [format!("A 8.32 {} (“No staff: the founders do all the work”)", control.title)]);
    let mut not_excluded = a.clone();
    not_excluded.set_na_justification(control.id, "n/a".into());
    assert_eq!(left_out(catalog, &not_excluded), Vec::<String>::new(), "a placeholder reason leaves nothing out");
    // One word is no reason either (auditor probe: "Startup" excluded A 8.32); a script written
    // without spaces is not judged by them.
    use audit_readiness::domain::wording::justifies;
    for text in ["Startup", " startup. ", "Irrelevant", "Néant", "لا", "Ｓｔａｒｔｕｐ", "no\u{200B}\u{200B}staff"] {
        assert!(!justifies(text), "{text:?}");
    }
    // Nor a reason that the work is not done yet, or "N/A because N/A" (lead-auditor probe of
    // stop 48: both left A 8.32 out).
    for text in [
        "we don't have time for change management yet",
        "No time for this before the audit",
        "Not done yet, next year",
        "N/A because N/A",
        "Not applicable, as it is not applicable",
        "No idea",
        "No reason",
        "As above",
        "See SoA",
        "Will look at this after certification",
    ] {
        assert!(!justifies(text), "{text:?}");
    }
    for text in [
        "No suppliers",
        "外部監査",
        "Nein, extern",
        "ไม่มีผู้ให้บริการภายนอก",
        "لا يوجد موردون",
        "No production systems: the product is a static site hosted by Netlify",
        "Not applicable because we make no changes to systems in scope",
    ] {
        assert!(justifies(text), "{text:?}");
    }
    // An appointment record that says it was only spoken shows nothing in writing.
    use audit_readiness::domain::wording::no_written_record;
    for text in [
        "Verbal agreement, nothing signed",
        "ORAL appointment at standup",
        "unsigned draft",
        "n/a",
        "Letter not yet signed",
        "Awaiting signature",
        "Draft letter, to be signed",
        "Letter to be signed by the CEO",
        // Still to come, whatever it names (auditor probe of stop 42).
        "Appointment letter pending",
        "Signed letter to follow after the next board meeting",
        "Signed letter still missing",
        "Board minutes expected in March",
        // Score-gaming probe of stop 47.
        "Everyone knows",
        "CEO said so in a meeting",
        "Told at the all-hands",
        "Ben knows it is his job",
        "Agreed in a call with the CEO",
        // Score-gaming probe of stop 51.
        "No record",
        "No letter",
        "Letter lost",
        "Appointment letter revoked",
        "Declined the role",
        "Assumed by default",
        "Probably in an email somewhere",
        "Founder, by default",
    ] {
        assert!(no_written_record(text), "{text:?}");
    }
    for text in [
        "Signed letter 2026-05-04",
        "Board minutes, item 4",
        "Signed by the CEO",
        "Minutes on staff morale, signed",
        "Signed letter 2025-03-01 (confirms the earlier verbal agreement)",
        "Signed letter 2026-02-01, as planned at the kick-off",
        "Signed letter 2026-02-01; it will be renewed with the role",
        "Board minutes: the CEO said the CTO is security manager",
        // False-positive pass of stop 47.
        "Signed appointment letter, replaces the verbal agreement from 2025",
        "Role description drafted by HR, signed by CEO 2026-03-01",
        "Appointment letter signed by CEO; expected duties listed",
        "Appointment letter to Said Benali, signed by CEO",
        "Board resolution 2026-03 (unsigned copy in Drive, signed original in safe)",
        "Assumed the role on 2026-03-01, signed letter in HR file",
    ] {
        assert!(!no_written_record(text), "{text:?}");
    }
    a.set_na_justification(control.id, "Startup".into());
    let findings = all_findings(catalog, &a, today());
    assert_eq!(findings.iter().map(|f| (f.item_id, f.kind)).collect::<Vec<_>>(), [(control.id, FindingKind::ReasonMissing)]);
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
fn a_control_at_its_minimum_step_is_an_observation_even_where_it_cites_a_clause() {
    // Second auditor probe: the ten A 5.4 controls at their minimum step ("partly") read three
    // minor nonconformities, for the three that also cite a clause; their minimum meets that
    // clause (a yearly management review, Clause 9.3).
    let catalog = Catalog::builtin();
    let controls: Vec<_> = catalog.items.iter().filter(|i| i.minimum.is_some()).collect();
    assert_eq!(controls.len(), 10);
    assert!(controls.iter().filter(|i| i.rests_on_clause()).count() >= 3, "some cite a clause too");
    let mut a = all(catalog, Answer::Yes);
    for item in &controls {
        a.set_answer(item.id, Answer::Partly, today());
    }
    let findings = all_findings(catalog, &a, today());
    for item in &controls {
        let f = findings.iter().find(|f| f.item_id == item.id).expect("partly is not full");
        assert_eq!(f.severity, Severity::Observation, "{}", item.id);
    }
    let s = compute(catalog, &a, &findings);
    assert_eq!((s.majors, s.minors), (0, 0), "{findings:#?}");
    // A clause question without a minimum step, partly met, is still a minor.
    let clause = catalog.item("C53-PRE-01").unwrap();
    assert_eq!(clause.partly_severity(), Severity::Minor);
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

#[test]
fn partly_on_a_major_question_says_why_it_is_raised_lower() {
    // Founder pass of stop 47: "Partly met: Minor nonconformity" on a major question, with
    // nothing to say whether "partly" lowered the grade or only the points.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let major = catalog
        .items
        .iter()
        .find(|i| !i.is_derived() && i.finding == Severity::Major && catalog.partly_severity(i) == Severity::Minor)
        .unwrap();
    a.set_answer(major.id, Answer::Partly, today());
    let findings = all_findings(catalog, &a, today());
    let f = findings.iter().find(|f| f.item_id == major.id).unwrap();
    assert_eq!((f.kind, f.severity), (FindingKind::Partial, Severity::Minor));
    assert!(
        f.explanation.contains("What is half done is usually raised one grade lower than what is missing: a minor nonconformity here, where a “no” would be a major nonconformity."),
        "{}",
        f.explanation
    );
    // A minor raised lower is "an observation" (export pass of stop 51: "a observation").
    let minor = catalog
        .items
        .iter()
        .find(|i| !i.is_derived() && i.finding == Severity::Minor && catalog.partly_severity(i) == Severity::Observation)
        .unwrap();
    a.set_answer(minor.id, Answer::Partly, today());
    let findings = all_findings(catalog, &a, today());
    let said = &findings.iter().find(|f| f.item_id == minor.id).unwrap().explanation;
    assert!(said.contains("than what is missing: an observation here, where a “no” would be a minor nonconformity."), "{said}");
    // Where "partly" draws the same grade, nothing is said of it.
    let same = catalog
        .items
        .iter()
        .find(|i| !i.is_derived() && i.finding == Severity::Minor && catalog.partly_severity(i) == Severity::Minor)
        .unwrap();
    a.set_answer(same.id, Answer::Partly, today());
    let findings = all_findings(catalog, &a, today());
    assert!(!findings.iter().find(|f| f.item_id == same.id).unwrap().explanation.contains("one grade lower"));
}
