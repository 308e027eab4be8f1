//! The report's detail sections, for the copies that show them (auditor and full): what to do
//! per gap, the roles register as an auditor samples it, the justified exclusions, the evidence
//! on file and (full copy only) the internal notes.

use super::document::{Block, Line};
use super::{iso, Profile, Report};
use crate::domain::assessment::Answer;
use crate::domain::evidence::validities;
use crate::domain::owner_leaving::owner_cell;
use crate::domain::roles::checks::by_position;
use crate::domain::roles::{Person, RoleKind};
use crate::domain::wording::and_list;
use chrono::NaiveDate;

/// What to do per gap, justifications, evidence and (full profile only) notes.
pub(super) fn details(report: &Report, blocks: &mut Vec<Block>) {
    let gaps = report.gaps();
    if !gaps.is_empty() {
        blocks.push(Block::Heading(2, "What to do".into()));
        // A question asking for a role the register fills says so, as "Why this score" does
        // (exports pass of stop 49: "not met" beside the register's signed appointment). It is
        // advice on answering, so it is for the team's own copy: the auditor's has the register's
        // table, and the board's names nobody (UX pass of stop 49).
        let register_note = |f: &crate::domain::Finding| {
            let a = &report.assessment;
            let note = f.item.asks_role.filter(|_| report.profile == Profile::Full).and_then(|_| {
                crate::domain::same_requirement::asked_role_note(f.item, &a.register, a.answer_for(f.item), report.today, a.audit_date)
            });
            note.filter(|note| !f.explanation.contains(note.as_str())).map(|note| format!(" {note}")).unwrap_or_default()
        };
        let lines = gaps
            .iter()
            .map(|g| {
                Line::new(
                    format!("{} {}:", g.finding.reference, g.title()),
                    format!("{}{} Next step: {}", g.finding.explanation, register_note(g.finding), g.finding.remediation),
                )
            })
            .collect();
        blocks.push(Block::List(lines));
    }

    roles_register(report, blocks);
    super::people::competence_and_measures(report, blocks);
    super::people::interview_preparation(report, blocks);

    let na = report.justified_not_applicable();
    if !na.is_empty() {
        blocks.push(Block::Heading(2, "Not applicable, with justification".into()));
        let rows = na
            .iter()
            .map(|(item, why)| vec![item.reference.into(), item.title.into(), why.to_string(), report.not_applicable_effect(item)])
            .collect();
        blocks.push(Block::Table { headers: vec!["Reference", "Item", "Justification", "Effect"], rows });
    }

    let mut evidence = Vec::new();
    // An evidence owner gone by an upcoming audit (or today) is said beside their name.
    let audit_ahead = report.audit_date.filter(|day| *day > report.today).unwrap_or(report.today);
    for item in report.catalog.items {
        let Some(response) = report.assessment.response(item.id) else { continue };
        for (record, validity) in response.evidence.iter().zip(validities(item.cadence, response, report.today, report.audit_date)) {
            evidence.push(vec![
                item.reference.to_string(),
                item.title.to_string(),
                record.what.clone(),
                record.location.clone(),
                record.produced_on.map(iso).unwrap_or_default(),
                owner_cell(&record.owner, &report.assessment.register, report.today, audit_ahead, "before the audit"),
                validity.says,
            ]);
        }
    }
    if !evidence.is_empty() {
        blocks.push(Block::Heading(2, "Evidence on file".into()));
        blocks.push(Block::Table {
            headers: vec!["Reference", "Item", "Evidence", "Where", "Produced", "Owner", "Validity"],
            rows: evidence,
        });
    }

    // Notes survive only in the full profile (the report was redacted before we got here).
    let notes: Vec<Line> = report
        .catalog
        .items
        .iter()
        .filter_map(|item| {
            let r = report.assessment.response(item.id)?;
            let answer = r.answer.map_or("unanswered", Answer::label);
            (!r.note.trim().is_empty()).then(|| Line::new(format!("{} {} ({answer}):", item.reference, item.title), r.note.clone()))
        })
        .collect();
    if !notes.is_empty() && report.profile == Profile::Full {
        blocks.push(Block::Heading(2, "Internal notes".into()));
        blocks.push(Block::List(notes));
    }
}

/// The roles register as an auditor samples it: each assignment with its holder (and whether they
/// work here on the report's day), how it was made, and the lines around it.
fn roles_register(report: &Report, blocks: &mut Vec<Block>) {
    let register = &report.assessment.register;
    // People ticked as top management without a role assignment hold it by their position, as the
    // org chart shows them (founder pass of stop 49: the CEO was missing from the report's table).
    let top_by_flag: Vec<&Person> = register
        .people
        .iter()
        .filter(|p| p.top_management && !register.assignments.iter().any(|a| a.person_id == p.id && a.role == RoleKind::TopManagement))
        .collect();
    if register.assignments.is_empty() && top_by_flag.is_empty() {
        return;
    }
    // Everyone named in a row says whether they work here, or when they leave.
    let name = |id: &Option<String>| {
        id.as_deref().map_or_else(|| "none".to_string(), |id| holder_text(register.name_of(id), register.person(id), report.today, ""))
    };
    let titled = |person: Option<&Person>, id: &str| match person.map(|p| p.job_title.trim()).filter(|t| !t.is_empty()) {
        Some(title) => format!("{} – {title}", register.name_of(id)),
        None => register.name_of(id),
    };
    let top_rows = top_by_flag.iter().map(|p| {
        vec![
            RoleKind::TopManagement.label().to_string(),
            holder_text(titled(Some(p), &p.id), Some(p), report.today, ""),
            "by position".to_string(),
            "by position".to_string(),
            "by position".to_string(),
            name(&p.reports_to),
            "none".to_string(),
        ]
    });
    let recorded = |text: &str| if text.trim().is_empty() { "not recorded".to_string() } else { text.to_string() };
    let rows = register
        .assignments
        .iter()
        .map(|a| {
            let person = register.person(&a.person_id);
            // With the job title, which an auditor sampling the register asks about too.
            let holder = titled(person, &a.person_id);
            let reports_to = a.reports_to.clone().or_else(|| person.and_then(|p| p.reports_to.clone()));
            // A leaver's row says who holds the role now, top management by its tick too
            // (returning-user pass of stop 49: "held the role until then" read as handed over
            // while nobody had it; the UX pass after it: beside a CEO ticked, "nobody else").
            // Asked of leavers' rows only: the others' words do not use it.
            let now = |role: &RoleKind| -> Vec<String> {
                let holders = register.current_holders(role, report.today);
                holders.iter().filter(|p| p.id != a.person_id).map(|p| p.display_name().into_owned()).collect()
            };
            let after = match person.is_some_and(|p| p.has_left(report.today)).then(|| now(&a.role)) {
                None => String::new(),
                Some(now) if now.is_empty() => "; nobody else holds the role".to_string(),
                Some(now) => format!("; held now by {}", and_list(&now)),
            };
            vec![
                a.role.label().to_string(),
                holder_text(holder, person, report.today, &after),
                a.appointed_on.map_or_else(|| recorded(""), iso),
                recorded(&a.appointment_evidence),
                // Top management's, and that of the roles it takes on, comes with its position
                // (`roles::checks::by_position`; auditor probes).
                match (a.authority_granted, by_position(register, a, report.today)) {
                    (true, _) => "granted",
                    (false, true) => "by position",
                    // As the app says it: "has not been granted authority to enforce" (founder
                    // pass of stop 43: "not recorded" here read as a gap in the report).
                    (false, false) => "not granted",
                }
                .to_string(),
                name(&reports_to),
                name(&a.backup),
            ]
        })
        .collect::<Vec<_>>();
    let rows = top_rows.chain(rows).collect();
    blocks.push(Block::Heading(2, "Roles register".into()));
    let headers = vec!["Role", "Holder", "Appointed", "Appointment record", "Authority", "Reports to", "Deputy"];
    blocks.push(Block::Table { headers, rows });
}

/// A holder's name with why they do not work here on the report's day, or the day they are due
/// to leave when that is still to come: an auditor sampling the register asks about both. Someone
/// gone held the role until they left, said so (security manager's pass of stop 47: the auditor's
/// copy read as if a leaver still held three roles, beside their successor's rows).
fn holder_text(holder: String, person: Option<&Person>, today: NaiveDate, after_leaving: &str) -> String {
    match person {
        Some(p) if p.has_left(today) => {
            format!("{holder} (left on {}{after_leaving})", p.leaving_date.map(iso).unwrap_or_default())
        }
        Some(p) => match (p.absence(today), p.leaving_date) {
            (Some(absence), _) => format!("{holder} ({absence})"),
            (None, Some(leaves)) => format!("{holder} (leaves on {})", iso(leaves)),
            (None, None) => holder,
        },
        None => holder,
    }
}
