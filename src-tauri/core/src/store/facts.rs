//! The `facts` table: what the extractor found (subject, metric, value, date...) and
//! its review status. A fact carries its own copy of the value and span, so a fact a
//! user has reviewed survives re-extraction untouched.

use rusqlite::{params, Connection, Row};
use serde::Serialize;

use super::extraction::enum_name;
use crate::extract::Extraction;
use crate::Result;

pub const SCHEMA_V2: &str = "
CREATE TABLE facts (
    id            INTEGER PRIMARY KEY,
    article_id    INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    subject       TEXT NOT NULL,
    metric        TEXT NOT NULL,
    kind          TEXT NOT NULL,      -- of the value: money, percent, count, multiple
    value_text    TEXT NOT NULL,      -- the value as the article writes it
    start         INTEGER NOT NULL,   -- code points of value_text in the article
    end           INTEGER NOT NULL,
    low           REAL NOT NULL,
    high          REAL NOT NULL,
    unit          TEXT NOT NULL,
    qualifier     TEXT NOT NULL,
    date          TEXT,
    round         TEXT,
    investors     TEXT NOT NULL DEFAULT '[]',
    lead_investor TEXT,
    quote         TEXT NOT NULL,
    confidence    REAL NOT NULL,
    status        TEXT NOT NULL DEFAULT 'extracted'
                  CHECK (status IN ('extracted', 'confirmed', 'rejected', 'edited'))
);
CREATE INDEX facts_article ON facts(article_id);
CREATE INDEX facts_subject ON facts(subject);
CREATE INDEX facts_metric ON facts(metric);
";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FactRow {
    pub id: i64,
    pub article_id: i64,
    pub article_title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub subject: String,
    pub metric: String,
    pub kind: String,
    pub value_text: String,
    pub start: i64,
    pub end: i64,
    pub low: f64,
    pub high: f64,
    pub unit: String,
    pub qualifier: String,
    pub date: Option<String>,
    pub round: Option<String>,
    pub investors: Vec<String>,
    pub lead_investor: Option<String>,
    pub quote: String,
    pub confidence: f64,
    pub status: String,
}

fn from_row(r: &Row) -> rusqlite::Result<FactRow> {
    let investors: String = r.get(17)?;
    Ok(FactRow {
        id: r.get(0)?,
        article_id: r.get(1)?,
        article_title: r.get(2)?,
        outlet: r.get(3)?,
        published: r.get(4)?,
        subject: r.get(5)?,
        metric: r.get(6)?,
        kind: r.get(7)?,
        value_text: r.get(8)?,
        start: r.get(9)?,
        end: r.get(10)?,
        low: r.get(11)?,
        high: r.get(12)?,
        unit: r.get(13)?,
        qualifier: r.get(14)?,
        date: r.get(15)?,
        round: r.get(16)?,
        investors: serde_json::from_str(&investors).unwrap_or_default(),
        lead_investor: r.get(18)?,
        quote: r.get(19)?,
        confidence: r.get(20)?,
        status: r.get(21)?,
    })
}

/// Replaces the article's unreviewed facts with `extraction`'s; reviewed facts stay,
/// and a new fact on the same value and metric as a reviewed one is not added again.
pub fn replace_extracted(conn: &Connection, article_id: i64, extraction: &Extraction) -> Result<()> {
    conn.execute("DELETE FROM facts WHERE article_id = ?1 AND status = 'extracted'", [article_id])?;
    let mut insert = conn.prepare_cached(
        "INSERT INTO facts (article_id, subject, metric, kind, value_text, start, end, low, high, unit,
                            qualifier, date, round, investors, lead_investor, quote, confidence)
         SELECT ?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17
         WHERE NOT EXISTS (SELECT 1 FROM facts WHERE article_id = ?1 AND start = ?6 AND end = ?7 AND metric = ?3)",
    )?;
    for fact in &extraction.facts {
        let Some(q) = extraction.quantities.get(fact.quantity) else { continue };
        insert.execute(params![
            article_id,
            fact.subject,
            fact.metric,
            enum_name(&q.kind),
            q.text,
            q.start as i64,
            q.end as i64,
            q.low,
            q.high,
            q.unit,
            enum_name(&q.qualifier),
            fact.date,
            fact.round,
            serde_json::to_string(&fact.investors).unwrap_or_else(|_| "[]".into()),
            fact.lead_investor,
            fact.quote,
            fact.confidence,
        ])?;
    }
    Ok(())
}

#[derive(Debug, Clone, Default, serde::Deserialize, Serialize)]
pub struct FactFilter {
    pub subject: Option<String>,
    pub metric: Option<String>,
    pub article_id: Option<i64>,
    /// Include rejected facts (left out by default).
    #[serde(default)]
    pub include_rejected: bool,
}

pub fn list(conn: &Connection, filter: &FactFilter) -> Result<Vec<FactRow>> {
    let mut stmt = conn.prepare_cached(
        "SELECT f.id, f.article_id, a.title, a.outlet, a.published, f.subject, f.metric, f.kind, f.value_text,
                f.start, f.end, f.low, f.high, f.unit, f.qualifier, f.date, f.round, f.investors,
                f.lead_investor, f.quote, f.confidence, f.status
         FROM facts f JOIN articles a ON a.id = f.article_id
         WHERE (?1 IS NULL OR f.subject = ?1) AND (?2 IS NULL OR f.metric = ?2)
           AND (?3 IS NULL OR f.article_id = ?3) AND (?4 OR f.status <> 'rejected')
         ORDER BY f.subject, f.metric, coalesce(f.date, a.published) DESC, f.id",
    )?;
    let rows = stmt.query_map(
        params![filter.subject, filter.metric, filter.article_id, filter.include_rejected],
        from_row,
    )?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}
