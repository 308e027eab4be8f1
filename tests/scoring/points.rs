//! Points and percentages: nothing answered, all yes, not sure, partly, majors capping the verdict, progress.

use crate::score;
use crate::support::{all, register_points, today, Rng};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::points::{earned, weight};
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, Points, Severity, Verdict};

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
