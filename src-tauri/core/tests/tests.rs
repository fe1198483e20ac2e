//! Integration tests of the core, one binary.

mod import_text;
