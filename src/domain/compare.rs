//! Comparing two assessments: how the score moved and which gaps opened, closed or changed.

use chrono::NaiveDate;

use super::assessment::Assessment;
use super::catalog::{Catalog, Severity};
use super::findings::{all_findings, Finding, FindingKind};
use super::score::{compute, Score};

#[derive(Debug, Clone, PartialEq)]
pub struct Comparison {
    pub before: Score,
    pub after: Score,
    /// Findings only in the second assessment, from its answers.
    pub opened: Vec<Finding>,
    /// Questions the second assessment has not answered yet (or "not sure") where the first had
    /// an answer: apart from the gaps opened and changed, or a blank new assessment read as a
    /// hundred new gaps (founder pass). Each with how it stood in the first (`None`: no gap
    /// there), so the list says what the answer left open had settled (founder pass).
    pub unsettled: Vec<(Option<Finding>, Finding)>,
    /// Findings only in the first assessment (fixed since).
    pub closed: Vec<Finding>,
    /// Same item, standing or costing differently, and answered in the second: (before, after).
    pub changed: Vec<(Finding, Finding)>,
}

pub fn compare(catalog: &Catalog, before: &Assessment, after: &Assessment, today: NaiveDate) -> Comparison {
    let old = all_findings(catalog, before, today);
    let new = all_findings(catalog, after, today);
    let find = |list: &[Finding], item: &str| list.iter().find(|f| f.item_id == item).cloned();
    // The question itself not answered: a "yes" resting on a record not answered yet is an answer.
    let unanswered = |f: &Finding| f.kind == FindingKind::Unanswered && f.rests_on.is_none();
    // Each with how it stood before, looked up once.
    let unsettled = new
        .iter()
        .filter(|f| unanswered(f))
        .filter_map(|f| {
            let was = find(&old, f.item_id);
            (!was.as_ref().is_some_and(unanswered)).then(|| (was, f.clone()))
        })
        .collect();
    // A question not answered before and answered now with a gap opened that gap (UX pass of stop
    // 51: "Gaps opened (0)" above a "no" just given, listed as changed from "Not yet known").
    // A "yes" resting on a record not answered yet stays a change of that question (founder pass).
    let from_answer = |was: &Finding, now: &Finding| unanswered(was) && now.rests_on.is_none();
    let was_open = |f: &Finding| find(&old, f.item_id).is_some_and(|was| !from_answer(&was, f));
    let opened = new.iter().filter(|f| !unanswered(f) && !was_open(f)).cloned().collect();
    let closed = old.iter().filter(|f| find(&new, f.item_id).is_none()).cloned().collect();
    let changed = old
        .iter()
        .filter_map(|f| {
            let g = find(&new, f.item_id).filter(|g| !from_answer(f, g))?;
            // Any move in how it stands or what it costs (founder pass: a major answered "yes" that
            // rests on a record not answered yet, a minor, was in no list).
            (!unanswered(&g) && (g.standing() != f.standing() || g.cost != f.cost)).then(|| (f.clone(), g))
        })
        .collect();
    Comparison { before: compute(catalog, before, &old), after: compute(catalog, after, &new), opened, unsettled, closed, changed }
}

/// How a changed finding moved: "Minor nonconformity · Partly met → Major nonconformity · Gap", or,
/// standing alike, by its cost (consultant pass of stop 51: "Not interview-ready → Not
/// interview-ready" read as no change).
pub fn moved(before: &Finding, after: &Finding) -> String {
    let (was, now) = (before.standing(), after.standing());
    match was == now {
        true => format!("{was} ({}) → {now} ({})", before.cost.lost_text(), after.cost.lost_text()),
        false => format!("{was} → {now}"),
    }
}

impl Comparison {
    /// Majors opened minus majors closed (positive: worse).
    pub fn major_delta(&self) -> i64 {
        self.after.majors as i64 - self.before.majors as i64
    }

    pub fn worsened(&self) -> impl Iterator<Item = &(Finding, Finding)> {
        self.changed.iter().filter(|(a, b)| b.severity > a.severity || (b.severity == a.severity && b.cost > a.cost))
    }

    /// A major in the second assessment and not the first, from an answer or from a question
    /// left unsettled (the score counts both).
    pub fn has_major_opened(&self) -> bool {
        self.opened.iter().chain(self.unsettled.iter().map(|(_, f)| f)).any(|f| f.severity == Severity::Major)
    }
}
