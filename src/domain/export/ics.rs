//! An iCalendar file (RFC 5545) of the duties that keep the leadership evidence fresh, the due
//! date of every open remediation item, and the audit day. All events are all-day events; lines
//! end in CRLF and are folded at 75 octets; text values are escaped.

use chrono::Timelike;
use chrono::{Datelike, Days, Months, NaiveDate};

use std::collections::BTreeMap;

use super::{ids, Report};
use crate::domain::evidence::newest_record;
use crate::domain::findings::FindingKind;
use crate::domain::remediation::Status;
use crate::domain::wording::counted;

/// One calendar event before serialisation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Event {
    /// Stable identity of the event within its assessment (the UID is derived from it and the
    /// assessment's, so re-imports update events; see [`uid`]).
    pub key: String,
    pub start: NaiveDate,
    pub summary: String,
    pub description: String,
    pub rrule: Option<&'static str>,
}

pub const QUARTERLY: &str = "FREQ=MONTHLY;INTERVAL=3";
pub const YEARLY: &str = "FREQ=YEARLY";

/// The recurring leadership duties, each starting its interval after the newest record of the
/// item it keeps fresh, or without one from the first of next month (staggered so they do not all
/// land on one day); the internal audit and the management review then go two months before the
/// certification audit when there is still time for that.
pub fn duties(report: &Report) -> Vec<Event> {
    let today = report.today;
    let first = NaiveDate::from_ymd_opt(today.year(), today.month(), 1).and_then(|d| d.checked_add_months(Months::new(1))).unwrap_or(today);
    let months = |n: u32| first.checked_add_months(Months::new(n)).unwrap_or(first);
    // Two months before an upcoming audit; with less time left, as soon as possible and still
    // before it.
    let internal_audit = match report.audit_date {
        Some(audit) if audit > today => audit.checked_sub_days(Days::new(60)).filter(|d| *d > today).unwrap_or_else(|| {
            // Within the week, and two weeks before the audit at the latest so the review can
            // follow; tomorrow when closer (year-later pass: the first of next month put it four
            // days before the audit, with 26 usable days left).
            let week = today.checked_add_days(Days::new(7)).unwrap_or(today);
            week.min(audit.checked_sub_days(Days::new(14)).unwrap_or(audit)).max(today.succ_opt().unwrap_or(today))
        }),
        _ => first,
    };
    // The review considers the internal audit's results (Clause 9.3.2): two weeks after it, or
    // the day before an audit too close for that (planning pass of stop 44: both fell on one day).
    let after_audit = internal_audit.checked_add_days(Days::new(14)).unwrap_or(internal_audit);
    let review = match report.audit_date {
        Some(audit) if audit > today && after_audit >= audit => audit.pred_opt().unwrap_or(audit).max(internal_audit),
        _ => after_audit,
    };
    let due = |item_id: &str, months: u32, fallback: NaiveDate| next_due(report, item_id, months, fallback);
    let duty = |key: &str, start: NaiveDate, summary: &str, description: &str, rrule| Event {
        key: format!("duty/{key}"),
        // A yearly event on 29 February would recur only in leap years (RFC 5545 skips
        // invalid dates): the 28th instead.
        start: if rrule == YEARLY && (start.month(), start.day()) == (2, 29) { start.pred_opt().unwrap_or(start) } else { start },
        summary: summary.to_string(),
        description: description.to_string(),
        rrule: Some(rrule),
    };
    vec![
        duty(
            "management-review",
            // Like the internal audit, before an upcoming audit when no review on record is recent.
            due("MGT-STEP-06", 3, review),
            "Management review (quarterly)",
            "Top management reviews the ISMS: results, audit outcomes, objectives, risks and changes. Keep minutes with decisions and actions (Clause 9.3). Quarterly is the full step of A 5.4; at least one review a year, held before the audit, is the minimum.",
            QUARTERLY,
        ),
        duty(
            "security-reminder",
            due("C53-COM-04", 3, first.checked_add_days(Days::new(14)).unwrap_or(first)),
            "Security reminder to all staff (quarterly)",
            "Send a short reminder of security responsibilities and how to report incidents; keep a copy as awareness evidence (Clause 7.3).",
            QUARTERLY,
        ),
        duty(
            "ceo-message",
            due("C51-BP-04", 12, months(1)),
            "CEO all-staff security message (yearly)",
            "The CEO tells everyone, in person or in writing, why information security matters and what is expected of them; keep the message and the date (Clause 5.1).",
            YEARLY,
        ),
        duty(
            "policy-review",
            due("C52-POL-08", 12, months(2)),
            "Information security policy review (yearly)",
            "Review the policy, record the approval by top management and communicate any change (Clause 5.2).",
            YEARLY,
        ),
        duty(
            "internal-audit",
            due("C53-ISM-02", 12, internal_audit),
            "Internal audit of the ISMS (yearly)",
            "Run the internal audit programme, report the results to management and track corrective actions (Clause 9.2).",
            YEARLY,
        ),
    ]
}

/// When a duty next falls due: its interval after the newest record of the item it keeps fresh
/// (auditor probe: an internal audit held ten days ago was scheduled for tomorrow, and a quarterly
/// management review for after the audit); without a record, or with one overdue, `fallback`.
/// Never after the newest record lapses, while it is still valid: on its last valid day at the
/// latest (second auditor probe: a quarterly review reminder fell two days after the yearly
/// review's record lapsed).
fn next_due(report: &Report, item_id: &str, months: u32, fallback: NaiveDate) -> NaiveDate {
    let today = report.today;
    let newest = report.assessment.response(item_id).and_then(|r| newest_record(r, today));
    let next = newest.and_then(|n| n.checked_add_months(Months::new(months))).filter(|next| *next > today).unwrap_or(fallback);
    let cadence = report.item(item_id).and_then(|item| item.cadence);
    let lapses = newest.zip(cadence).and_then(|(n, c)| crate::domain::evidence::expires_on(c, n)).filter(|end| *end > today);
    // Lapsed, but not yet a cycle missed: by the last day to hold it, as its plan line (auditor
    // probe of stop 49: the review's quarterly event started after that day).
    let hold_by = report.item(item_id).zip(report.assessment.response(item_id));
    let hold_by = hold_by.and_then(|(item, response)| crate::domain::evidence::late_hold_by(item, response, today));
    lapses.or(hold_by).map_or(next, |end| next.min(end))
}

/// More plan lines than this due on one day are one event that lists them (year-later pass: a
/// lapsed year's records put 62 events on one day).
pub const LINES_A_DAY: usize = 3;

/// One event per finding on its due date, plus the audit day when it is set and still ahead.
/// Every finding is open: one whose plan line is marked done keeps its event, which says so
/// (auditor probe: an open major marked done vanished from the calendar). A date already past
/// is today's: an event in the past reminds nobody (year-later pass), and the summary says since
/// when the line is overdue.
///
/// Questions not answered yet (or "not sure") due on the same day, their plan lines not taken up
/// yet (open, neither in progress nor marked done), are one event that lists them (with owners):
/// not a confirmed gap each, and one event apiece filled one day with seventy (founder pass).
pub fn deadlines(report: &Report) -> Vec<Event> {
    let today = report.today;
    let mut to_answer: BTreeMap<NaiveDate, Vec<String>> = BTreeMap::new();
    let mut by_day: BTreeMap<NaiveDate, Vec<(Event, String, bool)>> = BTreeMap::new();
    for g in report.gaps() {
        let Some(due) = g.plan.due else { continue };
        let start = due.max(today);
        let owner = g.owner_text();
        // Only a line nobody has taken up yet: one in progress or marked done keeps its event.
        if g.finding.kind == FindingKind::Unanswered && g.plan.status == Status::Open {
            to_answer.entry(start).or_default().push(format!("- {} {}{}", g.finding.reference, g.title(), owner_words(&owner)));
            continue;
        }
        let mut description = format!("{}. Predicted: {}. Status: {}.", g.kind_text(), g.predicted_text(), g.status_text());
        // As the plan's row flags it (planning pass of stop 44: the calendar dropped it).
        let warning = crate::domain::remediation::due_warning(g.plan, today, report.audit_date);
        if let Some(warning) = warning {
            description.push_str(&format!(" {}.", warning.label()));
        }
        if !owner.is_empty() {
            description.push_str(&format!(" Owner: {owner}."));
        }
        description.push_str(&format!("\n{}\nNext step: {}", g.finding.explanation, g.finding.remediation));
        // A line not done whose date has passed (a line marked done is past too, but still open).
        let overdue = warning == Some(crate::domain::remediation::DueWarning::Overdue);
        let since = format!("Overdue since {}", super::iso(due));
        let (what, status) = (format!("{} {}", g.finding.reference, g.title()), g.status_text());
        let line = format!(
            "- {what}: {}. Status: {status}.{}{}",
            g.predicted_text(),
            owner_words(&owner),
            if overdue { format!(" {since}.") } else { String::new() }
        );
        let summary = match (overdue, due < today) {
            (true, _) => format!("{since}: {what}"),
            (false, true) => format!("Still open: {what} (marked done)"),
            (false, false) => format!("Due: {what}"),
        };
        // By item, not by finding: a gap that becomes a partial keeps its plan line (see
        // remediation), so its calendar event is updated rather than duplicated.
        let event = Event { key: format!("due/{}", g.finding.item_id), start, summary, description, rrule: None };
        by_day.entry(start).or_default().push((event, line, overdue));
    }
    let mut events: Vec<Event> = Vec::new();
    for (day, lines) in by_day {
        if lines.len() <= LINES_A_DAY {
            events.extend(lines.into_iter().map(|(event, ..)| event));
            continue;
        }
        // The title says how many are overdue (second look: one 250 days late hid in the list).
        let overdue = match lines.iter().filter(|(.., overdue)| *overdue).count() {
            0 => String::new(),
            n => format!(", {n} overdue"),
        };
        let list: Vec<String> = lines.into_iter().map(|(_, line, _)| line).collect();
        events.push(Event {
            key: format!("due-day/{}", super::iso(day)),
            start: day,
            summary: format!("Due: {}{overdue}", counted(list.len(), "plan line", "plan lines")),
            description: format!("Open gaps on the remediation plan, each with what an auditor would raise:\n{}", list.join("\n")),
            rrule: None,
        });
    }
    events.extend(to_answer.into_iter().map(|(due, questions)| Event {
        key: format!("answer/{}", super::iso(due)),
        start: due,
        summary: format!("Answer {}", counted(questions.len(), "open question", "open questions")),
        description: format!(
            "Not answered yet, or answered “not sure”: until they are shown, an auditor treats each as not in place.\n{}",
            questions.join("\n")
        ),
        rrule: None,
    }));
    if let Some(audit) = report.audit_date.filter(|audit| *audit >= today) {
        events.push(Event {
            key: "audit".into(),
            start: audit,
            summary: "ISO/IEC 27001 audit (certification or surveillance)".into(),
            description: "Audit day. Everything on the remediation plan should be done and its evidence filed.".into(),
            rrule: None,
        });
    }
    events
}

/// " (owner: Ada)", or nothing.
fn owner_words(owner: &str) -> String {
    if owner.is_empty() {
        String::new()
    } else {
        format!(" (owner: {owner})")
    }
}

/// The whole calendar.
pub fn render(report: &Report) -> String {
    // When the file was made, in UTC (returning-user pass of stop 49: the local day at midnight
    // was labelled UTC, hours off, and the same for every file made that day).
    let stamp = match report.made_at_utc {
        Some(at) => format!("{}T{:02}{:02}{:02}Z", date(at.date()), at.hour(), at.minute(), at.second()),
        None => format!("{}T000000Z", date(report.today)),
    };
    let mut out = String::with_capacity(8 * 1024);
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Audit Readiness Check//Readiness calendar//EN",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        push_line(&mut out, line);
    }
    // The calendar's name (RFC 7986 NAME, and the X-WR-CALNAME most calendar apps read) says
    // whose it is, so the calendars of two assessments can be told apart.
    let name = match report.name.as_str() {
        "" => "Audit readiness".to_string(),
        name => text(&format!("Audit readiness: {name}")),
    };
    push_line(&mut out, &format!("NAME:{name}"));
    push_line(&mut out, &format!("X-WR-CALNAME:{name}"));
    for event in duties(report).into_iter().chain(deadlines(report)) {
        push_line(&mut out, "BEGIN:VEVENT");
        push_line(&mut out, &format!("UID:{}", uid(report, &event.key)));
        push_line(&mut out, &format!("DTSTAMP:{stamp}"));
        push_line(&mut out, &format!("DTSTART;VALUE=DATE:{}", date(event.start)));
        let end = event.start.checked_add_days(Days::new(1)).unwrap_or(event.start);
        push_line(&mut out, &format!("DTEND;VALUE=DATE:{}", date(end)));
        if let Some(rule) = event.rrule {
            push_line(&mut out, &format!("RRULE:{rule}"));
        }
        push_line(&mut out, &format!("SUMMARY:{}", text(&event.summary)));
        push_line(&mut out, &format!("DESCRIPTION:{}", text(&event.description)));
        push_line(&mut out, "TRANSP:TRANSPARENT");
        push_line(&mut out, "END:VEVENT");
    }
    push_line(&mut out, "END:VCALENDAR");
    out
}

/// The UID of an event. The calendars of two assessments never share one (imported into one
/// calendar, the second would silently replace the first's deadlines), and exporting the same
/// assessment again gives the same ones, so a re-import updates its events rather than adding
/// copies. An assessment is known by its id in the workspace and its name: renaming it starts a
/// new set of events (delete the old ones before importing the renamed assessment's calendar).
pub fn uid(report: &Report, key: &str) -> String {
    // The id never holds a '/', so "<id>/<name>" names one assessment only.
    let assessment = ids::uuid(&format!("assessment/{}/{}", report.id, report.name));
    format!("{}@audit-readiness-check", ids::uuid(&format!("ics/{assessment}/{key}")))
}

/// `YYYYMMDD`.
fn date(day: NaiveDate) -> String {
    format!("{:04}{:02}{:02}", day.year(), day.month(), day.day())
}

/// Escapes a TEXT value: backslash, semicolon, comma and line breaks (RFC 5545 §3.3.11).
pub fn text(value: &str) -> String {
    let mut out = String::with_capacity(value.len() + 8);
    let mut chars = value.chars().peekable();
    while let Some(ch) = chars.next() {
        match ch {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\r' => {
                if chars.peek() != Some(&'\n') {
                    out.push_str("\\n");
                }
            }
            '\n' => out.push_str("\\n"),
            // Calendar apps that show a description as HTML would read "<img …>" as a tag
            // (data-safety pass of stop 47): a space after the bracket keeps it text.
            '<' if chars.peek().is_some_and(|&next| next.is_ascii_alphabetic() || matches!(next, '/' | '!' | '?')) => out.push_str("< "),
            c if super::hidden(c) => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// Appends a content line, folded so no physical line exceeds 75 octets (continuations start
/// with a space), never splitting a UTF-8 character, and ended with CRLF.
fn push_line(out: &mut String, line: &str) {
    let mut used = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if used + len > 75 {
            out.push_str("\r\n ");
            used = 1;
        }
        out.push(ch);
        used += len;
    }
    out.push_str("\r\n");
}
