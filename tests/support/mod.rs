//! Shared helpers for host tests.
#![allow(dead_code)]

use audit_readiness::domain::catalog::{Area, Item, RealityCheck, SeedSection, Source};
use audit_readiness::domain::interview::{self, Rating, Rehearsal};
use audit_readiness::domain::roles::{Assignment, CompetenceKind, CompetenceRecord, Person, Raci, Register, RoleKind, RESPONSIBILITIES};
use audit_readiness::domain::{Answer, Assessment, Catalog, Severity};
use chrono::{Months, NaiveDate};

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn today() -> NaiveDate {
    day(2026, 11, 23)
}

/// An assessment answering every item of the catalogue the same way, with a complete, valid
/// roles register and a fresh, confident interview rehearsal by every key role holder (so the
/// derived items are met and "all yes" still means ready).
pub fn all(catalog: &Catalog, answer: Answer) -> Assessment {
    let mut assessment = Assessment::default();
    for item in catalog.items {
        assessment.set_answer(item.id, answer, today());
        if answer == Answer::NotApplicable {
            assessment.set_na_justification(item.id, "out of scope".into());
        }
    }
    assessment.register = valid_register(today());
    assessment.rehearsals = confident_rehearsals(today());
    assessment
}

/// [`all`] yes, except every question an auditor would raise as `severity`, answered `answer`.
pub fn all_yes_but_severity(catalog: &Catalog, severity: audit_readiness::domain::Severity, answer: Answer) -> Assessment {
    let mut assessment = all(catalog, Answer::Yes);
    for item in catalog.items.iter().filter(|i| i.finding == severity && !i.is_derived()) {
        assessment.set_answer(item.id, answer, today());
    }
    assessment
}

/// The key role holders of [`valid_register`] (Ada, Ben, Cara) rehearsed every question of the
/// bank (so all of their cards) on `on` and felt confident.
pub fn confident_rehearsals(on: NaiveDate) -> Vec<Rehearsal> {
    let mut log = Vec::new();
    for person in ["p1", "p2", "p3"] {
        for question in interview::QuestionBank::builtin().questions {
            interview::record(&mut log, person, question.id, Rating::Confident, on);
        }
    }
    log
}

/// The points the derived items (register and interviews, all earned by [`all`]) add to the
/// overall score: a register check that asks for the same as a question (`same_as`) adds none.
pub fn register_points(catalog: &Catalog) -> audit_readiness::domain::Points {
    catalog.items.iter().filter(|i| i.is_derived() && i.same_as.is_none()).map(|i| audit_readiness::domain::points::weight(i.finding)).sum()
}

fn months_before(today: NaiveDate, months: u32) -> NaiveDate {
    today.checked_sub_months(Months::new(months)).unwrap()
}

pub fn person(id: &str, name: &str, title: &str, start: NaiveDate, top: bool) -> Person {
    Person {
        id: id.into(),
        name: name.into(),
        job_title: title.into(),
        start_date: Some(start),
        leaving_date: None,
        top_management: top,
        reports_to: None,
    }
}

/// A complete appointment: minutes reference, date, authority, reporting line and backup.
pub fn appoint(id: &str, role: RoleKind, who: &str, reports_to: Option<&str>, backup: Option<&str>, on: NaiveDate) -> Assignment {
    Assignment {
        appointment_evidence: format!("Leadership minutes {on}, item {id}"),
        appointed_on: Some(on),
        authority_granted: true,
        reports_to: reports_to.map(str::to_string),
        backup: backup.map(str::to_string),
        ..Assignment::new(id, role, who)
    }
}

pub fn record(id: &str, who: &str, role: Option<RoleKind>, on: NaiveDate, renew: Option<u32>) -> CompetenceRecord {
    CompetenceRecord {
        id: id.into(),
        person_id: who.into(),
        role,
        kind: CompetenceKind::Training,
        description: format!("Course {id}"),
        achieved_on: Some(on),
        renew_every_months: renew,
    }
}

/// A five-person startup whose register passes every register check on `today`:
/// - p1 Ada (CEO, top management): top management, accountable for risk acceptance;
/// - p2 Ben (Head of Security): security manager, conformance, performance reporting, review team;
/// - p3 Cara (CTO): review team, incident lead, risk owner;
/// - p4 Dev (Operations lead): third-party manager, awareness trainer, risk owner;
/// - p5 Eli (external auditor): internal auditor only.
pub fn valid_register(today: NaiveDate) -> Register {
    use RoleKind::*;
    let start = months_before(today, 30);
    let on = months_before(today, 10);
    let mut r = Register::default();
    for p in [
        person("p1", "Ada Okafor", "CEO", start, true),
        person("p2", "Ben Lindqvist", "Head of Security", start, false),
        person("p3", "Cara Mendes", "CTO", start, false),
        person("p4", "Dev Patel", "Operations lead", start, false),
        person("p5", "Eli Novak", "External ISMS auditor", start, false),
    ] {
        r.add_person(p).unwrap();
    }
    for a in [
        appoint("a1", TopManagement, "p1", None, None, on),
        appoint("a2", SecurityManager, "p2", Some("p1"), Some("p3"), on),
        appoint("a3", IsmsConformance, "p2", Some("p1"), None, on),
        appoint("a4", PerformanceReporting, "p2", Some("p1"), None, on),
        appoint("a5", ReviewTeamMember, "p2", Some("p1"), Some("p4"), on),
        appoint("a6", ReviewTeamMember, "p3", Some("p1"), Some("p4"), on),
        appoint("a7", IncidentLead, "p3", Some("p1"), Some("p2"), on),
        appoint("a8", RiskOwner, "p3", Some("p1"), None, on),
        appoint("a9", ThirdPartyManager, "p4", Some("p2"), Some("p2"), on),
        appoint("a10", AwarenessTrainer, "p4", Some("p2"), None, on),
        appoint("a11", RiskOwner, "p4", Some("p2"), None, on),
        appoint("a12", InternalAuditor, "p5", Some("p1"), None, on),
    ] {
        r.add_assignment(a).unwrap();
    }
    let accountable = |row: &str| match row {
        "conformance" | "performance-reporting" | "risk-assessment" | "incident-register" | "awareness-training" | "supplier-register" => {
            SecurityManager
        }
        _ => TopManagement,
    };
    for row in RESPONSIBILITIES {
        r.set_raci(row.code, &accountable(row.code), Some(Raci::Accountable)).unwrap();
    }
    for (row, role) in [
        ("incident-register", IncidentLead),
        ("supplier-register", ThirdPartyManager),
        ("awareness-training", AwarenessTrainer),
        ("internal-audit", InternalAuditor),
        ("risk-assessment", RiskOwner),
    ] {
        r.set_raci(row, &role, Some(Raci::Responsible)).unwrap();
    }
    r.set_raci("management-review", &ReviewTeamMember, Some(Raci::Consulted)).unwrap();
    let recent = months_before(today, 6);
    r.add_competence(record("c1", "p1", None, recent, Some(24))).unwrap();
    r.add_competence(record("c2", "p2", Some(SecurityManager), recent, Some(36))).unwrap();
    r.add_competence(record("c3", "p2", None, recent, None)).unwrap();
    r.add_competence(record("c4", "p3", None, recent, Some(12))).unwrap();
    r.add_competence(record("c5", "p4", None, recent, Some(12))).unwrap();
    r.add_competence(record("c6", "p5", Some(InternalAuditor), recent, Some(36))).unwrap();
    r
}

/// A tiny deterministic pseudo-random generator (xorshift), so property tests are reproducible.
pub struct Rng(pub u64);

impl Rng {
    pub fn next(&mut self) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// A minimal catalogue item for content-validation tests (a minor Clause 5.3 question).
pub const fn test_item(id: &'static str, area: &'static str, covers: &'static [&'static str], source: Source) -> Item {
    Item {
        id,
        area,
        reference: "Clause 5.3",
        title: "t",
        question: "q?",
        why: "w",
        evidence: &["e"],
        cadence: None,
        finding: Severity::Minor,
        finding_reason: "r",
        covers,
        minimum: None,
        full: None,
        source,
        owner: "security-manager",
        same_as: None,
        within: None,
        asks_role: None,
        interview_of: None,
        recurring: false,
        in_text: false,
        proves_within: false,
        raised_as_one: None,
        core: false,
        needs_role: None,
        instance_of: None,
        considers: None,
        holds_statements: false,
        rehearsed_in: &[],
    }
}

/// A test catalogue (version 1) of these parts, without id tables: its lookups scan.
pub fn catalog_of(
    seed_sections: &'static [SeedSection],
    areas: &'static [Area],
    items: &'static [Item],
    reality_checks: &'static [RealityCheck],
) -> Catalog {
    Catalog { version: 1, seed_sections, areas, items, reality_checks, item_order: &[], proof_order: &[] }
}
