//! The app's reactive state: the assessment in one signal, everything else derived by memos.
//! Passed to components as one `Copy` value so they receive exactly what they show.

use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::HashMap;

use crate::domain::findings::all_findings;
use crate::domain::score::compute;
use crate::domain::{Assessment, Catalog, Finding, Score};

#[derive(Clone, Copy)]
pub struct AppState {
    pub catalog: &'static Catalog,
    pub assessment: RwSignal<Assessment>,
    pub findings: Memo<Vec<Finding>>,
    /// Index into `findings` by item id, so each card finds its own finding without a scan.
    pub finding_index: Memo<HashMap<&'static str, usize>>,
    pub score: Memo<Score>,
    pub today: NaiveDate,
}

impl AppState {
    pub fn new(catalog: &'static Catalog, assessment: Assessment, today: NaiveDate) -> AppState {
        let assessment = RwSignal::new(assessment);
        let findings = Memo::new(move |_| assessment.with(|a| all_findings(catalog, a, today)));
        let finding_index = Memo::new(move |_| {
            findings.with(|list| list.iter().enumerate().map(|(i, f)| (f.item_id, i)).collect())
        });
        let score = Memo::new(move |_| assessment.with(|a| findings.with(|f| compute(catalog, a, f))));
        AppState { catalog, assessment, findings, finding_index, score, today }
    }

    /// The finding for one item, if any (reactive).
    pub fn finding_for(&self, item_id: &str) -> Option<Finding> {
        let index = self.finding_index.with(|idx| idx.get(item_id).copied())?;
        self.findings.with(|list| list.get(index).cloned())
    }
}
