//! OSCAL assessment results: one finding per item, its state, UUIDs, escaping; the SHA-1 and UUID v5 beneath.

use crate::export_fixture::*;
use crate::full_report;
use audit_readiness::domain::export::{ids, oscal, Report};
use audit_readiness::domain::{Answer, Assessment, Catalog};
use serde_json::Value;
use std::collections::BTreeSet;

#[test]
fn sha1_and_uuid_v5_match_published_values() {
    assert_eq!(ids::hex(&ids::sha1(b"abc")), "a9993e364706816aba3e25717850c26c9cd0d89d");
    assert_eq!(ids::hex(&ids::sha1(b"")), "da39a3ee5e6b4b0d3255bfef95601890afd80709");
    let long = b"abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    assert_eq!(ids::hex(&ids::sha1(long)), "84983e441c3bd26ebaae4aa1f95129e5e54670f1");
    // FIPS 180-2's third test: a million times "a" (15,625 blocks and a padding block).
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
