//! Collections as both front ends use them: by name, made when first named, with
//! articles that must exist.

use rusqlite::Connection;

use crate::store::collections;
use crate::{Reason, Result};

/// The collection called `name`, made if there is none.
pub fn find_or_create(conn: &Connection, name: &str) -> Result<i64> {
    match collections::find(conn, name)? {
        Some(id) => Ok(id),
        None => collections::create(conn, name),
    }
}

/// The collection called `name`, or an error saying there is none.
pub fn named(conn: &Connection, name: &str) -> Result<i64> {
    collections::find(conn, name)?
        .ok_or_else(|| crate::Error::from(Reason::NoCollectionNamed { name: name.to_owned() }))
}

/// Puts articles (each of which must exist) in a collection; those already in it stay.
pub fn add(conn: &Connection, collection_id: i64, article_ids: impl IntoIterator<Item = i64>) -> Result<()> {
    for id in article_ids {
        super::articles::require(conn, id)?;
        collections::add_article(conn, collection_id, id)?;
    }
    Ok(())
}
