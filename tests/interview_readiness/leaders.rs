//! Who could not answer: a role holder outside the key group, a leader (a likely major), the CEO once.

use crate::interview_finding;
use crate::support::{all, today};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::interview::{self, card_questions, QuestionBank, Rating};
use audit_readiness::domain::points::weight;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, FindingKind, Severity, Verdict};
use chrono::NaiveDate;

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
