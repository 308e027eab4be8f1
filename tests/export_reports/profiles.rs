//! Profiles: what the full, auditor and board copies show and withhold, in every format.

use crate::export_fixture::*;
use crate::support;
use crate::{all_formats, report};
use audit_readiness::domain::export::{self, csv, html, markdown, oscal, Profile, Report};
use audit_readiness::domain::{Answer, Assessment, Catalog, FindingKind, Severity};

#[test]
fn full_profile_shows_notes_owners_and_justifications() {
    let r = report(Profile::Full);
    for (name, text) in [("markdown", markdown::render(&r)), ("html", html::render(&r))] {
        for marker in [NOTE_MARKER, OWNER_MARKER, EVIDENCE_OWNER_MARKER, JUSTIFICATION_MARKER, PERSON_MARKER] {
            assert!(text.contains(marker), "{name} lacks {marker}");
        }
    }
    assert!(oscal::render(&r).contains(NOTE_MARKER));
}

#[test]
fn auditor_profile_drops_notes_only() {
    let r = report(Profile::Auditor);
    for (name, text) in all_formats(&r) {
        assert!(!text.contains(NOTE_MARKER), "{name} leaks a private note");
    }
    for (name, text) in [("markdown", markdown::render(&r)), ("html", html::render(&r))] {
        for marker in [OWNER_MARKER, EVIDENCE_OWNER_MARKER, JUSTIFICATION_MARKER, PERSON_MARKER] {
            assert!(text.contains(marker), "{name} should keep {marker} for the auditor");
        }
    }
}

#[test]
fn board_profile_has_no_names_notes_or_justifications_in_any_format() {
    let r = report(Profile::Board);
    let full = report(Profile::Full);
    for (name, text) in all_formats(&r) {
        for marker in [
            NOTE_MARKER,
            OWNER_MARKER,
            EVIDENCE_OWNER_MARKER,
            JUSTIFICATION_MARKER,
            PERSON_MARKER,
            "Sam Current",
            "Dana",
            "Pat Doe",
            "Tabbed Tom",
        ] {
            assert!(!text.contains(marker), "{name} leaks {marker}");
        }
    }
    // Still a summary: verdict, score, areas and what an auditor would raise, with reference,
    // severity and title; the gaps part of those or counted with them summed up in a sentence
    // (founder pass: the board's copy was the whole gap table).
    assert_eq!(r.score, full.score, "redaction never changes the verdict");
    let md = markdown::render(&r);
    assert!(md.contains(&format!("overall readiness {} %", r.score.percent)));
    assert!(md.contains("Readiness by area"));
    // What an auditor would raise is what stands alone and is known: the questions not answered
    // yet, and the gaps part of another, are each summed up in a sentence (founder passes).
    let unanswered = |g: &audit_readiness::domain::export::Gap| g.finding.kind == FindingKind::Unanswered;
    let (raised, rest): (Vec<_>, Vec<_>) =
        r.gaps().into_iter().partition(|g| g.finding.stands_alone() && !unanswered(g) && g.finding.costs_points());
    // Reminders to renew cost nothing and are no finding yet (auditor probe): said apart.
    // Every question not answered yet is said together, as the plan counts them (user pass).
    let (renewals, unknown, within): (Vec<_>, Vec<_>, Vec<_>) = (
        rest.iter().filter(|g| g.finding.stands_alone() && !unanswered(g)).collect(),
        rest.iter().filter(|g| unanswered(g)).collect(),
        rest.iter().filter(|g| !g.finding.stands_alone() && !unanswered(g)).collect(),
    );
    assert_eq!(unknown.len(), r.score.not_yet_known + r.score.not_yet_known_within);
    assert!(!renewals.is_empty(), "the fixture has a record to renew");
    // Said with how many would be nonconformities, as the summary counts them (security
    // manager's pass of stop 47).
    let graver = renewals.iter().filter(|g| g.finding.renewal_due).count();
    assert_eq!(graver, r.score.renewals_due);
    let renew = match (renewals.len(), graver) {
        (1, 1) => "1 record is to renew before the audit day (left to lapse, it would be a nonconformity): nothing has lapsed yet, so it costs no points.".to_string(),
        (1, 0) => "1 record is to renew before the audit day: nothing has lapsed yet, so it costs no points.".to_string(),
        (n, g) if n == g => format!("{n} records are to renew before the audit day (left to lapse, each would be a nonconformity): nothing has lapsed yet, so they cost no points."),
        (n, 1) => format!("{n} records are to renew before the audit day (1 of them would be a nonconformity if left to lapse): nothing has lapsed yet, so they cost no points."),
        (n, g) => format!("{n} records are to renew before the audit day ({g} of them would be nonconformities if left to lapse): nothing has lapsed yet, so they cost no points."),
    };
    assert!(md.contains(&renew), "{renew}\n{md}");
    assert!(!raised.is_empty() && !unknown.is_empty() && !within.is_empty(), "the fixture has all three");
    // With questions open, it is what the answers so far show (founder pass: read as the total).
    assert!(md.contains(&format!("## What an auditor would raise from the answers so far ({})", raised.len())), "{md}");
    let row = |g: &audit_readiness::domain::export::Gap| {
        format!("| {} | {} | {} |", markdown::inline(g.finding.reference), markdown::inline(g.title()), g.predicted_text())
    };
    for g in &raised {
        assert!(md.contains(&row(g)), "{}", row(g));
    }
    for g in &rest {
        assert!(!md.contains(&row(g)), "{}", row(g));
    }
    let lost =
        |lines: &[&audit_readiness::domain::export::Gap]| lines.iter().map(|g| g.finding.cost).sum::<audit_readiness::domain::Points>();
    let n = unknown.len();
    let majors: Vec<String> = unknown
        .iter()
        .filter(|g| g.finding.stands_alone() && g.finding.severity == Severity::Major)
        .map(|g| format!("“{}”", markdown::inline(g.title())))
        .collect();
    // Up to three are named (founder pass of stop 44: the board could not tell which they were).
    assert!((1..=3).contains(&majors.len()), "the fixture names them: {majors:?}");
    // The "not sure" ones said apart, so the count meets the plain "not answered yet" one.
    let not_sure = unknown.iter().filter(|g| r.assessment.answer_for(g.finding.item) == Some(Answer::NotSure)).count();
    assert!(not_sure > 0 && not_sure < n, "the fixture has both: {not_sure} of {n}");
    let of_them = format!(
        " ({not_sure} of them “not sure”; {} of them would be a major nonconformity if missing: {})",
        majors.len(),
        audit_readiness::domain::wording::and_list(&majors)
    );
    let sentence = format!(
        "{n} question{} not answered yet or answered “not sure”{of_them}, costing {} readiness points between them",
        if n == 1 { " is" } else { "s are" },
        lost(&unknown)
    );
    assert!(md.contains(&sentence), "{sentence}\n{md}");
    let sentence = format!(
        "{} more gaps are part of these or counted once with them, costing {} readiness points between them",
        within.len(),
        lost(&within)
    );
    assert!(md.contains(&sentence), "{sentence}\n{md}");
    // The internal report keeps every line.
    let internal = markdown::render(&full);
    assert!(rest.iter().all(|g| internal.contains(&row(g))));
    assert!(!md.contains("| Owner |") && !md.contains("Evidence on file") && !md.contains("Internal notes"));
    let plan = csv::render(&r);
    let mut reader = ::csv::Reader::from_reader(plan.as_bytes());
    let rows: Vec<::csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(rows.len(), full.findings.len());
    assert!(rows.iter().all(|row| row[7].is_empty()), "the board plan names no owners");
}

#[test]
fn a_redacted_report_cannot_be_loosened() {
    let r = report(Profile::Board).redacted(Profile::Full);
    assert_eq!(r.profile, Profile::Board);
    assert!(!markdown::render(&r).contains(OWNER_MARKER));
    assert!(Profile::Full < Profile::Auditor && Profile::Auditor < Profile::Board);
}

#[test]
fn rehearsal_ratings_and_what_they_showed_stay_in_the_internal_copy() {
    // Interview pass: the auditor's copy listed the questions a key person could not answer at
    // rehearsal. Coaching is not evidence: only the internal copy says who and what.
    use audit_readiness::domain::findings::FindingKind;
    use audit_readiness::domain::interview::{record, Rating};
    use audit_readiness::domain::Answer;
    let catalog = Catalog::builtin();
    let mut assessment = realistic(catalog);
    record(&mut assessment.rehearsals, "p1", "IQ-TM-DUTIES", Rating::CouldNotAnswer, today());
    // Fay, with no ISMS role, sits the spot check while "any employee could explain their
    // duties" reads yes.
    let fay = audit_readiness::domain::roles::Person { id: "p9".into(), name: "Fay Ortiz".into(), ..Default::default() };
    assessment.register.add_person(fay).unwrap();
    record(&mut assessment.rehearsals, "p9", "IQ-ANY-DUTIES", Rating::CouldNotAnswer, today());
    assessment.set_answer("RC-01-PROOF", Answer::Yes, today());
    let explained = |report: &Report, kind: FindingKind| {
        report
            .findings
            .iter()
            .find(|f| f.kind == kind && (kind == FindingKind::InterviewGap || f.item_id == "RC-01-PROOF"))
            .map(|f| f.explanation.clone())
            .expect("the finding")
    };
    let full = Report::new(catalog, &assessment, today());
    assert!(explained(&full, FindingKind::InterviewGap).contains("Sam Current"));
    assert!(explained(&full, FindingKind::Gap).contains("Fay Ortiz could not answer “Your own security duties”"));
    for profile in [Profile::Auditor, Profile::Board] {
        let report = Report::new(catalog, &assessment, today()).redacted(profile);
        assert!(report.assessment.rehearsals.is_empty(), "{profile:?}");
        let (interview, staff) = (explained(&report, FindingKind::InterviewGap), explained(&report, FindingKind::Gap));
        assert!(
            !interview.contains("Sam") && !staff.contains("Fay") && interview.ends_with("Interview preparation shows them."),
            "{profile:?}: {interview}"
        );
        assert_eq!(
            staff,
            "Answered yes, but at the interview rehearsals 1 question asked of anyone went unanswered: an auditor who asks a \
             sample of staff could find the same. Interview preparation shows it.",
            "{profile:?}"
        );
        for (format, text) in all_formats(&report) {
            assert!(!text.contains("could not answer “"), "{profile:?} {format}");
        }
    }
}

#[test]
fn the_copies_without_the_rehearsals_still_say_why_the_interview_item_is_a_major() {
    // Second auditor probe: the auditor's and the board's copies called it a major and gave no
    // reason, the reason naming who could not answer what.
    use audit_readiness::domain::interview::{card_questions, readiness, record, QuestionBank, Rating};
    let catalog = Catalog::builtin();
    let mut assessment = realistic(catalog);
    let ceo = assessment.register.people.iter().find(|p| p.top_management).unwrap().id.clone();
    for (q, _) in card_questions(QuestionBank::builtin(), &assessment.register, &ceo) {
        record(&mut assessment.rehearsals, &ceo, q.id, Rating::CouldNotAnswer, today());
    }
    let interview = |report: &Report| report.findings.iter().find(|f| f.item_id == "C53-PRE-06").cloned().expect("the finding");
    assert_eq!(interview(&Report::new(catalog, &assessment, today())).severity, Severity::Major);
    for profile in [Profile::Auditor, Profile::Board] {
        let said = interview(&Report::new(catalog, &assessment, today()).redacted(profile)).explanation;
        assert!(said.ends_with(readiness::LEADER_CANNOT_SHOW), "{profile:?}: {said}");
        assert!(!said.contains("could not answer “"), "{profile:?}: {said}");
    }
}

#[test]
fn full_and_auditor_reports_carry_the_roles_register_the_board_report_does_not() {
    for profile in [Profile::Full, Profile::Auditor] {
        let md = markdown::render(&report(profile));
        let at = md.find("## Roles register").unwrap_or_else(|| panic!("{profile:?}: no roles register"));
        let section = &md[at..md[at + 3..].find("\n## ").map_or(md.len(), |end| at + 3 + end)];
        assert!(section.contains("| Role | Holder | Appointed | Appointment record | Authority | Reports to | Deputy |"), "{section}");
        assert!(
            // Top management's authority comes with its position (auditor probe).
            section.contains("| Top management | Sam Current – CTO | not recorded | not recorded | by position | none | none |"),
            "{section}"
        );
        // The leaver is named with why they no longer hold the role, and escaped like any text.
        let leaver = section.lines().find(|l| l.contains(PERSON_MARKER)).expect("the leaver's row");
        // With nobody else in the role, the row does not read as handed over (stop 49).
        assert!(leaver.contains("(left on 2026-06-30; nobody else holds the role)") && leaver.contains("not recorded"), "{leaver}");
        // Authority unticked reads as the app says it, not as a record missing.
        let cells: Vec<&str> = leaver.split(" | ").collect();
        assert_eq!(cells[4], "not granted", "{leaver}");
        assert!(!leaver.contains(HOSTILE_HTML), "{leaver}");
        let html = html::render(&report(profile));
        assert!(html.contains("\">Roles register</h2>") && !html.contains(HOSTILE_HTML));
    }
    let board = report(Profile::Board);
    assert!(!markdown::render(&board).contains("Roles register") && !html::render(&board).contains("Roles register"));
}

#[test]
fn every_report_says_what_it_covers_and_what_it_does_not() {
    // The second founder pass: nothing said this is not the whole standard, so a board could read
    // "Ready" as ready for certification.
    use audit_readiness::domain::export::document::SCOPE;
    assert!(SCOPE.contains("Clauses 5.1–5.3") && SCOPE.contains("Annex A 5.2–5.4") && SCOPE.contains("not the rest of the standard"));
    for profile in [Profile::Full, Profile::Auditor, Profile::Board] {
        let r = report(profile);
        assert!(markdown::render(&r).contains(&format!("Scope:** {}", markdown::inline(SCOPE))), "{profile:?}");
        assert!(html::render(&r).contains("Scope:"), "{profile:?}");
    }
}

#[test]
fn the_boards_report_says_what_is_needed_from_top_management() {
    // The second founder pass: the board's copy said nothing of what was needed from it.
    let catalog = Catalog::builtin();
    let mut a = support_all_yes(catalog);
    for id in ["MGT-STEP-06", "C52-POL-08", "C53-ISM-03"] {
        a.set_answer(id, Answer::No, today());
    }
    let board = markdown::render(&Report::new(catalog, &a, today()).redacted(Profile::Board));
    let section = board.split("What is needed from top management").nth(1).expect("the section").split("\n#").next().unwrap();
    assert!(section.contains("Management review carried out (Clause 9.3): Major nonconformity"), "{section}");
    assert!(section.contains("Policy approved by top management"), "{section}");
    // The incident register is the security manager's to fix: not asked of the board.
    assert_eq!(catalog.item("C53-ISM-03").unwrap().owner, "security-manager");
    assert!(!section.contains("Incident register kept"), "{section}");
    // Only in the board's copy, and only when there is something to ask.
    assert!(!markdown::render(&Report::new(catalog, &a, today())).contains("What is needed from top management"));
    let ready = markdown::render(&Report::new(catalog, &support_all_yes(catalog), today()).redacted(Profile::Board));
    assert!(!ready.contains("What is needed from top management"));
    // A gap whose plan line the CEO owns is asked of the board too (CEO pass: a major the risk
    // owner usually fixes, given to the CEO on the plan, was left out).
    use audit_readiness::domain::findings::all_findings;
    use audit_readiness::domain::remediation::edit_plan_due_as;
    assert_eq!(catalog.item("MGT-FAQ-04").unwrap().owner, "risk-owner");
    a.set_answer("MGT-FAQ-04", Answer::No, today());
    let asked = |a: &Assessment| {
        let board = markdown::render(&Report::new(catalog, a, today()).redacted(Profile::Board));
        board.split("What is needed from top management").nth(1).unwrap().split("\n#").next().unwrap().to_string()
    };
    let title = catalog.item("MGT-FAQ-04").unwrap().title;
    assert!(!asked(&a).contains(title), "{}", asked(&a));
    let f = all_findings(catalog, &a, today()).into_iter().find(|f| f.item_id == "MGT-FAQ-04").unwrap();
    edit_plan_due_as(&f, f.severity, &mut a, today(), |line| line.owner = "Ada".into());
    assert!(asked(&a).contains(&format!("{title} (Clause 6.1.3 f), Clause 8.3): Major nonconformity")), "{}", asked(&a));
    // Past five, the rest are named, to be found in the list below.
    let more =
        catalog.items.iter().filter(|i| i.owner == "top-management" && !i.is_derived() && i.within.is_none() && i.raised_as_one.is_none());
    for item in more.take(6) {
        a.set_answer(item.id, Answer::No, today());
    }
    let section = asked(&a);
    assert!(section.contains("- Also “"), "{section}");
    assert!(section.contains(", in the list below."), "{section}");
}

/// Every question yes, with a register that passes every check (and confident rehearsals).
fn support_all_yes(catalog: &'static Catalog) -> Assessment {
    support::all(catalog, Answer::Yes)
}

#[test]
fn the_boards_copy_names_a_few_majors_not_answered_yet_and_counts_many() {
    let catalog = Catalog::builtin();
    let blank = Assessment::default();
    let md = markdown::render(&Report::new(catalog, &blank, today()).redacted(Profile::Board));
    let line = md.lines().find(|l| l.contains("would be a major nonconformity if missing")).expect("said");
    // The terms it uses are said once, for the board and for the team's full copy, not to the
    // auditor.
    let terms = format!("**Terms:** {}", markdown::inline(export::document::TERMS));
    assert!(md.contains(&terms), "{md}");
    assert!(markdown::render(&Report::new(catalog, &blank, today())).contains(&terms));
    assert!(!markdown::render(&Report::new(catalog, &blank, today()).redacted(Profile::Auditor)).contains("**Terms:**"));
    // Many: counted, not listed.
    assert!(line.contains("of them would be a major nonconformity if missing)"), "{line}");
    // One: named.
    let mut a = support::all(catalog, Answer::Yes);
    a.set_answer("MGT-FAQ-02", Answer::NotSure, today());
    let md = markdown::render(&Report::new(catalog, &a, today()).redacted(Profile::Board));
    let title = catalog.item("MGT-FAQ-02").unwrap().title;
    assert!(md.contains(&format!("1 of them would be a major nonconformity if missing: “{}”", markdown::inline(title))), "{md}");
}
