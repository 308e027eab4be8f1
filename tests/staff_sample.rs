//! A question about staff in general ("could any employee explain their duties?", "would they
//! know the rule?") answered yes while the interview rehearsals show someone who could not answer
//! the same (`rehearsed_in` in content/): not met, as an auditor's sample of staff would find
//! (interview pass: three "could not answer" at the spot check left "100 %, Ready").

mod support;

use audit_readiness::domain::findings::all_findings;
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

fn staff_findings(a: &Assessment, on: NaiveDate) -> Vec<(&'static str, FindingKind, Severity, String)> {
    let findings = all_findings(Catalog::builtin(), a, on);
    let staff = findings.into_iter().filter(|f| !f.item.rehearsed_in.is_empty());
    staff.map(|f| (f.item_id, f.kind, f.severity, f.explanation)).collect()
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
    assert_eq!(staff_findings(&a, today()), vec![]);
    assert_eq!(verdict(&a, today()), Verdict::Ready);
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-INCIDENT", Rating::CouldNotAnswer, today());
    let found = staff_findings(&a, today());
    assert_eq!(found.len(), 1, "{found:#?}");
    let (id, kind, severity, explanation) = &found[0];
    // Reporting an incident is a rule staff must know (RC-05), not their own duties (RC-01).
    assert_eq!((*id, *kind, *severity), ("RC-05-PROOF", FindingKind::Gap, Severity::Minor));
    assert!(
        explanation.starts_with(&format!(
            "Answered yes, but at the interview rehearsals Fay Ortiz could not answer “Reporting an incident” ({}): an \
             auditor who asks a sample of staff would find the same.",
            today()
        )),
        "{explanation}"
    );
    let catalog = Catalog::builtin();
    let findings = all_findings(catalog, &a, today());
    let f = findings.iter().find(|f| f.item_id == "RC-05-PROOF").unwrap();
    assert_eq!(f.cost, weight(Severity::Minor), "the whole item, as a no");
    let s = compute(catalog, &a, &findings);
    assert_eq!((s.verdict, s.minors), (Verdict::NearlyReady, 1));
    // A shaky answer is not a failed one; nor is a question the card never asked (a key
    // person's own questions decide the interview item, not this one).
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-INCIDENT", Rating::Shaky, today());
    assert_eq!(staff_findings(&a, today()), vec![]);
    // Answered no, it is the user's own gap, said as such.
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-DUTIES", Rating::CouldNotAnswer, today());
    assert_eq!(staff_findings(&a, today())[0].0, "RC-01-PROOF");
    a.set_answer("RC-01-PROOF", Answer::No, today());
    let found = staff_findings(&a, today());
    assert_eq!((found[0].0, found[0].1), ("RC-01-PROOF", FindingKind::Gap));
    assert!(found[0].3.starts_with("Not in place."), "{}", found[0].3);
}

#[test]
fn only_a_latest_rating_that_still_counts_from_someone_still_here_says_so() {
    let mut a = with_fay();
    // Rated long ago: too old to count for the audit.
    let long_ago = today().checked_sub_days(Days::new(200)).unwrap();
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-POLICY", Rating::CouldNotAnswer, long_ago);
    assert_eq!(staff_findings(&a, today()), vec![]);
    // Rated again since: the latest rating is the one that counts.
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-BREACH", Rating::CouldNotAnswer, day(2026, 11, 1));
    assert_eq!(staff_findings(&a, today()).len(), 1);
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-BREACH", Rating::Confident, day(2026, 11, 20));
    assert_eq!(staff_findings(&a, today()), vec![]);
    // Someone who has left is no longer in the auditor's sample.
    interview::record(&mut a.rehearsals, "p6", "IQ-ANY-DUTIES", Rating::CouldNotAnswer, day(2026, 11, 20));
    assert_eq!(staff_findings(&a, today()).len(), 1);
    let mut fay = a.register.person("p6").unwrap().clone();
    fay.leaving_date = Some(day(2026, 11, 22));
    a.register.update_person(fay).unwrap();
    assert_eq!(staff_findings(&a, today()), vec![]);
    assert_eq!(verdict(&a, today()), Verdict::Ready);
}
