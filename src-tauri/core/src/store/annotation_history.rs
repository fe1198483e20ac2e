//! The `annotation_history` table: every annotation edit as a before and after
//! snapshot, so undo and redo survive a restart and a deleted annotation comes back
//! whole (same id, comment and tags). Undone steps stay until a new edit is made,
//! which drops them, as undo does in an editor. `annotations` reads and writes it.

use rusqlite::{params, Connection, OptionalExtension};

use crate::Result;

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

/// One recorded edit, seen from the side an undo or redo goes to.
pub struct Step {
    pub id: i64,
    pub article_id: i64,
    pub annotation_id: i64,
    /// The annotation as it is to become (JSON); None: it is to be gone.
    pub snapshot: Option<String>,
}

/// Records one edit (JSON snapshots), in the caller's transaction, and forgets the
/// steps undone before it.
pub(crate) fn record(
    conn: &Connection,
    article_id: i64,
    annotation_id: i64,
    before: Option<String>,
    after: Option<String>,
) -> Result<()> {
    conn.execute("DELETE FROM annotation_history WHERE undone = 1", [])?;
    conn.execute(
        "INSERT INTO annotation_history (article_id, annotation_id, before, after, at) VALUES (?1, ?2, ?3, ?4, ?5)",
        params![article_id, annotation_id, before, after, super::timestamp()],
    )?;
    Ok(())
}

/// The step an undo (the latest edit not undone, going to its `before`) or a redo (the
/// earliest undone edit, going to its `after`) would take; None if there is none.
pub(crate) fn next(conn: &Connection, undo: bool) -> Result<Option<Step>> {
    let sql = if undo {
        "SELECT id, article_id, annotation_id, before FROM annotation_history WHERE undone = 0 ORDER BY id DESC LIMIT 1"
    } else {
        "SELECT id, article_id, annotation_id, after FROM annotation_history WHERE undone = 1 ORDER BY id LIMIT 1"
    };
    Ok(conn
        .query_row(sql, [], |r| {
            Ok(Step { id: r.get(0)?, article_id: r.get(1)?, annotation_id: r.get(2)?, snapshot: r.get(3)? })
        })
        .optional()?)
}

/// Marks a step as undone, or as redone.
pub(crate) fn mark(conn: &Connection, id: i64, undone: bool) -> Result<()> {
    conn.execute("UPDATE annotation_history SET undone = ?2 WHERE id = ?1", params![id, undone])?;
    Ok(())
}
