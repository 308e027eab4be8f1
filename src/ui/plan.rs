//! The remediation plan: every finding with an owner, a due date (defaulting to a sensible date
//! before the audit) and a status, editable here and exported with the gap report.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::fields::{date_changed, date_left, DATE_REFUSED};
use super::route::item_href;
use super::state::AppState;
use super::text::with_whole_dates;
use crate::domain::dates::{FIRST_INPUT_DATE, LAST_INPUT_DATE};
use crate::domain::owner_leaving::plan_owner_warning;
use crate::domain::plan_start::where_to_start;
use crate::domain::remediation::{due_dates_explained, due_hint, edit_plan_due_as, owner_is_suggested, plan_due_as, Remediation, Status};
use crate::domain::systemic::{group_of, urgency_in};
use crate::domain::wording::counted;
use crate::domain::{Finding, FindingKind};

/// The first steps (`domain::plan_start`), above the lines.
#[component]
fn WhereToStart(state: AppState) -> impl IntoView {
    let steps = Memo::new(move |_| {
        state.score.with(|score| {
            state.findings.with(|findings| state.assessment.with(|a| where_to_start(score, findings, state.catalog, a, state.today)))
        })
    });
    view! {
        <section class="plan-start" aria-labelledby="plan-start-title" hidden=move || steps.with(Vec::is_empty)>
            <h2 id="plan-start-title">"Where to start"</h2>
            <ol id="plan-start">{move || steps.get().into_iter().map(|step| view! { <li>{step}</li> }).collect_view()}</ol>
        </section>
    }
}

/// The preference that sets aside the lines for questions not answered yet.
const HIDE_UNKNOWN: &str = "plan-hide-unknown";

#[component]
pub fn PlanView(state: AppState) -> impl IntoView {
    // Rows are keyed by finding: the set changing (an answer elsewhere) never moves a row's
    // input, or the focus in it, to another finding; typing re-renders nothing.
    // Early on most lines are questions nobody has answered yet: they can be set aside to plan
    // the confirmed gaps first.
    // Kept across reloads (founder pass: it came back unticked).
    let hide_unknown = RwSignal::new(super::storage::preference(HIDE_UNKNOWN));
    let unknown = Memo::new(move |_| state.findings.with(|list| list.iter().filter(|f| f.kind == FindingKind::Unanswered).count()));
    let ids = Memo::new(move |_| {
        let hide = hide_unknown.get();
        state
            .findings
            .with(|list| list.iter().filter(|f| !(hide && f.kind == FindingKind::Unanswered)).map(|f| f.id.clone()).collect::<Vec<_>>())
    });
    let shown_status = RwSignal::new(String::new());
    let row = move |id: String| {
        let finding = state.findings.with_untracked(|list| list.iter().find(|f| f.id == id).cloned());
        finding.map(|finding| view! { <PlanRow state=state finding=finding /> })
    };
    let nothing_open = move || state.findings.with(Vec::is_empty);
    // With nothing open, what the verdict still takes on trust is the work left (founder pass:
    // every "yes" without evidence read "Nothing to plan").
    let still = move || if nothing_open() { state.caveats.with(|list| list.join(" ")) } else { String::new() };
    let all_hidden = move || !nothing_open() && ids.with(Vec::is_empty);
    let due_basis = move || due_dates_explained(state.today, state.audit_date.get());
    // Read by the line and by its `hidden`: worked out once per change.
    let tally = Memo::new(move |_| {
        let (done, busy) = state.findings.with(|list| state.assessment.with(|a| crate::domain::remediation::tally(list, a)));
        let lines = state.findings.with(Vec::len);
        (done + busy > 0).then(|| format!("{done} of {} marked done, {busy} in progress.", counted(lines, "line", "lines")))
    });
    view! {
        <h1 id="plan-title">"Remediation plan"</h1>
        <p class="hint">
            "One line per open gap, most expensive first: each finding an auditor would raise, and each gap that is part of one or counted with it (the dashboard counts those once). A line you have not edited suggests an owner from the roles register (who holds the role that usually fixes that gap) and a due date by severity; change them as you plan. The status is for your own tracking: the score moves when the answer, the roles register or the rehearsals behind a line change."
        </p>
        <p class="hint" id="plan-due-basis">{due_basis}</p>
        <WhereToStart state=state />
        <RegisterPeople state=state />
        <label class="filter" hidden=move || unknown.get() == 0>
            <input
                type="checkbox"
                id="plan-hide-unknown"
                prop:checked=move || hide_unknown.get()
                on:change=move |ev| {
                    let on = event_target_checked(&ev);
                    hide_unknown.set(on);
                    super::storage::set_preference(HIDE_UNKNOWN, on);
                    let total = state.findings.with_untracked(Vec::len);
                    shown_status.set(format!("Showing {} of {}.", ids.with_untracked(Vec::len), counted(total, "line", "lines")));
                }
            />
            {move || format!(" Hide the {} for questions not answered yet or “not sure”", counted(unknown.get(), "line", "lines"))}
        </label>
        // What the box did, read out: the list changed without a word (keyboard pass of stop 50).
        <p class="visually-hidden" id="plan-filter-status" aria-live="polite">{move || shown_status.get()}</p>
        <p id="plan-empty" hidden=move || !nothing_open()>
            "Nothing to plan: no finding is open. A gap appears here as soon as an answer, the roles register or the interview rehearsals open one."
        </p>
        <p id="plan-still" hidden=move || still().is_empty()>"Still to do before the audit: "{still}</p>
        <p id="plan-all-hidden" hidden=move || !all_hidden()>
            "Every open line is a question not answered yet: answer them, or untick the box to plan them too."
        </p>
        // Read out when a line's status changes, which moves nothing else (keyboard pass of stop 48).
        <p class="hint" id="plan-tally" role="status">{move || tally.get()}</p>
        <div class="table-wrap" hidden=move || ids.with(Vec::is_empty)>
            <table class="plan">
                <caption class="visually-hidden">"Remediation plan"</caption>
                <thead>
                    <tr>
                        <th scope="col">"Finding"</th>
                        <th scope="col">"Owner"</th>
                        <th scope="col">"Due"</th>
                        <th scope="col">"Status"</th>
                    </tr>
                </thead>
                <tbody>
                    <For each=move || ids.get() key=|id| id.clone() children=row />
                </tbody>
            </table>
        </div>
    }
}

/// Suggestions for the owner fields: everyone in the roles register who works here today.
#[component]
fn RegisterPeople(state: AppState) -> impl IntoView {
    let options = move || {
        state.assessment.with(|a| {
            a.register
                .people
                .iter()
                .filter(|p| p.is_current(state.today))
                .map(|p| view! { <option value=p.name.clone()>{p.job_title.clone()}</option> })
                .collect_view()
        })
    };
    view! { <datalist id="register-people">{options}</datalist> }
}

#[component]
fn PlanRow(state: AppState, finding: Finding) -> impl IntoView {
    // The group of minors adding up this line is one of, found once per change: the due date
    // (as a major while it is one), the row's tag and every edit read it.
    let group = {
        let finding = finding.clone();
        Memo::new(move |_| state.score.with(|s| group_of(&finding, state.catalog, &s.adding_up).copied()))
    };
    let urgency = {
        let finding = finding.clone();
        move || group.with(|g| urgency_in(&finding, g.as_ref()))
    };
    let plan = {
        let (finding, urgency) = (finding.clone(), urgency.clone());
        move || state.assessment.with(|a| plan_due_as(&finding, urgency(), a, state.today))
    };
    let edit = {
        let finding = finding.clone();
        move |change: Box<dyn FnOnce(&mut Remediation)>| {
            // An owner still being typed applies first, so edits apply in their order.
            super::settle::apply_waiting();
            let urgency = untrack(&urgency);
            state.assessment.update(|a| edit_plan_due_as(&finding, urgency, a, state.today, change))
        }
    };
    let title = state.catalog.title_of(finding.item_id);
    let slug = format!("gap-{}", finding.item_id);
    let suggested = {
        let (finding, plan) = (finding.clone(), plan.clone());
        move || state.assessment.with(|a| owner_is_suggested(&finding, a)) && !plan().owner.is_empty()
    };
    // An owner the roles register has leaving before the line is due.
    let owner_leaves = {
        let plan = plan.clone();
        move || {
            let line = plan();
            line.due.and_then(|due| state.assessment.with(|a| plan_owner_warning(&line.owner, &a.register, state.today, due)))
        }
    };
    // A due date passed or after the audit, and a line marked done whose finding is still open, are said
    // next to the field (neither changes the score).
    let due_warning = {
        let plan = plan.clone();
        Memo::new(move |_| due_hint(&plan(), state.today, state.audit_date.get()))
    };
    let done_but_open = {
        let plan = plan.clone();
        move || plan().status == Status::Done
    };
    // What closes it, said as the next step rather than a warning (founder pass: a red "still
    // open" beside "Done" made the status seem pointless).
    let still_open = if finding.kind.is_register() {
        "Marked done: it closes once the roles register shows it fixed."
    } else if finding.kind == crate::domain::FindingKind::InterviewGap {
        "Marked done: it closes once the rehearsals show it fixed."
    } else {
        "Marked done: it closes once its answer or evidence on the question shows it fixed."
    };
    // A minor due as a major says why on its own line (founder pass: only the plan's opening
    // paragraph did, naming none of the lines).
    let adds_up = move || group.with(|g| g.map(|g| format!(" · adds up with others under {}: due as a major", g.requirement)));
    let (plan_owner, plan_due, plan_status) = (plan.clone(), plan.clone(), plan);
    let (edit_owner, edit_due, edit_status) = (edit.clone(), edit.clone(), edit);
    let owner_typed = super::settle::settling(move |v: String| edit_owner(Box::new(move |p: &mut Remediation| p.owner = v)));
    // A due date refused when the field is left is said beside it, the one saved kept.
    let due_refused = RwSignal::new(false);
    // Cleared, the line goes back to the suggested date.
    let set_due = move |due: Option<NaiveDate>| edit_due(Box::new(move |p: &mut Remediation| p.due = due));
    let due_left = {
        let (plan, set_due) = (plan_due.clone(), set_due.clone());
        move |ev: leptos::ev::FocusEvent| date_left(&ev, plan().due, due_refused, &set_due)
    };
    let done = done_but_open.clone();
    view! {
        <tr class:plan-done=done>
            <th scope="row">
                <a href=item_href(finding.item_id) id=format!("plan-link-{}", finding.item_id)>{title}</a>
                <span class="finding-tag">{finding.standing()}{adds_up}</span>
            </th>
            <td data-label="Owner">
                <label class="visually-hidden" for=format!("{slug}-owner")>{format!("Owner of {title}")}</label>
                <input type="text" dir="auto" id=format!("{slug}-owner") list="register-people" prop:value=move || plan_owner().owner
                    aria-describedby=format!("{slug}-owner-hint {slug}-owner-leaves")
                    on:input=move |ev| owner_typed(event_target_value(&ev)) />
                <span class="field-hint" id=format!("{slug}-owner-hint") hidden=move || !suggested()>"Suggested by the app: confirm or change"</span>
                <span class="field-hint warn" id=format!("{slug}-owner-leaves")>
                    {move || owner_leaves().map(|text| with_whole_dates(&text))}
                </span>
            </td>
            <td data-label="Due">
                <label class="visually-hidden" for=format!("{slug}-due")>{format!("Due date of {title}")}</label>
                <input type="date" id=format!("{slug}-due") min=FIRST_INPUT_DATE max=LAST_INPUT_DATE prop:value=move || plan_due().due.map(|d| d.to_string()).unwrap_or_default()
                    aria-describedby=format!("{slug}-due-hint {slug}-due-refused") aria-invalid=move || due_refused.get().then_some("true")
                    on:change=move |ev| date_changed(&ev, due_refused, &set_due) on:blur=due_left />
                <span class="field-hint warn" id=format!("{slug}-due-hint") hidden=move || due_warning.with(Option::is_none)>{due_warning}</span>
                <span class="field-hint warn" id=format!("{slug}-due-refused")>{move || due_refused.get().then_some(DATE_REFUSED)}</span>
            </td>
            <td data-label="Status">
                <label class="visually-hidden" for=format!("{slug}-status")>{format!("Status of {title}")}</label>
                <select id=format!("{slug}-status") aria-describedby=format!("{slug}-status-hint") on:change=move |ev| {
                    let code = event_target_value(&ev);
                    let status = Status::ALL.into_iter().find(|s| s.code() == code).unwrap_or_default();
                    edit_status(Box::new(move |p| p.status = status))
                }>
                    {Status::ALL.map(|s| {
                        let current = plan_status.clone();
                        view! { <option value=s.code() prop:selected=move || current().status == s>{s.label()}</option> }
                    })}
                </select>
                <span class="field-hint" id=format!("{slug}-status-hint") hidden=move || !done_but_open()>{still_open}</span>
            </td>
        </tr>
    }
}
