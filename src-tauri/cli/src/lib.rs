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
use dossier_core::{Create, Error, ErrorKind, Library, Reason};

#[derive(Parser)]
#[command(name = "dossier", version, about = "Dossier: market facts from the press, in one local library")]
struct Cli {
    /// Library file to use (default: the desktop app's library in the platform data folder).
    #[arg(long, global = true, value_name = "PATH")]
    db: Option<PathBuf>,
    /// Make a new library if there is none at the library's path (or the file is empty)
    #[arg(long, global = true)]
    create: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Import files and folders (recursively)
    #[command(about = format!("Import files and folders (recursively): {}", commands::extensions()))]
    Import(commands::import::ImportArgs),
    /// List the articles in the library
    List(commands::articles::ListArgs),
    /// Show one article with its text
    Show(commands::articles::ShowArgs),
    /// Search titles and texts
    Search(commands::articles::SearchArgs),
    /// Check the library's integrity and consistency
    Check,
    /// Manage collections
    #[command(subcommand)]
    Collection(commands::collections::CollectionCommand),
    /// Extract quantities, dates, mentions and facts from a file without storing it
    Extract(commands::extract::ExtractArgs),
    /// List the market facts found in the library; confirm, reject, edit or add them
    Facts(commands::facts::FactsArgs),
    /// Highlight, comment and tag articles; undo and redo
    #[command(subcommand)]
    Annotate(commands::annotate::AnnotateCommand),
    /// Manage the tags of annotations
    #[command(subcommand)]
    Tags(commands::tags::TagsCommand),
    /// Companies, organisations, indices and people, with their names and facts
    #[command(subcommand)]
    Entities(commands::entities::EntitiesCommand),
    /// Export a report (facts, timeline, charts, quotes, sources) as a file
    Export(commands::export::ExportArgs),
    /// Read articles again where the extractor or your entities changed since (facts you reviewed stay)
    Reextract(commands::library::ReextractArgs),
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
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => return usage(&error),
    };
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            eprintln!("dossier: {}", error.message);
            ExitCode::from(if error.kind.is_user_error() { 1 } else { 2 })
        }
    }
}

/// Help and the version print and succeed; a command line that does not parse is the
/// user's to fix (exit code 1), and a value outside an option's list is said in one line.
fn usage(error: &clap::Error) -> ExitCode {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    if !error.use_stderr() {
        let _ = error.print();
        return ExitCode::SUCCESS;
    }
    let context = |kind| error.get(kind);
    match (error.kind(), context(ContextKind::InvalidArg), context(ContextKind::InvalidValue)) {
        (ErrorKind::InvalidValue, Some(ContextValue::String(arg)), Some(ContextValue::String(value))) => {
            let option = arg.split_whitespace().next().unwrap_or(arg);
            let valid = match context(ContextKind::ValidValue) {
                Some(ContextValue::Strings(valid)) => format!("; use one of {}", valid.join(", ")),
                _ => String::new(),
            };
            eprintln!("dossier: unknown {option} \"{value}\"{valid}");
        }
        _ => {
            let _ = error.print();
        }
    }
    ExitCode::from(1)
}

fn run(cli: Cli) -> Result<ExitCode, Error> {
    use commands::{annotate, articles, collections, entities, export, extract, facts, import, tags};
    // Extraction of a file needs no library.
    if let Command::Extract(args) = cli.command {
        return extract::extract(args);
    }
    let path = match cli.db {
        Some(path) => path,
        None => Library::default_path()?,
    };
    let create = if cli.create { Create::IfMissing } else { Create::No };
    let mut library = Library::open(&path, create).map_err(|e| match e.reason {
        Some(Reason::NoLibrary { .. }) => {
            Error { message: format!("{} (use --create to make a new one)", e.message), ..e }
        }
        _ => e,
    })?;
    if let Some(damaged) = library.read_only().filter(|e| e.kind == ErrorKind::Damaged) {
        eprintln!("dossier: {}", damaged.message);
    }
    let done = match cli.command {
        Command::Import(args) => import::import(&mut library, args),
        Command::List(args) => articles::list(&library, args),
        Command::Show(args) => articles::show(&library, args),
        Command::Search(args) => articles::search(&library, args),
        Command::Check => commands::library::check(&library),
        Command::Collection(command) => collections::collection(&library, command),
        Command::Facts(args) => facts::facts(&mut library, args),
        Command::Reextract(args) => commands::library::reextract(&mut library, args),
        Command::Annotate(command) => annotate::annotate(&library, command),
        Command::Tags(command) => tags::tags(&library, command),
        Command::Entities(command) => entities::entities(&library, command),
        Command::Export(args) => export::export(&library, args),
        Command::Extract(_) => unreachable!("handled before the library is opened"),
    };
    done.map_err(|e| library.explain(e))
}
