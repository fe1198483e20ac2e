//! Full-text search over title and body.

use rusqlite::Connection;
use serde::Serialize;

use crate::store::articles::{self, ArticleFilter, ArticleSummary};
use crate::Result;

pub const SCHEMA_V1: &str = "
CREATE TABLE search_placeholder (article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE);
";

pub fn index_article(conn: &Connection, id: i64, _title: &str, _text: &str) -> Result<()> {
    conn.execute("INSERT INTO search_placeholder (article_id) VALUES (?1)", [id])?;
    Ok(())
}

#[derive(Debug, Clone, Default, serde::Deserialize, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SearchQuery {
    pub text: String,
    #[serde(default)]
    pub filter: ArticleFilter,
    pub limit: usize,
}

/// A piece of a snippet; `hit` pieces match the query and are shown highlighted.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SnippetPart {
    pub text: String,
    pub hit: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SearchHit {
    pub article: ArticleSummary,
    pub snippet: Vec<SnippetPart>,
    pub score: f64,
}

pub fn search(conn: &Connection, query: &SearchQuery) -> Result<Vec<SearchHit>> {
    let (cond, mut values) = query.filter.to_sql(2);
    values.insert(0, rusqlite::types::Value::Text(query.text.clone()));
    let sql = format!(
        "SELECT {} , a.text FROM articles a WHERE instr(a.title || a.text, ?1) > 0 AND {cond} LIMIT {}",
        articles::SUMMARY_COLUMNS,
        query.limit.max(1)
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(values), |row| {
        Ok((articles::summary_from_row(row)?, row.get::<_, String>(10)?))
    })?;
    let mut hits = Vec::new();
    for row in rows {
        let (article, text) = row?;
        let snippet = match text.find(&query.text) {
            Some(at) => vec![
                SnippetPart { text: tail_chars(&text[..at], 30), hit: false },
                SnippetPart { text: query.text.clone(), hit: true },
            ],
            None => Vec::new(),
        };
        hits.push(SearchHit { article, snippet, score: 0.0 });
    }
    Ok(hits)
}

fn tail_chars(s: &str, n: usize) -> String {
    let count = s.chars().count();
    s.chars().skip(count.saturating_sub(n)).collect()
}
