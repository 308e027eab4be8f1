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

/// Why statements missing from one document are one nonconformity.
const ONE_DOCUMENT: &str = "missing from the same document, fixed by one revision";

/// Why `lead`'s finding and those raised with it are one nonconformity.
fn shortfall(lead: &Item) -> &'static str {
    match lead.in_text {
        true => ONE_DOCUMENT,
        false => lead.raised_as_one.unwrap_or(ONE_DOCUMENT),
    }
}

/// Joins the stand-alone nonconformities of questions raised as one: the first (gravest, then
/// first in the catalogue) carries the rest, which become [`PartOf`] it, and names them. Only
/// gaps known (answered no, or otherwise shown): a question not answered yet is not known to be
/// missing (founder pass: a fresh app said the policy "also lacks" three statements nobody had
/// answered). Observations are left alone: they never count towards the verdict.
pub(crate) fn raise_as_one(findings: &mut [Finding]) {
    // The findings are still in the catalogue's order here, so the first of the gravest leads
    // (picked by a scan: a sort's code alone cost 3 KB of the first load).
    let candidate = |f: &Finding| {
        f.item.raised_as_one_key().is_some() && f.stands_alone() && f.severity >= Severity::Minor && f.kind != FindingKind::Unanswered
    };
    let mut leads: Vec<(usize, Vec<&'static str>)> = Vec::new();
    for i in 0..findings.len() {
        if !candidate(&findings[i]) {
            continue;
        }
        let key = findings[i].item.raised_as_one_key();
        let same = |f: &Finding| candidate(f) && f.item.raised_as_one_key() == key;
        let gravest =
            (0..findings.len())
                .filter(|&j| same(&findings[j]))
                .reduce(|a, b| if findings[b].severity > findings[a].severity { b } else { a });
        let Some(lead) = gravest.filter(|&lead| lead != i) else { continue };
        let lead_item = findings[lead].item;
        findings[i].part_of = Some(PartOf::raised_with(lead_item, findings[lead].severity, shortfall(lead_item)));
        match leads.iter_mut().find(|(l, _)| *l == lead) {
            Some((_, titles)) => titles.push(findings[i].item.title),
            None => leads.push((lead, vec![findings[i].item.title])),
        }
    }
    for (lead, titles) in leads {
        let (last, rest) = titles.split_last().map_or(("", &[][..]), |(last, rest)| (*last, rest));
        let listed = rest.iter().map(|t| format!("“{t}”, ")).collect::<String>();
        let listed = format!("{}“{last}”", listed.strip_suffix(", ").map_or(String::new(), |l| format!("{l} and ")));
        let f = &mut findings[lead];
        f.explanation = match f.item.in_text {
            true => format!("{} The same document also lacks {listed}: one nonconformity, fixed by one revision.", f.explanation),
            false => format!("{} Raised with {listed} as one nonconformity: {}.", f.explanation, shortfall(f.item)),
        };
    }
}
