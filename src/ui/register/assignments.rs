//! Role assignments: one person appointed to one role, with the record of the appointment, the
//! authority that comes with it, the reporting line and the deputy.

use leptos::prelude::*;

use super::fields::{person_choices, role_choices, role_value, CheckField, ChoiceField, DateField, TextField};
use super::removal::RemovalNotice;
use super::{focus_later, role_name, Reg};
use crate::domain::roles::checks::by_position;
use crate::domain::roles::{Assignment, Register, RegisterError, RoleKind};
use crate::ui::settle::settling;

#[component]
pub fn AssignmentsSection(reg: Reg) -> impl IntoView {
    let ids = Memo::new(move |_| reg.assignments.with(|list| list.iter().map(|a| a.id.clone()).collect::<Vec<_>>()));
    let no_people = Memo::new(move |_| reg.people.with(Vec::is_empty));
    // Lines added on this page: the record typed on one is for the holder still to be picked.
    let added_here = StoredValue::new(Vec::<String>::new());
    let add = move |_| {
        let mut added = String::new();
        let today = reg.today();
        let _ = reg.update(|r| {
            added = r.next_id("a");
            let person = r.people.iter().find(|p| p.is_current(today)).or(r.people.first());
            let person = person.map(|p| p.id.clone()).ok_or(RegisterError::UnknownPerson(String::new()))?;
            r.add_assignment(Assignment::new(added.clone(), first_unheld_role(r), person))
        });
        added_here.update_value(|ids| ids.push(added.clone()));
        focus_later(format!("assignment-{added}-role"));
    };
    view! {
        <section class="reg-section" aria-labelledby="assignments-title">
            <h2 id="assignments-title" tabindex="-1">"Role assignments"</h2>
            <p class="hint">
                "One line per person per role. Record where the appointment is written down, whether it gives the authority to enforce, whom the holder reports to and who deputises."
            </p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="reg-empty" id="assignments-empty">
                    {move || if no_people.get() { "Add people first, then assign them their roles." } else { "No roles assigned yet." }}
                </p>
            </Show>
            <ul class="reg-list" id="assignment-list">
                <For each=move || ids.get() key=|id| id.clone() let(id)>
                    <AssignmentRow reg=reg id=id added_here=added_here />
                </For>
            </ul>
            <RemovalNotice reg=reg section="assignments" />
            <button type="button" id="add-assignment" on:click=add prop:disabled=move || no_people.get()>"Add assignment"</button>
        </section>
    }
}

/// The first built-in role nobody holds yet, so each "Add" proposes the next gap.
fn first_unheld_role(r: &Register) -> RoleKind {
    let held = |role: &RoleKind| r.assignments.iter().any(|a| &a.role == role);
    RoleKind::STANDARD.into_iter().find(|role| !held(role)).unwrap_or(RoleKind::RiskOwner)
}

#[component]
fn AssignmentRow(reg: Reg, id: String, added_here: StoredValue<Vec<String>>) -> impl IntoView {
    let key = StoredValue::new(id.clone());
    let fallback = move || Assignment::new(key.get_value(), RoleKind::TopManagement, "");
    let assignment = Memo::new(move |_| key.with_value(|id| reg.assignment(id)).unwrap_or_else(fallback));
    let note = RwSignal::new(None::<String>);
    // The assignment before the last hand-over, for its undo until anything else is edited.
    let handed_from = RwSignal::new(None::<Assignment>);
    let edit = move |change: Box<dyn FnOnce(&mut Assignment)>| {
        handed_from.set(None);
        let result = reg.update(|r| {
            let id = key.get_value();
            let mut a = r.assignment(&id).cloned().ok_or(RegisterError::UnknownAssignment(id))?;
            change(&mut a);
            r.update_assignment(a)
        });
        note.set(result.err().map(|e| e.to_string()));
    };
    let holder = move || assignment.with(|a| a.person_id.clone());
    let set_holder = move |person: String| {
        let mut outcome = None;
        // Only the first holder picked on a new line keeps what was typed there; after that it is
        // a hand-over like any other.
        let fresh = added_here.with_value(|ids| key.with_value(|id| ids.contains(id)));
        added_here.update_value(|ids| key.with_value(|id| ids.retain(|added| added != id)));
        let result = reg.update(|r| {
            outcome = Some(r.hand_over(&key.get_value(), &person, fresh)?);
            Ok(())
        });
        let (before, text) = outcome.unzip();
        let text = text.flatten();
        // Several changes in a row (arrow keys on the list pass through each person) undo to the
        // first holder (founder pass: Undo brought back the one passed through).
        if handed_from.with_untracked(Option::is_none) {
            handed_from.set(before.filter(|_| text.is_some()));
        }
        note.set(result.err().map(|e| e.to_string()).or(text));
    };
    let undo_hand_over = move |_| {
        if let Some(before) = handed_from.get_untracked() {
            if reg.update(|r| r.update_assignment(before)).is_ok() {
                handed_from.set(None);
                note.set(Some("The previous holder and their appointment record are back.".into()));
                // The button is gone: the focus goes back to the holder, not the top of the page.
                focus_later(format!("assignment-{}-person", key.get_value()));
            }
        }
    };
    let link = move |get: fn(&Assignment) -> Option<String>| Signal::derive(move || assignment.with(get));
    let prefix = format!("assignment-{id}");
    let undo_id = format!("{prefix}-undo-holder");
    let custom_id = format!("{prefix}-custom");
    let independent_id = format!("{prefix}-independent");
    let custom_key = id.clone();
    let heading = format!("{prefix}-heading");
    let labelled_by = heading.clone();
    let title = move || format!("{} — {}", assignment.with(|a| role_name(&a.role)), reg.name_of(&holder()));
    let remove = move |_| {
        let id = key.get_value();
        let removed = format!("Removed the assignment {}.", title());
        if reg.remove("assignments", removed, format!("assignment-{id}-remove"), |a| a.register.remove_assignment(&id).map(drop)).is_ok() {
            focus_later("add-assignment");
        }
    };
    view! {
        <li class="reg-card assignment-card" id=prefix.clone()>
            <div role="group" aria-labelledby=labelled_by>
                <div class="card-head">
                    <h3 class="card-title" id=heading>
                        {title}
                    </h3>
                    <HolderWarning reg=reg prefix=prefix.clone() assignment=assignment />
                    <div class="card-tools">
                        <button type="button" class="secondary" id=format!("{prefix}-remove") on:click=remove
                            aria-label=move || format!("Remove assignment: {}", title())>"Remove assignment"</button>
                    </div>
                </div>
                <div class="reg-fields">
                    // Role names are long: the role (and a custom role's name under it) has a row of
                    // its own. The holder, whose leaving date is said beside the name, takes two of
                    // the four columns below it (founder pass: that date was cut off).
                    <div class="field-stack span-all">
                        <ChoiceField id=format!("{prefix}-role") label="Role" span="full" options=role_choices()
                            selected=Signal::derive(move || assignment.with(|a| role_value(&a.role)))
                            on_change=move |code| set_role(reg, key, code) />
                        <Show when=move || assignment.with(|a| matches!(a.role, RoleKind::Custom(_)))>
                            <TextField id=custom_id.clone() label="Custom role name" span="full"
                                value=Signal::derive(move || assignment.with(|a| match &a.role { RoleKind::Custom(n) => n.clone(), _ => String::new() }))
                                commit=true on_input={
                                    let assignment_id = custom_key.clone();
                                    move |name| {
                                        let refused = rename_custom(reg, &assignment_id, name).err();
                                        note.try_set(refused.map(|e| e.to_string()));
                                    }
                                } />
                        </Show>
                    </div>
                    <ChoiceField id=format!("{prefix}-person") label="Holder" span="wide" lazy=reg.long.into()
                        options=person_choices(reg, None, link(|a| Some(a.person_id.clone())))
                        selected=Signal::derive(holder) on_change=set_holder />
                    <OtherPerson reg=reg id=format!("{prefix}-reports-to") label="Reports to, in this role" none=line_manager_choice(reg, assignment)
                        follows_line_manager=true assignment=assignment link=|a| a.reports_to.clone() on_change=move |p| edit(Box::new(move |a| a.reports_to = p)) />
                    <OtherPerson reg=reg id=format!("{prefix}-backup") label="Deputy" none=Signal::stored("No deputy".to_string())
                        assignment=assignment link=|a| a.backup.clone() on_change=move |p| edit(Box::new(move |a| a.backup = p)) />
                    <TextField id=format!("{prefix}-evidence") label="Appointment record (letter, minutes)" span="wide"
                        value=Signal::derive(move || assignment.with(|a| a.appointment_evidence.clone()))
                        on_input=settling(move |v| edit(Box::new(move |a| a.appointment_evidence = v))) />
                    <DateField id=format!("{prefix}-date") label="Appointed on" value=Signal::derive(move || assignment.with(|a| a.appointed_on))
                        on_change=move |d| edit(Box::new(move |a| a.appointed_on = d)) />
                    <CheckField id=format!("{prefix}-authority") label="Authority to enforce granted"
                        checked=Signal::derive(move || assignment.with(|a| a.authority_granted))
                        on_change=move |on| edit(Box::new(move |a| a.authority_granted = on)) />
                    <Show when=move || assignment.with(|a| a.role == RoleKind::InternalAuditor)>
                        <TextField id=independent_id.clone() label="If they also run what they audit: who audits that instead, recorded where" span="wider"
                            value=Signal::derive(move || assignment.with(|a| a.independent_check.clone()))
                            on_input=settling(move |v| edit(Box::new(move |a| a.independent_check = v))) />
                    </Show>
                </div>
                // Top management's own place, or a role it takes on itself: the checks ask neither
                // field of it (founder pass: the card asked for both, the People hint said not).
                <Show when=move || reg.state.assessment.with(|s| assignment.with(|a| by_position(&s.register, a, reg.today())))>
                    <p class="hint" id=format!("assignment-{}-by-position", key.get_value())>
                        "Held by position: top management needs no appointment record or authority tick for it."
                    </p>
                </Show>
                <p class="reg-note" id=format!("{prefix}-note") aria-live="polite">
                    {move || note.get()}
                    <Show when=move || handed_from.with(Option::is_some)>
                        " "<button type="button" class="secondary" id=undo_id.clone() on:click=undo_hand_over>"Undo"</button>
                    </Show>
                </p>
            </div>
        </li>
    }
}

/// Another person linked to the role (whom the holder reports to, their deputy): anyone but
/// the holder, unless the data already names the holder there (the register checks flag it).
#[component]
fn OtherPerson(
    reg: Reg,
    id: String,
    label: &'static str,
    /// The text of the empty choice.
    none: Signal<String>,
    /// The empty choice stands for the holder's line manager, who is then not listed again by
    /// name unless the data names them (founder pass of stop 44: "Their line manager (Sam Chen)"
    /// and "Sam Chen" side by side).
    #[prop(optional)]
    follows_line_manager: bool,
    assignment: Memo<Assignment>,
    link: fn(&Assignment) -> Option<String>,
    on_change: impl Fn(Option<String>) + 'static,
) -> impl IntoView {
    let current = Signal::derive(move || assignment.with(link));
    let all = person_choices(reg, None, current);
    let options = Signal::derive(move || {
        let (holder, current) = assignment.with(|a| (a.person_id.clone(), link(a)));
        let manager = follows_line_manager.then(|| reg.person(&holder).and_then(|p| p.reports_to)).flatten();
        let listed = |id: &String| (*id != holder && Some(id) != manager.as_ref()) || current.as_ref() == Some(id);
        let people = all.get().into_iter().filter(|(id, _)| listed(id));
        std::iter::once((String::new(), none.get())).chain(people).collect()
    });
    view! {
        <ChoiceField id=id label=label span="wide" options=options lazy=reg.long.into()
            selected=Signal::derive(move || current.get().unwrap_or_default())
            on_change=move |p| on_change(Some(p).filter(|p| !p.is_empty())) />
    }
}

/// The empty "Reports to" choice: the holder's own line manager when one is recorded (the line
/// follows it), otherwise nobody.
fn line_manager_choice(reg: Reg, assignment: Memo<Assignment>) -> Signal<String> {
    Signal::derive(move || {
        let manager = reg.person(&assignment.with(|a| a.person_id.clone())).and_then(|p| p.reports_to);
        match manager {
            Some(id) => format!("Their line manager ({})", reg.name_of(&id)),
            None => "Nobody (top of the line)".to_string(),
        }
    })
}

/// A badge when the holder does not work here today, in words.
#[component]
fn HolderWarning(reg: Reg, prefix: String, assignment: Memo<Assignment>) -> impl IntoView {
    let today = reg.today();
    let warning = move || {
        let person = reg.person(&assignment.with(|a| a.person_id.clone()))?;
        match (person.leaving_date, person.start_date) {
            (Some(left), _) if person.has_left(today) => Some(format!("⚠ Holder left on {left}")),
            (_, Some(start)) if person.not_started(today) => Some(format!("⚠ Holder starts on {start}")),
            _ => None,
        }
    };
    let id = format!("{prefix}-warning");
    move || warning().map(|text| view! { <span class="badge badge-major" id=id.clone()>{text}</span> })
}

fn set_role(reg: Reg, key: StoredValue<String>, code: String) {
    let _ = reg.update(|r| {
        let id = key.get_value();
        let mut a = r.assignment(&id).cloned().ok_or(RegisterError::UnknownAssignment(id))?;
        a.role = match (RoleKind::from_code(&code), &a.role) {
            (Some(role), _) => role,
            (None, RoleKind::Custom(name)) => RoleKind::Custom(name.clone()),
            (None, _) => RoleKind::Custom(String::new()),
        };
        r.update_assignment(a)
    });
}

/// Renames a custom role once the name is committed (its RASCI cells follow it; see
/// `Register::rename_custom_role`). Applying every keystroke would pass through half-typed names,
/// and one that matches another role's column would strand the cells there.
/// Takes the id itself, not the row's stored value: the commit can come after the row is gone
/// (the browser's Back button while the name is being typed).
fn rename_custom(reg: Reg, assignment_id: &str, name: String) -> Result<(), RegisterError> {
    reg.update(|r| r.rename_custom_role(assignment_id, name))
}
