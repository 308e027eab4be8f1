//! JSON backup: exact round trip, imports checked before they touch anything (size, JSON,
//! version, field types), unknown item ids reported, and diff/merge per choice.

mod export_fixture;

use std::collections::BTreeMap;

use audit_readiness::domain::export::backup::{self, diff, import, merge, outlook, MergeChoice, MergeOutlook, DEFAULT_MAX_BYTES};
use audit_readiness::domain::remediation::{Remediation, Status};
use audit_readiness::domain::{Answer, AppError, Assessment, Catalog};
use export_fixture::*;

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

fn pair() -> (Assessment, Assessment) {
    let mut mine = Assessment::default();
    let mut theirs = Assessment::default();
    // Same on both sides: never listed.
    mine.set_answer("C53-PRE-01", Answer::Yes, day(2026, 10, 1));
    theirs.set_answer("C53-PRE-01", Answer::Yes, day(2026, 10, 1));
    // Theirs is newer.
    mine.set_answer("C53-PRE-02", Answer::No, day(2026, 10, 1));
    theirs.set_answer("C53-PRE-02", Answer::Yes, day(2026, 11, 1));
    // Mine is newer.
    mine.set_answer("C53-PRE-03", Answer::Partly, day(2026, 11, 5));
    theirs.set_answer("C53-PRE-03", Answer::No, day(2026, 9, 1));
    // Same day: a tie.
    mine.set_answer("C53-PRE-04", Answer::No, day(2026, 11, 2));
    theirs.set_answer("C53-PRE-04", Answer::Yes, day(2026, 11, 2));
    // Only theirs has it.
    theirs.set_answer("C53-PRE-05", Answer::Yes, day(2026, 11, 3));
    // Only mine has it.
    mine.set_answer("C53-PRE-06", Answer::NotSure, day(2026, 11, 3));
    // An empty response on one side equals none at all.
    mine.set_note("C53-PRE-07", String::new());
    (mine, theirs)
}

#[test]
fn diff_lists_only_differing_items_with_both_dates_in_catalogue_order() {
    let catalog = Catalog::builtin();
    let (mine, theirs) = pair();
    let d = diff(&mine, &theirs, catalog);
    let ids: Vec<&str> = d.iter().map(|x| x.item_id.as_str()).collect();
    assert_eq!(ids, ["C53-PRE-02", "C53-PRE-03", "C53-PRE-04", "C53-PRE-05", "C53-PRE-06"]);
    assert_eq!(d[0].mine_updated(), Some(day(2026, 10, 1)));
    assert_eq!(d[0].theirs_updated(), Some(day(2026, 11, 1)));
    assert_eq!(d[0].title, catalog.item("C53-PRE-02").unwrap().title);
    assert_eq!(d[3].mine, None);
    assert_eq!(d[4].theirs, None);
    assert!(diff(&mine, &mine, catalog).is_empty());
    // The same answer given on different days is not a difference to choose between.
    let (mut mine, mut theirs) = pair();
    mine.set_answer("C53-PRE-08", Answer::Partly, day(2026, 12, 3));
    theirs.set_answer("C53-PRE-08", Answer::Partly, day(2026, 10, 1));
    assert_eq!(diff(&mine, &theirs, catalog).len(), 5);
    theirs.set_note("C53-PRE-08", "signed letters are in the HR drive".into());
    assert_eq!(diff(&mine, &theirs, catalog).len(), 6, "a note is a difference");
}

#[test]
fn merge_follows_each_choice() {
    let (mine, theirs) = pair();
    let answer = |a: &Assessment, id: &str| a.response(id).and_then(|r| r.answer);
    let all = |choice| {
        ["C53-PRE-02", "C53-PRE-03", "C53-PRE-04", "C53-PRE-05", "C53-PRE-06"]
            .into_iter()
            .map(|id| (id.to_string(), choice))
            .collect::<BTreeMap<_, _>>()
    };

    let kept = merge(&mine, &theirs, &all(MergeChoice::KeepMine));
    assert_eq!(kept.responses, mine.responses);

    let taken = merge(&mine, &theirs, &all(MergeChoice::TakeTheirs));
    assert_eq!(taken.responses.get("C53-PRE-02"), theirs.responses.get("C53-PRE-02"));
    assert_eq!(answer(&taken, "C53-PRE-03"), Some(Answer::No));
    assert_eq!(answer(&taken, "C53-PRE-05"), Some(Answer::Yes));
    assert_eq!(taken.response("C53-PRE-06"), None, "theirs has nothing there");

    let newest = merge(&mine, &theirs, &all(MergeChoice::Newest));
    assert_eq!(answer(&newest, "C53-PRE-02"), Some(Answer::Yes), "theirs is newer");
    assert_eq!(answer(&newest, "C53-PRE-03"), Some(Answer::Partly), "mine is newer");
    assert_eq!(answer(&newest, "C53-PRE-04"), Some(Answer::No), "a tie keeps mine");
    assert_eq!(answer(&newest, "C53-PRE-05"), Some(Answer::Yes), "any date beats none");
    assert_eq!(answer(&newest, "C53-PRE-06"), Some(Answer::NotSure));

    // Without a choice: mine stays, but an item I never answered is filled from theirs.
    let default = merge(&mine, &theirs, &BTreeMap::new());
    assert_eq!(answer(&default, "C53-PRE-02"), Some(Answer::No));
    assert_eq!(answer(&default, "C53-PRE-05"), Some(Answer::Yes));
}

#[test]
fn newest_loses_nothing_a_teammate_added() {
    use audit_readiness::domain::EvidenceRecord;
    let record = |what: &str| EvidenceRecord { what: what.into(), ..EvidenceRecord::default() };
    let on = day(2026, 11, 1);
    let mut mine = Assessment::default();
    let mut theirs = Assessment::default();
    // Same answer and day; they added evidence and a note.
    mine.set_answer("C53-PRE-01", Answer::Yes, on);
    mine.edit_evidence("C53-PRE-01", |list| list.push(record("Signed letters")));
    theirs.set_answer("C53-PRE-01", Answer::Yes, on);
    theirs.edit_evidence("C53-PRE-01", |list| list.extend([record("Signed letters"), record("Board minutes")]));
    theirs.set_note("C53-PRE-01", "Ask Ada for the March minutes".into());
    // Their answer is newer; my evidence, and my note below theirs, stay with it.
    mine.set_answer("C53-PRE-02", Answer::No, on);
    mine.set_note("C53-PRE-02", "Policy draft is with legal".into());
    theirs.set_note("C53-PRE-02", "Approved in part at the board".into());
    mine.edit_evidence("C53-PRE-02", |list| list.push(record("Draft policy")));
    theirs.set_answer("C53-PRE-02", Answer::Partly, day(2026, 11, 9));
    // Undated (an older export): it still fills an item I never answered, known or not.
    theirs.set_answer("C53-PRE-05", Answer::Yes, on);
    theirs.set_answer("ZZ-FUTURE-01", Answer::No, on);
    for id in ["C53-PRE-05", "ZZ-FUTURE-01"] {
        theirs.responses.get_mut(id).unwrap().updated_on = None;
    }
    let choices = diff(&mine, &theirs, Catalog::builtin()).into_iter().map(|d| (d.item_id, MergeChoice::Newest)).collect();
    let merged = merge(&mine, &theirs, &choices);

    let first = merged.response("C53-PRE-01").unwrap();
    let whats: Vec<&str> = first.evidence.iter().map(|e| e.what.as_str()).collect();
    assert_eq!(whats, ["Signed letters", "Board minutes"]);
    assert_eq!(first.note, "Ask Ada for the March minutes");
    let second = merged.response("C53-PRE-02").unwrap();
    assert_eq!((second.answer, second.updated_on), (Some(Answer::Partly), Some(day(2026, 11, 9))));
    assert_eq!(second.evidence, vec![record("Draft policy")]);
    assert_eq!(second.note, "Approved in part at the board\n\nPolicy draft is with legal");
    // Merging the result again adds nothing twice.
    let again = merge(&merged, &mine, &choices);
    assert_eq!(again.response("C53-PRE-02").unwrap().note, second.note);
    assert_eq!(merged.answer_of("C53-PRE-05"), Some(Answer::Yes));
    assert_eq!(merged.answer_of("ZZ-FUTURE-01"), Some(Answer::No), "kept, though not scored");
    // The same backup merged again differs in nothing the merge did not bring in already (team
    // pass of stop 45: the joined notes listed the rows again, half of them "Same day: choose").
    assert_eq!(diff(&merged, &theirs, Catalog::builtin()), vec![]);
    // What mine lacks still differs: their answer changed, or a record of theirs I do not hold.
    let mut changed = theirs.clone();
    changed.set_answer("C53-PRE-01", Answer::Partly, on);
    assert_eq!(diff(&merged, &changed, Catalog::builtin()).len(), 1);
    let mut more = theirs.clone();
    more.edit_evidence("C53-PRE-02", |list| list.push(record("Board resolution")));
    assert_eq!(diff(&merged, &more, Catalog::builtin()).len(), 1);
}

#[test]
fn merge_takes_audit_date_and_plans_only_where_mine_are_empty() {
    let (mut mine, mut theirs) = pair();
    let plan = |owner: &str| Remediation { owner: owner.into(), due: Some(day(2027, 1, 1)), status: Status::InProgress };
    theirs.audit_date = Some(day(2027, 3, 1));
    mine.remediation.insert("gap:C53-PRE-02".into(), plan("Mine"));
    mine.remediation.insert("gap:C53-PRE-06".into(), Remediation::default());
    theirs.remediation.insert("gap:C53-PRE-02".into(), plan("Theirs"));
    theirs.remediation.insert("gap:C53-PRE-06".into(), plan("Theirs"));
    theirs.remediation.insert("partial:C53-PRE-03".into(), plan("Theirs"));
    let merged = merge(&mine, &theirs, &BTreeMap::new());
    assert_eq!(merged.audit_date, Some(day(2027, 3, 1)), "mine was empty");
    assert_eq!(merged.remediation["gap:C53-PRE-02"].owner, "Mine");
    assert_eq!(merged.remediation["gap:C53-PRE-06"].owner, "Theirs", "an empty entry counts as empty");
    assert_eq!(merged.remediation["partial:C53-PRE-03"].owner, "Theirs");
    mine.audit_date = Some(day(2027, 4, 1));
    assert_eq!(merge(&mine, &theirs, &BTreeMap::new()).audit_date, Some(day(2027, 4, 1)));
}

#[test]
fn a_teammates_register_fills_an_empty_one_but_never_mixes_into_mine() {
    let theirs = realistic(Catalog::builtin());
    assert!(!theirs.register.people.is_empty());
    let merged = merge(&Assessment::default(), &theirs, &Default::default());
    assert_eq!(merged.register, theirs.register);
    let mut mine = Assessment::default();
    mine.register.people.push(theirs.register.people[0].clone());
    let kept = merge(&mine, &theirs, &Default::default());
    assert_eq!(kept.register, mine.register);
}

#[test]
fn a_teammates_ratings_count_only_for_the_same_person_and_what_stays_out_is_said() {
    use audit_readiness::domain::export::backup::left_out;
    use audit_readiness::domain::interview::{record, Rating};
    let catalog = Catalog::builtin();
    let mine = realistic(catalog);
    let on = day(2026, 11, 20);
    // A backup of the same assessment, rehearsed by a teammate: the same people, so it all counts.
    let mut same = mine.clone();
    let first = mine.register.people[0].id.clone();
    record(&mut same.rehearsals, &first, "q-new", Rating::Confident, on);
    assert!(left_out(&mine, &same).is_empty());
    assert!(merge(&mine, &same, &BTreeMap::new()).rehearsals.iter().any(|r| r.question_id == "q-new"));
    // Another team's register, whose "p1" is someone else: the register stays mine and their
    // ratings are not credited to my people.
    let mut other = mine.clone();
    for person in &mut other.register.people {
        person.name = format!("Other {}", person.id);
    }
    other.rehearsals.clear();
    record(&mut other.rehearsals, &first, "q-new", Rating::Confident, on);
    record(&mut other.rehearsals, &first, "q-other", Rating::Confident, on);
    let merged = merge(&mine, &other, &BTreeMap::new());
    assert_eq!(merged.register, mine.register);
    assert_eq!(merged.rehearsals, mine.rehearsals, "none of their ratings are about my people");
    assert_eq!(outlook(&mine, &other, catalog), MergeOutlook::Nothing);
    assert_eq!(
        left_out(&mine, &other),
        [
            "Its roles register differs from yours: a merge keeps yours (a register is not mixed); add the backup as a new \
             assessment to keep both.",
            "2 interview ratings of people who are not in your register under the same name are left out.",
        ]
    );
    // The same person entered in both registers under another id is the same person by name
    // (team pass of stop 45: a teammate's 27 ratings of the security manager were left out).
    let mut entered_apart = mine.clone();
    entered_apart.register.people[0].id = "p9".into();
    entered_apart.rehearsals.clear();
    record(&mut entered_apart.rehearsals, "p9", "q-new", Rating::Confident, on);
    let merged = merge(&mine, &entered_apart, &BTreeMap::new());
    assert!(merged.rehearsals.iter().any(|r| r.person_id == first && r.question_id == "q-new"), "credited to my entry");
    assert!(!left_out(&mine, &entered_apart).iter().any(|s| s.contains("interview rating")));
    // A name two of my people share is no way to tell which: left out.
    let mut twins = mine.clone();
    let mut twin = twins.register.people[0].clone();
    twin.id = "p8".into();
    twins.register.people.push(twin);
    assert!(merge(&twins, &entered_apart, &BTreeMap::new()).rehearsals.iter().all(|r| r.question_id != "q-new"));
    // Into an empty assessment their register and ratings come together.
    let filled = merge(&Assessment::default(), &other, &BTreeMap::new());
    assert_eq!((filled.register, filled.rehearsals), (other.register.clone(), other.rehearsals.clone()));
    assert!(left_out(&Assessment::default(), &other).is_empty());
}

#[test]
fn an_audit_date_or_plan_line_that_differs_and_stays_mine_is_said_before_the_merge() {
    // Team pass of stop 45: a teammate's audit date and a plan line marked done went without a word.
    use audit_readiness::domain::export::backup::left_out;
    let mut mine = Assessment { audit_date: Some(day(2027, 2, 4)), ..Assessment::default() };
    let mut theirs = Assessment { audit_date: Some(day(2027, 1, 5)), ..Assessment::default() };
    mine.remediation.insert("gap:C53-PRE-03".into(), Remediation { owner: "Ada".into(), ..Remediation::default() });
    theirs.remediation.insert("gap:C53-PRE-03".into(), Remediation { owner: "Ben".into(), status: Status::Done, ..Remediation::default() });
    assert_eq!(
        left_out(&mine, &theirs),
        [
            "Its audit date, 2027-01-05, differs from yours, 2027-02-04: a merge keeps yours.",
            "1 line of its remediation plan differs from yours: a merge keeps yours.",
        ]
    );
    let merged = merge(&mine, &theirs, &BTreeMap::new());
    assert_eq!((merged.audit_date, &merged.remediation), (mine.audit_date, &mine.remediation));
    assert!(left_out(&mine, &mine.clone()).is_empty());
}

#[test]
fn rehearsal_logs_are_merged_as_a_union() {
    use audit_readiness::domain::interview::{record, Rating};
    let mut mine = Assessment::default();
    let mut theirs = Assessment::default();
    let day = chrono::NaiveDate::from_ymd_opt(2026, 11, 20).unwrap();
    record(&mut mine.rehearsals, "p1", "q1", Rating::Shaky, day);
    record(&mut theirs.rehearsals, "p1", "q1", Rating::Confident, day);
    record(&mut theirs.rehearsals, "p2", "q1", Rating::Confident, day);
    let merged = merge(&mine, &theirs, &Default::default());
    assert_eq!(merged.rehearsals.len(), 2);
    assert_eq!(merged.rehearsals[0].rating, Rating::Shaky, "mine wins a same-day clash");
    assert_eq!(merged.rehearsals[1].person_id, "p2");
}

#[test]
fn a_backup_equal_to_mine_has_nothing_to_merge_but_one_with_more_than_answers_does() {
    let catalog = Catalog::builtin();
    let mine = realistic(catalog);
    let same = mine.clone();
    assert_eq!(outlook(&mine, &same, catalog), MergeOutlook::Nothing);
    assert!(!MergeOutlook::Nothing.changes_anything());
    // An empty response in the backup where mine has none is no change either.
    let mut with_empty = mine.clone();
    with_empty.set_note("C53-PRE-07", String::new());
    with_empty.responses.entry("C53-PRE-07".into()).or_default();
    assert_eq!(outlook(&mine, &with_empty, catalog), MergeOutlook::Nothing);
    // Answers equal, but the backup brings an audit date mine lacks.
    let mut undated = mine.clone();
    undated.audit_date = None;
    let dated = Assessment { audit_date: Some(day(2027, 3, 1)), ..undated.clone() };
    assert!(diff(&undated, &dated, catalog).is_empty());
    let adds = outlook(&undated, &dated, catalog);
    assert_eq!(adds, MergeOutlook::OnlyAdds);
    assert!(adds.changes_anything());
    assert!(adds.into_diffs().is_empty());
    // Mine has the date and the backup not: merging keeps mine, so nothing changes.
    assert_eq!(outlook(&dated, &undated, catalog), MergeOutlook::Nothing);
    // Any differing answer is a change, and the outlook carries exactly the diff's items.
    let (a, b) = pair();
    let differs = outlook(&a, &b, catalog);
    assert!(differs.changes_anything());
    assert_eq!(differs.into_diffs(), diff(&a, &b, catalog));
    assert!(!diff(&a, &b, catalog).is_empty());
}

#[test]
fn what_a_merge_adds_besides_the_answers_is_said_before_merging() {
    use audit_readiness::domain::export::backup::brought_in;
    // The founder pass: a teammate's backup merged into a fresh assessment brought in their
    // register, ratings and audit date while the table listed only the differing answers.
    let catalog = Catalog::builtin();
    let mut theirs = realistic(catalog);
    theirs.audit_date = Some(day(2027, 1, 18));
    theirs.remediation.insert("gap:C53-PRE-02".into(), Remediation { owner: "Theirs".into(), ..Remediation::default() });
    let first = theirs.register.people[0].id.clone();
    for question in ["q-one", "q-two"] {
        audit_readiness::domain::interview::record(
            &mut theirs.rehearsals,
            &first,
            question,
            audit_readiness::domain::interview::Rating::Confident,
            day(2026, 11, 20),
        );
    }
    let mine = Assessment::default();
    let (people, roles, ratings) = (theirs.register.people.len(), theirs.register.assignments.len(), theirs.rehearsals.len());
    assert!(people > 1 && roles > 1 && ratings > 1);
    assert_eq!(
        brought_in(&mine, &theirs),
        [
            "Its audit date, 2027-01-18, fills yours, which is not set.".to_string(),
            format!("Its roles register ({people} people and {roles} role assignments) fills yours, which is empty."),
            format!("{ratings} interview ratings are added to yours."),
            format!("{} lines of its remediation plan fill yours.", theirs.remediation.len()),
        ]
    );
    // Each sentence is what the merge does.
    let merged = merge(&mine, &theirs, &BTreeMap::new());
    assert_eq!(
        (merged.audit_date, merged.register.clone(), merged.rehearsals.len()),
        (theirs.audit_date, theirs.register.clone(), ratings)
    );
    // Merged once, the same backup adds nothing more; nor does my own assessment.
    assert!(brought_in(&merged, &theirs).is_empty());
    assert!(brought_in(&theirs, &theirs).is_empty());
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
fn the_newest_choice_says_whose_answer_it_keeps_as_the_merge_does() {
    // Founder pass: "Newest" kept mine on a same-day clash without a word.
    let catalog = Catalog::builtin();
    let id = "C53-PRE-01";
    let on = |d: u32| Some(chrono::NaiveDate::from_ymd_opt(2026, 12, d).unwrap());
    // Mine "no" and theirs "yes", each changed on the day given.
    let answered = |mine_on, theirs_on| {
        let mut mine = Assessment::default();
        mine.set_answer(id, Answer::No, today());
        mine.responses.get_mut(id).unwrap().updated_on = mine_on;
        let mut theirs = Assessment::default();
        theirs.set_answer(id, Answer::Yes, today());
        theirs.responses.get_mut(id).unwrap().updated_on = theirs_on;
        (mine, theirs)
    };
    let cases = [(on(3), on(4), "Newest: theirs"), (on(4), on(3), "Newest: mine"), (None, on(1), "Newest: theirs")];
    for (mine_on, theirs_on, label) in cases {
        let (mine, theirs) = answered(mine_on, theirs_on);
        let diffs = diff(&mine, &theirs, catalog);
        assert_eq!(diffs.len(), 1);
        assert_eq!(diffs[0].newest_label(), Some(label), "{mine_on:?} {theirs_on:?}");
        let merged = merge(&mine, &theirs, &BTreeMap::from([(id.to_string(), MergeChoice::Newest)]));
        let kept = merged.responses[id].answer;
        assert_eq!(kept == Some(Answer::Yes), label == "Newest: theirs", "{label}");
    }
    // The side not kept bringing a record or a note the kept one lacks: said, as "Newest" adds
    // them (team pass of stop 45: "Newest: mine" read as if nothing of theirs came in).
    let (mine, mut theirs) = answered(on(4), on(3));
    theirs.set_note(id, "Ask Ada".into());
    assert_eq!(diff(&mine, &theirs, catalog)[0].newest_label(), Some("Newest: mine, adding theirs"));
    let (mut mine, theirs) = answered(on(3), on(4));
    mine.edit_evidence(id, |list| list.push(audit_readiness::domain::EvidenceRecord { what: "Minutes".into(), ..Default::default() }));
    assert_eq!(diff(&mine, &theirs, catalog)[0].newest_label(), Some("Newest: theirs, adding mine"));
    // Nothing of mine: theirs fills it.
    let mut theirs = Assessment::default();
    theirs.set_answer(id, Answer::Yes, today());
    assert_eq!(diff(&Assessment::default(), &theirs, catalog)[0].newest_label(), Some("Newest: theirs"));
    // Changed on the same day, or neither dated: which is newer cannot be told, so no "Newest"
    // is offered (second founder pass: "Newest: mine (same day)", preset, kept mine over a
    // teammate's later change that day).
    for (mine_on, theirs_on) in [(on(4), on(4)), (None, None)] {
        let (mine, theirs) = answered(mine_on, theirs_on);
        assert_eq!(diff(&mine, &theirs, catalog)[0].newest_label(), None, "{mine_on:?}");
    }
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
