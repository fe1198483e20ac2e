//! Import: sniff the format, decode, parse, normalise to canonical plain text plus
//! metadata. Everything here is pure (bytes in, article out); `ingest` stores what it
//! makes.

mod budget;
mod decode;
mod docx;
mod html;
mod markdown;
mod pdf;
mod press;
mod radicals;
mod sniff;
mod text;

use serde::Serialize;

use crate::{Reason, Result};

pub use decode::decode_text;
pub use sniff::{format_of_extension, EXTENSIONS};
pub use text::{clean_name, normalise};

/// Formats we import. Stored by name in the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Text,
    Markdown,
    Html,
    Pdf,
    Docx,
}

impl Format {
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::Pdf => "pdf",
            Self::Docx => "docx",
        }
    }

    /// What a file of this format is called in messages.
    fn noun(self) -> &'static str {
        match self {
            Self::Text => "text file",
            Self::Markdown => "Markdown file",
            Self::Html => "web page",
            Self::Pdf => "PDF",
            Self::Docx => "Word document",
        }
    }
}

/// Limits that protect the user's machine from huge or hostile files.
#[derive(Debug, Clone, Serialize)]
pub struct Limits {
    /// Largest file read at all, in bytes (default 50 MB).
    pub max_file_bytes: u64,
    /// Most PDF pages read.
    pub max_pdf_pages: usize,
    /// Most entries in a DOCX (zip) archive.
    pub max_zip_entries: usize,
    /// Most bytes decompressed from one DOCX, all entries together (zip-bomb guard).
    pub max_unzipped_bytes: u64,
    /// Deepest HTML element nesting accepted.
    pub max_html_depth: usize,
    /// Longest time reading one file may take, in seconds.
    pub max_seconds: u64,
}

impl Default for Limits {
    fn default() -> Self {
        Self {
            max_file_bytes: 50 * 1024 * 1024,
            max_pdf_pages: 2_000,
            max_zip_entries: 10_000,
            max_unzipped_bytes: 200 * 1024 * 1024,
            max_html_depth: 512,
            // Every reader takes well under a second per megabyte; a file that takes this
            // long is looping, and the user is better served by an error.
            max_seconds: 60,
        }
    }
}

/// What a format parser hands on: text that is already normalised plus whatever
/// metadata the format itself carries (HTML meta tags, DOCX core properties...).
#[derive(Debug, Clone, Default)]
pub struct Parsed {
    pub text: String,
    pub title: Option<String>,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    pub published: Option<String>,
    pub encoding: Option<String>,
    /// What the user should know about how the file was read (bytes replaced...).
    pub notes: Vec<String>,
}

/// An article ready for the library.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ParsedArticle {
    pub title: String,
    pub outlet: Option<String>,
    pub authors: Vec<String>,
    /// ISO 8601 date to the precision stated (2025, 2025-02, 2025-02-14).
    pub published: Option<String>,
    /// "zh", "en" or "und".
    pub language: String,
    pub format: Format,
    /// Detected text encoding, for text formats ("UTF-8", "GBK", "UTF-16LE", ...).
    pub encoding: Option<String>,
    /// Canonical text: paragraphs separated by one blank line, no trailing spaces.
    pub text: String,
    /// What the user should know about how the file was read, for example that bytes
    /// that were not valid in its encoding were replaced. Not stored.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

/// Parses one file's bytes. `file_name` supplies the extension and a fallback title.
pub fn parse(bytes: &[u8], file_name: &str, limits: &Limits) -> Result<ParsedArticle> {
    if bytes.len() as u64 > limits.max_file_bytes {
        return Err(Reason::FileTooLarge { size: bytes.len() as u64, limit: limits.max_file_bytes }.into());
    }
    if bytes.is_empty() {
        return Err(Reason::EmptyFile.into());
    }
    parse_format(bytes, sniff::detect(bytes, file_name)?, file_name, limits)
}

/// Parses bytes as `format`, whatever they look like: [`parse`] without the sniffing.
/// The parser runs on a thread of its own under the time budget (see `budget`).
pub fn parse_format(bytes: &[u8], format: Format, file_name: &str, limits: &Limits) -> Result<ParsedArticle> {
    let (bytes, file_name, limits) = (bytes.to_vec(), file_name.to_owned(), limits.clone());
    let budget = std::time::Duration::from_secs(limits.max_seconds);
    budget::guarded(format.noun(), budget, move |deadline| {
        let parsed = match format {
            Format::Text | Format::Markdown => text::parse(&bytes, format)?,
            Format::Html => html::parse(&bytes, &limits)?,
            Format::Pdf => pdf::parse(&bytes, &limits, deadline)?,
            Format::Docx => docx::parse(&bytes, &limits)?,
        };
        press::finish(parsed, format, &file_name)
    })
}
