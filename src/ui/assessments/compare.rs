//! Comparing two assessments: the two pickers, and how the score moved and which gaps opened,
//! closed or changed between them.

use leptos::prelude::*;

use crate::domain::compare::{compare, Comparison};
use crate::domain::workspace::Workspace;
use crate::domain::Finding;
use crate::ui::route::item_href;
use crate::ui::state::AppState;

/// Pick two assessments and see how the score moved and which gaps opened, closed or changed.
#[component]
pub(super) fn CompareTwo(state: AppState) -> impl IntoView {
    let first = RwSignal::new(String::new());
    let second = RwSignal::new(String::new());
    let assessment_of = move |id: &str| {
        let active = state.workspace.with(|w| w.active == id);
        if active {
            Some(state.assessment.get())
        } else {
            state.workspace.with(|w| w.entry(id).map(|e| e.assessment.clone()))
        }
    };
    // The same one twice compares nothing: said instead of "no change" (founder pass).
    let same = move || !first.with(String::is_empty) && first.get() == second.get();
    // "Earlier" made after "Later": the changes read backwards, so it is said (founder pass).
    let backwards = move || {
        let created = |id: &str| state.workspace.with(|w| w.entry(id).and_then(|e| e.created_on));
        match (created(&first.get()), created(&second.get())) {
            (Some(earlier), Some(later)) => earlier > later,
            _ => false,
        }
    };
    let result = move || {
        let (a, b) = (first.get(), second.get());
        let (Some(before), Some(after)) = (assessment_of(&a), assessment_of(&b)) else { return None };
        (!same()).then(|| compare(state.catalog, &before, &after, state.today))
    };
    let only_one = move || state.workspace.with(Workspace::only_one);
    // The titles below open a question in the open assessment: said when the later one is another
    // (consultant pass of stop 51: a gap of one client's was fixed in another's answers).
    let links_elsewhere = move || {
        let later = second.get();
        state.workspace.with(|w| {
            let name = |id: &str| w.entry(id).map(|e| e.name.clone()).unwrap_or_default();
            (!later.is_empty() && !same() && w.active != later).then(|| {
                format!(
                    "The titles below open each question in the open assessment, “{}”, not in “{}”: open “{}” first to work on its gaps.",
                    name(&w.active),
                    name(&later),
                    name(&later)
                )
            })
        })
    };
    view! {
        <section class="card compare" aria-labelledby="compare-title">
            <h2 id="compare-title">"Compare two assessments"</h2>
            <p class="hint" id="compare-needs-two" hidden=move || !only_one()>
                "There is only one assessment. Duplicate it before a round of changes to see later what they did, or create a blank one."
            </p>
            <div class="compare-pickers" hidden=only_one>
                <EntryPicker state=state id="compare-first" label="Earlier" value=first />
                <EntryPicker state=state id="compare-second" label="Later" value=second />
            </div>
            <p class="hint" id="compare-same" hidden=move || !same()>"Pick two different assessments: the same one on both sides shows no change."</p>
            <p class="hint" id="compare-backwards" hidden=move || !backwards()>
                "The “Earlier” one was created after the “Later” one: swap them, or every change below reads backwards."
            </p>
            <p class="hint" id="compare-links-elsewhere" hidden=move || links_elsewhere().is_none()>{links_elsewhere}</p>
            {move || result().map(|c| view! { <ComparisonSummary state=state comparison=c /> })}
        </section>
    }
}

#[component]
fn EntryPicker(state: AppState, id: &'static str, label: &'static str, value: RwSignal<String>) -> impl IntoView {
    let options = move || {
        state.workspace.with(|w| {
            w.entries
                .iter()
                .map(|e| {
                    let entry_id = e.id.clone();
                    view! { <option value=e.id.clone() prop:selected=move || value.get() == entry_id>{e.name.clone()}</option> }
                })
                .collect_view()
        })
    };
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id on:change=move |ev| value.set(event_target_value(&ev))>
                <option value="">"Choose…"</option>
                {options}
            </select>
        </div>
    }
}

/// How many questions left unsettled a comparison lists before it folds them away.
const UNSETTLED_SHOWN: usize = 5;

#[component]
fn ComparisonSummary(state: AppState, comparison: Comparison) -> impl IntoView {
    let c = comparison;
    // Each gap by its question's title (a link to it), then where it stands, as on the dashboard.
    let line = move |f: &Finding, tag: String| {
        let title = state.catalog.title_of(f.item_id);
        view! { <li><a href=item_href(f.item_id)>{title}</a><span class="finding-tag">{tag}</span></li> }
    };
    let standing = Finding::standing;
    let lines = move |findings: &[Finding]| findings.iter().map(|f| line(f, format!("{} · {}", f.reference, standing(f)))).collect_view();
    // A gap closed is told as it was, not as if it stood (founder pass).
    let closed = c.closed.iter().map(|f| line(f, format!("{} · was {}", f.reference, standing(f)))).collect_view();
    // With what it was before, in a word: "was no gap" is an answer lost, not a gap found (founder pass).
    let was = |earlier: &Option<Finding>| match earlier {
        None => "no gap",
        // Not "was Its record not answered yet" (checking pass of stop 43).
        Some(f) if f.rests_on.is_some() => "a yes waiting for its record",
        Some(f) => f.kind_label(),
    };
    let unsettled_lines =
        c.unsettled.iter().map(|(e, f)| line(f, format!("{} · {} · was {}", f.reference, standing(f), was(e)))).collect_view();
    // A long list is folded (founder pass: against a blank assessment some 90 questions pushed the
    // gaps closed and changed off a phone's screen by dozens of screens).
    let folded = c.unsettled.len() > UNSETTLED_SHOWN;
    let unsettled = (!c.unsettled.is_empty()).then(|| {
        view! {
            <h3>{format!("Not answered yet or “not sure” in the later one ({})", c.unsettled.len())}</h3>
            <p class="hint">"Each counts as missing until it is answered: not a gap opened by an answer."</p>
            <details id="compare-unsettled-fold" open=!folded>
                <summary>"Which questions"</summary>
                <ul id="compare-unsettled" class="compare-list">{unsettled_lines}</ul>
            </details>
        }
    });
    let changed =
        c.changed.iter().map(|(a, b)| line(a, format!("{} · {}", a.reference, crate::domain::compare::moved(a, b)))).collect_view();
    view! {
        <p id="compare-scores" class="countdown">
            {format!("{} % ({}) → {} % ({})", c.before.percent, c.before.verdict.label(), c.after.percent, c.after.verdict.label())}
        </p>
        // Year-later pass: last year's assessment read "Not ready" beside a certificate, and its
        // lapsed records hid the year's decline from both sides.
        <p class="hint" id="compare-as-of">
            {format!(
                "Both are judged as of today ({}): a record that has lapsed since counts against the earlier one too, so a \
                 difference can come from the records' dates as well as from the answers. This is not how the earlier one \
                 stood on its own audit day.",
                state.today
            )}
        </p>
        <h3>{format!("Gaps opened ({})", c.opened.len())}</h3>
        <ul id="compare-opened" class="compare-list">{lines(&c.opened)}</ul>
        {unsettled}
        <h3>{format!("Gaps closed ({})", c.closed.len())}</h3>
        <ul id="compare-closed" class="compare-list">{closed}</ul>
        <h3>{format!("Changed ({})", c.changed.len())}</h3>
        <ul id="compare-changed" class="compare-list">{changed}</ul>
    }
}
