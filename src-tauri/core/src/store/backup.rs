//! Copies of the library made with SQLite's online backup: consistent while the app
//! reads and writes, written to a temporary file and renamed into place, so a copy is
//! either whole or absent. One is made before every schema upgrade, and on demand.

use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::backup::Backup;
use rusqlite::Connection;

use crate::{Error, Reason, Result};

/// Folder, beside the library file, that holds its backups.
pub const BACKUP_DIR: &str = "backups";

/// Copies the database behind `conn` to `dest`, replacing nothing that exists.
pub fn copy_to(conn: &Connection, dest: &Path) -> Result<()> {
    if dest.exists() {
        return Err(Reason::BackupExists { path: dest.display().to_string() }.into());
    }
    let dir = dest.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    std::fs::create_dir_all(dir).map_err(|e| {
        Error::from(Reason::CannotCreateFolder { path: dir.display().to_string(), detail: e.to_string() })
    })?;
    let partial = dir.join(format!(
        ".{}.partial",
        dest.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
    ));
    let result = (|| {
        let mut copy = Connection::open(&partial)?;
        // Pages in steps, so the app's own writes are not held up for long.
        Backup::new(conn, &mut copy)?.run_to_completion(256, Duration::from_millis(5), None)?;
        // The copy takes the library's WAL mode; as a rollback-journal file it is one
        // self-contained file, with no -wal or -shm beside it.
        copy.pragma_update(None, "journal_mode", "DELETE")?;
        drop(copy);
        std::fs::rename(&partial, dest).map_err(|e| {
            Error::from(Reason::CannotWrite { path: dest.display().to_string(), detail: e.to_string() })
        })
    })();
    if result.is_err() {
        let _ = std::fs::remove_file(&partial);
    }
    result
}

/// The backups folder of the library at `library`.
pub fn folder(library: &Path) -> PathBuf {
    library.parent().unwrap_or(Path::new(".")).join(BACKUP_DIR)
}

/// The most recent backup in the backups folder of the library at `library`, if any.
pub fn newest(library: &Path) -> Option<PathBuf> {
    let entries = std::fs::read_dir(folder(library)).ok()?.filter_map(|e| e.ok());
    let copies = entries.filter(|e| e.file_name().to_string_lossy().ends_with(".sqlite"));
    copies.filter_map(|e| Some((e.metadata().ok()?.modified().ok()?, e.path()))).max().map(|(_, path)| path)
}

/// A new backup of the library at `library` in its backups folder, named by `reason`
/// and the time (`library-2025-02-14T083000Z-before-schema-3.sqlite`).
pub fn timestamped(conn: &Connection, library: &Path, reason: &str) -> Result<PathBuf> {
    let dir = folder(library);
    let stamp = chrono::Utc::now().format("%Y-%m-%dT%H%M%SZ");
    let mut dest = dir.join(format!("library-{stamp}-{reason}.sqlite"));
    // Two backups within one second (a test, a double click) get distinct names.
    for n in 2.. {
        if !dest.exists() {
            break;
        }
        dest = dir.join(format!("library-{stamp}-{reason}-{n}.sqlite"));
    }
    copy_to(conn, &dest)?;
    Ok(dest)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ErrorKind;

    #[test]
    fn a_backup_is_a_whole_library_and_never_overwrites() {
        let dir = tempfile::tempdir().unwrap();
        let conn = Connection::open(dir.path().join("library.sqlite")).unwrap();
        conn.execute_batch("CREATE TABLE t(x); INSERT INTO t VALUES ('报道');").unwrap();
        let dest = dir.path().join("copy.sqlite");
        copy_to(&conn, &dest).unwrap();
        let copy = Connection::open(&dest).unwrap();
        assert_eq!(copy.query_row("SELECT x FROM t", [], |r| r.get::<_, String>(0)).unwrap(), "报道");
        assert_eq!(copy_to(&conn, &dest).unwrap_err().kind, ErrorKind::InvalidInput);
        let first = timestamped(&conn, &dir.path().join("library.sqlite"), "manual").unwrap();
        let second = timestamped(&conn, &dir.path().join("library.sqlite"), "manual").unwrap();
        assert_ne!(first, second);
        assert!(first.starts_with(dir.path().join(BACKUP_DIR)));
        let leftovers: Vec<_> = std::fs::read_dir(dir.path().join(BACKUP_DIR))
            .unwrap()
            .filter_map(|e| e.ok())
            .filter(|e| e.file_name().to_string_lossy().ends_with(".partial"))
            .collect();
        assert!(leftovers.is_empty());
    }
}
