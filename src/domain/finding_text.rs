//! How a finding's kind reads with its date, the same in the app and in every export:
//! "Stale evidence (expired 2026-05-01)", "Role gap (from 2027-01-05)".

use chrono::NaiveDate;

use super::findings::{Finding, FindingKind};

/// What a register check reads as while nobody holds a role it could look at: the requirement
/// cannot be shown, so it still costs its points, as part of the vacancy.
pub const NOT_SHOWN_YET: &str = "Cannot be shown yet";

impl Finding {
    /// The kind's label. A register check with nobody holding a role to look at is part of the
    /// vacancy and says it cannot be shown yet, not the gap it looks for (founder pass:
    /// an empty register's plan listed a "Duty conflict" and a "Role gap" for leavers).
    pub fn kind_label(&self) -> &'static str {
        match (self.nothing_to_check, self.kind, self.rests_on) {
            (true, ..) => NOT_SHOWN_YET,
            // A "yes" waiting for the question on its record (founder pass: "Not yet known" right
            // under "Yes, with evidence" read as the app not believing the answer).
            (false, FindingKind::Unanswered, Some(_)) => "Its record not answered yet",
            (false, kind, _) => kind.label(),
        }
    }

    /// The kind with its flag and date; a register gap that a departure still to come opens
    /// reads "(from 2027-01-05)", or "(open now; more from 2027-01-05)" when it is open `today`
    /// as well, and one open since a past day "(since 2026-06-30)".
    pub fn kind_text(&self, today: NaiveDate) -> String {
        let kind = self.kind;
        let label = self.kind_label();
        match (kind, self.date) {
            (FindingKind::NotYetProduced, Some(d)) => format!("{label} (dated {d})"),
            (FindingKind::StaleEvidence, Some(d)) => format!("{label} (expired {d})"),
            (FindingKind::ExpiresBeforeAudit, Some(d)) => format!("{label} (expires {d})"),
            (FindingKind::CheckboxGap, _) => format!("{label} (claimed, proof missing)"),
            (k, Some(d)) if k.is_register() && d > today && self.open_today => format!("{label} (open now; more from {d})"),
            (k, Some(d)) if k.is_register() && d > today => format!("{label} (from {d})"),
            (k, Some(d)) if k.is_register() => format!("{label} (since {d})"),
            _ => label.to_string(),
        }
    }
}
