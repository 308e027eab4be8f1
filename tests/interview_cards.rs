//! Cue cards come from the register, not a generic list: roles, RASCI rows held as Responsible or
//! Accountable, evidence already on file and open findings; people without roles get the
//! generic-employee card. Rehearsal runs weakest first, and the spot-check drill is seeded.

mod support;

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::interview::{self, cue_card, spot_check, weakest_first, CueCard, QuestionBank, Rating, Topic};
use audit_readiness::domain::roles::{Assignment, Raci, RoleKind};
use audit_readiness::domain::{Answer, Assessment, Catalog, EvidenceRecord};
use std::collections::BTreeSet;
use support::{all, day, person, today, valid_register};

fn card(a: &Assessment, person_id: &str) -> CueCard {
    let catalog = Catalog::builtin();
    let findings = all_findings(catalog, a, today());
    cue_card(QuestionBank::builtin(), a, &findings, person_id, today()).expect(person_id)
}

fn ids(card: &CueCard) -> Vec<&'static str> {
    card.question_ids()
}

fn generic_ids() -> Vec<&'static str> {
    QuestionBank::builtin().questions.iter().filter(|q| q.for_everyone()).map(|q| q.id).collect()
}

fn with_register() -> Assessment {
    Assessment { register: valid_register(today()), ..Assessment::default() }
}

#[test]
fn a_person_without_roles_gets_the_generic_employee_card() {
    let mut a = with_register();
    a.register.add_person(person("p6", "Fay Ortiz", "Support engineer", day(2025, 1, 6), false)).unwrap();
    let c = card(&a, "p6");
    assert!(c.generic);
    assert!(c.roles.is_empty());
    assert_eq!(ids(&c), generic_ids());
    let topics: BTreeSet<Topic> = c.questions.iter().map(|q| q.question.topic).collect();
    assert_eq!(topics, Topic::SPOT_CHECK.into_iter().collect());
    assert!(c.questions.iter().all(|q| q.reasons == ["Asked of anyone who works here"]));
    assert!(cue_card(QuestionBank::builtin(), &a, &[], "nobody", today()).is_none());
    // The card keeps the checklist's gaps for whoever prepares them; the brief handed to the
    // employee does not (founder pass: internal jargon in a junior engineer's brief).
    assert!(c.questions.iter().any(|q| !q.unanswered.is_empty()), "the blank checklist leaves questions open");
    let brief = audit_readiness::domain::interview::brief::markdown("", &c, None, &[], today(), today());
    assert!(brief.contains("## Questions to expect") && brief.contains("## Evidence to bring"), "{brief}");
    assert!(!brief.contains("Open gap") && !brief.contains("Not answered yet"), "{brief}");
}

#[test]
fn a_brief_names_the_assessment_it_belongs_to_in_its_text_and_file_name() {
    // Consultant pass of stop 51: three clients' briefs were told apart by the person's name alone.
    use audit_readiness::domain::interview::brief::{filename, filename_in, markdown};
    let c = card(&with_register(), "p2");
    let brief = markdown("Acme *Robotics*", &c, None, &[], today(), today());
    assert!(brief.starts_with("# Interview brief: Ben Lindqvist\n\n- **Assessment:** Acme \\*Robotics\\*\n- **Job title:**"), "{brief}");
    assert_eq!(filename_in("Acme Robotics", &c, today()), format!("interview-brief-acme-robotics-ben-lindqvist-{}.md", today()));
    // No name, nothing added.
    assert_eq!(filename_in("  ", &c, today()), filename(&c, today()));
    assert!(markdown("  ", &c, None, &[], today(), today()).starts_with("# Interview brief: Ben Lindqvist\n\n- **Job title:**"));
}

#[test]
fn the_security_managers_card_holds_the_incident_register_and_audit_programme() {
    let c = card(&with_register(), "p2");
    assert_eq!(c.name, "Ben Lindqvist");
    assert!(!c.generic);
    assert!(c.roles.contains(&"Information security manager (ISMS owner)".to_string()));
    // Keeping conflicting duties apart (A 5.3) is asked of the ISMS owner too, not only of the
    // internal auditor (lead-implementer pass of stop 45).
    for id in
        ["IQ-SM-DUTIES", "IQ-SM-SEGREGATION", "IQ-SM-INCIDENTS", "IQ-SM-AUDIT", "IQ-SM-CONFORMANCE", "IQ-SM-REPORTING", "IQ-RT-DUTIES"]
    {
        assert!(ids(&c).contains(&id), "{id} missing from {:?}", ids(&c));
    }
    // The CEO is asked about Clause 5.1 b), f), g) and h) too: security in the business's
    // processes, improvement, and directing and supporting people.
    let ceo = card(&with_register(), "p1");
    for id in ["IQ-TM-INTEGRATION", "IQ-TM-SUPPORT"] {
        assert!(ids(&ceo).contains(&id), "{id} missing from {:?}", ids(&ceo));
    }
    // Role questions come before the ones anyone may be asked, and nobody else's role questions appear.
    let first_generic = ids(&c).iter().position(|id| id.starts_with("IQ-ANY")).unwrap();
    assert!(ids(&c)[first_generic..].iter().all(|id| id.starts_with("IQ-ANY")));
    assert!(!ids(&c).contains(&"IQ-TP-DUTIES") && !ids(&c).contains(&"IQ-IA-FINDINGS"));
    let incidents = c.questions.iter().find(|q| q.question.id == "IQ-SM-INCIDENTS").unwrap();
    assert_eq!(incidents.reasons, ["Information security manager (ISMS owner)"]);
    // Ben's role is Accountable for the supplier register, so he is asked about it too.
    let suppliers = c.questions.iter().find(|q| q.question.id == "IQ-TP-REGISTER").expect("asked through the RASCI row");
    assert_eq!(suppliers.reasons, ["Information security manager (ISMS owner): Accountable for keeping the third-party supplier register"]);
}

#[test]
fn a_third_party_managers_card_includes_the_supplier_register() {
    let c = card(&with_register(), "p4");
    assert_eq!(c.name, "Dev Patel");
    for id in ["IQ-TP-DUTIES", "IQ-TP-REGISTER", "IQ-TP-REPORT", "IQ-AT-DUTIES", "IQ-RO-DUTIES"] {
        assert!(ids(&c).contains(&id), "{id} missing from {:?}", ids(&c));
    }
    assert!(!ids(&c).contains(&"IQ-SM-AUDIT"), "Dev is not responsible for the internal audit programme");
    let suppliers = c.questions.iter().find(|q| q.question.id == "IQ-TP-REGISTER").unwrap();
    assert_eq!(suppliers.reasons, ["Third-party manager"]);
    // Eli audits: the internal audit programme comes with his role, not only through the RASCI row.
    let eli = card(&with_register(), "p5");
    assert!(ids(&eli).contains(&"IQ-SM-AUDIT"));
}

#[test]
fn rasci_rows_held_as_responsible_or_accountable_add_their_questions_other_letters_do_not() {
    let mut a = with_register();
    a.register.add_person(person("p6", "Fay Ortiz", "Procurement", day(2025, 1, 6), false)).unwrap();
    let steward = RoleKind::Custom("Vendor steward".into());
    a.register.add_assignment(Assignment::new("a20", steward.clone(), "p6")).unwrap();
    assert!(!ids(&card(&a, "p6")).contains(&"IQ-TP-REGISTER"), "a custom role alone asks only the generic questions");
    a.register.set_raci("supplier-register", &steward, Some(Raci::Consulted)).unwrap();
    assert!(!ids(&card(&a, "p6")).contains(&"IQ-TP-REGISTER"));
    a.register.set_raci("supplier-register", &steward, Some(Raci::Responsible)).unwrap();
    let c = card(&a, "p6");
    assert!(!c.generic);
    assert_eq!(c.roles, ["Vendor steward"]);
    let q = c.questions.iter().find(|q| q.question.id == "IQ-TP-REGISTER").expect("asked through the RASCI row");
    assert_eq!(q.reasons, ["Vendor steward: Responsible for keeping the third-party supplier register"]);
}

#[test]
fn the_top_management_flag_alone_brings_the_leadership_questions() {
    let mut a = with_register();
    a.register.add_person(person("p6", "Gus Hale", "Chair", day(2024, 1, 1), true)).unwrap();
    let c = card(&a, "p6");
    assert_eq!(c.roles, ["Top management"]);
    assert!(ids(&c).contains(&"IQ-TM-DUTIES") && ids(&c).contains(&"IQ-TM-REVIEW"));
}

#[test]
fn evidence_already_on_file_and_open_findings_join_the_card() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.edit_evidence("C53-ISM-03", |list| {
        list.push(EvidenceRecord {
            what: "Incident register 2026".into(),
            location: "Security drive / incidents".into(),
            produced_on: Some(day(2026, 10, 2)),
            owner: "Ben".into(),
        })
    });
    a.set_answer("C53-TPM-01", Answer::No, today());
    let ben = card(&a, "p2");
    let incidents = ben.questions.iter().find(|q| q.question.id == "IQ-SM-INCIDENTS").unwrap();
    assert_eq!(incidents.on_file, ["Incident register 2026 (Security drive / incidents, 2026-10-02)"]);
    assert!(incidents.open_gaps.is_empty());
    let bring = ben.evidence_to_bring();
    assert_eq!(bring[0], "On file: Incident register 2026 (Security drive / incidents, 2026-10-02)");
    assert!(bring.contains(&"Incident register".to_string()));
    assert_eq!(bring.len(), bring.iter().collect::<BTreeSet<_>>().len(), "no repeats");
    let dev = card(&a, "p4");
    let suppliers = dev.questions.iter().find(|q| q.question.id == "IQ-TP-REGISTER").unwrap();
    assert_eq!(suppliers.open_gaps.len(), 1);
    // Named by the clauses the holder would cite to an auditor, not by the app's item ID.
    let gap = &suppliers.open_gaps[0];
    assert!(gap.starts_with("Third-party manager owns supplier register (Clause 5.3, A 5.2, A 5.19, A 5.22): Gap, "), "{gap}");
    assert!(!gap.contains("C53-TPM-01"), "{gap}");
}

#[test]
fn records_behind_a_question_asked_of_anyone_stay_off_the_cards() {
    // Interview pass of stop 48: an HR case naming one employee, filed as the proof of the
    // disciplinary process, printed under "Evidence to bring" on every employee's card.
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register.add_person(person("p6", "Fay Ortiz", "Support engineer", day(2025, 1, 6), false)).unwrap();
    let case = "Written warning to Gus Romero for emailing a customer export";
    a.edit_evidence("RC-03-PROOF", |list| {
        list.push(EvidenceRecord { what: case.into(), location: "HR drive / cases".into(), ..Default::default() })
    });
    for id in ["p6", "p1", "p4"] {
        let c = card(&a, id);
        assert!(c.contains("IQ-ANY-BREACH"), "{id}");
        assert!(c.evidence_to_bring().iter().all(|e| !e.contains("Gus Romero")), "{id}: {:?}", c.evidence_to_bring());
    }
    // A record behind a question of the person's own role is still theirs to bring.
    a.edit_evidence("C53-TPM-01", |list| list.push(EvidenceRecord { what: "Supplier register".into(), ..Default::default() }));
    assert!(card(&a, "p4").evidence_to_bring().contains(&"On file: Supplier register".to_string()));
}

#[test]
fn talking_points_an_open_gap_makes_untrue_here_say_so_on_the_card_and_in_the_brief() {
    // Lead-implementer pass of stop 45: with no disciplinary process ("no"), an employee's card
    // and downloaded brief still coached "There is a written disciplinary process…".
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register.add_person(person("p6", "Fay Ortiz", "Support engineer", day(2025, 1, 6), false)).unwrap();
    let breach = |c: &CueCard| c.questions.iter().find(|q| q.question.id == "IQ-ANY-BREACH").unwrap().clone();
    assert_eq!(breach(&card(&a, "p6")).caution(true), None, "in place: nothing to say");
    a.set_answer("A54-CTL-05", Answer::No, today());
    let fay = card(&a, "p6");
    let on_card = breach(&fay);
    assert!(!on_card.open_gaps.is_empty());
    assert_eq!(
        on_card.caution(false),
        Some(
            "Not all of these points hold here yet (a gap on this card says which): say plainly what is missing and what is being done \
             about it, and do not claim it."
        )
    );
    // The employee's own brief leaves the gap out, and says to ask before claiming the points.
    let brief = audit_readiness::domain::interview::brief::markdown("", &fay, None, &[], today(), today());
    let section = &brief[brief.find("What happens to someone who breaks").unwrap()..];
    let section = &section[..section.find("\n### ").unwrap_or(section.len())];
    assert!(
        section.contains(
            "**Careful:** Not all of these points hold here yet: ask whoever prepares you what to say, and do not claim what \
             is not in place.\n\n- There is a written disciplinary process"
        ),
        "{section}"
    );
    assert!(!brief.contains("Gap"), "{brief}");
    // A role holder's brief lists the gaps, so its caution points to them.
    let ben = card(&a, "p2");
    let ben_brief = audit_readiness::domain::interview::brief::markdown("", &ben, None, &[], today(), today());
    assert!(ben_brief.contains("**Careful:** Not all of these points hold here yet (a gap on this card says which)"), "{ben_brief}");
    assert_eq!(ben_brief.matches("**Careful:**").count(), ben.questions.iter().filter(|q| !q.open_gaps.is_empty()).count());
}

#[test]
fn an_open_gap_on_a_card_says_it_is_part_of_another_instead_of_a_severity_it_is_not_raised_at() {
    // No approved policy (C52-POL-08): the question on the policy's content is part of that gap.
    let catalog = Catalog::builtin();
    let mut a = with_register();
    a.set_answer("C52-POL-08", Answer::No, today());
    a.set_answer("C52-POL-01", Answer::No, today());
    let findings = all_findings(catalog, &a, today());
    let inner = findings.iter().find(|f| f.item_id == "C52-POL-01").expect("the policy-content gap");
    assert!(inner.part_of.is_some(), "{inner:?}");
    let line = QuestionBank::builtin()
        .questions
        .iter()
        .filter(|q| q.items.contains(&"C52-POL-01"))
        .flat_map(|q| {
            a.register
                .people
                .iter()
                .filter_map(|p| cue_card(QuestionBank::builtin(), &a, &findings, &p.id, today()))
                .flat_map(move |c| c.questions.into_iter().filter(move |cq| cq.question.id == q.id))
        })
        .flat_map(|cq| cq.open_gaps)
        .find(|g| g.starts_with(&format!("{} (", inner.item.title)))
        .expect("a card that probes the policy's content");
    assert!(line.ends_with(": Gap, part of another finding"), "{line}");
}

#[test]
fn rehearsal_runs_weakest_first_could_not_then_shaky_then_unrated_then_confident_older_first() {
    let mut a = with_register();
    let card_order = ids(&card(&a, "p5"));
    assert_eq!(weakest_first(QuestionBank::builtin(), &a, "p5", today()), card_order, "nothing rated: card order");
    let [q1, q2, q3, q4, q5, ..] = card_order[..] else { panic!("Eli's card is too short: {card_order:?}") };
    let log = &mut a.rehearsals;
    interview::record(log, "p5", q1, Rating::Confident, day(2026, 11, 1));
    interview::record(log, "p5", q2, Rating::CouldNotAnswer, day(2026, 11, 20));
    interview::record(log, "p5", q3, Rating::Shaky, day(2026, 11, 10));
    interview::record(log, "p5", q4, Rating::CouldNotAnswer, day(2026, 10, 1));
    interview::record(log, "p5", q5, Rating::Confident, day(2026, 9, 1));
    // Someone else's ratings never reorder Eli's card.
    interview::record(log, "p2", q1, Rating::CouldNotAnswer, day(2026, 11, 1));
    let order = weakest_first(QuestionBank::builtin(), &a, "p5", today());
    let unrated: Vec<&str> = card_order.iter().copied().filter(|id| ![q1, q2, q3, q4, q5].contains(id)).collect();
    let mut expected = vec![q4, q2, q3];
    expected.extend(unrated);
    expected.extend([q5, q1]);
    assert_eq!(order, expected);
    // The latest rating counts: a confident answer today moves q4 to the end.
    interview::record(&mut a.rehearsals, "p5", q4, Rating::Confident, today());
    let order = weakest_first(QuestionBank::builtin(), &a, "p5", today());
    assert_eq!(order[0], q2);
    assert_eq!(*order.last().unwrap(), q4);
}

#[test]
fn rating_the_same_question_twice_on_one_day_keeps_one_entry() {
    let mut log = Vec::new();
    interview::record(&mut log, "p1", "IQ-TM-DUTIES", Rating::Shaky, today());
    interview::record(&mut log, "p1", "IQ-TM-DUTIES", Rating::Confident, today());
    interview::record(&mut log, "p1", "IQ-TM-DUTIES", Rating::CouldNotAnswer, day(2026, 11, 1));
    assert_eq!(log.len(), 2);
    assert_eq!(interview::latest(&log, "p1", "IQ-TM-DUTIES", today()).unwrap().rating, Rating::Confident);
    // A rating dated in the future (a wrong clock, an import) does not count yet.
    interview::record(&mut log, "p1", "IQ-TM-DUTIES", Rating::Shaky, day(2027, 1, 1));
    assert_eq!(interview::latest(&log, "p1", "IQ-TM-DUTIES", today()).unwrap().rating, Rating::Confident);
}

#[test]
fn the_spot_check_is_reproducible_from_its_seed_and_only_picks_current_people() {
    let bank = QuestionBank::builtin();
    let mut a = with_register();
    a.register.add_person(person("p6", "Lou Left", "Former engineer", day(2020, 1, 1), false)).unwrap();
    a.register
        .update_person({
            let mut p = a.register.person("p6").unwrap().clone();
            p.leaving_date = Some(day(2026, 6, 30));
            p
        })
        .unwrap();
    a.register.add_person(person("p7", "Nia New", "Starts next year", day(2027, 2, 1), false)).unwrap();
    let first = spot_check(bank, &a, today(), 20261123).unwrap();
    assert_eq!(spot_check(bank, &a, today(), 20261123).unwrap(), first, "same seed, same pick");
    let mut picked = BTreeSet::new();
    for seed in 0..400u64 {
        let drill = spot_check(bank, &a, today(), seed).unwrap();
        assert!(!["p6", "p7"].contains(&drill.person_id.as_str()), "seed {seed} picked {}", drill.person_id);
        assert_eq!(drill.question_ids.len(), 3);
        assert_eq!(drill.question_ids.iter().collect::<BTreeSet<_>>().len(), 3, "distinct questions");
        let c = card(&a, &drill.person_id);
        for id in &drill.question_ids {
            let q = bank.question(id).unwrap();
            assert!(c.contains(id) && q.topic.is_spot_check(), "seed {seed}: {id}");
        }
        picked.insert(drill.person_id);
    }
    assert_eq!(picked.len(), 5, "every current person gets picked sooner or later: {picked:?}");
    assert_ne!(
        (0..20).map(|s| format!("{:?}", spot_check(bank, &a, today(), s).unwrap())).collect::<BTreeSet<_>>().len(),
        1,
        "different seeds give different drills"
    );
    assert_eq!(spot_check(bank, &Assessment::default(), today(), 1), None);
    // With the audit ahead, someone leaving before it is not whom the auditor could stop.
    a.register.people.iter_mut().find(|p| p.id == "p4").unwrap().leaving_date = Some(day(2026, 12, 24));
    a.audit_date = Some(day(2027, 1, 15));
    assert!((0..200u64).all(|seed| spot_check(bank, &a, today(), seed).unwrap().person_id != "p4"));
    a.audit_date = None;
    assert!((0..200u64).any(|seed| spot_check(bank, &a, today(), seed).unwrap().person_id == "p4"), "here today, no audit set");
}

#[test]
fn a_card_names_from_the_register_the_holders_its_answer_should_name() {
    let mut a = with_register();
    // The CEO is asked who keeps the ISMS conforming and who reports on it: the card says.
    let ceo = card(&a, "p1");
    let duties = ceo.questions.iter().find(|q| q.question.id == "IQ-TM-DUTIES").unwrap();
    assert_eq!(
        duties.holders,
        ["ISMS conformance owner (Clause 5.3, item a): Ben Lindqvist", "ISMS performance reporter (Clause 5.3, item b): Ben Lindqvist"]
    );
    // Everyone is asked whom they report an incident to: the incident lead and the security manager.
    let dev = card(&a, "p4");
    let incident = dev.questions.iter().find(|q| q.question.id == "IQ-ANY-INCIDENT").unwrap();
    assert_eq!(incident.holders, ["Incident lead: Cara Mendes", "Information security manager (ISMS owner): Ben Lindqvist"]);
    // A question whose answer names nobody lists nobody.
    assert!(ceo.questions.iter().filter(|q| q.question.text().names_holders.is_empty()).all(|q| q.holders.is_empty()));
    // A holder leaving soon is named with the day; one who has left, or a role nobody holds, is said plainly.
    a.register.people.iter_mut().find(|p| p.id == "p2").unwrap().leaving_date = Some(day(2027, 1, 31));
    let duties = card(&a, "p1").questions.into_iter().find(|q| q.question.id == "IQ-TM-DUTIES").unwrap();
    assert_eq!(duties.holders[0], "ISMS conformance owner (Clause 5.3, item a): Ben Lindqvist (leaves on 2027-01-31)");
    a.register.people.iter_mut().find(|p| p.id == "p2").unwrap().leaving_date = Some(today());
    let duties = card(&a, "p1").questions.into_iter().find(|q| q.question.id == "IQ-TM-DUTIES").unwrap();
    assert_eq!(
        duties.holders,
        [
            "ISMS conformance owner (Clause 5.3, item a): nobody who works here holds it",
            "ISMS performance reporter (Clause 5.3, item b): nobody who works here holds it"
        ]
    );
    // The person asked is "you"; with an audit date, a holder gone by then is said to be, and a
    // starter who holds the role by then is named.
    let eli = card(&a, "p5");
    let audit = eli.questions.iter().find(|q| q.question.id == "IQ-IA-DUTIES").unwrap();
    assert_eq!(audit.holders, ["Internal auditor: you (Eli Novak)"]);
    a.audit_date = Some(day(2027, 3, 1));
    a.register.people.iter_mut().find(|p| p.id == "p2").unwrap().leaving_date = Some(day(2027, 1, 31));
    a.register.add_person(person("p6", "Nia Sato", "Engineer", day(2027, 1, 4), false)).unwrap();
    a.register.add_assignment(Assignment::new("a13", RoleKind::IsmsConformance, "p6")).unwrap();
    let duties = card(&a, "p1").questions.into_iter().find(|q| q.question.id == "IQ-TM-DUTIES").unwrap();
    assert_eq!(
        duties.holders[0],
        "ISMS conformance owner (Clause 5.3, item a): Ben Lindqvist (leaves on 2027-01-31, before the audit), Nia Sato (starts on 2027-01-04)"
    );
    a.audit_date = None;
    a.register.people.iter_mut().find(|p| p.id == "p2").unwrap().leaving_date = Some(today());
    a.register.assignments.retain(|x| x.id != "a13");
    // The downloaded brief carries the same lines.
    let brief = interview::brief::markdown("", &card(&a, "p1"), None, &[], today(), today());
    assert!(
        brief.contains("- **In the register:** ISMS conformance owner (Clause 5.3, item a): nobody who works here holds it\n"),
        "{brief}"
    );
}

#[test]
fn questions_not_answered_yet_are_listed_apart_from_the_gaps() {
    // Founder pass: before the checklist was answered, a card read as a wall of open gaps.
    let mut a = with_register();
    let dev = card(&a, "p4");
    let suppliers = dev.questions.iter().find(|q| q.question.id == "IQ-TP-REGISTER").unwrap();
    assert!(suppliers.open_gaps.is_empty(), "{:?}", suppliers.open_gaps);
    assert_eq!(suppliers.unanswered, ["Third-party manager owns supplier register (Clause 5.3, A 5.2, A 5.19, A 5.22)"]);
    let md = audit_readiness::domain::interview::brief::markdown("", &dev, None, &a.rehearsals, today(), today());
    let asked = dev.questions.iter().position(|q| q.question.id == "IQ-TP-REGISTER").unwrap() + 1;
    let (_, unanswered) = md.split_once("\n## Not answered yet in the checklist (or “not sure”)\n").expect("a section of its own");
    assert!(unanswered.contains("\n- Third-party manager owns supplier register (Clause 5.3, A 5.2, A 5.19, A 5.22) (question"), "{md}");
    assert!(unanswered.contains(&format!("question {asked})")) || unanswered.contains(&format!(", {asked}")), "{md}");
    // Answered no, it is a gap the auditor may probe, and no longer "not answered".
    a.set_answer("C53-TPM-01", Answer::No, today());
    let dev = card(&a, "p4");
    let suppliers = dev.questions.iter().find(|q| q.question.id == "IQ-TP-REGISTER").unwrap();
    assert_eq!((suppliers.open_gaps.len(), suppliers.unanswered.len()), (1, 0));
    // The brief lists each gap once, with every question it lies behind, and how to speak of it.
    let md = audit_readiness::domain::interview::brief::markdown("", &dev, None, &a.rehearsals, today(), today());
    let (_, gaps) = md.split_once("\n## Gaps the auditor may probe\n").expect("a section of its own");
    let gaps = gaps.split("\n## ").next().unwrap();
    assert!(gaps.contains("do not present it as done"), "{md}");
    let listed: Vec<&str> = gaps.lines().filter(|l| l.starts_with("- ")).collect();
    let mut unique = listed.clone();
    unique.sort_unstable();
    unique.dedup();
    assert_eq!(unique.len(), listed.len(), "{md}");
    let gap = &suppliers.open_gaps[0];
    let behind: Vec<String> =
        dev.questions.iter().enumerate().filter(|(_, q)| q.open_gaps.contains(gap)).map(|(n, _)| (n + 1).to_string()).collect();
    let numbers = match behind.len() {
        1 => format!("question {}", behind[0]),
        _ => format!("questions {}", behind.join(", ")),
    };
    let line = listed.iter().find(|l| l.starts_with("- Third-party manager owns supplier register")).expect("listed");
    assert!(line.ends_with(&format!(" ({numbers})")), "{line} / {numbers}");
}

#[test]
fn a_question_put_to_top_management_is_not_put_to_whoever_prepares_its_decision() {
    // The second founder pass: the security manager, Responsible for approving policies in the
    // RASCI matrix, was coached on "As a member of top management, what do you personally do".
    let mut a = with_register();
    a.register.set_raci("policy-approval", &RoleKind::SecurityManager, Some(Raci::Responsible)).unwrap();
    assert!(!ids(&card(&a, "p2")).contains(&"IQ-TM-DUTIES"));
    assert!(ids(&card(&a, "p1")).contains(&"IQ-TM-DUTIES"), "top management is still asked");
}
