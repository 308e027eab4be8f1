//! What a file chosen for import is, before its text is read as a backup: one written in another
//! text encoding than the UTF-8 the app writes, or one of the app's own reports, each refused
//! with what to choose instead (data-safety pass of stop 52: a backup re-saved as Latin-1 was
//! called valid and its "é" merged in as "�"; the app's own CSV plan was called "not data saved
//! by this app").

/// Why a file in another text encoding is refused, after "This file cannot be imported: ".
pub const NOT_UTF8: &str = "it is not written in UTF-8, the text encoding the app writes (a text editor may have saved it \
                            in another), so letters such as “é” or “ü” in it would be lost";

/// Whether `bytes` are text as the browser reads it back whole: UTF-8, with or without its
/// byte-order mark, or UTF-16 announced by one.
pub fn written_as_text(bytes: &[u8]) -> bool {
    if bytes.starts_with(&[0xFF, 0xFE]) || bytes.starts_with(&[0xFE, 0xFF]) {
        return true;
    }
    std::str::from_utf8(bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]).unwrap_or(bytes)).is_ok()
}

/// Which of the app's own reports a file is, by the name the app gave it (a browser may add
/// " (1)" before the extension): "the CSV plan". Not a backup's name.
pub fn own_report(file_name: &str) -> Option<&'static str> {
    let name = file_name.to_ascii_lowercase();
    let ours = name.starts_with("audit-readiness-") || name.starts_with("interview-brief-");
    if !ours || name.starts_with("audit-readiness-backup") || name.starts_with("audit-readiness-kept") {
        return None;
    }
    let extension = name.rsplit_once('.').map_or("", |(_, ext)| ext);
    match extension {
        "csv" => Some("the CSV plan"),
        "ics" => Some("the calendar"),
        "md" if name.starts_with("interview-brief-") => Some("an interview brief"),
        "md" => Some("a Markdown report"),
        "html" | "htm" => Some("an HTML report"),
        "json" if name.starts_with("audit-readiness-oscal") => Some("the OSCAL assessment results"),
        _ => None,
    }
}

/// The refusal of one of the app's own reports, after "This file cannot be imported: ".
pub fn report_refused(report: &str) -> String {
    format!("it is {report} this app made, and reports are not read back in")
}
