//! The storage layer against real localStorage in headless Chromium.
#![cfg(target_arch = "wasm32")]

use audit_readiness::domain::persist::{encode, BACKUP_KEY_PREFIX, STORAGE_KEY};
use audit_readiness::domain::workspace::{encode_workspace, Workspace};
use audit_readiness::domain::{Answer, AppError, Assessment};
use audit_readiness::ui::storage::{self, StorageNotice};
use chrono::NaiveDate;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn local() -> web_sys::Storage {
    web_sys::window().unwrap().local_storage().unwrap().unwrap()
}

fn sample() -> Assessment {
    let mut a = Assessment::default();
    let day = NaiveDate::from_ymd_opt(2026, 11, 23).unwrap();
    a.set_answer("C53-PRE-01", Answer::Yes, day);
    a.set_answer("C53-PRE-04", Answer::NotApplicable, day);
    a.set_na_justification("C53-PRE-04", "Sole founder".into());
    a.set_note("C53-PRE-01", "Signed letter — <HR drive>".into());
    a
}

#[wasm_bindgen_test]
fn save_then_load_round_trips_through_real_local_storage() {
    local().clear().unwrap();
    let mut workspace = Workspace::single(sample(), None);
    workspace.create("Stage 2", Assessment::default(), NaiveDate::from_ymd_opt(2026, 11, 23).unwrap());
    storage::save(&workspace, None).unwrap();
    assert_eq!(local().get_item(STORAGE_KEY).unwrap(), Some(encode_workspace(&workspace)));
    let loaded = storage::load(1);
    assert_eq!(loaded.workspace, workspace);
    assert_eq!(loaded.notice, None);
    assert!(loaded.can_save);
}

#[wasm_bindgen_test]
fn empty_storage_loads_a_blank_assessment() {
    local().clear().unwrap();
    let loaded = storage::load(1);
    assert_eq!(loaded.workspace.entries.len(), 1);
    assert_eq!(loaded.workspace.active_entry().assessment, Assessment::default());
    assert!(loaded.notice.is_none() && loaded.can_save);
}

#[wasm_bindgen_test]
fn a_version_1_value_loads_unchanged_and_the_first_save_keeps_it_aside() {
    local().clear().unwrap();
    let v1 = encode(&sample());
    local().set_item(STORAGE_KEY, &v1).unwrap();
    let loaded = storage::load(1);
    assert_eq!(loaded.workspace.active_entry().assessment, sample());
    assert!(loaded.notice.is_none());
    assert_eq!(local().get_item(STORAGE_KEY).unwrap(), Some(v1.clone()), "loading alone never writes");
    assert_eq!(local().length().unwrap(), 1);
    // The first save keeps the older value under a backup key before writing the current format.
    storage::save(&loaded.workspace, None).unwrap();
    assert_eq!(local().get_item(STORAGE_KEY).unwrap(), Some(encode_workspace(&loaded.workspace)));
    assert_eq!(local().get_item(&format!("{BACKUP_KEY_PREFIX}1")).unwrap(), Some(v1));
    // Once: later saves do not copy again.
    storage::save(&loaded.workspace, None).unwrap();
    assert_eq!(local().length().unwrap(), 2);
}

#[wasm_bindgen_test]
fn a_value_giving_a_key_twice_is_kept_aside_before_the_first_save() {
    // Data-safety pass of stop 47: the first of a response given twice was read away, and the
    // next save wrote it off with no copy kept.
    local().clear().unwrap();
    let current = encode_workspace(&Workspace::single(sample(), None));
    let raw = current.replacen("\"C53-PRE-01\":{", "\"C53-PRE-01\":{\"answer\":\"no\",\"note\":\"first\"},\"C53-PRE-01\":{", 1);
    assert_ne!(raw, current);
    local().set_item(STORAGE_KEY, &raw).unwrap();
    let loaded = storage::load(7);
    assert_eq!(loaded.workspace.active_entry().assessment, sample(), "the last one is read");
    assert!(loaded.notice.is_none());
    storage::save(&loaded.workspace, None).unwrap();
    assert_eq!(local().get_item(&format!("{BACKUP_KEY_PREFIX}7")).unwrap(), Some(raw), "kept aside as it was");
}

#[wasm_bindgen_test]
fn unreadable_value_is_backed_up_once_and_left_in_place() {
    local().clear().unwrap();
    local().set_item(STORAGE_KEY, "{not json").unwrap();
    let first = storage::load(1000);
    let Some(StorageNotice::Unreadable { error: AppError::Corrupt(_), raw, backup_key: Some(key) }) = first.notice else {
        panic!("expected an unreadable notice, got {:?}", first.notice);
    };
    assert_eq!(raw, "{not json");
    assert!(key.starts_with(BACKUP_KEY_PREFIX));
    assert_eq!(local().get_item(&key).unwrap().as_deref(), Some("{not json"));
    // Loading never writes over the original.
    assert_eq!(local().get_item(STORAGE_KEY).unwrap().as_deref(), Some("{not json"));
    // A second load reuses the same backup instead of piling up copies.
    let second = storage::load(2000);
    let Some(StorageNotice::Unreadable { backup_key: Some(again), .. }) = second.notice else { panic!() };
    assert_eq!(again, key);
    assert_eq!(local().length().unwrap(), 2);
}

#[wasm_bindgen_test]
fn newer_schema_version_is_reported_by_number_and_kept() {
    local().clear().unwrap();
    let future = "{\"schema_version\":7,\"assessment\":{}}";
    local().set_item(STORAGE_KEY, future).unwrap();
    let loaded = storage::load(5);
    match loaded.notice {
        Some(StorageNotice::Unreadable { error: AppError::UnknownVersion(7), backup_key: Some(key), .. }) => {
            assert_eq!(local().get_item(&key).unwrap().as_deref(), Some(future));
        }
        other => panic!("unexpected {other:?}"),
    }
}
