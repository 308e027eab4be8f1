//! Where each question's finding is in a list of findings, looked up by the question's ID.

use super::findings::Finding;

/// The findings' positions by question ID, sorted for a binary search. A hash map did this at
/// twice the cost on every answer at 10× content (hashing every ID, and comparing the old map with
/// the new one entry by entry), and its code weighed on the first load.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct FindingIndex(Vec<(&'static str, usize)>);

impl FindingIndex {
    pub fn of(findings: &[Finding]) -> FindingIndex {
        let mut at: Vec<(&'static str, usize)> = findings.iter().enumerate().map(|(i, f)| (f.item_id, i)).collect();
        at.sort_by(|a, b| a.0.cmp(b.0));
        FindingIndex(at)
    }

    /// The position of the question's finding (the last one, were there two).
    pub fn get(&self, item_id: &str) -> Option<usize> {
        let end = self.0.partition_point(|(id, _)| *id <= item_id);
        end.checked_sub(1).map(|last| self.0[last]).filter(|(id, _)| *id == item_id).map(|(_, at)| at)
    }
}
