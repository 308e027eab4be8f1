//! The readiness score: derived from the catalogue and the findings, never stored.
//! Non-compensating: an open finding an auditor would raise as a major nonconformity caps the
//! verdict at "not ready" whatever the percentage.

use serde::Serialize;

use super::assessment::Assessment;
use super::catalog::{Catalog, Severity};
use super::findings::{credit, Finding};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    NotReady,
    NearlyReady,
    Ready,
}

impl Verdict {
    pub fn label(self) -> &'static str {
        match self {
            Verdict::NotReady => "Not ready",
            Verdict::NearlyReady => "Nearly ready",
            Verdict::Ready => "Ready",
        }
    }

    pub fn meaning(self) -> &'static str {
        match self {
            Verdict::NotReady => {
                "An auditor would very likely raise a major nonconformity, or too much is still unproven. Certification would be at risk."
            }
            Verdict::NearlyReady => {
                "No major nonconformity expected, but minor ones are likely. Certification is possible with corrective action plans."
            }
            Verdict::Ready => {
                "Nothing worse than observations expected. Keep the evidence fresh until audit day."
            }
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Verdict::NotReady => "not-ready",
            Verdict::NearlyReady => "nearly-ready",
            Verdict::Ready => "ready",
        }
    }
}

/// Below this percentage the verdict is "not ready" even without a major finding.
pub const NOT_READY_BELOW: u32 = 70;
/// At or above this percentage, with no major or minor finding, the verdict is "ready".
pub const READY_FROM: u32 = 90;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaScore {
    pub area_id: String,
    pub percent: u32,
    pub answered: usize,
    pub total: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// Whole percent, rounded down so that "100" is only shown when nothing is missing.
    pub percent: u32,
    pub earned: f64,
    pub possible: f64,
    pub verdict: Verdict,
    pub answered: usize,
    pub total: usize,
    pub majors: usize,
    pub minors: usize,
    pub observations: usize,
    pub areas: Vec<AreaScore>,
}

fn percent_of(earned: f64, possible: f64) -> u32 {
    if possible <= 0.0 {
        return 100;
    }
    // Tiny epsilon so that 0.7 * 100 does not floor to 69 through float error.
    ((earned / possible) * 100.0 + 1e-9).floor() as u32
}

/// Points earned and possible over the given item ids.
fn tally<'a>(
    assessment: &Assessment,
    items: impl Iterator<Item = &'a super::catalog::Item>,
) -> (f64, f64, usize, usize) {
    let (mut earned, mut possible, mut answered, mut total) = (0.0, 0.0, 0, 0);
    for item in items {
        total += 1;
        let answer = assessment.response(&item.id).and_then(|r| r.effective_answer());
        if answer.is_some() {
            answered += 1;
        }
        if let Some(share) = credit(answer) {
            let weight = f64::from(item.finding.weight());
            possible += weight;
            earned += weight * share;
        }
    }
    (earned, possible, answered, total)
}

pub fn compute(catalog: &Catalog, assessment: &Assessment, findings: &[Finding]) -> Score {
    let (earned, possible, answered, total) = tally(assessment, catalog.items.iter());
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (majors, minors, observations) = (
        count(Severity::Major),
        count(Severity::Minor),
        count(Severity::Observation),
    );
    let percent = percent_of(earned, possible);
    let verdict = if majors > 0 || percent < NOT_READY_BELOW {
        Verdict::NotReady
    } else if minors > 0 || percent < READY_FROM {
        Verdict::NearlyReady
    } else {
        Verdict::Ready
    };
    let areas = catalog
        .areas
        .iter()
        .map(|area| {
            let (e, p, answered, total) = tally(assessment, catalog.items_in(&area.id));
            AreaScore {
                area_id: area.id.clone(),
                percent: percent_of(e, p),
                answered,
                total,
            }
        })
        .collect();
    Score {
        percent,
        earned,
        possible,
        verdict,
        answered,
        total,
        majors,
        minors,
        observations,
        areas,
    }
}
