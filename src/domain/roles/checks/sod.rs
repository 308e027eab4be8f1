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
//! Until the RASCI matrix says who answers for what, that second kind cannot be shown: the check
//! is part of the matrix's gap, not a pass. Nor can either kind while nobody is internal auditor:
//! the check is then part of that function's vacancy (founder pass of stop 47: "Conflicting duties
//! kept apart" answered "not sure" read "Shown met by the register" with no auditor at all).
//!
//! A risk owner accepting the residual risk of their own risks is not a conflict: Clause 6.1.3 f)
//! gives that acceptance to the risk owners, and in a startup the CEO is often one of them.

use chrono::NaiveDate;

use super::independence::{built_the_isms, not_independent, recorded_measure, reports_up_to, runs_the_isms, RUNS_THE_ISMS};
use super::twins::merged_twins;
use super::{nobody_holds_a_role, Problem, RegisterCheck};
use crate::domain::findings::FindingKind;
use crate::domain::roles::model::{Person, Raci, Register, RoleKind};
use crate::domain::roles::responsibilities::RESPONSIBILITIES;

pub const CHECK: RegisterCheck = RegisterCheck {
    item_id: "REG-SOD",
    kind: FindingKind::SodConflict,
    lead: "Some people would check or approve their own work.",
    remediation: "Split the listed roles between different people, or put the named compensating measure in place and \
                  record it, with who performs it, on the internal auditor's assignment (and in the roles document).",
    run: problems,
};

pub fn problems(register: &Register, today: NaiveDate) -> Vec<Problem> {
    if let Some(p) = nobody_holds_a_role(register, today) {
        return vec![p];
    }
    // One name entered twice is one person to an auditor: the register is read with each such
    // name's entries merged into its first, with every role, deputy seat and line (auditor
    // probes: the security manager entered again as internal auditor read "Ready", and then
    // which entry came first decided it).
    match merged_twins(register, today) {
        Some((merged, twins)) => problems_in(&merged, today, &twins),
        None => problems_in(register, today, &[]),
    }
}

/// The problems of a register in which nobody current shares a name; `twins` says who was merged
/// into whom, to say so beside their conflicts.
fn problems_in(register: &Register, today: NaiveDate, twins: &[(String, Vec<String>)]) -> Vec<Problem> {
    let mut out = Vec::new();
    // An internal auditor who holds other roles, with no independent check recorded: whether they
    // answer for an area they would audit is read from the RASCI matrix (below).
    let mut reads_the_matrix = false;
    for person in register.people.iter().filter(|p| p.is_current(today)) {
        // A conflict covered by a recorded compensating measure is managed, as the item asks,
        // unless nobody independent of the person performs it; so is whatever the matrix shows.
        let measure = recorded_measure(register, &person.id).map(|measure| not_independent(register, person, measure, today));
        if matches!(measure, Some(None)) {
            continue;
        }
        // Top management by the person's flag alone takes the top-management column's letters too.
        let roles = register.held_roles_on(&person.id, today);
        reads_the_matrix |= roles.contains(&RoleKind::InternalAuditor) && roles.len() > 1;
        let conflicts = conflicts_of(register, person, &roles, today);
        if conflicts.is_empty() {
            continue;
        }
        if let Some((_, others)) = twins.iter().find(|(first, _)| *first == person.id) {
            out.push(Problem::new(format!(
                "{} is in the register {} times, and an auditor takes their roles together. If they are different people, \
                 tell them apart by name.",
                person.display_name(),
                others.len() + 1
            )));
        }
        if let Some(Some(why)) = measure {
            out.push(Problem::new(format!(
                "The compensating measure recorded for {} {why}, so the conflicts below stay open.",
                person.display_name()
            )));
        }
        out.extend(conflicts);
    }
    // Whether an internal auditor who holds other roles answers for an area they would audit is
    // read from the RASCI matrix: while it leaves a responsibility without an accountable role,
    // that cannot be shown (founder pass: "✓ Ready" turned into a duty conflict once the matrix
    // was filled in, so doing the work lowered the score; second auditor probe: a one-row matrix
    // passed). An internal auditor with no other role answers for nothing they audit.
    let auditor = register.current_assignments(today).any(|a| a.role == RoleKind::InternalAuditor);
    if out.is_empty() && !auditor {
        out.push(Problem {
            register_wide: true,
            ..Problem::raised_by(
                super::assigned::FUNCTIONS_CHECK.item_id,
                "Nobody is internal auditor yet, so whether the internal audit would check its auditor's own work cannot be \
                 shown.",
            )
        });
    }
    if out.is_empty() && reads_the_matrix && !accountable_everywhere(register) {
        let matrix = if register.raci.is_empty() { "is empty" } else { "leaves responsibilities without an accountable role" };
        out.push(Problem {
            register_wide: true,
            ..Problem::raised_by(
                super::raci::CHECK.item_id,
                format!(
                    "The RASCI matrix {matrix}, so whether the internal auditor would audit an area they answer for cannot \
                     be shown yet."
                ),
            )
        });
    }
    out
}

/// The combinations of roles that let the person check or approve their own work.
fn conflicts_of(register: &Register, person: &Person, roles: &[RoleKind], today: NaiveDate) -> Vec<Problem> {
    let name = person.display_name();
    let mut out = Vec::new();
    // Someone who runs the ISMS standing in for the internal auditor would audit it (third auditor
    // probe: the security manager as the internal auditor's deputy read "Ready").
    let runs: Vec<&str> = roles.iter().filter(|r| RUNS_THE_ISMS.contains(r)).map(RoleKind::label).collect();
    let auditors = register.current_assignments(today).filter(|a| a.role == RoleKind::InternalAuditor && a.person_id != person.id);
    let deputy_for: Vec<String> =
        auditors.filter(|a| a.backup.as_deref() == Some(&person.id)).map(|a| register.name_of(&a.person_id)).collect();
    if !runs.is_empty() && !deputy_for.is_empty() && !roles.contains(&RoleKind::InternalAuditor) {
        out.push(Problem::new(format!(
            "{name} is {} and deputy for the internal auditor ({}), so when standing in they would audit the ISMS they \
             run. Usual compensating measure: name a deputy with no part in running the ISMS, or have an external auditor \
             audit in the internal auditor's absence, and record that in the audit programme.",
            runs.join(" and "),
            deputy_for.join(", ")
        )));
    }
    if !roles.contains(&RoleKind::InternalAuditor) {
        return out;
    }
    let owner = runs;
    if !owner.is_empty() {
        out.push(Problem::new(format!(
            "{name} is both {} and internal auditor, so they would audit the ISMS they run. Usual compensating \
             measure: have an external auditor, or a peer who has no part in running the ISMS, audit the ISMS \
             owner's own work, and record that in the audit programme.",
            owner.join(" and ")
        )));
    }
    if let Some(title) = built_the_isms(person, roles).filter(|_| owner.is_empty()) {
        out.push(Problem::new(format!(
            "{name} is internal auditor, and “{}” says they implemented the ISMS they would audit, so they would audit \
             their own work (Clause 9.2.2 b) asks for auditors chosen so the audit is objective and impartial). Usual compensating measure: have an \
             external auditor, or a peer who took no part in building the ISMS, audit it, and record that in the audit \
             programme.",
            title.trim()
        )));
    }
    // Deputy for a role that runs the ISMS: standing in, they would run what they audit (auditor
    // probe: the internal auditor as the security manager's deputy read "Ready").
    let stands_in: Vec<String> = register
        .current_assignments(today)
        .filter(|a| a.backup.as_deref() == Some(&person.id) && RUNS_THE_ISMS.contains(&a.role) && a.person_id != person.id)
        .map(|a| format!("{} ({})", a.role.label(), register.name_of(&a.person_id)))
        .collect();
    if owner.is_empty() && !stands_in.is_empty() {
        out.push(Problem::new(format!(
            "{name} is internal auditor and deputy for {}, so when standing in they would run the ISMS they audit. \
             Usual compensating measure: name another deputy, or have an external auditor audit any period they stood in, \
             and record that in the audit programme.",
            stands_in.join(" and ")
        )));
    }
    // Reporting to someone who runs the ISMS, below top management: the audit's results go to the
    // person whose work it audits (auditor probe: an internal auditor reporting to the security
    // manager read "Ready", though a measure naming someone in that line is refused below).
    let runners = register
        .people
        .iter()
        .filter(|q| q.id != person.id && runs_the_isms(register, q, today) && !register.is_top_management(&q.id, today));
    let above: Vec<String> =
        runners.filter(|q| reports_up_to(register, person, &q.id, today)).map(|q| q.display_name().into_owned()).collect();
    if owner.is_empty() && !above.is_empty() {
        out.push(Problem::new(format!(
            "{name} is internal auditor but reports to {}, who runs the ISMS they would audit, so the audit's results would go to \
             the person whose work it checks (Clause 9.2.2 b) asks for auditors chosen so the audit is objective and impartial). Usual compensating \
             measure: have the internal auditor report to top management for the audit, and record that in the audit programme.",
            above.join(" and ")
        )));
    }
    // Someone who runs the ISMS reporting to the internal auditor: the auditor would audit the work
    // of someone they manage (score-gaming probe of stop 51: the ISMS owner's roles reporting to
    // the internal auditor read "Ready", where the reverse was caught).
    let below: Vec<String> = register
        .people
        .iter()
        .filter(|q| q.id != person.id && runs_the_isms(register, q, today) && reports_up_to(register, q, &person.id, today))
        .map(|q| q.display_name().into_owned())
        .collect();
    if owner.is_empty() && !below.is_empty() {
        out.push(Problem::new(format!(
            "{name} is internal auditor, and {} reports to them while running the ISMS they would audit, so they would \
             audit the work of someone they manage (Clause 9.2.2 b) asks for auditors chosen so the audit is objective and \
             impartial). Usual compensating measure: have an external auditor, or a peer outside that line, audit the ISMS, \
             and record that in the audit programme.",
            crate::domain::wording::and_list(&below)
        )));
    }
    let owned = owned_areas(register, roles);
    if !owned.is_empty() {
        out.push(Problem::new(format!(
            "{name} is internal auditor and also owns {}, so they would audit areas they run. Usual \
             compensating measure: assign the audit of those areas to a different auditor (external or a \
             peer) and note it in the audit plan.",
            owned.join("; ")
        )));
    }
    out
}

/// Whether the RASCI matrix gives every responsibility an accountable role: only then can it show
/// what an internal auditor answers for.
fn accountable_everywhere(register: &Register) -> bool {
    RESPONSIBILITIES.iter().all(|row| !register.raci_roles(row.code, Raci::Accountable).is_empty())
}

/// Roles that run a process of their own, which their holder would audit as internal auditor
/// whatever the RASCI matrix says.
const RUNS_A_PROCESS: [RoleKind; 4] =
    [RoleKind::ThirdPartyManager, RoleKind::AwarenessTrainer, RoleKind::RiskOwner, RoleKind::IncidentLead];

/// The RASCI rows (other than the audit itself) a person is Responsible or Accountable for
/// through any role but the ISMS owner's (covered above), the internal auditor's own included; and, in a
/// matrix giving every row its accountable role, a role running a process of its own with no such
/// row, by its name (auditor probe of stop 42: with those cells left out, an internal auditor who
/// was also third-party manager, awareness trainer and risk owner read "Ready"). A matrix with
/// gaps cannot show it yet, which is said once (`problems_in`).
fn owned_areas(register: &Register, roles: &[RoleKind]) -> Vec<String> {
    let mut owned = Vec::new();
    let complete = accountable_everywhere(register);
    let answers_for = |role: &RoleKind| {
        RESPONSIBILITIES.iter().any(|row| matches!(register.raci(row.code, role), Some(Raci::Responsible | Raci::Accountable)))
    };
    for role in roles.iter().filter(|r| complete && RUNS_A_PROCESS.contains(r) && !answers_for(r)) {
        owned.push(format!("the work of {} (the role they hold)", crate::domain::wording::lower_first(role.label())));
    }
    for row in RESPONSIBILITIES.iter().filter(|r| r.code != "internal-audit") {
        // The internal auditor's own column too (score-gaming probe of stop 51: the internal
        // auditor accountable for the risk assessment read "Ready").
        for role in roles.iter().filter(|r| !RUNS_THE_ISMS.contains(r)) {
            if let Some(letter @ (Raci::Responsible | Raci::Accountable)) = register.raci(row.code, role) {
                // "approving ISMS policies (Top management, accountable)" (third founder pass:
                // "approving isms policies (…, A)").
                owned.push(format!(
                    "{} ({}, {})",
                    crate::domain::wording::lower_first(row.label),
                    role.label(),
                    crate::domain::wording::lower_first(letter.label())
                ));
            }
        }
    }
    owned
}
