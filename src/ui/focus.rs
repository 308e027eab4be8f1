//! Moving keyboard focus: after navigation, after a panel replaces the button that opened it.

use leptos::prelude::*;

/// Focuses the element with this id now, if it exists; returns whether it did.
pub fn focus_now(element_id: &str) -> bool {
    document()
        .get_element_by_id(element_id)
        .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok())
        .is_some_and(|html| html.focus().is_ok())
}

/// Focuses the element once it has rendered (on the next animation frame).
#[cfg_attr(not(feature = "tools"), allow(dead_code))]
pub fn focus_later(element_id: impl Into<String>) {
    let element_id = element_id.into();
    request_animation_frame(move || {
        focus_now(&element_id);
    });
}
