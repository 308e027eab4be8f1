//! The readiness figure, the verdict and the "why this score" list.

use leptos::prelude::*;

use crate::domain::{Catalog, Finding, Score};

#[component]
pub fn ReadinessSummary(score: Memo<Score>, findings: Memo<Vec<Finding>>) -> impl IntoView {
    let percent = move || score.with(|s| s.percent);
    let verdict_class = move || format!("verdict verdict-{}", score.with(|s| s.verdict.code()));
    view! {
        <aside class="summary" aria-labelledby="summary-title">
            <h2 id="summary-title">"Readiness"</h2>
            <p class="figure" aria-live="polite">
                <span id="readiness-percent">{percent}</span>
                <span class="unit">" %"</span>
            </p>
            <p class=verdict_class id="readiness-verdict">
                {move || score.with(|s| s.verdict.label())}
            </p>
            <p class="verdict-meaning">{move || score.with(|s| s.verdict.meaning())}</p>
            <p class="progress-text" id="answered-count">
                {move || score.with(|s| format!("{} of {} answered", s.answered, s.total))}
            </p>
            <SeverityCounts score=score />
            <WhyThisScore findings=findings />
        </aside>
    }
}

#[component]
fn SeverityCounts(score: Memo<Score>) -> impl IntoView {
    view! {
        <ul class="severity-counts" aria-label="Predicted audit findings">
            <li class="sev-major">{move || score.with(|s| s.majors)}" major"</li>
            <li class="sev-minor">{move || score.with(|s| s.minors)}" minor"</li>
            <li class="sev-observation">{move || score.with(|s| s.observations)}" observations"</li>
        </ul>
    }
}

#[component]
fn WhyThisScore(findings: Memo<Vec<Finding>>) -> impl IntoView {
    let catalog = Catalog::builtin();
    let rows = move || {
        findings.with(|list| {
            list.iter()
                .map(|f| {
                    let title = catalog.item(f.item_id).map(|i| i.title).unwrap_or_default();
                    let cost = format!("−{}", f.cost);
                    view! {
                        <li>
                            <a href=format!("#{}", f.item_id)>{title}</a>
                            <span class="cost">{cost}" pts"</span>
                            <span class="finding-tag">{f.severity.label()}" · "{f.kind.label()}</span>
                        </li>
                    }
                })
                .collect_view()
        })
    };
    view! {
        <details class="why-score">
            <summary>"Why this score"</summary>
            <p class="hint">"Every item that costs points, most expensive first."</p>
            <ol id="why-list">{rows}</ol>
        </details>
    }
}
