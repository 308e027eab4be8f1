//! What a finding is: its kind (what went wrong), and the stable code and label each has.

use serde::Serialize;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum FindingKind {
    /// No answer yet, or "not sure".
    Unanswered,
    /// "Not applicable" on an Annex A item without the justification that would exclude it.
    ReasonMissing,
    /// The requirement is not met (answered no).
    Gap,
    /// "Not applicable" on a requirement that cannot be excluded (a clause, or A 5.2-5.4): not met.
    NotExcludable,
    /// The requirement is only partly met.
    Partial,
    /// A claim answered yes whose proof, the thing an auditor actually tests, is missing.
    CheckboxGap,
    /// Answered yes, but every evidence record is dated after today, or says it is not done yet:
    /// not produced yet.
    NotYetProduced,
    /// The evidence is older than the item's renewal cadence.
    StaleEvidence,
    /// The evidence is valid today but will be stale on audit day.
    ExpiresBeforeAudit,
    /// Register: a required role has no current holder, a holder has left, or cover is missing.
    RoleGap,
    /// Register: an appointment lacks its record, its date or the authority to act.
    AppointmentGap,
    /// Register: a RASCI row has no accountable role, more than one, or one the standard does not
    /// give that decision to.
    RaciGap,
    /// Register: one person holds duties that should be segregated (A 5.3).
    SodConflict,
    /// Register: a role holder's competence is unrecorded or has lapsed.
    CompetenceGap,
    /// Register: the ISMS performance reporter has no line to top management.
    ReportingLine,
    /// Interviews: a key role holder has not rehearsed, is unsure, or rehearsed too long ago.
    InterviewGap,
}

impl FindingKind {
    pub fn label(self) -> &'static str {
        match self {
            FindingKind::Unanswered => "Not yet known",
            FindingKind::ReasonMissing => "Reason missing",
            FindingKind::Gap => "Gap",
            FindingKind::NotExcludable => "N/A not accepted",
            FindingKind::Partial => "Partly met",
            FindingKind::CheckboxGap => "Checkbox gap",
            FindingKind::NotYetProduced => "Not produced yet",
            FindingKind::StaleEvidence => "Stale evidence",
            FindingKind::ExpiresBeforeAudit => "Expires before audit",
            FindingKind::RoleGap => "Role gap",
            FindingKind::AppointmentGap => "Appointment gap",
            FindingKind::RaciGap => "Unclear accountability",
            FindingKind::SodConflict => "Duty conflict",
            FindingKind::CompetenceGap => "Competence gap",
            FindingKind::ReportingLine => "No reporting line",
            FindingKind::InterviewGap => "Not interview-ready",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            FindingKind::Unanswered => "unanswered",
            FindingKind::ReasonMissing => "reason-missing",
            FindingKind::Gap => "gap",
            FindingKind::NotExcludable => "na-not-accepted",
            FindingKind::Partial => "partial",
            FindingKind::CheckboxGap => "checkbox-gap",
            FindingKind::NotYetProduced => "not-yet-produced",
            FindingKind::StaleEvidence => "stale-evidence",
            FindingKind::ExpiresBeforeAudit => "expires-before-audit",
            FindingKind::RoleGap => "role-gap",
            FindingKind::AppointmentGap => "appointment-gap",
            FindingKind::RaciGap => "raci-gap",
            FindingKind::SodConflict => "sod-conflict",
            FindingKind::CompetenceGap => "competence-gap",
            FindingKind::ReportingLine => "reporting-line",
            FindingKind::InterviewGap => "interview-gap",
        }
    }

    /// True for the kinds only register checks produce.
    pub fn is_register(self) -> bool {
        matches!(
            self,
            FindingKind::RoleGap
                | FindingKind::AppointmentGap
                | FindingKind::RaciGap
                | FindingKind::SodConflict
                | FindingKind::CompetenceGap
                | FindingKind::ReportingLine
        )
    }
}
