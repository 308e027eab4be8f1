//! What a verdict rests on that the score cannot see: "yes" answers with no evidence recorded,
//! and register gaps that open soon while no upcoming audit date is set.

mod support;

use audit_readiness::domain::assessment::EvidenceRecord;
use audit_readiness::domain::caveats::{caveats, on_your_word, verdict_label, Caveat, LOOKAHEAD_DAYS};
use audit_readiness::domain::export::{markdown, oscal, Report};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::roles::RoleKind;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, Verdict};
use chrono::Days;
use support::{all, day, today};

/// Every question answered yes, each with a described evidence record.
fn all_evidenced() -> Assessment {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    for item in catalog.items.iter().filter(|i| !i.is_derived()) {
        let record = EvidenceRecord { what: format!("Record for {}", item.id), produced_on: Some(today()), ..Default::default() };
        a.responses.get_mut(item.id).unwrap().evidence.push(record);
    }
    a
}

fn verdict(a: &Assessment) -> Verdict {
    let catalog = Catalog::builtin();
    compute(catalog, a, &all_findings(catalog, a, today())).verdict
}

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
fn a_key_holder_leaving_soon_without_an_audit_date_is_said_next_to_ready() {
    let mut a = all_evidenced();
    let mut ben = a.register.person("p2").unwrap().clone();
    ben.leaving_date = Some(day(2026, 11, 30)); // in a week
    a.register.update_person(ben).unwrap();
    // Today the checks find nothing: Ben still works here.
    assert_eq!(verdict(&a), Verdict::Ready);
    let found = caveats(Catalog::builtin(), &a, today());
    let by = today().checked_add_days(Days::new(LOOKAHEAD_DAYS)).unwrap();
    let [Caveat::RegisterChangesSoon { from, checks, problems, following }] = found.as_slice() else { panic!("{found:?}") };
    // Dated by his departure, not by the end of the look-ahead window.
    assert_eq!(*from, Some(day(2026, 11, 30)));
    assert!(
        problems.iter().any(|p| p.starts_with("From 2026-11-30: Nobody who works here holds the role Information security manager")),
        "{problems:?}"
    );
    assert!(problems.iter().any(|p| p.contains("as deputy, whose leaving date is 2026-11-30")), "{problems:?}");
    // What only follows from his roles left without a holder (his duties, his reporting line,
    // his name still on the roles) is one closing line, not a dozen more naming him.
    assert!(!problems.iter().any(|p| p.contains("Ben Lindqvist still holds the role")), "{problems:?}");
    assert!(!problems.iter().any(|p| p.contains("is accountable for")), "{problems:?}");
    let details = found[0].details();
    assert_eq!(details.len(), problems.len() + 1);
    assert_eq!(
        details.last().unwrap(),
        &format!("{following} more problems follow from roles left without a holder (their duties, reporting line and records).")
    );
    assert!(*following >= 6, "{following}");
    // Counted by check, not by sentence: one leaver names his roles in many sentences.
    let all = problems.len() + following;
    assert!(*checks < all && *checks >= 2, "{checks} checks, {problems:?}");
    assert_eq!(found[0].count_text(), Some(format!("{checks} checks, {all} problems")));
    assert_eq!(
        found[0].text(),
        format!(
            "With no upcoming audit date set, the register is judged as it is today, but within 90 days {checks} register \
             checks find new gaps, the first from 2026-11-30. Enter the next audit date to judge the register as it will be then."
        )
    );
    // With the audit date before he leaves: nothing to warn of, the checks judge audit day.
    a.audit_date = Some(day(2026, 11, 27));
    assert_eq!(caveats(Catalog::builtin(), &a, today()), []);
    // With it after: the major is raised, so the warning is the verdict itself.
    a.audit_date = Some(day(2026, 12, 10));
    assert_eq!(verdict(&a), Verdict::NotReady);
    assert_eq!(caveats(Catalog::builtin(), &a, today()), []);
    // An audit date already past judges nothing ahead: the warning is back, asking for the next.
    a.audit_date = Some(day(2026, 11, 1));
    assert!(matches!(caveats(Catalog::builtin(), &a, today()).as_slice(), [Caveat::RegisterChangesSoon { .. }]));
    assert!(caveats(Catalog::builtin(), &a, today())[0].text().starts_with("With no upcoming audit date set"));
    // An audit today judges the register as it is: what changes after it is no caveat for it.
    a.audit_date = Some(today());
    assert_eq!(caveats(Catalog::builtin(), &a, today()), []);
    // A leaving date beyond the look-ahead is not a warning yet.
    let mut ben = a.register.person("p2").unwrap().clone();
    ben.leaving_date = by.checked_add_days(Days::new(1));
    a.register.update_person(ben).unwrap();
    assert_eq!(caveats(Catalog::builtin(), &a, today()), []);
}

#[test]
fn the_report_carries_the_verdict_s_caveats_for_every_audience_naming_nobody() {
    use audit_readiness::domain::export::{html, markdown, Profile, Report};
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    // One evidenced "yes"; the others rest on the user's word. The security manager leaves in a
    // week, and no audit date is set.
    a.responses.get_mut("C52-POL-08").unwrap().evidence.push(EvidenceRecord { what: "Signed policy".into(), ..Default::default() });
    let mut ben = a.register.person("p2").unwrap().clone();
    ben.leaving_date = Some(day(2026, 11, 30));
    a.register.update_person(ben).unwrap();
    let questions = catalog.items.iter().filter(|i| !i.is_derived()).count();
    for profile in [Profile::Full, Profile::Auditor, Profile::Board] {
        let r = Report::new(catalog, &a, today()).redacted(profile);
        for (format, text) in [("markdown", markdown::render(&r)), ("html", html::render(&r))] {
            let evidence = format!("Caveat: {} “yes” answers have no evidence recorded", questions - 1);
            assert!(text.contains(&evidence), "{profile:?} {format}: {evidence}");
            assert!(
                text.contains("Caveat: With no upcoming audit date set, the register is judged as it is today"),
                "{profile:?} {format}"
            );
        }
        if profile == Profile::Board {
            assert!(!markdown::render(&r).contains("Lindqvist"), "the board's report names nobody");
        }
    }
    // Everything evidenced and nobody leaving: no caveat, once the recurring activities' records
    // are dated too.
    let mut b = all(catalog, Answer::Yes);
    for item in catalog.items.iter().filter(|i| !i.is_derived()) {
        b.responses
            .get_mut(item.id)
            .unwrap()
            .evidence
            .push(EvidenceRecord { what: format!("Meeting record for {}", item.id), ..Default::default() });
    }
    let recurring = catalog.items.iter().filter(|i| i.recurring).count();
    let undated = format!("Caveat: {recurring} recurring activities answered “yes” have a record without a date");
    assert!(markdown::render(&Report::new(catalog, &b, today())).contains(&undated));
    for item in catalog.items.iter().filter(|i| i.recurring) {
        b.responses.get_mut(item.id).unwrap().evidence[0].produced_on = Some(today());
    }
    assert!(!markdown::render(&Report::new(catalog, &b, today())).contains("Caveat:"));
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
fn evidence_renewed_on_role_change_older_than_the_latest_appointment_is_said_once_with_each_record() {
    let catalog = Catalog::builtin();
    let mut a = all_evidenced();
    let appointed = today() - Days::new(30);
    // Ben was made security manager a month ago; the org chart and the signed assignments predate it.
    a.register.assignments.iter_mut().find(|x| x.id == "a2").unwrap().appointed_on = Some(appointed);
    let date = |a: &mut Assessment, id: &str, on: Option<chrono::NaiveDate>| a.responses.get_mut(id).unwrap().evidence[0].produced_on = on;
    date(&mut a, "C53-PRE-08", Some(today() - Days::new(60)));
    date(&mut a, "C53-PRE-02", Some(today() - Days::new(31)));
    // Renewed the day of the appointment: current. Undated: nothing to compare. A yearly item: its own rule.
    date(&mut a, "C53-PRE-05", Some(appointed));
    date(&mut a, "A54-CTL-01", None);
    date(&mut a, "C53-REP-02", Some(today() - Days::new(60)));
    let found = caveats(catalog, &a, today());
    let expected = Caveat::PredatesRoleChange {
        change: format!("the {} on {appointed}", RoleKind::SecurityManager.label()),
        items: vec![
            ("C53-PRE-02", catalog.item("C53-PRE-02").unwrap().title, today() - Days::new(31)),
            ("C53-PRE-08", catalog.item("C53-PRE-08").unwrap().title, today() - Days::new(60)),
        ],
    };
    assert_eq!(found, std::slice::from_ref(&expected));
    assert_eq!(
        expected.text(),
        format!(
            "2 “yes” answers renewed when roles change rest on evidence dated before the register's latest appointment, \
             the Information security manager (ISMS owner) on {appointed}: check that the evidence of “Assignments are \
             signed” and “The org chart shows the reporting route” shows today's roles, as an auditor will compare it with \
             the register."
        )
    );
    assert_eq!(expected.details()[1], format!("The org chart shows the reporting route: newest record {}.", today() - Days::new(60)));
    // It costs nothing: the chart may already show the new role.
    assert_eq!(verdict(&a), Verdict::Ready);
    // An appointment dated ahead has not changed anything yet.
    a.register.assignments.iter_mut().find(|x| x.id == "a9").unwrap().appointed_on = Some(today() + Days::new(5));
    assert_eq!(caveats(catalog, &a, today()), [expected]);
    // A "no" is not a claim resting on that evidence; a newer record lifts it.
    a.set_answer("C53-PRE-02", Answer::No, today());
    a.responses.get_mut("C53-PRE-08").unwrap().evidence.push(EvidenceRecord {
        what: "Org chart v3".into(),
        produced_on: Some(today()),
        ..Default::default()
    });
    assert!(caveats(catalog, &a, today()).iter().all(|c| !matches!(c, Caveat::PredatesRoleChange { .. })));
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
fn key_people_who_have_not_rehearsed_are_said_next_to_ready() {
    // Interview pass: nobody rehearsed, two weeks before the audit, read "Ready" with nothing
    // said, while rehearsing honestly read worse.
    let catalog = Catalog::builtin();
    let mut a = all_evidenced();
    a.audit_date = today().checked_add_days(Days::new(14));
    assert_eq!(caveats(catalog, &a, today()), vec![], "the key people rehearsed today");
    a.rehearsals.clear();
    assert_eq!(verdict(&a), Verdict::Ready, "not having rehearsed is an observation");
    let said = caveats(catalog, &a, today());
    assert_eq!(said, vec![Caveat::NotRehearsed { count: 3 }]);
    assert_eq!(
        said[0].text(),
        "3 key people have not rehearsed the auditor's interview, or not recently enough to count: the verdict takes on \
         trust that they all can explain their duties."
    );
    // A rating too old for the audit is no rehearsal; one key person rehearsed leaves two.
    let long_ago = today().checked_sub_days(Days::new(120)).unwrap();
    audit_readiness::domain::interview::record(
        &mut a.rehearsals,
        "p1",
        "IQ-TM-DUTIES",
        audit_readiness::domain::interview::Rating::Confident,
        long_ago,
    );
    assert_eq!(caveats(catalog, &a, today()), vec![Caveat::NotRehearsed { count: 3 }]);
    audit_readiness::domain::interview::record(
        &mut a.rehearsals,
        "p1",
        "IQ-TM-DUTIES",
        audit_readiness::domain::interview::Rating::Shaky,
        today(),
    );
    // The CEO's one shaky answer of a card leaves top management not shown prepared: beside the
    // "yes" on its interview, the card and the panel say so (`AnswersDisagree`).
    let said = caveats(catalog, &a, today());
    assert_eq!(said[0], Caveat::NotRehearsed { count: 2 });
    assert!(matches!(said.as_slice(), [_, Caveat::AnswersDisagree { .. }]), "{said:?}");
    // Nobody in a key role: the register's own major says so, not a caveat.
    a.register = Default::default();
    assert!(!caveats(catalog, &a, today()).iter().any(|c| matches!(c, Caveat::NotRehearsed { .. })));
}

#[test]
fn a_yes_on_top_management_s_interview_the_rehearsals_do_not_bear_out_is_said_in_the_panel_and_every_report() {
    // Auditor probe: the CEO could not answer any question of the card, "Executives ready for
    // auditor interviews" stayed "yes", and only that question's card said so: the exports and
    // the board's copy did not. Second probe: the caveat and the card must follow one rule.
    use audit_readiness::domain::export::{html, Profile};
    use audit_readiness::domain::interview::readiness::interview_question_note;
    use audit_readiness::domain::interview::{record, QuestionBank, Rating};
    let catalog = Catalog::builtin();
    let disagrees = |a: &Assessment| caveats(catalog, a, today()).into_iter().find(|c| matches!(c, Caveat::AnswersDisagree { .. }));
    let card_disagrees = |a: &Assessment| interview_question_note(QuestionBank::builtin(), a, true, today()).is_some();
    let mut a = all_evidenced();
    assert_eq!((disagrees(&a), card_disagrees(&a)), (None, false));
    // A question off the CEO's card (the third-party manager's register) changes nothing.
    record(&mut a.rehearsals, "p1", "IQ-TP-REGISTER", Rating::CouldNotAnswer, today());
    assert_eq!((disagrees(&a), card_disagrees(&a)), (None, false));
    // One on it: the card and the caveat both say so.
    record(&mut a.rehearsals, "p1", "IQ-TM-RISK", Rating::CouldNotAnswer, today());
    assert!(card_disagrees(&a));
    let asked: Vec<_> = catalog.items.iter().filter(|i| i.asks_top_management_interview()).map(|i| (i.id, i.title)).collect();
    let caveat = disagrees(&a).expect("said");
    assert_eq!(caveat, Caveat::AnswersDisagree { items: asked.clone() });
    let text = caveat.text();
    assert!(
        text.ends_with(&format!(
            "by the interview rehearsals, which do not show top management prepared yet: review “{}”, as an auditor will judge by \
             the interview.",
            asked[0].1
        )),
        "{text}"
    );
    assert_eq!(asked.len(), 1, "one question asks for top management's interview");
    for profile in [Profile::Full, Profile::Auditor, Profile::Board] {
        let r = Report::new(catalog, &a, today()).redacted(profile);
        assert!(markdown::render(&r).contains(&format!("Caveat: {text}")), "{profile:?} markdown");
        assert!(html::render(&r).contains("is not borne out by the interview rehearsals"), "{profile:?} html");
        // The question is named, for the file has no card to point at (founder pass of stop 44).
        assert!(html::render(&r).contains(&format!("review “{}”", html::escape(asked[0].1))), "{profile:?} html");
    }
    // Answered otherwise, there is nothing to contradict.
    let mut partly = a.clone();
    for (id, _) in &asked {
        partly.set_answer(id, Answer::Partly, today());
    }
    assert_eq!(disagrees(&partly), None);
    // With no rating recent enough to count, "not rehearsed" says it instead.
    let old = today().checked_sub_days(Days::new(400)).unwrap();
    for r in a.rehearsals.iter_mut().filter(|r| r.person_id == "p1") {
        r.on = old;
    }
    let said = caveats(catalog, &a, today());
    assert!(said.iter().any(|c| matches!(c, Caveat::NotRehearsed { .. })), "{said:?}");
    assert_eq!(disagrees(&a), None);
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
