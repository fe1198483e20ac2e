//! Versioned schema. Each entry of MIGRATIONS brings the schema from version i to
//! i + 1; the tables' SQL lives beside their query code. The version is SQLite's
//! `user_version`, so a library from a newer Dossier is recognised and refused.

use rusqlite::Connection;

use super::{
    annotation_history, annotations, articles, collections, dates, entities, extractions, facts, mentions,
    originals, quantities, search_index, tags,
};
use crate::{Reason, Result};

const MIGRATIONS: &[&[&str]] = &[
    &[articles::SCHEMA_V1, originals::SCHEMA_V1, collections::SCHEMA_V1, search_index::SCHEMA_V1],
    &[extractions::SCHEMA_V2, quantities::SCHEMA_V2, dates::SCHEMA_V2, mentions::SCHEMA_V2, facts::SCHEMA_V2],
    &[annotations::SCHEMA_V3, tags::SCHEMA_V3, annotation_history::SCHEMA_V3, entities::SCHEMA_V3],
    &[facts::SCHEMA_V4],
    &[extractions::SCHEMA_V5, entities::SCHEMA_V5],
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = MIGRATIONS.len() as i64;

pub fn user_version(conn: &Connection) -> Result<i64> {
    Ok(conn.pragma_query_value(None, "user_version", |r| r.get(0))?)
}

/// Refuses a library whose schema is newer than this build knows.
pub fn refuse_newer(conn: &Connection) -> Result<()> {
    let found = user_version(conn)?;
    if found > SCHEMA_VERSION {
        return Err(Reason::NewerLibrary { found, known: SCHEMA_VERSION }.into());
    }
    Ok(())
}

pub fn migrate(conn: &mut Connection) -> Result<()> {
    refuse_newer(conn)?;
    let found = user_version(conn)?;
    for (index, steps) in MIGRATIONS.iter().enumerate().skip(found as usize) {
        let tx = conn.transaction()?;
        for sql in *steps {
            tx.execute_batch(sql)?;
        }
        tx.pragma_update(None, "user_version", index as i64 + 1)?;
        tx.commit()?;
    }
    Ok(())
}
