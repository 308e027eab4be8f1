//! The interview question bank: what an auditor is likely to ask whom (Clause 5.1–5.3, A 5.2–5.4,
//! and the clauses the roles touch). The data comes from the versioned `content/interview.json`,
//! compiled into static data by `build.rs` like the catalogue, so the browser parses no JSON.

use std::collections::BTreeSet;

use crate::domain::catalog::Catalog;
use crate::domain::roles::{responsibility, RoleKind};

/// The role code that makes a question apply to every person, with or without roles.
pub const ANY: &str = "any";

/// The roles the bank must have questions for (besides [`ANY`]): the key roles an auditor
/// interviews, and the supporting roles that come up when a person holds them.
pub const COVERED_ROLES: [RoleKind; 8] = [
    RoleKind::TopManagement,
    RoleKind::SecurityManager,
    RoleKind::ReviewTeamMember,
    RoleKind::ThirdPartyManager,
    RoleKind::InternalAuditor,
    RoleKind::IncidentLead,
    RoleKind::RiskOwner,
    RoleKind::AwarenessTrainer,
];

/// What a question is about. The first four are what an auditor asks anyone on the floor.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Topic {
    /// The person's own security duties.
    Duties,
    /// Where the policy is and what it asks.
    Policy,
    /// How to report, or how to handle, an incident.
    Incident,
    /// What happens after a breach (the disciplinary process).
    Breach,
    Leadership,
    Resources,
    Review,
    Risk,
    Conformance,
    Reporting,
    Audit,
    Awareness,
    Suppliers,
}

impl Topic {
    /// The topics of an auditor's spot check on the floor.
    pub const SPOT_CHECK: [Topic; 4] = [Topic::Duties, Topic::Policy, Topic::Incident, Topic::Breach];

    pub fn is_spot_check(self) -> bool {
        Topic::SPOT_CHECK.contains(&self)
    }
}

/// One question an auditor may ask: who is asked and what it relates to. Its wording is a
/// [`QuestionText`] (see [`Question::text`]).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Question {
    /// Stable; ratings are stored against it, so never reuse or rename one.
    pub id: &'static str,
    /// A short name for lists and explanations.
    pub title: &'static str,
    /// Role codes (see `RoleKind::code`) the question is asked of, or [`ANY`].
    pub roles: &'static [&'static str],
    pub topic: Topic,
    /// Related catalogue items (their evidence records and open findings join the cue card).
    pub items: &'static [&'static str],
    /// RASCI rows: whoever is Responsible or Accountable for one of them is asked too.
    pub raci: &'static [&'static str],
    /// For a question asked of anyone: the catalogue items whose gap a wrong answer follows from
    /// (nobody can say what happens after a breach while no disciplinary process exists). While
    /// one is answered no or partly, staff failing this question are part of that gap, not a
    /// second one (auditor probe: the missing process and the staff unaware of it made two
    /// minors, which then added up).
    pub follows_from: &'static [&'static str],
}

/// What is asked and what to say: kept apart from [`Question`], so the first load (which judges
/// interview readiness from titles and relations only) does not carry the text; only the views
/// and exports that show it reach [`Question::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuestionText {
    /// The [`Question::id`] this text belongs to.
    pub id: &'static str,
    pub reference: &'static str,
    pub question: &'static str,
    pub talking_points: &'static [&'static str],
    /// What the person should be able to show.
    pub evidence: &'static [&'static str],
    /// Role codes whose holders the answer names ("you can name them"): the card lists who the
    /// register has in them.
    pub names_holders: &'static [&'static str],
}

static BUILTIN_TEXT: &[QuestionText] = include!(concat!(env!("OUT_DIR"), "/interview_text.rs"));
static NO_TEXT: QuestionText = QuestionText { id: "", reference: "", question: "", talking_points: &[], evidence: &[], names_holders: &[] };

impl QuestionText {
    /// The text of every built-in question, in bank order.
    pub fn builtin() -> &'static [QuestionText] {
        BUILTIN_TEXT
    }
}

impl Question {
    /// The built-in text of this question (empty for a question that is not in the built-in bank;
    /// host tests guarantee every built-in question has one).
    pub fn text(&self) -> &'static QuestionText {
        BUILTIN_TEXT.iter().find(|t| t.id == self.id).unwrap_or(&NO_TEXT)
    }

    pub fn for_everyone(&self) -> bool {
        self.roles.contains(&ANY)
    }

    pub fn asks_role(&self, role_code: &str) -> bool {
        self.roles.contains(&role_code)
    }
}

/// The question bank. The built-in one is generated from `content/interview.json`.
#[derive(Debug, Clone)]
pub struct QuestionBank {
    pub version: u32,
    pub questions: &'static [Question],
}

static BUILTIN: QuestionBank = include!(concat!(env!("OUT_DIR"), "/interview.rs"));

impl QuestionBank {
    /// The embedded bank. Host tests guarantee it is valid against the built-in catalogue.
    pub fn builtin() -> &'static QuestionBank {
        &BUILTIN
    }

    pub fn question(&self, id: &str) -> Option<&'static Question> {
        self.questions.iter().find(|q| q.id == id)
    }

    /// Every problem with the bank and its `texts`: duplicate IDs, missing or empty text, unknown
    /// roles, items or RASCI rows, roles without questions, and spot-check topics nobody can be
    /// asked. Empty means valid.
    pub fn validate(&self, texts: &[QuestionText], catalog: &Catalog) -> Vec<String> {
        let mut problems = Vec::new();
        if self.version == 0 {
            problems.push("the bank has no version".to_string());
        }
        let mut ids = BTreeSet::new();
        for q in self.questions {
            if !ids.insert(q.id) {
                problems.push(format!("duplicate question id {}", q.id));
            }
            match texts.iter().find(|t| t.id == q.id) {
                Some(text) => problems.extend(text_problems(q, text)),
                None => problems.push(format!("{}: no text", q.id)),
            }
            if q.roles.is_empty() {
                problems.push(format!("{}: asked of no role", q.id));
            }
            for role in q.roles.iter().filter(|r| **r != ANY) {
                if RoleKind::from_code(role).is_none() {
                    problems.push(format!("{}: unknown role {role}", q.id));
                }
            }
            for item in q.items {
                if catalog.item(item).is_none() {
                    problems.push(format!("{}: unknown catalogue item {item}", q.id));
                }
            }
            for item in q.follows_from {
                match catalog.item(item) {
                    None => problems.push(format!("{}: follows from an unknown catalogue item {item}", q.id)),
                    Some(cause) if !cause.rehearsed_in.is_empty() => {
                        problems.push(format!("{}: follows from {item}, which the rehearsals themselves judge", q.id))
                    }
                    Some(_) if !q.for_everyone() => problems.push(format!("{}: a root cause on a question not asked of anyone", q.id)),
                    Some(_) => {}
                }
            }
            for row in q.raci {
                if responsibility(row).is_none() {
                    problems.push(format!("{}: unknown RASCI row {row}", q.id));
                }
            }
            if q.items.is_empty() && q.raci.is_empty() {
                problems.push(format!("{}: related to no catalogue item or RASCI row", q.id));
            }
        }
        for role in COVERED_ROLES {
            if !self.questions.iter().any(|q| q.asks_role(&role.code())) {
                problems.push(format!("no question for the role {}", role.code()));
            }
        }
        for text in texts.iter().filter(|t| self.question(t.id).is_none()) {
            problems.push(format!("text {} belongs to no question", text.id));
        }
        for topic in Topic::SPOT_CHECK {
            if !self.questions.iter().any(|q| q.for_everyone() && q.topic == topic) {
                problems.push(format!("no question for everyone on the spot-check topic {topic:?}"));
            }
        }
        problems
    }
}

fn text_problems(q: &Question, text: &QuestionText) -> Vec<String> {
    let mut problems = Vec::new();
    if [q.id, q.title, text.reference, text.question].iter().any(|t| t.trim().is_empty()) {
        problems.push(format!("{}: empty text field", q.id));
    }
    if !text.question.trim_end().ends_with('?') {
        problems.push(format!("{}: the question does not end with a question mark", q.id));
    }
    if text.talking_points.is_empty() || text.talking_points.iter().any(|t| t.trim().is_empty()) {
        problems.push(format!("{}: no talking points, or an empty one", q.id));
    }
    if text.evidence.is_empty() || text.evidence.iter().any(|t| t.trim().is_empty()) {
        problems.push(format!("{}: no evidence hints, or an empty one", q.id));
    }
    for code in text.names_holders.iter().filter(|code| RoleKind::from_code(code).is_none()) {
        problems.push(format!("{}: names the holders of an unknown role {code}", q.id));
    }
    problems
}
