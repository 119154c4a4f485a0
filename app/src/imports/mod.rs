//! Importing activity lists (CSV, XLSX, ODS, XLS) as tickets: a dry run first, with a per-row report of what
//! will be created, what is already there and what is wrong; then the import itself, batch by batch, in the
//! background, with its progress. Wire types here; `file.rs` decodes files, `service.rs` checks and imports,
//! `api.rs` holds the page's server functions, `pages.rs` the page `/administration/imports`.

pub mod api;
#[cfg(feature = "ssr")]
pub mod file;
pub mod pages;
#[cfg(feature = "ssr")]
pub mod service;

use crate::domain::ids::ImportId;
use crate::domain::import::Column;
use chrono::{DateTime, Utc};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

crate::code_enum! {
    /// Where an uploaded list stands.
    pub enum ImportStatus {
        /// Checked (dry run); nothing written yet.
        Checked = "VERIFIE",
        Running = "EN_COURS",
        Done = "TERMINE",
        Failed = "ECHEC",
    }
}

crate::code_enum! {
    /// What the import does, or did, with one row.
    pub enum RowOutcome {
        Create = "A_CREER",
        /// Its reference was imported before: re-importing a file creates no duplicate.
        AlreadyImported = "DEJA_IMPORTEE",
        Invalid = "ERREUR",
        Empty = "VIDE",
    }
}

/// One row of the dry run's report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RowReport {
    pub line: usize,
    pub outcome: RowOutcome,
    /// The activity's reference (or fingerprint), when the row could be read that far.
    pub reference: Option<String>,
    /// What will be created: "INCIDENT · RESEAU · BACK — Agence Libourne — Plus d'Internet…".
    pub summary: String,
    /// Every problem of the row, in French.
    pub problems: Vec<String>,
}

/// A checked list: its columns, its rows' outcomes and, once started, the import's progress.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct ImportCheck {
    pub id: ImportId,
    pub file_name: String,
    pub status: ImportStatus,
    /// The file's headers, to map columns by hand.
    pub headers: Vec<String>,
    /// Our column → the file's header it was read from.
    pub mapping: BTreeMap<Column, String>,
    /// Why the columns could not be found; no row is checked until they are.
    pub mapping_problems: Vec<String>,
    pub rows_total: usize,
    pub to_create: usize,
    pub already_imported: usize,
    pub invalid: usize,
    pub empty: usize,
    /// Rows with problems first, then the others; at most [`REPORT_ROWS`].
    pub rows: Vec<RowReport>,
    /// Something to know before importing (who becomes the requester when the file names none).
    pub notes: Vec<String>,
    pub rows_done: usize,
    pub created: usize,
    pub skipped: usize,
    pub error: Option<String>,
    pub checked_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

impl ImportCheck {
    /// An import starts only from a clean check: every row readable, at least one to create.
    pub fn may_start(&self) -> bool {
        self.status == ImportStatus::Checked
            && self.mapping_problems.is_empty()
            && self.invalid == 0
            && self.to_create > 0
    }
}

/// How many rows the report lists (problems first); the counts cover every row.
pub const REPORT_ROWS: usize = 500;
/// Activities registered per transaction: a failure undoes its batch only, and a re-run skips what is done.
pub const BATCH_ROWS: usize = 500;
