//! Ratings: who has not rehearsed, shaky or never rehearsed questions, ratings long before the audit, old failures.

use crate::support::{all, confident_rehearsals, day, today};
use crate::{interview_finding, interview_finding_on, ITEM};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::interview::{self, brief, card_questions, cue_card, person_readiness, QuestionBank, Rating};
use audit_readiness::domain::points::weight;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Catalog, FindingKind, Severity, Verdict};

#[test]
fn without_rehearsals_the_item_is_a_finding_naming_each_key_role_holder() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.rehearsals.clear();
    // Answering the item by hand changes nothing: it is derived.
    a.set_answer(ITEM, Answer::Yes, today());
    let f = interview_finding(&a).expect("a finding");
    // Not having rehearsed is a risk, not a nonconformity (auditor probes, twice): an observation
    // that says why.
    // It still costs the whole item, as every derived item's problem does.
    assert_eq!((f.kind, f.severity, f.cost), (FindingKind::InterviewGap, Severity::Observation, weight(Severity::Minor)));
    assert!(f.explanation.ends_with(interview::readiness::NOT_YET_SHOWN), "{}", f.explanation);
    assert_eq!(f.id, "interview-gap:C53-PRE-06");
    for name in ["Ada Okafor (Top management)", "Ben Lindqvist (Information security manager", "Cara Mendes (Management review team member"]
    {
        assert!(f.explanation.contains(name), "{name} not in {}", f.explanation);
    }
    assert!(f.explanation.contains("has not rehearsed yet"));
    // Dev and Eli hold roles, but not key ones: the auditor's interviews centre on the others.
    assert!(!f.explanation.contains("Dev Patel") && !f.explanation.contains("Eli Novak"));
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((s.verdict, s.minors, s.observations), (Verdict::Ready, 0, 1));
    assert_eq!(s.possible - s.earned, weight(Severity::Minor));
    assert_eq!(s.progress.unanswered(), 0, "the derived item is not a question left open");
}

#[test]
fn all_key_people_confident_and_fresh_means_no_finding() {
    let catalog = Catalog::builtin();
    let a = all(catalog, Answer::Yes);
    assert_eq!(interview_finding(&a), None);
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((s.percent, s.verdict), (100, Verdict::Ready));
}

#[test]
fn a_shaky_or_unanswered_latest_rating_is_named_until_it_is_rated_confident() {
    let mut a = all(Catalog::builtin(), Answer::Yes);
    interview::record(&mut a.rehearsals, "p2", "IQ-SM-INCIDENTS", Rating::CouldNotAnswer, today());
    interview::record(&mut a.rehearsals, "p2", "IQ-SM-AUDIT", Rating::Shaky, today());
    let f = interview_finding(&a).expect("a finding");
    assert!(
        f.explanation.contains("could not answer “The incident register” and was shaky on “The internal audit programme”"),
        "{}",
        f.explanation
    );
    // A key holder who could not answer would likely fail the real interview: a minor. Shaky
    // alone is a risk, an observation.
    assert_eq!(f.severity, Severity::Minor);
    let mut shaky = a.clone();
    interview::record(&mut shaky.rehearsals, "p2", "IQ-SM-INCIDENTS", Rating::Shaky, today());
    assert_eq!(interview_finding(&shaky).unwrap().severity, Severity::Observation);
    assert!(f.explanation.contains("Ben Lindqvist") && !f.explanation.contains("Ada Okafor"));
    interview::record(&mut a.rehearsals, "p2", "IQ-SM-INCIDENTS", Rating::Confident, today());
    interview::record(&mut a.rehearsals, "p2", "IQ-SM-AUDIT", Rating::Confident, today());
    assert_eq!(interview_finding(&a), None);
    // A shaky rating of someone who is not a key role holder does not block the item (one who
    // could not answer does: see below).
    interview::record(&mut a.rehearsals, "p4", "IQ-TP-REGISTER", Rating::Shaky, today());
    assert_eq!(interview_finding(&a), None);
}

#[test]
fn questions_never_rehearsed_are_named_even_when_the_rest_are_confident() {
    let bank = QuestionBank::builtin();
    let mut a = all(Catalog::builtin(), Answer::Yes);
    a.rehearsals.retain(|r| !(r.person_id == "p1" && r.question_id == "IQ-ANY-POLICY"));
    a.rehearsals.retain(|r| !(r.person_id == "p1" && r.question_id == "IQ-TM-RISK"));
    let total = person_readiness(bank, &a, "p1", today()).unwrap().total;
    let f = interview_finding(&a).expect("a finding");
    let expected = format!("Ada Okafor (Top management) has not rehearsed 2 of the {total} questions on their card yet:");
    assert!(f.explanation.contains(&expected), "{}", f.explanation);
    assert!(!f.explanation.contains("Ben Lindqvist"), "{}", f.explanation);
    // One confident answer is not interview-ready: the claim needs the whole card.
    a.rehearsals.retain(|r| r.person_id != "p1");
    interview::record(&mut a.rehearsals, "p1", "IQ-ANY-POLICY", Rating::Confident, today());
    let f = interview_finding(&a).expect("a finding");
    assert!(f.explanation.contains(&format!("has not rehearsed {} of the {total}", total - 1)), "{}", f.explanation);
    // Her roles are said once, in her first sentence (founder pass: spelled out in each).
    interview::record(&mut a.rehearsals, "p1", "IQ-TM-RISK", Rating::CouldNotAnswer, today());
    let f = interview_finding(&a).expect("a finding");
    assert!(f.explanation.contains("Ada Okafor (Top management) at the latest rehearsal could not answer"), "{}", f.explanation);
    assert!(f.explanation.contains(". Ada Okafor has not rehearsed"), "{}", f.explanation);
    assert_eq!(f.explanation.matches("(Top management)").count(), 1, "{}", f.explanation);
}

#[test]
fn a_rehearsal_more_than_ninety_days_before_the_audit_is_stale() {
    let mut a = all(Catalog::builtin(), Answer::Yes);
    a.rehearsals = confident_rehearsals(day(2026, 9, 1));
    assert_eq!(interview_finding(&a), None, "83 days before today, no audit date: fresh");
    a.audit_date = Some(day(2027, 1, 15));
    let f = interview_finding(&a).expect("stale for that audit");
    assert!(
        f.explanation
            .contains("Ada Okafor (Top management) last rehearsed on 2026-09-01, more than 90 days before the audit on 2027-01-15."),
        "{}",
        f.explanation
    );
    a.audit_date = Some(day(2026, 11, 30));
    assert_eq!(interview_finding(&a), None, "exactly 90 days is still fresh");
    a.audit_date = Some(day(2026, 12, 1));
    assert!(interview_finding(&a).is_some(), "91 days is not");
    // The readiness table counts the questions due again.
    let ada = person_readiness(QuestionBank::builtin(), &a, "p1", today()).unwrap();
    assert_eq!(ada.due_again, ada.total);
    // Re-rating one question refreshes that question only: the rest of the card is still stale.
    let first = card_questions(QuestionBank::builtin(), &a.register, "p1")[0].0;
    interview::record(&mut a.rehearsals, "p1", first.id, Rating::Confident, today());
    let f = interview_finding(&a).expect("the rest of Ada's card is still stale");
    let total = person_readiness(QuestionBank::builtin(), &a, "p1", today()).unwrap().total;
    let expected = format!(
        "Ada Okafor (Top management) last rated {} of the {total} questions on their card more than 90 days before the audit on 2026-12-01 (the oldest on 2026-09-01):",
        total - 1
    );
    assert!(f.explanation.contains(&expected), "{}", f.explanation);
    assert!(!f.explanation.contains(&format!("“{}”", first.title)), "the re-rated question is fresh: {}", f.explanation);
    assert_eq!(person_readiness(QuestionBank::builtin(), &a, "p1", today()).unwrap().due_again, total - 1);
    // A fresh rehearsal of the whole card counts as rehearsed again.
    a.rehearsals.extend(confident_rehearsals(today()));
    assert_eq!(interview_finding(&a), None);
    // No audit date: measured against today.
    a.audit_date = None;
    a.rehearsals = confident_rehearsals(day(2026, 8, 1));
    assert!(interview_finding(&a).unwrap().explanation.contains("more than 90 days before today (2026-11-23)"));
    // An audit date already passed (not yet moved to the next audit) does not make them fresh.
    a.audit_date = Some(day(2026, 9, 1));
    assert!(interview_finding(&a).unwrap().explanation.contains("more than 90 days before today (2026-11-23)"));
}

#[test]
fn ratings_made_long_before_the_audit_count_now_and_the_day_to_rate_again_is_announced() {
    use interview::readiness::too_early_note;
    let mut a = all(Catalog::builtin(), Answer::Yes);
    // 101 days ahead: the note says from when ratings count on audit day (11 days from now).
    a.audit_date = Some(day(2027, 3, 4));
    let note = too_early_note(&a, today()).expect("a note while the audit is over 90 days away");
    assert!(note.contains("2027-03-04") && note.contains("only those from 2026-12-04 on"), "{note}");
    // Rehearsing today counts today (the founder pass: a full card of Confident made today read
    // as a minor nonconformity, "more than 90 days before the audit"): it lapses no sooner than
    // a rehearsal could reach the audit, as evidence does.
    let bank = QuestionBank::builtin();
    let ben = person_readiness(bank, &a, "p2", today()).unwrap();
    assert_eq!(ben.due_again, 0, "ratings made today count today");
    assert_eq!(interview_finding(&a), None);
    // Rehearsed 40 days ago, they are fresh today but lapse by the audit: once the audit is
    // within 90 days, they are judged against it and are due again.
    a.rehearsals = confident_rehearsals(day(2026, 10, 14));
    assert_eq!(interview_finding(&a), None, "the audit is beyond the reach of a rehearsal today");
    let later = day(2026, 12, 10);
    let f = interview_finding_on(&a, later).expect("within 90 days of the audit, the old ratings are stale for it");
    assert!(f.explanation.contains("more than 90 days before the audit on 2027-03-04"), "{}", f.explanation);
    assert_eq!(too_early_note(&a, later), None);
    // From 90 days before the audit on, today's ratings count on audit day: no note.
    a.audit_date = Some(day(2027, 2, 21));
    assert_eq!(too_early_note(&a, today()), None);
    // No audit date, or one already past: ratings are measured against today.
    a.audit_date = None;
    assert_eq!(too_early_note(&a, today()), None);
    a.audit_date = Some(day(2026, 9, 1));
    assert_eq!(too_early_note(&a, today()), None);
}

#[test]
fn a_recent_failure_is_never_called_too_old_to_count() {
    // Third auditor probe: failures 80 days old, 110 by an audit 30 days ahead, made the major,
    // while the brief called them "too old to count" and the caveat said the CEO had not
    // rehearsed recently enough.
    let bank = QuestionBank::builtin();
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = Some(today() + chrono::Days::new(30));
    let then = today() - chrono::Days::new(80);
    a.rehearsals.retain(|r| r.person_id != "p1");
    let card = card_questions(bank, &a.register, "p1");
    for (q, _) in &card {
        let rating = if q.asks_role("top-management") { Rating::CouldNotAnswer } else { Rating::Confident };
        interview::record(&mut a.rehearsals, "p1", q.id, rating, then);
    }
    assert_eq!(interview_finding(&a).unwrap().severity, Severity::Major);
    let readiness = person_readiness(bank, &a, "p1", today()).unwrap();
    let failed = card.iter().filter(|(q, _)| q.asks_role("top-management")).count();
    assert_eq!(readiness.due_again, card.len() - failed, "the confident ones are too old by the audit, the failures are not");
    let fresh = interview::readiness::fresh_from(&a, today());
    let brief = brief::markdown("", &cue_card(bank, &a, &[], "p1", today()).unwrap(), Some(&readiness), &a.rehearsals, fresh, today());
    assert_eq!(brief.matches(&format!("**Last rating:** Could not answer ({then})\n")).count(), failed, "{brief}");
    assert_eq!(brief.matches(&format!("**Last rating:** Confident ({then}), too old to count\n")).count(), card.len() - failed);
    let caveats = audit_readiness::domain::caveats::caveats(catalog, &a, today());
    assert!(caveats.iter().all(|c| !c.text().contains("not rehearsed the auditor's interview")), "{caveats:?}");
    // 91 days old, a failure too is history.
    let old = interview::latest(&a.rehearsals, "p1", card[0].0.id, today()).unwrap().clone();
    let aged = audit_readiness::domain::interview::Rehearsal { on: today() - chrono::Days::new(91), ..old };
    assert!(!aged.counts(fresh, today()));
    assert!(aged.said(fresh, today()).ends_with(", too old to count"));
}

#[test]
fn a_leader_failing_long_ago_with_nothing_newer_is_still_a_failure_one_level_down() {
    // Auditor probe of stop 44: the CEO failing every top-management question 91 days before,
    // with nothing newer, read "Ready"; 89 days before, a major.
    let bank = QuestionBank::builtin();
    let catalog = Catalog::builtin();
    for days in [91, 400] {
        let mut a = all(catalog, Answer::Yes);
        a.rehearsals.retain(|r| r.person_id != "p1");
        let then = today() - chrono::Days::new(days);
        for (q, _) in &card_questions(bank, &a.register, "p1") {
            let rating = if q.asks_role("top-management") { Rating::CouldNotAnswer } else { Rating::Confident };
            interview::record(&mut a.rehearsals, "p1", q.id, rating, then);
        }
        let f = interview_finding(&a).expect("the failures are the latest word");
        assert_eq!(f.severity, Severity::Minor, "{}", f.explanation);
        let asked = bank.questions.iter().filter(|q| q.asks_role("top-management")).count();
        assert!(
            f.explanation.contains(&format!("Ada Okafor could not answer {asked} of the {asked} questions asked of them as top management when last rated on them, more than 90 days ago: until they rehearse again, an auditor's interview would likely find the same.")),
            "{}",
            f.explanation
        );
        let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
        assert_eq!(s.verdict, Verdict::NearlyReady, "{days} days");
        assert!(!audit_readiness::domain::caveats::not_borne_out(catalog, &a, today()).is_empty(), "the CEO's 'yes' is not borne out");
        // Rehearsed again, confidently: ready.
        for (q, _) in &card_questions(bank, &a.register, "p1") {
            interview::record(&mut a.rehearsals, "p1", q.id, Rating::Confident, today());
        }
        assert_eq!(interview_finding(&a), None);
    }
}
