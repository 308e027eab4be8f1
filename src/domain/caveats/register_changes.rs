//! The caveats drawn from the roles register's changes: "yes" answers whose evidence predates
//! the latest appointment, and register gaps that open soon while no upcoming audit date is set.

use chrono::{Days, NaiveDate};

use super::{Caveat, LOOKAHEAD_DAYS};
use crate::domain::assessment::{Answer, Assessment};
use crate::domain::catalog::{Cadence, Catalog};
use crate::domain::evidence::{evidence_described, newest_record};
use crate::domain::roles::checks::CHECKS;
use crate::domain::roles::Register;

/// The "yes" answers renewed when roles change whose newest record, dated by today, is older than
/// the latest appointment of someone working here today (see [`Caveat::PredatesRoleChange`]).
/// Undated records say nothing either way; an appointment dated ahead has not happened yet.
pub fn predates_role_change(catalog: &Catalog, assessment: &Assessment, today: NaiveDate) -> Option<Caveat> {
    let (latest, change) = latest_appointment(&assessment.register, today)?;
    let items: Vec<_> = catalog
        .items
        .iter()
        .filter(|item| item.cadence == Some(Cadence::OnRoleChange) && !item.is_derived())
        .filter(|item| assessment.answer_for(item) == Some(Answer::Yes))
        .filter_map(|item| {
            let response = assessment.response(item.id).filter(|r| evidence_described(r))?;
            let newest = newest_record(response, today).filter(|newest| *newest < latest)?;
            Some((item.id, item.title, newest))
        })
        .collect();
    (!items.is_empty()).then_some(Caveat::PredatesRoleChange { change, items })
}

/// The register's latest appointment made by today of someone working here today, in words that
/// name the role, not the person (caveats reach the board's report, which names nobody):
/// "the Information security manager (ISMS owner) on 2026-05-01".
fn latest_appointment(register: &Register, today: NaiveDate) -> Option<(NaiveDate, String)> {
    let (on, a) = register
        .current_assignments(today)
        .filter_map(|a| Some((a.appointed_on.filter(|on| *on <= today)?, a)))
        .max_by_key(|(on, _)| *on)?;
    Some((on, format!("the {} on {on}", a.role.label())))
}

/// The register gaps that open within [`LOOKAHEAD_DAYS`] (a holder leaving, a record lapsing), when
/// no upcoming audit date has the checks look at audit day already. An audit held today judges
/// the register as it is: nothing ahead matters to it. One already held names no next one (the
/// text says "upcoming": auditor probe, it read "no audit date set" beside a date entered).
pub fn register_changes_soon(assessment: &Assessment, today: NaiveDate) -> Option<Caveat> {
    if assessment.audit_date.is_some_and(|audit| audit >= today) {
        return None;
    }
    let by = today.checked_add_days(Days::new(LOOKAHEAD_DAYS))?;
    let register = &assessment.register;
    let (mut problems, mut following, mut checks, mut from) = (Vec::new(), 0, 0, None::<NaiveDate>);
    for check in CHECKS {
        let new = check.new_by(register, &(check.run)(register, today), by);
        checks += usize::from(!new.is_empty());
        let first = new.iter().filter_map(|p| p.date).filter(|on| *on > today).min();
        from = from.into_iter().chain(first).min();
        for problem in new {
            // Each check words its problem as on the day it runs: the day it opens says when
            // (founder pass: a record lapsing next month read "is past its renewal date").
            match (problem.raised_by, problem.date) {
                (Some(_), _) => following += 1,
                (None, Some(on)) if on > today => problems.push(format!("From {on}: {}", problem.text)),
                (None, _) => problems.push(problem.text),
            }
        }
    }
    (checks > 0).then_some(Caveat::RegisterChangesSoon { from, checks, problems, following })
}
