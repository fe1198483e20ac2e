//! Dossier's domain logic. Depends on no GUI crate: the desktop shell and the
//! `dossier` CLI are thin layers over this crate and share one SQLite library.

pub mod annotate;
pub mod error;
pub mod extract;
pub mod import;
pub mod report;
pub mod search;
pub mod store;

pub use error::{Error, ErrorKind, Result};
pub use store::Library;
