//! Readiness per person: the share of their card last rated Confident and when they last
//! rehearsed, with the pre-audit item it decides ("Key people are ready for interviews").
//! Rows are rendered from one memo (a handful of people), which keeps the wasm small.

use leptos::prelude::*;

use super::Iv;
use crate::domain::catalog::{Item, Source};
use crate::domain::interview::readiness::{interview_question_note, next_to_prepare};
use crate::domain::interview::staff::staff_question_note;
use crate::domain::interview::{PersonReadiness, Presence};
use crate::ui::route::item_href;
use crate::ui::text::with_whole_dates;

#[component]
pub fn ReadinessSection(iv: Iv) -> impl IntoView {
    view! {
        <section class="card iv-readiness" aria-labelledby="iv-readiness-title">
            <h2 id="iv-readiness-title">"Interview readiness"</h2>
            {item_statuses(iv)}
            {move || if iv.people.with(Vec::is_empty) { nobody(iv).into_any() } else { table(iv).into_any() }}
        </section>
    }
}

fn nobody(iv: Iv) -> impl IntoView {
    // An empty register is said as such (founder pass: "nobody … works here today").
    let text = match iv.state.assessment.with_untracked(|a| a.register.people.is_empty()) {
        true => "The roles register is empty. ",
        false => "Nobody in the roles register works here today. ",
    };
    view! { <p class="reg-empty" id="iv-nobody">{text}<a href="#/register">"Open the roles register"</a></p> }
}

/// The status of the items the rehearsals decide, as the score sees them: the pre-audit item
/// (the key people), then the questions about staff in general that the questions asked of anyone
/// test (interview pass: a failed spot check showed nowhere), and the question on top
/// management's interview, which the user answers (lead-implementer pass of stop 45: with the CEO
/// rehearsed, it stayed open in the checklist, unseen from here).
fn item_statuses(iv: Iv) -> impl IntoView {
    let items = iv.state.catalog.items.iter();
    let decided = items.filter(|i| i.source == Source::Interviews || !i.rehearsed_in.is_empty() || i.asks_top_management_interview());
    decided.map(|item| item_status(iv, item)).collect_view()
}

fn item_status(iv: Iv, item: &'static Item) -> impl IntoView {
    let prefix = match item.source {
        Source::Interviews => "interview-item".to_string(),
        _ => format!("staff-item-{}", item.id),
    };
    let finding = Memo::new(move |_| iv.state.finding_for(item.id));
    let yes = move || iv.state.assessment.with(|a| a.answer_for(item) == Some(crate::domain::Answer::Yes));
    // What the rehearsals show on a staff question not answered yes, as its question card says it
    // (lead-implementer pass of stop 45: an employee's failed rehearsal showed only there).
    let note = Memo::new(move |_| {
        iv.state.assessment.with(|a| match item.asks_top_management_interview() {
            true => interview_question_note(iv.bank, a, yes(), iv.state.today).map(String::from),
            false => staff_question_note(iv.bank, a, item, iv.state.today),
        })
    });
    // A "yes" the rehearsals do not bear out is not "Ready" above the note that says so, as on its
    // question card (interview-preparation pass of stop 47).
    let disagrees = move || yes() && note.with(Option::is_some);
    let status = move || {
        finding.with(|f| match f {
            Some(f) => format!("✗ {} · {} ({})", f.severity_text(), f.kind_label(), f.cost_text()),
            None if disagrees() => "Answered yes, but the rehearsals disagree (see below)".to_string(),
            None => "✓ Ready".to_string(),
        })
    };
    let class = move || if finding.with(Option::is_some) || disagrees() { "iv-item iv-item-open" } else { "iv-item iv-item-ready" };
    let detail = move || finding.with(|f| f.as_ref().map(|f| with_whole_dates(&f.explanation)));
    let rehearsals = move || {
        note.get()
            .map(|note| view! { <p class="finding-detail" id=format!("staff-item-{}-rehearsals", item.id)>{with_whole_dates(&note)}</p> })
    };
    view! {
        <div class=class id=prefix.clone()>
            <p class="iv-item-head">
                <a href=item_href(item.id)>{item.title}</a>" "<span class="ref">{item.reference}</span>" "
                <strong id=format!("{prefix}-status")>{status}</strong>
            </p>
            <p class="finding-detail" id=format!("{prefix}-detail")>{detail}</p>
            {rehearsals}
        </div>
    }
}

/// The day the plan has "Key people are ready for interviews" due, while it is open: said beside
/// whom to prepare next (interview pass of stop 50: the line said whom, never by when).
fn key_people_due(iv: Iv) -> Option<chrono::NaiveDate> {
    let state = iv.state;
    state.findings.with(|list| {
        let finding = list.iter().find(|f| f.item.source == Source::Interviews)?;
        let urgency = state.score.with(|s| crate::domain::systemic::urgency(finding, state.catalog, &s.adding_up));
        state.assessment.with(|a| crate::domain::remediation::plan_due_as(finding, urgency, a, state.today).due)
    })
}

/// Whom to prepare next, with what is left on their card and a way to it.
fn next_up(iv: Iv) -> impl IntoView {
    move || {
        iv.people.with(|people| {
            next_to_prepare(people).map(|r| {
                let id = r.person_id.clone();
                let key = if r.key { " (key role)" } else { "" };
                let by =
                    r.key.then(|| key_people_due(iv)).flatten().map(|due| with_whole_dates(&format!(" The plan has it due by {due}.")));
                view! {
                    <p class="iv-next" id="iv-next">
                        "Next to prepare: "<strong>{r.name.clone()}</strong>{key}": "{r.left_to_do()}"."{by}" "
                        <button type="button" class="secondary" id="iv-next-open" on:click=move |_| iv.open(id.clone(), true)>
                            "Open their card"
                        </button>
                    </p>
                }
            })
        })
    }
}

fn table(iv: Iv) -> impl IntoView {
    view! {
        {next_up(iv)}
        <div class="table-wrap">
            <table class="iv-table" id="interview-readiness">
                <caption class="visually-hidden">"Interview readiness of everyone who works here today or starts before the audit"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Person"</th>
                        <th scope="col">"Roles"</th>
                        <th scope="col">"Confident"</th>
                        <th scope="col">"Last rehearsal"</th>
                        <th scope="col"><span class="visually-hidden">"Cue card"</span></th>
                    </tr>
                </thead>
                <tbody>{move || iv.people.get().into_iter().map(|r| row(iv, r)).collect_view()}</tbody>
            </table>
        </div>
    }
}

/// "Starts on …" or "Leaves on …, before the audit", under the name; the date never breaks.
fn presence_note(person_id: &str, presence: Presence) -> impl IntoView {
    let (before, day, after) = presence.words();
    view! { <span class="iv-presence" id=format!("readiness-{person_id}-presence")>{before}" "<time datetime=day.to_string()>{day.to_string()}</time>{after}</span> }
}

fn row(iv: Iv, r: PersonReadiness) -> impl IntoView {
    let id = r.person_id.clone();
    let roles = if r.roles.is_empty() { "No ISMS role".to_string() } else { r.roles.join(", ") };
    let share = format!("{} of {} ({}\u{a0}%)", r.confident, r.total, r.percent());
    let last = r.last_rehearsed.map_or("Never".to_string(), |d| d.to_string());
    // Ratings too old to count for the audit: the share above is history, not readiness.
    let due = (r.due_again > 0).then(|| format!("{} of {} due again", r.due_again, r.total));
    // What is left on each card, not only on the next one's (lead-implementer pass of stop 45:
    // "6 of 7" hid a question the third-party manager could not answer).
    let left = r.to_rehearse();
    let left = (!left.is_empty()).then(|| view! { <span class="iv-left" id=format!("readiness-{id}-left")>{left}</span> });
    let open = {
        let id = id.clone();
        move |_| iv.open(id.clone(), true)
    };
    view! {
        <tr id=format!("readiness-{id}")>
            <th scope="row">
                {r.name.clone()}" "{r.key.then(|| view! { <span class="badge badge-muted">"Key role"</span> })}
                // Phones hide the roles column: the first role under the name (founder pass).
                <span class="iv-role-phone" id=format!("readiness-{id}-role")>{r.roles_short()}</span>
                {r.presence.map(|presence| presence_note(&id, presence))}
            </th>
            <td>{roles}</td>
            <td id=format!("readiness-{id}-share")>{share}{left}</td>
            <td id=format!("readiness-{id}-last")>
                <span class="iv-date">{last}</span>
                {due.map(|due| view! { <span class="iv-due">{due}</span> })}
            </td>
            <td>
                <button type="button" class="secondary" id=format!("open-card-{id}") on:click=open>
                    "Open"<span class="iv-card-word">" card"</span><span class="visually-hidden">" of "{r.name}</span>
                </button>
            </td>
        </tr>
    }
}
