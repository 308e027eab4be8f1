//! Labelled form controls shared by the views (register, evidence records). Each reads its value
//! from a signal (set as a DOM property, so typing is never interrupted) and reports changes to
//! a callback.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::parse_iso;

fn field_class(span: &'static str) -> String {
    match span {
        "" => "field".to_string(),
        span => format!("field span-{span}"),
    }
}

/// `(value, label)` pairs for a `<select>`.
#[cfg(feature = "tools")]
pub type Options = Vec<(String, String)>;

#[component]
pub fn TextField(
    id: String,
    label: &'static str,
    /// Layout hint: "full" (own row on phones), "wide" or "wider" (two or three columns when wide).
    #[prop(optional)]
    span: &'static str,
    value: Signal<String>,
    on_input: impl Fn(String) + 'static,
) -> impl IntoView {
    let label_for = id.clone();
    view! {
        <div class=field_class(span)>
            <label for=label_for>{label}</label>
            <input type="text" id=id prop:value=move || value.get() on:input=move |ev| on_input(event_target_value(&ev)) />
        </div>
    }
}

#[component]
pub fn DateField(
    id: String,
    label: &'static str,
    /// Layout hint: "full" (own row on phones), "wide" or "wider" (two or three columns when wide).
    #[prop(optional)]
    span: &'static str,
    value: Signal<Option<NaiveDate>>,
    on_change: impl Fn(Option<NaiveDate>) + 'static,
) -> impl IntoView {
    let label_for = id.clone();
    let text = move || value.get().map(|d| d.to_string()).unwrap_or_default();
    view! {
        <div class=field_class(span)>
            <label for=label_for>{label}</label>
            <input type="date" id=id prop:value=text on:change=move |ev| on_change(parse_iso(&event_target_value(&ev))) />
        </div>
    }
}

/// A whole number of months, empty meaning "never".
#[cfg(feature = "tools")]
#[component]
pub fn MonthsField(
    id: String,
    label: &'static str,
    /// Layout hint: "full" (own row on phones), "wide" or "wider" (two or three columns when wide).
    #[prop(optional)]
    span: &'static str,
    value: Signal<Option<u32>>,
    on_change: impl Fn(Option<u32>) + 'static,
) -> impl IntoView {
    let label_for = id.clone();
    let text = move || value.get().map(|n| n.to_string()).unwrap_or_default();
    let parse = |text: String| text.trim().parse::<u32>().ok().filter(|n| *n > 0);
    view! {
        <div class=field_class(span)>
            <label for=label_for>{label}</label>
            <input type="number" min="1" step="1" inputmode="numeric" id=id prop:value=text
                on:input=move |ev| on_change(parse(event_target_value(&ev))) />
        </div>
    }
}

#[cfg(feature = "tools")]
#[component]
pub fn CheckField(
    id: String,
    label: &'static str,
    /// Layout hint: "full" (own row on phones), "wide" or "wider" (two or three columns when wide).
    #[prop(optional)]
    span: &'static str,
    checked: Signal<bool>,
    on_change: impl Fn(bool) + 'static,
) -> impl IntoView {
    let label_for = id.clone();
    view! {
        <div class=format!("{} check-field", field_class(span))>
            <input type="checkbox" id=id prop:checked=move || checked.get()
                on:change=move |ev| on_change(event_target_checked(&ev)) />
            <label for=label_for>{label}</label>
        </div>
    }
}

/// A `<select>` whose options may change (people's names); the selected option follows `selected`.
#[cfg(feature = "tools")]
#[component]
pub fn ChoiceField(
    id: String,
    label: &'static str,
    /// Layout hint: "full" (own row on phones), "wide" or "wider" (two or three columns when wide).
    #[prop(optional)]
    span: &'static str,
    options: Signal<Options>,
    selected: Signal<String>,
    on_change: impl Fn(String) + 'static,
) -> impl IntoView {
    let label_for = id.clone();
    let items = move || {
        options
            .get()
            .into_iter()
            .map(|(value, text)| {
                let mine = value.clone();
                view! { <option value=value prop:selected=move || selected.with(|s| *s == mine)>{text}</option> }
            })
            .collect_view()
    };
    view! {
        <div class=field_class(span)>
            <label for=label_for>{label}</label>
            <select id=id on:change=move |ev| on_change(event_target_value(&ev))>{items}</select>
        </div>
    }
}

