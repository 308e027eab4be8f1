//! The question bank: areas, items and the seed sections they cover, loaded from the versioned
//! JSON files in `content/` that are embedded at compile time.

use serde::Deserialize;
use std::collections::BTreeSet;
use std::sync::OnceLock;

use super::error::AppError;

/// The finding an auditor would most likely raise when an item is not met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Deserialize, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Observation,
    Minor,
    Major,
}

impl Severity {
    /// Points an item of this severity is worth: a major gap costs more than an observation.
    pub fn weight(self) -> u32 {
        match self {
            Severity::Major => 3,
            Severity::Minor => 2,
            Severity::Observation => 1,
        }
    }

    /// One step less severe (a partly met requirement is usually raised one level lower).
    pub fn downgraded(self) -> Severity {
        match self {
            Severity::Major => Severity::Minor,
            _ => Severity::Observation,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Severity::Major => "Major nonconformity",
            Severity::Minor => "Minor nonconformity",
            Severity::Observation => "Observation",
        }
    }
}

/// How often the evidence for an item has to be renewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Once,
    Monthly,
    Quarterly,
    Annually,
    OnRoleChange,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SeedSection {
    pub id: String,
    pub seed: String,
    pub title: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Area {
    pub id: String,
    pub title: String,
    pub reference: String,
    pub summary: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Item {
    pub id: String,
    pub area: String,
    pub reference: String,
    pub title: String,
    pub question: String,
    pub why: String,
    pub evidence: Vec<String>,
    pub cadence: Option<Cadence>,
    pub finding: Severity,
    pub finding_reason: String,
    pub covers: Vec<String>,
    /// Annex A 5.4 controls: the least an auditor will accept ("partly" means only this).
    #[serde(default)]
    pub minimum: Option<String>,
    /// Annex A 5.4 controls: the full implementation step ("yes" means this).
    #[serde(default)]
    pub full: Option<String>,
}

/// A "checkbox compliance trap vs reality check" pair: a claim item and the proof an auditor tests.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RealityCheck {
    pub id: String,
    pub reference: String,
    pub topic: String,
    /// What a GRC tool or a tick-box lets you claim.
    pub trap: String,
    /// What the auditor actually tests.
    pub reality: String,
    pub claim_item: String,
    pub proof_item: String,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
struct CatalogHeader {
    version: u32,
    seed_sections: Vec<SeedSection>,
    areas: Vec<Area>,
    #[serde(default)]
    reality_checks: Vec<RealityCheck>,
}

#[derive(Debug, Clone)]
pub struct Catalog {
    pub version: u32,
    pub seed_sections: Vec<SeedSection>,
    pub areas: Vec<Area>,
    pub items: Vec<Item>,
    pub reality_checks: Vec<RealityCheck>,
}

/// The content files, embedded in the binary. Adding an area file means adding one line here.
const HEADER: &str = include_str!("../../content/catalog.json");
const ITEM_FILES: &[(&str, &str)] = &[
    ("c53-preaudit.json", include_str!("../../content/items/c53-preaudit.json")),
    ("c51-leadership.json", include_str!("../../content/items/c51-leadership.json")),
    ("c52-policy.json", include_str!("../../content/items/c52-policy.json")),
    ("c53-roles.json", include_str!("../../content/items/c53-roles.json")),
    ("a54-controls.json", include_str!("../../content/items/a54-controls.json")),
    ("a54-reality.json", include_str!("../../content/items/a54-reality.json")),
    ("mgmt-duties.json", include_str!("../../content/items/mgmt-duties.json")),
];

impl Catalog {
    /// Parses the catalogue from a header and item files, without validating references.
    pub fn parse(header: &str, item_files: &[(&str, &str)]) -> Result<Catalog, AppError> {
        let header: CatalogHeader = serde_json::from_str(header)
            .map_err(|e| AppError::Content(format!("catalog.json: {e}")))?;
        let mut items = Vec::new();
        for (name, text) in item_files {
            let mut file_items: Vec<Item> = serde_json::from_str(text)
                .map_err(|e| AppError::Content(format!("{name}: {e}")))?;
            items.append(&mut file_items);
        }
        Ok(Catalog {
            version: header.version,
            seed_sections: header.seed_sections,
            areas: header.areas,
            items,
            reality_checks: header.reality_checks,
        })
    }

    /// The embedded catalogue, parsed once. Host tests guarantee it is valid.
    pub fn builtin() -> &'static Catalog {
        static CATALOG: OnceLock<Catalog> = OnceLock::new();
        CATALOG.get_or_init(|| {
            Catalog::parse(HEADER, ITEM_FILES).expect("embedded content is validated by host tests")
        })
    }

    pub fn item(&self, id: &str) -> Option<&Item> {
        self.items.iter().find(|item| item.id == id)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|area| area.id == id)
    }

    pub fn items_in<'a>(&'a self, area_id: &'a str) -> impl Iterator<Item = &'a Item> + 'a {
        self.items.iter().filter(move |item| item.area == area_id)
    }

    /// Every problem with the content: duplicate IDs, dangling references, empty text, and seed
    /// sections no item covers. Empty means valid.
    pub fn validate(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut ids = BTreeSet::new();
        let all_ids = self
            .areas
            .iter()
            .map(|a| a.id.as_str())
            .chain(self.items.iter().map(|i| i.id.as_str()))
            .chain(self.seed_sections.iter().map(|s| s.id.as_str()))
            .chain(self.reality_checks.iter().map(|r| r.id.as_str()));
        for id in all_ids {
            if !ids.insert(id) {
                problems.push(format!("duplicate id {id}"));
            }
        }
        let section_ids: BTreeSet<&str> = self.seed_sections.iter().map(|s| s.id.as_str()).collect();
        let mut covered = BTreeSet::new();
        for item in &self.items {
            if self.area(&item.area).is_none() {
                problems.push(format!("{}: unknown area {}", item.id, item.area));
            }
            for text in [&item.title, &item.question, &item.why, &item.reference, &item.finding_reason] {
                if text.trim().is_empty() {
                    problems.push(format!("{}: empty text field", item.id));
                }
            }
            if item.evidence.is_empty() {
                problems.push(format!("{}: no evidence examples", item.id));
            }
            if item.covers.is_empty() {
                problems.push(format!("{}: covers no seed section", item.id));
            }
            for section in &item.covers {
                if section_ids.contains(section.as_str()) {
                    covered.insert(section.as_str());
                } else {
                    problems.push(format!("{}: unknown seed section {section}", item.id));
                }
            }
        }
        for section in &self.seed_sections {
            if !covered.contains(section.id.as_str()) {
                problems.push(format!("seed section {} is covered by no item", section.id));
            }
        }
        for check in &self.reality_checks {
            for item_id in [&check.claim_item, &check.proof_item] {
                if self.item(item_id).is_none() {
                    problems.push(format!("{}: unknown item {item_id}", check.id));
                }
            }
            if check.claim_item == check.proof_item {
                problems.push(format!("{}: claim and proof are the same item", check.id));
            }
        }
        for area in &self.areas {
            if self.items_in(&area.id).next().is_none() {
                problems.push(format!("area {} has no items", area.id));
            }
        }
        problems
    }
}
