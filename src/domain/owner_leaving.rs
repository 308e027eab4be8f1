//! An owner named in a free-text field (a plan line's owner, an evidence record's owner) whom the
//! roles register has gone, or not yet started, by the day the work or the audit needs them
//! (founder pass: an evidence owner who had left was never flagged, and a plan line could stay
//! with someone leaving before it was due; auditor probe: or with someone starting after it).

use chrono::NaiveDate;

use super::assessment::Assessment;
use super::remediation::{Remediation, Status};
use super::roles::Register;
use super::wording::{and_list, counted};

/// Why someone named as an owner is not there on the day that matters, and from or until when.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Absence {
    /// Gone by today: the register's leaving date (their first day gone).
    Left(NaiveDate),
    /// Still here today, gone by the day that matters.
    Leaves(NaiveDate),
    /// Starts after the day that matters.
    Starts(NaiveDate),
}

impl Absence {
    /// A leaving date, from `today`: gone already or still to go.
    pub fn leaving(on: NaiveDate, today: NaiveDate) -> Absence {
        if on <= today {
            Absence::Left(on)
        } else {
            Absence::Leaves(on)
        }
    }

    /// "left on 2026-11-30", "leaves on …", "starts on …": every sentence about one says it so.
    pub fn said(self) -> String {
        match self {
            Absence::Left(on) => format!("left on {on}"),
            Absence::Leaves(on) => format!("leaves on {on}"),
            Absence::Starts(on) => format!("starts on {on}"),
        }
    }
}

/// The register's person named `owner` (the same name, whatever its spacing or ASCII case, or
/// only their first name: in a small company that is what people type; founder pass) when they
/// are not there on `by` (nor today, for a day already past). A name several people share is
/// left alone: it may be the one who is there.
pub fn absence(owner: &str, register: &Register, today: NaiveDate, by: NaiveDate) -> Option<(String, Absence)> {
    let person = person_named(owner, register)?;
    let by = by.max(today);
    let absence = match (person.leaving_date, person.start_date) {
        (Some(left), _) if left <= today => Absence::Left(left),
        (Some(left), _) if left <= by => Absence::Leaves(left),
        (_, Some(start)) if start > by => Absence::Starts(start),
        _ => return None,
    };
    Some((person.display_name().into_owned(), absence))
}

/// The register's one person an owner's text names: the same name, whatever its spacing or ASCII
/// case, or only their first name; none when several people share it.
pub fn person_named<'r>(owner: &str, register: &'r Register) -> Option<&'r crate::domain::roles::Person> {
    let wanted = normalised(owner);
    if wanted.is_empty() {
        return None;
    }
    let names: Vec<String> = register.people.iter().map(|p| normalised(&p.name)).collect();
    let only = |same: &dyn Fn(&str) -> bool| {
        let mut named = register.people.iter().zip(&names).filter(|(_, name)| same(name));
        named.next().filter(|_| named.next().is_none()).map(|(p, _)| p)
    };
    match names.contains(&wanted) {
        true => only(&|name| name == wanted),
        false if !wanted.contains(' ') => only(&|name| name.split(' ').next() == Some(wanted.as_str())),
        false => None,
    }
}

/// Spacing and ASCII case folded: full Unicode case folding would add its tables to the first
/// load (about 8 KB), and a name typed with other capitals is nearly always an ASCII one.
/// Characters that show nothing are left out, and full-width letters read as ASCII.
pub(crate) fn normalised(name: &str) -> String {
    // Without direction overrides (false-alarm pass of stop 52: "Ben \u{202B}Lindqvist" shown as
    // Ben Lindqvist was another person to the checks).
    let shown: String = name.chars().filter(|c| !super::export::hidden(*c)).collect();
    super::wording::lower_text(&super::wording::plain(&shown).split_whitespace().collect::<Vec<_>>().join(" "))
}

/// Beside a plan line's owner, when they are not there by the line's due date.
pub fn plan_owner_warning(owner: &str, register: &Register, today: NaiveDate, due: NaiveDate) -> Option<String> {
    let (name, absence) = absence(owner, register, today, due)?;
    let said = absence.said();
    Some(match absence {
        Absence::Left(_) => format!("{name} {said} (roles register): hand this to someone who works here."),
        // Their first day gone is the due day itself (founder pass: "before this is due" read wrong).
        Absence::Leaves(on) if on == due => format!("{name} {said}, the day this is due (roles register): hand it to someone who stays."),
        Absence::Leaves(_) => format!("{name} {said}, before this is due (roles register): hand it to someone who stays."),
        Absence::Starts(_) => format!("{name} {said}, after this is due (roles register): hand it to someone who works here."),
    })
}

/// Beside an evidence record's owner, when they have left, leave before an upcoming audit, or
/// start after it (after today, with no audit ahead).
pub fn evidence_owner_warning(owner: &str, register: &Register, today: NaiveDate, audit: Option<NaiveDate>) -> Option<String> {
    let (name, absence) = absence(owner, register, today, audit.filter(|day| *day > today).unwrap_or(today))?;
    let said = absence.said();
    Some(match absence {
        Absence::Left(_) => format!("{name} {said} (roles register): name who keeps this record now."),
        Absence::Leaves(_) => format!("{name} {said}, before the audit (roles register): name who will show this record then."),
        Absence::Starts(_) => format!("{name} {said} (roles register): name who keeps this record until then."),
    })
}

/// The plan's lines not done whose owner is not there by the line's due date, by owner: one step
/// for "Where to start" (founder pass: six lines given to someone leaving each turned red, and
/// nothing said so in one place). `lines` are the plan's lines as its rows show them
/// (`remediation::plan_due_as`, due dates filled in).
pub fn lines_to_hand_over(lines: &[Remediation], assessment: &Assessment, today: NaiveDate) -> Option<String> {
    let mut owners: Vec<(String, Absence, usize)> = Vec::new();
    for line in lines {
        let Some(due) = line.due.filter(|_| line.status != Status::Done) else { continue };
        let Some((name, absence)) = absence(&line.owner, &assessment.register, today, due) else { continue };
        match owners.iter_mut().find(|(n, ..)| *n == name) {
            Some((_, _, lines)) => *lines += 1,
            None => owners.push((name, absence, 1)),
        }
    }
    let said: Vec<String> = owners
        .iter()
        .map(|(name, absence, lines)| format!("{} of {name} ({})", counted(*lines, "line", "lines"), absence.said()))
        .collect();
    (!said.is_empty()).then(|| format!("Hand over the plan lines whose owner will not be there when they are due: {}.", and_list(&said)))
}

/// An owner as a report's cell shows it: as typed, and who the register has gone (or not yet
/// started) by `by`, the line's due date or the audit ("Dev (Dev Patel left on 2026-11-30)";
/// founder pass: the downloaded gap report read "Dev" with no word of it). `when` ends the
/// note of someone still to leave or start ("before it is due").
pub fn owner_cell(owner: &str, register: &Register, today: NaiveDate, by: NaiveDate, when: &str) -> String {
    let owner = owner.trim();
    let Some((name, away)) = absence(owner, register, today, by) else { return owner.to_string() };
    // The whole name once: "Dev (Dev Patel left …)", "Dev Patel (left …)".
    let who = if normalised(owner) == normalised(&name) { String::new() } else { format!("{name} ") };
    match away {
        Absence::Left(_) => format!("{owner} ({who}{})", away.said()),
        Absence::Leaves(_) | Absence::Starts(_) => format!("{owner} ({who}{}, {when})", away.said()),
    }
}
