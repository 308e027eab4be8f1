//! A panic replaces the page with a recoverable error screen: what happened, a reload link, and
//! a download of the saved answers, built without any inline script so the CSP still holds.

use wasm_bindgen::JsValue;

use super::download::object_url;
use super::storage::raw_state;

pub fn install() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&JsValue::from_str(&info.to_string()));
        show_error_screen();
    }));
}

fn show_error_screen() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(body) = document.body() else { return };
    body.set_inner_html(
        "<main class=\"crash\" role=\"alert\">\
         <h1>Something went wrong</h1>\
         <p>The app hit an internal error and stopped. Your saved answers are safe in this browser.</p>\
         <p><a id=\"crash-reload\" href=\"\">Reload the app</a></p>\
         <p><a id=\"crash-export\" download=\"audit-readiness-backup.json\">Download your saved answers</a></p>\
         </main>",
    );
    let Some(anchor) = document.get_element_by_id("crash-export") else { return };
    let data = raw_state().unwrap_or_else(|| "{}".to_string());
    if let Ok(url) = object_url("application/json", &data) {
        let _ = anchor.set_attribute("href", &url);
    }
}
