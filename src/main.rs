#[cfg(target_arch = "wasm32")]
fn main() {
    audit_readiness::ui::start();
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("Audit Readiness Check runs in the browser: use `make serve`.");
}
