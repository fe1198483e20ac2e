//! Reviewing what the extractor found: facts confirmed, rejected or corrected, and
//! entities named by their id or any of their names. (A fact made from a selection is
//! `ingest::fact_from_selection`.)

use rusqlite::Connection;

use crate::ingest::Extractor;
use crate::store::entities;
use crate::store::facts::{self, FactEdit, FactRow};
use crate::vocabulary::FactStatus;
use crate::{Error, Reason, Result};

/// Confirms or rejects a fact.
pub fn review_fact(conn: &Connection, id: i64, status: FactStatus) -> Result<FactRow> {
    match status {
        FactStatus::Confirmed => facts::confirm(conn, id),
        FactStatus::Rejected => facts::reject(conn, id),
        other => Err(Reason::NotAReview { status: other.to_string() }.into()),
    }
}

/// Corrects a fact (it is then kept as edited). A date may be typed as people write
/// them (2024年12月); a subject no entity goes by becomes an entity.
pub fn edit_fact(conn: &Connection, id: i64, edit: &FactEdit) -> Result<FactRow> {
    let date = match edit.date.as_deref().map(str::trim) {
        Some("") | None => edit.date.clone(),
        Some(typed) => Some(super::dates::partial_date(typed)?),
    };
    let tx = conn.unchecked_transaction()?;
    let edited = facts::edit(&tx, id, &FactEdit { date, ..edit.clone() })?;
    Extractor::for_library(&tx)?.seed_entities(&tx, Some(edited.article_id))?;
    tx.commit()?;
    facts::get(conn, id)
}

/// The entity `given` names: an id, or any name of the entity.
pub fn entity(conn: &Connection, given: &str) -> Result<i64> {
    if let Ok(id) = given.trim().parse::<i64>() {
        return Ok(entities::get(conn, id)?.id);
    }
    entities::resolve(conn, given)?
        .ok_or_else(|| Error::from(Reason::NoEntityNamed { name: given.to_owned() }))
}
