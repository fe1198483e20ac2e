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

use crate::{Error, ErrorKind, Reason, Result};

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

/// Whether opening a library may make a new one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Create {
    /// A missing or empty file becomes a new, empty library.
    IfMissing,
    /// Only a library that exists is opened.
    No,
}

pub struct Library {
    conn: Connection,
    path: Option<PathBuf>,
    /// What a write gets when the library could only be opened read-only: its file or
    /// folder is not writable, or it is damaged.
    read_only: Option<Error>,
}

impl Library {
    /// Opens the library at `path` and brings its schema up to date. Refuses a library
    /// written by a newer Dossier, and a missing or empty file unless `create` says to
    /// make one. A library that cannot be written, or is damaged, opens read-only.
    pub fn open(path: &Path, create: Create) -> Result<Self> {
        let empty = match std::fs::metadata(path) {
            Ok(meta) => meta.len() == 0,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => true,
            Err(e) => {
                let (path, detail) = (path.display().to_string(), e.to_string());
                return Err(Reason::LibraryUnopenable { path, detail }.into());
            }
        };
        if empty && create == Create::No {
            return Err(Reason::NoLibrary { path: path.display().to_string() }.into());
        }
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                Error::from(Reason::CannotCreateFolder {
                    path: dir.display().to_string(),
                    detail: e.to_string(),
                })
            })?;
        }
        let mut read_only = not_writable(path);
        let opened = connection::open(path, read_only.is_none())
            .and_then(|conn| connection::probe(&conn).map(|()| conn));
        let conn = match opened {
            Err(Error { reason: Some(Reason::LibraryDamaged { detail }), .. }) => {
                // Read-only, so that what can still be read is, and nothing makes it worse.
                let conn = connection::open(path, false)
                    .map_err(|_| Error::from(damaged(path, detail.clone(), false)))?;
                read_only = Some(damaged(path, detail, true));
                conn
            }
            opened => opened?,
        };
        Self::init(conn, Some(path.to_owned()), read_only)
    }

    /// A library that lives in memory only (tests, `dossier extract`).
    pub fn open_in_memory() -> Result<Self> {
        Self::init(connection::open_in_memory()?, None, None)
    }

    fn init(mut conn: Connection, path: Option<PathBuf>, read_only: Option<Reason>) -> Result<Self> {
        let found = migrations::user_version(&conn)?;
        if let Some(why) = read_only {
            if found < SCHEMA_VERSION {
                let why = Box::new(why);
                return Err(Reason::OlderLibraryReadOnly { why, found, known: SCHEMA_VERSION }.into());
            }
            return Ok(Self { conn, path, read_only: Some(why.into()) });
        }
        // An upgrade keeps a copy of the library as the older version left it.
        if let Some(path) = &path {
            if (1..SCHEMA_VERSION).contains(&found) {
                backup::timestamped(&conn, path, &format!("before-schema-{SCHEMA_VERSION}"))?;
            }
        }
        migrations::migrate(&mut conn)?;
        Ok(Self { conn, path, read_only: None })
    }

    /// Why the library may only be read, as the error a write gets; `None` if writable.
    pub fn read_only(&self) -> Option<&Error> {
        self.read_only.as_ref()
    }

    /// Fails, saying why, unless the library can be written.
    pub fn writable(&self) -> Result<()> {
        self.read_only.clone().map_or(Ok(()), Err)
    }

    /// `error`, with the reason the library is read-only if a write was refused for it.
    /// (Every connection to a read-only library is opened read-only, so SQLite refuses
    /// any write, whichever command tries.)
    pub fn explain(&self, error: Error) -> Error {
        match &self.read_only {
            Some(why) if error.kind == ErrorKind::ReadOnly => why.clone(),
            _ => error,
        }
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
        // In memory, read-only, or if the file will not open a second time, the writer
        // checkpoints alone.
        let writable = self.read_only.is_none();
        let checkpointer =
            self.path.as_deref().filter(|_| writable).and_then(|p| connection::open(p, true).ok());
        let Some(checkpointer) = checkpointer else {
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
    /// SQLite's integrity check plus our own consistency checks: the problems found, an
    /// empty list if the library is sound. A check that cannot run (a page it needs is
    /// damaged) is a problem too, and the others still run.
    pub fn check(&self) -> Vec<String> {
        type Check = fn(&Connection) -> Result<Vec<String>>;
        let checks: [(&str, Check); 7] = [
            ("integrity", integrity),
            ("foreign key", foreign_keys),
            ("articles", articles::check),
            ("originals", originals::check),
            ("spans", |conn| spans_off_text(conn, &["quantities", "dates", "mentions"])),
            ("annotations", annotations::check),
            ("search index", search_index::check),
        ];
        let mut problems = Vec::new();
        for (name, check) in checks {
            match check(&self.conn) {
                Ok(found) => problems.extend(found),
                Err(e) => problems.push(format!("{name}: {}", e.message)),
            }
        }
        problems
    }
}

/// What `PRAGMA integrity_check` finds.
fn integrity(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA integrity_check")?;
    let rows = stmt.query_map([], |r| r.get::<_, String>(0))?.collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows.into_iter().filter(|row| row != "ok").map(|row| format!("integrity: {row}")).collect())
}

/// Rows whose foreign key points to nothing.
fn foreign_keys(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare("PRAGMA foreign_key_check")?;
    let rows = stmt.query_map([], |r| {
        let (table, rowid) = (r.get::<_, String>(0)?, r.get::<_, i64>(1)?);
        Ok(format!("foreign key: row {rowid} of {table} points to nothing"))
    })?;
    Ok(rows.collect::<rusqlite::Result<_>>()?)
}

/// Why the existing library file at `path` cannot be written, if it cannot: the file or
/// its folder is not writable, as the system says for this user or as their permissions
/// say (which an administrator, whom the system lets write anyway, is held to as well).
fn not_writable(path: &Path) -> Option<Reason> {
    let read_only = |p: &Path| std::fs::metadata(p).is_ok_and(|m| m.permissions().readonly());
    let dir = path.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    if !path.exists() {
        None
    } else if read_only(path) || std::fs::OpenOptions::new().write(true).open(path).is_err() {
        Some(Reason::LibraryFileNotWritable { path: path.display().to_string() })
    } else if cfg!(unix) && (read_only(dir) || !folder_writable(dir)) {
        // Only on Unix: Windows marks folders read-only for other reasons, and they hold
        // writable files.
        Some(Reason::LibraryFolderNotWritable { folder: dir.display().to_string() })
    } else {
        None
    }
}

#[cfg(unix)]
fn folder_writable(dir: &Path) -> bool {
    use std::os::unix::ffi::OsStrExt;
    let Ok(dir) = std::ffi::CString::new(dir.as_os_str().as_bytes()) else { return false };
    // SAFETY: a valid NUL-terminated path; access() only reads it.
    unsafe { libc::access(dir.as_ptr(), libc::W_OK) == 0 }
}

#[cfg(not(unix))]
fn folder_writable(_: &Path) -> bool {
    true
}

/// The library at `path` is damaged (`detail`, SQLite's word for it) and was opened
/// read-only or not at all: with its newest backup to restore, if it has one.
fn damaged(path: &Path, detail: String, opened: bool) -> Reason {
    let library = path.display().to_string();
    let backups = backup::folder(path).display().to_string();
    match (backup::newest(path).map(|b| b.display().to_string()), opened) {
        (Some(backup), true) => Reason::DamagedReadOnly { detail, library, backup },
        (Some(backup), false) => Reason::DamagedUnreadable { detail, library, backup },
        (None, true) => Reason::DamagedReadOnlyNoBackup { detail, backups },
        (None, false) => Reason::DamagedUnreadableNoBackup { detail, backups },
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
