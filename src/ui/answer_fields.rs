//! The answer controls of one item: the five choices, the N/A justification and the note.

use leptos::prelude::*;

use super::clock;
use super::state::AppState;
use crate::domain::{Answer, ItemResponse};

#[component]
pub fn AnswerChoices(state: AppState, item_id: &'static str, answer: Memo<Option<Answer>>) -> impl IntoView {
    let choices = Answer::ALL
        .iter()
        .map(|&choice| {
            let input_id = format!("{item_id}-{}", choice.code());
            let label_for = input_id.clone();
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
                    <span>{choice.label()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="answers">
            <legend>"Your answer"</legend>
            {choices}
        </fieldset>
    }
}

/// A labelled multi-line field bound to one text of an item's response.
#[component]
fn ResponseText(
    state: AppState,
    item_id: &'static str,
    suffix: &'static str,
    label: &'static str,
    read: fn(&ItemResponse) -> &String,
    write: fn(&mut crate::domain::Assessment, &str, String),
) -> impl IntoView {
    let field_id = format!("{item_id}-{suffix}");
    let label_for = field_id.clone();
    let value = move || state.assessment.with(|a| a.response(item_id).map(|r| read(r).clone()).unwrap_or_default());
    view! {
        <div class="field">
            <label for=label_for>{label}</label>
            <textarea
                id=field_id
                rows="2"
                prop:value=value
                on:input=move |ev| state.assessment.update(|a| write(a, item_id, event_target_value(&ev)))
            ></textarea>
        </div>
    }
}

#[component]
pub fn JustificationField(state: AppState, item_id: &'static str) -> impl IntoView {
    view! {
        <ResponseText
            state=state
            item_id=item_id
            suffix="na"
            label="Why does this not apply? (required for N/A to count)"
            read=|r| &r.na_justification
            write=|a, id, text| a.set_na_justification(id, text)
        />
    }
}

#[component]
pub fn NoteField(state: AppState, item_id: &'static str) -> impl IntoView {
    view! {
        <ResponseText
            state=state
            item_id=item_id
            suffix="note"
            label="Note (optional)"
            read=|r| &r.note
            write=|a, id, text| a.set_note(id, text)
        />
    }
}
