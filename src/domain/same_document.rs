//! Statements one document must contain (`Item::in_text`: the policy's objectives and its
//! commitments), missing together, are one nonconformity: an auditor raises "the policy lacks
//! b) and c)" once, against the document, not once per statement (auditor probe: two minors for
//! one policy). Each still costs its points; the gravest carries the others, and says so.

use super::catalog::Severity;
use super::findings::{Finding, FindingKind};
use super::same_requirement::PartOf;

/// Joins the stand-alone nonconformities of statements missing from one document: the first
/// (gravest, then first in the catalogue) carries the rest, which become [`PartOf`] it, and names
/// them. Only statements known to be missing (answered no, or otherwise shown): a question not
/// answered yet is not known to be missing (founder pass: a fresh app said the policy "also
/// lacks" three statements nobody had answered). Observations are left alone: they never count
/// towards the verdict.
pub(crate) fn one_per_document(findings: &mut [Finding]) {
    // The findings are still in the catalogue's order here, so the first of the gravest leads
    // (picked by a scan: a sort's code alone cost 3 KB of the first load).
    let candidate = |f: &Finding| f.item.in_text && f.stands_alone() && f.severity >= Severity::Minor && f.kind != FindingKind::Unanswered;
    let mut leads: Vec<(usize, Vec<&'static str>)> = Vec::new();
    for i in 0..findings.len() {
        if !candidate(&findings[i]) {
            continue;
        }
        let document = findings[i].item.within;
        let same = |f: &Finding| candidate(f) && f.item.within == document;
        let gravest =
            (0..findings.len())
                .filter(|&j| same(&findings[j]))
                .reduce(|a, b| if findings[b].severity > findings[a].severity { b } else { a });
        let Some(lead) = gravest.filter(|&lead| lead != i) else { continue };
        findings[i].part_of = Some(PartOf::same_document(findings[lead].item, findings[lead].severity));
        match leads.iter_mut().find(|(l, _)| *l == lead) {
            Some((_, titles)) => titles.push(findings[i].item.title),
            None => leads.push((lead, vec![findings[i].item.title])),
        }
    }
    for (lead, titles) in leads {
        let (last, rest) = titles.split_last().map_or(("", &[][..]), |(last, rest)| (*last, rest));
        let listed = rest.iter().map(|t| format!("“{t}”, ")).collect::<String>();
        let f = &mut findings[lead];
        f.explanation = format!(
            "{} The same document also lacks {}“{last}”: one nonconformity, fixed by one revision.",
            f.explanation,
            listed.strip_suffix(", ").map_or(String::new(), |l| format!("{l} and "))
        );
    }
}
