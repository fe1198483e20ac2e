//! The `articles` table: one row per imported article, holding its canonical text.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use crate::{Error, Reason, Result};

pub const SCHEMA_V1: &str = "
CREATE TABLE articles (
    id           INTEGER PRIMARY KEY,
    title        TEXT NOT NULL,
    outlet       TEXT,
    authors      TEXT NOT NULL DEFAULT '[]',  -- JSON array of names
    published    TEXT,                        -- ISO 8601, to the precision stated
    language     TEXT NOT NULL,
    file_name    TEXT,
    format       TEXT NOT NULL,
    encoding     TEXT,
    content_hash TEXT NOT NULL UNIQUE,        -- SHA-256 of the canonical text
    text         TEXT NOT NULL,
    char_count   INTEGER NOT NULL,            -- code points in text
    imported_at  TEXT NOT NULL
);
CREATE INDEX articles_published ON articles(published);
CREATE INDEX articles_outlet ON articles(outlet);
";

/// An article without its text, for lists.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ArticleSummary {
    #[ts(type = "number")]
    pub id: i64,
    pub title: String,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub language: String,
    pub format: String,
    pub file_name: Option<String>,
    #[ts(type = "number")]
    pub char_count: i64,
    pub imported_at: String,
}

/// An article with its canonical text.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Article {
    #[serde(flatten)]
    pub summary: ArticleSummary,
    pub encoding: Option<String>,
    pub content_hash: String,
    pub text: String,
}

pub(crate) const SUMMARY_COLUMNS: &str =
    "a.id, a.title, a.outlet, a.authors, a.published, a.language, a.format, a.file_name, a.char_count, a.imported_at";

pub(crate) fn summary_from_row(row: &Row) -> rusqlite::Result<ArticleSummary> {
    let authors: String = row.get(3)?;
    Ok(ArticleSummary {
        id: row.get(0)?,
        title: row.get(1)?,
        outlet: row.get(2)?,
        authors: serde_json::from_str(&authors).unwrap_or_default(),
        published: row.get(4)?,
        language: row.get(5)?,
        format: row.get(6)?,
        file_name: row.get(7)?,
        char_count: row.get(8)?,
        imported_at: row.get(9)?,
    })
}

/// The key articles are deduplicated on: SHA-256 of the canonical text.
pub fn content_hash(text: &str) -> String {
    super::sha256_hex(text.as_bytes())
}

/// An article as it is stored.
pub struct NewArticle<'a> {
    pub title: &'a str,
    pub outlet: Option<&'a str>,
    pub authors: &'a [String],
    pub published: Option<&'a str>,
    pub language: &'a str,
    pub file_name: Option<&'a str>,
    /// The import format's name (text, markdown, html, pdf, docx).
    pub format: &'a str,
    pub encoding: Option<&'a str>,
    pub content_hash: &'a str,
    pub text: &'a str,
}

pub fn insert(conn: &Connection, article: &NewArticle) -> Result<i64> {
    conn.prepare_cached(
        "INSERT INTO articles (title, outlet, authors, published, language, file_name, format,
                               encoding, content_hash, text, char_count, imported_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?
    .execute(params![
        article.title,
        article.outlet,
        serde_json::to_string(&article.authors).map_err(|e| Error::internal(e.to_string()))?,
        article.published,
        article.language,
        article.file_name,
        article.format,
        article.encoding,
        article.content_hash,
        article.text,
        article.text.chars().count() as i64,
        super::timestamp(),
    ])?;
    Ok(conn.last_insert_rowid())
}

pub fn find_by_hash(conn: &Connection, content_hash: &str) -> Result<Option<i64>> {
    Ok(conn
        .prepare_cached("SELECT id FROM articles WHERE content_hash = ?1")?
        .query_row([content_hash], |r| r.get(0))
        .optional()?)
}

pub fn exists(conn: &Connection, id: i64) -> Result<bool> {
    Ok(conn
        .prepare_cached("SELECT EXISTS (SELECT 1 FROM articles WHERE id = ?1)")?
        .query_row([id], |r| r.get(0))?)
}

pub fn get(conn: &Connection, id: i64) -> Result<Article> {
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS}, a.encoding, a.content_hash, a.text FROM articles a WHERE a.id = ?1"
    );
    conn.query_row(&sql, [id], |row| {
        Ok(Article {
            summary: summary_from_row(row)?,
            encoding: row.get(10)?,
            content_hash: row.get(11)?,
            text: row.get(12)?,
        })
    })
    .optional()?
    .ok_or_else(|| Error::from(Reason::ArticleNotFound { id }))
}

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, serde::Deserialize, Serialize, ts_rs::TS)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum SortOrder {
    /// Newest publication date first (undated last).
    #[default]
    Published,
    /// Most recently imported first.
    Imported,
    Title,
    Outlet,
}

/// Filters shared by the library list and search.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Deserialize, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ArticleFilter {
    pub outlet: Option<String>,
    /// Inclusive lower bound on `published` (ISO prefix, e.g. "2025" or "2025-02-01").
    pub published_from: Option<String>,
    /// Inclusive upper bound on `published`.
    pub published_to: Option<String>,
    #[ts(type = "number | null")]
    pub collection: Option<i64>,
    /// Only articles with an annotation carrying this tag.
    #[ts(type = "number | null")]
    pub tag: Option<i64>,
}

impl ArticleFilter {
    /// Conditions on the article row itself (alias `a`), parameters numbered from `*next`.
    fn row_clauses(&self, next: &mut usize, values: &mut Vec<rusqlite::types::Value>) -> Vec<String> {
        use rusqlite::types::Value;
        let mut clauses = Vec::new();
        let mut add = |clause: &str, value: Value| {
            clauses.push(clause.replace('?', &format!("?{next}")));
            values.push(value);
            *next += 1;
        };
        if let Some(outlet) = &self.outlet {
            add("a.outlet = ?", Value::Text(outlet.clone()));
        }
        if let Some(from) = &self.published_from {
            // Compared at the article's own precision: "2024-12" overlaps "2024-12-01". The
            // year bound alone is implied by that, and lets the published index narrow the rows.
            add(
                "a.published >= substr(?, 1, 4) AND a.published >= substr(?, 1, length(a.published))",
                Value::Text(from.clone()),
            );
        }
        if let Some(to) = &self.published_to {
            // "2025-02" as an upper bound includes every day of February.
            add("a.published <= ?", Value::Text(format!("{to}\u{10FFFF}")));
        }
        clauses
    }

    /// Membership conditions as queries of article ids, each with its one parameter.
    fn memberships(&self) -> impl Iterator<Item = (&'static str, i64)> {
        let collection = self
            .collection
            .map(|id| ("SELECT article_id FROM collection_articles WHERE collection_id = ?", id));
        let tag = self.tag.map(|id| {
            ("SELECT an.article_id FROM annotation_tags t JOIN annotations an ON an.id = t.annotation_id WHERE t.tag_id = ?", id)
        });
        collection.into_iter().chain(tag)
    }

    /// SQL conditions on alias `a` plus their parameters, starting at `?{first}`.
    pub(crate) fn to_sql(&self, first: usize) -> (String, Vec<rusqlite::types::Value>) {
        let mut values = Vec::new();
        let mut next = first;
        let mut clauses = self.row_clauses(&mut next, &mut values);
        for (ids, id) in self.memberships() {
            clauses.push(format!("a.id IN ({})", ids.replace('?', &format!("?{next}"))));
            values.push(rusqlite::types::Value::Integer(id));
            next += 1;
        }
        let sql = if clauses.is_empty() { "1".to_owned() } else { clauses.join(" AND ") };
        (sql, values)
    }

    /// The filter as `AND` conditions that `column` (an article id) is in id lists, each
    /// built once: row conditions through the articles table, collection and tag
    /// membership straight from their own tables, so no article row is read for them.
    pub(crate) fn id_lists(&self, column: &str, first: usize) -> (String, Vec<rusqlite::types::Value>) {
        let mut values = Vec::new();
        let mut next = first;
        let rows = self.row_clauses(&mut next, &mut values);
        let mut sql = String::new();
        if !rows.is_empty() {
            sql += &format!(" AND +{column} IN (SELECT a.id FROM articles a WHERE {})", rows.join(" AND "));
        }
        for (ids, id) in self.memberships() {
            sql += &format!(" AND +{column} IN ({})", ids.replace('?', &format!("?{next}")));
            values.push(rusqlite::types::Value::Integer(id));
            next += 1;
        }
        (sql, values)
    }
}

pub fn list(
    conn: &Connection,
    filter: &ArticleFilter,
    sort: SortOrder,
    limit: usize,
    offset: usize,
) -> Result<Vec<ArticleSummary>> {
    let (cond, values) = filter.to_sql(1);
    let order = match sort {
        SortOrder::Published => "a.published IS NULL, a.published DESC, a.id DESC",
        SortOrder::Imported => "a.id DESC",
        SortOrder::Title => "a.title COLLATE NOCASE, a.id",
        SortOrder::Outlet => "a.outlet IS NULL, a.outlet, a.published DESC, a.id DESC",
    };
    let sql = format!(
        "SELECT {SUMMARY_COLUMNS} FROM articles a WHERE {cond} ORDER BY {order} LIMIT {limit} OFFSET {offset}"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values), summary_from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

pub fn count(conn: &Connection, filter: &ArticleFilter) -> Result<i64> {
    let (cond, values) = filter.to_sql(1);
    let sql = format!("SELECT count(*) FROM articles a WHERE {cond}");
    Ok(conn.query_row(&sql, rusqlite::params_from_iter(values), |r| r.get(0))?)
}

/// Puts `text` (with its `content_hash`) in place of the article's text, in the caller's
/// transaction. What derives from the text is `ingest`'s to redo.
pub fn set_text(conn: &Connection, id: i64, text: &str, content_hash: &str) -> Result<()> {
    let sql = "UPDATE articles SET text = ?2, content_hash = ?3, char_count = ?4 WHERE id = ?1";
    if conn.execute(sql, params![id, text, content_hash, text.chars().count() as i64])? == 0 {
        return Err(Error::from(Reason::ArticleNotFound { id }));
    }
    Ok(())
}

/// Distinct outlets with their article counts, for the filter menu.
pub fn outlets(conn: &Connection) -> Result<Vec<(String, i64)>> {
    let mut stmt = conn.prepare(
        "SELECT outlet, count(*) FROM articles WHERE outlet IS NOT NULL GROUP BY outlet ORDER BY count(*) DESC, outlet",
    )?;
    let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Articles whose stored hash or length no longer matches their text.
pub(crate) fn check(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare("SELECT id, content_hash, char_count, text FROM articles")?;
    let rows = stmt.query_map([], |r| {
        Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, i64>(2)?, r.get::<_, String>(3)?))
    })?;
    for row in rows {
        let (id, hash, chars, text) = row?;
        if content_hash(&text) != hash {
            problems.push(format!("article {id}: text does not match its content hash"));
        }
        if text.chars().count() as i64 != chars {
            problems.push(format!("article {id}: stored length {chars} does not match its text"));
        }
        if text.trim().is_empty() {
            problems.push(format!("article {id}: empty text"));
        }
    }
    Ok(problems)
}
