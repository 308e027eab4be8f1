//! Findings: the one currency of the app. Every check turns catalogue + assessment into findings;
//! the score, the views and the exports only ever consume findings.

use serde::Serialize;

use super::assessment::{Answer, Assessment};
use super::catalog::{Catalog, Item, Severity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// No answer yet, "not sure", or N/A without a justification.
    Unanswered,
    /// The requirement is not met (answered no).
    Gap,
    /// The requirement is only partly met.
    Partial,
}

impl FindingKind {
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Unanswered => "Not yet known",
            FindingKind::Gap => "Gap",
            FindingKind::Partial => "Partly met",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// Stable: `<kind>:<item id>`.
    pub id: String,
    pub item_id: String,
    pub reference: String,
    pub kind: FindingKind,
    /// The finding an auditor would most likely raise.
    pub severity: Severity,
    pub explanation: String,
    pub remediation: String,
    /// Readiness points this finding costs (out of the item's weight).
    pub cost: f64,
}

/// The share of an item's points an answer earns. `None` means the item is out of scope.
pub fn credit(answer: Option<Answer>) -> Option<f64> {
    match answer {
        Some(Answer::Yes) => Some(1.0),
        Some(Answer::Partly) => Some(0.5),
        Some(Answer::No) | Some(Answer::NotSure) | None => Some(0.0),
        Some(Answer::NotApplicable) => None,
    }
}

/// The answer-based check: one finding for each item that is not fully met.
pub fn answer_findings(catalog: &Catalog, assessment: &Assessment) -> Vec<Finding> {
    catalog
        .items
        .iter()
        .filter_map(|item| answer_finding(item, assessment))
        .collect()
}

fn answer_finding(item: &Item, assessment: &Assessment) -> Option<Finding> {
    let answer = assessment.response(&item.id).and_then(|r| r.effective_answer());
    let earned = credit(answer)?;
    let (kind, severity, explanation) = match answer {
        Some(Answer::Yes) | Some(Answer::NotApplicable) => return None,
        Some(Answer::Partly) => (
            FindingKind::Partial,
            item.finding.downgraded(),
            format!("Only partly in place. {}", item.why),
        ),
        Some(Answer::No) => (
            FindingKind::Gap,
            item.finding,
            format!("Not in place. {}", item.finding_reason),
        ),
        Some(Answer::NotSure) | None => (
            FindingKind::Unanswered,
            item.finding,
            format!(
                "Not confirmed yet, so it counts as not ready. If it is missing: {}",
                item.finding_reason
            ),
        ),
    };
    let kind_code = match kind {
        FindingKind::Unanswered => "unanswered",
        FindingKind::Gap => "gap",
        FindingKind::Partial => "partial",
    };
    Some(Finding {
        id: format!("{kind_code}:{}", item.id),
        item_id: item.id.clone(),
        reference: item.reference.clone(),
        kind,
        severity,
        explanation,
        remediation: format!("Produce and file: {}.", item.evidence.join("; ")),
        cost: f64::from(item.finding.weight()) * (1.0 - earned),
    })
}

/// All checks, in one place. New checks add a line here; nothing downstream changes.
pub fn all_findings(catalog: &Catalog, assessment: &Assessment) -> Vec<Finding> {
    let mut findings = answer_findings(catalog, assessment);
    findings.sort_by(|a, b| {
        b.cost
            .partial_cmp(&a.cost)
            .unwrap_or(std::cmp::Ordering::Equal)
            .then_with(|| b.severity.cmp(&a.severity))
            .then_with(|| a.item_id.cmp(&b.item_id))
    });
    findings
}
