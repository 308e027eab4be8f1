//! Several named assessments side by side ("Stage 1 dry run", "Stage 2, March"), and the format
//! they are stored in: a workspace document with schema version 2. Version 1 (a single
//! assessment, still the format of backups) is migrated by wrapping it as the only entry.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::error::AppError;
use super::persist;

/// The schema version of the stored workspace.
pub const WORKSPACE_SCHEMA_VERSION: u32 = 2;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Entry {
    pub id: String,
    pub name: String,
    #[serde(default, with = "super::dates::optional")]
    pub created_on: Option<NaiveDate>,
    pub assessment: Assessment,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Workspace {
    /// The id of the assessment being worked on.
    pub active: String,
    pub entries: Vec<Entry>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StoredWorkspace {
    #[allow(dead_code)] // read first through `VersionOnly`; kept so the shape is exact
    schema_version: u32,
    active: String,
    entries: Vec<Entry>,
}

/// Why a change to the list of assessments was not made.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Refusal {
    /// The only assessment is never deleted: there is always one to answer into.
    OnlyOne,
    /// No assessment has this id (another tab may have deleted it meanwhile).
    Unknown,
}

impl Refusal {
    /// What the user is told.
    pub fn message(self) -> &'static str {
        match self {
            Refusal::OnlyOne => "This is the only assessment, so it stays. To start over, create a blank one, then delete this one.",
            Refusal::Unknown => "This assessment no longer exists here (it may have been deleted in another tab).",
        }
    }
}

/// The name of the first assessment until the user names it.
pub const DEFAULT_NAME: &str = "My assessment";

impl Workspace {
    /// A workspace holding one assessment.
    pub fn single(assessment: Assessment, today: Option<NaiveDate>) -> Workspace {
        Workspace {
            active: "a1".into(),
            entries: vec![Entry { id: "a1".into(), name: DEFAULT_NAME.into(), created_on: today, assessment }],
        }
    }

    pub fn active_entry(&self) -> &Entry {
        &self.entries[self.active_index()]
    }

    /// Where the open assessment is: the first entry with the active id, or the first of all.
    fn active_index(&self) -> usize {
        self.entries.iter().position(|e| e.id == self.active).unwrap_or(0)
    }

    pub fn entry(&self, id: &str) -> Option<&Entry> {
        self.entries.iter().find(|e| e.id == id)
    }

    pub fn entry_mut(&mut self, id: &str) -> Option<&mut Entry> {
        self.entries.iter_mut().find(|e| e.id == id)
    }

    /// Every entry under its own id, and the open one among them: a hand-edited file may repeat
    /// an id (the second copy could then never be opened, renamed or deleted) or name an
    /// assessment it lacks. A repeated id gets a fresh one; an unknown open id, the first entry.
    fn with_sound_ids(mut self) -> Workspace {
        for index in 1..self.entries.len() {
            if self.entries[..index].iter().any(|e| e.id == self.entries[index].id) {
                self.entries[index].id = self.next_id();
            }
        }
        if self.entry(&self.active).is_none() {
            self.active = self.entries[0].id.clone();
        }
        self
    }

    fn next_id(&self) -> String {
        (1..).map(|n| format!("a{n}")).find(|id| self.entry(id).is_none()).expect("ids are unbounded")
    }

    /// Replaces the active assessment's content (the UI's working copy is written back here).
    pub fn with_active(mut self, assessment: Assessment) -> Workspace {
        let open = self.active_index();
        self.entries[open].assessment = assessment;
        self
    }

    /// Adds an assessment and makes it active; returns its id.
    pub fn create(&mut self, name: &str, assessment: Assessment, today: NaiveDate) -> String {
        let id = self.next_id();
        // A blank name gets the first "Assessment N" no other assessment has.
        let name = match name.trim() {
            "" => (self.entries.len() + 1..)
                .map(|n| format!("Assessment {n}"))
                .find(|name| !self.entries.iter().any(|e| e.name == *name))
                .expect("names are unbounded"),
            name => name.to_string(),
        };
        self.entries.push(Entry { id: id.clone(), name, created_on: Some(today), assessment });
        self.active = id.clone();
        id
    }

    /// Copies an assessment under a name no other assessment has ("Copy of …", "Copy 2 of …", …)
    /// and makes the copy active.
    pub fn duplicate(&mut self, id: &str, today: NaiveDate) -> Result<String, Refusal> {
        let source = self.entry(id).ok_or(Refusal::Unknown)?.clone();
        // "Copy" first: a long name cut off in its field hid a "(copy)" at its end, and two rows
        // read the same (founder pass).
        let mut name = format!("Copy of {}", source.name);
        for n in 2.. {
            if !self.entries.iter().any(|e| e.name == name) {
                break;
            }
            name = format!("Copy {n} of {}", source.name);
        }
        Ok(self.create(&name, source.assessment, today))
    }

    /// Renames an assessment; returns whether it did. A blank name is refused (the old name stays).
    pub fn rename(&mut self, id: &str, name: &str) -> bool {
        self.rename_typed(id, name.trim())
    }

    /// Renames as the name is being typed: kept as typed (a field showing it back must not drop
    /// the space before the next word); [`Workspace::rename`] tidies it when the field is left.
    pub fn rename_typed(&mut self, id: &str, name: &str) -> bool {
        match self.entry_mut(id) {
            Some(entry) if !name.trim().is_empty() => {
                entry.name = name.to_string();
                true
            }
            _ => false,
        }
    }

    /// Whether this is the only assessment: it cannot be deleted, and there is nothing to compare.
    pub fn only_one(&self) -> bool {
        self.entries.len() < 2
    }

    /// Removes an assessment (never the last one) and returns it with its position, for undo.
    pub fn delete(&mut self, id: &str) -> Result<(usize, Entry), Refusal> {
        let index = self.entries.iter().position(|e| e.id == id).ok_or(Refusal::Unknown)?;
        if self.only_one() {
            return Err(Refusal::OnlyOne);
        }
        let removed = self.entries.remove(index);
        if self.active == id {
            self.active = self.entries[index.min(self.entries.len() - 1)].id.clone();
        }
        Ok((index, removed))
    }

    /// Whether nothing has been entered here yet: one assessment, as first created. A backup
    /// brought into such a browser (a new device) is restored as it was, not added beside it.
    pub fn is_untouched(&self) -> bool {
        self.entries.first().is_some_and(|only| self.is_untouched_with(&only.assessment))
    }

    /// [`Workspace::is_untouched`] with `open` as the open assessment's working copy (the UI keeps
    /// it apart from the workspace until it saves): no whole snapshot is needed to ask.
    pub fn is_untouched_with(&self, open: &Assessment) -> bool {
        self.entries.len() == 1 && *open == Assessment::default()
    }

    /// `backup` as it was saved, to take this workspace's place, its open assessment under the id
    /// open here (swapped with the entry that had it, if any): the page showing the import keeps
    /// its place, since the tools start afresh when another id is opened.
    pub fn restored_from(&self, backup: &Workspace) -> Workspace {
        let mut restored = backup.clone();
        let (here, there) = (self.active.clone(), backup.active.clone());
        for entry in &mut restored.entries {
            if entry.id == there {
                entry.id = here.clone();
            } else if entry.id == here {
                entry.id = there.clone();
            }
        }
        restored.active = here;
        restored
    }

    /// Adds every assessment of another workspace (a restored backup) under fresh ids, named
    /// "… (from backup)"; the active one stays as it is. Returns the new ids.
    pub fn add_all(&mut self, other: &Workspace) -> Vec<String> {
        let active = self.active.clone();
        let ids = other
            .entries
            .iter()
            .map(|entry| {
                let id = self.next_id();
                // A name edited into blanks in the file reads as "Assessment (from backup)".
                // Said once (team pass of stop 45: a copy added back read "… (from backup) (from backup)").
                let name = match entry.name.trim() {
                    "" => "Assessment (from backup)".to_string(),
                    name if name.ends_with("(from backup)") => name.to_string(),
                    name => format!("{name} (from backup)"),
                };
                self.entries.push(Entry { id: id.clone(), name, created_on: entry.created_on, assessment: entry.assessment.clone() });
                id
            })
            .collect();
        self.active = active;
        ids
    }

    /// Puts a deleted assessment back where it was; returns its id (a new one if an assessment
    /// created since the deletion took the old one).
    pub fn restore(&mut self, index: usize, mut entry: Entry) -> String {
        // An assessment created since the deletion may have been given the same id.
        if self.entry(&entry.id).is_some() {
            entry.id = self.next_id();
        }
        let id = entry.id.clone();
        self.entries.insert(index.min(self.entries.len()), entry);
        id
    }
}

/// The stored document, borrowing the workspace: what `encode_workspace` writes, for any serde
/// codec (the browser edge hands it to gloo-storage).
#[derive(Serialize)]
pub struct StoredWorkspaceRef<'a> {
    schema_version: u32,
    active: &'a str,
    entries: Vec<EntryRef<'a>>,
}

/// An [`Entry`] as stored, borrowing its assessment, which may be the working copy instead.
#[derive(Serialize)]
struct EntryRef<'a> {
    id: &'a str,
    name: &'a str,
    #[serde(with = "super::dates::optional")]
    created_on: Option<NaiveDate>,
    assessment: &'a Assessment,
}

/// The stored document of `workspace.clone().with_active(working)`, copying neither: the save
/// after each change wrote two copies of every answer first (1.2 ms of an answer's 14 at ten
/// times the content, every question answered with a record).
pub fn stored_with<'a>(workspace: &'a Workspace, working: Option<&'a Assessment>) -> StoredWorkspaceRef<'a> {
    let open = workspace.active_index();
    let entries = workspace.entries.iter().enumerate().map(|(n, e)| EntryRef {
        id: &e.id,
        name: &e.name,
        created_on: e.created_on,
        assessment: working.filter(|_| n == open).unwrap_or(&e.assessment),
    });
    StoredWorkspaceRef { schema_version: WORKSPACE_SCHEMA_VERSION, active: &workspace.active, entries: entries.collect() }
}

impl StoredWorkspaceRef<'_> {
    /// The stored document as text.
    pub fn encode(&self) -> String {
        serde_json::to_string(self).expect("a workspace always serialises")
    }
}

/// Serialises the workspace in the current storage schema.
pub fn encode_workspace(workspace: &Workspace) -> String {
    stored_with(workspace, None).encode()
}

/// About how many characters a browser keeps for one site (localStorage: 5 million UTF-16 units
/// in Chromium, Firefox and Safari, the key and any other value included).
pub const BROWSER_KEEPS_CHARS: usize = 5_000_000;

/// What a change would leave too large for any browser to keep, in characters as localStorage
/// counts them, when it is: freeing space would not help, so an import that would lead there is
/// refused before it changes anything (hostile-data pass of stop 50: a backup with a note of 12
/// million characters was restored, then "free some storage and Save again" could never work).
pub fn too_big_to_keep(workspace: &Workspace) -> Option<usize> {
    more_than_a_browser_keeps(&encode_workspace(workspace))
}

/// How many characters `text` holds as localStorage counts them (UTF-16 units), when that is more
/// than [`BROWSER_KEEPS_CHARS`]. A file that large is refused as soon as it is read.
pub fn more_than_a_browser_keeps(text: &str) -> Option<usize> {
    // UTF-16 units are at most the UTF-8 bytes: most texts are settled without counting.
    if text.len() <= BROWSER_KEEPS_CHARS {
        return None;
    }
    Some(text.encode_utf16().count()).filter(|units| *units > BROWSER_KEEPS_CHARS)
}

/// Reads a stored workspace of any released schema version (1: a single assessment).
pub fn decode_workspace(raw: &str) -> Result<Workspace, AppError> {
    decode_workspace_versioned(raw).map(|(workspace, _)| workspace)
}

/// Reads a stored workspace and says which schema version it was written in (storage keeps an
/// older one aside before it is first written over).
pub fn decode_workspace_versioned(raw: &str) -> Result<(Workspace, u32), AppError> {
    let version = persist::stored_version(raw)?;
    let workspace = match version {
        1 => Workspace::single(persist::decode_version(raw, 1)?, None),
        WORKSPACE_SCHEMA_VERSION => {
            let stored: StoredWorkspace = serde_json::from_str(raw).map_err(|e| persist::unexpected(raw, &e))?;
            if stored.entries.is_empty() {
                return Err(AppError::Corrupt("the workspace holds no assessment".into()));
            }
            Workspace { active: stored.active, entries: stored.entries }.with_sound_ids()
        }
        other => return Err(AppError::UnknownVersion(other)),
    };
    Ok((workspace, version))
}
