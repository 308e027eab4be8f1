//! One gap that others presuppose: a missing review, document, process or duty is one nonconformity.

use crate::support;
use crate::support::{all, day, today};
use crate::{answered_no, finding, scored};
use audit_readiness::domain::findings::FindingKind;
use audit_readiness::domain::points::weight;
use audit_readiness::domain::{Answer, Catalog, Points, Verdict};

#[test]
fn no_management_review_at_all_is_one_major_not_one_more_per_thing_a_review_covers() {
    let review_parts = ["MGT-FAQ-01", "A54-CTL-07", "C53-MRT-02", "RC-06-CLAIM", "RC-06-PROOF", "C53-ISM-05"];
    let mut none = vec!["MGT-STEP-06"];
    none.extend(review_parts);
    let (findings, score) = scored(&answered_no(&none));
    for part in review_parts {
        let f = finding(&findings, part);
        assert_eq!((f.part_of.map(|p| p.item_id), f.stands_alone()), (Some("MGT-STEP-06"), false), "{part}");
        assert!(
            f.explanation
                .starts_with("Part of “Management review carried out” (Clause 9.3): it follows from that gap and is not raised on its own"),
            "{}",
            f.explanation
        );
        // Each still costs its points until the review is held.
        assert_eq!(f.cost, weight(Catalog::builtin().item(part).unwrap().finding), "{part}");
    }
    assert_eq!((score.majors, score.minors, score.observations), (1, 0, 0), "{findings:#?}");
    // With the review held (its dated record on file), a review that skipped incidents is a gap of
    // its own again (the review claim with its proof confirmed missing is one gap: the claim is
    // part of the proof's).
    let mut held = answered_no(&review_parts);
    let minutes = audit_readiness::domain::EvidenceRecord {
        what: "Review minutes".into(),
        produced_on: Some(day(2026, 10, 1)),
        ..Default::default()
    };
    held.edit_evidence("MGT-STEP-06", |list| list.push(minutes));
    let (findings, score) = scored(&held);
    assert!(review_parts.iter().filter(|part| **part != "RC-06-CLAIM").all(|part| finding(&findings, part).stands_alone()));
    // The dated record on file is the record of the review's date, whatever its question says
    // (second founder pass): the review is shown, and the date's claim is part of its proof's gap.
    assert!(findings.iter().all(|f| f.item_id != "MGT-STEP-06"), "{findings:#?}");
    assert_eq!(finding(&findings, "RC-06-CLAIM").part_of.map(|p| p.item_id), Some("RC-06-PROOF"));
    // A review top management did not conduct is no management review (Clause 9.3; second
    // auditor probe: it read a minor): a major of its own; three minors and the meetings' rhythm
    // (an observation).
    assert_eq!(score.majors, 1);
    assert_eq!((score.minors, score.observations), (3, 1), "{score:?}");
    // With no dated record on file either, nothing shows the review was held (auditor probe).
    let (findings, score) = scored(&answered_no(&review_parts));
    assert_eq!((finding(&findings, "MGT-STEP-06").kind, score.majors), (FindingKind::Gap, 1));
}

#[test]
fn a_narrower_gap_joins_the_broader_only_while_that_is_answered_no() {
    // No approved policy: its content and its roles section are part of that major.
    let (findings, score) = scored(&answered_no(&["C52-POL-08", "C52-POL-01", "C53-COM-02", "C51-DUTY-01"]));
    for part in ["C52-POL-01", "C53-COM-02", "C51-DUTY-01"] {
        assert_eq!(finding(&findings, part).part_of.map(|p| p.item_id), Some("C52-POL-08"), "{part}");
    }
    assert_eq!((score.majors, score.minors), (1, 0));
    // Only partly approved, or not yet known: the narrower gaps stand on their own.
    for broader in [Answer::Partly, Answer::NotSure] {
        let mut a = answered_no(&["C52-POL-01"]);
        a.set_answer("C52-POL-08", broader, today());
        let (findings, _) = scored(&a);
        assert!(finding(&findings, "C52-POL-01").stands_alone(), "{broader:?}");
    }
    // No resourcing at all, and no internal audit at all: one major each.
    let (_, score) = scored(&answered_no(&["C51-DUTY-03", "A54-CTL-06", "MGT-STEP-02", "RC-04-PROOF", "C53-ISM-02", "MGT-STEP-07"]));
    assert_eq!((score.majors, score.minors, score.observations), (2, 0, 0));
    // The score still charges every point: an unheld review costs what it cost before.
    let (findings, score) = scored(&answered_no(&["MGT-STEP-06", "MGT-FAQ-01"]));
    let lost: u32 = findings.iter().map(|f| f.cost.in_halves()).sum();
    assert_eq!(score.possible.in_halves() - score.earned.in_halves(), lost);
}

#[test]
fn a_duty_nobody_holds_answered_no_is_one_major_with_the_register_s() {
    // Nobody holds the conformance duty (Clause 5.3 a), and the question about it says no.
    let mut a = answered_no(&["C53-MAND-01"]);
    a.register.remove_assignment("a3").unwrap();
    let (findings, score) = scored(&a);
    let asked = finding(&findings, "C53-MAND-01");
    assert_eq!((asked.part_of.map(|p| p.item_id), asked.stands_alone()), (Some("REG-ROLES-ASSIGNED"), false));
    assert_eq!(asked.cost, weight(Catalog::builtin().item("C53-MAND-01").unwrap().finding), "it still costs its points");
    assert_eq!(score.majors, 1, "{findings:#?}");
    // With the duty held, a "no" is a major of its own (the register cannot see whether it works).
    let (findings, score) = scored(&answered_no(&["C53-MAND-01"]));
    assert!(finding(&findings, "C53-MAND-01").stands_alone());
    assert_eq!(score.majors, 1);
    // A different required role left empty does not absorb it: two majors, two gaps.
    let mut a = answered_no(&["C53-MAND-01"]);
    a.register.remove_assignment("a4").unwrap(); // the performance reporter
    let (findings, score) = scored(&a);
    assert!(finding(&findings, "C53-MAND-01").stands_alone());
    assert_eq!(score.majors, 2);
    // Vacant only on the audit day (its holder leaves before it): part of that major too.
    let mut a = answered_no(&["C53-MAND-02"]);
    let mut ben = a.register.person("p2").unwrap().clone();
    ben.leaving_date = Some(support::day(2026, 12, 1));
    a.register.update_person(ben).unwrap();
    a.audit_date = Some(support::day(2027, 1, 10));
    let (findings, _) = scored(&a);
    assert_eq!(finding(&findings, "C53-MAND-02").part_of.map(|p| p.item_id), Some("REG-ROLES-ASSIGNED"));
}

#[test]
fn a_practice_whose_function_nobody_holds_is_part_of_that_vacancy() {
    // The auditor's probe: no third-party manager in the register and "no" to the third-party
    // manager owning the supplier register were two minors, which with one more A 5.2 gap read a
    // likely major.
    let mut a = answered_no(&["C53-TPM-01", "A54-CTL-01"]);
    a.register.remove_assignment("a9").unwrap(); // Dev, third-party manager
    let (findings, score) = scored(&a);
    let question = finding(&findings, "C53-TPM-01");
    assert_eq!(question.part_of.map(|p| p.item_id), Some("REG-FUNCTIONS-ASSIGNED"));
    assert!(question.cost > Points::ZERO, "it still costs its points");
    assert!(question.explanation.starts_with("Part of “The ISMS's other functions have a current holder”"), "{}", question.explanation);
    assert!(score.adding_up.is_empty(), "{:?}", score.adding_up);
    assert_eq!((score.majors, score.minors, score.verdict), (0, 2, Verdict::NearlyReady));
    // The review team one member short, and "no" to a review team set up: one gap.
    let mut a = answered_no(&["C53-MRT-01"]);
    a.register.remove_assignment("a6").unwrap(); // Cara's seat
    a.register.remove_assignment("a5").unwrap(); // Ben's: the CEO, who holds the review, is left
    let (findings, score) = scored(&a);
    assert_eq!(finding(&findings, "C53-MRT-01").part_of.map(|p| p.item_id), Some("REG-FUNCTIONS-ASSIGNED"));
    assert_eq!(score.minors, 1, "{findings:#?}");
    // With the function held, the "no" is a gap of its own.
    let (findings, score) = scored(&answered_no(&["C53-TPM-01"]));
    assert!(finding(&findings, "C53-TPM-01").stands_alone());
    assert_eq!(score.minors, 1);
}

#[test]
fn one_missing_document_or_process_is_one_nonconformity_whatever_else_presupposes_it() {
    // (broader, narrower questions that presuppose it): a "no" to all is the broader's major only.
    let cases: [(&str, &[&str]); 7] = [
        // No controlled roles document: what it should say about tasks, the CEO and delegation.
        ("C53-PRE-01", &["C53-PLAY-02", "C53-KEY-01", "C53-ACC-01"]),
        // No approved policy: the CEO's approval on record (a reality check's claim) with it.
        ("C52-POL-08", &["RC-02-CLAIM"]),
        // Risk owners accept no residual risk: nor did they approve the treatment plans.
        ("MGT-FAQ-04", &["MGT-FAQ-03"]),
        // No management review: nor does top management check the ISMS's results, nor can the
        // performance reports reach it.
        ("MGT-STEP-06", &["C51-DUTY-05", "C53-MAND-02"]),
        // No continual improvement: nor is leadership seen to push it.
        ("MGT-STEP-10", &["C51-DUTY-07"]),
        // Annex A within Annex A: no disciplinary procedure in the handbook, so no handled case.
        ("A54-CTL-05", &["RC-03-PROOF"]),
        // No job description with a security section: the claim that they set out duties.
        ("A54-CTL-01", &["RC-01-CLAIM"]),
    ];
    for (broader, narrower) in cases {
        let mut none = vec![broader];
        none.extend(narrower);
        let (findings, score) = scored(&answered_no(&none));
        for part in narrower {
            assert_eq!(finding(&findings, part).part_of.map(|p| p.item_id), Some(broader), "{part}");
        }
        let severity = Catalog::builtin().item(broader).unwrap().finding;
        let standing: Vec<_> = findings.iter().filter(|f| f.stands_alone()).map(|f| f.item_id).collect();
        assert_eq!(standing, [broader], "{broader}: {score:?}");
        assert_eq!(finding(&findings, broader).severity, severity);
        // With the broader one in place, each narrower "no" is a gap of its own again, but for
        // the record that "yes" rests on: it leaves the "yes" partly shown, and is part of that.
        let (findings, _) = scored(&answered_no(narrower));
        for part in narrower {
            let f = finding(&findings, part);
            match (f.item.proves_within, f.item.in_text) {
                (true, _) => assert_eq!(f.part_of.map(|p| p.item_id), Some(broader), "{part}"),
                // Statements of one document still missing are raised as one (`raised_as_one`).
                (false, true) => assert!(f.part_of.map_or(true, |p| p.raised_with.is_some()), "{broader}: {part}"),
                (false, false) => assert!(f.stands_alone(), "{broader}: {part}"),
            }
        }
    }
    // No procedure at all: the claim that one exists and the handled case are both part of it.
    let (findings, score) = scored(&answered_no(&["A54-CTL-05", "RC-03-CLAIM", "RC-03-PROOF"]));
    for part in ["RC-03-CLAIM", "RC-03-PROOF"] {
        assert_eq!(finding(&findings, part).part_of.map(|p| p.item_id), Some("A54-CTL-05"), "{part}");
    }
    assert_eq!((score.majors, score.minors, score.observations), (0, 1, 0));
    // A claim within a broader gap stays there even when its proof is missing too.
    let (findings, _) = scored(&answered_no(&["C52-POL-08", "RC-02-CLAIM", "RC-02-PROOF"]));
    assert_eq!(finding(&findings, "RC-02-CLAIM").part_of.map(|p| p.item_id), Some("C52-POL-08"));
    // Without the policy gap, the claim with its proof missing is part of the proof's gap; but
    // the approval on record is what the policy's "yes" rests on, so that comes first.
    let (findings, _) = scored(&answered_no(&["RC-02-CLAIM", "RC-02-PROOF"]));
    assert_eq!(finding(&findings, "RC-02-CLAIM").part_of.map(|p| p.item_id), Some("C52-POL-08"));
    let (findings, _) = scored(&answered_no(&["RC-05-CLAIM", "RC-05-PROOF"]));
    assert_eq!(finding(&findings, "RC-05-CLAIM").part_of.map(|p| p.item_id), Some("RC-05-PROOF"));
}

#[test]
fn a_major_not_answered_yet_is_not_hidden_behind_a_minor_of_the_same_document() {
    // Score-invariant pass of stop 48: "Roles are defined in writing" (major) left unanswered was
    // raised with "Each role lists concrete tasks" answered no (minor) and vanished from the
    // count: "Nearly ready", and answering the minor "yes" brought it back as "Not ready".
    let catalog = Catalog::builtin();
    for open in [None, Some(Answer::NotSure)] {
        let mut a = all(catalog, Answer::Yes);
        a.responses.remove("C53-PRE-01");
        if let Some(answer) = open {
            a.set_answer("C53-PRE-01", answer, today());
        }
        a.set_answer("C53-PLAY-02", Answer::No, today());
        let (findings, with_minor) = scored(&a);
        assert!(finding(&findings, "C53-PRE-01").stands_alone(), "{open:?}");
        assert_eq!(with_minor.verdict, Verdict::NotReady, "{open:?}");
        a.set_answer("C53-PLAY-02", Answer::Yes, today());
        let (_, fixed) = scored(&a);
        assert_eq!((fixed.verdict, fixed.majors), (Verdict::NotReady, with_minor.majors), "{open:?}");
        assert!(fixed.percent >= with_minor.percent, "{open:?}");
        // A minor not answered yet beside a known one is still raised with it.
        a.set_answer("C53-PRE-01", Answer::Yes, today());
        a.set_answer("C53-PLAY-02", Answer::No, today());
        a.responses.remove("C53-KEY-01");
        let (findings, _) = scored(&a);
        assert!(!finding(&findings, "C53-KEY-01").stands_alone(), "{open:?}");
        assert!(finding(&findings, "C53-PLAY-02").stands_alone(), "{open:?}");
    }
}
