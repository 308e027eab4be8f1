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
    text_field(id, label, span, value, commit, described_by, std::rc::Rc::new(on_input))
}

/// [`TextField`]'s body, built once rather than again for every caller's `on_input` (the same
/// lever as the register's pickers: stop 49).
fn text_field(
    id: String,
    label: &'static str,
    span: &'static str,
    value: Signal<String>,
    commit: bool,
    described_by: Option<String>,
    report: std::rc::Rc<dyn Fn(String)>,
) -> impl IntoView {
    let label_for = id.clone();
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

/// A date field's change: a date typed, or the field emptied, goes to `apply`. A part still
/// missing, or a year being typed digit by digit (0002 on the way to 2027), waits for the field to
/// be left ([`date_left`]).
pub(crate) fn date_changed(ev: &leptos::ev::Event, refused: RwSignal<bool>, apply: impl Fn(Option<NaiveDate>)) {
    let input = event_target::<web_sys::HtmlInputElement>(ev);
    let date = match typed(&input.value(), input.validity().bad_input()) {
        Typed::Date(date) => Some(date),
        Typed::Cleared => None,
        Typed::Unfinished | Typed::Refused => return,
    };
    refused.set(false);
    apply(date);
}

/// A date field left, `kept` being the date stored: what its change events could not say.
/// Cleared part by part with the keyboard, the field sends one change (a part missing) and none
/// when the last part goes, so left empty it is cleared (UX pass of stop 48: Backspace emptied the
/// field and the stored date stayed). Left with a part missing, or with a date it cannot take
/// (`refused`, said beside it), it shows the date kept again.
pub(crate) fn date_left(ev: &leptos::ev::FocusEvent, kept: Option<NaiveDate>, refused: RwSignal<bool>, apply: impl Fn(Option<NaiveDate>)) {
    let input = event_target::<web_sys::HtmlInputElement>(ev);
    match typed(&input.value(), input.validity().bad_input()) {
        Typed::Cleared if kept.is_some() => {
            refused.set(false);
            apply(None);
        }
        shown @ (Typed::Refused | Typed::Unfinished) => {
            input.set_value(&kept.map(|d| d.to_string()).unwrap_or_default());
            refused.set(shown == Typed::Refused);
        }
        _ => {}
    }
}

/// Said beside a date field that refused what was typed.
pub(crate) const DATE_REFUSED: &str = "That date cannot be used: check the year (four digits). The date saved before is kept.";

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
    date_field(id, label, span, value, std::rc::Rc::new(on_change), invalid, described_by)
}

/// [`DateField`]'s body, built once for every caller's `on_change`.
fn date_field(
    id: String,
    label: &'static str,
    span: &'static str,
    value: Signal<Option<NaiveDate>>,
    on_change: std::rc::Rc<dyn Fn(Option<NaiveDate>)>,
    invalid: Option<Signal<bool>>,
    described_by: Option<String>,
) -> impl IntoView {
    let label_for = id.clone();
    let text = move || value.get().map(|d| d.to_string()).unwrap_or_default();
    // A date refused here is said and marked, and the one stored is kept ([`Typed::Refused`]).
    let refused = RwSignal::new(false);
    let aria_invalid = move || (refused.get() || invalid.is_some_and(|s| s.get())).then_some("true");
    let cleared = on_change.clone();
    let changed = move |ev: leptos::ev::Event| date_changed(&ev, refused, |date| on_change(date));
    let left = move |ev: leptos::ev::FocusEvent| date_left(&ev, value.get_untracked(), refused, |date| cleared(date));
    let refused_id = format!("{id}-refused");
    let described_by = match described_by {
        Some(others) => format!("{others} {refused_id}"),
        None => refused_id.clone(),
    };
    view! {
        <div class=field_class(span)>
            <label for=label_for>{label}</label>
            <input type="date" id=id min=FIRST_INPUT_DATE max=LAST_INPUT_DATE prop:value=text aria-invalid=aria_invalid aria-describedby=described_by
                on:change=changed on:blur=left />
            // Empty, not hidden, until it says something: a description is read from a hidden
            // element its field names too.
            <span class="field-hint warn" id=refused_id>{move || refused.get().then_some(DATE_REFUSED)}</span>
        </div>
    }
}
