//! Importing files and folders into the library: one transaction per article,
//! a clear reason for every file that fails, and nothing half stored.

use std::path::{Path, PathBuf};

use serde::Serialize;
use sha2::{Digest, Sha256};

use super::{parse, Limits, ParsedArticle};
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
    for (done, path) in files.into_iter().enumerate() {
        on_progress(&Progress { done, total, path: path.display().to_string() });
        let outcome = import_file(library, &path, limits);
        report.outcomes.push(outcome);
    }
    on_progress(&Progress { done: total, total, path: String::new() });
    report
}

fn collect(path: &Path, files: &mut Vec<PathBuf>, report: &mut ImportReport) {
    let fail = |report: &mut ImportReport, path: &Path, error: Error| {
        report.outcomes.push(FileOutcome {
            path: path.display().to_string(),
            status: OutcomeStatus::Failed,
            article_id: None,
            title: None,
            error: Some(error),
        })
    };
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return fail(report, path, io_error(path, &e)),
    };
    if !meta.is_dir() {
        files.push(path.to_owned());
        return;
    }
    // follow_links detects symlink loops and reports them as errors instead of recursing forever.
    let mut found = Vec::new();
    for entry in walkdir::WalkDir::new(path).follow_links(true).sort_by_file_name() {
        match entry {
            Ok(entry) if entry.file_type().is_file() => {
                let ext = entry.path().extension().and_then(|e| e.to_str()).map(str::to_ascii_lowercase);
                let hidden = entry.file_name().to_string_lossy().starts_with('.');
                if !hidden && ext.is_some_and(|e| FOLDER_EXTENSIONS.contains(&e.as_str())) {
                    found.push(entry.into_path());
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
                fail(report, &at, error);
            }
        }
    }
    files.extend(found);
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
    let result =
        read_limited(path, limits).and_then(|bytes| import_bytes(library, &bytes, &file_name(path), limits));
    outcome(path.display().to_string(), result)
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
    let content_hash = content_hash(&article.text);
    let tx = library.conn_mut().transaction()?;
    if let Some(existing) = articles::find_by_hash(&tx, &content_hash)? {
        let title = articles::get(&tx, existing)?.summary.title;
        return Ok(Stored { article_id: existing, title, duplicate: true });
    }
    let id = articles::insert(&tx, article, Some(file_name), &content_hash, &store::timestamp())?;
    originals::insert(&tx, id, bytes, &bytes_hash(bytes))?;
    search::index_article(&tx, id, &article.title, &article.text)?;
    extraction::extract_article(&tx, id, &article.text, article.published.as_deref())?;
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
