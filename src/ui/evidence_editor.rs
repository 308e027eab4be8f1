//! Evidence records of one item: what, where it lives, when it was produced, who owns it, and
//! until when it stays valid given the item's cadence.

use leptos::prelude::*;

use super::answer_fields::ResponseMemo;
use super::fields::{DateField, TextField};
use super::focus::focus_later;
use super::state::AppState;
use super::text::with_whole_dates;
use crate::domain::evidence::{record_validity, validity_among};
use crate::domain::owner_leaving::evidence_owner_warning;
use crate::domain::{EvidenceRecord, Item};

#[component]
pub fn EvidenceEditor(state: AppState, item: &'static Item, response: ResponseMemo) -> impl IntoView {
    let id = item.id;
    let count = Memo::new(move |_| response.with(|r| r.as_ref().map_or(0, |r| r.evidence.len())));
    // What a removal did, read out (keyboard pass of stop 45: the row moving up into the removed
    // one's place was read instead, and nothing said a record had gone).
    let removed = RwSignal::new(String::new());
    let rows = move || {
        (0..count.get())
            .map(|index| view! { <EvidenceRow state=state item=item index=index removed=removed response=response /> })
            .collect_view()
    };
    // The new record's first field takes the focus: that is where the user goes next.
    let add = move |_| {
        let index = count.get_untracked();
        state.assessment.update(|a| a.edit_evidence(id, |list| list.push(EvidenceRecord::default())));
        focus_later(format!("{id}-ev{index}-what"));
    };
    // Open from the start when there is something to see.
    let open = count.get_untracked() > 0;
    view! {
        <details class="evidence" prop:open=open>
            <summary id=format!("{id}-evidence-summary")>{move || format!("Evidence records ({})", count.get())}</summary>
            {rows}
            <button type="button" class="secondary" id=format!("{id}-add-evidence") on:click=add>
                "Add evidence record"
            </button>
            <p class="visually-hidden" id=format!("{id}-evidence-status") aria-live="polite">{move || removed.get()}</p>
        </details>
    }
}

#[component]
fn EvidenceRow(state: AppState, item: &'static Item, index: usize, removed: RwSignal<String>, response: ResponseMemo) -> impl IntoView {
    let id = item.id;
    let record = Memo::new(move |_| response.with(|r| r.as_ref().and_then(|r| r.evidence.get(index).cloned()).unwrap_or_default()));
    let edit = move |change: Box<dyn FnOnce(&mut EvidenceRecord)>| {
        state.assessment.update(|a| {
            a.edit_evidence(id, |list| {
                if let Some(r) = list.get_mut(index) {
                    change(r)
                }
            })
        })
    };
    let validity = Memo::new(move |_| {
        let audit = state.audit_date.get();
        record.with(|r| {
            response.with(|response| match response {
                Some(response) => validity_among(item.cadence, response, r, state.today, audit),
                None => record_validity(item.cadence, r.produced_on, state.today, audit),
            })
        })
    });
    // A record that does not count, or stops counting before the audit, in the warning colour
    // (founder pass: in the muted hint colour it was easy to miss).
    let warn = move || validity.with(|v| v.warns);
    // An owner the roles register has leaving (by the audit, when one is ahead).
    let owner_leaves = move || {
        let owner = record.with(|r| r.owner.clone());
        state.assessment.with(|a| evidence_owner_warning(&owner, &a.register, state.today, state.audit_date.get()))
    };
    let prefix = format!("{id}-ev{index}");
    // Rows are by position: focus leaves the removed row's button (the next record moves up
    // into it) for the add button.
    let remove = move |_| {
        let what = record.with_untracked(|r| r.what.trim().to_string());
        removed.set(match what.is_empty() {
            true => format!("Removed evidence {}.", index + 1),
            false => format!("Removed evidence {} (“{what}”).", index + 1),
        });
        state.assessment.update(|a| {
            a.edit_evidence(id, |list| {
                if index < list.len() {
                    list.remove(index);
                }
            })
        });
        focus_later(format!("{id}-add-evidence"));
    };
    view! {
        <fieldset class="evidence-row">
            <legend>{format!("Evidence {}", index + 1)}</legend>
            // The row's note is about what and where too ("Say which record it is…"), read with
            // them (UX pass of stop 47: only the date field pointed to it).
            <TextField id=format!("{prefix}-what") label="What it is" value=Signal::derive(move || record.with(|r| r.what.clone()))
                described_by=format!("{prefix}-validity") on_input=move |v| edit(Box::new(move |r| r.what = v)) />
            <TextField id=format!("{prefix}-where") label="Where it lives (link or location)"
                value=Signal::derive(move || record.with(|r| r.location.clone())) described_by=format!("{prefix}-validity")
                on_input=move |v| edit(Box::new(move |r| r.location = v)) />
            <DateField id=format!("{prefix}-date") label="Date produced" value=Signal::derive(move || record.with(|r| r.produced_on))
                described_by=format!("{prefix}-validity") on_change=move |date| edit(Box::new(move |r| r.produced_on = date)) />
            <TextField id=format!("{prefix}-owner") label="Owner" value=Signal::derive(move || record.with(|r| r.owner.clone()))
                on_input=move |v| edit(Box::new(move |r| r.owner = v)) />
            // Read out when a date changes it (keyboard pass: "Expired on …" appeared unannounced).
            <p class="validity" class:warn=warn id=format!("{prefix}-validity") aria-live="polite">{move || validity.with(|v| v.says.clone())}</p>
            <p class="validity warn" id=format!("{prefix}-owner-leaves") aria-live="polite">
                {move || owner_leaves().map(|text| with_whole_dates(&text))}
            </p>
            // Which question's record, for a screen reader moving between cards (keyboard pass).
            <button type="button" class="secondary" on:click=remove>
                {format!("Remove evidence {}", index + 1)}<span class="visually-hidden">{format!(" of “{}”", item.title)}</span>
            </button>
        </fieldset>
    }
}
