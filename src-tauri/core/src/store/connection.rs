//! Every connection to a library gets the same settings, here and nowhere else.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::Result;

pub fn open(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let conn = Connection::open_with_flags(path, flags)?;
    // Before any setting writes to the file: a newer library must stay untouched.
    super::migrations::refuse_newer(&conn)?;
    configure(&conn)?;
    Ok(conn)
}

pub fn open_in_memory() -> Result<Connection> {
    let conn = Connection::open_in_memory()?;
    configure(&conn)?;
    Ok(conn)
}

fn configure(conn: &Connection) -> Result<()> {
    // WAL: readers never block the writer and a crash loses at most uncommitted work.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // NORMAL is durable in WAL mode against application crashes (kill -9).
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // An imported article dirties a few dozen pages (text, search index, findings); with
    // SQLite's default of a checkpoint, and its fsyncs, every 1,000 pages, checkpoints
    // cost an import more than its inserts. The WAL stays under about 40 MB.
    conn.pragma_update(None, "wal_autocheckpoint", 10_000)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
    conn.busy_timeout(Duration::from_secs(5))?;
    Ok(())
}

/// Checkpoints the WAL in passes that wait for no one, until `stop` is set. Run on a
/// connection and thread of their own during a long run of writes, the passes take the
/// fsyncs of checkpoints, most of their cost, off the writer: its own automatic
/// checkpoint then finds little left to copy, and the WAL still restarts and stays small.
pub fn checkpoint_until(conn: &Connection, stop: &AtomicBool) {
    while !stop.load(Ordering::Relaxed) {
        // A failed pass (the writer checkpointing at the same moment) is retried at the next.
        let _ = conn.query_row("PRAGMA wal_checkpoint(PASSIVE)", [], |_| Ok(()));
        std::thread::sleep(Duration::from_millis(10));
    }
}
