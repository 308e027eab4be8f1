//! The roles and accountability register (Clause 5.1–5.3, A 5.2–5.4): who holds which ISMS role,
//! the RASCI matrix, competence records and reporting lines, plus the checks that derive the
//! register items of the catalogue from it.

pub mod checks;
pub mod edit;
pub mod model;
pub mod org;
pub mod query;
pub mod responsibilities;

pub use edit::RegisterError;
pub use model::{raci_key, Assignment, CompetenceKind, CompetenceRecord, Person, Raci, Register, RoleKind};
pub use org::{reaches_top_management, reporting_line, reporting_tree, OrgNode, ReportingLine};
pub use responsibilities::{responsibility, Responsibility, RESPONSIBILITIES};
