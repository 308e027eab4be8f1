//! REG-COMPETENCE: every current role holder has a competence record for that role (or a general
//! one), and no record they rely on has passed its renewal date.

use chrono::NaiveDate;
use std::collections::BTreeSet;

use super::{nobody_holds_a_role, Problem, RegisterCheck};
use crate::domain::findings::FindingKind;
use crate::domain::roles::model::{CompetenceRecord, Register, RoleKind};

pub const CHECK: RegisterCheck = RegisterCheck {
    item_id: "REG-COMPETENCE",
    kind: FindingKind::CompetenceGap,
    lead: "Competence for some roles cannot be shown.",
    remediation: "Record the training, experience or certification that makes each listed person fit for the role, \
                  and renew lapsed records (refresher training, recertification) before the audit.",
    run: problems,
};

fn describe(r: &CompetenceRecord) -> String {
    let text = r.description.trim();
    let text = if text.is_empty() { "(no description)" } else { text };
    format!("{} \"{text}\"", r.kind.label().to_ascii_lowercase())
}

/// Why a record cannot show competence today, if it cannot. A record that does not say what it is
/// shows nothing (auditor probe: a blank, undated record stood in for a lapsed one).
fn weakness(record: &CompetenceRecord, name: &str, today: NaiveDate) -> Option<Problem> {
    if crate::domain::wording::says_nothing(&record.description) {
        return Some(Problem::new(format!("{name}'s {} does not say what it is, so it shows no competence.", describe(record))));
    }
    // Its own words say it is not achieved yet (score-gaming probe of stop 51: "Lead Implementer
    // course, not completed yet", "exam pending" and "booked for next quarter" read "Ready", where
    // a date ahead was caught). A qualification held beside a step to come ("CISSP certified,
    // renewal pending") is achieved.
    // Nor one that says it is not held, or no longer (second probe of stop 51: "Will be certified",
    // "No certificate", "exam failed", "certificate expired" and "0 years of experience" read as held).
    let text = format!(" {} ", record.description.to_ascii_lowercase());
    const NOT_HELD: &str = " no | none |not |will |failed|revoked|expired|lapsed|withdrawn| 0 years|zero years|without |never |";
    let not_held = NOT_HELD.split('|').filter(|w| !w.is_empty()).any(|w| text.contains(w));
    let held = !not_held && ["certified", "passed", "qualified", "certificate", "years"].iter().any(|w| text.contains(w));
    if not_held || crate::domain::wording::says_not_done(&record.description) && !held {
        return Some(Problem::new(format!("{name}'s {} says it is not held, or not yet, so it shows no competence.", describe(record))));
    }
    match (record.renew_every_months, record.achieved_on, record.expires_on()) {
        (_, Some(on), _) if on > today => {
            // Not "after today": on an upcoming audit day's run, the day is not today.
            Some(Problem::new(format!("{name}'s {} is dated {on}, so it is not achieved yet: it counts from that day.", describe(record))))
        }
        // Dated the first day it no longer counts, as a leaver's first day gone.
        (Some(months), Some(_), Some(expiry)) if expiry < today => Some(Problem {
            renewal: true,
            ..Problem::dated(
                format!("{name}'s {} is past its renewal date, {expiry} (renewal due every {months} months).", describe(record)),
                expiry.succ_opt().unwrap_or(expiry),
            )
        }),
        (Some(_), None, _) => {
            Some(Problem::new(format!("{name}'s {} has no date, so nobody can tell whether it is still valid.", describe(record))))
        }
        // One word and no date ("Training") names no course, certificate or experience an
        // auditor could ask to see (lead-auditor probe of stop 48: such records read "Ready").
        (None, None, _) if record.description.split_whitespace().count() < 2 => Some(Problem::new(format!(
            "{name}'s {} names no course, certificate or experience and no date, so it shows no competence: say which, \
             and when it was achieved.",
            describe(record)
        ))),
        _ => None,
    }
}

pub fn problems(register: &Register, today: NaiveDate) -> Vec<Problem> {
    if let Some(p) = nobody_holds_a_role(register, today).filter(|_| register.top_management(today).is_empty()) {
        return vec![p];
    }
    let mut out = Vec::new();
    let mut reported: BTreeSet<&str> = BTreeSet::new();
    for person in register.people.iter().filter(|p| p.is_current(today)) {
        let name = person.display_name();
        // Top management's part is judged by what it does (Clause 5.1) and in its interview; an
        // auditor asks no training record for being a director (lead-auditor probe), nor for
        // sitting on the review team, which Clause 9.3 gives top management anyway (second
        // look). Its other roles, such as ISMS owner, still need one.
        let on_top = register.is_top_management(&person.id, today);
        let own_part = |r: &RoleKind| *r == RoleKind::TopManagement || (on_top && *r == RoleKind::ReviewTeamMember);
        for role in register.held_roles_on(&person.id, today).into_iter().filter(|r| !own_part(r)) {
            let records: Vec<&CompetenceRecord> =
                register.competence.iter().filter(|c| c.person_id == person.id && c.covers(&role)).collect();
            if records.is_empty() {
                // With records for their other roles only, how to cover this one too (founder
                // pass: a certificate recorded for one of three roles left the others flagged).
                let own = register.competence.iter().any(|c| c.person_id == person.id);
                let text = match own {
                    true => format!(
                        "{name} has no competence record for the role {}: their records are for other roles (one set to \
                         General counts for every role they hold).",
                        role.label()
                    ),
                    false => format!("{name} has no competence record for the role {} (nor a general one).", role.label()),
                };
                out.push(Problem::new(text));
                continue;
            }
            let weak: Vec<(&CompetenceRecord, Problem)> =
                records.iter().filter_map(|r| weakness(r, &name, today).map(|p| (*r, p))).collect();
            // One record valid today is enough: an older lapsed one was renewed by it.
            if weak.len() < records.len() {
                continue;
            }
            for (record, problem) in weak {
                // A general record is reported once, not once per role it covers.
                if reported.insert(record.id.as_str()) {
                    out.push(problem);
                }
            }
        }
    }
    out
}
