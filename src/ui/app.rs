//! The application shell: holds the assessment in one signal, derives findings and score with
//! memos, and saves in one effect.

use leptos::prelude::*;

use super::checklist::AreaSection;
use super::notices::StorageBanner;
use super::storage::{self, StorageNotice};
use super::summary::ReadinessSummary;
use super::clock;
use crate::domain::findings::all_findings;
use crate::domain::score::compute;
use crate::domain::Catalog;

#[component]
pub fn App() -> impl IntoView {
    let catalog = Catalog::builtin();
    let loaded = storage::load(clock::now_ms());
    let assessment = RwSignal::new(loaded.assessment);
    let notice = RwSignal::new(loaded.notice);
    let can_save = loaded.can_save;

    let findings = Memo::new(move |_| assessment.with(|a| all_findings(catalog, a)));
    let score = Memo::new(move |_| {
        assessment.with(|a| findings.with(|f| compute(catalog, a, f)))
    });

    // The one place that writes to storage. The first run only subscribes: loading never saves.
    Effect::new(move |first_run_done: Option<bool>| {
        assessment.track();
        if first_run_done.is_some() && can_save {
            match storage::save(&assessment.get_untracked()) {
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

    let areas = catalog
        .areas
        .iter()
        .map(|area| view! { <AreaSection area=area assessment=assessment findings=findings /> })
        .collect_view();

    view! {
        <a class="skip-link" href="#main">"Skip to the questions"</a>
        <header class="app-header">
            <h1>"Audit Readiness Check"</h1>
            <p class="tagline">
                "ISO/IEC 27001:2022 leadership and roles: would they hold up in a certification audit?"
            </p>
        </header>
        <StorageBanner notice=notice />
        <div class="layout">
            <ReadinessSummary score=score findings=findings />
            <main id="main" class="questions" tabindex="-1">{areas}</main>
        </div>
        <footer class="app-footer">
            <p>
                "Your answers stay in this browser (localStorage). Nothing is uploaded; no analytics, no third-party requests."
            </p>
        </footer>
    }
}
