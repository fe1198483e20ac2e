//! The tables the extractor fills for each article: `quantities`, `dates` and
//! `mentions`, plus `extractions` (which extractor version ran on which article).
//! They are machine-derived, so re-extraction replaces them whole; facts, which
//! users review, live in `facts`.

use rusqlite::{params, Connection};

use crate::extract::Extraction;
use crate::Result;

pub const SCHEMA_V2: &str = "
CREATE TABLE extractions (
    article_id   INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    version      INTEGER NOT NULL,   -- extract::VERSION that produced the rows
    extracted_at TEXT NOT NULL
);
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
CREATE TABLE dates (
    id         INTEGER PRIMARY KEY,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    text       TEXT NOT NULL,
    start      INTEGER NOT NULL,
    end        INTEGER NOT NULL,
    value      TEXT NOT NULL
);
CREATE INDEX dates_article ON dates(article_id);
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

/// Replaces the article's quantities, dates and mentions with `extraction`'s.
pub fn replace(conn: &Connection, article_id: i64, extraction: &Extraction, version: i64) -> Result<()> {
    for table in ["quantities", "dates", "mentions"] {
        conn.prepare_cached(&format!("DELETE FROM {table} WHERE article_id = ?1"))?.execute([article_id])?;
    }
    let mut q = conn.prepare_cached(
        "INSERT INTO quantities (article_id, kind, text, start, end, low, high, unit, qualifier)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9)",
    )?;
    for x in &extraction.quantities {
        q.execute(params![
            article_id,
            enum_name(&x.kind),
            x.text,
            x.start as i64,
            x.end as i64,
            x.low,
            x.high,
            x.unit,
            enum_name(&x.qualifier)
        ])?;
    }
    let mut d = conn.prepare_cached(
        "INSERT INTO dates (article_id, text, start, end, value) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?;
    for x in &extraction.dates {
        d.execute(params![article_id, x.text, x.start as i64, x.end as i64, x.value])?;
    }
    let mut m = conn.prepare_cached(
        "INSERT INTO mentions (article_id, text, start, end, entity, kind) VALUES (?1, ?2, ?3, ?4, ?5, ?6)",
    )?;
    for x in &extraction.mentions {
        m.execute(params![article_id, x.text, x.start as i64, x.end as i64, x.entity, enum_name(&x.kind)])?;
    }
    conn.prepare_cached(
        "INSERT INTO extractions (article_id, version, extracted_at) VALUES (?1, ?2, ?3)
         ON CONFLICT(article_id) DO UPDATE SET version = excluded.version, extracted_at = excluded.extracted_at",
    )?
    .execute(params![article_id, version, super::timestamp()])?;
    Ok(())
}

/// Articles never extracted, or extracted by an older extractor than `version`.
pub fn stale(conn: &Connection, version: i64) -> Result<Vec<i64>> {
    let mut stmt = conn.prepare(
        "SELECT a.id FROM articles a LEFT JOIN extractions e ON e.article_id = a.id
         WHERE e.version IS NULL OR e.version < ?1 ORDER BY a.id",
    )?;
    let rows = stmt.query_map([version], |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The serde name of a unit-like enum value ("money", "approx").
pub(crate) fn enum_name<T: serde::Serialize>(value: &T) -> String {
    match serde_json::to_value(value) {
        Ok(serde_json::Value::String(s)) => s,
        other => format!("{other:?}"),
    }
}

/// Stored spans that do not match the article text they point into.
pub(crate) fn check(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT 'quantities', id, article_id, text, start, end FROM quantities
         UNION ALL SELECT 'dates', id, article_id, text, start, end FROM dates
         UNION ALL SELECT 'mentions', id, article_id, text, start, end FROM mentions
         ORDER BY 3",
    )?;
    let mut rows = stmt.query([])?;
    // Each article's text is decoded to code points once.
    let mut current: Option<(i64, Vec<char>)> = None;
    while let Some(r) = rows.next()? {
        let (table, id, article): (String, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let (text, start, end): (String, i64, i64) = (r.get(3)?, r.get(4)?, r.get(5)?);
        if current.as_ref().map(|c| c.0) != Some(article) {
            let body: String =
                conn.query_row("SELECT text FROM articles WHERE id = ?1", [article], |r| r.get(0))?;
            current = Some((article, body.chars().collect()));
        }
        let chars = &current.as_ref().expect("set above").1;
        let span = (start >= 0 && start <= end && end as usize <= chars.len())
            .then(|| chars[start as usize..end as usize].iter().collect::<String>());
        if span.as_deref() != Some(text.as_str()) {
            problems.push(format!(
                "article {article}: {table} row {id} no longer matches the text at {start}..{end}"
            ));
        }
    }
    Ok(problems)
}

/// Runs the extractor on one article's text and stores what it finds.
pub fn extract_article(
    conn: &Connection,
    article_id: i64,
    text: &str,
    published: Option<&str>,
) -> Result<()> {
    save(conn, article_id, &run(text, published))
}

/// What the extractor finds in an article's text; the published date anchors relative
/// dates only when it is a full day.
pub fn run(text: &str, published: Option<&str>) -> Extraction {
    crate::extract::extract(text, published.filter(|p| p.len() == 10))
}

/// Stores an extraction of the current extractor: quantities, dates and mentions
/// replaced, unreviewed facts replaced, reviewed facts kept.
pub fn save(conn: &Connection, article_id: i64, extraction: &Extraction) -> Result<()> {
    replace(conn, article_id, extraction, crate::extract::VERSION)?;
    super::facts::replace_extracted(conn, article_id, extraction)
}

/// Re-extracts every article the current extractor has not seen (all of them with
/// `all`), one transaction per article. Returns how many were re-extracted.
pub fn reextract(
    library: &mut super::Library,
    all: bool,
    on_progress: &mut dyn FnMut(usize, usize),
) -> Result<usize> {
    let ids = stale(library.conn(), if all { i64::MAX } else { crate::extract::VERSION })?;
    for (done, id) in ids.iter().enumerate() {
        on_progress(done, ids.len());
        let tx = library.conn_mut().transaction()?;
        let article = super::articles::get(&tx, *id)?;
        extract_article(&tx, *id, &article.text, article.summary.published.as_deref())?;
        tx.commit()?;
    }
    on_progress(ids.len(), ids.len());
    Ok(ids.len())
}
