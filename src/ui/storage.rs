//! localStorage at the edge. Loading never writes over a value it could not read: such a value is
//! copied to a backup key first, and if even that fails, saving is switched off for the session.
//! A value in an older format is copied to a backup key by the first save, before it writes.
//! A value another tab saves that this one cannot read is copied aside too, and this tab stops
//! saving.

use gloo_storage::errors::StorageError;
use gloo_storage::{LocalStorage as BrowserLocalStorage, Storage};

use crate::domain::persist::{backup_key, BACKUP_KEY_PREFIX, PREFS_KEY_PREFIX, STORAGE_KEY};
use crate::domain::workspace::{decode_workspace_versioned, stored_with, StoredWorkspaceRef, Workspace, WORKSPACE_SCHEMA_VERSION};
use crate::domain::{AppError, Assessment};

/// Something the user must be told about their stored data.
#[derive(Debug, Clone, PartialEq)]
pub enum StorageNotice {
    /// The stored value could not be read; it is kept under `backup_key` (if that worked).
    Unreadable { error: AppError, raw: String, backup_key: Option<String> },
    /// localStorage is missing or blocked: answers last only as long as the tab.
    Unavailable,
    /// The last save failed (for example the quota is full); answers are still in memory.
    SaveFailed(AppError),
    /// Another tab opened (or left) an assessment, and this tab followed it to this one (shown,
    /// under its current name, while it stays open here).
    /// `left` names the one open here before, and `deleted` says the other tab deleted it.
    FollowedOtherTab { id: String, left: String, deleted: bool },
    /// Another tab saved a value this one cannot read (a newer version of the app, say): it is
    /// kept under `backup_key` (if that worked) and this tab no longer saves over it.
    OtherTabUnreadable { error: AppError, backup_key: Option<String> },
    /// Another tab saved while this one held changes it could not save: this tab kept its own
    /// and stopped saving, so neither tab's changes are written over.
    OtherTabSavedOverUnsaved,
}

pub struct Loaded {
    pub workspace: Workspace,
    pub notice: Option<StorageNotice>,
    /// False when writing could destroy something (or cannot work at all).
    pub can_save: bool,
}

fn storage() -> Option<web_sys::Storage> {
    web_sys::window()?.local_storage().ok().flatten()
}

fn fresh(notice: Option<StorageNotice>, can_save: bool) -> Loaded {
    // Started today: the assessments page dates it like the ones created later.
    Loaded { workspace: Workspace::single(Assessment::default(), Some(super::clock::today())), notice, can_save }
}

/// Reads the saved assessments (any released format), protecting anything unreadable before
/// the app may write.
pub fn load(now_ms: u64) -> Loaded {
    let Some(store) = storage() else {
        return fresh(Some(StorageNotice::Unavailable), false);
    };
    let raw = match store.get_item(STORAGE_KEY) {
        Ok(Some(raw)) => raw,
        Ok(None) => return fresh(None, true),
        Err(_) => return fresh(Some(StorageNotice::Unavailable), false),
    };
    // Right in every field's type and still wrong, two records under one ID: kept aside as
    // unreadable, as the import refuses it, before the register edits the wrong one.
    let checked =
        decode_workspace_versioned(&raw).and_then(|(workspace, version)| {
            match crate::domain::export::import_checks::duplicate_ids(&workspace) {
                problems if problems.is_empty() => Ok((workspace, version)),
                problems => Err(AppError::Corrupt(problems.join("; "))),
            }
        });
    match checked {
        Ok((workspace, version)) => {
            // An older format is read as it is; the first save copies it aside before it writes
            // the current format over it.
            // So is a value holding fields this build does not know, which its saving would drop.
            if version != WORKSPACE_SCHEMA_VERSION || !dropped_fields(&raw, &workspace).is_empty() {
                OLDER_FORMAT.set(Some((raw, now_ms)));
            }
            Loaded { workspace, notice: None, can_save: true }
        }
        Err(error) => {
            let backup_key = keep_aside(&store, &raw, now_ms).ok();
            let can_save = backup_key.is_some();
            fresh(Some(StorageNotice::Unreadable { error, raw, backup_key }), can_save)
        }
    }
}

/// The fields of a stored value `raw`, read as `workspace`, that saving it would drop.
pub fn dropped_fields(raw: &str, workspace: &Workspace) -> Vec<String> {
    crate::domain::persist::unknown_keys(raw, &crate::domain::workspace::encode_workspace(workspace))
}

/// Copies an unreadable value under a backup key (reusing an identical earlier backup).
fn keep_aside(store: &web_sys::Storage, raw: &str, now_ms: u64) -> Result<String, AppError> {
    if let Some(existing) = existing_backup(store, raw) {
        return Ok(existing);
    }
    let key = backup_key(now_ms);
    store.set_item(&key, raw).map_err(|error| refused(&error))?;
    match store.get_item(&key).ok().flatten().as_deref() == Some(raw) {
        true => Ok(key),
        false => Err(AppError::Storage("the browser did not keep the copy".into())),
    }
}

/// Why the browser refused a write: a full store is said as such, so that the advice is to free
/// space (data-safety pass of stop 52: a full store was advised to allow storage).
fn refused(error: &wasm_bindgen::JsValue) -> AppError {
    let name = js_sys::Reflect::get(error, &"name".into()).ok().and_then(|name| name.as_string()).unwrap_or_default();
    AppError::Storage(if name.contains("Quota") { FULL.into() } else { "the browser refused the change".into() })
}

/// The backup keys of the copies kept aside, in the store's order.
fn backup_keys(store: &web_sys::Storage) -> impl Iterator<Item = String> + '_ {
    (0..store.length().unwrap_or(0)).filter_map(|i| store.key(i).ok().flatten()).filter(|key| key.starts_with(BACKUP_KEY_PREFIX))
}

fn existing_backup(store: &web_sys::Storage, raw: &str) -> Option<String> {
    backup_keys(store).find(|key| store.get_item(key).ok().flatten().as_deref() == Some(raw))
}

thread_local! {
    static LAST_SAVE_FAILED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The workspace as this tab holds it, encoded, while its latest save failed: the error
    /// screen offers it (data-safety pass: it offered only what was saved before).
    static UNSAVED: std::cell::RefCell<Option<String>> = const { std::cell::RefCell::new(None) };
    /// Set once another tab has saved what this one cannot read: nothing is written after that.
    static STOPPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// The stored value as loaded, with the moment, while it is in an older format not yet
    /// copied aside.
    static OLDER_FORMAT: std::cell::Cell<Option<(String, u64)>> = const { std::cell::Cell::new(None) };
}

/// Copies a value loaded in an older format aside, once, before anything is written over it.
fn keep_older_format(store: &web_sys::Storage) -> Result<(), AppError> {
    let Some((raw, now_ms)) = OLDER_FORMAT.take() else { return Ok(()) };
    let why = match keep_aside(store, &raw, now_ms) {
        Ok(_) => return Ok(()),
        Err(error) => error.reason(),
    };
    OLDER_FORMAT.set(Some((raw, now_ms)));
    // Plain words (copy pass of stop 52: "your answers as saved by an earlier version").
    const NOT_COPIED: &str = "the answers saved before could not be copied aside first";
    Err(AppError::Storage(match why.as_str() {
        FULL => format!("{FULL}, so {NOT_COPIED}, and nothing was written over them"),
        _ => format!("{NOT_COPIED} ({why}), so nothing was written over them"),
    }))
}

/// Another tab saved `raw`, which this one cannot read: copies it aside and stops this tab's
/// saving for good, so no edit made here writes over it (data-safety pass: the next answer here
/// replaced a newer version's data, with no copy kept). The backup key, if the copy worked.
pub fn stop_saving_over(raw: &str, now_ms: u64) -> Option<String> {
    STOPPED.set(true);
    storage().and_then(|store| keep_aside(&store, raw, now_ms).ok())
}

/// Whether this tab has stopped saving (see [`stop_saving_over`]).
pub fn stopped() -> bool {
    STOPPED.get()
}

/// Stops this tab's saving for good (see [`StorageNotice::OtherTabSavedOverUnsaved`]).
pub fn stop_saving() {
    STOPPED.set(true);
}

/// Writes the workspace, with `working` (if given) as its open assessment's answers, copying
/// neither (`workspace::stored_with`). A full quota or blocked storage comes back as an error to
/// show.
pub fn save(workspace: &Workspace, working: Option<&Assessment>) -> Result<(), AppError> {
    let workspace = stored_with(workspace, working);
    let result = if let Some(store) = storage() {
        keep_older_format(&store).and_then(|()| write(&workspace))
    } else {
        Err(AppError::Storage("storage is not available".into()))
    };
    LAST_SAVE_FAILED.set(result.is_err());
    UNSAVED.set(result.is_err().then(|| workspace.encode()));
    result
}

/// Why a save failed when the storage is full: freeing some is then the way out.
pub const FULL: &str = "the browser's storage space for this site is full";

fn write(workspace: &StoredWorkspaceRef) -> Result<(), AppError> {
    BrowserLocalStorage::set(STORAGE_KEY, workspace).map_err(|error| match error {
        StorageError::JsError(error) if error.name.contains("Quota") => AppError::Storage(FULL.into()),
        // Said as a refusal, with the browser's words after (copy pass of stop 51: a bare
        // "SecurityError: blocked" was followed by advice to free storage that was not full).
        other => AppError::Storage(format!("the browser refused to store it ({other})")),
    })
}

/// A view preference kept beside the answers, in a key of its own (in no assessment and no
/// backup): on when stored as "1". Without storage it stays off, and setting it does nothing.
#[cfg_attr(not(feature = "tools"), allow(dead_code))]
pub fn preference(name: &str) -> bool {
    storage().and_then(|s| s.get_item(&preference_key(name)).ok().flatten()).is_some_and(|v| v == "1")
}

#[cfg_attr(not(feature = "tools"), allow(dead_code))]
pub fn set_preference(name: &str, on: bool) {
    if let Some(s) = storage() {
        let key = preference_key(name);
        let _ = if on { s.set_item(&key, "1") } else { s.remove_item(&key) };
    }
}

/// A view preference holding text (the person whose cue card is open), or `None`.
#[cfg_attr(not(feature = "tools"), allow(dead_code))]
pub fn text_preference(name: &str) -> Option<String> {
    storage().and_then(|s| s.get_item(&preference_key(name)).ok().flatten())
}

#[cfg_attr(not(feature = "tools"), allow(dead_code))]
pub fn set_text_preference(name: &str, value: Option<&str>) {
    if let Some(s) = storage() {
        let key = preference_key(name);
        let _ = match value {
            Some(value) => s.set_item(&key, value),
            None => s.remove_item(&key),
        };
    }
}

/// Removes the text preferences named `prefix` followed by something `keep` refuses: the open
/// cue card of an assessment deleted since (review: its key stayed behind for good).
#[cfg(feature = "tools")]
pub fn prune_text_preferences(prefix: &str, keep: impl Fn(&str) -> bool) {
    let Some(store) = storage() else { return };
    let named = preference_key(prefix);
    let keys: Vec<String> = (0..store.length().unwrap_or(0)).filter_map(|i| store.key(i).ok().flatten()).collect();
    for key in keys.iter().filter(|key| key.strip_prefix(&named).is_some_and(|rest| !keep(rest))) {
        let _ = store.remove_item(key);
    }
}

#[cfg_attr(not(feature = "tools"), allow(dead_code))]
fn preference_key(name: &str) -> String {
    format!("{PREFS_KEY_PREFIX}{name}")
}

/// The backup keys of the copies kept aside (unreadable values, older formats, deleted
/// assessments), newest first, so the user can take them and free the space. Their values are
/// read where they are listed (`kept`), once each.
#[cfg(feature = "tools")]
pub fn kept_aside() -> Vec<String> {
    let Some(store) = storage() else { return Vec::new() };
    let mut kept: Vec<String> = backup_keys(&store).collect();
    kept.sort_by(|a, b| b.cmp(a));
    kept
}

/// The value kept under `key`, if it is still there.
#[cfg(feature = "tools")]
pub fn kept(key: &str) -> Option<String> {
    storage()?.get_item(key).ok().flatten()
}

/// Writes `raw` under the backup `key` (`None`: deletes it). Only backup keys are touched.
#[cfg(feature = "tools")]
pub fn set_kept(key: &str, raw: Option<&str>) -> Result<(), AppError> {
    let store = storage().filter(|_| key.starts_with(BACKUP_KEY_PREFIX));
    let store = store.ok_or_else(|| AppError::Storage("storage is not available".into()))?;
    let done = match raw {
        Some(raw) => store.set_item(key, raw),
        None => store.remove_item(key),
    };
    done.map_err(|error| refused(&error))
}

/// Keeps `raw` under a new backup key, listed with the copies kept aside, and returns the key.
#[cfg(feature = "tools")]
pub fn keep_copy(raw: &str, now_ms: u64) -> Result<String, AppError> {
    let key = crate::domain::persist::backup_key(now_ms);
    set_kept(&key, Some(raw))?;
    Ok(key)
}

/// Whether any copy is kept aside (under Export and share), to offer for deleting when full.
pub fn any_kept() -> bool {
    storage().is_some_and(|store| backup_keys(&store).next().is_some())
}

/// Whether the latest save failed, so this tab holds changes storage does not.
pub fn last_save_failed() -> bool {
    LAST_SAVE_FAILED.get()
}

/// The raw stored value (used by the error screen's export).
pub fn raw_state() -> Option<String> {
    storage()?.get_item(STORAGE_KEY).ok().flatten()
}

/// The workspace this tab could not save, encoded, if its latest save failed.
pub fn unsaved() -> Option<String> {
    UNSAVED.with_borrow(Clone::clone)
}
