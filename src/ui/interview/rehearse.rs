//! Rehearsal: one question at a time, talking points hidden until asked for, then an honest
//! self-rating that is stored at once. The order was fixed when the session started (weakest
//! first, or the spot check's three questions), so rating never reshuffles what is left.

use leptos::prelude::*;

use super::{Iv, Session};
use crate::domain::interview::readiness::could_not_answer_titles;
use crate::domain::interview::Rating;

#[component]
pub fn RehearsePanel(iv: Iv, session: Session, name: String) -> impl IntoView {
    let index = RwSignal::new(0usize);
    let revealed = RwSignal::new(false);
    let total = session.questions.len();
    let questions = StoredValue::new(session.questions);
    let person = StoredValue::new(session.person_id);
    let current = move || questions.with_value(|list| list.get(index.get()).copied()).and_then(|id| iv.bank.question(id));
    let heading = match session.drill {
        true => format!("Spot check: the auditor stops {name}"),
        false => format!("Rehearsing with {name}"),
    };
    // The rating just given, and what it replaced, so a slip can be taken back.
    let last = RwSignal::new(None::<(&'static str, Option<Rating>)>);
    // What was just done, read out before the next question (accessibility pass: a rating, and
    // its undoing, went unconfirmed).
    let done = RwSignal::new(String::new());
    let rate = move |rating: Rating| {
        let Some(q) = current() else { return };
        let replaced = person.with_value(|p| iv.rate(p, q.id, rating));
        last.set(Some((q.id, replaced)));
        done.set(format!("Rated “{}”.", rating.label()));
        revealed.set(false);
        index.update(|i| *i += 1);
        // The last rating hides the buttons that had focus: the way on takes it. Otherwise the
        // next question's first step does: left on the rating button, a second Enter rated the
        // next question unseen (founder pass).
        let next = if index.get_untracked() == total { "rehearse-again" } else { "show-points" };
        crate::ui::focus::focus_later(next);
    };
    let undo = move |_| {
        let Some((question, replaced)) = last.get_untracked() else { return };
        person.with_value(|p| iv.unrate(p, question, replaced));
        last.set(None);
        done.set("Last rating undone.".to_string());
        index.update(|i| *i = i.saturating_sub(1));
        crate::ui::focus::focus_later("rate-confident");
    };
    let buttons = Rating::ALL
        .map(|r| view! { <button type="button" class=format!("rate rate-{}", r.code()) id=format!("rate-{}", r.code()) on:click=move |_| rate(r)>{r.label()}</button> });
    // The live part is what was done, where we are and the question; the hint under it is not
    // read out again with every step.
    let step = move || match current() {
        Some(q) => view! {
            <p class="visually-hidden">{move || done.get()}" "</p>
            <p class="rehearse-progress" id="rehearse-progress">{format!("Question {} of {total}", index.get() + 1)}</p>
            // Read apart, not as "15Which…" (keyboard pass of stop 48).
            <span class="visually-hidden">": "</span>
            <p class="rehearse-question" id="rehearse-question">{q.text().question}</p>
        }
        .into_any(),
        None => finished(iv, person.get_value()).into_any(),
    };
    let hint = move || {
        current().map(|q| {
            view! { <p class="hint">{format!("{} · {}. Answer aloud first, as you would to the auditor.", q.title, q.text().reference)}</p> }
        })
    };
    let points = move || current().map(|q| q.text().talking_points.iter().map(|p| view! { <li>{*p}</li> }).collect_view());
    let asking = move || index.get() < total;
    view! {
        <section class="iv-panel rehearse" id="rehearse" aria-labelledby="rehearse-title">
            <h2 id="rehearse-title" tabindex="-1">{heading}</h2>
            <div aria-live="polite">{step}</div>
            // Outside the live part: its label was read out as the end of the summary (keyboard
            // pass of stop 48).
            {move || (!asking()).then(|| view! {
                <button type="button" id="rehearse-again" on:click=move |_| iv.rehearse()>"Rehearse again (weakest first)"</button>
            })}
            {hint}
            <div class:hidden=move || !asking()>
                <button type="button" class="secondary" id="show-points" aria-expanded=move || revealed.get().to_string()
                    aria-controls="rehearse-points" on:click=move |_| revealed.update(|r| *r = !*r)>
                    {move || if revealed.get() { "Hide talking points" } else { "Show talking points" }}
                </button>
                <ul class="brief-points rehearse-points" id="rehearse-points" class:hidden=move || !revealed.get()>{points}</ul>
                <div class="rate-group" role="group" aria-labelledby="rate-label">
                    <p id="rate-label" class="rate-label">"How did that go?"</p>
                    {buttons}
                </div>
            </div>
            <div class="rehearse-actions">
                <button type="button" class="secondary" id="rehearse-undo" hidden=move || last.with(Option::is_none) on:click=undo>
                    "Undo the last rating"
                </button>
                <button type="button" class="secondary" id="rehearse-stop" on:click=move |_| iv.back()>"Back to the cue card"</button>
            </div>
        </section>
    }
}

/// The end of a session: how it went, and the way on.
fn finished(iv: Iv, person_id: String) -> impl IntoView {
    let summary = iv.readiness_of(&person_id).map(|r| {
        format!(
            "Done. {} of {} questions on the card are now rated Confident ({} %); {} shaky, {} could not answer, {} not rehearsed yet.",
            r.confident,
            r.total,
            r.percent(),
            r.shaky,
            r.could_not,
            r.unrated
        )
    });
    // Which answers were missing, and what to do before drilling them (interview-preparation pass
    // of stop 47: the end said "2 could not answer" and offered only to rehearse again).
    let today = iv.state.today;
    let failed = iv.state.assessment.with_untracked(|a| could_not_answer_titles(iv.bank, a, &person_id, today));
    let missed: Vec<String> = failed.iter().map(|title| format!("“{title}”")).collect();
    let missed = (!missed.is_empty()).then(|| {
        let text = format!(
            "Could not answer: {}. Before rehearsing {} again, check on the card that what {} about is in place and on record: \
             an answer learned without the record behind it does not hold up in the audit.",
            crate::domain::wording::and_list(&missed),
            if missed.len() == 1 { "it" } else { "them" },
            if missed.len() == 1 { "it asks" } else { "they ask" }
        );
        view! { <p class="rehearse-missed" id="rehearse-missed">{text}</p> }
    });
    view! {
        <p class="rehearse-done" id="rehearse-done" role="status">{summary}</p>
        {missed}
    }
}
