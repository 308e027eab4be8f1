//! A panic replaces the page with a recoverable error screen: what happened, a reload link, and
//! a download of the saved answers, built without any inline script so the CSP still holds.

use wasm_bindgen::JsValue;

use super::download::object_url;
use super::storage::{raw_state, unsaved};

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        show_error_screen();
    }));
}

fn show_error_screen() {
    let Some(body) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.body()) else { return };
    render_error_screen(&body);
}

/// Replaces the content of `container` with the error screen (public for the browser tests).
pub fn render_error_screen(container: &web_sys::Element) {
    // Changes the browser's storage refused are only in this tab: the download offers them, and
    // the screen does not call the saved answers the latest (data-safety pass).
    let unsaved = unsaved();
    let (said, offered) = match unsaved {
        Some(_) => ("Your latest changes could not be saved in this browser: download them before you reload.", "your answers"),
        None => ("Your saved answers are safe in this browser.", "your saved answers"),
    };
    container.set_inner_html(&format!(
        "<main class=\"crash\">\
         <div role=\"alert\"><h1>Something went wrong</h1>\
         <p>The app hit an internal error and stopped. {said}</p></div>\
         <p><a id=\"crash-reload\" href=\"\">Reload the app</a></p>\
         <p><a id=\"crash-export\" download=\"audit-readiness-backup.json\">Download {offered}</a></p>\
         </main>"
    ));
    let Ok(Some(anchor)) = container.query_selector("#crash-export") else { return };
    let data = unsaved.or_else(raw_state).unwrap_or_else(|| "{}".to_string());
    if let Ok(url) = object_url("application/json", &data) {
        let _ = anchor.set_attribute("href", &url);
    }
}
