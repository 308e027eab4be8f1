//! The merge table: each item that differs, mine beside theirs, and which to keep, chosen per
//! row or for all the same-day rows at once.

use leptos::prelude::*;
use std::collections::BTreeMap;

use crate::domain::export::backup::{ItemDiff, MergeChoice};
use crate::domain::wording::counted;
use crate::domain::{Answer, Catalog, ItemResponse};
use crate::ui::text::with_whole_dates;

/// One side of a differing item, the N/A choice labelled as on the item's card (`na`).
fn describe(response: &Option<ItemResponse>, na: &'static str) -> String {
    match response {
        None => "—".into(),
        Some(r) => {
            let label = |a: Answer| if a == Answer::NotApplicable { na } else { a.label() };
            let mut text = r.answer.map_or("unanswered", label).to_string();
            if let Some(d) = r.updated_on {
                text += &format!(" ({d})");
            }
            // What else differs, so two equal answers are not two identical-looking cells: the
            // records by name (team pass of stop 45: "1 evidence record" on both sides hid two
            // different records).
            if !r.evidence.is_empty() {
                let named: Vec<String> = r
                    .evidence
                    .iter()
                    .map(|e| format!("“{}”", if e.what.trim().is_empty() { e.location.trim() } else { e.what.trim() }))
                    .collect();
                text += &format!(" · {}: {}", counted(r.evidence.len(), "evidence record", "evidence records"), named.join(", "));
            }
            if !r.note.trim().is_empty() {
                text += &format!(" · note: “{}”", r.note.trim());
            }
            text
        }
    }
}

#[component]
pub(super) fn MergeTable(
    mine: String,
    theirs: Option<String>,
    diffs: Vec<ItemDiff>,
    on_merge: impl Fn(BTreeMap<String, MergeChoice>) + Copy + 'static,
    on_cancel: impl Fn() + Copy + 'static,
) -> impl IntoView {
    // A row changed the same day on both sides starts with no choice: it has to be made.
    let choices = RwSignal::new(
        diffs.iter().filter(|d| d.newest_label().is_some()).map(|d| (d.item_id.clone(), MergeChoice::Newest)).collect::<BTreeMap<_, _>>(),
    );
    let ids = StoredValue::new(diffs.iter().map(|d| d.item_id.clone()).collect::<Vec<String>>());
    // The rows changed on both sides the same day can be settled at once (keyboard pass of stop
    // 45: a teammate's backup of 20 such answers took 60 key presses, a whole checklist 300).
    let same_day = StoredValue::new(diffs.iter().filter(|d| d.newest_label().is_none()).map(|d| d.item_id.clone()).collect::<Vec<_>>());
    let choose_all = move |choice: MergeChoice| {
        choices.update(|c| same_day.with_value(|ids| c.extend(ids.iter().map(|id| (id.clone(), choice)))));
    };
    let same_day_count = same_day.with_value(Vec::len);
    let all_at_once = (same_day_count > 0).then(|| {
        view! {
            <p class="merge-all" id="merge-same-day">
                {format!("{} on both sides on the same day: choose in each row, or for all of them at once. ", counted(same_day_count, "answer was changed", "answers were changed"))}
                <span class="merge-all-buttons">
                    <button type="button" class="secondary" id="merge-all-mine" on:click=move |_| choose_all(MergeChoice::KeepMine)>"Keep mine for all"</button>
                    <button type="button" class="secondary" id="merge-all-theirs" on:click=move |_| choose_all(MergeChoice::TakeTheirs)>"Take theirs for all"</button>
                </span>
            </p>
        }
    });
    // How many rows still wait for a choice, said once a merge was refused for them, and
    // counted down as they are chosen (founder pass: the first choice of two cleared it).
    let unchosen = move || ids.with_value(|ids| choices.with(|c| ids.iter().filter(|id| !c.contains_key(*id)).count()));
    let refused = RwSignal::new(false);
    let unchosen_text = move || {
        match (refused.get(), unchosen()) {
        (false, _) | (_, 0) => String::new(),
        (true, n) => format!(
            "Choose “Keep mine” or “Take theirs” for {}: both changed on the same day, so which is newer cannot be told. Nothing was merged yet.",
            counted(n, "answer marked “Same day”", "answers marked “Same day”")
        ),
    }
    };
    // Named on a phone too, where each row is a card under these labels (UX pass of stop 51).
    let mine_head = format!("Mine: “{mine}”");
    let theirs_head = theirs.map_or("Theirs".into(), |name| format!("Theirs: “{name}”"));
    let rows: Vec<_> = diffs
        .into_iter()
        .map(|d| {
            let id = d.item_id.clone();
            let select_id = format!("merge-{id}");
            let label_for = select_id.clone();
            let title = d.title.clone();
            let newest = d.newest_label();
            let catalog = Catalog::builtin();
            let na = catalog.item(&id).map_or(Answer::NotApplicable.label(), |item| catalog.na_label(item));
            // Marked for assistive technology too, tied to the message, once a merge is refused
            // for want of its choice (founder pass of stop 43: only the message said so).
            let unchosen_id = StoredValue::new(id.clone());
            let invalid = move || (refused.get() && choices.with(|c| unchosen_id.with_value(|id| !c.contains_key(id)))).then_some("true");
            // The select shows the choice, however it was made (in the row, or for all at once).
            let shown = move || {
                choices.with(|c| match unchosen_id.with_value(|id| c.get(id).copied()) {
                    Some(MergeChoice::KeepMine) => "mine",
                    Some(MergeChoice::TakeTheirs) => "theirs",
                    Some(MergeChoice::Newest) => "newest",
                    None => "",
                })
            };
            view! {
                <tr>
                    <th scope="row">{title.clone()}</th>
                    // Dates kept whole (founder pass: "(2026-12-" then "05" on the next line).
                    <td data-label="Mine" data-name=mine_head.clone()>{with_whole_dates(&describe(&d.mine, na))}</td>
                    <td data-label="Theirs" data-name=theirs_head.clone() id=format!("merge-{}-theirs", d.item_id)>
                        {with_whole_dates(&describe(&d.theirs, na))}
                    </td>
                    <td data-label="Keep">
                        <label class="visually-hidden" for=label_for>{format!("Keep which answer for {title}")}</label>
                        <select id=select_id prop:value=shown aria-invalid=invalid aria-describedby=move || invalid().map(|_| "merge-unchosen") on:change=move |ev| {
                            let choice = match event_target_value(&ev).as_str() {
                                "mine" => MergeChoice::KeepMine,
                                "theirs" => MergeChoice::TakeTheirs,
                                _ => MergeChoice::Newest,
                            };
                            choices.update(|c| { c.insert(id.clone(), choice); });
                        }>
                            <option value=if newest.is_some() { "newest" } else { "" } selected disabled=newest.is_none()>
                                {newest.unwrap_or("Same day: choose")}
                            </option>
                            <option value="mine">"Keep mine"</option>
                            <option value="theirs">"Take theirs"</option>
                        </select>
                    </td>
                </tr>
            }
        })
        .collect();
    // Only the audit date, plans, rehearsals or register to bring in: nothing to choose.
    let action = if rows.is_empty() { "Merge it into mine" } else { "Merge these choices" };
    let table = (!rows.is_empty()).then(|| {
        view! {
            <div class="table-wrap">
                <table class="plan" id="merge-table">
                    <thead>
                        <tr>
                            <th scope="col">"Item"</th>
                            <th scope="col" id="merge-mine-head">{mine_head}</th>
                            <th scope="col" id="merge-theirs-head">{theirs_head}</th>
                            <th scope="col">"Keep"</th>
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        }
    });
    view! {
        {all_at_once}
        {table}
        <p class="error" id="merge-unchosen" role="alert" hidden=move || unchosen_text().is_empty()>{unchosen_text}</p>
        <div class="merge-actions">
            <button type="button" id="confirm-merge" on:click=move |_| {
                let chosen = choices.get_untracked();
                match ids.with_value(|ids| ids.iter().find(|id| !chosen.contains_key(*id)).cloned()) {
                    None => on_merge(chosen),
                    Some(first) => {
                        refused.set(true);
                        crate::ui::focus::focus_now(&format!("merge-{first}"));
                    }
                }
            }>{action}</button>
            <button type="button" class="secondary" id="cancel-merge" on:click=move |_| on_cancel()>"Cancel"</button>
        </div>
    }
}
