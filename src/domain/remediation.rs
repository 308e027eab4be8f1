//! The remediation plan: every finding can get an owner, a due date and a status. Stored in the
//! assessment by finding id; a line follows its item when the finding changes kind (a gap that
//! becomes a partial is still the same piece of work), open again if it was done.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::catalog::{Item, Severity};
use super::evidence::after_upcoming_audit;
use super::findings::{Finding, FindingKind};
use super::roles::{Person, Register, RoleKind};
use super::wording::counted;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Status {
    #[default]
    Open,
    InProgress,
    Done,
}

impl Status {
    pub const ALL: [Status; 3] = [Status::Open, Status::InProgress, Status::Done];

    pub fn label(self) -> &'static str {
        match self {
            Status::Open => "Open",
            Status::InProgress => "In progress",
            Status::Done => "Done",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Status::Open => "open",
            Status::InProgress => "in_progress",
            Status::Done => "done",
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Remediation {
    pub owner: String,
    #[serde(with = "super::dates::optional")]
    pub due: Option<NaiveDate>,
    pub status: Status,
}

/// What to say next to a plan line's due date: a line not done whose date has passed is overdue;
/// a date after an upcoming audit is too late for it. An audit already held judges no date.
pub fn due_warning(plan: &Remediation, today: NaiveDate, audit_date: Option<NaiveDate>) -> Option<DueWarning> {
    let due = plan.due?;
    if plan.status != Status::Done && due < today {
        Some(DueWarning::Overdue)
    } else if after_upcoming_audit(due, today, audit_date) {
        Some(DueWarning::AfterTheAudit)
    } else {
        None
    }
}

/// What the plan's row says beside its date: "Overdue by 12 days" (year-later pass: "Overdue"
/// alone, on a line due 250 days ago), or "After the audit day".
pub fn due_hint(plan: &Remediation, today: NaiveDate, audit_date: Option<NaiveDate>) -> Option<String> {
    match (due_warning(plan, today, audit_date)?, plan.due) {
        (DueWarning::Overdue, Some(due)) => {
            let days = (today - due).num_days().unsigned_abs() as usize;
            Some(format!("Overdue by {}", super::wording::counted(days, "day", "days")))
        }
        (warning, _) => Some(warning.label().to_string()),
    }
}

/// What is wrong with a plan line's due date (see [`due_warning`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DueWarning {
    Overdue,
    AfterTheAudit,
}

impl DueWarning {
    /// As the plan's row, the CSV and the calendar say it.
    pub fn label(self) -> &'static str {
        match self {
            DueWarning::Overdue => "Overdue",
            DueWarning::AfterTheAudit => "After the audit day",
        }
    }
}

/// Days before the audit, quarters of the time left when the audit is close, and days from
/// today without an audit date, by severity (see [`default_due`]).
fn lead_times(severity: Severity) -> (u64, u64, u64) {
    match severity {
        Severity::Major => (30, 3, 30),
        Severity::Minor => (14, 2, 60),
        Severity::Observation => (7, 1, 90),
    }
}

/// What the plan's suggested due dates count from, in a sentence: the audit ahead, or today
/// when no upcoming audit date is set (the lead times of [`default_due`]).
pub fn due_dates_explained(today: NaiveDate, audit_date: Option<NaiveDate>) -> String {
    let [major, minor, observation] = [Severity::Major, Severity::Minor, Severity::Observation].map(lead_times);
    match audit_date.filter(|audit| *audit > today) {
        Some(audit) => {
            // The days each is due before the audit, as the dates are worked out; an audit too
            // close for the usual lead times shares out the days left (interview pass: "sooner
            // when the audit is close" beside dates that moved closer to the audit).
            let [a, b, c] = [Severity::Major, Severity::Minor, Severity::Observation]
                .map(|severity| (audit - default_due(severity, today, Some(audit))).num_days());
            // Founder pass: "each gets a share of them" meant nothing; the usual lead times are named.
            let close = match (a, b, c) == (major.0 as i64, minor.0 as i64, observation.0 as i64) {
                true => String::new(),
                false => format!(
                    ". The usual {}, {} and {} days before it do not fit in the {} left, so they are shortened, majors first",
                    major.0,
                    minor.0,
                    observation.0,
                    counted((audit - today).num_days() as usize, "day", "days")
                ),
            };
            // Each said in days before the audit, or the audit day itself (returning-user pass of
            // stop 49: "fall before the audit: … observations 0" with the audit two days away).
            let before = |days: i64| match days {
                0 => "on the audit day".to_string(),
                1 => "1 day before it".to_string(),
                n => format!("{n} days before it"),
            };
            format!(
                "Suggested due dates count back from the audit on {audit}: majors {}, minors {}, observations {}{close} (minors \
                 that add up to a likely major are due as majors).",
                before(a),
                before(b),
                before(c)
            )
        }
        // As `default_due`: the audit is today or past, so everything is due now (auditor probe:
        // "no upcoming audit date is set" beside dates of today, with the audit set for today).
        None if audit_date.is_some() => {
            "The audit date is today or already past, so every suggested due date is today. Set the date of the next audit \
             on the dashboard to plan back from it."
                .to_string()
        }
        None => format!(
            "No upcoming audit date is set, so suggested due dates count from today: majors in {} days, minors in {}, \
             observations in {} (minors that add up to a likely major are due as majors). Set the audit date on the \
             dashboard to plan back from it.",
            major.2, minor.2, observation.2
        ),
    }
}

/// A sensible default due date: majors a month before the audit, minors two weeks before,
/// observations a week before; without an audit date, 30/60/90 days from today. When the audit
/// is too close for a lead time, it shrinks to three quarters (majors), half (minors) or a
/// quarter (observations) of the days left, so the most serious work still comes first.
pub fn default_due(severity: Severity, today: NaiveDate, audit_date: Option<NaiveDate>) -> NaiveDate {
    let (before_audit, quarters_of_time_left, from_today) = lead_times(severity);
    match audit_date {
        Some(audit) if audit > today => {
            let left = (audit - today).num_days().unsigned_abs();
            audit.checked_sub_days(Days::new(before_audit.min(left * quarters_of_time_left / 4))).unwrap_or(audit)
        }
        // The audit is today or already past: the work is due now.
        Some(_) => today,
        None => today.checked_add_days(Days::new(from_today)).unwrap_or(today),
    }
}

/// The plan line for a finding: what the user set, with the default due date filled in. A
/// finding nobody has planned yet also gets its suggested owner (see [`suggested_owner`]); once
/// any field of the line is edited, the line is stored and its owner is the user's. The
/// suggested due date is that of `urgency`: the finding's severity, or a major for a minor that
/// adds up with others to a likely major (`systemic::urgency`). There is deliberately no
/// variant without `urgency`: every caller must decide it.
pub fn plan_due_as(finding: &Finding, urgency: Severity, assessment: &Assessment, today: NaiveDate) -> Remediation {
    let mut default = default_due(urgency, today, assessment.audit_date);
    // Evidence that will lapse before the audit is renewed before it lapses, and a role holder
    // who leaves before it is replaced before they go, not after.
    let lapses = finding.kind == FindingKind::ExpiresBeforeAudit || finding.kind.is_register();
    let ahead = finding.next_date.or(finding.date).filter(|on| *on > today);
    if let (true, Some(on)) = (lapses, ahead) {
        default = default.min(on.pred_opt().unwrap_or(on)).max(today);
    }
    // A recurring activity running late today is due by the last day to hold it before it is a
    // cycle missed, a major (returning-user pass of stop 49: the line was due two weeks before the
    // audit, ten months after that day; the auditor probe after it: the same answered "partly",
    // and with no audit date set).
    let response = assessment.response(finding.item.id);
    if let Some(by) = response.and_then(|r| super::evidence::late_hold_by(finding.item, r, today)) {
        default = default.min(by);
    }
    // A register gap a departure opens is not handed to the one leaving: the owner stays past it.
    let stays_until = match finding.kind.is_register() {
        true => ahead.map_or(default, |on| on.max(default)),
        false => default,
    };
    let mut plan = match stored_line(finding, assessment) {
        Some((key, stored)) => carried(finding, key, stored),
        None => Remediation {
            owner: suggested_owner(finding.item, &assessment.register, today, stays_until).unwrap_or_default(),
            ..Remediation::default()
        },
    };
    plan.due.get_or_insert(default);
    plan
}

/// Whether a stored plan line's key (a finding id, "kind:item") belongs to `item_id`.
pub(crate) fn line_is_for(key: &str, item_id: &str) -> bool {
    key.split_once(':').is_some_and(|(_, item)| item == item_id)
}

/// The stored line of a finding, with its key: the finding's own, or else the line its item
/// got as another kind of finding.
fn stored_line<'a>(finding: &Finding, assessment: &'a Assessment) -> Option<(&'a String, &'a Remediation)> {
    assessment
        .remediation
        .get_key_value(&finding.id)
        .or_else(|| assessment.remediation.iter().find(|(key, _)| line_is_for(key, finding.item_id)))
}

/// A stored line as it applies to this finding. A line finished for another kind of finding on
/// the same item (a gap fixed, and now its evidence is stale) was about other work: it keeps
/// its owner but is open again, with the default due date.
fn carried(finding: &Finding, key: &str, stored: &Remediation) -> Remediation {
    let mut line = stored.clone();
    if key != finding.id && line.status == Status::Done {
        line.status = Status::Open;
        line.due = None;
    }
    line
}

/// How many of the open findings' plan lines are marked done, and how many in progress, as the
/// lines show their status (founder pass: nothing among 103 lines said how far the plan had got).
pub fn tally(findings: &[Finding], assessment: &Assessment) -> (usize, usize) {
    let statuses = findings.iter().filter_map(|f| stored_line(f, assessment).map(|(key, stored)| carried(f, key, stored).status));
    statuses.fold((0, 0), |(done, busy), status| match status {
        Status::Done => (done + 1, busy),
        Status::InProgress => (done, busy + 1),
        Status::Open => (done, busy),
    })
}

/// Whether the owner of a finding's plan line is only a suggestion: the line was never edited.
pub fn owner_is_suggested(finding: &Finding, assessment: &Assessment) -> bool {
    stored_line(finding, assessment).is_none()
}

/// Edits a finding's plan line and stores it under the finding's id. A line edited for the
/// first time keeps the suggested owner it showed, while its due date keeps following the audit
/// date until it is set here (`urgency` as in [`plan_due_as`]).
pub fn edit_plan_due_as(
    finding: &Finding,
    urgency: Severity,
    assessment: &mut Assessment,
    today: NaiveDate,
    change: impl FnOnce(&mut Remediation),
) {
    let mut line = match stored_line(finding, assessment) {
        Some((key, stored)) => {
            let (key, line) = (key.clone(), carried(finding, key, stored));
            assessment.remediation.remove(&key);
            line
        }
        None => Remediation { due: None, ..plan_due_as(finding, urgency, assessment, today) },
    };
    change(&mut line);
    assessment.remediation.insert(finding.id.clone(), line);
}

/// The owner the plan suggests for an item's gaps: someone named in the register who works here
/// today, is still here after `due` (the line's due date, or the departure that opens a register
/// gap) and holds the role that usually fixes the item;
/// failing that the ISMS owner, then top management. `None` when the register names none of them.
pub fn suggested_owner(item: &Item, register: &Register, today: NaiveDate, due: NaiveDate) -> Option<String> {
    let stays = |p: &&Person| p.leaving_date.map_or(true, |left| left > due);
    let named =
        |people: Vec<&Person>| people.into_iter().filter(stays).find(|p| !p.name.trim().is_empty()).map(|p| p.display_name().into_owned());
    RoleKind::from_code(item.owner)
        .into_iter()
        .chain([RoleKind::SecurityManager, RoleKind::TopManagement])
        .find_map(|role| named(register.current_holders(&role, today)))
}
