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
    let is = move |r: Route| move || (route.get() == r).then_some("page");
    view! {
        <nav class="area-nav" aria-label="Sections">
            <ul>
                <li>
                    <a href="#/dashboard" id="nav-dashboard" aria-current=is(Route::Dashboard)>
                        <span class="nav-title">"Dashboard and gaps"</span>
                    </a>
                </li>
                <li>
                    <a href="#/plan" id="nav-plan" aria-current=is(Route::Plan)>
                        <span class="nav-title">"Remediation plan"</span>
                    </a>
                </li>
                <li>
                    <a href="#/register" id="nav-register" aria-current=is(Route::Register)>
                        <span class="nav-title">"Roles register"</span>
                    </a>
                </li>
                <li>
                    <a href="#/export" id="nav-export" aria-current=is(Route::Export)>
                        <span class="nav-title">"Export and share"</span>
                    </a>
                </li>
                {links}
            </ul>
        </nav>
    }
}
