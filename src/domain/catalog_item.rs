//! What a catalogue item says of itself: answered or derived, whether "not applicable" can
//! exclude it, what "partly" is raised at, its clauses, and its copy in a scaled bench catalogue.

use super::catalog::{Cadence, Item, Severity, Source, EVERY_COMPANY};

impl Item {
    /// A question on top management's readiness for the auditor's interview (`interview_of`).
    pub fn asks_top_management_interview(&self) -> bool {
        self.interview_of == Some("top-management")
    }

    /// True when the item's state is derived from the roles register rather than answered.
    pub fn is_register(&self) -> bool {
        self.source == Source::Register
    }

    /// Whether the roles register, showing the role this question asks for (`asks_role`) given
    /// with its record and authority, settles the question while it is open: only when what it
    /// asks is the appointment itself (evidence renewed on role change). A recurring duty's output
    /// it cannot show (auditor probe: "not sure" whether performance reports reach the management
    /// review, Clause 5.3 b), scored 100 % where "partly" lost half).
    pub fn register_settles(&self) -> bool {
        self.asks_role.is_some() && self.cadence == Some(Cadence::OnRoleChange)
    }

    /// True when the item's state is worked out by the app (register or interviews), never answered.
    pub fn is_derived(&self) -> bool {
        self.source != Source::Answered
    }

    /// Whether "not applicable" can take the item out of scope: only an Annex A control can be
    /// excluded (with a reason, in the Statement of Applicability); the requirements of
    /// Clauses 4 to 10 apply to every ISMS, and so do the controls of [`EVERY_COMPANY`], so an
    /// item that also rests on one of them cannot be.
    pub fn excludable(&self) -> bool {
        // Called for every item on every answer: no allocation (`not_excludable_because` says why).
        self.reference.split(',').map(str::trim).all(|part| part.starts_with("A ") && !EVERY_COMPANY.contains(&part))
    }

    /// Why "not applicable" cannot take the item out of scope, if it cannot: "it rests on
    /// Clause 7.1, a requirement of the management system itself", or "A 5.4 applies to every
    /// company with staff".
    pub fn not_excludable_because(&self) -> Option<String> {
        let clauses = self.clause_references();
        if !clauses.is_empty() {
            // "Clause 5.3 and Clause 7.2, requirements of …": one article for one clause (copy
            // pass of stop 51: "Clause 5.3, Clause 7.2, a requirement").
            let what = if clauses.len() > 1 { "requirements" } else { "a requirement" };
            let clauses = super::wording::and_list(&clauses.iter().map(|c| c.to_string()).collect::<Vec<_>>());
            return Some(match self.finding {
                Severity::Observation => format!("this good practice supports {clauses}, which every ISMS has to meet"),
                _ => format!("it rests on {clauses}, {what} of the management system itself"),
            });
        }
        let control = self.reference.split(',').map(str::trim).find(|part| EVERY_COMPANY.contains(part))?;
        Some(format!("{control} applies to every company with staff, so an auditor would not accept leaving it out of the Statement of Applicability"))
    }

    /// Whether the item rests on a management-system clause (Clauses 4 to 10), not only on
    /// Annex A controls.
    pub fn rests_on_clause(&self) -> bool {
        self.reference.split(',').any(|part| !part.trim().starts_with("A "))
    }

    /// What an auditor raises for "partly": a management-system requirement (Clauses 4 to 10)
    /// partly met is still not met, so a minor nonconformity (a major one partly met is raised
    /// as a minor); an Annex A control at its minimum first step, or good practice, one level lower.
    /// A control's minimum step meets the clause it also cites (a yearly management review is
    /// A 5.4's minimum and meets Clause 9.3): one level lower too (second auditor probe: the ten
    /// A 5.4 controls at their minimum read three minor nonconformities).
    pub fn partly_severity(&self) -> Severity {
        match (self.rests_on_clause() && self.minimum.is_none(), self.finding) {
            (true, Severity::Major | Severity::Minor) => Severity::Minor,
            (_, severity) => severity.downgraded(),
        }
    }

    /// The parts of the reference that are management-system clauses ("Clause 7.1"), not
    /// Annex A controls.
    pub fn clause_references(&self) -> Vec<&'static str> {
        self.reference.split(',').map(str::trim).filter(|part| !part.starts_with("A ")).collect()
    }

    /// The item's ID without the `-X<n>` suffix a scaled bench catalogue adds to copies.
    pub fn base_id(&self) -> &'static str {
        match self.id.rsplit_once("-X") {
            Some((base, n)) if !n.is_empty() && n.bytes().all(|b| b.is_ascii_digit()) => base,
            _ => self.id,
        }
    }

    /// Which copy of a scaled bench catalogue the item is in: the `-X<n>` suffix, empty for the
    /// real catalogue.
    pub fn copy_suffix(&self) -> &'static str {
        &self.id[self.base_id().len()..]
    }

    /// What an auditor writes up once for this question and the others with the same key, when
    /// several are missing: the document a statement belongs in (`in_text`: its `within`), or
    /// the shortfall the question is one sign of (`raised_as_one`, within its copy of a scaled
    /// bench catalogue).
    pub fn raised_as_one_key(&self) -> Option<(&'static str, &'static str)> {
        match self.in_text {
            true => self.within.map(|document| (document, "")),
            false => self.raised_as_one.map(|shortfall| (shortfall, self.copy_suffix())),
        }
    }
}
