//! Not applicable: it needs a justification, and what cannot be excluded still counts as not in place.

use crate::score;
use crate::support::{all, today};
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::{Answer, Catalog, FindingKind, Severity, Verdict};

#[test]
fn not_applicable_needs_a_justification_to_leave_the_score() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    // An Annex A control (A 5.x) can be excluded, with a reason.
    let control = catalog
        .items
        .iter()
        .find(|i| i.excludable() && !i.is_derived() && catalog.reality_checks.iter().all(|c| c.proof_item != i.id))
        .unwrap();
    a.set_answer(control.id, Answer::NotApplicable, today());
    // No justification: counts as unanswered, costs points and yields a "reason missing" finding.
    let s = score(&a);
    assert!(s.percent < 100);
    let findings = all_findings(catalog, &a, today());
    assert_eq!(findings.len(), 1);
    assert_eq!((findings[0].kind.label(), findings[0].id.as_str()), ("Reason missing", format!("reason-missing:{}", control.id).as_str()));
    assert_eq!(s.progress.unanswered(), 1);
    // The finding says what is missing (not "not confirmed yet", which reads as if nothing was chosen).
    assert!(findings[0].explanation.starts_with("Marked not applicable, but without a reason"), "{}", findings[0].explanation);
    assert_eq!(findings[0].cost.lost_text(), "−2 pts");
    // With a justification it leaves the denominator: back to 100 %.
    a.set_na_justification(control.id, "We have no third parties at all".into());
    let s = score(&a);
    assert_eq!((s.percent, s.verdict), (100, Verdict::Ready));
    // Whitespace is not a justification.
    a.set_na_justification(control.id, "   ".into());
    assert!(score(&a).percent < 100);
}

#[test]
fn an_annex_a_item_that_also_rests_on_a_clause_cannot_be_excluded() {
    let catalog = Catalog::builtin();
    // A 5.4 item whose proof is the resources Clause 7.1 requires of every ISMS.
    let item = catalog.item("A54-CTL-06").unwrap();
    assert_eq!(item.reference, "A 5.4, Clause 7.1");
    assert!(!item.excludable());
    assert_eq!(item.clause_references(), ["Clause 7.1"]);
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(item.id, Answer::NotApplicable, today());
    a.set_na_justification(item.id, "We are too small for a security budget".into());
    let findings = all_findings(catalog, &a, today());
    assert_eq!(findings.len(), 1);
    let f = &findings[0];
    assert_eq!((f.item_id, f.kind, f.severity), (item.id, FindingKind::NotExcludable, item.finding));
    assert!(f.explanation.starts_with("Marked not applicable, but it rests on Clause 7.1, a requirement"), "{}", f.explanation);
    // With a reason given, it may describe the practice itself (auditor probe of stop 44).
    assert!(f.explanation.ends_with(" If your reason says how it is handled here, that is the practice: answer yes or partly."));
    assert_ne!(score(&a).verdict, Verdict::Ready);
    // Two clauses are requirements, joined by "and" (copy pass of stop 51: "Clause 5.3, Clause
    // 7.2, a requirement").
    let two = catalog.items.iter().find(|i| i.clause_references().len() == 2 && i.finding != Severity::Observation).unwrap();
    let [first, second] = two.clause_references()[..] else { unreachable!() };
    assert_eq!(
        two.not_excludable_because().unwrap(),
        format!("it rests on {first} and {second}, requirements of the management system itself")
    );
    // A good practice that supports a clause says so rather than calling itself a requirement.
    let practice = catalog.items.iter().find(|i| !i.excludable() && !i.is_derived() && i.finding == Severity::Observation).unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(practice.id, Answer::NotApplicable, today());
    let f = &all_findings(catalog, &a, today())[0];
    assert!(f.explanation.starts_with("Marked not applicable, but this good practice supports Clause"), "{}", f.explanation);
    assert!(!f.explanation.contains("If your reason"), "no reason given: {}", f.explanation);
    // Annex A controls alone can be excluded, and not those every company with staff applies.
    assert!(catalog.item("MGT-STEP-08").unwrap().excludable(), "change management, A 8.32");
    assert!(!catalog.item("A54-CTL-03").unwrap().excludable(), "A 5.4");
    // Auditor probe: leadership overseeing incident response marked N/A, "we have never had a
    // security incident", read "Ready"; A 5.24 is about being prepared for one.
    let incidents = catalog.item("MGT-STEP-09").unwrap();
    assert!(!incidents.excludable(), "incident preparation, A 5.24");
    assert_eq!(
        incidents.not_excludable_because().as_deref(),
        Some("A 5.24 applies to every company with staff, so an auditor would not accept leaving it out of the Statement of Applicability")
    );
    assert!(!catalog.item("C53-PLAY-03").unwrap().excludable(), "auditor objectivity is Clause 9.2");
}

#[test]
fn a_practice_of_a_control_every_company_applies_marked_not_applicable_is_not_in_place() {
    let catalog = Catalog::builtin();
    // The practices of A 5.2-5.4 that rest on no clause: the A 5.4 controls and most reality checks.
    let practices: Vec<_> = catalog
        .items
        .iter()
        .filter(|i| !i.is_derived() && !i.rests_on_clause() && i.reference.split(", ").any(|c| ["A 5.2", "A 5.3", "A 5.4"].contains(&c)))
        .collect();
    assert!(practices.len() >= 15, "{}", practices.len());
    assert!(practices.iter().all(|i| !i.excludable()));
    let item = catalog.item("A54-CTL-08").unwrap();
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(item.id, Answer::NotApplicable, today());
    a.set_na_justification(item.id, "We are a team of six".into());
    let findings = all_findings(catalog, &a, today());
    assert_eq!(
        findings.iter().map(|f| (f.item_id, f.kind, f.severity)).collect::<Vec<_>>(),
        [(item.id, FindingKind::NotExcludable, item.finding)]
    );
    assert!(
        findings[0].explanation.starts_with(
            "Marked not applicable, but A 5.4 applies to every company with staff, so an auditor would not accept leaving it out \
             of the Statement of Applicability. An auditor treats it as not in place."
        ),
        "{}",
        findings[0].explanation
    );
    assert_ne!(score(&a).verdict, Verdict::Ready);
    // Every practice of A 5.4 marked not applicable, with reasons, counts as every one answered no:
    // no way round the control, and no cliff between excluding all of them and all but one.
    // (Except a proof that needs an event, with nothing yet to show: see the reality checks.)
    let event =
        |i: &&&audit_readiness::domain::Item| catalog.reality_checks.iter().any(|c| c.proof_item == i.id && c.no_event_shown_by.is_some());
    let (mut excluded, mut no) = (all(catalog, Answer::Yes), all(catalog, Answer::Yes));
    for item in practices.iter().filter(|i| !event(i)) {
        excluded.set_answer(item.id, Answer::NotApplicable, today());
        excluded.set_na_justification(item.id, "We are a team of six".into());
        no.set_answer(item.id, Answer::No, today());
    }
    let (excluded, no) = (score(&excluded), score(&no));
    assert_eq!((excluded.percent, excluded.earned, excluded.possible), (no.percent, no.earned, no.possible));
    assert_eq!((excluded.majors, excluded.minors, excluded.observations), (no.majors, no.minors, no.observations));
    assert_ne!(excluded.verdict, Verdict::Ready);
    // The reason's field says what the reason does.
    assert!(catalog.na_prompt(item).contains("you may leave this blank: this cannot be excluded"));
    assert!(catalog.na_prompt(catalog.item("MGT-STEP-08").unwrap()).contains("required for N/A to count"));
    // The record that shows no case has happened is named from the content, not hard-coded.
    let record = catalog.check_proved_by("RC-03-PROOF").and_then(|c| c.no_event_shown_by).and_then(|id| catalog.item(id)).unwrap();
    let prompt = catalog.na_prompt(catalog.item("RC-03-PROOF").unwrap());
    assert!(prompt.contains("only if no case has happened yet") && prompt.contains(&format!("“{}”", record.title)), "{prompt}");
    // A control outside that list still leaves the score with its reason.
    let mut a = all(catalog, Answer::Yes);
    let change = catalog.item("MGT-STEP-08").unwrap();
    a.set_answer(change.id, Answer::NotApplicable, today());
    a.set_na_justification(change.id, "No in-house development or infrastructure".into());
    let s = score(&a);
    assert_eq!((s.percent, s.verdict), (100, Verdict::Ready));
    assert!(s.possible < score(&all(catalog, Answer::Yes)).possible);
}

#[test]
fn a_clause_requirement_marked_not_applicable_still_counts_as_not_in_place() {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    let requirement = catalog
        .item("C51-01")
        .or_else(|| catalog.items.iter().find(|i| !i.excludable() && !i.is_derived() && i.finding == Severity::Major))
        .unwrap();
    assert!(requirement.reference.starts_with("Clause"), "{}", requirement.reference);
    a.set_answer(requirement.id, Answer::NotApplicable, today());
    // With a reason or without, N/A here means "not in place": a gap at the item's severity, and
    // the item counts as answered (there is nothing left to confirm).
    for reason in ["", "Our board does not do security"] {
        a.set_na_justification(requirement.id, reason.into());
        let findings = all_findings(catalog, &a, today());
        assert_eq!(findings.len(), 1);
        let f = &findings[0];
        assert_eq!((f.item_id, f.kind, f.severity), (requirement.id, FindingKind::NotExcludable, requirement.finding));
        assert!(f.explanation.contains("only Annex A controls can be excluded"), "{}", f.explanation);
        assert_eq!(f.cost, audit_readiness::domain::points::weight(requirement.finding));
        let s = score(&a);
        assert!(s.percent < 100);
        assert_ne!(s.verdict, Verdict::Ready);
        assert_eq!(s.progress.unanswered(), 0);
        assert_eq!(s.possible - s.earned, f.cost, "the point is explained by the finding");
    }
}

#[test]
fn the_not_applicable_choice_says_before_it_is_picked_when_it_counts_as_no() {
    let catalog = Catalog::builtin();
    let (mut plain, mut counts_as_no) = (0, 0);
    for item in catalog.items.iter().filter(|i| !i.is_derived()) {
        let mut a = all(catalog, Answer::Yes);
        a.set_answer(item.id, Answer::NotApplicable, today());
        a.set_na_justification(item.id, "Outside our scope".into());
        let findings = all_findings(catalog, &a, today());
        let not_in_place = findings.iter().any(|f| f.item_id == item.id && f.kind == FindingKind::NotExcludable);
        match catalog.na_label(item) {
            "N/A (counts as no)" => {
                counts_as_no += 1;
                assert!(not_in_place, "{}: labelled as counting as no, but N/A with a reason was accepted", item.id);
            }
            label => {
                plain += 1;
                assert_eq!(label, Answer::NotApplicable.label());
                assert!(!not_in_place, "{}: N/A with a reason counts as no, but the label does not say so", item.id);
            }
        }
    }
    // Most questions rest on a requirement no company can leave out.
    assert!(counts_as_no > 90 && plain >= 2, "{counts_as_no} counting as no, {plain} plain");
}

#[test]
fn a_placeholder_is_no_reason_for_not_applicable() {
    use audit_readiness::domain::wording::says_nothing;
    for text in [
        "",
        "  ",
        "-",
        "—",
        "‐",
        "...",
        "n/a",
        "N/A.",
        "N.A.",
        "none",
        "TBD",
        "TBC",
        "not yet",
        "not decided yet",
        "not applicable",
        // (second auditor probe: accepted as a reason, or as evidence)
        "Not applicable to us",
        "ok",
        "✓",
        "done",
        // (odd-input pass: invisible, pictographs, full-width, a hidden character inside "n/a")
        "\u{200B}",
        "👍",
        "🚫",
        "📄 ✅",
        "👍🏽",
        "n\u{200B}/a",
        "Ｎ／Ａ",
        "\u{FEFF}none\u{200D}",
        // (second look: marks between, said twice, filler words, other languages)
        "N/A 👍",
        "N / A",
        "n\u{A0}a",
        "n/a n/a",
        "TBD TBD",
        "Not applicable here",
        "Does not apply to us",
        "Nicht zutreffend",
        "Non applicable",
        "Sans objet",
        "No aplica",
        "該当なし",
        "なし",
        "无",
        // Digits alone (score-gaming probe of stop 52: evidence "1" kept in "101" read "Ready").
        "1",
        "101",
        "#12 / 2026",
    ] {
        assert!(says_nothing(text), "{text:?}");
    }
    let numbered = |what: &str, location: &str| audit_readiness::domain::assessment::EvidenceRecord {
        what: what.into(),
        location: location.into(),
        produced_on: Some(today()),
        owner: String::new(),
    };
    assert!(!numbered("1", "101").is_described(), "a numbered row is no record");
    assert!(numbered("Board minutes", "101").is_described() && numbered("2", "Room 101, binder 4").is_described());
    for text in [
        "Room 101",
        "ISO 27001 certificate",
        "No suppliers: all hosting is in-house",
        "Nein, extern",
        "外部監査",
        "x-ray room out of scope",
        "✅ signed by the CEO",
        "Not applicable: we have no office",
        "Keine eigenen Server, alles in der Cloud",
        "Sans objet : aucun fournisseur",
    ] {
        assert!(!says_nothing(text), "{text:?}");
    }
    // A control marked not applicable with "n/a" as its reason is not excluded.
    let catalog = Catalog::builtin();
    // (A 8.32, change management: an Annex A control a company may exclude with its reason.)
    let control = catalog.item("MGT-STEP-08").unwrap();
    assert_eq!(control.reference, "A 8.32");
    let mut a = all(catalog, Answer::Yes);
    a.set_answer(control.id, Answer::NotApplicable, today());
    a.set_na_justification(control.id, "n/a".into());
    let findings = all_findings(catalog, &a, today());
    assert_eq!(findings.iter().map(|f| (f.item_id, f.kind)).collect::<Vec<_>>(), [(control.id, FindingKind::ReasonMissing)]);
    a.set_na_justification(control.id, "No staff: the founders do all the work".into());
    assert!(all_findings(catalog, &a, today()).iter().all(|f| f.item_id != control.id));
    // What is left out is named with its reason under "Why this score" (score-gaming probe of
    // stop 47: the total dropped two points and nothing said why).
    use audit_readiness::domain::score::left_out;
    assert_eq!(left_out(catalog, &a), [format!("A 8.32 {} (“No staff: the founders do all the work”)", control.title)]);
    let mut not_excluded = a.clone();
    not_excluded.set_na_justification(control.id, "n/a".into());
    assert_eq!(left_out(catalog, &not_excluded), Vec::<String>::new(), "a placeholder reason leaves nothing out");
    // One word is no reason either (auditor probe: "Startup" excluded A 8.32); a script written
    // without spaces is not judged by them.
    use audit_readiness::domain::wording::justifies;
    for text in ["Startup", " startup. ", "Irrelevant", "Néant", "لا", "Ｓｔａｒｔｕｐ", "no\u{200B}\u{200B}staff"] {
        assert!(!justifies(text), "{text:?}");
    }
    // Nor a reason that the work is not done yet, or "N/A because N/A" (lead-auditor probe of
    // stop 48: both left A 8.32 out).
    for text in [
        "we don't have time for change management yet",
        "No time for this before the audit",
        "Not done yet, next year",
        "N/A because N/A",
        "Not applicable, as it is not applicable",
        "No idea",
        "No reason",
        "As above",
        "See SoA",
        "Will look at this after certification",
    ] {
        assert!(!justifies(text), "{text:?}");
    }
    for text in [
        "No suppliers",
        "外部監査",
        "Nein, extern",
        "ไม่มีผู้ให้บริการภายนอก",
        "لا يوجد موردون",
        "No production systems: the product is a static site hosted by Netlify",
        "Not applicable because we make no changes to systems in scope",
    ] {
        assert!(justifies(text), "{text:?}");
    }
    // An appointment record that says it was only spoken shows nothing in writing.
    use audit_readiness::domain::wording::no_written_record;
    for text in [
        "Verbal agreement, nothing signed",
        "ORAL appointment at standup",
        "unsigned draft",
        "n/a",
        "Letter not yet signed",
        "Awaiting signature",
        "Draft letter, to be signed",
        "Letter to be signed by the CEO",
        // Still to come, whatever it names (auditor probe of stop 42).
        "Appointment letter pending",
        "Signed letter to follow after the next board meeting",
        "Signed letter still missing",
        "Board minutes expected in March",
        // Score-gaming probe of stop 47.
        "Everyone knows",
        "CEO said so in a meeting",
        "Told at the all-hands",
        "Ben knows it is his job",
        "Agreed in a call with the CEO",
        // Score-gaming probe of stop 51.
        "No record",
        "No letter",
        "Letter lost",
        "Appointment letter revoked",
        "Declined the role",
        "Assumed by default",
        "Probably in an email somewhere",
        "Founder, by default",
    ] {
        assert!(no_written_record(text), "{text:?}");
    }
    for text in [
        "Signed letter 2026-05-04",
        "Board minutes, item 4",
        "Signed by the CEO",
        "Minutes on staff morale, signed",
        "Signed letter 2025-03-01 (confirms the earlier verbal agreement)",
        "Signed letter 2026-02-01, as planned at the kick-off",
        "Signed letter 2026-02-01; it will be renewed with the role",
        "Board minutes: the CEO said the CTO is security manager",
        // False-positive pass of stop 47.
        "Signed appointment letter, replaces the verbal agreement from 2025",
        "Role description drafted by HR, signed by CEO 2026-03-01",
        "Appointment letter signed by CEO; expected duties listed",
        "Appointment letter to Said Benali, signed by CEO",
        "Board resolution 2026-03 (unsigned copy in Drive, signed original in safe)",
        "Assumed the role on 2026-03-01, signed letter in HR file",
    ] {
        assert!(!no_written_record(text), "{text:?}");
    }
    a.set_na_justification(control.id, "Startup".into());
    let findings = all_findings(catalog, &a, today());
    assert_eq!(findings.iter().map(|f| (f.item_id, f.kind)).collect::<Vec<_>>(), [(control.id, FindingKind::ReasonMissing)]);
}
