//! One file per command group; each parses its arguments, calls the core
//! (`dossier_core::operations` where both front ends do the same) and prints.

pub mod annotate;
pub mod articles;
pub mod collections;
pub mod entities;
pub mod export;
pub mod extract;
pub mod facts;
pub mod import;
pub mod library;
pub mod tags;

use std::io::IsTerminal;

use dossier_core::{Error, Library, Reason, Result};
use indicatif::{ProgressBar, ProgressStyle};

/// The extensions Dossier imports, as help texts list them: ".txt .md …".
pub fn extensions() -> String {
    dossier_core::operations::import::extensions()
        .iter()
        .map(|e| format!(".{e}"))
        .collect::<Vec<_>>()
        .join(" ")
}

/// The tag named `name`, or an error saying there is none.
fn tag(library: &Library, name: &str) -> Result<i64> {
    dossier_core::store::tags::find(library.conn(), name)?
        .ok_or_else(|| Reason::NoTagNamed { name: name.to_owned() }.into())
}

/// A progress bar on standard error when it is a terminal (and `quiet` is not asked),
/// else one that shows nothing.
fn progress_bar(quiet: bool) -> Result<ProgressBar> {
    if quiet || !std::io::stderr().is_terminal() {
        return Ok(ProgressBar::hidden());
    }
    let style = ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
        .map_err(|e| Error::internal(e.to_string()))?;
    Ok(ProgressBar::new(0).with_style(style))
}
