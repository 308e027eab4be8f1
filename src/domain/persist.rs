//! The stored-state format: the assessment only (never derived data), wrapped with a schema
//! version. Old versions are migrated forward by pure functions on JSON values; anything that
//! cannot be read is reported, never silently replaced.

use serde::{Deserialize, Serialize};

use super::assessment::Assessment;
use super::error::AppError;

/// The localStorage key the app keeps its state under.
pub const STORAGE_KEY: &str = "audit-readiness-check/state";
/// Prefix of the keys that hold unreadable values kept aside for the user.
pub const BACKUP_KEY_PREFIX: &str = "audit-readiness-check/backup/";
/// View preferences (a filter left on), one key each: no assessment data.
pub const PREFS_KEY_PREFIX: &str = "audit-readiness-check/prefs/";
/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = 1;

/// What is stored: the assessment and the schema version it was written in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StoredState {
    pub schema_version: u32,
    pub assessment: Assessment,
}

impl StoredState {
    /// The assessment wrapped in the schema this build writes.
    pub fn current(assessment: &Assessment) -> StoredState {
        StoredState { schema_version: SCHEMA_VERSION, assessment: assessment.clone() }
    }
}

/// Serialises the assessment in the current schema.
pub fn encode(assessment: &Assessment) -> String {
    serde_json::to_string(&StoredState::current(assessment)).expect("an assessment always serialises")
}

/// Just the version field.
/// Why a file or stored value that the app never wrote is refused (no format version in it).
pub const NOT_OURS: &str = "it is not data saved by this app";

#[derive(Deserialize)]
struct VersionOnly {
    schema_version: Option<u32>,
}

/// The `schema_version` of a stored value (shared with the workspace format), read first so
/// that the right migration path can be chosen.
pub fn stored_version(raw: &str) -> Result<u32, AppError> {
    // The app only ever saves a JSON object with a version; anything else (a list, a number,
    // plain text, or an object without one, such as the app's own OSCAL export) is some other file.
    let not_ours = || AppError::Corrupt(NOT_OURS.into());
    if !raw.trim_start().starts_with('{') {
        return Err(not_ours());
    }
    // A version that is there but no whole number ("1", 1.5, -1) is named as such (data-safety
    // pass: it read "no format version").
    let header: VersionOnly = serde_json::from_str(raw).map_err(|e| match e.classify() {
        serde_json::error::Category::Data => AppError::Corrupt("its format version is not a whole number this app writes".into()),
        _ => AppError::Corrupt(format!("not valid JSON ({e})")),
    })?;
    header.schema_version.ok_or_else(not_ours)
}

/// Reads a stored value of any released schema version.
pub fn decode(raw: &str) -> Result<Assessment, AppError> {
    decode_version(raw, stored_version(raw)?)
}

/// Reads a stored value whose `schema_version` the caller has already read.
pub fn decode_version(raw: &str, version: u32) -> Result<Assessment, AppError> {
    let current = migrate(raw, version)?;
    let state: StoredState = serde_json::from_str(&current).map_err(|e| unexpected(&current, &e))?;
    Ok(state.assessment)
}

/// What the reader refused, and where in words a person can find: the text around it and the
/// question whose entry holds it, not "line 1 column 6178" of a file written on one line
/// (hostile-data pass of stop 50: a hand-edited backup was refused with only that).
pub fn unexpected(raw: &str, error: &serde_json::Error) -> AppError {
    // The reader's `code` quotes become the quotation marks the rest of the app writes.
    let quote = |n: usize| match n {
        0 => "",
        n if n % 2 == 1 => "“",
        _ => "”",
    };
    let said: String = error.to_string().split('`').enumerate().map(|(n, part)| [quote(n), part].concat()).collect();
    let what = said.rsplit_once(" at line ").map_or(said.as_str(), |(what, _)| what);
    // The reader's "unknown variant “maybe”, expected one of …" in plain words (same pass).
    let what = what.replacen("unknown variant ", "", 1).replacen(", expected one of ", ", where the app expects one of ", 1);
    let what = what.as_str();
    // `lines` hands out slices of `raw`: a line's place in it is how far its start lies from raw's.
    let Some(at) = raw.lines().nth(error.line().saturating_sub(1)).map(|line| {
        let start = line.as_ptr() as usize - raw.as_ptr() as usize;
        floor_boundary(raw, start + error.column().min(line.len()))
    }) else {
        return AppError::Corrupt(format!("it holds a value this app cannot read ({what})"));
    };
    let from = floor_boundary(raw, at.saturating_sub(30));
    let to = floor_boundary(raw, (at + 10).min(raw.len()));
    let entry = answer_entry(&raw[..at]).map(|id| format!(", in the entry for {id}")).unwrap_or_default();
    // Plain words first (data-safety pass of stop 52: "unexpected content (invalid date …)").
    // Placed by its entry when it is in one, else by the text around it, on one line however the
    // file is laid out (copy pass of stop 52: both at once said the value twice).
    if !entry.is_empty() {
        return AppError::Corrupt(format!("it holds a value this app cannot read ({what}){entry}"));
    }
    let near = raw[from..to].split_whitespace().collect::<Vec<_>>().join(" ");
    AppError::Corrupt(format!("it holds a value this app cannot read ({what}) near “{near}”"))
}

/// The largest char boundary of `text` at or before `index`.
fn floor_boundary(text: &str, mut index: usize) -> usize {
    index = index.min(text.len());
    while !text.is_char_boundary(index) {
        index -= 1;
    }
    index
}

/// The question whose answer entry the text `before` a refused value ends in: none once the
/// answers have given way to the register, the rehearsals or the plan (UX pass of stop 50: a bad
/// role in the register was said to be in the last question's entry).
fn answer_entry(before: &str) -> Option<&str> {
    let answers = &before[before.rfind("\"responses\":")?..];
    let past = ["\"register\":", "\"rehearsals\":", "\"remediation\":"].iter().any(|key| answers.contains(key));
    if past {
        return None;
    }
    entry_before(answers)
}

/// The last question ID (such as `C53-PRE-02`) opening an entry in `before`: the entry the
/// refused value is in.
fn entry_before(before: &str) -> Option<&str> {
    // Spaces and line breaks allowed around the colon: a backup edited by hand is often laid out
    // (UX pass of stop 52: its bad date was placed by its text alone).
    before.rmatch_indices('{').take(200).find_map(|(at, _)| {
        let key = before[..at].trim_end().strip_suffix(':')?.trim_end().strip_suffix('"')?;
        let key = &key[key.rfind('"')? + 1..];
        let id_like = key.contains('-') && key.bytes().all(|b| b.is_ascii_uppercase() || b.is_ascii_digit() || b == b'-');
        id_like.then_some(key)
    })
}

/// Brings a stored value from `version` up to [`SCHEMA_VERSION`], one step at a time. Each
/// future step is a pure function from one version's JSON text to the next, tested on fixtures.
fn migrate(raw: &str, version: u32) -> Result<String, AppError> {
    match version {
        SCHEMA_VERSION => Ok(raw.to_string()),
        // Version 0 never shipped; anything newer than this build is refused, not guessed at.
        other => Err(AppError::UnknownVersion(other)),
    }
}

/// The key under which an unreadable value is kept, unique per moment of discovery.
pub fn backup_key(timestamp_ms: u64) -> String {
    format!("{BACKUP_KEY_PREFIX}{timestamp_ms}")
}

/// The object keys of `raw` (a stored value) that `reencoded` (the same value as this build
/// reads and writes it) lacks, at most five, each once: fields this build does not know, which
/// saving would drop (data-safety pass of stop 45: an older tab wrote a newer one's fields away).
/// A key written twice in one object is among them: reading keeps only its last value, so saving
/// would drop the first (data-safety pass of stop 47: a note under a response's ID repeated was
/// lost without a copy). Keys are compared as written; a key only escaped differently is reported
/// too, which costs no more than a copy kept aside.
pub fn unknown_keys(raw: &str, reencoded: &str) -> Vec<String> {
    // A value this build wrote reads back as the same text: nothing to look for. This runs at
    // start-up and on every other tab's save, and the key lists of a large value are long.
    if raw == reencoded {
        return Vec::new();
    }
    // Each key once (field names repeat per response): the search below is by distinct key.
    let mut known: Vec<&str> = Vec::new();
    for (key, _) in object_keys(reencoded) {
        if !known.contains(&key) {
            known.push(key);
        }
    }
    five_once(object_keys(raw).into_iter().filter(|(key, repeated)| *repeated || !known.contains(key)), true)
}

/// Marks a key of [`unknown_keys`] written twice in one object: it is a field this build reads,
/// so a message says it was given twice rather than that it is unread (stop 50's note: a
/// response's ID repeated was listed as a field "this version does not read").
pub const GIVEN_TWICE: &str = " (given twice)";

/// Fields this build reads but writes only when set: given empty by another writer, they are
/// read whole, never fields it does not know.
const WRITTEN_WHEN_SET: [&str; 3] = ["reports_to", "independent_check", "rehearsals"];

/// The fields of `raw` that this build does not read at all, by [`unknown_keys`] against
/// `reencoded`: what reading it leaves out, and what a user should be told of (data-safety pass
/// of stop 48: an import and "Add back" dropped a newer version's fields without a word).
pub fn unread_fields(raw: &str, reencoded: &str) -> Vec<String> {
    let mut keys = unknown_keys(raw, reencoded);
    keys.retain(|key| !WRITTEN_WHEN_SET.contains(&key.as_str()));
    keys
}

/// "(“reviewed_by”, “scope”)": the fields of [`unread_fields`], as a message names them.
pub fn fields_named(keys: &[String]) -> String {
    let named = |k: &String| match k.strip_suffix(GIVEN_TWICE) {
        Some(key) => format!("“{key}” given twice"),
        None => format!("“{k}”"),
    };
    format!("({})", keys.iter().map(named).collect::<Vec<_>>().join(", "))
}

/// The keys written twice in one object of a JSON text, at most five, each once: reading keeps
/// only the last value of each, so the import refuses such a file rather than guess.
pub fn repeated_keys(json: &str) -> Vec<String> {
    five_once(object_keys(json).into_iter().filter(|(_, repeated)| *repeated), false)
}

/// The first five distinct keys of `keys`, each once: what a message names. With `mark`, a key
/// repeated in its object is named with [`GIVEN_TWICE`].
fn five_once<'a>(keys: impl Iterator<Item = (&'a str, bool)>, mark: bool) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for (key, repeated) in keys {
        if out.len() == 5 {
            break;
        }
        // Each key once, whether named bare (unread) or as given twice.
        if !out.iter().any(|k| k.strip_suffix(GIVEN_TWICE).unwrap_or(k) == key) {
            out.push(match mark && repeated {
                true => format!("{key}{GIVEN_TWICE}"),
                false => key.to_string(),
            });
        }
    }
    out
}

/// Every object key in a JSON text, as written between its quotes (a string followed, after
/// white space, by a colon), and whether the same object has it already.
fn object_keys(json: &str) -> Vec<(&str, bool)> {
    let bytes = json.as_bytes();
    let mut keys = Vec::new();
    // The keys of each object still open, innermost last.
    let mut open: Vec<Vec<&str>> = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'{' => open.push(Vec::new()),
            b'}' => drop(open.pop()),
            b'"' => {
                let start = i + 1;
                i = start;
                while i < bytes.len() && bytes[i] != b'"' {
                    i += if bytes[i] == b'\\' { 2 } else { 1 };
                }
                let end = i.min(bytes.len());
                let next = bytes[(i + 1).min(bytes.len())..].iter().find(|b| !b.is_ascii_whitespace());
                if next == Some(&b':') {
                    let key = &json[start..end];
                    let seen = open.last_mut();
                    let repeated = seen.as_ref().is_some_and(|seen| seen.contains(&key));
                    seen.into_iter().for_each(|seen| seen.push(key));
                    keys.push((key, repeated));
                }
            }
            _ => {}
        }
        i += 1;
    }
    keys
}
