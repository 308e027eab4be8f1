//! REG-SOD: segregation of duties (A 5.3). Small teams may combine roles, but each combination
//! that lets someone check or approve their own work is named with the usual compensating measure:
//! - someone who runs the ISMS (the security manager, or a holder of either Clause 5.3
//!   responsibility: keeping it conforming, reporting its performance) is also the internal auditor;
//! - an internal auditor is responsible or accountable for an area they would audit.
//!
//! A combination is managed once the internal auditor's assignment records who checks that
//! person's own work instead (the compensating measure), and is then not a problem.
//!
//! A risk owner accepting the residual risk of their own risks is not a conflict: Clause 6.1.3 f)
//! gives that acceptance to the risk owners, and in a startup the CEO is often one of them.

use chrono::NaiveDate;

use super::{nobody_holds_a_role, Problem, RegisterCheck};
use crate::domain::findings::FindingKind;
use crate::domain::roles::model::{Raci, Register, RoleKind};
use crate::domain::roles::responsibilities::RESPONSIBILITIES;
use crate::domain::wording::says_nothing;

pub const CHECK: RegisterCheck = RegisterCheck {
    item_id: "REG-SOD",
    kind: FindingKind::SodConflict,
    lead: "Some people would check or approve their own work.",
    remediation: "Split the listed roles between different people, or put the named compensating measure in place and \
                  record it, with who performs it, on the internal auditor's assignment (and in the roles document).",
    run: problems,
};

/// Roles that run the ISMS as a whole: its owner and the two Clause 5.3 responsibilities (the
/// performance reporter measures what an internal audit would judge; auditor probe: that pair
/// read "Ready").
const RUNS_THE_ISMS: [RoleKind; 3] = [RoleKind::SecurityManager, RoleKind::IsmsConformance, RoleKind::PerformanceReporting];

pub fn problems(register: &Register, today: NaiveDate) -> Vec<Problem> {
    if let Some(p) = nobody_holds_a_role(register, today) {
        return vec![p];
    }
    let mut out = Vec::new();
    for person in register.people.iter().filter(|p| p.is_current(today)) {
        // A conflict covered by a recorded compensating measure is managed, as the item asks.
        if has_independent_check(register, &person.id) {
            continue;
        }
        let name = person.display_name();
        // Top management by the person's flag alone takes the top-management column's letters too.
        let roles = register.held_roles_on(&person.id, today);
        let auditor = roles.contains(&RoleKind::InternalAuditor);
        let owner: Vec<&str> = roles.iter().filter(|r| RUNS_THE_ISMS.contains(r)).map(RoleKind::label).collect();
        if auditor && !owner.is_empty() {
            out.push(Problem::new(format!(
                "{name} is both {} and internal auditor, so they would audit the ISMS they run. Usual compensating \
                 measure: have an external auditor, or a peer who has no part in running the ISMS, audit the ISMS \
                 owner's own work, and record that in the audit programme.",
                owner.join(" and ")
            )));
        }
        if auditor {
            let owned = owned_areas(register, &roles);
            if !owned.is_empty() {
                out.push(Problem::new(format!(
                    "{name} is internal auditor and also owns {}, so they would audit areas they run. Usual \
                     compensating measure: assign the audit of those areas to a different auditor (external or a \
                     peer) and note it in the audit plan.",
                    owned.join("; ")
                )));
            }
        }
    }
    out
}

/// Whether the person's internal auditor assignment records a compensating measure.
fn has_independent_check(register: &Register, person_id: &str) -> bool {
    register
        .assignments
        .iter()
        .any(|a| a.person_id == person_id && a.role == RoleKind::InternalAuditor && !says_nothing(&a.independent_check))
}

/// The RASCI rows (other than the audit itself) a person is Responsible or Accountable for
/// through a role other than internal auditor or ISMS owner (those are covered above).
fn owned_areas(register: &Register, roles: &[RoleKind]) -> Vec<String> {
    let mut owned = Vec::new();
    for row in RESPONSIBILITIES.iter().filter(|r| r.code != "internal-audit") {
        for role in roles.iter().filter(|r| **r != RoleKind::InternalAuditor && !RUNS_THE_ISMS.contains(r)) {
            if let Some(letter @ (Raci::Responsible | Raci::Accountable)) = register.raci(row.code, role) {
                owned.push(format!("{} ({}, {})", row.label.to_ascii_lowercase(), role.label(), letter.letter()));
            }
        }
    }
    owned
}
