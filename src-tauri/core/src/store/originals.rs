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

pub fn insert(conn: &Connection, article_id: i64, bytes: &[u8], sha256: &str) -> Result<()> {
    conn.execute(
        "INSERT INTO originals (article_id, bytes, byte_count, sha256) VALUES (?1, ?2, ?3, ?4)",
        params![article_id, bytes, bytes.len() as i64, sha256],
    )?;
    Ok(())
}

pub fn get(conn: &Connection, article_id: i64) -> Result<Option<Vec<u8>>> {
    Ok(conn
        .query_row("SELECT bytes FROM originals WHERE article_id = ?1", [article_id], |r| r.get(0))
        .optional()?)
}
