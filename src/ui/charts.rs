//! Inline SVG charts (no chart library): the readiness gauge and the per-area bars. Only SVG
//! attributes are used, never inline styles, so the strict CSP holds.

use leptos::prelude::*;

use super::route::area_href;
use super::state::AppState;

/// A ring filled to `percent`, with the number in the middle. `pathLength` lets the dash pattern
/// be written in whole percent.
#[component]
pub fn Gauge(state: AppState) -> impl IntoView {
    let percent = move || state.score.with(|s| s.percent);
    let dash = move || format!("{} 100", percent());
    let ring_class = move || format!("gauge-value verdict-stroke-{}", state.score.with(|s| s.verdict.code()));
    view! {
        <svg class="gauge" viewBox="0 0 120 120" role="img" aria-labelledby="gauge-title">
            <title id="gauge-title">{move || format!("Overall readiness {} percent", percent())}</title>
            <circle class="gauge-track" cx="60" cy="60" r="50" pathLength="100" />
            <circle
                class=ring_class
                cx="60"
                cy="60"
                r="50"
                pathLength="100"
                stroke-dasharray=dash
                transform="rotate(-90 60 60)"
            />
            <text class="gauge-text" x="60" y="66" text-anchor="middle">{move || format!("{} %", percent())}</text>
        </svg>
    }
}

/// One labelled bar per area: the label is HTML (so it wraps and scales with the text), the bar
/// an SVG stretched to the row's width.
#[component]
pub fn AreaBars(state: AppState) -> impl IntoView {
    let rows = state
        .catalog
        .areas
        .iter()
        .enumerate()
        .map(|(index, area)| {
            let percent = move || state.score.with(|s| s.areas[index].percent);
            view! {
                <li>
                    <a href=area_href(area.id)>{area.title}</a>
                    <span class="bar-figure">{move || format!("{} %", percent())}</span>
                    <svg class="bar" viewBox="0 0 100 6" preserveAspectRatio="none" aria-hidden="true">
                        <rect class="bar-track" x="0" y="0" width="100" height="6" rx="1" />
                        <rect class="bar-value" x="0" y="0" width=move || percent().to_string() height="6" rx="1" />
                    </svg>
                </li>
            }
        })
        .collect_view();
    view! { <ul class="area-bars" id="area-bars">{rows}</ul> }
}
