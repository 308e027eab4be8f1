//! The tools bundle's side: start from the workspace the first-load bundle handed over.

use leptos::prelude::*;

use super::{HANDOVER_FOCUS_KEY, HANDOVER_KEY, HANDOVER_UNSAVED_KEY};

thread_local! {
    static RECEIVED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The tools bundle's side: the workspace the first-load bundle handed over, if it did, and
/// whether its latest save had failed (storage does not hold it).
pub fn take_handed_over() -> Option<(crate::domain::workspace::Workspace, bool)> {
    let unsaved = take(HANDOVER_UNSAVED_KEY).and_then(|v| v.as_bool()).unwrap_or(false);
    let raw = take(HANDOVER_KEY)?.as_string()?;
    RECEIVED.set(true);
    Some((crate::domain::workspace::decode_workspace(&raw).ok()?, unsaved))
}

/// A value the first-load bundle left on the global object, taken off it.
fn take(name: &str) -> Option<wasm_bindgen::JsValue> {
    let (global, key) = (js_sys::global(), wasm_bindgen::JsValue::from_str(name));
    let value = js_sys::Reflect::get(&global, &key).ok();
    let _ = js_sys::Reflect::delete_property(&global, &key);
    value
}

/// The tools bundle stays mounted for good. After a hand-over the page was rebuilt: keyboard
/// focus goes back to the element that had it, the navigation link just used, as it stays on a
/// link used later (founder pass of stop 43: the first section opened put focus on the main
/// region, the next ones left it on the link); failing that, to the view that was asked for. It
/// never scrolls away from where the visitor was, nor moves focus the route has already put
/// somewhere in that view (the list "Why this score" leads to).
pub fn mounted(handle: Box<dyn std::any::Any>) {
    std::mem::forget(handle);
    if RECEIVED.get() {
        let focused = take(HANDOVER_FOCUS_KEY).and_then(|v| v.as_string()).unwrap_or_default();
        request_animation_frame(move || crate::ui::focus::recover_lost_focus_to(&focused));
    }
}
