//! Text typed in the register and the plan applies as typing pauses: each key waits, and the text
//! applies once no key has come for [`PAUSE`], or at once when the view is edited otherwise, left,
//! or the page hidden. A register name is read by the checks, the score, every person picker and
//! the org chart, and a plan line's owner by the checks and the score: at each key that was about
//! 0.15 s of work on a cheap phone (cheap-phone pass of stop 56, 6x CPU), and the keys queued up
//! behind it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;

use crate::domain::wording::one_key_apart;
use crate::ui::clock::now_ms;

/// How long typing must pause before the text waiting applies.
const PAUSE: u64 = 600;

thread_local! {
    /// The text typed and not applied yet, as the edit that applies it. One field is typed in at a
    /// time: a key in another field applies this one first.
    static WAITING: RefCell<Option<Box<dyn FnOnce()>>> = RefCell::new(None);
}

/// Applies the text waiting, if any: before any other edit in its view (so edits apply in the
/// order they were made), when a pause ends, and when the view or the page is left.
pub fn apply_waiting() {
    let waiting = WAITING.with(|w| w.borrow_mut().take());
    if let Some(apply) = waiting {
        apply();
    }
}

/// Applies the text waiting when the page is hidden or left: the answers are saved before it goes.
pub fn apply_waiting_on_leave() {
    use leptos::prelude::*;
    let hidden = window_event_listener(leptos::ev::visibilitychange, |_| apply_waiting());
    let leaving = window_event_listener(leptos::ev::pagehide, |_| apply_waiting());
    on_cleanup(move || {
        hidden.remove();
        leaving.remove();
    });
}

/// A text field's `on_input` that applies `apply` as typing pauses (see the module's doc): a key
/// (one character typed or deleted) waits; anything else (a paste, a value chosen or cleared at
/// once, the first change seen) applies at once, with the text waiting before it.
pub fn settling(apply: impl Fn(String) + 'static) -> Box<dyn Fn(String)> {
    settling_with(Rc::new(apply))
}

/// [`settling`]'s body, built once for every field (not again for each caller's `apply`).
fn settling_with(apply: Rc<dyn Fn(String)>) -> Box<dyn Fn(String)> {
    // The field's row going (a person removed, another view opened) applies it first, while what
    // the edit reads of the row is still there (call this where the row's values are made).
    leptos::prelude::on_cleanup(apply_waiting);
    // The text last seen, and until when typing counts as going on (the last key plus the pause).
    let (last, typing_until) = (Rc::new(RefCell::new(None::<String>)), Rc::new(Cell::new(0)));
    Box::new(move |text: String| {
        let key = last.borrow().as_deref().is_some_and(|before| one_key_apart(before, &text));
        *last.borrow_mut() = Some(text.clone());
        if !key {
            apply_waiting();
            apply(text);
            return;
        }
        typing_until.set(now_ms() + PAUSE);
        let apply = apply.clone();
        WAITING.with(|w| *w.borrow_mut() = Some(Box::new(move || apply(text))));
        let typing_until = typing_until.clone();
        leptos::prelude::set_timeout(
            move || {
                if now_ms() >= typing_until.get() {
                    apply_waiting();
                }
            },
            std::time::Duration::from_millis(PAUSE),
        );
    })
}
