//! The recoverable error screen, rendered in real Chromium.
#![cfg(target_arch = "wasm32")]

use audit_readiness::domain::persist::STORAGE_KEY;
use audit_readiness::ui::panic_screen::render_error_screen;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn the_error_screen_explains_offers_reload_and_exports_the_saved_answers() {
    let window = web_sys::window().unwrap();
    let storage = window.local_storage().unwrap().unwrap();
    storage.set_item(STORAGE_KEY, "{\"schema_version\":1,\"assessment\":{}}").unwrap();
    let document = window.document().unwrap();
    let container = document.create_element("div").unwrap();
    document.body().unwrap().append_child(&container).unwrap();
    render_error_screen(&container);
    let alert = container.query_selector("[role=alert]").unwrap().expect("an alert region");
    assert!(alert.text_content().unwrap().contains("Something went wrong"));
    assert!(container.query_selector("#crash-reload").unwrap().is_some());
    let export = container.query_selector("#crash-export").unwrap().unwrap();
    assert!(export.get_attribute("href").unwrap().starts_with("blob:"));
    assert_eq!(export.get_attribute("download").as_deref(), Some("audit-readiness-backup.json"));
    // The stored answers were not touched by the crash.
    assert!(storage.get_item(STORAGE_KEY).unwrap().is_some());
}
