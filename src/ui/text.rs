//! Text with dates in it, shown so that no date breaks across lines at its hyphens.

use leptos::either::Either;
use leptos::prelude::*;

use crate::domain::wording::date_runs;

/// The text, every ISO date in it kept whole (`span.date-whole`, see main.css).
pub fn with_whole_dates(text: &str) -> impl IntoView {
    date_runs(text)
        .into_iter()
        .map(|(date, run)| match date {
            true => Either::Left(view! { <span class="date-whole">{run.to_string()}</span> }),
            false => Either::Right(run.to_string()),
        })
        .collect_view()
}
