//! Tests of the `dossier` binary as a user runs it.

mod cli;
mod crash;
mod library;
mod review;

use std::path::Path;
use std::process::{Command, Output};

/// Runs `dossier --db <db> --create args...`: most tests start from a new library.
pub fn dossier(db: &Path, args: &[&str]) -> Output {
    dossier_at(db, &[&["--create"], args].concat())
}

/// Runs `dossier --db <db> args...`, on a library that must exist.
pub fn dossier_at(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier")).arg("--db").arg(db).args(args).output().expect("dossier runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
