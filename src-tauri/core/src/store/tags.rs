//! The `tags` table and `annotation_tags`, which tags are on which annotation. An
//! article carries the tags of its annotations (the library is filtered by them).

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::{Error, Reason, Result};

pub const SCHEMA_V3: &str = "
CREATE TABLE tags (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    created_at TEXT NOT NULL
);
CREATE TABLE annotation_tags (
    annotation_id INTEGER NOT NULL REFERENCES annotations(id) ON DELETE CASCADE,
    tag_id        INTEGER NOT NULL REFERENCES tags(id) ON DELETE CASCADE,
    PRIMARY KEY (annotation_id, tag_id)
) WITHOUT ROWID;
CREATE INDEX annotation_tags_tag ON annotation_tags(tag_id);
";

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Tag {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    #[ts(type = "number")]
    pub annotation_count: i64,
    #[ts(type = "number")]
    pub article_count: i64,
}

fn clean(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Reason::TagNameMissing.into());
    }
    Ok(name)
}

pub fn create(conn: &Connection, name: &str) -> Result<i64> {
    let name = clean(name)?;
    if find(conn, name)?.is_some() {
        return Err(Reason::TagNameTaken { name: name.to_owned() }.into());
    }
    conn.execute("INSERT INTO tags (name, created_at) VALUES (?1, ?2)", params![name, super::timestamp()])?;
    Ok(conn.last_insert_rowid())
}

pub fn find(conn: &Connection, name: &str) -> Result<Option<i64>> {
    Ok(conn.query_row("SELECT id FROM tags WHERE name = ?1", [name.trim()], |r| r.get(0)).optional()?)
}

/// The tag named `name`, created if there is none yet.
pub fn find_or_create(conn: &Connection, name: &str) -> Result<i64> {
    match find(conn, clean(name)?)? {
        Some(id) => Ok(id),
        None => create(conn, name),
    }
}

/// Tags with how many annotations and articles carry them.
pub fn list(conn: &Connection) -> Result<Vec<Tag>> {
    let mut stmt = conn.prepare(
        "SELECT t.id, t.name, count(at.annotation_id), count(DISTINCT an.article_id) FROM tags t
         LEFT JOIN annotation_tags at ON at.tag_id = t.id
         LEFT JOIN annotations an ON an.id = at.annotation_id
         GROUP BY t.id ORDER BY t.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([], |r| {
        Ok(Tag { id: r.get(0)?, name: r.get(1)?, annotation_count: r.get(2)?, article_count: r.get(3)? })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn rename(conn: &Connection, id: i64, name: &str) -> Result<()> {
    let name = clean(name)?;
    if find(conn, name)?.is_some_and(|other| other != id) {
        return Err(Reason::TagNameTaken { name: name.to_owned() }.into());
    }
    if conn.execute("UPDATE tags SET name = ?2 WHERE id = ?1", params![id, name])? == 0 {
        return Err(Error::from(Reason::TagNotFound { id }));
    }
    Ok(())
}

/// Deletes a tag and takes it off every annotation.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    if conn.execute("DELETE FROM tags WHERE id = ?1", [id])? == 0 {
        return Err(Error::from(Reason::TagNotFound { id }));
    }
    Ok(())
}

/// Puts exactly the tags named `names` on an annotation, creating missing tags.
pub(crate) fn set_on_annotation(conn: &Connection, annotation_id: i64, names: &[String]) -> Result<()> {
    conn.execute("DELETE FROM annotation_tags WHERE annotation_id = ?1", [annotation_id])?;
    for name in names {
        let tag = find_or_create(conn, name)?;
        conn.execute(
            "INSERT OR IGNORE INTO annotation_tags (annotation_id, tag_id) VALUES (?1, ?2)",
            params![annotation_id, tag],
        )?;
    }
    Ok(())
}

/// The names of an annotation's tags, in name order.
pub(crate) fn on_annotation(conn: &Connection, annotation_id: i64) -> Result<Vec<String>> {
    let mut stmt = conn.prepare_cached(
        "SELECT t.name FROM annotation_tags at JOIN tags t ON t.id = at.tag_id
         WHERE at.annotation_id = ?1 ORDER BY t.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([annotation_id], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
