//! One area of questions, with a "show gaps only" filter, and one card per item: question, why
//! it matters, evidence examples, A 5.4 minimum vs full, the trap or reality it belongs to, the
//! answer, and the evidence records.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::answer_fields::{AnswerChoices, JustificationField, NoteField, ResponseMemo};
use super::evidence_editor::EvidenceEditor;
use super::route::{area_href, item_href, DASHBOARD_HREF};
use super::state::AppState;
use crate::domain::catalog::Cadence;
use crate::domain::evidence::{evidence_described, undated_renewal};
use crate::domain::interview::readiness::interview_question_note;
use crate::domain::interview::staff::staff_question_note;
use crate::domain::interview::QuestionBank;
use crate::domain::same_requirement::{asked_role_note, case_checks_of, check_asking, missed_case_note, question_note};
use crate::domain::{Answer, Item};
use crate::ui::text::with_whole_dates;

#[component]
pub fn AreaView(
    state: AppState,
    area_id: &'static str,
    /// Every card at once, not in batches (`cards_in_turn`).
    draw_all: bool,
) -> impl IntoView {
    let area = state.catalog.area(area_id).expect("routes only name known areas");
    // The gaps shown while the filter is on: the items with a finding when it was turned on. A
    // gap fixed meanwhile stays in view (now "Ready") rather than vanishing under the cursor or
    // the keyboard focus mid-answer; it goes when the filter is next turned on.
    let gaps_only = RwSignal::new(None::<Vec<&'static str>>);
    let set_filter = move |on: bool| {
        // A question whose register check is open is a gap too, whatever its own answer.
        let open = move |id: &'static str| std::iter::once(id).chain(state.catalog.item(id).and_then(|item| item.same_as));
        let gaps = on.then(|| state.findings.with(|list| list.iter().flat_map(|f| open(f.item_id)).collect()));
        gaps_only.set(gaps);
    };
    let items = cards_in_turn(state, area.id, gaps_only, draw_all);
    let no_gaps_shown = move || {
        gaps_only.with(|shown| shown.as_ref().is_some_and(|ids| !state.catalog.items_in(area.id).any(|item| ids.contains(&item.id))))
    };
    // Said to screen readers when the filter changes what is shown (keyboard pass of stop 45: the
    // cards vanished in silence).
    let filter_status = move || {
        gaps_only.with(|shown| {
            let total = state.catalog.items_in(area.id).count();
            shown.as_ref().map_or(String::new(), |ids| match state.catalog.items_in(area.id).filter(|i| ids.contains(&i.id)).count() {
                0 => "No gaps in this section.".to_string(),
                n => format!("Showing the {n} of {total} questions with a gap."),
            })
        })
    };
    // At the end of a section, the way on: the next section, or after the last one the dashboard
    // (founder pass: on a phone the only way on was back up to the menu).
    let areas = state.catalog.areas;
    let next = areas.iter().position(|a| a.id == area.id).and_then(|i| areas.get(i + 1));
    let (next_href, next_text) = match next {
        Some(next) => (area_href(next.id), format!("Next section: {}", next.title)),
        None => (DASHBOARD_HREF.to_string(), "That was the last section: see the dashboard".to_string()),
    };
    view! {
        <section class="area" aria-labelledby="area-title">
            <h1 id="area-title">{area.title}</h1>
            <p class="area-ref">{area.reference}</p>
            <p class="area-summary">{area.summary}</p>
            <label class="filter">
                <input
                    type="checkbox"
                    id="gaps-only"
                    prop:checked=move || gaps_only.with(Option::is_some)
                    on:change=move |ev| set_filter(event_target_checked(&ev))
                />
                " Show gaps only"
            </label>
            // (User pass: with no gaps, only the heading and the next link showed.)
            <p class="filter-empty" id="gaps-none" hidden=move || !no_gaps_shown()>"No gaps in this section."</p>
            <p class="visually-hidden" id="gaps-status" aria-live="polite">{filter_status}</p>
            {items}
            <p class="area-next"><a href=next_href id="area-next">{next_text}<span aria-hidden="true">"\u{a0}→"</span></a></p>
        </section>
    }
}

/// Cards drawn with the section page; the rest follow as many at a time. Three unanswered cards
/// fill a wide screen, one with a note and records a phone's; six took a third longer to the first
/// paint at 6x CPU (stop 55).
const CARDS_AT_ONCE: usize = 3;

/// A section's question cards: the first few at once, then a batch after each paint, so a long
/// section opened from another shows its top without waiting for its bottom (cheap-phone pass of
/// stop 54: Clause 5.3 roles, 32 cards with notes and records, took about a second to appear at
/// 6x CPU). With `draw_all` (the router's call, `app::area_page`), all at once.
fn cards_in_turn(state: AppState, area_id: &'static str, gaps_only: RwSignal<Option<Vec<&'static str>>>, draw_all: bool) -> impl IntoView {
    let items: Vec<&'static Item> = state.catalog.items_in(area_id).collect();
    let shown = RwSignal::new(if draw_all { items.len() } else { CARDS_AT_ONCE.min(items.len()) });
    super::draw_more_after_paint(shown, CARDS_AT_ONCE, items.len());
    // Keyed, so a card once drawn is never drawn again (drawing batches from a closure instead
    // weighed 1.5 to 5 KB more of download: the card's whole view made redrawable).
    view! {
        <For each=move || items[..shown.get()].to_vec() key=|item| item.id let:item>
            <ItemCard state=state item=item gaps_only=gaps_only />
        </For>
    }
}

/// On a "yes" renewed when roles change whose newest record predates the register's latest
/// appointment (`caveats::predates_role_change`), `say` of that appointment and the record.
fn predates_change<R>(state: AppState, item: &'static Item, say: impl FnOnce(&str, NaiveDate) -> R) -> Option<R> {
    if item.cadence != Some(Cadence::OnRoleChange) {
        return None;
    }
    state.role_change_with(|caveat| {
        let (change, items) = caveat?;
        let (_, _, newest) = items.iter().find(|(id, ..)| *id == item.id)?;
        Some(say(change, *newest))
    })
}

#[component]
fn ItemCard(state: AppState, item: &'static Item, gaps_only: RwSignal<Option<Vec<&'static str>>>) -> impl IntoView {
    let id = item.id;
    // The card's own response, which its parts read: each part reading the whole assessment
    // made every answer re-run several hundred memos at 10× content.
    let response = Memo::new(move |_| state.assessment.with(|a| a.response(id).cloned()));
    let answer = Memo::new(move |_| response.with(|r| r.as_ref().and_then(|r| r.answer)));
    let finding = Memo::new(move |_| state.finding_for(id));
    // A question a register check also asks is not ready while that check is open.
    let check = check_asking(state.catalog, id);
    let check_open = check.map(|c| Memo::new(move |_| state.finding_for(c.id).is_some_and(|f| f.costs_points())));
    let register_open = move || check_open.is_some_and(|open| open.get());
    // On a question about top management's interview, staff in general or a mandated role: what
    // the rehearsals or the register show, which the answer stays the user's to give.
    // Or, on a process the register tests case by case, a case it missed.
    let case_checks: Vec<&'static Item> = case_checks_of(state.catalog, id).collect();
    let sourced = item.asks_top_management_interview() || !item.rehearsed_in.is_empty() || item.asks_role.is_some();
    let source_note = (sourced || !case_checks.is_empty()).then(|| {
        Memo::new(move |_| {
            if !case_checks.is_empty() {
                return case_checks.iter().find_map(|c| missed_case_note(c, answer.get(), state.finding_for(c.id).as_ref()));
            }
            let yes = answer.get() == Some(Answer::Yes);
            let bank = QuestionBank::builtin();
            state.assessment.with(|a| match (item.asks_top_management_interview(), item.rehearsed_in.is_empty()) {
                (true, _) => interview_question_note(bank, a, yes, state.today).map(String::from),
                (false, false) => staff_question_note(bank, a, item, state.today),
                (false, true) => asked_role_note(item, &a.register, answer.get(), state.today, a.audit_date),
            })
        })
    });
    // A "yes" the note contradicts is not shown as plainly ready (the card read "Ready" above
    // "nobody holds this role by the audit").
    let source_disagrees = move || answer.get() == Some(Answer::Yes) && source_note.is_some_and(|note| note.with(Option::is_some));
    // A "yes" with no evidence record is met on the user's word: the card says so, not only the
    // panel's caveat (founder pass).
    let on_your_word = Memo::new(move |_| {
        !item.is_derived() && answer.get() == Some(Answer::Yes) && !response.with(|r| r.as_ref().is_some_and(evidence_described))
    });
    let has_rows = move || response.with(|r| r.as_ref().is_some_and(|r| !r.evidence.is_empty()));
    let status = move || {
        finding.with(|f| match f {
            Some(f) if f.counted_with.is_some() => format!("{}: {}", f.kind_label(), f.severity_named()),
            Some(f) => format!("{}: {} ({})", f.kind_label(), f.severity_named(), f.cost_text()),
            None if register_open() => "Answered; the roles register does not show it yet (see below)".to_string(),
            None if source_disagrees() => "Answered, but the register or rehearsals disagree (see below)".to_string(),
            // Only a question a register check settles goes without a finding while unanswered
            // (a derived item is never answered: met is simply ready).
            None if !item.is_derived() && answer.get() == Some(Answer::NotSure) => {
                "Shown met by the register; answered “not sure”".to_string()
            }
            None if !item.is_derived() && answer.get().is_none() => "Shown met by the register; not answered yet".to_string(),
            // Rows typed that say nothing are not "no evidence recorded" (UX pass of stop 47: that
            // stood under a row reading "Evidence" in "Drive").
            None if on_your_word.get() && has_rows() => "Ready on your word: no record given says which it is yet".to_string(),
            None if on_your_word.get() => "Ready on your word: no evidence recorded yet".to_string(),
            // The note under it is a check to make, not a plain "Ready" (review: the status gave
            // no hint of it).
            None if predates_change(state, item, |_, _| ()).is_some() => "Ready, if its record shows today's roles (see below)".to_string(),
            None => "Ready".to_string(),
        })
    };
    let status_class = move || {
        let open = register_open() || source_disagrees();
        // A "yes" on the user's word alone is not shown in the colour of done (founder pass).
        let met = match (open, on_your_word.get()) {
            (true, _) => "register-open",
            (false, true) => "on-your-word",
            (false, false) => "ready",
        };
        let kind = finding.with(|f| f.as_ref().map(|f| f.kind.code())).unwrap_or(met);
        format!("item-status status-{kind}")
    };
    let hidden = move || gaps_only.with(|gaps| gaps.as_ref().is_some_and(|gaps| !gaps.contains(&id))) && finding.with(Option::is_none);
    // What the finding says; on a ready "yes" of a calendar-renewed item whose evidence has no
    // date, a reminder instead: nothing is lost, but undated evidence cannot be warned about.
    let detail = move || {
        finding.with(|f| f.as_ref().map(|f| f.explanation.clone())).or_else(|| {
            if answer.get() != Some(Answer::Yes) {
                return None;
            }
            let undated = response.with(|r| match r {
                Some(response) => undated_renewal(item.cadence, item.recurring, response, state.today),
                None => undated_renewal(item.cadence, item.recurring, &Default::default(), state.today),
            });
            let dated = undated.map(|every| {
                format!("Renewed {every}: record its evidence with the date it was produced, so you are warned before it goes stale.")
            });
            // Said on the card the panel's caveat links to (founder pass: the caveat named this
            // question, and its card read a plain "Ready").
            let predates = predates_change(state, item, |change, newest| {
                format!(
                    "Its newest record ({newest}) is older than the register's latest appointment, {change}: check that it shows \
                     today's roles, as an auditor will compare it with the register, and renew it if the change touched it."
                )
            });
            if predates.is_some() {
                return predates;
            }
            match on_your_word.get() {
                true if has_rows() => Some(format!(
                    "An auditor will ask to see it: say under “Evidence records” which record it is, or where exactly it is kept.{}",
                    dated.map(|d| format!(" {d}")).unwrap_or_default()
                )),
                true => Some(format!(
                    "An auditor will ask to see it: add it under “Evidence records” (“Evidence that would prove it” lists what counts).{}",
                    dated.map(|d| format!(" {d}")).unwrap_or_default()
                )),
                false => dated,
            }
        })
    };
    // The finding this one is counted with or part of, one click away (founder pass: "counted
    // once with “Each appointment is on record”" named a register check nobody had seen).
    // Likewise the record a "yes" rests on while it is not answered yes (its question is in a
    // later section).
    let related = move || {
        let with = finding.with(|f| {
            let f = f.as_ref()?;
            let rests_on = f.rests_on.map(|i| (i.id, i.title));
            f.counted_with.map(|w| (w.item_id, w.title)).or(f.part_of.map(|p| (p.item_id, p.title))).or(rests_on)
        });
        with.map(
            |(to, title)| view! { <p class="related-link"><a href=item_href(to) id=format!("{id}-related")>"Open “"{title}"”"</a></p> },
        )
    };
    let evidence = item.evidence.iter().map(|e| view! { <li>{*e}</li> }).collect_view();
    // Only the questions a register check also asks: what the register shows about them.
    let register_note = check.map(|check| {
        let note =
            Memo::new(move |_| question_note(check, answer.get(), state.finding_for(id).as_ref(), state.finding_for(check.id).as_ref()));
        // Where the register is what is missing, the way there (founder pass of stop 52: "fill in
        // the register to earn these points" with no link, beside cards that had theirs).
        let act = move || state.finding_for(check.id).is_some_and(|f| f.costs_points());
        move || {
            note.get().map(|text| {
                view! {
                    <p class="register-note" id=format!("{id}-register-note")>
                        {text}" "<a href="#/register" hidden=move || !act()>"Open the roles register"</a>
                    </p>
                }
            })
        }
    });
    // Not when the finding above already says it (a "yes" the register does not bear out).
    let said_above = move |text: &String| finding.with(|f| f.as_ref().is_some_and(|f| f.explanation.contains(text.as_str())));
    let source_view = source_note.map(|note| {
        move || {
            let text = note.get().filter(|text| !said_above(text))?;
            Some(view! { <p class="register-note" id=format!("{id}-source-note")>{with_whole_dates(&text)}</p> })
        }
    });
    view! {
        <article class="item" class:hidden=hidden id=id tabindex="-1" aria-labelledby=format!("{id}-title")>
            <header class="item-head">
                <h2 id=format!("{id}-title")>{item.title}</h2>
                <span class="ref">{item.reference}</span>
            </header>
            <RealityContext state=state item=item />
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
            <ImplementationLevels item=item />
            {if item.is_derived() {
                view! { <DerivedNote register=item.is_register() /> }.into_any()
            } else {
                view! { <AnswerFields state=state item=item answer=answer response=response /> }.into_any()
            }}
            // Read out when an answer changes it (keyboard pass: only the overall figure was).
            <p class=status_class id=format!("{id}-status") aria-live="polite">{status}</p>
            <p class="finding-detail" id=format!("{id}-detail")>{move || detail().map(|d| with_whole_dates(&d))}</p>
            {related}
            {register_note}
            {source_view}
        </article>
    }
}

/// The answer, justification, note and evidence of an item the user answers.
#[component]
fn AnswerFields(state: AppState, item: &'static Item, answer: Memo<Option<Answer>>, response: ResponseMemo) -> impl IntoView {
    let id = item.id;
    view! {
        <AnswerChoices state=state item=item answer=answer />
        <Show when=move || answer.get() == Some(Answer::NotApplicable)>
            <JustificationField state=state item_id=id label=state.catalog.na_prompt(item) response=response />
        </Show>
        <NoteField state=state item_id=id response=response />
        <EvidenceEditor state=state item=item response=response />
    }
}

/// Derived items are judged from the roles register or the interview rehearsals, not answered.
#[component]
fn DerivedNote(register: bool) -> impl IntoView {
    let (source, href, link) = if register {
        ("your roles register", "#/register", "Open the roles register")
    } else {
        ("the interview rehearsals", "#/interviews", "Open interview preparation")
    };
    view! {
        <p class="derived">
            {format!("Worked out automatically from {source}. ")}
            <a href=href>{link}</a>
        </p>
    }
}

/// For the A 5.4 controls: what "partly" (the minimum) and "yes" (full implementation) mean.
#[component]
fn ImplementationLevels(item: &'static Item) -> impl IntoView {
    let (Some(minimum), Some(full)) = (item.minimum, item.full) else {
        return ().into_any();
    };
    view! {
        <dl class="levels">
            <dt>"Minimum first step (answer “partly”: on its own it may not convince an auditor)"</dt>
            <dd>{minimum}</dd>
            <dt>"Fully implemented (answer “yes”)"</dt>
            <dd>{full}</dd>
        </dl>
    }
    .into_any()
}

/// For the reality-check pairs: the trap a claim falls into, or the test the proof must pass.
#[component]
fn RealityContext(state: AppState, item: &'static Item) -> impl IntoView {
    let checks = state.catalog.reality_checks;
    if let Some(check) = checks.iter().find(|c| c.claim_item == item.id) {
        view! {
            <p class="reality reality-claim">
                <strong>"Checkbox trap · "{check.topic}": "</strong>{check.trap}
            </p>
        }
        .into_any()
    } else if let Some(check) = checks.iter().find(|c| c.proof_item == item.id) {
        view! {
            <p class="reality reality-proof">
                <strong>"Reality check · "{check.topic}": "</strong>{check.reality}
            </p>
        }
        .into_any()
    } else {
        ().into_any()
    }
}
