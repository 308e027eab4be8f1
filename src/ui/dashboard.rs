//! The dashboard: gauge, per-area bars, counts of predicted findings, checkbox gaps, evidence
//! freshness, the audit countdown, and "why this score": every finding, most expensive first.

use leptos::prelude::*;

use super::fields::{date_changed, date_left};
use crate::domain::dates::{FIRST_INPUT_DATE, LAST_INPUT_DATE};

use super::charts::{AreaBars, Gauge};
use super::route::item_href;
use super::state::AppState;
use crate::domain::caveats::{register_changes_soon, Caveat};
use crate::domain::evidence::undated_yes_items;
use crate::domain::same_requirement::asked_role_note;
use crate::domain::systemic::{missing_under, one_short, MinorsAddUp};
use crate::domain::{Answer, Finding, FindingKind, Item, Points, Severity};
use crate::ui::text::with_whole_dates;

#[component]
pub fn Dashboard(state: AppState) -> impl IntoView {
    let count =
        move |kinds: &'static [FindingKind]| move || state.findings.with(|list| list.iter().filter(|f| kinds.contains(&f.kind)).count());
    let undated = Memo::new(move |_| {
        state.assessment.with(|a| undated_yes_items(state.catalog, a, state.today).map(|i| (i.id, i.title.to_string())).collect())
    });
    let before_role_change = Memo::new(move |_| {
        state.role_change_with(|caveat| {
            let Some((_, items)) = caveat else { return Vec::new() };
            items.iter().map(|(id, title, newest)| (*id, format!("{title} (newest record {newest})"))).collect()
        })
    });
    view! {
        <h1 id="dashboard-title">"Dashboard"</h1>
        <div class="dash-grid">
            <section class="card" aria-labelledby="overall-title">
                <h2 id="overall-title">"Overall readiness"</h2>
                <Gauge state=state />
                <p class="dash-verdict" id="verdict-reason">{move || state.score.with(|s| s.verdict_reason_labelled(state.on_your_word.get()))}</p>
                <AddingUpLists state=state />
                <VerdictCaveats state=state />
            </section>
            <section class="card" aria-labelledby="counts-title">
                <h2 id="counts-title">"What an auditor would raise"</h2>
                <dl class="counts">
                    <dt>"Major nonconformities"</dt>
                    <dd id="count-major">{move || state.score.with(|s| s.majors)}</dd>
                    <dt>"Groups of minors likely raised as one major each"</dt>
                    <dd id="count-adding-up">{move || state.score.with(|s| s.adding_up.len())}</dd>
                    <dt>"Minor nonconformities"</dt>
                    <dd id="count-minor">{move || state.score.with(|s| s.minors)}</dd>
                    <dt>"Observations"</dt>
                    <dd id="count-observation">{move || state.score.with(|s| s.observations)}</dd>
                    <dt>"Not answered yet or “not sure”, among the findings above"</dt>
                    <dd id="count-not-yet-known">{move || state.score.with(|s| s.not_yet_known)}</dd>
                    // The plan's lines count these too (founder pass: "3" here beside the plan's
                    // "Settle the 4 questions answered “not sure”").
                    <dt hidden=move || state.score.with(|s| s.not_yet_known_within == 0)>
                        "Not answered yet or “not sure”, counted inside other findings"
                    </dt>
                    <dd id="count-not-yet-known-within" hidden=move || state.score.with(|s| s.not_yet_known_within == 0)>
                        {move || state.score.with(|s| s.not_yet_known_within)}
                    </dd>
                    <dt>"Checkbox gaps (a claim whose proof question is not met)"</dt>
                    <dd id="count-checkbox">{count(&[FindingKind::CheckboxGap])}</dd>
                    <dt>"Stale or expiring evidence"</dt>
                    <dd id="count-stale">{count(&[FindingKind::StaleEvidence, FindingKind::ExpiresBeforeAudit])}</dd>
                    <dt>"“Yes” on a renewed item with evidence recorded but not dated (freshness not checked)"</dt>
                    <dd id="count-undated">{move || undated.with(Vec::len)}</dd>
                    <dt>"“Yes” renewed when roles change, its evidence older than the latest appointment"</dt>
                    <dd id="count-role-change">{move || before_role_change.with(Vec::len)}</dd>
                </dl>
                <YesAnswerList id="undated-list" summary="Which “yes” answers to date" items=undated />
                <YesAnswerList id="role-change-list" summary="Which records to check against the register" items=before_role_change />
            </section>
            <AuditCountdown state=state />
            <section class="card wide" aria-labelledby="areas-title">
                <h2 id="areas-title">"Readiness per area"</h2>
                <AreaBars state=state />
            </section>
        </div>
        <WhyThisScore state=state />
    }
}

/// The missing practices of a requirement's group, as links to their questions, each saying why
/// an answer other than "no" is among them.
fn missing_list(state: AppState, g: &MinorsAddUp) -> impl IntoView {
    let missing = state.assessment.with(|a| {
        state.findings.with(|f| missing_under(g, state.catalog, f).into_iter().map(|i| (i, a.answer_for(i))).collect::<Vec<_>>())
    });
    // Several questions raised as one are one practice in the count above (visual pass: "8"
    // above a list of 10).
    let practice = |i: &Item| match (i.core, i.raised_as_one_key().is_some()) {
        (true, _) => "\u{a0}· core practice",
        (_, true) => "\u{a0}· one practice with the others raised with it",
        _ => "",
    };
    let answered = move |i: &Item, answer| match answer {
        // A major practice only partly in place (groups list no other major practice).
        Some(Answer::Partly) if i.finding == Severity::Major => "\u{a0}· answered “partly”",
        Some(Answer::Partly) if i.recurring => "\u{a0}· answered “partly”, but it is only planned or was not held on time",
        Some(Answer::Partly) => "\u{a0}· answered “partly”: a sample that partly holds up has failed",
        Some(Answer::NotSure) => "\u{a0}· answered “not sure”",
        Some(Answer::Yes) => "\u{a0}· answered “yes”, but its evidence is dated after today or says it is not done",
        None if !i.is_derived() => "\u{a0}· not answered yet",
        _ => "",
    };
    let items = missing
        .into_iter()
        .map(|(i, answer)| view! { <li><a href=item_href(i.id)>{i.title}</a>" "<span class="ref">{i.reference}</span>{practice(i)}{answered(i, answer)}</li> })
        .collect_view();
    view! { <ul>{items}</ul> }
}

/// The groups made only of questions not answered yet (or "not sure"), when there are two or more:
/// the dashboard folds them into one disclosure.
fn folded(s: &crate::domain::Score) -> Vec<&MinorsAddUp> {
    let unknown_only: Vec<&MinorsAddUp> = s.adding_up.iter().filter(|g| g.unconfirmed == g.open).collect();
    if unknown_only.len() > 1 {
        unknown_only
    } else {
        Vec::new()
    }
}

/// One group of missing practices behind a disclosure: what `summary` says of it, then the list.
fn group_details(state: AppState, g: &MinorsAddUp, class: &'static str, summary: String) -> impl IntoView {
    view! {
        <details class=class>
            <summary>{summary}</summary>
            {missing_list(state, g)}
        </details>
    }
}

/// Each requirement whose minors add up (`domain::systemic`), its missing practices as links,
/// and how many to fix before the rest read as separate minors again. A requirement one missing
/// practice away from adding up is said before the verdict changes, with the practices already
/// missing (founder pass: it named none).
#[component]
fn AddingUpLists(state: AppState) -> impl IntoView {
    let group = move |g: &MinorsAddUp| {
        let (open, of, requirement, core, missing, fix) =
            (g.open, g.counted_of(), g.requirement, g.core_note(), g.missing_word(), g.fix_text());
        // Worded as the panel's warning is, "3 of 5 … are" (second founder pass: the two read differently).
        let summary = format!(
            "{open} of {of} practices under {requirement}{core} are {missing}: {fix} to avoid one likely major; the rest would stay minors"
        );
        group_details(state, g, "adding-up-list", summary)
    };
    let one_short = Memo::new(move |_| state.findings.with(|f| one_short(state.catalog, f)));
    let warning = move |g: &MinorsAddUp| {
        let (is, them) = if g.open == 1 { ("is", "it") } else { ("are", "them") };
        let (open, of, requirement, missing) = (g.open, g.counted_of(), g.requirement, g.missing_word());
        let summary =
            format!("{open} of {of} practices under {requirement} {is} {missing}: one more would likely be raised with {them} as one major nonconformity.");
        group_details(state, g, "adding-up-list one-short", summary)
    };
    // Nothing answered yet (a first visit): every requirement would be listed, from questions
    // nobody has looked at; the panel says to start answering instead.
    let started = move || state.score.with(|s| s.progress.answered > 0);
    view! {
        {move || {
            state.score.with(|s| {
                let folded = folded(s);
                s.adding_up.iter().filter(|g| started() && !folded.contains(g)).map(group).collect_view()
            })
        }}
        // Groups made only of questions not answered yet, behind one disclosure (UX pass: after a
        // dozen answers, nine long lines of them came before the counts).
        {move || {
            state.score.with(|s| {
                let unknown = if started() { folded(s) } else { Vec::new() };
                let names: Vec<&str> = unknown.iter().map(|g| g.requirement).collect();
                // "more" only after groups listed above it (review: it said "10 more" with none before).
                let more = if s.adding_up.len() > unknown.len() { " more" } else { "" };
                let summary = format!(
                    "{}{more} requirements would add up to a likely major each from questions not answered yet or “not sure” alone: {}",
                    unknown.len(),
                    names.join(", ")
                );
                (!unknown.is_empty()).then(|| {
                    view! {
                        <details class="adding-up-unknown">
                            <summary>{summary}</summary>
                            {unknown.into_iter().map(group).collect_view()}
                        </details>
                    }
                })
            })
        }}
        {move || one_short.with(|groups| groups.iter().filter(|_| started()).map(warning).collect_view())}
    }
}

/// The register gaps ahead that the readiness panel's caveat counts (see `domain::caveats`),
/// one by one, behind a disclosure: the panel beside this card already says the sentence.
#[component]
fn VerdictCaveats(state: AppState) -> impl IntoView {
    let caveat = Memo::new(move |_| state.assessment.with(|a| register_changes_soon(a, state.today)));
    let details = Memo::new(move |_| caveat.with(|c| c.as_ref().map(Caveat::details).unwrap_or_default()));
    let items = move || details.with(|d| d.iter().map(|d| view! { <li>{with_whole_dates(d)}</li> }).collect_view());
    let summary = move || {
        let counts = caveat.with(|c| c.as_ref().and_then(Caveat::count_text).unwrap_or_default());
        format!("Register gaps ahead without an upcoming audit date ({counts})")
    };
    view! {
        <details class="caveats" id="dashboard-caveats" hidden=move || details.with(Vec::is_empty)>
            <summary>{summary}</summary>
            <ul class="caveat-details">{items}</ul>
        </details>
    }
}

/// Which "yes" answers a count that costs no points stands for ("Why this score" does not list
/// them), each linked to its question, where the date or a newer record goes.
#[component]
fn YesAnswerList(id: &'static str, summary: &'static str, items: Memo<Vec<(&'static str, String)>>) -> impl IntoView {
    let links = move || items.get().into_iter().map(|(id, text)| view! { <li><a href=item_href(id)>{text}</a></li> }).collect_view();
    view! {
        <details class="undated-list" id=id hidden=move || items.with(Vec::is_empty)>
            <summary>{summary}</summary>
            <ul>{links}</ul>
        </details>
    }
}

#[component]
fn AuditCountdown(state: AppState) -> impl IntoView {
    let audit_date = state.audit_date;
    // A date typed that the field cannot take (a year before 1000) is said, not taken for none
    // (odd-input pass: "0001-01-01" read "Enter your audit date"), and the date stored is kept.
    let refused = RwSignal::new(false);
    let countdown = move || match audit_date.get() {
        _ if refused.get() => super::fields::DATE_REFUSED.to_string(),
        None => "Enter your audit date to check evidence freshness and the roles register as they will be on audit day.".to_string(),
        Some(date) => match (date - state.today).num_days() {
            // (odd-input pass: 9999-12-31 read "2912103 days until the audit")
            d if d > 3 * 366 => format!("{d} days until the audit: more than three years away, so check the year."),
            d if d > 1 => format!("{d} days until the audit"),
            1 => "The audit is tomorrow".to_string(),
            0 => "The audit is today".to_string(),
            -1 => "The audit date was yesterday".to_string(),
            d => format!("The audit date passed {} days ago", -d),
        },
    };
    let set = move |date| state.assessment.update(|a| a.audit_date = date);
    let on_change = move |ev| date_changed(&ev, refused, set);
    let on_left = move |ev| date_left(&ev, audit_date.get_untracked(), refused, set);
    view! {
        <section class="card" aria-labelledby="audit-title">
            <h2 id="audit-title">"Audit day"</h2>
            <label for="audit-date">"Date of the next audit (certification or surveillance)"</label>
            <input
                type="date"
                id="audit-date"
                min=FIRST_INPUT_DATE max=LAST_INPUT_DATE
                prop:value=move || audit_date.get().map(|d| d.to_string()).unwrap_or_default()
                aria-invalid=move || refused.get().then_some("true")
                aria-describedby="audit-countdown"
                on:change=on_change
                on:blur=on_left
            />
            // A prompt until a date is set, then the countdown in large type.
            <p id="audit-countdown" aria-live="polite" class=move || if audit_date.get().is_some() { "countdown" } else { "hint" }>{countdown}</p>
        </section>
    }
}

/// One line of "Why this score": the question or check, what it costs, and why.
fn why_row(state: AppState, f: &Finding) -> impl IntoView {
    let title = state.catalog.title_of(f.item_id);
    // A question asking for a role the register already fills says so here too, not only on its
    // card (founder pass: "Owner for ISMS conformance, major" sat at the top beside a register
    // naming the owner).
    let register_note = f.item.asks_role.and_then(|_| {
        let note = state.assessment.with(|a| asked_role_note(f.item, &a.register, a.answer_for(f.item), state.today, a.audit_date));
        note.filter(|note| !f.explanation.contains(note.as_str()))
    });
    view! {
        <li class=format!("finding finding-{}", f.kind.code())>
            <a href=item_href(f.item_id) id=format!("why-link-{}", f.item_id)>{title}</a>
            <span class="cost">{f.cost_text()}</span>
            <span class="finding-tag">{f.reference}" · "{f.standing()}</span>
            <span class="finding-text">{with_whole_dates(&f.explanation)}</span>
            {register_note.map(|note| view! { <span class="finding-text finding-register-note">{note}</span> })}
        </li>
    }
}

/// What the questions not answered yet (or answered "not sure") cost together, for the line that
/// folds them away: "Not answered yet, or not sure: 104 questions (−186 pts)".
fn unanswered_summary(findings: &[Finding]) -> String {
    let open: Vec<&Finding> = findings.iter().filter(|f| f.kind == FindingKind::Unanswered).collect();
    let lost: Points = open.iter().filter(|f| f.counted_with.is_none()).map(|f| f.cost).sum();
    let noun = if open.len() == 1 { "question" } else { "questions" };
    format!("Not answered yet, or not sure: {} {noun} ({})", open.len(), lost.lost_text())
}

#[component]
fn WhyThisScore(state: AppState) -> impl IntoView {
    // The gaps answered first; the questions still open folded below them (founder pass: a first
    // visit's list was 104 lines of "Not confirmed yet", 25,000 px tall on a phone).
    let rows = move |unanswered: bool| {
        move || {
            state.findings.with(|list| {
                list.iter().filter(|f| (f.kind == FindingKind::Unanswered) == unanswered).map(|f| why_row(state, f)).collect_view()
            })
        }
    };
    let none_open = move || state.findings.with(|list| list.iter().all(|f| f.kind != FindingKind::Unanswered));
    let left_out = move || state.assessment.with(|a| crate::domain::score::left_out(state.catalog, a));
    let summary = move || {
        let points = state.score.with(|s| format!("{} of {} points earned", s.earned, s.possible));
        if state.findings.with(Vec::is_empty) {
            format!("{points}: no point lost, and nothing an auditor would raise is open.")
        } else {
            format!("{points}; every lost point is listed below.")
        }
    };
    view! {
        <section class="why-score" aria-labelledby="why-title">
            <h2 id="why-title" tabindex="-1">"Why this score"</h2>
            <p class="hint">{summary}</p>
            <p class="hint" id="why-points">
                "The points are not a count of questions: each question, and each check the register or the rehearsals settle, is \
                 worth what an auditor would raise if it were missing (3 points for a major nonconformity, 2 for a minor, 1 for \
                 an observation). “Partly” earns half, and so do evidence past its renewal and a “yes” whose own record is not confirmed (the practice \
                 is there, its record out of date or missing); a justified “not applicable” leaves it \
                 out. A gap loses the item's own points even where an auditor would raise less for it today: not having \
                 rehearsed the interviews loses its item's points, though an auditor would note it only as an observation for now."
            </p>
            // The grades every count and card uses, said where the points are (copy pass of stop 51:
            // they were explained only in the reports).
            <p class="hint" id="why-terms">{format!("Terms: {}", crate::domain::export::document::TERMS)}</p>
            <ol id="why-list">{rows(false)}</ol>
            <p class="hint" id="why-left-out" hidden=move || left_out().is_empty()>
                {move || format!("Left out as not applicable, so not in the total: {}. An auditor checks each reason against the Statement of Applicability.", left_out().join("; "))}
            </p>
            <details id="why-unanswered" hidden=none_open>
                <summary id="why-unanswered-summary">{move || state.findings.with(|f| unanswered_summary(f))}</summary>
                <p class="hint">"Each counts as not in place until it is answered, or, answered “not sure”, until it is confirmed."</p>
                <ol id="why-unanswered-list">{rows(true)}</ol>
            </details>
        </section>
    }
}
