//! `dossier extract`: what the extractor finds in a file, nothing stored.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use dossier_core::operations::import;
use dossier_core::Result;

use crate::output::{self, pad};

#[derive(Args)]
pub struct ExtractArgs {
    /// An article file
    #[arg(long_help = format!("An article file: {}", super::extensions()))]
    file: PathBuf,
    /// Publication date (2025-02-14): dates without a year and relative dates use it
    #[arg(long)]
    published: Option<String>,
    /// Print the extraction as JSON
    #[arg(long)]
    json: bool,
}

pub fn extract(args: ExtractArgs) -> Result<ExitCode> {
    let extraction = import::extract_file(&args.file, args.published.as_deref())?;
    if args.json {
        output::json(&extraction)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!("{}", extraction.title);
    for fact in &extraction.facts {
        let q = &extraction.quantities[fact.quantity];
        println!(
            "{}  {}  {}  {}{}",
            pad(&fact.subject, 16),
            pad(fact.metric.as_str(), 12),
            pad(&q.text, 20),
            fact.date.as_deref().unwrap_or("-"),
            fact.round.as_ref().map(|r| format!("  {r}")).unwrap_or_default()
        );
    }
    println!(
        "{} facts, {} quantities, {} dates, {} mentions",
        extraction.facts.len(),
        extraction.quantities.len(),
        extraction.dates.len(),
        extraction.mentions.len()
    );
    Ok(ExitCode::SUCCESS)
}
