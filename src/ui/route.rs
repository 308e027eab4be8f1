//! Hash-based navigation, so deep links survive a reload on any static host.

use leptos::prelude::*;

use crate::domain::Catalog;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Route {
    Dashboard,
    Plan,
    Register,
    Interview,
    Export,
    Assessments,
    Area(&'static str),
    /// An area, scrolled to one of its items.
    Item(&'static str, &'static str),
    /// A link to a section or question this version does not have (an old bookmark, a typo).
    NotFound,
}

impl Route {
    pub fn parse(hash: &str, catalog: &'static Catalog) -> Route {
        let first_area = Route::Area(catalog.areas[0].id);
        // No route at all (or a plain fragment such as the skip link's "#main"): the start.
        let Some(path) = hash.trim_start_matches('#').strip_prefix('/') else { return first_area };
        let mut parts = path.splitn(2, '/');
        match (parts.next(), parts.next()) {
            (Some(""), None) => first_area,
            (Some("dashboard"), _) => Route::Dashboard,
            (Some("plan"), _) => Route::Plan,
            (Some("register"), _) => Route::Register,
            (Some("interviews"), _) => Route::Interview,
            (Some("export"), _) => Route::Export,
            (Some("assessments"), _) => Route::Assessments,
            (Some("area"), Some(id)) => catalog.area(id).map_or(Route::NotFound, |a| Route::Area(a.id)),
            (Some("item"), Some(id)) => catalog.item(id).map_or(Route::NotFound, |i| Route::Item(i.area, i.id)),
            // A mistyped view ("#/dashbord") says so, like an unknown section or question.
            _ => Route::NotFound,
        }
    }

    pub fn area(&self) -> Option<&'static str> {
        match self {
            Route::Dashboard | Route::Plan | Route::Register | Route::Interview | Route::Export | Route::Assessments | Route::NotFound => {
                None
            }
            Route::Area(area) | Route::Item(area, _) => Some(area),
        }
    }
}

pub fn area_href(area_id: &str) -> String {
    format!("#/area/{area_id}")
}

pub fn item_href(item_id: &str) -> String {
    format!("#/item/{item_id}")
}

pub(super) fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// The view's name: its section or tool.
pub fn view_name(route: &Route, catalog: &'static Catalog) -> &'static str {
    match route {
        Route::Area(area) | Route::Item(area, _) => catalog.area(area).map_or("", |a| a.title),
        Route::NotFound => "No such section or question",
        tool => super::nav::TOOLS.iter().find(|(r, _, _)| r == tool).map_or("", |(_, _, label)| label),
    }
}

/// Names the view in the browser tab and history (and so to screen readers), then the app.
fn set_document_title(view: &str) {
    document().set_title(&format!("{view} · Audit Readiness Check"));
}

/// Says the new view's name to screen readers: a link in the menu changes the view but keeps
/// the focus where it is, so nothing else is read out (keyboard pass: moving between views was
/// silent). The tools bundle, taking over the page for the first tool opened, says it again.
pub fn announce_view(view: &str) {
    if let Some(announcer) = document().get_element_by_id("view-announcer") {
        announcer.set_text_content(Some(view));
    }
}

/// The current route, kept in step with the address bar.
pub fn use_route(catalog: &'static Catalog) -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_hash(), catalog));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = Route::parse(&current_hash(), catalog);
        let previous = route.get_untracked();
        let view = view_name(&next, catalog);
        set_document_title(view);
        announce_view(view);
        // A new view starts at its heading, not at the old view's scroll position (an item's
        // route scrolls to the item instead).
        if next != route.get_untracked() && !matches!(next, Route::Item(..)) {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        match (&previous, &next) {
            // Back from a question opened from the dashboard's or the plan's list of lines: at
            // its line again (founder pass: Back went to the top of a list of a hundred lines).
            (Route::Item(_, item_id), Route::Dashboard | Route::Plan) => return_to_line(item_id, next.clone(), 60),
            _ => reveal_target(&next),
        }
        set_route.set(next);
        request_animation_frame(|| {
            super::nav::reveal_current_link();
            super::focus::recover_lost_focus();
        });
    });
    set_document_title(view_name(&route.get_untracked(), catalog));
    reveal_target(&route.get_untracked());
    super::scroll_memory::restore(&route.get_untracked());
    request_animation_frame(super::nav::reveal_current_link);
    let leaving = super::scroll_memory::remember_on_leave();
    on_cleanup(move || {
        handle.remove();
        leaving.remove();
    });
    route
}

/// The dashboard's list of every lost point, where the readiness panel's "Why this score" leads
/// (the dashboard's route, scrolled down to it).
pub const DASHBOARD_HREF: &str = "#/dashboard";
pub const WHY_HREF: &str = "#/dashboard/why";
/// The dashboard's audit date field, where the readiness panel sends a visitor who has not set it.
pub const AUDIT_DATE_HREF: &str = "#/dashboard/audit-date";

/// On an item's route, brings the item into view (after its area has rendered) and focuses it;
/// likewise the list of lost points on [`WHY_HREF`] and the audit date on [`AUDIT_DATE_HREF`].
fn reveal_target(route: &Route) {
    match (route, current_hash().as_str()) {
        (Route::Item(_, item_id), _) => reveal(item_id),
        (Route::Dashboard, WHY_HREF) => reveal("why-title"),
        // Its card's heading at the top, so the field's label shows above it.
        (Route::Dashboard, AUDIT_DATE_HREF) => reveal_within("audit-title", "audit-date", 60),
        _ => {}
    }
}

/// Once the dashboard or the plan has rendered, brings the item's line into sight and focuses its
/// link; when the item has no line any more (its gap was just fixed), the view's own target.
fn return_to_line(item_id: &'static str, route: Route, frames: u32) {
    request_animation_frame(move || {
        let lines = [format!("why-link-{item_id}"), format!("plan-link-{item_id}")];
        let line = lines.iter().find_map(|id| document().get_element_by_id(id).map(|element| (id, element)));
        let rendered = ["why-title", "plan-title"].iter().any(|id| document().get_element_by_id(id).is_some());
        match (line, rendered) {
            (Some((id, element)), _) => {
                // A line folded away (a question not answered yet) is unfolded first.
                if let Ok(Some(fold)) = element.closest("details:not([open])") {
                    let _ = fold.set_attribute("open", "");
                }
                super::focus::bring_into_sight(&element, 0.33);
                super::focus::focus_in_place(id);
            }
            (None, true) => reveal_target(&route),
            (None, false) if frames > 0 => return_to_line(item_id, route, frames - 1),
            (None, false) => {}
        }
    });
}

/// Brings an element into view and moves focus to it, once it has rendered: a tool's view may
/// mount a few frames later, when its bundle has just been handed over.
fn reveal(element_id: &'static str) {
    reveal_within(element_id, element_id, 60);
}

/// Scrolls `shown` to the top and focuses `focused` (within it), trying for up to `frames` frames.
fn reveal_within(shown: &'static str, focused: &'static str, frames: u32) {
    request_animation_frame(move || match document().get_element_by_id(shown) {
        Some(element) => {
            element.scroll_into_view();
            super::focus::focus_now(focused);
        }
        None if frames > 0 => reveal_within(shown, focused, frames - 1),
        None => {}
    });
}
