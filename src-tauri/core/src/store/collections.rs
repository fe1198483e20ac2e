//! The `collections` table and its membership table.

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::{Error, Reason, Result};

pub const SCHEMA_V1: &str = "
CREATE TABLE collections (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE collection_articles (
    collection_id INTEGER NOT NULL REFERENCES collections(id) ON DELETE CASCADE,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    PRIMARY KEY (collection_id, article_id)
) WITHOUT ROWID;
CREATE INDEX collection_articles_article ON collection_articles(article_id);
";

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Collection {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    #[ts(type = "number")]
    pub article_count: i64,
}

pub fn create(conn: &Connection, name: &str) -> Result<i64> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Reason::CollectionNameMissing.into());
    }
    if find(conn, name)?.is_some() {
        return Err(Reason::CollectionNameTaken { name: name.to_owned() }.into());
    }
    conn.execute(
        "INSERT INTO collections (name, created_at) VALUES (?1, ?2)",
        params![name, super::timestamp()],
    )?;
    Ok(conn.last_insert_rowid())
}

pub fn find(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn
        .query_row("SELECT id FROM collections WHERE name = ?1", [name.trim()], |r| r.get(0))
        .optional()?)
}

pub fn list(conn: &Connection) -> Result<Vec<Collection>> {
    let mut stmt = conn.prepare(
        "SELECT c.id, c.name, count(ca.article_id) FROM collections c
         LEFT JOIN collection_articles ca ON ca.collection_id = c.id
         GROUP BY c.id ORDER BY c.name COLLATE NOCASE",
    )?;
    let rows =
        stmt.query_map([], |r| Ok(Collection { id: r.get(0)?, name: r.get(1)?, article_count: r.get(2)? }))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn add_article(conn: &Connection, collection_id: i64, article_id: i64) -> Result<()> {
    conn.execute(
        "INSERT OR IGNORE INTO collection_articles (collection_id, article_id) VALUES (?1, ?2)",
        params![collection_id, article_id],
    )?;
    Ok(())
}

pub fn remove_article(conn: &Connection, collection_id: i64, article_id: i64) -> Result<()> {
    conn.execute(
        "DELETE FROM collection_articles WHERE collection_id = ?1 AND article_id = ?2",
        params![collection_id, article_id],
    )?;
    Ok(())
}

pub fn delete(conn: &Connection, collection_id: i64) -> Result<()> {
    let n = conn.execute("DELETE FROM collections WHERE id = ?1", [collection_id])?;
    if n == 0 {
        return Err(Error::from(Reason::CollectionNotFound { id: collection_id }));
    }
    Ok(())
}
