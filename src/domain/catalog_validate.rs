//! Validation of the question bank: duplicate IDs, dangling references, empty text, seed sections
//! no item covers, and unsound links between items (see `catalog_links`). A host test keeps the
//! built-in content valid.

use std::collections::BTreeSet;

use super::catalog::{Catalog, Source};

impl Catalog {
    /// Every problem with the content: duplicate IDs, dangling references, empty text, seed
    /// sections no item covers, and unsound links between items (see `catalog_links`). Empty
    /// means valid.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = BTreeSet::new();
        let all_ids = self
            .areas
            .iter()
            .map(|a| a.id)
            .chain(self.items.iter().map(|i| i.id))
            .chain(self.seed_sections.iter().map(|s| s.id))
            .chain(self.reality_checks.iter().map(|r| r.id));
        for id in all_ids {
            if !ids.insert(id) {
                problems.push(format!("duplicate id {id}"));
            }
        }
        let section_ids: BTreeSet<&str> = self.seed_sections.iter().map(|s| s.id).collect();
        let mut covered = BTreeSet::new();
        for item in self.items {
            if self.area(item.area).is_none() {
                problems.push(format!("{}: unknown area {}", item.id, item.area));
            }
            for text in [item.title, item.question, item.why, item.reference, item.finding_reason] {
                if text.trim().is_empty() {
                    problems.push(format!("{}: empty text field", item.id));
                }
            }
            if super::roles::RoleKind::from_code(item.owner).is_none() {
                problems.push(format!("{}: unknown owner role {}", item.id, item.owner));
            }
            if item.recurring && (item.source != Source::Answered || item.cadence.and_then(super::evidence::validity_months).is_none()) {
                problems.push(format!("{}: only a question renewed monthly, quarterly or yearly can be a recurring activity", item.id));
            }
            if item.evidence.is_empty() {
                problems.push(format!("{}: no evidence examples", item.id));
            }
            if item.covers.is_empty() {
                problems.push(format!("{}: covers no seed section", item.id));
            }
            if item.is_register() && super::roles::checks::check_for(item.base_id()).is_none() {
                problems.push(format!("{}: register item without a register check", item.id));
            }
            for section in item.covers {
                if section_ids.contains(section) {
                    covered.insert(*section);
                } else {
                    problems.push(format!("{}: unknown seed section {section}", item.id));
                }
            }
        }
        for section in self.seed_sections {
            if !covered.contains(section.id) {
                problems.push(format!("seed section {} is covered by no item", section.id));
            }
        }
        problems.extend(self.link_problems());
        for area in self.areas {
            if self.items_in(area.id).next().is_none() {
                problems.push(format!("area {} has no items", area.id));
            }
        }
        problems
    }
}
