//! Exports: pure functions from a [`Report`] (gathered once from catalogue, assessment and
//! today) to text. Only the download itself touches the browser.
//!
//! Redaction happens here, before any format sees the data: a report built for a profile holds a
//! copy of the assessment with what that profile withholds already removed, so no renderer can
//! leak a note or a name by mistake. Findings and score are computed from the full assessment
//! first, so redaction never changes the verdict.
//!
//! A line of the gap list is in `gap`; the characters every export writes as a space are in
//! `hidden_chars`.

pub mod backup;
pub mod board;
pub mod csv;
mod details;
pub mod document;
pub mod envelope;
mod gap;
mod hidden_chars;
pub mod html;
pub mod ics;
pub mod ids;
pub mod import_checks;
pub mod import_file;
pub mod markdown;
pub mod oscal;
pub mod people;
mod profile;

use chrono::NaiveDate;

use super::assessment::{Answer, Assessment};
use super::catalog::{Catalog, Item};
use super::findings::{all_findings, Finding, FindingKind};
use super::remediation::{owner_is_suggested, plan_due_as, Remediation};
use super::score::{compute, Score};

pub use gap::{predicted_with, Gap};
pub use hidden_chars::hidden;
pub(crate) use hidden_chars::hidden_at;
pub use profile::{backup_filename, filename, filename_named, iso, Kind, Profile};

/// Everything an export shows, gathered once.
#[derive(Debug, Clone)]
pub struct Report<'a> {
    pub catalog: &'a Catalog,
    pub profile: Profile,
    pub today: NaiveDate,
    pub audit_date: Option<NaiveDate>,
    /// The assessment's name in the app (empty when not given).
    pub name: String,
    /// The assessment's id in its workspace (empty when not given). With the name, it tells the
    /// calendars of different assessments apart.
    pub id: String,
    /// The assessment, with what the profile withholds already removed.
    pub assessment: Assessment,
    /// Most expensive first (as the score explains them).
    pub findings: Vec<Finding>,
    pub score: Score,
    /// The plan line of each finding, index for index (default due dates filled in).
    pub plans: Vec<Remediation>,
    /// Per finding, index for index: whether its owner is only the app's suggestion (the line
    /// was never edited), which every format says (founder pass: the reports, the CSV and the
    /// calendar named suggested owners as if the work had been handed out).
    pub owner_suggested: Vec<bool>,
    /// What the verdict takes on trust or cannot see yet, as sentences that name nobody
    /// (worked out before any profile withholds the evidence or the register).
    pub caveats: Vec<String>,
    /// The "yes" answers the interview rehearsals do not bear out (`caveats::not_borne_out`),
    /// worked out before any profile withholds the rehearsals: OSCAL does not call them satisfied.
    pub not_borne_out: Vec<&'static str>,
    /// Whether most "yes" answers have no evidence recorded (`caveats::on_your_word`), worked
    /// out before any profile withholds the evidence: the verdict's label says so.
    pub on_your_word: bool,
    /// How many "yes" answers rest on renewed evidence recorded without a date (worked out before
    /// the board profile withholds what each record is: it read none).
    pub undated_yes: usize,
    /// Per finding, index for index: the requirement whose minors it adds up with to a likely
    /// major (`systemic::group_of`), as the plan tags it.
    pub adds_up: Vec<Option<&'static str>>,
    /// Per finding, index for index: whether top management is to close it (its item's usual
    /// owner, or a plan line given to someone the register counts in top management), worked out
    /// before the board's profile withholds the owners and the register.
    pub asked_of_top: Vec<bool>,
    /// When the file is made, in UTC, as the browser's clock reads it: a calendar's DTSTAMP
    /// (RFC 5545). Without it, the report's day at midnight UTC.
    pub made_at_utc: Option<chrono::NaiveDateTime>,
}

impl<'a> Report<'a> {
    /// The full (internal) report.
    pub fn new(catalog: &'a Catalog, assessment: &Assessment, today: NaiveDate) -> Report<'a> {
        let findings = all_findings(catalog, assessment, today);
        let score = compute(catalog, assessment, &findings);
        Report::scored(catalog, assessment, findings, score, today)
    }

    /// The full report from findings and score already worked out for this assessment and day
    /// (the app keeps them in memos, so the export view does not score again).
    pub fn scored(catalog: &'a Catalog, assessment: &Assessment, findings: Vec<Finding>, score: Score, today: NaiveDate) -> Report<'a> {
        use super::systemic::{group_of, urgency_in};
        let groups: Vec<_> = findings.iter().map(|f| group_of(f, catalog, &score.adding_up)).collect();
        let plans: Vec<Remediation> =
            findings.iter().zip(&groups).map(|(f, group)| plan_due_as(f, urgency_in(f, *group), assessment, today)).collect();
        // Each owner's text is looked up in the register once: most lines share a few owners.
        let register = &assessment.register;
        let mut seen: Vec<(&str, bool)> = Vec::new();
        let mut asked_of_top = Vec::with_capacity(findings.len());
        for (f, plan) in findings.iter().zip(&plans) {
            if f.item.owner == "top-management" {
                asked_of_top.push(true);
                continue;
            }
            let owner = plan.owner.as_str();
            let by_top = match seen.iter().find(|(known, _)| *known == owner) {
                Some((_, by_top)) => *by_top,
                None => {
                    let by_top =
                        super::owner_leaving::person_named(owner, register).is_some_and(|p| register.is_top_management(&p.id, today));
                    seen.push((owner, by_top));
                    by_top
                }
            };
            asked_of_top.push(by_top);
        }
        let owner_suggested = findings.iter().map(|f| owner_is_suggested(f, assessment)).collect();
        let adds_up = groups.iter().map(|group| group.map(|g| g.requirement)).collect();
        let (caveats, on_your_word) = super::caveats::caveats_and_word(catalog, assessment, today);
        let not_borne_out = super::caveats::not_borne_out(catalog, assessment, today);
        let caveats = caveats.iter().map(super::caveats::Caveat::text).collect();
        let undated_yes = super::evidence::undated_yes_count(catalog, assessment, today);
        Report {
            catalog,
            profile: Profile::Full,
            today,
            audit_date: assessment.audit_date,
            name: String::new(),
            id: String::new(),
            assessment: assessment.clone(),
            findings,
            score,
            plans,
            owner_suggested,
            caveats,
            not_borne_out,
            on_your_word,
            undated_yes,
            adds_up,
            asked_of_top,
            made_at_utc: None,
        }
    }

    /// The report titled with the assessment's name (reports on several assessments differ).
    pub fn named(mut self, name: &str) -> Report<'a> {
        self.name = name.trim().to_string();
        self
    }

    /// The name a heading shows: none for an assessment without one, or with the name it starts
    /// with, which tells a board nothing (founder pass of stop 47: "Audit readiness report: My
    /// assessment"). Files and calendar events keep the name as it is.
    pub fn heading_name(&self) -> Option<&str> {
        match self.name.as_str() {
            "" | crate::domain::workspace::DEFAULT_NAME => None,
            name => Some(name),
        }
    }

    /// The report as made at `at` (UTC).
    pub fn made_at(mut self, at: chrono::NaiveDateTime) -> Report<'a> {
        self.made_at_utc = Some(at);
        self
    }

    /// The report of the assessment with this id in its workspace.
    pub fn identified(mut self, id: &str) -> Report<'a> {
        self.id = id.to_string();
        self
    }

    /// The same report for a more restricted audience. Profiles only ever remove: asking for a
    /// more revealing profile than the report already has keeps the stricter one.
    pub fn redacted(mut self, profile: Profile) -> Report<'a> {
        self.profile = self.profile.max(profile);
        let board = self.profile == Profile::Board;
        if self.profile == Profile::Full {
            return self;
        }
        for response in self.assessment.responses.values_mut() {
            response.note.clear();
            if board {
                // Keep "has a justification" (it decides the score) but not the words.
                if !response.na_justification.trim().is_empty() {
                    response.na_justification = "withheld".into();
                }
                for record in &mut response.evidence {
                    record.owner.clear();
                    record.location.clear();
                    record.what.clear();
                }
            }
        }
        // Rehearsal ratings name people (by id) and how they did: coaching, for neither the board
        // nor the auditor (interview pass), and so are the explanations drawn from them.
        self.assessment.rehearsals.clear();
        if board {
            for plan in self.assessment.remediation.values_mut().chain(self.plans.iter_mut()) {
                plan.owner.clear();
            }
            self.assessment.register = Default::default();
            // Register and interview explanations name people ("X left on ..."): the board gets
            // them without the names.
            for finding in &mut self.findings {
                finding.explanation = board::explanation(finding);
            }
        } else {
            for finding in &mut self.findings {
                if finding.from_rehearsals {
                    finding.explanation = board::explanation(finding);
                }
            }
        }
        self
    }

    pub fn item(&self, id: &str) -> Option<&'a Item> {
        self.catalog.item(id)
    }

    pub fn area_title(&self, id: &str) -> &'a str {
        self.catalog.areas.iter().find(|a| a.id == id).map_or("", |a| a.title)
    }

    /// The plan's lines in the findings' order (as the score explains them).
    pub fn lines(&self) -> impl Iterator<Item = Gap<'_>> {
        let (today, register) = (self.today, &self.assessment.register);
        self.findings.iter().zip(&self.plans).zip(&self.owner_suggested).zip(&self.adds_up).zip(&self.asked_of_top).map(
            move |((((finding, plan), owner_suggested), adds_up), asked_of_top)| Gap {
                finding,
                plan,
                owner_suggested: *owner_suggested,
                adds_up: *adds_up,
                asked_of_top: *asked_of_top,
                today,
                register,
            },
        )
    }

    /// The gap list: predicted majors first, then minors, then observations; costliest first
    /// within each.
    pub fn gaps(&self) -> Vec<Gap<'_>> {
        let mut gaps: Vec<Gap> = self.lines().collect();
        gaps.sort_by(|a, b| b.finding.severity.cmp(&a.finding.severity).then(b.finding.cost.cmp(&a.finding.cost)));
        gaps
    }

    /// Why the verdict is what it is, most serious first.
    pub fn reasons(&self) -> Vec<String> {
        use super::score::{NOT_READY_BELOW, READY_FROM};
        use super::wording::counted;
        let s = &self.score;
        let mut out = Vec::new();
        // Those not confirmed are said (founder pass: "9 gaps would likely be raised as major
        // nonconformities" above a table of the answers so far with one).
        let open = s.majors_not_yet_known_words();
        match s.majors {
            0 => {}
            1 => out.push(format!("1 gap would likely be raised as a major nonconformity{open}, which means not ready.")),
            n => out.push(format!("{n} gaps would likely be raised as major nonconformities{open}; a single one means not ready.")),
        }
        out.extend(s.adding_up_text().map(|text| format!("{} A single major means not ready.", text)));
        if s.percent < NOT_READY_BELOW {
            out.push(format!("The score of {} % is under the {NOT_READY_BELOW} % needed for nearly ready.", s.percent));
        } else if s.percent < READY_FROM {
            out.push(format!("The score of {} % is under the {READY_FROM} % needed for ready.", s.percent));
        }
        if s.minors > 0 {
            let gaps = counted(
                s.minors,
                "gap would likely be raised as a minor nonconformity",
                "gaps would likely be raised as minor nonconformities",
            );
            out.push(format!("{gaps}."));
        }
        if s.observations > 0 {
            let gaps = counted(s.observations, "gap would likely be noted as an observation", "gaps would likely be noted as observations");
            out.push(format!("{gaps}."));
        }
        if s.not_yet_known > 0 && s.majors + s.minors > 0 {
            let questions = counted(s.not_yet_known, "finding counted above is a question", "findings counted above are questions");
            out.push(format!("{questions} not answered yet or answered “not sure”: open until answered, but not confirmed gaps."));
        }
        let count = |k: FindingKind| self.findings.iter().filter(|f| f.kind == k).count();
        let checkbox = count(FindingKind::CheckboxGap);
        if checkbox > 0 {
            let claims = counted(checkbox, "claim lacks", "claims lack");
            out.push(format!("{claims} the proof an auditor tests (checkbox gaps)."));
        }
        // Only "yes" answers are judged so (an expired record under "partly" is in the evidence
        // table, its answer a gap already), and audit day only while one is ahead (exports pass
        // and returning-user pass of stop 49).
        let (stale, lapsing) = (count(FindingKind::StaleEvidence), count(FindingKind::ExpiresBeforeAudit));
        if stale + lapsing > 0 {
            let answers = counted(stale + lapsing, "“yes” relies", "“yes” answers rely");
            let when = match lapsing {
                0 => "that is out of date",
                _ if stale == 0 => "that will be out of date on audit day",
                _ => "that is or will be out of date on audit day",
            };
            out.push(format!("{answers} on evidence {when}."));
        }
        let undated = self.undated_yes;
        if undated > 0 {
            let answers = counted(undated, "“yes” rests", "“yes” answers rest");
            out.push(format!(
                "{answers} on evidence recorded without a date, though it must be renewed, so whether it is still fresh is not checked."
            ));
        }
        let open = s.progress.unanswered();
        if open > 0 {
            // Those the roles register already shows met count as nothing missing: said apart, so
            // the count meets the report's own (founder pass: 97 here, 96 a few lines below).
            let mut with_finding: Vec<&str> = self.findings.iter().map(|f| f.item_id).collect();
            with_finding.sort_unstable();
            let shown_met = self
                .catalog
                .items
                .iter()
                .filter(|i| !i.is_derived() && self.assessment.answer_for(i).is_none() && with_finding.binary_search(&i.id).is_err())
                .count();
            let of = counted(s.progress.questions, "question", "questions");
            out.push(match (open.saturating_sub(shown_met), shown_met) {
                (1, 0) => format!("1 of {of} is not answered yet and counts as not in place."),
                (n, 0) => format!("{n} of {of} are not answered yet and count as not in place."),
                (0, 1) => format!("1 of {of} is not answered yet, and the roles register already shows it met."),
                (0, _) => format!("{open} of {of} are not answered yet, and the roles register already shows them met."),
                (n, met) => format!(
                    "{open} of {of} are not answered yet: {n} {} as not in place, and the roles register already shows {met} met.",
                    if n == 1 { "counts" } else { "count" }
                ),
            });
        }
        out
    }

    /// Items answered "not applicable" with a justification, in catalogue order (only the Annex A
    /// controls among them are excluded from the score; see [`Item::excludable`]).
    pub fn justified_not_applicable(&self) -> Vec<(&'a Item, &str)> {
        self.catalog
            .items
            .iter()
            .filter_map(|item| {
                let r = self.assessment.response(item.id)?;
                (r.effective_answer() == Some(Answer::NotApplicable)).then_some((item, r.na_justification.as_str()))
            })
            .collect()
    }

    /// What "not applicable" on `item` does to the score, in a few words: an Annex A control
    /// excluded, a requirement still counted as a gap (and why), or a proof with no event yet to
    /// show counted as met.
    pub fn not_applicable_effect(&self, item: &Item) -> String {
        match item.not_excludable_because() {
            None => "Excluded from the score".to_string(),
            Some(because) if self.findings.iter().any(|f| f.item_id == item.id) => format!("Still counted as a gap: {because}"),
            Some(_) => "Counted as met: nothing has happened yet to show, and the record that would show it is kept".to_string(),
        }
    }

    /// Days from today to the audit, when an audit date is set.
    pub fn days_to_audit(&self) -> Option<i64> {
        self.audit_date.map(|audit| (audit - self.today).num_days())
    }
}
