//! Diff and merge per choice: newest, a teammate's register, ratings and rehearsal logs, dates and plans.

use crate::export_fixture::*;
use crate::pair;
use audit_readiness::domain::export::backup::{diff, merge, outlook, MergeChoice, MergeOutlook};
use audit_readiness::domain::remediation::{Remediation, Status};
use audit_readiness::domain::{Answer, Assessment, Catalog};
use std::collections::BTreeMap;

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
