//! The browser edge: thin Leptos components that render domain values and dispatch changes.
//! Storage, the clock and downloads live here and nowhere else.

mod answer_fields;
mod app;
mod assessments;
mod charts;
mod checklist;
pub mod clock;
pub mod crypto;
mod dashboard;
pub mod download;
mod evidence_editor;
mod export_view;
mod fields;
mod focus;
mod import_view;
mod interview;
mod nav;
mod notices;
pub mod panic_screen;
mod plan;
mod register;
mod route;
mod state;
pub mod storage;
mod summary;

pub fn start() {
    panic_screen::install();
    leptos::mount::mount_to_body(app::App);
}
