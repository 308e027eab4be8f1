//! The copies the app kept aside in this browser (a value it could not read, answers in an older
//! format before converting them): listed with their size and day, to download and delete, so
//! they never fill the storage space for good (data-safety pass: nothing listed or removed them).

use leptos::prelude::*;

use super::clock::{local_time, LocalTime};
use super::download::download;
use super::state::AppState;
use super::storage::{kept, kept_aside, set_kept};
use crate::domain::persist::{fields_named, unread_fields, BACKUP_KEY_PREFIX};
use crate::domain::wording::and_list;
use crate::domain::workspace::{decode_workspace_versioned, encode_workspace};

#[component]
pub fn KeptAside(state: AppState) -> impl IntoView {
    // Read again when this list changes it, and when the answers change: a merge keeps a copy
    // of them first (team pass of stop 45).
    let changed = RwSignal::new(0u32);
    let list = Memo::new(move |_| {
        changed.track();
        state.workspace.track();
        state.assessment.track();
        kept_aside()
    });
    // The last one deleted, to put back until the page is left.
    let deleted = RwSignal::new(None::<(String, String)>);
    let message = RwSignal::new(None::<String>);
    let delete = move |key: String| {
        let Some(raw) = kept(&key) else { return };
        match set_kept(&key, None) {
            Ok(()) => {
                message.set(Some(format!("Deleted the copy kept on {}.", when(&key))));
                deleted.set(Some((key, raw)));
                // The row and its buttons go: to the Undo beside the message.
                super::focus::focus_later("kept-undo");
            }
            Err(e) => message.set(Some(format!("The copy could not be deleted: {}.", e.reason()))),
        }
        changed.update(|n| *n += 1);
    };
    let undo = move |_| {
        let Some((key, raw)) = deleted.get_untracked() else { return };
        // Put back, or, if storage refuses it now, saved as a file: never lost.
        message.set(Some(match set_kept(&key, Some(&raw)) {
            Ok(()) => {
                // The Undo goes: to the copy put back.
                super::focus::focus_later(format!("kept-{}-download", key.trim_start_matches(BACKUP_KEY_PREFIX)));
                format!("The copy kept on {} is back.", when(&key))
            }
            Err(e) => {
                let _ = download(&file_name(&key), "application/json", &raw);
                format!("The copy could not be put back ({}), so it was downloaded instead.", e.reason())
            }
        }));
        deleted.set(None);
        changed.update(|n| *n += 1);
    };
    // Its assessments added back, and the copy gone once they are in the list (founder pass: it
    // took a download and a restore, offered first as a merge, and the copy stayed listed).
    let add_back = move |key: String| {
        let Some(raw) = kept(&key) else { return };
        let Ok((copy, _)) = decode_workspace_versioned(&raw) else { return };
        // A copy holding fields this version does not read stays: adding back leaves them out
        // (data-safety pass of stop 48: it was deleted, and with it their only copy).
        let unread = unread_fields(&raw, &encode_workspace(&copy));
        let mut next = untrack(|| state.snapshot());
        let added = next.add_all(&copy);
        let names = and_list(&added.iter().filter_map(|id| next.entry(id)).map(|e| format!("“{}”", e.name)).collect::<Vec<_>>());
        state.replace(next);
        deleted.set(None);
        let said = match unread.is_empty() {
            false => format!(
                "Added {names} to Assessments. The copy kept on {} stays: it also holds what this version does not read {}, \
                 which adding back leaves out.",
                when(&key),
                fields_named(&unread)
            ),
            true => match set_kept(&key, None) {
                Ok(()) => format!("Added {names} to Assessments; the copy kept on {} is deleted.", when(&key)),
                Err(e) => format!("Added {names} to Assessments; the copy could not be deleted: {}.", e.reason()),
            },
        };
        message.set(Some(said));
        changed.update(|n| *n += 1);
        super::focus::focus_later("kept-status");
    };
    let rows = move || list.get().into_iter().map(|key| row(key, delete, add_back)).collect_view();
    view! {
        <section class="card" aria-labelledby="kept-title" hidden=move || list.with(Vec::is_empty) && message.with(Option::is_none)>
            <h2 id="kept-title">"Copies kept aside in this browser"</h2>
            <p class="hint">"Made before anything was written over data the app could not read or over answers saved by an earlier version, before a teammate's backup is merged in, and when an assessment is deleted. “Add back” puts a copy's assessments in the list again. They take storage space: download any you may need, then delete them."</p>
            <ul class="kept-list" id="kept-list">{rows}</ul>
            <p role="status" id="kept-status" tabindex="-1">
                {move || message.get()}" "
                {move || deleted.with(Option::is_some).then(|| view! { <button type="button" class="secondary" id="kept-undo" on:click=undo>"Undo"</button> })}
            </p>
        </section>
    }
}

/// One copy, its value read once: for its size and for what it holds.
fn row(key: String, delete: impl Fn(String) + Copy + 'static, add_back: impl Fn(String) + Copy + 'static) -> impl IntoView {
    let id = key.trim_start_matches(BACKUP_KEY_PREFIX).to_string();
    let raw = kept(&key).unwrap_or_default();
    let (holds, readable) = holding(&raw);
    let label = format!("Kept on {}: {} KB{holds}", when(&key), raw.chars().count().div_ceil(1000));
    let back = readable.then(|| {
        let key = key.clone();
        view! { <button type="button" id=format!("kept-{id}-add-back") on:click=move |_| add_back(key.clone())>"Add back"</button>" " }
    });
    let (get, del) = (key.clone(), key);
    view! {
        <li id=format!("kept-{id}")>
            <span>{label}</span>" "
            {back}
            <button type="button" class="secondary" id=format!("kept-{id}-download") on:click=move |_| {
                if let Some(raw) = kept(&get) {
                    let _ = download(&file_name(&get), "application/json", &raw);
                }
            }>"Download"</button>" "
            <button type="button" class="secondary" id=format!("kept-{id}-delete") on:click=move |_| delete(del.clone())>"Delete"</button>
        </li>
    }
}

/// What a copy holds, said after its size: ", holding “Stage 1”", or that the app cannot read it
/// (founder pass: "Kept on …: 6 KB" did not say which was the unreadable one); and whether it can.
fn holding(raw: &str) -> (String, bool) {
    match decode_workspace_versioned(raw) {
        Ok((workspace, _)) => {
            let names: Vec<String> = workspace.entries.iter().map(|e| format!("“{}”", e.name)).collect();
            let unread = unread_fields(raw, &encode_workspace(&workspace));
            let also = match unread.is_empty() {
                true => String::new(),
                false => format!(", with what this version does not read {}", fields_named(&unread)),
            };
            (format!(", holding {}{also}", and_list(&names)), true)
        }
        Err(_) => (", which the app cannot read".to_string(), false),
    }
}

/// "audit-readiness-kept-2026-12-05-034512.json": named by when it was kept, in this device's time.
fn file_name(key: &str) -> String {
    let when = match moment(key) {
        Some(m) => format!("{}-{:02}{:02}{:02}", m.day, m.hours, m.minutes, m.seconds),
        None => key.trim_start_matches(BACKUP_KEY_PREFIX).to_string(),
    };
    format!("audit-readiness-kept-{when}.json")
}

/// "2026-12-05 03:45:12" for a backup key made at that moment, in this device's time, to the
/// second: a founder does not think in UTC, and two copies kept in the same minute read alike
/// (founder pass).
fn when(key: &str) -> String {
    match moment(key) {
        Some(m) => format!("{} {:02}:{:02}:{:02}", m.day, m.hours, m.minutes, m.seconds),
        None => key.trim_start_matches(BACKUP_KEY_PREFIX).to_string(),
    }
}

/// When a backup key was made (its name is the time in ms), in this device's time.
fn moment(key: &str) -> Option<LocalTime> {
    let ms = key.trim_start_matches(BACKUP_KEY_PREFIX).parse::<u64>().ok()?;
    local_time(ms as f64)
}
