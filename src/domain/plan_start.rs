//! Where to start on the plan, in a few lines drawn from the findings and the score: the
//! questions nobody has answered yet (which may not be gaps at all), the confirmed majors that
//! hold the verdict at "Not ready", the minors that add up to a likely major (and how many of them
//! to fix), and a score under the line for "Nearly ready" (founder pass: the plan was sorted by
//! severity but never said what to do first; "fix 3 of them" was only in the dashboard's lists).

use chrono::NaiveDate;

use super::assessment::Assessment;
use super::catalog::Catalog;
use super::findings::{Finding, FindingKind};
use super::owner_leaving::{lines_to_hand_over, Absence};
use super::remediation::{due_warning, plan_due_as, DueWarning, Remediation, Status};
use super::roles::Register;
use super::score::{Score, Verdict, NOT_READY_BELOW};
use super::systemic::urgency;
use super::wording::{and_list, counted, first_named};
use super::Severity;

/// The first steps, most pressing first; empty when nothing is open.
pub fn where_to_start(score: &Score, findings: &[Finding], catalog: &Catalog, assessment: &Assessment, today: NaiveDate) -> Vec<String> {
    let mut steps = Vec::new();
    // Every question not answered yet, those part of another finding too (each is a plan line).
    let unknown = score.not_yet_known + score.not_yet_known_within;
    // With every question answered, they are the "not sure" ones (founder pass: "Answer the 11
    // questions not answered yet" beside "104 of 104 questions answered").
    let all_answered = score.progress.answered == score.progress.questions;
    // The groups that add up on such questions alone get no step of their own (below): named
    // here, so the panel's list of requirements and this one agree (founder pass: Clause 9.1
    // was in the panel's list and nowhere here).
    let (own_step, unconfirmed_only): (Vec<&super::systemic::MinorsAddUp>, Vec<_>) =
        score.adding_up.iter().partition(|g| unknown == 0 || g.unconfirmed < g.open);
    let unconfirmed_only: Vec<String> = unconfirmed_only.iter().map(|g| g.requirement.to_string()).collect();
    let groups = match unconfirmed_only.is_empty() {
        true => String::new(),
        false => format!(" Among them are all the practices under {} that add up to a likely major.", and_list(&unconfirmed_only)),
    };
    if unknown > 0 && all_answered {
        steps.push(format!(
            "Settle the {}: each counts as missing until it is confirmed, and some may not be gaps at all.{groups}",
            counted(unknown, "question answered “not sure”", "questions answered “not sure”")
        ));
    } else if unknown > 0 {
        steps.push(format!(
            "Answer the {}: each counts as missing until it is answered, and some may not be gaps at all.{groups}",
            counted(unknown, "question not answered yet (or “not sure”)", "questions not answered yet (or “not sure”)")
        ));
    }
    // Each finding's plan line as its row shows it (due date and urgency included), worked out once.
    let lines: Vec<Remediation> =
        findings.iter().map(|f| plan_due_as(f, urgency(f, catalog, &score.adding_up), assessment, today)).collect();
    // Majors confirmed by an answer or the register, not the questions above again (auditor
    // probe: one unanswered question was both lines).
    // Named, since unanswered majors of the same cost may come before them in the plan (founder
    // pass: "It heads the plan" stood above four majors not known yet).
    // A line marked done whose answer still says gap is said apart (planning pass of stop 44:
    // "Close the 3 confirmed majors" stood above three lines marked done).
    let (mut done, mut majors): (Vec<&Finding>, Vec<&Finding>) = (Vec::new(), Vec::new());
    for (f, line) in findings.iter().zip(&lines) {
        if f.severity == Severity::Major && f.stands_alone() && f.kind != FindingKind::Unanswered {
            if line.status == Status::Done { &mut done } else { &mut majors }.push(f);
        }
    }
    if !majors.is_empty() {
        // A major that departures alone open names who leaves (founder pass: with the security
        // manager leaving, the step named neither him nor what to do).
        let title = |f: &Finding| match leavers_in(&[f], &assessment.register) {
            leavers if leavers.is_empty() || !f.leavers_only => format!("“{}”", f.item.title),
            leavers => {
                let who: Vec<String> = leavers.iter().map(|(name, on)| format!("{name} {}", Absence::leaving(*on, today).said())).collect();
                format!("“{}” ({}: appoint a successor)", f.item.title, and_list(&who))
            }
        };
        let names = first_named(majors.iter().map(|f| title(f)).collect(), 3);
        // "Confirmed" beside majors not known yet, which the panel counts too (user pass).
        let confirmed = if score.majors > majors.len() + done.len() { "confirmed " } else { "" };
        let (what, any) = match majors.len() {
            1 => (format!("the {confirmed}major nonconformity"), "it is"),
            n => (format!("the {n} {confirmed}major nonconformities"), "any is"),
        };
        let aside = score.percentage_aside();
        steps.push(format!("Close {what}, {names}: while {any} open the verdict stays “Not ready”{aside}."));
    }
    if !done.is_empty() {
        let names: Vec<String> = done.iter().map(|f| format!("“{}”", f.item.title)).collect();
        steps.push(format!(
            "{} marked done on the plan, but {} still {} a major nonconformity: once the work is in place, change the answer \
             (and file its evidence), or the verdict stays “Not ready”.",
            counted(done.len(), "major is", "majors are"),
            and_list(&names),
            if done.len() == 1 { "reads as" } else { "read as" }
        ));
    }
    // Dates the plan flags line by line, counted once here (same pass: a major due after the audit
    // and an overdue line were said only in each row's small print).
    // Named, the first three of each (year-later pass: three overdue lines among 83, nothing to
    // say which).
    let warned: Vec<(DueWarning, &Finding)> =
        lines.iter().zip(findings).filter_map(|(line, f)| Some((due_warning(line, today, assessment.audit_date)?, f))).collect();
    let said = |kind: DueWarning, what: &str| {
        let titles: Vec<String> = warned.iter().filter(|(w, _)| *w == kind).map(|(_, f)| format!("“{}”", f.item.title)).collect();
        let n = titles.len();
        (n > 0).then(|| format!("{} {what} ({})", counted(n, "line is", "lines are"), first_named(titles, 3)))
    };
    let parts: Vec<String> =
        [said(DueWarning::Overdue, "overdue"), said(DueWarning::AfterTheAudit, "due after the audit day")].into_iter().flatten().collect();
    // Said after what decides the verdict (second look: it stood above the groups adding up).
    let dates = (!parts.is_empty()).then(|| format!("Check the dates: {}. Give each a date you can keep.", and_list(&parts)));
    // Whether a step so far says which points to win back (the questions to answer, the majors,
    // the groups adding up below).
    let points_step = !steps.is_empty() || !own_step.is_empty();
    steps.extend(hold_in_time(findings, assessment.audit_date));
    // Not ready on the percentage alone (second auditor probe: the box said nothing of why).
    if score.verdict == Verdict::NotReady && score.majors == 0 && score.adding_up.is_empty() {
        steps.push(format!(
            "Win back points: the score is under the {NOT_READY_BELOW} % that “Nearly ready” needs, and the lines at the top of \
             the plan cost the most."
        ));
    } else if !points_step && score.minors > 0 {
        // Before the records to renew, which cost nothing today (startup pass of stop 48: a
        // renewal was the only step beside fourteen minors).
        steps.push(match score.minors {
            1 => "No major nonconformity is expected: the minor at the top of the plan costs the most points.".to_string(),
            _ => "No major nonconformity is expected: the minors at the top of the plan cost the most points.".to_string(),
        });
    }
    steps.extend(renew_first(findings, assessment.audit_date));
    if let Some(step) = leavers_quick_win(findings, &assessment.register, today) {
        steps.push(step);
    }
    if let Some(step) = lines_to_hand_over(&lines, assessment, today) {
        steps.push(step);
    }
    // A group made only of questions not answered yet is the first step again (founder pass: a
    // fresh start listed twelve steps, ten of them "Under …, N practices are missing or not
    // confirmed").
    for group in own_step {
        steps.push(format!(
            "Under {}, {} practices{} are {}: {} to avoid one likely major; the rest would stay separate minors.",
            group.requirement,
            group.open,
            group.core_note(),
            group.missing_word(),
            group.fix_text()
        ));
    }
    steps.extend(dates);
    steps
}

/// Recurring activities running late that will be majors on the audit day unless held before
/// it (`Finding::major_by_audit`), each with the last day to hold it (UX pass of stop 47: the
/// panel said "a recurring activity" and no more, and the plan said no major was expected).
fn hold_in_time(findings: &[Finding], audit: Option<NaiveDate>) -> Vec<String> {
    use super::evidence::{last_day_to_hold, overdue_grace_days};
    let Some(audit) = audit else { return Vec::new() };
    let late = findings.iter().filter(|f| f.major_by_audit && f.stands_alone());
    late.filter_map(|f| {
        let cadence = f.item.cadence?;
        let (by, grace) = (last_day_to_hold(cadence, f.date?)?, overdue_grace_days(cadence)?);
        Some(format!(
            "Hold “{}” by {by}: by the audit on {audit} it would be more than {grace} days late, which an auditor raises as a \
             major nonconformity.",
            f.item.title
        ))
    })
    .collect()
}

/// Records that lapse before the audit day, soonest first: they cost nothing today, so their lines
/// sit at the foot of the plan, but each left to lapse is a nonconformity on audit day (security
/// manager's pass of stop 47: four records lapsing in five days were at the bottom of the plan,
/// and "Where to start" pointed at minors due later).
fn renew_first(findings: &[Finding], audit: Option<NaiveDate>) -> Option<String> {
    let mut due: Vec<(NaiveDate, &Finding)> =
        findings.iter().filter(|f| f.renewal_due && f.stands_alone()).filter_map(|f| Some((f.date?, f))).collect();
    due.sort_by_key(|(on, _)| *on);
    let (first, lead) = *due.first()?;
    // A major recurring activity whose record lapses early enough to be a cycle missed by the audit
    // day is a major then, not only "a nonconformity" (auditor probe of stop 49).
    let major_then = |(on, f): &(NaiveDate, &Finding)| {
        let missed = f.item.cadence.zip(audit).is_some_and(|(cadence, audit)| super::evidence::missed_cycle(cadence, *on, audit));
        f.item.recurring && f.item.finding == Severity::Major && missed
    };
    let graver: Vec<String> = due.iter().filter(|d| major_then(d)).map(|(_, f)| format!("“{}”", f.item.title)).collect();
    // One record said as such (UX pass of stop 48: "the first by" of one, brackets in brackets).
    const COSTS: &str = "costs nothing today, but left to lapse it is a nonconformity on audit day.";
    if due.len() == 1 {
        let costs = match graver.is_empty() {
            true => COSTS,
            false => {
                "costs nothing today, but left to lapse it would be more than a quarter of its interval late on audit day: \
                      not held when planned, a major nonconformity."
            }
        };
        return Some(format!("Renew by {first}: the record of “{}” lapses then, before the audit day. It {costs}", lead.item.title));
    }
    let names = first_named(due.iter().map(|(on, f)| format!("“{}” on {on}", f.item.title)).collect(), 3);
    let graver = match graver.len() {
        0 => String::new(),
        1 => format!(" Left to lapse, {} would be more than a quarter of its interval late by then: a major.", graver[0]),
        _ => format!(" Left to lapse, {} would be more than a quarter of their intervals late by then: majors.", and_list(&graver)),
    };
    Some(format!("Renew {} records before the audit day, the first by {first}: {names}. Each {COSTS}{graver}", due.len()))
}

/// The people whose departure alone makes register findings (`Finding::leavers_only`: a leaver
/// still holding a role, a role or deputy seat they leave empty, people reporting to them), named
/// in one step: a few edits in the register, where the plan lists each finding apart (founder
/// pass: "Where to start" never pointed to a quick win; a count of findings and points beside it
/// did not add up with the dashboard's, so it names who instead). A competence record past its
/// renewal is dated too, but renewing it is no quick edit. Nor is a departure that leaves a major
/// open (the ISMS owner, top management): top management appoints a successor, whose competence
/// is shown and who will be interviewed (Clauses 5.3, 7.2; auditor probe), and the step on the
/// majors names it.
fn leavers_quick_win(findings: &[Finding], register: &Register, today: NaiveDate) -> Option<String> {
    let from_leavers: Vec<&Finding> = findings
        .iter()
        .filter(|f| f.kind.is_register() && f.kind != FindingKind::CompetenceGap && f.leavers_only && !f.renewal_due)
        .collect();
    if from_leavers.iter().any(|f| f.severity == Severity::Major) {
        return None;
    }
    let leavers: Vec<String> = leavers_in(&from_leavers, register)
        .into_iter()
        .map(|(name, on)| format!("{name} ({})", Absence::leaving(on, today).said()))
        .collect();
    let holds = if leavers.len() == 1 { "holds" } else { "hold" };
    (!leavers.is_empty()).then(|| {
        format!(
            "A quick win: in the roles register, hand what {} still {holds} (roles, deputy seats, people reporting to them) to \
             people who stay, with a record of each appointment.",
            and_list(&leavers)
        )
    })
}

/// The people with a leaving date whom the findings' problems name (as the register shows
/// them), with that date.
fn leavers_in(findings: &[&Finding], register: &Register) -> Vec<(String, NaiveDate)> {
    let named = |name: &str| findings.iter().any(|f| f.details.iter().any(|d| d.contains(name)));
    register.people.iter().filter_map(|p| Some((p.display_name().into_owned(), p.leaving_date?))).filter(|(name, _)| named(name)).collect()
}
