//! Importing a teammate's backup: checked before it touches anything, compared item by item,
//! merged per item by the user's choice, with an undo snapshot taken before the merge.

use leptos::prelude::*;
use leptos::task::spawn_local;
use std::collections::BTreeMap;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use super::crypto::decrypt;
use super::focus::focus_later;
use super::state::AppState;
use super::storage::keep_copy;
use super::text::with_whole_dates;
use crate::domain::export::backup::{
    brought_in, import, left_out, merge, outlook, Imported, ItemDiff, MergeChoice, MergeOutlook, DEFAULT_MAX_BYTES,
};
use crate::domain::export::envelope::{self, is_encrypted};
use crate::domain::export::import_file;
use crate::domain::wording::counted;
use crate::domain::workspace::{encode_workspace, more_than_a_browser_keeps, too_big_to_keep, Workspace, BROWSER_KEEPS_CHARS};
use crate::domain::{Answer, Catalog, ItemResponse};

#[derive(Clone)]
struct Pending {
    /// Counts the files considered, so each file's merge table is built afresh (a table patched
    /// from the previous file's would keep that file's choices on screen but not in effect).
    serial: u32,
    imported: Imported,
    /// When merging would change nothing: no table, no merge button.
    outlook: MergeOutlook,
}

#[component]
pub fn ImportPanel(state: AppState) -> impl IntoView {
    let pending = RwSignal::new(None::<Pending>);
    // What the import replaced, and what it left: undo only while nothing has changed since.
    let undo = state.import_undo;
    // Back from another view: the undo stays offered while nothing has changed since.
    if undo.with_untracked(|u| u.as_ref().is_some_and(|(_, after)| *after != untrack(|| state.snapshot()))) {
        undo.set(None);
    }
    let offered = undo.with_untracked(Option::is_some).then(|| Status::said("The last import can still be undone."));
    let message = RwSignal::new(offered);
    // An encrypted file waits here for its passphrase.
    let locked = RwSignal::new(None::<String>);
    let serial = StoredValue::new(0u32);
    // A file larger than a browser keeps is refused as soon as it is read, before any choice is
    // asked of the user (UX pass of stop 50: "The backup is valid", then refused at the merge).
    let consider = move |text: String, file_name: String| {
        if let Some(chars) = more_than_a_browser_keeps(&text) {
            pending.set(None);
            message.set(Some(too_big(chars)));
            return;
        }
        match import(&text, DEFAULT_MAX_BYTES, state.catalog) {
            Ok(imported) => {
                let (outlook, adds, left_out) = state.assessment.with_untracked(|a| {
                    (
                        outlook(a, &imported.assessment, state.catalog),
                        brought_in(a, &imported.assessment),
                        left_out(a, &imported.assessment),
                    )
                });
                // Restored whole into a browser where nothing was entered yet: the hint above the
                // button says so; a merge summary would speak of a merge not offered.
                let restoring = imported.workspace.as_ref().is_some_and(|w| restores(state, w));
                let mine = state.workspace.with_untracked(|w| w.active_entry().name.clone());
                let said = (!restoring).then(|| summary(&imported, &outlook, &adds, &left_out, &mine));
                let said = match (said, imported.unread_said()) {
                    (Some(said), Some(unread)) => Some(format!("{said} {unread}")),
                    (said, unread) => said.or(unread),
                };
                message.set(said.map(Status::said));
                serial.update_value(|n| *n += 1);
                pending.set(Some(Pending { serial: serial.get_value(), imported, outlook }));
            }
            Err(error) => {
                pending.set(None);
                // Said of this file, not of "the saved data" as the stored-state messages put it.
                message.set(Some(refusal(&error.reason(), &file_name)));
            }
        }
    };
    let on_file = move |ev: leptos::ev::Event| {
        let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) else { return };
        let Some(file) = input.files().and_then(|files| files.get(0)) else { return };
        if file.size() > DEFAULT_MAX_BYTES as f64 {
            pending.set(None);
            message.set(Some(Status::refused(format!(
                "“{}” is {} KB; a backup is at most {} KB. Nothing was imported.",
                file.name(),
                file.size() as u64 / 1024,
                DEFAULT_MAX_BYTES / 1024
            ))));
            return;
        }
        spawn_local(async move {
            let text = JsFuture::from(file.text()).await.ok().and_then(|v| v.as_string()).unwrap_or_default();
            // Bytes that are no UTF-8 are read as "�": refused, not merged in as such.
            if text.contains('\u{FFFD}') {
                if let Some(reason) = refused_bytes(&file).await {
                    pending.set(None);
                    locked.set(None);
                    message.set(Some(refusal(&reason, &file.name())));
                    return;
                }
            }
            if is_encrypted(&text) {
                pending.set(None);
                match envelope::check(&text) {
                    Ok(()) => {
                        locked.set(Some(text));
                        message.set(Some(Status::said("This backup is encrypted: enter its passphrase.")));
                    }
                    Err(error) => {
                        locked.set(None);
                        message.set(Some(refusal(&error.reason(), "")));
                    }
                }
            } else {
                locked.set(None);
                consider(text, file.name());
            }
        });
    };
    let apply = move |choices: BTreeMap<String, MergeChoice>| {
        let Some(p) = pending.get_untracked() else { return };
        let before_all = untrack(|| state.snapshot());
        let merged = state.assessment.with_untracked(|before| merge(before, &p.imported.assessment, &choices));
        if let Some(chars) = too_big_to_keep(&before_all.clone().with_active(merged.clone())) {
            message.set(Some(too_big(chars)));
            return;
        }
        // A copy of everything as it was, kept aside first: Undo lasts only until the next change
        // (team pass of stop 45: one answer changed after a merge of fifty, and they were gone).
        let kept = keep_copy(&encode_workspace(&before_all), super::clock::now_ms());
        state.assessment.set(merged);
        undo.set(Some((before_all, untrack(|| state.snapshot()))));
        pending.set(None);
        let copy = match kept {
            Ok(_) => "Your answers as they were before are also kept under “Copies kept aside”.".to_string(),
            Err(e) => format!("No copy of your answers before it could be kept aside ({}).", e.reason()),
        };
        message.set(Some(Status::said(format!("Merged. You can undo this until anything else changes or the page reloads. {copy}"))));
        focus_later("undo-merge");
    };
    let add_all = move || {
        let Some(Some(backup)) = pending.get_untracked().map(|p| p.imported.workspace) else { return };
        let before = untrack(|| state.snapshot());
        let mut next = before.clone();
        // Nothing entered here yet (a new device): the backup is restored as it was, and open.
        let text = if restores(state, &backup) {
            next = before.restored_from(&backup);
            format!("Restored from the backup: “{}” is open. You can undo this.", next.active_entry().name)
        } else {
            let added = next.add_all(&backup);
            format!("Added {} from the backup; see Assessments. You can undo this.", counted(added.len(), "assessment", "assessments"))
        };
        if let Some(chars) = too_big_to_keep(&next) {
            message.set(Some(too_big(chars)));
            return;
        }
        state.replace(next.clone());
        undo.set(Some((before, next)));
        pending.set(None);
        message.set(Some(Status::said(text)));
        focus_later("undo-merge");
    };
    view! {
        <section class="card" aria-labelledby="import-title">
            <h2 id="import-title">"Restore a backup, or bring in a teammate's"</h2>
            <label for="import-file">"Backup file (.json)"</label>
            // Emptied as the picker opens, not after reading: the same file can be chosen again
            // (after Cancel or Undo) and still counts as a change, while the chosen file's name
            // stays shown (founder pass: emptied after reading, it read "No file chosen").
            // The refusal is the field's description, and marks it (founder pass: it was not tied to it).
            <input type="file" id="import-file" accept=".json,application/json" on:change=on_file aria-describedby="import-message"
                aria-invalid=move || (locked.with(Option::is_none) && message.with(|m| m.as_ref().is_some_and(|m| m.refused))).then_some("true")
                on:click=|ev| {
                    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                        input.set_value("");
                    }
                } />
            <p id="import-message" role="status" class:error=move || message.with(|m| m.as_ref().is_some_and(|m| m.refused))>
                {move || message.with(|m| m.as_ref().map(|m| m.text.clone()))}
            </p>
            {move || locked.get().map(|raw| view! { <Unlock raw=raw locked=locked message=message on_open=move |text| consider(text, String::new()) /> })}
            {move || pending.get().and_then(|p| p.imported.workspace.as_ref().map(|w| add_all_wording(w, &p, state))).map(|(hint, action)| view! {
                <p class="hint" id="import-add-all-hint">{hint}</p>
                <button type="button" id="import-add-all" on:click=move |_| add_all()>{action}</button>
            })}
            // Into a browser where nothing was entered yet the backup is restored whole: a merge,
            // question by question, would only bury that (founder pass: twenty cards below it).
            <For each=move || pending.get().filter(|p| p.outlook.changes_anything() && !p.imported.workspace.as_ref().is_some_and(|w| restores(state, w))) key=|p| p.serial let:p>
                <MergeTable
                    // Each side by its assessment's name (consultant pass of stop 51: two clients'
                    // answers side by side under "Mine" and "Theirs").
                    mine=state.workspace.with_untracked(|w| w.active_entry().name.trim().to_string())
                    theirs=p.imported.workspace.as_ref().map(|w| w.active_entry().name.trim().to_string())
                    diffs=p.outlook.into_diffs() on_merge=apply on_cancel=move || {
                    pending.set(None);
                    message.set(Some(Status::said("Cancelled: nothing was imported.")));
                    focus_later("import-file");
                } />
            </For>
            {move || undo.get().map(|(before, after)| view! {
                <button type="button" id="undo-merge" on:click=move |_| {
                    // Changes made since (here or in another tab) would be lost with the import.
                    if untrack(|| state.snapshot()) == after {
                        state.replace(before.clone());
                        message.set(Some(Status::said("Undone: everything is as it was before the import.")));
                    } else {
                        message.set(Some(Status::refused("Answers changed after the import (here or in another tab), so it can no longer be undone as a whole. Nothing was changed.")));
                    }
                    undo.set(None);
                    focus_later("import-file");
                }>"Undo the import"</button>
            })}
        </section>
    }
}

/// Asks for the passphrase of an encrypted backup and opens it.
#[component]
fn Unlock(
    raw: String,
    locked: RwSignal<Option<String>>,
    message: RwSignal<Option<Status>>,
    on_open: impl Fn(String) + Copy + 'static,
) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let raw = StoredValue::new(raw);
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let (pass, raw) = (passphrase.get_untracked(), raw.get_value());
        if pass.is_empty() {
            message.set(Some(Status::refused("Enter the passphrase this backup was encrypted with. Nothing was changed.")));
            return;
        }
        spawn_local(async move {
            match decrypt(&pass, &raw).await {
                Ok(text) => {
                    locked.set(None);
                    on_open(text);
                    // The passphrase field went with the form: back to the file picker, just
                    // above what the backup holds.
                    focus_later("import-file");
                }
                Err(error) => {
                    message.set(Some(Status::refused(format!("Could not open the backup: {}. Nothing was changed.", error.reason()))))
                }
            }
        });
    };
    view! {
        // A form, so Enter in the passphrase field opens the file too.
        <form class="field" on:submit=open>
            <label for="import-passphrase">"Passphrase"</label>
            // A refusal here is the passphrase's (team pass of stop 45: it marked the file picker).
            <input type="password" id="import-passphrase" autocomplete="off" aria-describedby="import-message"
                aria-invalid=move || message.with(|m| m.as_ref().is_some_and(|m| m.refused)).then_some("true")
                prop:value=move || passphrase.get() on:input=move |ev| passphrase.set(event_target_value(&ev)) />
            <button type="submit" id="import-decrypt">"Decrypt and compare"</button>
        </form>
    }
}

/// Whether bringing in `backup` restores it in place of what is here: nothing has been entered
/// here yet, and the backup holds something.
fn restores(state: AppState, backup: &Workspace) -> bool {
    let here = state.workspace.with_untracked(|w| state.assessment.with_untracked(|open| w.is_untouched_with(open)));
    here && !backup.is_untouched()
}

/// The hint and the button for adding every assessment of a full backup, in the singular for
/// one; the other way, below, is named for what it offers: a comparison, a merge, or nothing.
/// Into a browser where nothing has been entered yet, the backup is restored instead.
fn add_all_wording(backup: &Workspace, pending: &Pending, state: AppState) -> (String, String) {
    let assessments = backup.entries.len();
    let one = assessments == 1;
    if restores(state, backup) {
        let held = counted(assessments, "assessment", "assessments");
        let action = if one { "Restore it here".to_string() } else { format!("Restore all {assessments} here") };
        return (
            format!("This is a full backup with {held}, and nothing has been entered in this browser yet: restore it as it was saved."),
            action,
        );
    }
    let below = match (&pending.outlook, one) {
        (MergeOutlook::Differs(_), true) => ", or compare it with yours below.",
        (MergeOutlook::Differs(_), false) => ", or compare its open assessment with yours below.",
        (MergeOutlook::OnlyAdds, _) => ", or merge what it adds into yours below.",
        (MergeOutlook::Nothing, _) => "; nothing in it differs from yours.",
    };
    let (choice, action) = if one {
        ("Add it next to yours as a new assessment", "Add it as a new assessment".to_string())
    } else {
        ("Add them all side by side", format!("Add all {assessments} as new assessments"))
    };
    let choice = format!("{choice}{below}");
    (format!("This is a full backup with {}. {choice}", counted(assessments, "assessment", "assessments")), action)
}

/// What the backup holds against mine: the items to choose for, what else a merge adds (so
/// nothing comes in unannounced) and what it leaves out.
fn summary(imported: &Imported, outlook: &MergeOutlook, adds: &[String], left_out: &[String], mine: &str) -> String {
    let mut text = match outlook {
        MergeOutlook::Nothing if left_out.is_empty() => {
            "The backup is valid and holds nothing yours lacks: every answer matches, so there is nothing to merge.".to_string()
        }
        MergeOutlook::Nothing => "The backup is valid. Every answer matches yours, so there is nothing to merge.".to_string(),
        MergeOutlook::OnlyAdds => "The backup is valid. Every answer matches yours; merging adds what it has and yours lacks.".to_string(),
        MergeOutlook::Differs(diffs) => format!(
            "The backup is valid. {} from yours: choose per item, then merge.",
            counted(diffs.len(), "item differs", "items differ")
        ),
    };
    // Which of a full backup's assessments a merge brings in, and into which (team pass of stop
    // 45: another assessment's sixty "no" answers merged into mine, its name said nowhere).
    let theirs = imported.workspace.as_ref().map(|w| w.active_entry().name.trim()).filter(|_| outlook.changes_anything());
    if let Some(theirs) = theirs {
        text += &format!(" A merge brings in its open assessment, “{theirs}”, into yours, “{}”.", mine.trim());
        if theirs != mine.trim() {
            text += " Their names differ: make sure they are the same assessment, or add it as a new one instead.";
        }
    }
    if matches!(outlook, MergeOutlook::Differs(_)) && !adds.is_empty() {
        text += " Besides the answers, merging adds what yours lacks.";
    }
    for sentence in adds {
        text += &format!(" {sentence}");
    }
    let (answers, plans) = (imported.unknown_items.len(), imported.unknown_plans.len());
    let unknown = match (answers, plans) {
        (0, 0) => None,
        (n, 0) => Some(counted(n, "answer refers", "answers refer")),
        (0, m) => Some(counted(m, "plan line refers", "plan lines refer")),
        (n, m) => Some(format!("{} and {} refer", counted(n, "answer", "answers"), counted(m, "plan line", "plan lines"))),
    };
    if let Some(unknown) = unknown.filter(|_| outlook.changes_anything()) {
        text += &format!(" {unknown} to questions this version does not know; merged, they are kept but not scored.");
    }
    for sentence in left_out {
        text += &format!(" {sentence}");
    }
    text
}

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
fn MergeTable(
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
                        super::focus::focus_now(&format!("merge-{first}"));
                    }
                }
            }>{action}</button>
            <button type="button" class="secondary" id="cancel-merge" on:click=move |_| on_cancel()>"Cancel"</button>
        </div>
    }
}

/// Why a file is refused. A file that is no backup at all says which file to choose (founder
/// pass: "no format version" told them nothing).
/// An import that would leave more than a browser keeps for one site: refused before it changes
/// anything, since it could live only in this tab.
fn too_big(chars: usize) -> Status {
    // In whole tenths without floating point (its formatting weighs 8 KB).
    let millions = |n: usize| format!("{}.{}", n / 1_000_000, n % 1_000_000 / 100_000);
    Status::refused(format!(
        "Nothing was changed: with this backup your data would hold about {} million characters, and a browser keeps about {} million \
         for one site, so it could not be saved here and would be lost on reload. Remove very long notes or evidence text from the \
         file, then import it again.",
        millions(chars),
        millions(BROWSER_KEEPS_CHARS)
    ))
}

/// Why the file's bytes are refused before its text is read ([`import_file::refused_bytes`]);
/// `None` when they are text, or cannot be read again (then as the browser read them).
async fn refused_bytes(file: &web_sys::File) -> Option<String> {
    let buffer = JsFuture::from(file.array_buffer()).await.ok()?;
    import_file::refused_bytes(&file.name(), &js_sys::Uint8Array::new(&buffer).to_vec())
}

fn refusal(reason: &str, file_name: &str) -> Status {
    use crate::domain::persist::NOT_OURS;
    let report = (reason == NOT_OURS).then(|| import_file::own_report(file_name)).flatten();
    let reason = report.map_or_else(|| reason.to_string(), import_file::report_refused);
    let choose = match reason == NOT_OURS || report.is_some() || reason.ends_with(import_file::REPORTS_TAIL) {
        true => " Choose a backup this app downloaded: its name starts with “audit-readiness-backup”.",
        // A way forward (copy pass of stop 51: the refusal of a newer file said none).
        false if reason.ends_with("which this version of the app does not know") => {
            " It was made by a newer version of this app: reload this page to update it, then import the file again."
        }
        false => "",
    };
    Status::refused(format!("This file cannot be imported: {reason}.{choose} Nothing was changed."))
}

/// What the import last said, and whether it refused something: a refusal is shown as an error
/// and marks the file field (founder pass: it read like any other status line).
#[derive(Clone)]
struct Status {
    text: String,
    refused: bool,
}

impl Status {
    fn said(text: impl Into<String>) -> Self {
        Self { text: text.into(), refused: false }
    }

    fn refused(text: impl Into<String>) -> Self {
        Self { text: text.into(), refused: true }
    }
}
