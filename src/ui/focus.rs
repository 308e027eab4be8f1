//! Moving keyboard focus: after navigation, after a panel replaces the button that opened it.

use leptos::prelude::*;

/// Focuses the element with this id now, if it exists; returns whether it did.
pub fn focus_now(element_id: &str) -> bool {
    document()
        .get_element_by_id(element_id)
        .and_then(|element| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(element).ok())
        .is_some_and(|html| html.focus().is_ok())
}

/// Focuses the element with this id without scrolling it into view (the page stays where the
/// visitor had it).
pub fn focus_in_place(element_id: &str) {
    let element = document().get_element_by_id(element_id);
    if let Some(html) = element.and_then(|e| wasm_bindgen::JsCast::dyn_into::<web_sys::HtmlElement>(e).ok()) {
        let options = web_sys::FocusOptions::new();
        options.set_prevent_scroll(true);
        let _ = html.focus_with_options(&options);
    }
}

/// Scrolls the page so the element's top sits `down` (a fraction) of the way down the window,
/// when it is not in sight already.
pub fn bring_into_sight(element: &web_sys::Element, down: f64) {
    let top = element.get_bounding_client_rect().top();
    let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    if top < 0.0 || top > height - 48.0 {
        window().scroll_by_with_x_and_y(0.0, top - height * down);
    }
}

/// When the view that held focus was replaced (browser Back or Forward, a link inside the old
/// view), focus falls to the page body and the next Tab would start again from the top: it goes
/// to the main region instead, without scrolling.
pub fn recover_lost_focus() {
    recover_lost_focus_to("");
}

/// Like [`recover_lost_focus`], but to the element with id `preferred` when it is on the page
/// (the tools bundle's rebuilt page: the navigation link just used).
pub fn recover_lost_focus_to(preferred: &str) {
    if focus_is_lost() {
        let there = !preferred.is_empty() && document().get_element_by_id(preferred).is_some();
        focus_in_place(if there { preferred } else { "main" });
    }
}

/// Whether keyboard focus fell to the page body (the element that had it was removed).
fn focus_is_lost() -> bool {
    document().active_element().map_or(true, |element| element.tag_name().eq_ignore_ascii_case("body"))
}

/// Focuses the element once it has rendered, unless the visitor has put the focus somewhere
/// else by then. It is tried as soon as the views have run (before the next key is handled:
/// keyboard pass of stop 50, a word typed straight after Enter on "Add evidence record" lost its
/// first letter to the button while the focus waited for a frame), then on the next animation
/// frame if the element is not there yet: a tab in the background gets no frames until it is
/// shown again, and a late move would take the focus from wherever they have since put it.
pub fn focus_later(element_id: impl Into<String>) {
    let element_id = element_id.into();
    let before = document().active_element();
    let still = move |before: &Option<web_sys::Element>| focus_is_lost() || document().active_element() == *before;
    // Queued after the views the change woke, so it runs once they have.
    leptos::task::spawn_local(async move {
        if still(&before) && !focus_now(&element_id) {
            request_animation_frame(move || {
                if still(&before) {
                    focus_now(&element_id);
                }
            });
        }
    });
}

/// A skip link moves focus to `target` without touching the address bar (the hash holds the
/// route), and brings it to the top of the window, as a jump should (second look: a heading
/// already in sight at the window's foot stayed there, and the jump seemed to do nothing).
/// A target not drawn yet (a register part the click has just asked for) is jumped to on the
/// next frame, once the views have run.
pub fn skip_to(event: leptos::ev::MouseEvent, target: &'static str) {
    event.prevent_default();
    if !jump_to(target) {
        request_animation_frame(move || {
            jump_to(target);
        });
    }
}

/// Focuses the element with this id and scrolls it to the top; whether it was there.
fn jump_to(target: &str) -> bool {
    let Some(element) = document().get_element_by_id(target) else { return false };
    focus_in_place(target);
    element.scroll_into_view();
    true
}
