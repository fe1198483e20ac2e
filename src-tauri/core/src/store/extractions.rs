//! The `extractions` table: which extractor version last read which article, so that a
//! newer extractor knows what to read again. What it found lives in `quantities`,
//! `dates`, `mentions` and `facts`.

use rusqlite::{params, Connection};

use crate::Result;

pub const SCHEMA_V2: &str = "
CREATE TABLE extractions (
    article_id   INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,   -- extract::VERSION that produced the rows
    extracted_at TEXT NOT NULL
);
";

/// Schema 5: the user's entities and rejected names the extractor read with, as a
/// fingerprint; an article read before they changed is read again.
pub const SCHEMA_V5: &str = "ALTER TABLE extractions ADD COLUMN registry TEXT NOT NULL DEFAULT '';";

/// Records that extractor `version`, with the user's registry `registry` (a
/// fingerprint), has just read the article.
pub fn record(conn: &Connection, article_id: i64, version: i64, registry: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO extractions (article_id, version, extracted_at, registry) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT(article_id) DO UPDATE SET version = excluded.version, extracted_at = excluded.extracted_at,
                                               registry = excluded.registry",
    )?
    .execute(params![article_id, version, super::timestamp(), registry])?;
    Ok(())
}

/// Articles never extracted, extracted by an older extractor than `version`, or with
/// another registry than `registry`.
pub fn stale(conn: &Connection, version: i64, registry: &str) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(
        "SELECT a.id FROM articles a LEFT JOIN extractions e ON e.article_id = a.id
         WHERE e.version IS NULL OR e.version < ?1 OR e.registry <> ?2 ORDER BY a.id",
    )?;
    let rows = stmt.query_map(params![version, registry], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
