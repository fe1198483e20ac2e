//! One function per subcommand; each calls the core and prints.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use dossier_core::import::{self, Limits, OutcomeStatus};
use dossier_core::search::{self, SearchQuery};
use dossier_core::store::articles::{self, ArticleFilter, SortOrder};
use dossier_core::store::collections;
use dossier_core::{Error, Library, Result};
use indicatif::{ProgressBar, ProgressStyle};

use crate::output::{self, pad};

#[derive(Args)]
pub struct ImportArgs {
    /// Files or folders to import
    #[arg(required = true)]
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

#[derive(Args)]
pub struct FilterArgs {
    /// Only articles from this outlet
    #[arg(long)]
    outlet: Option<String>,
    /// Published on or after this date (2025, 2025-02, 2025-02-14)
    #[arg(long)]
    from: Option<String>,
    /// Published on or before this date
    #[arg(long)]
    to: Option<String>,
    /// Only articles in this collection
    #[arg(long)]
    collection: Option<String>,
}

impl FilterArgs {
    fn resolve(&self, library: &Library) -> Result<ArticleFilter> {
        let collection = match &self.collection {
            Some(name) => Some(
                collections::find(library.conn(), name)?
                    .ok_or_else(|| Error::not_found(format!("no collection named \"{name}\"")))?,
            ),
            None => None,
        };
        for date in [&self.from, &self.to].into_iter().flatten() {
            check_date(date)?;
        }
        Ok(ArticleFilter {
            outlet: self.outlet.clone(),
            published_from: self.from.clone(),
            published_to: self.to.clone(),
            collection,
        })
    }
}

/// Accepts 2025, 2025-02 or 2025-02-14.
fn check_date(date: &str) -> Result<()> {
    let ok = match date.len() {
        4 => date.parse::<u16>().is_ok(),
        7 => chrono::NaiveDate::parse_from_str(&format!("{date}-01"), "%Y-%m-%d").is_ok(),
        10 => chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_ok(),
        _ => false,
    };
    if ok {
        Ok(())
    } else {
        Err(Error::invalid(format!("\"{date}\" is not a date; use 2025, 2025-02 or 2025-02-14")))
    }
}

#[derive(Args)]
pub struct ListArgs {
    #[command(flatten)]
    filter: FilterArgs,
    /// Order: published, imported, title or outlet
    #[arg(long, default_value = "published")]
    sort: String,
    #[arg(long, default_value_t = 50)]
    limit: usize,
    #[arg(long, default_value_t = 0)]
    offset: usize,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct ShowArgs {
    /// Article id (see `dossier list`)
    id: i64,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct SearchArgs {
    /// Words or Chinese characters to look for
    query: String,
    #[command(flatten)]
    filter: FilterArgs,
    #[arg(long, default_value_t = 20)]
    limit: usize,
    #[arg(long)]
    json: bool,
}

#[derive(Subcommand)]
pub enum CollectionCommand {
    /// List collections with their article counts
    List {
        #[arg(long)]
        json: bool,
    },
    /// Create a collection
    Create { name: String },
    /// Add articles to a collection
    Add { name: String, ids: Vec<i64> },
    /// Remove articles from a collection
    Remove { name: String, ids: Vec<i64> },
}

pub fn import(library: &mut Library, args: ImportArgs) -> Result<ExitCode> {
    let limits = Limits { max_file_bytes: args.max_size.saturating_mul(1024 * 1024), ..Limits::default() };
    let collection = match &args.collection {
        Some(name) => Some(match collections::find(library.conn(), name)? {
            Some(id) => id,
            None => collections::create(library.conn(), name)?,
        }),
        None => None,
    };
    let bar = if std::io::stderr().is_terminal() && !args.json {
        ProgressBar::new(0).with_style(
            ProgressStyle::with_template("{bar:30} {pos}/{len} {wide_msg}")
                .map_err(|e| Error::internal(e.to_string()))?,
        )
    } else {
        ProgressBar::hidden()
    };
    let report = import::import_paths(library, &args.paths, &limits, &mut |p| {
        bar.set_length(p.total as u64);
        bar.set_position(p.done as u64);
        bar.set_message(p.path.clone());
    });
    bar.finish_and_clear();
    if let Some(collection) = collection {
        for id in report.outcomes.iter().filter_map(|o| o.article_id) {
            collections::add_article(library.conn(), collection, id)?;
        }
    }
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
                (OutcomeStatus::Failed, error) => println!(
                    "failed     {}: {}",
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

pub fn list(library: &Library, args: ListArgs) -> Result<ExitCode> {
    let sort: SortOrder =
        serde_json::from_value(serde_json::Value::String(args.sort.clone())).map_err(|_| {
            Error::invalid(format!(
                "unknown sort order \"{}\"; use published, imported, title or outlet",
                args.sort
            ))
        })?;
    let filter = args.filter.resolve(library)?;
    let rows = articles::list(library.conn(), &filter, sort, args.limit, args.offset)?;
    if args.json {
        output::json(&rows)?;
        return Ok(ExitCode::SUCCESS);
    }
    let total = articles::count(library.conn(), &filter)?;
    for a in &rows {
        println!(
            "{:>6}  {}  {}  {}  {}",
            a.id,
            pad(a.published.as_deref().unwrap_or("-"), 10),
            pad(a.outlet.as_deref().unwrap_or("-"), 16),
            pad(&a.language, 3),
            output::fit(&a.title, 60)
        );
    }
    println!("{} of {total} articles", rows.len());
    Ok(ExitCode::SUCCESS)
}

pub fn show(library: &Library, args: ShowArgs) -> Result<ExitCode> {
    let article = articles::get(library.conn(), args.id)?;
    if args.json {
        output::json(&article)?;
        return Ok(ExitCode::SUCCESS);
    }
    let s = &article.summary;
    println!("{}", s.title);
    let mut meta = Vec::new();
    if let Some(outlet) = &s.outlet {
        meta.push(outlet.clone());
    }
    if !s.authors.is_empty() {
        meta.push(s.authors.join(", "));
    }
    if let Some(published) = &s.published {
        meta.push(published.clone());
    }
    meta.push(format!("{} · {}", s.language, s.format));
    if let Some(file) = &s.file_name {
        meta.push(file.clone());
    }
    println!("{}\n", meta.join(" | "));
    println!("{}", article.text);
    Ok(ExitCode::SUCCESS)
}

pub fn search(library: &Library, args: SearchArgs) -> Result<ExitCode> {
    let filter = args.filter.resolve(library)?;
    let hits =
        search::search(library.conn(), &SearchQuery { text: args.query.clone(), filter, limit: args.limit })?;
    if args.json {
        output::json(&hits)?;
        return Ok(ExitCode::SUCCESS);
    }
    let (on, off) = if std::io::stdout().is_terminal() { ("\x1b[1;33m", "\x1b[0m") } else { ("[", "]") };
    for hit in &hits {
        let a = &hit.article;
        println!(
            "#{} {} ({}, {})",
            a.id,
            a.title,
            a.outlet.as_deref().unwrap_or("-"),
            a.published.as_deref().unwrap_or("-")
        );
        let snippet: String = hit
            .snippet
            .iter()
            .map(
                |part| {
                    if part.hit {
                        format!("{on}{}{off}", part.text)
                    } else {
                        part.text.replace('\n', " ")
                    }
                },
            )
            .collect();
        println!("    {snippet}");
    }
    println!("{} results", hits.len());
    Ok(ExitCode::SUCCESS)
}

pub fn check(library: &Library) -> Result<ExitCode> {
    let problems = library.check()?;
    let count = articles::count(library.conn(), &ArticleFilter::default())?;
    if problems.is_empty() {
        println!("ok: {count} articles, schema version {}, no problems found", library.schema_version()?);
        return Ok(ExitCode::SUCCESS);
    }
    for problem in &problems {
        println!("{problem}");
    }
    println!("{} problems found", problems.len());
    Ok(ExitCode::from(1))
}

pub fn collection(library: &Library, command: CollectionCommand) -> Result<ExitCode> {
    let conn = library.conn();
    let find = |name: &str| {
        collections::find(conn, name)?
            .ok_or_else(|| Error::not_found(format!("no collection named \"{name}\"")))
    };
    match command {
        CollectionCommand::List { json } => {
            let all = collections::list(conn)?;
            if json {
                output::json(&all)?;
            } else {
                for c in &all {
                    println!("{:>6}  {}", c.article_count, c.name);
                }
            }
        }
        CollectionCommand::Create { name } => {
            let id = collections::create(conn, &name)?;
            println!("created collection #{id} \"{}\"", name.trim());
        }
        CollectionCommand::Add { name, ids } => {
            let collection = find(&name)?;
            for id in &ids {
                articles::get(conn, *id)?;
                collections::add_article(conn, collection, *id)?;
            }
            println!("added {} articles to \"{name}\"", ids.len());
        }
        CollectionCommand::Remove { name, ids } => {
            let collection = find(&name)?;
            for id in &ids {
                collections::remove_article(conn, collection, *id)?;
            }
            println!("removed {} articles from \"{name}\"", ids.len());
        }
    }
    Ok(ExitCode::SUCCESS)
}
