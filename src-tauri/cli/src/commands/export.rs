//! `dossier export`: a report of a scope's facts as a file.

use std::path::PathBuf;
use std::process::ExitCode;

use clap::Args;
use dossier_core::operations::dates;
use dossier_core::report::{self, Format, Language, Scope, ScopeRequest, Sections, Statuses};
use dossier_core::{Error, Library, Result};

#[derive(Args)]
pub struct ExportArgs {
    #[arg(long, value_enum)]
    format: Format,
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
    /// Language of headings and labels (default: that of most sources)
    #[arg(long, value_enum)]
    lang: Option<Language>,
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
    let date = args.date.as_deref().map(dates::partial_date).transpose()?;
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
        date,
        language: args.lang,
    };
    let built = report::build(library.conn(), &request)?;
    let bytes = report::render(&built, args.format)?;
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
