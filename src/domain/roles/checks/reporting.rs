//! REG-REPORTING-LINE: whoever reports on ISMS performance (Clause 5.3, item b) is top management or
//! has an unbroken reporting line up to a current top-management person.

use chrono::NaiveDate;

use super::twins::merged_twins;
use super::{Problem, RegisterCheck};
use crate::domain::findings::FindingKind;
use crate::domain::roles::model::{Register, RoleKind};
use crate::domain::roles::org::reporting_line;

pub const CHECK: RegisterCheck = RegisterCheck {
    item_id: "REG-REPORTING-LINE",
    kind: FindingKind::ReportingLine,
    lead: "ISMS performance reports cannot be shown to reach top management.",
    remediation: "Set who the performance reporter reports to (their line manager, or Reports to on their role) so \
                  that the line ends at a current member of top management, and show the route on the org chart.",
    run: problems,
};

pub fn problems(register: &Register, today: NaiveDate) -> Vec<Problem> {
    // One name entered twice is one person: a line to either entry reaches them (`twins`).
    match merged_twins(register, today) {
        Some((merged, _)) => problems_in(&merged, today),
        None => problems_in(register, today),
    }
}

fn problems_in(register: &Register, today: NaiveDate) -> Vec<Problem> {
    let role = RoleKind::PerformanceReporting;
    let holders = register.current_holders(&role, today);
    if holders.is_empty() {
        // REG-ROLES-ASSIGNED raises the missing holder: this follows from it.
        return vec![Problem::raised_by(
            super::assigned::CHECK.item_id,
            format!("Nobody who works here holds the role {}, so no reporting line to top management can be shown.", role.label()),
        )];
    }
    let nobody_on_top = register.top_management(today).is_empty();
    let mut out = Vec::new();
    for person in holders {
        let line = reporting_line(register, &person.id, today);
        if line.path.is_some() {
            continue;
        }
        let mut why: Vec<String> = Vec::new();
        if nobody_on_top {
            why.push("nobody in the register who works here is top management".into());
        }
        if line.reached.len() <= 1 && line.not_current.is_empty() && line.unknown.is_empty() && !line.cycle {
            why.push("neither they nor their roles have a line manager recorded".into());
        }
        if line.reached.len() > 1 {
            let names: Vec<String> = line.reached.iter().map(|id| register.name_of(id)).collect();
            why.push(format!("it reaches only {} and goes no higher", names.join(", ")));
        }
        if line.cycle {
            why.push("the line loops back on itself".into());
        }
        for id in &line.not_current {
            why.push(format!("it breaks at {}", not_working_here(register, id, today)));
        }
        for id in &line.unknown {
            why.push(format!("it points to someone missing from the register ({id})"));
        }
        let text = format!("{} ({}) has no reporting line to top management: {}.", person.display_name(), role.label(), why.join("; "));
        // With nobody on top, no line can get there: REG-ROLES-ASSIGNED raises the vacancy.
        let problem = match nobody_on_top {
            true => Problem::raised_by(super::assigned::CHECK.item_id, text),
            false => Problem::new(text),
        };
        // Dated by the first departure that breaks the line, if one does.
        let left = line.not_current.iter().filter_map(|id| register.person(id)?.left_on(today)).min();
        out.push(Problem { date: left, ..problem });
    }
    out
}

/// Someone on the line who is not working here on `today` (which may be the audit day), in words
/// that hold whether that day is today or ahead.
fn not_working_here(register: &Register, id: &str, today: NaiveDate) -> String {
    let why = register.person(id).and_then(|p| p.absence(today));
    format!("{}, {}", register.name_of(id), why.as_deref().unwrap_or("who is not working here"))
}
