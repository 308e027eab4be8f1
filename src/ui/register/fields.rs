//! The register's form controls (months, check box, select) and its choices; the text and date
//! controls are shared with the evidence records (`crate::ui::fields`).

use leptos::prelude::*;

use crate::domain::roles::RoleKind;
use crate::ui::fields::field_class;

pub use crate::ui::fields::{DateField, TextField};

/// `(value, label)` pairs for a `<select>`.
pub type Options = Vec<(String, String)>;

use super::{role_name, Reg};

/// The people to pick from, led by `none` (for optional links) and ending with the current value
/// when it points at nobody in the register, so the select never lies about the data.
pub fn person_choices(reg: Reg, none: Option<&'static str>, current: Signal<Option<String>>) -> Signal<Options> {
    Signal::derive(move || {
        let mut options: Options = none.map(|text| (String::new(), text.to_string())).into_iter().collect();
        options.extend(reg.person_options.get());
        if let Some(id) = current.get() {
            if !options.iter().any(|(value, _)| *value == id) {
                options.push((id.clone(), format!("Unknown person ({id})")));
            }
        }
        options
    })
}

/// The value a role has in a role picker: its code, or "custom" for any custom role.
pub fn role_value(role: &RoleKind) -> String {
    match role {
        RoleKind::Custom(_) => "custom".to_string(),
        standard => standard.code(),
    }
}

/// The built-in roles, then "Other (custom role)".
pub fn role_choices() -> Signal<Options> {
    Signal::derive(|| {
        let mut options: Options = RoleKind::STANDARD.iter().map(|r| (r.code(), role_name(r))).collect();
        options.push(("custom".to_string(), "Other (custom role)".to_string()));
        options
    })
}

/// A whole number of months, empty meaning "never".
#[component]
pub fn MonthsField(
    id: String,
    label: &'static str,
    /// Layout hint: "full" (own row on phones), "wide" or "wider" (two or three columns when wide),
    /// "all" (own row at every width).
    #[prop(optional)]
    span: &'static str,
    value: Signal<Option<u32>>,
    on_change: impl Fn(Option<u32>) + 'static,
) -> impl IntoView {
    let (label_for, hint_id) = (id.clone(), format!("{id}-invalid"));
    let text = move || value.get().map(|n| n.to_string()).unwrap_or_default();
    // Anything but empty or a whole number from 1 is refused with a message, and the stored value
    // stays as it was (never silently read as "does not lapse").
    let invalid = RwSignal::new(false);
    let on_input = move |ev| {
        let typed = event_target_value(&ev);
        let months = typed.trim().parse::<u32>().ok().filter(|n| *n > 0);
        invalid.set(months.is_none() && !typed.trim().is_empty());
        if !invalid.get_untracked() {
            on_change(months);
        }
    };
    view! {
        <div class=field_class(span)>
            <label for=label_for>{label}</label>
            // Text, not number: a number field reports "1." or "1e" as empty, which would read
            // as "does not lapse"; here what is typed is what is checked.
            <input type="text" inputmode="numeric" autocomplete="off" id=id prop:value=text
                aria-invalid=move || invalid.get().to_string() aria-describedby=hint_id.clone() on:input=on_input />
            <span class="field-hint error" id=hint_id hidden=move || !invalid.get()>
                "Enter whole months from 1, or leave it empty if it does not lapse. Not saved yet."
            </span>
        </div>
    }
}

#[component]
pub fn CheckField(
    id: String,
    label: &'static str,
    /// Layout hint: "full" (own row on phones), "wide" or "wider" (two or three columns when wide),
    /// "all" (own row at every width).
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
#[component]
pub fn ChoiceField(
    id: String,
    label: &'static str,
    /// Layout hint: "full" (own row on phones), "wide" or "wider" (two or three columns when wide),
    /// "all" (own row at every width).
    #[prop(optional)]
    span: &'static str,
    options: Signal<Options>,
    selected: Signal<String>,
    on_change: impl Fn(String) + 'static,
    /// While true, only the chosen option is in the page until the picker is pointed at or
    /// focused (a long register's person pickers: see [`Reg::long`](super::Reg)).
    #[prop(optional)]
    lazy: Option<Signal<bool>>,
) -> impl IntoView {
    choice_field(id, label, span, options, selected, Box::new(on_change), lazy)
}

/// [`ChoiceField`]'s body, once for every caller's `on_change`: it was built again for each.
fn choice_field(
    id: String,
    label: &'static str,
    span: &'static str,
    options: Signal<Options>,
    selected: Signal<String>,
    on_change: Box<dyn Fn(String)>,
    lazy: Option<Signal<bool>>,
) -> impl IntoView {
    let label_for = id.clone();
    let options = Memo::new(move |_| options.get());
    // Keyed by value, the text followed in place: a name typed in the register changes its one
    // option's text in each picker (odd-input pass: with 60 people, some 30,000 options were
    // rebuilt on each key press, 0.8 s a key; cheap-phone pass of stop 54: replacing even the one
    // option made each picker measure itself again, a third of a key's time).
    let option = move |(value, _): (String, String)| {
        let (mine, key) = (value.clone(), value.clone());
        let text = move || options.with(|all| all.iter().find(|(v, _)| *v == key).map(|(_, text)| text.clone()).unwrap_or_default());
        view! { <option value=value prop:selected=move || selected.with(|s| *s == mine)>{text}</option> }
    };
    // Big-data pass of stop 49: with 150 people the register held 66,000 options in 870 pickers,
    // 1.2 s to open and a quarter of a second a key typed in a name. The rest of a picker's list
    // is added as the pointer (a touch too) or the focus reaches it, before its list opens.
    let opened = RwSignal::new(false);
    let shown = move || {
        let all = options.get();
        match lazy.is_some_and(|lazy| lazy.get()) && !opened.get() {
            true => selected.with(|chosen| all.into_iter().filter(|(value, _)| value == chosen).collect()),
            false => all,
        }
    };
    let open = move || {
        if !opened.get_untracked() {
            opened.set(true);
        }
    };
    view! {
        <div class=field_class(span)>
            <label for=label_for>{label}</label>
            <select id=id on:change=move |ev| on_change(event_target_value(&ev))
                on:pointerenter=move |_| open() on:focus=move |_| open()>
                <For each=shown key=|(value, _)| value.clone() children=option />
            </select>
        </div>
    }
}
