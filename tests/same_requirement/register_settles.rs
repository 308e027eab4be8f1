//! What the register settles for a question: open questions it shows met, the holder it names, the card's notes.

use crate::support;
use crate::support::{all, day, today};
use crate::{answered_no, finding, scored, unrecorded_and_powerless};
use audit_readiness::domain::findings::{Finding, FindingKind};
use audit_readiness::domain::points::weight;
use audit_readiness::domain::roles::RoleKind;
use audit_readiness::domain::same_requirement::{check_asking, question_note};
use audit_readiness::domain::{Answer, Assessment, Catalog, Points, Verdict};

/// What the question's card says about its register check, looked up as the card does.
fn card_note(a: &Assessment, question: &str, findings: &[Finding]) -> Option<String> {
    let check = check_asking(Catalog::builtin(), question)?;
    let on = |id: &str| findings.iter().find(|f| f.item_id == id);
    question_note(check, a.response(question).and_then(|r| r.answer), on(question), on(check.id))
}

#[test]
fn an_open_question_the_register_shows_met_costs_nothing_and_says_why() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.responses.remove("C53-PRE-03");
    a.set_answer("C53-PLAY-05", Answer::NotSure, today());
    let (findings, score) = scored(&a);
    assert_eq!(findings, vec![], "the register shows both met");
    assert_eq!((score.percent, score.verdict, score.progress.unanswered()), (100, Verdict::Ready, 1));
    let note = card_note(&a, "C53-PRE-03", &findings).unwrap();
    assert!(note.starts_with("The roles register shows this in place (“One accountable role per responsibility” passes)"), "{note}");
    assert!(note.ends_with("it costs nothing while unanswered. Confirm it by answering."), "{note}");
    // A "not sure" is said as such (founder pass: it read "not answered yet").
    let unsure = card_note(&a, "C53-PLAY-05", &findings).unwrap();
    assert!(unsure.ends_with("so your “not sure” costs nothing. If it holds, answer yes; if not, answer no."), "{unsure}");
    // Answered yes and met on both sides: nothing to add. An item with no register check: never.
    assert_eq!(card_note(&a, "C53-PRE-02", &findings), None);
    assert_eq!(card_note(&a, "C53-PRE-01", &findings), None);
    // Once the register fails too, the open question is charged (counted once with the check).
    unrecorded_and_powerless(&mut a);
    a.responses.remove("C53-PRE-04");
    let (findings, _) = scored(&a);
    assert_eq!(finding(&findings, "C53-PRE-04").kind, FindingKind::Unanswered);
    assert_eq!(finding(&findings, "C53-PRE-04").counted_with.map(|w| w.item_id), Some("REG-AUTHORITY"));
    assert!(finding(&findings, "C53-PRE-04").explanation.starts_with("Counted once, with “Holders have authority, not only duties”"));
    assert_eq!(card_note(&a, "C53-PRE-04", &findings), None, "said once, by the explanation");
}

#[test]
fn the_question_card_names_a_register_check_that_disagrees() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    unrecorded_and_powerless(&mut a);
    let (findings, _) = scored(&a);
    let note = card_note(&a, "C53-PRE-04", &findings).unwrap();
    assert_eq!(
        note,
        "The roles register disagrees: “Holders have authority, not only duties” is open (−2 pts), so this requirement still \
         costs points."
    );
    // An empty register does not disagree: it is still to fill in.
    let mut a = all(catalog, Answer::Yes);
    a.register = Default::default();
    let (findings, _) = scored(&a);
    assert_eq!(
        card_note(&a, "C53-PRE-04", &findings).unwrap(),
        "The roles register does not show this yet (“Holders have authority, not only duties” is open, −2 pts): fill in the \
         register to earn these points."
    );
    // A "no" the register contradicts is worth a second look.
    let mut a = all(catalog, Answer::Yes);
    a.set_answer("C53-PRE-03", Answer::No, today());
    let (findings, _) = scored(&a);
    let note = card_note(&a, "C53-PRE-03", &findings).unwrap();
    assert!(note.starts_with("The roles register shows this in place") && note.ends_with("If it is, review your answer."), "{note}");
}

#[test]
fn a_question_asking_for_a_role_names_the_holder_the_register_records() {
    use audit_readiness::domain::same_requirement::asked_role_note;
    // The founder pass: with Ben recorded as the ISMS conformance owner, "Owner for ISMS
    // conformance" still read "Not yet known: major" with no word of him.
    let catalog = Catalog::builtin();
    let question = catalog.item("C53-MAND-01").unwrap();
    let register = support::valid_register(today());
    let note = asked_role_note(question, &register, Some(Answer::No), today(), None).expect("held, not answered yes");
    assert!(note.starts_with("The roles register names Ben Lindqvist for this role."), "{note}");
    assert_eq!(asked_role_note(question, &register, Some(Answer::Yes), today(), None), None, "answered yes and held");
    let empty = Default::default();
    assert_eq!(asked_role_note(question, &empty, None, today(), None), None, "its finding is part of the register's gap");
    assert!(asked_role_note(question, &empty, Some(Answer::Yes), today(), None)
        .unwrap()
        .contains("names nobody who holds this role today"));
    // Answered yes while the only holder leaves before an upcoming audit (auditor probe: the card
    // read "Ready" while the register check raised the vacancy for audit day).
    let mut leaving = register.clone();
    let mut ben = leaving.person("p2").unwrap().clone();
    ben.leaving_date = Some(day(2026, 12, 3));
    leaving.update_person(ben).unwrap();
    let audit = Some(day(2026, 12, 23));
    let note = asked_role_note(question, &leaving, Some(Answer::Yes), today(), audit).expect("gone by the audit");
    assert_eq!(
        note,
        "Answered yes, but by the audit on 2026-12-23 the roles register names nobody who holds this role: appoint the next \
         holder before then."
    );
    assert_eq!(asked_role_note(question, &register, Some(Answer::Yes), today(), audit), None, "still held on audit day");
    // A question that asks for no role has no such note.
    assert_eq!(asked_role_note(catalog.item("C53-PRE-01").unwrap(), &register, None, today(), None), None);
}

#[test]
fn not_sure_beside_a_register_check_that_only_asks_for_a_renewal_costs_nothing() {
    // Auditor probe: a competence record lapsing before the audit (a reminder at no cost) made the
    // competence question answered "not sure" a minor.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let mut cara = a.register.competence.iter().find(|c| c.id == "c4").unwrap().clone();
    cara.achieved_on = Some(day(2026, 1, 10)); // yearly: lapses 2027-01-10
    a.register.update_competence(cara).unwrap();
    a.audit_date = Some(day(2027, 2, 15));
    a.set_answer("C53-PLAY-05", Answer::NotSure, today());
    let (findings, score) = scored(&a);
    assert!(findings.iter().all(|f| f.item_id != "C53-PLAY-05"), "{findings:#?}");
    assert_eq!((score.verdict, score.percent), (Verdict::Ready, 100));
    let check = check_asking(catalog, "C53-PLAY-05").unwrap();
    let note = card_note(&a, "C53-PLAY-05", &findings).unwrap();
    assert!(note.starts_with(&format!("The roles register shows this in place (“{}” passes)", check.title)), "{note}");
    // Answered no, it is the gap it says, on its own.
    a.set_answer("C53-PLAY-05", Answer::No, today());
    let (findings, _) = scored(&a);
    assert!(finding(&findings, "C53-PLAY-05").counted_with.is_none());
}

#[test]
fn a_part_of_note_says_it_costs_points_only_when_it_does() {
    // Auditor probe: every record renewed a year ago, the audit two months away: a record only
    // to renew in time read "no points lost" and then "though it costs its points".
    use audit_readiness::domain::assessment::EvidenceRecord;
    use chrono::Days;
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.audit_date = today().checked_add_days(Days::new(60));
    let produced = today().checked_sub_days(Days::new(360));
    for item in catalog.items.iter().filter(|i| i.cadence.is_some()) {
        a.edit_evidence(item.id, |list| {
            list.push(EvidenceRecord {
                what: "Meeting record".into(),
                location: "Drive".into(),
                produced_on: produced,
                owner: String::new(),
            })
        });
    }
    let (findings, _) = scored(&a);
    let parts: Vec<&Finding> = findings.iter().filter(|f| f.part_of.is_some()).collect();
    assert!(parts.iter().any(|f| f.cost == Points::ZERO), "{findings:#?}");
    for f in parts {
        let says_cost = f.explanation.contains("its points come back only once this is fixed too");
        assert_eq!(says_cost, f.cost > Points::ZERO, "{}: {}", f.item_id, f.explanation);
        assert!(f.explanation.starts_with("Part of “"), "{}", f.explanation);
    }
}

#[test]
fn a_role_the_register_shows_formally_given_settles_an_open_question_asking_for_it() {
    use audit_readiness::domain::same_requirement::asked_role_note;
    // Auditor probe: "not sure" on the conformance owner read a major, while the register showed
    // Ben appointed by letter, dated, with the authority to enforce: what the question asks.
    let catalog = Catalog::builtin();
    let question = catalog.item("C53-MAND-01").unwrap();
    for open in [None, Some(Answer::NotSure)] {
        let mut a = all(catalog, Answer::Yes);
        a.responses.remove(question.id);
        if let Some(answer) = open {
            a.set_answer(question.id, answer, today());
        }
        let (findings, score) = scored(&a);
        assert!(findings.iter().all(|f| f.item_id != question.id), "{open:?}: {findings:#?}");
        assert_eq!((score.majors, score.verdict), (0, Verdict::Ready), "{open:?}");
        let note = asked_role_note(question, &a.register, open, today(), None).expect("a note");
        assert!(
            note.starts_with("The roles register shows Ben Lindqvist appointed to this role, with the appointment on record"),
            "{note}"
        );
        let costs = if open.is_some() { "your “not sure” costs nothing" } else { "it costs nothing while unanswered" };
        assert!(note.contains(costs), "{note}");
        // Without the authority to enforce, the register shows it only partly given: the open
        // answer is only partly shown, and part of the register's one minor (auditor probe: a
        // major, five points for one tick, where "yes" read one minor).
        let mut unsettled = a.clone();
        let mut given = unsettled.register.assignments.iter().find(|x| x.id == "a3").unwrap().clone();
        given.authority_granted = false;
        unsettled.register.update_assignment(given).unwrap();
        let (findings, score) = scored(&unsettled);
        let f = finding(&findings, question.id);
        assert_eq!(
            (f.kind, f.severity, score.verdict),
            (FindingKind::Unanswered, audit_readiness::domain::Severity::Minor, Verdict::NearlyReady)
        );
        assert_eq!(f.part_of.map(|p| p.item_id), Some("REG-AUTHORITY"));
        let half =
            weight(question.finding) - audit_readiness::domain::points::earned(Some(Answer::Partly), weight(question.finding)).unwrap();
        assert_eq!(f.cost, half);
        assert!(f.explanation.contains("only partly shown"), "{}", f.explanation);
        assert_eq!((score.majors, score.minors), (0, 1));
        // Without the appointment record, likewise, with that check.
        let mut unrecorded = a.clone();
        let mut given = unrecorded.register.assignments.iter().find(|x| x.id == "a3").unwrap().clone();
        given.appointment_evidence.clear();
        unrecorded.register.update_assignment(given).unwrap();
        let (findings, _) = scored(&unrecorded);
        assert_eq!(finding(&findings, question.id).part_of.map(|p| p.item_id), Some("REG-APPOINTMENT-EVIDENCE"));
        let note = asked_role_note(question, &unsettled.register, open, today(), None).expect("a note");
        assert!(note.starts_with("The roles register names Ben Lindqvist for this role."), "{note}");
        // Nor when the holder leaves before an upcoming audit.
        let mut leaving = a.clone();
        let mut ben = leaving.register.person("p2").unwrap().clone();
        ben.leaving_date = Some(day(2026, 12, 3));
        leaving.register.update_person(ben).unwrap();
        leaving.audit_date = Some(day(2026, 12, 23));
        assert!(scored(&leaving).0.iter().any(|f| f.item_id == question.id), "{open:?}");
    }
    // Short only on the audit day: Ben, fully appointed, hands over to Dev before it without the
    // authority ticked (auditor probe: a major, where the register raises one minor).
    let mut handover = all(catalog, Answer::Yes);
    handover.responses.remove(question.id);
    let mut ben = handover.register.person("p2").unwrap().clone();
    ben.leaving_date = Some(day(2026, 12, 23));
    handover.register.update_person(ben).unwrap();
    let mut dev = support::appoint("a40", RoleKind::IsmsConformance, "p4", Some("p1"), None, day(2026, 12, 18));
    dev.authority_granted = false;
    handover.register.add_assignment(dev).unwrap();
    handover.audit_date = Some(day(2027, 1, 22));
    let (findings, score) = scored(&handover);
    let f = finding(&findings, question.id);
    assert_eq!((f.severity, f.part_of.map(|p| p.item_id)), (audit_readiness::domain::Severity::Minor, Some("REG-AUTHORITY")));
    // (Ben's other roles, left empty by the audit, are the register's own major.)
    assert!(!f.stands_alone() && score.majors == 1, "{findings:#?}");
    // A "no" stays the user's word: a gap, the register's record notwithstanding.
    let (findings, _) = scored(&answered_no(&[question.id]));
    assert_eq!(finding(&findings, question.id).kind, FindingKind::Gap);
}

#[test]
fn the_register_settles_an_appointment_question_but_only_half_of_a_duty_whose_output_it_cannot_show() {
    use audit_readiness::domain::same_requirement::asked_role_note;
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    // The conformance owner's appointment is all C53-MAND-01 asks: settled by the register.
    a.set_answer("C53-MAND-01", Answer::NotSure, today());
    assert_eq!(scored(&a).0, vec![]);
    // C53-MAND-02 also asks whether the performance reports reach the management review (auditor
    // probe: "not sure" read 100 % and "Ready" where "partly" lost half its points).
    a.set_answer("C53-MAND-02", Answer::NotSure, today());
    let (findings, score) = scored(&a);
    let f = finding(&findings, "C53-MAND-02");
    let item = catalog.item("C53-MAND-02").unwrap();
    assert_eq!((f.kind, f.severity, f.cost), (FindingKind::Unanswered, catalog.partly_severity(item), Points::halves(3)));
    assert!(f.explanation.contains("but not what the duty produces"), "{}", f.explanation);
    assert_ne!(score.verdict, Verdict::Ready);
    let mut partly = a.clone();
    partly.set_answer("C53-MAND-02", Answer::Partly, today());
    assert_eq!(scored(&partly).1.earned, score.earned, "never better than partly");
    let note = asked_role_note(item, &a.register, Some(Answer::NotSure), today(), None).unwrap();
    assert!(note.ends_with("what the duty produces it cannot show, so until this is answered it counts as only partly shown."), "{note}");
}

#[test]
fn the_panel_counts_the_open_questions_the_register_shows_so_its_count_meets_the_plans() {
    // Founder pass of stop 52: "7 of 104 questions answered" beside the plan's "Answer the 96
    // questions not answered yet": the register showed what the other open ones asked.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.responses.clear();
    let (findings, score) = scored(&a);
    let to_answer = findings.iter().filter(|f| f.kind == FindingKind::Unanswered).count();
    let p = score.progress;
    assert_eq!(p.answered, 0);
    assert!(p.register_shows > 0, "{p:?}");
    assert_eq!(p.unanswered() - p.register_shows, to_answer);
    assert_eq!(
        p.panel_text(),
        format!("0 of {} questions answered; the roles register already shows {} open questions in place", p.questions, p.register_shows)
    );
    // Each one it shows is open with nothing asked of it; a "not sure" among them is counted too.
    let shown: Vec<_> = catalog
        .items
        .iter()
        .filter(|i| !i.is_derived() && !findings.iter().any(|f| f.item_id == i.id && f.kind == FindingKind::Unanswered))
        .map(|i| i.id)
        .collect();
    assert_eq!(shown.len(), p.register_shows, "{shown:?}");
    // The reports say it beside their own count of the questions open.
    use audit_readiness::domain::export::{markdown, oscal, Report};
    let report = Report::new(catalog, &a, today());
    let said = format!("; the roles register already shows {} open questions in place. Expected", p.register_shows);
    assert!(markdown::render(&report).contains(&said), "markdown");
    assert!(oscal::render(&report).contains(&format!("the roles register already shows {} open questions in place.", p.register_shows)));
    a.set_answer(shown[0], Answer::NotSure, today());
    let (_, score) = scored(&a);
    assert_eq!((score.progress.not_sure, score.progress.register_shows), (1, p.register_shows));
    let one_unsure = format!("1 of {} questions answered, 1 of them “not sure”", p.questions);
    assert!(score.progress.panel_text().starts_with(&format!("{one_unsure}; the roles register already shows ")));
    // Without a register nothing is shown, and nothing is said.
    a.register = Default::default();
    let (findings, score) = scored(&a);
    assert_eq!(score.progress.register_shows, 0);
    assert_eq!(
        score.progress.unanswered() + score.progress.not_sure,
        findings.iter().filter(|f| f.kind == FindingKind::Unanswered).count()
    );
    assert_eq!(score.progress.panel_text(), one_unsure);
}
