//! The browser edge: thin Leptos components that render domain values and dispatch changes.
//! Storage, the clock and downloads live here and nowhere else.

mod answer_fields;
mod app;
#[cfg(feature = "tools")]
mod assessments;
#[cfg(feature = "tools")]
mod charts;
mod checklist;
pub mod clock;
#[cfg(feature = "tools")]
pub mod crypto;
#[cfg(feature = "tools")]
mod dashboard;
mod day_change;
mod dom;
pub mod download;
mod evidence_editor;
#[cfg(feature = "tools")]
mod export_view;
mod fields;
mod focus;
#[cfg(feature = "tools")]
mod import_view;
#[cfg(feature = "tools")]
mod interview;
#[cfg(feature = "tools")]
mod kept_aside;
mod nav;
mod notices;
pub mod panic_screen;
#[cfg(feature = "tools")]
mod plan;
mod prerendered;
#[cfg(feature = "tools")]
mod register;
mod route;
mod scroll_memory;
#[cfg(feature = "tools")]
mod settle;
mod state;
pub mod storage;
mod summary;
mod text;
mod tools;

pub fn start() {
    panic_screen::install();
    if prerendered::is_showing() {
        // The pre-rendered first view is on screen and usable: let the browser paint it and
        // handle the visitor's first clicks, then start the app when the page is idle.
        prerendered::when_idle(mount_app);
    } else {
        mount_app();
    }
}

/// After the first visit the service worker (public/sw.js) serves the app's own files, so it also
/// works offline. Registered once the app runs, so it never delays the first view (registering
/// again after a hand-over to the tools bundle returns the same registration).
fn register_offline_cache() {
    let window = leptos::prelude::window();
    if window.location().protocol().is_ok_and(|p| p != "file:") {
        let registered = window.navigator().service_worker().register(service_worker_url(&window));
        // Offline support is a bonus: the app works without it (a refusal is not an error).
        wasm_bindgen_futures::spawn_local(async move {
            let _ = wasm_bindgen_futures::JsFuture::from(registered).await;
        });
    }
}

/// Visitors whose browser asks to save data (Save-Data) get the offline cache without the tools
/// bundle up front: the service worker caches it when a tool is first opened instead.
fn service_worker_url(window: &web_sys::Window) -> &'static str {
    let field = |target: &wasm_bindgen::JsValue, name: &str| js_sys::Reflect::get(target, &name.into()).ok().filter(|v| !v.is_undefined());
    let save_data = field(&window.navigator(), "connection").and_then(|c| field(&c, "saveData")).and_then(|v| v.as_bool());
    if save_data == Some(true) {
        "./sw.js?save-data"
    } else {
        "./sw.js"
    }
}

fn mount_app() {
    prerendered::take();
    let handle = leptos::mount::mount_to(leptos::prelude::document().body().expect("a body"), app::App);
    tools::mounted(Box::new(handle));
    register_offline_cache();
    if let Some(root) = leptos::prelude::document().document_element() {
        let _ = root.set_attribute(LIVE, "");
    }
}

/// Set on the root element once the app, not the pre-rendered page, is live: tests and the
/// build-time capture wait for it, and the tools bundle finds it already set when it takes over.
const LIVE: &str = "data-app-ready";

/// Once the browser has painted, adds `step` to `drawn` (up to `total`), and again until it
/// reaches `total`: a long view's later parts come a batch a frame (the checklist's cards, the
/// register's parts). Stops when the view has gone (its signal disposed) or something else has
/// drawn everything meanwhile (a link to a later part).
pub(crate) fn draw_more_after_paint(drawn: leptos::prelude::RwSignal<usize>, step: usize, total: usize) {
    use leptos::prelude::*;
    if drawn.get_untracked() >= total {
        return;
    }
    request_animation_frame(move || {
        set_timeout(
            move || {
                if drawn.try_get_untracked().is_some_and(|n| n < total) {
                    drawn.update(|n| *n = (*n + step).min(total));
                    draw_more_after_paint(drawn, step, total);
                }
            },
            std::time::Duration::ZERO,
        )
    });
}

/// Whether the app has been mounted (false while it draws its first view).
pub(crate) fn is_live() -> bool {
    leptos::prelude::document().document_element().is_some_and(|root| root.has_attribute(LIVE))
}
