//! Read-only questions about the register that the checks, the org chart and the UI share.

use chrono::NaiveDate;

use super::model::{raci_key, Assignment, Person, Raci, Register, RoleKind};

impl Register {
    pub fn person(&self, id: &str) -> Option<&Person> {
        self.people.iter().find(|p| p.id == id)
    }

    /// The person with this ID if they work here today.
    pub fn current_person(&self, id: &str, today: NaiveDate) -> Option<&Person> {
        self.person(id).filter(|p| p.is_current(today))
    }

    pub fn assignment(&self, id: &str) -> Option<&Assignment> {
        self.assignments.iter().find(|a| a.id == id)
    }

    /// The name to show for a person ID, also when the ID points nowhere.
    pub fn name_of(&self, person_id: &str) -> String {
        match self.person(person_id) {
            Some(person) => person.display_name().to_string(),
            None => format!("an unknown person ({person_id})"),
        }
    }

    /// Every assignment of a person, in register order.
    pub fn assignments_of<'a>(&'a self, person_id: &'a str) -> impl Iterator<Item = &'a Assignment> + 'a {
        self.assignments.iter().filter(move |a| a.person_id == person_id)
    }

    /// The distinct roles a person holds, in register order (custom names that differ only in
    /// capitals or spaces are one role, as everywhere: see [`RoleKind::code`]).
    pub fn roles_of(&self, person_id: &str) -> Vec<RoleKind> {
        self.roles_in_force(person_id, None)
    }

    /// [`Register::roles_of`] counting, with a day, only the appointments in force on it.
    fn roles_in_force(&self, person_id: &str, on: Option<NaiveDate>) -> Vec<RoleKind> {
        let mut roles: Vec<RoleKind> = Vec::new();
        for a in self.assignments_of(person_id).filter(|a| on.map_or(true, |day| a.in_force(day))) {
            if !roles.iter().any(|r| r.code() == a.role.code()) {
                roles.push(a.role.clone());
            }
        }
        roles
    }

    /// The roles a person holds, counting the top-management flag as the top-management role
    /// (first): what their cue card is about, a planned role included.
    pub fn held_roles(&self, person_id: &str) -> Vec<RoleKind> {
        self.held_roles_in_force(person_id, None)
    }

    /// [`Register::held_roles`] counting only the appointments in force on `day`: what their
    /// competence and their segregation of duties are about (an appointment dated later holds
    /// nothing yet: second auditor probe, a planned successor was asked for competence and
    /// counted in a duty conflict before taking the role).
    pub fn held_roles_on(&self, person_id: &str, day: NaiveDate) -> Vec<RoleKind> {
        self.held_roles_in_force(person_id, Some(day))
    }

    fn held_roles_in_force(&self, person_id: &str, on: Option<NaiveDate>) -> Vec<RoleKind> {
        let mut roles = self.roles_in_force(person_id, on);
        let flagged = self.person(person_id).is_some_and(|p| p.top_management);
        if flagged && !roles.contains(&RoleKind::TopManagement) {
            roles.insert(0, RoleKind::TopManagement);
        }
        roles
    }

    /// Whether the person holds `role` (by its code: a custom name however it is capitalised).
    pub fn holds(&self, person_id: &str, role: &RoleKind) -> bool {
        self.assignments_of(person_id).any(|a| a.role.code() == role.code())
    }

    /// [`Register::holds`] by an appointment in force on `day`.
    pub fn holds_on(&self, person_id: &str, role: &RoleKind, day: NaiveDate) -> bool {
        self.assignments_of(person_id).filter(|a| a.in_force(day)).any(|a| a.role.code() == role.code())
    }

    /// Assignments in force today (see [`Assignment::in_force`]) whose holder works here today.
    pub fn current_assignments(&self, today: NaiveDate) -> impl Iterator<Item = &Assignment> + '_ {
        self.assignments_of_current_people(today).filter(move |a| a.in_force(today))
    }

    /// Assignments whose holder works here today, whatever their appointment date says (the
    /// appointment check reports one dated ahead).
    pub fn assignments_of_current_people(&self, today: NaiveDate) -> impl Iterator<Item = &Assignment> + '_ {
        self.assignments.iter().filter(move |a| self.current_person(&a.person_id, today).is_some())
    }

    /// The distinct people who hold `role` and work here today, in register order: a custom role
    /// by its code (its name however it is capitalised), top management also by the person's flag.
    /// An appointment dated after `today` does not hold the role yet (auditor probe: two
    /// appointments dated ahead each counted as holding it, and excused each other); an undated
    /// one does (the appointment check asks for its date).
    pub fn current_holders(&self, role: &RoleKind, today: NaiveDate) -> Vec<&Person> {
        if *role == RoleKind::TopManagement {
            return self.top_management(today);
        }
        let code = role.code();
        let mut holders: Vec<&Person> = Vec::new();
        for a in self.assignments.iter().filter(|a| a.role.code() == code && a.in_force(today)) {
            if let Some(person) = self.current_person(&a.person_id, today) {
                if !holders.iter().any(|h| h.id == person.id) {
                    holders.push(person);
                }
            }
        }
        holders
    }

    /// Top management today: a current person flagged as top management or holding the
    /// top-management role.
    pub fn is_top_management(&self, person_id: &str, today: NaiveDate) -> bool {
        self.current_person(person_id, today).is_some_and(|p| p.top_management || self.holds_on(person_id, &RoleKind::TopManagement, today))
    }

    /// The current top-management people, in register order.
    pub fn top_management(&self, today: NaiveDate) -> Vec<&Person> {
        self.people.iter().filter(|p| self.is_top_management(&p.id, today)).collect()
    }

    /// One RASCI cell.
    pub fn raci(&self, responsibility: &str, role: &RoleKind) -> Option<Raci> {
        self.raci.get(&raci_key(responsibility, role)).copied()
    }

    /// The role codes holding `letter` on a RASCI row, in code order.
    pub fn raci_roles(&self, responsibility: &str, letter: Raci) -> Vec<String> {
        self.raci
            .iter()
            .filter(|(_, v)| **v == letter)
            .filter_map(|(key, _)| key.split_once('|'))
            .filter(|(row, _)| *row == responsibility)
            .map(|(_, role)| role.to_string())
            .collect()
    }

    /// The RASCI columns: the built-in roles, then the custom roles in use, in register order.
    pub fn raci_columns(&self) -> Vec<RoleKind> {
        let mut columns: Vec<RoleKind> = RoleKind::STANDARD.to_vec();
        for a in &self.assignments {
            if !columns.iter().any(|c| c.code() == a.role.code()) {
                columns.push(a.role.clone());
            }
        }
        columns
    }

    /// The label for a role code: the built-in label, a custom role in use, or the code itself.
    pub fn role_label(&self, code: &str) -> String {
        // A custom role nobody holds any more by its name, not its code (auditor probe).
        let gone = || code.strip_prefix("custom-").map_or_else(|| code.to_string(), |name| format!("the custom role “{name}”"));
        self.raci_columns().into_iter().find(|r| r.code() == code).map_or_else(gone, |r| r.label().to_string())
    }

    /// A fresh ID with this prefix ("p", "a", "c"): one more than the largest number in use.
    pub fn next_id(&self, prefix: &str) -> String {
        let ids = self
            .people
            .iter()
            .map(|p| p.id.as_str())
            .chain(self.assignments.iter().map(|a| a.id.as_str()))
            .chain(self.competence.iter().map(|c| c.id.as_str()));
        let max = ids.filter_map(|id| id.strip_prefix(prefix)).filter_map(|n| n.parse::<u64>().ok()).max().unwrap_or(0);
        format!("{prefix}{}", max + 1)
    }
}
