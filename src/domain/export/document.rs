//! The readiness report as a small neutral outline (headings, paragraphs, lists, tables), built
//! once from a [`Report`]. The Markdown and HTML renderers only serialise this outline, each with
//! its own escaping, so both formats always say the same thing and respect the same profile.

use super::details::details;
use super::{iso, Profile, Report};
use crate::domain::assessment::Answer;
use crate::domain::wording::{and_list, counted};
use crate::domain::{FindingKind, Points, Severity};

/// One list entry: an optional bold lead-in followed by text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub lead: String,
    pub text: String,
}

impl Line {
    pub(super) fn new(lead: impl Into<String>, text: impl Into<String>) -> Line {
        Line { lead: lead.into(), text: text.into() }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Block {
    /// Level 2 or 3 (the document title is level 1 and separate).
    Heading(u8, String),
    /// The verdict headline; `code` is the verdict's stable code (for styling).
    Verdict {
        code: &'static str,
        text: String,
    },
    Paragraph(String),
    List(Vec<Line>),
    Table {
        headers: Vec<&'static str>,
        rows: Vec<Vec<String>>,
    },
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Document {
    pub title: String,
    pub blocks: Vec<Block>,
}

/// What every report covers, and what it does not.
pub const SCOPE: &str = "ISO/IEC 27001:2022 Clauses 5.1–5.3 (leadership, policy, roles) and Annex A 5.2–5.4 only, with the \
                         records they lean on; not the rest of the standard, which the audit covers too.";

/// The words a board reads in its copy, said once.
pub const TERMS: &str = "the ISMS is the information security management system the audit certifies. A major nonconformity \
                         is a requirement missing or not working, which stops certification until it is fixed; a minor one is \
                         a lapse the auditor accepts with a plan to fix it; an observation is advice, not a failing. “Not yet \
                         known” is a question not answered yet or answered “not sure”, which counts as missing until it is \
                         settled.";

/// Builds the outline. All text in it is plain (unescaped); renderers escape.
pub fn build(report: &Report) -> Document {
    let s = &report.score;
    let mut blocks = Vec::new();
    let named = (!report.name.is_empty()).then(|| Line::new("Assessment:", report.name.clone()));
    let mut facts: Vec<Line> = named.into_iter().collect();
    facts.extend([Line::new("Assessment taken:", iso(report.today)), Line::new("Version of the report:", report.profile.label())]);
    facts.push(match (report.audit_date, report.days_to_audit()) {
        (Some(date), Some(days)) => Line::new("Audit date:", format!("{} ({})", iso(date), audit_distance(days))),
        _ => Line::new("Audit date:", "no date set"),
    });
    // What the verdict is about, said before it (second founder pass: a board could read "Ready"
    // as ready for the whole certification).
    facts.push(Line::new("Scope:", SCOPE));
    // The board reads the terms without the app (founder pass of stop 44: "ISMS" and the finding
    // grades were never said), and so may the team the full copy goes to (CEO pass of stop 46).
    // The auditor knows them.
    if report.profile != Profile::Auditor {
        facts.push(Line::new("Terms:", TERMS));
    }
    blocks.push(Block::List(facts));

    let verdict = crate::domain::caveats::verdict_label(s.verdict, report.on_your_word);
    blocks.push(Block::Verdict { code: s.verdict.code(), text: format!("{verdict}: overall readiness {} %", s.percent) });
    blocks.push(Block::Paragraph(s.meaning().to_string()));
    blocks.extend(report.caveats.iter().map(|caveat| Block::Paragraph(format!("Caveat: {caveat}"))));
    // A late activity foretold as a major is said beside the counts it is not in yet (auditor
    // probe of stop 49: "0 major nonconformities" right under the sentence foretelling one).
    // Named, with the day to hold each by: the board's copy has no plan to look them up in
    // (founder pass of stop 50).
    let late = || -> Vec<String> {
        let foretold = report.findings.iter().zip(&report.plans).filter(|(f, _)| f.major_by_audit && f.stands_alone());
        foretold
            .map(|(f, plan)| match plan.due {
                Some(due) => format!("“{}”, to hold by {due}", f.item.title),
                None => format!("“{}”", f.item.title),
            })
            .collect()
    };
    let foretold = match s.majors_by_audit {
        0 => String::new(),
        n => format!(
            " By the audit day, {n} more {} unless held before then: {} running late ({}).",
            if n == 1 { "major nonconformity" } else { "major nonconformities" },
            if n == 1 { "a recurring activity" } else { "recurring activities" },
            late().join("; ")
        ),
    };
    blocks.push(Block::Paragraph(format!(
        "{} of {} readiness points; {}, and {}{}. Expected at the audit: {}.{foretold}",
        s.earned,
        s.possible,
        s.progress.answered_text(),
        s.progress.worked_out_text(),
        s.progress.register_shows_text().map(|t| format!("; {t}")).unwrap_or_default(),
        s.expected_counts()
    )));
    let reasons = report.reasons();
    if !reasons.is_empty() {
        blocks.push(Block::Heading(3, "Why".into()));
        blocks.push(Block::List(reasons.into_iter().map(|r| Line::new("", r)).collect()));
    }
    if report.profile == Profile::Board {
        asks_of_top_management(report, &mut blocks);
    }

    blocks.push(Block::Heading(2, "Readiness by area".into()));
    let rows = s
        .areas
        .iter()
        .map(|a| {
            let area = report.catalog.area(a.area_id);
            vec![
                area.map_or(a.area_id, |x| x.title).to_string(),
                area.map_or("", |x| x.reference).to_string(),
                format!("{} %", a.percent),
                a.progress.table_text(),
            ]
        })
        .collect();
    blocks.push(Block::Table { headers: vec!["Area", "Reference", "Readiness", "Answered"], rows });

    gaps(report, &mut blocks);
    if report.profile.shows_details() {
        details(report, &mut blocks);
    }
    Document { title: title(report), blocks }
}

/// For the board: the known gaps only top management can close (the role that usually fixes
/// them, `Item::owner`, or a plan line given to someone the register counts in top management),
/// gravest first, five named and the rest by title (second founder pass: the board's copy said
/// nothing of what was needed from it; CEO pass: a major whose line the CEO owned was left out,
/// and "3 more" could not be found).
fn asks_of_top_management(report: &Report, blocks: &mut Vec<Block>) {
    const SHOWN: usize = 5;
    let asks: Vec<super::Gap> = report
        .gaps()
        .into_iter()
        .filter(|g| g.asked_of_top && g.finding.stands_alone())
        .filter(|g| g.finding.kind != FindingKind::Unanswered && g.finding.costs_points())
        .collect();
    if asks.is_empty() {
        return;
    }
    blocks.push(Block::Heading(3, "What is needed from top management".into()));
    let mut lines: Vec<Line> = asks
        .iter()
        .take(SHOWN)
        .map(|g| Line::new("", format!("{} ({}): {}", g.title(), g.finding.reference, g.predicted_text())))
        .collect();
    if asks.len() > SHOWN {
        let more: Vec<String> = asks[SHOWN..].iter().map(|g| format!("“{}”", g.title())).collect();
        lines.push(Line::new("", format!("Also {}, in the list below.", crate::domain::wording::and_list(&more))));
    }
    blocks.push(Block::List(lines));
}

/// The report's heading, naming the assessment when it has a name (so reports on several
/// assessments can be told apart; `Report::heading_name`).
fn title(report: &Report) -> String {
    const SCOPE: &str = "ISO/IEC 27001:2022 leadership and roles";
    match report.heading_name() {
        None => format!("Audit readiness report: {SCOPE}"),
        // Not in brackets: a name with its own read "(stage 2) (ISO/IEC …)" (CEO pass).
        Some(name) => format!("Audit readiness report: {name} · {SCOPE}"),
    }
}

/// "Gaps (57: 43 raised on their own, 10 part of another, 4 counted once with another)": the
/// rows raised on their own are the ones the expected findings count, so the two agree.
fn gaps_heading(gaps: &[super::Gap]) -> String {
    let counted = gaps.iter().filter(|g| g.finding.counted_with.is_some()).count();
    let part = gaps.iter().filter(|g| g.finding.counted_with.is_none() && g.finding.part_of.is_some()).count();
    let alone = gaps.len() - counted - part;
    if alone == gaps.len() {
        return format!("Gaps ({alone})");
    }
    let mut kinds = vec![format!("{alone} raised on their own")];
    if part > 0 {
        kinds.push(format!("{part} part of another"));
    }
    if counted > 0 {
        kinds.push(format!("{counted} counted once with another"));
    }
    format!("Gaps ({}: {})", gaps.len(), kinds.join(", "))
}

fn gaps(report: &Report, blocks: &mut Vec<Block>) {
    // The board reads what an auditor would raise, and the rest in sentences: the questions not
    // answered yet, and the gaps part of another (founder passes: its copy was the whole gap
    // table, and then 64 of its 78 "raised" lines were questions nobody had answered).
    let board = report.profile == Profile::Board;
    let (gaps, rest): (Vec<super::Gap>, Vec<super::Gap>) = report
        .gaps()
        .into_iter()
        .partition(|g| !board || g.finding.stands_alone() && g.finding.kind != FindingKind::Unanswered && g.finding.costs_points());
    // Every question not answered yet, those part of another finding too, as the plan counts them
    // (user pass: 36 here, 41 there); reminders to renew cost nothing and are no finding yet
    // (auditor probe).
    let (unknown, rest): (Vec<super::Gap>, Vec<super::Gap>) = rest.into_iter().partition(|g| g.finding.kind == FindingKind::Unanswered);
    // With questions open, what is raised is what the answers so far show (founder pass: "(14)"
    // right below "67 minor nonconformities" read as the total).
    let so_far = if unknown.is_empty() { "" } else { " from the answers so far" };
    blocks.push(Block::Heading(
        2,
        match board {
            true => format!("What an auditor would raise{so_far} ({})", gaps.len()),
            false => gaps_heading(&gaps),
        },
    ));
    let (renewals, within): (Vec<super::Gap>, Vec<super::Gap>) = rest.into_iter().partition(|g| g.finding.stands_alone());
    // A "yes" resting on a record whose question is not answered yet is an answer: said apart
    // (checking pass of stop 42: counted as a question not answered yet, the board's copy said
    // 2 where its reasons said 1).
    let (resting, unknown): (Vec<super::Gap>, Vec<super::Gap>) = unknown.into_iter().partition(|g| g.finding.rests_on.is_some());
    let costing = |lines: &[super::Gap]| match (lines.iter().map(|g| g.finding.cost).sum::<Points>(), lines.len()) {
        (lost, _) if lost == Points::ZERO => "costing no points of their own".to_string(),
        (lost, 1) => format!("costing {lost} readiness {}", lost.noun()),
        (lost, _) => format!("costing {lost} readiness points between them"),
    };
    if !unknown.is_empty() {
        // The majors among them, which the expected counts include (user pass: "5 major" above a
        // table with one).
        let majors: Vec<String> = unknown
            .iter()
            .filter(|g| g.finding.stands_alone() && g.finding.severity == Severity::Major)
            .map(|g| format!("“{}”", report.catalog.title_of(g.finding.item_id)))
            .collect();
        // The "not sure" ones said apart, so the count meets the plain "not answered yet" one
        // above it (founder pass: 87 there, 88 here).
        let not_sure = unknown.iter().filter(|g| report.assessment.answer_for(g.finding.item) == Some(Answer::NotSure)).count();
        let (open, also) = match (not_sure, unknown.len() - not_sure) {
            (0, _) => ("not answered yet", String::new()),
            (_, 0) => ("answered “not sure”", String::new()),
            (n, _) => ("not answered yet or answered “not sure”", format!("{n} of them “not sure”")),
        };
        // A few are named (founder pass of stop 44: the board's copy counted the signed SoA, "not
        // sure", as a major to expect without saying which question it was).
        let majors = match majors.len() {
            0 => String::new(),
            n @ 1..=3 => format!("{n} of them would be a major nonconformity if missing: {}", and_list(&majors)),
            n => format!("{n} of them would be a major nonconformity if missing"),
        };
        let of_them = [also, majors].into_iter().filter(|s| !s.is_empty()).collect::<Vec<_>>().join("; ");
        let of_them = if of_them.is_empty() { of_them } else { format!(" ({of_them})") };
        blocks.push(Block::Paragraph(format!(
            "{} {open}{of_them}, {}: each counts as missing until it is answered, and some may not be gaps at all.",
            counted(unknown.len(), "question is", "questions are"),
            costing(&unknown)
        )));
    }
    if !resting.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "{} on a record whose own question is not answered yet, {}: answer those questions to confirm {}.",
            counted(resting.len(), "“yes” rests", "“yes” answers rest"),
            costing(&resting),
            if resting.len() == 1 { "it" } else { "them" }
        )));
    }
    if !renewals.is_empty() {
        // How many would be nonconformities, as the summary's count says (security manager's
        // pass of stop 47: "3 of the observations are records to renew" above "8 records are to
        // renew", with nothing to join them).
        let graver = renewals.iter().filter(|g| g.finding.renewal_due).count();
        let graver = match (graver, renewals.len()) {
            (0, _) => String::new(),
            (1, 1) => " (left to lapse, it would be a nonconformity)".to_string(),
            (n, m) if n == m => " (left to lapse, each would be a nonconformity)".to_string(),
            (1, _) => " (1 of them would be a nonconformity if left to lapse)".to_string(),
            (n, _) => format!(" ({n} of them would be nonconformities if left to lapse)"),
        };
        blocks.push(Block::Paragraph(format!(
            "{} to renew before the audit day{graver}: nothing has lapsed yet, so {} no points.",
            counted(renewals.len(), "record is", "records are"),
            if renewals.len() == 1 { "it costs" } else { "they cost" }
        )));
    }
    if !within.is_empty() {
        blocks.push(Block::Paragraph(format!(
            "{} part of these or counted once with them, {}: the team's full report lists every one.",
            counted(within.len(), "more gap is", "more gaps are"),
            costing(&within)
        )));
    }
    if gaps.is_empty() {
        // Beside the lines above, not "no gaps" (third auditor probe: "1 observation" expected,
        // then "No gaps" under a record to renew).
        let said_above = !(unknown.is_empty() && renewals.is_empty() && within.is_empty());
        blocks.push(Block::Paragraph(match said_above {
            true => "Nothing else: no other gap an auditor would be expected to raise from the answers so far.".into(),
            false => "No gaps: nothing an auditor would be expected to raise.".into(),
        }));
        return;
    }
    let names = report.profile.shows_details();
    let mut headers = vec!["Reference", "Item", "Predicted finding", "Kind", "Points lost"];
    if names {
        headers.push("Owner");
    }
    headers.extend(["Due", "Status"]);
    let rows = gaps
        .iter()
        .map(|g| {
            let mut row =
                vec![g.finding.reference.to_string(), g.title().to_string(), g.predicted_text(), g.kind_text(), g.finding.cost.to_string()];
            if names {
                row.push(match g.owner_text() {
                    owner if owner.is_empty() => "unassigned".into(),
                    owner => owner,
                });
            }
            row.extend([g.due_text(report.audit_date), g.status_text().to_string()]);
            row
        })
        .collect();
    blocks.push(Block::Table { headers, rows });
}

/// The lines of text that may have been typed over several (a note, an N/A reason, two joined by
/// a merge): split at any line break (CRLF, LF or CR), blank lines inside kept, blank lines at
/// either end dropped. Renderers escape each line and join them in their own way.
pub fn text_lines(text: &str) -> Vec<&str> {
    // Most texts are one line (a 10× report has tens of thousands of cells).
    if !text.bytes().any(|b| b == b'\n' || b == b'\r') {
        return match text.trim().is_empty() {
            true => Vec::new(),
            false => vec![text],
        };
    }
    let lines: Vec<&str> = text.split("\r\n").flat_map(|l| l.split(['\n', '\r'])).collect();
    let first = lines.iter().position(|l| !l.trim().is_empty()).unwrap_or(lines.len());
    let end = lines.iter().rposition(|l| !l.trim().is_empty()).map_or(first, |last| last + 1);
    lines[first..end].to_vec()
}

/// How far the audit is from the assessment: "45 days after the assessment", "on the day of the
/// assessment", or, for a date already passed, "12 days before the assessment, already past".
fn audit_distance(days: i64) -> String {
    use crate::domain::wording::counted;
    match days {
        0 => "on the day of the assessment".to_string(),
        1.. => format!("{} after the assessment", counted(days as usize, "day", "days")),
        _ => format!("{} before the assessment, already past", counted(days.unsigned_abs() as usize, "day", "days")),
    }
}
