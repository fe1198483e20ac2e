//! The library: one SQLite file. One module per table; connection settings and
//! migrations in one place each. The store keeps and reads rows: it never parses,
//! extracts or indexes (that is `ingest`'s work, above it), and reading never writes.

pub mod annotation_history;
pub mod annotations;
pub mod articles;
pub mod backup;
pub mod collections;
mod connection;
pub mod dates;
pub mod entities;
pub mod extractions;
pub mod facts;
pub mod mentions;
mod migrations;
pub mod originals;
pub mod quantities;
pub mod search_index;
pub mod tags;

use std::path::{Path, PathBuf};

use rusqlite::Connection;

use crate::{Error, ErrorKind, Result};

pub use migrations::SCHEMA_VERSION;

/// Identifier the desktop app is registered under; its data folder holds the library.
pub const APP_IDENTIFIER: &str = "com.dossier.desktop";
/// File name of the library inside the data folder.
pub const LIBRARY_FILE: &str = "library.sqlite";

/// Now, as stored in the library: RFC 3339 UTC to the second.
pub fn timestamp() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// SHA-256 in lowercase hex: how the library fingerprints texts and files.
fn sha256_hex(bytes: &[u8]) -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

pub struct Library {
    conn: Connection,
    path: Option<PathBuf>,
}

impl Library {
    /// Opens (creating if needed) the library at `path` and brings its schema up to date.
    /// Refuses a library written by a newer Dossier.
    pub fn open(path: &Path) -> Result<Self> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                Error::new(ErrorKind::Io, format!("cannot create folder {}: {e}", dir.display()))
            })?;
        }
        let conn = connection::open(path)?;
        Self::init(conn, Some(path.to_owned()))
    }

    /// A library that lives in memory only (tests, `dossier extract`).
    pub fn open_in_memory() -> Result<Self> {
        Self::init(connection::open_in_memory()?, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>) -> Result<Self> {
        // An upgrade keeps a copy of the library as the older version left it.
        if let Some(path) = &path {
            if (1..SCHEMA_VERSION).contains(&migrations::user_version(&conn)?) {
                backup::timestamped(&conn, path, &format!("before-schema-{SCHEMA_VERSION}"))?;
            }
        }
        migrations::migrate(&mut conn)?;
        Ok(Self { conn, path })
    }

    /// A backup copy of the library in its backups folder; returns where it is.
    pub fn backup(&self) -> Result<PathBuf> {
        let path = self
            .path
            .as_deref()
            .ok_or_else(|| Error::invalid("a library in memory has no file to back up"))?;
        backup::timestamped(&self.conn, path, "manual")
    }

    /// A backup copy of the library at `dest` (which must not exist yet).
    pub fn backup_to(&self, dest: &Path) -> Result<()> {
        backup::copy_to(&self.conn, dest)
    }

    /// The library the desktop app opens: `<platform data dir>/<identifier>/library.sqlite`.
    pub fn default_path() -> Result<PathBuf> {
        let base = dirs::data_dir()
            .ok_or_else(|| Error::internal("this system reports no data folder; pass --db PATH"))?;
        Ok(base.join(APP_IDENTIFIER).join(LIBRARY_FILE))
    }

    pub fn path(&self) -> Option<&Path> {
        self.path.as_deref()
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    pub fn conn_mut(&mut self) -> &mut Connection {
        &mut self.conn
    }

    pub fn schema_version(&self) -> Result<i64> {
        migrations::user_version(&self.conn)
    }

    /// Runs `work`, a long run of write transactions (an import), with the WAL
    /// checkpointed behind it on a second connection (see `connection::checkpoint_until`).
    pub fn with_background_checkpoints<R>(&mut self, work: impl FnOnce(&mut Library) -> R) -> R {
        // In memory, or if the file will not open a second time, the writer checkpoints alone.
        let Some(checkpointer) = self.path.as_deref().and_then(|p| connection::open(p).ok()) else {
            return work(self);
        };
        let stop = std::sync::atomic::AtomicBool::new(false);
        std::thread::scope(|scope| {
            let stop = &stop;
            scope.spawn(move || connection::checkpoint_until(&checkpointer, stop));
            // Stopped even if `work` panics, or the scope would wait for the thread forever.
            let result = std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| work(self)));
            stop.store(true, std::sync::atomic::Ordering::Relaxed);
            result.unwrap_or_else(|panic| std::panic::resume_unwind(panic))
        })
    }
}

impl Library {
    /// SQLite's integrity check plus our own consistency checks. Returns the problems
    /// found; an empty list means the library is sound.
    pub fn check(&self) -> Result<Vec<String>> {
        let conn = &self.conn;
        let mut problems = Vec::new();
        let mut stmt = conn.prepare("PRAGMA integrity_check")?;
        for row in stmt.query_map([], |r| r.get::<_, String>(0))? {
            let row = row?;
            if row != "ok" {
                problems.push(format!("integrity: {row}"));
            }
        }
        let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)?)))? {
            let (table, rowid) = row?;
            problems.push(format!("foreign key: row {rowid} of {table} points to nothing"));
        }
        problems.extend(articles::check(conn)?);
        problems.extend(originals::check(conn)?);
        problems.extend(spans_off_text(conn, &["quantities", "dates", "mentions"])?);
        problems.extend(annotations::check(conn)?);
        problems.extend(search_index::check(conn)?);
        Ok(problems)
    }
}

/// Rows of `tables` (each with `id`, `article_id`, `text`, `start`, `end`) whose span no
/// longer matches the article text it points into. Each article is decoded once.
fn spans_off_text(conn: &Connection, tables: &[&str]) -> Result<Vec<String>> {
    let union: Vec<String> =
        tables.iter().map(|t| format!("SELECT '{t}', id, article_id, text, start, end FROM {t}")).collect();
    let mut stmt = conn.prepare(&format!("{} ORDER BY 3", union.join(" UNION ALL ")))?;
    let mut rows = stmt.query([])?;
    let mut problems = Vec::new();
    let mut current: Option<(i64, Vec<char>)> = None;
    while let Some(r) = rows.next()? {
        let (table, id, article): (String, i64, i64) = (r.get(0)?, r.get(1)?, r.get(2)?);
        let (text, start, end): (String, i64, i64) = (r.get(3)?, r.get(4)?, r.get(5)?);
        if current.as_ref().map(|c| c.0) != Some(article) {
            current = Some((article, articles::get(conn, article)?.text.chars().collect()));
        }
        let chars = &current.as_ref().expect("set above").1;
        let span = (start >= 0 && start <= end && end as usize <= chars.len())
            .then(|| chars[start as usize..end as usize].iter().collect::<String>());
        if span.as_deref() != Some(text.as_str()) {
            problems.push(format!(
                "article {article}: {table} row {id} no longer matches the text at {start}..{end}"
            ));
        }
    }
    Ok(problems)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::vocabulary::{sql_list, EntityKind, FactStatus};

    #[test]
    fn every_check_on_a_vocabulary_admits_exactly_its_words() {
        let library = Library::open_in_memory().unwrap();
        let sql = |table: &str| -> String {
            let query = "SELECT sql FROM sqlite_schema WHERE name = ?1";
            library.conn().query_row(query, [table], |r| r.get(0)).unwrap()
        };
        let status = format!("CHECK (status IN ({}))", sql_list::<FactStatus>());
        assert!(sql("facts").contains(&status), "{}", sql("facts"));
        let kind = format!("CHECK (kind IN ({}))", sql_list::<EntityKind>());
        assert!(sql("entities").contains(&kind), "{}", sql("entities"));
    }
}
