//! Integration tests of dossier-core, one binary.

mod anchoring;
mod annotations;
mod extract_articles;
mod extract_conformance;
mod import_binary;
mod import_text;
mod library_import;
mod report;
mod review;
mod search;
mod store;
