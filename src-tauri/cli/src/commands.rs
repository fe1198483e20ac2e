//! One function per subcommand; each calls the core and prints.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use dossier_core::import::{self, Limits, OutcomeStatus};
use dossier_core::search::{self, SearchQuery};
use dossier_core::store::articles::{self, ArticleFilter, SortOrder};
use dossier_core::store::{collections, extraction, facts};
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
    /// Skip this many results (for paging)
    #[arg(long, default_value_t = 0)]
    offset: usize,
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
    let hits = search::search(
        library.conn(),
        &SearchQuery { text: args.query.clone(), filter, limit: args.limit, offset: args.offset },
    )?;
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

#[derive(Args)]
pub struct ExtractArgs {
    /// An article file (.txt .md .html .pdf .docx)
    file: PathBuf,
    /// Publication date (2025-02-14): dates without a year and relative dates use it
    #[arg(long)]
    published: Option<String>,
    /// Print the extraction as JSON
    #[arg(long)]
    json: bool,
}

pub fn extract(args: ExtractArgs) -> Result<ExitCode> {
    if let Some(date) = &args.published {
        if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() {
            return Err(Error::invalid(format!("\"{date}\" is not a date; use the form 2025-02-14")));
        }
    }
    let article = import::parse_file(&args.file, &Limits::default())?;
    let published = args.published.as_deref().or(article.published.as_deref().filter(|p| p.len() == 10));
    let mut extraction = dossier_core::extract::extract(&article.text, published);
    extraction.title = article.title.clone();
    if args.json {
        output::json(&extraction)?;
        return Ok(ExitCode::SUCCESS);
    }
    println!("{}", article.title);
    for fact in &extraction.facts {
        let q = &extraction.quantities[fact.quantity];
        println!(
            "{}  {}  {}  {}{}",
            pad(&fact.subject, 16),
            pad(fact.metric, 12),
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

#[derive(Args)]
pub struct FactsArgs {
    /// Only facts about this entity (its canonical name)
    #[arg(long)]
    entity: Option<String>,
    /// Only this metric (valuation, funding, users, market_size, ...)
    #[arg(long)]
    metric: Option<String>,
    /// Only facts from this article
    #[arg(long)]
    article: Option<i64>,
    /// table, csv or json
    #[arg(long, default_value = "table")]
    format: String,
}

pub fn facts(library: &Library, args: FactsArgs) -> Result<ExitCode> {
    let filter = facts::FactFilter {
        subject: args.entity,
        metric: args.metric,
        article_id: args.article,
        include_rejected: false,
    };
    let rows = facts::list(library.conn(), &filter)?;
    match args.format.as_str() {
        "json" => output::json(&rows)?,
        "csv" => {
            println!("subject,metric,value,low,high,unit,qualifier,date,round,investors,quote,article,outlet,published,status");
            for f in &rows {
                let cells = [
                    f.subject.clone(),
                    f.metric.clone(),
                    f.value_text.clone(),
                    f.low.to_string(),
                    f.high.to_string(),
                    f.unit.clone(),
                    f.qualifier.clone(),
                    f.date.clone().unwrap_or_default(),
                    f.round.clone().unwrap_or_default(),
                    f.investors.join("; "),
                    f.quote.clone(),
                    f.article_title.clone(),
                    f.outlet.clone().unwrap_or_default(),
                    f.published.clone().unwrap_or_default(),
                    f.status.clone(),
                ];
                println!("{}", cells.iter().map(|c| output::csv_cell(c)).collect::<Vec<_>>().join(","));
            }
        }
        "table" => {
            for f in &rows {
                println!(
                    "{}  {}  {}  {}  #{} {}",
                    pad(&f.subject, 16),
                    pad(&f.metric, 12),
                    pad(&f.value_text, 20),
                    pad(f.date.as_deref().unwrap_or("-"), 10),
                    f.article_id,
                    output::fit(&f.article_title, 40)
                );
            }
            println!("{} facts", rows.len());
        }
        other => return Err(Error::invalid(format!("unknown format \"{other}\"; use table, csv or json"))),
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
pub struct ReextractArgs {
    /// Re-extract every article, not only those the current extractor has not seen
    #[arg(long)]
    all: bool,
}

pub fn reextract(library: &mut Library, args: ReextractArgs) -> Result<ExitCode> {
    let bar = if std::io::stderr().is_terminal() { ProgressBar::new(0) } else { ProgressBar::hidden() };
    let count = extraction::reextract(library, args.all, &mut |done, total| {
        bar.set_length(total as u64);
        bar.set_position(done as u64);
    })?;
    bar.finish_and_clear();
    println!("re-extracted {count} articles");
    Ok(ExitCode::SUCCESS)
}
