//! The readiness score: derived from the catalogue and the findings, never stored.
//! Non-compensating: an open finding an auditor would raise as a major nonconformity caps the
//! verdict at "not ready" whatever the percentage.

use serde::Serialize;

use super::assessment::Assessment;
use super::catalog::{Catalog, Item, Severity};
use super::findings::Finding;
use super::points::{weight, Points};

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

/// The rule that decides a verdict. The rules are tried in this order and the first that holds
/// decides (non-compensating: one open major caps the verdict whatever the percentage).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Rule {
    OpenMajors,
    BelowNotReadyLine,
    OpenMinors,
    BelowReadyLine,
    OnlyObservations,
    NothingOpen,
}

impl Rule {
    pub fn deciding(majors: usize, minors: usize, observations: usize, percent: u32) -> Rule {
        if majors > 0 {
            Rule::OpenMajors
        } else if percent < NOT_READY_BELOW {
            Rule::BelowNotReadyLine
        } else if minors > 0 {
            Rule::OpenMinors
        } else if percent < READY_FROM {
            Rule::BelowReadyLine
        } else if observations > 0 {
            Rule::OnlyObservations
        } else {
            Rule::NothingOpen
        }
    }

    pub fn verdict(self) -> Verdict {
        match self {
            Rule::OpenMajors | Rule::BelowNotReadyLine => Verdict::NotReady,
            Rule::OpenMinors | Rule::BelowReadyLine => Verdict::NearlyReady,
            Rule::OnlyObservations | Rule::NothingOpen => Verdict::Ready,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaScore {
    pub area_id: &'static str,
    pub percent: u32,
    pub answered: usize,
    pub total: usize,
    /// Of `total`, the items the app works out itself (always counted as answered).
    pub derived: usize,
}

impl AreaScore {
    /// Progress as the navigation shows it: questions answered, or for an area the app works
    /// out entirely (the roles register), how many checks it runs.
    pub fn progress_text(&self) -> String {
        let progress = match questions(self.answered, self.total, self.derived) {
            (_, 0) => super::wording::counted(self.derived, "check", "checks"),
            (answered, asked) => format!("{answered}/{asked}"),
        };
        format!("{progress} · {} %", self.percent)
    }

    /// Progress as the reports' area table shows it.
    pub fn answered_text(&self) -> String {
        match questions(self.answered, self.total, self.derived) {
            (_, 0) => format!("worked out ({})", super::wording::counted(self.derived, "check", "checks")),
            (answered, asked) => format!("{answered} of {asked}"),
        }
    }
}

/// (questions answered, questions): the items a person answers, without the derived ones.
fn questions(answered: usize, total: usize, derived: usize) -> (usize, usize) {
    (answered - derived, total - derived)
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// Whole percent, rounded down so that "100" is only shown when nothing is missing.
    pub percent: u32,
    pub earned: Points,
    pub possible: Points,
    pub verdict: Verdict,
    /// Items with an answer, derived items included (they are always answered).
    pub answered: usize,
    pub total: usize,
    /// Of `total`, the items the app works out from the register and rehearsals.
    pub derived: usize,
    pub majors: usize,
    pub minors: usize,
    pub observations: usize,
    pub areas: Vec<AreaScore>,
}

/// The points items are worth (Annex A items marked N/A with a justification are out of scope), and how many
/// of them have an answer. Derived items (register, interviews) are always answered and in scope.
fn in_scope<'a>(assessment: &Assessment, items: impl Iterator<Item = &'a Item>) -> (Points, usize, usize, usize) {
    let (mut possible, mut answered, mut total, mut derived) = (Points::ZERO, 0, 0, 0);
    for item in items {
        total += 1;
        if item.is_derived() {
            answered += 1;
            derived += 1;
            possible += weight(item.finding);
            continue;
        }
        let answer = assessment.answer_for(item);
        answered += usize::from(answer.is_some());
        if answer != Some(super::assessment::Answer::NotApplicable) || !item.excludable() {
            possible += weight(item.finding);
        }
    }
    (possible, answered, total, derived)
}

/// The score: what is possible minus what the findings cost. Nothing is lost without a finding.
pub fn compute(catalog: &Catalog, assessment: &Assessment, findings: &[Finding]) -> Score {
    let (possible, answered, total, derived) = in_scope(assessment, catalog.items.iter());
    let lost: Points = findings.iter().map(|f| f.cost).sum();
    let earned = possible - lost;
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s).count();
    let (majors, minors, observations) = (count(Severity::Major), count(Severity::Minor), count(Severity::Observation));
    let percent = earned.percent_of(possible);
    let verdict = Rule::deciding(majors, minors, observations, percent).verdict();
    let areas = catalog
        .areas
        .iter()
        .map(|area| {
            let (possible, answered, total, derived) = in_scope(assessment, catalog.items_in(area.id));
            let lost: Points = findings
                .iter()
                .filter(|f| f.area == area.id)
                .map(|f| f.cost)
                .sum();
            AreaScore { area_id: area.id, percent: (possible - lost).percent_of(possible), answered, total, derived }
        })
        .collect();
    Score { percent, earned, possible, verdict, answered, total, derived, majors, minors, observations, areas }
}

impl Score {
    /// (questions answered, questions): what a person answers, without the derived items.
    pub fn questions(&self) -> (usize, usize) {
        questions(self.answered, self.total, self.derived)
    }

    /// "3 of 104 questions answered" (the derived items are not questions: the app works them out).
    pub fn answered_text(&self) -> String {
        let (answered, asked) = self.questions();
        format!("{answered} of {} answered", super::wording::counted(asked, "question", "questions"))
    }

    /// "11 items worked out from the roles register and interview rehearsals" (not answered by anyone).
    pub fn worked_out_text(&self) -> String {
        format!("{} worked out from the roles register and interview rehearsals", super::wording::counted(self.derived, "item", "items"))
    }

    /// The rule that decided this score's verdict.
    pub fn rule(&self) -> Rule {
        Rule::deciding(self.majors, self.minors, self.observations, self.percent)
    }

    /// Why the verdict is what it is, in one sentence, from the rule that decided it.
    pub fn verdict_reason(&self) -> String {
        use super::wording::counted;
        let label = self.verdict.label();
        match self.rule() {
            Rule::OpenMajors => {
                let majors = counted(self.majors, "open major nonconformity", "open major nonconformities");
                format!("{label}: capped by {majors}, whatever the percentage.")
            }
            Rule::BelowNotReadyLine => format!("{label}: below {NOT_READY_BELOW} % of the points."),
            Rule::OpenMinors => format!("{label}: {} still open.", counted(self.minors, "minor nonconformity", "minor nonconformities")),
            Rule::BelowReadyLine => format!("{label}: below {READY_FROM} % of the points."),
            Rule::OnlyObservations => format!("{label}: only {} open.", counted(self.observations, "observation", "observations")),
            Rule::NothingOpen => format!("{label}: nothing an auditor would raise is open."),
        }
    }
}
