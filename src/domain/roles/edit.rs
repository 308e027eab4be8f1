//! The only ways the UI changes the register. Every helper keeps the register referentially
//! whole: no assignment, RASCI cell or competence record ever points at something missing.
//! Quality problems (a departed holder, a missing deputy) are allowed here and reported by the checks.

use std::fmt;

use super::model::{raci_key, Assignment, CompetenceRecord, Person, Raci, Register, RoleKind};
use super::responsibilities::{responsibility, RESPONSIBILITIES};

/// Why a change to the register was refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum RegisterError {
    /// The ID is empty.
    EmptyId,
    /// Something with this ID already exists.
    DuplicateId(String),
    UnknownPerson(String),
    UnknownAssignment(String),
    UnknownCompetence(String),
    UnknownResponsibility(String),
    /// An assignment says its holder reports to themselves.
    ReportsToSelf {
        assignment_id: String,
    },
    /// A person is named as their own line manager.
    PersonReportsToSelf(String),
    /// A person's leaving date would come before their start date.
    LeavesBeforeStarting {
        name: String,
        start: chrono::NaiveDate,
        leaving: chrono::NaiveDate,
    },
    /// The person is still referenced; `uses` names every reference.
    PersonInUse {
        person_id: String,
        name: String,
        uses: Vec<String>,
        /// The person already has a leaving date (so "mark them as having left" is done).
        leaving: bool,
    },
    /// A custom role named like a built-in one (it would look like that role but not count as it).
    BuiltInRoleName(String),
}

impl fmt::Display for RegisterError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegisterError::EmptyId => write!(f, "Every entry needs an ID."),
            RegisterError::DuplicateId(id) => write!(f, "The ID {id} is already used in the register."),
            RegisterError::UnknownPerson(id) => write!(f, "There is no person with the ID {id} in the register."),
            RegisterError::UnknownAssignment(id) => write!(f, "There is no role assignment with the ID {id}."),
            RegisterError::UnknownCompetence(id) => write!(f, "There is no competence record with the ID {id}."),
            RegisterError::UnknownResponsibility(code) => write!(f, "There is no RASCI row {code}."),
            RegisterError::ReportsToSelf { assignment_id } => {
                write!(f, "Assignment {assignment_id}: a role holder cannot report to themselves.")
            }
            RegisterError::PersonReportsToSelf(id) => write!(f, "Person {id}: nobody can be their own line manager."),
            RegisterError::LeavesBeforeStarting { name, start, leaving } => write!(
                f,
                "Not saved: {name} would leave on {leaving}, before starting on {start}. When both dates change, correct \
                 the one that makes room first."
            ),
            RegisterError::BuiltInRoleName(name) => {
                write!(f, "“{name}” is one of the built-in roles: pick it from the role list, so the checks count it as that role.")
            }
            // Founder passes: a person who had left was told to mark them as having left, and
            // "referenced" read like a programmer's word; what a leaver needs is successors.
            RegisterError::PersonInUse { name, uses, leaving: true, .. } => write!(
                f,
                "{name} has a leaving date but the register still names them: {}. Give those roles and duties to someone \
                 who stays; then {name} can be removed, or kept with the leaving date as a record of who held what. \
                 Removing them now deletes their roles and records as well.",
                uses.join("; ")
            ),
            // Founder pass: "cannot be removed" sat above a button that removed them.
            RegisterError::PersonInUse { name, uses, .. } => write!(
                f,
                "{name} is still named in the register: {}. Removing them deletes their roles and records as well; to \
                 keep the history, reassign those first, or mark the person as having left instead.",
                uses.join("; ")
            ),
        }
    }
}

impl std::error::Error for RegisterError {}

impl Register {
    fn id_in_use(&self, id: &str) -> bool {
        self.people.iter().any(|p| p.id == id) || self.assignments.iter().any(|a| a.id == id) || self.competence.iter().any(|c| c.id == id)
    }

    fn fresh_id(&self, id: &str) -> Result<(), RegisterError> {
        if id.trim().is_empty() {
            Err(RegisterError::EmptyId)
        } else if self.id_in_use(id) {
            Err(RegisterError::DuplicateId(id.to_string()))
        } else {
            Ok(())
        }
    }

    fn known_person(&self, id: &str) -> Result<(), RegisterError> {
        match self.person(id) {
            Some(_) => Ok(()),
            None => Err(RegisterError::UnknownPerson(id.to_string())),
        }
    }

    pub fn add_person(&mut self, person: Person) -> Result<(), RegisterError> {
        self.fresh_id(&person.id)?;
        self.people.push(person);
        Ok(())
    }

    /// Replaces the person with the same ID (name, title, dates, top-management flag, line
    /// manager: someone else in the register). A leaving date before the start date is refused.
    pub fn update_person(&mut self, person: Person) -> Result<(), RegisterError> {
        if let (Some(start), Some(leaving)) = (person.start_date, person.leaving_date) {
            if leaving < start {
                return Err(RegisterError::LeavesBeforeStarting { name: person.display_name().into_owned(), start, leaving });
            }
        }
        if let Some(manager) = person.reports_to.as_deref() {
            if manager == person.id {
                return Err(RegisterError::PersonReportsToSelf(person.id));
            }
            self.known_person(manager)?;
        }
        let slot = self.people.iter_mut().find(|p| p.id == person.id);
        let slot = slot.ok_or_else(|| RegisterError::UnknownPerson(person.id.clone()))?;
        *slot = person;
        Ok(())
    }

    /// Everything that still points at a person, described for the user.
    pub fn uses_of(&self, person_id: &str) -> Vec<String> {
        let mut uses: Vec<String> = self
            .people
            .iter()
            .filter(|p| p.reports_to.as_deref() == Some(person_id))
            .map(|p| format!("{} has them as line manager", p.display_name()))
            .collect();
        for a in &self.assignments {
            if a.person_id == person_id {
                uses.push(format!("holds the role {}", a.role.label()));
            }
            if a.reports_to.as_deref() == Some(person_id) {
                uses.push(format!("{} ({}) reports to them", self.name_of(&a.person_id), a.role.label()));
            }
            if a.backup.as_deref() == Some(person_id) {
                uses.push(format!("deputy for {} as {}", self.name_of(&a.person_id), a.role.label()));
            }
        }
        let records = self.competence.iter().filter(|c| c.person_id == person_id).count();
        if records > 0 {
            uses.push(crate::domain::wording::counted(records, "competence record", "competence records"));
        }
        uses
    }

    /// Removes a person nothing refers to; refuses, naming every reference, otherwise.
    pub fn remove_person(&mut self, person_id: &str) -> Result<Person, RegisterError> {
        self.known_person(person_id)?;
        let uses = self.uses_of(person_id);
        if !uses.is_empty() {
            let leaving = self.person(person_id).is_some_and(|p| p.leaving_date.is_some());
            return Err(RegisterError::PersonInUse { person_id: person_id.to_string(), name: self.name_of(person_id), uses, leaving });
        }
        let index = self.people.iter().position(|p| p.id == person_id).expect("checked above");
        Ok(self.people.remove(index))
    }

    /// Removes a person together with their assignments and competence records, and clears them
    /// as a reporting line or deputy wherever they appear.
    pub fn remove_person_and_references(&mut self, person_id: &str) -> Result<Person, RegisterError> {
        self.known_person(person_id)?;
        self.assignments.retain(|a| a.person_id != person_id);
        for a in &mut self.assignments {
            if a.reports_to.as_deref() == Some(person_id) {
                a.reports_to = None;
            }
            if a.backup.as_deref() == Some(person_id) {
                a.backup = None;
            }
        }
        for p in &mut self.people {
            if p.reports_to.as_deref() == Some(person_id) {
                p.reports_to = None;
            }
        }
        self.competence.retain(|c| c.person_id != person_id);
        self.remove_person(person_id)
    }

    fn check_assignment(&self, assignment: &Assignment) -> Result<(), RegisterError> {
        self.known_person(&assignment.person_id)?;
        for other in [&assignment.reports_to, &assignment.backup].into_iter().flatten() {
            self.known_person(other)?;
        }
        if assignment.reports_to.as_deref() == Some(assignment.person_id.as_str()) {
            return Err(RegisterError::ReportsToSelf { assignment_id: assignment.id.clone() });
        }
        Ok(())
    }

    /// Adds an assignment; its holder, reporting line and backup must be people in the register.
    pub fn add_assignment(&mut self, assignment: Assignment) -> Result<(), RegisterError> {
        self.fresh_id(&assignment.id)?;
        self.check_assignment(&assignment)?;
        self.assignments.push(assignment);
        Ok(())
    }

    /// Replaces the assignment with the same ID, with the same checks as adding.
    pub fn update_assignment(&mut self, assignment: Assignment) -> Result<(), RegisterError> {
        self.check_assignment(&assignment)?;
        match self.assignments.iter_mut().find(|a| a.id == assignment.id) {
            Some(slot) => {
                *slot = assignment;
                Ok(())
            }
            None => Err(RegisterError::UnknownAssignment(assignment.id)),
        }
    }

    /// Hands an assignment to another person. The appointment record, its date, the authority and
    /// an internal auditor's independent check were the previous holder's appointment, not the new
    /// holder's, so they are cleared (auditor probe: a new holder inherited the old signed letter
    /// and its date, and the register read as proven); a reporting line or deputy naming the new
    /// holder is cleared too. With `keep_record` (a line just added, whose record was typed for
    /// the holder still to be picked: founder pass) the record stays. Returns the assignment as it
    /// was (for an undo) and a note saying what was cleared, if anything was.
    pub fn hand_over(
        &mut self,
        assignment_id: &str,
        person_id: &str,
        keep_record: bool,
    ) -> Result<(Assignment, Option<String>), RegisterError> {
        let before = self.assignment(assignment_id).cloned().ok_or_else(|| RegisterError::UnknownAssignment(assignment_id.to_string()))?;
        if before.person_id == person_id {
            return Ok((before, None));
        }
        let was_them = |link: &Option<String>| link.as_deref() == Some(person_id);
        let (reports, deputy) = (was_them(&before.reports_to), was_them(&before.backup));
        let record = !keep_record
            && (!before.appointment_evidence.trim().is_empty()
                || before.appointed_on.is_some()
                || before.authority_granted
                || !before.independent_check.trim().is_empty());
        let kept = if record { Assignment::new(before.id.clone(), before.role.clone(), person_id) } else { before.clone() };
        let after = Assignment {
            person_id: person_id.to_string(),
            reports_to: before.reports_to.clone().filter(|_| !reports),
            backup: before.backup.clone().filter(|_| !deputy),
            ..kept
        };
        self.update_assignment(after)?;
        let mut notes = Vec::new();
        if record {
            let was = self.person(&before.person_id).map_or_else(|| before.person_id.clone(), |p| p.display_name().into_owned());
            let now = self.person(person_id).map_or_else(|| person_id.to_string(), |p| p.display_name().into_owned());
            notes.push(format!(
                "The appointment record, its date and the authority were {was}'s appointment, so they were cleared: record {now}'s own."
            ));
        }
        notes.extend(
            match (reports, deputy) {
                (true, true) => {
                    Some("“Reports to” and “Deputy” were cleared: a role holder cannot report to themselves or be their own deputy.")
                }
                (true, false) => Some("“Reports to” was cleared: a role holder cannot report to themselves."),
                (false, true) => Some("“Deputy” was cleared: a role holder cannot be their own deputy."),
                (false, false) => None,
            }
            .map(str::to_string),
        );
        Ok((before, (!notes.is_empty()).then(|| notes.join(" "))))
    }

    pub fn remove_assignment(&mut self, assignment_id: &str) -> Result<Assignment, RegisterError> {
        let index = self.assignments.iter().position(|a| a.id == assignment_id);
        let index = index.ok_or_else(|| RegisterError::UnknownAssignment(assignment_id.to_string()))?;
        Ok(self.assignments.remove(index))
    }

    /// Gives an assignment a custom role name. When no other assignment keeps the old name and
    /// the new name has no cells yet, the old name's RASCI cells move with it, so renaming never
    /// leaves cells behind under a column that no longer exists.
    pub fn rename_custom_role(&mut self, assignment_id: &str, name: String) -> Result<(), RegisterError> {
        let mut assignment =
            self.assignment(assignment_id).cloned().ok_or_else(|| RegisterError::UnknownAssignment(assignment_id.to_string()))?;
        if RoleKind::STANDARD.iter().any(|role| role.label().eq_ignore_ascii_case(name.trim())) {
            return Err(RegisterError::BuiltInRoleName(name.trim().to_string()));
        }
        let holder = assignment.person_id.clone();
        let old = std::mem::replace(&mut assignment.role, RoleKind::Custom(name));
        let new = assignment.role.clone();
        self.update_assignment(assignment)?;
        // The holder's competence records for the role follow it, unless they still hold the old
        // name through another assignment.
        if old.code() != new.code() && !self.holds(&holder, &old) {
            let for_old = |c: &CompetenceRecord| c.person_id == holder && c.role.as_ref().is_some_and(|r| r.code() == old.code());
            for record in self.competence.iter_mut().filter(|c| for_old(c)) {
                record.role = Some(new.clone());
            }
        }
        let old_in_use = self.assignments.iter().any(|a| a.role.code() == old.code());
        let new_has_cells = RESPONSIBILITIES.iter().any(|row| self.raci(row.code, &new).is_some());
        if old.code() == new.code() || old_in_use || new_has_cells {
            return Ok(());
        }
        for row in RESPONSIBILITIES {
            if let Some(letter) = self.raci(row.code, &old) {
                self.set_raci(row.code, &old, None)?;
                self.set_raci(row.code, &new, Some(letter))?;
            }
        }
        Ok(())
    }

    /// Sets one RASCI cell; `None` empties it.
    pub fn set_raci(&mut self, responsibility_code: &str, role: &RoleKind, value: Option<Raci>) -> Result<(), RegisterError> {
        if responsibility(responsibility_code).is_none() {
            return Err(RegisterError::UnknownResponsibility(responsibility_code.to_string()));
        }
        let key = raci_key(responsibility_code, role);
        match value {
            Some(letter) => {
                self.raci.insert(key, letter);
            }
            None => {
                self.raci.remove(&key);
            }
        }
        Ok(())
    }

    pub fn add_competence(&mut self, record: CompetenceRecord) -> Result<(), RegisterError> {
        self.fresh_id(&record.id)?;
        self.known_person(&record.person_id)?;
        self.competence.push(record);
        Ok(())
    }

    /// Replaces the competence record with the same ID.
    pub fn update_competence(&mut self, record: CompetenceRecord) -> Result<(), RegisterError> {
        self.known_person(&record.person_id)?;
        match self.competence.iter_mut().find(|c| c.id == record.id) {
            Some(slot) => {
                *slot = record;
                Ok(())
            }
            None => Err(RegisterError::UnknownCompetence(record.id)),
        }
    }

    pub fn remove_competence(&mut self, record_id: &str) -> Result<CompetenceRecord, RegisterError> {
        let index = self.competence.iter().position(|c| c.id == record_id);
        let index = index.ok_or_else(|| RegisterError::UnknownCompetence(record_id.to_string()))?;
        Ok(self.competence.remove(index))
    }
}
