//! Export and share: pick who the report is for, preview it, download it in any format, or
//! bring in a teammate's backup. Every export is a file the user downloads; nothing is sent.

use leptos::prelude::*;

use leptos::task::spawn_local;

use super::crypto::encrypt;
use super::download::download;
use super::import_view::ImportPanel;
use super::kept_aside::KeptAside;
use super::state::AppState;
use crate::domain::export::{backup, backup_filename, csv, filename_named, html, ics, markdown, oscal, Kind, Profile, Report};
use crate::domain::wording::counted;

#[component]
pub fn ExportView(state: AppState) -> impl IntoView {
    let profile = RwSignal::new(Profile::Full);
    let error = RwSignal::new(None::<String>);
    // Where the last file went, said under the button that made it (founder pass: one line under
    // the backup, below the screen on a phone after a report's button).
    let saved = RwSignal::new(None::<(bool, String)>);
    // What the import would refuse in the stored data (an older version's, or one edited by
    // hand), said before the file is relied on (data-safety pass of stop 47: the app's own backup
    // was refused by its own import, with nothing said when it was made).
    let backup_problems = Memo::new(move |_| crate::domain::export::import_checks::workspace_problems(&state.snapshot()));
    let name = Memo::new(move |_| state.workspace.with(|w| w.active_entry().name.clone()));
    let id = Memo::new(move |_| state.workspace.with(|w| w.active_entry().id.clone()));
    let report = move || {
        let (findings, score) = (state.findings.get(), state.score.get());
        let report = state.assessment.with(|a| Report::scored(state.catalog, a, findings, score, state.today));
        let report = name.with(|n| report.named(n));
        id.with(|i| report.identified(i)).redacted(profile.get())
    };
    // The auditor's copy reads open questions as the findings they would be (founder pass: taken
    // for a copy safe to send as it was).
    let auditor_open = move || match profile.get() {
        Profile::Auditor => state.score.with(|s| s.not_yet_known + s.not_yet_known_within),
        _ => 0,
    };
    // Any text format can be looked at before it is saved (founder pass: only Markdown could).
    let preview_kind = RwSignal::new(Kind::Markdown);
    let preview = Memo::new(move |_| match preview_kind.get() {
        Kind::Csv => csv::render(&report()),
        Kind::Calendar => ics::render(&report()),
        _ => markdown::render(&report()),
    });
    let save = move |kind: Kind| {
        let timing = ExportTiming::start(kind);
        let content = match kind {
            Kind::Markdown => markdown::render(&report()),
            Kind::Html => html::render(&report()),
            Kind::Csv => csv::file(&report()),
            Kind::Oscal => oscal::render(&report()),
            Kind::Calendar => {
                let report = report();
                ics::render(&match super::clock::utc_now() {
                    Some(at) => report.made_at(at),
                    None => report,
                })
            }
            Kind::Backup => backup::export_all(&state.snapshot()),
        };
        let file = match kind {
            Kind::Backup => {
                let (day, time) = super::clock::day_hour_minute();
                backup_filename(day, time)
            }
            _ => name.with_untracked(|n| filename_named(kind, state.today, n, profile.get_untracked())),
        };
        let result = download(&file, kind.mime(), &content);
        timing.finish();
        // Said where the file went (keyboard pass: a download made no sound in the app).
        saved.set(result.is_ok().then(|| (kind == Kind::Backup, format!("Saved “{file}” to your downloads."))));
        error.set(result.err().map(|e| e.to_string()));
    };
    view! {
        <h1 id="export-title">"Export and share"</h1>
        <p class="hint">"Files are made in this browser and saved to your device. Nothing is uploaded."</p>
        <section class="card" aria-labelledby="profile-title">
            <h2 id="profile-title">"Who is it for?"</h2>
            <ProfileChoice profile=profile />
            <p class="notice-inline" id="auditor-open-questions" hidden=move || auditor_open() == 0>
                {move || format!(
                    "This version still lists the {} not answered yet (or “not sure”) as open findings: answer them before you send it.",
                    counted(auditor_open(), "question", "questions")
                )}
            </p>
        </section>
        <section class="card" aria-labelledby="formats-title">
            <h2 id="formats-title">"Download the gap report"</h2>
            <div class="export-buttons">
                <ExportButton kind=Kind::Markdown label="Markdown (wikis, tickets)" save=save />
                <ExportButton kind=Kind::Html label="Printable HTML report" save=save />
                <ExportButton kind=Kind::Csv label="CSV remediation plan" save=save />
                <ExportButton kind=Kind::Oscal label="OSCAL results (compliance tools)" save=save />
                <ExportButton kind=Kind::Calendar label="Calendar of duties and due dates" save=save />
            </div>
            // What each format is for (founder pass: "OSCAL" and the CSV's columns were unexplained).
            <p class="hint" id="formats-explained">
                "The CSV has one row per open finding, with its owner, due date, status and, in the full version, your note, for a spreadsheet. OSCAL is NIST's open JSON format for assessment results, which compliance (GRC) tools import. The calendar file opens in Google Calendar, Outlook or Apple Calendar."
            </p>
            <p class="hint" role="status" id="export-saved">{move || saved.get().filter(|(backup, _)| !backup).map(|(_, text)| text)}</p>
        </section>
        // A backup is no report: a section of its own, next to the encrypted one and the restore
        // (founder pass: under "Download the gap report" it read as another report, and restoring
        // sat below a long preview).
        <section class="card" aria-labelledby="backup-title">
            <h2 id="backup-title">"Back up everything"</h2>
            <p class="hint">"The JSON backup always holds everything: every assessment, exactly as stored. Restore it below, in this browser or another."</p>
            <p class="notice-inline" id="backup-problems" hidden=move || backup_problems.with(Vec::is_empty)>
                {move || backup_problems.with(|problems| format!(
                    "This backup, and the encrypted one, would not import as it is: {}. The file still holds everything; put that right in ",
                    problems.join("; ")
                ))}
                <a href="#/register">"the roles register"</a>
                " before you rely on it."
            </p>
            <ExportButton kind=Kind::Backup label="JSON backup of everything" save=save />
            <p class="hint" role="status" id="backup-saved">{move || saved.get().filter(|(backup, _)| *backup).map(|(_, text)| text)}</p>
        </section>
        <p class="error" role="alert">{move || error.get()}</p>
        <EncryptedBackup state=state />
        <ImportPanel state=state />
        <KeptAside state=state />
        <section class="card" aria-labelledby="preview-title">
            <h2 id="preview-title">"Preview"</h2>
            <PreviewChoice kind=preview_kind />
            <pre class="preview" id="export-preview" tabindex="0" aria-label="Preview of the file">{move || preview.get()}</pre>
        </section>
    }
}

/// A backup only someone with the passphrase can open (WebCrypto: PBKDF2 + AES-GCM).
#[component]
fn EncryptedBackup(state: AppState) -> impl IntoView {
    let passphrase = RwSignal::new(String::new());
    let status = RwSignal::new(None::<String>);
    // Marks the field while its passphrase was refused as too short, until it is edited.
    let too_short = RwSignal::new(false);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let pass = passphrase.get_untracked();
        if pass.chars().count() < 10 {
            too_short.set(true);
            status.set(Some("Use a passphrase of at least 10 characters.".into()));
            // To the field to put right (keyboard pass of stop 50: the focus stayed on the button).
            super::focus::focus_now("backup-passphrase");
            return;
        }
        let plain = backup::export_all(&untrack(|| state.snapshot()));
        let (day, time) = super::clock::day_hour_minute();
        let name = backup_filename(day, time).replace(".json", ".encrypted.json");
        status.set(Some("Encrypting…".into()));
        spawn_local(async move {
            let result = encrypt(&pass, &plain).await.and_then(|sealed| download(&name, "application/json", &sealed));
            status.set(Some(match result {
                Ok(()) => "Encrypted backup saved. Keep the passphrase somewhere safe: without it the file cannot be opened.".into(),
                Err(e) => format!("The encrypted backup could not be made: {}.", e.reason()),
            }));
        });
    };
    view! {
        <section class="card" aria-labelledby="encrypted-title">
            <h2 id="encrypted-title">"Encrypted backup"</h2>
            // A form, so Enter in the passphrase field saves too.
            <form on:submit=save>
                <div class="field">
                    <label for="backup-passphrase">"Passphrase (at least 10 characters)"</label>
                    <input type="password" id="backup-passphrase" autocomplete="new-password" aria-describedby="encrypted-status"
                        aria-invalid=move || too_short.get().then_some("true")
                        prop:value=move || passphrase.get() on:input=move |ev| {
                            too_short.set(false);
                            passphrase.set(event_target_value(&ev));
                        } />
                </div>
                <button type="submit" id="export-encrypted" class="after-field">"Download encrypted backup"</button>
            </form>
            <p id="encrypted-status" role="status">{move || status.get()}</p>
        </section>
    }
}

#[component]
fn ProfileChoice(profile: RwSignal<Profile>) -> impl IntoView {
    let options = Profile::ALL
        .iter()
        .map(|&p| {
            let id = format!("profile-{}", p.code());
            let label_for = id.clone();
            view! {
                <label class="choice" for=label_for>
                    <input type="radio" name="profile" id=id prop:checked=move || profile.get() == p
                        on:change=move |_| profile.set(p) />
                    <span>{p.label()}</span>
                </label>
            }
        })
        .collect_view();
    view! {
        <fieldset class="answers">
            <legend class="visually-hidden">"Who the files are for"</legend>
            {options}
        </fieldset>
    }
}

/// Which file the preview shows: the text formats, as they will be saved.
#[component]
fn PreviewChoice(kind: RwSignal<Kind>) -> impl IntoView {
    const PREVIEWED: [(Kind, &str); 3] =
        [(Kind::Markdown, "Markdown report"), (Kind::Csv, "CSV remediation plan"), (Kind::Calendar, "Calendar of duties and due dates")];
    let on_change = move |ev| {
        let code = event_target_value(&ev);
        if let Some((picked, _)) = PREVIEWED.iter().find(|(k, _)| kind_code(*k) == code) {
            kind.set(*picked);
        }
    };
    let options = PREVIEWED.map(|(k, label)| view! { <option value=kind_code(k)>{label}</option> });
    view! {
        <div class="field">
            <label for="preview-format">"Show"</label>
            <select id="preview-format" on:change=on_change>{options}</select>
        </div>
    }
}

#[component]
fn ExportButton(kind: Kind, label: &'static str, save: impl Fn(Kind) + Copy + 'static) -> impl IntoView {
    view! {
        <button type="button" id=format!("export-{}", kind_code(kind)) on:click=move |_| save(kind)>{label}</button>
    }
}

/// Each export's time (report, file and download hand-off) as a User Timing measure named
/// "export <kind>": visible in the browser's performance tools, and read by `make bench`.
struct ExportTiming(String);

impl ExportTiming {
    fn start(kind: Kind) -> ExportTiming {
        let name = format!("export {}", kind_code(kind));
        if let Some(performance) = window().performance() {
            let _ = performance.mark(&format!("{name} start"));
        }
        ExportTiming(name)
    }

    fn finish(self) {
        if let Some(performance) = window().performance() {
            let _ = performance.measure_with_start_mark(&self.0, &format!("{} start", self.0));
        }
    }
}

fn kind_code(kind: Kind) -> &'static str {
    match kind {
        Kind::Markdown => "markdown",
        Kind::Html => "html",
        Kind::Csv => "csv",
        Kind::Backup => "backup",
        Kind::Oscal => "oscal",
        Kind::Calendar => "calendar",
    }
}
