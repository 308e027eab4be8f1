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

/// What a date field's change event says ([`Typed`]). Only a date or an empty field is taken
/// then: a year is typed digit by digit (0002 on the way to 2027), so a date refused is said when
/// the field is left ([`date_left`]).
pub(crate) fn typed_date(ev: &leptos::ev::Event) -> Typed {
    let input = event_target::<web_sys::HtmlInputElement>(ev);
    typed(&input.value(), input.validity().bad_input())
}

/// What a date field left says that its change events could not.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Left {
    /// Nothing to do: its date was taken as typed.
    Taken,
    /// Emptied part by part: cleared.
    Cleared,
    /// A date it cannot take (a year of fewer than four digits): said, the date kept.
    Refused,
}

/// Reads a date field on `blur`, `kept` being the date stored. Cleared part by part with the
/// keyboard, the field sends one change (a part missing, taken as unfinished) and none when the
/// last part goes, so it is cleared when it is left empty (UX pass of stop 48: Backspace emptied
/// the field and the stored date stayed). Left with a part missing or a date refused, it shows the
/// date kept again.
pub(crate) fn date_left(ev: &leptos::ev::FocusEvent, kept: Option<NaiveDate>) -> Left {
    let input = event_target::<web_sys::HtmlInputElement>(ev);
    match typed(&input.value(), input.validity().bad_input()) {
        Typed::Cleared if kept.is_some() => Left::Cleared,
        // Shown as kept, beside the message that says why (the field read 0266 over a date kept).
        Typed::Refused => {
            input.set_value(&kept.map(|d| d.to_string()).unwrap_or_default());
            Left::Refused
        }
        Typed::Unfinished => {
            input.set_value(&kept.map(|d| d.to_string()).unwrap_or_default());
            Left::Taken
        }
        _ => Left::Taken,
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
    let label_for = id.clone();
    let text = move || value.get().map(|d| d.to_string()).unwrap_or_default();
    // A date refused here is said and marked, and the one stored is kept ([`Typed::Refused`]).
    let refused = RwSignal::new(false);
    let aria_invalid = move || (refused.get() || invalid.is_some_and(|s| s.get())).then_some("true");
    let on_change = std::rc::Rc::new(on_change);
    let cleared = on_change.clone();
    let changed = move |ev: leptos::ev::Event| {
        let date = match typed_date(&ev) {
            Typed::Date(date) => Some(date),
            Typed::Cleared => None,
            Typed::Unfinished | Typed::Refused => return,
        };
        refused.set(false);
        on_change(date);
    };
    let left = move |ev: leptos::ev::FocusEvent| match date_left(&ev, value.get_untracked()) {
        Left::Taken => {}
        Left::Cleared => {
            refused.set(false);
            cleared(None);
        }
        Left::Refused => refused.set(true),
    };
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
