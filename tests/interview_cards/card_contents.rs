//! What a card and the brief say besides the questions: evidence on file, open gaps and questions not yet answered.

use crate::support::{all, day, person, today};
use crate::{card, with_register};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::interview::{cue_card, CueCard, QuestionBank};
use audit_readiness::domain::{Answer, Catalog, EvidenceRecord};
use std::collections::BTreeSet;

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
