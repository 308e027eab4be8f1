//! Text typed in the register and the plan applies as typing pauses: each key waits, and the text
//! applies once no key has come for [`PAUSE`], or at once when the view is edited otherwise, left,
//! or the page hidden. A register name is read by the checks, the score, every person picker and
//! the org chart, and a plan line's owner by the checks and the score: at each key that was about
//! 0.15 s of work on a cheap phone (cheap-phone pass of stop 56, 6x CPU), and the keys queued up
//! behind it.

use std::cell::{Cell, RefCell};
use std::rc::Rc;
use std::time::Duration;

use leptos::prelude::*;

use crate::domain::wording::one_key_apart;

/// How long typing must pause before the text waiting applies.
const PAUSE: Duration = Duration::from_millis(600);

/// The text typed and not applied yet: the field it is in, the edit that applies it, and the
/// timer that applies it once typing pauses (set again at each key).
struct Waiting {
    field: usize,
    apply: Box<dyn FnOnce()>,
    timer: Option<TimeoutHandle>,
}

thread_local! {
    /// One field is typed in at a time: a key in another field applies this one's text first.
    static WAITING: RefCell<Option<Waiting>> = const { RefCell::new(None) };
    /// Whether hiding or leaving the page applies the text waiting (set up once, for good: the
    /// tools app stays mounted).
    static APPLIED_ON_LEAVING: Cell<bool> = const { Cell::new(false) };
}

/// Applies the text waiting, if any: before any other edit in its view (so edits apply in the
/// order they were made), when typing pauses, when its field goes, and when the page is hidden or
/// left (its answers are saved before it goes).
pub fn apply_waiting() {
    if let Some(apply) = take_waiting() {
        apply();
    }
}

/// The edit waiting, taken out with its timer stopped (`AppState::replace` applies it to the
/// assessment it was typed into when another tab opens another one).
pub fn take_waiting() -> Option<Box<dyn FnOnce()>> {
    let Waiting { apply, timer, .. } = WAITING.with(|w| w.borrow_mut().take())?;
    if let Some(timer) = timer {
        timer.clear();
    }
    Some(apply)
}

/// Keeps `apply` as the text waiting in `field`, in place of that field's earlier text.
fn wait(field: usize, apply: Box<dyn FnOnce()>) {
    // Another field's text applies first (review of stop 56: a key there took its place, and the
    // last keys typed in the first field were lost).
    if WAITING.with(|w| w.borrow().as_ref().is_some_and(|w| w.field != field)) {
        apply_waiting();
    }
    if !APPLIED_ON_LEAVING.replace(true) {
        let _ = window_event_listener(leptos::ev::visibilitychange, |_| apply_waiting());
        let _ = window_event_listener(leptos::ev::pagehide, |_| apply_waiting());
    }
    let timer = set_timeout_with_handle(apply_waiting, PAUSE).ok();
    let earlier = WAITING.with(|w| w.borrow_mut().replace(Waiting { field, apply, timer }));
    if let Some(Waiting { timer: Some(timer), .. }) = earlier {
        timer.clear();
    }
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
    on_cleanup(apply_waiting);
    // The field is told apart by its edit.
    let field = Rc::as_ptr(&apply) as *const () as usize;
    let last = RefCell::new(None::<String>);
    Box::new(move |text: String| {
        let key = last.borrow().as_deref().is_some_and(|before| one_key_apart(before, &text));
        *last.borrow_mut() = Some(text.clone());
        if key {
            let apply = apply.clone();
            wait(field, Box::new(move || apply(text)));
        } else {
            apply_waiting();
            apply(text);
        }
    })
}
