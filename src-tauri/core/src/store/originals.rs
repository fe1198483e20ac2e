//! The `originals` table: the bytes of each imported file, so that a better importer
//! can derive the text again later.

use rusqlite::{params, Connection, OptionalExtension};

use crate::Result;

pub const SCHEMA_V1: &str = "
CREATE TABLE originals (
    article_id INTEGER PRIMARY KEY REFERENCES articles(id) ON DELETE CASCADE,
    bytes      BLOB NOT NULL,
    byte_count INTEGER NOT NULL,
    sha256     TEXT NOT NULL          -- of the bytes, to check them later
);
";

/// The checksum stored with a file's bytes.
pub fn bytes_hash(bytes: &[u8]) -> String {
    super::sha256_hex(bytes)
}

pub fn insert(conn: &Connection, article_id: i64, bytes: &[u8], sha256: &str) -> Result<()> {
    conn.prepare_cached(
        "INSERT INTO originals (article_id, bytes, byte_count, sha256) VALUES (?1, ?2, ?3, ?4)",
    )?
    .execute(params![article_id, bytes, bytes.len() as i64, sha256])?;
    Ok(())
}

pub fn get(conn: &Connection, article_id: i64) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row("SELECT bytes FROM originals WHERE article_id = ?1", [article_id], |r| r.get(0))
        .optional()?)
}

/// Articles without their original bytes, and originals whose bytes changed.
pub(crate) fn check(conn: &Connection) -> Result<Vec<String>> {
    let mut problems = Vec::new();
    let mut stmt = conn.prepare(
        "SELECT a.id FROM articles a LEFT JOIN originals o ON o.article_id = a.id WHERE o.article_id IS NULL",
    )?;
    for id in stmt.query_map([], |r| r.get::<_, i64>(0))? {
        problems.push(format!("article {}: original file bytes are missing", id?));
    }
    let mut stmt = conn.prepare("SELECT article_id, sha256, bytes FROM originals")?;
    let rows =
        stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, r.get::<_, Vec<u8>>(2)?)))?;
    for row in rows {
        let (id, sha, bytes) = row?;
        if bytes_hash(&bytes) != sha {
            problems.push(format!("article {id}: original file bytes do not match their checksum"));
        }
    }
    Ok(problems)
}
