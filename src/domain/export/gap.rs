//! One line of the gap list: a finding with its plan, and how the reports word its kind, due
//! date, owner, prediction and status.

use chrono::NaiveDate;

use super::iso;
use crate::domain::findings::Finding;
use crate::domain::owner_leaving::owner_cell;
use crate::domain::remediation::{due_hint, Remediation, Status};
use crate::domain::roles::Register;

/// One line of the gap list: a finding (with its catalogue item) and its plan.
#[derive(Debug, Clone, Copy)]
pub struct Gap<'r> {
    pub finding: &'r Finding,
    pub plan: &'r Remediation,
    /// Whether the plan's owner is only the app's suggestion.
    pub owner_suggested: bool,
    /// The requirement whose minors this one adds up with to a likely major.
    pub adds_up: Option<&'static str>,
    /// Whether top management is to close it (see [`Report::asked_of_top`](super::Report::asked_of_top)).
    pub asked_of_top: bool,
    /// The report's day: a register gap dated after it is one a departure still to come opens.
    pub today: NaiveDate,
    /// The roles register, which says whether the owner is still there when the line is due.
    pub register: &'r Register,
}

impl Gap<'_> {
    pub fn title(&self) -> &str {
        self.finding.item.title
    }

    /// The kind with its flag and date (`Finding::kind_text`).
    pub fn kind_text(&self) -> String {
        self.finding.kind_text(self.today)
    }

    /// The due date, and what the plan's row says of it: "2026-12-01 · Overdue by 5 days" (CEO
    /// pass: the reports showed the date alone, a line due after the audit looking on track).
    pub fn due_text(&self, audit_date: Option<NaiveDate>) -> String {
        let date = self.plan.due.map(iso).unwrap_or_default();
        match due_hint(self.plan, self.today, audit_date) {
            Some(hint) => format!("{date} · {hint}"),
            None => date,
        }
    }

    /// The owner as the reports show it: "Sam Rivera (suggested)" until the line is edited, and
    /// "Dev (Dev Patel left on …)" when the register has them gone by the due date; empty when
    /// there is none.
    pub fn owner_text(&self) -> String {
        let owner = match self.plan.due {
            Some(due) => owner_cell(&self.plan.owner, self.register, self.today, due, "before it is due"),
            None => self.plan.owner.trim().to_string(),
        };
        match (owner.as_str(), self.owner_suggested) {
            ("", _) => String::new(),
            (owner, true) => format!("{owner} (suggested)"),
            (owner, false) => owner.to_string(),
        }
    }

    /// The finding predicted, and the major it is likely part of when its minors add up
    /// (auditor probe: every row of a group adding up read "Minor nonconformity", due as a major
    /// with no word why).
    pub fn predicted_text(&self) -> String {
        predicted_with(self.finding, self.adds_up)
    }

    /// The plan's status. Every gap is an open finding, so a line marked done says that it is still
    /// open (auditor probe: an open major read "Done" to the board).
    pub fn status_text(&self) -> &'static str {
        match self.plan.status {
            Status::Done => "Marked done, still open",
            status => status.label(),
        }
    }

    /// [`Gap::status_text`] as a code (CSV).
    pub fn status_code(&self) -> &'static str {
        match self.plan.status {
            Status::Done => "done_still_open",
            status => status.code(),
        }
    }
}

/// A finding's prediction with the requirement its minors add up under, if they do.
pub fn predicted_with(finding: &Finding, adds_up: Option<&str>) -> String {
    match adds_up {
        Some(requirement) => format!("{}, adding up with others under {requirement} to a likely major", finding.predicted_text()),
        None => finding.predicted_text(),
    }
}
