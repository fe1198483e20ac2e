//! `dossier import`: files and folders into the library, with a progress bar on a terminal.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use dossier_core::import::Limits;
use dossier_core::operations::import::{self, ImportOptions, OutcomeStatus};
use dossier_core::{Library, Result};

use crate::output;

#[derive(Args)]
pub struct ImportArgs {
    /// Files or folders to import
    #[arg(required = true, long_help = format!("Files or folders to import (folders recursively): {}", super::extensions()))]
    paths: Vec<PathBuf>,
    /// Largest file to import, in megabytes
    #[arg(long, default_value_t = 50)]
    max_size: u64,
    /// Also add the imported articles to this collection (created if missing)
    #[arg(long)]
    collection: Option<String>,
    /// Print the per-file report as JSON
    #[arg(long)]
    json: bool,
}

pub fn import(library: &mut Library, args: ImportArgs) -> Result<ExitCode> {
    let limits = Limits { max_file_bytes: args.max_size.saturating_mul(1024 * 1024), ..Limits::default() };
    let options = ImportOptions { limits, collection: args.collection.clone() };
    let bar = super::progress_bar(args.json)?;
    let report = import::import_paths(library, &args.paths, &options, &mut |p| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
        bar.set_message(p.path.clone());
    });
    bar.finish_and_clear();
    let report = report?;
    let failed = report.count(OutcomeStatus::Failed);
    if args.json {
        output::json(&report)?;
    } else {
        for outcome in &report.outcomes {
            match (&outcome.status, &outcome.error) {
                (OutcomeStatus::Imported, _) => {
                    println!(
                        "imported   #{} {}",
                        outcome.article_id.unwrap_or(0),
                        outcome.title.as_deref().unwrap_or("")
                    )
                }
                (OutcomeStatus::Duplicate, _) => println!(
                    "duplicate  {} (already in the library as #{})",
                    outcome.path,
                    outcome.article_id.unwrap_or(0)
                ),
                (status, error) => println!(
                    "{:<10} {}: {}",
                    if *status == OutcomeStatus::Failed { "failed" } else { "skipped" },
                    outcome.path,
                    error.as_ref().map(|e| e.message.as_str()).unwrap_or("unknown error")
                ),
            }
        }
        println!(
            "{} imported, {} already in the library, {} failed{}",
            report.count(OutcomeStatus::Imported),
            report.count(OutcomeStatus::Duplicate),
            failed,
            if report.skipped > 0 {
                format!(", {} skipped (not a supported file type)", report.skipped)
            } else {
                String::new()
            }
        );
    }
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
