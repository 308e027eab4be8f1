//! Removing a person, a role assignment or a competence record says what went and offers to undo
//! it until anything else changes (keyboard pass: a person with three roles went in one key press,
//! for good, and nothing was read out but the score).

use leptos::prelude::*;

use super::{focus_later, Reg};
use crate::domain::roles::RegisterError;
use crate::domain::Assessment;

/// The last removal: what it says, the section it was made in, the element to focus when it is
/// undone, the assessment before and after it, and whether it was undone (then `text` says what
/// came back, until anything else changes).
#[derive(Clone)]
pub(super) struct Removal {
    section: &'static str,
    text: String,
    focus: String,
    before: Assessment,
    after: Assessment,
    undone: bool,
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
        self.removal.set(Some(Removal { section, text, focus, before, after, undone: false }));
        Ok(())
    }

    /// The removal made in `section`, while nothing has changed since (here or in another tab):
    /// what it says, and whether it was undone.
    fn notice_in(&self, section: &'static str) -> Option<(String, bool)> {
        self.removal.with(|r| {
            let r = r.as_ref().filter(|r| r.section == section)?;
            self.state.assessment.with(|now| *now == r.after).then(|| (r.text.clone(), r.undone))
        })
    }
}

/// "Removed …" and its Undo, under the section's list; a status, so it is read out when it
/// appears. Once undone it says what came back, until anything else changes (keyboard pass of
/// stop 50: the notice went blank, and nothing said the person was back).
#[component]
pub(super) fn RemovalNotice(reg: Reg, section: &'static str) -> impl IntoView {
    let undo = move |_| {
        let Some(removal) = reg.removal.get_untracked() else { return };
        if removal.undone || reg.state.assessment.with_untracked(|now| *now != removal.after) {
            return;
        }
        let text = removal.text.strip_prefix("Removed ").map_or_else(|| "Undone.".to_string(), |rest| format!("Restored {rest}"));
        let focus = removal.focus.clone();
        reg.state.assessment.set(removal.before.clone());
        reg.removal.set(Some(Removal { text, after: removal.before.clone(), undone: true, ..removal }));
        focus_later(focus);
    };
    let text_id = format!("{section}-removed-text");
    let notice = move || {
        reg.notice_in(section).map(|(text, undone)| {
            // The button is described by what it undoes (its name alone was "Undo").
            view! {
                <span id=text_id.clone()>{text}</span>
                " "
                <button type="button" class="secondary" id=format!("{section}-undo-remove") aria-describedby=text_id.clone()
                    hidden=undone on:click=undo>
                    "Undo"
                </button>
            }
        })
    };
    view! { <p class="reg-removed" role="status" id=format!("{section}-removed")>{notice}</p> }
}
