//! REG-SOD: segregation of duties (A 5.3). Small teams may combine roles, but each combination
//! that lets someone check or approve their own work is named with the usual compensating measure:
//! - someone who runs the ISMS (the security manager, or a holder of either Clause 5.3
//!   responsibility: keeping it conforming, reporting its performance) is also the internal auditor;
//! - an internal auditor is responsible or accountable for an area they would audit.
//!
//! A combination is managed once the internal auditor's assignment records who checks that
//! person's own work instead (the compensating measure), and is then not a problem: unless the
//! measure names the person themself, or only people who report to them.
//!
//! A risk owner accepting the residual risk of their own risks is not a conflict: Clause 6.1.3 f)
//! gives that acceptance to the risk owners, and in a startup the CEO is often one of them.

use chrono::NaiveDate;

use super::{nobody_holds_a_role, Problem, RegisterCheck};
use crate::domain::case::lowercase;
use crate::domain::findings::FindingKind;
use crate::domain::roles::model::{Person, Raci, Register, RoleKind};
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
        let name = person.display_name();
        // A conflict covered by a recorded compensating measure is managed, as the item asks,
        // unless the measure is performed by the person themself or by someone reporting to them.
        match recorded_measure(register, &person.id).map(|measure| not_independent(register, person, measure)) {
            Some(None) => continue,
            Some(Some(why)) => out.push(Problem::new(format!(
                "The compensating measure recorded for {name} {why}: a check by the person whose work it is, or by \
                 someone who reports to them, is not independent, so their conflicts below stay open."
            ))),
            None => {}
        }
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

/// The compensating measure the person's internal auditor assignment records, if any.
fn recorded_measure<'r>(register: &'r Register, person_id: &str) -> Option<&'r str> {
    register
        .assignments
        .iter()
        .find(|a| a.person_id == person_id && a.role == RoleKind::InternalAuditor && !says_nothing(&a.independent_check))
        .map(|a| a.independent_check.as_str())
}

/// Why a recorded measure is no independent check: it names the person themself, or only people
/// who report to them (auditor probe: "Ben Lindqvist reviews his own ISMS work" read "Ready").
/// A measure naming nobody in the register (an external firm) is taken as recorded.
fn not_independent(register: &Register, person: &Person, measure: &str) -> Option<String> {
    let named: Vec<&Person> = register.people.iter().filter(|p| names(measure, p)).collect();
    if named.iter().any(|p| p.id == person.id) {
        return Some(format!("(“{}”) names {} themself", measure.trim(), person.display_name()));
    }
    let reports = |p: &&Person| p.reports_to.as_deref() == Some(person.id.as_str());
    (!named.is_empty() && named.iter().all(reports))
        .then(|| format!("(“{}”) names only people who report to {}", measure.trim(), person.display_name()))
}

/// Whether `text` names the person: their full name in any case, or their first name as a word.
fn names(text: &str, person: &Person) -> bool {
    let name = person.name.trim();
    let first = name.split_whitespace().next().unwrap_or_default();
    let is_word = |w: &str| !first.is_empty() && w.trim_matches(|c: char| !c.is_alphanumeric()) == first;
    !name.is_empty() && (lowercase(text).contains(&lowercase(name)) || text.split_whitespace().any(is_word))
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
