//! Questions an auditor writes up as one nonconformity when several are missing at once
//! (`Item::raised_as_one_key`):
//! - statements one document must contain (`Item::in_text`: the policy's objectives and its
//!   commitments): "the policy lacks b) and c)" is raised once, against the document, not once
//!   per statement (auditor probe: two minors for one policy);
//! - signs of one shortfall (`Item::raised_as_one`): leadership that never tells staff security
//!   matters fails Clause 5.1 d) and three A 5.4 controls at once, one finding, not five (auditor
//!   probe).
//!
//! Each still costs its points; the gravest carries the others, and says so.

use super::catalog::{Item, Severity};
use super::findings::{Finding, FindingKind};
use super::same_requirement::PartOf;
use super::wording::and_list;

/// Why statements missing from one document are one nonconformity.
const ONE_DOCUMENT: &str = "missing from the same document, fixed by one revision";

/// Why `lead`'s finding and those raised with it are one nonconformity.
fn shortfall(lead: &Item) -> &'static str {
    match lead.in_text {
        true => ONE_DOCUMENT,
        false => lead.raised_as_one.unwrap_or(ONE_DOCUMENT),
    }
}

/// Joins the stand-alone nonconformities of questions raised as one: the first known gap
/// (gravest, then first in the catalogue) carries the rest, which become [`PartOf`] it, and names
/// them, the questions not answered yet (or "not sure") apart. Only a gap known (answered no, or
/// otherwise shown) leads: a question not answered yet is not known to be missing (founder pass:
/// a fresh app said the policy "also lacks" three statements nobody had answered). Observations
/// are left alone: they never count towards the verdict.
pub(crate) fn raise_as_one(findings: &mut [Finding]) {
    // A document whose statements are asked apart (`Item::holds_statements`), itself only partly
    // in place, is raised with the statements it lacks: one document to revise (auditor probe: a
    // roles document partly in place and three of its statements missing read four minors).
    // Answered no, it already contains their gaps (`within`).
    let key_of = |item: &'static Item| item.raised_as_one_key().or_else(|| item.holds_statements.then_some((item.id, "")));
    // The findings are still in the catalogue's order here, so the first of the gravest leads
    // (picked by a scan: a sort's code alone cost 3 KB of the first load).
    let keys: Vec<_> = findings.iter().map(|f| key_of(f.item)).collect();
    let member = |f: &Finding, key: Option<_>| key.is_some() && f.stands_alone() && f.severity >= Severity::Minor;
    // The lead of each key: the first of its gravest gaps known, found in one pass (a scan per
    // finding was quadratic at 10× content). Joining others to it below never changes it: only
    // those that are not it stop standing alone.
    let mut gravest: Vec<(Option<(&str, &str)>, usize)> = Vec::new();
    for j in (0..findings.len()).filter(|&j| member(&findings[j], keys[j]) && findings[j].kind != FindingKind::Unanswered) {
        match gravest.iter_mut().find(|(key, _)| *key == keys[j]) {
            Some((_, lead)) if findings[j].severity > findings[*lead].severity => *lead = j,
            Some(_) => {}
            None => gravest.push((keys[j], j)),
        }
    }
    // Per lead: the titles of the gaps known, then of the questions not answered yet (or "not
    // sure") raised with it (second auditor probe: one "no" beside four "not sure" signs of
    // the same shortfall read five minors, where five "no" read one).
    let mut leads: Vec<(usize, Vec<&'static str>, Vec<&'static str>)> = Vec::new();
    for i in 0..findings.len() {
        if !member(&findings[i], keys[i]) {
            continue;
        }
        let lead = gravest.iter().find(|(key, _)| *key == keys[i]).map(|(_, lead)| *lead);
        // A question not answered yet that would be graver than every gap known stands alone:
        // raised with a minor, an unanswered major vanished from the count, and answering that
        // minor "yes" brought it back as "Not ready" (score-invariant pass of stop 48).
        let Some(lead) = lead.filter(|&lead| lead != i && findings[lead].severity >= findings[i].severity) else { continue };
        let lead_item = findings[lead].item;
        findings[i].part_of = Some(PartOf::raised_with(lead_item, findings[lead].severity, shortfall(lead_item)));
        let open = findings[i].kind == FindingKind::Unanswered;
        let title = findings[i].item.title;
        match leads.iter_mut().find(|(l, ..)| *l == lead) {
            Some((_, gaps, open_titles)) => {
                if open {
                    open_titles.push(title)
                } else {
                    gaps.push(title)
                }
            }
            None if open => leads.push((lead, Vec::new(), vec![title])),
            None => leads.push((lead, vec![title], Vec::new())),
        }
    }
    for (lead, gaps, open) in leads {
        let f = &mut findings[lead];
        if !gaps.is_empty() {
            let listed = listed(&gaps);
            f.explanation = match f.item.in_text || f.item.holds_statements {
                true => format!("{} The same document also lacks {listed}: one nonconformity, fixed by one revision.", f.explanation),
                false => format!("{} Raised with {listed} as one nonconformity: {}.", f.explanation, shortfall(f.item)),
            };
        }
        // Other questions (founder pass: beside an answered one, "Not answered yet" read as
        // speaking of it).
        if !open.is_empty() {
            f.explanation = format!(
                "{} Other questions not answered yet (or “not sure”), raised with it if missing: {}.",
                f.explanation,
                listed(&open)
            );
        }
    }
}

/// "“A”, “B” and “C”".
fn listed(titles: &[&str]) -> String {
    and_list(&titles.iter().map(|t| format!("“{t}”")).collect::<Vec<_>>())
}
