//! The readiness score: derived from the catalogue and the findings, never stored.
//! Non-compensating: an open finding an auditor would raise as a major nonconformity caps the
//! verdict at "not ready" whatever the percentage.

use serde::Serialize;

use super::assessment::{Answer, Assessment};
use super::catalog::{Catalog, Item, Severity};
use super::findings::{Finding, FindingKind};
use super::points::{weight, Points};
use super::systemic::{group_of, minors_adding_up, MinorsAddUp};

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
                "No major nonconformity expected, but minor ones are likely. Certification is possible with corrective action \
                 plans."
            }
            Verdict::Ready => "Nothing worse than observations expected. Keep the evidence fresh until audit day.",
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
    MinorsAddUp,
    OpenMinors,
    BelowReadyLine,
    OnlyObservations,
    NothingOpen,
}

impl Rule {
    /// `adding_up`: how many requirements have enough of their minor practices open at once
    /// (`domain::systemic`), each likely raised as one major.
    pub fn deciding(majors: usize, adding_up: usize, minors: usize, observations: usize, percent: u32) -> Rule {
        if majors > 0 {
            Rule::OpenMajors
        } else if percent < NOT_READY_BELOW {
            Rule::BelowNotReadyLine
        } else if adding_up > 0 {
            Rule::MinorsAddUp
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
            Rule::OpenMajors | Rule::MinorsAddUp | Rule::BelowNotReadyLine => Verdict::NotReady,
            Rule::OpenMinors | Rule::BelowReadyLine => Verdict::NearlyReady,
            Rule::OnlyObservations | Rule::NothingOpen => Verdict::Ready,
        }
    }
}

/// How far a set of items is answered. The items the app works out itself (from the roles
/// register and the interview rehearsals) are not questions: nobody answers them.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct Progress {
    /// Questions with an answer.
    pub answered: usize,
    /// Questions a person answers.
    pub questions: usize,
    /// Items the app works out itself, always up to date.
    pub worked_out: usize,
    /// Of the answered, those answered "not sure": said with them, as they count as missing
    /// (copy pass of stop 51: "104 of 104 answered" beside findings "not answered yet or not sure").
    #[serde(skip)]
    pub not_sure: usize,
    /// Of the questions open (not answered or "not sure"), those the roles register shows, so
    /// that no finding asks for them: said, or the plan's "answer the 96 questions" stood beside
    /// the panel's "7 of 104 answered" (founder pass of stop 52). Counted for the whole catalogue.
    #[serde(skip)]
    pub register_shows: usize,
}

impl Progress {
    /// Questions still without an answer.
    pub fn unanswered(&self) -> usize {
        self.questions - self.answered
    }

    /// "3 of 104 questions answered", and ", 2 of them “not sure”" when some are.
    pub fn answered_text(&self) -> String {
        let unsure = match self.not_sure {
            0 => String::new(),
            n => format!(", {n} of them “not sure”"),
        };
        format!("{} of {} answered{unsure}", self.answered, super::wording::counted(self.questions, "question", "questions"))
    }

    /// "the roles register already shows 2 open questions in place" (copy pass of stop 52: "shows 2
    /// of the open questions" read as "lists"), when it shows any.
    pub fn register_shows_text(&self) -> Option<String> {
        match self.register_shows {
            0 => None,
            1 => Some("the roles register already shows 1 open question in place".into()),
            n => Some(format!("the roles register already shows {n} open questions in place")),
        }
    }

    /// [`Progress::answered_text`], then what the register shows: the readiness panel's line.
    pub fn panel_text(&self) -> String {
        match self.register_shows_text() {
            Some(shown) => format!("{}; {shown}", self.answered_text()),
            None => self.answered_text(),
        }
    }

    /// "11 items worked out from the roles register and interview rehearsals".
    pub fn worked_out_text(&self) -> String {
        format!("{} worked out from the roles register and interview rehearsals", super::wording::counted(self.worked_out, "item", "items"))
    }

    /// Short, for the navigation: "3/7", or "10 checks" where the app works out every item.
    pub fn short_text(&self) -> String {
        match self.questions {
            0 => super::wording::counted(self.worked_out, "check", "checks"),
            asked => format!("{}/{asked}", self.answered),
        }
    }

    /// For the reports' area table: "3 of 7", or "worked out (10 checks)".
    pub fn table_text(&self) -> String {
        match self.questions {
            0 => format!("worked out ({})", super::wording::counted(self.worked_out, "check", "checks")),
            asked => format!("{} of {asked}", self.answered),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AreaScore {
    pub area_id: &'static str,
    pub percent: u32,
    pub progress: Progress,
}

impl AreaScore {
    /// Progress as the navigation shows it: "3/7 · 72 % ready", or "10 checks · 0 % ready".
    pub fn progress_text(&self) -> String {
        // "ready", so the share is not read as the share answered (founder pass: "3/17 · 15 %").
        format!("{} · {} % ready", self.progress.short_text(), self.percent)
    }

    /// [`AreaScore::progress_text`] in words, for a screen reader ("3/7" may be read as a date):
    /// "3 of 7 questions answered, 72 % ready".
    pub fn progress_spoken(&self) -> String {
        match self.progress.questions {
            0 => format!("{}, {} % ready", self.progress.short_text(), self.percent),
            _ => format!("{}, {} % ready", self.progress.answered_text(), self.percent),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Score {
    /// Whole percent, rounded down so that "100" is only shown when nothing is missing.
    pub percent: u32,
    pub earned: Points,
    pub possible: Points,
    pub verdict: Verdict,
    pub progress: Progress,
    pub majors: usize,
    pub minors: usize,
    pub observations: usize,
    /// How many of those are questions not answered yet (or "not sure"): open, since nobody can
    /// show them met, but not gaps anyone has confirmed.
    pub not_yet_known: usize,
    /// How many of the majors are questions not answered yet (or "not sure"): said beside the
    /// majors that cap the verdict (founder pass: "capped by 9 open major nonconformities" after
    /// a dozen answers, one of them confirmed).
    pub majors_not_yet_known: usize,
    /// Questions not answered yet (or "not sure") whose gap is part of another finding or counted
    /// with one: not in the counts, but each is a line of the plan (founder pass: the panel's
    /// figure did not add up to the questions left or to the plan's lines).
    pub not_yet_known_within: usize,
    /// Requirements whose minor nonconformities add up to a likely major (`domain::systemic`).
    pub adding_up: Vec<MinorsAddUp>,
    /// Of `minors`, those under a requirement of `adding_up`: an auditor would raise them as that
    /// likely major instead, which the panel says beside the count (auditor probe: "1 likely
    /// major, 2 minor" read as three findings where one is raised).
    pub minors_adding_up: usize,
    pub areas: Vec<AreaScore>,
    /// Observations that are records to renew before the audit (`Finding::renewal_due`), counted
    /// as the observations are (those part of another finding are in that one).
    pub renewals_due: usize,
    /// Late records that will be majors on the upcoming audit day unless renewed before it
    /// (`Finding::major_by_audit`): "no major expected" would hold only if they are.
    pub majors_by_audit: usize,
}

/// Whether a register check that asks for the same as a question (`Item::same_as`) adds its own
/// points: within its area it does; overall the pair is one requirement, worth the question's.
#[derive(Clone, Copy, PartialEq, Eq)]
enum SameRequirement {
    CountedInItsArea,
    CountedOnce,
}

/// Whether a question answered `answer` (as `Assessment::answer_for` reads it: N/A without its
/// reason is no answer) is out of scope: a control that may be excluded, marked not applicable.
fn left_out_of_scope(answer: Option<super::assessment::Answer>, item: &Item) -> bool {
    answer == Some(super::assessment::Answer::NotApplicable) && item.excludable()
}

/// The points items are worth (Annex A items marked N/A with a justification are out of scope),
/// and how far they are answered. Derived items (register, interviews) are always in scope.
fn in_scope<'a>(assessment: &Assessment, items: impl Iterator<Item = &'a Item>, pairs: SameRequirement) -> (Points, Progress) {
    let (mut possible, mut progress) = (Points::ZERO, Progress::default());
    for item in items {
        if item.is_derived() {
            progress.worked_out += 1;
            if item.same_as.is_none() || pairs == SameRequirement::CountedInItsArea {
                possible += weight(item.finding);
            }
            continue;
        }
        let answer = assessment.answer_for(item);
        progress.questions += 1;
        progress.answered += usize::from(answer.is_some());
        progress.not_sure += usize::from(answer == Some(Answer::NotSure));
        if !left_out_of_scope(answer, item) {
            possible += weight(item.finding);
        }
    }
    (possible, progress)
}

/// The score: what is possible minus what the findings cost. Nothing is lost without a finding,
/// and a requirement asked twice (a question and its register check) is charged once.
pub fn compute(catalog: &Catalog, assessment: &Assessment, findings: &[Finding]) -> Score {
    let (possible, mut progress) = in_scope(assessment, catalog.items.iter(), SameRequirement::CountedOnce);
    let lost: Points = findings.iter().map(|f| f.cost).sum();
    let earned = possible - lost;
    let count = |s: Severity| findings.iter().filter(|f| f.severity == s && f.stands_alone()).count();
    let (majors, minors, observations) = (count(Severity::Major), count(Severity::Minor), count(Severity::Observation));
    let unknown = findings.iter().filter(|f| f.kind == FindingKind::Unanswered);
    let (not_yet_known, not_yet_known_within, majors_not_yet_known) =
        unknown.fold((0, 0, 0), |(own, within, majors), f| match f.stands_alone() {
            true => (own + 1, within, majors + usize::from(f.severity == Severity::Major)),
            false => (own, within + 1, majors),
        });
    // Every open question has its "not answered yet" finding unless the register shows it.
    progress.register_shows = (progress.unanswered() + progress.not_sure).saturating_sub(not_yet_known + not_yet_known_within);
    let percent = earned.percent_of(possible);
    let adding_up = minors_adding_up(catalog, findings);
    let minors_adding_up =
        findings.iter().filter(|f| f.severity == Severity::Minor && f.stands_alone() && group_of(f, catalog, &adding_up).is_some()).count();
    let verdict = Rule::deciding(majors, adding_up.len(), minors, observations, percent).verdict();
    let areas = catalog
        .areas
        .iter()
        .map(|area| {
            let (possible, progress) = in_scope(assessment, catalog.items_in(area.id), SameRequirement::CountedInItsArea);
            let lost: Points = findings.iter().filter(|f| f.area == area.id).map(Finding::area_cost).sum();
            AreaScore { area_id: area.id, percent: (possible - lost).percent_of(possible), progress }
        })
        .collect();
    Score {
        percent,
        earned,
        possible,
        verdict,
        progress,
        majors,
        minors,
        observations,
        not_yet_known,
        majors_not_yet_known,
        not_yet_known_within,
        minors_adding_up,
        adding_up,
        areas,
        renewals_due: findings.iter().filter(|f| f.renewal_due && f.stands_alone()).count(),
        majors_by_audit: findings.iter().filter(|f| f.major_by_audit && f.stands_alone()).count(),
    }
}

/// The questions a justified "not applicable" leaves out of the total, each with its reason:
/// "A 8.32 Change management (“We are small”)", said under "Why this score" (score-gaming probe
/// of stop 47: the total dropped two points, and nothing named what was left out or why).
pub fn left_out(catalog: &Catalog, assessment: &Assessment) -> Vec<String> {
    catalog
        .items
        .iter()
        .filter(|item| !item.is_derived() && left_out_of_scope(assessment.answer_for(item), item))
        .map(|item| {
            let reason = assessment.response(item.id).map_or("", |r| r.na_justification.trim());
            format!("{} {} (“{reason}”)", item.reference, item.title)
        })
        .collect()
}
