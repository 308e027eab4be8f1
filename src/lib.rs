//! Audit Readiness Check: an ISO/IEC 27001:2022 leadership and roles self-assessment that runs
//! entirely in the browser.
//!
//! `domain` is pure Rust (no browser, no framework) and holds every rule; `ui` is the thin Leptos
//! edge that renders domain values, dispatches changes and touches storage and downloads.

pub mod domain;

#[cfg(target_arch = "wasm32")]
pub mod ui;
