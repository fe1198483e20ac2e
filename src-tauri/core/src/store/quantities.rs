//! The `quantities` table: every amount, percentage, count and multiple the extractor
//! found in an article. Machine-derived: re-extraction replaces an article's rows whole.

use rusqlite::{params, Connection};

use crate::vocabulary::{Qualifier, QuantityKind};
use crate::Result;

pub const SCHEMA_V2: &str = "
CREATE TABLE quantities (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    kind       TEXT NOT NULL,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,     -- code points into the article text
    end        INTEGER NOT NULL,
    low        REAL NOT NULL,
    high       REAL NOT NULL,
    unit       TEXT NOT NULL,
    qualifier  TEXT NOT NULL
);
CREATE INDEX quantities_article ON quantities(article_id);
";

/// A quantity as it is stored.
pub struct NewQuantity<'a> {
    pub kind: QuantityKind,
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    pub low: f64,
    pub high: f64,
    pub unit: &'a str,
    pub qualifier: Qualifier,
}

/// Replaces the article's quantities with `rows`, in the caller's transaction.
pub fn replace<'a>(
    conn: &Connection,
    article_id: i64,
    rows: impl IntoIterator<Item = NewQuantity<'a>>,
) -> Result<()> {
    conn.prepare_cached("DELETE FROM quantities WHERE article_id = ?1")?.execute([article_id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO quantities (article_id, kind, text, start, end, low, high, unit, qualifier)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for q in rows {
        insert.execute(params![
            article_id,
            q.kind,
            q.text,
            q.start as i64,
            q.end as i64,
            q.low,
            q.high,
            q.unit,
            q.qualifier
        ])?;
    }
    Ok(())
}
