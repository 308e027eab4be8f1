//! Importing a teammate's backup: checked before it touches anything, compared item by item,
//! merged per item by the user's choice, with an undo snapshot taken before the merge.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::crypto::decrypt;
use super::state::AppState;
use crate::domain::export::envelope::is_encrypted;
use crate::domain::export::backup::{diff, import, merge, Imported, ItemDiff, MergeChoice, DEFAULT_MAX_BYTES};
use crate::domain::workspace::Workspace;
use crate::domain::ItemResponse;

#[derive(Clone)]
struct Pending {
    imported: Imported,
    diffs: Vec<ItemDiff>,
}

#[component]
pub fn ImportPanel(state: AppState) -> impl IntoView {
    let pending = RwSignal::new(None::<Pending>);
    let message = RwSignal::new(None::<String>);
    let undo = RwSignal::new(None::<Workspace>);
    // An encrypted file waits here for its passphrase.
    let locked = RwSignal::new(None::<String>);
    let consider = move |text: String| match import(&text, DEFAULT_MAX_BYTES, state.catalog) {
        Ok(imported) => {
            let diffs = state.assessment.with_untracked(|a| diff(a, &imported.assessment, state.catalog));
            message.set(Some(summary(&imported, diffs.len())));
            pending.set(Some(Pending { imported, diffs }));
        }
        Err(error) => {
            pending.set(None);
            message.set(Some(format!("This file cannot be imported: {error}. Nothing was changed.")));
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(file) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
            .and_then(|input| input.files())
            .and_then(|files| files.get(0))
        else {
            return;
        };
        if file.size() > DEFAULT_MAX_BYTES as f64 {
            pending.set(None);
            message.set(Some(format!(
                "“{}” is {} KB; a backup is at most {} KB. Nothing was imported.",
                file.name(),
                file.size() as u64 / 1024,
                DEFAULT_MAX_BYTES / 1024
            )));
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            if is_encrypted(&text) {
                pending.set(None);
                locked.set(Some(text));
                message.set(Some("This backup is encrypted: enter its passphrase.".into()));
            } else {
                locked.set(None);
                consider(text);
            }
        });
    };
    let apply = move |choices: BTreeMap<String, MergeChoice>| {
        let Some(p) = pending.get_untracked() else { return };
        undo.set(Some(untrack(|| state.snapshot())));
        let before = state.assessment.get_untracked();
        state.assessment.set(merge(&before, &p.imported.assessment, &choices));
        pending.set(None);
        message.set(Some("Merged. You can undo this until you leave the page.".into()));
    };
    let add_all = move || {
        let Some(Some(backup)) = pending.get_untracked().map(|p| p.imported.workspace) else { return };
        let before = untrack(|| state.snapshot());
        let mut next = before.clone();
        let added = next.add_all(&backup);
        state.replace(next);
        undo.set(Some(before));
        pending.set(None);
        message.set(Some(format!("Added {} assessment(s) from the backup; see Assessments. You can undo this.", added.len())));
    };
    view! {
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">"Bring in a teammate's backup"</h2>
            <label for="import-file">"Backup file (.json)"</label>
            <input type="file" id="import-file" accept=".json,application/json" on:change=on_file />
            <p id="import-message" role="status">{move || message.get()}</p>
            {move || locked.get().map(|raw| view! { <Unlock raw=raw locked=locked message=message on_open=consider /> })}
            {move || pending.get().and_then(|p| p.imported.workspace.map(|w| w.entries.len())).map(|n| view! {
                <p class="hint">{format!("This is a full backup with {n} assessment(s). Add them all side by side, or compare its open assessment with yours below.")}</p>
                <button type="button" id="import-add-all" on:click=move |_| add_all()>{format!("Add all {n} as new assessments")}</button>
            })}
            {move || pending.get().map(|p| view! { <MergeTable diffs=p.diffs on_merge=apply on_cancel=move || pending.set(None) /> })}
            {move || undo.get().map(|snapshot| view! {
                <button type="button" id="undo-merge" on:click=move |_| {
                    state.replace(snapshot.clone());
                    undo.set(None);
                    message.set(Some("Undone: everything is as it was before the import.".into()));
                }>"Undo the import"</button>
            })}
        </section>
    }
}

/// Asks for the passphrase of an encrypted backup and opens it.
#[component]
fn Unlock(
    raw: String,
    locked: RwSignal<Option<String>>,
    message: RwSignal<Option<String>>,
    on_open: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let raw = StoredValue::new(raw);
    let open = move |_| {
        let (pass, raw) = (passphrase.get_untracked(), raw.get_value());
        spawn_local(async move {
            match decrypt(&pass, &raw).await {
                Ok(text) => {
                    locked.set(None);
                    on_open(text);
                }
                Err(error) => message.set(Some(format!("Could not open the backup: {error}."))),
            }
        });
    };
    view! {
        <div class="field">
            <label for="import-passphrase">"Passphrase"</label>
            <input type="password" id="import-passphrase" autocomplete="off"
                prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev)) />
            <button type="button" id="import-decrypt" on:click=open>"Decrypt and compare"</button>
        </div>
    }
}

fn summary(imported: &Imported, differing: usize) -> String {
    let mut text = format!("The backup is valid. {differing} item(s) differ from yours: choose per item, then merge.");
    if imported.has_unknown() {
        text += &format!(
            " {} answer(s) refer to questions this version does not know; they are kept but not scored.",
            imported.unknown_items.len() + imported.unknown_plans.len()
        );
    }
    text
}

fn describe(response: &Option<ItemResponse>) -> String {
    match response {
        None => "—".into(),
        Some(r) => {
            let answer = r.answer.map_or("unanswered", |a| a.label());
            match r.updated_on {
                Some(d) => format!("{answer} ({d})"),
                None => answer.to_string(),
            }
        }
    }
}

#[component]
fn MergeTable(
    diffs: Vec<ItemDiff>,
    on_merge: impl Fn(BTreeMap<String, MergeChoice>) + Copy + 'static,
    on_cancel: impl Fn() + Copy + 'static,
) -> impl IntoView {
    let choices = RwSignal::new(diffs.iter().map(|d| (d.item_id.clone(), MergeChoice::Newest)).collect::<BTreeMap<_, _>>());
    let rows = diffs
        .into_iter()
        .map(|d| {
            let id = d.item_id.clone();
            let select_id = format!("merge-{id}");
            let label_for = select_id.clone();
            let title = if d.title.is_empty() { d.item_id.clone() } else { d.title.clone() };
            view! {
                <tr>
                    <th scope="row">{title.clone()}</th>
                    <td>{describe(&d.mine)}</td>
                    <td>{describe(&d.theirs)}</td>
                    <td>
                        <label class="visually-hidden" for=label_for>{format!("Keep which answer for {title}")}</label>
                        <select id=select_id on:change=move |ev| {
                            let choice = match event_target_value(&ev).as_str() {
                                "mine" => MergeChoice::KeepMine,
                                "theirs" => MergeChoice::TakeTheirs,
                                _ => MergeChoice::Newest,
                            };
                            choices.update(|c| { c.insert(id.clone(), choice); });
                        }>
                            <option value="newest" selected>"Newest"</option>
                            <option value="mine">"Keep mine"</option>
                            <option value="theirs">"Take theirs"</option>
                        </select>
                    </td>
                </tr>
            }
        })
        .collect_view();
    view! {
        <div class="table-wrap">
            <table class="plan" id="merge-table">
                <thead>
                    <tr><th scope="col">"Item"</th><th scope="col">"Mine"</th><th scope="col">"Theirs"</th><th scope="col">"Keep"</th></tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
        <button type="button" id="confirm-merge" on:click=move |_| on_merge(choices.get_untracked())>"Merge these choices"</button>
        <button type="button" class="secondary" on:click=move |_| on_cancel()>"Cancel"</button>
    }
}
