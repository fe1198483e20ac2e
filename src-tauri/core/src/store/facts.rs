//! The `facts` table: what the extractor found (subject, metric, value, date...) and
//! its review status. A fact carries its own copy of the value and span, so a fact a
//! user has reviewed survives re-extraction untouched.

use std::collections::HashSet;

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::extraction::enum_name;
use crate::extract::Extraction;
use crate::{Error, Result};

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

/// A metric has one of a dozen values: its index cost every import a page write per
/// metric in the article, more than it saved the rare query on a metric alone.
pub const SCHEMA_V4: &str = "DROP INDEX facts_metric;";

/// The metrics of the extraction contract.
pub const METRICS: &[&str] = &[
    "valuation",
    "funding",
    "market_cap",
    "revenue",
    "profit",
    "loss",
    "market_size",
    "users",
    "growth",
    "price_change",
    "turnover",
    "cost",
    "price",
    "share",
    "proceeds",
    "deal_value",
    "margin",
    "other",
];
const KINDS: &[&str] = &["money", "percent", "count", "multiple"];
const QUALIFIERS: &[&str] = &["exact", "approx", "gt", "gte", "lt", "lte", "range", "vague"];

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FactRow {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub article_id: i64,
    pub article_title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub subject: String,
    pub metric: String,
    pub kind: String,
    pub value_text: String,
    #[ts(type = "number")]
    pub start: i64,
    #[ts(type = "number")]
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
    /// The entity the subject is a name of, and that entity's name.
    #[ts(type = "number | null")]
    pub entity_id: Option<i64>,
    pub entity: Option<String>,
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
        entity_id: r.get(22)?,
        entity: r.get(23)?,
    })
}

/// Replaces the article's unreviewed facts with `extraction`'s; reviewed facts stay,
/// and a new fact on the same value and metric as a reviewed one is not added again
/// (nor on a value whose fact a user edited, perhaps to another metric).
pub fn replace_extracted(conn: &Connection, article_id: i64, extraction: &Extraction) -> Result<()> {
    conn.prepare_cached("DELETE FROM facts WHERE article_id = ?1 AND status = 'extracted'")?
        .execute([article_id])?;
    // What stays (reviewed facts, usually none) is read once; checking each new fact
    // against the table instead cost more than the inserts themselves.
    let mut taken: HashSet<(i64, i64, String)> = HashSet::new();
    let mut edited: HashSet<(i64, i64)> = HashSet::new();
    let mut kept =
        conn.prepare_cached("SELECT start, end, metric, status FROM facts WHERE article_id = ?1")?;
    let mut rows = kept.query([article_id])?;
    while let Some(r) = rows.next()? {
        let (start, end, metric, status): (i64, i64, String, String) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
        if status == "edited" {
            edited.insert((start, end));
        }
        taken.insert((start, end, metric));
    }
    let mut insert =
        conn.prepare_cached(&format!("INSERT INTO facts ({INSERTED}) VALUES ({INSERTED_VALUES})"))?;
    for fact in &extraction.facts {
        let Some(q) = extraction.quantities.get(fact.quantity) else { continue };
        let span = (q.start as i64, q.end as i64);
        if edited.contains(&span) || !taken.insert((span.0, span.1, fact.metric.to_owned())) {
            continue;
        }
        insert_with(&mut insert, article_id, fact, q)?;
    }
    Ok(())
}

/// The columns a new fact fills, and their parameters, as `insert_with` binds them.
const INSERTED: &str = "article_id, subject, metric, kind, value_text, start, end, low, high, unit,
                        qualifier, date, round, investors, lead_investor, quote, confidence";
const INSERTED_VALUES: &str = "?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17";

/// Runs `insert` (an insert of `INSERTED`) for the extractor's `fact` on `q`.
fn insert_with(
    insert: &mut rusqlite::Statement,
    article_id: i64,
    fact: &crate::extract::Fact,
    q: &crate::extract::Quantity,
) -> Result<usize> {
    let investors = serde_json::to_string(&fact.investors).map_err(|e| Error::internal(e.to_string()))?;
    Ok(insert.execute(params![
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
        investors,
        fact.lead_investor,
        fact.quote,
        fact.confidence,
    ])?)
}

#[derive(Debug, Clone, Default, serde::Deserialize, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FactFilter {
    /// A name of the entity: facts under any of its names are listed.
    pub subject: Option<String>,
    pub metric: Option<String>,
    #[ts(type = "number | null")]
    pub article_id: Option<i64>,
    /// Include rejected facts (left out by default).
    #[serde(default)]
    pub include_rejected: bool,
}

const SELECT: &str = "
    SELECT f.id, f.article_id, a.title, a.outlet, a.published, f.subject, f.metric, f.kind, f.value_text,
           f.start, f.end, f.low, f.high, f.unit, f.qualifier, f.date, f.round, f.investors,
           f.lead_investor, f.quote, f.confidence, f.status, e.id, e.name
    FROM facts f JOIN articles a ON a.id = f.article_id
    LEFT JOIN entity_aliases ea ON ea.alias = f.subject LEFT JOIN entities e ON e.id = ea.entity_id";

pub fn list(conn: &Connection, filter: &FactFilter) -> Result<Vec<FactRow>> {
    super::entities::seed(conn)?;
    let (sql, values) = list_query(filter);
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values), from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// The query of `list` and its parameters. Only the filters given go into it: with
/// `?1 IS NULL OR ...` SQLite could use neither the article nor the subject index, and
/// the facts of one article would cost a scan of every fact.
fn list_query(filter: &FactFilter) -> (String, Vec<Value>) {
    let mut conditions = vec!["1".to_owned()];
    let mut values: Vec<Value> = Vec::new();
    let mut bind = |value: Value| {
        values.push(value);
        format!("?{}", values.len())
    };
    if let Some(subject) = &filter.subject {
        let p = bind(subject.clone().into());
        conditions.push(format!(
            "f.subject IN (SELECT {p} UNION SELECT alias FROM entity_aliases
                           WHERE entity_id = (SELECT entity_id FROM entity_aliases WHERE alias = {p}))"
        ));
    }
    if let Some(metric) = &filter.metric {
        conditions.push(format!("f.metric = {}", bind(metric.clone().into())));
    }
    if let Some(article_id) = filter.article_id {
        conditions.push(format!("f.article_id = {}", bind(article_id.into())));
    }
    if !filter.include_rejected {
        conditions.push("f.status <> 'rejected'".to_owned());
    }
    let sql = format!(
        "{SELECT} WHERE {}
         ORDER BY f.subject, f.metric, coalesce(f.date, a.published) DESC, f.id",
        conditions.join(" AND ")
    );
    (sql, values)
}

pub fn get(conn: &Connection, id: i64) -> Result<FactRow> {
    conn.query_row(&format!("{SELECT} WHERE f.id = ?1"), [id], from_row)
        .optional()?
        .ok_or_else(|| Error::not_found(format!("no fact with id {id}")))
}

/// Facts whose subject is any name of entity `entity_id`, newest first (by the date
/// the fact is about, else the article's), rejected ones left out.
pub(crate) fn of_entity(conn: &Connection, entity_id: i64) -> Result<Vec<FactRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE ea.entity_id = ?1 AND f.status <> 'rejected'
         ORDER BY coalesce(f.date, a.published) IS NULL, coalesce(f.date, a.published) DESC, f.id DESC"
    ))?;
    let rows = stmt.query_map([entity_id], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks a fact as checked and right.
pub fn confirm(conn: &Connection, id: i64) -> Result<FactRow> {
    set_status(conn, id, "confirmed")
}

/// Marks a fact as wrong: it stays, hidden from lists, and re-extraction never brings it back.
pub fn reject(conn: &Connection, id: i64) -> Result<FactRow> {
    set_status(conn, id, "rejected")
}

fn set_status(conn: &Connection, id: i64, status: &str) -> Result<FactRow> {
    if conn.execute("UPDATE facts SET status = ?2 WHERE id = ?1", params![id, status])? == 0 {
        return Err(Error::not_found(format!("no fact with id {id}")));
    }
    get(conn, id)
}

/// Changes to a fact's fields; absent fields stay. An empty `date` or `round` clears it.
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct FactEdit {
    pub subject: Option<String>,
    pub metric: Option<String>,
    pub kind: Option<String>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<String>,
    pub date: Option<String>,
    pub round: Option<String>,
    pub investors: Option<Vec<String>>,
}

fn one_of(field: &str, value: &str, allowed: &[&str]) -> Result<()> {
    if allowed.contains(&value) {
        Ok(())
    } else {
        Err(Error::invalid(format!("\"{value}\" is not a {field}; use one of {}", allowed.join(", "))))
    }
}

/// Accepts ISO dates to any precision: 2024, 2024-12, 2024-12-05.
fn check_date(date: &str) -> Result<()> {
    let full = match date.len() {
        4 => format!("{date}-01-01"),
        7 => format!("{date}-01"),
        _ => date.to_owned(),
    };
    chrono::NaiveDate::parse_from_str(&full, "%Y-%m-%d")
        .map(|_| ())
        .map_err(|_| Error::invalid(format!("\"{date}\" is not a date; use 2024, 2024-12 or 2024-12-05")))
}

/// Corrects a fact in one transaction; its status becomes `edited`, so re-extraction keeps it.
pub fn edit(conn: &Connection, id: i64, edit: &FactEdit) -> Result<FactRow> {
    let mut fact = get(conn, id)?;
    if let Some(subject) = &edit.subject {
        fact.subject = subject.trim().to_owned();
        if fact.subject.is_empty() {
            return Err(Error::invalid("a fact needs a subject"));
        }
    }
    if let Some(metric) = &edit.metric {
        one_of("metric", metric, METRICS)?;
        fact.metric = metric.clone();
    }
    if let Some(kind) = &edit.kind {
        one_of("kind of value", kind, KINDS)?;
        fact.kind = kind.clone();
    }
    if let Some(qualifier) = &edit.qualifier {
        one_of("qualifier", qualifier, QUALIFIERS)?;
        fact.qualifier = qualifier.clone();
    }
    // A single new bound moves both when the fact was one value.
    let single = fact.low == fact.high;
    match (edit.low, edit.high) {
        (Some(low), None) if single => (fact.low, fact.high) = (low, low),
        (None, Some(high)) if single => (fact.low, fact.high) = (high, high),
        (low, high) => (fact.low, fact.high) = (low.unwrap_or(fact.low), high.unwrap_or(fact.high)),
    }
    if !fact.low.is_finite() || !fact.high.is_finite() || fact.low > fact.high {
        return Err(Error::invalid(format!("the value {}..{} is not a range", fact.low, fact.high)));
    }
    if let Some(unit) = &edit.unit {
        fact.unit = unit.trim().to_owned();
    }
    if let Some(date) = &edit.date {
        fact.date = Some(date.trim().to_owned()).filter(|d| !d.is_empty());
        fact.date.as_deref().map(check_date).transpose()?;
    }
    if let Some(round) = &edit.round {
        fact.round = Some(round.trim().to_owned()).filter(|r| !r.is_empty());
    }
    if let Some(investors) = &edit.investors {
        fact.investors = investors.iter().map(|i| i.trim().to_owned()).filter(|i| !i.is_empty()).collect();
    }
    conn.execute(
        "UPDATE facts SET subject = ?2, metric = ?3, kind = ?4, low = ?5, high = ?6, unit = ?7, qualifier = ?8,
                          date = ?9, round = ?10, investors = ?11, status = 'edited' WHERE id = ?1",
        params![
            id,
            fact.subject,
            fact.metric,
            fact.kind,
            fact.low,
            fact.high,
            fact.unit,
            fact.qualifier,
            fact.date,
            fact.round,
            serde_json::to_string(&fact.investors).map_err(|e| Error::internal(e.to_string()))?,
        ],
    )?;
    get(conn, id)
}

/// A new fact from the selection [start, end) of an article, filled in by the
/// extractor: the fact it found on a figure in the selection, or else the first
/// figure there with the subject and date of its sentence. Stored as `edited` (a
/// user made it) so re-extraction keeps it. Fails if the selection holds no figure,
/// or only one that already is a fact.
pub fn create_from_selection(
    conn: &Connection,
    article_id: i64,
    start: usize,
    end: usize,
) -> Result<FactRow> {
    let article = super::articles::get(conn, article_id)?;
    let published = article.summary.published.as_deref().filter(|p| p.len() == 10);
    let found = crate::extract::fact_in_selection(&article.text, published, start, end)?;
    let (fact, q) = (&found.fact, &found.quantity);
    let existing: Option<i64> = conn
        .query_row(
            "SELECT id FROM facts WHERE article_id = ?1 AND start = ?2 AND end = ?3 AND metric = ?4",
            params![article_id, q.start as i64, q.end as i64, fact.metric],
            |r| r.get(0),
        )
        .optional()?;
    if let Some(existing) = existing {
        return Err(Error::invalid(format!("the selection is already fact #{existing}")));
    }
    // Made by a user, so stored as edited: re-extraction keeps it.
    let mut insert = conn.prepare_cached(&format!(
        "INSERT INTO facts ({INSERTED}, status) VALUES ({INSERTED_VALUES}, 'edited')"
    ))?;
    insert_with(&mut insert, article_id, fact, q)?;
    get(conn, conn.last_insert_rowid())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// How SQLite runs `list` for `filter` on the real schema.
    fn plan(filter: &FactFilter) -> String {
        let library = crate::Library::open_in_memory().unwrap();
        let (sql, values) = list_query(filter);
        let mut stmt = library.conn().prepare(&format!("EXPLAIN QUERY PLAN {sql}")).unwrap();
        let rows = stmt.query_map(rusqlite::params_from_iter(values), |r| r.get::<_, String>(3)).unwrap();
        rows.map(Result::unwrap).collect::<Vec<_>>().join("\n")
    }

    #[test]
    fn facts_of_an_article_or_a_subject_are_found_through_an_index() {
        let article =
            plan(&FactFilter { article_id: Some(7), include_rejected: true, ..FactFilter::default() });
        assert!(article.contains("SEARCH f USING INDEX facts_article"), "{article}");
        let subject = plan(&FactFilter { subject: Some("DeepSeek".into()), ..FactFilter::default() });
        assert!(subject.contains("SEARCH f USING INDEX facts_subject"), "{subject}");
        let both = plan(&FactFilter {
            subject: Some("DeepSeek".into()),
            metric: Some("valuation".into()),
            article_id: Some(7),
            ..FactFilter::default()
        });
        assert!(!both.contains("SCAN f"), "{both}");
    }
}
