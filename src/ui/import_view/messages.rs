//! What the import says: the hint and button for adding a full backup, the summary of a backup
//! against yours, and why a file or an import is refused.

use super::{restores, Pending, Status};
use crate::domain::export::backup::{Imported, MergeOutlook};
use crate::domain::export::import_file;
use crate::domain::wording::counted;
use crate::domain::workspace::{Workspace, BROWSER_KEEPS_CHARS};
use crate::ui::state::AppState;

/// The hint and the button for adding every assessment of a full backup, in the singular for
/// one; the other way, below, is named for what it offers: a comparison, a merge, or nothing.
/// Into a browser where nothing has been entered yet, the backup is restored instead.
pub(super) fn add_all_wording(backup: &Workspace, pending: &Pending, state: AppState) -> (String, String) {
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
pub(super) fn summary(imported: &Imported, outlook: &MergeOutlook, adds: &[String], left_out: &[String], mine: &str) -> String {
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

/// Why a file is refused. A file that is no backup at all says which file to choose (founder
/// pass: "no format version" told them nothing).
/// An import that would leave more than a browser keeps for one site: refused before it changes
/// anything, since it could live only in this tab.
pub(super) fn too_big(chars: usize) -> Status {
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

pub(super) fn refusal(reason: &str, file_name: &str) -> Status {
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
