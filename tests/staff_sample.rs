//! A question about staff in general ("could any employee explain their duties?", "would they
//! know the rule?") answered yes while the interview rehearsals show someone outside the key roles
//! who could not answer the same (`rehearsed_in` in content/): not met, as an auditor's sample of
//! staff could find (interview pass: three "could not answer" at the spot check left "100 %,
//! Ready"), and, after the auditor probe, one awareness gap however many such questions fail, a
//! failure standing until re-rated, the key people left to their own interview item, and the
//! claim a contradicted proof was meant to prove no longer shown.

mod support;

use audit_readiness::domain::findings::{all_findings, Finding};
use audit_readiness::domain::interview::{self, Rating};
use audit_readiness::domain::points::weight;
use audit_readiness::domain::roles::Person;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, FindingKind, Severity, Verdict};
use chrono::{Days, NaiveDate};
use support::{all, day, today};

/// Every answer yes, the key people confident, and Fay, who holds no ISMS role.
fn with_fay() -> Assessment {
    let mut a = all(Catalog::builtin(), Answer::Yes);
    let fay = Person { id: "p6".into(), name: "Fay Ortiz".into(), job_title: "Support engineer".into(), ..Person::default() };
    a.register.add_person(fay).unwrap();
    a
}

fn verdict(a: &Assessment, on: NaiveDate) -> Verdict {
    let catalog = Catalog::builtin();
    compute(catalog, a, &all_findings(catalog, a, on)).verdict
}

/// The findings of the questions about staff in general and of their claims.
fn staff_findings(a: &Assessment, on: NaiveDate) -> Vec<Finding> {
    let staff = ["RC-01-PROOF", "RC-05-PROOF", "RC-01-CLAIM", "RC-05-CLAIM"];
    all_findings(Catalog::builtin(), a, on).into_iter().filter(|f| staff.contains(&f.item_id)).collect()
}

fn ids(findings: &[Finding]) -> Vec<&'static str> {
    let mut ids: Vec<&str> = findings.iter().map(|f| f.item_id).collect();
    ids.sort_unstable();
    ids
}

#[test]
fn the_content_ties_the_two_staff_questions_to_the_questions_asked_of_anyone() {
    let catalog = Catalog::builtin();
    let tied: Vec<(&str, &[&str])> = catalog.items.iter().filter(|i| !i.rehearsed_in.is_empty()).map(|i| (i.id, i.rehearsed_in)).collect();
    assert_eq!(
        tied,
        vec![("RC-01-PROOF", &["IQ-ANY-DUTIES"][..]), ("RC-05-PROOF", &["IQ-ANY-POLICY", "IQ-ANY-INCIDENT", "IQ-ANY-BREACH"][..])]
    );
    assert_eq!(catalog.validate(), Vec::<String>::new());
}

#[test]
fn someone_who_could_not_answer_makes_the_yes_on_the_matching_question_a_gap() {
    let mut a = with_fay();
    assert!(staff_findings(&a, today()).is_empty());
    assert_eq!(verdict(&a, today()), Verdict::Ready);
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-INCIDENT", Rating::CouldNotAnswer, today());
    let found = staff_findings(&a, today());
    // Reporting an incident is a rule staff must know (RC-05), not their own duties (RC-01); the
    // claim it proves (acknowledged policies) is not shown by it any more, and is part of it.
    assert_eq!(ids(&found), ["RC-05-CLAIM", "RC-05-PROOF"], "{found:#?}");
    let proof = found.iter().find(|f| f.item_id == "RC-05-PROOF").unwrap();
    assert_eq!((proof.kind, proof.severity, proof.cost), (FindingKind::Gap, Severity::Minor, weight(Severity::Minor)));
    assert!(
        proof.explanation.starts_with(&format!(
            "Answered yes, but at the interview rehearsals Fay Ortiz could not answer “Reporting an incident” ({}): an \
             auditor who asks a sample of staff could find the same.",
            today()
        )),
        "{}",
        proof.explanation
    );
    let claim = found.iter().find(|f| f.item_id == "RC-05-CLAIM").unwrap();
    assert_eq!(claim.kind, FindingKind::CheckboxGap);
    assert!(!claim.stands_alone(), "one nonconformity with its proof");
    let catalog = Catalog::builtin();
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((s.verdict, s.minors), (Verdict::NearlyReady, 1));
    // A shaky answer is not a failed one.
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-INCIDENT", Rating::Shaky, today());
    assert!(staff_findings(&a, today()).is_empty());
    // Answered no, it is the user's own gap, said as such.
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-DUTIES", Rating::CouldNotAnswer, today());
    assert_eq!(ids(&staff_findings(&a, today())), ["RC-01-CLAIM", "RC-01-PROOF"]);
    a.set_answer("RC-01-PROOF", Answer::No, today());
    let found = staff_findings(&a, today());
    let proof = found.iter().find(|f| f.item_id == "RC-01-PROOF").unwrap();
    assert_eq!(proof.kind, FindingKind::Gap);
    assert!(proof.explanation.starts_with("Not in place."), "{}", proof.explanation);
}

#[test]
fn one_person_failing_every_question_asked_of_anyone_is_one_awareness_gap() {
    let mut a = with_fay();
    for q in ["IQ-ANY-DUTIES", "IQ-ANY-POLICY", "IQ-ANY-INCIDENT", "IQ-ANY-BREACH"] {
        interview::record(&mut a.rehearsals, "p6", q, Rating::CouldNotAnswer, today());
    }
    let found = staff_findings(&a, today());
    let standing: Vec<&str> = found.iter().filter(|f| f.stands_alone()).map(|f| f.item_id).collect();
    assert_eq!(standing, ["RC-01-PROOF"], "{found:#?}");
    let rules = found.iter().find(|f| f.item_id == "RC-05-PROOF").unwrap();
    assert_eq!(rules.part_of.as_ref().map(|p| p.item_id), Some("RC-01-PROOF"));
    let catalog = Catalog::builtin();
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((s.verdict, s.majors, s.minors), (Verdict::NearlyReady, 0, 1));
}

#[test]
fn staff_who_could_not_answer_because_the_thing_asked_about_is_missing_are_part_of_that_gap() {
    // Auditor probe: no disciplinary process ("no"), and Fay could not say what happens after a
    // breach: the missing process and the staff unaware of it made two minors, which then added
    // up. The content names the gap each question asked of anyone follows from.
    let bank = interview::QuestionBank::builtin();
    let causes: Vec<(&str, &[&str])> =
        bank.questions.iter().filter(|q| !q.follows_from.is_empty()).map(|q| (q.id, q.follows_from)).collect();
    assert_eq!(
        causes,
        vec![
            ("IQ-ANY-DUTIES", &["A54-CTL-01"][..]),
            ("IQ-ANY-POLICY", &["C52-POL-06"][..]),
            ("IQ-ANY-INCIDENT", &["C53-PRE-05"][..]),
            ("IQ-ANY-BREACH", &["A54-CTL-05"][..])
        ]
    );
    let catalog = Catalog::builtin();
    let mut a = with_fay();
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-BREACH", Rating::CouldNotAnswer, today());
    a.set_answer("A54-CTL-05", Answer::No, today());
    let found = all_findings(catalog, &a, today());
    let rules = found.iter().find(|f| f.item_id == "RC-05-PROOF").expect("the rehearsal still shows on the yes");
    assert_eq!(rules.part_of.as_ref().map(|p| p.item_id), Some("A54-CTL-05"));
    assert!(rules.explanation.contains("Fay Ortiz could not answer “What happens after a breach”"), "{}", rules.explanation);
    let s = compute(catalog, &a, &found);
    assert_eq!((s.majors, s.minors), (0, 1), "one minor: the missing process");
    // The auditor's and the board's copies keep what it is part of, without the names.
    use audit_readiness::domain::export::{Profile, Report};
    for profile in [Profile::Auditor, Profile::Board] {
        let report = Report::new(catalog, &a, today()).redacted(profile);
        let rules = report.findings.iter().find(|f| f.item_id == "RC-05-PROOF").unwrap();
        assert!(
            rules.explanation.starts_with("Part of “Disciplinary process for security breaches”"),
            "{profile:?}: {}",
            rules.explanation
        );
        assert!(!rules.explanation.contains("Fay"), "{}", rules.explanation);
    }
    // "Not applicable" counts as no here (A 5.4 applies to every company), so it is the same.
    a.set_answer("A54-CTL-05", Answer::NotApplicable, today());
    a.set_na_justification("A54-CTL-05", "We trust our people".into());
    let rules = staff_findings(&a, today()).into_iter().find(|f| f.item_id == "RC-05-PROOF").unwrap();
    assert_eq!(rules.part_of.map(|p| p.item_id), Some("A54-CTL-05"));
    // "Partly" on an Annex A control is only an observation: the staff minor is not swallowed by
    // it (second auditor probe: it read "Ready" with staff unaware of the rules).
    a.set_answer("A54-CTL-05", Answer::Partly, today());
    let rules = staff_findings(&a, today()).into_iter().find(|f| f.item_id == "RC-05-PROOF").unwrap();
    assert!(rules.stands_alone(), "{rules:?}");
    assert_eq!(verdict(&a, today()), Verdict::NearlyReady);
    // With the process in place, the failure stands alone too.
    a.set_answer("A54-CTL-05", Answer::Yes, today());
    let rules = staff_findings(&a, today()).into_iter().find(|f| f.item_id == "RC-05-PROOF").unwrap();
    assert!(rules.stands_alone());
    // A failure the missing process does not explain keeps the gap a gap of its own.
    a.set_answer("A54-CTL-05", Answer::No, today());
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-INCIDENT", Rating::CouldNotAnswer, today());
    let s = compute(catalog, &a, &all_findings(catalog, &a, today()));
    assert_eq!((s.majors, s.minors), (0, 2), "the missing process, and the staff unaware of whom to tell");
    // A staff gap explained by a cause of its own does not carry the other: with the duties
    // unwritten, Fay's failure on her duties is part of that gap, and the incident question she
    // failed (whose cause is in place) stands alone.
    a.set_answer("A54-CTL-05", Answer::Yes, today());
    a.set_answer("A54-CTL-01", Answer::No, today());
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-DUTIES", Rating::CouldNotAnswer, today());
    let found = staff_findings(&a, today());
    let duties = found.iter().find(|f| f.item_id == "RC-01-PROOF").unwrap();
    assert_eq!(duties.part_of.map(|p| p.item_id), Some("A54-CTL-01"));
    let rules = found.iter().find(|f| f.item_id == "RC-05-PROOF").unwrap();
    assert!(rules.stands_alone(), "{rules:?}");
    a.set_answer("A54-CTL-01", Answer::Yes, today());
    a.set_answer("A54-CTL-05", Answer::No, today());
    // Each cause, when open, takes its own question's failures.
    a.set_answer("C53-PRE-05", Answer::No, today());
    let rules = staff_findings(&a, today()).into_iter().find(|f| f.item_id == "RC-05-PROOF").unwrap();
    assert_eq!(rules.part_of.map(|p| p.item_id), Some("C53-PRE-05"), "the cause of the first failure, in the bank's order");
}

#[test]
fn the_key_people_are_judged_by_their_own_interview_item_only() {
    // Ben, the security manager, could not say what his duties are: one minor, on the interview
    // item, not a second on "any employee could explain their duties" (auditor probe).
    let mut a = with_fay();
    interview::record(&mut a.rehearsals, "p2", "IQ-ANY-DUTIES", Rating::CouldNotAnswer, today());
    assert!(staff_findings(&a, today()).is_empty());
    let findings = all_findings(Catalog::builtin(), &a, today());
    let interview = findings.iter().find(|f| f.kind == FindingKind::InterviewGap).expect("the interview item");
    assert_eq!(interview.severity, Severity::Minor);
}

#[test]
fn a_failure_stands_until_re_rated_and_a_leaver_is_no_longer_sampled() {
    let mut a = with_fay();
    // Rated long ago and never again: the records still show someone unaware (auditor probe).
    let long_ago = today().checked_sub_days(Days::new(200)).unwrap();
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-POLICY", Rating::CouldNotAnswer, long_ago);
    assert_eq!(ids(&staff_findings(&a, today())), ["RC-05-CLAIM", "RC-05-PROOF"]);
    // Rated again since: the latest rating is the one that counts.
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-POLICY", Rating::Confident, day(2026, 11, 20));
    assert!(staff_findings(&a, today()).is_empty());
    // Someone who has left is no longer in the auditor's sample.
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-DUTIES", Rating::CouldNotAnswer, day(2026, 11, 20));
    assert_eq!(ids(&staff_findings(&a, today())), ["RC-01-CLAIM", "RC-01-PROOF"]);
    let mut fay = a.register.person("p6").unwrap().clone();
    fay.leaving_date = Some(day(2026, 11, 22));
    a.register.update_person(fay).unwrap();
    assert!(staff_findings(&a, today()).is_empty());
    assert_eq!(verdict(&a, today()), Verdict::Ready);
}

#[test]
fn a_staff_question_not_answered_yes_says_what_the_rehearsals_show() {
    // Auditor probe: a "partly" or "not sure" card said nothing of a failed rehearsal.
    use audit_readiness::domain::interview::staff::staff_question_note;
    use audit_readiness::domain::interview::QuestionBank;
    let catalog = Catalog::builtin();
    let rules = catalog.item("RC-05-PROOF").unwrap();
    let note = |a: &Assessment| staff_question_note(QuestionBank::builtin(), a, rules, today());
    let mut a = with_fay();
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-INCIDENT", Rating::CouldNotAnswer, today());
    assert_eq!(note(&a), None, "a yes gets its finding, which says it");
    for answer in [Answer::Partly, Answer::NotSure] {
        a.set_answer("RC-05-PROOF", answer, today());
        assert_eq!(
            note(&a).as_deref(),
            Some(
                format!(
                    "The interview rehearsals show it: Fay Ortiz could not answer “Reporting an incident” ({}). An \
                     auditor's sample of staff could find the same.",
                    today()
                )
                .as_str()
            ),
            "{answer:?}"
        );
    }
    // Nothing to say about the other question, whose rehearsals nobody failed.
    let duties = catalog.item("RC-01-PROOF").unwrap();
    a.set_answer("RC-01-PROOF", Answer::Partly, today());
    assert_eq!(staff_question_note(QuestionBank::builtin(), &a, duties, today()), None);
}
