//! The `facts` table: what the extractor found (subject, metric, value, date...) and
//! its review status. A fact carries its own copy of the value and span, so a fact a
//! user has reviewed survives re-extraction untouched.

use std::collections::{HashMap, HashSet};

use rusqlite::types::Value;
use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::Serialize;

use super::quantities::NewQuantity;
use crate::vocabulary::{FactStatus, Metric, Qualifier, QuantityKind};
use crate::{Error, Reason, Result};

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
    pub metric: Metric,
    pub kind: QuantityKind,
    pub value_text: String,
    #[ts(type = "number")]
    pub start: i64,
    #[ts(type = "number")]
    pub end: i64,
    pub low: f64,
    pub high: f64,
    pub unit: String,
    pub qualifier: Qualifier,
    pub date: Option<String>,
    pub round: Option<String>,
    pub investors: Vec<String>,
    pub lead_investor: Option<String>,
    pub quote: String,
    pub confidence: f64,
    pub status: FactStatus,
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

/// A fact as it is stored: the figure (as the article writes it, and its value) and
/// what it is about.
pub struct NewFact<'a> {
    pub subject: &'a str,
    pub metric: Metric,
    /// The figure, as the quantities table holds it (its text is the fact's value_text).
    pub value: NewQuantity<'a>,
    pub date: Option<&'a str>,
    pub round: Option<&'a str>,
    pub investors: &'a [String],
    pub lead_investor: Option<&'a str>,
    pub quote: &'a str,
    pub confidence: f64,
}

/// Replaces the article's unreviewed facts with `found`; reviewed facts stay, and a new
/// fact on the same value and metric as a reviewed one is not added again (nor on a
/// value whose fact a user edited, perhaps to another metric), unless it stood beside
/// them already: the extractor's fact on a figure a user made a second fact of.
pub fn replace_extracted(conn: &Connection, article_id: i64, found: &[NewFact]) -> Result<()> {
    // What is stored is read once; checking each new fact against the table instead
    // cost more than the inserts themselves.
    let mut taken: HashSet<(i64, i64, Metric)> = HashSet::new();
    let mut edited: HashSet<(i64, i64)> = HashSet::new();
    // The subjects of the unreviewed facts on each value and metric.
    let mut standing: HashMap<(i64, i64, Metric), Vec<String>> = HashMap::new();
    {
        let mut stored = conn
            .prepare_cached("SELECT start, end, metric, status, subject FROM facts WHERE article_id = ?1")?;
        let mut rows = stored.query([article_id])?;
        while let Some(r) = rows.next()? {
            let (start, end, metric, status): (i64, i64, Metric, FactStatus) =
                (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?);
            if status == FactStatus::Extracted {
                standing.entry((start, end, metric)).or_default().push(r.get(4)?);
                continue;
            }
            if status == FactStatus::Edited {
                edited.insert((start, end));
            }
            taken.insert((start, end, metric));
        }
    }
    conn.prepare_cached("DELETE FROM facts WHERE article_id = ?1 AND status = ?2")?
        .execute(params![article_id, FactStatus::Extracted])?;
    let mut insert = conn.prepare_cached(INSERT)?;
    for fact in found {
        let span = (fact.value.start as i64, fact.value.end as i64);
        let key = (span.0, span.1, fact.metric);
        let stood = standing
            .get_mut(&key)
            .and_then(|subjects| Some(subjects.swap_remove(subjects.iter().position(|s| s == fact.subject)?)))
            .is_some();
        let fresh = taken.insert(key);
        if !stood && (edited.contains(&span) || !fresh) {
            continue;
        }
        insert_with(&mut insert, article_id, fact, FactStatus::Extracted)?;
    }
    Ok(())
}

/// Stores one fact with `status`; returns its id.
pub fn insert(conn: &Connection, article_id: i64, fact: &NewFact, status: FactStatus) -> Result<i64> {
    let mut insert = conn.prepare_cached(INSERT)?;
    insert_with(&mut insert, article_id, fact, status)?;
    Ok(conn.last_insert_rowid())
}

const INSERT: &str = "INSERT INTO facts (article_id, subject, metric, kind, value_text, start, end, low, high,
                                         unit, qualifier, date, round, investors, lead_investor, quote,
                                         confidence, status)
                      VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?17, ?18)";

/// Runs `insert` (a prepared `INSERT`) for `fact`.
fn insert_with(
    insert: &mut rusqlite::Statement,
    article_id: i64,
    fact: &NewFact,
    status: FactStatus,
) -> Result<usize> {
    let investors = serde_json::to_string(&fact.investors).map_err(|e| Error::internal(e.to_string()))?;
    let v = &fact.value;
    Ok(insert.execute(params![
        article_id,
        fact.subject,
        fact.metric,
        v.kind,
        v.text,
        v.start as i64,
        v.end as i64,
        v.low,
        v.high,
        v.unit,
        v.qualifier,
        fact.date,
        fact.round,
        investors,
        fact.lead_investor,
        fact.quote,
        fact.confidence,
        status,
    ])?)
}

#[derive(Debug, Clone, Default, serde::Deserialize, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FactFilter {
    /// A name of the entity: facts under any of its names are listed.
    pub subject: Option<String>,
    pub metric: Option<Metric>,
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
        conditions.push(format!("f.metric = {}", bind(metric.as_str().to_owned().into())));
    }
    if let Some(article_id) = filter.article_id {
        conditions.push(format!("f.article_id = {}", bind(article_id.into())));
    }
    if !filter.include_rejected {
        conditions.push(format!("f.status <> '{}'", FactStatus::Rejected));
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
        .ok_or_else(|| Error::from(Reason::FactNotFound { id }))
}

/// Facts whose subject is any name of entity `entity_id`, newest first (by the date
/// the fact is about, else the article's), rejected ones left out.
pub(crate) fn of_entity(conn: &Connection, entity_id: i64) -> Result<Vec<FactRow>> {
    let mut stmt = conn.prepare_cached(&format!(
        "{SELECT} WHERE ea.entity_id = ?1 AND f.status <> ?2
         ORDER BY coalesce(f.date, a.published) IS NULL, coalesce(f.date, a.published) DESC, f.id DESC"
    ))?;
    let rows = stmt.query_map(params![entity_id, FactStatus::Rejected], from_row)?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Marks a fact as checked and right.
pub fn confirm(conn: &Connection, id: i64) -> Result<FactRow> {
    set_status(conn, id, FactStatus::Confirmed)
}

/// Marks a fact as wrong: it stays, hidden from lists, and re-extraction never brings it back.
pub fn reject(conn: &Connection, id: i64) -> Result<FactRow> {
    set_status(conn, id, FactStatus::Rejected)
}

fn set_status(conn: &Connection, id: i64, status: FactStatus) -> Result<FactRow> {
    if conn.execute("UPDATE facts SET status = ?2 WHERE id = ?1", params![id, status])? == 0 {
        return Err(Error::from(Reason::FactNotFound { id }));
    }
    get(conn, id)
}

/// Changes to a fact's fields; absent fields stay. An empty `date` or `round` clears it;
/// a date is stored as given (`operations::review` reads what users type).
#[derive(Debug, Clone, Default, PartialEq, serde::Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct FactEdit {
    pub subject: Option<String>,
    pub metric: Option<Metric>,
    pub kind: Option<QuantityKind>,
    pub low: Option<f64>,
    pub high: Option<f64>,
    pub unit: Option<String>,
    pub qualifier: Option<Qualifier>,
    pub date: Option<String>,
    pub round: Option<String>,
    pub investors: Option<Vec<String>>,
}

/// Corrects a fact in one transaction; its status becomes `edited`, so re-extraction keeps it.
pub fn edit(conn: &Connection, id: i64, edit: &FactEdit) -> Result<FactRow> {
    let mut fact = get(conn, id)?;
    if let Some(subject) = &edit.subject {
        fact.subject = subject.trim().to_owned();
        if fact.subject.is_empty() {
            return Err(Reason::SubjectMissing.into());
        }
    }
    fact.metric = edit.metric.unwrap_or(fact.metric);
    fact.kind = edit.kind.unwrap_or(fact.kind);
    fact.qualifier = edit.qualifier.unwrap_or(fact.qualifier);
    // A single new bound moves both when the fact was one value.
    let single = fact.low == fact.high;
    match (edit.low, edit.high) {
        (Some(low), None) if single => (fact.low, fact.high) = (low, low),
        (None, Some(high)) if single => (fact.low, fact.high) = (high, high),
        (low, high) => (fact.low, fact.high) = (low.unwrap_or(fact.low), high.unwrap_or(fact.high)),
    }
    if !fact.low.is_finite() || !fact.high.is_finite() || fact.low > fact.high {
        return Err(Reason::NotARange { low: fact.low, high: fact.high }.into());
    }
    if let Some(unit) = &edit.unit {
        fact.unit = unit.trim().to_owned();
    }
    if let Some(date) = &edit.date {
        fact.date = Some(date.trim().to_owned()).filter(|d| !d.is_empty());
    }
    if let Some(round) = &edit.round {
        fact.round = Some(round.trim().to_owned()).filter(|r| !r.is_empty());
    }
    if let Some(investors) = &edit.investors {
        fact.investors = investors.iter().map(|i| i.trim().to_owned()).filter(|i| !i.is_empty()).collect();
    }
    conn.execute(
        "UPDATE facts SET subject = ?2, metric = ?3, kind = ?4, low = ?5, high = ?6, unit = ?7, qualifier = ?8,
                          date = ?9, round = ?10, investors = ?11, status = ?12 WHERE id = ?1",
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
            FactStatus::Edited,
        ],
    )?;
    get(conn, id)
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
            metric: Some(Metric::Valuation),
            article_id: Some(7),
            ..FactFilter::default()
        });
        assert!(!both.contains("SCAN f"), "{both}");
    }
}
