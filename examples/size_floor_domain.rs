//! Size floor for `make bench`: the domain work the first load cannot do without, with no user
//! interface at all. It reads the stored workspace (every stored format and migration), runs every
//! check against all the content, scores, and writes the workspace back. Built with this
//! project's release profile and wasm-opt, it shows what the product's own rules and content
//! cost in wasm before any view is drawn. Not part of the app.

#[cfg(target_arch = "wasm32")]
fn main() {
    use audit_readiness::domain::findings::all_findings;
    use audit_readiness::domain::score::compute;
    use audit_readiness::domain::workspace::{decode_workspace, encode_workspace, Workspace};
    use audit_readiness::domain::{Assessment, Catalog};
    use gloo_storage::{LocalStorage, Storage};
    use wasm_bindgen::prelude::*;

    #[wasm_bindgen]
    extern "C" {
        #[wasm_bindgen(js_namespace = console)]
        fn log(text: &str);
    }

    let raw: String = LocalStorage::raw().get_item("audit-readiness-check/state").ok().flatten().unwrap_or_default();
    let workspace = decode_workspace(&raw).unwrap_or_else(|_| Workspace::single(Assessment::default(), None));
    let today = chrono::NaiveDate::from_num_days_from_ce_opt(js_sys::Date::now() as i32 / 86_400_000 + 719_163).unwrap_or_default();
    let assessment = &workspace.active_entry().assessment;
    let catalog = Catalog::builtin();
    let findings = all_findings(catalog, assessment, today);
    let score = compute(catalog, assessment, &findings);
    log(&format!("{} findings, {}%", findings.len(), score.percent));
    let _ = LocalStorage::raw().set_item("audit-readiness-check/state", &encode_workspace(&workspace));
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("size_floor_domain is built for wasm32 by `make bench` only");
}
