//! The application shell: loads stored state before creating signals, saves in one effect, and
//! lays out the header, area navigation, readiness panel and the current view.

use leptos::prelude::*;

use super::checklist::AreaView;
use super::clock;
use super::day_change::DayChangedNotice;
use super::nav::AreaNav;
use super::notices::StorageBanner;
use super::prerendered;
use super::route::{area_href, use_route, Route, DASHBOARD_HREF};
use super::state::AppState;
use super::storage::{self, StorageNotice};
use super::summary::ReadinessSummary;
use super::tools::{self, tool_view};
use crate::domain::fingerprint::fnv1a;
use crate::domain::persist::STORAGE_KEY;
use crate::domain::workspace::decode_workspace;
use crate::domain::Catalog;

#[component]
pub fn App() -> impl IntoView {
    let mut loaded = storage::load(clock::now_ms());
    // After a hand-over the tools bundle starts from the in-memory state (it may hold edits that
    // storage could not take: then it saves at once, and a failure is reported again).
    let mut unsaved = false;
    let handed_over = tools::take_handed_over();
    let was_handed_over = handed_over.is_some();
    if let Some((workspace, save_failed)) = handed_over {
        unsaved = save_failed;
        loaded.workspace = workspace;
    }
    let state = AppState::new(Catalog::builtin(), loaded.workspace, clock::today());
    let notice = RwSignal::new(loaded.notice);
    // Whether answers are being saved: the header's promise follows it (founder pass: it said
    // "saved as you go" above the warning that nothing was).
    let saving = RwSignal::new(loaded.can_save);
    let answered_early = prerendered::restore(state);
    persist_changes(state, notice, saving, answered_early || unsaved);
    follow_other_tabs(state, notice, saving);
    let route = use_route(state.catalog);
    // The view the first-load app named is named again once this one has rendered it.
    if was_handed_over {
        let view = super::route::view_name(&route.get_untracked(), state.catalog);
        request_animation_frame(move || super::route::announce_view(view));
    }

    // Moving between items of one area changes the route, not the page: the cards stay as they
    // are (open disclosures, the gaps filter); the route module scrolls to the item.
    let page = Memo::new(move |_| match route.get() {
        Route::Area(area) | Route::Item(area, _) => Route::Area(area),
        tool => tool,
    });
    let current_view = move || match page.get() {
        Route::Area(area) => area_page(state, area, route),
        Route::NotFound => not_found(state).into_any(),
        tool => tool_view(state, tool),
    };

    view! {
        <a class="skip-link" href="#main" on:click=|e| super::focus::skip_to(e, "main")>"Skip to the main content"</a>
        <header class="app-header">
            <p class="app-name">"Audit Readiness Check"</p>
            <p class="tagline">
                "ISO/IEC 27001:2022 leadership and roles: would they hold up in a certification audit?"
            </p>
            <p class="saved-note" id="saved-note">
                {move || match saving.get() {
                    true => "Answer as things stand today. Every answer is saved in this browser as you go; nothing is uploaded.",
                    false => "Answers are not being saved in this browser right now (the message below says why): download a backup under Export and share before closing the tab.",
                }}
            </p>
            <p class="current-assessment">
                "Assessment: "
                // The whole name on hover when the line cuts it (third founder pass).
                <a href="#/assessments" id="current-assessment" title=move || state.workspace.with(|w| w.active_entry().name.clone())>
                    {move || state.workspace.with(|w| w.active_entry().name.clone())}
                </a>
            </p>
        </header>
        <StorageBanner notice=notice state=state />
        <DayChangedNotice opened_on=state.today />
        <div class="layout">
            <div class="side">
                <ReadinessSummary state=state />
                <AreaNav state=state route=route />
            </div>
            <main id="main" class="content" tabindex="-1">{current_view}</main>
            <p id="view-announcer" class="visually-hidden" aria-live="polite"></p>
            // In the grid, under the main column: the side column reaches down beside it, so at the
            // foot of a page it can stay whole on screen at its full height.
            <footer class="app-footer">
                <p>
                    "Your answers stay in this browser, in its local storage. Nothing is uploaded; no analytics, no third-party requests."
                </p>
            </footer>
        </div>
    }
}

/// One area's questions, keyed by the area and the open assessment. Without the key, moving from
/// one area to another would patch the previous area's cards in place (same view type): open
/// disclosures would stay open on the wrong question, and a radio renamed into its new group while
/// still checked would clear the answer the new card had just checked. Moving within the area
/// keeps the cards. Another tab opening another assessment draws the cards afresh for it (review
/// pass of stop 53: an empty note box stayed open, and the one record there stayed folded away).
/// Every card is drawn at once for a link to one question (the page scrolls to it) and in the
/// app's first view (the pre-rendered page is replaced in place, a reload's position restored);
/// otherwise a long area's cards come in batches (`checklist::cards_in_turn`).
fn area_page(state: AppState, area: &'static str, route: ReadSignal<Route>) -> AnyView {
    let draw_all = move || matches!(route.get_untracked(), Route::Item(..)) || !super::is_live();
    // Keyed by a hash of the open assessment's id: a string key weighed 0.3 KB more.
    view! {
        <For each=move || [(area, state.workspace.with(|w| fnv1a(w.active.bytes())))] key=|key| *key let:((area, _))>
            <AreaView state=state area_id=area draw_all=draw_all() />
        </For>
    }
    .into_any()
}

/// An unknown section or question: say so, rather than showing another page as if it were it.
fn not_found(state: AppState) -> impl IntoView {
    let first = &state.catalog.areas[0];
    view! {
        <section class="not-found">
            <h1>"No such section or question"</h1>
            <p>"This link names a part of the checklist that this version does not have; it may come from an older version or be mistyped. Your answers are unchanged."</p>
            <p><a href=area_href(first.id) id="not-found-start">{format!("Go to “{}”", first.title)}</a>" · "<a href=DASHBOARD_HREF>"Open the dashboard"</a></p>
        </section>
    }
}

/// The one place that writes to storage. Its first run only subscribes (loading never saves),
/// unless answers given before the app loaded were just applied.
/// `saving` starts as whether saving can work at all, and follows each save.
fn persist_changes(state: AppState, notice: RwSignal<Option<StorageNotice>>, saving: RwSignal<bool>, unsaved: bool) {
    let can_save = saving.get_untracked();
    // Changes made here that storage does not hold: leaving the page asks first (data-safety pass
    // of stop 45: a reload with saves failing lost them without a word).
    let held_only_here = StoredValue::new(false);
    let leaving = window_event_listener(leptos::ev::beforeunload, move |event| {
        if held_only_here.get_value() {
            event.prevent_default();
            event.set_return_value("");
        }
    });
    on_cleanup(move || leaving.remove());
    Effect::new(move |already_ran: Option<bool>| {
        // Any change to either saves: both written as they are, without a copy.
        state.assessment.track();
        state.workspace.track();
        let changed = already_ran.is_some() || unsaved;
        if changed && (!can_save || storage::stopped()) {
            held_only_here.set_value(true);
        }
        if changed && can_save && !storage::stopped() {
            let saved = state.assessment.with_untracked(|working| state.workspace.with_untracked(|w| storage::save(w, Some(working))));
            held_only_here.set_value(saved.is_err());
            if saving.get_untracked() != saved.is_ok() {
                saving.set(saved.is_ok());
            }
            match saved {
                Ok(()) => notice.update(|n| {
                    if matches!(n, Some(StorageNotice::SaveFailed(_))) {
                        *n = None;
                    }
                }),
                Err(error) => notice.set(Some(StorageNotice::SaveFailed(error))),
            }
        }
        true
    });
}

/// Another tab saved: take its state, so both tabs show the same answers. Every edit is saved
/// at once, so the newest state in storage always holds every answer given so far.
/// When that switches the open assessment, the tab says so: what is answered here from now on
/// belongs to the other one (a warning about stored data is never replaced by this).
fn follow_other_tabs(state: AppState, notice: RwSignal<Option<StorageNotice>>, saving: RwSignal<bool>) {
    let handle = window_event_listener(leptos::ev::storage, move |event| {
        if event.key().as_deref() != Some(STORAGE_KEY) {
            return;
        }
        let Some(raw) = event.new_value() else { return };
        // Fields this build does not know (a newer version's tab) would be written away by the
        // next save here: read as a value it cannot read.
        let read = decode_workspace(&raw).and_then(|incoming| match storage::dropped_fields(&raw, &incoming) {
            fields if fields.is_empty() => Ok(incoming),
            fields => Err(crate::domain::AppError::UnknownFields(fields)),
        });
        let incoming = match read {
            Ok(incoming) => incoming,
            // What this tab cannot read is kept, and never written over from here.
            Err(error) => {
                let backup_key = storage::stop_saving_over(&raw, clock::now_ms());
                saving.set(false);
                notice.set(Some(StorageNotice::OtherTabUnreadable { error, backup_key }));
                return;
            }
        };
        if storage::stopped() {
            return;
        }
        let current = untrack(|| state.snapshot());
        if current == incoming {
            return;
        }
        // This tab holds changes storage refused: following the other tab would drop them, and
        // saving them later would write over the other tab's (data-safety pass: a full quota here,
        // an answer in another tab, and this tab's unsaved answers were gone without a word).
        if storage::last_save_failed() {
            storage::stop_saving();
            saving.set(false);
            notice.set(Some(StorageNotice::OtherTabSavedOverUnsaved));
            return;
        }
        if current.active != incoming.active
            && notice.with_untracked(|n| n.is_none() || matches!(n, Some(StorageNotice::FollowedOtherTab { .. })))
        {
            let left = current.active_entry();
            notice.set(Some(StorageNotice::FollowedOtherTab {
                id: incoming.active_entry().id.clone(),
                left: left.name.clone(),
                deleted: incoming.entry(&left.id).is_none(),
            }));
        }
        // A field being typed in stops taking keys: what follows would go to the other assessment
        // (consultant pass of stop 49: one client's note went on in another client's).
        if current.active != incoming.active && super::dom::field_has_focus() {
            super::focus::focus_in_place("main");
        }
        state.replace(incoming);
    });
    on_cleanup(move || handle.remove());
}
