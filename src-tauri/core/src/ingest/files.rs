//! Files into the library: reading within the size limit, and a run of files prepared
//! on one thread while the previous ones are written on another.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use super::{prepare_file, Extractor, Stored};
use crate::import::Limits;
use crate::{Error, ErrorKind, Library, Reason, Result};

/// Imports `files` one transaction each, in order, and hands each file's result to
/// `on_stored` (with how many came before it and how many there are). A file listed
/// with an error is reported with it. Never stops on a bad file.
pub fn write_files(
    library: &mut Library,
    files: Vec<(PathBuf, Option<Error>)>,
    limits: &Limits,
    extractor: &Extractor,
    on_stored: &mut dyn FnMut(usize, usize, &Path, Result<Stored>),
) {
    let total = files.len();
    // Reading, parsing, segmentation, hashing and extraction run on a second thread a few
    // files ahead, so that work overlaps the writes and commits here (SQLite takes one
    // writer at a time).
    library.with_background_checkpoints(|library| {
        std::thread::scope(|scope| {
            let (sender, prepared) = std::sync::mpsc::sync_channel(2);
            scope.spawn(move || {
                for (path, unreadable) in files {
                    let result = match unreadable {
                        Some(error) => Err(error),
                        None => catch_unwind(AssertUnwindSafe(|| prepare_file(&path, limits, extractor)))
                            .unwrap_or_else(|_| {
                                Err(Error::new(ErrorKind::Internal, "the importer failed on this file"))
                            }),
                    };
                    if sender.send((path, result)).is_err() {
                        break;
                    }
                }
            });
            for (done, (path, result)) in prepared.into_iter().enumerate() {
                let result = result.and_then(|p| p.write(library, extractor));
                on_stored(done, total, &path, result);
            }
        })
    });
}

pub(super) fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

/// The bytes of the file at `path`, if it is a regular file within the size limit.
pub fn read_limited(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if !meta.is_file() {
        // Reading a pipe or a device could block forever or never end.
        return Err(Reason::NotAFile { path: path.display().to_string() }.into());
    }
    if meta.len() > limits.max_file_bytes {
        return Err(Reason::FileTooLarge { size: meta.len(), limit: limits.max_file_bytes }.into());
    }
    std::fs::read(path).map_err(|e| io_error(path, &e))
}

/// An error reading `path`, said the way a user reads it.
pub fn io_error(path: &Path, e: &std::io::Error) -> Error {
    let path = path.display().to_string();
    match e.kind() {
        std::io::ErrorKind::NotFound => Reason::NoSuchFile { path },
        std::io::ErrorKind::PermissionDenied => Reason::NoPermission { path },
        _ => Reason::CannotRead { path, detail: e.to_string() },
    }
    .into()
}
