//! The `entities` table and `entity_aliases`: companies, organisations, indices and
//! people with every name they go by. An entity's own name is one of its aliases.
//!
//! Facts and mentions keep the name the extractor gave (`facts.subject`,
//! `mentions.entity`) and reach their entity through the aliases. So a merge only
//! moves aliases, and re-extraction, which rewrites mentions and unreviewed facts,
//! never undoes a merge or a rename.
//!
//! An entity for every name the extractor gives is made as the extraction is stored
//! (`ingest`), never while reading. What a user does to entities (adds, renames, gives
//! another name, merges, rejects as junk) is marked, and feeds the next extraction.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::store::facts::{self, FactRow};
use crate::vocabulary::{EntityKind, FactStatus};
use crate::{Error, Reason, Result};

pub const SCHEMA_V3: &str = "
CREATE TABLE entities (
    id         INTEGER PRIMARY KEY,
    name       TEXT NOT NULL UNIQUE,
    kind       TEXT NOT NULL CHECK (kind IN ('company', 'organisation', 'index', 'person')),
    created_at TEXT NOT NULL
);
CREATE TABLE entity_aliases (
    alias     TEXT PRIMARY KEY,
    entity_id INTEGER NOT NULL REFERENCES entities(id) ON DELETE CASCADE
) WITHOUT ROWID;
CREATE INDEX entity_aliases_entity ON entity_aliases(entity_id);
";

/// Schema 5: what users did to entities is kept, and names a user rejected as junk.
/// Entities from before it count as a user's where that shows: named as no article
/// names them (added or renamed), or holding names of two extracted entities (merged).
/// Libraries whose names were made into entities only when listed get theirs now.
pub const SCHEMA_V5: &str = "
ALTER TABLE entities ADD COLUMN edited_at TEXT;   -- when a user last added, renamed, named or merged it
CREATE INDEX entities_edited ON entities(edited_at) WHERE edited_at IS NOT NULL;
CREATE TABLE rejected_names (
    name        TEXT PRIMARY KEY,                 -- no entity: never a subject or a mention
    rejected_at TEXT NOT NULL
) WITHOUT ROWID;
UPDATE entities SET edited_at = created_at
    WHERE (NOT EXISTS (SELECT 1 FROM mentions WHERE entity = entities.name)
           AND NOT EXISTS (SELECT 1 FROM facts WHERE subject = entities.name))
       OR (SELECT count(DISTINCT m.entity) FROM entity_aliases a JOIN mentions m ON m.entity = a.alias
           WHERE a.entity_id = entities.id) > 1;
INSERT OR IGNORE INTO entities (name, kind, created_at)
    SELECT m.entity, min(m.kind), strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM mentions m
    WHERE m.entity <> '' AND NOT EXISTS (SELECT 1 FROM entity_aliases WHERE alias = m.entity)
    GROUP BY m.entity;
INSERT OR IGNORE INTO entities (name, kind, created_at)
    SELECT DISTINCT f.subject, 'company', strftime('%Y-%m-%dT%H:%M:%SZ', 'now') FROM facts f
    WHERE f.subject <> '' AND NOT EXISTS (SELECT 1 FROM entity_aliases WHERE alias = f.subject);
INSERT OR IGNORE INTO entity_aliases (alias, entity_id) SELECT name, id FROM entities;
INSERT OR IGNORE INTO entity_aliases (alias, entity_id)
    SELECT DISTINCT m.text, e.id FROM mentions m JOIN entities e ON e.name = m.entity;
";

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct EntityRow {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    pub kind: EntityKind,
    /// Other names, the entity's own name left out.
    pub aliases: Vec<String>,
    /// Facts about the entity under any of its names (rejected ones left out).
    #[ts(type = "number")]
    pub fact_count: i64,
    #[ts(type = "number")]
    pub mention_count: i64,
}

fn clean(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Reason::EntityNameMissing.into());
    }
    Ok(name)
}

/// The entity that goes by `alias`, if any.
pub fn resolve(conn: &Connection, alias: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT entity_id FROM entity_aliases WHERE alias = ?1")?
        .query_row([alias.trim()], |r| r.get(0))
        .optional()?)
}

/// Names the extractor gave (mentions' entities and facts' subjects, of one article or
/// of all) that no entity goes by yet, with the kind their mentions say.
pub fn unknown_names(
    conn: &Connection,
    article_id: Option<i64>,
) -> Result<BTreeMap<String, Option<EntityKind>>> {
    // Two forms rather than `?1 IS NULL OR ...`, which would keep SQLite off the article index.
    let (mentions, facts) = match article_id {
        Some(_) => ("m.article_id = ?1 AND", "f.article_id = ?1 AND"),
        None => ("", ""),
    };
    let sql = format!(
        "SELECT m.entity, min(m.kind) FROM mentions m
         WHERE {mentions} m.entity <> '' AND NOT EXISTS (SELECT 1 FROM entity_aliases WHERE alias = m.entity)
           AND NOT EXISTS (SELECT 1 FROM rejected_names WHERE name = m.entity)
         GROUP BY m.entity
         UNION SELECT f.subject, NULL FROM facts f
         WHERE {facts} f.subject <> '' AND NOT EXISTS (SELECT 1 FROM entity_aliases WHERE alias = f.subject)
           AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity = f.subject)
           AND NOT EXISTS (SELECT 1 FROM rejected_names WHERE name = f.subject)"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = match article_id {
        Some(id) => stmt.query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>(),
        None => stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>(),
    };
    Ok(rows?)
}

/// A new entity named `name` (also its first alias); returns its id.
pub fn create(conn: &Connection, name: &str, kind: EntityKind) -> Result<i64> {
    conn.prepare_cached("INSERT INTO entities (name, kind, created_at) VALUES (?1, ?2, ?3)")?
        .execute(params![name, kind, super::timestamp()])?;
    let id = conn.last_insert_rowid();
    add_alias_row(conn, id, name)?;
    Ok(id)
}

/// Makes `alias` a name of entity `id`, unless it already is some entity's name.
pub fn add_alias_if_free(conn: &Connection, id: i64, alias: &str) -> Result<()> {
    conn.prepare_cached("INSERT OR IGNORE INTO entity_aliases (alias, entity_id) VALUES (?1, ?2)")?
        .execute(params![alias, id])?;
    Ok(())
}

fn add_alias_row(conn: &Connection, id: i64, alias: &str) -> Result<()> {
    let owner: Option<(i64, String)> = conn
        .query_row(
            "SELECT e.id, e.name FROM entity_aliases a JOIN entities e ON e.id = a.entity_id WHERE a.alias = ?1",
            [alias],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    match owner {
        Some((owner, _)) if owner == id => Ok(()),
        Some((_, name)) => Err(Reason::AliasTaken { alias: alias.to_owned(), name }.into()),
        None => {
            conn.execute(
                "INSERT INTO entity_aliases (alias, entity_id) VALUES (?1, ?2)",
                params![alias, id],
            )?;
            Ok(())
        }
    }
}

pub fn get(conn: &Connection, id: i64) -> Result<EntityRow> {
    list_where(conn, Some(id))?.pop().ok_or_else(|| Error::from(Reason::EntityNotFound { id }))
}

/// Every entity with its aliases and counts, by name.
pub fn list(conn: &Connection) -> Result<Vec<EntityRow>> {
    list_where(conn, None)
}

fn list_where(conn: &Connection, id: Option<i64>) -> Result<Vec<EntityRow>> {
    let mut stmt = conn.prepare(
        "SELECT e.id, e.name, e.kind,
                (SELECT json_group_array(alias) FROM
                    (SELECT alias FROM entity_aliases WHERE entity_id = e.id AND alias <> e.name ORDER BY alias)),
                (SELECT count(*) FROM facts f JOIN entity_aliases a ON a.alias = f.subject
                 WHERE a.entity_id = e.id AND f.status <> ?2),
                (SELECT count(*) FROM mentions m JOIN entity_aliases a ON a.alias = m.entity WHERE a.entity_id = e.id)
         FROM entities e WHERE ?1 IS NULL OR e.id = ?1 ORDER BY e.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map(params![id, FactStatus::Rejected], |r| {
        let aliases: String = r.get(3)?;
        Ok(EntityRow {
            id: r.get(0)?,
            name: r.get(1)?,
            kind: r.get(2)?,
            aliases: serde_json::from_str(&aliases).unwrap_or_default(),
            fact_count: r.get(4)?,
            mention_count: r.get(5)?,
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks an entity as one a user shaped, and `name` as a name no longer rejected.
fn mark_edited(conn: &Connection, id: i64, name: &str) -> Result<()> {
    conn.execute("UPDATE entities SET edited_at = ?2 WHERE id = ?1", params![id, super::timestamp()])?;
    conn.execute("DELETE FROM rejected_names WHERE name = ?1", [name])?;
    Ok(())
}

/// Adds an entity the extractor does not know.
pub fn add(conn: &Connection, name: &str, kind: EntityKind) -> Result<i64> {
    let name = clean(name)?;
    let tx = conn.unchecked_transaction()?;
    if resolve(&tx, name)?.is_some() {
        return Err(Reason::EntityNameTaken { name: name.to_owned() }.into());
    }
    let id = create(&tx, name, kind)?;
    mark_edited(&tx, id, name)?;
    tx.commit()?;
    Ok(id)
}

/// Renames an entity; its old name stays one of its aliases, so facts under it follow.
pub fn rename(conn: &Connection, id: i64, name: &str) -> Result<()> {
    let name = clean(name)?;
    let tx = conn.unchecked_transaction()?;
    get(&tx, id)?;
    add_alias_row(&tx, id, name)?;
    tx.execute("UPDATE entities SET name = ?2 WHERE id = ?1", params![id, name])?;
    mark_edited(&tx, id, name)?;
    tx.commit()?;
    Ok(())
}

/// Another name of an entity (a spelling, a translation, a former name).
pub fn add_alias(conn: &Connection, id: i64, alias: &str) -> Result<()> {
    let alias = clean(alias)?;
    let tx = conn.unchecked_transaction()?;
    get(&tx, id)?;
    add_alias_row(&tx, id, alias)?;
    mark_edited(&tx, id, alias)?;
    tx.commit()?;
    Ok(())
}

/// Rejects an entity as junk (a phrase, a place taken for a firm) in one transaction:
/// it is gone, with the facts about it nobody reviewed, and its names are remembered so
/// that no extraction makes them an entity or a subject again.
pub fn reject(conn: &Connection, id: i64) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    get(&tx, id)?;
    tx.execute(
        "INSERT OR REPLACE INTO rejected_names (name, rejected_at)
         SELECT alias, ?2 FROM entity_aliases WHERE entity_id = ?1",
        params![id, super::timestamp()],
    )?;
    tx.execute(
        "DELETE FROM facts WHERE status = ?2 AND subject IN (SELECT alias FROM entity_aliases WHERE entity_id = ?1)",
        params![id, FactStatus::Extracted],
    )?;
    tx.execute("DELETE FROM entities WHERE id = ?1", [id])?;
    tx.commit()?;
    Ok(())
}

/// Names users rejected as junk, in order.
pub fn rejected_names(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("SELECT name FROM rejected_names ORDER BY name")?;
    let rows = stmt.query_map([], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// An entity a user shaped: its name, kind and every other name it goes by.
#[derive(Debug, Clone, PartialEq)]
pub struct EditedEntity {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
}

/// The entities users added, renamed, named or merged, by name.
pub fn edited(conn: &Connection) -> Result<Vec<EditedEntity>> {
    let mut stmt = conn.prepare(
        "SELECT e.name, e.kind,
                (SELECT json_group_array(alias) FROM
                    (SELECT alias FROM entity_aliases WHERE entity_id = e.id AND alias <> e.name ORDER BY alias))
         FROM entities e WHERE e.edited_at IS NOT NULL ORDER BY e.name",
    )?;
    let rows = stmt.query_map([], |r| {
        let aliases: String = r.get(2)?;
        Ok(EditedEntity {
            name: r.get(0)?,
            kind: r.get(1)?,
            aliases: serde_json::from_str(&aliases).unwrap_or_default(),
        })
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Removes the entities that no article mentions, no reviewed fact is about and no user
/// shaped (left behind when a newer extraction stopped finding their names); returns
/// how many went.
pub fn remove_unused(conn: &Connection) -> Result<usize> {
    Ok(conn.execute(
        "DELETE FROM entities WHERE edited_at IS NULL
           AND NOT EXISTS (SELECT 1 FROM entity_aliases a JOIN mentions m ON m.entity = a.alias
                           WHERE a.entity_id = entities.id)
           AND NOT EXISTS (SELECT 1 FROM entity_aliases a JOIN facts f ON f.subject = a.alias
                           WHERE a.entity_id = entities.id AND f.status IN (?1, ?2))",
        params![FactStatus::Confirmed, FactStatus::Edited],
    )?)
}

/// Merges entity `from` into `into` in one transaction: every name of `from` becomes
/// a name of `into`, so its mentions and facts follow; `from` is gone afterwards.
pub fn merge(conn: &Connection, from: i64, into: i64) -> Result<()> {
    if from == into {
        return Err(Reason::MergeIntoItself.into());
    }
    let tx = conn.unchecked_transaction()?;
    get(&tx, from)?;
    get(&tx, into)?;
    tx.execute("UPDATE entity_aliases SET entity_id = ?2 WHERE entity_id = ?1", params![from, into])?;
    tx.execute("DELETE FROM entities WHERE id = ?1", [from])?;
    tx.execute("UPDATE entities SET edited_at = ?2 WHERE id = ?1", params![into, super::timestamp()])?;
    tx.commit()?;
    Ok(())
}

/// An entity's facts from every article under any of its names, newest first.
pub fn facts(conn: &Connection, id: i64) -> Result<Vec<FactRow>> {
    get(conn, id)?;
    facts::of_entity(conn, id)
}
