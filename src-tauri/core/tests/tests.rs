//! Integration tests of dossier-core, one binary.

mod extract_articles;
mod library_import;
mod store;
