//! `dossier check` and `reextract`: the library as a whole.

use std::process::ExitCode;

use clap::Args;
use dossier_core::store::articles::{self, ArticleFilter};
use dossier_core::{ingest, Library, Result};

pub fn check(library: &Library) -> Result<ExitCode> {
    let problems = library.check();
    let count = articles::count(library.conn(), &ArticleFilter::default())?;
    if problems.is_empty() {
        let articles = if count == 1 { "article" } else { "articles" };
        println!("ok: {count} {articles}, schema version {}, no problems found", library.schema_version()?);
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &problems {
        println!("{problem}");
    }
    println!("{} problems found", problems.len());
    Ok(ExitCode::from(1))
}

#[derive(Args)]
pub struct ReextractArgs {
    /// Re-extract every article, not only those read by an older extractor or before your
    /// entities changed
    #[arg(long)]
    all: bool,
}

pub fn reextract(library: &mut Library, args: ReextractArgs) -> Result<ExitCode> {
    let bar = super::progress_bar(false)?;
    let count = ingest::reextract(library, args.all, &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    println!("re-extracted {count} articles");
    Ok(ExitCode::SUCCESS)
}
