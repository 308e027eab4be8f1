//! The tools (dashboard, plan, register, interviews, export, assessments) are built into a second
//! wasm bundle, so the first load carries only what answering the questions needs.
//!
//! The first-load bundle (built without the `tools` feature) shows a short loading panel for a
//! tool route, fetches and compiles the tools bundle, then hands over: it unmounts itself and
//! leaves the in-memory workspace for the tools bundle, which mounts the whole app (every view)
//! and keeps running from then on. The tools bundle is also complete on its own.

use leptos::prelude::*;

use super::route::Route;
use super::state::AppState;

#[cfg(not(feature = "tools"))]
mod loader;
#[cfg(feature = "tools")]
mod receive;

// Each side: what to do with the mounted app, and the workspace handed over (if any).
#[cfg(not(feature = "tools"))]
pub use loader::{mounted, take_handed_over};
#[cfg(feature = "tools")]
pub use receive::{mounted, take_handed_over};

/// Where the handed-over workspace (stored format) waits for the tools bundle.
const HANDOVER_KEY: &str = "__auditReadinessHandover";
/// Set beside it when the first-load bundle's latest save failed (the workspace is unsaved).
const HANDOVER_UNSAVED_KEY: &str = "__auditReadinessHandoverUnsaved";
/// The id of the element that had keyboard focus at the hand-over (the navigation link just
/// used), to focus again in the rebuilt page.
const HANDOVER_FOCUS_KEY: &str = "__auditReadinessHandoverFocus";

#[cfg(feature = "tools")]
pub fn tool_view(state: AppState, route: Route) -> AnyView {
    use super::assessments::AssessmentsView;
    if route == Route::Assessments {
        return view! { <AssessmentsView state=state /> }.into_any();
    }
    // Every other tool starts afresh when another assessment is opened (here or in another
    // tab): a rehearsal, a choice or a message belongs to the assessment it began in.
    let active = Memo::new(move |_| state.workspace.with(|w| w.active.clone()));
    view! {
        <For each=move || [active.get()] key=|id| id.clone() let:_active>
            {assessment_tool(state, route.clone())}
        </For>
    }
    .into_any()
}

#[cfg(feature = "tools")]
fn assessment_tool(state: AppState, route: Route) -> AnyView {
    use super::dashboard::Dashboard;
    use super::export_view::ExportView;
    use super::interview::InterviewView;
    use super::plan::PlanView;
    use super::register::RegisterView;
    match route {
        Route::Plan => view! { <PlanView state=state /> }.into_any(),
        Route::Register => view! { <RegisterView state=state /> }.into_any(),
        Route::Interview => view! { <InterviewView state=state /> }.into_any(),
        Route::Export => view! { <ExportView state=state /> }.into_any(),
        _ => view! { <Dashboard state=state /> }.into_any(),
    }
}

#[cfg(not(feature = "tools"))]
pub fn tool_view(state: AppState, _route: Route) -> AnyView {
    view! { <loader::ToolsLoading state=state /> }.into_any()
}
