//! What a merge will do, said before merging: what differs and stays mine, what it adds, whose answer it keeps.

use crate::export_fixture::*;
use crate::pair;
use audit_readiness::domain::export::backup::{diff, merge, outlook, MergeChoice, MergeOutlook};
use audit_readiness::domain::remediation::{Remediation, Status};
use audit_readiness::domain::{Answer, Assessment, Catalog};
use std::collections::BTreeMap;

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
