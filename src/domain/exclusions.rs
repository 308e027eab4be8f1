//! Annex A exclusions. One practice of an Annex A control can be marked not applicable with a
//! reason: the company meets the control another way, or the practice does not fit it. Marking
//! every practice the catalogue lists for a control leaves the control itself out of the
//! Statement of Applicability, and for the controls asked about here (A 5.4 above all: management
//! requires every member of staff to apply security) no company with staff can justify that. An
//! auditor challenges the exclusion (Clause 6.1.3 d) and treats the practices as not in place.

use super::assessment::{Answer, Assessment};
use super::catalog::{Catalog, Item};

/// A control every one of whose practices is excluded: how many there are and the first of them,
/// which carries the nonconformity (the others are part of it).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct WholeControl {
    pub control: &'static str,
    pub lead: &'static Item,
    pub practices: usize,
}

/// The controls excluded as a whole, worked out once per assessment.
#[derive(Debug, Clone, Default)]
pub struct Exclusions {
    whole: Vec<WholeControl>,
}

/// The Annex A control an excludable item is a practice of (the first control it cites), with
/// the suffix of its copy in a scaled bench catalogue, so that copies group apart.
fn control_of(item: &'static Item) -> Option<(&'static str, &'static str)> {
    if item.is_derived() || !item.excludable() {
        return None;
    }
    let control = item.reference.split(',').next()?.trim();
    Some((control, &item.id[item.base_id().len()..]))
}

/// "Not applicable" with a reason: what would take an Annex A item out of scope.
fn marked_excluded(assessment: &Assessment, item: &Item) -> bool {
    assessment.response(item.id).is_some_and(|r| r.answer == Some(Answer::NotApplicable) && !r.na_justification.trim().is_empty())
}

impl Exclusions {
    pub fn of(catalog: &Catalog, assessment: &Assessment) -> Exclusions {
        // (control, copy) → (first practice, practices, excluded practices).
        let mut groups: Vec<((&'static str, &'static str), &'static Item, usize, usize)> = Vec::new();
        for item in catalog.items {
            let Some(key) = control_of(item) else { continue };
            let excluded = usize::from(marked_excluded(assessment, item));
            match groups.iter_mut().find(|g| g.0 == key) {
                Some(group) => (group.2, group.3) = (group.2 + 1, group.3 + excluded),
                None => groups.push((key, item, 1, excluded)),
            }
        }
        let whole = groups
            .into_iter()
            .filter(|&(_, _, practices, excluded)| practices >= 2 && excluded == practices)
            .map(|((control, _), lead, practices, _)| WholeControl { control, lead, practices })
            .collect();
        Exclusions { whole }
    }

    /// The control `item` is a practice of, when every practice of it is excluded.
    pub fn whole_control(&self, item: &'static Item) -> Option<WholeControl> {
        let (control, copy) = control_of(item)?;
        self.whole.iter().copied().find(|w| w.control == control && w.lead.id[w.lead.base_id().len()..] == *copy)
    }

    /// Whether "not applicable" takes `item` out of scope: an Annex A practice excluded with a
    /// reason, while some other practice of its control is still answered.
    pub fn accepted(&self, assessment: &Assessment, item: &'static Item) -> bool {
        item.excludable() && marked_excluded(assessment, item) && self.whole_control(item).is_none()
    }
}
