//! "Key people are ready for interviews" (C53-PRE-06) is answered from the rehearsals: a finding
//! naming every key role holder who has not rehearsed, is unsure, or rehearsed too long before
//! the audit; none when all are confident and fresh. Ratings persist with the assessment, and
//! the Markdown brief escapes what users typed.

mod support;

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::interview::{self, brief, card_questions, cue_card, everyone, person_readiness, QuestionBank, Rating};
use audit_readiness::domain::persist::{decode, encode};
use audit_readiness::domain::points::weight;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, Finding, FindingKind, Points, Severity, Verdict};
use chrono::NaiveDate;
use support::{all, confident_rehearsals, day, today, Rng};

const ITEM: &str = "C53-PRE-06";

fn interview_finding(a: &Assessment) -> Option<Finding> {
    interview_finding_on(a, today())
}

fn interview_finding_on(a: &Assessment, on: NaiveDate) -> Option<Finding> {
    let findings = all_findings(Catalog::builtin(), a, on);
    assert!(findings.iter().filter(|f| f.item_id == ITEM).count() <= 1, "at most one finding per item");
    findings.into_iter().find(|f| f.item_id == ITEM)
}

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
fn a_role_holder_outside_the_key_group_who_could_not_answer_their_role_is_a_finding() {
    // The auditor's probe: the internal auditor and the third-party manager rated "could not
    // answer" on every question of their roles read 100 %, "Ready".
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    interview::record(&mut a.rehearsals, "p5", "IQ-IA-DUTIES", Rating::CouldNotAnswer, today());
    interview::record(&mut a.rehearsals, "p4", "IQ-TP-REGISTER", Rating::CouldNotAnswer, today());
    let f = interview_finding(&a).expect("a finding");
    assert_eq!((f.kind, f.severity), (FindingKind::InterviewGap, Severity::Minor), "{}", f.explanation);
    assert!(
        f.explanation.contains("Eli Novak (Internal auditor) at the latest rehearsal could not answer “Auditing independently”."),
        "{}",
        f.explanation
    );
    assert!(f.explanation.contains("Dev Patel ("), "{}", f.explanation);
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((s.verdict, s.minors), (Verdict::NearlyReady, 1));
    // Rated confident again: ready. Not having rehearsed is asked of the key group only.
    interview::record(&mut a.rehearsals, "p5", "IQ-IA-DUTIES", Rating::Confident, today());
    interview::record(&mut a.rehearsals, "p4", "IQ-TP-REGISTER", Rating::Confident, today());
    assert_eq!(interview_finding(&a), None);
    // A failure too old to count says nothing of today (second auditor probe: 400 days old, it
    // cost more than never rehearsing).
    let mut old = a.clone();
    interview::record(&mut old.rehearsals, "p5", "IQ-IA-DUTIES", Rating::CouldNotAnswer, today() - chrono::Days::new(400));
    old.rehearsals.retain(|r| !(r.person_id == "p5" && r.question_id == "IQ-IA-DUTIES" && r.on == today()));
    assert_eq!(interview_finding(&old), None);
    // So for a key role holder (third auditor probe: Ben's failure 400 days old kept a minor,
    // where a confident rating as old is an observation): a rehearsal to renew, no failure.
    let mut key_old = a.clone();
    key_old.rehearsals.retain(|r| !(r.person_id == "p2" && r.question_id == "IQ-SM-DUTIES"));
    interview::record(&mut key_old.rehearsals, "p2", "IQ-SM-DUTIES", Rating::CouldNotAnswer, today() - chrono::Days::new(400));
    let f = interview_finding(&key_old).expect("a rehearsal too old to count");
    assert_eq!(f.severity, Severity::Observation, "{}", f.explanation);
    // Said as too old to count, with its day (interview pass of stop 50: the observation still
    // read "could not answer" as a failure of today).
    let said = format!(
        "(on {}, more than 90 days ago: too long ago to count as a failure now, so rehearse it again)",
        today() - chrono::Days::new(400)
    );
    assert!(f.explanation.contains(&said), "{}", f.explanation);
    let s = compute(catalog, &key_old, &all_findings(catalog, &key_old, today()));
    assert_eq!((s.verdict, s.minors), (Verdict::Ready, 0));
    // A question asked of anyone is the staff checks' to judge, not this item's.
    interview::record(&mut a.rehearsals, "p5", "IQ-ANY-POLICY", Rating::CouldNotAnswer, today());
    assert!(interview_finding(&a).map_or(true, |f| !f.explanation.contains("Eli Novak")));
}

/// Rates "could not answer" on `on` the first `n` questions of a person's card that ask `role`
/// (all of them with `usize::MAX`, any question with ""), and returns how many ask it.
fn could_not_answer_first(a: &mut Assessment, person: &str, role: &str, n: usize, on: NaiveDate) -> usize {
    let card = card_questions(QuestionBank::builtin(), &a.register, person);
    let asked: Vec<_> = card.iter().filter(|(q, _)| role.is_empty() || q.asks_role(role)).collect();
    for (q, _) in asked.iter().take(n) {
        interview::record(&mut a.rehearsals, person, q.id, Rating::CouldNotAnswer, on);
    }
    asked.len()
}

#[test]
fn a_leader_who_could_not_answer_half_their_own_questions_or_more_is_a_likely_major() {
    // Auditor probe: the CEO rated "could not answer" on every question of their card read
    // "Nearly ready" at 99 %, one minor; a CEO who cannot speak to their part in the ISMS at
    // interview leaves Clause 5.1 unshown.
    let catalog = Catalog::builtin();
    let base = all(catalog, Answer::Yes);
    let verdict = |a: &Assessment| compute(catalog, a, &all_findings(catalog, a, today()));
    let (top, manager) = ("top-management", "security-manager");
    let mut ceo = base.clone();
    let own = could_not_answer_first(&mut ceo, "p1", top, usize::MAX, today());
    assert!(own >= 4, "{own}");
    let f = interview_finding(&ceo).expect("a finding");
    assert_eq!(f.severity, Severity::Major, "{}", f.explanation);
    let said = format!(
        "Ada Okafor could not answer {own} of the {own} questions asked of them as top management at the latest rehearsal: an \
         auditor who meets that at interview would likely find top management's leadership of the ISMS (Clause 5.1) not shown, \
         and raise a major nonconformity."
    );
    assert!(f.explanation.contains(&said), "{}", f.explanation);
    assert_eq!((verdict(&ceo).verdict, verdict(&ceo).majors), (Verdict::NotReady, 1));
    // Half their own questions is enough, the others left unrated (second probe: failing five
    // and rating nothing else stayed a minor); one fewer is the item's own minor.
    let mut half = base.clone();
    half.rehearsals.retain(|r| r.person_id != "p1");
    could_not_answer_first(&mut half, "p1", top, own.div_ceil(2), today());
    assert_eq!(interview_finding(&half).unwrap().severity, Severity::Major);
    let mut fewer = base.clone();
    could_not_answer_first(&mut fewer, "p1", top, own.div_ceil(2) - 1, today());
    assert_eq!(interview_finding(&fewer).unwrap().severity, Severity::Minor);
    assert_eq!(verdict(&fewer).verdict, Verdict::NearlyReady);
    // The questions asked of anyone do not tip it (second probe: four of them and two of the
    // CEO's own made a major).
    let mut general = fewer.clone();
    let card = card_questions(QuestionBank::builtin(), &general.register, "p1");
    for (q, _) in card.iter().filter(|(q, _)| q.for_everyone()) {
        interview::record(&mut general.rehearsals, "p1", q.id, Rating::CouldNotAnswer, today());
    }
    assert_eq!(interview_finding(&general).unwrap().severity, Severity::Minor);
    // The security manager, who runs the ISMS, alike: all of their own questions, however many
    // others their card holds (second probe: six of fourteen stayed a minor).
    let mut ben = base.clone();
    let theirs = could_not_answer_first(&mut ben, "p2", manager, usize::MAX, today());
    assert!(theirs * 2 < card_questions(QuestionBank::builtin(), &ben.register, "p2").len(), "the card holds more");
    let f = interview_finding(&ben).unwrap();
    assert_eq!(f.severity, Severity::Major);
    assert!(f.explanation.contains("as security manager at the latest rehearsal"), "{}", f.explanation);
    assert!(f.explanation.contains("that the ISMS is run by someone who can explain it (Clause 5.3)"), "{}", f.explanation);
    // A review team member failing their card is the item's minor, as any other role holder's.
    let mut cara = base.clone();
    could_not_answer_first(&mut cara, "p3", "", usize::MAX, today());
    assert_eq!(interview_finding(&cara).unwrap().severity, Severity::Minor);
    // A failure 40 days old stands while the audit, 60 days ahead, would find it too old (second
    // probe: it read "Ready"): it is the latest word until rated again.
    let mut recent = base.clone();
    recent.audit_date = Some(today() + chrono::Days::new(60));
    recent.rehearsals.retain(|r| r.person_id != "p1");
    could_not_answer_first(&mut recent, "p1", top, usize::MAX, today() - chrono::Days::new(40));
    assert_eq!(interview_finding(&recent).unwrap().severity, Severity::Major);
    // Top management is judged as a whole: a second member failing beside a confident CEO is
    // the item's minor (third probe: a Clause 5.1 major); both failing, the major.
    let mut director = base.clone();
    director.register.people.iter_mut().find(|p| p.id == "p3").unwrap().top_management = true;
    for (q, _) in card_questions(QuestionBank::builtin(), &director.register, "p3") {
        interview::record(&mut director.rehearsals, "p3", q.id, Rating::Confident, today());
    }
    could_not_answer_first(&mut director, "p3", top, usize::MAX, today());
    assert_eq!(interview_finding(&director).unwrap().severity, Severity::Minor);
    could_not_answer_first(&mut director, "p1", top, usize::MAX, today());
    let f = interview_finding(&director).unwrap();
    assert_eq!(f.severity, Severity::Major);
    assert!(f.explanation.contains("Cara Mendes could not answer") && f.explanation.contains("Ada Okafor could not answer"));
    // Older than 90 days and not rated since, it is still the latest word, one level down: a
    // minor, not the major (auditor probe of stop 44: an observation let it read "Ready").
    let mut old = base.clone();
    old.rehearsals.retain(|r| r.person_id != "p1");
    could_not_answer_first(&mut old, "p1", top, usize::MAX, today() - chrono::Days::new(100));
    assert_eq!(interview_finding(&old).unwrap().severity, Severity::Minor);
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
fn with_nobody_in_a_key_role_the_item_cannot_be_met() {
    let mut a = all(Catalog::builtin(), Answer::Yes);
    a.register.remove_assignment("a1").unwrap();
    a.register.remove_assignment("a2").unwrap();
    a.register.remove_assignment("a5").unwrap();
    a.register.remove_assignment("a6").unwrap();
    let mut ada = a.register.person("p1").unwrap().clone();
    ada.top_management = false;
    a.register.update_person(ada).unwrap();
    let f = interview_finding(&a).expect("a finding");
    assert!(f.explanation.contains("Nobody who works here today is recorded as top management"), "{}", f.explanation);
    let empty = interview_finding(&Assessment::default()).expect("an empty assessment is not interview-ready");
    // It is part of the empty register's gap (the roles nobody holds), and costs its points.
    assert_eq!((empty.cost, empty.part_of.map(|p| p.item_id)), (weight(Severity::Minor), Some("REG-ROLES-ASSIGNED")));
}

#[test]
fn a_key_role_nobody_holds_keeps_the_item_open_even_when_the_others_are_confident() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    // Ben stays on the review team but is no longer the security manager.
    a.register.remove_assignment("a2").unwrap();
    let f = interview_finding(&a).expect("a finding");
    assert_eq!(
        f.details,
        ["Nobody who works here today holds the information security manager role, so the interview an \
                            auditor spends longest on has nobody prepared for it."]
    );
    // The vacancy is REG-ROLES-ASSIGNED's major: the item is open and costs its points, but it
    // is part of that nonconformity, not one of its own.
    assert_eq!((f.cost, f.stands_alone()), (weight(Severity::Minor), false));
    assert_eq!(f.part_of.map(|p| p.item_id), Some("REG-ROLES-ASSIGNED"));
    // Without a review team as well, both gaps are named, the security manager's first. Two
    // register checks raise them: the interview gap is part of the graver (the major), and its
    // note says another gap stands behind it too.
    a.register.remove_assignment("a5").unwrap();
    a.register.remove_assignment("a6").unwrap();
    let f = interview_finding(&a).expect("a finding");
    assert_eq!(f.details.len(), 2, "{:?}", f.details);
    assert!(f.details[0].contains("information security manager role") && f.details[1].contains("management review team"));
    assert_eq!((f.cost, f.stands_alone()), (weight(Severity::Minor), false));
    assert_eq!(f.part_of.map(|p| (p.item_id, p.others)), Some(("REG-ROLES-ASSIGNED", 1)));
    assert!(
        f.explanation.contains("(Clause 5.3, A 5.2) and 1 other register gap: it follows from those gaps and is not raised on its own"),
        "{}",
        f.explanation
    );
    // With only the review team short, the interview gap is part of that minor alone.
    let mut a = all(catalog, Answer::Yes);
    a.register.remove_assignment("a5").unwrap();
    a.register.remove_assignment("a6").unwrap();
    let f = interview_finding(&a).expect("a finding");
    assert_eq!(f.part_of.map(|p| (p.item_id, p.others)), Some(("REG-FUNCTIONS-ASSIGNED", 0)));
    // A key holder who has not rehearsed is the interview item's own gap: charged in full, as
    // an observation.
    let mut a = all(catalog, Answer::Yes);
    a.rehearsals.retain(|r| r.person_id != "p3");
    let f = interview_finding(&a).expect("a finding");
    assert_eq!((f.cost, f.stands_alone()), (weight(Severity::Minor), true));
}

#[test]
fn a_key_role_left_empty_by_a_leaver_before_the_audit_keeps_the_item_open() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = Some(day(2027, 1, 20));
    assert_eq!(interview_finding(&a), None, "everyone confident, nobody leaving");
    // Ben, the only security manager, leaves before the audit: the register check says so, and
    // so does the interview item (the other key people rehearsed well, but nobody will be there
    // to answer for the security manager).
    let mut ben = a.register.person("p2").unwrap().clone();
    ben.leaving_date = Some(day(2027, 1, 5));
    a.register.update_person(ben).unwrap();
    let f = interview_finding(&a).expect("a finding");
    assert_eq!(
        f.details,
        ["By the audit on 2027-01-20, nobody working here then holds the information security manager role, so the interview an \
          auditor spends longest on has nobody prepared for it."]
    );
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_ne!(s.verdict, Verdict::Ready);
}

#[test]
fn a_starter_in_a_key_role_before_the_audit_rehearses_and_a_leaver_before_it_need_not() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = Some(day(2027, 1, 20));
    // Ben leaves before the audit; Finn starts after today and takes over as security manager.
    let mut ben = a.register.person("p2").unwrap().clone();
    ben.leaving_date = Some(day(2027, 1, 5));
    a.register.update_person(ben).unwrap();
    a.register.add_person(support::person("p9", "Finn Hale", "Security lead", day(2027, 1, 6), false)).unwrap();
    a.register
        .add_assignment(support::appoint(
            "a30",
            audit_readiness::domain::roles::RoleKind::SecurityManager,
            "p9",
            Some("p1"),
            None,
            day(2027, 1, 6),
        ))
        .unwrap();
    a.rehearsals.retain(|r| r.person_id != "p2"); // Ben's ratings no longer matter
    let f = interview_finding(&a).expect("the new security manager has not rehearsed");
    assert_eq!(f.details, ["Finn Hale (Information security manager (ISMS owner)) has not rehearsed yet."]);
    // Finn is listed for rehearsal before he starts, as a key person.
    let listed = everyone(QuestionBank::builtin(), &a, today());
    let finn = listed.iter().find(|r| r.person_id == "p9").expect("listed");
    assert!(finn.key);
    // The list says who starts later and who will be gone on audit day.
    assert_eq!(finn.presence.map(|p| p.text()).as_deref(), Some("Starts on 2027-01-06"));
    let ben = listed.iter().find(|r| r.person_id == "p2").expect("still here today");
    assert_eq!(ben.presence.map(|p| p.text()).as_deref(), Some("Leaves on 2027-01-05, before the audit"));
    assert!(listed.iter().filter(|r| !["p2", "p9"].contains(&r.person_id.as_str())).all(|r| r.presence.is_none()));
    // The Markdown brief says it as well.
    let card = interview::cue_card(QuestionBank::builtin(), &a, &[], "p2", today()).unwrap();
    let md = interview::brief::markdown("", &card, Some(ben), &a.rehearsals, today(), today());
    assert!(md.contains("\n- **Note:** Leaves on 2027-01-05, before the audit\n"), "{md}");
    for q in card_questions(QuestionBank::builtin(), &a.register, "p9") {
        interview::record(&mut a.rehearsals, "p9", q.0.id, Rating::Confident, today());
    }
    assert_eq!(interview_finding(&a), None);
}

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
fn whoever_holds_a_clause_5_3_responsibility_is_a_key_person_who_must_rehearse() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    assert_eq!(interview_finding(&a), None, "the fixture's key people are all confident");
    // A COO takes on reporting ISMS performance to top management (Clause 5.3 b)): the auditor
    // will ask them about it, so they have to be ready too.
    a.register.add_person(support::person("p9", "Olu Ade", "COO", day(2024, 1, 1), false)).unwrap();
    let reporting = audit_readiness::domain::roles::RoleKind::PerformanceReporting;
    a.register.add_assignment(support::appoint("a30", reporting, "p9", Some("p1"), None, day(2026, 1, 6))).unwrap();
    let f = interview_finding(&a).expect("the new reporter has not rehearsed");
    assert_eq!(f.details.len(), 1, "{:?}", f.details);
    assert!(f.details[0].starts_with("Olu Ade ("), "{:?}", f.details);
    assert!(everyone(QuestionBank::builtin(), &a, today()).iter().any(|r| r.person_id == "p9" && r.key));
    for q in card_questions(QuestionBank::builtin(), &a.register, "p9") {
        interview::record(&mut a.rehearsals, "p9", q.0.id, Rating::Confident, today());
    }
    assert_eq!(interview_finding(&a), None);
}

#[test]
fn a_ceo_not_ready_for_interviews_is_one_finding_not_one_per_question_asking() {
    let catalog = Catalog::builtin();
    let counted = |a: &Assessment| {
        let findings = all_findings(catalog, a, today());
        let s = compute(catalog, a, &findings);
        (findings, s.minors)
    };
    // Ada (the CEO) never rehearsed, and the question about her readiness says no.
    let mut a = all(catalog, Answer::Yes);
    a.set_answer("C51-INT-01", Answer::No, today());
    a.rehearsals.retain(|r| r.person_id != "p1");
    let (findings, minors) = counted(&a);
    let asked = findings.iter().find(|f| f.item_id == "C51-INT-01").unwrap();
    assert_eq!((asked.part_of.map(|p| p.item_id), asked.stands_alone()), (Some("C53-PRE-06"), false));
    assert_eq!(asked.cost, weight(Severity::Minor), "it still costs its points");
    assert!(
        asked.explanation.starts_with("Part of “Key people are ready for interviews” (Clause 5.3, Clause 7.2)"),
        "{}",
        asked.explanation
    );
    assert_eq!(minors, 1, "{findings:#?}");
    // The item says why it is a finding: the answer, not the missing rehearsal alone (third
    // auditor probe: it read "not having rehearsed is a nonconformity").
    let item = findings.iter().find(|f| f.item_id == "C53-PRE-06").unwrap();
    let title = catalog.item("C51-INT-01").unwrap().title;
    assert!(
        item.explanation.ends_with(&format!(
            " It is a finding because “{title}” is answered “no” and the rehearsals do not show top management prepared either."
        )),
        "{}",
        item.explanation
    );
    // Ada rehearsed, but Ben did not: the "no" about the CEO is a gap of its own.
    let mut a = all(catalog, Answer::Yes);
    a.set_answer("C51-INT-01", Answer::No, today());
    a.rehearsals.retain(|r| r.person_id != "p2");
    let (findings, minors) = counted(&a);
    assert!(findings.iter().find(|f| f.item_id == "C51-INT-01").unwrap().stands_alone());
    // Ben not having rehearsed is a risk noted as an observation; the "no" is the minor.
    assert_eq!(minors, 1);
    assert_eq!(findings.iter().find(|f| f.item_id == "C53-PRE-06").unwrap().severity, Severity::Observation);
    // Ada never rehearsed and the question about her is left open: the interview item is only an
    // observation, so the open question stays its own, not part of it.
    let mut a = all(catalog, Answer::Yes);
    a.responses.remove("C51-INT-01");
    a.rehearsals.retain(|r| r.person_id != "p1");
    let (findings, _) = counted(&a);
    assert!(findings.iter().find(|f| f.item_id == "C51-INT-01").unwrap().stands_alone());
}

#[test]
fn the_question_on_top_managements_interview_says_what_the_rehearsals_show() {
    use interview::readiness::interview_question_note;
    // The founder pass: rating the CEO Confident on every question left "Executives ready for
    // auditor interviews" unanswered, and its finding merely moved from the interview item's.
    let bank = QuestionBank::builtin();
    let question = Catalog::builtin().items.iter().find(|i| i.asks_top_management_interview()).expect("a question on the CEO's interview");
    let mut a = all(Catalog::builtin(), Answer::Yes);
    a.responses.remove(question.id);
    let prepared = interview_question_note(bank, &a, false, today()).expect("prepared, not answered yes");
    assert!(prepared.starts_with("The interview rehearsals show top management prepared"), "{prepared}");
    assert_eq!(interview_question_note(bank, &a, true, today()), None, "answered yes and prepared: nothing to add");
    // Not rehearsed: nothing to say while the question is open (its finding is part of the
    // interview item's), and a "yes" is contradicted.
    a.rehearsals.clear();
    assert_eq!(interview_question_note(bank, &a, false, today()), None);
    let contradicted = interview_question_note(bank, &a, true, today()).expect("yes, but not prepared");
    assert!(contradicted.contains("do not show top management prepared yet"), "{contradicted}");
}

#[test]
fn an_empty_key_group_beside_a_shaky_rating_stays_part_of_the_vacancy_and_not_sure_on_the_ceo_reads_as_no() {
    let catalog = Catalog::builtin();
    // Auditor probe: the review team empty and one shaky rating made a minor of its own.
    let mut a = all(catalog, Answer::Yes);
    a.register.remove_assignment("a5").unwrap();
    a.register.remove_assignment("a6").unwrap();
    interview::record(&mut a.rehearsals, "p2", "IQ-SM-AUDIT", Rating::Shaky, today());
    // The vacancy is the register's minor; the shaky answer an observation of its own.
    let f = interview_finding(&a).expect("a finding");
    assert_eq!((f.severity, f.stands_alone()), (Severity::Observation, true));
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((s.minors, s.observations), (1, 1));
    // Auditor probe: "not sure" or "not applicable" on the CEO's interview, while she has not
    // rehearsed, scored apart from "no". Each now reads as "no": one minor, the question part of it.
    for answer in [Answer::No, Answer::NotSure, Answer::NotApplicable] {
        let mut a = all(catalog, Answer::Yes);
        a.set_answer("C51-INT-01", answer, today());
        a.rehearsals.retain(|r| r.person_id != "p1");
        let findings = all_findings(catalog, &a, today());
        let item = findings.iter().find(|f| f.item_id == ITEM).unwrap();
        let asked = findings.iter().find(|f| f.item_id == "C51-INT-01").unwrap();
        assert_eq!((item.severity, asked.stands_alone()), (Severity::Minor, false), "{answer:?}");
    }
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
