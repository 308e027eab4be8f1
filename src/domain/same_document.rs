//! Statements one document must contain (`Item::in_text`: the policy's objectives and its
//! commitments), missing together, are one nonconformity: an auditor raises "the policy lacks
//! b) and c)" once, against the document, not once per statement (auditor probe: two minors for
//! one policy). Each still costs its points; the gravest carries the others, and says so.

use super::catalog::Severity;
use super::findings::{Finding, FindingKind};
use super::same_requirement::PartOf;

/// Joins the stand-alone nonconformities of statements missing from one document: the first
/// (gravest, known before "not sure", then first in the catalogue) carries the rest, which
/// become [`PartOf`] it. Observations are left alone: they never count towards the verdict.
pub(crate) fn one_per_document(findings: &mut [Finding]) {
    // The findings are still in the catalogue's order here, so the first of the best rank leads
    // (picked by a scan: a sort's code alone cost 3 KB of the first load).
    let rank = |f: &Finding| (f.severity as u8) * 2 + u8::from(f.kind != FindingKind::Unanswered);
    let candidate = |f: &Finding| f.item.in_text && f.stands_alone() && f.severity >= Severity::Minor;
    for i in 0..findings.len() {
        if !candidate(&findings[i]) {
            continue;
        }
        let document = findings[i].item.within;
        let same = |f: &Finding| candidate(f) && f.item.within == document;
        let lead =
            (0..findings.len()).filter(|&j| same(&findings[j])).reduce(|a, b| if rank(&findings[b]) > rank(&findings[a]) { b } else { a });
        let Some(lead) = lead.filter(|&lead| lead != i) else { continue };
        findings[i].part_of = Some(PartOf::same_document(findings[lead].item, findings[lead].severity));
        let title = findings[i].item.title;
        let f = &mut findings[lead];
        f.explanation = format!("{} The same document also lacks “{title}”: one nonconformity, fixed by one revision.", f.explanation);
    }
}
