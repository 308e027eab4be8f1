//! The register checks at the top of the register: one line per register item of the catalogue,
//! Ready or the finding it produces (the same finding the readiness score counts), with every
//! concrete problem listed.

use leptos::prelude::*;

use super::Reg;
use crate::domain::Item;
use crate::ui::route::item_href;
use crate::ui::text::with_whole_dates;

#[component]
pub fn RegisterChecks(reg: Reg) -> impl IntoView {
    let state = reg.state;
    let items: Vec<&'static Item> = state.catalog.items.iter().filter(|i| i.is_register()).collect();
    let total = items.len();
    let ids: Vec<&'static str> = items.iter().map(|i| i.id).collect();
    let ready = Memo::new(move |_| ids.iter().filter(|id| state.finding_for(id).is_none()).count());
    // Only the count is read out as it changes; what an open check costs is said beside it
    // (accessibility pass: each RASCI change read out 25 words).
    let summary = move || match ready.get() {
        n if n == total => format!("All {total} register checks are ready."),
        n => format!("{n} of {total} register checks ready."),
    };
    let costs = move || {
        (ready.get() < total).then_some(
            " Each open one costs readiness points until it is fixed, unless the checklist question that asks the same already \
             carries them.",
        )
    };
    let rows = items.into_iter().map(|item| view! { <CheckRow reg=reg item=item /> }).collect_view();
    view! {
        <section class="reg-section reg-checks" aria-labelledby="register-checks-title">
            <h2 id="register-checks-title" tabindex="-1">"Register checks"</h2>
            <p class="reg-checks-summary"><span id="register-checks-summary" aria-live="polite">{summary}</span>{costs}</p>
            <ul class="check-list">{rows}</ul>
        </section>
    }
}

#[component]
fn CheckRow(reg: Reg, item: &'static Item) -> impl IntoView {
    let state = reg.state;
    let id = item.id;
    let finding = Memo::new(move |_| state.finding_for(id));
    let status = move || {
        finding.with(|f| match f {
            Some(f) => format!("✗ {} · {} ({})", f.severity_text(), f.kind_text(state.today), f.cost_text()),
            None => "✓ Ready".to_string(),
        })
    };
    let class = move || {
        let level = finding.with(|f| match f {
            None => "ready",
            Some(f) if f.severity == crate::domain::Severity::Major => "major",
            Some(f) if f.severity == crate::domain::Severity::Minor => "minor",
            Some(_) => "observation",
        });
        format!("check-row check-{level}")
    };
    let details = move || {
        finding.with(|f| f.as_ref().map(|f| (f.relation_note(), f.lead, f.details.clone()))).map(|(counted, lead, list)| {
            view! {
                {counted.map(|note| view! { <p class="check-counted">{note}</p> })}
                <p class="check-lead">{lead}</p>
                <ul class="check-problems">
                    {list.into_iter().map(|text| view! { <li>{with_whole_dates(&text)}</li> }).collect_view()}
                </ul>
            }
        })
    };
    view! {
        <li class=class id=format!("register-check-{id}")>
            <div class="check-head">
                <a class="check-title" href=item_href(id)>{item.title}</a>
                <span class="ref">{item.reference}</span>
                <span class="check-status" id=format!("register-check-{id}-status")>{status}</span>
            </div>
            {details}
        </li>
    }
}
