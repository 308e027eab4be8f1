//! How catalogue items lean on one another, and the checks that keep those links sound: a
//! reality check's claim and proof, a register check that stands in for a question (`same_as`),
//! a question whose gap a broader one's contains (`within`), questions raised as one
//! nonconformity (`raised_as_one`), and a question that asks for a role
//! holder (`asks_role`) or for top management's interview readiness (`interview_of`). Scoring
//! reads the links through these methods (see `same_requirement`); `Catalog::validate` reports
//! what [`Catalog::link_problems`] finds.

use std::collections::BTreeSet;

use super::catalog::{Catalog, Item, Severity, Source};
use super::roles::{
    checks::assigned::{FUNCTIONS, REQUIRED},
    RoleKind,
};

impl Catalog {
    /// The register items that test what a checklist question asks, each with that question.
    pub fn same_requirement_pairs(&self) -> impl Iterator<Item = (&'static Item, &'static str)> + '_ {
        self.items.iter().filter_map(|item| Some((item, item.same_as?)))
    }

    /// `same_as` must join a register check to one question it can stand in for: an answered,
    /// non-excludable question of the same severity, claimed by no other check.
    fn same_as_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let mut questions = BTreeSet::new();
        for (item, question_id) in self.same_requirement_pairs() {
            if !item.is_register() {
                problems.push(format!("{}: only a register item can be the same as a question", item.id));
            }
            if !questions.insert(question_id) {
                problems.push(format!("{}: {question_id} is already the same as another register item", item.id));
            }
            match self.item(question_id) {
                None => problems.push(format!("{}: same as unknown item {question_id}", item.id)),
                Some(q) if q.source != Source::Answered || !q.rests_on_clause() || q.finding != item.finding => {
                    problems.push(format!("{}: {question_id} must be an answered clause question of the same severity", item.id))
                }
                Some(_) => {}
            }
        }
        problems
    }

    /// The questions whose gap a broader question's "no" contains, each with that question.
    pub fn within_pairs(&self) -> impl Iterator<Item = (&'static Item, &'static str)> + '_ {
        self.items.iter().filter_map(|item| Some((item, item.within?)))
    }

    /// `within` must join a question to a broader one: both answered questions, the broader a
    /// clause question unless both rest on Annex A controls alone (a job description without its
    /// security section within job descriptions that have none), at least as severe and not
    /// itself within another (one level), and never a question a register check stands in for.
    fn within_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        let twins: Vec<&str> = self.same_requirement_pairs().map(|(_, question)| question).collect();
        for item in self.items.iter().filter(|i| i.in_text && !i.within.and_then(|w| self.item(w)).is_some_and(|b| !b.recurring)) {
            problems.push(format!("{}: in_text needs `within` a question that asks for a document, not a recurring activity", item.id));
        }
        for item in self.items.iter().filter(|i| i.proves_within && i.within.is_none()) {
            problems.push(format!("{}: proves_within needs `within` the question whose yes it proves", item.id));
        }
        for item in self.items.iter().filter(|i| i.instance_of.is_some()) {
            let process = item.instance_of.and_then(|id| self.item(id));
            if !item.is_register() || !process.is_some_and(|q| q.source == Source::Answered && q.finding >= item.finding) {
                problems.push(format!("{}: instance_of names an answered question at least as grave, on a register item", item.id));
            }
        }
        for item in self.items.iter().filter(|i| i.holds_statements) {
            if item.recurring || !self.items.iter().any(|s| s.in_text && s.within == Some(item.id)) {
                problems.push(format!("{}: holds_statements needs a document that statements (in_text) are within", item.id));
            }
        }
        for item in self.items.iter().filter(|i| i.considers.is_some()) {
            let input = item.considers.and_then(|id| self.item(id));
            if !item.recurring || !input.is_some_and(|i| i.recurring && i.id != item.id) {
                problems.push(format!("{}: considers needs a recurring activity naming another one", item.id));
            }
        }
        for item in self.items.iter().filter(|i| i.core && (i.source != Source::Answered || i.finding != Severity::Minor)) {
            problems.push(format!("{}: core needs an answered question raised as a minor", item.id));
        }
        for item in self.items.iter().filter(|i| i.raised_as_one.is_some()) {
            let others = self.items.iter().filter(|o| o.id != item.id && o.raised_as_one == item.raised_as_one).count();
            if item.source != Source::Answered || item.in_text || others == 0 {
                problems.push(format!(
                    "{}: raised_as_one needs an answered question, not a statement of a document, with another of its shortfall",
                    item.id
                ));
            }
        }
        for (item, broader_id) in self.within_pairs() {
            if item.source != Source::Answered || twins.contains(&item.id) {
                problems.push(format!("{}: only a question no register check stands in for can be within another", item.id));
            }
            match self.item(broader_id) {
                None => problems.push(format!("{}: within unknown item {broader_id}", item.id)),
                Some(b)
                    if b.source != Source::Answered
                        || (!b.rests_on_clause() && item.rests_on_clause())
                        || b.within.is_some()
                        || b.finding < item.finding
                        || b.id == item.id =>
                {
                    problems.push(format!(
                        "{}: {broader_id} must be another answered question (a clause question for a clause question), at least \
                         as severe and within none",
                        item.id
                    ))
                }
                Some(_) => {}
            }
        }
        problems
    }

    /// Every problem with the links between items. Empty means sound.
    pub(super) fn link_problems(&self) -> Vec<String> {
        let mut problems = self.reality_check_problems();
        problems.extend(self.same_as_problems());
        problems.extend(self.within_problems());
        problems.extend(self.role_link_problems());
        problems
    }

    /// A reality check joins two different answered questions, the claim and the proof, the proof
    /// the graver.
    fn reality_check_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for check in self.reality_checks {
            for item_id in [check.claim_item, check.proof_item] {
                if self.item(item_id).is_none() {
                    problems.push(format!("{}: unknown item {item_id}", check.id));
                }
            }
            for item_id in [check.claim_item, check.proof_item] {
                match self.item(item_id).map(|i| i.source) {
                    Some(Source::Register) => problems.push(format!("{}: register item {item_id} cannot be a claim or a proof", check.id)),
                    Some(Source::Interviews) => {
                        problems.push(format!("{}: interview item {item_id} cannot be a claim or a proof", check.id))
                    }
                    _ => {}
                }
            }
            if let Some(record) = check.no_event_shown_by.filter(|record| self.item(record).is_none()) {
                problems.push(format!("{}: unknown item {record}", check.id));
            }
            if check.claim_item == check.proof_item {
                problems.push(format!("{}: claim and proof are the same item", check.id));
            }
            // A claim without its proof is never "ready" (at least minor), and is part of the
            // proof's gap once the proof is confirmed missing: the proof must weigh as much.
            if let (Some(claim), Some(proof)) = (self.item(check.claim_item), self.item(check.proof_item)) {
                if proof.finding < claim.finding.max(Severity::Minor) {
                    problems.push(format!("{}: the proof must be at least minor and at least as severe as the claim", check.id));
                }
            }
        }
        problems
    }

    /// `asks_role` names a role the ISMS cannot run without, `needs_role` one of the other
    /// functions, and `interview_of` top management, each only on a question.
    fn role_link_problems(&self) -> Vec<String> {
        let mut problems = Vec::new();
        for item in self.items.iter().filter(|i| i.asks_role.is_some()) {
            let role = item.asks_role.and_then(RoleKind::from_code);
            let required = role.is_some_and(|role| REQUIRED.iter().any(|(r, _)| *r == role));
            if item.source != Source::Answered || !required {
                problems.push(format!("{}: only a question can ask for a role, and only for one the ISMS cannot run without", item.id));
            }
        }
        for item in self.items.iter().filter(|i| i.needs_role.is_some()) {
            let role = item.needs_role.and_then(RoleKind::from_code);
            let function = role.is_some_and(|role| FUNCTIONS.iter().any(|(r, _)| *r == role));
            if item.source != Source::Answered || !function || item.finding > Severity::Minor {
                problems
                    .push(format!("{}: needs_role names one of the register's other functions, on a question raised as a minor", item.id));
            }
        }
        for item in self.items.iter().filter(|i| i.interview_of.is_some()) {
            if item.source != Source::Answered || !item.asks_top_management_interview() {
                problems.push(format!("{}: only a question can ask about top management's interview readiness", item.id));
            }
        }
        // The interview questions asked of anyone that test a question about staff in general.
        let bank = crate::domain::interview::QuestionBank::builtin();
        for item in self.items.iter().filter(|i| !i.rehearsed_in.is_empty()) {
            let asked_of_anyone = |id: &&str| bank.question(id).is_some_and(|q| q.for_everyone());
            if item.source != Source::Answered || !item.rehearsed_in.iter().all(asked_of_anyone) {
                problems.push(format!("{}: rehearsed_in names only interview questions asked of anyone, on a question", item.id));
            }
        }
        problems
    }
}
