//! What a file chosen for import is, before its text is read as a backup: one written in another
//! text encoding than the UTF-8 the app writes, or one of the app's own reports, each refused
//! with what to choose instead (data-safety pass of stop 52: a backup re-saved as Latin-1 was
//! called valid and its "é" merged in as "�"; the app's own CSV plan was called "not data saved
//! by this app").

/// Why a file in another text encoding is refused, after "This file cannot be imported: ", with
/// what to do (UX pass of stop 52: it said none).
pub const NOT_UTF8: &str = "its text was saved in another format than the one the app writes (UTF-8), so letters such as \
                            “é” or “ü” would come out wrong. This happens when a backup is opened and saved again in a \
                            text editor. Choose the backup as the app downloaded it, or save this file again as UTF-8 and \
                            choose it again";

/// Why a zip or gzip file is refused, after "This file cannot be imported: ".
pub const PACKED: &str = "it is compressed. Unpack it first, then choose the backup (.json) inside";

/// Why a file whose bytes are not all text is refused, read whole (the browser decodes what is
/// no UTF-8 as "�"), before its text is read as a backup: one of the app's own reports by its
/// name, a packed file, a file of another kind altogether, or text in another encoding. `None`
/// when the bytes are text. (UX pass of stop 52: a PDF, a zip and the CSV plan re-saved by a
/// spreadsheet were all told they were text in another encoding.)
pub fn refused_bytes(file_name: &str, bytes: &[u8]) -> Option<String> {
    if written_as_text(bytes) {
        return None;
    }
    let name = file_name.to_ascii_lowercase();
    Some(match own_report(file_name) {
        Some(report) => report_refused(report),
        None if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(&[0x1F, 0x8B]) || name.ends_with(".zip") || name.ends_with(".gz") => {
            PACKED.into()
        }
        // Text never holds a NUL; PDFs, images and the like do.
        None if bytes.contains(&0) || bytes.starts_with(b"%PDF") => crate::domain::persist::NOT_OURS.into(),
        None => NOT_UTF8.into(),
    })
}

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
        "csv" => Some("the CSV remediation plan"),
        "ics" => Some("the calendar"),
        "md" if name.starts_with("interview-brief-") => Some("an interview brief"),
        "md" => Some("a Markdown report"),
        "html" | "htm" => Some("an HTML report"),
        "json" if name.starts_with("audit-readiness-oscal") => Some("the OSCAL assessment results"),
        _ => None,
    }
}

/// How the refusal of one of the app's own reports ends.
pub const REPORTS_TAIL: &str = "not the plan or the reports";

/// The refusal of one of the app's own reports, after "This file cannot be imported: ".
pub fn report_refused(report: &str) -> String {
    format!("it is {report} this app made. Only a backup can be imported, not the plan or the reports")
}
