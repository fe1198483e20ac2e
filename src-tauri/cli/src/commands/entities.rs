//! `dossier entities`: companies, organisations, indices and people, with their names.

use std::process::ExitCode;

use clap::Subcommand;
use dossier_core::operations::review;
use dossier_core::store::entities;
use dossier_core::{EntityKind, Library, Result};

use crate::output::{self, pad};

/// An entity given by id or by any of its names.
fn entity(library: &Library, given: &str) -> Result<i64> {
    review::entity(library.conn(), given)
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
        #[arg(long, value_enum, default_value_t = EntityKind::Company)]
        kind: EntityKind,
    },
    /// Rename an entity (given by id or any name); the old name stays an alias
    Rename { entity: String, new_name: String },
    /// Give an entity another name
    Alias { entity: String, alias: String },
    /// Merge the first entity into the second: its names, mentions and facts follow
    Merge { from: String, into: String },
    /// Reject an entity as junk (a phrase, a place taken for a firm): it goes with its
    /// unreviewed facts, and no later extraction makes its names an entity again
    Rm { entity: String },
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
                        pad(e.kind.as_str(), 12),
                        e.fact_count,
                        output::fit(&e.aliases.join(", "), 40)
                    );
                }
                println!("{} entities", all.len());
            }
        }
        EntitiesCommand::Add { name, kind } => {
            let id = entities::add(conn, &name, kind)?;
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
        EntitiesCommand::Rm { entity: given } => {
            entities::reject(conn, entity(library, &given)?)?;
            println!("rejected \"{given}\": `dossier reextract` reads the articles again without it");
        }
        EntitiesCommand::Facts { entity: given, json } => {
            let rows = entities::facts(conn, entity(library, &given)?)?;
            if json {
                output::json(&rows)?;
            } else {
                super::facts::print_facts(&rows);
            }
        }
    }
    Ok(ExitCode::SUCCESS)
}
