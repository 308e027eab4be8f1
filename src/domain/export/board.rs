//! What the board reads about a finding. The explanations of the answer, claim and evidence
//! checks are written from the catalogue and dates alone, so the board reads them as they are;
//! the register and interview checks name people in theirs, so the board gets the check's lead
//! and how many problems there are, and is pointed to where they are listed. What the interview
//! rehearsals showed is withheld from the auditor's copy too.

use crate::domain::catalog::Severity;
use crate::domain::findings::{Finding, FindingKind};
use crate::domain::interview::readiness;
use crate::domain::wording::counted;

/// The finding's explanation without names, owners or notes, in words that fit its kind.
pub fn explanation(finding: &Finding) -> String {
    use FindingKind::*;
    let n = finding.details.len();
    let them = if n == 1 { "it" } else { "them" };
    match finding.kind {
        // Catalogue wording and dates only (see `findings`), but for a "yes" the rehearsals
        // contradict: nothing personal to withhold.
        Unanswered | ReasonMissing | NotExcludable | Gap | Partial | CheckboxGap | NotYetProduced | StaleEvidence | ExpiresBeforeAudit => {
            match rehearsals_withheld(finding) {
                // What it is part of stays said (auditor probe: the copy dropped "Part of …").
                Some(withheld) => format!("{}{withheld}", finding.relation_note().map(|note| format!("{note} ")).unwrap_or_default()),
                None => finding.explanation.clone(),
            }
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
        InterviewGap => rehearsals_withheld(finding).unwrap_or_default(),
    }
}

/// An explanation drawn from the interview rehearsals, without what anyone said at one: that is
/// coaching, not evidence, so neither the board nor the auditor gets it (interview pass: the
/// auditor's copy listed the questions the security manager could not answer). `None` for a
/// finding the rehearsals did not decide.
pub fn rehearsals_withheld(finding: &Finding) -> Option<String> {
    let n = finding.details.len();
    let them = if n == 1 { "it" } else { "them" };
    match finding.kind {
        _ if !finding.from_rehearsals => None,
        // Why it is a major is said without who or what (second auditor probe: the copies called
        // it a major and gave no reason).
        FindingKind::InterviewGap => {
            let major = if finding.severity == Severity::Major { format!(" {}", readiness::LEADER_CANNOT_SHOW) } else { String::new() };
            Some(format!("{} {} to work on; Interview preparation shows {them}.{major}", readiness::LEAD, counted(n, "gap", "gaps")))
        }
        // A "yes" on staff in general that a rehearsal contradicts (its details name who).
        _ => Some(format!(
            "Answered yes, but at the interview rehearsals {} went unanswered: an auditor who asks a sample of staff could \
             find the same. Interview preparation shows {them}.",
            counted(n, "question asked of anyone", "questions asked of anyone")
        )),
    }
}
