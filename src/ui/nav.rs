//! Navigation: the dashboard and every area, with how much of each is answered.

use leptos::prelude::*;

use super::route::{area_href, Route};
use super::state::AppState;

#[component]
pub fn AreaNav(state: AppState, route: ReadSignal<Route>) -> impl IntoView {
    let links = state
        .catalog
        .areas
        .iter()
        .enumerate()
        .map(|(index, area)| {
            let progress = move || {
                state.score.with(|s| {
                    let a = &s.areas[index];
                    format!("{}/{} · {} %", a.answered, a.total, a.percent)
                })
            };
            let current = move || route.with(|r| r.area() == Some(area.id)).then_some("page");
            view! {
                <li>
                    <a href=area_href(area.id) aria-current=current>
                        <span class="nav-title">{area.title}</span>
                        <span class="nav-progress" id=format!("progress-{}", area.id)>{progress}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    let tools = TOOLS
        .iter()
        .map(|(route_of, slug, label)| {
            let current = move || (route.get() == *route_of).then_some("page");
            view! {
                <li>
                    <a href=format!("#/{slug}") id=format!("nav-{slug}") aria-current=current>
                        <span class="nav-title">{*label}</span>
                    </a>
                </li>
            }
        })
        .collect_view();
    view! {
        <nav class="area-nav" aria-label="Sections">
            <ul>{tools} {links}</ul>
        </nav>
    }
}

/// The views that are not question areas: route, URL slug (also the link's id) and label.
const TOOLS: &[(Route, &str, &str)] = &[
    (Route::Dashboard, "dashboard", "Dashboard and gaps"),
    (Route::Plan, "plan", "Remediation plan"),
    (Route::Register, "register", "Roles register"),
    (Route::Interview, "interviews", "Interview preparation"),
    (Route::Export, "export", "Export and share"),
    (Route::Assessments, "assessments", "Assessments and comparison"),
];
