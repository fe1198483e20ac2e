//! `dossier collection`: named groups of articles.

use std::process::ExitCode;

use clap::Subcommand;
use dossier_core::operations;
use dossier_core::store::collections;
use dossier_core::{Library, Result};

use crate::output;

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

pub fn collection(library: &Library, command: CollectionCommand) -> Result<ExitCode> {
    let conn = library.conn();
    let find = |name: &str| operations::collections::named(conn, name);
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
            operations::collections::add(conn, find(&name)?, ids.iter().copied())?;
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
