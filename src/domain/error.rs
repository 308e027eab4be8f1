//! One error type for everything that can go wrong at the edges (content, storage, imports).

use std::fmt;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AppError {
    /// The embedded content failed validation (a build defect, caught by host tests).
    Content(String),
    /// A stored or imported value is not valid JSON of the expected shape.
    Corrupt(String),
    /// A stored or imported value was written by a newer (or unknown) schema version.
    UnknownVersion(u32),
    /// A stored value holds fields this version does not know (a newer version's, most likely):
    /// reading and saving it would drop them (data-safety pass of stop 45).
    UnknownFields(Vec<String>),
    /// The browser refused to store data (quota exceeded, storage disabled).
    Storage(String),
}

impl fmt::Display for AppError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AppError::Content(msg) => write!(f, "The built-in question bank is invalid: {msg}"),
            AppError::Corrupt(msg) => write!(f, "The saved data could not be read: {msg}"),
            AppError::UnknownVersion(v) => write!(f, "The saved data uses format version {v}, which this version of the app does not know"),
            AppError::UnknownFields(_) => write!(f, "The saved data {}", self.reason()),
            AppError::Storage(msg) => write!(f, "Your browser did not save the latest change: {msg}"),
        }
    }
}

impl AppError {
    /// What went wrong without the "saved data" framing, for a sentence that names the thing
    /// itself ("This file cannot be imported: …").
    pub fn reason(&self) -> String {
        match self {
            AppError::Content(msg) | AppError::Corrupt(msg) | AppError::Storage(msg) => msg.clone(),
            AppError::UnknownVersion(v) => format!("it uses format version {v}, which this version of the app does not know"),
            AppError::UnknownFields(names) => format!("holds fields this version of the app does not know ({})", names.join(", ")),
        }
    }
}

impl std::error::Error for AppError {}
