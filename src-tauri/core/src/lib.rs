//! Dossier's domain logic. Depends on no GUI crate: the desktop shell and the
//! `dossier` CLI are thin layers over this crate and share one SQLite library.
//!
//! Layers call only those below them: `operations` (what both front ends do) over
//! `ingest` (text into library rows, in one transaction) over the stages (`import`,
//! `extract`, `search`, `annotate`, `report`) over `store` (one file per table);
//! `vocabulary` and `error` are beneath them all.

pub mod annotate;
pub mod error;
pub mod extract;
pub mod import;
pub mod ingest;
pub mod operations;
pub mod report;
pub mod search;
pub mod store;
pub mod vocabulary;

pub use error::{Error, ErrorKind, Reason, Result};
pub use store::{Create, Library};
pub use vocabulary::{EntityKind, FactStatus, Metric, Qualifier, QuantityKind};
