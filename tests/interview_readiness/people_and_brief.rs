//! Per-person readiness, ratings saved and taken back, the Markdown brief, the card picker, who to prepare next.

use crate::support::{all, day, today, Rng};
use crate::ITEM;
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::interview::{self, brief, card_questions, cue_card, everyone, person_readiness, QuestionBank, Rating};
use audit_readiness::domain::persist::{decode, encode};
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, Points};

#[test]
fn readiness_per_person_is_the_share_last_rated_confident_and_the_last_rehearsal_date() {
    let bank = QuestionBank::builtin();
    let mut a = all(Catalog::builtin(), Answer::Yes);
    a.rehearsals.clear();
    let total = person_readiness(bank, &a, "p1", today()).unwrap().total;
    assert!(total >= 10, "Ada's card has {total} questions");
    interview::record(&mut a.rehearsals, "p1", "IQ-TM-DUTIES", Rating::Confident, day(2026, 11, 2));
    interview::record(&mut a.rehearsals, "p1", "IQ-TM-RISK", Rating::Shaky, day(2026, 11, 9));
    interview::record(&mut a.rehearsals, "p1", "IQ-ANY-POLICY", Rating::Confident, day(2026, 10, 1));
    let r = person_readiness(bank, &a, "p1", today()).unwrap();
    assert_eq!((r.confident, r.shaky, r.could_not, r.unrated), (2, 1, 0, total - 3));
    assert_eq!(r.last_rehearsed, Some(day(2026, 11, 9)));
    assert_eq!(r.percent(), (200 / total) as u32);
    assert!(r.key);
    let people = everyone(bank, &a, today());
    assert_eq!(
        people.iter().map(|p| p.name.as_str()).collect::<Vec<_>>(),
        ["Ada Okafor", "Ben Lindqvist", "Cara Mendes", "Dev Patel", "Eli Novak"]
    );
    assert_eq!(people.iter().filter(|p| p.key).count(), 3);
}

#[test]
fn ratings_persist_with_the_assessment_and_older_states_still_load() {
    let mut a = all(Catalog::builtin(), Answer::Yes);
    interview::record(&mut a.rehearsals, "p3", "IQ-IL-DUTIES", Rating::CouldNotAnswer, day(2026, 11, 20));
    let text = encode(&a);
    assert!(text.contains(r#"{"person_id":"p3","question_id":"IQ-IL-DUTIES","rating":"could_not_answer","on":"2026-11-20"}"#), "{text}");
    assert_eq!(decode(&text).unwrap(), a);
    // No rehearsals: the field is left out, so states without it read and write as before.
    let plain = Assessment::default();
    assert!(!encode(&plain).contains("rehearsals"));
    assert_eq!(decode(r#"{"schema_version":1,"assessment":{"responses":{}}}"#).unwrap(), plain);
    assert!(decode(
        r#"{"schema_version":1,"assessment":{"rehearsals":[{"person_id":"p1","question_id":"q","rating":"great","on":"2026-01-01"}]}}"#
    )
    .is_err());
}

#[test]
fn every_lost_point_is_still_explained_with_random_rehearsals() {
    let catalog = Catalog::builtin();
    let bank = QuestionBank::builtin();
    let mut rng = Rng(0x1e7);
    for _ in 0..200 {
        let mut a = all(catalog, Answer::ALL[rng.below(5)]);
        a.rehearsals.clear();
        a.audit_date = (rng.below(2) == 0).then(|| today() + chrono::Days::new(rng.below(300) as u64));
        for _ in 0..rng.below(40) {
            let person = ["p1", "p2", "p3", "p4", "p5"][rng.below(5)];
            let q = &bank.questions[rng.below(bank.questions.len())];
            let on = today() - chrono::Days::new(rng.below(200) as u64);
            interview::record(&mut a.rehearsals, person, q.id, Rating::ALL[rng.below(3)], on);
        }
        let findings = all_findings(catalog, &a, today());
        let s = compute(catalog, &a, &findings);
        let explained: Points = findings.iter().map(|f| f.cost).sum();
        assert_eq!(s.possible - s.earned, explained);
        assert!(findings.iter().filter(|f| f.item_id == ITEM).count() <= 1);
    }
}

#[test]
fn the_markdown_brief_lists_the_card_and_escapes_user_text() {
    let catalog = Catalog::builtin();
    let bank = QuestionBank::builtin();
    let mut a = all(catalog, Answer::Yes);
    let mut ben = a.register.person("p2").unwrap().clone();
    ben.name = "Ben *the* <b>[boss](http://x)</b>".into();
    a.register.update_person(ben).unwrap();
    let card = cue_card(bank, &a, &[], "p2", today()).unwrap();
    let readiness = person_readiness(bank, &a, "p2", today());
    let md = brief::markdown("", &card, readiness.as_ref(), &a.rehearsals, today(), today());
    assert!(md.starts_with("# Interview brief: Ben \\*the\\* \\<b\\>\\[boss\\](http://x)\\</b\\>\n"), "{md}");
    assert!(!md.contains("[boss](http"));
    assert!(md.contains("- **Roles:** Information security manager (ISMS owner)"));
    assert!(md.contains("### 1. As information security manager, what does running the ISMS involve for you week to week?"));
    let n = card.questions.len();
    assert!(md.contains(&format!("- **Interview readiness:** {n} of {n}")), "{md}");
    assert!(md.contains("## Evidence to bring\n\n- Your appointment letter stating responsibility and authority\n"));
    assert_eq!(md.matches("\n### ").count(), card.questions.len());
    // Each question says how it last went, as the printed brief does.
    let rated = md.matches(&format!("**Last rating:** Confident ({})", today())).count();
    assert_eq!(rated, card.questions.len(), "{md}");
    let unrehearsed = brief::markdown("", &card, readiness.as_ref(), &[], today(), today());
    assert_eq!(unrehearsed.matches("**Not rehearsed yet**").count(), card.questions.len());
    assert_eq!(brief::filename(&card, today()), "interview-brief-ben-the-b-boss-http-x-b-2026-11-23.md");
}

#[test]
fn the_brief_says_which_ratings_are_too_old_to_count_as_the_card_does() {
    // Auditor probe: every rating 400 days old, the card on screen said none counted while the
    // downloaded brief read "12 of 12 questions last rated Confident (100 %)" and nothing more.
    let bank = QuestionBank::builtin();
    let mut a = all(Catalog::builtin(), Answer::Yes);
    let long_ago = today() - chrono::Days::new(400);
    a.rehearsals.iter_mut().for_each(|r| r.on = long_ago);
    let card = cue_card(bank, &a, &[], "p1", today()).unwrap();
    let readiness = person_readiness(bank, &a, "p1", today()).unwrap();
    let n = card.questions.len();
    assert_eq!(readiness.due_again, n);
    let fresh = interview::readiness::fresh_from(&a, today());
    let md = brief::markdown("", &card, Some(&readiness), &a.rehearsals, fresh, today());
    let summary = format!(
        "- **Interview readiness:** {n} of {n} questions last rated Confident (100 %). Last rehearsal: {long_ago}. {n} ratings are \
         too old to count for the audit: rehearse again.\n"
    );
    assert!(md.contains(&summary), "{md}");
    assert_eq!(md.matches(&format!("**Last rating:** Confident ({long_ago}), too old to count\n")).count(), n, "{md}");
    // The card on screen reads the same summary.
    assert_eq!(readiness.summary(), summary["- **Interview readiness:** ".len()..summary.len() - 1]);
    // Rated again today, the brief says the new ratings plainly.
    for q in card_questions(bank, &a.register, "p1") {
        interview::record(&mut a.rehearsals, "p1", q.0.id, Rating::Confident, today());
    }
    let readiness = person_readiness(bank, &a, "p1", today()).unwrap();
    let md = brief::markdown("", &card, Some(&readiness), &a.rehearsals, interview::readiness::fresh_from(&a, today()), today());
    assert!(!md.contains("too old"), "{md}");
    assert_eq!(md.matches(&format!("**Last rating:** Confident ({})\n", today())).count(), n, "{md}");
}

#[test]
fn a_rating_given_by_mistake_is_taken_back_exactly() {
    let mut log = Vec::new();
    // A first rating today, taken back: nothing is left.
    assert_eq!(interview::record(&mut log, "p2", "IQ-SM-DUTIES", Rating::Confident, today()), None);
    interview::unrecord(&mut log, "p2", "IQ-SM-DUTIES", None, today());
    assert!(log.is_empty());
    // Re-rated the same day, taken back: the earlier rating of that day returns.
    interview::record(&mut log, "p2", "IQ-SM-DUTIES", Rating::Shaky, today());
    let replaced = interview::record(&mut log, "p2", "IQ-SM-DUTIES", Rating::Confident, today());
    assert_eq!(replaced, Some(Rating::Shaky));
    interview::unrecord(&mut log, "p2", "IQ-SM-DUTIES", replaced, today());
    assert_eq!(interview::latest(&log, "p2", "IQ-SM-DUTIES", today()).map(|r| r.rating), Some(Rating::Shaky));
    // An older day's rating is never touched.
    let mut log = Vec::new();
    interview::record(&mut log, "p2", "IQ-SM-DUTIES", Rating::CouldNotAnswer, day(2026, 11, 1));
    let replaced = interview::record(&mut log, "p2", "IQ-SM-DUTIES", Rating::Confident, today());
    interview::unrecord(&mut log, "p2", "IQ-SM-DUTIES", replaced, today());
    assert_eq!(log.len(), 1);
    assert_eq!(
        interview::latest(&log, "p2", "IQ-SM-DUTIES", today()).map(|r| (r.rating, r.on)),
        Some((Rating::CouldNotAnswer, day(2026, 11, 1)))
    );
}

#[test]
fn the_card_picker_says_which_role_brings_each_person() {
    // Founder pass: the picker listed names only, so nothing on a phone said who the CEO was.
    let a = all(Catalog::builtin(), Answer::Yes);
    let label = |id: &str| person_readiness(QuestionBank::builtin(), &a, id, today()).unwrap().picker_label();
    assert_eq!(label("p1"), "Ada Okafor, Top management");
    assert!(label("p2").starts_with("Ben Lindqvist, Information security manager (ISMS owner) and "), "{}", label("p2"));
    assert!(label("p2").ends_with(" more roles"), "{}", label("p2"));
    let mut b = a.clone();
    b.register
        .add_person(audit_readiness::domain::roles::Person { id: "p9".into(), name: "Fay Ortiz".into(), ..Default::default() })
        .unwrap();
    assert_eq!(person_readiness(QuestionBank::builtin(), &b, "p9", today()).unwrap().picker_label(), "Fay Ortiz, no ISMS role");
}

#[test]
fn the_next_person_to_prepare_is_a_key_person_who_could_not_answer_before_anyone_else() {
    use audit_readiness::domain::interview::readiness::next_to_prepare;
    use audit_readiness::domain::interview::PersonReadiness;
    let person =
        |id: &str, key: bool, (confident, shaky, could_not, unrated, due_again): (usize, usize, usize, usize, usize)| PersonReadiness {
            person_id: id.into(),
            name: id.to_uppercase(),
            key,
            total: confident + shaky + could_not + unrated,
            confident,
            shaky,
            could_not,
            unrated,
            due_again,
            ..Default::default()
        };
    let next = |people: &[PersonReadiness]| next_to_prepare(people).map(|r| r.person_id.clone());
    let ready = person("ada", true, (7, 0, 0, 0, 0));
    assert_eq!(next(std::slice::from_ref(&ready)), None, "everyone Confident, nothing due");
    // Due again: Confident ratings too old to count still need a rehearsal.
    assert_eq!(next(&[ready.clone(), person("ben", true, (7, 0, 0, 0, 7))]).as_deref(), Some("ben"));
    // A key person before anyone else, however the others did.
    let staff = person("fay", false, (0, 0, 3, 0, 0));
    let shaky = person("cara", true, (5, 2, 0, 0, 0));
    assert_eq!(next(&[staff.clone(), shaky.clone()]).as_deref(), Some("cara"));
    // Could not answer before a smaller share; register order on ties.
    let failed = person("eli", true, (6, 0, 1, 0, 0));
    let never = person("dev", true, (0, 0, 0, 7, 0));
    assert_eq!(next(&[never.clone(), shaky.clone(), failed.clone()]).as_deref(), Some("eli"));
    assert_eq!(next(&[shaky.clone(), never.clone()]).as_deref(), Some("dev"));
    assert_eq!(next(&[never.clone(), person("gus", true, (0, 0, 0, 7, 0))]).as_deref(), Some("dev"));
    assert_eq!(failed.left_to_do(), "1 could not answer");
    assert_eq!(person("x", true, (1, 2, 3, 4, 5)).left_to_do(), "3 could not answer, 2 shaky, 4 not rehearsed yet, 5 due again");
    assert_eq!(
        person("x", true, (1, 2, 3, 4, 5)).to_rehearse(),
        "3 could not answer, 2 shaky, 4 not rehearsed yet",
        "due again is said beside the last rehearsal"
    );
}
