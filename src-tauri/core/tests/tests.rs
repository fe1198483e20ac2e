//! Integration tests of dossier-core, one binary.

mod library_import;
mod store;
