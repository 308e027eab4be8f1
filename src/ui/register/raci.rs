//! The RASCI matrix: ISMS responsibilities down, roles across, one letter per cell. A row needs
//! exactly one Accountable; rows with none or several say so in words.

use leptos::prelude::*;

use super::{role_name, Reg};
use crate::domain::roles::checks::raci::reserved_note;
use crate::domain::roles::{raci_key, Raci, Responsibility, RoleKind, RESPONSIBILITIES};

#[component]
pub fn RaciSection(reg: Reg) -> impl IntoView {
    let headers = move || {
        reg.columns
            .get()
            .into_iter()
            .map(|role| {
                let retired = Memo::new({
                    let code = role.code();
                    move |_| is_retired(reg, &code)
                });
                view! {
                    <th scope="col" class="raci-role">
                        {role_name(&role)}
                        <Show when=move || retired.get()>
                            <span class="raci-retired">" (no longer assigned)"</span>
                        </Show>
                    </th>
                }
            })
            .collect_view()
    };
    let rows = RESPONSIBILITIES.iter().map(|row| view! { <RaciRow reg=reg row=row /> }).collect_view();
    view! {
        <section class="reg-section" aria-labelledby="raci-title">
            <h2 id="raci-title" tabindex="-1">"RASCI matrix"</h2>
            <p class="hint">
                "Who does what for each ISMS responsibility (RASCI is the familiar RACI matrix with S for Supportive added). Every row needs exactly one Accountable role. The roles run across: scroll the matrix sideways to see them all."
            </p>
            <dl class="raci-key">
                {Raci::ALL.map(|r| view! { <div><dt>{r.letter()}</dt><dd>{r.label()}</dd></div> })}
            </dl>
            <a class="skip-past" href="#competence-title" on:click=move |e| reg.jump_to_part(e, "competence-title")>
                "Skip the RASCI matrix"
            </a>
            <div class="table-wrap raci-wrap" on:focusin=reveal_cell>
                <table class="raci" id="raci-matrix">
                    <caption class="visually-hidden">"RASCI matrix: responsibilities by role"</caption>
                    <thead>
                        <tr>
                            <th scope="col" class="raci-corner">"Responsibility"</th>
                            {headers}
                        </tr>
                    </thead>
                    <tbody>{rows}</tbody>
                </table>
            </div>
        </section>
    }
}

/// Scrolls the matrix so a cell taking the focus shows whole, clear of the sticky responsibility
/// column: Chromium scrolls a focused picker only until part of it shows, and at 375 px half a
/// cell stayed under the column or past the edge (keyboard pass of stop 50, WCAG 2.4.11).
fn reveal_cell(ev: leptos::ev::FocusEvent) {
    use wasm_bindgen::JsCast;
    let element = |target: Option<web_sys::EventTarget>| target.and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let (Some(wrap), Some(picker)) = (element(ev.current_target()), element(ev.target())) else { return };
    let Ok(Some(sticky)) = wrap.query_selector(".raci-row") else { return };
    // The whole cell, its role's label with the picker (UX pass: the label was cut mid-word).
    let Some(cell) = picker.closest("td").ok().flatten().filter(|_| picker.tag_name() == "SELECT") else { return };
    let (at, frame) = (cell.get_bounding_client_rect(), wrap.get_bounding_client_rect());
    let left_edge = sticky.get_bounding_client_rect().right() + 4.0;
    let right_edge = frame.left() + f64::from(wrap.client_width()) - 4.0;
    let shift = if at.left() < left_edge {
        at.left() - left_edge
    } else if at.right() > right_edge {
        (at.right() - right_edge).min(at.left() - left_edge)
    } else {
        return;
    };
    wrap.set_scroll_left(wrap.scroll_left() + shift.round() as i32);
}

/// A column kept only because cells still point at a custom role nobody holds any more.
fn is_retired(reg: Reg, code: &str) -> bool {
    code.starts_with("custom-") && !reg.assignments.with(|list| list.iter().any(|a| a.role.code() == code))
}

#[component]
fn RaciRow(reg: Reg, row: &'static Responsibility) -> impl IntoView {
    let accountable = Memo::new(move |_| {
        reg.raci.with(|cells| {
            cells
                .iter()
                .filter(|(key, letter)| **letter == Raci::Accountable && key.split_once('|').is_some_and(|(r, _)| r == row.code))
                .count()
        })
    });
    // A decision the standard gives to top management made another role's is said on its row
    // too, not only among the checks (auditor probe).
    let reserved = Memo::new(move |_| reg.state.assessment.with(|a| reserved_note(&a.register, row.code, reg.state.today)));
    let marker = move || match accountable.get() {
        0 => Some("⚠ No role is accountable".to_string()),
        1 => reserved.get().map(|(clause, whom)| format!("⚠ {clause} gives this to {whom}")),
        n => Some(format!("⚠ {n} roles are accountable: keep one")),
    };
    let cells = move || reg.columns.get().into_iter().map(|role| view! { <RaciCell reg=reg row=row role=role /> }).collect_view();
    view! {
        <tr class:raci-problem=move || accountable.get() != 1 || reserved.with(Option::is_some)>
            <th scope="row" class="raci-row">
                <span class="raci-label">{row.label}</span>
                <span class="raci-ref">{row.reference}</span>
                // Read out when a change makes or mends the row's problem (accessibility pass: only
                // the description held it, which screen readers do not re-read).
                <span class="raci-marker" id=format!("raci-{}-status", row.code) aria-live="polite">{marker}</span>
            </th>
            {cells}
        </tr>
    }
}

#[component]
fn RaciCell(reg: Reg, row: &'static Responsibility, role: RoleKind) -> impl IntoView {
    let key = raci_key(row.code, &role);
    let value = Memo::new(move |_| reg.raci.with(|cells| cells.get(&key).copied()));
    let id = format!("raci-{}-{}", row.code, role.code());
    let label = format!("{} — {}", row.label, role_name(&role));
    let role_label = role.short_label().to_string();
    let class = move || format!("raci-cell raci-{}", value.get().map_or("none", Raci::code));
    let on_change = move |ev| {
        let letter = Raci::from_code(&event_target_value(&ev));
        let _ = reg.update(|r| r.set_raci(row.code, &role, letter));
    };
    let options = std::iter::once(("", "–", None))
        .chain(Raci::ALL.map(|r| (r.code(), r.letter(), Some(r))))
        .map(|(code, text, letter)| {
            // The letter is shown; the word is read out (keyboard pass: "R", "A", "S" …).
            let word = letter.map_or("None", Raci::label);
            view! { <option value=code aria-label=word prop:selected=move || value.get() == letter>{text}</option> }
        })
        .collect_view();
    // On a phone the header row scrolls out of sight: each cell names its role there (founder
    // pass: rows of bare "–" boxes), for the eye only, as the box's label already says it.
    view! {
        <td class="raci-td">
            <span class="raci-cell-role" aria-hidden="true">{role_label}</span>
            // Described by the row's marker ("⚠ 2 roles are accountable: keep one"), so a change
            // that opens or closes a problem is heard with the cell.
            <select id=id class=class aria-label=label aria-describedby=format!("raci-{}-status", row.code) on:change=on_change>{options}</select>
        </td>
    }
}
