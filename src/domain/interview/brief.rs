//! The one-page interview brief as Markdown: who, which roles, the questions to expect with their
//! talking points, and the evidence to bring. Every piece of text goes through the export's
//! Markdown escaping, so nothing typed into the register can become Markdown structure or a link.

use chrono::NaiveDate;

use crate::domain::export::markdown::inline;

use super::card::CueCard;
use super::rating::{latest, Rehearsal};
use super::readiness::PersonReadiness;

/// The brief's file name, e.g. `interview-brief-ada-okafor-2026-11-23.md`.
pub fn filename(card: &CueCard, today: NaiveDate) -> String {
    filename_in("", card, today)
}

/// The brief's file name within an assessment, e.g.
/// `interview-brief-acme-robotics-ada-okafor-2026-11-23.md`, as the other exports are named after
/// it (consultant pass of stop 51: three clients' briefs told apart by the person's name alone).
pub fn filename_in(assessment: &str, card: &CueCard, today: NaiveDate) -> String {
    use crate::domain::roles::model::slug;
    let person = slug(&card.name);
    let person = if person.is_empty() { card.person_id.as_str() } else { person.as_str() };
    let within = match slug(assessment) {
        named if named.is_empty() => String::new(),
        named => format!("{named}-"),
    };
    format!("interview-brief-{within}{person}-{today}.md")
}

/// The brief for one person, with each question's latest rating from `rehearsals` (as the printed
/// brief shows them), so the file says what to practise too; a rating made before `fresh`
/// (`readiness::fresh_from`) says it no longer counts for the audit. The `assessment` it belongs to
/// is named under its title, unless blank (consultant pass of stop 51).
pub fn markdown(
    assessment: &str,
    card: &CueCard,
    readiness: Option<&PersonReadiness>,
    rehearsals: &[Rehearsal],
    fresh: NaiveDate,
    today: NaiveDate,
) -> String {
    let mut out = format!("# Interview brief: {}\n\n", inline(&card.name));
    if !assessment.trim().is_empty() {
        out.push_str(&format!("- **Assessment:** {}\n", inline(assessment.trim())));
    }
    if !card.job_title.is_empty() {
        out.push_str(&format!("- **Job title:** {}\n", inline(&card.job_title)));
    }
    let roles = if card.generic {
        "No ISMS role (the questions any employee may be asked)".to_string()
    } else {
        card.roles.iter().map(|r| inline(r)).collect::<Vec<_>>().join(", ")
    };
    out.push_str(&format!("- **Roles:** {roles}\n"));
    if let Some(presence) = readiness.and_then(|r| r.presence) {
        out.push_str(&format!("- **Note:** {}\n", presence.text()));
    }
    if let Some(r) = readiness {
        out.push_str(&format!("- **Interview readiness:** {}\n", r.summary()));
    }
    out.push_str(&format!("- **Prepared on:** {today}\n\n## Questions to expect\n"));
    for (n, entry) in card.questions.iter().enumerate() {
        let text = entry.question.text();
        out.push_str(&format!("\n### {}. {}\n\n", n + 1, inline(text.question)));
        out.push_str(&format!("*{} · {}*\n\n", inline(text.reference), inline(&entry.reasons.join("; "))));
        match latest(rehearsals, &card.person_id, entry.question.id, today) {
            Some(r) => out.push_str(&format!("**Last rating:** {}\n\n", r.said(fresh, today))),
            None => out.push_str("**Not rehearsed yet**\n\n"),
        }
        if let Some(caution) = entry.caution(card.generic) {
            out.push_str(&format!("**Careful:** {caution}\n\n"));
        }
        for point in text.talking_points {
            out.push_str(&format!("- {}\n", inline(point)));
        }
        for holder in &entry.holders {
            out.push_str(&format!("- **In the register:** {}\n", inline(holder)));
        }
    }
    // An employee without a role gets the questions and the points to make, not the checklist's
    // internal gaps (founder pass: "N/A not accepted, minor nonconformity" in a junior engineer's
    // brief); the cue card in the app keeps them for whoever prepares them. The gaps come once
    // each, with the questions they lie behind (founder pass: 26 bold lines, one gap three times).
    if !card.generic {
        let gaps = once_each(card, |e| &e.open_gaps);
        if !gaps.is_empty() {
            out.push_str(
                "\n## Gaps the auditor may probe\n\nIf asked about one, say plainly what is missing, what is being done about it \
                 and by when: do not present it as done.\n\n",
            );
            out.push_str(&gaps);
        }
        let unanswered = once_each(card, |e| &e.unanswered);
        if !unanswered.is_empty() {
            out.push_str("\n## Not answered yet in the checklist (or “not sure”)\n\nFind out where each stands before the interview.\n\n");
            out.push_str(&unanswered);
        }
    }
    out.push_str("\n## Evidence to bring\n\n");
    for e in card.evidence_to_bring() {
        out.push_str(&format!("- {}\n", inline(&e)));
    }
    out
}

/// The lines `of` each question lists, once each, in the order first met, with the numbers of
/// the questions they lie behind: "- Title (Clause 5.3): Missing, minor nonconformity (questions 2, 5)".
fn once_each(card: &CueCard, of: impl Fn(&super::card::CardQuestion) -> &Vec<String> + Copy) -> String {
    let mut lines: Vec<(&str, Vec<usize>)> = Vec::new();
    for line in card.questions.iter().flat_map(of) {
        if !lines.iter().any(|(l, _)| *l == line.as_str()) {
            lines.push((line, card.questions_listing(line, of)));
        }
    }
    lines.iter().map(|(line, numbers)| format!("- {} ({})\n", inline(line), question_numbers(numbers))).collect()
}

/// "question 2", "questions 2, 5": the downloaded brief and the card on screen say them alike.
pub fn question_numbers(numbers: &[usize]) -> String {
    match numbers {
        [one] => format!("question {one}"),
        _ => format!("questions {}", numbers.iter().map(usize::to_string).collect::<Vec<_>>().join(", ")),
    }
}
