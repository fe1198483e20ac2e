//! One error type for the whole core. It crosses the IPC boundary as
//! `{kind, message, reason}` and decides the CLI's exit code.

use serde::Serialize;

mod reason;
pub use reason::Reason;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ErrorKind {
    /// The user asked for something that does not exist.
    NotFound,
    /// Input the user gave is malformed, empty, truncated or unreadable.
    InvalidInput,
    /// A format or feature we do not handle.
    Unsupported,
    /// Over a configured limit (file size, pages, zip entries, decompressed size).
    TooLarge,
    /// The library file was written by a newer Dossier.
    NewerDatabase,
    /// Reading or writing a file failed.
    Io,
    /// The library may only be read: its file or folder is not writable.
    ReadOnly,
    /// The library file is damaged (SQLite found it malformed).
    Damaged,
    /// Another Dossier held the library's write lock longer than we waited.
    Busy,
    /// SQLite failed.
    Database,
    /// A bug: something that should not happen.
    Internal,
}

impl ErrorKind {
    /// Errors the user can fix themselves (CLI exit code 1); the rest are ours (exit code 2).
    pub fn is_user_error(self) -> bool {
        matches!(
            self,
            Self::NotFound
                | Self::InvalidInput
                | Self::Unsupported
                | Self::TooLarge
                | Self::NewerDatabase
                | Self::Busy
                | Self::ReadOnly
                | Self::Damaged
                | Self::Io
        )
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, thiserror::Error, ts_rs::TS)]
#[ts(export)]
#[error("{message}")]
pub struct Error {
    pub kind: ErrorKind,
    /// In English.
    pub message: String,
    /// What went wrong, for saying it in another language; none for failures that are
    /// ours (bugs, SQLite), where the kind and the English message are all there is.
    pub reason: Option<Reason>,
}

impl From<Reason> for Error {
    fn from(reason: Reason) -> Self {
        Self { kind: reason.kind(), message: reason.to_string(), reason: Some(reason) }
    }
}

impl Error {
    pub fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Self { kind, message: message.into(), reason: None }
    }
    pub fn invalid(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::InvalidInput, message)
    }
    pub fn not_found(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::NotFound, message)
    }
    pub fn internal(message: impl Into<String>) -> Self {
        Self::new(ErrorKind::Internal, message)
    }
}

impl From<rusqlite::Error> for Error {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode::{DatabaseBusy, DatabaseCorrupt, DatabaseLocked, NotADatabase, ReadOnly};
        match e.sqlite_error_code() {
            Some(DatabaseBusy | DatabaseLocked) => Reason::LibraryBusy.into(),
            Some(ReadOnly) => Reason::LibraryReadOnly.into(),
            Some(DatabaseCorrupt | NotADatabase) => Reason::LibraryDamaged { detail: e.to_string() }.into(),
            _ => Self::new(ErrorKind::Database, format!("database error: {e}")),
        }
    }
}

impl From<std::io::Error> for Error {
    fn from(e: std::io::Error) -> Self {
        Self::new(ErrorKind::Io, e.to_string())
    }
}

pub type Result<T, E = Error> = std::result::Result<T, E>;

#[cfg(test)]
mod tests {
    use super::*;

    fn sqlite(code: std::os::raw::c_int) -> Error {
        rusqlite::Error::SqliteFailure(rusqlite::ffi::Error::new(code), None).into()
    }

    #[test]
    fn sqlite_refusing_a_write_or_finding_damage_gives_a_reason() {
        let read_only = sqlite(rusqlite::ffi::SQLITE_READONLY);
        assert_eq!((read_only.kind, read_only.reason), (ErrorKind::ReadOnly, Some(Reason::LibraryReadOnly)));
        let damaged = sqlite(rusqlite::ffi::SQLITE_CORRUPT);
        assert_eq!(damaged.kind, ErrorKind::Damaged);
        let Some(Reason::LibraryDamaged { detail }) = &damaged.reason else { panic!("{damaged:?}") };
        assert_eq!(damaged.message, format!("the library is damaged ({detail})"));
        // SQLite's own failures stay without a reason: the kind says them.
        let other = sqlite(rusqlite::ffi::SQLITE_IOERR);
        assert_eq!((other.kind, other.reason), (ErrorKind::Database, None));
    }

    #[test]
    fn a_reason_crosses_with_its_values_and_the_reason_inside_it() {
        let why = Box::new(Reason::LibraryFolderNotWritable { folder: "/srv/共享".into() });
        let error = Error::from(Reason::OlderLibraryReadOnly { why, found: 1, known: 5 });
        assert_eq!(error.kind, ErrorKind::ReadOnly);
        assert_eq!(
            serde_json::to_value(&error).unwrap(),
            serde_json::json!({
                "kind": "read_only",
                "message": "the library is read-only: its folder /srv/共享 is not writable; its schema (1) is older than this version's (5), so it must be opened writable once to be upgraded",
                "reason": {
                    "code": "older_library_read_only",
                    "why": {"code": "library_folder_not_writable", "folder": "/srv/共享"},
                    "found": 1,
                    "known": 5,
                },
            })
        );
    }

    #[test]
    fn a_damaged_library_names_the_backup_and_the_files_to_delete() {
        let reason = Reason::DamagedReadOnly {
            detail: "database disk image is malformed".into(),
            library: "/data/library.sqlite".into(),
            backup: "/data/backups/library-2025-02-14T083000Z-manual.sqlite".into(),
        };
        assert_eq!(reason.kind(), ErrorKind::Damaged);
        assert_eq!(
            reason.to_string(),
            "the library is damaged (database disk image is malformed), so it is open read-only; to restore \
             the newest backup, close Dossier and copy /data/backups/library-2025-02-14T083000Z-manual.sqlite \
             over /data/library.sqlite, deleting /data/library.sqlite-wal and /data/library.sqlite-shm"
        );
        assert!(ErrorKind::Damaged.is_user_error() && ErrorKind::ReadOnly.is_user_error());
    }
}
