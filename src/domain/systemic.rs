//! Minor nonconformities that add up. One missing practice under a clause or control is a minor
//! slip; when a third or more of the practices an auditor would raise as minor under the same
//! requirement are missing at once (at least three), the requirement itself is not working, and
//! an auditor is likely to raise one major nonconformity for it (a systemic failure). The verdict
//! treats that like an open major: "not ready".
//!
//! - A clause with only two minor practices and none an auditor would raise as a major (Clause
//!   9.1: controls checked, metrics tracked) adds up when both are missing: nothing of it is in
//!   place, an absent management-system process rather than two slips. Not an Annex A control:
//!   A 5.3's conflict analysis and leadership separation both missing, with the register showing
//!   no conflict, are two minors, not one major (auditor probe). Beside a major practice (Clause
//!   9.2's internal audit programme) two missing minors stay minors: the major one decides
//!   whether the requirement works. So do two of which one lies within the other (A 6.4), which
//!   are never open at once.
//! - A third, not a half: every reality check of A 5.4 failing (eight proofs, each a minor, with
//!   every control claimed) is a control that works on paper only, yet under half of A 5.4's
//!   minor practices.
//! - An item counts under every clause or control it cites ("Clause 5.3, A 5.2" under both), so
//!   A 5.2, which no item cites first, is judged too.
//! - Only practices not shown add up ("no", "not sure", not answered yet, an N/A that does not
//!   hold, a "yes" whose evidence is all dated after today), and register gaps. A question not
//!   answered yet counts as a major question does: missing until answered (auditor probe: a whole
//!   control left blank read "Nearly ready" where the same questions "not sure" read "Not ready",
//!   so skipping scored better than answering honestly). Interview readiness never does:
//!   not having rehearsed is no nonconformity, and what a weak rehearsal shows is judged by the
//!   competence and awareness practices. A practice partly in place, or one whose record is late or
//!   lapses before the audit, is not a breakdown either: one overdue policy review behind six
//!   policy answers is one minor with one fix. A reality
//!   check's proof answered "partly" is the exception: it is what the auditor samples, and a
//!   sample that only partly holds up has failed, so it counts as missing.
//! - Major practices only partly in place are the other exception: three or more under one
//!   requirement (Clause 6.1.3's risk register approved, SoA signed, treatment plans approved,
//!   residual risk accepted, each only partly) show that the requirement is not working, where
//!   each alone is a minor (auditor probe: all four read "Nearly ready", and all fourteen majors
//!   "partly" 89 %, "Nearly ready"). They form a group of their own (`MinorsAddUp::partly`).
//! - A register check that asks the same as a checklist question (`Item::same_as`) is one
//!   practice with it, counted once; so are questions raised as one nonconformity
//!   (`Item::raised_as_one_key`): a policy missing three commitments is one document to revise.
//!
//! How the practices under each requirement are counted is in `counting`.

mod counting;

use serde::Serialize;

use super::catalog::{Catalog, Item, Severity};
use super::findings::{Finding, FindingKind};
use counting::{partly_majors, tally};

/// Fewer missing practices than this under one requirement are never taken together.
pub const AT_LEAST: usize = 3;

/// One requirement a third or more of whose minor practices are missing at once.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct MinorsAddUp {
    /// The clause or control without the letter of a list entry: "A 5.4", "Clause 5.2".
    pub requirement: &'static str,
    /// Practices under it not shown (answered missing, "not sure" or not answered yet), each an
    /// open minor nonconformity.
    pub open: usize,
    /// Practices under it that an auditor would raise as a minor when missing.
    pub of: usize,
    /// Of `open`, those not answered yet or answered "not sure": not confirmed missing, though an
    /// auditor who asks for them would find nothing either.
    pub unconfirmed: usize,
    /// Whether every minor practice missing means nothing of the requirement is in place: it is
    /// a clause (a management-system process), none of its practices would be raised as a major
    /// (that one would show whether it works), and none lies within another practice (A 6.4's
    /// handled case within its disciplinary process: part of that gap while it is missing, so the
    /// two are never open at once).
    pub absent_when_all_missing: bool,
    /// Its core practices (`Item::core`: what the requirement itself says, Clause 5.3's roles
    /// assigned on record, given authority and communicated) and how many of them are answered
    /// missing.
    #[serde(skip)]
    pub core_of: usize,
    #[serde(skip)]
    pub core_open: usize,
    /// A group of major practices answered "partly", each a minor (`partly_majors`): `open` of
    /// them partly in place, of `of` major practices under the requirement.
    #[serde(skip)]
    pub partly: bool,
    /// Of `open`, major practices only partly in place counted beside the missing minor
    /// practices of a group that is not `partly`: each is a minor under the requirement. They
    /// are not among `of`, which sets how many may stay open (founder pass: with them in it,
    /// fixing one of them tipped nothing, while "fix 1 of them" was said of all).
    #[serde(skip)]
    pub partly_open: usize,
}

impl MinorsAddUp {
    /// The practices said to be in play, "5 of 13": the minor ones and any major one only partly
    /// in place beside them.
    pub fn counted_of(&self) -> usize {
        self.of + self.partly_open
    }

    /// "missing", or "missing or not confirmed" when some are not answered yet or "not sure".
    pub fn missing_word(&self) -> &'static str {
        match self.unconfirmed {
            _ if self.partly => "only partly in place",
            0 if self.partly_open > 0 => "missing or only partly in place",
            0 => "missing",
            // All three states at once (second auditor probe: each view named two of them).
            _ if self.partly_open > 0 => "missing, only partly in place or not confirmed (not answered yet, or “not sure”)",
            _ => "missing or not confirmed (not answered yet, or “not sure”)",
        }
    }

    /// How many of the missing practices to fix before the rest read as separate minors again
    /// (with every core practice missing, one of those among them).
    pub fn to_fix(&self) -> usize {
        // A group of major practices partly in place is one from `AT_LEAST` of them on; any other
        // group while it adds up, every core practice aside (third auditor probe: with a partly
        // met major beside Clause 9.2's two minors, "fix 2 of them" where one was enough).
        let most_that_stay_minors = match self.partly {
            true => AT_LEAST - 1,
            false => (0..self.open).rev().find(|k| !MinorsAddUp { open: *k, core_open: 0, ..*self }.adds_up()).unwrap_or(0),
        };
        self.open.saturating_sub(most_that_stay_minors).max(usize::from(self.core_missing()))
    }

    /// Whether every core practice of the requirement is answered missing: whatever else is in
    /// place, what the requirement itself asks is not (auditor probe: no appointment on record,
    /// no authority and roles never communicated read "Nearly ready: 3 minors").
    pub fn core_missing(&self) -> bool {
        self.core_of >= 2 && self.core_open == self.core_of
    }

    /// " (its 3 core practices among them)" when every core practice is missing.
    pub fn core_note(&self) -> String {
        match self.core_missing() {
            true => format!(" (its {} core practices among them)", self.core_of),
            false => String::new(),
        }
    }

    /// What to do before the rest read as separate minors again: "fix 2 of them", "fix one of its
    /// core practices" when that is enough, "answer or fix" while some are not confirmed (a
    /// question not answered yet may be in place already).
    pub fn fix_text(&self) -> String {
        let verb = if self.unconfirmed > 0 { "answer or fix" } else { "fix" };
        match (self.to_fix(), self.core_missing()) {
            (1, true) => format!("{verb} one of its core practices"),
            (n, true) => format!("{verb} {n} of them, a core practice among them"),
            (n, false) => format!("{verb} {n} of them"),
        }
    }

    /// Whether the missing practices add up to a likely major: at least `AT_LEAST` and a third
    /// of them, or every one of at least two when that means nothing of the requirement is in
    /// place (`absent_when_all_missing`), or every core practice.
    fn adds_up(&self) -> bool {
        (self.open >= AT_LEAST && 3 * self.open >= self.of)
            || (self.open == self.of && self.of >= 2 && self.absent_when_all_missing)
            || self.core_missing()
    }
}

/// The requirements an item cites, each once, without the letter of a list entry
/// ("Clause 5.1 c), Clause 7.1" → "Clause 5.1", "Clause 7.1").
pub fn requirements_of(reference: &'static str) -> Vec<&'static str> {
    // Bytes, not `str::split` and `trim`: this runs in the first load, where the generic string
    // searches cost more than the loop.
    let bytes = reference.as_bytes();
    let mut out: Vec<&'static str> = Vec::new();
    let mut start = 0;
    while start < bytes.len() {
        let end = bytes[start..].iter().position(|&b| b == b',').map_or(bytes.len(), |at| start + at);
        let from = start + bytes[start..end].iter().take_while(|&&b| b == b' ').count();
        let mut to = end;
        if bytes[from..to].ends_with(b")") {
            to = bytes[from..to].iter().rposition(|&b| b == b' ').map_or(to, |at| from + at);
        }
        if let Some(requirement) = reference.get(from..to).filter(|r| !r.is_empty() && !out.contains(r)) {
            out.push(requirement);
        }
        start = end + 1;
    }
    out
}

/// Whether a finding says the practice is not shown: answered missing, "not sure" or not
/// answered yet (not partly in place unless it is a sample that failed, not a late or lapsing
/// record of it).
fn practice_missing(catalog: &Catalog, finding: &Finding) -> bool {
    match finding.kind {
        // Not answered yet or "not sure"; but a "yes" waiting only for the question on its record
        // is no practice missing (second auditor probe: two such "yes" answers with evidence from
        // last month tipped A 5.4 into a likely major).
        FindingKind::Unanswered => finding.rests_on.is_none(),
        FindingKind::Partial => catalog.check_proved_by(finding.item_id).is_some(),
        FindingKind::CheckboxGap | FindingKind::StaleEvidence | FindingKind::ExpiresBeforeAudit => false,
        // A "yes" whose evidence is all dated ahead is not in place yet, and scored so (auditor
        // probe: Clause 9.1's two practices "yes" with records dated next week read "Nearly
        // ready", both "no" "Not ready").
        FindingKind::NotYetProduced => true,
        // Interview readiness foretells how the interviews may go; it is not a practice the
        // auditor checks (see `is_practice`).
        FindingKind::InterviewGap => false,
        _ => true,
    }
}

/// The findings that count as a missing minor practice. A statement raised with another the same
/// document lacks is one (the document is counted once, `first_of_practice`).
fn missing<'f>(catalog: &'f Catalog, findings: &'f [Finding]) -> impl Iterator<Item = &'f Finding> {
    findings.iter().filter(move |f| {
        let own = f.counted_with.is_none() && f.part_of.map_or(true, |p| p.raised_with.is_some());
        f.severity == Severity::Minor && f.item.finding == Severity::Minor && own && practice_missing(catalog, f)
    })
}

/// The missing practices of `group`, costliest first (the order of the findings): what the
/// dashboard lists under the verdict. Not kept in the score, which runs on every answer.
/// Practices of their own come first: fixing one of several questions raised as one fixes no
/// practice until all are fixed (second founder pass: "fix 1 of them", and the first line listed
/// was one of two that count as one).
pub fn missing_under(group: &MinorsAddUp, catalog: &Catalog, findings: &[Finding]) -> Vec<&'static Item> {
    let cites = |f: &&Finding| requirements_of(f.item.reference).contains(&group.requirement);
    if group.partly {
        return findings.iter().filter(|f| partly_major(f)).filter(cites).map(|f| f.item).collect();
    }
    let under = missing(catalog, findings).filter(cites).map(|f| f.item);
    let (own, joined): (Vec<&'static Item>, Vec<&'static Item>) = under.partition(|i| i.raised_as_one_key().is_none());
    let partly = findings.iter().filter(|f| group.partly_open > 0 && partly_major(f)).filter(cites).map(|f| f.item);
    own.into_iter().chain(joined).chain(partly).collect()
}

/// The group of minors adding up (`groups`) that a finding is one of the missing practices of,
/// if any.
pub fn group_of<'g>(finding: &Finding, catalog: &Catalog, groups: &'g [MinorsAddUp]) -> Option<&'g MinorsAddUp> {
    if groups.is_empty() {
        return None;
    }
    let (minor, partly) = (missing(catalog, std::slice::from_ref(finding)).next().is_some(), partly_major(finding));
    if !minor && !partly {
        return None;
    }
    let cited = requirements_of(finding.item.reference);
    groups.iter().find(|g| cited.contains(&g.requirement) && if g.partly { partly } else { minor || (partly && g.partly_open > 0) })
}

/// How urgent a finding's fix is: a missing practice under a requirement whose minors add up
/// (`groups`) is due as a major, since until enough of them are fixed they are one; any other
/// finding as its own severity.
pub fn urgency(finding: &Finding, catalog: &Catalog, groups: &[MinorsAddUp]) -> Severity {
    urgency_in(finding, group_of(finding, catalog, groups))
}

/// [`urgency`] with the finding's group (`group_of`) already found. A gap that is part of
/// another finding is due with it (auditor probe: the lines closing a major were due a month
/// after it).
pub fn urgency_in(finding: &Finding, group: Option<&MinorsAddUp>) -> Severity {
    match group {
        Some(_) => Severity::Major,
        None => finding.part_of.map_or(finding.severity, |p| p.severity.max(finding.severity)),
    }
}

/// The requirements whose minor practices add up (`MinorsAddUp::adds_up`). Findings that are
/// part of another (`stands_alone`) are not counted twice, as in the score's counts.
pub fn minors_adding_up(catalog: &Catalog, findings: &[Finding]) -> Vec<MinorsAddUp> {
    let mut groups = tally(catalog, findings);
    groups.retain(MinorsAddUp::adds_up);
    for group in partly_majors(catalog, findings) {
        if !groups.iter().any(|g| g.requirement == group.requirement) {
            groups.push(group);
        }
    }
    groups
}

/// A major practice answered "partly" (a minor of its own), or open and only half shown by the
/// register (the performance reports nobody is sure reach the review; auditor probe: "not sure"
/// there beside two "partly" read "Nearly ready"), not counted with another finding.
fn partly_major(finding: &Finding) -> bool {
    matches!(finding.kind, FindingKind::Partial | FindingKind::Unanswered)
        && finding.item.finding == Severity::Major
        && finding.severity == Severity::Minor
        && finding.stands_alone()
}

/// The requirements one more missing practice would tip into adding up, with their counts
/// today: a warning before the verdict changes (the dashboard shows it).
pub fn one_short(catalog: &Catalog, findings: &[Finding]) -> Vec<MinorsAddUp> {
    let mut groups = tally(catalog, findings);
    groups.retain(|t| t.open > 0 && t.open < t.of && !t.adds_up() && MinorsAddUp { open: t.open + 1, ..*t }.adds_up());
    groups
}
