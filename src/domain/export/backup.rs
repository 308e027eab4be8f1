//! JSON backup and restore. A backup is exactly the stored state (schema version + assessment),
//! so it round-trips losslessly. Imports are checked completely before anything touches the
//! app's state; a backup from another device can be compared item by item and merged.
//! The comparing and merging are in `merging`.

mod merging;

use super::import_checks;
use crate::domain::assessment::Assessment;
use crate::domain::catalog::Catalog;
use crate::domain::error::AppError;
use crate::domain::persist;
use crate::domain::workspace::{decode_workspace, encode_workspace, Workspace};

pub use merging::{brought_in, diff, left_out, merge, outlook, ItemDiff, MergeChoice, MergeOutlook};

/// The largest backup file taken in. Real ones are a few tens of kilobytes, but whatever this
/// browser can store (about 5 million characters of localStorage per site) must come back, and
/// encrypted too, a third larger (data-safety pass: 2 MB refused backups the app had just made).
pub const DEFAULT_MAX_BYTES: usize = 16 * 1024 * 1024;

/// A single assessment as a file (the version 1 document; teammates exchange these).
pub fn export(assessment: &Assessment) -> String {
    persist::encode(assessment)
}

/// The full state as a file: every named assessment, exactly as the app stores it.
pub fn export_all(workspace: &Workspace) -> String {
    encode_workspace(workspace)
}

/// A checked import: the assessment plus what this version of the question bank does not know.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Imported {
    /// The backup's open assessment (the only one in a single-assessment file).
    pub assessment: Assessment,
    /// Every assessment in the file, when it is a full backup (several named assessments).
    pub workspace: Option<Workspace>,
    /// Response keys that are not items of the catalogue (kept, so nothing is lost).
    pub unknown_items: Vec<String>,
    /// Fields of the file this version does not read, which importing leaves out
    /// ([`persist::unread_fields`]).
    pub unread_fields: Vec<String>,
    /// Remediation entries whose finding id does not name a catalogue item.
    pub unknown_plans: Vec<String>,
}

impl Imported {
    /// Said of a file holding fields this version does not read, whatever else is said of it.
    pub fn unread_said(&self) -> Option<String> {
        (!self.unread_fields.is_empty()).then(|| {
            format!(
                "The file also holds fields this version of the app does not read {}: they are left out of what is \
                 imported, so keep the file.",
                persist::fields_named(&self.unread_fields)
            )
        })
    }

    /// Whether the UI should warn that part of the file is not understood.
    pub fn has_unknown(&self) -> bool {
        !self.unknown_items.is_empty() || !self.unknown_plans.is_empty()
    }
}

/// Reads and checks a backup: size first (before parsing), then JSON, schema version and every
/// field's type (via the stored-state decoder). Unknown item ids are reported, not fatal.
pub fn import(raw: &str, max_bytes: usize, catalog: &Catalog) -> Result<Imported, AppError> {
    if raw.len() > max_bytes {
        return Err(AppError::Corrupt(format!(
            "the file is {} bytes, more than the {} limit for a backup",
            raw.len(),
            size_text(max_bytes)
        )));
    }
    if raw.trim().is_empty() {
        return Err(AppError::Corrupt("the file is empty".into()));
    }
    // Reading keeps the last of a key given twice, and the first would be lost without a word
    // (data-safety pass of stop 47: a merge showed only the second note).
    let repeated = persist::repeated_keys(raw);
    if !repeated.is_empty() {
        let keys = repeated.iter().map(|k| format!("“{k}”")).collect::<Vec<_>>().join(", ");
        return Err(AppError::Corrupt(format!("the file gives {keys} twice in the same place, so which to keep cannot be told")));
    }
    // A single-assessment file (version 1) or a full backup (several assessments); the workspace
    // decoder reports any other version.
    let (assessment, workspace) = match persist::stored_version(raw)? {
        1 => (persist::decode_version(raw, 1)?, None),
        _ => {
            let workspace = decode_workspace(raw)?;
            (workspace.active_entry().assessment.clone(), Some(workspace))
        }
    };
    // Right in every field's type, and still wrong: refused before anything is touched.
    let problems: Vec<String> = match &workspace {
        Some(w) => import_checks::workspace_problems(w),
        // After a colon ("This file cannot be imported: the assessment has …").
        None => import_checks::problems("the assessment", &assessment),
    };
    if !problems.is_empty() {
        // The import view adds that nothing was changed (user pass: it was said twice).
        return Err(AppError::Corrupt(problems.join("; ")));
    }
    let unknown_items = assessment.responses.keys().filter(|id| catalog.item(id).is_none()).cloned().collect();
    let unknown_plans = assessment
        .remediation
        .keys()
        .filter(|id| {
            let item = id.split_once(':').map_or(id.as_str(), |(_, item)| item);
            catalog.item(item).is_none()
        })
        .cloned()
        .collect();
    let reencoded = workspace.as_ref().map_or_else(|| persist::encode(&assessment), encode_workspace);
    let unread_fields = persist::unread_fields(raw, &reencoded);
    Ok(Imported { assessment, workspace, unknown_items, unread_fields, unknown_plans })
}

/// "2 MiB (2097152 bytes)" or "900 bytes".
fn size_text(bytes: usize) -> String {
    const MIB: usize = 1024 * 1024;
    const KIB: usize = 1024;
    if bytes >= MIB && bytes % MIB == 0 {
        format!("{} MiB ({bytes} bytes)", bytes / MIB)
    } else if bytes >= KIB && bytes % KIB == 0 {
        format!("{} KiB ({bytes} bytes)", bytes / KIB)
    } else {
        format!("{bytes} bytes")
    }
}
