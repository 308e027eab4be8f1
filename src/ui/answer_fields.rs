//! The answer controls of one item: the five choices, the N/A justification and the note.

use leptos::prelude::*;

use wasm_bindgen::JsCast;

use super::clock;
use super::focus::focus_later;
use super::state::AppState;
use crate::domain::{Answer, Item, ItemResponse};

/// One item's response, as its card reads it (`None` until something is entered).
pub type ResponseMemo = Memo<Option<ItemResponse>>;

#[component]
pub fn AnswerChoices(state: AppState, item: &'static Item, answer: Memo<Option<Answer>>) -> impl IntoView {
    let item_id = item.id;
    let na_label = state.catalog.na_label(item);
    let choices = Answer::ALL
        .iter()
        .map(|&choice| {
            let input_id = format!("{item_id}-{}", choice.code());
            let label_for = input_id.clone();
            let label = if choice == Answer::NotApplicable { na_label } else { choice.label() };
            view! {
                <label class=format!("choice choice-{}", choice.code()) for=label_for>
                    <input
                        type="radio"
                        id=input_id
                        name=format!("{item_id}-answer")
                        value=choice.code()
                        prop:checked=move || answer.get() == Some(choice)
                        on:change=move |_| {
                            state.assessment.update(|a| a.set_answer(item_id, choice, clock::today()))
                        }
                    />
                    <span>{label}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        // Named by its question, not only "Your answer" (one of a hundred such groups).
        <fieldset class="answers" aria-labelledby=format!("{item_id}-title {item_id}-legend")>
            <legend id=format!("{item_id}-legend")>"Your answer"</legend>
            {choices}
        </fieldset>
    }
}

/// Why the item does not apply, labelled with what the reason does (`Catalog::na_prompt`).
#[component]
pub fn JustificationField(
    state: AppState,
    item_id: &'static str,
    label: std::borrow::Cow<'static, str>,
    response: ResponseMemo,
) -> impl IntoView {
    let field_id = format!("{item_id}-na");
    let label_for = field_id.clone();
    let value = move || response.with(|r| r.as_ref().map(|r| r.na_justification.clone()).unwrap_or_default());
    view! {
        <div class="field">
            <label for=label_for>{label}</label>
            <textarea
                dir="auto"
                id=field_id
                rows="2"
                prop:value=value
                on:input=move |ev| state.assessment.update(|a| a.set_na_justification(item_id, event_target_value(&ev)))
            ></textarea>
        </div>
    }
}

/// The note sits behind a disclosure, like the evidence records: open when there is a note,
/// closed otherwise so a page of questions is not a page of empty boxes. The text box is only
/// created once the disclosure is opened (seven unused boxes cost a tenth of the first view's
/// start-up); opening it with a click or the keyboard puts the cursor in it.
#[component]
pub fn NoteField(state: AppState, item_id: &'static str, response: ResponseMemo) -> impl IntoView {
    let field_id = format!("{item_id}-note");
    let summary_id = format!("{field_id}-summary");
    let note = move || response.with(|r| r.as_ref().map(|r| r.note.clone()).unwrap_or_default());
    // Latches: clearing the text while typing must not close the box under the cursor.
    let has_note = Memo::new(move |was: Option<&bool>| was.copied().unwrap_or(false) || !note().trim().is_empty());
    let opened = RwSignal::new(false);
    let on_toggle = {
        let (summary_id, field_id) = (summary_id.clone(), field_id.clone());
        move |ev: web_sys::Event| {
            let Some(details) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
            if !details.has_attribute("open") {
                return;
            }
            if !opened.get_untracked() {
                opened.set(true);
            }
            // Opened by the visitor (click or keyboard on the summary), not by the app.
            if document().active_element().is_some_and(|e| e.id() == summary_id) {
                focus_later(field_id.clone());
            }
        }
    };
    // Opened from its summary (a click, or Enter or Space on it): opened at once and the cursor put
    // in the box before the next key arrives (founder pass: typing straight after the click lost
    // the first letters, which went to the summary while the box was made a frame later).
    let on_summary_click = {
        let field_id = field_id.clone();
        move |ev: web_sys::MouseEvent| {
            let details = ev.current_target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|s| s.parent_element());
            let Some(details) = details.filter(|d| !d.has_attribute("open")) else { return };
            ev.prevent_default();
            let _ = details.set_attribute("open", "");
            opened.set(true);
            // The render that makes the box runs as a microtask: focus it in the next one, before
            // any key event (a frame later was too late).
            let field_id = field_id.clone();
            let focus = wasm_bindgen::closure::Closure::once_into_js(move || super::focus::focus_now(&field_id));
            window().queue_microtask(focus.unchecked_ref());
        }
    };
    // A memo: the closure below runs again only when the box appears, not on every keystroke.
    let shown = Memo::new(move |_| has_note.get() || opened.get());
    let text_box = move || {
        shown.get().then(|| {
            view! {
                <div class="field">
                    <textarea
                        dir="auto"
                        id=field_id.clone()
                        rows="2"
                        aria-labelledby=format!("{item_id}-note-summary")
                        prop:value=note
                        on:input=move |ev| state.assessment.update(|a| a.set_note(item_id, event_target_value(&ev)))
                    ></textarea>
                </div>
            }
        })
    };
    view! {
        <details class="note" prop:open=has_note on:toggle=on_toggle>
            <summary id=summary_id on:click=on_summary_click>"Note (optional)"</summary>
            {text_box}
        </details>
    }
}
