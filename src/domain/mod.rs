//! The domain core: content catalogue, assessment, findings, score and the stored-state format.
//! Nothing here knows about the browser; the UI passes `today` in and renders what comes out.

pub mod assessment;
pub mod case;
pub mod catalog;
mod catalog_item;
mod catalog_links;
mod catalog_validate;
pub mod caveats;
pub mod compare;
pub mod dates;
pub mod early_input;
pub mod error;
pub mod evidence;
pub mod export;
pub mod finding_index;
pub mod finding_text;
pub mod findings;
pub mod fingerprint;
mod id_order;
pub mod interview;
pub mod owner_leaving;
pub mod persist;
pub mod plan_start;
pub mod points;
mod raised_as_one;
pub mod remediation;
pub mod roles;
pub mod same_requirement;
pub mod score;
mod score_text;
pub mod systemic;
pub mod text_memo;
pub mod wording;
pub mod workspace;

pub use assessment::{Answer, Assessment, EvidenceRecord, ItemResponse};
pub use catalog::{Area, Catalog, Item, Severity};
pub use error::AppError;
pub use findings::{Finding, FindingKind};
pub use points::Points;
pub use score::{Score, Verdict};
