//! Every connection to a library gets the same settings, here and nowhere else.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, TransactionBehavior};

use crate::Result;

pub fn open(path: &Path) -> Result<Connection> {
    let flags = OpenFlags::SQLITE_OPEN_READ_WRITE
        | OpenFlags::SQLITE_OPEN_CREATE
        | OpenFlags::SQLITE_OPEN_URI
        | OpenFlags::SQLITE_OPEN_NO_MUTEX;
    let mut conn = Connection::open_with_flags(path, flags)?;
    // First, so that the reads and settings below also wait their turn.
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Before any setting writes to the file: a newer library must stay untouched.
    super::migrations::refuse_newer(&conn)?;
    configure(&mut conn)?;
    Ok(conn)
}

pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&mut conn)?;
    Ok(conn)
}

/// How long a writer waits for another (a second Dossier, the app's other connection)
/// before it gives up with "the library is busy". An import holds the lock for one
/// article at a time, a fraction of a second; re-extracting a long article, seconds.
const BUSY_TIMEOUT: Duration = Duration::from_secs(30);

fn configure(conn: &mut Connection) -> Result<()> {
    // Every write transaction takes the write lock when it begins. A deferred one
    // starts reading, and when it then writes after another writer committed, SQLite
    // cannot wait for it (its snapshot is stale) and fails at once with "database is
    // locked", whatever the busy timeout: two importers lost files that way.
    conn.set_transaction_behavior(TransactionBehavior::Immediate);
    // WAL: readers never block the writer and a crash loses at most uncommitted work.
    conn.pragma_update(None, "journal_mode", "WAL")?;
    // NORMAL is durable in WAL mode against application crashes (kill -9).
    conn.pragma_update(None, "synchronous", "NORMAL")?;
    // An imported article dirties a few dozen pages (text, search index, findings); with
    // SQLite's default of a checkpoint, and its fsyncs, every 1,000 pages, checkpoints
    // cost an import more than its inserts. The WAL stays under about 40 MB.
    conn.pragma_update(None, "wal_autocheckpoint", 10_000)?;
    conn.pragma_update(None, "foreign_keys", "ON")?;
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
