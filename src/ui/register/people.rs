//! People: everyone who holds (or held) a role, with their dates and the top-management flag.
//! Removing someone still referenced is refused with the references named, and can then be
//! done together with their assignments.

use leptos::prelude::*;

use super::fields::{person_choices, CheckField, ChoiceField, DateField, TextField};
use super::removal::RemovalNotice;
use super::{focus_later, Reg};
use crate::domain::roles::checks::shares_a_name;
use crate::domain::roles::{Person, RegisterError};
use crate::domain::wording::counted;
use crate::ui::settle::settling;

#[component]
pub fn PeopleSection(reg: Reg) -> impl IntoView {
    let ids = Memo::new(move |_| reg.people.with(|list| list.iter().map(|p| p.id.clone()).collect::<Vec<_>>()));
    let add = move |_| {
        if let Some(Ok(added)) = reg.state.assessment.try_update(|a| a.add_person()) {
            focus_later(format!("person-{added}-name"));
        }
    };
    view! {
        <section class="reg-section" aria-labelledby="people-title">
            <h2 id="people-title" tabindex="-1">"People"</h2>
            <p class="hint">
                "Everyone who holds an ISMS role, including outside parties, and the line managers between them and top management. Keep leavers here with their leaving date: the checks then show which of their roles need a new holder. Tick “Top management” for founders, executives and board members: the checks count them as top management with or without a role of that name, and the roles they take on are held by position, with no appointment letter or authority tick asked."
            </p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="reg-empty" id="people-empty">"No people yet. Add the people who hold or will hold a role."</p>
            </Show>
            <ul class="reg-list" id="people-list">
                <For each=move || ids.get() key=|id| id.clone() let(id)>
                    <PersonRow reg=reg id=id />
                </For>
            </ul>
            <RemovalNotice reg=reg section="people" />
            <button type="button" id="add-person" on:click=add>"Add person"</button>
        </section>
    }
}

#[component]
fn PersonRow(reg: Reg, id: String) -> impl IntoView {
    let key = StoredValue::new(id.clone());
    let person = Memo::new(move |_| key.with_value(|id| reg.person(id)).unwrap_or_default());
    let field = move |f: fn(&Person) -> String| Signal::derive(move || person.with(f));
    // A refused edit (a leaving date before the start date) is named until the next edit.
    let refused = RwSignal::new(None::<String>);
    let edit = move |change: Box<dyn FnOnce(&mut Person)>| {
        let outcome = reg.update(|r| {
            let id = key.get_value();
            let mut p = r.person(&id).cloned().ok_or(RegisterError::UnknownPerson(id))?;
            change(&mut p);
            r.update_person(p)
        });
        refused.set(outcome.err().map(|e| e.to_string()));
    };
    let refusal = RwSignal::new(None::<String>);
    // The refused edit, or dates stored out of order (an import): said under both date fields.
    let dates_message = Memo::new(move |_| {
        refused.get().or_else(|| {
            person
                .with(|p| matches!((p.start_date, p.leaving_date), (Some(s), Some(l)) if l < s))
                .then(|| "The leaving date is before the start date: check both.".to_string())
        })
    });
    let dates_wrong = Signal::derive(move || dates_message.with(Option::is_some));
    // A name entered twice is one person to the checks: said beside it (auditor probe: the
    // reporting line read the second entry's line as the first's with no word of it).
    let today = reg.today();
    let twin = move || {
        reg.state.assessment.with(|a| key.with_value(|id| shares_a_name(&a.register, id, today))).then_some(
            "Someone else here has this name: the checks take both entries as one person. If they are different people, \
             tell them apart by name.",
        )
    };
    let prefix = format!("person-{id}");
    let heading = format!("{prefix}-heading");
    let labelled_by = heading.clone();
    view! {
        <li class="reg-card person-card" id=prefix.clone()>
            <div role="group" aria-labelledby=labelled_by>
                <div class="card-head">
                    <h3 class="card-title" id=heading>{move || person.with(|p| p.display_name().to_string())}</h3>
                    <PersonStatus reg=reg prefix=prefix.clone() person=person />
                    <div class="card-tools">
                        <CheckField id=format!("{prefix}-top") label="Top management" checked=Signal::derive(move || person.with(|p| p.top_management))
                            on_change=move |on| edit(Box::new(move |p| p.top_management = on)) />
                        <RemoveButton reg=reg key=key refusal=refusal />
                    </div>
                </div>
                // Next to the button that asked, so its choices are the next Tab stops (keyboard
                // pass: twelve Tabs through the person's fields first).
                <Refusal reg=reg key=key refusal=refusal />
                <div class="reg-fields">
                    <TextField id=format!("{prefix}-name") label="Name" span="wide" value=field(|p| p.name.clone())
                        described_by=format!("{prefix}-twin") on_input=settling(move |v| edit(Box::new(move |p| p.name = v))) />
                    // Under the name it is about, and read with it (second founder pass: at the
                    // card's foot, four fields away, and announced twice).
                    <p class="validity warn span-all" id=format!("{prefix}-twin")>{twin}</p>
                    <TextField id=format!("{prefix}-title") label="Job title" span="wide" value=field(|p| p.job_title.clone())
                        on_input=settling(move |v| edit(Box::new(move |p| p.job_title = v))) />
                    <LineManager reg=reg id=format!("{prefix}-manager") person=person
                        on_change=move |m| edit(Box::new(move |p| p.reports_to = m)) />
                    <DateField id=format!("{prefix}-start") label="Start date" value=Signal::derive(move || person.with(|p| p.start_date))
                        invalid=dates_wrong described_by=format!("{prefix}-dates-error")
                        on_change=move |d| edit(Box::new(move |p| p.start_date = d)) />
                    <DateField id=format!("{prefix}-left") label="Leaving date (first day gone)" value=Signal::derive(move || person.with(|p| p.leaving_date))
                        invalid=dates_wrong described_by=format!("{prefix}-dates-error")
                        on_change=move |d| edit(Box::new(move |p| p.leaving_date = d)) />
                </div>
                <p class="error" id=format!("{prefix}-dates-error") aria-live="polite">{dates_message}</p>
            </div>
        </li>
    }
}

/// The person's own line manager: anyone else in the register (the register refuses themselves).
#[component]
fn LineManager(reg: Reg, id: String, person: Memo<Person>, on_change: impl Fn(Option<String>) + 'static) -> impl IntoView {
    let current = Signal::derive(move || person.with(|p| p.reports_to.clone()));
    let all = person_choices(reg, Some("Not recorded"), current);
    let options = Signal::derive(move || {
        let own = person.with(|p| p.id.clone());
        all.get().into_iter().filter(|(id, _)| *id != own).collect()
    });
    view! {
        <ChoiceField id=id label="Line manager" span="wide" options=options lazy=reg.long.into()
            selected=Signal::derive(move || current.get().unwrap_or_default())
            on_change=move |m| on_change(Some(m).filter(|m| !m.is_empty())) />
    }
}

/// "Works here", "Left on …" or "Starts on …", in words so it never relies on colour alone.
#[component]
fn PersonStatus(reg: Reg, prefix: String, person: Memo<Person>) -> impl IntoView {
    let today = reg.today();
    let status = move || {
        let p = person.get();
        match (p.leaving_date, p.start_date) {
            (Some(left), _) if p.has_left(today) => ("badge badge-major", format!("Left on {left}")),
            (_, Some(start)) if p.not_started(today) => ("badge badge-minor", format!("Starts on {start}")),
            // Amber: their roles need a new holder soon.
            (Some(left), _) => ("badge badge-minor", format!("Works here, leaving {left}")),
            _ => ("badge badge-ready", "Works here".to_string()),
        }
    };
    view! { <span class=move || status().0 id=format!("{prefix}-status")>{move || status().1}</span> }
}

/// Tries to remove the person; a refusal (still referenced) is kept for [`Refusal`] to show.
#[component]
fn RemoveButton(reg: Reg, key: StoredValue<String>, refusal: RwSignal<Option<String>>) -> impl IntoView {
    let remove = move |_| {
        let id = key.get_value();
        let removed = format!("Removed {}.", reg.name_of(&id));
        match reg.remove("people", removed, format!("person-{id}-remove"), |a| a.remove_person(&id, false).map(drop)) {
            Ok(()) => {
                refusal.set(None);
                focus_later("add-person");
            }
            Err(error) => refusal.set(Some(error.to_string())),
        }
    };
    view! {
        // Named, as every card has one (keyboard pass: a list of "Remove person" buttons); the
        // visible words first, as the name must contain them (WCAG 2.5.3).
        // Escape here keeps the person too: the choices come next after this button, where
        // focus stays (founder pass: Escape did nothing until they were reached).
        <button type="button" class="secondary" id=format!("person-{}-remove", key.get_value()) on:click=remove
            on:keydown=move |ev| if ev.key() == "Escape" { refusal.set(None) }
            aria-label=move || format!("Remove person: {}", reg.name_of(&key.get_value()))>"Remove person"</button>
    }
}

/// Why the person could not be removed, and the way forward.
#[component]
fn Refusal(reg: Reg, key: StoredValue<String>, refusal: RwSignal<Option<String>>) -> impl IntoView {
    let prefix = format!("person-{}", key.get_value());
    let remove_all = move |_| {
        let id = key.get_value();
        let removed = reg.state.assessment.with_untracked(|a| removed_with_references(&a.register, &id));
        if reg.remove("people", removed, format!("person-{id}-remove"), |a| a.remove_person(&id, true).map(drop)).is_ok() {
            focus_later("add-person");
        }
    };
    let keep = move || {
        refusal.set(None);
        // The alert (and its buttons) goes: back to the button that asked.
        focus_later(format!("person-{}-remove", key.get_value()));
    };
    view! {
        // Gone once nothing refers to the person any more (the references were removed by hand).
        <Show when=move || refusal.with(Option::is_some) && reg.state.assessment.with(|a| !a.register.uses_of(&key.get_value()).is_empty())>
            // Escape keeps the person, as "Keep this person" does, which comes first.
            // The alert is the reason alone; its choices follow it (accessibility pass: both
            // buttons' labels were read as part of the message).
            <div class="reg-alert" id=format!("{prefix}-refusal") on:keydown=move |ev| if ev.key() == "Escape" { keep() }>
                <p role="alert">{move || refusal.get().unwrap_or_default()}</p>
                <button type="button" class="secondary" id=format!("{prefix}-keep") on:click=move |_| keep()>"Keep this person"</button>
                <button type="button" id=format!("{prefix}-remove-all") on:click=remove_all>"Remove, and take them off every line that names them"</button>
            </div>
        </Show>
    }
}

/// What removing someone with everything that names them does, said before it is done (founder
/// pass: "took them off every line" while four role lines were deleted).
fn removed_with_references(register: &crate::domain::roles::Register, id: &str) -> String {
    let roles = register.assignments.iter().filter(|a| a.person_id == id).count();
    let records = register.competence.iter().filter(|c| c.person_id == id).count();
    let named = register.uses_of(id).len() - roles - usize::from(records > 0);
    let mut parts =
        vec![counted(roles, "role assignment", "role assignments"), counted(records, "competence record", "competence records")];
    parts.retain(|p| !p.starts_with("0 "));
    let deleted = match parts.is_empty() {
        true => String::new(),
        false => format!(", with {}", parts.join(" and ")),
    };
    let cleared = match named {
        0 => String::new(),
        n => format!("; {} no longer {} them", counted(n, "other line", "other lines"), if n == 1 { "names" } else { "name" }),
    };
    format!("Removed {}{deleted}{cleared}.", register.name_of(id))
}
