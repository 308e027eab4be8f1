//! Compiles the question bank in `content/` into static Rust data, so the browser never parses
//! JSON for it (smaller wasm, faster start). Shape errors stop the build with the file named;
//! meaning errors (duplicate IDs, dangling references, uncovered seed sections) are caught by
//! `Catalog::validate` in the host tests.

use serde::Deserialize;
use std::fmt::Write as _;
use std::path::Path;

#[path = "src/domain/id_order.rs"]
mod id_order;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Header {
    version: u32,
    seed_sections: Vec<SeedSection>,
    areas: Vec<Area>,
    #[serde(default)]
    reality_checks: Vec<RealityCheck>,
    /// Questions an auditor writes up as one nonconformity when several are missing at once.
    #[serde(default)]
    raised_as_one: Vec<RaisedAsOne>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RaisedAsOne {
    id: String,
    /// What the questions missing together are, for the sentence that joins them.
    shortfall: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SeedSection {
    id: String,
    seed: String,
    title: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Area {
    id: String,
    title: String,
    reference: String,
    summary: String,
    /// The code of the role that usually fixes this area's gaps (the plan's suggested owner).
    owner: String,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RealityCheck {
    id: String,
    reference: String,
    topic: String,
    trap: String,
    reality: String,
    claim_item: String,
    proof_item: String,
    #[serde(default)]
    no_event_shown_by: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Item {
    id: String,
    area: String,
    reference: String,
    title: String,
    question: String,
    why: String,
    evidence: Vec<String>,
    cadence: Option<String>,
    finding: String,
    finding_reason: String,
    covers: Vec<String>,
    #[serde(default)]
    minimum: Option<String>,
    #[serde(default)]
    full: Option<String>,
    /// "answered" (default: the user answers the item), "register" (derived from the roles
    /// register) or "interviews" (derived from the interview rehearsals).
    #[serde(default)]
    source: Option<String>,
    /// Overrides the area's `owner` for this item.
    #[serde(default)]
    owner: Option<String>,
    /// Register items: the question that asks for the same requirement (charged once).
    #[serde(default)]
    same_as: Option<String>,
    /// Questions: the broader question whose "no" contains this one's gap (part of it).
    #[serde(default)]
    within: Option<String>,
    /// Questions: the code of the required role whose holder the question asks for.
    #[serde(default)]
    asks_role: Option<String>,
    /// Questions: the key group whose interview readiness the question asks about.
    #[serde(default)]
    interview_of: Option<String>,
    /// Questions: a recurring activity (a review, an audit) rather than a document.
    #[serde(default)]
    recurring: bool,
    /// Questions: a statement the document asked for by the `within` question must contain.
    #[serde(default)]
    in_text: bool,
    /// Questions: the record the `within` question's "yes" rests on (its "no" leaves that unproven).
    #[serde(default)]
    proves_within: bool,
    /// Questions: the `raised_as_one` group of the header this question is written up with.
    #[serde(default)]
    raised_as_one: Option<String>,
    /// Questions: a core practice of the requirement it cites.
    #[serde(default)]
    core: bool,
    /// Questions: the register function whose holder the question's practice needs.
    #[serde(default)]
    needs_role: Option<String>,
    /// Register items: the question whose process this check's gap is one instance of.
    #[serde(default)]
    instance_of: Option<String>,
    /// Recurring activities: the recurring activity whose results this one has to consider.
    #[serde(default)]
    considers: Option<String>,
    /// Documents: partly in place, raised with the statements (`in_text`) it lacks.
    #[serde(default)]
    holds_statements: bool,
    /// Questions about staff in general: the interview questions asked of anyone whose rehearsal
    /// shows the same thing an auditor's sample of staff would.
    #[serde(default)]
    rehearsed_in: Vec<String>,
}

fn variant(kind: &str, value: &str) -> String {
    let name: String = value
        .split('_')
        .map(|w| {
            let mut c = w.chars();
            c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
        })
        .collect();
    let allowed: &[&str] = match kind {
        "Cadence" => &["Once", "Monthly", "Quarterly", "Annually", "OnRoleChange"],
        "Source" => &["Answered", "Register", "Interviews"],
        "Topic" => &[
            "Duties",
            "Policy",
            "Incident",
            "Breach",
            "Leadership",
            "Resources",
            "Review",
            "Risk",
            "Conformance",
            "Reporting",
            "Audit",
            "Awareness",
            "Suppliers",
        ],
        _ => &["Observation", "Minor", "Major"],
    };
    assert!(allowed.contains(&name.as_str()), "content: unknown {kind} value {value:?}");
    format!("{kind}::{name}")
}

fn strs(values: &[String]) -> String {
    format!("&[{}]", values.iter().map(|v| format!("{v:?}")).collect::<Vec<_>>().join(", "))
}

fn opt(value: &Option<String>) -> String {
    value.as_ref().map_or("None".into(), |v| format!("Some({v:?})"))
}

/// The shortfall of the header's `raised_as_one` group `id`; an unknown group stops the build.
fn shortfall(header: &Header, id: &str) -> String {
    let group = header.raised_as_one.iter().find(|g| g.id == id);
    group.unwrap_or_else(|| panic!("content: raised_as_one names unknown group {id:?}")).shortfall.clone()
}

fn read<T: serde::de::DeserializeOwned>(path: &Path) -> T {
    println!("cargo:rerun-if-changed={}", path.display());
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("content: {}: {e}", path.display()));
    serde_json::from_str(&text).unwrap_or_else(|e| panic!("content: {}: {e}", path.display()))
}

fn main() {
    let dir = Path::new("content");
    println!("cargo:rerun-if-changed=content");
    println!("cargo:rerun-if-changed=src/domain/id_order.rs");
    let header: Header = read(&dir.join("catalog.json"));
    let mut out = String::new();
    writeln!(out, "Catalog {{ version: {},", header.version).unwrap();
    out += "seed_sections: &[\n";
    for s in &header.seed_sections {
        writeln!(out, "SeedSection {{ id: {:?}, seed: {:?}, title: {:?} }},", s.id, s.seed, s.title).unwrap();
    }
    out += "],\nareas: &[\n";
    for a in &header.areas {
        writeln!(out, "Area {{ id: {:?}, title: {:?}, reference: {:?}, summary: {:?} }},", a.id, a.title, a.reference, a.summary).unwrap();
    }
    out += "],\nreality_checks: &[\n";
    for r in &header.reality_checks {
        writeln!(
            out,
            "RealityCheck {{ id: {:?}, reference: {:?}, topic: {:?}, trap: {:?}, reality: {:?}, claim_item: {:?}, proof_item: {:?}, \
             no_event_shown_by: {} }},",
            r.id,
            r.reference,
            r.topic,
            r.trap,
            r.reality,
            r.claim_item,
            r.proof_item,
            opt(&r.no_event_shown_by)
        )
        .unwrap();
    }
    out += "],\nitems: &[\n";
    let mut ids: Vec<String> = Vec::new();
    // One file per area, named after it, in the order the areas are listed.
    for area in &header.areas {
        let items: Vec<Item> = read(&dir.join("items").join(format!("{}.json", area.id)));
        for i in items {
            ids.push(i.id.clone());
            writeln!(
                out,
                "Item {{ id: {:?}, area: {:?}, reference: {:?}, title: {:?}, question: {:?}, why: {:?}, evidence: {}, \
                 cadence: {}, finding: {}, finding_reason: {:?}, covers: {}, minimum: {}, full: {}, source: {}, \
                 owner: {:?}, same_as: {}, within: {}, asks_role: {}, interview_of: {}, recurring: {}, in_text: {}, proves_within: {}, \
                 raised_as_one: {}, core: {}, needs_role: {}, instance_of: {}, considers: {}, holds_statements: {}, \
                 rehearsed_in: {} }},",
                i.id,
                i.area,
                i.reference,
                i.title,
                i.question,
                i.why,
                strs(&i.evidence),
                i.cadence.as_deref().map_or("None".into(), |c| format!("Some({})", variant("Cadence", c))),
                variant("Severity", &i.finding),
                i.finding_reason,
                strs(&i.covers),
                opt(&i.minimum),
                opt(&i.full),
                variant("Source", i.source.as_deref().unwrap_or("answered")),
                i.owner.as_deref().unwrap_or(&area.owner),
                opt(&i.same_as),
                opt(&i.within),
                opt(&i.asks_role),
                opt(&i.interview_of),
                i.recurring,
                i.in_text,
                i.proves_within,
                opt(&i.raised_as_one.as_ref().map(|id| shortfall(&header, id))),
                i.core,
                opt(&i.needs_role),
                opt(&i.instance_of),
                opt(&i.considers),
                i.holds_statements,
                strs(&i.rehearsed_in)
            )
            .unwrap();
        }
    }
    // Positions in the order of the ids they hold: `Catalog::item` and `check_proved_by` search
    // these instead of scanning (checked against a scan by a host test).
    let order =
        |keys: Vec<&str>| -> String { id_order::sorted_positions(&keys).iter().map(|n| n.to_string()).collect::<Vec<_>>().join(",") };
    writeln!(out, "],\nitem_order: &[{}],", order(ids.iter().map(String::as_str).collect())).unwrap();
    writeln!(out, "proof_order: &[{}],", order(header.reality_checks.iter().map(|r| r.proof_item.as_str()).collect())).unwrap();
    out += "}\n";
    let dest = Path::new(&std::env::var("OUT_DIR").unwrap()).join("content.rs");
    std::fs::write(dest, out).unwrap();
    interview_bank(dir);
    lowercase_table();
}

/// Unicode lowercase mapping of every non-ASCII character, taken from this toolchain's own
/// `char::to_lowercase` and stored as runs (start, length, offset, step): the same mapping in a
/// few KB instead of the standard library's table of every pair. See `src/domain/case.rs`.
fn lowercase_table() {
    let mut runs: Vec<(u32, u32, i64, u32)> = Vec::new();
    let mut longer: Vec<(char, String)> = Vec::new();
    for c in (0x80..=0x10FFFF).filter_map(char::from_u32) {
        let lower: Vec<char> = c.to_lowercase().collect();
        if lower.len() != 1 {
            longer.push((c, lower.into_iter().collect()));
            continue;
        }
        if lower[0] == c {
            continue;
        }
        let (cp, offset) = (c as u32, i64::from(lower[0] as u32) - i64::from(c as u32));
        if let Some((start, len, run_offset, step)) = runs.last_mut() {
            let extends = match *len {
                1 => cp - *start <= 2,
                _ => cp == *start + *len * *step,
            };
            if *run_offset == offset && extends {
                if *len == 1 {
                    *step = cp - *start;
                }
                *len += 1;
                continue;
            }
        }
        runs.push((cp, 1, offset, 1));
    }
    let mut out = String::from("/// (first code point, length, offset to its lowercase, step between code points)\n");
    writeln!(out, "static RUNS: [(u32, u16, i32, u8); {}] = [", runs.len()).unwrap();
    for (start, len, offset, step) in &runs {
        writeln!(out, "({start:#x}, {len}, {offset}, {step}),").unwrap();
    }
    out += "];\n/// Characters whose lowercase is more than one character.\n";
    writeln!(out, "static LONGER: [(char, &str); {}] = [", longer.len()).unwrap();
    for (c, lower) in &longer {
        writeln!(out, "({c:?}, {lower:?}),").unwrap();
    }
    out += "];\n";
    std::fs::write(Path::new(&std::env::var("OUT_DIR").unwrap()).join("lowercase.rs"), out).unwrap();
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InterviewBank {
    version: u32,
    questions: Vec<InterviewQuestion>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct InterviewQuestion {
    id: String,
    title: String,
    roles: Vec<String>,
    topic: String,
    reference: String,
    question: String,
    talking_points: Vec<String>,
    evidence: Vec<String>,
    #[serde(default)]
    items: Vec<String>,
    #[serde(default)]
    raci: Vec<String>,
    /// Role codes whose holders the card names from the register (the answer names them).
    #[serde(default)]
    names_holders: Vec<String>,
    /// Catalogue items whose gap a wrong answer follows from (a question asked of anyone).
    #[serde(default)]
    follows_from: Vec<String>,
}

/// The interview question bank (`content/interview.json`), compiled like the catalogue: the
/// questions (who is asked, about what) and, apart, their text, which only the tools bundle uses.
fn interview_bank(dir: &Path) {
    let bank: InterviewBank = read(&dir.join("interview.json"));
    let mut out = format!("QuestionBank {{ version: {}, questions: &[\n", bank.version);
    let mut text = String::from("&[\n");
    for q in &bank.questions {
        writeln!(
            out,
            "Question {{ id: {:?}, title: {:?}, roles: {}, topic: {}, items: {}, raci: {}, follows_from: {} }},",
            q.id,
            q.title,
            strs(&q.roles),
            variant("Topic", &q.topic),
            strs(&q.items),
            strs(&q.raci),
            strs(&q.follows_from)
        )
        .unwrap();
        writeln!(
            text,
            "QuestionText {{ id: {:?}, reference: {:?}, question: {:?}, talking_points: {}, evidence: {}, names_holders: {} }},",
            q.id,
            q.reference,
            q.question,
            strs(&q.talking_points),
            strs(&q.evidence),
            strs(&q.names_holders)
        )
        .unwrap();
    }
    out += "],\n}\n";
    text += "]\n";
    let out_dir = std::env::var("OUT_DIR").unwrap();
    std::fs::write(Path::new(&out_dir).join("interview.rs"), out).unwrap();
    std::fs::write(Path::new(&out_dir).join("interview_text.rs"), text).unwrap();
}
