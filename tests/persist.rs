//! The stored format round-trips, old fixtures load, and unreadable values are errors (never defaults).

mod support;

use audit_readiness::domain::persist::{decode, encode, SCHEMA_VERSION};
use audit_readiness::domain::{Answer, AppError, Assessment};
use support::today;

#[test]
fn state_round_trips_exactly() {
    let mut a = Assessment::default();
    a.set_answer("C53-PRE-01", Answer::Yes, today());
    a.set_answer("C53-PRE-02", Answer::NotApplicable, today());
    a.set_na_justification("C53-PRE-02", "Sole founder, \"no\" staff <yet>".into());
    a.set_note("C53-PRE-01", "Letter in the HR drive — signed 2026-01-04".into());
    let raw = encode(&a);
    assert!(raw.contains(&format!("\"schema_version\":{SCHEMA_VERSION}")));
    assert_eq!(decode(&raw).unwrap(), a);
}

#[test]
fn every_released_fixture_still_loads() {
    let v1 = include_str!("fixtures/state-v1.json");
    let a = decode(v1).unwrap();
    let r = a.response("C53-PRE-01").unwrap();
    assert_eq!(r.answer, Some(Answer::Yes));
    assert_eq!(r.note, "Signed by the CEO");
    assert_eq!(a.response("C53-PRE-05").unwrap().answer, Some(Answer::NotSure));
}

#[test]
fn corrupt_values_are_errors_not_empty_assessments() {
    for raw in [
        "",
        "{",
        "null",
        "[]",
        "{\"assessment\":{}}",
        "{\"schema_version\":1,\"assessment\":{\"responses\":{\"X\":{\"answer\":\"maybe\"}}}}",
    ] {
        match decode(raw) {
            Err(AppError::Corrupt(_)) => {}
            other => panic!("{raw:?} gave {other:?}"),
        }
    }
}

#[test]
fn a_newer_schema_version_is_refused_by_number() {
    let raw = "{\"schema_version\":99,\"assessment\":{}}";
    assert_eq!(decode(raw), Err(AppError::UnknownVersion(99)));
    assert!(AppError::UnknownVersion(99).to_string().contains("99"));
    // Said of a file by name, without the stored-data framing.
    assert_eq!(AppError::UnknownVersion(99).reason(), "it uses format version 99, which this version of the app does not know");
    assert_eq!(AppError::Corrupt("the passphrase is wrong".into()).reason(), "the passphrase is wrong");
}

#[test]
fn dates_are_stored_as_iso_text_and_bad_dates_are_corrupt() {
    use audit_readiness::domain::dates::parse_iso;
    assert_eq!(parse_iso("2027-02-28"), support::day(2027, 2, 28).into());
    for bad in ["2027-02-30", "27-1", "", "2027/01/01", "x-1-1"] {
        assert_eq!(parse_iso(bad), None, "{bad}");
    }
    let a = Assessment { audit_date: Some(support::day(2027, 3, 1)), ..Assessment::default() };
    let raw = encode(&a);
    assert!(raw.contains("\"audit_date\":\"2027-03-01\""), "{raw}");
    assert_eq!(decode(&raw).unwrap(), a);
    let bad = raw.replace("2027-03-01", "2027-13-01");
    assert!(matches!(decode(&bad), Err(AppError::Corrupt(_))));
}

#[test]
fn a_stored_date_is_written_as_chrono_writes_it_and_reads_back_the_same() {
    // The save writes four-digit years without the formatting machinery (stop 60): the text must
    // stay what chrono's own writing gave, for every kind of year, and read back as the same day.
    let first_days = (0..=12_000).step_by(7).filter_map(|year| chrono::NaiveDate::from_ymd_opt(year, 1, 1));
    let odd_days = [(0, 2, 29), (9, 9, 9), (999, 10, 1), (1000, 1, 1), (2024, 2, 29), (9999, 12, 31), (10_000, 1, 1)];
    let odd_days = odd_days.into_iter().filter_map(|(y, m, d)| chrono::NaiveDate::from_ymd_opt(y, m, d));
    for day in first_days.chain(odd_days) {
        let a = Assessment { audit_date: Some(day), ..Assessment::default() };
        let raw = encode(&a);
        assert!(raw.contains(&format!("\"audit_date\":\"{day}\"")), "{day}: {raw}");
        assert_eq!(decode(&raw).unwrap().audit_date, Some(day), "{day}");
        // The exports' text of the same day: four digits of year at least, no sign.
        use chrono::Datelike;
        assert_eq!(audit_readiness::domain::dates::iso(day), format!("{:04}-{:02}-{:02}", day.year(), day.month(), day.day()), "{day}");
    }
}

#[test]
fn a_date_half_typed_is_neither_stored_nor_taken_for_no_date() {
    // Keyboard pass of stop 48: typing 2027 over a date passes year 0002, which read as "no
    // date" emptied the field under the cursor.
    use audit_readiness::domain::dates::{typed, Typed};
    assert_eq!(typed("2027-12-31", false), Typed::Date(support::day(2027, 12, 31)));
    assert_eq!(typed("0002-12-31", false), Typed::Refused);
    assert_eq!(typed("20270-12-31", false), Typed::Refused);
    // A part left blank: the browser gives no value and flags the input.
    assert_eq!(typed("", true), Typed::Unfinished);
    assert_eq!(typed("", false), Typed::Cleared);
}

#[test]
fn a_date_field_takes_only_four_digit_years_but_stored_long_years_still_read() {
    use audit_readiness::domain::dates::{parse_input, parse_iso};
    // A fifth digit typed into a date field gives "20266-01-15", which the field cannot show.
    assert_eq!(parse_input("20266-01-15"), None);
    assert_eq!(parse_input("0999-01-15"), None);
    assert_eq!(parse_input("2026-01-15"), support::day(2026, 1, 15).into());
    // A value an earlier version stored that way still loads (nothing is lost).
    assert_eq!(parse_iso("+20266-01-15").map(|d| chrono::Datelike::year(&d)), Some(20266));
}

#[test]
fn fields_this_build_does_not_know_are_found_and_released_data_has_none() {
    use audit_readiness::domain::persist::unknown_keys;
    use audit_readiness::domain::workspace::{decode_workspace, encode_workspace};
    // Data-safety pass of stop 45: fields inside an assessment, a response or a person that this
    // build does not know were read away without a word, and the next save wrote them off.
    for v1 in [include_str!("fixtures/state-v1.json"), include_str!("fixtures/state-v1-register.json")] {
        assert_eq!(unknown_keys(v1, &encode(&decode(v1).unwrap())), Vec::<String>::new());
    }
    let v2 = include_str!("fixtures/state-v2.json");
    assert_eq!(unknown_keys(v2, &encode_workspace(&decode_workspace(v2).unwrap())), Vec::<String>::new());
    let newer = r#"{"schema_version":1,"assessment":{"scope_statement":"All of Acme","responses":{"C53-PRE-01":{"answer":"yes","reviewer":"Ben","evidence":[{"what":"Letter","file_hash":"abc \"q\": 1"}]}},"register":{"people":[{"id":"p1","name":"Ada","email":"ada@example.com"}],"vendors":[]}}}"#;
    let a = decode(newer).unwrap();
    assert_eq!(a.response("C53-PRE-01").unwrap().answer, Some(Answer::Yes), "still read");
    assert_eq!(unknown_keys(newer, &encode(&a)), ["scope_statement", "reviewer", "file_hash", "email", "vendors"]);
    // A colon inside a string value is no key; five names at most, each once.
    assert_eq!(unknown_keys(r#"{"a":"x\": y","a":1,"b":1,"c":1,"d":1,"e":1,"f":1}"#, "{}"), ["a", "b", "c", "d", "e"]);
    // A key written twice in one object loses its first value on reading (data-safety pass of
    // stop 47): reported, so the value is copied aside before a save. The same key in two
    // objects is no repeat.
    let twice = r#"{"schema_version":1,"assessment":{"responses":{"C53-PRE-01":{"answer":"yes","note":"first"},"C53-PRE-01":{"answer":"no","note":"second"},"C53-PRE-02":{"answer":"no"}}}}"#;
    let a = decode(twice).unwrap();
    assert_eq!(a.response("C53-PRE-01").unwrap().note, "second");
    // Named as given twice, not as a field this version does not read (stop 50's note).
    let found = unknown_keys(twice, &encode(&a));
    assert_eq!(found, ["C53-PRE-01 (given twice)"]);
    assert_eq!(audit_readiness::domain::persist::fields_named(&found), "(“C53-PRE-01” given twice)");
    let mixed =
        r#"{"schema_version":1,"assessment":{"scope":"x","responses":{"C53-PRE-01":{"answer":"yes"},"C53-PRE-01":{"answer":"no"}}}}"#;
    let found = unknown_keys(mixed, &encode(&decode(mixed).unwrap()));
    assert_eq!(audit_readiness::domain::persist::fields_named(&found), "(“scope”, “C53-PRE-01” given twice)");
    let once = r#"{"schema_version":1,"assessment":{"responses":{"C53-PRE-01":{"answer":"yes","note":"first"},"C53-PRE-02":{"answer":"no","note":"x"}}}}"#;
    assert_eq!(unknown_keys(once, &encode(&decode(once).unwrap())), Vec::<String>::new());
    assert_eq!(
        AppError::UnknownFields(vec!["email".into()]).to_string(),
        "The saved data holds fields this version of the app does not know (email)"
    );
}
