//! Caveats from the evidence: yes without records, undated records, records lapsing ahead, one record for many.

use crate::support::{all, day, today};
use crate::{all_evidenced, verdict};
use audit_readiness::domain::assessment::EvidenceRecord;
use audit_readiness::domain::caveats::{caveats, on_your_word, verdict_label, Caveat};
use audit_readiness::domain::export::{markdown, oscal, Report};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::{Answer, Assessment, Catalog, Verdict};
use chrono::Days;

#[test]
fn ready_with_every_yes_evidenced_and_nothing_changing_has_no_caveat() {
    let a = all_evidenced();
    assert_eq!(verdict(&a), Verdict::Ready);
    assert_eq!(caveats(Catalog::builtin(), &a, today()), []);
}

#[test]
fn yes_answers_without_evidence_are_counted_and_a_blank_record_is_no_evidence() {
    let mut a = all_evidenced();
    a.responses.get_mut("C52-POL-08").unwrap().evidence.clear();
    a.responses.get_mut("C53-MAND-01").unwrap().evidence[0].what = "  ".into();
    // Nor is a record that says "none" (auditor probe: it lifted the caveat).
    a.responses.get_mut("C53-MAND-02").unwrap().evidence[0].what = "none".into();
    // A "no" without evidence is not a claim, so it is not counted.
    a.set_answer("C52-POL-01", Answer::No, today());
    a.responses.get_mut("C52-POL-01").unwrap().evidence.clear();
    let found = caveats(Catalog::builtin(), &a, today());
    assert_eq!(found, [Caveat::SelfDeclared { count: 3 }]);
    assert_eq!(
        found[0].text(),
        "3 “yes” answers have no evidence recorded: the verdict takes your word for them, and an auditor will ask to see the evidence."
    );
    // Nothing is charged for it: the evidence may be kept elsewhere.
    let one = Caveat::SelfDeclared { count: 1 };
    assert!(one.text().starts_with("1 “yes” answer has no evidence recorded: the verdict takes your word for it,"));
    let all_bare = all(Catalog::builtin(), Answer::Yes);
    assert_eq!(verdict(&all_bare), Verdict::Ready);
    let questions = Catalog::builtin().items.iter().filter(|i| !i.is_derived()).count();
    assert_eq!(caveats(Catalog::builtin(), &all_bare, today())[0], Caveat::SelfDeclared { count: questions });
}

#[test]
fn a_verdict_resting_mostly_on_yes_answers_with_nothing_recorded_says_on_your_word() {
    // The founder pass: every question "yes" with nothing recorded read a green "Ready".
    let catalog = Catalog::builtin();
    let bare = all(catalog, Answer::Yes);
    assert!(on_your_word(catalog, &bare));
    assert_eq!(verdict_label(verdict(&bare), on_your_word(catalog, &bare)), "Ready, on your word");
    assert_eq!(verdict_label(Verdict::NearlyReady, true), "Nearly ready, on your word");
    assert_eq!(verdict_label(Verdict::NotReady, true), "Not ready", "nothing to qualify");
    // Most "yes" answers evidenced, a few not: the caveat says it, the label does not.
    let mut a = all_evidenced();
    let yes: Vec<&str> = catalog.items.iter().filter(|i| !i.is_derived()).map(|i| i.id).collect();
    let half = yes.len() / 2;
    for id in &yes[..half] {
        a.responses.get_mut(*id).unwrap().evidence.clear();
    }
    assert!(!on_your_word(catalog, &a), "half is not most");
    a.responses.get_mut(yes[half]).unwrap().evidence.clear();
    assert!(on_your_word(catalog, &a), "more than half");
    assert!(!on_your_word(catalog, &all_evidenced()));
    // Every major "yes" with nothing recorded, however many others are evidenced (second
    // auditor probe: the review, the audit and the risk sign-offs on trust read a plain "Ready").
    let mut majors_bare = all_evidenced();
    for item in catalog.items.iter().filter(|i| !i.is_derived() && i.finding == audit_readiness::domain::Severity::Major) {
        majors_bare.responses.get_mut(item.id).unwrap().evidence.clear();
    }
    assert!(on_your_word(catalog, &majors_bare));
    let one_major = catalog.items.iter().find(|i| !i.is_derived() && i.finding == audit_readiness::domain::Severity::Major).unwrap();
    majors_bare.responses.get_mut(one_major.id).unwrap().evidence = all_evidenced().responses[one_major.id].evidence.clone();
    assert!(!on_your_word(catalog, &majors_bare), "one major shown is not all on trust");
    // The reports say it as the panel does.
    let report = Report::new(catalog, &bare, today());
    assert!(markdown::render(&report).contains("Ready, on your word: overall readiness"));
    let evidenced = Report::new(catalog, &all_evidenced(), today());
    assert!(markdown::render(&evidenced).contains("Ready: overall readiness"));
    // OSCAL too (third auditor probe: its verdict read a plain "Ready").
    assert!(
        oscal::render(&report).contains("\"description\":\"Verdict: Ready, on your word (100 %)."),
        "{}",
        &oscal::render(&report)[..600]
    );
    assert!(oscal::render(&evidenced).contains("\"description\":\"Verdict: Ready (100 %)."));
}

#[test]
fn a_recurring_activity_whose_record_has_no_date_is_said_next_to_ready() {
    let catalog = Catalog::builtin();
    let recurring: Vec<_> = catalog.items.iter().filter(|i| i.recurring).map(|i| i.id).collect();
    assert!(recurring.contains(&"MGT-STEP-06") && recurring.contains(&"C53-ISM-02"), "{recurring:?}");
    // The management review and the internal audit: a record each, no date.
    let mut a = all_evidenced();
    for id in ["MGT-STEP-06", "C53-ISM-02"] {
        a.responses.get_mut(id).unwrap().evidence[0].produced_on = None;
    }
    assert_eq!(verdict(&a), Verdict::Ready, "costs nothing: the date may simply not be typed in");
    let found = caveats(catalog, &a, today());
    assert_eq!(found, [Caveat::UndatedActivities { count: 2 }]);
    assert_eq!(
        found[0].text(),
        "2 recurring activities answered “yes” have a record without a date: nothing shows they were held within their interval, \
         and an auditor will ask when."
    );
    assert!(Caveat::UndatedActivities { count: 1 }
        .text()
        .starts_with("1 recurring activity answered “yes” has a record without a date: nothing shows it was held within its interval"));
    // Dated once more, or another record dated: nothing to say.
    a.responses.get_mut("C53-ISM-02").unwrap().evidence.push(EvidenceRecord {
        what: "Audit report".into(),
        produced_on: Some(today()),
        ..Default::default()
    });
    assert_eq!(caveats(catalog, &a, today()), [Caveat::UndatedActivities { count: 1 }]);
    // A document (not an activity) without a date is not one; nor is an activity with no record
    // at all, which the self-declared count already holds.
    let mut b = all_evidenced();
    b.responses.get_mut("C52-POL-08").unwrap().evidence[0].produced_on = None;
    b.responses.get_mut("MGT-STEP-06").unwrap().evidence.clear();
    assert_eq!(caveats(catalog, &b, today()), [Caveat::SelfDeclared { count: 1 }]);
}

#[test]
fn an_undated_record_beside_minutes_dated_ahead_does_not_show_the_review_was_held() {
    // The auditor's probe: the only dated minutes are of a review ten days ahead, and an agenda
    // has no date. Before, the agenda counted as proof it had been held: "Ready", with a caveat.
    let catalog = Catalog::builtin();
    let mut a = all_evidenced();
    a.audit_date = today().checked_add_days(Days::new(30));
    let review = a.responses.get_mut("MGT-STEP-06").unwrap();
    review.evidence[0].produced_on = today().checked_add_days(Days::new(10));
    review.evidence.push(EvidenceRecord { what: "Management review agenda".into(), ..Default::default() });
    assert_eq!(verdict(&a), Verdict::NotReady);
    let findings = all_findings(catalog, &a, today());
    let f = findings.iter().find(|f| f.item_id == "MGT-STEP-06").expect("a finding for the review");
    assert_eq!(f.kind, audit_readiness::domain::FindingKind::NotYetProduced);
    assert!(
        f.explanation.contains("A record without a date cannot show that this recurring activity has already taken place"),
        "{}",
        f.explanation
    );
    // The finding says it all: the undated record is not also a caveat.
    assert_eq!(caveats(catalog, &a, today()), []);
    // Dated in the past, the agenda shows a review was held (it is fresh, so nothing is open).
    a.responses.get_mut("MGT-STEP-06").unwrap().evidence[1].produced_on = Some(today());
    assert_eq!(verdict(&a), Verdict::Ready);
}

#[test]
fn the_look_ahead_dates_a_lapsing_record_by_its_first_day_lapsed_and_an_undated_gap_not_at_all() {
    // The auditor's probe: a competence record valid through today lapses tomorrow, yet the
    // caveat said "the first from" the end of the 90-day window; a record valid through a later
    // day was dated by that last valid day.
    let mut a = all(Catalog::builtin(), Answer::Yes);
    let mut cara = a.register.competence.iter().find(|c| c.person_id == "p3").unwrap().clone();
    cara.achieved_on = Some(day(2025, 11, 23)); // 12-month renewal: valid through today
    a.register.update_competence(cara.clone()).unwrap();
    assert_eq!(verdict(&a), Verdict::Ready, "valid through today");
    let found = caveats(Catalog::builtin(), &a, today());
    let Some(Caveat::RegisterChangesSoon { from, .. }) = found.last() else { panic!("{found:?}") };
    assert_eq!(*from, Some(day(2026, 11, 24)));
    // A gap ahead with no date of its own (a starter without a competence record) names none.
    let undated = Caveat::RegisterChangesSoon { from: None, checks: 1, problems: Vec::new(), following: 0 };
    assert_eq!(
        undated.text(),
        "With no upcoming audit date set, the register is judged as it is today, but within 90 days 1 register check finds new \
         gaps. Enter the next audit date to judge the register as it will be then."
    );
}

#[test]
fn a_record_lapsing_ahead_is_said_from_the_day_it_lapses() {
    let mut a = all_evidenced();
    let mut cara = a.register.competence.iter().find(|c| c.id == "c4").unwrap().clone();
    cara.achieved_on = Some(day(2025, 12, 10)); // renewed every 12 months: lapses after 2026-12-10
    a.register.update_competence(cara).unwrap();
    let found = caveats(Catalog::builtin(), &a, today());
    let [Caveat::RegisterChangesSoon { from, problems, .. }] = found.as_slice() else { panic!("{found:?}") };
    assert_eq!(*from, Some(day(2026, 12, 11)));
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(problems[0].starts_with("From 2026-12-11: Cara Mendes's "), "{problems:?}");
    assert!(problems[0].contains("is past its renewal date, 2026-12-10"), "{problems:?}");
}

#[test]
fn one_record_filed_as_the_only_evidence_of_many_answers_across_areas_is_taken_on_trust() {
    // Score-gaming probe of stop 47: "Board minutes approving the ISMS" as the record of every
    // "yes" read "Ready".
    use audit_readiness::domain::caveats::{REUSED_ANSWERS, REUSED_AREAS};
    let catalog = Catalog::builtin();
    let questions: Vec<_> = catalog.items.iter().filter(|i| !i.is_derived()).collect();
    let minutes = "Board minutes approving the ISMS";
    let file = |a: &mut Assessment, items: &[&audit_readiness::domain::Item], what: &str| {
        for (n, item) in items.iter().enumerate() {
            // Case aside, the same record.
            let what = if n % 2 == 0 { what.to_string() } else { what.to_uppercase() };
            a.responses.get_mut(item.id).unwrap().evidence =
                vec![EvidenceRecord { what, produced_on: Some(today()), ..Default::default() }];
        }
    };
    let mut a = all_evidenced();
    file(&mut a, &questions, minutes);
    let areas = catalog.areas.iter().filter(|area| questions.iter().any(|i| i.area == area.id)).count();
    let expected = Caveat::ReusedRecord { what: minutes.into(), count: questions.len(), areas };
    assert_eq!(caveats(catalog, &a, today()), std::slice::from_ref(&expected));
    assert!(expected
        .text()
        .starts_with(&format!("One record, “{minutes}”, is the only evidence of {} “yes” answers in {areas} areas", questions.len())));
    assert_eq!(verdict_label(verdict(&a), on_your_word(catalog, &a)), "Ready, on your word");
    // A roles document behind one area's questions, or a record behind a few questions in several
    // areas, is no such thing.
    let roles: Vec<_> = questions.iter().copied().filter(|i| i.area == "c53-roles").collect();
    assert!(roles.len() > REUSED_ANSWERS);
    let mut one_area = all_evidenced();
    file(&mut one_area, &roles, "Roles and responsibilities v2");
    assert_eq!(caveats(catalog, &one_area, today()), []);
    let mut spread = Vec::new();
    for area in catalog.areas.iter().take(REUSED_AREAS + 1) {
        spread.extend(questions.iter().filter(|i| i.area == area.id).take(2));
    }
    assert!(spread.len() < REUSED_ANSWERS);
    let mut few = all_evidenced();
    file(&mut few, &spread, minutes);
    assert_eq!(caveats(catalog, &few, today()), []);
    assert_eq!(verdict_label(verdict(&few), on_your_word(catalog, &few)), "Ready");
}

#[test]
fn of_two_records_each_filed_for_many_answers_the_one_filed_for_more_is_named() {
    // Each text is told apart by a fingerprint before the texts are compared (stop 58): a text
    // differing in one letter stays its own, one differing only in ASCII case does not.
    let catalog = Catalog::builtin();
    let questions: Vec<_> = catalog.items.iter().filter(|i| !i.is_derived()).collect();
    let areas = catalog.areas.iter().filter(|area| questions.iter().any(|i| i.area == area.id)).count();
    let (minutes, policy) = ("Board minutes approving the ISMS", "Board minutes approving the ISMs policy");
    for (more, fewer) in [(minutes, policy), (policy, minutes)] {
        let mut a = all_evidenced();
        for (n, item) in questions.iter().enumerate() {
            let what = match n % 3 {
                0 => fewer.to_string(),
                1 => more.to_string(),
                _ => more.to_uppercase(),
            };
            a.responses.get_mut(item.id).unwrap().evidence =
                vec![EvidenceRecord { what, produced_on: Some(today()), ..Default::default() }];
        }
        let count = questions.len() - questions.len().div_ceil(3);
        assert_eq!(caveats(catalog, &a, today()), [Caveat::ReusedRecord { what: more.into(), count, areas }]);
    }
}
