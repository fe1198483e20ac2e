//! Ingest: the one way text becomes library rows. A file is parsed (`import`), what
//! the library keeps beside the text is derived from it (hashes, the search entry, the
//! extraction), and all of it is written in one transaction, or nothing is. Re-reading
//! stored articles with a newer extractor, replacing an article's text (a repair, an
//! edit) and making a fact from a selection go through here too, so the extractor and
//! the search index are fed from one place.

mod extraction;
mod files;

use std::path::Path;

pub use extraction::Extractor;
pub use files::{io_error, read_limited, write_files};

use crate::extract::Extraction;
use crate::import::{self, Limits, ParsedArticle};
use crate::store::annotations::{self, ReanchorReport};
use crate::store::articles::{self, NewArticle};
use crate::store::facts::{self, FactRow};
use crate::store::{entities, extractions, originals};
use crate::vocabulary::FactStatus;
use crate::{search, Library, Reason, Result};

/// A file parsed and everything derived from it: all of its import but the writes,
/// which `write` does in one transaction.
pub struct Prepared {
    bytes: Vec<u8>,
    file_name: String,
    article: ParsedArticle,
    content_hash: String,
    bytes_hash: String,
    entry: search::Entry,
    extraction: Extraction,
}

/// What storing one article did: its id, and whether the library already had its text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Stored {
    pub article_id: i64,
    pub title: String,
    pub duplicate: bool,
}

/// Parses a file's bytes and derives what the library keeps with it.
pub fn prepare(bytes: Vec<u8>, file_name: &str, limits: &Limits, extractor: &Extractor) -> Result<Prepared> {
    let article = import::parse(&bytes, file_name, limits)?;
    Ok(prepare_parsed(article, bytes, file_name, extractor))
}

/// Reads (within the size limit) and prepares the file at `path`.
pub fn prepare_file(path: &Path, limits: &Limits, extractor: &Extractor) -> Result<Prepared> {
    prepare(read_limited(path, limits)?, &files::file_name(path), limits, extractor)
}

/// Derives what the library keeps with an article already parsed (and perhaps given
/// metadata of its caller's).
pub fn prepare_parsed(
    article: ParsedArticle,
    bytes: Vec<u8>,
    file_name: &str,
    extractor: &Extractor,
) -> Prepared {
    Prepared {
        content_hash: articles::content_hash(&article.text),
        bytes_hash: originals::bytes_hash(&bytes),
        entry: search::Entry::new(&article.title, &article.text),
        extraction: extractor.run(&article.text, article.published.as_deref()),
        file_name: file_name.to_owned(),
        bytes,
        article,
    }
}

impl Prepared {
    /// Stores the article and what was derived from it in one transaction, unless the
    /// same text is already in the library.
    pub fn write(&self, library: &mut Library, extractor: &Extractor) -> Result<Stored> {
        let tx = library.conn_mut().transaction()?;
        if let Some(existing) = articles::find_by_hash(&tx, &self.content_hash)? {
            let title = articles::get(&tx, existing)?.summary.title;
            return Ok(Stored { article_id: existing, title, duplicate: true });
        }
        let a = &self.article;
        let id = articles::insert(
            &tx,
            &NewArticle {
                title: &a.title,
                outlet: a.outlet.as_deref(),
                authors: &a.authors,
                published: a.published.as_deref(),
                language: &a.language,
                file_name: Some(&self.file_name),
                format: a.format.as_str(),
                encoding: a.encoding.as_deref(),
                content_hash: &self.content_hash,
                text: &a.text,
            },
        )?;
        originals::insert(&tx, id, &self.bytes, &self.bytes_hash)?;
        search::insert_entry(&tx, id, &self.entry)?;
        extractor.save(&tx, id, &self.extraction)?;
        tx.commit()?;
        Ok(Stored { article_id: id, title: a.title.clone(), duplicate: false })
    }
}

/// Stores an article already parsed (perhaps given metadata of its caller's).
pub fn store_parsed(
    library: &mut Library,
    article: ParsedArticle,
    bytes: &[u8],
    file_name: &str,
) -> Result<Stored> {
    let extractor = Extractor::for_library(library.conn())?;
    prepare_parsed(article, bytes.to_vec(), file_name, &extractor).write(library, &extractor)
}

/// Parses and stores one file's bytes.
pub fn import_bytes(library: &mut Library, bytes: &[u8], file_name: &str, limits: &Limits) -> Result<Stored> {
    let extractor = Extractor::for_library(library.conn())?;
    prepare(bytes.to_vec(), file_name, limits, &extractor)?.write(library, &extractor)
}

/// Re-extracts every article the current extractor has not read with the user's
/// current entities and rejected names (every article with `all`), one transaction per
/// article; reviewed facts stay as they are. Then the entities left with no mention,
/// no reviewed fact and nothing a user did to them go. Returns how many articles were
/// re-extracted.
pub fn reextract(
    library: &mut Library,
    all: bool,
    on_progress: &mut dyn FnMut(usize, usize),
) -> Result<usize> {
    let extractor = Extractor::for_library(library.conn())?;
    let version = if all { i64::MAX } else { crate::extract::VERSION };
    let ids = extractions::stale(library.conn(), version, extractor.fingerprint())?;
    for (done, id) in ids.iter().enumerate() {
        on_progress(done, ids.len());
        let tx = library.conn_mut().transaction()?;
        let article = articles::get(&tx, *id)?;
        extractor.extract_and_save(&tx, *id, &article.text, article.summary.published.as_deref())?;
        tx.commit()?;
    }
    if !ids.is_empty() {
        entities::remove_unused(library.conn())?;
    }
    on_progress(ids.len(), ids.len());
    Ok(ids.len())
}

/// Replaces an article's canonical text (re-imported with a better importer, or
/// repaired) in one transaction: its search entry, extraction and annotations follow
/// the new text; facts a user reviewed stay as they are.
pub fn replace_text(library: &mut Library, id: i64, text: &str) -> Result<ReanchorReport> {
    if text.trim().is_empty() {
        return Err(Reason::ArticleTextEmpty.into());
    }
    let hash = articles::content_hash(text);
    let tx = library.conn_mut().transaction()?;
    let article = articles::get(&tx, id)?;
    if articles::find_by_hash(&tx, &hash)?.is_some_and(|other| other != id) {
        return Err(Reason::TextOfAnotherArticle.into());
    }
    articles::set_text(&tx, id, text, &hash)?;
    search::reindex_article(&tx, id, &article.summary.title, text)?;
    Extractor::for_library(&tx)?.extract_and_save(&tx, id, text, article.summary.published.as_deref())?;
    let report = annotations::reanchor_article(&tx, id)?;
    tx.commit()?;
    Ok(report)
}

/// A new fact from the selection [start, end) of an article, filled in by the
/// extractor: the fact it found on a figure in the selection, or else the first figure
/// there with the subject and date of its sentence. Stored as edited (a user made it),
/// so re-extraction keeps it. A figure that already is a fact gets another one: a
/// sentence can give one figure for two companies, and the user corrects the subject.
/// Fails if the selection holds no figure.
pub fn fact_from_selection(
    library: &mut Library,
    article_id: i64,
    start: usize,
    end: usize,
) -> Result<FactRow> {
    let tx = library.conn_mut().transaction()?;
    let extractor = Extractor::for_library(&tx)?;
    let article = articles::get(&tx, article_id)?;
    let found = extractor.selection(&article.text, article.summary.published.as_deref(), start, end)?;
    let row = extraction::fact_row(&found.fact, &found.quantity);
    let id = facts::insert(&tx, article_id, &row, FactStatus::Edited)?;
    extractor.seed_entities(&tx, Some(article_id))?;
    tx.commit()?;
    facts::get(library.conn(), id)
}
