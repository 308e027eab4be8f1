//! Minor nonconformities that add up: a third or more of one requirement's minor practices
//! missing at once (at least three), or both of a clause's only two with no major practice
//! beside them, is likely raised as one major, so the verdict is "not ready". Late records and
//! practices partly in place do not add up, except a reality check's proof, the auditor's
//! sample, which fails when it partly holds up; every cited requirement is judged; a question
//! and the register check that asks the same are one practice.

#[path = "../support/mod.rs"]
mod support;

mod one_practice;
mod partly_majors;
mod thresholds;
mod verdict_and_reports;
mod what_counts;

use audit_readiness::domain::catalog::Source;
use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::score::compute;
use audit_readiness::domain::systemic::requirements_of;
use audit_readiness::domain::{Answer, Assessment, Catalog, Item, Score, Severity};
use support::{all, today};

fn score(assessment: &Assessment) -> Score {
    let catalog = Catalog::builtin();
    compute(catalog, assessment, &all_findings(catalog, assessment, today()))
}

/// The practices filed under `requirement` that an auditor would raise as a minor when missing,
/// a register check asking the same as a question counted once (with the question); interview
/// readiness, a forecast of the interviews, is none.
fn minor_practices(requirement: &str) -> Vec<&'static Item> {
    let catalog = Catalog::builtin();
    let cites = |i: &&Item| requirements_of(i.reference).contains(&requirement);
    let practice = |i: &&Item| i.same_as.is_none() && i.source != Source::Interviews;
    catalog.items.iter().filter(|i| i.finding == Severity::Minor).filter(practice).filter(cites).collect()
}

/// The practice an item is part of: the document for a statement it must contain, the shortfall
/// for a sign of one raised as one nonconformity, else the item.
fn practice(item: &Item) -> &'static str {
    if item.in_text {
        item.within.unwrap()
    } else {
        item.raised_as_one.unwrap_or(item.id)
    }
}

/// How many practices `items` are (the statements of one document are one).
fn practices_in<'i>(items: impl IntoIterator<Item = &'i &'static Item>) -> usize {
    let mut seen: Vec<&str> = items.into_iter().map(|i| practice(i)).collect();
    seen.sort_unstable();
    seen.dedup();
    seen.len()
}

fn all_yes_but(answers: &[(&str, Answer)]) -> Assessment {
    let mut a = all(Catalog::builtin(), Answer::Yes);
    for (id, answer) in answers {
        a.set_answer(id, *answer, today());
    }
    a
}

fn adds_up(s: &Score, requirement: &str) -> bool {
    s.adding_up.iter().any(|t| t.requirement == requirement)
}
