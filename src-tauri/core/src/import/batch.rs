//! Importing files and folders into the library: one transaction per article,
//! a clear reason for every file that fails, and nothing half stored.

use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{parse, Limits, ParsedArticle};
use crate::extract::Extraction;
use crate::store::{self, articles, extraction, originals};
use crate::{search, Error, ErrorKind, Library, Result};

/// Extensions picked up when walking a folder; other files there are skipped.
const FOLDER_EXTENSIONS: &[&str] = &["txt", "text", "md", "markdown", "html", "htm", "xhtml", "pdf", "docx"];

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeStatus {
    Imported,
    /// The same text is already in the library: not an error.
    Duplicate,
    Failed,
}

#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct FileOutcome {
    pub path: String,
    pub status: OutcomeStatus,
    /// The new article, or the one already holding the same text.
    #[ts(type = "number | null")]
    pub article_id: Option<i64>,
    pub title: Option<String>,
    pub error: Option<Error>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ImportReport {
    pub outcomes: Vec<FileOutcome>,
    /// Files in folders skipped because of their extension.
    pub skipped: usize,
}

impl ImportReport {
    pub fn count(&self, status: OutcomeStatus) -> usize {
        self.outcomes.iter().filter(|o| o.status == status).count()
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub path: String,
}

/// Imports files and folders (recursively). Never stops on a bad file.
pub fn import_paths(
    library: &mut Library,
    paths: &[PathBuf],
    limits: &Limits,
    on_progress: &mut dyn FnMut(&Progress),
) -> ImportReport {
    let mut report = ImportReport::default();
    let mut files = Vec::new();
    for path in paths {
        collect(path, &mut files, &mut report);
    }
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
                        None => catch_unwind(AssertUnwindSafe(|| prepare_file(&path, limits)))
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
                on_progress(&Progress { done, total, path: path.display().to_string() });
                let result = result.and_then(|p| p.write(library));
                report.outcomes.push(outcome(path.display().to_string(), result));
            }
        })
    });
    on_progress(&Progress { done: total, total, path: String::new() });
    report
}

/// Adds the files at `path` (itself or those in the folder, in name order) to `files`,
/// with the error of each that cannot be reached, to be reported in its place.
fn collect(path: &Path, files: &mut Vec<(PathBuf, Option<Error>)>, report: &mut ImportReport) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return files.push((path.to_owned(), Some(io_error(path, &e)))),
    };
    if !meta.is_dir() {
        files.push((path.to_owned(), None));
        return;
    }
    // follow_links detects symlink loops and reports them as errors instead of recursing forever.
    for entry in walkdir::WalkDir::new(path).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let ext = entry.path().extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                if !hidden && ext.is_some_and(|e| FOLDER_EXTENSIONS.contains(&e.as_str())) {
                    files.push((entry.into_path(), None));
                } else {
                    report.skipped += 1;
                }
            }
            Ok(_) => {}
            Err(e) => {
                let at = e.path().unwrap_or(path).to_owned();
                let error = if e.loop_ancestor().is_some() {
                    Error::invalid(format!("folder loop: {} links back to a folder above it", at.display()))
                } else {
                    match e.io_error() {
                        Some(io) => io_error(&at, io),
                        None => Error::new(ErrorKind::Io, e.to_string()),
                    }
                };
                files.push((at, Some(error)));
            }
        }
    }
}

fn io_error(path: &Path, e: &std::io::Error) -> Error {
    let what = match e.kind() {
        std::io::ErrorKind::NotFound => "no such file or folder".to_owned(),
        std::io::ErrorKind::PermissionDenied => "permission denied: cannot read it".to_owned(),
        _ => format!("cannot read it: {e}"),
    };
    Error::new(ErrorKind::Io, format!("{}: {what}", path.display()))
}

/// Imports one file. Reads no more than the size limit allows.
pub fn import_file(library: &mut Library, path: &Path, limits: &Limits) -> FileOutcome {
    let result = prepare_file(path, limits).and_then(|p| p.write(library));
    outcome(path.display().to_string(), result)
}

/// A file read, parsed and run through the extractor: all of its import but the writes.
struct Prepared {
    bytes: Vec<u8>,
    file_name: String,
    article: ParsedArticle,
    derived: Derived,
}

fn prepare_file(path: &Path, limits: &Limits) -> Result<Prepared> {
    let bytes = read_limited(path, limits)?;
    let file_name = file_name(path);
    let article = parse(&bytes, &file_name, limits)?;
    let derived = Derived::of(&article, &bytes);
    Ok(Prepared { bytes, file_name, article, derived })
}

impl Prepared {
    fn write(&self, library: &mut Library) -> Result<Stored> {
        write(library, &self.article, &self.derived, &self.bytes, &self.file_name)
    }
}

/// What import derives from a file before it writes anything.
struct Derived {
    content_hash: String,
    bytes_hash: String,
    entry: search::Entry,
    extraction: Extraction,
}

impl Derived {
    fn of(article: &ParsedArticle, bytes: &[u8]) -> Derived {
        Derived {
            content_hash: content_hash(&article.text),
            bytes_hash: bytes_hash(bytes),
            entry: search::Entry::new(&article.title, &article.text),
            extraction: extraction::run(&article.text, article.published.as_deref()),
        }
    }
}

/// Parses one file without storing it.
pub fn parse_file(path: &Path, limits: &Limits) -> Result<ParsedArticle> {
    parse(&read_limited(path, limits)?, &file_name(path), limits)
}

fn file_name(path: &Path) -> String {
    path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default()
}

fn read_limited(path: &Path, limits: &Limits) -> Result<Vec<u8>> {
    let meta = std::fs::metadata(path).map_err(|e| io_error(path, &e))?;
    if !meta.is_file() {
        // Reading a pipe or a device could block forever or never end.
        return Err(Error::invalid(format!("{} is not a regular file", path.display())));
    }
    if meta.len() > limits.max_file_bytes {
        return Err(Error::too_large(format!(
            "file is {} bytes, over the limit of {} bytes",
            meta.len(),
            limits.max_file_bytes
        )));
    }
    std::fs::read(path).map_err(|e| io_error(path, &e))
}

/// What importing one file's bytes did: the article id and whether it was new.
pub struct Stored {
    pub article_id: i64,
    pub title: String,
    pub duplicate: bool,
}

/// Parses and stores one file's bytes in a single transaction.
pub fn import_bytes(library: &mut Library, bytes: &[u8], file_name: &str, limits: &Limits) -> Result<Stored> {
    let article = parse(bytes, file_name, limits)?;
    store(library, &article, bytes, file_name)
}

/// Stores a parsed article unless the same text is already there.
pub fn store(
    library: &mut Library,
    article: &ParsedArticle,
    bytes: &[u8],
    file_name: &str,
) -> Result<Stored> {
    write(library, article, &Derived::of(article, bytes), bytes, file_name)
}

/// Stores an article and what was derived from it in one transaction, unless the same
/// text is already there.
fn write(
    library: &mut Library,
    article: &ParsedArticle,
    derived: &Derived,
    bytes: &[u8],
    file_name: &str,
) -> Result<Stored> {
    let tx = library.conn_mut().transaction()?;
    if let Some(existing) = articles::find_by_hash(&tx, &derived.content_hash)? {
        let title = articles::get(&tx, existing)?.summary.title;
        return Ok(Stored { article_id: existing, title, duplicate: true });
    }
    let id = articles::insert(&tx, article, Some(file_name), &derived.content_hash, &store::timestamp())?;
    originals::insert(&tx, id, bytes, &derived.bytes_hash)?;
    search::insert_entry(&tx, id, &derived.entry)?;
    extraction::save(&tx, id, &derived.extraction)?;
    tx.commit()?;
    Ok(Stored { article_id: id, title: article.title.clone(), duplicate: false })
}

fn outcome(path: String, result: Result<Stored>) -> FileOutcome {
    match result {
        Ok(stored) => FileOutcome {
            path,
            status: if stored.duplicate { OutcomeStatus::Duplicate } else { OutcomeStatus::Imported },
            article_id: Some(stored.article_id),
            title: Some(stored.title),
            error: None,
        },
        Err(error) => FileOutcome {
            path,
            status: OutcomeStatus::Failed,
            article_id: None,
            title: None,
            error: Some(error),
        },
    }
}

/// The key articles are deduplicated on: SHA-256 of the canonical text.
pub fn content_hash(text: &str) -> String {
    bytes_hash(text.as_bytes())
}

/// Checksum of a file's original bytes.
pub fn bytes_hash(bytes: &[u8]) -> String {
    hex(&Sha256::digest(bytes))
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}
