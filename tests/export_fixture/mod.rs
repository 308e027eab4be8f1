//! A realistic assessment for export tests and for `examples/export_samples.rs`: mixed answers,
//! a checkbox gap, stale and soon-stale evidence, an N/A with a justification, an audit date,
//! remediation owners, and hostile text planted in notes, owners and evidence. Unique marker
//! strings make redaction checkable by simple absence.
#![allow(dead_code)]

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::remediation::{Remediation, Status};
use audit_readiness::domain::roles::{Assignment, Person, RoleKind};
use audit_readiness::domain::{Answer, Assessment, Catalog, EvidenceRecord};
use chrono::NaiveDate;

pub const NOTE_MARKER: &str = "NOTEMARK-q7z";
pub const OWNER_MARKER: &str = "OWNERMARK-Quentin-Zebedee";
pub const EVIDENCE_OWNER_MARKER: &str = "EVOWNERMARK-Ulrike";
pub const JUSTIFICATION_MARKER: &str = "JUSTMARK-91";
/// A person in the roles register who has left but still holds a role (named in a finding).
pub const PERSON_MARKER: &str = "PERSONMARK-Ines";
pub const HOSTILE_HTML: &str = "<img src=x onerror=alert(1)>";
pub const HOSTILE_FORMULA: &str = "=HYPERLINK(\"http://x\")";
pub const HOSTILE_MARKDOWN: &str = "| # * [x](y)";

pub fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

pub fn today() -> NaiveDate {
    day(2026, 11, 23)
}

pub fn audit_day() -> NaiveDate {
    day(2027, 3, 1)
}

/// The owners given to the first remediation entries: hostile ones first.
pub fn owners() -> Vec<String> {
    vec![
        HOSTILE_FORMULA.to_string(),
        format!("{HOSTILE_MARKDOWN} {OWNER_MARKER}"),
        format!("{HOSTILE_HTML} Dana"),
        "@SUM(1+1)".to_string(),
        "-2+3".to_string(),
        "+44 20 7946 0000".to_string(),
        "\tTabbed Tom".to_string(),
        "Chief Executive, \"CEO\"; deputy: Lee".to_string(),
    ]
}

pub fn realistic(catalog: &Catalog) -> Assessment {
    let t = today();
    let mut a = Assessment { audit_date: Some(audit_day()), ..Assessment::default() };
    for (i, item) in catalog.items.iter().enumerate() {
        let answer = match i % 10 {
            0 => Some(Answer::No),
            1 => Some(Answer::Partly),
            2 => Some(Answer::NotSure),
            3 => None,
            _ => Some(Answer::Yes),
        };
        if let Some(answer) = answer {
            a.set_answer(item.id, answer, day(2026, 10, 1 + (i % 28) as u32));
        }
    }
    // A checkbox gap: the claim is made, its proof is not.
    a.set_answer("RC-01-CLAIM", Answer::Yes, t);
    a.set_answer("RC-01-PROOF", Answer::No, t);
    // Stale evidence (annual, produced more than a year ago) and evidence that expires before
    // the audit (annual, produced in February: renewing it now would reach the audit).
    a.set_answer("C51-DUTY-01", Answer::Yes, t);
    a.edit_evidence("C51-DUTY-01", |list| {
        list.push(EvidenceRecord {
            what: "Signed ISMS scope statement".into(),
            location: "Board drive / ISMS / 2025; \"final\", v2".into(),
            produced_on: Some(day(2025, 9, 1)),
            owner: EVIDENCE_OWNER_MARKER.into(),
        })
    });
    a.set_answer("C51-DUTY-05", Answer::Yes, t);
    a.edit_evidence("C51-DUTY-05", |list| {
        list.push(EvidenceRecord {
            what: format!("Management review minutes {HOSTILE_HTML}"),
            location: "https://intranet.example/minutes".into(),
            produced_on: Some(day(2026, 2, 2)),
            owner: "Pat Doe".into(),
        })
    });
    // N/A with a justification auditors need to see.
    a.set_answer("C53-PRE-03", Answer::NotApplicable, t);
    a.set_na_justification("C53-PRE-03", format!("{JUSTIFICATION_MARKER} no third parties; all staff in-house"));
    // Private notes, hostile on purpose.
    a.set_note("C53-PRE-01", format!("{NOTE_MARKER} {HOSTILE_HTML} {HOSTILE_FORMULA} {HOSTILE_MARKDOWN}\nsecond line"));
    a.set_note("C51-DUTY-01", format!("{NOTE_MARKER} ask Jo about the 2025 scope"));
    // Roles register: a current security manager, and a leaver still holding a role, so a
    // register finding names a person.
    a.register.people = vec![
        Person { id: "p1".into(), name: "Sam Current".into(), job_title: "CTO".into(), top_management: true, ..Person::default() },
        Person {
            id: "p2".into(),
            name: format!("{PERSON_MARKER} {HOSTILE_HTML}"),
            job_title: "Former ISM".into(),
            leaving_date: Some(day(2026, 6, 30)),
            ..Person::default()
        },
    ];
    a.register.assignments =
        vec![Assignment::new("a1", RoleKind::TopManagement, "p1"), Assignment::new("a2", RoleKind::SecurityManager, "p2")];
    // Remediation plan: owners on the first findings, one done, one in progress.
    let findings = all_findings(catalog, &a, t);
    for (i, (finding, owner)) in findings.iter().zip(owners()).enumerate() {
        let status = match i {
            1 => Status::Done,
            2 => Status::InProgress,
            _ => Status::Open,
        };
        let due = (i % 2 == 0).then(|| day(2027, 1, 10 + i as u32));
        a.remediation.insert(finding.id.clone(), Remediation { owner, due, status });
    }
    a
}
