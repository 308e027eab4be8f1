//! What a verdict rests on that the score cannot see, said next to it: "yes" answers with no
//! evidence recorded (the verdict then takes the user's word for them), and register gaps that
//! open soon while no upcoming audit date lets the checks judge the register as it will be.
//! Neither costs points: the first may be evidence kept elsewhere, the second may be fixed or
//! fall after the audit. Both would surprise a founder who read "Ready" and stopped there.

use chrono::{Days, NaiveDate};

use super::assessment::{Answer, Assessment};
use super::catalog::Catalog;
use super::roles::checks::CHECKS;
use super::wording::counted;

/// How far ahead the register is looked at when no upcoming audit date is set: a certification
/// audit is usually booked a few months before it is held.
pub const LOOKAHEAD_DAYS: u64 = 90;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Caveat {
    /// Answered "yes" with no evidence record that says what the evidence is.
    SelfDeclared { count: usize },
    /// Register problems found on `by` that are not open today, one sentence each.
    RegisterChangesSoon { by: NaiveDate, problems: Vec<String> },
}

impl Caveat {
    /// One sentence for the readiness panel and the dashboard.
    pub fn text(&self) -> String {
        match self {
            Caveat::SelfDeclared { count } => format!(
                "{} no evidence recorded, so the verdict takes your word for {}. An auditor asks to see it.",
                counted(*count, "“yes” answer has", "“yes” answers have"),
                if *count == 1 { "it" } else { "them" }
            ),
            Caveat::RegisterChangesSoon { by, problems } => format!(
                "With no audit date set, the register is judged as it is today; by {by}, {} would open. Enter the \
                 audit date to have them judged as they will be then.",
                counted(problems.len(), "register gap", "register gaps")
            ),
        }
    }

    /// The concrete problems behind the sentence, if it has any.
    pub fn details(&self) -> &[String] {
        match self {
            Caveat::SelfDeclared { .. } => &[],
            Caveat::RegisterChangesSoon { problems, .. } => problems,
        }
    }
}

/// Every caveat that applies to the assessment today, self-declared answers first.
pub fn caveats(catalog: &Catalog, assessment: &Assessment, today: NaiveDate) -> Vec<Caveat> {
    let mut out = Vec::new();
    let count = self_declared(catalog, assessment);
    if count > 0 {
        out.push(Caveat::SelfDeclared { count });
    }
    if let Some(changes) = register_changes_soon(assessment, today) {
        out.push(changes);
    }
    out
}

/// Questions answered "yes" whose every evidence record (if any) leaves "what" blank.
fn self_declared(catalog: &Catalog, assessment: &Assessment) -> usize {
    catalog
        .items
        .iter()
        .filter(|item| !item.is_derived() && assessment.answer_for(item) == Some(Answer::Yes))
        .filter(|item| assessment.response(item.id).map_or(true, |r| r.evidence.iter().all(|e| e.what.trim().is_empty())))
        .count()
}

/// The register gaps that open within [`LOOKAHEAD_DAYS`] (a holder leaving, a record lapsing), when
/// no upcoming audit date has the checks look at audit day already.
fn register_changes_soon(assessment: &Assessment, today: NaiveDate) -> Option<Caveat> {
    if assessment.audit_date.is_some_and(|audit| audit > today) {
        return None;
    }
    let by = today.checked_add_days(Days::new(LOOKAHEAD_DAYS))?;
    let register = &assessment.register;
    let mut problems = Vec::new();
    for check in CHECKS {
        let now: Vec<String> = (check.run)(register, today).into_iter().map(|p| p.text).collect();
        problems.extend((check.run)(register, by).into_iter().map(|p| p.text).filter(|text| !now.contains(text)));
    }
    (!problems.is_empty()).then_some(Caveat::RegisterChangesSoon { by, problems })
}
