//! Reports: the facts that matter, with the quotes behind them and where they came
//! from, exported as Markdown, HTML, DOCX, XLSX, CSV, JSON and PDF.
//!
//! [`scope::build`] reads a [`Report`] out of the library; every exporter is a pure
//! function from a `Report` to bytes, so the app's preview, the CLI and the tests all
//! render the same data the same way. [`write_file`] puts the bytes on disk atomically.

pub mod chart;
pub mod comment;
mod csv;
mod docx;
pub mod escape;
mod html;
mod json;
mod labels;
mod markdown;
#[cfg(feature = "pdf")]
mod pdf;
pub mod scope;
pub mod sections;
mod xlsx;

use std::io::Write;
use std::path::Path;

use serde::{Deserialize, Serialize};

use crate::vocabulary::{FactStatus, Metric, Qualifier, QuantityKind};
use crate::{Error, ErrorKind, Reason, Result};

pub use labels::{metric_names, Labels, MetricName};
#[cfg(feature = "pdf")]
pub use pdf::find_cjk_font;
pub use scope::{build, Scope, ScopeRequest, Statuses};

/// Everything a report shows, already read from the library.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub title: String,
    pub author: Option<String>,
    /// The report's date, ISO 8601.
    pub date: String,
    /// Language of headings, labels and charts.
    pub language: Language,
    /// Which sections the documents (Markdown, HTML, DOCX, PDF) show; the data formats
    /// (XLSX, CSV, JSON) always hold every fact and source.
    pub sections: Sections,
    pub facts: Vec<ReportFact>,
    /// The articles the facts and annotations come from, ordered by article id.
    pub sources: Vec<Source>,
    pub annotations: Vec<Annotation>,
}

/// The parts of a report a user can leave out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Sections {
    /// Facts grouped by entity and metric.
    pub facts: bool,
    pub timeline: bool,
    /// One metric compared across entities; funding rounds on a timeline.
    pub charts: bool,
    /// The user's highlighted quotes with their comments.
    pub quotes: bool,
    pub sources: bool,
}

impl Default for Sections {
    fn default() -> Self {
        Self { facts: true, timeline: true, charts: true, quotes: true, sources: true }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum Language {
    Zh,
    En,
}

impl Language {
    pub fn code(self) -> &'static str {
        match self {
            Self::Zh => "zh",
            Self::En => "en",
        }
    }
}

/// A figure with its value as stored and the citation behind it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ReportFact {
    pub id: i64,
    pub subject: String,
    pub metric: Metric,
    pub kind: QuantityKind,
    /// The value as the article writes it.
    pub value_text: String,
    pub low: f64,
    pub high: f64,
    pub unit: String,
    pub qualifier: Qualifier,
    pub date: Option<String>,
    pub round: Option<String>,
    pub investors: Vec<String>,
    pub status: FactStatus,
    pub confidence: f64,
    /// Code points of `value_text` in the article.
    pub value_start: i64,
    pub value_end: i64,
    pub citation: Citation,
}

impl ReportFact {
    /// One number for charts and sorting: the middle of the range.
    pub fn value(&self) -> f64 {
        (self.low + self.high) / 2.0
    }
}

/// Where a fact or an annotation comes from: the exact quote and its place in the article.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Citation {
    pub article_id: i64,
    pub quote: String,
    /// Code points of `quote` in the article's canonical text.
    pub start: i64,
    pub end: i64,
}

impl Citation {
    /// `dossier://article/<id>?start=<cp>&end=<cp>`, which opens the article at the quote.
    pub fn link(&self) -> String {
        format!("dossier://article/{}?start={}&end={}", self.article_id, self.start, self.end)
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Source {
    pub article_id: i64,
    pub title: String,
    pub outlet: Option<String>,
    pub published: Option<String>,
    pub authors: Vec<String>,
}

impl Source {
    /// `dossier://article/<id>`.
    pub fn link(&self) -> String {
        format!("dossier://article/{}", self.article_id)
    }
}

/// A passage the user marked, with their comment, tags and highlight colour.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Annotation {
    pub id: i64,
    pub citation: Citation,
    pub comment: Option<String>,
    pub tags: Vec<String>,
    /// CSS colour of the highlight, `#rrggbb`.
    pub colour: Option<String>,
}

impl Report {
    pub fn labels(&self) -> &'static Labels {
        Labels::for_language(self.language)
    }

    /// The source an article id refers to (sources are ordered by article id).
    pub fn source(&self, article_id: i64) -> Option<&Source> {
        self.sources.binary_search_by_key(&article_id, |s| s.article_id).ok().map(|i| &self.sources[i])
    }

    /// Round and investors of a fact, for the details column.
    pub fn details(&self, fact: &ReportFact) -> String {
        let mut parts: Vec<String> = fact.round.iter().cloned().collect();
        if !fact.investors.is_empty() {
            parts.push(format!(
                "{}: {}",
                self.labels().investors,
                fact.investors.join(self.labels().separator)
            ));
        }
        parts.join("; ")
    }

    /// "outlet, date, 《title》" (or "outlet, date, "title"") for a citation.
    pub fn cite(&self, citation: &Citation) -> String {
        match self.source(citation.article_id) {
            Some(s) => self.cite_source(s),
            None => format!("{} #{}", self.labels().article, citation.article_id),
        }
    }

    /// "outlet, date, 《title》" for a source.
    pub fn cite_source(&self, s: &Source) -> String {
        let labels = self.labels();
        let mut parts: Vec<&str> = Vec::new();
        parts.extend(s.outlet.as_deref());
        parts.extend(s.published.as_deref());
        let title = format!("{}{}{}", labels.title_open, s.title, labels.title_close);
        parts.push(&title);
        parts.join(labels.separator)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum Format {
    Md,
    Html,
    Docx,
    Xlsx,
    Csv,
    Json,
    Pdf,
}

impl Format {
    pub const ALL: [Format; 7] =
        [Format::Md, Format::Html, Format::Docx, Format::Xlsx, Format::Csv, Format::Json, Format::Pdf];

    pub fn extension(self) -> &'static str {
        match self {
            Self::Md => "md",
            Self::Html => "html",
            Self::Docx => "docx",
            Self::Xlsx => "xlsx",
            Self::Csv => "csv",
            Self::Json => "json",
            Self::Pdf => "pdf",
        }
    }
}

impl std::str::FromStr for Format {
    type Err = Error;
    fn from_str(s: &str) -> Result<Self> {
        Format::ALL
            .into_iter()
            .find(|f| f.extension() == s || (s == "markdown" && *f == Format::Md))
            .ok_or_else(|| {
                Error::invalid(format!("unknown format \"{s}\"; use md, html, docx, xlsx, csv, json or pdf"))
            })
    }
}

/// The report as a file of `format`.
pub fn render(report: &Report, format: Format) -> Result<Vec<u8>> {
    Ok(match format {
        Format::Md => markdown::render(report).into_bytes(),
        Format::Html => html::render(report).into_bytes(),
        Format::Docx => docx::render(report)?,
        Format::Xlsx => xlsx::render(report)?,
        Format::Csv => csv::render(report).into_bytes(),
        Format::Json => json::render(report)?,
        #[cfg(feature = "pdf")]
        Format::Pdf => pdf::render(report)?,
        #[cfg(not(feature = "pdf"))]
        Format::Pdf => return Err(Reason::NoPdfExport.into()),
    })
}

/// Writes `bytes` to `path` through a temporary file in the same folder and a rename,
/// so a reader never sees half a file. An existing file is replaced only if `overwrite`.
pub fn write_file(path: &Path, bytes: &[u8], overwrite: bool) -> Result<()> {
    let dir = match path.parent() {
        Some(d) if !d.as_os_str().is_empty() => d,
        _ => Path::new("."),
    };
    if !overwrite && path.exists() {
        return Err(Error::new(
            ErrorKind::InvalidInput,
            format!("{} already exists; pass --force to replace it", path.display()),
        ));
    }
    let io = |e: std::io::Error| {
        Error::from(Reason::CannotWrite { path: path.display().to_string(), detail: e.to_string() })
    };
    let mut builder = tempfile::Builder::new();
    builder.prefix(".dossier-export-");
    // A report is the user's document: their umask decides who may read it, as for any
    // file they save (the temporary file's own default is private, 0600).
    #[cfg(unix)]
    builder.permissions(std::os::unix::fs::PermissionsExt::from_mode(0o666));
    let mut temp = builder.tempfile_in(dir).map_err(io)?;
    temp.write_all(bytes).map_err(io)?;
    temp.as_file().sync_all().map_err(io)?;
    if overwrite {
        temp.persist(path).map_err(|e| io(e.error))?;
    } else {
        // Fails instead of replacing a file created since the check above.
        temp.persist_noclobber(path).map_err(|e| io(e.error))?;
    }
    Ok(())
}

/// Renders and writes in one step.
pub fn export(report: &Report, format: Format, path: &Path, overwrite: bool) -> Result<()> {
    write_file(path, &render(report, format)?, overwrite)
}
