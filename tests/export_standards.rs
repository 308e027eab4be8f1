//! Standard formats: OSCAL assessment results (one finding per item, right state, valid unique
//! UUIDs, reproducible) and iCalendar (CRLF, folding, escaping, recurring duties, due dates of
//! open findings only). Also the hand-written SHA-1 and UUID v5 against published values.

mod export_fixture;

use std::collections::{BTreeMap, BTreeSet};

use audit_readiness::domain::export::{ics, ids, oscal, Report};
use audit_readiness::domain::findings::FindingKind;
use audit_readiness::domain::remediation::{Remediation, Status};
use audit_readiness::domain::{Answer, Assessment, Catalog};
use export_fixture::*;
use serde_json::Value;

fn full_report() -> Report<'static> {
    let catalog = Catalog::builtin();
    Report::new(catalog, &realistic(catalog), today())
}

#[test]
fn sha1_and_uuid_v5_match_published_values() {
    assert_eq!(ids::hex(&ids::sha1(b"abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
    assert_eq!(ids::hex(&ids::sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    let long = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    assert_eq!(ids::hex(&ids::sha1(long)), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    // FIPS 180-2's third test: a million times "a" (whole blocks read straight from the data).
    assert_eq!(ids::hex(&ids::sha1(&vec![b'a'; 1_000_000])), "34aa973cd4c4daa4f61eeb2bdbad27316534016f");
    // Each length around a block's edge, where the padding takes one block or two; the digests
    // are Python's hashlib.sha1(bytes((i * 7) % 251 for i in range(n))).
    for (n, digest) in [
        (55, "a83f94113f5292bb7ed9d7df07178ad7d931341a"),
        (56, "372e1b20329e0b2862472089ac00c55505116275"),
        (63, "6944938dc131b6453b7d9637cfcbad8a3db28104"),
        (64, "aec4b7f13a2b75ec13bc0c3f13fa55caf97e621d"),
        (65, "29a20455c2f21fa85c66014ff3b75bfcce5aaba5"),
        (119, "43610a35bbf6783ba62fc82d421abc8b2f3e1abf"),
        (120, "482b555c1bda1cd10f9bdc34081249810af9fd77"),
        (128, "ddde2e96d57b78eda0da1151110a11eaa1d21d7b"),
    ] {
        let data: Vec<u8> = (0..n).map(|i| ((i * 7) % 251) as u8).collect();
        assert_eq!(ids::hex(&ids::sha1(&data)), digest, "{n} bytes");
    }
    // RFC 4122 DNS and URL namespaces; Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org").
    let dns = [0x6b, 0xa7, 0xb8, 0x10, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8];
    let url = [0x6b, 0xa7, 0xb8, 0x11, 0x9d, 0xad, 0x11, 0xd1, 0x80, 0xb4, 0x00, 0xc0, 0x4f, 0xd4, 0x30, 0xc8];
    assert_eq!(ids::uuid_v5(&dns, "python.org"), "886313e1-3b8a-5372-9b90-0c9aee199e5d");
    assert_eq!(ids::uuid_v5(&url, "urn:audit-readiness-check:exports"), "383bc76b-1886-5081-95df-b58aab4ae518");
    assert!(ids::is_uuid(&ids::uuid("anything")));
    for bad in ["not-a-uuid", "383bc76b-1886-1081-95df-b58aab4ae518", "383bc76b-1886-5081-c5df-b58aab4ae518", ""] {
        assert!(!ids::is_uuid(bad), "{bad}");
    }
}

fn collect_uuids(value: &Value, own: &mut Vec<String>, refs: &mut Vec<String>) {
    match value {
        Value::Object(map) => {
            for (key, v) in map {
                match (key.as_str(), v) {
                    ("uuid", Value::String(s)) => own.push(s.clone()),
                    (k, Value::String(s)) if k.ends_with("-uuid") => refs.push(s.clone()),
                    _ => collect_uuids(v, own, refs),
                }
            }
        }
        Value::Array(items) => items.iter().for_each(|v| collect_uuids(v, own, refs)),
        _ => {}
    }
}

#[test]
fn oscal_has_one_finding_per_item_with_the_right_state() {
    let r = full_report();
    let doc: Value = serde_json::from_str(&oscal::render(&r)).unwrap();
    let root = &doc["assessment-results"];
    assert_eq!(root["metadata"]["oscal-version"], "1.1.2");
    assert_eq!(root["metadata"]["last-modified"], "2026-11-23T00:00:00Z");
    assert_eq!(root["import-ap"]["href"], "#");
    let result = &root["results"][0];
    assert_eq!(result["reviewed-controls"]["control-selections"][0]["include-all"], serde_json::json!({}));
    let findings = result["findings"].as_array().unwrap();
    let observations = result["observations"].as_array().unwrap();
    assert_eq!(findings.len(), r.catalog.items.len());
    assert_eq!(observations.len(), r.catalog.items.len());
    let observation_ids: BTreeSet<&str> = observations.iter().map(|o| o["uuid"].as_str().unwrap()).collect();
    for item in r.catalog.items {
        let target = oscal::token(item.id);
        let matching: Vec<&Value> = findings.iter().filter(|f| f["target"]["target-id"] == target.as_str()).collect();
        assert_eq!(matching.len(), 1, "{}", item.id);
        let f = matching[0];
        assert_eq!(f["target"]["type"], "objective-id");
        // A "yes" the rehearsals do not bear out has no finding of its own, and is not satisfied.
        let open = r.findings.iter().any(|x| x.item_id == item.id) || r.not_borne_out.contains(&item.id);
        let expected = if open { "not-satisfied" } else { "satisfied" };
        assert_eq!(f["target"]["status"]["state"], expected, "{}", item.id);
        let related = f["related-observations"][0]["observation-uuid"].as_str().unwrap();
        assert!(observation_ids.contains(related));
    }
    assert!(findings.iter().any(|f| f["target"]["status"]["state"] == "satisfied"));
    // The register is examined; an answer with its evidence records examined; rehearsals and an
    // answer without any record are what people said.
    for (item, o) in r.catalog.items.iter().zip(observations) {
        let recorded = r.assessment.response(item.id).is_some_and(|x| !x.evidence.is_empty());
        let method = if item.is_register() || (!item.is_derived() && recorded) { "EXAMINE" } else { "INTERVIEW" };
        assert_eq!(o["methods"], serde_json::json!([method]), "{}", item.id);
        let yes_without =
            !item.is_derived() && r.assessment.response(item.id).is_some_and(|x| x.answer == Some(Answer::Yes) && x.evidence.is_empty());
        assert_eq!(o["description"].as_str().unwrap().contains("Answer: Yes, but no evidence recorded."), yes_without, "{}", item.id);
    }
    assert!(observations.iter().any(|o| o["methods"] == serde_json::json!(["EXAMINE"])));
    // Counted at the dashboard's counts: a finding part of another, or counted once with
    // another, is no nonconformity of its own (auditor probe: OSCAL counted more than the app).
    let predicted = |code: &str| findings.iter().filter(|f| f["props"][1]["value"] == code).count();
    assert_eq!(predicted("major-nonconformity"), r.score.majors);
    assert_eq!(predicted("minor-nonconformity"), r.score.minors);
    assert_eq!(predicted("observation"), r.score.observations);
    assert_eq!(predicted("part-of"), r.findings.iter().filter(|f| f.counted_with.is_none() && f.part_of.is_some()).count());
    // The caveats are said, as in the other reports.
    let description = result["description"].as_str().unwrap();
    for caveat in &r.caveats {
        assert!(description.contains(&format!("Caveat: {caveat}")), "{description}");
    }
    // Tokens: lower case, start with a letter, only token characters.
    assert_eq!(oscal::token("C53-PRE-01"), "c53-pre-01");
    assert_eq!(oscal::token("9 Odd/Id"), "item-9-odd-id");
}

#[test]
fn oscal_uuids_are_valid_unique_and_reproducible() {
    let r = full_report();
    let text = oscal::render(&r);
    let doc: Value = serde_json::from_str(&text).unwrap();
    let (mut own, mut refs) = (Vec::new(), Vec::new());
    collect_uuids(&doc, &mut own, &mut refs);
    assert_eq!(own.len(), 2 + 2 * r.catalog.items.len());
    assert!(own.iter().chain(&refs).all(|u| ids::is_uuid(u)), "invalid uuid");
    assert_eq!(own.iter().collect::<BTreeSet<_>>().len(), own.len(), "duplicate uuid");
    assert_eq!(oscal::render(&full_report()), text, "same content, same document");
    // Different content gives a different document identity.
    let mut changed = realistic(r.catalog);
    changed.set_answer("C53-PRE-01", Answer::No, today());
    let other: Value = serde_json::from_str(&oscal::render(&Report::new(r.catalog, &changed, today()))).unwrap();
    assert_ne!(other["assessment-results"]["uuid"], doc["assessment-results"]["uuid"]);
}

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
fn typed_text_in_oscal_markdown_fields_is_escaped_and_a_record_with_only_its_place_is_listed() {
    // Export pass of stop 45: OSCAL's descriptions and remarks are Markdown, and an evidence
    // record's "<img …>" or a note's "![x](…)" went through as typed (a GRC tool renders them).
    let catalog = Catalog::builtin();
    let item = catalog.items.iter().find(|i| !i.is_derived()).unwrap();
    let mut a = Assessment::default();
    a.set_answer(item.id, Answer::Yes, today());
    a.set_note(item.id, "![x](http://evil.example/x.png) <script>alert(1)</script>".into());
    a.edit_evidence(item.id, |list| {
        list.push(audit_readiness::domain::EvidenceRecord {
            what: "<img src=x onerror=alert(1)> minutes".into(),
            location: "[drive](javascript:alert(1))".into(),
            ..Default::default()
        });
        list.push(audit_readiness::domain::EvidenceRecord { location: "HR drive / 2026".into(), ..Default::default() });
    });
    let doc: Value = serde_json::from_str(&oscal::render(&Report::new(catalog, &a, today()))).unwrap();
    let observations = doc["assessment-results"]["results"][0]["observations"].as_array().unwrap();
    let observation = observations.iter().find(|o| o["title"] == format!("{} {}", item.reference, item.title).as_str()).unwrap();
    let description = observation["description"].as_str().unwrap();
    assert!(
        description
            .ends_with("\n- \\<img src=x onerror=alert(1)\\> minutes (\\[drive\\](javascript:alert(1)))\n- Record (HR drive / 2026)"),
        "{description}"
    );
    // The file is named for its assessment, as the other reports are.
    let title = doc["assessment-results"]["metadata"]["title"].as_str().unwrap();
    let named = Report::new(catalog, &a, today()).name;
    assert_eq!(title, format!("{}: ISO/IEC 27001:2022 leadership and roles audit readiness self-assessment", named.trim()));
    let remarks = observation["remarks"].as_str().unwrap();
    assert_eq!(remarks, "\\!\\[x\\](http://evil.example/x.png) \\<script\\>alert(1)\\</script\\>");
}

#[test]
fn an_observation_says_when_not_applicable_does_not_count_as_an_exclusion() {
    let catalog = Catalog::builtin();
    let answered = |i: &&audit_readiness::domain::Item| !i.is_derived();
    let excludable = catalog.items.iter().filter(answered).find(|i| i.excludable()).unwrap();
    let required = catalog.items.iter().filter(answered).find(|i| !i.excludable()).unwrap();
    let mut a = Assessment::default();
    a.set_answer(excludable.id, Answer::NotApplicable, today());
    a.set_answer(required.id, Answer::NotApplicable, today());
    a.set_na_justification(required.id, "We are too small".into());
    let description = |a: &Assessment, id: &str| {
        let doc: Value = serde_json::from_str(&oscal::render(&Report::new(catalog, a, today()))).unwrap();
        let observations = doc["assessment-results"]["results"][0]["observations"].as_array().unwrap().clone();
        let title_start = format!("{} ", catalog.item(id).unwrap().reference);
        let wanted = format!("{title_start}{}", catalog.item(id).unwrap().title);
        observations.iter().find(|o| o["title"] == wanted.as_str()).unwrap()["description"].as_str().unwrap().to_string()
    };
    assert!(description(&a, excludable.id).contains("Answer: Not applicable, but without a justification, so it counts as not answered."));
    let because = required.not_excludable_because().unwrap();
    assert!(
        description(&a, required.id).contains(&format!("Answer: Not applicable. Still counted as a gap: {because}.")),
        "{}",
        description(&a, required.id)
    );
    // A practice of A 5.4, which every company with staff applies, is not excluded either.
    let practice = catalog.item("A54-CTL-03").unwrap();
    a.set_answer(practice.id, Answer::NotApplicable, today());
    a.set_na_justification(practice.id, "We are too small".into());
    assert!(description(&a, practice.id).contains("Still counted as a gap: A 5.4 applies to every company with staff"));
    // With a justification, an Annex A item is simply not applicable.
    a.set_na_justification(excludable.id, "No suppliers".into());
    assert!(description(&a, excludable.id).contains("Answer: Not applicable. Justification: No suppliers"));
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
fn a_yes_on_the_ceos_interview_never_rehearsed_is_not_borne_out_either() {
    // Third auditor probe: never rehearsed, the card said the rehearsals disagree and OSCAL said
    // "satisfied".
    let catalog = Catalog::builtin();
    let mut a = realistic(catalog);
    a.set_answer("C51-INT-01", Answer::Yes, today());
    let ceo = a.register.people.iter().find(|p| p.top_management).unwrap().id.clone();
    a.rehearsals.retain(|r| r.person_id != ceo);
    assert_eq!(Report::new(catalog, &a, today()).not_borne_out, ["C51-INT-01"]);
    // Answered no, nothing is claimed.
    a.set_answer("C51-INT-01", Answer::No, today());
    assert!(Report::new(catalog, &a, today()).not_borne_out.is_empty());
}

#[test]
fn a_yes_the_rehearsals_do_not_bear_out_is_not_satisfied_in_oscal() {
    // Second auditor probe: the screen said the CEO's interview answer and the rehearsals
    // disagree, and the OSCAL file said "satisfied, no finding expected".
    use audit_readiness::domain::interview::{record, Rating};
    let catalog = Catalog::builtin();
    let mut a = realistic(catalog);
    let ceo = a.register.people.iter().find(|p| p.top_management).unwrap().id.clone();
    a.set_answer("C51-INT-01", Answer::Yes, today());
    record(&mut a.rehearsals, &ceo, "IQ-TM-DUTIES", Rating::CouldNotAnswer, today());
    let r = Report::new(catalog, &a, today());
    assert_eq!(r.not_borne_out, ["C51-INT-01"]);
    // The auditor's copy withholds the rehearsals, and still does not call it satisfied.
    let auditor = Report::new(catalog, &a, today()).redacted(audit_readiness::domain::export::Profile::Auditor);
    let doc: Value = serde_json::from_str(&oscal::render(&auditor)).unwrap();
    let findings = doc["assessment-results"]["results"][0]["findings"].as_array().unwrap().clone();
    assert_eq!(findings.iter().find(|f| f["target"]["target-id"] == "c51-int-01").unwrap()["target"]["status"]["state"], "not-satisfied");
    assert!(r.findings.iter().all(|f| f.item_id != "C51-INT-01"), "no finding of its own");
    let doc: Value = serde_json::from_str(&oscal::render(&r)).unwrap();
    let findings = doc["assessment-results"]["results"][0]["findings"].as_array().unwrap().clone();
    let f = findings.iter().find(|f| f["target"]["target-id"] == "c51-int-01").unwrap();
    assert_eq!(f["target"]["status"]["state"], "not-satisfied");
    assert!(f["description"]
        .as_str()
        .unwrap()
        .starts_with("Answered yes, but the interview rehearsals do not show top management prepared"));
    assert_eq!(f["props"][0]["value"], "counted-once");
    // Their whole card rehearsed again and confident, it is satisfied.
    for (q, _) in
        audit_readiness::domain::interview::card_questions(audit_readiness::domain::interview::QuestionBank::builtin(), &a.register, &ceo)
    {
        record(&mut a.rehearsals, &ceo, q.id, Rating::Confident, today());
    }
    let doc: Value = serde_json::from_str(&oscal::render(&Report::new(catalog, &a, today()))).unwrap();
    let findings = doc["assessment-results"]["results"][0]["findings"].as_array().unwrap().clone();
    assert_eq!(findings.iter().find(|f| f["target"]["target-id"] == "c51-int-01").unwrap()["target"]["status"]["state"], "satisfied");
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
