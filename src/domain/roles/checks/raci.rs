//! REG-RACI: every ISMS responsibility in the RASCI matrix has exactly one accountable role.

use chrono::NaiveDate;

use super::{Problem, RegisterCheck};
use crate::domain::findings::FindingKind;
use crate::domain::roles::model::{Raci, Register};
use crate::domain::roles::responsibilities::RESPONSIBILITIES;

pub const CHECK: RegisterCheck = RegisterCheck {
    item_id: "REG-RACI",
    kind: FindingKind::RaciGap,
    lead: "Accountability in the RASCI matrix is unclear.",
    remediation: "Give each listed responsibility exactly one Accountable (A) role in the RASCI matrix; others can \
                  be Responsible, Supportive, Consulted or Informed.",
    run: problems,
};

pub fn problems(register: &Register, _today: NaiveDate) -> Vec<Problem> {
    if register.raci.is_empty() {
        return vec![Problem::new(format!(
            "The RASCI matrix is empty: none of the {} ISMS responsibilities has an accountable role.",
            RESPONSIBILITIES.len()
        ))];
    }
    let mut out = Vec::new();
    for row in RESPONSIBILITIES {
        let accountable = register.raci_roles(row.code, Raci::Accountable);
        match accountable.len() {
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
    out
}
