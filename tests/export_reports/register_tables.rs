//! The roles register in the reports: departures, competence records, leavers, who a role question names.

use crate::export_fixture::*;
use crate::support;
use audit_readiness::domain::export::{html, markdown, Profile, Report};
use audit_readiness::domain::roles::{Assignment, RoleKind};
use audit_readiness::domain::{Answer, Assessment, Catalog};

#[test]
fn a_departure_still_to_come_is_dated_ahead_in_the_register_table_and_the_gap_list() {
    // Sam, the only top management, leaves before the audit: the register row says when, and the
    // gap that opens then reads "from" that day, not "since" it.
    let catalog = Catalog::builtin();
    let mut a = realistic(catalog);
    a.register.people[0].leaving_date = Some(day(2027, 1, 15));
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let row = md.lines().find(|l| l.starts_with("| Top management | Sam Current")).expect("Sam's register row");
    assert!(row.contains("Sam Current – CTO (leaves on 2027-01-15)"), "{row}");
    // Named as someone's manager or deputy, the same.
    a.register.assignments[1].reports_to = Some("p1".into());
    a.register.assignments[1].backup = Some("p1".into());
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let row = md.lines().find(|l| l.contains(PERSON_MARKER) && l.starts_with("| Information security manager")).expect("the ISM row");
    assert_eq!(row.matches("Sam Current (leaves on 2027-01-15)").count(), 2, "{row}");
    let vacancy = md.lines().find(|l| l.starts_with("| Clause 5.3, A 5.2 | The roles the ISMS cannot run")).expect("the vacancy gap");
    assert!(vacancy.contains("(since 2026-06-30)"), "the leaver who has gone opens it today: {vacancy}");
    // With the one who has gone still here, two roles are vacant today (undated) and Sam's
    // departure adds to it later.
    a.register.people[1].leaving_date = None;
    let vacancy_with = |a: &Assessment| {
        let md = markdown::render(&Report::new(catalog, a, today()));
        md.lines().find(|l| l.starts_with("| Clause 5.3, A 5.2 | The roles the ISMS cannot run")).expect("the vacancy gap").to_string()
    };
    let vacancy = vacancy_with(&a);
    assert!(vacancy.contains("(open now; more from 2027-01-15)") && !vacancy.contains("since"), "{vacancy}");
    // With every role held today, the vacancy opens only on Sam's last day.
    for (id, role) in [("a3", RoleKind::IsmsConformance), ("a4", RoleKind::PerformanceReporting)] {
        a.register.assignments.push(Assignment { authority_granted: true, ..Assignment::new(id, role, "p2") });
    }
    let vacancy = vacancy_with(&a);
    assert!(vacancy.contains("(from 2027-01-15)") && !vacancy.contains("open now"), "{vacancy}");
}

#[test]
fn reports_carry_competence_records_measures_and_for_the_consultant_the_interview_preparation() {
    // Export pass of stop 45: job titles, competence records and the internal auditor's
    // independent check were in no report; the rehearsals only as one paragraph.
    let catalog = Catalog::builtin();
    let mut a = support::all(catalog, Answer::Yes);
    a.register.assignments.iter_mut().find(|x| x.role == RoleKind::InternalAuditor).unwrap().independent_check =
        "Northwind Audit Ltd reviews the | audit <plan>".into();
    a.rehearsals = support::confident_rehearsals(today());
    let section = |md: &str, heading: &str| {
        let at = md.find(heading)?;
        Some(md[at..md[at + 3..].find("\n## ").map_or(md.len(), |end| at + 3 + end)].to_string())
    };
    for profile in [Profile::Full, Profile::Auditor] {
        let md = markdown::render(&Report::new(catalog, &a, today()).redacted(profile));
        let register = section(&md, "## Roles register").unwrap();
        assert!(register.contains("| Top management | Ada Okafor – CEO |"), "{register}");
        let competence = section(&md, "## Competence records").unwrap_or_else(|| panic!("{profile:?}: {md}"));
        assert!(competence.contains("| Person | For the role | Record | Achieved | Renewal |"), "{competence}");
        let rows = competence.lines().filter(|l| l.starts_with("| ") && !l.starts_with("| Person") && !l.starts_with("| -"));
        assert_eq!(rows.count(), a.register.competence.len());
        let measures = section(&md, "## Compensating measures recorded").unwrap();
        assert!(measures.contains("Northwind Audit Ltd reviews the \\| audit \\<plan\\>"), "escaped: {measures}");
        let interviews = section(&md, "## Interview preparation");
        assert_eq!(interviews.is_some(), profile == Profile::Full, "{profile:?}: the ratings are coaching, for the full report only");
    }
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let interviews = section(&md, "## Interview preparation").unwrap();
    assert!(interviews.contains("| Person | Roles | Confident | Last rehearsal | Left to do |"), "{interviews}");
    assert!(interviews.contains("| Ada Okafor (key role) | Top management | "), "{interviews}");
    assert!(interviews.contains(&format!("| {} | nothing |", today())), "{interviews}");
    // Staff without a role who never rehearsed are named in one line, not a "0 %" row each (CEO pass).
    for (id, name) in [("p8", "Fay Osei"), ("p9", "Gus Ortiz")] {
        a.register.add_person(support::person(id, name, "Engineer", day(2025, 1, 6), false)).unwrap();
    }
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let interviews = section(&md, "## Interview preparation").unwrap();
    assert!(!interviews.contains("| Fay Osei"), "{interviews}");
    assert!(interviews.contains("Not rehearsed yet, without an ISMS role: Fay Osei and Gus Ortiz."), "{interviews}");
    assert!(!interviews.contains("Could not answer") && !interviews.contains("To rehearse again"), "{interviews}");
    // The questions missed are named, and who must rehearse again by the audit (interview-preparation
    // passes of stops 47 and 48: "1 could not answer", "4 due again", with nothing to say which).
    use audit_readiness::domain::interview::{Rating, Rehearsal};
    let failed = Rehearsal { person_id: "p2".into(), question_id: "IQ-SM-DUTIES".into(), rating: Rating::CouldNotAnswer, on: today() };
    a.rehearsals.push(failed);
    for r in a.rehearsals.iter_mut().filter(|r| r.person_id == "p3") {
        r.on = day(2026, 6, 1);
    }
    a.audit_date = Some(day(2027, 1, 20));
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let interviews = section(&md, "## Interview preparation").unwrap();
    let duties = audit_readiness::domain::interview::QuestionBank::builtin().question("IQ-SM-DUTIES").unwrap().title;
    assert!(
        interviews.contains(&format!(
            "Could not answer at their latest rehearsal: Ben Lindqvist: “{duties}”. Check that what each asks about is in place \
             and on record before drilling it."
        )),
        "{interviews}"
    );
    assert!(
        interviews.contains(
            "To rehearse again before the audit on 2027-01-20, as ratings of theirs are too old to count (how many): Cara Mendes ("
        ),
        "{interviews}"
    );
    let board = markdown::render(&Report::new(catalog, &a, today()).redacted(Profile::Board));
    for heading in ["Competence records", "Compensating measures", "Interview preparation", "Ada Okafor"] {
        assert!(!board.contains(heading), "board: {heading}");
    }
}

#[test]
fn a_leavers_register_row_says_whether_the_role_was_handed_over_and_top_management_by_its_tick_has_a_row() {
    // Returning-user pass of stop 49: "(left on …: held the role until then)" read as handed over
    // while nobody held the role. Founder pass of stop 49: a CEO ticked as top management, with
    // no assignment, was missing from the report's table while the org chart showed them.
    let catalog = Catalog::builtin();
    let mut a = realistic(catalog);
    let leaver_row = |a: &Assessment| {
        let md = markdown::render(&Report::new(catalog, a, today()));
        md.lines().find(|l| l.contains(PERSON_MARKER) && l.starts_with("| Information security manager")).expect("the ISM row").to_string()
    };
    assert!(leaver_row(&a).contains("(left on 2026-06-30; nobody else holds the role)"), "{}", leaver_row(&a));
    // Sam appointed to the role: the leaver's row says who holds it now.
    a.register.assignments.push(Assignment::new("a3", RoleKind::SecurityManager, "p1"));
    assert!(leaver_row(&a).contains("(left on 2026-06-30; held now by Sam Current)"), "{}", leaver_row(&a));
    // Named as a deputy, a leaver is only said to have left: a deputy seat is not the role.
    a.register.assignments[2].backup = Some("p2".into());
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let sam = md.lines().find(|l| l.starts_with("| Information security manager (ISMS owner) | Sam Current")).expect("Sam's ISM row");
    assert!(sam.ends_with("(left on 2026-06-30) |"), "{sam}");
    // Top management by the tick alone: its row, by position, like an assignment's.
    a.register.assignments.retain(|x| x.role != RoleKind::TopManagement);
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let top: Vec<&str> = md.lines().filter(|l| l.starts_with("| Top management |")).collect();
    assert_eq!(top, ["| Top management | Sam Current – CTO | by position | by position | by position | none | none |"], "{md}");
    // A former top manager's row names who is top management now, by the tick too.
    let mut former = a.clone();
    former.register.people[1].top_management = true;
    former.register.assignments.push(Assignment::new("a9", RoleKind::TopManagement, "p2"));
    let md = markdown::render(&Report::new(catalog, &former, today()));
    let row = md.lines().find(|l| l.starts_with("| Top management |") && l.contains(PERSON_MARKER)).expect("the former one's row");
    assert!(row.contains("(left on 2026-06-30; held now by Sam Current)"), "{row}");
    // With no assignment at all, the table still shows who is top management.
    a.register.assignments.clear();
    let md = markdown::render(&Report::new(catalog, &a, today()));
    assert!(md.contains("## Roles register") && md.contains("| Top management | Sam Current – CTO |"), "{md}");
}

#[test]
fn a_role_question_answered_no_says_in_the_report_who_the_register_names() {
    // Exports pass of stop 49: "Why this score" said the register names the performance
    // reporter; the report printed only "not met" beside that signed appointment.
    let catalog = Catalog::builtin();
    let item = catalog.items.iter().find(|i| i.asks_role == Some("performance-reporting")).unwrap();
    let mut a = support::all(catalog, Answer::Yes);
    a.set_answer(item.id, Answer::No, today());
    let note = "The roles register names Ben Lindqvist for this role. If top management gave it formally";
    let md = markdown::render(&Report::new(catalog, &a, today()));
    let line = md.lines().find(|l| l.contains(&format!("{}:**", markdown::inline(item.title)))).unwrap_or_else(|| panic!("{md}"));
    assert!(line.contains(note), "{line}");
    assert!(line.find(note) < line.find("Next step:"), "{line}");
    assert!(html::render(&Report::new(catalog, &a, today())).contains("names Ben Lindqvist for this role"));
    // It is advice on answering: the auditor's copy has the register's table instead (UX pass of
    // stop 49: "answer yes" read as coaching the score), and the board's names nobody.
    let auditor = markdown::render(&Report::new(catalog, &a, today()).redacted(Profile::Auditor));
    assert!(!auditor.contains("answer yes and record the appointment") && auditor.contains("| Ben Lindqvist"), "{auditor}");
    let board = markdown::render(&Report::new(catalog, &a, today()).redacted(Profile::Board));
    assert!(!board.contains("Ben Lindqvist"), "{board}");
}
