//! The backup round trip and the checked import: size, encoding, JSON, version, field types, records, unknown ids.

use crate::export_fixture::*;
use crate::pair;
use audit_readiness::domain::export::backup::{self, import, DEFAULT_MAX_BYTES};
use audit_readiness::domain::remediation::Remediation;
use audit_readiness::domain::{Answer, AppError, Assessment, Catalog};

fn corrupt_message(result: Result<backup::Imported, AppError>) -> String {
    match result {
        Err(e @ AppError::Corrupt(_)) => e.to_string(),
        other => panic!("expected a corrupt-file error, got {other:?}"),
    }
}

#[test]
fn backup_round_trips_the_assessment_exactly() {
    let catalog = Catalog::builtin();
    let mut original = realistic(catalog);
    original.set_note("C53-PRE-02", "Ünïcødé ✓ — \"quotes\", \\backslash\\, tab\there\r\nCRLF".into());
    let raw = backup::export(&original);
    let imported = import(&raw, DEFAULT_MAX_BYTES, catalog).unwrap();
    assert_eq!(imported.assessment, original);
    assert!(!imported.has_unknown());
    // And it is the stored state itself, byte for byte.
    assert_eq!(raw, audit_readiness::domain::persist::encode(&original));
}

#[test]
fn oversize_files_are_refused_before_parsing_with_the_limit_named() {
    let catalog = Catalog::builtin();
    let raw = backup::export(&realistic(catalog));
    let limit = raw.len() - 1;
    let message = corrupt_message(import(&raw, limit, catalog));
    assert!(message.contains(&raw.len().to_string()) && message.contains(&format!("{limit} bytes")), "{message}");
    // Exactly at the limit is fine.
    assert!(import(&raw, raw.len(), catalog).is_ok());
    // Size is checked first: a huge non-JSON file gets the size message, not a parse error.
    let junk = "x".repeat(DEFAULT_MAX_BYTES + 1);
    let message = corrupt_message(import(&junk, DEFAULT_MAX_BYTES, catalog));
    assert!(message.contains("16 MiB (16777216 bytes)"), "{message}");
}

#[test]
fn corrupt_files_are_refused_with_a_reason() {
    let catalog = Catalog::builtin();
    for (raw, expect) in [
        ("", "empty"),
        ("   \n", "empty"),
        ("{\"schema_version\":1,", "not valid JSON"),
        ("[1,2]", "not data saved by this app"),
        ("null", "not data saved by this app"),
        ("{\"schema_version\":\"two\"}", "its format version is not a whole number"),
        ("{\"assessment\":{}}", "not data saved by this app"),
        ("{\"schema_version\":null}", "not data saved by this app"),
        ("{\"schema_version\":\"1\",\"assessment\":{}}", "its format version is not a whole number this app writes"),
        ("{\"schema_version\":1.5}", "its format version is not a whole number this app writes"),
        ("{\"schema_version\":-1}", "its format version is not a whole number this app writes"),
        (
            "{\"schema_version\":1,\"assessment\":{\"responses\":{\"C53-PRE-01\":{\"answer\":5}}}}",
            "it holds a value this app cannot read (",
        ),
        (
            "{\"schema_version\":1,\"assessment\":{\"audit_date\":\"2027-02-30\"}}",
            "no date in “2027-02-30”: dates are written year-month-day",
        ),
        ("{\"schema_version\":1,\"assessment\":{},\"extra\":true}", "it holds a value this app cannot read ("),
    ] {
        let message = corrupt_message(import(raw, DEFAULT_MAX_BYTES, catalog));
        assert!(message.contains(expect), "{raw:?}: {message}");
    }
    // A refused value is placed by the text around it and the entry it is in, not by a column of
    // a file written on one line (hostile-data pass of stop 50).
    let mut stored = backup::export(&realistic(catalog));
    let answer = stored.find("\"C53-PRE-02\":{\"answer\":\"").expect("C53-PRE-02 answered") + "\"C53-PRE-02\":{\"answer\":\"".len();
    let end = answer + stored[answer..].find('"').unwrap();
    stored.replace_range(answer..end, "Yes");
    let message = corrupt_message(import(&stored, DEFAULT_MAX_BYTES, catalog));
    // In the app's quotation marks, not the reader's code quotes (UX pass of stop 50).
    assert!(message.contains("(“Yes”, where the app expects one of “yes”, “partly”"), "{message}");
    assert!(!message.contains('`'), "{message}");
    assert!(!message.contains("line 1 column"), "{message}");
    // Placed by its entry, the text around it is not quoted as well (copy pass of stop 52).
    assert!(message.ends_with(", in the entry for C53-PRE-02") && !message.contains("near “"), "{message}");
    // A bad value in the register is not said to be in the last question's entry (UX pass of
    // stop 50).
    let mut register_bad = backup::export(&realistic(catalog));
    let role = register_bad.find("\"role\":\"security_manager\"").expect("a security manager in the register");
    register_bad.replace_range(role..role + "\"role\":\"security_manager\"".len(), "\"role\":\"Security Manager\"");
    let message = corrupt_message(import(&register_bad, DEFAULT_MAX_BYTES, catalog));
    assert!(message.contains("Security Manager") && !message.contains("in the entry for"), "{message}");
    // A bad date the same way, and text that is not all ASCII around it cut at a character.
    let dated = "{\"schema_version\":1,\"assessment\":{\"responses\":{\"C53-PRE-05\":{\"answer\":\"yes\",\"note\":\"Équipe sécurité ✓✓✓\",\"evidence\":[{\"what\":\"Mail\",\"produced_on\":\"2026-02-30\"}]}}}}";
    let message = corrupt_message(import(dated, DEFAULT_MAX_BYTES, catalog));
    assert!(message.contains("no date in “2026-02-30”") && message.contains("in the entry for C53-PRE-05"), "{message}");
    // Laid out by hand, the entry is found too (UX pass of stop 52).
    let laid_out = "{\n  \"schema_version\": 1,\n  \"assessment\": {\n    \"responses\": {\n      \"C53-PRE-01\": {\n        \"answer\": \"yes\",\n        \"evidence\": [\n          { \"what\": \"Mail\", \"produced_on\": \"31/12/2024\" }\n        ]\n      }\n    }\n  }\n}";
    let message = corrupt_message(import(laid_out, DEFAULT_MAX_BYTES, catalog));
    assert!(
        message.contains(
            "it holds a value this app cannot read (no date in “31/12/2024”: dates are written year-month-day, YYYY-MM-DD), in the entry for C53-PRE-01"
        ) && message.ends_with(", in the entry for C53-PRE-01")
            && !message.contains('\n'),
        "{message}"
    );
}

#[test]
fn any_json_object_without_a_version_is_refused_in_the_same_words() {
    // The app's own OSCAL export is a JSON object without schema_version: it gets the sentence
    // every other foreign file gets, not the name of a missing field.
    let catalog = Catalog::builtin();
    let oscal = audit_readiness::domain::export::oscal::render(&audit_readiness::domain::export::Report::new(
        catalog,
        &realistic(catalog),
        today(),
    ));
    let csv = "id,reference\r\ngap:C53-PRE-01,Clause 5.3\r\n";
    let reasons: Vec<String> = [oscal.as_str(), "{}", csv, "[]", "null"]
        .into_iter()
        .map(|raw| import(raw, DEFAULT_MAX_BYTES, catalog).unwrap_err().reason())
        .collect();
    for reason in &reasons {
        assert_eq!(reason, "it is not data saved by this app", "{reasons:?}");
    }
}

#[test]
fn unknown_versions_are_refused_by_number() {
    let result = import("{\"schema_version\":7,\"assessment\":{}}", DEFAULT_MAX_BYTES, Catalog::builtin());
    assert_eq!(result, Err(AppError::UnknownVersion(7)));
    assert!(AppError::UnknownVersion(7).to_string().contains("version 7"));
}

#[test]
fn unknown_item_ids_are_reported_and_kept() {
    let catalog = Catalog::builtin();
    let mut a = Assessment::default();
    a.set_answer("C53-PRE-01", Answer::Yes, today());
    a.set_answer("ZZ-FUTURE-01", Answer::No, today());
    a.remediation.insert("gap:ZZ-FUTURE-02".into(), Remediation::default());
    a.remediation.insert("gap:C53-PRE-02".into(), Remediation::default());
    let imported = import(&backup::export(&a), DEFAULT_MAX_BYTES, catalog).unwrap();
    assert_eq!(imported.unknown_items, vec!["ZZ-FUTURE-01".to_string()]);
    assert_eq!(imported.unknown_plans, vec!["gap:ZZ-FUTURE-02".to_string()]);
    assert!(imported.has_unknown());
    assert_eq!(imported.assessment, a, "nothing is dropped");
}

#[test]
fn fields_this_version_does_not_read_are_named_before_an_import_leaves_them_out() {
    // Data-safety pass of stop 48: "The backup is valid" over a file whose scope statement and
    // reviewer fields the merge then dropped without a word.
    let catalog = Catalog::builtin();
    let newer = r#"{"schema_version":1,"assessment":{"scope_statement":"All of Acme","responses":{"C53-PRE-03":{"answer":"yes","note":"n","reviewed_by":"Dana"}}}}"#;
    let imported = import(newer, DEFAULT_MAX_BYTES, catalog).unwrap();
    assert_eq!(imported.unread_fields, ["scope_statement", "reviewed_by"]);
    assert_eq!(
        imported.unread_said().as_deref(),
        Some(
            "The file also holds fields this version of the app does not read (“scope_statement”, “reviewed_by”): they are \
             left out of what is imported, so keep the file."
        )
    );
    // Fields this version writes only when they are set are read whole, given empty: not named.
    let empty_set = r#"{"schema_version":1,"assessment":{"responses":{},"register":{"people":[{"id":"p1","name":"Ada","job_title":"","start_date":null,"leaving_date":null,"top_management":true,"reports_to":null}],"assignments":[]},"rehearsals":[]}}"#;
    let imported = import(empty_set, DEFAULT_MAX_BYTES, catalog).unwrap();
    assert_eq!(imported.unread_fields, Vec::<String>::new());
    assert_eq!(imported.unread_said(), None);
    // The app's own backups have none.
    let (mine, _) = pair();
    assert_eq!(import(&backup::export(&mine), DEFAULT_MAX_BYTES, catalog).unwrap().unread_fields, Vec::<String>::new());
}

#[test]
fn a_backup_with_two_records_under_one_id_or_a_date_no_field_can_show_is_refused_by_name() {
    // Data-safety pass: a "twin" person imported under the CEO's ID was edited in her place, and
    // an audit date in the year 99999 made a calendar no calendar app reads.
    use audit_readiness::domain::export::backup::export_all;
    use audit_readiness::domain::roles::Person;
    use audit_readiness::domain::workspace::Workspace;
    use chrono::NaiveDate;
    let catalog = Catalog::builtin();
    let mut twins = realistic(catalog);
    let first = twins.register.people[0].clone();
    twins.register.people.push(Person { name: "Evil twin".into(), ..first.clone() });
    let message = corrupt_message(import(&backup::export(&twins), DEFAULT_MAX_BYTES, catalog));
    assert!(message.ends_with(&format!("the assessment has two entries for the person “{}”", first.id)), "{message}");
    let mut far = realistic(catalog);
    far.audit_date = NaiveDate::from_ymd_opt(99999, 1, 1);
    let mut workspace = Workspace::single(Assessment::default(), None);
    workspace.add_all(&Workspace::single(far, None));
    let message = corrupt_message(import(&export_all(&workspace), DEFAULT_MAX_BYTES, catalog));
    assert!(message.contains("has the date 99999-01-01, which has no four-digit year"), "{message}");
    // The same files without the fault come in.
    assert!(import(&backup::export(&realistic(catalog)), DEFAULT_MAX_BYTES, catalog).is_ok());
    // A key given twice in one place: reading would keep the second and drop the first without a
    // word (data-safety pass of stop 47).
    let twice = r#"{"schema_version":1,"assessment":{"responses":{"C53-PRE-01":{"answer":"yes","note":"first"},"C53-PRE-01":{"answer":"no","note":"second"}}}}"#;
    let message = corrupt_message(import(twice, DEFAULT_MAX_BYTES, catalog));
    assert!(message.ends_with("the file gives “C53-PRE-01” twice in the same place, so which to keep cannot be told"), "{message}");
    assert!(import(&twice.replacen("C53-PRE-01", "C53-PRE-02", 1), DEFAULT_MAX_BYTES, catalog).is_ok());
}

#[test]
fn a_backup_whose_records_name_someone_it_does_not_hold_is_refused_by_name() {
    // Data-safety pass: an assignment for "p99" came in without a word, and the register then
    // showed "an unknown person (p99)" holding a role. The app itself never writes such a file.
    let catalog = Catalog::builtin();
    let mut good = realistic(catalog);
    let holder_id = good.register.assignments[0].person_id.clone();
    audit_readiness::domain::interview::record(
        &mut good.rehearsals,
        &holder_id,
        "IQ-ANY-DUTIES",
        audit_readiness::domain::interview::Rating::Confident,
        today(),
    );
    assert!(import(&backup::export(&good), DEFAULT_MAX_BYTES, catalog).is_ok());
    let mut holder = good.clone();
    holder.register.assignments[0].person_id = "p99".into();
    let message = corrupt_message(import(&backup::export(&holder), DEFAULT_MAX_BYTES, catalog));
    assert!(message.ends_with("the assessment has a role assignment (Top management) for “p99”, who is not among its people"), "{message}");
    let mut deputy = good.clone();
    deputy.register.assignments[0].backup = Some("ghost".into());
    let message = corrupt_message(import(&backup::export(&deputy), DEFAULT_MAX_BYTES, catalog));
    assert!(message.contains("a deputy for “ghost”, who is not among its people"), "{message}");
    let mut rated = good.clone();
    rated.rehearsals[0].person_id = "gone".into();
    let message = corrupt_message(import(&backup::export(&rated), DEFAULT_MAX_BYTES, catalog));
    assert!(message.contains("an interview rating for “gone”"), "{message}");
    // Removing a person through the register leaves nothing that names them, so the result comes in.
    let mut removed = good;
    let id = removed.register.assignments[0].person_id.clone();
    removed.register.remove_person_and_references(&id).unwrap();
    removed.rehearsals.retain(|r| r.person_id != id);
    assert!(import(&backup::export(&removed), DEFAULT_MAX_BYTES, catalog).is_ok());
}

#[test]
fn a_file_in_another_encoding_or_one_of_the_apps_reports_is_told_apart() {
    use audit_readiness::domain::export::import_file::{own_report, written_as_text};
    // Data-safety pass of stop 52: "Müller" re-saved as Latin-1 read as "M�ller", called valid.
    assert!(!written_as_text(b"{\"note\":\"M\xfcller, caf\xe9\"}"));
    assert!(written_as_text("{\"note\":\"Müller, café\"}".as_bytes()));
    assert!(written_as_text(b"\xef\xbb\xbf{\"note\":\"x\"}"));
    assert!(written_as_text(b"\xff\xfe{\x00}\x00"));
    // A replacement character typed by someone is text like any other.
    assert!(written_as_text("{\"note\":\"\u{FFFD}\"}".as_bytes()));
    // The app's own reports, by the names it gives them, a browser's " (1)" too.
    assert_eq!(own_report("audit-readiness-plan-acme-internal-2026-12-07.csv"), Some("the CSV remediation plan"));
    assert_eq!(own_report("audit-readiness-oscal-2026-12-07 (1).json"), Some("the OSCAL assessment results"));
    assert_eq!(own_report("audit-readiness-calendar-2026-12-07.ics"), Some("the calendar"));
    assert_eq!(own_report("audit-readiness-acme-board-2026-12-07.md"), Some("a Markdown report"));
    assert_eq!(own_report("Audit-Readiness-acme-2026-12-07.HTML"), Some("an HTML report"));
    assert_eq!(own_report("interview-brief-ada-okafor-2026-12-07.md"), Some("an interview brief"));
    // Not a report: a backup, a copy kept aside, a file from elsewhere.
    assert_eq!(own_report("audit-readiness-backup-2026-12-07-1432.json"), None);
    assert_eq!(own_report("audit-readiness-kept-2026-12-07-143210.json"), None);
    assert_eq!(own_report("plan.csv"), None);
}

#[test]
fn bytes_that_are_no_text_are_refused_by_what_the_file_is() {
    use audit_readiness::domain::export::import_file::{refused_bytes, NOT_UTF8, PACKED};
    use audit_readiness::domain::persist::NOT_OURS;
    // UX pass of stop 52: a PDF, a zip and a re-saved CSV plan were all "not written in UTF-8".
    assert_eq!(refused_bytes("backup.json", "{\"note\":\"Müller\"}".as_bytes()), None);
    assert_eq!(refused_bytes("backup.json", b"{\"note\":\"M\xfcller\"}").as_deref(), Some(NOT_UTF8));
    assert_eq!(refused_bytes("audit-readiness-backup.zip", b"PK\x03\x04\x14\x00\xff").as_deref(), Some(PACKED));
    assert_eq!(refused_bytes("backup.json.gz", &[0x1F, 0x8B, 0x08, 0xff]).as_deref(), Some(PACKED));
    assert_eq!(refused_bytes("report.pdf", b"%PDF-1.7\n\xe2\xe3\xcf\xd3").as_deref(), Some(NOT_OURS));
    assert_eq!(refused_bytes("logo.png", b"\x89PNG\r\n\x1a\n\x00\x00").as_deref(), Some(NOT_OURS));
    let plan = refused_bytes("audit-readiness-plan-acme-internal-2026-12-07.csv", b"item;owner\nC53;M\xfcller\n");
    assert_eq!(
        plan.as_deref(),
        Some("it is the CSV remediation plan this app made. Only a backup can be imported, not the plan or the reports")
    );
}
