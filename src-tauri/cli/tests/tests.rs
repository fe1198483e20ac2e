//! Tests of the `dossier` binary as a user runs it.

mod cli;
mod crash;
mod review;

use std::path::Path;
use std::process::{Command, Output};

/// Runs `dossier --db <db> args...`.
pub fn dossier(db: &Path, args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_dossier")).arg("--db").arg(db).args(args).output().expect("dossier runs")
}

pub fn stdout(output: &Output) -> String {
    String::from_utf8_lossy(&output.stdout).into_owned()
}

pub fn stderr(output: &Output) -> String {
    String::from_utf8_lossy(&output.stderr).into_owned()
}
