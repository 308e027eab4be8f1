//! The embedded question bank is valid: unique IDs, references resolve, every seed section is covered.

use audit_readiness::domain::Catalog;

#[test]
fn builtin_content_has_no_problems() {
    let catalog = Catalog::builtin();
    assert_eq!(catalog.validate(), Vec::<String>::new());
    assert!(catalog.version >= 1);
}

#[test]
fn pre_audit_checklist_has_the_eight_checks_in_order() {
    let catalog = Catalog::builtin();
    let ids: Vec<&str> = catalog.items_in("c53-preaudit").map(|i| i.id.as_str()).collect();
    let expected: Vec<String> = (1..=8).map(|n| format!("C53-PRE-0{n}")).collect();
    assert_eq!(ids, expected);
    for item in catalog.items_in("c53-preaudit") {
        assert!(item.reference.starts_with("Clause 5.3"), "{}", item.id);
        assert!(item.question.ends_with('?'), "{} question should be a question", item.id);
    }
}

const HEADER: &str = r#"{"version":1,
  "seed_sections":[{"id":"s1","seed":"000","title":"one"},{"id":"s2","seed":"000","title":"two"}],
  "areas":[{"id":"a","title":"A","reference":"Clause 5.3","summary":"s"}]}"#;

fn item(id: &str, area: &str, covers: &str) -> String {
    format!(
        r#"{{"id":"{id}","area":"{area}","reference":"Clause 5.3","title":"t","question":"q?","why":"w",
        "evidence":["e"],"cadence":null,"finding":"minor","finding_reason":"r","covers":["{covers}"]}}"#
    )
}

#[test]
fn validation_reports_duplicates_dangling_references_and_uncovered_sections() {
    let items = format!("[{},{},{}]", item("X", "a", "s1"), item("X", "nope", "s1"), item("Y", "a", "s9"));
    let catalog = Catalog::parse(HEADER, &[("t.json", &items)]).unwrap();
    let problems = catalog.validate();
    assert!(problems.contains(&"duplicate id X".to_string()), "{problems:?}");
    assert!(problems.contains(&"X: unknown area nope".to_string()), "{problems:?}");
    assert!(problems.contains(&"Y: unknown seed section s9".to_string()), "{problems:?}");
    assert!(problems.contains(&"seed section s2 is covered by no item".to_string()), "{problems:?}");
}

#[test]
fn malformed_content_is_an_error_naming_the_file() {
    let err = Catalog::parse(HEADER, &[("broken.json", "[{\"id\": 1}]")]).unwrap_err();
    assert!(err.to_string().contains("broken.json"), "{err}");
}
