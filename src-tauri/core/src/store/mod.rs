//! The library: one SQLite file. One module per table; connection settings and
//! migrations in one place each.

pub mod annotation_history;
pub mod annotations;
pub mod articles;
pub mod backup;
pub mod collections;
mod connection;
pub mod entities;
pub mod extraction;
pub mod facts;
mod migrations;
pub mod originals;
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
        problems.extend(extraction::check(conn)?);
        problems.extend(annotations::check(conn)?);
        problems.extend(crate::search::check(conn)?);
        Ok(problems)
    }
}
