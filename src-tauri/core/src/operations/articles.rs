//! Articles as both front ends address them.

use rusqlite::Connection;

use crate::store::articles;
use crate::{Error, Reason, Result};

/// Fails with "no article with id …" unless the article exists.
pub fn require(conn: &Connection, id: i64) -> Result<()> {
    if articles::exists(conn, id)? {
        Ok(())
    } else {
        Err(Error::from(Reason::ArticleNotFound { id }))
    }
}
