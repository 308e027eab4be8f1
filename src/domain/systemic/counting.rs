//! The count under each requirement: how many practices an auditor would raise as minor there,
//! how many of them are missing, how many core ones, and the groups of major practices only
//! partly in place.

use super::{missing, partly_major, practice_missing, requirements_of, MinorsAddUp, AT_LEAST};
use crate::domain::catalog::{Catalog, Item, Severity, Source};
use crate::domain::findings::{Finding, FindingKind};

/// The requirements under which `AT_LEAST` or more major practices are only partly in place.
pub(super) fn partly_majors(catalog: &Catalog, findings: &[Finding]) -> Vec<MinorsAddUp> {
    let mut groups: Vec<MinorsAddUp> = Vec::new();
    for finding in findings.iter().filter(|f| partly_major(f)) {
        for requirement in requirements_of(finding.item.reference) {
            match groups.iter_mut().find(|g| g.requirement == requirement) {
                Some(g) => g.open += 1,
                None => {
                    let cites =
                        |i: &&Item| i.finding == Severity::Major && is_practice(i) && requirements_of(i.reference).contains(&requirement);
                    let of = catalog.items.iter().filter(cites).count();
                    groups.push(MinorsAddUp {
                        requirement,
                        open: 1,
                        of,
                        unconfirmed: 0,
                        absent_when_all_missing: false,
                        core_of: 0,
                        core_open: 0,
                        partly: true,
                        partly_open: 0,
                    });
                }
            }
        }
    }
    groups.retain(|g| g.open >= AT_LEAST);
    groups
}

/// Every requirement with practices, how many minor ones there are and how many are missing.
pub(super) fn tally(catalog: &Catalog, findings: &[Finding]) -> Vec<MinorsAddUp> {
    let mut tally: Vec<MinorsAddUp> = Vec::new();
    let mut counted: Vec<(&str, (&str, &str))> = Vec::new();
    for item in catalog.items.iter().filter(|i| i.finding != Severity::Observation && is_practice(i)) {
        let major = item.finding == Severity::Major;
        // A practice within another is open only while that one is in place.
        let shows = !major && item.within.is_none();
        for requirement in requirements_of(item.reference) {
            let minor = usize::from(!major && first_of_practice(&mut counted, requirement, item));
            match tally.iter_mut().find(|t| t.requirement == requirement) {
                Some(t) => {
                    (t.of, t.absent_when_all_missing) = (t.of + minor, t.absent_when_all_missing && shows);
                    t.core_of += usize::from(item.core);
                }
                None => {
                    let absent_when_all_missing = shows && requirement.starts_with("Clause");
                    let core_of = usize::from(item.core);
                    tally.push(MinorsAddUp {
                        requirement,
                        open: 0,
                        of: minor,
                        unconfirmed: 0,
                        absent_when_all_missing,
                        core_of,
                        core_open: 0,
                        partly: false,
                        partly_open: 0,
                    })
                }
            }
        }
    }
    counted.clear();
    // A core practice answered missing, whether or not its register check carries the points:
    // confirmed ("no", or an N/A that does not hold), not only "not sure" or not answered yet
    // (second auditor probe: one unsigned letter among twelve, with "not sure" on the three,
    // read as none assigned on record).
    let confirmed = |f: &Finding| !matches!(f.kind, FindingKind::Unanswered | FindingKind::Partial);
    for finding in findings.iter().filter(|f| f.item.core && confirmed(f) && practice_missing(catalog, f)) {
        for requirement in requirements_of(finding.item.reference) {
            if let Some(t) = tally.iter_mut().find(|t| t.requirement == requirement) {
                t.core_open += 1;
            }
        }
    }
    for finding in missing(catalog, findings) {
        for requirement in requirements_of(finding.item.reference) {
            if let Some(t) = tally.iter_mut().find(|t| t.requirement == requirement) {
                let first = usize::from(first_of_practice(&mut counted, requirement, finding.item));
                t.open += first;
                t.unconfirmed += first * usize::from(finding.kind == FindingKind::Unanswered);
            }
        }
    }
    // Major practices only partly in place beside missing minor ones: each is a minor under the
    // requirement, and they count together (auditor probe: three Clause 5.1 duties missing and
    // two major ones partly read "Nearly ready", where four missing read "Not ready"). Only beside
    // a missing minor: on their own they are judged as a group of their own (`partly_majors`).
    for finding in findings.iter().filter(|f| partly_major(f)) {
        for requirement in requirements_of(finding.item.reference) {
            if let Some(t) = tally.iter_mut().find(|t| t.requirement == requirement && t.open > t.partly_open) {
                (t.open, t.partly_open) = (t.open + 1, t.partly_open + 1);
            }
        }
    }
    tally
}

/// Whether an item is a practice of its own: not a register check that asks the same as a
/// question (`same_as`, counted with it), nor the interview readiness the rehearsals work out
/// (not having rehearsed is no nonconformity; what a weak interview shows is judged by the
/// competence and awareness practices themselves).
fn is_practice(item: &Item) -> bool {
    item.same_as.is_none() && item.source != Source::Interviews
}

/// Whether `item` is the first seen of its practice under `requirement`. Every other item is a
/// practice of its own (`requirements_of` names each requirement once); questions raised as one
/// nonconformity (`Item::raised_as_one_key`: the statements one document must contain, the signs
/// of one shortfall) are one practice, noted in `counted` when first seen: a policy without
/// three of its commitments is one policy to revise, not three breakdowns. Only those few are
/// noted, so the check stays cheap on every score.
fn first_of_practice<'c>(counted: &mut Vec<(&'c str, (&'c str, &'c str))>, requirement: &'c str, item: &'c Item) -> bool {
    let Some(key) = item.raised_as_one_key() else { return true };
    let first = !counted.contains(&(requirement, key));
    if first {
        counted.push((requirement, key));
    }
    first
}
