//! The internal auditor's independence: reporting lines, deputies and a RASCI matrix that cannot show it.

use crate::support::{appoint, day, record, today, valid_register};
use crate::{assess, edit_assignment, edit_person, leave, only_finding, texts};
use audit_readiness::domain::roles::checks::sod;
use audit_readiness::domain::roles::{Raci, RoleKind, RESPONSIBILITIES};
use audit_readiness::domain::{FindingKind, Points, Verdict};

#[test]
fn an_internal_auditor_reporting_to_the_isms_owner_below_top_management_is_not_impartial() {
    // Auditor probe: Eli, the internal auditor, reporting to Ben, the security manager whose ISMS
    // he audits, read "Ready" (Clause 9.2.2 b)).
    let mut r = valid_register(today());
    assert!(sod::problems(&r, today()).is_empty(), "Eli reports to Ada, top management");
    edit_assignment(&mut r, "a12", |a| a.reports_to = Some("p2".into()));
    let found = texts(&sod::problems(&r, today()));
    assert!(found.contains("Eli Novak is internal auditor but reports to Ben Lindqvist, who runs the ISMS they would audit"), "{found}");
    assert!(found.contains("whose work it checks (Clause 9.2.2 b)"), "{found}");
    let (findings, verdict) = assess(r.clone());
    assert_eq!(only_finding(&findings, "REG-SOD").kind, FindingKind::SodConflict);
    assert_ne!(verdict, Verdict::Ready);
    // Through a line manager who reports to him, too.
    let mut through = valid_register(today());
    edit_assignment(&mut through, "a12", |a| a.reports_to = Some("p4".into()));
    edit_assignment(&mut through, "a9", |a| a.reports_to = Some("p2".into()));
    assert!(texts(&sod::problems(&through, today())).contains("reports to Ben Lindqvist"));
    // A CEO who is also the ISMS owner is top management: reporting to them is where the results go.
    let mut ceo_runs = valid_register(today());
    for id in ["a2", "a3", "a4"] {
        edit_assignment(&mut ceo_runs, id, |a| (a.person_id, a.reports_to) = ("p1".into(), None));
    }
    assert!(!texts(&sod::problems(&ceo_runs, today())).contains("but reports to"), "{}", texts(&sod::problems(&ceo_runs, today())));
    // To the security manager's deputy, while she works here; once she has left she runs nothing
    // (auditor probe: "reports to Ada Okafor, who runs the ISMS", Ada gone a month).
    let mut deputy = valid_register(today());
    assert_eq!(deputy.assignment("a2").unwrap().backup.as_deref(), Some("p3"));
    edit_assignment(&mut deputy, "a12", |a| a.reports_to = Some("p3".into()));
    assert!(texts(&sod::problems(&deputy, today())).contains("reports to Cara Mendes, who runs the ISMS"));
    leave(&mut deputy, "p3", day(2026, 10, 23));
    assert!(!texts(&sod::problems(&deputy, today())).contains("who runs the ISMS"), "{}", texts(&sod::problems(&deputy, today())));
}

#[test]
fn the_isms_owner_reporting_to_the_internal_auditor_or_the_auditor_answering_for_an_area_is_a_conflict() {
    // Score-gaming probe of stop 51: both read "Ready".
    let mut r = valid_register(today());
    let bens: Vec<String> = r.assignments.iter().filter(|a| a.person_id == "p2").map(|a| a.id.clone()).collect();
    for id in &bens {
        edit_assignment(&mut r, id, |a| a.reports_to = Some("p5".into()));
    }
    let found = texts(&sod::problems(&r, today()));
    assert!(
        found.contains("Eli Novak is internal auditor, and Ben Lindqvist reports to them while running the ISMS they would audit"),
        "{found}"
    );
    assert_ne!(assess(r).1, Verdict::Ready);
    // The internal auditor's own column accountable for a row they would audit.
    let mut own = valid_register(today());
    let accountable = RESPONSIBILITIES.iter().find(|row| row.code == "risk-assessment").unwrap();
    let holder =
        own.raci.iter().find(|(k, v)| k.starts_with("risk-assessment|") && **v == Raci::Accountable).map(|(k, _)| k.clone()).unwrap();
    own.raci.remove(&holder);
    own.set_raci(accountable.code, &RoleKind::InternalAuditor, Some(Raci::Accountable)).unwrap();
    let found = texts(&sod::problems(&own, today()));
    assert!(
        found.contains(
            "Eli Novak is internal auditor and also owns running the information security risk assessment (Internal auditor, accountable)"
        ),
        "{found}"
    );
    assert_ne!(assess(own).1, Verdict::Ready);
}

#[test]
fn the_security_managers_deputy_is_no_independent_auditor_nor_an_independent_check() {
    // Auditor probe: Eli, the internal auditor, as the security manager's deputy read "Ready";
    // and Ben as internal auditor with "Cara audits …" (his deputy) or "reviewed by the ISMS
    // owner" (himself) recorded as the independent check read "Ready".
    let mut r = valid_register(today());
    edit_assignment(&mut r, "a2", |a| a.backup = Some("p5".into()));
    let found = texts(&sod::problems(&r, today()));
    assert_eq!(
        found,
        "Eli Novak is internal auditor and deputy for Information security manager (ISMS owner) (Ben Lindqvist), so when \
         standing in they would run the ISMS they audit. Usual compensating measure: name another deputy, or have an \
         external auditor audit any period they stood in, and record that in the audit programme."
    );
    assert_eq!(assess(r.clone()).1, Verdict::NearlyReady);
    // The other way round too (third probe): the security manager as the internal auditor's deputy.
    let mut other_way = valid_register(today());
    edit_assignment(&mut other_way, "a12", |a| a.backup = Some("p2".into()));
    assert!(
        texts(&sod::problems(&other_way, today())).starts_with("Ben Lindqvist is Information security manager (ISMS owner) and "),
        "{}",
        texts(&sod::problems(&other_way, today()))
    );
    assert!(texts(&sod::problems(&other_way, today())).contains("deputy for the internal auditor (Eli Novak), so when standing in"));
    assert_eq!(assess(other_way).1, Verdict::NearlyReady);
    // The measure the message suggests, naming whose stand-in periods an outside firm audits, is
    // taken (second probe: naming Eli read as a check by Eli himself).
    edit_assignment(&mut r, "a12", |a| {
        a.independent_check = "Any period Eli Novak stands in for the security manager is audited by Northwind Audit Ltd (external)".into()
    });
    assert_eq!(texts(&sod::problems(&r, today())), "");
    edit_assignment(&mut r, "a12", |a| a.independent_check = "Stand-in periods are reviewed by the ISMS owner".into());
    assert!(texts(&sod::problems(&r, today())).contains("names nobody independent of Eli Novak"));

    let mut r = valid_register(today());
    r.remove_assignment("a12").unwrap();
    r.add_assignment(appoint("a20", RoleKind::InternalAuditor, "p2", Some("p1"), None, day(2026, 1, 5))).unwrap();
    r.add_competence(record("c20", "p2", Some(RoleKind::InternalAuditor), day(2026, 1, 5), None)).unwrap();
    for (measure, independent) in [
        ("Cara Mendes audits the ISMS owner's work", false),
        ("Reviewed by the ISMS owner in the audit programme", false),
        ("Reviewed by the security manager of our parent company, Acme Ltd", true),
        ("External firm Northwind Audit reviews it, per the audit programme", true),
        // Second probe: the ISMS owner named as the checker by role or by job title.
        ("The ISMS owner reviews the audit work", false),
        ("Audit reviewed by the information security manager", false),
        ("Audit work reviewed by our ISMS owner", false),
        ("Reviewed by the ISMS manager", false),
        ("Reviewed by the head of security", false),
        // Whose work is checked is no checker; an outside party naming him checks his work.
        ("Northwind Audit reviews the ISMS owner's work each year", true),
        ("Ben Lindqvist checks his own audits; Northwind Audit Ltd (external) spot-checks", false),
        ("Ben Lindqvist reviews the external audit firm's findings", false),
        ("Reviewed by Ben Lindqvist with the external firm", false),
        // Third probe: "external" before a thing is no outside party; an outside firm's manager is not Ben.
        ("Reviewed by Ben using the external ISO 27001 audit template", false),
        ("Reviewed by the ISMS manager of Northwind Audit Ltd", true),
        ("Ben Lindqvist's audits are re-audited by Northwind Audit Ltd (external)", true),
        // auditor probe of stop 42: a measure that says it is not there, or only to come.
        ("We cannot afford an external auditor", false),
        ("No external auditor has been engaged yet", false),
        ("External audit planned for next year, not yet booked", false),
        ("An external auditor will be hired in Q3", false),
        ("We can't pay for an external audit", false),
        ("Northwind Audit Ltd audits the ISMS; no ISMS staff take part", true),
        ("External auditor audits the ISMS owner's work, as planned in the audit plan", true),
        // Auditor probe of stop 44: an outside party on Ben's own side, the party that built the
        // ISMS, or a check dated ahead (90 days after today) cleared the conflict ("Ready, on
        // your word").
        ("Reviewed by Ben Lindqvist's firm, Northwind Advisory Ltd", false),
        ("Peer review by a colleague at Northwind Advisory Ltd", false),
        ("Checked by the consultancy that implemented our ISMS (Northwind Ltd)", false),
        ("External review of the areas Ben owns by Northwind Audit Ltd scheduled for 2027-02-21", false),
        ("Northwind Audit Ltd reviewed the areas Ben owns on 2026-10-01; next review 2027-02-21", true),
        ("Northwind Audit Ltd audits how the controls Ben owns were implemented", true),
        ("Northwind Audit Ltd, who designed the audit plan, audits the areas Ben owns", true),
        ("Checked by the firm that built our security controls", false),
        ("Northwind Audit Ltd (external) audits his team's work yearly", true),
        // Auditor probe of stop 45: the CEO reading or signing off the audit's results leaves
        // the audit Ben's own; Ben named as whose work it is does not make the check his.
        ("CEO reads the audit report", false),
        ("Ada Okafor (CEO) reviews and signs off Ben's internal audit report", false),
        ("Ada Okafor receives the audit findings each quarter", false),
        ("Ada Okafor audits the ISMS owner's areas and reports the findings to the board", true),
        ("Ada Okafor reviews Ben's work each quarter", true),
        // Startup pass of stop 48: an outside firm named by its trade, and the person named in
        // full as whose work it is, read as a self-check.
        ("Northbridge Assurance audits Ben Lindqvist's ISMS work each year", true),
        ("Ada Okafor (CEO) audits Ben Lindqvist's ISMS work", true),
        ("Ben Lindqvist audits the ISMS for Northbridge Assurance", false),
    ] {
        edit_assignment(&mut r, "a20", |a| a.independent_check = measure.into());
        let found = texts(&sod::problems(&r, today()));
        assert_eq!(found.is_empty(), independent, "{measure}: {found}");
    }
    edit_assignment(&mut r, "a20", |a| a.independent_check = "Ada Okafor (CEO) reviews and signs off Ben's internal audit report".into());
    let found = texts(&sod::problems(&r, today()));
    assert!(
        found.contains(
            "has the audit's results read or signed off, no more: Ben Lindqvist would still audit their own work. Someone \
             independent of Ben Lindqvist has to audit the areas Ben Lindqvist runs, so the conflicts below stay open."
        ),
        "{found}"
    );
    assert!(!found.contains("themself"), "Ben is whose report it is, not who checks it: {found}");
    edit_assignment(&mut r, "a20", |a| a.independent_check = "We cannot afford an external auditor".into());
    let found = texts(&sod::problems(&r, today()));
    // Said without the reasons a check is not independent, which do not fit one not there.
    assert!(
        found.contains("(“We cannot afford an external auditor”) says no such check is in place yet, so the conflicts below stay open."),
        "{found}"
    );
    let ahead = today() + chrono::Days::new(90);
    assert_eq!(ahead.to_string(), "2027-02-21", "the date the table above uses");
    // The firm his job title names is his own side.
    edit_assignment(&mut r, "a20", |a| {
        a.independent_check = "Northwind Advisory Ltd's quality team reviews the areas its vCISO runs".into()
    });
    assert_eq!(texts(&sod::problems(&r, today())), "", "another firm's name, before his title says whose");
    edit_person(&mut r, "p2", |p| p.job_title = "vCISO (contractor), Northwind Advisory Ltd".into());
    let found = texts(&sod::problems(&r, today()));
    assert!(found.contains("names Ben Lindqvist's own firm or colleagues: a check by the people Ben Lindqvist works with"), "{found}");
    edit_person(&mut r, "p2", |p| p.job_title = "Head of Security".into());
    edit_assignment(&mut r, "a20", |a| a.independent_check = format!("External audit by Northwind Audit Ltd on {ahead}"));
    let found = texts(&sod::problems(&r, today()));
    assert!(found.contains(&format!("is dated {ahead}, still to come: no such check is in place yet")), "{found}");
    // Cara is the deputy (a2's backup): with another deputy she may check his work.
    edit_assignment(&mut r, "a2", |a| a.backup = Some("p4".into()));
    edit_assignment(&mut r, "a20", |a| a.independent_check = "Cara Mendes audits the ISMS owner's work".into());
    assert_eq!(texts(&sod::problems(&r, today())), "");
}

#[test]
fn duty_conflicts_the_rasci_matrix_would_show_cannot_be_shown_while_it_is_empty() {
    // The founder pass: with the matrix empty the duty-conflict check read "✓ Ready", and filling
    // the matrix in turned it into a conflict, so doing the work lowered the score.
    // Cara (CTO, incident lead, risk owner) is the internal auditor too; Dev, not she, is the
    // security manager's deputy (standing in for him is a conflict of its own).
    let mut r = valid_register(today());
    edit_assignment(&mut r, "a2", |a| a.backup = Some("p4".into()));
    r.add_assignment(appoint("a20", RoleKind::InternalAuditor, "p3", Some("p1"), None, day(2026, 2, 1))).unwrap();
    r.raci.clear();
    let (findings, _) = assess(r.clone());
    let sod = findings.iter().find(|f| f.item_id == "REG-SOD").expect("not a pass");
    assert!(sod.nothing_to_check && sod.lead.is_none(), "{sod:#?}");
    assert_eq!(sod.kind_label(), "Cannot be shown yet");
    assert_eq!(sod.part_of.map(|p| p.item_id), Some("REG-RACI"));
    assert!(sod.cost > Points::ZERO, "it is not credited until it can be shown");
    assert!(sod.explanation.contains("The RASCI matrix is empty, so whether the internal auditor would audit"), "{}", sod.explanation);
    let standing: Vec<&str> = findings.iter().filter(|f| f.stands_alone()).map(|f| f.item_id).collect();
    assert_eq!(standing, ["REG-RACI"], "one gap, the empty matrix");
    // One row filled in is no matrix to read either (second auditor probe: it passed).
    let mut one_row = r.clone();
    one_row.set_raci("policy-approval", &RoleKind::TopManagement, Some(Raci::Accountable)).unwrap();
    let (findings, _) = assess(one_row);
    let sod = findings.iter().find(|f| f.item_id == "REG-SOD").expect("not a pass");
    assert!(sod.explanation.contains("The RASCI matrix leaves responsibilities without an accountable role"), "{}", sod.explanation);
    // A recorded independent measure manages whatever the matrix would show.
    let mut measured = r.clone();
    let mut cara = measured.assignment("a20").unwrap().clone();
    cara.independent_check = "External auditor audits the incident process; audit programme 2026".into();
    measured.update_assignment(cara).unwrap();
    let (findings, _) = assess(measured);
    assert!(findings.iter().all(|f| f.item_id != "REG-SOD"), "managed by its measure");
    // An internal auditor with no other role (Eli alone) answers for nothing they audit.
    let mut external = valid_register(today());
    external.raci.clear();
    let (findings, _) = assess(external);
    assert!(findings.iter().all(|f| f.item_id != "REG-SOD"), "nothing to show or hide");
    // A conflict the roles show on their own is still named as the conflict it is.
    r.add_assignment(appoint("a21", RoleKind::InternalAuditor, "p2", Some("p1"), None, day(2026, 2, 1))).unwrap();
    let (findings, _) = assess(r);
    let sod = findings.iter().find(|f| f.item_id == "REG-SOD").unwrap();
    assert!(!sod.nothing_to_check && sod.stands_alone(), "{}", sod.explanation);
    assert!(!sod.explanation.contains("RASCI matrix is empty"), "{}", sod.explanation);
}

#[test]
fn duty_conflicts_cannot_be_shown_while_nobody_is_internal_auditor() {
    // Founder pass of stop 47: with no internal auditor the check passed, and "Conflicting duties
    // kept apart" answered "not sure" read "Shown met by the register".
    let mut r = valid_register(today());
    r.remove_assignment("a12").unwrap();
    let (findings, verdict) = assess(r.clone());
    let sod = findings.iter().find(|f| f.item_id == "REG-SOD").expect("not a pass");
    assert_eq!(sod.kind_label(), "Cannot be shown yet");
    assert_eq!(sod.part_of.map(|p| p.item_id), Some("REG-FUNCTIONS-ASSIGNED"));
    assert!(sod.explanation.contains("Nobody is internal auditor yet, so whether the internal audit would check"), "{}", sod.explanation);
    assert!(sod.cost > Points::ZERO, "not credited until it can be shown");
    let standing: Vec<&str> = findings.iter().filter(|f| f.stands_alone()).map(|f| f.item_id).collect();
    assert!(standing.contains(&"REG-FUNCTIONS-ASSIGNED") && !standing.contains(&"REG-SOD"), "{standing:?}");
    assert_ne!(verdict, Verdict::Ready);
    // An auditor appointed again, and nothing is left to show.
    r.add_assignment(appoint("a30", RoleKind::InternalAuditor, "p5", Some("p1"), None, day(2026, 2, 1))).unwrap();
    let (findings, _) = assess(r);
    assert!(findings.iter().all(|f| f.item_id != "REG-SOD"), "{findings:#?}");
}
