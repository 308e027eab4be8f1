//! iCalendar: CRLF and folding, escaping, recurring duties, due dates of open findings, UIDs kept, the audit day.

use crate::export_fixture::*;
use crate::full_report;
use audit_readiness::domain::export::{ics, ids, Report};
use audit_readiness::domain::findings::FindingKind;
use audit_readiness::domain::remediation::{Remediation, Status};
use audit_readiness::domain::{Answer, Assessment, Catalog};
use std::collections::{BTreeMap, BTreeSet};

/// Physical lines, checking every one ends in CRLF.
fn physical_lines(text: &str) -> Vec<&str> {
    assert!(text.ends_with("\r\n"));
    let lines: Vec<&str> = text[..text.len() - 2].split("\r\n").collect();
    for line in &lines {
        assert!(!line.contains('\n') && !line.contains('\r'), "bare line break in {line:?}");
    }
    lines
}

/// Logical content lines (folded continuations joined).
fn unfolded(text: &str) -> Vec<String> {
    text.replace("\r\n ", "").trim_end().split("\r\n").map(String::from).collect()
}

#[test]
fn ics_lines_are_crlf_and_folded_at_75_octets() {
    let text = ics::render(&full_report());
    let lines = physical_lines(&text);
    assert!(lines.iter().all(|l| l.len() <= 75), "{:?}", lines.iter().find(|l| l.len() > 75));
    assert!(lines.iter().any(|l| l.len() == 75), "long lines are folded right at the limit");
    assert!(lines.iter().any(|l| l.starts_with(' ')), "something was folded");
    assert_eq!(lines[0], "BEGIN:VCALENDAR");
    assert!(lines.contains(&"VERSION:2.0") && lines.iter().any(|l| l.starts_with("PRODID:")));
    assert_eq!(*lines.last().unwrap(), "END:VCALENDAR");
    // Folding never splits a multi-byte character, and unfolding restores the text.
    let mut a = realistic(Catalog::builtin());
    let owner = "Zoë Ångström-Øvergård ✓ ".repeat(6);
    for plan in a.remediation.values_mut() {
        plan.owner = owner.clone();
    }
    let text = ics::render(&Report::new(Catalog::builtin(), &a, today()));
    assert!(physical_lines(&text).iter().all(|l| l.len() <= 75));
    assert!(unfolded(&text).iter().any(|l| l.contains(owner.trim())));
}

#[test]
fn ics_text_values_are_escaped() {
    assert_eq!(ics::text("a;b,c\\d\ne\r\nf"), "a\\;b\\,c\\\\d\\ne\\nf");
    let text = ics::render(&full_report());
    let logical = unfolded(&text);
    // The owner "Chief Executive, "CEO"; deputy: Lee" is on an open finding.
    assert!(logical.iter().any(|l| l.starts_with("DESCRIPTION:") && l.contains("Chief Executive\\, \"CEO\"\\; deputy: Lee")));
    for line in logical.iter().filter(|l| l.starts_with("SUMMARY:") || l.starts_with("DESCRIPTION:")) {
        let value = line.split_once(':').unwrap().1;
        let mut chars = value.chars();
        while let Some(c) = chars.next() {
            match c {
                '\\' => assert!(matches!(chars.next(), Some('\\' | ';' | ',' | 'n' | 'N')), "bad escape in {line}"),
                ';' | ',' => panic!("unescaped {c} in {line}"),
                _ => {}
            }
        }
    }
}

fn events(text: &str) -> Vec<Vec<String>> {
    let mut out = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in unfolded(text) {
        match line.as_str() {
            "BEGIN:VEVENT" => current = Some(Vec::new()),
            "END:VEVENT" => out.push(current.take().unwrap()),
            _ => {
                if let Some(c) = current.as_mut() {
                    c.push(line);
                }
            }
        }
    }
    out
}

fn prop<'a>(event: &'a [String], name: &str) -> Option<&'a str> {
    event.iter().find_map(|l| l.strip_prefix(name))
}

#[test]
fn ics_has_recurring_duties_open_due_dates_and_the_audit_day() {
    let r = full_report();
    let text = ics::render(&r);
    let events = events(&text);
    let rules: Vec<&str> = events.iter().filter_map(|e| prop(e, "RRULE:")).collect();
    assert_eq!(rules.iter().filter(|r| **r == "FREQ=MONTHLY;INTERVAL=3").count(), 2, "quarterly review and reminders");
    assert_eq!(rules.iter().filter(|r| **r == "FREQ=YEARLY").count(), 3, "CEO message, internal audit, policy review");
    for e in &events {
        assert_eq!(prop(e, "DTSTAMP:"), Some("20261123T000000Z"));
        assert!(prop(e, "UID:").is_some_and(|uid| ids::is_uuid(&uid[..36]) && uid.ends_with("@audit-readiness-check")));
        let start = prop(e, "DTSTART;VALUE=DATE:").unwrap();
        assert!(start.len() == 8 && start.chars().all(|c| c.is_ascii_digit()));
        if prop(e, "RRULE:").is_some() {
            assert!(start > "20261123", "duties start after today: {start}");
        }
    }
    let uids: BTreeSet<&str> = events.iter().filter_map(|e| prop(e, "UID:")).collect();
    assert_eq!(uids.len(), events.len(), "unique UIDs");
    // One dated event per finding, plus the audit day. Every finding is open: one whose line is
    // marked done keeps its event and says it is still open (auditor probe: it vanished).
    let gaps = r.gaps();
    let unanswered = |g: &&audit_readiness::domain::export::Gap| g.finding.kind == FindingKind::Unanswered && g.plan.status == Status::Open;
    let open: Vec<_> = gaps.iter().filter(|g| !unanswered(g)).collect();
    let done: Vec<_> = gaps.iter().filter(|g| g.plan.status == Status::Done).collect();
    assert!(!done.is_empty());
    let due_events: Vec<&Vec<String>> = events.iter().filter(|e| prop(e, "SUMMARY:").is_some_and(|s| s.starts_with("Due: "))).collect();
    assert!(text.replace("\r\n ", "").contains("Status: Marked done\\, still open."), "the marked-done events say they are still open");
    // More than three lines due on one day are one event listing them (year-later pass: 62 on
    // one day); fewer keep an event each.
    let mut per_day: BTreeMap<String, Vec<_>> = BTreeMap::new();
    for g in &open {
        per_day.entry(g.plan.due.unwrap().format("%Y%m%d").to_string()).or_default().push(g);
    }
    let expected: usize = per_day.values().map(|lines| if lines.len() > ics::LINES_A_DAY { 1 } else { lines.len() }).sum();
    assert_eq!(due_events.len(), expected);
    assert!(per_day.values().any(|lines| lines.len() > ics::LINES_A_DAY), "the realistic plan has a busy day");
    let unfolded = text.replace("\r\n ", "");
    for (due, lines) in &per_day {
        let on_day: Vec<_> = due_events.iter().filter(|e| prop(e, "DTSTART;VALUE=DATE:") == Some(&due[..])).collect();
        if lines.len() > ics::LINES_A_DAY {
            assert_eq!(on_day.len(), 1, "{due}");
            assert_eq!(prop(on_day[0], "SUMMARY:"), Some(&format!("Due: {} plan lines", lines.len())[..]));
            for g in lines {
                let line = ics::text(&format!("- {} {}: {}", g.finding.reference, g.title(), g.predicted_text()));
                assert!(unfolded.contains(&line), "{} listed", g.finding.id);
            }
            continue;
        }
        for g in lines {
            let summary = ics::text(&format!("Due: {} {}", g.finding.reference, g.title()));
            assert!(on_day.iter().any(|e| prop(e, "SUMMARY:") == Some(&summary[..])), "{}", g.finding.id);
        }
    }
    // Questions not answered yet due on one day are one event listing them (founder pass: seventy
    // events on one day).
    let to_answer: Vec<_> = gaps.iter().filter(unanswered).collect();
    assert!(to_answer.len() >= 2, "the realistic assessment leaves questions open");
    let answer_events: Vec<&Vec<String>> =
        events.iter().filter(|e| prop(e, "SUMMARY:").is_some_and(|s| s.starts_with("Answer "))).collect();
    let days: BTreeSet<String> = to_answer.iter().map(|g| g.plan.due.unwrap().format("%Y%m%d").to_string()).collect();
    assert_eq!(answer_events.len(), days.len(), "one event per day");
    for g in &to_answer {
        let due = g.plan.due.unwrap().format("%Y%m%d").to_string();
        let line = ics::text(&format!("- {} {}", g.finding.reference, g.title()));
        assert!(unfolded.contains(&line), "{} listed", g.finding.id);
        assert!(!unfolded.contains(&ics::text(&format!("Due: {} {}", g.finding.reference, g.title()))), "{}", g.finding.id);
        assert!(answer_events.iter().any(|e| prop(e, "DTSTART;VALUE=DATE:") == Some(&due[..])), "{}", g.finding.id);
    }
    let n = to_answer.iter().filter(|g| g.plan.due == to_answer[0].plan.due).count();
    let first_day = to_answer[0].plan.due.unwrap().format("%Y%m%d").to_string();
    let summary = if n == 1 { "Answer 1 open question".to_string() } else { format!("Answer {n} open questions") };
    assert!(answer_events
        .iter()
        .any(|e| prop(e, "DTSTART;VALUE=DATE:") == Some(&first_day[..]) && prop(e, "SUMMARY:") == Some(&summary[..])));
    assert!(events
        .iter()
        .any(|e| prop(e, "DTSTART;VALUE=DATE:") == Some("20270301")
            && prop(e, "SUMMARY:").is_some_and(|s| s.starts_with("ISO/IEC 27001 audit"))));
    // Without an audit date there is no audit event, and the internal audit still gets a date.
    let none = Report::new(r.catalog, &Assessment::default(), today());
    let plain = events_of(&none);
    assert!(!plain.iter().any(|e| prop(e, "SUMMARY:").is_some_and(|s| s.starts_with("ISO/IEC 27001 audit"))));
    assert_eq!(plain.iter().filter(|e| prop(e, "RRULE:").is_some()).count(), 5);
}

fn events_of(r: &Report) -> Vec<Vec<String>> {
    events(&ics::render(r))
}

fn internal_audit_start(today: chrono::NaiveDate, audit: chrono::NaiveDate) -> String {
    let a = Assessment { audit_date: Some(audit), ..Assessment::default() };
    let events = events_of(&Report::new(Catalog::builtin(), &a, today));
    let event = events.iter().find(|e| prop(e, "SUMMARY:").is_some_and(|s| s.starts_with("Internal audit"))).unwrap();
    prop(event, "DTSTART;VALUE=DATE:").unwrap().to_string()
}

#[test]
fn the_internal_audit_is_before_the_audit_and_never_on_29_february() {
    // Two months before the audit; that day being 29 February, the 28th (a yearly event on the
    // 29th would only recur in leap years).
    assert_eq!(internal_audit_start(day(2027, 12, 1), day(2028, 4, 29)), "20280228");
    assert_eq!(internal_audit_start(day(2026, 11, 23), day(2027, 3, 1)), "20261231");
    // Less than two months left: within the week if that is still before the audit (year-later
    // pass: the first of next month fell four days before it)...
    assert_eq!(internal_audit_start(day(2026, 11, 23), day(2026, 12, 20)), "20261130");
    assert_eq!(internal_audit_start(day(2026, 12, 6), day(2027, 1, 5)), "20261213");
    // ...or else tomorrow, not after the audit.
    assert_eq!(internal_audit_start(day(2026, 11, 23), day(2026, 11, 28)), "20261124");
}

#[test]
fn a_due_date_event_keeps_its_uid_when_the_gap_becomes_a_partial() {
    use audit_readiness::domain::findings::all_findings;
    use audit_readiness::domain::remediation::edit_plan_due_as;
    let catalog = Catalog::builtin();
    let mut a = Assessment::default();
    a.set_answer("C53-PRE-01", Answer::No, today());
    let gap = all_findings(catalog, &a, today()).into_iter().find(|f| f.item_id == "C53-PRE-01").unwrap();
    edit_plan_due_as(&gap, gap.severity, &mut a, today(), |p| p.due = Some(day(2027, 1, 15)));
    let uid_of = |a: &Assessment| {
        let events = events_of(&Report::new(catalog, a, today()));
        let event = events.iter().find(|e| prop(e, "DTSTART;VALUE=DATE:") == Some("20270115")).expect("the due date's event").clone();
        prop(&event, "UID:").unwrap().to_string()
    };
    let before = uid_of(&a);
    a.set_answer("C53-PRE-01", Answer::Partly, today());
    assert_eq!(uid_of(&a), before, "a re-import updates the event instead of adding a second");
}

#[test]
fn each_assessments_calendar_has_its_own_uids_kept_across_re_exports_and_its_name() {
    use audit_readiness::domain::export::Profile;
    let catalog = Catalog::builtin();
    let a = realistic(catalog);
    let calendar = |id: &str, name: &str| ics::render(&Report::new(catalog, &a, today()).named(name).identified(id));
    let uids = |text: &str| -> BTreeSet<String> { events(text).iter().map(|e| prop(e, "UID:").unwrap().to_string()).collect() };
    let stage1 = uids(&calendar("a1", "Stage 1 dry run"));
    // Another assessment of the same workspace, even with the same answers or the same name.
    assert!(stage1.is_disjoint(&uids(&calendar("a2", "Stage 2, March"))));
    assert!(stage1.is_disjoint(&uids(&calendar("a2", "Stage 1 dry run"))));
    // Renaming starts new events (the name is part of the identity).
    assert!(stage1.is_disjoint(&uids(&calendar("a1", "Stage 1 rehearsal"))));
    // Exported again, for another audience, a week later after an answer changed: the same UIDs
    // for the same events, so a re-import updates them.
    assert_eq!(uids(&calendar("a1", " Stage 1 dry run ")), stage1);
    let mut later = a.clone();
    later.set_answer("C53-PRE-02", Answer::Yes, day(2026, 11, 30));
    let again =
        ics::render(&Report::new(catalog, &later, day(2026, 11, 30)).named("Stage 1 dry run").identified("a1").redacted(Profile::Board));
    let by_summary = |text: &str| -> Vec<(String, String)> {
        events(text).iter().map(|e| (prop(e, "SUMMARY:").unwrap().to_string(), prop(e, "UID:").unwrap().to_string())).collect()
    };
    let before = by_summary(&calendar("a1", "Stage 1 dry run"));
    let after = by_summary(&again);
    let common: Vec<_> = after.iter().filter(|(summary, _)| before.iter().any(|(s, _)| s == summary)).collect();
    assert!(common.len() > 10, "{common:?}");
    assert!(common.iter().all(|pair| before.contains(pair)), "an event changed its UID");
    // The calendar says whose it is.
    let named = unfolded(&calendar("a2", "Stage 2, March; \"final\""));
    assert!(named.contains(&"X-WR-CALNAME:Audit readiness: Stage 2\\, March\\; \"final\"".to_string()), "{named:?}");
    assert!(named.contains(&"NAME:Audit readiness: Stage 2\\, March\\; \"final\"".to_string()));
    assert!(unfolded(&ics::render(&full_report())).contains(&"X-WR-CALNAME:Audit readiness".to_string()));
}

#[test]
fn a_recurring_duty_falls_due_before_its_record_lapses() {
    // Second auditor probe: the quarterly management review reminder came two days after the
    // yearly review's record lapsed, beside a due date the day before.
    let catalog = Catalog::builtin();
    let mut a = realistic(catalog);
    let produced = day(2025, 11, 30); // a yearly record, valid through 2026-11-30
    a.responses.remove("MGT-STEP-06");
    a.set_answer("MGT-STEP-06", Answer::Yes, today());
    a.edit_evidence("MGT-STEP-06", |list| {
        list.push(audit_readiness::domain::EvidenceRecord {
            what: "Review minutes".into(),
            produced_on: Some(produced),
            ..Default::default()
        })
    });
    let events = events_of(&Report::new(catalog, &a, today()));
    let review = events.iter().find(|e| prop(e, "SUMMARY:").is_some_and(|s| s.starts_with("Management review"))).unwrap();
    assert_eq!(prop(review, "DTSTART;VALUE=DATE:"), Some("20261130"), "its last valid day");
}

#[test]
fn a_lapsed_recurring_duty_falls_due_by_its_last_day_to_hold_it() {
    // Auditor probe of stop 49: with the review's record lapsed, its quarterly event started 46
    // days before the audit, months after the day the plan said to hold it by (after which it is
    // a cycle missed, a major).
    let catalog = Catalog::builtin();
    let mut a = realistic(catalog);
    a.audit_date = Some(day(2027, 11, 23));
    a.responses.remove("MGT-STEP-06");
    a.set_answer("MGT-STEP-06", Answer::Yes, today());
    a.edit_evidence("MGT-STEP-06", |list| {
        list.push(audit_readiness::domain::EvidenceRecord {
            what: "Review minutes".into(),
            produced_on: Some(day(2025, 11, 18)), // lapsed 2026-11-18; held by 2027-02-17 at the latest
            ..Default::default()
        })
    });
    let events = events_of(&Report::new(catalog, &a, today()));
    let review = events.iter().find(|e| prop(e, "SUMMARY:").is_some_and(|s| s.starts_with("Management review"))).unwrap();
    assert_eq!(prop(review, "DTSTART;VALUE=DATE:"), Some("20270217"));
}

#[test]
fn the_calendar_puts_past_dates_on_today_and_leaves_out_an_audit_already_held() {
    // Year-later pass: overdue plan lines were exported on their old dates, which remind nobody,
    // and an audit held months ago was still an event.
    let catalog = Catalog::builtin();
    let mut a = realistic(catalog);
    let before = Report::new(catalog, &a, today());
    let answered: Vec<String> =
        before.gaps().iter().filter(|g| g.finding.kind != FindingKind::Unanswered).map(|g| g.finding.id.to_string()).take(2).collect();
    let month_ago = day(2026, 10, 24);
    a.remediation.insert(answered[0].clone(), Remediation { due: Some(month_ago), status: Status::Open, ..Remediation::default() });
    a.remediation.insert(answered[1].clone(), Remediation { due: Some(month_ago), status: Status::Done, ..Remediation::default() });
    let title = |r: &Report, id: &str| {
        r.gaps().iter().find(|g| g.finding.id == id).map(|g| format!("{} {}", g.finding.reference, g.title())).unwrap()
    };
    // The audit ahead: the two lines are today's only ones, an event each saying what it is.
    let r = Report::new(catalog, &a, today());
    let on_today: Vec<String> = events_of(&r)
        .iter()
        .filter(|e| prop(e, "DTSTART;VALUE=DATE:") == Some("20261123"))
        .map(|e| prop(e, "SUMMARY:").unwrap().to_string())
        .collect();
    let overdue = ics::text(&format!("Overdue since 2026-10-24: {}", title(&r, &answered[0])));
    let done = ics::text(&format!("Still open: {} (marked done)", title(&r, &answered[1])));
    assert_eq!(on_today, vec![overdue, done]);
    // The audit held five days ago: no event for it, none in the past, and the day's list says
    // since when a line is overdue.
    a.audit_date = Some(day(2026, 11, 18));
    let r = Report::new(catalog, &a, today());
    let events = events_of(&r);
    assert!(!events.iter().any(|e| prop(e, "SUMMARY:").is_some_and(|s| s.starts_with("ISO/IEC 27001 audit"))), "an audit already held");
    for e in &events {
        assert!(prop(e, "DTSTART;VALUE=DATE:").unwrap() >= "20261123", "{e:?}");
    }
    let busy = events.iter().find(|e| prop(e, "SUMMARY:").is_some_and(|s| s.starts_with("Due: ") && s.contains(" plan lines"))).unwrap();
    assert!(prop(busy, "SUMMARY:").unwrap().ends_with("plan lines\\, 1 overdue"), "{:?}", prop(busy, "SUMMARY:"));
    let list = prop(busy, "DESCRIPTION:").unwrap();
    let line = list.split("\\n").find(|l| l.starts_with(&ics::text(&format!("- {}:", title(&r, &answered[0]))))).unwrap();
    assert!(line.ends_with("Overdue since 2026-10-24."), "{line}");
    // An audit today is still ahead.
    a.audit_date = Some(today());
    assert!(events_of(&Report::new(catalog, &a, today()))
        .iter()
        .any(|e| prop(e, "SUMMARY:").is_some_and(|s| s.starts_with("ISO/IEC 27001 audit"))));
}
