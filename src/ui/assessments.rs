//! Several named assessments: open, create, rename, duplicate, delete with undo, and compare two.
//! The comparison of two is in `compare`.

mod compare;

use leptos::prelude::*;

use super::clock;
use super::focus::focus_later;
use super::state::AppState;
use super::storage::{keep_copy, set_kept};
use crate::domain::caveats::{on_your_word, verdict_label};
use crate::domain::findings::all_findings;
use crate::domain::score::compute;
use crate::domain::workspace::{encode_workspace, Entry, Workspace};
use crate::domain::{Assessment, Score};
use compare::CompareTwo;

#[component]
pub fn AssessmentsView(state: AppState) -> impl IntoView {
    let deleted = RwSignal::new(None::<Deleted>);
    // Rows are keyed by assessment: a deletion removes that row's markup, so focus and typed text
    // never pass to the assessment that moves up into its place.
    let ids = Memo::new(move |_| state.workspace.with(|w| w.entries.iter().map(|e| e.id.clone()).collect::<Vec<_>>()));
    let new_name = RwSignal::new(String::new());
    // What creating or duplicating just did, read out (the new row appears without a word).
    let status = RwSignal::new(String::new());
    let create = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let current = state.assessment.get_untracked();
        let mut ws = state.workspace.get_untracked().with_active(current);
        let id = ws.create(&new_name.get_untracked(), Assessment::default(), state.today);
        let name = ws.entry(&id).map(|e| e.name.clone()).unwrap_or_default();
        state.replace(ws);
        new_name.set(String::new());
        status.set(format!("Created “{name}” and opened it: its answers and its roles register start blank."));
        // To its name, as Duplicate does (keyboard pass of stop 48: left on the button, a Space
        // created another).
        focus_later(format!("assessment-{id}-name"));
    };
    // Undo puts the assessment back where it was, and open again if it was the open one.
    let undo = move |_| {
        let Some(Deleted { index, entry, opened_instead, kept }) = deleted.get_untracked() else { return };
        // Back in the list: the copy kept aside is not needed.
        if let Ok(key) = kept {
            let _ = set_kept(&key, None);
        }
        let name = entry.name.clone();
        let mut ws = state.workspace.get_untracked().with_active(state.assessment.get_untracked());
        let id = ws.restore(index, entry);
        let reopen = opened_instead.is_some();
        if reopen {
            ws.active = id.clone();
        }
        state.replace(ws);
        deleted.set(None);
        status.set(if reopen { format!("“{name}” is back, and open again.") } else { format!("“{name}” is back.") });
        focus_later(format!("assessment-{id}-name"));
    };
    view! {
        <h1 id="assessments-title">"Assessments"</h1>
        <p class="hint">"Keep several assessments side by side, for example a stage 1 dry run and the stage 2 audit."</p>
        <p class="hint" id="assessments-restore">
            "On a new device? Restore a backup under "<a href="#/export">"Export and share"</a>"."
        </p>
        // A live region there from the start, so the notice put in it is read out (keyboard pass
        // of stop 45: inserted already filled, it was skipped), holding the notice alone, its
        // button beside it (accessibility pass: "… Undo deleting …" was read as one sentence).
        <div id="deleted-notice" class:notice-inline=move || deleted.with(Option::is_some)>
            <span role="status" id="deleted-region">{move || deleted.get().map(|d| d.notice())}</span>
            {move || deleted.get().map(|d| view! {
                " "
                <button type="button" id="undo-delete" on:click=undo>
                    "Undo"<span class="visually-hidden">{format!(" deleting “{}”", d.entry.name)}</span>
                </button>
            })}
        </div>
        <ul class="assessment-list" id="assessment-list">
            <For each=move || ids.get() key=|id| id.clone() let:id>
                <AssessmentRow state=state id=id deleted=deleted status=status />
            </For>
        </ul>
        <p class="hint" role="status" id="assessments-status">{move || status.get()}</p>
        // A form, so Enter in the name field creates it too.
        <form class="field new-assessment" on:submit=create>
            <label for="new-assessment-name">"New assessment name"</label>
            <input type="text" dir="auto" id="new-assessment-name" prop:value=move || new_name.get() on:input=move |ev| new_name.set(event_target_value(&ev)) />
            <button type="submit" id="create-assessment" aria-describedby="new-assessment-hint">"Create a blank assessment"</button>
            // Founder pass: a blank one dropped the people and roles, which nothing said.
            <p class="hint" id="new-assessment-hint">
                "A blank assessment starts with no answers and an empty roles register. To keep your people and roles, duplicate an assessment instead."
            </p>
        </form>
        <CompareTwo state=state />
    }
}

/// An assessment just deleted, for undo: where it was, and the one opened in its place if it was
/// the open one (founder pass: the switch went unsaid, and undo did not switch back).
/// A copy of it is kept aside in the browser (founder pass: once the page was left, Undo was
/// gone and so were weeks of answers): `kept` is its backup key, or why no copy could be made.
#[derive(Clone)]
struct Deleted {
    index: usize,
    entry: Entry,
    opened_instead: Option<String>,
    kept: Result<String, String>,
}

/// Writes a copy of a deleted assessment to the browser's storage, as a backup file of its own
/// (listed under "Copies kept aside", to add back or download): its backup key, or why not.
fn keep_aside_copy(entry: &Entry) -> Result<String, String> {
    let alone = Workspace { active: entry.id.clone(), entries: vec![entry.clone()] };
    keep_copy(&encode_workspace(&alone), clock::now_ms()).map_err(|e| e.reason())
}

impl Deleted {
    fn notice(&self) -> String {
        let deleted = match &self.opened_instead {
            Some(open) => format!("“{}” was deleted; “{open}” is open now.", self.entry.name),
            None => format!("“{}” was deleted.", self.entry.name),
        };
        match &self.kept {
            Ok(_) => format!("{deleted} A copy is kept under Export and share, in “Copies kept aside”, until you delete it there."),
            Err(why) => format!("{deleted} No copy could be kept ({why}): undo now if this was a mistake."),
        }
    }
}

#[component]
fn AssessmentRow(state: AppState, id: String, deleted: RwSignal<Option<Deleted>>, status: RwSignal<String>) -> impl IntoView {
    let key = StoredValue::new(id.clone());
    let entry = move || state.workspace.with(|w| key.with_value(|id| w.entry(id).cloned()));
    let is_active = move || state.workspace.with(|w| key.with_value(|id| w.active == *id));
    // The open assessment's score is already a memo; only the others are scored here.
    let summary = move || {
        // Labelled as the panel labels it ("Ready, on your word"; visual pass: plain "Ready" here).
        let text = |s: &Score, word: bool| format!("{} % · {}", s.percent, verdict_label(s.verdict, word));
        if is_active() {
            return state.score.with(|s| text(s, state.on_your_word.get()));
        }
        let assessment = entry().map(|e| e.assessment).unwrap_or_default();
        let findings = all_findings(state.catalog, &assessment, state.today);
        text(&compute(state.catalog, &assessment, &findings), on_your_word(state.catalog, &assessment))
    };
    let with_workspace = move |change: &dyn Fn(&mut Workspace, &str) -> bool| {
        let current = state.assessment.get_untracked();
        let mut ws = state.workspace.get_untracked().with_active(current);
        if key.with_value(|id| change(&mut ws, id)) {
            state.replace(ws);
        }
    };
    let duplicate = move |_| {
        with_workspace(&|ws, id| match ws.duplicate(id, state.today) {
            Ok(copy) => {
                let name = ws.entry(&copy).map(|e| e.name.clone()).unwrap_or_default();
                status.set(format!("Added “{name}” at the end of the list and opened it: answers go to the copy now."));
                // To the copy's name (consultant pass of stop 51: left on the original's button, a
                // second Enter made another copy, and Shift+Tab reached the original's name).
                focus_later(format!("assessment-{copy}-name"));
                true
            }
            Err(_) => false,
        })
    };
    // Every row has the same buttons: each says which assessment it acts on.
    let name = move || entry().map(|e| e.name).unwrap_or_default();
    let named = move |verb: &'static str| move || format!("{verb} {}", name());
    // The last assessment is never deleted; the row says so rather than ignoring the click.
    let delete_note = RwSignal::new(None::<&'static str>);
    let delete = move |_| {
        with_workspace(&|ws, id| match (ws.active == id, ws.delete(id)) {
            (was_open, Ok((index, entry))) => {
                // The one open instead is said, or answers would go to it unannounced.
                let opened_instead = was_open.then(|| ws.active_entry().name.clone());
                let kept = keep_aside_copy(&entry);
                deleted.set(Some(Deleted { index, entry, opened_instead, kept }));
                status.set(String::new());
                // The row and its button are gone: the undo offer is the next thing to act on.
                focus_later("undo-delete");
                true
            }
            (_, Err(refusal)) => {
                delete_note.set(Some(refusal.message()));
                false
            }
        })
    };
    // "Open" gives way to the "Open now" badge: keep focus in the row.
    let open = move |_| {
        key.with_value(|id| state.open(id));
        // An assessment deleted earlier no longer says which one opened in its place, and its
        // Undo no longer takes this choice back (consultant pass of stop 49).
        deleted.update(|d| {
            if let Some(d) = d {
                d.opened_instead = None;
            }
        });
        // Said by name: only the score changing was read out (keyboard pass of stop 45).
        status.set(format!("Opened “{}”: answers now go to it.", name()));
        focus_later(format!("assessment-{}-name", key.get_value()));
    };
    // The name is saved as it is typed, like every other field (so a reload, or another tab's
    // change, keeps it); a blank one is refused out loud when the field is left: it gets the
    // old name back and says why. The handlers own the id: leaving the view (say, with the
    // browser's Back button) ends the field's edit after this row is gone.
    let name_note = RwSignal::new(None::<String>);
    let rename = move |id: &str, name: &str, typing: bool| {
        state.workspace.try_maybe_update(|w| {
            let renamed = if typing { w.rename_typed(id, name) } else { w.rename(id, name) };
            (renamed, renamed)
        })
    };
    let (typing_id, leaving_id) = (id.clone(), id.clone());
    let on_name_input = move |ev: leptos::ev::Event| {
        rename(&typing_id, &event_target_value(&ev), true);
    };
    let on_name_change = move |ev: leptos::ev::Event| {
        if rename(&leaving_id, &event_target_value(&ev), false) == Some(true) {
            name_note.try_set(None);
        } else if let Some(kept) = state.workspace.with_untracked(|w| w.entry(&leaving_id).map(|e| e.name.clone())) {
            event_target::<web_sys::HtmlInputElement>(&ev).set_value(&kept);
            name_note.try_set(Some(format!("An assessment needs a name, so it keeps “{kept}”.")));
        }
    };
    view! {
        <li class="assessment" class:active=is_active id=format!("assessment-{id}")>
            <label class="visually-hidden" for=format!("assessment-{id}-name")>"Assessment name"</label>
            <input type="text" dir="auto" id=format!("assessment-{id}-name")
                prop:value=move || entry().map(|e| e.name).unwrap_or_default() on:input=on_name_input on:change=on_name_change
                aria-describedby=format!("assessment-{id}-name-note assessment-{id}-score") />
            <p class="name-note" role="status" id=format!("assessment-{id}-name-note")>{move || name_note.get()}</p>
            <span class="assessment-meta">
                {move || entry().and_then(|e| e.created_on).map(|d| format!("created {d} · ")).unwrap_or_default()}
                <span id=format!("assessment-{id}-score")>{summary}</span>
            </span>
            <span class="assessment-actions">
                <Show when=move || !is_active() fallback=|| view! { <span class="badge">"Open now"</span> }>
                    <button type="button" id=format!("assessment-{}-open", key.get_value()) aria-label=named("Open") on:click=open>"Open"</button>
                </Show>
                <button type="button" class="secondary" id=format!("assessment-{id}-duplicate") aria-label=named("Duplicate")
                    on:click=duplicate>"Duplicate"</button>
                <button type="button" class="secondary" id=format!("assessment-{id}-delete") aria-label=named("Delete")
                    on:click=delete>"Delete"</button>
            </span>
            <p class="name-note" role="status" id=format!("assessment-{id}-delete-note")>
                {move || delete_note.get().filter(|_| state.workspace.with(Workspace::only_one))}
            </p>
        </li>
    }
}
