//! The tools bundle's side: start from the workspace the first-load bundle handed over.

use leptos::prelude::*;

use super::{HANDOVER_KEY, HANDOVER_UNSAVED_KEY};

thread_local! {
    static RECEIVED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The tools bundle's side: the workspace the first-load bundle handed over, if it did, and
/// whether its latest save had failed (storage does not hold it).
pub fn take_handed_over() -> Option<(crate::domain::workspace::Workspace, bool)> {
    let global = js_sys::global();
    let take = |name: &str| {
        let key = wasm_bindgen::JsValue::from_str(name);
        let value = js_sys::Reflect::get(&global, &key).ok();
        let _ = js_sys::Reflect::delete_property(&global, &key);
        value
    };
    let unsaved = take(HANDOVER_UNSAVED_KEY).and_then(|v| v.as_bool()).unwrap_or(false);
    let raw = take(HANDOVER_KEY)?.as_string()?;
    RECEIVED.set(true);
    Some((crate::domain::workspace::decode_workspace(&raw).ok()?, unsaved))
}

/// The tools bundle stays mounted for good. After a hand-over the page was rebuilt: put keyboard
/// focus on the view that was asked for, without scrolling away from where the visitor was,
/// unless the route has already put it somewhere in that view (the list "Why this score" leads to).
pub fn mounted(handle: Box<dyn std::any::Any>) {
    std::mem::forget(handle);
    if RECEIVED.get() {
        request_animation_frame(crate::ui::focus::recover_lost_focus);
    }
}
