//! One function per subcommand; each calls the core and prints.

use std::io::IsTerminal;
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Args, Subcommand};
use dossier_core::import::{self, Limits, OutcomeStatus};
use dossier_core::report::{self, Format, Language, Scope, ScopeRequest, Sections, Statuses};
use dossier_core::search::{self, SearchQuery};
use dossier_core::store::articles::{self, ArticleFilter, SortOrder};
use dossier_core::store::{annotation_history, annotations, collections, entities, extraction, facts, tags};
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
    /// Only articles with an annotation carrying this tag
    #[arg(long)]
    tag: Option<String>,
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
            tag: self.tag.as_deref().map(|name| tag(library, name)).transpose()?,
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
#[command(args_conflicts_with_subcommands = true)]
pub struct FactsArgs {
    #[command(subcommand)]
    command: Option<FactsCommand>,
    /// Without a subcommand, `facts` lists
    #[command(flatten)]
    list: FactsListArgs,
}

#[derive(Args)]
pub struct FactsListArgs {
    /// Only facts about this entity (any of its names)
    #[arg(long)]
    entity: Option<String>,
    /// Only this metric (valuation, funding, users, market_size, ...)
    #[arg(long)]
    metric: Option<String>,
    /// Only facts from this article
    #[arg(long)]
    article: Option<i64>,
    /// Also list rejected facts
    #[arg(long)]
    rejected: bool,
    /// table, csv or json
    #[arg(long, default_value = "table")]
    format: String,
}

#[derive(Subcommand)]
pub enum FactsCommand {
    /// List the market facts found in the library (the default)
    List(FactsListArgs),
    /// Mark facts as checked and right
    Confirm {
        #[arg(required = true)]
        ids: Vec<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Mark facts as wrong (hidden, and never brought back by re-extraction)
    Reject {
        #[arg(required = true)]
        ids: Vec<i64>,
        #[arg(long)]
        json: bool,
    },
    /// Correct a fact's fields; it is then kept as edited
    Edit(FactEditArgs),
    /// Make a fact from a span of an article, filled in by the extractor
    Add {
        #[arg(long)]
        article: i64,
        #[arg(long)]
        start: usize,
        #[arg(long)]
        end: usize,
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct FactEditArgs {
    id: i64,
    #[arg(long)]
    subject: Option<String>,
    #[arg(long)]
    metric: Option<String>,
    /// money, percent, count or multiple
    #[arg(long)]
    kind: Option<String>,
    /// Sets low and high to one number (base units: 3e9 for 30亿)
    #[arg(long, conflicts_with_all = ["low", "high"], allow_hyphen_values = true)]
    value: Option<f64>,
    #[arg(long, allow_hyphen_values = true)]
    low: Option<f64>,
    #[arg(long, allow_hyphen_values = true)]
    high: Option<f64>,
    #[arg(long)]
    unit: Option<String>,
    /// exact, approx, gt, gte, lt, lte, range or vague
    #[arg(long)]
    qualifier: Option<String>,
    /// 2024, 2024-12 or 2024-12-05; an empty value clears it
    #[arg(long)]
    date: Option<String>,
    /// An empty value clears it
    #[arg(long)]
    round: Option<String>,
    /// Replaces the investors (repeat for several)
    #[arg(long = "investor")]
    investors: Vec<String>,
    /// Removes every investor
    #[arg(long, conflicts_with = "investors")]
    no_investors: bool,
    #[arg(long)]
    json: bool,
}

pub fn facts(library: &Library, args: FactsArgs) -> Result<ExitCode> {
    let conn = library.conn();
    match args.command {
        None => list_facts(library, args.list)?,
        Some(FactsCommand::List(list)) => list_facts(library, list)?,
        Some(FactsCommand::Confirm { ids, json }) => {
            let rows = ids.iter().map(|id| facts::confirm(conn, *id)).collect::<Result<Vec<_>>>()?;
            print_rows(&rows, json)?;
        }
        Some(FactsCommand::Reject { ids, json }) => {
            let rows = ids.iter().map(|id| facts::reject(conn, *id)).collect::<Result<Vec<_>>>()?;
            print_rows(&rows, json)?;
        }
        Some(FactsCommand::Edit(e)) => {
            let edit = facts::FactEdit {
                subject: e.subject,
                metric: e.metric,
                kind: e.kind,
                low: e.value.or(e.low),
                high: e.value.or(e.high),
                unit: e.unit,
                qualifier: e.qualifier,
                date: e.date,
                round: e.round,
                investors: (e.no_investors || !e.investors.is_empty()).then_some(e.investors),
            };
            print_rows(&[facts::edit(conn, e.id, &edit)?], e.json)?;
        }
        Some(FactsCommand::Add { article, start, end, json }) => {
            print_rows(&[facts::create_from_selection(conn, article, start, end)?], json)?;
        }
    }
    Ok(ExitCode::SUCCESS)
}

fn list_facts(library: &Library, args: FactsListArgs) -> Result<()> {
    let filter = facts::FactFilter {
        subject: args.entity,
        metric: args.metric,
        article_id: args.article,
        include_rejected: args.rejected,
    };
    let rows = facts::list(library.conn(), &filter)?;
    match args.format.as_str() {
        "json" => output::json(&rows)?,
        // The same CSV as a report's: one table of facts wherever they are written.
        "csv" => {
            let ids = rows.iter().map(|f| f.id).collect();
            let built = report::build(library.conn(), &ScopeRequest::new(Scope::Facts(ids)))?;
            print!("{}", String::from_utf8_lossy(&report::render(&built, Format::Csv)?));
        }
        "table" => print_facts(&rows),
        other => return Err(Error::invalid(format!("unknown format \"{other}\"; use table, csv or json"))),
    }
    Ok(())
}

fn print_rows(rows: &[facts::FactRow], json: bool) -> Result<()> {
    if json {
        return output::json(&rows);
    }
    print_facts(rows);
    Ok(())
}

fn print_facts(rows: &[facts::FactRow]) {
    for f in rows {
        println!(
            "{:>6}  {}  {}  {}  {}  {}  #{} {}",
            f.id,
            pad(&f.subject, 16),
            pad(&f.metric, 12),
            pad(&f.value_text, 20),
            pad(f.date.as_deref().unwrap_or("-"), 10),
            pad(&f.status, 9),
            f.article_id,
            output::fit(&f.article_title, 40)
        );
    }
    println!("{} facts", rows.len());
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

/// An entity given by id or by any of its names.
fn entity(library: &Library, given: &str) -> Result<i64> {
    if let Ok(id) = given.parse::<i64>() {
        return Ok(entities::get(library.conn(), id)?.id);
    }
    entities::resolve(library.conn(), given)?
        .ok_or_else(|| Error::not_found(format!("no entity named \"{given}\"")))
}

fn tag(library: &Library, name: &str) -> Result<i64> {
    tags::find(library.conn(), name)?.ok_or_else(|| Error::not_found(format!("no tag named \"{name}\"")))
}

#[derive(Subcommand)]
pub enum AnnotateCommand {
    /// Highlight a span of an article: --start/--end (code points) or --quote
    Add(AnnotateAddArgs),
    /// List annotations (all, one article's, or those with a tag)
    List {
        #[arg(long)]
        article: Option<i64>,
        #[arg(long)]
        tag: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Change an annotation's colour, comment or tags
    Edit(AnnotateEditArgs),
    /// Delete annotations (undo brings them back)
    Rm {
        #[arg(required = true)]
        ids: Vec<i64>,
    },
    /// Undo the latest annotation edit
    Undo {
        #[arg(long)]
        json: bool,
    },
    /// Redo the latest undone annotation edit
    Redo {
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
pub struct AnnotateAddArgs {
    /// Article id (see `dossier list`)
    #[arg(long)]
    article: i64,
    /// First code point of the span
    #[arg(long, requires = "end", conflicts_with = "quote")]
    start: Option<usize>,
    /// Code point after the span
    #[arg(long, requires = "start")]
    end: Option<usize>,
    /// The text to highlight; it must occur exactly once in the article
    #[arg(long, required_unless_present = "start")]
    quote: Option<String>,
    /// A colour name or #rgb value
    #[arg(long)]
    colour: Option<String>,
    /// A tag (repeat for several; missing tags are created)
    #[arg(long = "tag")]
    tags: Vec<String>,
    /// A comment (Markdown)
    #[arg(long, default_value = "")]
    comment: String,
    #[arg(long)]
    json: bool,
}

#[derive(Args)]
pub struct AnnotateEditArgs {
    id: i64,
    #[arg(long)]
    colour: Option<String>,
    #[arg(long)]
    comment: Option<String>,
    /// Replaces the annotation's tags (repeat for several)
    #[arg(long = "tag")]
    tags: Vec<String>,
    /// Removes every tag
    #[arg(long, conflicts_with = "tags")]
    no_tags: bool,
    #[arg(long)]
    json: bool,
}

/// The code points of the one place `quote` occurs in the article.
fn find_quote(library: &Library, article: i64, quote: &str) -> Result<(usize, usize)> {
    let text = articles::get(library.conn(), article)?.text;
    let mut places = text.match_indices(quote).map(|(byte, _)| text[..byte].chars().count());
    match (places.next(), places.next()) {
        (Some(start), None) if !quote.is_empty() => Ok((start, start + quote.chars().count())),
        (Some(_), Some(_)) => Err(Error::invalid(format!(
            "\"{quote}\" occurs more than once in article #{article}; give --start and --end instead"
        ))),
        _ => Err(Error::not_found(format!("\"{quote}\" is not in article #{article}"))),
    }
}

fn print_annotation(a: &annotations::Annotation) {
    let p = a.selector.position;
    let state = if a.state == annotations::AnchorState::Orphaned { " (orphaned)" } else { "" };
    let tags = if a.tags.is_empty() { String::new() } else { format!("  [{}]", a.tags.join(", ")) };
    println!(
        "{:>6}  #{} {}..{}  {}  {}{state}{tags}",
        a.id,
        a.article_id,
        p.start,
        p.end,
        pad(&a.colour, 8),
        output::fit(&a.selector.quote.exact.replace('\n', " "), 40)
    );
    if !a.comment.is_empty() {
        println!("        {}", output::fit(&a.comment.replace('\n', " "), 72));
    }
}

pub fn annotate(library: &Library, command: AnnotateCommand) -> Result<ExitCode> {
    let conn = library.conn();
    match command {
        AnnotateCommand::Add(args) => {
            let (start, end) = match (&args.quote, args.start, args.end) {
                (Some(quote), _, _) => find_quote(library, args.article, quote)?,
                (None, Some(start), Some(end)) => (start, end),
                _ => return Err(Error::invalid("give --quote TEXT, or --start and --end")),
            };
            let new = annotations::NewAnnotation {
                article_id: args.article,
                start,
                end,
                colour: args.colour,
                comment: args.comment,
                tags: args.tags,
            };
            let created = annotations::create(conn, &new)?;
            if args.json {
                output::json(&created)?;
            } else {
                println!(
                    "created annotation #{} on article #{} at {start}..{end}",
                    created.id, created.article_id
                );
            }
        }
        AnnotateCommand::List { article, tag: name, json } => {
            let tag = name.as_deref().map(|n| tag(library, n)).transpose()?;
            let all = annotations::list(conn, &annotations::AnnotationFilter { article_id: article, tag })?;
            if json {
                output::json(&all)?;
            } else {
                all.iter().for_each(print_annotation);
                println!("{} annotations", all.len());
            }
        }
        AnnotateCommand::Edit(args) => {
            let tags = match (args.no_tags, args.tags.is_empty()) {
                (true, _) => Some(Vec::new()),
                (false, true) => None,
                (false, false) => Some(args.tags),
            };
            let edit = annotations::AnnotationEdit { colour: args.colour, comment: args.comment, tags };
            let edited = annotations::update(conn, args.id, &edit)?;
            if args.json {
                output::json(&edited)?;
            } else {
                print_annotation(&edited);
            }
        }
        AnnotateCommand::Rm { ids } => {
            for id in &ids {
                annotations::delete(conn, *id)?;
                println!("deleted annotation #{id}");
            }
        }
        AnnotateCommand::Undo { json } => history_step(annotation_history::undo(conn)?, "undo", json)?,
        AnnotateCommand::Redo { json } => history_step(annotation_history::redo(conn)?, "redo", json)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn history_step(change: Option<annotation_history::Change>, what: &str, json: bool) -> Result<()> {
    let change = change.ok_or_else(|| Error::invalid(format!("nothing to {what}")))?;
    if json {
        return output::json(&change);
    }
    match &change.annotation {
        Some(a) => print_annotation(a),
        None => println!("annotation #{} removed from article #{}", change.annotation_id, change.article_id),
    }
    Ok(())
}

#[derive(Subcommand)]
pub enum TagsCommand {
    /// List tags with how many annotations and articles carry them
    List {
        #[arg(long)]
        json: bool,
    },
    /// Rename a tag
    Rename { name: String, new_name: String },
    /// Delete a tag (it is taken off every annotation)
    Rm { name: String },
}

pub fn tags(library: &Library, command: TagsCommand) -> Result<ExitCode> {
    let conn = library.conn();
    match command {
        TagsCommand::List { json } => {
            let all = tags::list(conn)?;
            if json {
                output::json(&all)?;
            } else {
                for t in &all {
                    println!("{:>6} {:>6}  {}", t.annotation_count, t.article_count, t.name);
                }
            }
        }
        TagsCommand::Rename { name, new_name } => {
            tags::rename(conn, tag(library, &name)?, &new_name)?;
            println!("renamed tag \"{name}\" to \"{}\"", new_name.trim());
        }
        TagsCommand::Rm { name } => {
            tags::delete(conn, tag(library, &name)?)?;
            println!("deleted tag \"{name}\"");
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Subcommand)]
pub enum EntitiesCommand {
    /// List entities with their aliases and fact counts
    List {
        #[arg(long)]
        json: bool,
    },
    /// Add an entity the extractor does not know
    Add {
        name: String,
        /// company, organisation, index or person
        #[arg(long, default_value = "company")]
        kind: String,
    },
    /// Rename an entity (given by id or any name); the old name stays an alias
    Rename { entity: String, new_name: String },
    /// Give an entity another name
    Alias { entity: String, alias: String },
    /// Merge the first entity into the second: its names, mentions and facts follow
    Merge { from: String, into: String },
    /// An entity's facts across articles, newest first
    Facts {
        entity: String,
        #[arg(long)]
        json: bool,
    },
}

pub fn entities(library: &Library, command: EntitiesCommand) -> Result<ExitCode> {
    let conn = library.conn();
    match command {
        EntitiesCommand::List { json } => {
            let all = entities::list(conn)?;
            if json {
                output::json(&all)?;
            } else {
                for e in &all {
                    println!(
                        "{:>6}  {}  {}  {:>4} facts  {}",
                        e.id,
                        pad(&e.name, 20),
                        pad(&e.kind, 12),
                        e.fact_count,
                        output::fit(&e.aliases.join(", "), 40)
                    );
                }
                println!("{} entities", all.len());
            }
        }
        EntitiesCommand::Add { name, kind } => {
            let id = entities::add(conn, &name, &kind)?;
            println!("added entity #{id} \"{}\"", name.trim());
        }
        EntitiesCommand::Rename { entity: given, new_name } => {
            entities::rename(conn, entity(library, &given)?, &new_name)?;
            println!("renamed \"{given}\" to \"{}\"", new_name.trim());
        }
        EntitiesCommand::Alias { entity: given, alias } => {
            let id = entity(library, &given)?;
            entities::add_alias(conn, id, &alias)?;
            println!("\"{}\" is now a name of \"{}\"", alias.trim(), entities::get(conn, id)?.name);
        }
        EntitiesCommand::Merge { from, into } => {
            let (from_id, into_id) = (entity(library, &from)?, entity(library, &into)?);
            entities::merge(conn, from_id, into_id)?;
            let merged = entities::get(conn, into_id)?;
            println!("merged \"{from}\" into \"{}\": {} facts", merged.name, merged.fact_count);
        }
        EntitiesCommand::Facts { entity: given, json } => {
            let rows = entities::facts(conn, entity(library, &given)?)?;
            if json {
                output::json(&rows)?;
            } else {
                print_facts(&rows);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Args)]
pub struct ExportArgs {
    /// md, html, docx, xlsx, csv, json or pdf
    #[arg(long)]
    format: String,
    /// File to write (an existing file is kept unless --force)
    #[arg(long, value_name = "PATH")]
    out: PathBuf,
    /// The facts of one article
    #[arg(long, value_name = "ID")]
    article: Option<i64>,
    /// The facts of the articles in a collection
    #[arg(long, value_name = "NAME")]
    collection: Option<String>,
    /// The highlights with a tag, and the facts of their articles
    #[arg(long, value_name = "NAME")]
    tag: Option<String>,
    /// The facts of the articles a search finds
    #[arg(long, value_name = "QUERY")]
    search: Option<String>,
    /// These facts, whatever their review status (see `dossier facts --format json` for ids)
    #[arg(long = "fact", value_name = "ID", num_args = 1..)]
    facts: Vec<i64>,
    /// Report title (default: the article's title, the collection's name or the search)
    #[arg(long)]
    title: Option<String>,
    #[arg(long)]
    author: Option<String>,
    /// Report date (default: today)
    #[arg(long)]
    date: Option<String>,
    /// Language of headings and labels: zh or en (default: that of most sources)
    #[arg(long)]
    lang: Option<String>,
    /// Include facts nobody has reviewed yet (rejected facts stay out)
    #[arg(long)]
    all_statuses: bool,
    /// Leave a section out of md, html, docx and pdf (repeat for several)
    #[arg(long, value_name = "SECTION", value_parser = ["facts", "timeline", "charts", "quotes", "sources"])]
    omit: Vec<String>,
    /// Replace the file at --out if it exists
    #[arg(long)]
    force: bool,
}

pub fn export(library: &Library, args: ExportArgs) -> Result<ExitCode> {
    let format: Format = args.format.parse()?;
    let mut scopes = Vec::new();
    scopes.extend(args.article.map(Scope::Article));
    scopes.extend(args.collection.map(Scope::Collection));
    scopes.extend(args.tag.map(Scope::Tag));
    scopes.extend(args.search.map(Scope::Search));
    if !args.facts.is_empty() {
        scopes.push(Scope::Facts(args.facts));
    }
    if scopes.len() != 1 {
        return Err(Error::invalid(
            "choose one scope: --article ID, --collection NAME, --tag NAME, --search QUERY or --fact ID...",
        ));
    }
    if let Some(date) = &args.date {
        check_date(date)?;
    }
    let language = match args.lang.as_deref() {
        None => None,
        Some("zh") => Some(Language::Zh),
        Some("en") => Some(Language::En),
        Some(other) => return Err(Error::invalid(format!("unknown language \"{other}\"; use zh or en"))),
    };
    let request = ScopeRequest {
        scope: scopes.remove(0),
        statuses: if args.all_statuses { Statuses::NotRejected } else { Statuses::Reviewed },
        sections: Sections {
            facts: !args.omit.iter().any(|s| s == "facts"),
            timeline: !args.omit.iter().any(|s| s == "timeline"),
            charts: !args.omit.iter().any(|s| s == "charts"),
            quotes: !args.omit.iter().any(|s| s == "quotes"),
            sources: !args.omit.iter().any(|s| s == "sources"),
        },
        title: args.title,
        author: args.author,
        date: args.date,
        language,
    };
    let built = report::build(library.conn(), &request)?;
    let bytes = report::render(&built, format)?;
    report::write_file(&args.out, &bytes, args.force)?;
    println!(
        "wrote {} facts from {} sources to {} ({} bytes)",
        built.facts.len(),
        built.sources.len(),
        args.out.display(),
        bytes.len()
    );
    if built.facts.is_empty() && !args.all_statuses {
        eprintln!("note: no reviewed facts in this scope; --all-statuses includes unreviewed ones");
    }
    Ok(ExitCode::SUCCESS)
}
