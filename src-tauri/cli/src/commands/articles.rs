//! `dossier list`, `show` and `search`: the articles of the library.

use std::io::IsTerminal;
use std::process::ExitCode;

use clap::Args;
use dossier_core::operations::{self, dates};
use dossier_core::search::{self, SearchQuery};
use dossier_core::store::articles::{self, ArticleFilter, SortOrder};
use dossier_core::{Library, Result};

use crate::output::{self, pad};

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
        let collection =
            self.collection.as_deref().map(|name| operations::collections::named(library.conn(), name));
        Ok(ArticleFilter {
            outlet: self.outlet.clone(),
            published_from: self.from.as_deref().map(dates::partial_date).transpose()?,
            published_to: self.to.as_deref().map(dates::partial_date).transpose()?,
            collection: collection.transpose()?,
            tag: self.tag.as_deref().map(|name| super::tag(library, name)).transpose()?,
        })
    }
}

#[derive(Args)]
pub struct ListArgs {
    #[command(flatten)]
    filter: FilterArgs,
    /// Order of the list
    #[arg(long, value_enum, default_value_t = SortOrder::Published)]
    sort: SortOrder,
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

pub fn list(library: &Library, args: ListArgs) -> Result<ExitCode> {
    let filter = args.filter.resolve(library)?;
    let rows = articles::list(library.conn(), &filter, args.sort, args.limit, args.offset)?;
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
