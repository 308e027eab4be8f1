//! A page left open past midnight: every count on it is of the day it was opened (the audit's
//! countdown, evidence ages, due dates), so the page says so and offers to count from today
//! (returning-user pass of stop 49: on the audit day an open tab still said "tomorrow").

use std::time::Duration;

use chrono::NaiveDate;
use leptos::prelude::*;

use super::clock;

/// How often an open page looks at the clock (a tab in the background is woken at most once a
/// minute anyway); coming back to the tab looks at once.
const EVERY: Duration = Duration::from_secs(60);

#[component]
pub fn DayChangedNotice(opened_on: NaiveDate) -> impl IntoView {
    let today = RwSignal::new(opened_on);
    // `try_`: the first-load app is taken down when the tools bundle takes over, and a tick
    // already queued must find nothing to do.
    let look = move || {
        let now = clock::today();
        if today.try_get_untracked().is_some_and(|shown| shown != now) {
            today.try_set(now);
        }
    };
    let ticking = set_interval_with_handle(look, EVERY).ok();
    let on_focus = window_event_listener(leptos::ev::focus, move |_| look());
    on_cleanup(move || {
        on_focus.remove();
        if let Some(ticking) = ticking {
            ticking.clear();
        }
    });
    let reload = |_| {
        let _ = window().location().reload();
    };
    // Dismissed for the day it names: the next midnight says so again.
    let dismissed = RwSignal::new(opened_on);
    move || {
        let now = today.get();
        (now != opened_on && dismissed.get() != now).then(|| {
            view! {
                // At the top of the page, not stuck over it: a sticky notice a quarter of a phone's
                // height hid the field being tabbed to (UX pass of stop 49, WCAG 2.4.11).
                <div class="notice" role="status" id="day-changed">
                    <p>{message(opened_on, now)}</p>
                    <div class="notice-actions">
                        <button type="button" id="day-changed-reload" on:click=reload>"Reload to count from today"</button>
                        <button type="button" id="day-changed-dismiss" on:click=move |_| {
                            super::focus::focus_in_place("main");
                            dismissed.set(now);
                        }>"Dismiss"</button>
                    </div>
                </div>
            }
        })
    }
}

fn message(opened_on: NaiveDate, now: NaiveDate) -> String {
    format!(
        "The date is now {now}, but this page still counts from {opened_on}, the day it was opened: the days left to the \
         audit, the age of evidence and the due dates are out by a day or more. A reload keeps everything saved."
    )
}
