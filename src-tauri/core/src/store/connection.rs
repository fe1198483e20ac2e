//! Every connection to a library gets the same settings, here and nowhere else.

use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags, OptionalExtension, TransactionBehavior};

use crate::Result;

/// Opens the library at `path`, read-only unless `writable` (then creating it if missing).
pub fn open(path: &Path, writable: bool) -> Result<Connection> {
    let mut conn = if writable {
        Connection::open_with_flags(
            path,
            FLAGS | OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_CREATE,
        )?
    } else if beside(path, "-wal").exists() {
        Connection::open_with_flags(path, FLAGS | OpenFlags::SQLITE_OPEN_READ_ONLY)?
    } else {
        // Immutable: SQLite then needs no -wal and -shm files beside the library, which
        // it could not make in a read-only folder (and would leave behind in another);
        // with no -wal file, no commit waits in one to be missed.
        Connection::open_with_flags(immutable_uri(path), FLAGS | OpenFlags::SQLITE_OPEN_READ_ONLY)?
    };
    // First, so that the reads and settings below also wait their turn.
    conn.busy_timeout(BUSY_TIMEOUT)?;
    // Before any setting writes to the file: a newer library must stay untouched.
    super::migrations::refuse_newer(&conn)?;
    if writable {
        // WAL: readers never block the writer and a crash loses at most uncommitted work.
        conn.pragma_update(None, "journal_mode", "WAL")?;
    }
    configure(&mut conn)?;
    Ok(conn)
}
pub fn open_in_memory() -> Result<Connection> {
    let mut conn = Connection::open_in_memory()?;
    configure(&mut conn)?;
    Ok(conn)
}

const FLAGS: OpenFlags = OpenFlags::SQLITE_OPEN_URI.union(OpenFlags::SQLITE_OPEN_NO_MUTEX);

/// The file SQLite keeps beside the library at `path` with `suffix` ("-wal", "-shm").
fn beside(path: &Path, suffix: &str) -> std::path::PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// `path` as an SQLite URI that opens it immutable (`file:///…?immutable=1`).
fn immutable_uri(path: &Path) -> String {
    let path = std::path::absolute(path).unwrap_or_else(|_| path.to_owned());
    let text = path.to_string_lossy().replace('\\', "/");
    let mut uri = String::from(if text.starts_with('/') { "file://" } else { "file:///" });
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' | b':' => {
                uri.push(byte as char)
            }
            _ => uri.push_str(&format!("%{byte:02X}")),
        }
    }
    uri + "?immutable=1"
}

/// Reads the schema and the first row of every table: a damaged file (pages overwritten,
/// a file cut short) shows here, cheaply. `PRAGMA quick_check` would read every page,
/// seconds on a large library; `Library::check` runs it when asked.
pub fn probe(conn: &Connection) -> Result<()> {
    let query = "SELECT name FROM sqlite_schema WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%'";
    let tables: Vec<String> =
        conn.prepare(query)?.query_map([], |r| r.get(0))?.collect::<rusqlite::Result<_>>()?;
    for table in tables {
        let first = format!("SELECT * FROM \"{}\" LIMIT 1", table.replace('"', "\"\""));
        conn.query_row(&first, [], |_| Ok(())).optional()?;
    }
    Ok(())
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
