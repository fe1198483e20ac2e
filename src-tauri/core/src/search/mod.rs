//! Full-text search over title and body, for Chinese and English.
//!
//! Every article's title and body go into the index (`store::search_index`) twice
//! over: as words (jieba segmentation plus Latin words, lowercased and Porter-stemmed
//! by the tokenizer) and as single CJK characters (see `terms`). Snippets are cut from
//! `articles.text`.

mod snippet;
mod terms;

use rusqlite::types::Value;
use rusqlite::Connection;
use serde::Serialize;

use crate::store::articles::{self, ArticleFilter, ArticleSummary};
use crate::store::search_index;
use crate::Result;

pub use terms::{MAX_QUERY_CHARS, MAX_QUERY_TERMS};

/// bm25 weights of title, body, title_chars, body_chars: a title hit counts as five body hits.
const RANK: &str = "bm25(search_index, 5.0, 1.0, 5.0, 1.0)";
/// Most matches ranked for one query (see `search`).
pub const MAX_CANDIDATES: usize = 2_000;
/// Most hits one call returns.
const MAX_LIMIT: usize = 1_000;

/// Adds a new article to the index, in the caller's transaction.
pub fn index_article(conn: &Connection, id: i64, title: &str, text: &str) -> Result<()> {
    insert_entry(conn, id, &Entry::new(title, text))
}

/// An article's title and text segmented as the index takes them. Segmentation is most of
/// the cost of indexing; import does it before it opens the writing transaction.
pub struct Entry {
    title: terms::Segmented,
    body: terms::Segmented,
}

impl Entry {
    pub fn new(title: &str, text: &str) -> Entry {
        Entry { title: terms::segment(title), body: terms::segment(text) }
    }
}

/// Adds a new article's segmented entry to the index, in the caller's transaction.
pub fn insert_entry(conn: &Connection, id: i64, entry: &Entry) -> Result<()> {
    let (title, body) = (&entry.title, &entry.body);
    let row = search_index::Entry {
        title_words: &title.words,
        body_words: &body.words,
        title_chars: &title.chars,
        body_chars: &body.chars,
    };
    search_index::insert(conn, id, &row)
}

/// Indexes an article's new text in place of its old entry, in the caller's transaction.
pub fn reindex_article(conn: &Connection, id: i64, title: &str, text: &str) -> Result<()> {
    search_index::remove(conn, id)?;
    index_article(conn, id, title, text)
}

/// Indexes every article again from scratch (after a change of segmentation,
/// or to repair the index); returns how many articles were indexed.
pub fn rebuild(conn: &Connection) -> Result<usize> {
    search_index::clear(conn)?;
    let mut stmt = conn.prepare("SELECT id, title, text FROM articles ORDER BY id")?;
    let mut rows = stmt.query([])?;
    let mut count = 0;
    while let Some(row) = rows.next()? {
        index_article(conn, row.get(0)?, &row.get::<_, String>(1)?, &row.get::<_, String>(2)?)?;
        count += 1;
    }
    Ok(count)
}

#[derive(Debug, Clone, Default, serde::Deserialize, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct SearchQuery {
    /// What the user typed. Terms separated by spaces or punctuation must all match.
    pub text: String,
    #[serde(default)]
    pub filter: ArticleFilter,
    /// Most hits returned (1 to 1,000).
    pub limit: usize,
    /// Hits skipped, for the next page.
    #[serde(default)]
    pub offset: usize,
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
    /// Relevance, higher is better: bm25 with title hits weighted; for queries
    /// matching MAX_CANDIDATES articles or more, 2 for a title hit, 1 otherwise.
    pub score: f64,
}

/// Articles matching every term of the query, best first.
///
/// Chinese is looked up by dictionary word where the query is made of them (so
/// 华人 does not match 中华人民), otherwise as an exact string of characters;
/// when words find nothing at all, every Chinese term is matched as a string.
///
/// bm25 reads every match of every term once per query to weigh the terms, which
/// for a common character (的, 市: most of the library) costs more than the
/// latency budget. So when MAX_CANDIDATES or more articles match, only the most
/// recently imported MAX_CANDIDATES are considered, title hits first, newest
/// first within each group, without bm25.
pub fn search(conn: &Connection, query: &SearchQuery) -> Result<Vec<SearchHit>> {
    let terms = terms::parse_query(&query.text)?;
    // The unary + keeps SQLite from handing an id list to FTS5 as lookups one by one;
    // each list is built once and every match is checked against it.
    let (filter, filter_values) = query.filter.id_lists("search_index.rowid", 2);
    let mut expression = terms::match_expression(&terms, terms::Cjk::Words);
    let mut candidates = newest_matches(conn, &expression, &filter, &filter_values)?;
    if candidates.is_empty() && terms::has_cjk_words(&terms) {
        expression = terms::match_expression(&terms, terms::Cjk::Chars);
        candidates = newest_matches(conn, &expression, &filter, &filter_values)?;
    }
    let limit = query.limit.clamp(1, MAX_LIMIT);
    let ranked = if candidates.len() < MAX_CANDIDATES {
        let sql = format!(
            "SELECT search_index.rowid, {RANK} AS score FROM search_index
             WHERE search_index MATCH ?1 {filter} ORDER BY score LIMIT {limit} OFFSET {}",
            query.offset
        );
        let mut stmt = conn.prepare_cached(&sql)?;
        let rows = stmt.query_map(rusqlite::params_from_iter(params(&expression, &filter_values)), |r| {
            Ok((r.get::<_, i64>(0)?, -r.get::<_, f64>(1)?))
        })?;
        rows.collect::<rusqlite::Result<Vec<_>>>()?
    } else {
        title_hits_first(conn, &expression, candidates)?.into_iter().skip(query.offset).take(limit).collect()
    };
    let sql = format!("SELECT {}, a.text FROM articles a WHERE a.id = ?1", articles::SUMMARY_COLUMNS);
    let mut stmt = conn.prepare_cached(&sql)?;
    let mut hits = Vec::with_capacity(ranked.len());
    for (id, score) in ranked {
        let (article, text) =
            stmt.query_row([id], |row| Ok((articles::summary_from_row(row)?, row.get::<_, String>(10)?)))?;
        hits.push(SearchHit { article, snippet: snippet::snippet(&text, &terms), score });
    }
    Ok(hits)
}

fn params(expression: &str, filter_values: &[Value]) -> Vec<Value> {
    std::iter::once(Value::Text(expression.to_owned())).chain(filter_values.iter().cloned()).collect()
}

/// Ids of the newest MAX_CANDIDATES matches, newest first: FTS5 reads matches
/// in rowid order and stops there.
fn newest_matches(
    conn: &Connection,
    expression: &str,
    filter: &str,
    filter_values: &[Value],
) -> Result<Vec<i64>> {
    let sql = format!(
        "SELECT search_index.rowid FROM search_index WHERE search_index MATCH ?1 {filter}
         ORDER BY search_index.rowid DESC LIMIT {MAX_CANDIDATES}"
    );
    let mut stmt = conn.prepare_cached(&sql)?;
    let rows = stmt.query_map(rusqlite::params_from_iter(params(expression, filter_values)), |r| r.get(0))?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Candidates (newest first) reordered with title hits first; score 2 for a
/// title hit, 1 for a body hit.
fn title_hits_first(conn: &Connection, expression: &str, candidates: Vec<i64>) -> Result<Vec<(i64, f64)>> {
    let oldest = candidates.last().copied().unwrap_or(0);
    let mut stmt = conn.prepare_cached(
        "SELECT rowid FROM search_index WHERE search_index MATCH ?1 AND rowid >= ?2 ORDER BY rowid DESC",
    )?;
    let in_title = stmt
        .query_map(rusqlite::params![format!("{{title title_chars}} : ({expression})"), oldest], |r| {
            r.get(0)
        })?
        .collect::<rusqlite::Result<std::collections::HashSet<i64>>>()?;
    let (title, body): (Vec<i64>, Vec<i64>) = candidates.into_iter().partition(|id| in_title.contains(id));
    Ok(title.into_iter().map(|id| (id, 2.0)).chain(body.into_iter().map(|id| (id, 1.0))).collect())
}
