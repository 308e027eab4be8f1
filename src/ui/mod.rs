//! The browser edge: thin Leptos components that render domain values and dispatch changes.
//! Storage, the clock and downloads live here and nowhere else.

mod app;
mod checklist;
pub mod clock;
pub mod download;
mod notices;
pub mod panic_screen;
pub mod storage;
mod summary;

pub fn start() {
    panic_screen::install();
    leptos::mount::mount_to_body(app::App);
}
