//! What the board reads about a finding. The explanations of the answer, claim and evidence
//! checks are written from the catalogue and dates alone, so the board reads them as they are;
//! the register and interview checks name people in theirs, so the board gets the check's lead
//! and how many problems there are, and is pointed to where they are listed.

use crate::domain::findings::{Finding, FindingKind};
use crate::domain::interview::readiness;
use crate::domain::wording::counted;

/// The finding's explanation without names, owners or notes, in words that fit its kind.
pub fn explanation(finding: &Finding) -> String {
    use FindingKind::*;
    let n = finding.details.len();
    let them = if n == 1 { "it" } else { "them" };
    match finding.kind {
        // Catalogue wording and dates only (see `findings`): nothing personal to withhold.
        Unanswered | ReasonMissing | NotExcludable | Gap | Partial | CheckboxGap | NotYetProduced | StaleEvidence | ExpiresBeforeAudit => {
            finding.explanation.clone()
        }
        RoleGap | AppointmentGap | RaciGap | SodConflict | CompetenceGap | ReportingLine => {
            let problems = format!("{} to fix; the roles register shows {them}.", counted(n, "problem", "problems"));
            let counted = finding.relation_note().map(|note| format!("{note} ")).unwrap_or_default();
            match finding.lead {
                Some(lead) => format!("{counted}{lead} {problems}"),
                // About the register as a whole (empty, or nobody current): no names in it.
                None => finding.explanation.clone(),
            }
        }
        InterviewGap => {
            format!("{} {} to work on; Interview preparation shows {them}.", readiness::LEAD, counted(n, "gap", "gaps"))
        }
    }
}
