//! Downloads: a Blob, an object URL, a click on a temporary `<a download>`, then the URL is revoked
//! a minute later. Nothing is ever sent anywhere; the file goes straight to the user's disk.

use wasm_bindgen::{JsCast, JsValue};
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, Url};

use crate::domain::AppError;

pub fn download(filename: &str, mime: &str, content: &str) -> Result<(), AppError> {
    let fail = |e: JsValue| AppError::Storage(format!("download failed: {e:?}"));
    let url = object_url(mime, content).map_err(fail)?;
    let result = click_link(&url, filename);
    revoke_later(url);
    result.map_err(fail)
}

/// Revokes the URL once the browser has surely read it: revoked at once, a download the browser
/// had queued (many files clicked in quick succession) found nothing while the app said it was
/// saved (CEO pass).
fn revoke_later(url: String) {
    const AFTER_MS: i32 = 60_000;
    let revoke = wasm_bindgen::closure::Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    // Without a timer (the page is going away) the URL goes with the page.
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), AFTER_MS);
    }
}

/// An object URL for a Blob holding `content`; the caller revokes it when done. The Blob gets the
/// UTF-8 bytes as they are: passing a string would decode them into a JavaScript string only for
/// the Blob to encode them again (two passes over a 1.6 MB OSCAL file at 10× content).
pub fn object_url(mime: &str, content: &str) -> Result<String, JsValue> {
    let parts = js_sys::Array::of1(&js_sys::Uint8Array::from(content.as_bytes()));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    let blob = Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    Url::create_object_url_with_blob(&blob)
}

fn click_link(url: &str, filename: &str) -> Result<(), JsValue> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or_else(|| JsValue::from_str("no document"))?;
    let anchor: HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    anchor.set_href(url);
    anchor.set_download(filename);
    anchor.click();
    Ok(())
}
