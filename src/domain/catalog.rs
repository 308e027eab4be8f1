//! The question bank: areas, items, reality checks and the seed sections they cover. The data
//! comes from the versioned JSON files in `content/`, compiled into static data by `build.rs`.
//! What an item says of itself (its methods) is in `catalog_item`.

use super::assessment::Answer;
use serde::Serialize;
use std::borrow::Cow;

/// The finding an auditor would most likely raise when an item is not met.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Observation,
    Minor,
    Major,
}

impl Severity {
    /// One step less severe (a partly met requirement is usually raised one level lower).
    pub fn downgraded(self) -> Severity {
        match self {
            Severity::Major => Severity::Minor,
            _ => Severity::Observation,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Severity::Major => "Major nonconformity",
            Severity::Minor => "Minor nonconformity",
            Severity::Observation => "Observation",
        }
    }
}

/// How often the evidence for an item has to be renewed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Cadence {
    Once,
    Monthly,
    Quarterly,
    Annually,
    OnRoleChange,
}

/// Where an item's state comes from.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Source {
    /// The user answers the item (yes / partly / no / not sure / N/A).
    #[default]
    Answered,
    /// The item is derived from the roles and accountability register; the user cannot answer it.
    Register,
    /// The item is derived from the interview rehearsals of the key role holders.
    Interviews,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SeedSection {
    pub id: &'static str,
    pub seed: &'static str,
    pub title: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Area {
    pub id: &'static str,
    pub title: &'static str,
    pub reference: &'static str,
    pub summary: &'static str,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    pub id: &'static str,
    pub area: &'static str,
    pub reference: &'static str,
    pub title: &'static str,
    pub question: &'static str,
    pub why: &'static str,
    pub evidence: &'static [&'static str],
    pub cadence: Option<Cadence>,
    pub finding: Severity,
    pub finding_reason: &'static str,
    pub covers: &'static [&'static str],
    /// Annex A 5.4 controls: the minimum first step ("partly" means only this; on its own it may
    /// not convince an auditor, see the reality checks).
    pub minimum: Option<&'static str>,
    /// Annex A 5.4 controls: the full implementation step ("yes" means this).
    pub full: Option<&'static str>,
    /// Answered by the user, or derived from the roles register or the interview rehearsals.
    pub source: Source,
    /// The code of the built-in role that usually fixes this item's gaps: the remediation plan
    /// suggests its current holder as the owner.
    pub owner: &'static str,
    /// Register items: the checklist question that asks for the same requirement. The two are
    /// one requirement, worth one item's points and charged once (see `findings`).
    pub same_as: Option<&'static str>,
    /// Questions: the broader question whose "no" contains this one's gap (no management review
    /// at all contains a review that skips incidents). While that question is answered no, this
    /// one's gap is part of its nonconformity, not one of its own (see `same_requirement`).
    pub within: Option<&'static str>,
    /// Questions: the code of a role the ISMS cannot run without whose holder this question asks
    /// for (a named conformance owner). While the register finds that role without a current
    /// holder, the question's gap is part of REG-ROLES-ASSIGNED's major, not a second one.
    pub asks_role: Option<&'static str>,
    /// Questions: the key group ("top-management") whose readiness for the auditor's interview
    /// the question asks about. While the derived interview item finds that group unprepared, the
    /// question's gap is part of it, not a second finding for the same unrehearsed CEO.
    pub interview_of: Option<&'static str>,
    /// Questions: a recurring activity (a management review, an internal audit) whose record is
    /// of the event itself, not a document that stays valid while it is reviewed late. With its
    /// evidence more than a quarter of its interval past expiry, it was not held when planned: a "no".
    pub recurring: bool,
    /// Questions: a statement that the document asked for by the `within` question must contain
    /// (the policy's commitment to improve). Several of them missing are one document to revise,
    /// so they count as one practice when minors add up (`domain::systemic`).
    pub in_text: bool,
    /// Questions: the record that the `within` question's "yes" rests on (the CEO's approval on
    /// file for "the policy is approved"). Answered no or partly, it leaves that "yes" only partly
    /// shown (see `findings`), and its own gap is part of that one.
    pub proves_within: bool,
    /// Questions: what this question and others missing with it are, when an auditor writes them
    /// up as one nonconformity ("one shortfall in how leadership shows staff that security
    /// matters"): the leadership messages asked for by Clause 5.1 d) and by three A 5.4 controls
    /// are one finding, not five (see `domain::raised_as_one`).
    pub raised_as_one: Option<&'static str>,
    /// Questions: a core practice of the requirement it cites, what the requirement itself says
    /// (Clause 5.3: roles assigned on record, given authority, communicated). Every one of them
    /// answered missing is one likely major, whatever else is in place (see `domain::systemic`).
    pub core: bool,
    /// Questions: the code of one of the register's other functions (`assigned::FUNCTIONS`)
    /// whose holder the question's practice needs (the third-party manager who owns the supplier
    /// register). While the register finds that function without enough current holders, the
    /// question's gap is part of REG-FUNCTIONS-ASSIGNED's, not a second one (auditor probe: no
    /// third-party manager and no supplier register owner were two minors, and then a likely major).
    pub needs_role: Option<&'static str>,
    /// Register items: the question whose process this check's gap is one instance of (a leaver
    /// still holding roles, or the functions leavers left short, of the leaver process:
    /// C53-PLAY-06). While that question is answered no, and leavers make all of the gap
    /// (`Finding::leavers_only`), it is part of that nonconformity (auditor probes: "no leaver
    /// process" beside the leaver it missed, or the functions they left short, were two minors).
    pub instance_of: Option<&'static str>,
    /// Recurring activities: the recurring activity whose results this one has to consider (a
    /// management review, the internal audit's, Clause 9.3.2). Held before any record of that
    /// one, it could not have considered them (see `findings`).
    pub considers: Option<&'static str>,
    /// Questions: a document whose question asks for its content (the roles document), so that,
    /// partly in place, it is raised with the statements (`in_text`) it lacks: one document to
    /// revise (auditor probe: four minors for one roles document). Not a question on approval
    /// (the policy's): approving it and fixing its text are two things (third auditor probe).
    pub holds_statements: bool,
    /// Questions about staff in general ("could any employee explain their duties?"): the
    /// interview questions asked of anyone (`interview::ANY`) whose rehearsals test the same. A
    /// "yes" while someone could not answer one of them at their latest rehearsal is not met:
    /// an auditor's sample of staff could find the same.
    pub rehearsed_in: &'static [&'static str],
}

/// The Annex A controls this app asks about that no company with staff can exclude: roles and
/// responsibilities (A 5.2), segregation of duties (A 5.3, met in a small team with compensating
/// checks, not left out), management requiring everyone to apply security (A 5.4) and being
/// prepared for incidents (A 5.24: preparation, so "we have never had one" is no reason; auditor
/// probe). A practice of one of them marked not applicable is a practice not in place; only other
/// controls (change management, A 8.32, say) can be excluded with a reason.
pub const EVERY_COMPANY: [&str; 4] = ["A 5.2", "A 5.3", "A 5.4", "A 5.24"];

/// A "checkbox compliance trap vs reality check" pair: a claim item and the proof an auditor tests.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RealityCheck {
    pub id: &'static str,
    pub reference: &'static str,
    pub topic: &'static str,
    /// What a GRC tool or a tick-box lets you claim.
    pub trap: &'static str,
    /// What the auditor actually tests.
    pub reality: &'static str,
    pub claim_item: &'static str,
    pub proof_item: &'static str,
    /// The proof is a real case of something that may not have happened yet (a handled breach):
    /// its "not applicable", with that reason, leaves the claim standing on its own while this
    /// question (the record that would show such an event, an incident register) is met.
    pub no_event_shown_by: Option<&'static str>,
}

/// The question bank. The built-in one is generated from `content/` by `build.rs`.
#[derive(Debug, Clone)]
pub struct Catalog {
    pub version: u32,
    pub seed_sections: &'static [SeedSection],
    pub areas: &'static [Area],
    pub items: &'static [Item],
    pub reality_checks: &'static [RealityCheck],
    /// Where each item is in `items`, in the order of their ids; empty: [`Catalog::item`] scans.
    pub item_order: &'static [u16],
    /// Where each reality check is in `reality_checks`, in the order of their proof items' ids
    /// (then their own order); empty: [`Catalog::check_proved_by`] scans.
    pub proof_order: &'static [u16],
}

static BUILTIN: Catalog = include!(concat!(env!("OUT_DIR"), "/content.rs"));

impl Catalog {
    /// The embedded catalogue. Host tests guarantee it is valid.
    #[cfg(not(feature = "bench-10x"))]
    pub fn builtin() -> &'static Catalog {
        &BUILTIN
    }

    /// A bench build (feature `bench-10x`) serves a synthetic catalogue ten times larger than the
    /// embedded one instead.
    #[cfg(feature = "bench-10x")]
    pub fn builtin() -> &'static Catalog {
        static LARGE: std::sync::OnceLock<Catalog> = std::sync::OnceLock::new();
        LARGE.get_or_init(|| BUILTIN.scaled(10))
    }

    /// A synthetic catalogue `factor` times larger, for benchmarks: every item and reality check
    /// repeated with suffixed IDs (the first copy keeps the real IDs). Leaks its strings, so build
    /// it once per process.
    pub fn scaled(&self, factor: usize) -> Catalog {
        let leak = |s: String| -> &'static str { Box::leak(s.into_boxed_str()) };
        let suffix = |id: &str, copy: usize| if copy == 0 { id.to_string() } else { format!("{id}-X{copy}") };
        let mut items = Vec::with_capacity(self.items.len() * factor);
        let mut checks = Vec::with_capacity(self.reality_checks.len() * factor);
        for copy in 0..factor {
            items.extend(self.items.iter().map(|item| Item {
                id: leak(suffix(item.id, copy)),
                same_as: item.same_as.map(|question| leak(suffix(question, copy))),
                within: item.within.map(|question| leak(suffix(question, copy))),
                instance_of: item.instance_of.map(|question| leak(suffix(question, copy))),
                considers: item.considers.map(|question| leak(suffix(question, copy))),
                ..item.clone()
            }));
            checks.extend(self.reality_checks.iter().map(|c| RealityCheck {
                id: leak(suffix(c.id, copy)),
                claim_item: leak(suffix(c.claim_item, copy)),
                proof_item: leak(suffix(c.proof_item, copy)),
                ..c.clone()
            }));
        }
        Catalog {
            version: self.version,
            seed_sections: self.seed_sections,
            areas: self.areas,
            item_order: leaked_order(items.iter().map(|i| i.id).collect()),
            proof_order: leaked_order(checks.iter().map(|c| c.proof_item).collect()),
            items: Box::leak(items.into_boxed_slice()),
            reality_checks: Box::leak(checks.into_boxed_slice()),
        }
    }

    pub fn item(&self, id: &str) -> Option<&'static Item> {
        let items = self.items;
        match self.item_order {
            [] => items.iter().find(|item| item.id == id),
            order => first_in_order(order, |at| items[at].id, id).map(|at| &items[at]),
        }
    }

    /// The item's title, or the id itself for an item this version does not know.
    pub fn title_of<'a>(&'a self, id: &'a str) -> &'a str {
        self.item(id).map_or(id, |item| item.title)
    }

    pub fn area(&self, id: &str) -> Option<&Area> {
        self.areas.iter().find(|area| area.id == id)
    }

    /// The reality check whose proof (what the auditor tests) is the item `item_id`, if any.
    pub fn check_proved_by(&self, item_id: &str) -> Option<&'static RealityCheck> {
        let checks = self.reality_checks;
        match self.proof_order {
            [] => checks.iter().find(|c| c.proof_item == item_id),
            order => first_in_order(order, |at| checks[at].proof_item, item_id).map(|at| &checks[at]),
        }
    }

    /// What an auditor raises for `item` only partly shown: answered "partly", or its evidence
    /// stale (`Item::partly_severity`; evidence that only lapses before the audit is a reminder,
    /// an observation). What an auditor tests, a reality check's proof, only partly there is not
    /// there: at least a minor.
    pub fn partly_severity(&self, item: &Item) -> Severity {
        match self.check_proved_by(item.id) {
            Some(_) => item.partly_severity().max(Severity::Minor),
            None => item.partly_severity(),
        }
    }

    /// On a reality check's proof that needs an event (`RealityCheck::no_event_shown_by`), the item
    /// whose record shows none has happened yet.
    fn event_record(&self, item: &Item) -> Option<&'static Item> {
        self.check_proved_by(item.id).and_then(|c| c.no_event_shown_by).and_then(|id| self.item(id))
    }

    /// The "not applicable" choice's label on `item`, saying before it is picked when it counts
    /// as "no": on a requirement that cannot be excluded, whatever the reason given.
    pub fn na_label(&self, item: &Item) -> &'static str {
        if item.excludable() || self.event_record(item).is_some() {
            Answer::NotApplicable.label()
        } else {
            "N/A (counts as no)"
        }
    }

    /// What the reason for "not applicable" does on `item`, as the label of its field: it
    /// excludes an Annex A control; it is noted but changes nothing on a requirement that cannot
    /// be excluded; on a proof that needs an event (`RealityCheck::no_event_shown_by`), it counts
    /// while the record it names shows nothing has happened yet.
    pub fn na_prompt(&self, item: &Item) -> Cow<'static, str> {
        if item.excludable() {
            Cow::Borrowed("Why does this not apply? (required for N/A to count: say why, not just “startup”)")
        } else if let Some(record) = self.event_record(item) {
            Cow::Owned(format!(
                "Why does this not apply? (required: N/A counts only if no case has happened yet, while “{}” is met)",
                record.title
            ))
        } else {
            // Not "optional", which read as the practice being optional (founder pass).
            Cow::Borrowed("Why does this not apply? (you may leave this blank: this cannot be excluded, so N/A counts as not in place)")
        }
    }

    pub fn items_in<'a>(&'a self, area_id: &'a str) -> impl Iterator<Item = &'static Item> + 'a {
        self.items.iter().filter(move |item| item.area == area_id)
    }
}

/// The first position in `order` (positions sorted by the key each holds) whose key is `wanted`.
fn first_in_order(order: &[u16], key_at: impl Fn(usize) -> &'static str, wanted: &str) -> Option<usize> {
    let n = order.partition_point(|&at| key_at(usize::from(at)) < wanted);
    order.get(n).map(|&at| usize::from(at)).filter(|&at| key_at(at) == wanted)
}

/// Positions `0..keys.len()` in the order of their keys (then their own), leaked: the order a
/// scaled catalogue's lookups search (as `build.rs` writes the built-in one's).
fn leaked_order(keys: Vec<&str>) -> &'static [u16] {
    let order = super::id_order::sorted_positions(&keys).into_iter();
    Box::leak(order.map(|n| u16::try_from(n).expect("fewer than 65,536 entries")).collect())
}
