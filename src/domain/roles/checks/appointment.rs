//! REG-APPOINTMENT-EVIDENCE: every current assignment points at its appointment record (a signed
//! letter or a minutes reference) and says when it was made.

use chrono::NaiveDate;

use super::{holder, nobody_holds_a_role, Problem, RegisterCheck};
use crate::domain::findings::FindingKind;
use crate::domain::roles::model::Register;
use crate::domain::wording::no_written_record;

pub const CHECK: RegisterCheck = RegisterCheck {
    item_id: "REG-APPOINTMENT-EVIDENCE",
    kind: FindingKind::AppointmentGap,
    lead: "Some appointments cannot be proven.",
    remediation: "For each listed appointment, file a signed appointment letter or the minutes that record it, and \
                  enter the reference and the date in the register.",
    run: problems,
};

pub fn problems(register: &Register, today: NaiveDate) -> Vec<Problem> {
    if let Some(p) = nobody_holds_a_role(register, today) {
        return vec![p];
    }
    let mut out = Vec::new();
    // Top management holds its place, and the roles it takes on, by position (`by_position`).
    for a in register.assignments_of_current_people(today).filter(|a| !super::by_position(register, a, today)) {
        let no_record = no_written_record(&a.appointment_evidence);
        // A successor appointed from a later day while someone else holds the role today is a
        // handover planned, not an appointment that cannot be proven (auditor probe: the minor
        // could only be cleared by misdating the minutes). From that day it is judged as any other.
        let handover = || register.current_holders(&a.role, today).iter().any(|p| p.id != a.person_id);
        let text = match (no_record, a.appointed_on) {
            (true, None) => "has neither an appointment record nor an appointment date",
            (true, Some(_)) => "has no appointment record (signed letter or minutes reference)",
            (false, None) => "has no appointment date",
            (false, Some(on)) if on > today && !handover() => "is dated in the future",
            (false, Some(_)) => continue,
        };
        let text = format!("{} {text}.", holder(register, a));
        // Dated ahead, it leaves its role without a holder until then: when the register finds
        // the role short for that, this is part of that gap (auditor probe: one appointment
        // dated ahead was charged as a major and a minor).
        let vacancy = match a.appointed_on {
            Some(on) if on > today => super::assigned::vacancy_check(register, &a.role, today),
            _ => super::assigned::part_of_never_shown(register, a, today).then_some(super::assigned::CHECK.item_id),
        };
        out.push(match vacancy {
            Some(check) => Problem::raised_by(check, text),
            None => Problem::new(text),
        });
    }
    out
}
