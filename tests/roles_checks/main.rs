//! The register checks one by one: each starts from a valid register, breaks one thing, and
//! asserts that exactly that check reports it, naming the people, roles and dates involved.

#[path = "../support/mod.rs"]
mod support;

mod appointments;
mod competence;
mod conflicts;
mod independence;
mod reporting_lines;
mod responsibilities;
mod role_gaps;
mod top_management;
mod vacancies;

use audit_readiness::domain::findings::all_findings;
use audit_readiness::domain::roles::checks::Problem;
use audit_readiness::domain::roles::{Assignment, Person, Register};
use audit_readiness::domain::score::compute;
use audit_readiness::domain::{Answer, Catalog, Finding, Verdict};
use support::{all, today};

fn texts(problems: &[Problem]) -> String {
    problems.iter().map(|p| p.text.as_str()).collect::<Vec<_>>().join("\n")
}

/// All-yes answers with this register: the findings and the verdict.
fn assess(register: Register) -> (Vec<Finding>, Verdict) {
    let catalog = Catalog::builtin();
    let mut a = all(catalog, Answer::Yes);
    a.register = register;
    let findings = all_findings(catalog, &a, today());
    let verdict = compute(catalog, &a, &findings).verdict;
    (findings, verdict)
}

fn only_finding(findings: &[Finding], item: &str) -> Finding {
    assert_eq!(findings.iter().map(|f| f.item_id).collect::<Vec<_>>(), vec![item], "{findings:#?}");
    findings[0].clone()
}

/// Changes one assignment of the register in place.
fn edit_assignment(r: &mut Register, id: &str, change: impl FnOnce(&mut Assignment)) {
    let mut a = r.assignment(id).unwrap().clone();
    change(&mut a);
    r.update_assignment(a).unwrap();
}

/// Changes one person of the register in place.
fn edit_person(r: &mut Register, id: &str, change: impl FnOnce(&mut Person)) {
    let mut p = r.person(id).unwrap().clone();
    change(&mut p);
    r.update_person(p).unwrap();
}

fn leave(r: &mut Register, id: &str, on: chrono::NaiveDate) {
    edit_person(r, id, |p| p.leaving_date = Some(on));
}
