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
            let progress = move || state.score.with(|s| s.areas[index].progress_text());
            // Read in words (founder pass: "3/7" may be read as a date).
            let spoken = move || state.score.with(|s| s.areas[index].progress_spoken());
            let current = move || route.with(|r| r.area() == Some(area.id)).then_some("page");
            view! {
                <li>
                    <a href=area_href(area.id) aria-current=current>
                        <span class="nav-title">{area.title}</span>
                        <span class="nav-progress" id=format!("progress-{}", area.id) aria-hidden="true">{progress}</span>
                        <span class="visually-hidden">{spoken}</span>
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
    // The readiness panel above grows or shrinks with an answer, moving the box: the current
    // section stays in it (checking pass of stop 42: it dropped below the box after an answer).
    Effect::new(move |_| {
        state.score.track();
        request_animation_frame(|| current_link().iter().for_each(reveal_in_column));
    });
    // Two lists: on a phone each scrolls sideways on its own, so the dashboard, plan and export
    // stay in sight while the question areas scroll to the current one.
    view! {
        <nav class="area-nav" aria-label="Sections" on:focusin=reveal_focused>
            <ul class="nav-tools">{tools}</ul>
            <ul class="nav-areas">{links}</ul>
        </nav>
    }
}

/// On narrow screens each section list scrolls sideways: keep the current section in sight after
/// every route change. Only its list scrolls, never the page.
pub fn reveal_current_link() {
    if let Some(link) = current_link() {
        reveal(&link);
    }
}

fn current_link() -> Option<web_sys::Element> {
    document().query_selector(".area-nav a[aria-current=page]").ok().flatten()
}

/// Centres a section link in its list when the list scrolls sideways. Also on keyboard focus: the
/// browser's own scroll left a focused link half under the list's edge, where the snap to the
/// sections' starts pulled it back (founder pass).
fn reveal(link: &web_sys::Element) {
    reveal_in_column(link);
    let Some(list) = link.closest(".area-nav ul").ok().flatten() else { return };
    if list.scroll_width() <= list.client_width() {
        return;
    }
    let (link_box, list_box) = (link.get_bounding_client_rect(), list.get_bounding_client_rect());
    let off_centre = (link_box.left() + link_box.width() / 2.0) - (list_box.left() + list_box.width() / 2.0);
    list.set_scroll_left(list.scroll_left() + off_centre.round() as i32);
}

/// On wide screens the navigation scrolls up and down in its own box under the readiness panel:
/// centre the link in it when it is out of the box (founder pass: at 1280 × 800 the tools filled
/// the box and the current section was out of sight below them).
fn reveal_in_column(link: &web_sys::Element) {
    let Some(nav) = link.closest(".area-nav").ok().flatten() else { return };
    let (link_box, nav_box) = (link.get_bounding_client_rect(), nav.get_bounding_client_rect());
    if nav.scroll_height() > nav.client_height() && (link_box.top() < nav_box.top() || link_box.bottom() > nav_box.bottom()) {
        let off_centre = (link_box.top() + link_box.height() / 2.0) - (nav_box.top() + nav_box.height() / 2.0);
        nav.set_scroll_top(nav.scroll_top() + off_centre.round() as i32);
    }
}

/// Only for keyboard focus (`:focus-visible`): a tap focuses the link as the finger goes down,
/// and scrolling the list then moved the link from under it, so the tap missed (founder pass:
/// a link at the list's edge needed a second tap).
fn reveal_focused(ev: leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    let link = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    if let Some(link) = link.filter(|l| l.matches(":focus-visible").unwrap_or(false)) {
        reveal(&link);
    }
}

/// The views that are not question areas: route, URL slug (also the link's id) and label.
pub(crate) const TOOLS: &[(Route, &str, &str)] = &[
    (Route::Dashboard, "dashboard", "Dashboard and gaps"),
    (Route::Plan, "plan", "Remediation plan"),
    (Route::Register, "register", "Roles register"),
    (Route::Interview, "interviews", "Interview preparation"),
    (Route::Export, "export", "Export and share"),
    (Route::Assessments, "assessments", "Assessments and comparison"),
];
