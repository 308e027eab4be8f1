//! How a finding's kind reads with its date, the same in the app and in every export:
//! "Stale evidence (expired 2026-05-01)", "Role gap (from 2027-01-05)".

use chrono::NaiveDate;

use super::findings::{Finding, FindingKind};

impl Finding {
    /// The kind with its flag and date; a register gap that a departure still to come opens
    /// reads "(from 2027-01-05)", or "(open now; more from 2027-01-05)" when it is open `today`
    /// as well, and one open since a past day "(since 2026-06-30)".
    pub fn kind_text(&self, today: NaiveDate) -> String {
        let kind = self.kind;
        let label = kind.label();
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
