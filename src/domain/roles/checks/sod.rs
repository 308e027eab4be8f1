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
//! is part of the matrix's gap, not a pass.
//!
//! A risk owner accepting the residual risk of their own risks is not a conflict: Clause 6.1.3 f)
//! gives that acceptance to the risk owners, and in a startup the CEO is often one of them.

use chrono::NaiveDate;

use super::{nobody_holds_a_role, Problem, RegisterCheck};
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
    // An internal auditor who holds other roles, with no independent check recorded: whether they
    // answer for an area they would audit is read from the RASCI matrix (below).
    let mut reads_the_matrix = false;
    let current: Vec<&Person> = register.people.iter().filter(|p| p.is_current(today)).collect();
    for (at, person) in current.iter().enumerate() {
        // One name entered twice is one person to an auditor: their roles are taken together
        // (auditor probe: the security manager entered again as internal auditor read "Ready").
        let name = crate::domain::owner_leaving::normalised(&person.name);
        let same_name = |p: &&&Person| !name.is_empty() && crate::domain::owner_leaving::normalised(&p.name) == name;
        if current[..at].iter().any(|p| same_name(&p)) {
            continue;
        }
        // The person first, whether or not they have a name (a blank one is nobody's twin).
        let mut entries: Vec<&Person> = vec![person];
        entries.extend(current[at + 1..].iter().filter(|p| same_name(p)).copied());
        // A conflict covered by a recorded compensating measure is managed, as the item asks,
        // unless nobody independent of the person performs it; so is whatever the matrix shows.
        let recorded = entries.iter().find_map(|p| recorded_measure(register, &p.id));
        let measure = recorded.map(|measure| not_independent(register, person, measure, today));
        if matches!(measure, Some(None)) {
            continue;
        }
        // Top management by the person's flag alone takes the top-management column's letters too.
        let mut roles = register.held_roles_on(&person.id, today);
        for twin in &entries[1..] {
            roles.extend(register.held_roles_on(&twin.id, today).into_iter().filter(|r| !roles.contains(r)).collect::<Vec<_>>());
        }
        reads_the_matrix |= roles.contains(&RoleKind::InternalAuditor) && roles.len() > 1;
        let conflicts = conflicts_of(register, person, &roles, today);
        if conflicts.is_empty() {
            continue;
        }
        if entries.len() > 1 {
            let ids: Vec<&str> = entries.iter().map(|p| p.id.as_str()).collect();
            out.push(Problem::new(format!(
                "{} is in the register {} times ({}), and an auditor takes their roles together. If they are different \
                 people, tell them apart by name.",
                person.display_name(),
                entries.len(),
                ids.join(", ")
            )));
        }
        if let Some(Some(why)) = measure {
            out.push(Problem::new(format!(
                "The compensating measure recorded for {} {why}: a check by the person whose work it is, by someone \
                 in their own reporting line or running the ISMS too, or by someone who no longer works here is not \
                 independent, so the conflicts below stay open.",
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
    let incomplete = || RESPONSIBILITIES.iter().any(|row| register.raci_roles(row.code, Raci::Accountable).is_empty());
    if out.is_empty() && reads_the_matrix && incomplete() {
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
    if !roles.contains(&RoleKind::InternalAuditor) {
        return out;
    }
    let owner: Vec<&str> = roles.iter().filter(|r| RUNS_THE_ISMS.contains(r)).map(RoleKind::label).collect();
    if !owner.is_empty() {
        out.push(Problem::new(format!(
            "{name} is both {} and internal auditor, so they would audit the ISMS they run. Usual compensating \
             measure: have an external auditor, or a peer who has no part in running the ISMS, audit the ISMS \
             owner's own work, and record that in the audit programme.",
            owner.join(" and ")
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
    let above: Vec<String> = runners.filter(|q| reports_up_to(register, person, &q.id)).map(|q| q.display_name().into_owned()).collect();
    if owner.is_empty() && !above.is_empty() {
        out.push(Problem::new(format!(
            "{name} is internal auditor but reports to {}, who runs the ISMS they would audit, so the audit's results would go to \
             the person whose work it checks (Clause 9.2.2 c) asks for objective, impartial audits). Usual compensating \
             measure: have the internal auditor report to top management for the audit, and record that in the audit programme.",
            above.join(" and ")
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

/// The compensating measure the person's internal auditor assignment records, if any.
fn recorded_measure<'r>(register: &'r Register, person_id: &str) -> Option<&'r str> {
    register
        .assignments
        .iter()
        .find(|a| a.person_id == person_id && a.role == RoleKind::InternalAuditor && !says_nothing(&a.independent_check))
        .map(|a| a.independent_check.as_str())
}

/// Why a recorded measure is no independent check (auditor probes: "Ben Lindqvist reviews his
/// own ISMS work", then "ben checks it himself", "Lindqvist self-reviews" and a peer two levels
/// under him read "Ready"): it describes a self-check, names the person, or names only people in
/// their reporting line below them, who run the ISMS too, or who do not work here. A measure
/// naming nobody in the register (an external firm) is taken as recorded.
fn not_independent(register: &Register, person: &Person, measure: &str, today: NaiveDate) -> Option<String> {
    let text = measure.to_ascii_lowercase();
    let said = words(&text);
    let named: Vec<&Person> = register.people.iter().filter(|p| names(&said, p, register)).collect();
    let name = person.display_name();
    // A check "by the ISMS owner" (or security manager) when that is the person (auditor probe:
    // "reviewed by the ISMS owner" read "Ready" for the security manager auditing their own ISMS).
    let by_role = |role: [&str; 2]| {
        let after_by = said.iter().enumerate().filter(|(_, w)| **w == "by").map(|(at, _)| &said[at + 1..]);
        after_by.map(|rest| rest.strip_prefix(&["the"]).unwrap_or(rest)).any(|rest| rest.starts_with(&role))
    };
    let by_own_role = (by_role(["isms", "owner"]) || by_role(["security", "manager"]))
        && register.held_roles_on(&person.id, today).contains(&RoleKind::SecurityManager);
    let why = if says_self_check(&said) || by_own_role || named.iter().any(|p| p.id == person.id) {
        format!("is a check by {name} themself")
    } else if !named.is_empty()
        && !named.iter().any(|p| p.is_current(today) && !reports_up_to(register, p, &person.id) && !runs_the_isms(register, p, today))
    {
        format!("names nobody independent of {name} who works here")
    } else {
        return None;
    };
    Some(format!("(“{}”) {why}", measure.trim()))
}

/// Whether `person` holds a role that runs the ISMS, or stands in for someone who does: no
/// independent auditor of it either (auditor probes: "Cara audits the ISMS instead", Cara being
/// its conformance owner, then the security manager's deputy, read "Ready").
fn runs_the_isms(register: &Register, person: &Person, today: NaiveDate) -> bool {
    let deputy = register.current_assignments(today).any(|a| a.backup.as_deref() == Some(&person.id) && RUNS_THE_ISMS.contains(&a.role));
    deputy || register.held_roles_on(&person.id, today).iter().any(|role| RUNS_THE_ISMS.contains(role))
}

/// The words of `text` (ASCII lower case: the full Unicode case table would cost the first load
/// 1 KB): letters, digits and hyphens, so a possessive "'s" stands apart. A byte loop, not a
/// character-class `split`, which costs the first load more.
fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, b) in text.bytes().chain([b' ']).enumerate() {
        match (b.is_ascii_alphanumeric() || b == b'-' || b >= 0x80, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    out
}

/// Words that describe checking one's own work, whoever is named.
fn says_self_check(words: &[&str]) -> bool {
    words.iter().any(|w| ["himself", "herself", "themself", "themselves", "oneself"].contains(w) || w.starts_with("self"))
        || words.windows(2).any(|pair| ["his", "her", "their"].contains(&pair[0]) && pair[1] == "own")
}

/// Whether the measure's `said` words name the person: their full name, their surname, or their
/// first name when nobody else in the register shares it.
fn names(said: &[&str], person: &Person, register: &Register) -> bool {
    let name = person.name.to_ascii_lowercase();
    let parts = words(&name);
    let (Some(first), Some(last)) = (parts.first(), parts.last()) else { return false };
    let shared = |part: &&str| register.people.iter().any(|p| p.id != person.id && words(&p.name.to_ascii_lowercase()).contains(part));
    said.windows(parts.len()).any(|w| w == parts.as_slice())
        || (parts.len() > 1 && last.len() > 2 && said.contains(last) && !shared(last))
        || (said.contains(first) && !shared(first))
}

/// Whether `p`'s line, through line managers and the reporting lines of the roles they hold,
/// reaches `top` (someone in it is not independent of `top`).
fn reports_up_to(register: &Register, p: &Person, top: &str) -> bool {
    let mut seen: Vec<&str> = vec![p.id.as_str()];
    let mut next = vec![p.id.as_str()];
    while let Some(id) = next.pop() {
        let own = register.person(id).and_then(|q| q.reports_to.as_deref());
        let roles = register.assignments.iter().filter(|a| a.person_id == id).filter_map(|a| a.reports_to.as_deref());
        for up in own.into_iter().chain(roles) {
            if up == top {
                return true;
            }
            if !seen.contains(&up) {
                seen.push(up);
                next.push(up);
            }
        }
    }
    false
}

/// The RASCI rows (other than the audit itself) a person is Responsible or Accountable for
/// through a role other than internal auditor or ISMS owner (those are covered above).
fn owned_areas(register: &Register, roles: &[RoleKind]) -> Vec<String> {
    let mut owned = Vec::new();
    for row in RESPONSIBILITIES.iter().filter(|r| r.code != "internal-audit") {
        for role in roles.iter().filter(|r| **r != RoleKind::InternalAuditor && !RUNS_THE_ISMS.contains(r)) {
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
