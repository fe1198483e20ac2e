//! The `dates` table: every date the extractor found in an article, with its ISO value.
//! Machine-derived: re-extraction replaces an article's rows whole.

use rusqlite::{params, Connection};

use crate::Result;

pub const SCHEMA_V2: &str = "
CREATE TABLE dates (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    value      TEXT NOT NULL
);
CREATE INDEX dates_article ON dates(article_id);
";

/// A date as it is stored.
pub struct NewDate<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// ISO 8601 to the precision stated.
    pub value: &'a str,
}

/// Replaces the article's dates with `rows`, in the caller's transaction.
pub fn replace<'a>(
    conn: &Connection,
    article_id: i64,
    rows: impl IntoIterator<Item = NewDate<'a>>,
) -> Result<()> {
    conn.prepare_cached("DELETE FROM dates WHERE article_id = ?1")?.execute([article_id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO dates (article_id, text, start, end, value) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for d in rows {
        insert.execute(params![article_id, d.text, d.start as i64, d.end as i64, d.value])?;
    }
    Ok(())
}
