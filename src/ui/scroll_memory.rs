//! A reload comes back where the page was. The browser's own scroll restoration runs before the
//! app has rendered its view, on a page still too short to scroll (phone pass: a reload of a long
//! section came back at its top). The position is kept for this tab only, in session storage,
//! beside the route it belongs to.

use leptos::prelude::*;

use super::route::{current_hash, Route, AUDIT_DATE_HREF, WHY_HREF};

const KEY: &str = "audit-readiness-check/scroll";

fn tab_storage() -> Option<web_sys::Storage> {
    window().session_storage().ok().flatten()
}

/// Keeps the scroll position and route when the page is left (a reload, a tab closed).
pub fn remember_on_leave() -> WindowListenerHandle {
    window_event_listener(leptos::ev::pagehide, |_| {
        // Whole pixels: parsing or printing a float would bring the standard library's float
        // tables into the first load (about 20 KB).
        let y = window().scroll_y().unwrap_or(0.0).round() as i32;
        if let Some(storage) = tab_storage() {
            let _ = storage.set_item(KEY, &format!("{y} {}", current_hash()));
        }
    })
}

/// Scrolls back to where the page was left, when it is opened again on the same route. A route
/// that brings its own target into view (a question, the list of lost points, the audit date)
/// goes there instead.
pub fn restore(route: &Route) {
    let hash = current_hash();
    if matches!(route, Route::Item(..)) || hash == WHY_HREF || hash == AUDIT_DATE_HREF {
        return;
    }
    let saved = tab_storage().and_then(|storage| storage.get_item(KEY).ok().flatten());
    let y = saved.as_deref().and_then(|saved| saved.split_once(' ')).filter(|(_, at)| *at == hash).and_then(|(y, _)| y.parse::<i32>().ok());
    if let Some(y) = y.filter(|y| *y > 0) {
        scroll_when_tall_enough(f64::from(y), 120);
    }
}

/// A tool's view may render a few frames later (its bundle still loading): waits up to `frames`
/// frames for the page to be long enough, then scrolls and forgets the position.
fn scroll_when_tall_enough(y: f64, frames: u32) {
    request_animation_frame(move || {
        let page = document().document_element().map_or(0.0, |root| f64::from(root.scroll_height()));
        let screen = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
        if page - screen >= y || frames == 0 {
            window().scroll_to_with_x_and_y(0.0, y);
            if let Some(storage) = tab_storage() {
                let _ = storage.remove_item(KEY);
            }
        } else {
            scroll_when_tall_enough(y, frames - 1);
        }
    });
}
