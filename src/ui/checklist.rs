//! One area of questions, and one card per item: question, why it matters, evidence, answer,
//! N/A justification and note.

use leptos::prelude::*;

use super::clock;
use crate::domain::{Answer, Area, Assessment, Catalog, Finding, Item};

#[component]
pub fn AreaSection(
    area: &'static Area,
    assessment: RwSignal<Assessment>,
    findings: Memo<Vec<Finding>>,
) -> impl IntoView {
    let items = Catalog::builtin()
        .items_in(area.id)
        .map(|item| view! { <ItemCard item=item assessment=assessment findings=findings /> })
        .collect_view();
    view! {
        <section class="area" aria-labelledby=format!("area-{}", area.id)>
            <h2 id=format!("area-{}", area.id)>{area.title}</h2>
            <p class="area-ref">{area.reference}</p>
            <p class="area-summary">{area.summary}</p>
            {items}
        </section>
    }
}

#[component]
fn ItemCard(
    item: &'static Item,
    assessment: RwSignal<Assessment>,
    findings: Memo<Vec<Finding>>,
) -> impl IntoView {
    let id = item.id;
    let answer = Memo::new(move |_| assessment.with(|a| a.response(id).and_then(|r| r.answer)));
    let status = move || {
        findings.with(|list| {
            list.iter()
                .find(|f| f.item_id == id)
                .map(|f| format!("{}: {}", f.kind.label(), f.severity.label()))
                .unwrap_or_else(|| "Ready".to_string())
        })
    };
    let evidence = item.evidence.iter().map(|e| view! { <li>{*e}</li> }).collect_view();
    view! {
        <article class="item" id=id aria-labelledby=format!("{id}-title")>
            <header class="item-head">
                <h3 id=format!("{id}-title")>{item.title}</h3>
                <span class="ref">{item.reference}</span>
            </header>
            <p class="question">{item.question}</p>
            <details>
                <summary>"Why an auditor cares"</summary>
                <p>{item.why}</p>
                <p class="if-missing">"If missing: "{item.finding.label()}". "{item.finding_reason}</p>
            </details>
            <details>
                <summary>"Evidence that would prove it"</summary>
                <ul>{evidence}</ul>
            </details>
            <AnswerChoices item_id=id answer=answer assessment=assessment />
            <Show when=move || answer.get() == Some(Answer::NotApplicable)>
                <JustificationField item_id=id assessment=assessment />
            </Show>
            <NoteField item_id=id assessment=assessment />
            <p class="item-status" id=format!("{id}-status")>{status}</p>
        </article>
    }
}

#[component]
fn AnswerChoices(
    item_id: &'static str,
    answer: Memo<Option<Answer>>,
    assessment: RwSignal<Assessment>,
) -> impl IntoView {
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
                            assessment.update(|a| a.set_answer(item_id, choice, clock::today()))
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

#[component]
fn JustificationField(item_id: &'static str, assessment: RwSignal<Assessment>) -> impl IntoView {
    let value = move || assessment.with(|a| a.response(item_id).map(|r| r.na_justification.clone()).unwrap_or_default());
    let field_id = format!("{item_id}-na");
    let label_for = field_id.clone();
    view! {
        <div class="field">
            <label for=label_for>"Why does this not apply? (required for N/A to count)"</label>
            <textarea
                id=field_id
                rows="2"
                prop:value=value
                on:input=move |ev| assessment.update(|a| a.set_na_justification(item_id, event_target_value(&ev)))
            ></textarea>
        </div>
    }
}

#[component]
fn NoteField(item_id: &'static str, assessment: RwSignal<Assessment>) -> impl IntoView {
    let value = move || assessment.with(|a| a.response(item_id).map(|r| r.note.clone()).unwrap_or_default());
    let field_id = format!("{item_id}-note");
    let label_for = field_id.clone();
    view! {
        <div class="field">
            <label for=label_for>"Note (optional)"</label>
            <textarea
                id=field_id
                rows="2"
                prop:value=value
                on:input=move |ev| assessment.update(|a| a.set_note(item_id, event_target_value(&ev)))
            ></textarea>
        </div>
    }
}
