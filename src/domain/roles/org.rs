//! Reporting lines: the org-chart data and whether someone's line reaches top management.
//! Lines follow a person's own line manager, then the `reports_to` of their assignments; only
//! people who work here today carry a line, and every walk is guarded against cycles.

use chrono::NaiveDate;
use std::collections::BTreeSet;

use super::model::{Register, RoleKind};

/// One person on the org chart, in display order (pre-order: a manager before their reports).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgNode {
    pub person_id: String,
    pub name: String,
    pub title: String,
    pub roles: Vec<RoleKind>,
    /// The manager this node hangs under. A node at depth 0 with `reports_to` set is part of a
    /// reporting cycle (the chart breaks the cycle there so it can still be drawn).
    pub reports_to: Option<String>,
    pub depth: usize,
}

/// Everyone a person reports to: their own line manager first, then the managers of their
/// assignments in register order; distinct, never themselves.
pub fn managers_of<'a>(register: &'a Register, person_id: &str) -> Vec<&'a str> {
    let own = register.person(person_id).and_then(|p| p.reports_to.as_deref());
    let of_roles = register.assignments.iter().filter(|a| a.person_id == person_id).filter_map(|a| a.reports_to.as_deref());
    let mut managers: Vec<&str> = Vec::new();
    for m in own.into_iter().chain(of_roles) {
        if m != person_id && !managers.contains(&m) {
            managers.push(m);
        }
    }
    managers
}

/// The chart parent: the first manager who works here today.
fn primary_manager(register: &Register, person_id: &str, today: NaiveDate) -> Option<String> {
    managers_of(register, person_id).into_iter().find(|m| register.current_person(m, today).is_some()).map(str::to_string)
}

/// The org chart of the people who work here today, manager before reports, with depths.
pub fn reporting_tree(register: &Register, today: NaiveDate) -> Vec<OrgNode> {
    let current: Vec<_> = register.people.iter().filter(|p| p.is_current(today)).collect();
    let parents: Vec<Option<String>> = current.iter().map(|p| primary_manager(register, &p.id, today)).collect();
    let mut placed = vec![false; current.len()];
    let mut out = Vec::with_capacity(current.len());
    // Explicit stack of (index, depth); children pushed in reverse so they come out in order.
    let visit = |root: usize, out: &mut Vec<OrgNode>, placed: &mut Vec<bool>| {
        let mut stack = vec![(root, 0usize)];
        while let Some((i, depth)) = stack.pop() {
            if placed[i] {
                continue;
            }
            placed[i] = true;
            let p = current[i];
            out.push(OrgNode {
                person_id: p.id.clone(),
                name: p.display_name().to_string(),
                title: p.job_title.clone(),
                roles: register.roles_of(&p.id),
                reports_to: parents[i].clone(),
                depth,
            });
            for child in (0..current.len()).rev() {
                if !placed[child] && parents[child].as_deref() == Some(p.id.as_str()) {
                    stack.push((child, depth + 1));
                }
            }
        }
    };
    for root in (0..current.len()).filter(|&i| parents[i].is_none()) {
        visit(root, &mut out, &mut placed);
    }
    // What is left is a reporting loop, with anyone who reports into it: start each remaining
    // group on the loop itself (follow the managers up until one repeats), so the people who
    // report into the loop hang under it rather than being drawn as part of it.
    while let Some(rest) = placed.iter().position(|done| !done) {
        let mut on_loop = rest;
        let mut seen = vec![false; current.len()];
        while !seen[on_loop] {
            seen[on_loop] = true;
            match parents[on_loop].as_deref().and_then(|m| current.iter().position(|p| p.id == m)) {
                Some(manager) if !placed[manager] => on_loop = manager,
                _ => break,
            }
        }
        visit(on_loop, &mut out, &mut placed);
    }
    out
}

/// How a person's reporting line ends, for explanations.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ReportingLine {
    /// Person IDs from the person up to a top-management person, when the line gets there.
    pub path: Option<Vec<String>>,
    /// Every person reached (the person first).
    pub reached: Vec<String>,
    /// Managers on the way who no longer (or do not yet) work here: the line breaks there.
    pub not_current: Vec<String>,
    /// Manager IDs that are not in the register.
    pub unknown: Vec<String>,
    /// The line loops back on itself.
    pub cycle: bool,
}

/// Walks the reporting line of a person who works here today (depth first, cycle-safe).
pub fn reporting_line(register: &Register, person_id: &str, today: NaiveDate) -> ReportingLine {
    let mut line = ReportingLine::default();
    if register.current_person(person_id, today).is_none() {
        return line;
    }
    let mut on_path: Vec<String> = Vec::new();
    let mut seen: BTreeSet<String> = BTreeSet::new();
    walk(register, person_id, today, &mut on_path, &mut seen, &mut line);
    line
}

fn walk(
    register: &Register,
    id: &str,
    today: NaiveDate,
    on_path: &mut Vec<String>,
    seen: &mut BTreeSet<String>,
    line: &mut ReportingLine,
) -> bool {
    seen.insert(id.to_string());
    line.reached.push(id.to_string());
    on_path.push(id.to_string());
    if register.is_top_management(id, today) {
        line.path = Some(on_path.clone());
        return true;
    }
    for manager in managers_of(register, id) {
        if on_path.iter().any(|p| p == manager) {
            line.cycle = true;
        } else if seen.contains(manager) {
            // Already explored through another branch without success.
        } else if register.person(manager).is_none() {
            push_once(&mut line.unknown, manager);
        } else if register.current_person(manager, today).is_none() {
            push_once(&mut line.not_current, manager);
        } else if walk(register, manager, today, on_path, seen, line) {
            return true;
        }
    }
    on_path.pop();
    false
}

fn push_once(list: &mut Vec<String>, id: &str) {
    if !list.iter().any(|x| x == id) {
        list.push(id.to_string());
    }
}

/// Whether a person who works here today is top management or has a reporting line to a
/// current top-management person.
pub fn reaches_top_management(register: &Register, person_id: &str, today: NaiveDate) -> bool {
    reporting_line(register, person_id, today).path.is_some()
}
