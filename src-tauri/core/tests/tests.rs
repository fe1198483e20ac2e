//! Integration tests of the core, one binary: each module tests one area.

mod search;
