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
            Some(ReadOnly) => Self::new(ErrorKind::ReadOnly, "the library is read-only"),
            Some(DatabaseCorrupt | NotADatabase) => {
                Self::new(ErrorKind::Damaged, format!("the library is damaged ({e})"))
            }
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
