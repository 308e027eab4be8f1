//! REG-CURRENT-HOLDERS: no role is still recorded for someone who has left (or not yet joined).
//! A departed holder is the failure auditors report most often on Clause 5.3. When the departure
//! leaves a role short of holders, the assignment checks raise that gap, and every stale record
//! of that person is part of it: one leaver not handed over.

use chrono::{Days, NaiveDate};

use super::{Problem, RegisterCheck};
use crate::domain::findings::FindingKind;
use crate::domain::roles::model::{Assignment, Register, RoleKind};

pub const CHECK: RegisterCheck = RegisterCheck {
    item_id: "REG-CURRENT-HOLDERS",
    kind: FindingKind::RoleGap,
    lead: "Roles are recorded for people who are not, or will not be, working here.",
    remediation: "Hand each listed role to a current employee, record the new appointment and close the old one, and \
                  make updating the register part of every leaver and role-change process.",
    run: problems,
};

pub fn problems(register: &Register, today: NaiveDate) -> Vec<Problem> {
    if register.assignments.is_empty() {
        return vec![Problem::register_wide("No roles are assigned in the register yet, so nobody can be shown to hold them today.")
            .part_of_the_vacancies()];
    }
    let stale: Vec<(&Assignment, Problem)> = register
        .assignments
        .iter()
        .filter_map(|a| {
            let role = a.role.label();
            let problem = match register.person(&a.person_id) {
                None => Some(Problem::new(format!("{role} is assigned to a person missing from the register ({}).", a.person_id))),
                Some(p) if p.has_left(today) && !p.leaving_date.is_some_and(|left| handed_over(register, a, left, today)) => {
                    let left = p.leaving_date?;
                    Some(Problem::dated(
                        format!("{} still holds the role {role} after their leaving date, {left}.", p.display_name()),
                        left,
                    ))
                }
                // A successor lined up while someone working here still holds the role is a
                // handover planned, not a gap (auditor probe: it read as a role held by someone
                // who would not be working here).
                Some(p) if p.not_started(today) && register.current_holders(&a.role, today).is_empty() => {
                    Some(Problem::new(format!("{} holds the role {role} but only starts on {}.", p.display_name(), p.start_date?)))
                }
                Some(_) => None,
            };
            problem.map(|p| (a, p))
        })
        .collect();
    // A role left short of holders is the assignment checks' gap, and the stale record part of
    // it; so are the person's other stale records (of the gravest gap they leave), one leaver not
    // handed over (auditor probe: a leaver's two vacant functions and a third role held beside a
    // colleague were two minors).
    let vacancies: Vec<Option<&'static str>> =
        stale.iter().map(|(a, _)| super::assigned::vacancy_check(register, &a.role, today)).collect();
    // The gravest vacancy a person's stale records leave: a required role's over another function's.
    let left_by = |person: &str| {
        let theirs = stale.iter().zip(&vacancies).filter(|((a, _), _)| a.person_id == person).filter_map(|(_, v)| *v);
        theirs.max_by_key(|check| *check == super::assigned::CHECK.item_id)
    };
    stale.iter().zip(&vacancies).map(|((a, p), own)| Problem { raised_by: own.or_else(|| left_by(&a.person_id)), ..p.clone() }).collect()
}

/// Whether someone took `leaver`'s role over: another person holds it on `today` by an
/// appointment dated after the leaver's own and no earlier than a month before they `left` (a
/// successor, not someone who held it beside them all along). The leaver's record is then the
/// role's history, not a role held by someone gone (auditor probe: a successor appointed from the
/// leaving day still read "holds the role after their leaving date", while deleting the leaver's
/// record early would have left the role empty until then).
///
/// A successor whose appointment has no date yet counts too: the appointment check asks for the
/// date, once (auditor probe: the same handover was two minors). Top management is taken over by
/// whoever is top management now, with or without an assignment of their own.
fn handed_over(register: &Register, leaver: &Assignment, left: NaiveDate, today: NaiveDate) -> bool {
    if leaver.role == RoleKind::TopManagement {
        return register.top_management(today).iter().any(|p| p.id != leaver.person_id);
    }
    let from = left.checked_sub_days(Days::new(31)).unwrap_or(left);
    register.current_assignments(today).any(|a| {
        a.role == leaver.role
            && a.person_id != leaver.person_id
            && a.appointed_on.map_or(true, |on| on >= from && leaver.appointed_on.map_or(true, |own| on > own))
    })
}
