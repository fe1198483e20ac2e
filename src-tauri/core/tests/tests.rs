//! Integration tests of dossier-core, one binary.

mod anchoring;
mod annotations;
mod concurrency;
mod extract_articles;
mod extract_conformance;
mod extract_meanings;
mod fuzz_corpus;
mod hostile_corpus;
mod hostile_import;
mod hostile_report;
mod import_binary;
mod import_text;
mod layers;
mod library_import;
mod report;
mod review;
mod search;
mod store;
