//! Choices specific to the register sections; the labelled controls themselves are shared
//! (`crate::ui::fields`).

use leptos::prelude::*;

use crate::domain::roles::RoleKind;

pub use crate::ui::fields::{CheckField, ChoiceField, DateField, MonthsField, Options, TextField};

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
