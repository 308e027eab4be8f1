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

#[cfg_attr(not(feature = "tools"), allow(dead_code))]
pub fn item_href(item_id: &str) -> String {
    format!("#/item/{item_id}")
}

fn current_hash() -> String {
    window().location().hash().unwrap_or_default()
}

/// Names the view in the browser tab and history (and so to screen readers): its section or
/// tool, then the app.
fn set_document_title(route: &Route, catalog: &'static Catalog) {
    let view = match route {
        Route::Area(area) | Route::Item(area, _) => catalog.area(area).map_or("", |a| a.title),
        Route::NotFound => "No such section or question",
        tool => super::nav::TOOLS.iter().find(|(r, _, _)| r == tool).map_or("", |(_, _, label)| label),
    };
    document().set_title(&format!("{view} · Audit Readiness Check"));
}

/// The current route, kept in step with the address bar.
pub fn use_route(catalog: &'static Catalog) -> ReadSignal<Route> {
    let (route, set_route) = signal(Route::parse(&current_hash(), catalog));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        let next = Route::parse(&current_hash(), catalog);
        set_document_title(&next, catalog);
        // A new view starts at its heading, not at the old view's scroll position (an item's
        // route scrolls to the item instead).
        if next != route.get_untracked() && !matches!(next, Route::Item(..)) {
            window().scroll_to_with_x_and_y(0.0, 0.0);
        }
        reveal_item(&next);
        set_route.set(next);
        request_animation_frame(|| {
            super::nav::reveal_current_link();
            super::focus::recover_lost_focus();
        });
    });
    set_document_title(&route.get_untracked(), catalog);
    reveal_item(&route.get_untracked());
    request_animation_frame(super::nav::reveal_current_link);
    on_cleanup(move || handle.remove());
    route
}

/// On an item's route, brings the item into view (after its area has rendered) and focuses it.
fn reveal_item(route: &Route) {
    if let Route::Item(_, item_id) = *route {
        reveal(item_id);
    }
}

/// Brings an item into view (after the area has rendered) and moves focus to it.
pub fn reveal(item_id: &'static str) {
    request_animation_frame(move || {
        if let Some(element) = document().get_element_by_id(item_id) {
            element.scroll_into_view();
        }
        super::focus::focus_now(item_id);
    });
}
