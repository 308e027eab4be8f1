//! The remediation plan: every finding can get an owner, a due date and a status. Stored in the
//! assessment by finding id, so plans survive answers changing back and forth.

use chrono::{Days, NaiveDate};
use serde::{Deserialize, Serialize};

use super::catalog::Severity;
use super::findings::Finding;

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

/// A sensible default due date: majors a month before the audit, minors two weeks before,
/// observations a week before; without an audit date, 30/60/90 days from today.
pub fn default_due(severity: Severity, today: NaiveDate, audit_date: Option<NaiveDate>) -> NaiveDate {
    let (before_audit, from_today) = match severity {
        Severity::Major => (30, 30),
        Severity::Minor => (14, 60),
        Severity::Observation => (7, 90),
    };
    match audit_date {
        Some(audit) => audit
            .checked_sub_days(Days::new(before_audit))
            .filter(|due| *due > today)
            .unwrap_or(audit.max(today)),
        None => today.checked_add_days(Days::new(from_today)).unwrap_or(today),
    }
}

/// The plan line for a finding: what the user set, with the default due date filled in.
pub fn plan_for(finding: &Finding, stored: Option<&Remediation>, today: NaiveDate, audit_date: Option<NaiveDate>) -> Remediation {
    let mut plan = stored.cloned().unwrap_or_default();
    if plan.due.is_none() {
        plan.due = Some(default_due(finding.severity, today, audit_date));
    }
    plan
}
