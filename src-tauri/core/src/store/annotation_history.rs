//! The `annotation_history` table: every annotation edit as a before and after
//! snapshot, so undo and redo survive a restart and a deleted annotation comes back
//! whole (same id, comment and tags). Undone steps stay until a new edit is made,
//! which drops them, as undo does in an editor.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use super::annotations::{self, Annotation};
use crate::{Error, Result};

pub const SCHEMA_V3: &str = "
CREATE TABLE annotation_history (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    annotation_id INTEGER NOT NULL,   -- no foreign key: it outlives a deleted annotation
    before        TEXT,               -- JSON snapshot; NULL when the edit created it
    after         TEXT,               -- NULL when the edit deleted it
    undone        INTEGER NOT NULL DEFAULT 0,
    at            TEXT NOT NULL
);
";

/// What an undo or redo did: the annotation as it now is, or `None` if it is now gone.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Change {
    #[ts(type = "number")]
    pub article_id: i64,
    #[ts(type = "number")]
    pub annotation_id: i64,
    pub annotation: Option<Annotation>,
}

fn to_json(annotation: Option<&Annotation>) -> Result<Option<String>> {
    annotation.map(|a| serde_json::to_string(a).map_err(|e| Error::internal(e.to_string()))).transpose()
}

/// Records one edit, in the caller's transaction, and forgets the steps undone before it.
pub(crate) fn record(
    conn: &Connection,
    article_id: i64,
    annotation_id: i64,
    before: Option<&Annotation>,
    after: Option<&Annotation>,
) -> Result<()> {
    conn.execute("DELETE FROM annotation_history WHERE undone = 1", [])?;
    conn.execute(
        "INSERT INTO annotation_history (article_id, annotation_id, before, after, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![article_id, annotation_id, to_json(before)?, to_json(after)?, super::timestamp()],
    )?;
    Ok(())
}

/// Undoes the latest edit not yet undone, in one transaction; `None` if there is none.
pub fn undo(conn: &Connection) -> Result<Option<Change>> {
    step(conn, "undone = 0 ORDER BY id DESC", true)
}

/// Redoes the earliest undone edit, in one transaction; `None` if there is none.
pub fn redo(conn: &Connection) -> Result<Option<Change>> {
    step(conn, "undone = 1 ORDER BY id", false)
}

fn step(conn: &Connection, which: &str, undo: bool) -> Result<Option<Change>> {
    let tx = conn.unchecked_transaction()?;
    let sql = format!(
        "SELECT id, article_id, annotation_id, {} FROM annotation_history WHERE {which} LIMIT 1",
        if undo { "before" } else { "after" }
    );
    let found = tx
        .query_row(&sql, [], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, i64>(1)?,
                r.get::<_, i64>(2)?,
                r.get::<_, Option<String>>(3)?,
            ))
        })
        .optional()?;
    let Some((id, article_id, annotation_id, snapshot)) = found else { return Ok(None) };
    let annotation = match snapshot {
        Some(json) => {
            let snapshot: Annotation = serde_json::from_str(&json)
                .map_err(|e| Error::internal(format!("history entry {id} is unreadable: {e}")))?;
            Some(annotations::restore(&tx, &snapshot)?)
        }
        None => {
            annotations::remove(&tx, annotation_id)?;
            None
        }
    };
    tx.execute("UPDATE annotation_history SET undone = ?2 WHERE id = ?1", params![id, undo])?;
    tx.commit()?;
    Ok(Some(Change { article_id, annotation_id, annotation }))
}
