//! REG-AUTHORITY: every current appointment comes with the authority to enforce, not only the duty.

use chrono::NaiveDate;

use super::{holder, nobody_holds_a_role, Problem, RegisterCheck};
use crate::domain::findings::FindingKind;
use crate::domain::roles::model::Register;
use crate::domain::wording::no_written_record;

pub const CHECK: RegisterCheck = RegisterCheck {
    item_id: "REG-AUTHORITY",
    kind: FindingKind::AppointmentGap,
    lead: "Some role holders carry the duty without the power to act on it.",
    remediation: "Have top management state in writing what each listed holder may decide and enforce (for example \
                  halt a release, withdraw access, escalate straight to the CEO), then tick authority granted.",
    run: problems,
};

pub fn problems(register: &Register, today: NaiveDate) -> Vec<Problem> {
    if let Some(p) = nobody_holds_a_role(register, today) {
        return vec![p];
    }
    register
        .current_assignments(today)
        // Top management's authority comes with its position (`by_position`).
        .filter(|a| !a.authority_granted && !super::by_position(register, a, today))
        .map(|a| {
            let text = format!("{} has not been granted authority to enforce.", holder(register, a));
            // With no written appointment either, one missing appointment letter is the gap:
            // the letter is where the authority would be given (second auditor probe: one
            // appointment with no paperwork read two minors).
            match (super::assigned::part_of_never_shown(register, a, today), no_written_record(&a.appointment_evidence)) {
                (true, _) => Problem::raised_by(super::assigned::CHECK.item_id, text),
                (false, true) => Problem::raised_by(super::appointment::CHECK.item_id, text),
                (false, false) => Problem::new(text),
            }
        })
        .collect()
}
