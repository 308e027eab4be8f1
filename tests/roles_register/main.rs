//! The register's data helpers: referential integrity on every edit, stable codes, the org
//! chart, reporting lines, and the stored format (schema version 1, with and without a register).

#[path = "../support/mod.rs"]
mod support;

mod codes_and_storage;
mod integrity;
mod org_chart;
