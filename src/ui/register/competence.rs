//! The competence matrix: training, experience or certification per person, for one role or in
//! general, with the renewal period and the day it lapses.

use leptos::prelude::*;

use super::fields::{person_choices, ChoiceField, DateField, MonthsField, Options, TextField};
use super::removal::RemovalNotice;
use super::{focus_later, role_name, Reg};
use crate::domain::roles::{CompetenceKind, CompetenceRecord, RegisterError, RoleKind};
use crate::ui::settle::settling;

#[component]
pub fn CompetenceSection(reg: Reg) -> impl IntoView {
    let ids = Memo::new(move |_| reg.competence.with(|list| list.iter().map(|c| c.id.clone()).collect::<Vec<_>>()));
    let no_people = Memo::new(move |_| reg.people.with(Vec::is_empty));
    let add = move |_| {
        let mut added = String::new();
        let _ = reg.update(|r| {
            added = r.next_id("c");
            let person = r.people.first().map(|p| p.id.clone()).ok_or(RegisterError::UnknownPerson(String::new()))?;
            r.add_competence(CompetenceRecord { id: added.clone(), person_id: person, ..CompetenceRecord::default() })
        });
        focus_later(format!("competence-{added}-person"));
    };
    view! {
        <section class="reg-section" aria-labelledby="competence-title">
            <h2 id="competence-title" tabindex="-1">"Competence matrix"</h2>
            <p class="hint">
                "What makes each role holder fit for the role (Clause 7.2). A record without a role counts for every role the person holds. Give a renewal period in months for training or certificates that lapse; leave it empty when the record never lapses."
            </p>
            <Show when=move || ids.with(Vec::is_empty)>
                <p class="reg-empty" id="competence-empty">
                    {move || if no_people.get() { "Add people first, then record their competence." } else { "No competence records yet." }}
                </p>
            </Show>
            <ul class="reg-list" id="competence-list">
                <For each=move || ids.get() key=|id| id.clone() let(id)>
                    <CompetenceRow reg=reg id=id />
                </For>
            </ul>
            <RemovalNotice reg=reg section="competence" />
            <button type="button" id="add-competence" on:click=add prop:disabled=move || no_people.get()>"Add competence record"</button>
        </section>
    }
}

#[component]
fn CompetenceRow(reg: Reg, id: String) -> impl IntoView {
    let key = StoredValue::new(id.clone());
    let record = Memo::new(move |_| key.with_value(|id| reg.record(id)).unwrap_or_default());
    let edit = move |change: Box<dyn FnOnce(&mut CompetenceRecord)>| {
        let _ = reg.update(|r| {
            let id = key.get_value();
            let mut c = r.competence.iter().find(|c| c.id == id).cloned().ok_or(RegisterError::UnknownCompetence(id))?;
            change(&mut c);
            r.update_competence(c)
        });
    };
    let prefix = format!("competence-{id}");
    let person = Signal::derive(move || record.with(|c| Some(c.person_id.clone())));
    let roles = role_options(reg, record);
    let set_role = move |code: String| {
        let role = reg.columns.with_untracked(|cols| cols.iter().find(|r| r.code() == code).cloned());
        let role = role.or_else(|| record.with_untracked(|c| c.role.clone().filter(|r| r.code() == code)));
        edit(Box::new(move |c| c.role = role));
    };
    let kinds: Signal<Options> =
        Signal::derive(|| CompetenceKind::ALL.iter().map(|k| (k.code().to_string(), k.label().to_string())).collect());
    let set_kind = move |code: String| {
        let kind = CompetenceKind::ALL.into_iter().find(|k| k.code() == code).unwrap_or_default();
        edit(Box::new(move |c| c.kind = kind));
    };
    let heading = format!("{prefix}-heading");
    let labelled_by = heading.clone();
    let title = move || format!("{} — {}", reg.name_of(&record.with(|c| c.person_id.clone())), record.with(scope));
    let remove = move |_| {
        let id = key.get_value();
        let removed = format!("Removed the competence record {}.", title());
        if reg.remove("competence", removed, format!("competence-{id}-remove"), |a| a.register.remove_competence(&id).map(drop)).is_ok() {
            focus_later("add-competence");
        }
    };
    view! {
        <li class="reg-card competence-card" id=prefix.clone()>
            <div role="group" aria-labelledby=labelled_by>
                <div class="card-head">
                    <h3 class="card-title" id=heading>
                        {title}
                    </h3>
                    <Expiry reg=reg prefix=prefix.clone() record=record />
                    <div class="card-tools">
                        <button type="button" class="secondary" id=format!("{prefix}-remove") on:click=remove
                            aria-label=move || format!("Remove record: {}", title())>"Remove record"</button>
                    </div>
                </div>
                <div class="reg-fields">
                    <ChoiceField id=format!("{prefix}-person") label="Person" span="full" options=person_choices(reg, None, person) lazy=reg.long.into()
                        selected=Signal::derive(move || record.with(|c| c.person_id.clone()))
                        on_change=move |p| edit(Box::new(move |c| c.person_id = p)) />
                    <ChoiceField id=format!("{prefix}-role") label="For role" span="wider" options=roles
                        selected=Signal::derive(move || record.with(|c| c.role.as_ref().map(RoleKind::code).unwrap_or_default()))
                        on_change=set_role />
                    <ChoiceField id=format!("{prefix}-kind") label="Kind" options=kinds
                        selected=Signal::derive(move || record.with(|c| c.kind.code().to_string()))
                        on_change=set_kind />
                    <DateField id=format!("{prefix}-achieved") label="Achieved on" value=Signal::derive(move || record.with(|c| c.achieved_on))
                        on_change=move |d| edit(Box::new(move |c| c.achieved_on = d)) />
                    <MonthsField id=format!("{prefix}-renew") label="Renew every (months)" span="wide"
                        value=Signal::derive(move || record.with(|c| c.renew_every_months))
                        on_change=move |n| edit(Box::new(move |c| c.renew_every_months = n)) />
                    <TextField id=format!("{prefix}-description") label="Description" span="all"
                        value=Signal::derive(move || record.with(|c| c.description.clone()))
                        on_input=settling(move |v| edit(Box::new(move |c| c.description = v))) />
                </div>
            </div>
        </li>
    }
}

fn scope(c: &CompetenceRecord) -> String {
    c.role.as_ref().map_or_else(|| "general".to_string(), role_name)
}

/// "General", every RASCI column, and the record's own role if it is no longer among them.
fn role_options(reg: Reg, record: Memo<CompetenceRecord>) -> Signal<Options> {
    Signal::derive(move || {
        let mut options: Options = vec![(String::new(), "General (every role they hold)".to_string())];
        options.extend(reg.columns.get().iter().map(|r| (r.code(), role_name(r))));
        if let Some(own) = record.with(|c| c.role.clone()) {
            if !options.iter().any(|(code, _)| *code == own.code()) {
                options.push((own.code(), role_name(&own)));
            }
        }
        options
    })
}

/// Until when the record counts, in words.
#[component]
fn Expiry(reg: Reg, prefix: String, record: Memo<CompetenceRecord>) -> impl IntoView {
    let today = reg.today();
    let status = move || {
        record.with(|c| match (c.renew_every_months, c.achieved_on, c.expires_on()) {
            (_, _, Some(end)) if end < today => ("badge badge-major", format!("Expired on {end}")),
            (_, _, Some(end)) => ("badge badge-ready", format!("Expires on {end}")),
            (Some(_), None, _) => ("badge badge-minor", "No date: validity unknown".to_string()),
            (None, None, _) => ("badge badge-muted", "No date".to_string()),
            (_, Some(_), _) => ("badge badge-ready", "Does not lapse".to_string()),
        })
    };
    view! { <span class=move || status().0 id=format!("{prefix}-expiry")>{move || status().1}</span> }
}
