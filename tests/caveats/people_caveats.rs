//! Caveats from the people: key holders leaving soon, role changes, rehearsals; the report naming nobody.

use crate::support::{all, day, today};
use crate::{all_evidenced, verdict};
use audit_readiness::domain::assessment::EvidenceRecord;
use audit_readiness::domain::caveats::{caveats, Caveat, LOOKAHEAD_DAYS};
use audit_readiness::domain::export::{markdown, Report};
use audit_readiness::domain::roles::RoleKind;
use audit_readiness::domain::{Answer, Assessment, Catalog, Verdict};
use chrono::Days;

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
