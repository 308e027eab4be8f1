//! The first-load bundle's side: a loading panel for a tool route, then fetch and compile the
//! tools bundle (and its stylesheets) and hand over to it.

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

use super::{HANDOVER_FOCUS_KEY, HANDOVER_KEY, HANDOVER_UNSAVED_KEY};
use crate::domain::workspace::encode_workspace;
use crate::ui::dom::each;
use crate::ui::route::Route;
use crate::ui::state::AppState;

#[wasm_bindgen(inline_js = "
    export async function start_tools(glue, wasm, styles, handOver) {
      const base = document.baseURI;
      const styled = styles.map((href) => new Promise((resolve, reject) => {
        const link = document.createElement('link');
        link.rel = 'stylesheet';
        link.href = new URL(href, base).href;
        link.onload = resolve;
        link.onerror = () => reject(new Error('stylesheet ' + href + ' did not load'));
        document.head.append(link);
      }));
      const [tools, module] = await Promise.all([
        import(new URL(glue, base).href),
        fetch(new URL(wasm, base).href).then((r) => {
          if (!r.ok) throw new Error('HTTP ' + r.status);
          return r.arrayBuffer();
        }).then((bytes) => WebAssembly.compile(bytes)),
        ...styled,
      ]);
      if (!handOver()) return false;
      await tools.default({ module_or_path: module });
      return true;
    }")]
extern "C" {
    #[wasm_bindgen(catch)]
    fn start_tools(glue: &str, wasm: &str, styles: Vec<String>, hand_over: &JsValue) -> Result<js_sys::Promise, JsValue>;
}

thread_local! {
    /// Unmounts the first-load app (dropped at hand-over).
    static MOUNTED: RefCell<Option<Box<dyn std::any::Any>>> = RefCell::new(None);
    static STARTED: Cell<bool> = const { Cell::new(false) };
    static HANDED_OVER: Cell<bool> = const { Cell::new(false) };
}

/// Keeps the app mounted until the hand-over (dropping the handle unmounts it).
pub fn mounted(handle: Box<dyn std::any::Any>) {
    MOUNTED.with(|m| *m.borrow_mut() = Some(handle));
}

/// The first-load bundle is the one that hands over; nothing is ever handed to it.
pub fn take_handed_over() -> Option<(crate::domain::workspace::Workspace, bool)> {
    None
}

/// The files the build named in `<meta name="tools-…">` tags.
fn bundle_files(name: &str) -> Vec<String> {
    let mut files = Vec::new();
    each(&format!("meta[name={name}]"), |meta: web_sys::Element| files.extend(meta.get_attribute("content")));
    files
}

#[component]
pub fn ToolsLoading(state: AppState) -> impl IntoView {
    let failure = RwSignal::new(None::<String>);
    if !STARTED.replace(true) {
        wasm_bindgen_futures::spawn_local(load(state, failure));
    }
    view! {
        <section class="tools-loading" aria-busy=move || failure.with(Option::is_none).to_string()>
            <h1 id="tools-loading">"Opening…"</h1>
            <p>"Loading the dashboard, plan, register, interview and export tools (once; then they work offline)."</p>
            {move || failure.get().map(|why| view! {
                <p class="error" role="alert">{why}" "<button type="button" id="tools-reload" on:click=reload>"Reload to try again"</button></p>
            })}
        </section>
    }
}

/// Reloads the page where it is (the route after '#' stays; answers are saved on every edit).
fn reload(_: leptos::ev::MouseEvent) {
    let _ = window().location().reload();
}

async fn load(state: AppState, failure: RwSignal<Option<String>>) {
    let (Some(glue), Some(wasm)) = (bundle_files("tools-js").pop(), bundle_files("tools-wasm").pop()) else {
        failure.set(Some("This build has no tools bundle.".into()));
        return;
    };
    let hand_over = Closure::once_into_js(move || hand_over(state));
    let result = match start_tools(&glue, &wasm, bundle_files("tools-css"), &hand_over) {
        Ok(promise) => wasm_bindgen_futures::JsFuture::from(promise).await,
        Err(error) => Err(error),
    };
    let error = match result {
        Ok(handed_over) if handed_over.as_bool() == Some(true) => return,
        // The visitor went back to the questions meanwhile: hand over on the next tool.
        Ok(_) => {
            STARTED.set(false);
            return;
        }
        Err(error) => error,
    };
    let why = error
        .dyn_ref::<js_sys::Error>()
        .map(|e| String::from(e.message()))
        .or_else(|| error.as_string())
        .unwrap_or_else(|| "unknown error".into());
    if HANDED_OVER.get() {
        // The first-load app is gone: show the recoverable error screen instead.
        web_sys::console::error_1(&JsValue::from_str(&why));
        if let Some(body) = document().body() {
            crate::ui::panic_screen::render_error_screen(&body);
        }
    } else {
        STARTED.set(false);
        // The loading panel may be gone by now (the visitor went back to the questions).
        // The likely causes first, the browser's words last (data-safety pass of stop 48: a tab
        // left open while another loaded a newer version read only a raw address).
        failure.try_set(Some(format!(
            "The tools could not be loaded: the connection may have dropped, or a newer version of the app was installed \
             (in another tab, for example) since this page opened. Your answers are kept. Detail: {why}."
        )));
    }
}

/// Leaves the current workspace (with any unsaved edits) for the tools bundle and unmounts,
/// if a tool is still what the visitor asked for (not while they answer questions).
fn hand_over(state: AppState) -> bool {
    let hash = window().location().hash().unwrap_or_default();
    if Route::parse(&hash, state.catalog).area().is_some() {
        return false;
    }
    let snapshot = untrack(|| state.snapshot());
    let _ = js_sys::Reflect::set(&js_sys::global(), &JsValue::from_str(HANDOVER_KEY), &JsValue::from_str(&encode_workspace(&snapshot)));
    let unsaved = JsValue::from_bool(crate::ui::storage::last_save_failed());
    let _ = js_sys::Reflect::set(&js_sys::global(), &JsValue::from_str(HANDOVER_UNSAVED_KEY), &unsaved);
    let focused = document().active_element().map(|element| element.id()).unwrap_or_default();
    let _ = js_sys::Reflect::set(&js_sys::global(), &JsValue::from_str(HANDOVER_FOCUS_KEY), &JsValue::from_str(&focused));
    HANDED_OVER.set(true);
    MOUNTED.with(|m| m.borrow_mut().take());
    true
}
