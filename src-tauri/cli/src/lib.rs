//! `dossier`: the library from a terminal. Same database as the desktop app.
//! Exit codes: 0 ok, 1 user error (clear one-line message), 2 internal error.
//!
//! A library, so that the desktop app's binary can also be the command line (the Linux
//! packages ship one binary for both; see `dossier_app::main`).

mod commands;
mod output;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use dossier_core::{Error, Library};

#[derive(Parser)]
#[command(name = "dossier", version, about = "Dossier: market facts from the press, in one local library")]
struct Cli {
    /// Library file to use (default: the desktop app's library in the platform data folder).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import files and folders (recursively): .txt .md .html .htm .pdf .docx
    Import(commands::ImportArgs),
    /// List the articles in the library
    List(commands::ListArgs),
    /// Show one article with its text
    Show(commands::ShowArgs),
    /// Search titles and texts
    Search(commands::SearchArgs),
    /// Check the library's integrity and consistency
    Check,
    /// Manage collections
    #[command(subcommand)]
    Collection(commands::CollectionCommand),
    /// Extract quantities, dates, mentions and facts from a file without storing it
    Extract(commands::ExtractArgs),
    /// List the market facts found in the library; confirm, reject, edit or add them
    Facts(commands::FactsArgs),
    /// Highlight, comment and tag articles; undo and redo
    #[command(subcommand)]
    Annotate(commands::AnnotateCommand),
    /// Manage the tags of annotations
    #[command(subcommand)]
    Tags(commands::TagsCommand),
    /// Companies, organisations, indices and people, with their names and facts
    #[command(subcommand)]
    Entities(commands::EntitiesCommand),
    /// Export a report (facts, timeline, charts, quotes, sources) as a file
    Export(commands::ExportArgs),
    /// Run the current extractor again on articles it has not seen (facts you reviewed stay)
    Reextract(commands::ReextractArgs),
}

/// Runs the command line on `args` (the first being the program name).
pub fn main(args: impl IntoIterator<Item = std::ffi::OsString>) -> ExitCode {
    // `dossier list | head` should stop quietly when head closes the pipe, as other
    // command-line tools do, instead of failing on the next write.
    #[cfg(unix)]
    // SAFETY: restoring the default action of SIGPIPE before any thread starts.
    unsafe {
        libc::signal(libc::SIGPIPE, libc::SIG_DFL);
    }
    let cli = Cli::parse_from(args);
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("dossier: {}", error.message);
            ExitCode::from(if error.kind.is_user_error() { 1 } else { 2 })
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    // Extraction of a file needs no library.
    if let Command::Extract(args) = cli.command {
        return commands::extract(args);
    }
    let path = match cli.db {
        Some(path) => path,
        None => Library::default_path()?,
    };
    let mut library = Library::open(&path)?;
    match cli.command {
        Command::Import(args) => commands::import(&mut library, args),
        Command::List(args) => commands::list(&library, args),
        Command::Show(args) => commands::show(&library, args),
        Command::Search(args) => commands::search(&library, args),
        Command::Check => commands::check(&library),
        Command::Collection(command) => commands::collection(&library, command),
        Command::Facts(args) => commands::facts(&library, args),
        Command::Reextract(args) => commands::reextract(&mut library, args),
        Command::Annotate(command) => commands::annotate(&library, command),
        Command::Tags(command) => commands::tags(&library, command),
        Command::Entities(command) => commands::entities(&library, command),
        Command::Export(args) => commands::export(&library, args),
        Command::Extract(_) => unreachable!("handled before the library is opened"),
    }
}
