//! What a backup must not bring in even when every field has the right type: two records under
//! one ID (the register would then edit the wrong one: a renamed "twin" renamed the CEO), and a
//! date no date field can show or the calendar can carry (the year 99999), and a record naming a
//! person the file does not hold (the app never writes one: removing a person takes their records
//! and clears them as a line or deputy). Found before the file touches anything, and named
//! (data-safety passes).

use chrono::{Datelike, NaiveDate};

use crate::domain::roles::RoleKind;
use crate::domain::Assessment;

/// Everything wrong with each assessment of a workspace, each named by its name.
pub fn workspace_problems(workspace: &crate::domain::workspace::Workspace) -> Vec<String> {
    workspace.entries.iter().flat_map(|e| problems(&format!("“{}”", e.name), &e.assessment)).collect()
}

/// The records of each assessment of a workspace entered twice under one ID, each named: what the
/// stored value is checked for at load (data-safety pass of stop 45: with two people under one
/// ID, renaming the twin renamed the CEO, and the app's own backup of it was refused by its own
/// import). Only this of the import's checks, which would cost the first load 3 KB more.
pub fn duplicate_ids(workspace: &crate::domain::workspace::Workspace) -> Vec<String> {
    let mut out = Vec::new();
    for e in &workspace.entries {
        push_duplicates(&mut out, &format!("“{}”", e.name), &e.assessment);
    }
    out
}

/// Each ID entered more than once, said once (at its last entry); a scan, not a sort, which would bring a
/// sort into the first load.
fn push_duplicates(out: &mut Vec<String>, name: &str, assessment: &Assessment) {
    let register = &assessment.register;
    for (what, ids) in [
        ("person", register.people.iter().map(|p| p.id.as_str()).collect::<Vec<_>>()),
        ("role assignment", register.assignments.iter().map(|a| a.id.as_str()).collect()),
        ("competence record", register.competence.iter().map(|c| c.id.as_str()).collect()),
    ] {
        let again = ids.iter().enumerate().filter(|(at, id)| ids[..*at].contains(id) && !ids[*at + 1..].contains(id));
        out.extend(again.map(|(_, id)| format!("{name} has two entries for the {what} “{id}”")));
    }
}

/// Everything wrong with one assessment of a backup, named by `name` ("“Q3 review”").
pub fn problems(name: &str, assessment: &Assessment) -> Vec<String> {
    let mut out = Vec::new();
    push_duplicates(&mut out, name, assessment);
    if let Some((what, role, id)) = unknown_people(assessment).next() {
        let role = role.map(|r| format!(" ({})", r.label())).unwrap_or_default();
        out.push(format!("{name} has {what}{role} for “{id}”, who is not among its people"));
    }
    let unshowable = dates(assessment).filter(|d| !(1000..=9999).contains(&d.year())).min();
    if let Some(date) = unshowable {
        out.push(format!("{name} has the date {}, which has no four-digit year", super::iso(date)));
    }
    out
}

/// Each record that names a person the register does not hold, said as what it is (a role
/// assignment by its role: the ID alone meant nothing to the person importing).
fn unknown_people(a: &Assessment) -> impl Iterator<Item = (&'static str, Option<&RoleKind>, &str)> + '_ {
    let register = &a.register;
    let known = |id: &str| register.people.iter().any(|p| p.id == id);
    let lines = register.people.iter().filter_map(|p| p.reports_to.as_deref()).map(|id| ("a reporting line", None, id));
    let holders = register.assignments.iter().map(|x| ("a role assignment", Some(&x.role), x.person_id.as_str()));
    let assignment_lines =
        register.assignments.iter().filter_map(|x| x.reports_to.as_deref()).map(|id| ("a role's reporting line", None, id));
    let deputies = register.assignments.iter().filter_map(|x| x.backup.as_deref()).map(|id| ("a deputy", None, id));
    let records = register.competence.iter().map(|c| ("a competence record", None, c.person_id.as_str()));
    let rehearsed = a.rehearsals.iter().map(|r| ("an interview rating", None, r.person_id.as_str()));
    lines.chain(holders).chain(assignment_lines).chain(deputies).chain(records).chain(rehearsed).filter(move |(_, _, id)| !known(id))
}

/// Every date the assessment holds.
fn dates(a: &Assessment) -> impl Iterator<Item = NaiveDate> + '_ {
    let register = &a.register;
    let responses = a.responses.values().flat_map(|r| r.updated_on.into_iter().chain(r.evidence.iter().filter_map(|e| e.produced_on)));
    let people = register.people.iter().flat_map(|p| [p.start_date, p.leaving_date]).flatten();
    let appointed = register.assignments.iter().filter_map(|x| x.appointed_on);
    let competence = register.competence.iter().filter_map(|c| c.achieved_on);
    let plans = a.remediation.values().filter_map(|r| r.due);
    let rehearsed = a.rehearsals.iter().map(|r| r.on);
    a.audit_date.into_iter().chain(responses).chain(people).chain(appointed).chain(competence).chain(plans).chain(rehearsed)
}
