//! Minor nonconformities that add up. One missing practice under a clause or control is a minor
//! slip; when a third or more of the practices an auditor would raise as minor under the same
//! requirement are open together (at least three), the requirement itself is not working, and an
//! auditor is likely to raise one major nonconformity for it (a systemic failure). The verdict
//! treats that like an open major: "not ready", whatever the percentage.
//!
//! A third, not a half: every reality check of A 5.4 failing (eight proofs, each a minor, with
//! every control claimed) is a control that works on paper only, yet eight is under half of the
//! eighteen minor practices cited under A 5.4.

use serde::Serialize;

use super::catalog::{Catalog, Severity};
use super::findings::Finding;

/// Fewer open minors than this under one requirement are never taken together.
pub const AT_LEAST: usize = 3;

/// One requirement whose minor practices are mostly open at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MinorsAddUp {
    /// The clause or control, as the catalogue cites it first: "A 5.4", "Clause 5.2".
    pub requirement: &'static str,
    /// Practices under it with an open minor nonconformity (not met, or not answered yet).
    pub open: usize,
    /// Practices under it that an auditor would raise as a minor when not met.
    pub of: usize,
}

/// The requirement an item is filed under: the first reference it cites, without the letter of
/// a list entry ("Clause 5.1 b), Clause 7.1" → "Clause 5.1").
pub fn requirement_of(reference: &'static str) -> &'static str {
    // Bytes, not `str::split` and `trim`: this runs in the first load, where the generic string
    // searches cost more than the loop.
    let bytes = reference.as_bytes();
    let mut end = bytes.iter().position(|&b| b == b',').unwrap_or(bytes.len());
    if bytes[..end].ends_with(b")") {
        end = bytes[..end].iter().rposition(|&b| b == b' ').unwrap_or(end);
    }
    reference.get(..end).unwrap_or(reference)
}

/// The requirements whose minor practices add up: at least `AT_LEAST` open, and at least a
/// third of those under the requirement. Findings that are part of another (`stands_alone`) are not
/// counted twice, as in the score's counts.
pub fn minors_adding_up(catalog: &Catalog, findings: &[Finding]) -> Vec<MinorsAddUp> {
    let mut tally: Vec<MinorsAddUp> = Vec::new();
    for item in catalog.items.iter().filter(|i| i.finding == Severity::Minor) {
        let requirement = requirement_of(item.reference);
        match tally.iter_mut().find(|t| t.requirement == requirement) {
            Some(t) => t.of += 1,
            None => tally.push(MinorsAddUp { requirement, open: 0, of: 1 }),
        }
    }
    let open = findings.iter().filter(|f| f.severity == Severity::Minor && f.item.finding == Severity::Minor && f.stands_alone());
    for finding in open {
        let requirement = requirement_of(finding.item.reference);
        if let Some(t) = tally.iter_mut().find(|t| t.requirement == requirement) {
            t.open += 1;
        }
    }
    tally.retain(|t| t.open >= AT_LEAST && 3 * t.open >= t.of);
    tally
}
