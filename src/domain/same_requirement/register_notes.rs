//! What a checklist question's card hears from the roles register: the register check covering
//! the same requirement, the role the question asks for, and the cases a process missed.

use chrono::NaiveDate;

use crate::domain::assessment::Answer;
use crate::domain::catalog::{Catalog, Item};
use crate::domain::findings::{Finding, FindingKind};
use crate::domain::roles::checks::assigned;
use crate::domain::roles::{Register, RoleKind};

/// What a checklist question's card adds about `check`, the register check that covers the same
/// requirement, when the two disagree or the register settles an open question: the answer alone
/// no longer tells the whole story. (When both fail, the answer's own explanation opens with the
/// check it is counted with: the check costs the whole item, so it carries the points.) Takes the
/// two findings as looked up by the caller, so a view can use its own index.
pub fn question_note(check: &Item, answer: Option<Answer>, own: Option<&Finding>, checked: Option<&Finding>) -> Option<String> {
    let open = matches!(answer, None | Some(Answer::NotSure));
    let checked = checked.filter(|f| f.costs_points());
    match (own, checked) {
        // Said to a "not sure" as such (founder pass: it read "not answered yet").
        (None, None) if open => Some(format!(
            "The roles register shows this in place (“{}” passes), so {}",
            check.title,
            match answer {
                Some(Answer::NotSure) => "your “not sure” costs nothing. If it holds, answer yes; if not, answer no.",
                _ => "it costs nothing while unanswered. Confirm it by answering.",
            }
        )),
        // An empty register (or one whose people have all left) shows nothing yet: it is not a
        // disagreement, it is the register still to fill in.
        (None, Some(failing)) if failing.lead.is_none() => Some(format!(
            "The roles register does not show this yet (“{}” is open, {}): fill in the register to earn these points.",
            check.title,
            failing.cost_text()
        )),
        (None, Some(failing)) => Some(format!(
            "The roles register disagrees: “{}” is open ({}), so this requirement still costs points.",
            check.title,
            failing.cost_text()
        )),
        (Some(own), None)
            if matches!(own.kind, FindingKind::Gap | FindingKind::NotExcludable | FindingKind::Partial | FindingKind::Unanswered) =>
        {
            Some(format!("The roles register shows this in place (“{}” passes). If it is, review your answer.", check.title))
        }
        _ => None,
    }
}

/// What a question asking for a role (`Item::asks_role`) hears from the roles register: who holds
/// the role today while it is not answered yes, and whether the register settles it (the
/// question also asks how the role was given: with an appointment record, a date and authority,
/// `assigned::first_unshown`, an open answer costs nothing), or that nobody holds it while it is
/// answered yes. Without it, filling in the register left the question unanswered with no word of
/// the holder just recorded. On an upcoming `audit` day, a "yes" whose holder will have gone by
/// then is said too.
pub fn asked_role_note(
    item: &Item,
    register: &Register,
    answer: Option<Answer>,
    today: NaiveDate,
    audit: Option<NaiveDate>,
) -> Option<String> {
    let role = item.asks_role.and_then(RoleKind::from_code)?;
    let holders: Vec<String> = register.current_holders(&role, today).iter().map(|p| p.display_name().into_owned()).collect();
    let gone_by = audit.filter(|day| *day > today && register.current_holders(&role, *day).is_empty());
    let shown = assigned::first_unshown(register, &role, today, audit).is_none();
    let open = matches!(answer, None | Some(Answer::NotSure));
    match (holders.is_empty(), answer == Some(Answer::Yes), gone_by) {
        (false, false, _) if open && shown && !item.register_settles() => Some(format!(
            "The roles register shows {} appointed to this role, on record and with the authority it needs; what the duty \
             produces it cannot show, so until this is answered it counts as only partly shown.",
            holders.join(", ")
        )),
        (false, false, _) if open && shown => Some(format!(
            "The roles register shows {} appointed to this role, with the appointment on record and the authority to enforce \
             it, so {}",
            holders.join(", "),
            match answer {
                Some(Answer::NotSure) => "your “not sure” costs nothing. If it holds, answer yes; if not, answer no.",
                _ => "it costs nothing while unanswered. Confirm it by answering.",
            }
        )),
        (false, false, _) => Some(format!(
            "The roles register names {} for this role. If top management gave it formally, with the authority it needs, answer \
             yes and record the appointment as evidence.",
            holders.join(", ")
        )),
        (true, true, _) => {
            Some("Answered yes, but the roles register names nobody who holds this role today: record the holder there.".into())
        }
        (false, true, Some(day)) => Some(format!(
            "Answered yes, but by the audit on {day} the roles register names nobody who holds this role: appoint the next holder \
             before then."
        )),
        // Auditor probe: the card read "Ready on your word" beside the register's major.
        (false, true, None) if assigned::never_assigned(register, &role, today) => Some(
            "Answered yes, but the roles register has nothing to show it was assigned (no appointment record, no date, no \
             authority): record them there."
                .into(),
        ),
        _ => None,
    }
}

/// What a question whose process a register check tests case by case (`Item::instance_of`: the
/// leaver process, a leaver still holding roles) hears when it is answered yes while that check
/// finds a case the process missed (auditor probe: the leaver process read "Ready" beside the
/// leaver it missed). The check costs its points; the answer stays the user's to review.
pub fn missed_case_note(check: &Item, answer: Option<Answer>, checked: Option<&Finding>) -> Option<String> {
    let failing = checked.filter(|f| answer == Some(Answer::Yes) && f.costs_points() && f.leavers_only)?;
    Some(format!(
        "Answered yes, but the roles register shows a case it missed: “{}” is open ({}). If the process is in place, follow it \
         for that case; if not, review your answer.",
        check.title,
        failing.cost_text()
    ))
}

/// The register checks that test a question's process case by case (`Item::instance_of`).
pub fn case_checks_of<'a>(catalog: &'a Catalog, question_id: &'a str) -> impl Iterator<Item = &'static Item> + 'a {
    catalog.items.iter().filter(move |i| i.instance_of == Some(question_id))
}

/// The register check that covers the same requirement as a question, if any.
pub fn check_asking(catalog: &Catalog, question_id: &str) -> Option<&'static Item> {
    catalog.items.iter().find(|i| i.same_as == Some(question_id))
}
