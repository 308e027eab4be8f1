//! REG-RACI: every ISMS responsibility in the RASCI matrix has exactly one accountable role, and
//! someone who works here today holds it (an A on an empty role is accountability on paper only).

use chrono::NaiveDate;

use super::{Problem, RegisterCheck};
use crate::domain::findings::FindingKind;
use crate::domain::roles::model::{Raci, Register, RoleKind};
use crate::domain::roles::responsibilities::RESPONSIBILITIES;

pub const CHECK: RegisterCheck = RegisterCheck {
    item_id: "REG-RACI",
    kind: FindingKind::RaciGap,
    lead: "Accountability in the RASCI matrix is unclear.",
    remediation: "Give each listed responsibility exactly one Accountable (A) role in the RASCI matrix; others can \
                  be Responsible, Supportive, Consulted or Informed.",
    run: problems,
};

pub fn problems(register: &Register, today: NaiveDate) -> Vec<Problem> {
    if register.raci.is_empty() {
        return vec![Problem::new(format!(
            "The RASCI matrix is empty: none of the {} ISMS responsibilities has an accountable role.",
            RESPONSIBILITIES.len()
        ))];
    }
    let mut out = Vec::new();
    // Rows whose one accountable role nobody holds, grouped by that role: one line per role,
    // not one per row naming the same empty role again and again.
    let mut unheld: Vec<(String, Vec<&str>)> = Vec::new();
    for row in RESPONSIBILITIES {
        let accountable = register.raci_roles(row.code, Raci::Accountable);
        match accountable.len() {
            1 if !is_held(register, &accountable[0], today) => match unheld.iter_mut().find(|(code, _)| *code == accountable[0]) {
                Some((_, rows)) => rows.push(row.label),
                None => unheld.push((accountable[0].clone(), vec![row.label])),
            },
            1 => {}
            0 => out.push(Problem::new(format!("No role is accountable for: {}.", row.label))),
            n => {
                let labels: Vec<String> = accountable.iter().map(|code| register.role_label(code)).collect();
                out.push(Problem::new(format!(
                    "{} roles are accountable for: {} ({}); keep exactly one.",
                    n,
                    row.label,
                    labels.join(", ")
                )));
            }
        }
    }
    for (code, rows) in unheld {
        let text =
            format!("{} is accountable for: {}, but nobody who works here holds that role.", register.role_label(&code), rows.join("; "));
        // A role the ISMS cannot run without, left empty, is REG-ROLES-ASSIGNED's gap.
        out.push(match super::assigned::REQUIRED.iter().any(|(role, _)| role.code() == code) {
            true => Problem::raised_by(super::assigned::CHECK.item_id, text),
            false => Problem::new(text),
        });
    }
    out
}

/// Whether someone current holds the role with this code (top management also by the person flag).
fn is_held(register: &Register, code: &str, today: NaiveDate) -> bool {
    if code == RoleKind::TopManagement.code() {
        return !register.top_management(today).is_empty();
    }
    register.current_assignments(today).any(|a| a.role.code() == code)
}
