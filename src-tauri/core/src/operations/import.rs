//! Importing files and folders: which files a folder offers, one transaction per
//! article, a clear reason for every file that fails, and the articles added to a
//! collection if the user named one.

use std::path::{Path, PathBuf};

use serde::Serialize;

use super::collections;
use crate::extract::Extraction;
use crate::import::{self, Limits, ParsedArticle, EXTENSIONS};
use crate::ingest::{self, Extractor, Stored};
use crate::{Error, ErrorKind, Library, Reason, Result};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum OutcomeStatus {
    Imported,
    /// The same text is already in the library: not an error.
    Duplicate,
    Failed,
    /// Not read, for the reason given (a link out of the folder, a pipe).
    Skipped,
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

impl FileOutcome {
    /// What storing the file at `path` came to.
    pub fn new(path: String, result: Result<Stored>) -> Self {
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

    /// A file of a folder left unread, and why.
    fn skipped(path: &Path, reason: Reason) -> Self {
        FileOutcome {
            path: path.display().to_string(),
            status: OutcomeStatus::Skipped,
            article_id: None,
            title: None,
            error: Some(reason.into()),
        }
    }
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

    /// Every path failed with `error` (the import could not start at all).
    pub fn failed(paths: &[PathBuf], error: &Error) -> Self {
        let outcomes =
            paths.iter().map(|p| FileOutcome::new(p.display().to_string(), Err(error.clone()))).collect();
        Self { outcomes, skipped: 0 }
    }

    /// The articles the import stored or found already stored.
    pub fn article_ids(&self) -> impl Iterator<Item = i64> + '_ {
        self.outcomes.iter().filter_map(|o| o.article_id)
    }
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Progress {
    pub done: usize,
    pub total: usize,
    pub path: String,
}

/// How to import.
#[derive(Debug, Clone, Default)]
pub struct ImportOptions {
    pub limits: Limits,
    /// Also put the articles in this collection, made if there is none of that name.
    pub collection: Option<String>,
}

/// The extensions Dossier imports, for file dialogs and help texts.
pub fn extensions() -> Vec<&'static str> {
    EXTENSIONS.iter().map(|(ext, _)| *ext).collect()
}

/// Imports files and folders (recursively, in name order). Never stops on a bad file:
/// each is reported with its reason. A read-only library refuses at once.
pub fn import_paths(
    library: &mut Library,
    paths: &[PathBuf],
    options: &ImportOptions,
    on_progress: &mut dyn FnMut(&Progress),
) -> Result<ImportReport> {
    library.writable()?;
    let collection = options.collection.as_deref().map(|n| collections::find_or_create(library.conn(), n));
    let collection = collection.transpose()?;
    let mut report = ImportReport::default();
    let mut files = Vec::new();
    for path in paths {
        collect(path, &mut files, &mut report);
    }
    let extractor = Extractor::for_library(library.conn())?;
    ingest::write_files(library, files, &options.limits, &extractor, &mut |done, total, path, result| {
        on_progress(&Progress { done, total, path: path.display().to_string() });
        report.outcomes.push(FileOutcome::new(path.display().to_string(), result));
    });
    let total = report.outcomes.len();
    on_progress(&Progress { done: total, total, path: String::new() });
    if let Some(collection) = collection {
        collections::add(library.conn(), collection, report.article_ids())?;
    }
    Ok(report)
}

/// Adds the files at `path` (itself or those in the folder, in name order) to `files`,
/// with the error of each that cannot be reached, to be reported in its place. A folder
/// offers the files whose extension Dossier imports; others there are counted as skipped,
/// and links that lead out of it, pipes, sockets and devices reported as skipped.
fn collect(path: &Path, files: &mut Vec<(PathBuf, Option<Error>)>, report: &mut ImportReport) {
    let meta = match std::fs::metadata(path) {
        Ok(m) => m,
        Err(e) => return files.push((path.to_owned(), Some(ingest::io_error(path, &e)))),
    };
    if !meta.is_dir() {
        return files.push((path.to_owned(), None));
    }
    // Links are not followed, so a folder never leads out of itself (nor round in a loop);
    // a link to a file inside the folder is read as that file.
    let root = std::fs::canonicalize(path).unwrap_or_else(|_| path.to_owned());
    for entry in walkdir::WalkDir::new(path).sort_by_file_name() {
        let entry = match entry {
            Ok(entry) => entry,
            Err(e) => {
                let at = e.path().unwrap_or(path).to_owned();
                let error = match e.io_error() {
                    Some(io) => ingest::io_error(&at, io),
                    None => Error::new(ErrorKind::Io, e.to_string()),
                };
                files.push((at, Some(error)));
                continue;
            }
        };
        if entry.file_type().is_dir() {
            continue;
        }
        if let Some(reason) = left_unread(&entry, &root) {
            report.outcomes.push(FileOutcome::skipped(entry.path(), reason));
            continue;
        }
        let ext = entry.path().extension().and_then(|e| e.to_str());
        let hidden = entry.file_name().to_string_lossy().starts_with('.');
        if !hidden && ext.is_some_and(|e| import::format_of_extension(e).is_some()) {
            files.push((entry.into_path(), None));
        } else {
            report.skipped += 1;
        }
    }
}

/// Why the entry of the folder at `root` (not itself a folder) is left unread, if it is:
/// a pipe, socket or device, or a link that does not lead to a file in the folder.
fn left_unread(entry: &walkdir::DirEntry, root: &Path) -> Option<Reason> {
    let kind = entry.file_type();
    if !kind.is_symlink() {
        return (!kind.is_file()).then_some(Reason::SkippedSpecialFile);
    }
    match std::fs::canonicalize(entry.path()) {
        Err(_) => Some(Reason::SkippedLinkToNothing),
        Ok(target) if !target.starts_with(root) => Some(Reason::SkippedLinkOutside),
        // The folder it leads to is walked as itself.
        Ok(target) if target.is_dir() => Some(Reason::SkippedLinkToFolder),
        Ok(target) => (!target.is_file()).then_some(Reason::SkippedSpecialFile),
    }
}

/// An article to store as its caller has it: parsed, perhaps with metadata of its own.
pub struct Given {
    pub file_name: String,
    pub bytes: Vec<u8>,
    pub article: ParsedArticle,
}

/// Stores articles the caller parsed (the app's built-in samples), one transaction
/// each, and puts them in `collection` (made if missing).
pub fn import_given(library: &mut Library, given: Vec<Given>, collection: &str) -> Result<ImportReport> {
    let collection = collections::find_or_create(library.conn(), collection)?;
    let mut report = ImportReport::default();
    for g in given {
        let stored = ingest::store_parsed(library, g.article, &g.bytes, &g.file_name);
        report.outcomes.push(FileOutcome::new(g.file_name, stored));
    }
    collections::add(library.conn(), collection, report.article_ids())?;
    Ok(report)
}

/// What the extractor finds in the file at `path`, nothing stored. `published`
/// (2025-02-14) anchors dates without a year; without it, the file's own date does.
pub fn extract_file(path: &Path, published: Option<&str>) -> Result<Extraction> {
    if let Some(date) = published {
        super::dates::full_date(date)?;
    }
    let limits = Limits::default();
    let file_name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
    let article = import::parse(&ingest::read_limited(path, &limits)?, &file_name, &limits)?;
    let published = published.or(article.published.as_deref());
    let mut extraction = Extractor::builtin().run(&article.text, published);
    extraction.title = article.title;
    Ok(extraction)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::import::Format;

    /// A small document of `format`, different for each `ext`.
    fn document(ext: &str, format: Format) -> String {
        let body = format!("Chip makers rallied, a file saved as .{ext}, on the second day of trading.");
        match format {
            Format::Html => {
                format!("<html><head><title>Note {ext}</title></head><body><p>{body}</p></body></html>")
            }
            Format::Markdown => format!("# Note {ext}\n\n{body}\n"),
            // A .pdf or .docx holding text is read as the text it is.
            Format::Text | Format::Pdf | Format::Docx => format!("Note {ext}\n\n{body}\n"),
        }
    }

    #[test]
    fn a_folder_offers_every_extension_a_single_file_imports() {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("articles");
        std::fs::create_dir(&folder).unwrap();
        let mut files = Vec::new();
        for &(ext, format) in EXTENSIONS {
            let path = folder.join(format!("note.{ext}"));
            std::fs::write(&path, document(ext, format)).unwrap();
            files.push(path);
        }
        std::fs::write(folder.join("notes.xyz"), "not an article").unwrap();
        std::fs::write(folder.join(".hidden.txt"), "a hidden file").unwrap();
        assert!(EXTENSIONS.iter().any(|(e, _)| *e == "mkd") && EXTENSIONS.iter().any(|(e, _)| *e == "shtml"));

        let mut one_by_one = Library::open_in_memory().unwrap();
        for file in &files {
            let report =
                import_paths(&mut one_by_one, &[file.clone()], &ImportOptions::default(), &mut |_| {});
            assert_eq!(report.unwrap().count(OutcomeStatus::Imported), 1, "{} alone", file.display());
        }
        let mut whole = Library::open_in_memory().unwrap();
        let report = import_paths(&mut whole, &[folder], &ImportOptions::default(), &mut |_| {}).unwrap();
        assert_eq!(report.count(OutcomeStatus::Imported), EXTENSIONS.len(), "{report:#?}");
        assert_eq!(report.skipped, 2, "the .xyz file and the hidden one");
    }

    #[test]
    fn an_import_into_a_collection_makes_it_once() {
        let dir = tempfile::tempdir().unwrap();
        let file = dir.path().join("a.txt");
        std::fs::write(&file, "Chip stocks rally\n\nThe index rose 2%.").unwrap();
        let mut library = Library::open_in_memory().unwrap();
        let options = ImportOptions { collection: Some("芯片".into()), ..ImportOptions::default() };
        for _ in 0..2 {
            import_paths(&mut library, &[file.clone()], &options, &mut |_| {}).unwrap();
        }
        let all = crate::store::collections::list(library.conn()).unwrap();
        assert_eq!((all.len(), all[0].article_count), (1, 1), "{all:?}");
        let blank = ImportOptions { collection: Some("  ".into()), ..ImportOptions::default() };
        let error = import_paths(&mut library, &[file], &blank, &mut |_| {}).unwrap_err();
        assert_eq!(error.kind, ErrorKind::InvalidInput);
    }
}
