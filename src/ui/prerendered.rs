//! The release build's index.html carries the first view as static HTML, captured from this app
//! at build time (`scripts/prerender.mjs`), so the questions are on screen and answerable before
//! the wasm has loaded. At start the app reads the answers chosen there and the disclosures opened,
//! removes it, renders itself in its place (same markup, so nothing moves) and applies them.

use std::cell::RefCell;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::clock;
use super::dom::each;
use super::focus::focus_in_place;
use super::state::AppState;
use crate::domain::early_input::apply_early_input;

struct EarlyInput {
    entries: Vec<(String, String)>,
    /// Which disclosures were open, by position (the live view has the same markup).
    opened: Vec<usize>,
    focused: Option<String>,
    scroll_y: f64,
}

thread_local! {
    static TAKEN: RefCell<Option<EarlyInput>> = const { RefCell::new(None) };
}

/// Whether the pre-rendered first view is on screen (first visits only; see index.html).
pub fn is_showing() -> bool {
    let pending = document().document_element().is_some_and(|root| root.class_list().contains("app-pending"));
    !pending && document().query_selector("[data-prerendered]").ok().flatten().is_some()
}

/// Runs `start` once the page is idle (at the latest after half a second).
pub fn when_idle(start: fn()) {
    let callback = wasm_bindgen::closure::Closure::once_into_js(start);
    let options = web_sys::IdleRequestOptions::new();
    options.set_timeout(500);
    if window().request_idle_callback_with_options(callback.unchecked_ref(), &options).is_err() {
        start();
    }
}

/// Reads the pre-rendered form and removes it; call just before mounting the app.
pub fn take() {
    let mut entries = Vec::new();
    each("[data-prerendered] input[type=radio]:checked", |input: web_sys::HtmlInputElement| {
        entries.push((input.name(), input.value()));
    });
    let mut opened = Vec::new();
    let mut position = 0;
    each("[data-prerendered] details", |details: web_sys::Element| {
        if details.has_attribute("open") {
            opened.push(position);
        }
        position += 1;
    });
    let focused = document()
        .active_element()
        .filter(|element| element.closest("[data-prerendered]").ok().flatten().is_some())
        .map(|element| element.id())
        .filter(|id| !id.is_empty());
    let scroll_y = window().scroll_y().unwrap_or(0.0);
    // A link followed before the app started leads to another view: the disclosures, focus and
    // scroll position belong to the pre-rendered one (the start view, shown only without a route).
    let navigated = window().location().hash().is_ok_and(|hash| hash.len() > 2);
    if navigated {
        opened.clear();
    }
    let (focused, scroll_y) = if navigated { (None, 0.0) } else { (focused, scroll_y) };
    let mut found = false;
    each("[data-prerendered]", |element: web_sys::Element| {
        found = true;
        element.remove();
    });
    if found {
        TAKEN.with(|t| *t.borrow_mut() = Some(EarlyInput { entries, opened, focused, scroll_y }));
    }
}

/// Applies what was entered before the app loaded, opens the disclosures that were open and
/// puts focus and scroll back where they were. Returns whether anything was applied (and so needs saving).
pub fn restore(state: AppState) -> bool {
    let Some(early) = TAKEN.with(|t| t.borrow_mut().take()) else { return false };
    let mut applied = 0;
    if !early.entries.is_empty() {
        state.assessment.update(|a| {
            applied = apply_early_input(a, state.catalog, &early.entries, clock::today());
        });
    }
    // After the live view has mounted, before it is painted.
    request_animation_frame(move || {
        let mut position = 0;
        each("details", |details: web_sys::Element| {
            if early.opened.contains(&position) {
                let _ = details.set_attribute("open", "");
            }
            position += 1;
        });
        window().scroll_to_with_x_and_y(0.0, early.scroll_y);
        if let Some(id) = early.focused {
            focus_in_place(&id);
        }
    });
    applied > 0
}
