//! Who an export is for (`Profile`), in which format (`Kind`), and the name its file is saved
//! under.

use chrono::NaiveDate;

/// `YYYY-MM-DD`: the exports' dates and file names.
pub use crate::domain::dates::iso;

/// Who the export is for. Ordered from most to least revealing.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Profile {
    /// Internal use: everything, including private notes.
    Full,
    /// For the certification auditor: everything except private notes (N/A justifications,
    /// evidence and owners stay, because an auditor asks for them).
    Auditor,
    /// For the board: verdict, score, areas, counts and the gap list, without any personal
    /// names (no remediation or evidence owners, no roles register, and register and interview
    /// findings explained without the people they name), notes or free-text justifications.
    Board,
}

impl Profile {
    pub const ALL: [Profile; 3] = [Profile::Full, Profile::Auditor, Profile::Board];

    pub fn label(self) -> &'static str {
        match self {
            Profile::Full => "Full (internal)",
            Profile::Auditor => "For the auditor (no private notes)",
            Profile::Board => "Board summary (no names, no notes)",
        }
    }

    pub fn code(self) -> &'static str {
        match self {
            Profile::Full => "full",
            Profile::Auditor => "auditor",
            Profile::Board => "board",
        }
    }

    /// Whom a downloaded file is for, in its name: the internal report with its private notes is
    /// not sent to the board by mistake.
    pub fn audience(self) -> &'static str {
        match self {
            Profile::Full => "internal",
            Profile::Auditor => "for-auditor",
            Profile::Board => "board",
        }
    }

    /// Whether owners, evidence details and justifications are shown.
    pub fn shows_details(self) -> bool {
        self != Profile::Board
    }
}

/// The export formats, for file names and MIME types.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Kind {
    Markdown,
    Html,
    Csv,
    Backup,
    Oscal,
    Calendar,
}

impl Kind {
    pub fn extension(self) -> &'static str {
        match self {
            Kind::Markdown => "md",
            Kind::Html => "html",
            Kind::Csv => "csv",
            Kind::Backup | Kind::Oscal => "json",
            Kind::Calendar => "ics",
        }
    }

    pub fn mime(self) -> &'static str {
        match self {
            Kind::Markdown => "text/markdown;charset=utf-8",
            Kind::Html => "text/html;charset=utf-8",
            Kind::Csv => "text/csv;charset=utf-8",
            Kind::Backup | Kind::Oscal => "application/json",
            Kind::Calendar => "text/calendar;charset=utf-8",
        }
    }

    fn stem(self) -> &'static str {
        match self {
            Kind::Markdown | Kind::Html => "audit-readiness",
            Kind::Csv => "audit-readiness-plan",
            Kind::Backup => "audit-readiness-backup",
            Kind::Oscal => "audit-readiness-oscal",
            Kind::Calendar => "audit-readiness-calendar",
        }
    }
}

/// The download name, e.g. `audit-readiness-2026-11-23.md`.
pub fn filename(kind: Kind, today: NaiveDate) -> String {
    format!("{}-{}.{}", kind.stem(), iso(today), kind.extension())
}

/// The backup's download name with the local time it was made, e.g.
/// `audit-readiness-backup-2026-11-23-1432.json`: two backups of one day, say a teammate's and
/// mine, are told apart (founder pass: one saved over the other).
pub fn backup_filename(today: NaiveDate, (hour, minute): (u32, u32)) -> String {
    format!("audit-readiness-backup-{}-{hour:02}{minute:02}.json", iso(today))
}

/// The download name of a report on one named assessment for one audience, e.g.
/// `audit-readiness-stage-2-march-board-2026-11-23.md`: the audience in the name, so the
/// internal report with its private notes is not sent to the board by mistake. The backup holds
/// every assessment, whatever the audience, so its name carries neither.
pub fn filename_named(kind: Kind, today: NaiveDate, assessment_name: &str, profile: Profile) -> String {
    if kind == Kind::Backup {
        return filename(kind, today);
    }
    // Up to 48 characters, cut at a word's end (export pass of stop 45: "…-http-evi-internal").
    let slug = crate::domain::roles::model::slug(assessment_name);
    let slug = match slug.char_indices().nth(48) {
        None => slug.as_str(),
        Some((end, next)) => match next == '-' {
            true => &slug[..end],
            false => slug[..end].rsplit_once('-').map_or(&slug[..end], |(words, _)| words),
        },
    };
    let named = match slug.trim_end_matches('-') {
        "" => String::new(),
        slug => format!("-{slug}"),
    };
    format!("{}{named}-{}-{}.{}", kind.stem(), profile.audience(), iso(today), kind.extension())
}
