//! A requirement asked twice: a register check that tests what a checklist question asks
//! (`Item::same_as`). The pair is one requirement, worth one item's points and charged once; each
//! side's card says what the other side shows.

use serde::Serialize;

use super::assessment::{Answer, Assessment};
use super::catalog::Catalog;
use super::findings::{Finding, FindingKind};
use super::points::Points;

/// Set on a finding when the other side of its requirement already carries the points. When
/// both raise a finding, the costlier carries them (the register check's on a tie: it names what
/// to fix) and the other is listed at no extra cost, naming it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CountedWith {
    pub item_id: &'static str,
    #[serde(skip)]
    pub title: &'static str,
    /// What this finding costs on its own: its area's percentage still counts it.
    pub own_cost: Points,
}

impl CountedWith {
    /// The sentence that opens the explanation of a finding counted with another.
    pub fn note(&self) -> String {
        format!(
            "Counted once, with “{}” ({}), which covers the same requirement: no extra points here, but both need fixing to \
             recover the points.",
            self.title, self.item_id
        )
    }
}

/// Set on a derived finding whose every problem follows from the gap another register check
/// raises (a role nobody holds): it is part of that nonconformity, not a second one, though what
/// it leaves undone still costs its points (so an empty register still scores nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PartOf {
    pub item_id: &'static str,
    #[serde(skip)]
    pub title: &'static str,
}

impl PartOf {
    /// The sentence that opens the explanation of a finding that is part of another.
    pub fn note(&self) -> String {
        format!(
            "Part of “{}” ({}): not a separate nonconformity, though it costs its points until that is fixed.",
            self.title, self.item_id
        )
    }
}

/// One requirement, one charge: see [`CountedWith`] and [`PartOf`] (kept only where the gap it
/// is part of is raised). A question still unanswered (or "not sure") whose register check
/// passes costs nothing: the register shows it met.
pub fn count_once(catalog: &Catalog, findings: &mut Vec<Finding>) {
    let position = |findings: &[Finding], id: &str| findings.iter().position(|f| f.item_id == id);
    for i in 0..findings.len() {
        let Some(part_of) = findings[i].part_of else { continue };
        match position(findings, part_of.item_id) {
            Some(_) => findings[i].explanation = format!("{} {}", part_of.note(), findings[i].explanation),
            None => findings[i].part_of = None,
        }
    }
    for (check, question) in catalog.same_requirement_pairs() {
        let q = position(findings, question);
        let c = position(findings, check.id);
        if let (Some(q), None) = (q, c) {
            if findings[q].kind == FindingKind::Unanswered {
                findings.remove(q);
            }
        }
        let (Some(c), Some(q)) = (c, q) else { continue };
        let (carrier, counted) = if findings[c].cost >= findings[q].cost { (c, q) } else { (q, c) };
        let with = CountedWith {
            item_id: findings[carrier].item_id,
            title: if carrier == c { check.title } else { catalog.item(question).map_or(question, |q| q.title) },
            own_cost: findings[counted].cost,
        };
        count_with(&mut findings[counted], with);
    }
}

fn count_with(f: &mut Finding, with: CountedWith) {
    // Its note comes first (a "part of" note it already has follows).
    f.explanation = format!("{} {}", with.note(), f.explanation);
    f.cost = Points::ZERO;
    f.counted_with = Some(with);
}

/// What a checklist question's card adds about the register check that covers the same
/// requirement, when the two disagree or the register settles an open question: the answer alone
/// no longer tells the whole story. (When both fail, the answer's own explanation opens with the
/// check it is counted with: the check costs the whole item, so it carries the points.)
pub fn question_note(catalog: &Catalog, assessment: &Assessment, question_id: &str, findings: &[Finding]) -> Option<String> {
    let check = catalog.items.iter().find(|i| i.same_as == Some(question_id))?;
    let finding_on = |id: &str| findings.iter().find(|f| f.item_id == id);
    let open = matches!(assessment.response(question_id).and_then(|r| r.answer), None | Some(Answer::NotSure));
    match (finding_on(question_id), finding_on(check.id)) {
        (None, None) if open => Some(format!(
            "The roles register shows this in place (“{}” passes), so it costs nothing while unanswered. Confirm it by answering.",
            check.title
        )),
        (None, Some(open)) => Some(format!(
            "The roles register disagrees: “{}” is open ({}), so this requirement still costs points until the register shows it met.",
            check.title,
            open.cost_text()
        )),
        (Some(own), None) if matches!(own.kind, FindingKind::Gap | FindingKind::Partial | FindingKind::Unanswered) => {
            Some(format!("The roles register shows this in place (“{}” passes). If it is, review your answer.", check.title))
        }
        _ => None,
    }
}
