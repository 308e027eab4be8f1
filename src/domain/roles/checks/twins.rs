//! One name entered twice is one person to an auditor: the checks that follow people through the
//! register (duty conflicts, reporting lines) read it with each such name's entries merged into
//! the first (auditor probes: the security manager entered again as internal auditor read
//! "Ready"; a performance reporter reporting to a second, unticked "Ada Okafor" failed with no word
//! of the twin).

use chrono::NaiveDate;

use crate::domain::roles::model::Register;

/// Who was merged into whom: each first entry's ID with the IDs of the entries sharing its name.
pub(super) type Twins = Vec<(String, Vec<String>)>;

/// The register with the current people who share a name (spacing and ASCII case folded) merged
/// into the first of them, and who was merged into whom; `None` when nobody shares a name.
pub(super) fn merged_twins(register: &Register, today: NaiveDate) -> Option<(Register, Twins)> {
    // Folded as the plan's owners are (`owner_leaving::normalised`): one rule for one name.
    use crate::domain::owner_leaving::normalised;
    let current: Vec<(&str, String)> =
        register.people.iter().filter(|p| p.is_current(today)).map(|p| (p.id.as_str(), normalised(&p.name))).collect();
    let mut twins: Twins = Vec::new();
    for (at, (id, name)) in current.iter().enumerate() {
        if name.is_empty() || current[..at].iter().any(|(_, n)| n == name) {
            continue;
        }
        let others: Vec<String> = current[at + 1..].iter().filter(|(_, n)| n == name).map(|(other, _)| other.to_string()).collect();
        if !others.is_empty() {
            twins.push((id.to_string(), others));
        }
    }
    if twins.is_empty() {
        return None;
    }
    let first_of = |id: &mut String| {
        if let Some((first, _)) = twins.iter().find(|(_, others)| others.contains(id)) {
            *id = first.clone();
        }
    };
    let mut merged = register.clone();
    for a in &mut merged.assignments {
        first_of(&mut a.person_id);
        a.backup.iter_mut().chain(a.reports_to.iter_mut()).for_each(first_of);
    }
    merged.people.iter_mut().filter_map(|p| p.reports_to.as_mut()).for_each(first_of);
    // Top management by any entry's tick is top management (third auditor probe: the CEO ticked
    // on the second entry lost the tick, and the reporting line reached "nobody on top").
    let ticked: Vec<String> = register
        .people
        .iter()
        .filter(|p| p.top_management)
        .map(|p| {
            let mut id = p.id.clone();
            first_of(&mut id);
            id
        })
        .collect();
    merged.people.iter_mut().filter(|p| ticked.contains(&p.id)).for_each(|p| p.top_management = true);
    merged.people.retain(|p| !twins.iter().any(|(_, others)| others.contains(&p.id)));
    Some((merged, twins))
}

/// Whether someone else working here on `today` has this person's name (folded as the merge folds
/// it): the checks take them as one person, which the register page says beside the name.
pub fn shares_a_name(register: &Register, person_id: &str, today: NaiveDate) -> bool {
    use crate::domain::owner_leaving::normalised;
    let Some(person) = register.person(person_id).filter(|p| p.is_current(today)) else { return false };
    let name = normalised(&person.name);
    !name.is_empty() && register.people.iter().any(|p| p.id != person.id && p.is_current(today) && normalised(&p.name) == name)
}
