//! REG-ROLES-ASSIGNED: the roles Clause 5.3 cannot do without (top management, the security
//! manager and holders of its two named responsibilities) have a holder who works here today; a
//! gap there is a major nonconformity. REG-FUNCTIONS-ASSIGNED: the other functions a startup ISMS
//! runs on (review team, supplier oversight, internal audit, risk ownership, incidents, awareness)
//! are held too; the standard does not name them as roles, so a gap is a minor finding (their
//! missing work is judged by its own items, such as the internal audit or risk acceptance).

use chrono::NaiveDate;

use super::{Problem, RegisterCheck};
use crate::domain::findings::FindingKind;
use crate::domain::roles::model::{Assignment, Person, Register, RoleKind};
use crate::domain::wording::no_written_record;

pub const CHECK: RegisterCheck = RegisterCheck {
    item_id: "REG-ROLES-ASSIGNED",
    kind: FindingKind::RoleGap,
    // Not "lack a current holder": true of a vacancy, not of top management below someone
    // outside it, nor of a role nothing shows was assigned (auditor probe of stop 42). Said
    // plainly (copy pass of stop 51: "…every role the ISMS cannot run without held as…").
    lead: "Some roles the ISMS cannot run without are not held as an auditor expects.",
    remediation: "Appoint someone who works here today to each listed role, record the appointment in the register \
                  and tell the team who now holds it.",
    run: problems,
};

pub const FUNCTIONS_CHECK: RegisterCheck = RegisterCheck {
    item_id: "REG-FUNCTIONS-ASSIGNED",
    kind: FindingKind::RoleGap,
    lead: "ISMS functions lack a current holder.",
    remediation: "Give each listed function an owner who works here today (one person may hold several when their \
                  duties do not conflict) and record it in the register.",
    run: function_problems,
};

/// The roles the ISMS cannot run without (top management, the two Clause 5.3 responsibilities and
/// the security manager who usually carries them), with the least number of distinct current holders.
pub const REQUIRED: [(RoleKind, usize); 4] =
    [(RoleKind::TopManagement, 1), (RoleKind::SecurityManager, 1), (RoleKind::IsmsConformance, 1), (RoleKind::PerformanceReporting, 1)];

/// The other functions the register expects to be held.
pub const FUNCTIONS: [(RoleKind, usize); 6] = [
    (RoleKind::ReviewTeamMember, 2),
    (RoleKind::ThirdPartyManager, 1),
    (RoleKind::InternalAuditor, 1),
    (RoleKind::RiskOwner, 1),
    (RoleKind::IncidentLead, 1),
    (RoleKind::AwarenessTrainer, 1),
];

pub fn problems(register: &Register, today: NaiveDate) -> Vec<Problem> {
    let mut out = unheld(&REQUIRED, register, today);
    out.extend(NAMED_BY_CLAUSE.iter().filter_map(|role| never_shown(register, role, today)));
    out.extend(top_management_below_others(register, today));
    out
}

/// Top management whose own line manager (or the manager of their top-management role) works
/// here and is not top management: the register's top management is then not the top, and
/// whoever directs the organisation stands outside the leadership Clause 5.1 asks to show
/// (auditor probe: the head of security given the top-management role, reporting to a CEO left
/// unticked, read 100 % "Ready"). Another role's line is functional: a CEO who is also a risk
/// owner reporting risks to the security manager is not managed by them (second probe).
fn top_management_below_others(register: &Register, today: NaiveDate) -> Vec<Problem> {
    let mut out = Vec::new();
    for person in register.top_management(today) {
        let own = person.reports_to.as_deref();
        // The ISMS roles report to top management: held by top management, their line is a line
        // of management too (score-gaming probe of stop 52: the head of security ticked as top
        // management, his ISMS owner role reporting to a CEO left unticked, read "Ready").
        const MANAGED: [RoleKind; 4] =
            [RoleKind::TopManagement, RoleKind::SecurityManager, RoleKind::IsmsConformance, RoleKind::PerformanceReporting];
        let in_role = register.assignments_of(&person.id).filter(|a| MANAGED.contains(&a.role) && a.in_force(today));
        let mut above: Vec<&str> = own.into_iter().chain(in_role.filter_map(|a| a.reports_to.as_deref())).collect();
        above.dedup();
        for manager in above.into_iter().filter(|m| *m != person.id).filter_map(|m| register.current_person(m, today)) {
            if register.is_top_management(&manager.id, today) {
                continue;
            }
            let (name, over) = (person.display_name(), manager.display_name());
            out.push(Problem::new(format!(
                "Top management is not at the top: {name} holds it but reports to {over}, who does not. Whoever \
                 directs the organisation at its highest level is part of top management, whose leadership an \
                 auditor will ask to see: tick {over} as top management if that is them, or correct who {name} reports to."
            )));
        }
    }
    out
}

/// The two responsibilities Clause 5.3 names, which top management assigns with the authority
/// to carry them out.
const NAMED_BY_CLAUSE: [RoleKind; 2] = [RoleKind::IsmsConformance, RoleKind::PerformanceReporting];

/// Nothing shows the assignment was made: no appointment record, no date, no authority.
fn shows_nothing(a: &Assignment) -> bool {
    no_written_record(&a.appointment_evidence) && a.appointed_on.is_none() && !a.authority_granted
}

/// A responsibility Clause 5.3 names whose holders today have nothing to show it was ever
/// assigned to them: only a name in the register (auditor probes, twice: it read "Nearly ready",
/// while the checklist says the register raises a major when nobody can show it was assigned).
fn never_shown(register: &Register, role: &RoleKind, today: NaiveDate) -> Option<Problem> {
    if !never_assigned(register, role, today) {
        return None;
    }
    let held = register.current_assignments(today).filter(|a| &a.role == role);
    let names: Vec<String> = held.filter_map(|a| register.person(&a.person_id)).map(|p| p.display_name().into_owned()).collect();
    Some(Problem::new(format!(
        "Nothing shows that {} was assigned: it is recorded for {} with no appointment record, no date and no authority \
         to enforce, and Clause 5.3 asks top management to assign both the responsibility and the authority.",
        role.label(),
        names.join(", ")
    )))
}

/// Whether `role`, one of the two Clause 5.3 responsibilities, is held today only by
/// assignments with nothing to show they were made ([`never_shown`] says so): a question asking
/// for its holder is part of that gap. A predicate, with no text to write.
pub fn never_assigned(register: &Register, role: &RoleKind, today: NaiveDate) -> bool {
    let mut held = register.current_assignments(today).filter(|a| &a.role == role).peekable();
    NAMED_BY_CLAUSE.contains(role) && held.peek().is_some() && held.all(|a| shows_nothing(a) && !super::by_position(register, a, today))
}

/// Whether `role` is held on `day` by someone whose assignment shows how it was given: an
/// appointment record, dated by that day, and the authority to enforce; or by top management
/// itself (`by_position`). That is what a question
/// asking for the role (`Item::asks_role`) asks, so an open answer costs nothing beside it
/// (auditor probe: "not sure" on the conformance owner read a major while the register showed
/// the appointment letter).
pub fn shown_assigned(register: &Register, role: &RoleKind, day: NaiveDate) -> bool {
    let shown = |a: &&Assignment| {
        let recorded = !no_written_record(&a.appointment_evidence) && a.appointed_on.is_some_and(|on| on <= day) && a.authority_granted;
        recorded || super::by_position(register, a, day)
    };
    register.current_assignments(day).filter(|a| &a.role == role).any(|a| shown(&a))
}

/// The first of the days a question asking for `role` is judged on (today, and an upcoming
/// `audit` day) on which the register does not show it given ([`shown_assigned`]); `None` when it
/// shows it on both, which settles an open answer.
pub fn first_unshown(register: &Register, role: &RoleKind, today: NaiveDate, audit: Option<NaiveDate>) -> Option<NaiveDate> {
    let upcoming = audit.filter(|day| *day > today);
    [Some(today), upcoming].into_iter().flatten().find(|day| !shown_assigned(register, role, *day))
}

/// Whether `a` is one of the assignments [`never_shown`] finds: its record and authority gaps
/// are part of that gap.
pub fn part_of_never_shown(register: &Register, a: &Assignment, today: NaiveDate) -> bool {
    shows_nothing(a) && never_assigned(register, &a.role, today)
}

pub fn function_problems(register: &Register, today: NaiveDate) -> Vec<Problem> {
    // With nobody in any role at all, the other functions are part of the one major for the
    // roles the ISMS cannot run without (auditor probe: an empty register read as a major and
    // two minors; an auditor raises one nonconformity against Clause 5.3).
    let nobody = super::nobody_holds_a_role(register, today).is_some();
    let mut out = Vec::new();
    for function in &FUNCTIONS {
        // A function left short by someone whose leaving also empties a role the ISMS cannot run
        // without is part of that vacancy: one leaver not replaced (second auditor probe: the
        // security manager leaving before the audit read a major and a minor for their review
        // team seat).
        let part = nobody || left_a_required_role_vacant(register, &function.0, today);
        out.extend(unheld(std::slice::from_ref(function), register, today).into_iter().map(|p| match part {
            true => p.part_of_the_vacancies(),
            false => p,
        }));
    }
    out
}

/// Whether someone who held `role` and no longer does on `today` also held a role of
/// [`REQUIRED`] that is short of holders on that day.
fn left_a_required_role_vacant(register: &Register, role: &RoleKind, today: NaiveDate) -> bool {
    let short = |r: &RoleKind| short_of(&REQUIRED, register, r, today);
    // Counted in `role` as `counted_holders` counts: holding it, or, in the review team, being top
    // management (auditor probe of stop 43: a departing CEO read a major and a minor).
    let counted_in =
        |held: &[RoleKind]| held.contains(role) || (*role == RoleKind::ReviewTeamMember && held.contains(&RoleKind::TopManagement));
    let mut leavers = register.people.iter().filter(|p| p.left_on(today).is_some()).map(|p| register.held_roles(&p.id));
    leavers.any(|held| counted_in(&held) && held.iter().any(short))
}

/// Whether `role` is one of `roles` and has fewer current holders on `today` than it needs.
fn short_of(roles: &[(RoleKind, usize)], register: &Register, role: &RoleKind, today: NaiveDate) -> bool {
    roles.iter().any(|(r, least)| r == role && counted_holders(register, r, today).len() < *least)
}

/// The people counted as holding `role` on `today`: its current holders, and for the management
/// review team, top management too, who hold the review (Clause 9.3): a CEO who chairs it with the
/// security manager is a team of two (auditor probe of stop 43: it read a minor for a team of one).
/// Only beside someone on the team itself: with nobody in it, nobody is prepared to take the
/// auditor through the reviews (the interview check says so too).
fn counted_holders<'a>(register: &'a Register, role: &RoleKind, today: NaiveDate) -> Vec<&'a Person> {
    let mut holders = register.current_holders(role, today);
    if *role == RoleKind::ReviewTeamMember && !holders.is_empty() {
        for person in register.top_management(today) {
            if !holders.iter().any(|h| h.id == person.id) {
                holders.push(person);
            }
        }
    }
    holders
}

/// The check that finds `role` short of current holders on `today`, if one does: a leaver or
/// starter still recorded in that role is part of its gap.
pub fn vacancy_check(register: &Register, role: &RoleKind, today: NaiveDate) -> Option<&'static str> {
    let short = |roles: &[(RoleKind, usize)]| short_of(roles, register, role, today);
    match (short(&REQUIRED), short(&FUNCTIONS)) {
        (true, _) => Some(CHECK.item_id),
        // A function a leaver left short along with a required role is part of that vacancy.
        (_, true) if left_a_required_role_vacant(register, role, today) => Some(CHECK.item_id),
        (_, true) => Some(FUNCTIONS_CHECK.item_id),
        _ => None,
    }
}

fn unheld(roles: &[(RoleKind, usize)], register: &Register, today: NaiveDate) -> Vec<Problem> {
    let mut out = Vec::new();
    let mut hinted = false;
    for (role, least) in roles {
        let names: Vec<String> = counted_holders(register, role, today).iter().map(|p| p.display_name().to_string()).collect();
        if names.len() >= *least {
            continue;
        }
        let mut text = if names.is_empty() {
            format!("Nobody who works here holds the role {}", role.label())
        } else {
            format!(
                "{} has {} ({}) but needs at least {least}{}",
                role.label(),
                crate::domain::wording::counted(names.len(), "current holder", "current holders"),
                names.join(", "),
                if *role == RoleKind::ReviewTeamMember { ", counting top management, who holds the review" } else { "" }
            )
        };
        let gone = former_holders(register, role, today);
        // Words that fit a leaver ("whose leaving date is …") and a starter ("who starts on …").
        if !gone.is_empty() {
            let recorded = if names.is_empty() { "recorded only" } else { "also recorded" };
            text += &format!("; it is {recorded} for {}", gone.join(", "));
        }
        text.push('.');
        // A deputy still here can cover, not hold, the role (auditor probe of stop 44: the
        // security manager gone with a named deputy read as if nobody could step in).
        if let Some(deputy) = names.is_empty().then(|| covering_deputy(register, role, today)).flatten() {
            text += &format!(
                " {deputy}, the recorded deputy, can cover it meanwhile, but an auditor expects a holder appointed: appoint \
                 {deputy} or someone else and record it."
            );
        }
        if names.is_empty() && gone.is_empty() {
            // Said in full once; the second duty says "likewise" (founder pass: the long sentence
            // twice in a row).
            if let Some(hint) = also_the_security_manager(register, role, today) {
                text += if hinted { " Likewise, the security manager can hold this one too." } else { &hint };
                hinted = true;
            }
        }
        // Dated by the first departure that left it short, so a plan can be due before it.
        out.push(Problem { date: left_on(register, role, today), ..Problem::new(text) });
    }
    out
}

/// For the two Clause 5.3 responsibilities nobody holds while a security manager does: that they
/// are assigned on their own, and can go to the same person (founder pass: with the ISMS owner
/// appointed, "nobody holds the role ISMS conformance owner" read as the same job, and a major).
fn also_the_security_manager(register: &Register, role: &RoleKind, today: NaiveDate) -> Option<String> {
    if !matches!(role, RoleKind::IsmsConformance | RoleKind::PerformanceReporting) {
        return None;
    }
    let holders = register.current_holders(&RoleKind::SecurityManager, today);
    let manager = holders.first()?;
    Some(format!(
        " It is a Clause 5.3 responsibility, assigned in its own right: {}, the security manager, can hold it too, as a \
         second role assignment.",
        manager.display_name()
    ))
}

/// The first leaving date among the holders of `role` who have left by `today`.
fn left_on(register: &Register, role: &RoleKind, today: NaiveDate) -> Option<NaiveDate> {
    let holders = register.assignments.iter().filter(|a| &a.role == role).filter_map(|a| register.person(&a.person_id));
    holders.filter_map(|p| p.left_on(today)).min()
}

/// The deputy, working here on `today`, recorded on an assignment of `role` whose holder no
/// longer does.
pub(super) fn covering_deputy(register: &Register, role: &RoleKind, today: NaiveDate) -> Option<String> {
    let gone = |a: &&Assignment| &a.role == role && register.person(&a.person_id).map_or(true, |p| p.absence(today).is_some());
    let deputies = register.assignments.iter().filter(gone).filter_map(|a| a.backup.as_deref());
    deputies.filter_map(|id| register.current_person(id, today)).map(|p| p.display_name().into_owned()).next()
}

/// Holders of `role` who do not hold it today, with the reason: they do not work here, or their
/// appointment is dated later (auditor probe: the role read as empty with no word of the date).
fn former_holders(register: &Register, role: &RoleKind, today: NaiveDate) -> Vec<String> {
    register
        .assignments
        .iter()
        .filter(|a| &a.role == role)
        .filter_map(|a| match (register.person(&a.person_id), a.appointed_on) {
            (None, _) => Some(format!("an unknown person ({})", a.person_id)),
            (Some(p), on) => match (p.absence(today), on) {
                (Some(why), _) => Some(format!("{}, {why}", p.display_name())),
                (None, Some(on)) if on > today => Some(format!("{}, appointed from {on}", p.display_name())),
                _ => None,
            },
        })
        .collect()
}
