//! Rehearsing the cards: weakest first, one rating per question a day, a reproducible spot check.

use crate::support::{day, person, today};
use crate::{card, ids, with_register};
use audit_readiness::domain::interview::{self, spot_check, weakest_first, QuestionBank, Rating};
use audit_readiness::domain::Assessment;
use std::collections::BTreeSet;

#[test]
fn rehearsal_runs_weakest_first_could_not_then_shaky_then_unrated_then_confident_older_first() {
    let mut a = with_register();
    let card_order = ids(&card(&a, "p5"));
    assert_eq!(weakest_first(QuestionBank::builtin(), &a, "p5", today()), card_order, "nothing rated: card order");
    let [q1, q2, q3, q4, q5, ..] = card_order[..] else { panic!("Eli's card is too short: {card_order:?}") };
    let log = &mut a.rehearsals;
    interview::record(log, "p5", q1, Rating::Confident, day(2026, 11, 1));
    interview::record(log, "p5", q2, Rating::CouldNotAnswer, day(2026, 11, 20));
    interview::record(log, "p5", q3, Rating::Shaky, day(2026, 11, 10));
    interview::record(log, "p5", q4, Rating::CouldNotAnswer, day(2026, 10, 1));
    interview::record(log, "p5", q5, Rating::Confident, day(2026, 9, 1));
    // Someone else's ratings never reorder Eli's card.
    interview::record(log, "p2", q1, Rating::CouldNotAnswer, day(2026, 11, 1));
    let order = weakest_first(QuestionBank::builtin(), &a, "p5", today());
    let unrated: Vec<&str> = card_order.iter().copied().filter(|id| ![q1, q2, q3, q4, q5].contains(id)).collect();
    let mut expected = vec![q4, q2, q3];
    expected.extend(unrated);
    expected.extend([q5, q1]);
    assert_eq!(order, expected);
    // The latest rating counts: a confident answer today moves q4 to the end.
    interview::record(&mut a.rehearsals, "p5", q4, Rating::Confident, today());
    let order = weakest_first(QuestionBank::builtin(), &a, "p5", today());
    assert_eq!(order[0], q2);
    assert_eq!(*order.last().unwrap(), q4);
}

#[test]
fn rating_the_same_question_twice_on_one_day_keeps_one_entry() {
    let mut log = Vec::new();
    interview::record(&mut log, "p1", "IQ-TM-DUTIES", Rating::Shaky, today());
    interview::record(&mut log, "p1", "IQ-TM-DUTIES", Rating::Confident, today());
    interview::record(&mut log, "p1", "IQ-TM-DUTIES", Rating::CouldNotAnswer, day(2026, 11, 1));
    assert_eq!(log.len(), 2);
    assert_eq!(interview::latest(&log, "p1", "IQ-TM-DUTIES", today()).unwrap().rating, Rating::Confident);
    // A rating dated in the future (a wrong clock, an import) does not count yet.
    interview::record(&mut log, "p1", "IQ-TM-DUTIES", Rating::Shaky, day(2027, 1, 1));
    assert_eq!(interview::latest(&log, "p1", "IQ-TM-DUTIES", today()).unwrap().rating, Rating::Confident);
}

#[test]
fn the_spot_check_is_reproducible_from_its_seed_and_only_picks_current_people() {
    let bank = QuestionBank::builtin();
    let mut a = with_register();
    a.register.add_person(person("p6", "Lou Left", "Former engineer", day(2020, 1, 1), false)).unwrap();
    a.register
        .update_person({
            let mut p = a.register.person("p6").unwrap().clone();
            p.leaving_date = Some(day(2026, 6, 30));
            p
        })
        .unwrap();
    a.register.add_person(person("p7", "Nia New", "Starts next year", day(2027, 2, 1), false)).unwrap();
    let first = spot_check(bank, &a, today(), 20261123).unwrap();
    assert_eq!(spot_check(bank, &a, today(), 20261123).unwrap(), first, "same seed, same pick");
    let mut picked = BTreeSet::new();
    for seed in 0..400u64 {
        let drill = spot_check(bank, &a, today(), seed).unwrap();
        assert!(!["p6", "p7"].contains(&drill.person_id.as_str()), "seed {seed} picked {}", drill.person_id);
        assert_eq!(drill.question_ids.len(), 3);
        assert_eq!(drill.question_ids.iter().collect::<BTreeSet<_>>().len(), 3, "distinct questions");
        let c = card(&a, &drill.person_id);
        for id in &drill.question_ids {
            let q = bank.question(id).unwrap();
            assert!(c.contains(id) && q.topic.is_spot_check(), "seed {seed}: {id}");
        }
        picked.insert(drill.person_id);
    }
    assert_eq!(picked.len(), 5, "every current person gets picked sooner or later: {picked:?}");
    assert_ne!(
        (0..20).map(|s| format!("{:?}", spot_check(bank, &a, today(), s).unwrap())).collect::<BTreeSet<_>>().len(),
        1,
        "different seeds give different drills"
    );
    assert_eq!(spot_check(bank, &Assessment::default(), today(), 1), None);
    // With the audit ahead, someone leaving before it is not whom the auditor could stop.
    a.register.people.iter_mut().find(|p| p.id == "p4").unwrap().leaving_date = Some(day(2026, 12, 24));
    a.audit_date = Some(day(2027, 1, 15));
    assert!((0..200u64).all(|seed| spot_check(bank, &a, today(), seed).unwrap().person_id != "p4"));
    a.audit_date = None;
    assert!((0..200u64).any(|seed| spot_check(bank, &a, today(), seed).unwrap().person_id == "p4"), "here today, no audit set");
}
