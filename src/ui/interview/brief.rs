//! The cue card, which is also the printed brief (one or two pages): on screen with its tools, on paper alone (the
//! print styles in style/interview.css hide everything else), and as a Markdown download.

use leptos::prelude::*;

use crate::ui::text::with_whole_dates;

use super::Iv;
use crate::domain::interview::{brief, readiness, CardQuestion, CueCard, Rehearsal};
use crate::ui::download::download;

#[component]
pub fn BriefView(iv: Iv, card: CueCard) -> impl IntoView {
    let error = RwSignal::new(None::<String>);
    let id = card.person_id.clone();
    // This person's row of the readiness table, read once for the lines below and the download.
    let row = {
        let id = id.clone();
        Memo::new(move |_| iv.readiness_of(&id))
    };
    let readiness = move || row.with(|r| r.as_ref().map(|r| with_whole_dates(&format!("Interview readiness: {}", r.summary()))));
    // Gone before the audit, or only starting: said on the card too, not only in the table.
    let presence = move || row.with(|r| r.as_ref().and_then(|r| r.presence).map(|p| p.text()));
    let save = {
        let card = card.clone();
        move |_| {
            let today = iv.state.today;
            let r = row.get_untracked();
            let name = assessment_name(iv);
            let text = iv
                .state
                .assessment
                .with_untracked(|a| brief::markdown(&name, &card, r.as_ref(), &a.rehearsals, readiness::fresh_from(a, today), today));
            let file = brief::filename_in(&name, &card, today);
            error.set(download(&file, "text/markdown;charset=utf-8", &text).err().map(|e| e.to_string()));
        }
    };
    let roles = match card.generic {
        true => "No ISMS role: the questions any employee may be asked.".to_string(),
        false => format!("Roles: {}", card.roles.join(", ")),
    };
    let evidence = card.evidence_to_bring().into_iter().map(|e| view! { <li>{e}</li> }).collect_view();
    // A long card prints in smaller type, down to 8 pt, then takes a second sheet (see
    // interview.css): two lines of register names or open gaps weigh about a question.
    let extra_lines: usize = card.questions.iter().map(|q| q.holders.len() + q.open_gaps.len()).sum();
    let print_size = match card.questions.len() + extra_lines / 2 {
        0..=12 => "",
        13..=15 => "long",
        _ => "longer",
    };
    // Ratings from before this day no longer count for the audit (worked out once per card).
    let fresh = iv.state.assessment.with_untracked(|a| readiness::fresh_from(a, iv.state.today));
    let generic = card.generic;
    // Each gap once, under the first question it lies behind, naming the others (founder pass:
    // 26 bold lines for 18 gaps, one of them three times).
    let behind: Vec<Vec<Vec<usize>>> =
        card.questions.iter().map(|q| q.open_gaps.iter().map(|g| card.questions_listing(g, |q| &q.open_gaps)).collect()).collect();
    let questions = card
        .questions
        .into_iter()
        .zip(behind)
        .enumerate()
        .map(|(n, (q, behind))| question(iv, &id, q, fresh, generic, (n + 1, behind)))
        .collect_view();
    view! {
        <section class="iv-panel" aria-labelledby="brief-title">
            <article class="brief" id="interview-brief" data-print-size=print_size>
                <h2 id="brief-title" tabindex="-1">"Interview brief: "{card.name}</h2>
                <p class="brief-meta" id="brief-assessment">{format!("Assessment: {}", assessment_name(iv))}</p>
                <p class="brief-meta" id="brief-job">{card.job_title}</p>
                <p class="brief-meta" id="brief-roles">{roles}</p>
                <p class="brief-meta" id="brief-presence">{presence}</p>
                <p class="brief-meta" id="brief-readiness">{readiness}</p>
                // After the title (where opening a card puts the focus), so the next Tab reaches them;
                // not printed.
                <div class="iv-tools">
                    <button type="button" id="rehearse-start" on:click=move |_| iv.rehearse()>"Rehearse (weakest first)"</button>
                    <button type="button" class="secondary" id="print-brief" on:click=|_| drop(window().print())>"Print brief"</button>
                    <button type="button" class="secondary" id="download-brief" on:click=save>"Download brief (Markdown)"</button>
                </div>
                <p class="error" role="alert">{move || error.get()}</p>
                <h3 class="brief-sub">"Questions to expect"</h3>
                <ol class="brief-questions" id="brief-questions">{questions}</ol>
                <h3 class="brief-sub">"Evidence to bring"</h3>
                <ul class="brief-evidence" id="brief-evidence">{evidence}</ul>
            </article>
        </section>
    }
}

/// One question of the card; `place` is its number and, for each of its gaps, the numbers of
/// the questions that gap lies behind (shown under the first of them only).
fn question(
    iv: Iv,
    person_id: &str,
    entry: CardQuestion,
    fresh: chrono::NaiveDate,
    generic: bool,
    place: (usize, Vec<Vec<usize>>),
) -> impl IntoView {
    let (number, behind) = place;
    let q = entry.question;
    let text = q.text();
    let person_id = person_id.to_string();
    let rating = move || iv.latest(&person_id, q.id).map(|r| rating_tag(&r, fresh, iv.state.today));
    // On paper the gap line says it, under the first question it lies behind; the others keep
    // the caution, and an employee's sheet, which leaves the gaps out, gets the words for them
    // (interview pass of stop 48: their sheet kept "there is a written disciplinary process"
    // with nothing to say it is not so).
    let gap_printed = behind.iter().any(|numbers| numbers.first() == Some(&number));
    let class = if generic || gap_printed { "brief-caution" } else { "brief-caution brief-caution-kept" };
    let caution = entry.caution(false).map(|c| view! { <p class=class>{c}</p> });
    let sheet_caution = entry.caution(true).filter(|_| generic).map(|c| view! { <p class="brief-caution brief-caution-sheet">{c}</p> });
    let points = text.talking_points.iter().map(|p| view! { <li>{*p}</li> }).collect_view();
    let holders = entry
        .holders
        .into_iter()
        .map(|h| view! { <li class="brief-holder"><strong>"In the register: "</strong>{with_whole_dates(&h)}</li> })
        .collect_view();
    let gaps = entry
        .open_gaps
        .into_iter()
        .zip(behind)
        .filter(|(_, numbers)| numbers.first() == Some(&number))
        // An employee without a role does not get the checklist's gaps in their downloaded brief:
        // said here, for whoever prepares them (founder pass: not for a sales rep's eyes).
        .map(|(g, numbers)| {
            let label = if generic { "Gap (kept off their brief and printed sheet): " } else { "Open gap the auditor may probe: " };
            let others = &numbers[1..];
            let also = (!others.is_empty()).then(|| format!(" (also behind {})", brief::question_numbers(others)));
            // Nor on the sheet printed to hand them (interview-preparation pass of stop 47).
            let class = if generic { "brief-gap brief-gap-private" } else { "brief-gap" };
            view! { <li class=class>{label}{with_whole_dates(&g)}{also}</li> }
        })
        .collect_view();
    // For whoever prepares them, not printed (interview pass of stop 50: the sheet handed to the
    // CEO listed checklist items under every question, with clause numbers and nothing to do).
    let unanswered_label = match generic {
        true => "Not answered yet (or “not sure”) in the checklist, kept off their brief and printed sheet: ",
        false => "Not answered yet (or “not sure”) in the checklist, to settle before the interview (not printed): ",
    };
    let unanswered =
        (!entry.unanswered.is_empty()).then(|| view! { <li class="brief-unanswered">{unanswered_label}{entry.unanswered.join("; ")}</li> });
    let why = if q.for_everyone() { "brief-why brief-why-any" } else { "brief-why" };
    view! {
        <li class="brief-q" id=format!("brief-q-{}", q.id)>
            <p class="brief-question">{text.question}" "<span class="ref">{text.reference}</span></p>
            <p class=why><span class="brief-why-text">"Why you: "{entry.reasons.join("; ")}</span>" "{rating}</p>
            {caution}
            {sheet_caution}
            <ul class="brief-points">{points}{holders}{gaps}{unanswered}</ul>
        </li>
    }
}

/// The latest rating and its day; one made before `fresh` no longer counts for the audit and
/// says so, in grey.
fn rating_tag(rating: &Rehearsal, fresh: chrono::NaiveDate, today: chrono::NaiveDate) -> impl IntoView {
    let class = match !rating.counts(fresh, today) {
        true => "rating-tag rating-stale".to_string(),
        false => format!("rating-tag rating-{}", rating.rating.code()),
    };
    let text = format!("Last rating: {}", rating.said(fresh, today));
    view! { <span class=class>{with_whole_dates(&text)}</span> }
}

/// The open assessment's name, which a brief carries (on paper and in its file).
fn assessment_name(iv: Iv) -> String {
    iv.state.workspace.with_untracked(|w| w.active_entry().name.trim().to_string())
}
