//! The readiness panel shown beside every view: figure, verdict and predicted findings.

use leptos::prelude::*;

use super::route::{AUDIT_DATE_HREF, WHY_HREF};
use super::state::AppState;
use crate::domain::caveats::{says_on_your_word, verdict_label};
use crate::domain::wording::counted;

#[component]
pub fn ReadinessSummary(state: AppState) -> impl IntoView {
    let score = state.score;
    let on_word = state.on_your_word;
    let verdict_class = move || {
        // Only where the label says so: a dashed "Not ready" would look the weakest (visual pass).
        let word = if score.with(|s| says_on_your_word(s.verdict, on_word.get())) { " on-your-word" } else { "" };
        format!("verdict verdict-{}{word}", score.with(|s| s.verdict.code()))
    };
    let verdict = move || score.with(|s| verdict_label(s.verdict, on_word.get()));
    // What the verdict takes on trust or cannot see yet; the dashboard lists the register gaps
    // ahead one by one.
    let caveats = state.caveats;
    let caveat_text = move || caveats.with(|list| list.join(" "));
    // The warnings keep to two lines each until shown in full. On a phone (founder pass: the
    // likely major was cut off with no way to read it, and the panel pushed the page's heading
    // down to 676 px) and on a laptop too (founder pass of stop 52: shown whole at 1280 × 800,
    // they sat below the fold of the panel's own scroll box, where nobody looked).
    let expanded = RwSignal::new(false);
    // On a first visit nothing is answered, so every requirement "adds up" from questions nobody
    // has looked at: the first-visit sentence says what to do instead.
    let adds_up = move || score.with(|s| !s.adding_up.is_empty() && s.progress.answered > 0);
    let warnings = move || usize::from(adds_up()) + caveats.with(Vec::len);
    // One or more: a count read wrong beside the boxes it spans (user pass: "3 warnings" in two).
    // The name says what a press does, so the button carries no expanded state as well: "Show
    // less, expanded" read as a contradiction (screen reader pass).
    let more_label = move || match (expanded.get(), warnings()) {
        (true, _) => "Show less",
        (false, 1) => "Show the warning in full",
        (false, _) => "Show the warnings in full",
    };
    // Shown on a phone too before any answer, and when a late activity will be a major by the
    // audit day (phone pass: the warning reached a phone only through "Where to start").
    let meaning_class = move || {
        score.with(|s| match (s.progress.answered, s.majors_by_audit) {
            (0, _) => "verdict-meaning first-visit",
            (_, 1..) => "verdict-meaning warns",
            _ => "verdict-meaning",
        })
    };
    view! {
        // A region named "Readiness", not a heading: it comes before the view's own h1, which is
        // then the page's first heading (keyboard pass: an h2 came before the h1 on every view).
        <section class="summary" class:expanded=move || expanded.get() aria-labelledby="summary-title">
            <p class="summary-title" id="summary-title">"Readiness"</p>
            // Read out whole when it changes ("55 %, Not ready"), not as a bare number.
            <p class="figure" aria-live="polite" aria-atomic="true">
                <span id="readiness-percent">{move || score.with(|s| s.percent)}</span>
                <span class="unit">" %"</span>
                <span class="visually-hidden">{move || format!(", {}", verdict())}</span>
            </p>
            <p class=verdict_class id="readiness-verdict">{verdict}</p>
            <p class=meaning_class>
                {move || score.with(|s| s.meaning())}
            </p>
            <p class="progress-text" id="answered-count">
                {move || score.with(|s| s.progress.panel_text())}
            </p>
            <ul class="severity-counts" aria-label="Predicted audit findings">
                // Minors that add up are a likely major each: said here, or "0 major" sits beside
                // a verdict that says a major is likely (founder pass).
                <li class="sev-major">
                    {move || {
                        // "0 major (+1 likely)" read as a contradiction in red (founder pass).
                        score.with(|s| match (s.majors, s.adding_up.len()) {
                            (m, 0) => format!("{m} major"),
                            (0, n) => format!("{n} likely major"),
                            (m, n) => format!("{m} major (+{n} likely)"),
                        })
                    }}
                </li>
                // Minors that make up a likely major are said as such, as every view counts them
                // (auditor probes: "1 likely major, 2 minor" read as three findings; "0 minor"
                // beside the dashboard's and the reports' "3 minor" read as a contradiction).
                // On a phone the aside gives way to keep the counts on one line (screen readers
                // still hear it); the adding-up warning under them says the same.
                <li class="sev-minor">
                    {move || score.with(|s| s.minors)}" minor"
                    <span class="counts-aside">
                        {move || score.with(|s| (s.minors_adding_up > 0).then(|| format!(" ({} adding up)", s.minors_adding_up)))}
                    </span>
                </li>
                <li class="sev-observation">{move || score.with(|s| counted(s.observations, "observation", "observations"))}</li>
            </ul>
            // Before much is answered most of these counts are questions nobody has looked at yet.
            // On a first visit the sentence above says it (UX pass: both at once were hard to follow).
            <p class="progress-text counts-note" id="counts-not-yet-known"
                hidden=move || score.with(|s| s.not_yet_known + s.not_yet_known_within == 0 || s.progress.answered == 0)>
                {move || score.with(|s| s.not_yet_known_text().map(|t| format!("({t})")).unwrap_or_default())}
            </p>
            <p class="summary-links">
                <a href=WHY_HREF class="why-link">"Why this score"</a>
                // Freshness, the register on audit day, interview windows and plan dates all
                // count back from it: until it is set, the panel offers it.
                // A date already past judges nothing ahead: the panel asks for the next one
                // (auditor probe: "Keep the evidence fresh until audit day" a week after it).
                <a href=AUDIT_DATE_HREF id="set-audit-date" hidden=move || state.audit_date.get().is_some_and(|day| day >= state.today)>
                    {move || match state.audit_date.get() {
                        Some(_) => "The audit date has passed: set the next one",
                        None => "Set the audit date",
                    }}
                </a>
            </p>
            // The button before the warnings it opens: opened, they grow below it, so it stays where
            // it was pressed (UX pass of stop 52: below them, it went out of sight with the focus on it).
            <button type="button" class="secondary more-toggle" id="readiness-more" hidden=move || warnings() == 0
                aria-controls="readiness-adding-up readiness-caveats" on:click=move |_| expanded.update(|open| *open = !*open)>
                {more_label}
            </button>
            // The warnings after the links: when the panel is taller than the window, the figure, the
            // counts and the link to the reasons stay in sight above them (founder pass).
            <p class="adding-up" id="readiness-adding-up" hidden=move || !adds_up()>
                {move || score.with(|s| s.adding_up_panel_text().unwrap_or_default())}
            </p>
            <p class="caveats" id="readiness-caveats" hidden=move || caveats.with(Vec::is_empty)>{caveat_text}</p>
        </section>
    }
}
