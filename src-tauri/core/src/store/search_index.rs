//! The `search_index` table: a contentless FTS5 index of every article's title and
//! body, each as words and as single CJK characters (the search module decides what
//! those are and how they are queried). The text itself is not stored twice: snippets
//! are cut from `articles.text`. A trigger removes an article's entry when the article
//! is deleted.

use rusqlite::Connection;

use crate::Result;

pub const SCHEMA_V1: &str = "
CREATE VIRTUAL TABLE search_index USING fts5(
    title, body, title_chars, body_chars,
    content = '', contentless_delete = 1,
    tokenize = 'porter unicode61 remove_diacritics 2'
);
CREATE TRIGGER articles_search_delete AFTER DELETE ON articles BEGIN
    DELETE FROM search_index WHERE rowid = old.id;
END;
";

/// One article's entry as the index takes it: title and body as space-separated words
/// and as space-separated characters.
pub struct Entry<'a> {
    pub title_words: &'a str,
    pub body_words: &'a str,
    pub title_chars: &'a str,
    pub body_chars: &'a str,
}

/// Adds article `id`'s entry, in the caller's transaction.
pub fn insert(conn: &Connection, id: i64, entry: &Entry) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO search_index (rowid, title, body, title_chars, body_chars) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(rusqlite::params![
        id,
        entry.title_words,
        entry.body_words,
        entry.title_chars,
        entry.body_chars
    ])?;
    Ok(())
}

/// Removes article `id`'s entry (its text is about to change).
pub fn remove(conn: &Connection, id: i64) -> Result<()> {
    conn.prepare_cached("DELETE FROM search_index WHERE rowid = ?1")?.execute([id])?;
    Ok(())
}

/// Removes every entry, before the index is built again.
pub fn clear(conn: &Connection) -> Result<()> {
    conn.execute("INSERT INTO search_index (search_index) VALUES ('delete-all')", [])?;
    Ok(())
}

/// Articles missing from the index, and index entries left by deleted articles.
pub(crate) fn check(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT a.id, 'is not in the search index' FROM articles a
           LEFT JOIN search_index_docsize d ON d.id = a.id WHERE d.id IS NULL
         UNION ALL
         SELECT d.id, 'was deleted but is still in the search index' FROM search_index_docsize d
           LEFT JOIN articles a ON a.id = d.id WHERE a.id IS NULL",
    )?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
        let (id, what) = row?;
        problems.push(format!("article {id} {what}"));
    }
    Ok(problems)
}
