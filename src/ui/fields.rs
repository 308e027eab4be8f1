//! Labelled text and date controls shared by the register and the evidence records (the
//! register's own controls are in `register/fields.rs`). Each reads its value
//! from a signal (set as a DOM property, so typing is never interrupted) and reports changes to
//! a callback.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::dates::{typed, Typed, FIRST_INPUT_DATE, LAST_INPUT_DATE};

pub(crate) fn field_class(span: &'static str) -> String {
    match span {
        "" => "field".to_string(),
        span => format!("field span-{span}"),
    }
}

#[component]
pub fn TextField(
    id: String,
    label: &'static str,
    /// Layout hint: "full" (own row on phones), "wide" or "wider" (two or three columns when wide),
    /// "all" (own row at every width).
    #[prop(optional)]
    span: &'static str,
    value: Signal<String>,
    /// Report the text once it is committed (leaving the field, or Enter) rather than at every
    /// keystroke: for values whose half-typed states must never be applied.
    #[prop(optional)]
    commit: bool,
    /// The id of a note about the value, read with the field.
    #[prop(optional)]
    described_by: Option<String>,
    on_input: impl Fn(String) + 'static,
) -> impl IntoView {
    let label_for = id.clone();
    let report = std::rc::Rc::new(on_input);
    let on_change = report.clone();
    view! {
        <div class=field_class(span)>
            <label for=label_for>{label}</label>
            <input type="text" dir="auto" id=id prop:value=move || value.get() aria-describedby=described_by
                on:input=move |ev| if !commit { report(event_target_value(&ev)) }
                on:change=move |ev| if commit { on_change(event_target_value(&ev)) } />
        </div>
    }
}

/// What a date field's change event says ([`Typed`]).
pub(crate) fn typed_date(ev: &leptos::ev::Event) -> Typed {
    let input = event_target::<web_sys::HtmlInputElement>(ev);
    typed(&input.value(), input.validity().bad_input())
}

#[component]
pub fn DateField(
    id: String,
    label: &'static str,
    /// Layout hint: "full" (own row on phones), "wide" or "wider" (two or three columns when wide),
    /// "all" (own row at every width).
    #[prop(optional)]
    span: &'static str,
    value: Signal<Option<NaiveDate>>,
    on_change: impl Fn(Option<NaiveDate>) + 'static,
    /// Set while the field's last input was refused or conflicts with another field.
    #[prop(optional, into)]
    invalid: Option<Signal<bool>>,
    /// The id of the message that says why.
    #[prop(optional)]
    described_by: Option<String>,
) -> impl IntoView {
    let label_for = id.clone();
    let text = move || value.get().map(|d| d.to_string()).unwrap_or_default();
    // A date refused here is marked, and the one stored is kept ([`Typed::Refused`]).
    let refused = RwSignal::new(false);
    let aria_invalid = move || (refused.get() || invalid.is_some_and(|s| s.get())).then_some("true");
    let changed = move |ev: leptos::ev::Event| {
        let date = match typed_date(&ev) {
            Typed::Date(date) => Some(date),
            Typed::Cleared => None,
            Typed::Unfinished => return,
            Typed::Refused => return refused.set(true),
        };
        refused.set(false);
        on_change(date);
    };
    view! {
        <div class=field_class(span)>
            <label for=label_for>{label}</label>
            <input type="date" id=id min=FIRST_INPUT_DATE max=LAST_INPUT_DATE prop:value=text aria-invalid=aria_invalid aria-describedby=described_by
                on:change=changed />
        </div>
    }
}
