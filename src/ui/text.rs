//! Text with dates in it, shown so that no date breaks across lines at its hyphens.

use leptos::prelude::*;

use crate::domain::wording::date_runs;

/// The text, every ISO date in it kept whole (`span.date-whole`, see main.css).
pub fn with_whole_dates(text: &str) -> impl IntoView {
    date_runs(text)
        .into_iter()
        .map(|(date, run)| match date {
            true => view! { <span class="date-whole">{run.to_string()}</span> }.into_any(),
            false => run.to_string().into_any(),
        })
        .collect_view()
}
