//! The register checks. Each register item of the catalogue is backed by exactly one check here;
//! a check lists every concrete problem (names, roles, dates) and an empty list means the item
//! is met. `findings` turns a non-empty list into the item's one finding.

pub mod appointment;
pub mod assigned;
pub mod authority;
pub mod competence;
pub mod current;
pub mod deputies;
mod independence;
pub use independence::named_as_approver;
pub mod raci;
pub mod reporting;
pub mod sod;
mod twins;

pub use twins::shares_a_name;

use chrono::NaiveDate;

use super::model::{Assignment, Register};
use crate::domain::findings::FindingKind;

/// One concrete thing to fix, as a full sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Problem {
    pub text: String,
    /// The day something lapsed or ended, when the problem has one.
    pub date: Option<NaiveDate>,
    /// About the register as a whole (it is empty, or nobody in it works here), so the check's
    /// lead, which speaks of particular people or roles, does not apply.
    pub register_wide: bool,
    /// The register item whose check raises the same gap (this one only follows from it), so the
    /// gap is counted once, there.
    pub raised_by: Option<&'static str>,
    /// A record past its renewal date: lapsing only before an upcoming audit, it is a reminder to
    /// renew, as evidence lapsing then is, not a gap yet.
    pub renewal: bool,
}

impl Problem {
    pub fn new(text: impl Into<String>) -> Problem {
        Problem { text: text.into(), date: None, register_wide: false, raised_by: None, renewal: false }
    }

    pub fn dated(text: impl Into<String>, date: NaiveDate) -> Problem {
        Problem { date: Some(date), ..Problem::new(text) }
    }

    pub fn register_wide(text: impl Into<String>) -> Problem {
        Problem { register_wide: true, ..Problem::new(text) }
    }

    /// This problem follows from the roles nobody holds (REG-ROLES-ASSIGNED's gap).
    pub fn part_of_the_vacancies(self) -> Problem {
        Problem { raised_by: Some(assigned::CHECK.item_id), ..self }
    }

    /// A problem that follows from the gap another register item raises.
    pub fn raised_by(item_id: &'static str, text: impl Into<String>) -> Problem {
        Problem { raised_by: Some(item_id), ..Problem::new(text) }
    }
}

/// A check that derives one register item from the register.
pub struct RegisterCheck {
    /// The catalogue item it decides.
    pub item_id: &'static str,
    pub kind: FindingKind,
    /// Opens the finding's explanation; the problems follow.
    pub lead: &'static str,
    pub remediation: &'static str,
    pub run: fn(&Register, NaiveDate) -> Vec<Problem>,
}

impl RegisterCheck {
    /// The problems the check finds on `later` that are not among `now` (what it finds today):
    /// someone leaving, a record lapsing, a starter without a record by then.
    pub fn new_by(&self, register: &Register, now: &[Problem], later: NaiveDate) -> Vec<Problem> {
        (self.run)(register, later).into_iter().filter(|p| now.iter().all(|n| n.text != p.text)).collect()
    }
}

pub static CHECKS: &[RegisterCheck] = &[
    assigned::CHECK,
    assigned::FUNCTIONS_CHECK,
    current::CHECK,
    appointment::CHECK,
    authority::CHECK,
    deputies::CHECK,
    raci::CHECK,
    sod::CHECK,
    competence::CHECK,
    reporting::CHECK,
];

/// The check behind a register item.
pub fn check_for(item_id: &str) -> Option<&'static RegisterCheck> {
    CHECKS.iter().find(|c| c.item_id == item_id)
}

/// The problems the check behind `item_id` finds (`None` for an item without a check).
pub fn problems(item_id: &str, register: &Register, today: NaiveDate) -> Option<Vec<Problem>> {
    check_for(item_id).map(|check| (check.run)(register, today))
}

/// For checks about the people who hold roles: an empty register cannot pass them. It is the
/// gap REG-ROLES-ASSIGNED raises (no required role has a current holder), so it is part of it.
pub(crate) fn nobody_holds_a_role(register: &Register, today: NaiveDate) -> Option<Problem> {
    register.current_assignments(today).next().is_none().then(|| {
        Problem::register_wide("No role in the register is assigned to anyone who works here, so there is nothing to show an auditor yet.")
            .part_of_the_vacancies()
    })
}

/// Whether an assignment is held by position, not by appointment: top management's own place, or
/// any role top management takes on itself (a CEO who is also the security manager). Nobody above
/// appoints them, and their authority comes with the position, so neither an appointment record
/// nor an authority tick is asked of it (auditor probes: the CEO's own place, then a CEO holding
/// the ISMS roles of a ten-person startup, read as minors and a major).
pub(crate) fn by_position(register: &Register, a: &Assignment, day: NaiveDate) -> bool {
    a.role == super::RoleKind::TopManagement || register.is_top_management(&a.person_id, day)
}

/// "Name as Role", for problem sentences.
pub(crate) fn holder(register: &Register, a: &Assignment) -> String {
    format!("{} as {}", register.name_of(&a.person_id), a.role.label())
}
