//! Fixing a gap never makes the score look worse: from every "yes" with one other question left
//! open (not answered, "not sure", "no" or "partly"), answering any question "yes" instead of "no"
//! never lowers the points or the verdict, nor adds a major (score-invariant pass of stop 48: an
//! unanswered major raised with a minor vanished from the count, and answering the minor "yes"
//! brought it back as "Not ready"). Every pair of questions, one open state per test.

mod support;

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Assessment, Catalog, Verdict};
use support::{all, today};

/// What the panel shows: the verdict's rank, the majors with the likely ones, and the points.
fn shown(catalog: &Catalog, a: &Assessment) -> (u8, usize, u32) {
    let findings = all_findings(catalog, a, today());
    let score = compute(catalog, a, &findings);
    let rank = match score.verdict {
        Verdict::NotReady => 0,
        Verdict::NearlyReady => 1,
        Verdict::Ready => 2,
    };
    (rank, score.majors + score.adding_up.len(), score.earned.in_halves())
}

/// Every question `open` left `state`, against every other answered "no" and then "yes".
fn fixing_never_looks_worse(state: Option<Answer>) {
    let catalog = Catalog::builtin();
    let ids: Vec<&str> = catalog.items.iter().filter(|i| !i.is_derived()).map(|i| i.id).collect();
    let mut worse = Vec::new();
    for open in &ids {
        let mut base = all(catalog, Answer::Yes);
        match state {
            None => drop(base.responses.remove(*open)),
            Some(answer) => base.set_answer(open, answer, today()),
        }
        let (verdict, majors, points) = shown(catalog, &base);
        for other in ids.iter().filter(|id| *id != open) {
            let mut gap = base.clone();
            gap.set_answer(other, Answer::No, today());
            let (gap_verdict, gap_majors, gap_points) = shown(catalog, &gap);
            if verdict < gap_verdict || majors > gap_majors || points < gap_points {
                worse.push(format!(
                    "{open} {state:?}, {other} no → yes: verdict {gap_verdict} → {verdict}, majors {gap_majors} → {majors}, \
                     half-points {gap_points} → {points}"
                ));
            }
        }
    }
    assert!(worse.is_empty(), "{} pairs:\n{}", worse.len(), worse.join("\n"));
}

#[test]
fn with_a_question_not_answered_yet() {
    fixing_never_looks_worse(None);
}

#[test]
fn with_a_question_answered_not_sure() {
    fixing_never_looks_worse(Some(Answer::NotSure));
}

#[test]
fn with_a_question_answered_no() {
    fixing_never_looks_worse(Some(Answer::No));
}

#[test]
fn with_a_question_answered_partly() {
    fixing_never_looks_worse(Some(Answer::Partly));
}
