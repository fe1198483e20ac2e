//! `dossier annotate`: highlights with comments and tags, undo and redo.

use std::process::ExitCode;

use clap::{Args, Subcommand};
use dossier_core::store::{annotations, articles};
use dossier_core::{Error, Library, Result};

use crate::output::{self, pad};

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
            let tag = name.as_deref().map(|n| super::tag(library, n)).transpose()?;
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
        AnnotateCommand::Undo { json } => history_step(annotations::undo(conn)?, "undo", json)?,
        AnnotateCommand::Redo { json } => history_step(annotations::redo(conn)?, "redo", json)?,
    }
    Ok(ExitCode::SUCCESS)
}

fn history_step(change: Option<annotations::Change>, what: &str, json: bool) -> Result<()> {
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
