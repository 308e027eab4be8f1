//! Reading the page outside Leptos's views: the pre-rendered first view and the tags the build
//! writes into index.html.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// Calls `visit` with every element matching `selector` that is a `T`, in document order.
pub fn each<T: JsCast>(selector: &str, mut visit: impl FnMut(T)) {
    let Ok(list) = document().query_selector_all(selector) else { return };
    for index in 0..list.length() {
        if let Some(node) = list.item(index).and_then(|n| n.dyn_into::<T>().ok()) {
            visit(node);
        }
    }
}

/// Whether a text field, text area or picker has the keyboard focus.
pub fn field_has_focus() -> bool {
    document().active_element().is_some_and(|element| matches!(element.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT"))
}
