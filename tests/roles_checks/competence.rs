//! Competence records: missing, expired, undated, renewed, lapsing before the audit, and for which role.

use crate::support::{all, appoint, day, person, record, today, valid_register};
use crate::{assess, leave, only_finding, texts};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::roles::checks::{appointment, competence};
use audit_readiness::domain::roles::{Register, RoleKind};
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, FindingKind, Points, Severity, Verdict};

/// Changes one competence record of the register in place.
fn edit_competence(r: &mut Register, id: &str, change: impl FnOnce(&mut audit_readiness::domain::roles::CompetenceRecord)) {
    let mut c = r.competence.iter().find(|c| c.id == id).unwrap().clone();
    change(&mut c);
    r.update_competence(c).unwrap();
}

#[test]
fn missing_expired_and_undated_competence_are_listed_with_dates() {
    let mut r = valid_register(today());
    r.remove_competence("c5").unwrap(); // Dev: nothing left
    let mut cara = r.competence.iter().find(|c| c.id == "c4").unwrap().clone();
    cara.achieved_on = Some(day(2025, 6, 1)); // 12-month renewal: lapsed 2026-06-01
    r.update_competence(cara).unwrap();
    let mut eli = r.competence.iter().find(|c| c.id == "c6").unwrap().clone();
    eli.achieved_on = None;
    r.update_competence(eli).unwrap();
    let problems = competence::problems(&r, today());
    let found = texts(&problems);
    assert!(found.contains("Dev Patel has no competence record for the role Third-party manager"), "{found}");
    assert!(
        found.contains("Cara Mendes's training \"Course c4\" is past its renewal date, 2026-06-01 (renewal due every 12 months)."),
        "{found}"
    );
    assert!(found.contains("Eli Novak's training \"Course c6\" has no date"), "{found}");
    // A general record lapsing is reported once, not once per role Cara holds.
    assert_eq!(found.matches("Course c4").count(), 1);
    let (findings, _) = assess(r);
    let f = only_finding(&findings, "REG-COMPETENCE");
    // Dated the first day it no longer counts (valid through its renewal date).
    assert_eq!((f.kind, f.date), (FindingKind::CompetenceGap, Some(day(2026, 6, 2))));
}

#[test]
fn a_record_that_does_not_say_what_it_is_does_not_stand_in_for_a_lapsed_one() {
    // The auditor probe: Cara's only described record lapsed, and a blank, undated record beside
    // it read "valid today", so the register showed her competent.
    let mut r = valid_register(today());
    let mut cara = r.competence.iter().find(|c| c.id == "c4").unwrap().clone();
    cara.achieved_on = Some(day(2025, 6, 1)); // 12-month renewal: lapsed 2026-06-01
    r.update_competence(cara.clone()).unwrap();
    let blank = audit_readiness::domain::roles::CompetenceRecord {
        id: "c41".into(),
        person_id: "p3".into(),
        description: "  ".into(),
        achieved_on: None,
        renew_every_months: None,
        ..cara
    };
    r.add_competence(blank).unwrap();
    let found = texts(&competence::problems(&r, today()));
    assert!(found.contains("is past its renewal date, 2026-06-01"), "{found}");
    assert!(found.contains("Cara Mendes's training \"(no description)\" does not say what it is, so it shows no competence."), "{found}");
    // Nor does a placeholder (auditor probe: "n/a" read "Ready").
    let mut placeholder = r.competence.iter().find(|c| c.id == "c41").unwrap().clone();
    placeholder.description = "n/a".into();
    r.update_competence(placeholder).unwrap();
    let found = texts(&competence::problems(&r, today()));
    assert!(found.contains("Cara Mendes's training \"n/a\" does not say what it is"), "{found}");
}

#[test]
fn a_renewed_record_replaces_the_lapsed_one_and_a_future_dated_record_does_not_count_yet() {
    let mut r = valid_register(today());
    let mut cara = r.competence.iter().find(|c| c.id == "c4").unwrap().clone();
    cara.achieved_on = Some(day(2025, 6, 1)); // 12-month renewal: lapsed 2026-06-01
    r.update_competence(cara.clone()).unwrap();
    assert!(texts(&competence::problems(&r, today())).contains("is past its renewal date, 2026-06-01"));
    // The refresher course, taken since, is a new record: the old one no longer counts against her.
    let mut renewed = cara.clone();
    renewed.id = "c40".into();
    renewed.achieved_on = Some(day(2026, 7, 1));
    r.add_competence(renewed.clone()).unwrap();
    assert_eq!(texts(&competence::problems(&r, today())), "");
    // Booked for next month is not yet achieved: the lapse stands, and the booking is named.
    renewed.achieved_on = Some(today() + chrono::Days::new(30));
    r.update_competence(renewed).unwrap();
    let found = texts(&competence::problems(&r, today()));
    assert!(found.contains("is past its renewal date, 2026-06-01"), "{found}");
    assert!(found.contains("so it is not achieved yet: it counts from that day"), "{found}");
    // A person whose only record is future-dated cannot show competence either.
    let mut eli = r.competence.iter().find(|c| c.id == "c6").unwrap().clone();
    eli.achieved_on = Some(today() + chrono::Days::new(1));
    r.update_competence(eli).unwrap();
    assert!(texts(&competence::problems(&r, today())).contains("Eli Novak's training \"Course c6\" is dated"));
    // Judged for an audit day ahead, a course dated after it is not "after today" (auditor probe).
    let mut cara = r.competence.iter().find(|c| c.id == "c40").unwrap().clone();
    cara.achieved_on = Some(day(2027, 3, 1));
    r.update_competence(cara).unwrap();
    let on_audit_day = texts(&competence::problems(&r, day(2027, 2, 15)));
    assert!(on_audit_day.contains("\"Course c4\" is dated 2027-03-01, so it is not achieved yet"), "{on_audit_day}");
    assert!(!on_audit_day.contains("today"), "{on_audit_day}");
}

#[test]
fn a_competence_record_whose_words_say_it_is_not_achieved_shows_no_competence() {
    // Score-gaming probe of stop 51: dated in the past, these read "Ready".
    let mut r = valid_register(today());
    let eli = r.competence.iter().find(|c| c.id == "c6").unwrap().clone();
    for text in [
        "ISO 27001 Lead Implementer course, not completed yet",
        "Enrolled in ISO 27001 course, exam pending",
        "ISO 27001 training booked for next quarter",
        "Will be certified next year",
        "No certificate",
        "Years of experience: none",
        "0 years of experience",
        "Certification exam failed twice",
        "ISO 27001 Lead Implementer certificate expired in 2024",
        "CISM, lapsed last year",
        "No security experience",
    ] {
        let mut record = eli.clone();
        record.description = text.into();
        r.update_competence(record).unwrap();
        let found = texts(&competence::problems(&r, today()));
        assert!(
            found.contains(&format!("Eli Novak's training \"{text}\" says it is not held, or not yet, so it shows no competence.")),
            "{found}"
        );
    }
    // A qualification held, with a next step to come, or a finished course, is achieved.
    for text in [
        "CISSP certified, renewal pending",
        "ISO 27001 Lead Auditor course completed",
        "Internal auditor training, 2 days",
        "ISO 27001 Lead Implementer, certificate no. 12345",
        "10 years in security operations",
    ] {
        let mut record = eli.clone();
        record.description = text.into();
        r.update_competence(record).unwrap();
        assert_eq!(texts(&competence::problems(&r, today())), "", "{text}");
    }
}

#[test]
fn what_lapses_or_leaves_before_the_audit_is_open_now_and_says_so() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register = valid_register(today());
    let mut cara = a.register.competence.iter().find(|c| c.id == "c4").unwrap().clone();
    cara.achieved_on = Some(day(2026, 1, 10)); // 12-month renewal: valid today, lapses 2027-01-10
    a.register.update_competence(cara).unwrap();
    leave(&mut a.register, "p2", day(2027, 1, 31)); // Ben leaves at the end of January
    let ids = |a: &Assessment| {
        let mut ids: Vec<&str> = all_findings(catalog, a, today()).iter().map(|f| f.item_id).filter(|id| *id != "REG-SOD").collect();
        ids.dedup();
        ids
    };
    assert_eq!(ids(&a), Vec::<&str>::new(), "no audit date: judged as of today");
    a.audit_date = Some(day(2027, 1, 5));
    assert_eq!(ids(&a), Vec::<&str>::new(), "both still fine on audit day");
    a.audit_date = Some(day(2027, 2, 15));
    let findings = all_findings(catalog, &a, today());
    let competence = findings.iter().find(|f| f.item_id == "REG-COMPETENCE").expect("competence finding");
    assert!(
        competence.details.contains(
            &"By the audit on 2027-02-15: Cara Mendes's training \"Course c4\" is past its renewal date, 2027-01-10 (renewal due every 12 months)."
                .to_string()
        ),
        "{:?}",
        competence.details
    );
    assert_eq!(competence.date, Some(day(2027, 1, 11)), "the first day it no longer counts");
    let assigned = findings.iter().find(|f| f.item_id == "REG-ROLES-ASSIGNED").expect("roles finding");
    assert!(assigned.explanation.contains("By the audit on 2027-02-15:"), "{}", assigned.explanation);
    assert!(assigned.explanation.contains("Information security manager"), "{}", assigned.explanation);
    // Every later finding line of one check after the first follows on from the dated one.
    for f in findings.iter().filter(|f| f.kind.is_register()) {
        let later: Vec<&String> = f.details.iter().skip_while(|d| !d.starts_with("By the audit on 2027-02-15: ")).collect();
        assert!(later.iter().skip(1).all(|d| d.starts_with("Also by then: ")), "{:?}", f.details);
        assert_eq!(f.details.iter().filter(|d| d.starts_with("By the audit on")).count(), usize::from(!later.is_empty()));
    }
    assert!(findings.iter().any(|f| f.details.iter().any(|d| d.starts_with("Also by then: "))), "Ben's leaving opens several lines");
    assert_ne!(compute(catalog, &a, &findings).verdict, Verdict::Ready);
    // An audit date already passed adds nothing.
    a.audit_date = Some(day(2026, 11, 1));
    assert_eq!(ids(&a), Vec::<&str>::new());
}

#[test]
fn a_record_that_only_lapses_before_the_audit_is_a_reminder_that_costs_nothing() {
    // Auditor probe: a yearly course due for renewal before an audit months away read "Nearly
    // ready", while evidence lapsing then costs nothing.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register = valid_register(today());
    edit_competence(&mut a.register, "c4", |c| c.achieved_on = Some(day(2026, 1, 10))); // lapses 2027-01-10
    a.audit_date = Some(day(2027, 2, 15));
    let findings = all_findings(catalog, &a, today());
    let competence = findings.iter().find(|f| f.item_id == "REG-COMPETENCE").expect("the renewal is still said");
    assert_eq!((competence.severity, competence.cost), (Severity::Observation, Points::ZERO));
    assert!(competence.explanation.contains("By the audit on 2027-02-15: Cara Mendes's training"), "{}", competence.explanation);
    assert!(competence.explanation.ends_with(audit_readiness::domain::findings::RENEW_IN_TIME), "{}", competence.explanation);
    let score = compute(catalog, &a, &findings);
    assert_eq!((score.verdict, score.percent), (Verdict::Ready, 100));
    // Lapsed already, it is the gap it always was.
    edit_competence(&mut a.register, "c4", |c| c.achieved_on = Some(day(2025, 6, 1)));
    let findings = all_findings(catalog, &a, today());
    let competence = findings.iter().find(|f| f.item_id == "REG-COMPETENCE").unwrap();
    assert_eq!(competence.severity, Severity::Minor);
    assert!(competence.cost > Points::ZERO);
    // So is a starter by the audit day without any record: not a renewal.
    edit_competence(&mut a.register, "c4", |c| c.achieved_on = Some(day(2026, 6, 1)));
    assert!(all_findings(catalog, &a, today()).iter().all(|f| f.item_id != "REG-COMPETENCE"));
    a.register.add_person(person("p9", "Finn Ober", "Security engineer", day(2027, 1, 4), false)).unwrap();
    a.register.add_assignment(appoint("a30", RoleKind::IncidentLead, "p9", Some("p2"), None, day(2027, 1, 4))).unwrap();
    let findings = all_findings(catalog, &a, today());
    let competence = findings.iter().find(|f| f.item_id == "REG-COMPETENCE").unwrap();
    assert!(competence.explanation.contains("Finn Ober has no competence record"), "{}", competence.explanation);
    assert_eq!(competence.severity, Severity::Minor);
}

#[test]
fn competence_for_another_role_does_not_count() {
    let mut r = valid_register(today());
    r.remove_competence("c3").unwrap(); // Ben keeps only his security-manager record
    let found = texts(&competence::problems(&r, today()));
    assert!(found.contains("Ben Lindqvist has no competence record for the role ISMS conformance owner"), "{found}");
    assert!(!found.contains("for the role Information security manager"), "{found}");
}

#[test]
fn a_custom_role_record_still_counts_when_the_name_is_written_in_other_capitals() {
    let mut r = valid_register(today());
    // Eli's only record is for the internal auditor role, so only c20 can cover the custom role.
    r.add_assignment(appoint("a20", RoleKind::Custom("Privacy lead".into()), "p5", Some("p1"), None, day(2026, 1, 5))).unwrap();
    assert!(texts(&competence::problems(&r, today())).contains("Eli Novak has no competence record for the role Privacy lead"));
    r.add_competence(record("c20", "p5", Some(RoleKind::Custom("Privacy lead".into())), day(2026, 2, 1), None)).unwrap();
    assert_eq!(texts(&competence::problems(&r, today())), "");
    // One role (one RASCI column, one picker entry), however the name is capitalised or spaced.
    r.rename_custom_role("a20", "Privacy  Lead".into()).unwrap();
    assert_eq!(texts(&competence::problems(&r, today())), "");
    // A record for a different role still does not count.
    r.rename_custom_role("a20", "Data protection officer".into()).unwrap();
    let mut moved = r.competence.iter().find(|c| c.id == "c20").unwrap().clone();
    moved.role = Some(RoleKind::Custom("Privacy lead".into()));
    r.update_competence(moved).unwrap();
    assert!(texts(&competence::problems(&r, today())).contains("Eli Novak has no competence record for the role Data protection officer"));
}

#[test]
fn one_custom_role_under_two_spellings_is_one_role_for_its_holder() {
    let mut r = valid_register(today());
    let privacy = |name: &str| RoleKind::Custom(name.into());
    r.add_assignment(appoint("a20", privacy("Privacy lead"), "p5", Some("p1"), None, day(2026, 1, 5))).unwrap();
    r.add_assignment(appoint("a21", privacy("privacy lead"), "p5", Some("p1"), None, day(2026, 1, 5))).unwrap();
    assert_eq!(r.held_roles("p5").len(), 2, "internal auditor and the privacy lead, once");
    let found = texts(&competence::problems(&r, today()));
    assert_eq!(found.matches("for the role Privacy lead").count(), 1, "{found}");
    r.add_competence(record("c20", "p5", Some(privacy("Privacy lead")), day(2026, 2, 1), None)).unwrap();
    // Renaming one of the two spellings: Eli still holds the role through the other, so the
    // record stays with it and the new role needs its own.
    r.rename_custom_role("a21", "Data protection officer".into()).unwrap();
    let found = texts(&competence::problems(&r, today()));
    // He has a record for his other role: how to cover this one too is said.
    assert_eq!(
        found,
        "Eli Novak has no competence record for the role Data protection officer: their records are for other roles (one set to \
         General counts for every role they hold)."
    );
}

#[test]
fn someone_marked_top_management_needs_no_competence_record_for_being_top_management() {
    let mut r = Register::default();
    r.add_person(person("p1", "Ada Okafor", "CEO", day(2024, 1, 1), true)).unwrap();
    // Lead-auditor probe: "no competence record for the role Top management" is not an audit finding.
    assert_eq!(texts(&competence::problems(&r, today())), "");
    // The checks about assignments say that none is made (not that nobody holds a role).
    assert_eq!(
        texts(&appointment::problems(&r, today())),
        "No role in the register is assigned to anyone who works here, so there is nothing to show an auditor yet."
    );
    // Nor for sitting on the review team, which Clause 9.3 gives top management (second look).
    r.add_assignment(appoint("a2", RoleKind::ReviewTeamMember, "p1", None, None, day(2026, 1, 5))).unwrap();
    assert_eq!(texts(&competence::problems(&r, today())), "");
    // A role she takes on besides needs one.
    r.add_assignment(appoint("a1", RoleKind::SecurityManager, "p1", None, None, day(2026, 1, 5))).unwrap();
    let found = texts(&competence::problems(&r, today()));
    assert_eq!(found, "Ada Okafor has no competence record for the role Information security manager (ISMS owner) (nor a general one).");
}

#[test]
fn a_competence_record_of_one_word_and_no_date_shows_no_competence() {
    // Lead-auditor probe of stop 48: every record "Training", undated and never renewed, read
    // "Ready" with the competence check met.
    let mut r = valid_register(today());
    for c in r.competence.iter_mut() {
        (c.achieved_on, c.renew_every_months, c.description) = (None, None, "Training".into());
    }
    let found = texts(&competence::problems(&r, today()));
    assert!(
        found.contains(
            "Ben Lindqvist's training \"Training\" names no course, certificate or experience and no date, so it shows no \
             competence: say which, and when it was achieved."
        ),
        "{found}"
    );
    // Named, it shows what it is though undated; dated, one word is the record's own name.
    for c in r.competence.iter_mut() {
        c.description = "ISO 27001 Lead Implementer (PECB)".into();
    }
    assert_eq!(texts(&competence::problems(&r, today())), "");
    for c in r.competence.iter_mut() {
        (c.achieved_on, c.description) = (Some(day(2026, 3, 2)), "CISSP".into());
    }
    assert_eq!(texts(&competence::problems(&r, today())), "");
}
