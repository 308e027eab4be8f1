//! The org chart (inline SVG, attributes only) of the people who work here today, with the ISMS
//! performance reporter's line to top management highlighted and stated in words.

use chrono::NaiveDate;
use leptos::prelude::*;

use super::org_layout::{layout, OrgBox};
use super::Reg;
use crate::domain::roles::{reporting_line, Register, RoleKind};
use crate::domain::wording::isolated;

#[component]
pub fn OrgChartSection(reg: Reg) -> impl IntoView {
    let state = reg.state;
    let today = reg.today();
    let chart = Memo::new(move |_| state.assessment.with(|a| layout(&a.register, today)));
    let statements = Memo::new(move |_| state.assessment.with(|a| statements_now_and_on_audit_day(&a.register, today, a.audit_date)));
    let lines = move || {
        statements
            .get()
            .into_iter()
            .map(|(ok, text)| {
                let class = if ok { "org-statement org-ok" } else { "org-statement org-broken" };
                view! { <li class=class>{if ok { "✓ " } else { "✗ " }}{text}</li> }
            })
            .collect_view()
    };
    let svg = move || {
        chart.with(|c| {
            if c.boxes.is_empty() {
                return view! { <p class="reg-empty" id="org-empty">"Nobody who works here today is in the register yet."</p> }.into_any();
            }
            let description = c.boxes.iter().map(|b| b.description.as_str()).collect::<Vec<_>>().join(" ");
            let links = c.links.iter().map(|l| {
                let class = if l.on_path { "org-link org-link-path" } else { "org-link" };
                view! { <path class=class d=l.d.clone() /> }
            });
            let boxes = c.boxes.iter().map(org_box).collect_view();
            view! {
                <svg class="org-svg" id="org-svg" viewBox=format!("0 0 {} {}", c.width, c.height) width=c.width.to_string()
                    height=c.height.to_string() role="img" aria-labelledby="org-svg-title org-svg-desc">
                    <title id="org-svg-title">"Org chart of the people who work here today"</title>
                    <desc id="org-svg-desc">{description}</desc>
                    {links.collect_view()}
                    {boxes}
                </svg>
            }
            .into_any()
        })
    };
    view! {
        <section class="reg-section" aria-labelledby="org-title">
            <h2 id="org-title" tabindex="-1">"Org chart"</h2>
            <p class="hint">
                "Drawn from each person’s line manager, or else the “reports to” of their role assignments. The line from the ISMS performance reporter (Clause 5.3, item b) up to top management is highlighted."
            </p>
            <ul class="org-statements" id="org-reporting-status">{lines}</ul>
            <div class="org-chart">{svg}</div>
        </section>
    }
}

fn org_box(b: &OrgBox) -> impl IntoView {
    let class = format!(
        "org-box{}{}{}{}",
        if b.top_management { " org-top" } else { "" },
        if b.on_path { " org-path" } else { "" },
        if b.reporter { " org-reporter" } else { "" },
        if b.leaving { " org-leaving" } else { "" }
    );
    let texts = b
        .lines
        .iter()
        .map(|l| view! { <text class=l.class x=b.text_x().to_string() y=(b.y + l.y).to_string()>{l.text.clone()}</text> })
        .collect_view();
    view! {
        <g class=class id=format!("org-{}", b.person_id)>
            // Names and roles cut to fit a box are shown whole on hover.
            <title>{b.description.clone()}</title>
            <rect x=b.x.to_string() y=b.y.to_string() width=super::org_layout::BOX_WIDTH.to_string()
                height=b.height.to_string() rx="6" />
            {texts}
        </g>
    }
}

/// Today's sentences, then those that will read differently on an upcoming audit day (a leaver
/// or a starter on the line), as the register check judges them.
fn statements_now_and_on_audit_day(register: &Register, today: NaiveDate, audit: Option<NaiveDate>) -> Vec<(bool, String)> {
    let nobody =
        |who: &str| (false, format!("{who} reports ISMS performance (Clause 5.3, item b), so no line to top management can be shown."));
    let now = reporting_statements(register, today);
    let mut out = if now.is_empty() { vec![nobody("Nobody who works here today")] } else { now.clone() };
    if let Some(audit) = audit.filter(|audit| *audit > today) {
        let later = reporting_statements(register, audit);
        let changed = match (later.is_empty(), now.is_empty()) {
            (true, true) => vec![],
            (true, false) => vec![nobody("nobody who works here then")],
            (false, _) => later.into_iter().filter(|s| !now.contains(s)).collect(),
        };
        out.extend(changed.into_iter().map(|(ok, text)| (ok, format!("By the audit on {audit}: {text}"))));
    }
    out
}

/// One sentence per performance reporter working here on `day`: does their line reach top
/// management? Empty when nobody holds the role that day.
fn reporting_statements(register: &Register, day: NaiveDate) -> Vec<(bool, String)> {
    let holders = register.current_holders(&RoleKind::PerformanceReporting, day);
    holders
        .iter()
        .map(|p| {
            let shown = p.display_name();
            let name = isolated(&shown);
            match reporting_line(register, &p.id, day).path {
                None => (false, format!("{name} reports ISMS performance, but their reporting line does not reach top management.")),
                Some(path) if path.len() <= 1 => (true, format!("{name} reports ISMS performance and is top management.")),
                Some(path) => {
                    let names: Vec<String> = path.iter().map(|id| isolated(&register.name_of(id)).into_owned()).collect();
                    // A name ending in a full stop ("Ada O.") ends the sentence itself.
                    let route = names.join(" → ");
                    (true, format!("{name} reports ISMS performance and reaches top management: {}.", route.trim_end_matches('.')))
                }
            }
        })
        .collect()
}
