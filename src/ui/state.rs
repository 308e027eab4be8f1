//! The app's reactive state: the assessment in one signal, everything else derived by memos.
//! Passed to components as one `Copy` value so they receive exactly what they show.

use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::caveats::{caveats_and_word, Caveat};
use crate::domain::finding_index::FindingIndex;
use crate::domain::findings::all_findings;
use crate::domain::score::compute;
use crate::domain::workspace::Workspace;
use crate::domain::{Assessment, Catalog, Finding, Score};

#[derive(Clone, Copy)]
pub struct AppState {
    pub catalog: &'static Catalog,
    /// All named assessments; the active one's content lives in `assessment` while it is open.
    pub workspace: RwSignal<Workspace>,
    /// The working copy of the active assessment: every edit goes here.
    pub assessment: RwSignal<Assessment>,
    pub findings: Memo<Vec<Finding>>,
    /// Index into `findings` by item id, so each card finds its own finding without a scan.
    pub finding_index: Memo<FindingIndex>,
    pub score: Memo<Score>,
    /// The planned audit date alone, so what depends on it is not re-run on every answer.
    pub audit_date: Memo<Option<NaiveDate>>,
    /// What the verdict takes on trust or cannot see yet (`domain::caveats`), one sentence or two
    /// each: the readiness panel shows them (and on a phone tells one from several), and an empty
    /// plan says them as the work left.
    pub caveats: Memo<Vec<String>>,
    /// Whether most "yes" answers have no evidence recorded (`caveats::on_your_word`): the
    /// verdict's label says "on your word".
    pub on_your_word: Memo<bool>,
    /// The caveats' one pass: their texts, "on your word", and, from the caveat on "yes" answers
    /// whose records predate the latest appointment, that appointment in words and each question
    /// with its newest record (read through [`AppState::role_change_with`]: the dashboard lists
    /// them and each question's card says it, with no second scan per card).
    trust: Memo<(Vec<String>, bool, Option<RoleChange>)>,
    /// What the last import replaced and what it left, kept while the app is open: its undo
    /// survives a visit to another view (founder pass: checking the merged answers elsewhere and
    /// coming back lost the undo).
    /// Read only by the import panel, in the tools bundle.
    #[cfg_attr(not(feature = "tools"), allow(dead_code))]
    pub import_undo: RwSignal<Option<(Workspace, Workspace)>>,
    pub today: NaiveDate,
}

/// The latest appointment in words, and the "yes" answers whose newest record predates it (id,
/// title, newest record): `Caveat::PredatesRoleChange`'s fields.
pub type RoleChange = (String, Vec<(&'static str, &'static str, NaiveDate)>);

impl AppState {
    pub fn new(catalog: &'static Catalog, workspace: Workspace, today: NaiveDate) -> AppState {
        let assessment = RwSignal::new(workspace.active_entry().assessment.clone());
        let workspace = RwSignal::new(workspace);
        let findings = Memo::new(move |_| assessment.with(|a| all_findings(catalog, a, today)));
        let finding_index = Memo::new(move |_| findings.with(|list| FindingIndex::of(list)));
        let score = Memo::new(move |_| assessment.with(|a| findings.with(|f| compute(catalog, a, f))));
        let audit_date = Memo::new(move |_| assessment.with(|a| a.audit_date));
        // One pass over the "yes" answers for both (`caveats_and_word`).
        let trust = Memo::new(move |_| {
            assessment.with(|a| {
                let (caveats, word) = caveats_and_word(catalog, a, today);
                let texts = caveats.iter().map(Caveat::text).collect::<Vec<_>>();
                let change = caveats.into_iter().find_map(|c| match c {
                    Caveat::PredatesRoleChange { change, items } => Some((change, items)),
                    _ => None,
                });
                (texts, word, change)
            })
        });
        let caveats = Memo::new(move |_| trust.with(|(caveats, ..)| caveats.clone()));
        let on_your_word = Memo::new(move |_| trust.with(|(_, word, _)| *word));
        let import_undo = RwSignal::new(None);
        AppState {
            catalog,
            workspace,
            assessment,
            findings,
            finding_index,
            score,
            audit_date,
            caveats,
            on_your_word,
            trust,
            import_undo,
            today,
        }
    }

    /// Reads the role-change caveat's appointment and questions, if there is one.
    pub fn role_change_with<R>(&self, f: impl FnOnce(Option<&RoleChange>) -> R) -> R {
        self.trust.with(|(.., change)| f(change.as_ref()))
    }

    /// The whole workspace with the working copy written back (what gets saved).
    pub fn snapshot(&self) -> Workspace {
        let current = self.assessment.get();
        self.workspace.with(|w| w.clone().with_active(current))
    }

    /// Makes another assessment the active one, keeping the current one's edits.
    #[cfg_attr(not(feature = "tools"), allow(dead_code))]
    pub fn open(&self, id: &str) {
        let current = self.assessment.get_untracked();
        let mut next = self.workspace.get_untracked().with_active(current);
        if next.entry(id).is_none() {
            return;
        }
        next.active = id.to_string();
        self.assessment.set(next.active_entry().assessment.clone());
        self.workspace.set(next);
    }

    /// Replaces everything (another tab saved): workspace and working copy.
    pub fn replace(&self, workspace: Workspace) {
        #[cfg(feature = "tools")]
        let workspace = self.waiting_applied_to_left(workspace);
        self.assessment.set(workspace.active_entry().assessment.clone());
        self.workspace.set(workspace);
    }

    /// Text typed and still waiting for typing to pause (ui/settle.rs) belongs to the assessment
    /// open until now: when `incoming` opens another one, it applies to that one's entry as the
    /// other tab left it. Applied later, it would land in the other tab's choice (review of stop
    /// 57: a copy with the same person IDs took the name being typed); dropped, as it was then,
    /// up to 0.6 s of keys were lost. An assessment the other tab deleted takes nothing.
    #[cfg(feature = "tools")]
    fn waiting_applied_to_left(&self, mut incoming: Workspace) -> Workspace {
        let left = self.workspace.with_untracked(|w| w.active.clone());
        if left == incoming.active {
            return incoming;
        }
        let Some(apply) = crate::ui::settle::take_waiting() else { return incoming };
        let Some(entry) = incoming.entry_mut(&left) else { return incoming };
        // The edit writes to the working copy, which holds that assessment while it runs (effects
        // run after this handler, so none sees it in between).
        self.assessment.set(std::mem::take(&mut entry.assessment));
        apply();
        entry.assessment = self.assessment.get_untracked();
        incoming
    }

    /// The finding for one item, if any (reactive).
    pub fn finding_for(&self, item_id: &str) -> Option<Finding> {
        let index = self.finding_index.with(|idx| idx.get(item_id))?;
        self.findings.with(|list| list.get(index).cloned())
    }
}
