//! Interview preparation (placeholder until the view lands).

use leptos::prelude::*;

use super::state::AppState;

#[component]
pub fn InterviewView(state: AppState) -> impl IntoView {
    let _ = state;
    view! { <h1>"Interview preparation"</h1> }
}
