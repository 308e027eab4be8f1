//! The report's sections on people beyond the roles register's table: the competence records and
//! compensating measures an auditor asks for (auditor profile and full), and the interview
//! rehearsals a consultant hands over (full profile only; the others carry no ratings). Export
//! pass of stop 45: job titles, competence records and the internal auditor's independent check
//! were in no report, and the rehearsals only as one paragraph.

use super::document::{Block, Line};
use super::{iso, Report};
use crate::domain::interview::{self, QuestionBank};
use crate::domain::roles::RoleKind;
use crate::domain::wording::says_nothing;

/// Competence records (Clause 7.2) and compensating measures recorded on internal auditor
/// assignments (A 5.3).
pub fn competence_and_measures(report: &Report, blocks: &mut Vec<Block>) {
    let register = &report.assessment.register;
    if !register.competence.is_empty() {
        let rows = register
            .competence
            .iter()
            .map(|c| {
                vec![
                    register.name_of(&c.person_id),
                    c.role.as_ref().map_or_else(|| "Every role they hold".to_string(), |r| r.label().to_string()),
                    format!("{}: {}", c.kind.label(), c.description.trim()),
                    c.achieved_on.map_or_else(|| "no date".to_string(), iso),
                    c.renew_every_months.map_or_else(|| "never lapses".to_string(), |m| format!("every {m} months")),
                ]
            })
            .collect();
        blocks.push(Block::Heading(2, "Competence records".into()));
        blocks.push(Block::Table { headers: vec!["Person", "For the role", "Record", "Achieved", "Renewal"], rows });
    }
    let measures: Vec<Line> = register
        .assignments
        .iter()
        .filter(|a| a.role == RoleKind::InternalAuditor && !says_nothing(&a.independent_check))
        .map(|a| Line {
            lead: format!("{} ({}):", a.role.label(), register.name_of(&a.person_id)),
            text: a.independent_check.trim().to_string(),
        })
        .collect();
    if !measures.is_empty() {
        blocks.push(Block::Heading(2, "Compensating measures recorded".into()));
        blocks.push(Block::List(measures));
    }
}

/// Each person's interview preparation: the share of their card last rated Confident, the last
/// rehearsal and what is left to do. Only where the report still holds the ratings.
pub fn interview_preparation(report: &Report, blocks: &mut Vec<Block>) {
    if report.assessment.rehearsals.is_empty() {
        return;
    }
    let people = interview::everyone(QuestionBank::builtin(), &report.assessment, report.today);
    // Staff without an ISMS role who never rehearsed are one line under the table, not a row of
    // "0 %" each (CEO pass: ten such rows read as a company-wide failure the finding does not say).
    let (unrehearsed, people): (Vec<_>, Vec<_>) = people.iter().partition(|r| r.roles.is_empty() && r.last_rehearsed.is_none());
    let rows: Vec<Vec<String>> = people
        .iter()
        .map(|r| {
            vec![
                format!("{}{}", r.name, if r.key { " (key role)" } else { "" }),
                r.roles_short(),
                format!("{} of {} ({} %)", r.confident, r.total, r.percent()),
                r.last_rehearsed.map_or_else(|| "never".to_string(), iso),
                match r.left_to_do() {
                    left if left.is_empty() => "nothing".to_string(),
                    left => left,
                },
            ]
        })
        .collect();
    if rows.is_empty() && unrehearsed.is_empty() {
        return;
    }
    blocks.push(Block::Heading(2, "Interview preparation".into()));
    if !rows.is_empty() {
        blocks.push(Block::Table { headers: vec!["Person", "Roles", "Confident", "Last rehearsal", "Left to do"], rows });
    }
    // The questions each could not answer, and who must rehearse again before the audit, named
    // (interview-preparation passes of stops 47 and 48: the table counted them, "1 could not
    // answer", "4 due again", and the team could not tell which or by when).
    let bank = QuestionBank::builtin();
    let missed: Vec<String> = people
        .iter()
        .filter(|r| r.could_not > 0)
        .map(|r| {
            let failed = interview::readiness::could_not_answer_titles(bank, &report.assessment, &r.person_id, report.today);
            let titles: Vec<String> = failed.iter().map(|title| format!("“{title}”")).collect();
            format!("{}: {}", r.name, crate::domain::wording::and_list(&titles))
        })
        .collect();
    if !missed.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "Could not answer at their latest rehearsal: {}. Check that what each asks about is in place and on record before \
             drilling it.",
            missed.join("; ")
        )));
    }
    let again: Vec<String> = people.iter().filter(|r| r.due_again > 0).map(|r| format!("{} ({})", r.name, r.due_again)).collect();
    if !again.is_empty() {
        let before = report.audit_date.filter(|day| *day > report.today).map(|day| format!(" before the audit on {}", iso(day)));
        blocks.push(Block::Paragraph(format!(
            "To rehearse again{}, as ratings of theirs are too old to count (how many): {}.",
            before.unwrap_or_default(),
            crate::domain::wording::and_list(&again)
        )));
    }
    if !unrehearsed.is_empty() {
        let names: Vec<String> = unrehearsed.iter().map(|r| r.name.clone()).collect();
        blocks.push(Block::Paragraph(format!(
            "Not rehearsed yet, without an ISMS role: {}. The auditor may pick any of them to ask about their own security \
             duties (A 5.4); rehearsing a few shows whether the awareness holds.",
            crate::domain::wording::and_list(&names)
        )));
    }
}
