//! Messages about stored data: unreadable values (kept aside, downloadable), unavailable storage
//! and failed saves.

use leptos::prelude::*;

use super::download::download;
use super::state::AppState;
use super::storage::StorageNotice;
use crate::domain::workspace::encode_workspace;
use crate::domain::AppError;

#[component]
pub fn StorageBanner(notice: RwSignal<Option<StorageNotice>>, state: AppState) -> impl IntoView {
    // Where answers go is only news while the assessment followed to is still the open one.
    let current = move |n: &StorageNotice| match n {
        StorageNotice::FollowedOtherTab { id, .. } => state.workspace.with(|w| w.active == *id),
        _ => true,
    };
    move || notice.get().filter(current).map(|n| view! { <NoticeBox notice=n state=state on_dismiss=move || notice.set(None) /> })
}

#[component]
fn NoticeBox(notice: StorageNotice, state: AppState, on_dismiss: impl Fn() + 'static + Copy + Send) -> impl IntoView {
    let (title, body) = describe(&notice, state);
    // A failed save, or answers now going to another assessment, can happen anywhere down a
    // long page: those stay in sight.
    let sticky = !matches!(notice, StorageNotice::Unreadable { .. } | StorageNotice::Unavailable);
    let class = if sticky { "notice notice-sticky" } else { "notice" };
    let download_button = match &notice {
        StorageNotice::Unreadable { raw, .. } => {
            let raw = raw.clone();
            view! {
                <button type="button" id="download-unreadable" on:click=move |_| {
                    let _ = download("audit-readiness-unreadable-data.json", "application/json", &raw);
                }>"Download the unreadable data"</button>
            }
            .into_any()
        }
        // Storage failed: the answers exist only in this tab, so offer them as a file (every
        // assessment: unsaved edits may be in one that is not open now).
        StorageNotice::Unavailable
        | StorageNotice::SaveFailed(_)
        | StorageNotice::OtherTabUnreadable { .. }
        | StorageNotice::OtherTabSavedOverUnsaved => view! {
            <button type="button" id="download-current" on:click=move |_| {
                let _ = download("audit-readiness-backup.json", "application/json", &encode_workspace(&state.snapshot()));
            }>"Download your answers"</button>
        }
        .into_any(),
        StorageNotice::FollowedOtherTab { .. } => ().into_any(),
    };
    // Saving again without an answer to change (data-safety pass of stop 48: with space freed,
    // nothing was saved until the next change).
    let save_again = matches!(notice, StorageNotice::SaveFailed(_)).then(|| {
        view! { <button type="button" id="save-again" on:click=move |_| state.assessment.update(|_| ())>"Save again"</button> }
    });
    view! {
        <div class=class role="alert" id="storage-notice">
            <h2>{title}</h2>
            <p>{body}</p>
            {detail(&notice).map(|text| view! { <p class="notice-detail">{text}</p> })}
            <div class="notice-actions">
                // Download first, as the notice advises (UX pass of stop 51).
                {download_button}
                {save_again}
                <button type="button" on:click=move |_| {
                    // The button goes with the notice: the next Tab continues from the page.
                    super::focus::focus_in_place("main");
                    on_dismiss();
                }>"Dismiss"</button>
            </div>
        </div>
    }
}

fn describe(notice: &StorageNotice, state: AppState) -> (&'static str, String) {
    match notice {
        StorageNotice::Unreadable { error, backup_key: Some(_), .. } => (
            "Your saved answers could not be read",
            format!("{}. Nothing was deleted: the unreadable copy is kept as it was (listed under Export and share) and can be downloaded below. You are starting from a blank assessment.", in_plain_words(error)),
        ),
        StorageNotice::Unreadable { error, backup_key: None, .. } => (
            "Your saved answers could not be read",
            format!("{}. They could not be copied aside, so this session will not save anything over them. Download them below before you continue.", in_plain_words(error)),
        ),
        StorageNotice::Unavailable => (
            "Answers will not be kept",
            "This browser does not allow the app to store data (private mode or blocked storage). Everything works, but your answers are lost when you close the tab.".to_string(),
        ),
        // The reason alone after the title, which says the rest (UX pass of stop 51: "Your latest
        // change was not saved" then "Your browser did not save the latest change: …").
        StorageNotice::SaveFailed(error) => (
            "Your latest change was not saved",
            match matches!(error, AppError::Storage(why) if why.starts_with(super::storage::FULL)) {
                // Copies kept aside offered only when there are some (copy pass of stop 52).
                true => format!(
                    "{}. Your latest answers are still here in this tab: download them below so none are lost, free some browser storage for this site{}, then choose “Save again”.",
                    crate::domain::wording::upper_first(&error.reason()),
                    if super::storage::any_kept() { " (copies the app kept aside can be downloaded and deleted under Export and share)" } else { "" }
                ),
                // Blocked, not full: freeing space would not help.
                false => format!("{}. Your answers are still here in this tab: download them below so none are lost, check that the browser lets this site store data, then choose “Save again”.", crate::domain::wording::upper_first(&error.reason())),
            },
        ),
        StorageNotice::OtherTabUnreadable { error, backup_key } => (
            "Another tab saved answers this tab cannot read",
            format!(
                "{}. So as not to write over them, this tab has stopped saving{}: download your answers from this tab below, then reload the page.",
                in_plain_words(error),
                if backup_key.is_some() { " (they are also kept aside, under Export and share)" } else { "" }
            ),
        ),
        StorageNotice::OtherTabSavedOverUnsaved => (
            "Another tab saved while this one could not",
            "This tab holds changes it could not save, and another tab has saved its own since. So that neither is written \
             over, this tab keeps its answers and has stopped saving: download your answers below, import the file in the \
             other tab (Export and share) to merge them, then reload this page."
                .to_string(),
        ),
        // The one left is named, and where a deleted one's copy is (consultant pass of stop 51: "open
        // it again" was offered for an assessment the other tab had deleted, named nowhere).
        StorageNotice::FollowedOtherTab { id, left, deleted } => (
            if *deleted { "Another tab deleted the open assessment" } else { "Another tab switched the open assessment" },
            // Its name as it is now: the banner runs again on every workspace change (its DOM is
            // patched in place and unchanged text is left alone, so the alert is not announced anew).
            format!(
                "This tab follows it: what you see and answer here now belongs to “{}”, not “{left}”. {}",
                state.workspace.with_untracked(|w| w.entry(id).map(|e| e.name.clone())).unwrap_or_default(),
                match deleted {
                    true => "Look for its copy under Export and share, in “Copies kept aside”.",
                    false => "To go back, open it again under “Assessments and comparison”.",
                }
            ),
        ),
    }
}

/// Why a stored value cannot be read, for someone who did not write it; the parser's own words
/// and the storage key go on the notice's detail line (founder pass: the notice opened with
/// "expected value at line 1 column 1" and a storage key).
fn in_plain_words(error: &AppError) -> &'static str {
    match error {
        // Version 0 never shipped: a value naming it is not from a newer version (data-safety pass).
        AppError::UnknownVersion(v) if *v > crate::domain::workspace::WORKSPACE_SCHEMA_VERSION => {
            "They were saved by a newer version of this app, perhaps open in another tab"
        }
        AppError::UnknownFields(_) => "They were saved by a newer version of this app, perhaps open in another tab",
        _ => "They are damaged, or were changed outside the app",
    }
}

/// The technical detail of an unreadable value, for whoever helps recover it.
fn detail(notice: &StorageNotice) -> Option<String> {
    let (error, key) = match notice {
        StorageNotice::Unreadable { error, backup_key, .. } | StorageNotice::OtherTabUnreadable { error, backup_key } => {
            (error, backup_key)
        }
        _ => return None,
    };
    let kept = key.as_ref().map(|key| format!(" Kept under the storage key “{key}”.")).unwrap_or_default();
    Some(format!("Detail for support: {}.{kept}", error.reason()))
}
