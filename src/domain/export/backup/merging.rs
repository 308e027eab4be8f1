//! Comparing a backup with mine and merging it in: the items that differ, what a merge would
//! change, bring in and leave out, and the merge itself.

use chrono::NaiveDate;
use std::collections::{BTreeMap, BTreeSet};

use crate::domain::assessment::{Assessment, ItemResponse};
use crate::domain::catalog::Catalog;
use crate::domain::interview::Rehearsal;
use crate::domain::wording::counted;

/// One item whose response differs between this device and the backup.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ItemDiff {
    pub item_id: String,
    /// The catalogue reference (empty for items the catalogue does not know).
    pub reference: String,
    /// The item's title (its id for items the catalogue does not know).
    pub title: String,
    pub mine: Option<ItemResponse>,
    pub theirs: Option<ItemResponse>,
}

impl ItemDiff {
    pub fn mine_updated(&self) -> Option<NaiveDate> {
        self.mine.as_ref().and_then(|r| r.updated_on)
    }

    pub fn theirs_updated(&self) -> Option<NaiveDate> {
        self.theirs.as_ref().and_then(|r| r.updated_on)
    }

    /// The "Newest" choice, saying whose answer it keeps, as [`MergeChoice::Newest`] decides
    /// (founder pass: two answers changed on the same day kept mine without a word). None when
    /// both changed on the same day, or neither has a date: which is newer cannot be told, so
    /// the user chooses (second founder pass: "Newest: mine (same day)", preset, kept mine over
    /// a teammate's later change that day).
    pub fn newest_label(&self) -> Option<&'static str> {
        let empty = ItemResponse::default();
        let (mine, theirs) = (self.mine.as_ref().unwrap_or(&empty), self.theirs.as_ref().unwrap_or(&empty));
        // Whether the side not kept brings records or words the kept one lacks, which "Newest"
        // adds (team pass of stop 45: "Newest: mine" read as if nothing of theirs came in).
        match (*mine == empty, self.theirs_updated().cmp(&self.mine_updated())) {
            (true, _) => Some("Newest: theirs"),
            (false, std::cmp::Ordering::Greater) if adds(theirs, mine) => Some("Newest: theirs, adding mine"),
            (false, std::cmp::Ordering::Greater) => Some("Newest: theirs"),
            (false, std::cmp::Ordering::Equal) => None,
            (false, std::cmp::Ordering::Less) if adds(mine, theirs) => Some("Newest: mine, adding theirs"),
            (false, std::cmp::Ordering::Less) => Some("Newest: mine"),
        }
    }
}

/// Items whose responses differ (a missing response equals an empty one; the day it was last
/// changed alone is no difference), catalogue items in catalogue order first, then unknown ids
/// in sorted order.
pub fn diff(current: &Assessment, incoming: &Assessment, catalog: &Catalog) -> Vec<ItemDiff> {
    let ids: BTreeSet<&String> = current.responses.keys().chain(incoming.responses.keys()).collect();
    let position = |id: &str| catalog.items.iter().position(|item| item.id == id).unwrap_or(usize::MAX);
    let mut ordered: Vec<&String> = ids.into_iter().collect();
    ordered.sort_by_key(|id| position(id)); // stable: unknown ids stay sorted
    let empty = ItemResponse::default();
    ordered
        .into_iter()
        .filter_map(|id| {
            let mine = current.responses.get(id);
            let theirs = incoming.responses.get(id);
            let undated = |r: Option<&ItemResponse>| ItemResponse { updated_on: None, ..r.unwrap_or(&empty).clone() };
            if undated(mine) == undated(theirs) || mine.zip(theirs).is_some_and(|(mine, theirs)| holds(mine, theirs)) {
                return None;
            }
            Some(ItemDiff {
                item_id: id.clone(),
                reference: catalog.item(id).map_or("", |i| i.reference).to_string(),
                title: catalog.title_of(id).to_string(),
                mine: mine.cloned(),
                theirs: theirs.cloned(),
            })
        })
        .collect()
}

/// What merging a backup into mine would do, worked out before anything is merged.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum MergeOutlook {
    /// These items differ: the user chooses per item.
    Differs(Vec<ItemDiff>),
    /// Every answer matches, but the backup has an audit date, plans, rehearsals or a register
    /// that mine lacks.
    OnlyAdds,
    /// Merging would change nothing.
    Nothing,
}

impl MergeOutlook {
    pub fn changes_anything(&self) -> bool {
        !matches!(self, MergeOutlook::Nothing)
    }

    /// The items to choose for (none when the backup only adds or changes nothing).
    pub fn into_diffs(self) -> Vec<ItemDiff> {
        match self {
            MergeOutlook::Differs(diffs) => diffs,
            MergeOutlook::OnlyAdds | MergeOutlook::Nothing => Vec::new(),
        }
    }
}

/// Compares the backup with mine: which items differ, or else whether a merge would still add
/// something. An empty response the merge would copy in counts as no change (it equals none at
/// all, as in [`diff`]).
pub fn outlook(current: &Assessment, incoming: &Assessment, catalog: &Catalog) -> MergeOutlook {
    let diffs = diff(current, incoming, catalog);
    if !diffs.is_empty() {
        return MergeOutlook::Differs(diffs);
    }
    let mut merged = merge(current, incoming, &BTreeMap::new());
    let empty = ItemResponse::default();
    merged.responses.retain(|id, r| current.responses.contains_key(id) || *r != empty);
    if merged == *current {
        MergeOutlook::Nothing
    } else {
        MergeOutlook::OnlyAdds
    }
}

/// How to settle one differing item.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum MergeChoice {
    KeepMine,
    TakeTheirs,
    /// The response changed most recently (`updated_on`; a tie, or no dates, keeps mine's
    /// answer), with nothing of the other lost: its evidence records are added, and its note
    /// and N/A reason are added below the kept ones (or fill empty ones). An empty response
    /// always gives way to the other.
    Newest,
}

/// Whether `mine` already holds everything of `theirs`: the same answer, and nothing [`adds`]
/// (team pass of stop 45: a backup merged before and sent back, or the same one merged twice,
/// listed its rows again, half of them "Same day: choose", because the merge had joined the notes).
fn holds(mine: &ItemResponse, theirs: &ItemResponse) -> bool {
    mine.answer == theirs.answer && !adds(mine, theirs)
}

/// Whether `other` has evidence records, or a note or N/A reason, that `kept` lacks: what a
/// "Newest" merge adds to the response it keeps (`newest_of`, by the same rule as `add_text`).
fn adds(kept: &ItemResponse, other: &ItemResponse) -> bool {
    other.evidence.iter().any(|record| !kept.evidence.contains(record))
        || !kept.note.contains(other.note.trim())
        || !kept.na_justification.contains(other.na_justification.trim())
}

/// The more recently changed response, completed from the other so nothing is lost.
fn newest_of(mine: &ItemResponse, theirs: &ItemResponse, empty: &ItemResponse) -> ItemResponse {
    let (mut kept, other) =
        if *mine == *empty || theirs.updated_on > mine.updated_on { (theirs.clone(), mine) } else { (mine.clone(), theirs) };
    for record in &other.evidence {
        if !kept.evidence.contains(record) {
            kept.evidence.push(record.clone());
        }
    }
    for (field, from) in [(&mut kept.note, &other.note), (&mut kept.na_justification, &other.na_justification)] {
        add_text(field, from);
    }
    kept
}

/// Adds `from` below `field`, unless it is empty or already there.
fn add_text(field: &mut String, from: &str) {
    let from = from.trim();
    if from.is_empty() || field.contains(from) {
        return;
    }
    if field.trim().is_empty() {
        *field = from.to_string();
    } else {
        *field = format!("{}\n\n{from}", field.trim_end());
    }
}

/// Who in the merged register a backup's rating is about: everyone, when the backup's register
/// was taken; otherwise the person with the same id and name, or else the only one with that
/// name (ids are only unique within one register, so a teammate's "p1" may be someone else, and
/// the same person entered by both may have another id: team pass of stop 45, 27 ratings of
/// the security manager were left out). The registers are compared once, not per rating.
fn person_in_mine<'a>(merged: &'a Assessment, incoming: &'a Assessment) -> impl Fn(&str) -> Option<String> + 'a {
    let theirs_taken = merged.register == incoming.register;
    move |person_id| {
        if theirs_taken {
            return Some(person_id.to_string());
        }
        let name = incoming.register.person(person_id)?.name.trim();
        let mut named = merged.register.people.iter().filter(|p| !name.is_empty() && p.name.trim() == name);
        match (merged.register.person(person_id), named.next(), named.next()) {
            (Some(same), _, _) if same.name.trim() == name => Some(person_id.to_string()),
            (_, Some(only), None) => Some(only.id.clone()),
            _ => None,
        }
    }
}

/// What a merge brings in besides the answers (the table of differing items lists those), one
/// sentence each, for the person about to merge: the audit date, register, interview ratings
/// and plan lines of the backup that fill what mine lacks (see [`merge`]).
pub fn brought_in(current: &Assessment, incoming: &Assessment) -> Vec<String> {
    let merged = merge(current, incoming, &BTreeMap::new());
    let mut out = Vec::new();
    if let (None, Some(date)) = (current.audit_date, merged.audit_date) {
        out.push(format!("Its audit date, {date}, fills yours, which is not set."));
    }
    if merged.register != current.register {
        let (people, roles) = (merged.register.people.len(), merged.register.assignments.len());
        out.push(format!(
            "Its roles register ({} and {}) fills yours, which is empty.",
            counted(people, "person", "people"),
            counted(roles, "role assignment", "role assignments")
        ));
    }
    let ratings = merged.rehearsals.len().saturating_sub(current.rehearsals.len());
    if ratings > 0 {
        let verb = if ratings == 1 { "is" } else { "are" };
        out.push(format!("{} {verb} added to yours.", counted(ratings, "interview rating", "interview ratings")));
    }
    let plans = merged.remediation.iter().filter(|(id, line)| current.remediation.get(*id) != Some(*line)).count();
    if plans > 0 {
        let verb = if plans == 1 { "fills" } else { "fill" };
        out.push(format!("{} of its remediation plan {verb} yours.", counted(plans, "line", "lines")));
    }
    out
}

/// What a merge leaves out of the backup, one sentence each, for the person about to merge.
pub fn left_out(current: &Assessment, incoming: &Assessment) -> Vec<String> {
    let mut out = Vec::new();
    let merged = merge(current, incoming, &BTreeMap::new());
    if incoming.register != Default::default() && merged.register != incoming.register {
        out.push(
            "Its roles register differs from yours: a merge keeps yours (a register is not mixed); add the backup as \
             a new assessment to keep both."
                .to_string(),
        );
    }
    let mine = person_in_mine(&merged, incoming);
    let ratings = incoming.rehearsals.iter().filter(|r| mine(&r.person_id).is_none()).count();
    if ratings > 0 {
        out.push(format!(
            "{} of people who are not in your register under the same name {} left out.",
            counted(ratings, "interview rating", "interview ratings"),
            if ratings == 1 { "is" } else { "are" }
        ));
    }
    // What differs and stays mine is said too (team pass of stop 45: a teammate's audit date and a
    // plan line marked done went without a word).
    if let (Some(mine), Some(theirs)) = (current.audit_date, incoming.audit_date) {
        if mine != theirs {
            out.push(format!("Its audit date, {theirs}, differs from yours, {mine}: a merge keeps yours."));
        }
    }
    let plans = incoming.remediation.iter().filter(|(id, line)| current.remediation.get(*id).is_some_and(|own| own != *line)).count();
    if plans > 0 {
        let verb = if plans == 1 { "differs" } else { "differ" };
        out.push(format!("{} of its remediation plan {verb} from yours: a merge keeps yours.", counted(plans, "line", "lines")));
    }
    out
}

/// Merges a backup into the current assessment. Per item the choice decides; items without a
/// choice keep mine, unless mine is empty, then theirs fills the gap. The audit date and
/// remediation entries are taken from the backup only where mine are empty; so is the register.
pub fn merge(current: &Assessment, incoming: &Assessment, choices: &BTreeMap<String, MergeChoice>) -> Assessment {
    let mut merged = current.clone();
    let empty = ItemResponse::default();
    for (id, theirs) in &incoming.responses {
        let mine = current.responses.get(id).unwrap_or(&empty);
        let take = match choices.get(id) {
            Some(MergeChoice::KeepMine) => false,
            Some(MergeChoice::TakeTheirs) => true,
            Some(MergeChoice::Newest) => {
                let combined = newest_of(mine, theirs, &empty);
                merged.responses.insert(id.clone(), combined);
                continue;
            }
            None => *mine == empty,
        };
        if take {
            merged.responses.insert(id.clone(), theirs.clone());
        }
    }
    // Choosing "theirs" for an item the backup lacks means: clear mine.
    for (id, choice) in choices {
        if *choice == MergeChoice::TakeTheirs && !incoming.responses.contains_key(id) {
            merged.responses.remove(id);
        }
    }
    if merged.audit_date.is_none() {
        merged.audit_date = incoming.audit_date;
    }
    // The register is one connected structure (people referenced by assignments), so it is not
    // mixed: a teammate's register fills an empty one, otherwise mine stays.
    if merged.register == Default::default() {
        merged.register = incoming.register.clone();
    }
    // Rehearsal ratings are a dated log: the union loses nothing (one entry per person,
    // question and day; mine wins a same-day clash). Ratings of people who are not the same
    // person in the merged register would be credited to someone else: they stay out.
    let ratings: Vec<_> = {
        let mine = person_in_mine(&merged, incoming);
        incoming.rehearsals.iter().filter_map(|r| mine(&r.person_id).map(|person_id| Rehearsal { person_id, ..r.clone() })).collect()
    };
    for theirs in ratings {
        let clash =
            merged.rehearsals.iter().any(|r| r.person_id == theirs.person_id && r.question_id == theirs.question_id && r.on == theirs.on);
        if !clash {
            merged.rehearsals.push(theirs);
        }
    }
    for (id, plan) in &incoming.remediation {
        let mine_empty = merged.remediation.get(id).map_or(true, |p| *p == Default::default());
        if mine_empty {
            merged.remediation.insert(id.clone(), plan.clone());
        }
    }
    merged
}
