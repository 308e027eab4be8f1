//! The roles and accountability register (Clause 5.1–5.3, A 5.2–5.4): people, role assignments,
//! the RASCI matrix, competence records and the org chart, with the register checks that feed the
//! readiness score at the top. Every change goes through the register's own edit helpers.
//!
//! Rows are keyed by the register IDs and read their fields from per-list memos, so typing in one
//! field neither re-renders the rows nor disturbs the caret.

mod assignments;
mod checks;
mod competence;
mod fields;
mod org_chart;
mod org_layout;
mod people;
mod raci;
mod removal;

use chrono::NaiveDate;
use leptos::prelude::*;
use std::collections::BTreeMap;

use super::state::AppState;
use crate::domain::roles::{Assignment, CompetenceRecord, Person, Raci, Register, RegisterError, RoleKind};
use crate::domain::Assessment;

use assignments::AssignmentsSection;
use checks::RegisterChecks;
use competence::CompetenceSection;
use org_chart::OrgChartSection;
use people::PeopleSection;
use raci::RaciSection;

/// The app state plus the slices of the register each section shows, as memos: a section only
/// re-renders when its own slice changes.
#[derive(Clone, Copy)]
pub(super) struct Reg {
    pub state: AppState,
    pub people: Memo<Vec<Person>>,
    pub assignments: Memo<Vec<Assignment>>,
    pub raci: Memo<BTreeMap<String, Raci>>,
    pub competence: Memo<Vec<CompetenceRecord>>,
    /// The RASCI columns, plus columns of custom roles no longer assigned that still hold cells.
    pub columns: Memo<Vec<RoleKind>>,
    /// `(id, label)` for every person, for the person pickers.
    pub person_options: Memo<Vec<(String, String)>>,
    /// More cards than [`LONG_REGISTER`]: only the cards on screen are laid out, and a person
    /// picker lists only its choice until it is used.
    pub long: Memo<bool>,
    /// The last removal, offered for undo in its section (`removal::RemovalNotice`).
    removal: RwSignal<Option<removal::Removal>>,
    /// How many of the parts after the people are drawn ([`RegisterView`]).
    parts_drawn: RwSignal<usize>,
}

impl Reg {
    fn new(state: AppState) -> Reg {
        let today = state.today;
        Reg {
            state,
            people: Memo::new(move |_| state.assessment.with(|a| a.register.people.clone())),
            assignments: Memo::new(move |_| state.assessment.with(|a| a.register.assignments.clone())),
            raci: Memo::new(move |_| state.assessment.with(|a| a.register.raci.clone())),
            competence: Memo::new(move |_| state.assessment.with(|a| a.register.competence.clone())),
            columns: Memo::new(move |_| state.assessment.with(|a| all_columns(&a.register))),
            person_options: Memo::new(move |_| {
                state.assessment.with(|a| a.register.people.iter().map(|p| (p.id.clone(), person_option(p, today))).collect())
            }),
            removal: RwSignal::new(None),
            parts_drawn: RwSignal::new(0),
            long: Memo::new(move |_| {
                state.assessment.with(|a| a.register.people.len() + a.register.assignments.len() + a.register.competence.len())
                    > LONG_REGISTER
            }),
        }
    }

    pub fn today(&self) -> NaiveDate {
        self.state.today
    }

    /// One person, read reactively (`None` once removed).
    pub fn person(&self, id: &str) -> Option<Person> {
        self.people.with(|list| list.iter().find(|p| p.id == id).cloned())
    }

    pub fn assignment(&self, id: &str) -> Option<Assignment> {
        self.assignments.with(|list| list.iter().find(|a| a.id == id).cloned())
    }

    pub fn record(&self, id: &str) -> Option<CompetenceRecord> {
        self.competence.with(|list| list.iter().find(|c| c.id == id).cloned())
    }

    /// The name to show for a person ID (reactive).
    pub fn name_of(&self, id: &str) -> String {
        self.people.with(|list| match list.iter().find(|p| p.id == id) {
            Some(p) => p.display_name().to_string(),
            None => format!("an unknown person ({id})"),
        })
    }

    /// Follows a link to a part of the register: one not drawn yet is drawn with every other
    /// part (`skip_to` jumps to it once it is there).
    pub fn jump_to_part(&self, event: leptos::ev::MouseEvent, target: &'static str) {
        self.parts_drawn.set(LATER_PARTS);
        crate::ui::focus::skip_to(event, target);
    }

    /// Applies one edit. A refused edit changes nothing and wakes nobody up.
    pub fn update(&self, edit: impl FnOnce(&mut Register) -> Result<(), RegisterError>) -> Result<(), RegisterError> {
        self.update_assessment(|a| edit(&mut a.register))
    }

    /// Applies one edit that reaches beyond the register (removing a person drops their
    /// interview ratings too).
    pub fn update_assessment(&self, edit: impl FnOnce(&mut Assessment) -> Result<(), RegisterError>) -> Result<(), RegisterError> {
        // Text still waiting for typing to pause applies first, so edits apply in their order.
        crate::ui::settle::apply_waiting();
        let mut outcome = Ok(());
        self.state.assessment.maybe_update(|a| match edit(a) {
            Ok(()) => true,
            Err(error) => {
                outcome = Err(error);
                false
            }
        });
        outcome
    }
}

/// How a person appears in a picker: the name, and whether they have left or not yet started.
fn person_option(p: &Person, today: NaiveDate) -> String {
    match (p.leaving_date, p.start_date) {
        (Some(left), _) if p.has_left(today) => format!("{} (left {left})", p.display_name()),
        (_, Some(start)) if p.not_started(today) => format!("{} (starts {start})", p.display_name()),
        (Some(left), _) => format!("{} (leaves {left})", p.display_name()),
        _ => p.display_name().to_string(),
    }
}

/// The label of a role (a custom role nobody has named yet reads "Unnamed custom role").
pub(super) fn role_name(role: &RoleKind) -> String {
    role.label().to_string()
}

/// The RASCI columns, plus custom roles no longer assigned whose cells are still set, so those
/// cells stay visible (and can be cleared) instead of silently counting in the checks.
fn all_columns(register: &Register) -> Vec<RoleKind> {
    let mut columns = register.raci_columns();
    for key in register.raci.keys() {
        let Some((_, code)) = key.split_once('|') else { continue };
        if columns.iter().any(|c| c.code() == code) {
            continue;
        }
        if let Some(slug) = code.strip_prefix("custom-") {
            // The name itself is gone; "privacy-officer" reads as "Privacy officer" (same code).
            let mut name = slug.replace('-', " ");
            if let Some(first) = name.get(..1) {
                name = first.to_uppercase() + &name[1..];
            }
            columns.push(RoleKind::Custom(name));
        }
    }
    columns
}

pub(super) use crate::ui::focus::focus_later;

/// The register's parts, by their headings' ids, for the links at its top.
const PARTS: [(&str, &str); 6] = [
    ("register-checks-title", "Checks"),
    ("people-title", "People"),
    ("assignments-title", "Role assignments"),
    ("raci-title", "RASCI matrix"),
    ("competence-title", "Competence"),
    ("org-title", "Org chart"),
];

/// More cards than this (people, assignments and competence records together) make a long
/// register.
const LONG_REGISTER: usize = 40;

/// The parts drawn after the page's first paint, one a frame, in this order (see [`RegisterView`]).
const LATER_PARTS: usize = 4;

/// The register page. Its checks and people come with the page; the role assignments, the RASCI
/// matrix, the competence records and the org chart follow one a frame (cheap-phone pass of stop
/// 55: with a small register, opening it took 1.2 to 2 s to the next frame at 6x CPU, most of it
/// building and laying out the 180 pickers of those parts).
#[component]
pub fn RegisterView(state: AppState) -> impl IntoView {
    let reg = Reg::new(state);
    let drawn = reg.parts_drawn;
    crate::ui::draw_more_after_paint(drawn, 1, LATER_PARTS);
    // A long register lays out only the cards on screen (see register.css); a short one all of
    // them, so every card is measured at once (as an accessibility check does).
    let long = reg.long;
    view! {
        <div class="register" class:register-long=move || long.get()>
            <h1 id="register-title">"Roles and accountability register"</h1>
            <p class="hint">
                "Who holds which ISMS role, who is accountable for what, who is competent and who reports to whom (Clause 5.1–5.3, A 5.2–5.4). The checks below are derived from it and count towards your readiness score."
            </p>
            // The forms sit below ten check cards: on a phone five screens down (founder pass).
            <nav class="register-jump" aria-label="Parts of the register">
                {PARTS
                    .map(|(id, label)| view! { <a href=format!("#{id}") on:click=move |e| reg.jump_to_part(e, id)>{label}</a> })}
            </nav>
            // An empty register opens on ten failing checks: say where to begin (founder pass:
            // nothing said "start here", and "Add person" was 4,700 px down on a phone).
            <p class="hint" id="register-start" hidden=move || state.assessment.with(|a| !a.register.people.is_empty())>
                "Start with "
                <a href="#people-title" on:click=move |e| crate::ui::focus::skip_to(e, "people-title")>"your people"</a>
                ", then give them their roles: the checks below turn ready as the register fills in."
            </p>
            <RegisterChecks reg=reg />
            <PeopleSection reg=reg />
            <Show when=move || { drawn.get() > 0 }><AssignmentsSection reg=reg /></Show>
            <Show when=move || { drawn.get() > 1 }><RaciSection reg=reg /></Show>
            <Show when=move || { drawn.get() > 2 }><CompetenceSection reg=reg /></Show>
            <Show when=move || { drawn.get() > 3 }><OrgChartSection reg=reg /></Show>
        </div>
    }
}
