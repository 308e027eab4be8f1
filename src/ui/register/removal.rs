//! Removing a person, a role assignment or a competence record says what went and offers to undo
//! it until anything else changes (keyboard pass: a person with three roles went in one key press,
//! for good, and nothing was read out but the score).

use leptos::prelude::*;

use super::{focus_later, Reg};
use crate::domain::roles::RegisterError;
use crate::domain::Assessment;

/// The last removal: what it says, the section it was made in, the element to focus when it is
/// undone, and the assessment before and after it.
#[derive(Clone)]
pub(super) struct Removal {
    section: &'static str,
    text: String,
    focus: String,
    before: Assessment,
    after: Assessment,
}

impl Reg {
    /// Applies a removal and, when it is made, offers its undo in `section`: `text` says what
    /// went, `focus` is the element to return to once it is back.
    pub fn remove(
        &self,
        section: &'static str,
        text: String,
        focus: String,
        edit: impl FnOnce(&mut Assessment) -> Result<(), RegisterError>,
    ) -> Result<(), RegisterError> {
        let before = self.state.assessment.get_untracked();
        self.update_assessment(edit)?;
        let after = self.state.assessment.get_untracked();
        self.removal.set(Some(Removal { section, text, focus, before, after }));
        Ok(())
    }

    /// The removal made in `section`, while nothing has changed since (here or in another tab).
    fn undoable_in(&self, section: &'static str) -> Option<String> {
        self.removal.with(|r| {
            let r = r.as_ref().filter(|r| r.section == section)?;
            self.state.assessment.with(|now| *now == r.after).then(|| r.text.clone())
        })
    }
}

/// "Removed …" and its Undo, under the section's list; a status, so it is read out when it
/// appears.
#[component]
pub(super) fn RemovalNotice(reg: Reg, section: &'static str) -> impl IntoView {
    // What an undo put back, said until anything else changes (keyboard pass of stop 50: the
    // notice went blank, and nothing said the person was back).
    let restored = RwSignal::new(None::<(String, Assessment)>);
    let undo = move |_| {
        // Taken out, not copied: the notice goes with it (set below).
        let Some(removal) = reg.removal.try_update_untracked(Option::take).flatten() else { return };
        if reg.state.assessment.with_untracked(|now| *now == removal.after) {
            let said = removal.text.strip_prefix("Removed ").map_or_else(|| "Undone.".to_string(), |rest| format!("Put back {rest}"));
            restored.set(Some((said, removal.before.clone())));
            reg.state.assessment.set(removal.before);
            focus_later(removal.focus);
        }
        reg.removal.set(None);
    };
    let text_id = format!("{section}-removed-text");
    let notice = move || match reg.undoable_in(section) {
        // The button is described by what it undoes (its name alone was "Undo").
        Some(text) => Some(
            view! {
                <span id=text_id.clone()>{text}</span>
                " "
                <button type="button" class="secondary" id=format!("{section}-undo-remove") aria-describedby=text_id.clone() on:click=undo>
                    "Undo"
                </button>
            }
            .into_any(),
        ),
        None => restored.with(|r| {
            let said = r.as_ref().filter(|(_, state)| reg.state.assessment.with(|now| now == state)).map(|(said, _)| said.clone());
            said.map(|said| view! { <span>{said}</span> }.into_any())
        }),
    };
    view! { <p class="reg-removed" role="status" id=format!("{section}-removed")>{notice}</p> }
}
