//! One gap, one nonconformity. A requirement asked twice, as a register check that tests what a
//! checklist question asks (`Item::same_as`), is worth one item's points and charged once; each
//! side's card says what the other side shows. A derived finding that only follows from another
//! register gap (a role nobody holds) is part of that nonconformity, not one of its own; so is a
//! question's gap that a broader question's "no" contains (`Item::within`).
//! What a question's card hears from the register is in `register_notes`.

mod register_notes;

use serde::Serialize;

use super::catalog::{Catalog, Item, Severity};
use super::finding_index::FindingIndex;
use super::findings::{Finding, FindingKind};
use super::points::Points;
use super::roles::checks::Problem;
use super::wording::counted;

pub use register_notes::{asked_role_note, case_checks_of, check_asking, missed_case_note, question_note};

/// Set on a finding when the other side of its requirement already carries the points. When
/// both raise a finding, the costlier carries them (the register check's on a tie: it names what
/// to fix) and the other is listed at no extra cost, naming it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct CountedWith {
    pub item_id: &'static str,
    #[serde(skip)]
    pub title: &'static str,
    /// Its clause or control, which the note names (item IDs mean nothing to a reader).
    #[serde(skip)]
    pub reference: &'static str,
    /// What this finding costs on its own: its area's percentage still counts it.
    pub own_cost: Points,
}

impl CountedWith {
    /// The sentence that opens the explanation of a finding counted with another.
    pub fn note(&self) -> String {
        format!(
            "Counted once, with “{}” ({}), which covers the same requirement: an auditor would raise the two as one gap, so \
             the points are lost there, not twice. Fix both to win them back.",
            self.title, self.reference
        )
    }
}

/// Set on a derived finding whose every problem follows from the gap another register check
/// raises (a role nobody holds): it is part of that nonconformity, not a second one, though what
/// it leaves undone still costs its points (so an empty register still scores nothing).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct PartOf {
    pub item_id: &'static str,
    #[serde(skip)]
    pub title: &'static str,
    /// Its clause or control, which the note names (item IDs mean nothing to a reader).
    #[serde(skip)]
    pub reference: &'static str,
    /// How many less grave register gaps it also follows from (a leaver can empty a required role
    /// and a review-team seat at once).
    #[serde(skip)]
    pub others: usize,
    /// What that finding is raised as: a gap part of it is due with it.
    #[serde(skip)]
    pub severity: Severity,
    /// Raised with another question as one nonconformity, not following from it: why the two are
    /// one ("missing from the same document, fixed by one revision"). Fixing that one does not
    /// fix this one (`domain::raised_as_one`).
    #[serde(skip)]
    pub raised_with: Option<&'static str>,
}

impl PartOf {
    fn of(cause: &'static Item, others: usize) -> PartOf {
        PartOf { item_id: cause.id, title: cause.title, reference: cause.reference, others, severity: cause.finding, raised_with: None }
    }

    /// Raised with `lead`, raised at `severity`, as one nonconformity because of `why`.
    pub(crate) fn raised_with(lead: &'static Item, severity: Severity, why: &'static str) -> PartOf {
        PartOf { severity, raised_with: Some(why), ..PartOf::of(lead, 0) }
    }

    /// How the finding stands to the one it is part of, for a tag: "part of", or "raised with"
    /// when the two are raised as one.
    fn relation(&self) -> &'static str {
        match self.raised_with {
            Some(_) => "raised with",
            None => "part of",
        }
    }

    /// The sentence that opens the explanation of a finding that is part of another, and costs
    /// points (`costs`) or not (a reminder to renew: auditor probe, "costs its points" beside
    /// "no points lost").
    pub fn note(&self, costs: bool) -> String {
        let (title, reference) = (self.title, self.reference);
        if let Some(why) = self.raised_with {
            let cost = if costs { ", though this costs its points until it is in place" } else { "" };
            return format!("Raised with “{title}” ({reference}) as one nonconformity: {why}{cost}.");
        }
        let also = match self.others {
            0 => String::new(),
            n => format!(" and {}", counted(n, "other register gap", "other register gaps")),
        };
        // Until this one is fixed, not the other: appointing a third-party manager leaves the
        // supplier register's own "no" as it is (second auditor probe: "until that is fixed").
        // Said plainly (copy pass of stop 51: "not a separate nonconformity, though its own points
        // stay lost until it is fixed as well" left "it" to guess).
        let cost = if costs { "; its points come back only once this is fixed too" } else { "" };
        let from = if self.others == 0 { "that gap" } else { "those gaps" };
        format!("Part of “{title}” ({reference}){also}: it follows from {from} and is not raised on its own{cost}.")
    }
}

/// The register gap a derived finding is part of, when every one of its problems follows from a
/// gap raised elsewhere: the gravest of those causes (a leaver can empty a required role and a
/// review-team seat at once), as its item in the same copy of the catalogue as `item` (a scaled
/// bench catalogue suffixes copies).
pub(crate) fn part_of(catalog: &Catalog, item: &Item, problems: &[Problem]) -> Option<PartOf> {
    let mut causes: Vec<&'static Item> = Vec::new();
    for problem in problems {
        let cause = in_same_copy(catalog, item, problem.raised_by?)?;
        if !causes.iter().any(|c| c.id == cause.id) {
            causes.push(cause);
        }
    }
    let gravest = causes.iter().copied().reduce(|a, b| if b.finding > a.finding { b } else { a })?;
    Some(PartOf::of(gravest, causes.len() - 1))
}

/// `item`'s finding as part of the one the item `cause` (a base id) raises.
pub(crate) fn part_of_item(catalog: &Catalog, item: &Item, cause: &str) -> Option<PartOf> {
    let cause = in_same_copy(catalog, item, cause)?;
    Some(PartOf::of(cause, 0))
}

/// The item with base id `base` in the same copy of the catalogue as `item`. Compares whole ids:
/// splitting every id into base and copy made an empty register at 10× visibly slower.
pub(crate) fn in_same_copy(catalog: &Catalog, item: &Item, base: &str) -> Option<&'static Item> {
    catalog.item(&format!("{base}{}", item.copy_suffix()))
}

/// How a finding stands next to the others, in the words every view and export shares.
impl Finding {
    /// Whether an auditor would raise it as a nonconformity (or observation) of its own: not when
    /// another finding carries its requirement, or the gap it follows from.
    pub fn stands_alone(&self) -> bool {
        self.counted_with.is_none() && self.part_of.is_none()
    }

    /// The sentence that says how the finding relates to another, if it does.
    pub fn relation_note(&self) -> Option<String> {
        self.counted_with.map(|with| with.note()).or_else(|| self.part_of.map(|part| part.note(self.cost > Points::ZERO)))
    }

    /// Whether it costs points or is counted with one that does: not a reminder that costs
    /// nothing (a record to renew before the audit).
    pub fn costs_points(&self) -> bool {
        self.cost > Points::ZERO || self.counted_with.is_some()
    }

    /// What the finding costs, short: "−2 pts", or, counted with another, that its points are
    /// charged there (founder pass of stop 42: "no extra points" read as "this does not matter").
    pub fn cost_text(&self) -> String {
        match self.counted_with {
            Some(_) => "its points counted with the other".to_string(),
            None => self.cost.lost_text(),
        }
    }

    /// Severity and kind, for a tag: "Minor nonconformity · Competence gap", and whom it is
    /// counted with when another finding carries its points.
    pub fn standing(&self) -> String {
        // A finding the counts leave out does not lead with a severity it is not raised at.
        match (self.counted_with, self.part_of) {
            (Some(with), _) => format!("{} · counted once, with “{}”", self.kind_label(), with.title),
            (None, Some(part)) => format!("{} · {} “{}”", self.kind_label(), part.relation(), part.title),
            (None, None) => format!("{} · {}", self.severity.label(), self.kind_label()),
        }
    }

    /// The severity an auditor would raise it at, or, when it is no nonconformity of its own,
    /// what it is instead: a card heading never says "Minor nonconformity" for a finding the
    /// counts leave out.
    pub fn severity_text(&self) -> &'static str {
        match (self.counted_with, self.part_of) {
            (Some(_), _) => "Counted once with another finding",
            (None, Some(part)) if part.raised_with.is_some() => "Raised with another finding",
            (None, Some(_)) => "Part of another finding",
            (None, None) => self.severity.label(),
        }
    }

    /// [`Finding::severity_text`] naming the other finding, for a question's card (founder pass:
    /// "counted once with another finding (no extra points)" read as a "no" that costs nothing).
    pub fn severity_named(&self) -> String {
        match (self.counted_with, self.part_of) {
            // Founder pass: "counted once, with" read as bookkeeping, not as what the gap is.
            (Some(with), _) => format!("the same requirement as “{}” (its points are lost there)", with.title),
            (None, Some(part)) => format!("{} “{}”", part.relation(), part.title),
            (None, None) => self.severity.label().to_string(),
        }
    }

    /// The nonconformity an auditor would raise, or whom it is counted with (then none of its own).
    pub fn predicted_text(&self) -> String {
        match (self.counted_with, self.part_of) {
            (Some(with), _) => format!("Counted once, with “{}” ({})", with.title, with.reference),
            (None, Some(part)) if part.raised_with.is_some() => format!("Raised with “{}” ({})", part.title, part.reference),
            (None, Some(part)) => format!("Part of “{}” ({})", part.title, part.reference),
            (None, None) => self.severity.label().to_string(),
        }
    }

    /// What the finding costs within its own area (counted once only in the overall score).
    pub fn area_cost(&self) -> Points {
        self.counted_with.map_or(self.cost, |c| c.own_cost)
    }
}

/// One requirement, one charge: see [`CountedWith`] and [`PartOf`] (kept only where the gap it
/// is part of is raised). A question still unanswered (or "not sure") whose register check
/// passes costs nothing: the register shows it met.
pub fn count_once(catalog: &Catalog, findings: &mut Vec<Finding>) {
    // One finding per item at most: look them up by item, not by scanning (a bench catalogue
    // ten times larger has seventy pairs).
    let at = FindingIndex::of(findings);
    within_broader_gaps(catalog, findings, &at);
    super::raised_as_one::raise_as_one(findings);
    // A part of a part is part of the root, said once (third founder pass: a leaver's record
    // read "part of" the functions they left short, themselves "part of" the leaver process).
    // Two passes reach a chain of three; "raised with" links stay as they are.
    for _ in 0..2 {
        for i in 0..findings.len() {
            let Some(part) = findings[i].part_of.filter(|p| p.raised_with.is_none()) else { continue };
            let root = at.get(part.item_id).and_then(|j| findings[j].part_of).filter(|r| r.raised_with.is_none());
            if let Some(root) = root {
                findings[i].part_of = Some(PartOf { others: part.others, ..root });
            }
        }
    }
    for f in findings.iter_mut() {
        let Some(part_of) = f.part_of else { continue };
        match at.get(part_of.item_id).is_some() {
            true => f.explanation = format!("{} {}", part_of.note(f.cost > Points::ZERO), f.explanation),
            false => f.part_of = None,
        }
    }
    let mut settled = Vec::new();
    for (check, question) in catalog.same_requirement_pairs() {
        // A register check that costs nothing (a record to renew before the audit) shows the
        // requirement met today (auditor probe: "not sure" beside it cost a minor).
        let c = at.get(check.id).filter(|&c| findings[c].costs_points());
        let (c, q) = (c, at.get(question));
        match (c, q) {
            (None, Some(q)) if findings[q].kind == FindingKind::Unanswered => settled.push(q),
            (Some(c), Some(q)) => {
                let (carrier, counted) = if findings[c].cost >= findings[q].cost { (c, q) } else { (q, c) };
                let with = CountedWith {
                    item_id: findings[carrier].item_id,
                    reference: findings[carrier].reference,
                    title: if carrier == c { check.title } else { catalog.item(question).map_or(question, |q| q.title) },
                    own_cost: findings[counted].cost,
                };
                count_with(&mut findings[counted], with);
            }
            _ => {}
        }
    }
    let mut kept = (0..findings.len()).map(|i| !settled.contains(&i));
    findings.retain(|_| kept.next().unwrap_or(true));
}

/// A question whose gap a broader question's "no" contains (`Item::within`) is part of that gap
/// while the broader one is not in place: no management review at all is one nonconformity, not
/// one more for each thing the review should have covered. A claim (a reality check's) is part
/// of its proof's finding the same way whenever the proof is not met or not confirmed: the
/// auditor raises the test, once, and the paperwork that claimed otherwise is how they found it
/// ("not sure" on the proof never counts more than "no"). A proof that is itself part of a
/// broader gap passes that on; a claim already within a broader gap stays there. (Notes are added
/// with the others.)
///
/// A broader record that is late holds the narrower records that are late with it: one
/// management review held over a year ago is one nonconformity, not one more for each question
/// its minutes answer (auditor probe: five minors). What the narrower question says is missing
/// ("no"), and a narrower activity over a quarter of its interval overdue (not held when planned), stay
/// gaps of their own: a late review must not make a missed quarterly one read better (auditor
/// probe).
fn within_broader_gaps(catalog: &Catalog, findings: &mut [Finding], at: &FindingIndex) {
    use FindingKind::{ExpiresBeforeAudit, Gap, NotExcludable, NotYetProduced, Partial, ReasonMissing, StaleEvidence, Unanswered};
    let within = catalog.within_pairs().map(|(item, broader)| (item.id, broader, false));
    let claims = catalog.reality_checks.iter().map(|c| (c.claim_item, c.proof_item, true));
    // A register gap that is one instance of a process a question finds missing (`instance_of`).
    let instances = catalog.items.iter().filter_map(|item| Some((item.id, item.instance_of?, false)));
    for (narrower, broader, claim) in within.chain(claims).chain(instances) {
        let (Some(own), Some(gap)) = (at.get(narrower), at.get(broader)) else { continue };
        // A register gap is an instance of the leaver process only when leavers make all of it
        // (a function never filled is no leaver missed).
        if findings[own].item.instance_of == Some(broader) && !findings[own].leavers_only {
            continue;
        }
        let gap = &findings[gap];
        let own_kind = findings[own].kind;
        let open = match gap.kind {
            Gap | NotExcludable | NotYetProduced => true,
            // The record a "yes" rests on, missing or unconfirmed: that "yes" is only partly
            // shown (or not known yet), once.
            Partial => !claim && findings[own].item.proves_within,
            Unanswered | ReasonMissing => claim || findings[own].item.proves_within,
            StaleEvidence => matches!(own_kind, StaleEvidence | ExpiresBeforeAudit),
            ExpiresBeforeAudit => own_kind == ExpiresBeforeAudit,
            _ => false,
        };
        if open && findings[own].part_of.is_none() {
            findings[own].part_of = Some(gap.part_of.unwrap_or(PartOf { severity: gap.severity, ..PartOf::of(gap.item, 0) }));
        }
    }
}

fn count_with(f: &mut Finding, with: CountedWith) {
    // Not the half "partly" would lose on its own: its points are charged with the other
    // (founder pass of stop 43: "charged there" beside "partly counts half" read as a promise).
    let rule = super::findings::partly_in_place(super::points::weight(f.item.finding));
    let explanation = f.explanation.replacen(&rule, "Only partly in place.", 1);
    // Its note comes first (a "part of" note it already has follows).
    f.explanation = format!("{} {explanation}", with.note());
    f.cost = Points::ZERO;
    f.counted_with = Some(with);
}
