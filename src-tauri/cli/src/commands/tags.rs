//! `dossier tags`: the tags on annotations.

use std::process::ExitCode;

use clap::Subcommand;
use dossier_core::store::tags;
use dossier_core::{Library, Result};

use crate::output;

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
            tags::rename(conn, super::tag(library, &name)?, &new_name)?;
            println!("renamed tag \"{name}\" to \"{}\"", new_name.trim());
        }
        TagsCommand::Rm { name } => {
            tags::delete(conn, super::tag(library, &name)?)?;
            println!("deleted tag \"{name}\"");
        }
    }
    Ok(ExitCode::SUCCESS)
}
