//! Integration tests of the core, one binary with a module per area.

mod import_binary;
