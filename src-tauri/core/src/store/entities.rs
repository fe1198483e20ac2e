//! The `entities` table and `entity_aliases`: companies, organisations, indices and
//! people with every name they go by. An entity's own name is one of its aliases.
//!
//! Facts and mentions keep the name the extractor gave (`facts.subject`,
//! `mentions.entity`) and reach their entity through the aliases. So a merge only
//! moves aliases, and re-extraction, which rewrites mentions and unreviewed facts,
//! never undoes a merge or a rename.
//!
//! Entities are seeded lazily: every function here, and fact listing, first adds an
//! entity for each extracted name no alias knows yet (with the built-in registry's aliases, and the
//! spellings the articles used). Doing it here rather than on every import keeps
//! import as fast as before and also covers libraries extracted by older versions.

use std::collections::BTreeMap;

use rusqlite::{params, Connection, OptionalExtension};
use serde::Serialize;

use crate::extract::{EntityKind, Registry};
use crate::store::facts::{self, FactRow};
use crate::{Error, Result};

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

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct EntityRow {
    #[ts(type = "number")]
    pub id: i64,
    pub name: String,
    /// company, organisation, index or person.
    pub kind: String,
    /// Other names, the entity's own name left out.
    pub aliases: Vec<String>,
    /// Facts about the entity under any of its names (rejected ones left out).
    #[ts(type = "number")]
    pub fact_count: i64,
    #[ts(type = "number")]
    pub mention_count: i64,
}

fn kind_name(kind: EntityKind) -> String {
    super::extraction::enum_name(&kind)
}

fn check_kind(kind: &str) -> Result<()> {
    if ["company", "organisation", "index", "person"].contains(&kind) {
        Ok(())
    } else {
        Err(Error::invalid(format!(
            "unknown entity kind \"{kind}\"; use company, organisation, index or person"
        )))
    }
}

fn clean(name: &str) -> Result<&str> {
    let name = name.trim();
    if name.is_empty() {
        return Err(Error::invalid("an entity needs a name"));
    }
    Ok(name)
}

/// The entity that goes by `alias`, if any.
pub fn resolve(conn: &Connection, alias: &str) -> Result<Option<i64>> {
    seed(conn)?;
    Ok(conn
        .query_row("SELECT entity_id FROM entity_aliases WHERE alias = ?1", [alias.trim()], |r| r.get(0))
        .optional()?)
}

/// Adds an entity for every extracted name that no alias knows yet.
pub(crate) fn seed(conn: &Connection) -> Result<()> {
    let mut stmt = conn.prepare_cached(
        "SELECT m.entity, min(m.kind) FROM mentions m
         WHERE NOT EXISTS (SELECT 1 FROM entity_aliases WHERE alias = m.entity) GROUP BY m.entity
         UNION SELECT f.subject, NULL FROM facts f
         WHERE NOT EXISTS (SELECT 1 FROM entity_aliases WHERE alias = f.subject)
           AND NOT EXISTS (SELECT 1 FROM mentions WHERE entity = f.subject)",
    )?;
    let missing: BTreeMap<String, Option<String>> =
        stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?.collect::<rusqlite::Result<_>>()?;
    if missing.is_empty() {
        return Ok(());
    }
    // A savepoint, as seeding also runs inside other functions' transactions.
    conn.execute_batch("SAVEPOINT seed")?;
    let seeded = seed_names(conn, missing);
    conn.execute_batch(if seeded.is_ok() { "RELEASE seed" } else { "ROLLBACK TO seed; RELEASE seed" })?;
    seeded
}

/// Seeds each name under the built-in entity it is a name of, if any: a subject
/// written "Zhipu AI" joins 智谱 rather than becoming an entity of its own.
fn seed_names(conn: &Connection, missing: BTreeMap<String, Option<String>>) -> Result<()> {
    let registry = Registry::builtin();
    let known_alias = |alias: &str| -> Result<Option<i64>> {
        Ok(conn
            .query_row("SELECT entity_id FROM entity_aliases WHERE alias = ?1", [alias], |r| r.get(0))
            .optional()?)
    };
    for (name, kind) in missing {
        if known_alias(&name)?.is_some() {
            continue;
        }
        let known = registry.entities().iter().find(|e| e.name == name || e.aliases.contains(&name));
        let canonical = known.map_or(name.as_str(), |e| e.name.as_str());
        let id = match known_alias(canonical)? {
            Some(id) => id,
            None => {
                let kind =
                    kind.or_else(|| known.map(|e| kind_name(e.kind))).unwrap_or_else(|| "company".into());
                insert(conn, canonical, &kind)?
            }
        };
        let spellings = "SELECT DISTINCT text FROM mentions WHERE entity = ?1";
        let mut stmt = conn.prepare_cached(spellings)?;
        let written: Vec<String> = stmt.query_map([&name], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
        let registered = known.into_iter().flat_map(|e| e.aliases.iter().cloned());
        for alias in registered.chain(written).chain([name.clone()]) {
            conn.execute(
                "INSERT OR IGNORE INTO entity_aliases (alias, entity_id) VALUES (?1, ?2)",
                params![alias, id],
            )?;
        }
    }
    Ok(())
}

fn insert(conn: &Connection, name: &str, kind: &str) -> Result<i64> {
    conn.execute(
        "INSERT INTO entities (name, kind, created_at) VALUES (?1, ?2, ?3)",
        params![name, kind, super::timestamp()],
    )?;
    let id = conn.last_insert_rowid();
    add_alias_row(conn, id, name)?;
    Ok(id)
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
        Some((_, name)) => Err(Error::invalid(format!(
            "\"{alias}\" is already a name of \"{name}\"; merge the two entities instead"
        ))),
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
    list_where(conn, Some(id))?.pop().ok_or_else(|| Error::not_found(format!("no entity with id {id}")))
}

/// Every entity with its aliases and counts, by name.
pub fn list(conn: &Connection) -> Result<Vec<EntityRow>> {
    list_where(conn, None)
}

fn list_where(conn: &Connection, id: Option<i64>) -> Result<Vec<EntityRow>> {
    seed(conn)?;
    let mut stmt = conn.prepare(
        "SELECT e.id, e.name, e.kind,
                (SELECT json_group_array(alias) FROM
                    (SELECT alias FROM entity_aliases WHERE entity_id = e.id AND alias <> e.name ORDER BY alias)),
                (SELECT count(*) FROM facts f JOIN entity_aliases a ON a.alias = f.subject
                 WHERE a.entity_id = e.id AND f.status <> 'rejected'),
                (SELECT count(*) FROM mentions m JOIN entity_aliases a ON a.alias = m.entity WHERE a.entity_id = e.id)
         FROM entities e WHERE ?1 IS NULL OR e.id = ?1 ORDER BY e.name COLLATE NOCASE",
    )?;
    let rows = stmt.query_map([id], |r| {
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

/// Adds an entity the extractor does not know.
pub fn add(conn: &Connection, name: &str, kind: &str) -> Result<i64> {
    let name = clean(name)?;
    check_kind(kind)?;
    seed(conn)?;
    let tx = conn.unchecked_transaction()?;
    if resolve(&tx, name)?.is_some() {
        return Err(Error::invalid(format!("an entity named \"{name}\" already exists")));
    }
    let id = insert(&tx, name, kind)?;
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
    tx.commit()?;
    Ok(())
}

/// Another name of an entity (a spelling, a translation, a former name).
pub fn add_alias(conn: &Connection, id: i64, alias: &str) -> Result<()> {
    let alias = clean(alias)?;
    get(conn, id)?;
    add_alias_row(conn, id, alias)
}

/// Merges entity `from` into `into` in one transaction: every name of `from` becomes
/// a name of `into`, so its mentions and facts follow; `from` is gone afterwards.
pub fn merge(conn: &Connection, from: i64, into: i64) -> Result<()> {
    if from == into {
        return Err(Error::invalid("an entity cannot be merged into itself"));
    }
    let tx = conn.unchecked_transaction()?;
    get(&tx, from)?;
    get(&tx, into)?;
    tx.execute("UPDATE entity_aliases SET entity_id = ?2 WHERE entity_id = ?1", params![from, into])?;
    tx.execute("DELETE FROM entities WHERE id = ?1", [from])?;
    tx.commit()?;
    Ok(())
}

/// An entity's facts from every article under any of its names, newest first.
pub fn facts(conn: &Connection, id: i64) -> Result<Vec<FactRow>> {
    get(conn, id)?;
    facts::of_entity(conn, id)
}
