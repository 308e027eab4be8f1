//! Importing a teammate's backup: checked before it touches anything, compared item by item,
//! merged per item by the user's choice, with an undo snapshot taken before the merge.
//! The comparison table is in `merge_table`; what the import says is in `messages`.

mod merge_table;
mod messages;

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::crypto::decrypt;
use super::focus::focus_later;
use super::state::AppState;
use super::storage::keep_copy;
use crate::domain::export::backup::{brought_in, import, left_out, merge, outlook, Imported, MergeChoice, MergeOutlook, DEFAULT_MAX_BYTES};
use crate::domain::export::envelope::{self, is_encrypted};
use crate::domain::export::import_file;
use crate::domain::wording::counted;
use crate::domain::workspace::{encode_workspace, more_than_a_browser_keeps, too_big_to_keep, Workspace};
use merge_table::MergeTable;
use messages::{add_all_wording, refusal, summary, too_big};

#[derive(Clone)]
struct Pending {
    /// Counts the files considered, so each file's merge table is built afresh (a table patched
    /// from the previous file's would keep that file's choices on screen but not in effect).
    serial: u32,
    imported: Imported,
    /// When merging would change nothing: no table, no merge button.
    outlook: MergeOutlook,
}

#[component]
pub fn ImportPanel(state: AppState) -> impl IntoView {
    let pending = RwSignal::new(None::<Pending>);
    // What the import replaced, and what it left: undo only while nothing has changed since.
    let undo = state.import_undo;
    // Back from another view: the undo stays offered while nothing has changed since.
    if undo.with_untracked(|u| u.as_ref().is_some_and(|(_, after)| *after != untrack(|| state.snapshot()))) {
        undo.set(None);
    }
    let offered = undo.with_untracked(Option::is_some).then(|| Status::said("The last import can still be undone."));
    let message = RwSignal::new(offered);
    // An encrypted file waits here for its passphrase.
    let locked = RwSignal::new(None::<String>);
    let serial = StoredValue::new(0u32);
    // A file larger than a browser keeps is refused as soon as it is read, before any choice is
    // asked of the user (UX pass of stop 50: "The backup is valid", then refused at the merge).
    let consider = move |text: String, file_name: String| {
        if let Some(chars) = more_than_a_browser_keeps(&text) {
            pending.set(None);
            message.set(Some(too_big(chars)));
            return;
        }
        match import(&text, DEFAULT_MAX_BYTES, state.catalog) {
            Ok(imported) => {
                let (outlook, adds, left_out) = state.assessment.with_untracked(|a| {
                    (
                        outlook(a, &imported.assessment, state.catalog),
                        brought_in(a, &imported.assessment),
                        left_out(a, &imported.assessment),
                    )
                });
                // Restored whole into a browser where nothing was entered yet: the hint above the
                // button says so; a merge summary would speak of a merge not offered.
                let restoring = imported.workspace.as_ref().is_some_and(|w| restores(state, w));
                let mine = state.workspace.with_untracked(|w| w.active_entry().name.clone());
                let said = (!restoring).then(|| summary(&imported, &outlook, &adds, &left_out, &mine));
                let said = match (said, imported.unread_said()) {
                    (Some(said), Some(unread)) => Some(format!("{said} {unread}")),
                    (said, unread) => said.or(unread),
                };
                message.set(said.map(Status::said));
                serial.update_value(|n| *n += 1);
                pending.set(Some(Pending { serial: serial.get_value(), imported, outlook }));
            }
            Err(error) => {
                pending.set(None);
                // Said of this file, not of "the saved data" as the stored-state messages put it.
                message.set(Some(refusal(&error.reason(), &file_name)));
            }
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        if file.size() > DEFAULT_MAX_BYTES as f64 {
            pending.set(None);
            message.set(Some(Status::refused(format!(
                "“{}” is {} KB; a backup is at most {} KB. Nothing was imported.",
                file.name(),
                file.size() as u64 / 1024,
                DEFAULT_MAX_BYTES / 1024
            ))));
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            // Bytes that are no UTF-8 are read as "�": refused, not merged in as such.
            if text.contains('\u{FFFD}') {
                if let Some(reason) = refused_bytes(&file).await {
                    pending.set(None);
                    locked.set(None);
                    message.set(Some(refusal(&reason, &file.name())));
                    return;
                }
            }
            if is_encrypted(&text) {
                pending.set(None);
                match envelope::check(&text) {
                    Ok(()) => {
                        locked.set(Some(text));
                        message.set(Some(Status::said("This backup is encrypted: enter its passphrase.")));
                    }
                    Err(error) => {
                        locked.set(None);
                        message.set(Some(refusal(&error.reason(), "")));
                    }
                }
            } else {
                locked.set(None);
                consider(text, file.name());
            }
        });
    };
    let apply = move |choices: BTreeMap<String, MergeChoice>| {
        let Some(p) = pending.get_untracked() else { return };
        let before_all = untrack(|| state.snapshot());
        let merged = state.assessment.with_untracked(|before| merge(before, &p.imported.assessment, &choices));
        if let Some(chars) = too_big_to_keep(&before_all.clone().with_active(merged.clone())) {
            message.set(Some(too_big(chars)));
            return;
        }
        // A copy of everything as it was, kept aside first: Undo lasts only until the next change
        // (team pass of stop 45: one answer changed after a merge of fifty, and they were gone).
        let kept = keep_copy(&encode_workspace(&before_all), super::clock::now_ms());
        state.assessment.set(merged);
        undo.set(Some((before_all, untrack(|| state.snapshot()))));
        pending.set(None);
        let copy = match kept {
            Ok(_) => "Your answers as they were before are also kept under “Copies kept aside”.".to_string(),
            Err(e) => format!("No copy of your answers before it could be kept aside ({}).", e.reason()),
        };
        message.set(Some(Status::said(format!("Merged. You can undo this until anything else changes or the page reloads. {copy}"))));
        focus_later("undo-merge");
    };
    let add_all = move || {
        let Some(Some(backup)) = pending.get_untracked().map(|p| p.imported.workspace) else { return };
        let before = untrack(|| state.snapshot());
        let mut next = before.clone();
        // Nothing entered here yet (a new device): the backup is restored as it was, and open.
        let text = if restores(state, &backup) {
            next = before.restored_from(&backup);
            format!("Restored from the backup: “{}” is open. You can undo this.", next.active_entry().name)
        } else {
            let added = next.add_all(&backup);
            format!("Added {} from the backup; see Assessments. You can undo this.", counted(added.len(), "assessment", "assessments"))
        };
        if let Some(chars) = too_big_to_keep(&next) {
            message.set(Some(too_big(chars)));
            return;
        }
        state.replace(next.clone());
        undo.set(Some((before, next)));
        pending.set(None);
        message.set(Some(Status::said(text)));
        focus_later("undo-merge");
    };
    view! {
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">"Restore a backup, or bring in a teammate's"</h2>
            <label for="import-file">"Backup file (.json)"</label>
            // Emptied as the picker opens, not after reading: the same file can be chosen again
            // (after Cancel or Undo) and still counts as a change, while the chosen file's name
            // stays shown (founder pass: emptied after reading, it read "No file chosen").
            // The refusal is the field's description, and marks it (founder pass: it was not tied to it).
            <input type="file" id="import-file" accept=".json,application/json" on:change=on_file aria-describedby="import-message"
                aria-invalid=move || (locked.with(Option::is_none) && message.with(|m| m.as_ref().is_some_and(|m| m.refused))).then_some("true")
                on:click=|ev| {
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.set_value("");
                    }
                } />
            <p id="import-message" role="status" class:error=move || message.with(|m| m.as_ref().is_some_and(|m| m.refused))>
                {move || message.with(|m| m.as_ref().map(|m| m.text.clone()))}
            </p>
            {move || locked.get().map(|raw| view! { <Unlock raw=raw locked=locked message=message on_open=move |text| consider(text, String::new()) /> })}
            {move || pending.get().and_then(|p| p.imported.workspace.as_ref().map(|w| add_all_wording(w, &p, state))).map(|(hint, action)| view! {
                <p class="hint" id="import-add-all-hint">{hint}</p>
                <button type="button" id="import-add-all" on:click=move |_| add_all()>{action}</button>
            })}
            // Into a browser where nothing was entered yet the backup is restored whole: a merge,
            // question by question, would only bury that (founder pass: twenty cards below it).
            <For each=move || pending.get().filter(|p| p.outlook.changes_anything() && !p.imported.workspace.as_ref().is_some_and(|w| restores(state, w))) key=|p| p.serial let:p>
                <MergeTable
                    // Each side by its assessment's name (consultant pass of stop 51: two clients'
                    // answers side by side under "Mine" and "Theirs").
                    mine=state.workspace.with_untracked(|w| w.active_entry().name.trim().to_string())
                    theirs=p.imported.workspace.as_ref().map(|w| w.active_entry().name.trim().to_string())
                    diffs=p.outlook.into_diffs() on_merge=apply on_cancel=move || {
                    pending.set(None);
                    message.set(Some(Status::said("Cancelled: nothing was imported.")));
                    focus_later("import-file");
                } />
            </For>
            {move || undo.get().map(|(before, after)| view! {
                <button type="button" id="undo-merge" on:click=move |_| {
                    // Changes made since (here or in another tab) would be lost with the import.
                    if untrack(|| state.snapshot()) == after {
                        state.replace(before.clone());
                        message.set(Some(Status::said("Undone: everything is as it was before the import.")));
                    } else {
                        message.set(Some(Status::refused("Answers changed after the import (here or in another tab), so it can no longer be undone as a whole. Nothing was changed.")));
                    }
                    undo.set(None);
                    focus_later("import-file");
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
    message: RwSignal<Option<Status>>,
    on_open: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let raw = StoredValue::new(raw);
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (pass, raw) = (passphrase.get_untracked(), raw.get_value());
        if pass.is_empty() {
            message.set(Some(Status::refused("Enter the passphrase this backup was encrypted with. Nothing was changed.")));
            return;
        }
        spawn_local(async move {
            match decrypt(&pass, &raw).await {
                Ok(text) => {
                    locked.set(None);
                    on_open(text);
                    // The passphrase field went with the form: back to the file picker, just
                    // above what the backup holds.
                    focus_later("import-file");
                }
                Err(error) => {
                    message.set(Some(Status::refused(format!("Could not open the backup: {}. Nothing was changed.", error.reason()))))
                }
            }
        });
    };
    view! {
        // A form, so Enter in the passphrase field opens the file too.
        <form class="field" on:submit=open>
            <label for="import-passphrase">"Passphrase"</label>
            // A refusal here is the passphrase's (team pass of stop 45: it marked the file picker).
            <input type="password" id="import-passphrase" autocomplete="off" aria-describedby="import-message"
                aria-invalid=move || message.with(|m| m.as_ref().is_some_and(|m| m.refused)).then_some("true")
                prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev)) />
            <button type="submit" id="import-decrypt">"Decrypt and compare"</button>
        </form>
    }
}

/// Whether bringing in `backup` restores it in place of what is here: nothing has been entered
/// here yet, and the backup holds something.
fn restores(state: AppState, backup: &Workspace) -> bool {
    let here = state.workspace.with_untracked(|w| state.assessment.with_untracked(|open| w.is_untouched_with(open)));
    here && !backup.is_untouched()
}

/// Why the file's bytes are refused before its text is read ([`import_file::refused_bytes`]);
/// `None` when they are text, or cannot be read again (then as the browser read them).
async fn refused_bytes(file: &web_sys::File) -> Option<String> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    import_file::refused_bytes(&file.name(), &js_sys::Uint8Array::new(&buffer).to_vec())
}

/// What the import last said, and whether it refused something: a refusal is shown as an error
/// and marks the file field (founder pass: it read like any other status line).
#[derive(Clone)]
struct Status {
    text: String,
    refused: bool,
}

impl Status {
    fn said(text: impl Into<String>) -> Self {
        Self { text: text.into(), refused: false }
    }

    fn refused(text: impl Into<String>) -> Self {
        Self { text: text.into(), refused: true }
    }
}
