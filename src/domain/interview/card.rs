//! Cue cards: the questions an auditor is likely to ask one person, derived from the roles they
//! hold, the RASCI rows where one of those roles is Responsible or Accountable, the catalogue
//! items behind the questions (open findings there are what an auditor probes) and the evidence
//! records already entered for those items. A person with no role gets the generic-employee card.

use chrono::NaiveDate;

use crate::domain::assessment::Assessment;
use crate::domain::findings::{Finding, FindingKind};
use crate::domain::roles::{Raci, Register, RoleKind, RESPONSIBILITIES};
use crate::domain::wording::lower_first;

use super::bank::{Question, QuestionBank, Topic};
use super::timing::{interview_day, presence};

/// One question on a person's card, with why they get it and what backs the answer.
#[derive(Debug, Clone, PartialEq)]
pub struct CardQuestion {
    pub question: &'static Question,
    /// Why this person is asked, e.g. "Top management" or "Incident lead: Responsible for …".
    pub reasons: Vec<String>,
    /// Evidence records already entered for the related items ("what — where, date"); none on a
    /// question asked of anyone, whose records are not the person's own (interview pass of stop
    /// 48: an HR case naming one employee printed on every employee's card).
    pub on_file: Vec<String>,
    /// Open findings on the related items: the weak spots an auditor will probe.
    pub open_gaps: Vec<String>,
    /// Related questions not answered yet (or "not sure"), as "title (reference)": not gaps
    /// anyone has confirmed, so kept apart from them (founder pass: a card long before the
    /// checklist was answered read as a wall of gaps).
    pub unanswered: Vec<String>,
    /// Who the register has in the roles the answer names (`QuestionText::names_holders`), one
    /// line per role: "ISMS conformance owner: Ana Ruiz".
    pub holders: Vec<String>,
}

impl CardQuestion {
    /// Said before the talking points when an item behind the question has an open gap: the
    /// points describe practice the checklist says is not in place yet (lead-implementer pass of
    /// stop 45: an employee's card coached them to describe a disciplinary process answered
    /// "no"). `for_staff`: the wording for an employee's own brief, which leaves the gaps out.
    pub fn caution(&self, for_staff: bool) -> Option<&'static str> {
        (!self.open_gaps.is_empty()).then_some(match for_staff {
            true => "Not all of these points hold here yet: ask whoever prepares you what to say, and do not claim what is not in place.",
            false => "Not all of these points hold here yet (a gap on this card says which): say plainly what is missing and what is being done about it, and do not claim it.",
        })
    }
}

/// Everything one person should rehearse before the audit.
#[derive(Debug, Clone, PartialEq)]
pub struct CueCard {
    pub person_id: String,
    pub name: String,
    pub job_title: String,
    /// Labels of the roles the person holds (top management first when flagged).
    pub roles: Vec<String>,
    /// No role at all: the card holds only what any employee may be asked.
    pub generic: bool,
    /// Role questions first (own duties leading), then the questions for everyone.
    pub questions: Vec<CardQuestion>,
}

impl CueCard {
    pub fn question_ids(&self) -> Vec<&'static str> {
        self.questions.iter().map(|q| q.question.id).collect()
    }

    pub fn contains(&self, question_id: &str) -> bool {
        self.questions.iter().any(|q| q.question.id == question_id)
    }

    /// The numbers (from 1) of the card's questions that list `line` among what `of` picks (their
    /// open gaps, or their questions not answered yet): the brief and the card say each once,
    /// under the first, naming the others.
    pub fn questions_listing(&self, line: &str, of: impl Fn(&CardQuestion) -> &Vec<String>) -> Vec<usize> {
        self.questions.iter().enumerate().filter(|(_, q)| of(q).iter().any(|l| l == line)).map(|(n, _)| n + 1).collect()
    }

    /// What to bring to the interview: the records already on file, then the evidence hints,
    /// without repeats, in card order.
    pub fn evidence_to_bring(&self) -> Vec<String> {
        let mut out: Vec<String> = Vec::new();
        let on_file = self.questions.iter().flat_map(|q| q.on_file.iter().map(|e| format!("On file: {e}")));
        let hints = self.questions.iter().flat_map(|q| q.question.text().evidence.iter().map(|e| e.to_string()));
        for entry in on_file.chain(hints) {
            if !out.contains(&entry) {
                out.push(entry);
            }
        }
        out
    }
}

/// Why a question asked of anyone is on a card.
const ANYONE: &str = "Asked of anyone who works here";

/// The RASCI rows (code, label) where one of `roles` is Responsible or Accountable, with the reason.
fn raci_duties(register: &Register, roles: &[RoleKind]) -> Vec<(&'static str, String)> {
    let mut out = Vec::new();
    for row in RESPONSIBILITIES {
        for role in roles {
            if let Some(letter @ (Raci::Responsible | Raci::Accountable)) = register.raci(row.code, role) {
                out.push((row.code, format!("{}: {} for {}", role_label(role), letter.label(), lower_first(row.label))));
            }
        }
    }
    out
}

pub fn role_label(role: &RoleKind) -> String {
    match role.label() {
        "" => "Unnamed custom role".to_string(),
        label => label.to_string(),
    }
}

/// The questions on a person's card with the reasons they are asked: role questions first (their
/// duties, then the rest, each in bank order), then the questions for everyone. Empty for an ID that is not in the register.
pub fn card_questions(bank: &QuestionBank, register: &Register, person_id: &str) -> Vec<(&'static Question, Vec<String>)> {
    if register.person(person_id).is_none() {
        return Vec::new();
    }
    let roles = register.held_roles(person_id);
    let codes: Vec<String> = roles.iter().map(RoleKind::code).collect();
    let duties = raci_duties(register, &roles);
    let mut specific = Vec::new();
    let mut general = Vec::new();
    for q in bank.questions {
        let mut reasons: Vec<String> =
            roles.iter().zip(&codes).filter(|(_, code)| q.asks_role(code)).map(|(role, _)| role_label(role)).collect();
        // A RASCI row only explains a question the person's roles do not already bring.
        if reasons.is_empty() {
            for (row, why) in &duties {
                if q.raci.contains(row) && !reasons.contains(why) {
                    reasons.push(why.clone());
                }
            }
        }
        if !reasons.is_empty() {
            specific.push((q, reasons));
        } else if q.for_everyone() {
            general.push((q, vec![ANYONE.to_string()]));
        }
    }
    // Their own duties first: that is where an auditor starts.
    specific.sort_by_key(|(q, _)| q.topic != Topic::Duties);
    specific.extend(general);
    specific
}

/// The cue card of a person in the register (`None` for an unknown ID). `findings` are the
/// current findings (for the open gaps behind each question); the holders a question names are
/// those who work here `today` or by the assessment's upcoming audit.
pub fn cue_card(bank: &QuestionBank, assessment: &Assessment, findings: &[Finding], person_id: &str, today: NaiveDate) -> Option<CueCard> {
    let register = &assessment.register;
    let person = register.person(person_id)?;
    let roles = register.held_roles(person_id);
    let day = interview_day(assessment, today);
    let questions = card_questions(bank, register, person_id)
        .into_iter()
        .map(|(q, reasons)| CardQuestion {
            question: q,
            on_file: match reasons.first().is_some_and(|r| r == ANYONE) {
                true => Vec::new(),
                false => on_file(assessment, q),
            },
            reasons,
            open_gaps: open_gaps(findings, q, false),
            unanswered: open_gaps(findings, q, true),
            holders: holders(register, q.text().names_holders, person_id, today, day),
        })
        .collect();
    Some(CueCard {
        person_id: person.id.clone(),
        name: person.display_name().to_string(),
        job_title: person.job_title.trim().to_string(),
        roles: roles.iter().map(role_label).collect(),
        generic: roles.is_empty(),
        questions,
    })
}

/// Evidence records entered for the question's related items, described in one line each.
fn on_file(assessment: &Assessment, q: &Question) -> Vec<String> {
    let mut out = Vec::new();
    for item in q.items {
        let Some(response) = assessment.response(item) else { continue };
        for e in response.evidence.iter().filter(|e| !e.what.trim().is_empty()) {
            let mut line = e.what.trim().to_string();
            let place = e.location.trim();
            match (place.is_empty(), e.produced_on) {
                (false, Some(d)) => line.push_str(&format!(" ({place}, {d})")),
                (false, None) => line.push_str(&format!(" ({place})")),
                (true, Some(d)) => line.push_str(&format!(" ({d})")),
                (true, None) => {}
            }
            if !out.contains(&line) {
                out.push(line);
            }
        }
    }
    out
}

/// One line per role code: who holds it today or on the interview day (an upcoming audit), each
/// with the presence the readiness table shows ("leaves on …, before the audit", "starts on …"),
/// or a leaving date still to come after it; the card's own person as "you"; or that nobody works
/// here in it.
fn holders(register: &Register, codes: &[&str], person_id: &str, today: NaiveDate, day: NaiveDate) -> Vec<String> {
    codes
        .iter()
        .filter_map(|code| RoleKind::from_code(code))
        .map(|role| {
            let mut names: Vec<String> = Vec::new();
            for a in register.assignments.iter().filter(|a| a.role == role) {
                let Some(p) = register.person(&a.person_id).filter(|p| p.is_current(today) || p.is_current(day)) else { continue };
                let name = if p.id == person_id { format!("you ({})", p.display_name()) } else { p.display_name().to_string() };
                let line = match (presence(p, today, day), p.leaving_date) {
                    (Some(presence), _) => format!("{name} ({})", lower_first(&presence.text())),
                    (None, Some(leaves)) => format!("{name} (leaves on {leaves})"),
                    (None, None) => name,
                };
                if !names.contains(&line) {
                    names.push(line);
                }
            }
            match names.is_empty() {
                true => format!("{}: nobody who works here holds it", role_label(&role)),
                false => format!("{}: {}", role_label(&role), names.join(", ")),
            }
        })
        .collect()
}

/// Open findings on the question's related items, as "title (reference): kind, severity", the
/// severity as the finding stands ("part of another finding" when another carries it), in the
/// words the person would use with an auditor: the clause, not the app's item ID.
/// With `unanswered`, the questions not answered yet instead, as "title (reference)".
fn open_gaps(findings: &[Finding], q: &Question, unanswered: bool) -> Vec<String> {
    q.items
        .iter()
        .filter_map(|id| findings.iter().find(|f| f.item_id == *id))
        .filter(|f| (f.kind == FindingKind::Unanswered) == unanswered)
        .map(|f| match unanswered {
            true => format!("{} ({})", f.item.title, f.reference),
            false => format!("{} ({}): {}, {}", f.item.title, f.reference, f.kind_label(), lower_first(f.severity_text())),
        })
        .collect()
}
