//! Lays the reporting tree out as an indented outline: one box per person, a manager above their
//! reports, each report indented one step and joined to the manager by an elbow line. Works for
//! any number of people and any depth, and stays narrow enough for a phone.

use chrono::NaiveDate;

use crate::domain::roles::org::managers_of;
use crate::domain::roles::{reporting_line, reporting_tree, Register, RoleKind};

use super::role_name;

const MARGIN: i32 = 2;
const INDENT: i32 = 28;
pub const BOX_WIDTH: i32 = 300;
const GAP: i32 = 12;
const PAD: i32 = 8;
const TEXT_X: i32 = 12;
/// The room for text in a box, in pixels (the description keeps every text whole).
const TEXT_ROOM: f32 = (BOX_WIDTH - TEXT_X - PAD) as f32;

/// One line of text in a box: its CSS class, the text and the baseline offset from the box top.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub class: &'static str,
    pub text: String,
    pub y: i32,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgBox {
    pub person_id: String,
    pub x: i32,
    pub y: i32,
    pub height: i32,
    pub lines: Vec<Line>,
    pub top_management: bool,
    pub reporter: bool,
    /// On the performance reporter's line up to top management.
    pub on_path: bool,
    /// Works here today but has a leaving date.
    pub leaving: bool,
    /// Spoken description: name, title, roles, manager and leaving date.
    pub description: String,
}

impl OrgBox {
    pub fn text_x(&self) -> i32 {
        self.x + TEXT_X
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Link {
    pub d: String,
    pub on_path: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct OrgLayout {
    pub boxes: Vec<OrgBox>,
    pub links: Vec<Link>,
    pub width: i32,
    pub height: i32,
}

/// The reporting lines of every current performance reporter that reach top management.
pub fn reporter_paths(register: &Register, today: NaiveDate) -> Vec<Vec<String>> {
    register
        .current_holders(&RoleKind::PerformanceReporting, today)
        .iter()
        .filter_map(|p| reporting_line(register, &p.id, today).path)
        .collect()
}

/// A generous estimate of a character's width in em (bold sans-serif), so estimated text is
/// never narrower than the drawn text: wide letters, capitals and CJK count for more.
fn char_em(c: char) -> f32 {
    match c {
        'i' | 'j' | 'l' | '.' | ',' | ':' | ';' | '\'' | '|' | '!' | ' ' => 0.36,
        'f' | 't' | 'r' | 'I' | '(' | ')' | '-' => 0.48,
        'm' | 'w' | 'M' | 'W' | '@' | '…' => 1.15,
        c if c.is_ascii_uppercase() => 0.8,
        c if c.is_ascii() => 0.68,
        c if c >= '\u{2E80}' => 1.05,
        _ => 0.8,
    }
}

/// The text as it fits on one line of a box at this font size: whole, or cut with "…".
fn shorten(text: &str, font_px: f32) -> String {
    let room = TEXT_ROOM / font_px;
    if text.chars().map(char_em).sum::<f32>() <= room {
        return text.to_string();
    }
    let mut used = char_em('…');
    let kept: String = text
        .chars()
        .take_while(|&c| {
            used += char_em(c);
            used <= room
        })
        .collect();
    kept.trim_end().to_string() + "…"
}

/// A role's name in a box: a standard role without its parenthesis ("ISMS conformance owner",
/// not "… (Clause 5.3, item a)"), which the box's description keeps; a custom role as typed.
fn chart_role_name(role: &RoleKind) -> String {
    let name = role_name(role);
    match role {
        RoleKind::Custom(_) => name,
        _ => name.split(" (").next().unwrap_or_default().to_string(),
    }
}

pub fn layout(register: &Register, today: NaiveDate) -> OrgLayout {
    let tree = reporting_tree(register, today);
    let paths = reporter_paths(register, today);
    let on_path = |id: &str| paths.iter().any(|p| p.iter().any(|x| x == id));
    let step_on_path = |child: &str, manager: &str| paths.iter().any(|p| p.windows(2).any(|w| w[0] == child && w[1] == manager));
    let mut out = OrgLayout::default();
    let mut y = MARGIN;
    for node in &tree {
        let top = register.is_top_management(&node.person_id, today);
        let reporter = node.roles.contains(&RoleKind::PerformanceReporting);
        let mut lines = vec![Line { class: "org-name", text: shorten(&node.name, 14.0), y: PAD + 14 }];
        let mut next = PAD + 14;
        let mut push = |class, text: String, step| {
            next += step;
            lines.push(Line { class, text, y: next });
        };
        if !node.title.trim().is_empty() {
            push("org-title", shorten(node.title.trim(), 12.0), 17);
        }
        for role in &node.roles {
            push("org-role", shorten(&chart_role_name(role), 11.5), 16);
        }
        let top_tag = top && !node.roles.contains(&RoleKind::TopManagement);
        // A root with a manager closes a loop; a root whose managers all left (or have not started) has
        // a broken line.
        let cycle = node.depth == 0 && node.reports_to.is_some();
        let broken =
            node.depth == 0 && !cycle && managers_of(register, &node.person_id).iter().any(|m| register.current_person(m, today).is_none());
        let tags = [(top_tag, "Top management"), (reporter, "Reports ISMS performance")];
        let warnings = [(cycle, "⚠ Reporting loop"), (broken, "⚠ Manager not here today")];
        for (class, list) in [("org-tag", tags), ("org-warn", warnings)] {
            let shown: Vec<&str> = list.into_iter().filter_map(|(on, tag)| on.then_some(tag)).collect();
            if !shown.is_empty() {
                push(class, shown.join(" · "), 17);
            }
        }
        // Someone here today who is leaving: the line through them breaks on that day.
        let leaves = register.person(&node.person_id).and_then(|p| p.leaving_date);
        if let Some(day) = leaves {
            push("org-leaves", format!("Leaves {day}"), 17);
        }
        let height = next + PAD + 2;
        let manager = node.reports_to.as_deref().filter(|_| node.depth > 0);
        let roles: Vec<String> = node.roles.iter().map(role_name).collect();
        let mut description = node.name.clone();
        if !node.title.trim().is_empty() {
            description += &format!(", {}", node.title.trim());
        }
        if !roles.is_empty() {
            description += &format!(" ({})", roles.join(", "));
        }
        if let Some(m) = manager {
            description += &format!(", reports to {}", register.name_of(m));
        }
        if let Some(day) = leaves {
            description += &format!(", leaves on {day}");
        }
        let x = MARGIN + INDENT * node.depth as i32;
        let parent = manager.and_then(|m| out.boxes.iter().rev().find(|b| b.person_id == m).map(|b| (m, b)));
        if let Some((m, parent)) = parent {
            let (px, py) = (parent.x + TEXT_X + 2, parent.y + parent.height);
            out.links.push(Link { d: format!("M{px} {py} V{} H{x}", y + PAD + 9), on_path: step_on_path(&node.person_id, m) });
        }
        out.width = out.width.max(x + BOX_WIDTH + MARGIN);
        out.boxes.push(OrgBox {
            person_id: node.person_id.clone(),
            x,
            y,
            height,
            lines,
            top_management: top,
            reporter,
            on_path: on_path(&node.person_id),
            leaving: leaves.is_some(),
            description: description + ".",
        });
        y += height + GAP;
    }
    out.height = y - GAP + MARGIN;
    out
}
