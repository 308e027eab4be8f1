//! REG-RACI: every ISMS responsibility in the RASCI matrix has exactly one accountable role,
//! someone who works here today holds it (an A on an empty role is accountability on paper only),
//! and the decisions the standard gives to top management (or the risk owners) are theirs.

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
                  be Responsible, Supportive, Consulted or Informed. Approving the information security policy and holding the management \
                  review stay with top management, accepting residual risks with the risk owners or top management.",
    run: problems,
};

pub fn problems(register: &Register, today: NaiveDate) -> Vec<Problem> {
    if register.raci.is_empty() {
        let problem = Problem::new(format!(
            "The RASCI matrix is empty: none of the {} ISMS responsibilities has an accountable role.",
            RESPONSIBILITIES.len()
        ));
        // With nobody in any role there is nobody to be accountable yet: part of that one major
        // (auditor probe: an empty register read as a major and two minors).
        return vec![match super::nobody_holds_a_role(register, today) {
            Some(_) => problem.part_of_the_vacancies(),
            None => problem,
        }];
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
            1 => out.extend(reserved_elsewhere(register, row.code, &accountable[0], today).map(|(clause, whom)| {
                let role = register.role_label(&accountable[0]);
                Problem::new(format!("{role} is accountable for: {}, which {clause} gives to {whom}.", row.label))
            })),
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
        // A role the register expects, left empty, is the gap of the check that finds it so
        // (auditor probe: an empty risk owner role was also a RASCI minor of its own).
        out.push(match RoleKind::from_code(&code).and_then(|role| super::assigned::vacancy_check(register, &role, today)) {
            Some(check) => Problem::raised_by(check, text),
            None => Problem::new(text),
        });
    }
    out
}

/// Rows the standard gives to particular roles: the roles that may be accountable, the clause,
/// and whom it names.
const RESERVED: [(&str, &[&str], &str, &str); 3] = [
    ("policy-approval", &["top-management"], "Clause 5.2", "top management"),
    ("management-review", &["top-management"], "Clause 9.3", "top management"),
    ("risk-acceptance", &["top-management", "risk-owner"], "Clause 6.1.3 f)", "the risk owners or top management"),
];

/// A row the standard gives to top management (or the risk owners) made another role's to
/// decide (auditor probe: the security manager accountable for approving policies read "Ready"):
/// the clause and whom it names. A role held only by top-management people counts as top
/// management, and one held only by people who also hold a role the row is given to counts as
/// that role (auditor probe: the security manager accountable for accepting residual risk, being
/// the only risk owner, read as a gap).
fn reserved_elsewhere(register: &Register, row: &str, code: &str, today: NaiveDate) -> Option<(&'static str, &'static str)> {
    let (_, allowed, clause, whom) = RESERVED.iter().find(|(reserved, ..)| *reserved == row)?;
    let given = |id: &str| {
        register.is_top_management(id, today)
            || register.current_assignments(today).any(|a| a.person_id == id && allowed.contains(&a.role.code().as_str()))
    };
    let mut holders = register.current_assignments(today).filter(|a| a.role.code() == code).map(|a| a.person_id.as_str()).peekable();
    let by_them = holders.peek().is_some() && holders.all(given);
    (!allowed.contains(&code) && !by_them).then_some((*clause, *whom))
}

/// For the matrix's row marker: the clause and whom it names, when the row's one Accountable is
/// not who the standard gives that decision to.
pub fn reserved_note(register: &Register, row: &str, today: NaiveDate) -> Option<(&'static str, &'static str)> {
    let accountable = register.raci_roles(row, Raci::Accountable);
    let [code] = accountable.as_slice() else { return None };
    reserved_elsewhere(register, row, code, today)
}

/// Whether someone current holds the role with this code (top management also by the person flag).
fn is_held(register: &Register, code: &str, today: NaiveDate) -> bool {
    if code == RoleKind::TopManagement.code() {
        return !register.top_management(today).is_empty();
    }
    register.current_assignments(today).any(|a| a.role.code() == code)
}
