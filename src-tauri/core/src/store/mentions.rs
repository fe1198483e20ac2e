//! The `mentions` table: every place an article names a company, organisation, index
//! or person, with the name of the entity it is (`entity`, reached through
//! `entity_aliases`). Machine-derived: re-extraction replaces an article's rows whole.

use rusqlite::{params, Connection};

use crate::vocabulary::EntityKind;
use crate::Result;

pub const SCHEMA_V2: &str = "
CREATE TABLE mentions (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    entity     TEXT NOT NULL,
    kind       TEXT NOT NULL
);
CREATE INDEX mentions_article ON mentions(article_id);
CREATE INDEX mentions_entity ON mentions(entity);
";

/// A mention as it is stored.
pub struct NewMention<'a> {
    pub text: &'a str,
    pub start: usize,
    pub end: usize,
    /// The name the extractor gave the entity.
    pub entity: &'a str,
    pub kind: EntityKind,
}

/// Replaces the article's mentions with `rows`, in the caller's transaction.
pub fn replace<'a>(
    conn: &Connection,
    article_id: i64,
    rows: impl IntoIterator<Item = NewMention<'a>>,
) -> Result<()> {
    conn.prepare_cached("DELETE FROM mentions WHERE article_id = ?1")?.execute([article_id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO mentions (article_id, text, start, end, entity, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for m in rows {
        insert.execute(params![article_id, m.text, m.start as i64, m.end as i64, m.entity, m.kind])?;
    }
    Ok(())
}

/// The ways the articles wrote the entity named `entity`.
pub fn spellings(conn: &Connection, entity: &str) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached("SELECT DISTINCT text FROM mentions WHERE entity = ?1")?;
    let rows = stmt.query_map([entity], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
