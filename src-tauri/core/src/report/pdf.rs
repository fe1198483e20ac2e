//! PDF laid out by typst, used as a library: a fixed template (`report.typ`) reads the
//! report as JSON data, so library text is never parsed as typst markup. Charts go in
//! as SVG. The system's CJK font is embedded (subset) so Chinese renders anywhere.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::{LazyLock, OnceLock};

use serde_json::json;
use typst::diag::{FileError, FileResult, SourceDiagnostic};
use typst::foundations::{Bytes, Datetime};
use typst::layout::PagedDocument;
use typst::syntax::{FileId, Source, VirtualPath};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};

use super::escape::hex_colour;
use super::{chart, comment, sections, Report};
use crate::{Error, Reason, Result};

const TEMPLATE: &str = include_str!("report.typ");

mod fonts;

/// The font file the PDF sets Chinese (and Latin) text in.
pub fn find_cjk_font() -> Result<PathBuf> {
    Ok(fonts::find_cjk_faces()?.regular.path)
}

struct Fonts {
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
    /// The family the template sets text in.
    family: String,
}

/// Fonts are read once: parsing a CJK collection takes longer than laying out a report.
static FONTS: OnceLock<Result<Fonts>> = OnceLock::new();
static LIBRARY: LazyLock<LazyHash<Library>> =
    LazyLock::new(|| LazyHash::new(<Library as LibraryExt>::default()));

fn load_fonts() -> Result<Fonts> {
    let faces = fonts::find_cjk_faces()?;
    let mut files: HashMap<&Path, Bytes> = HashMap::new();
    let mut fonts = Vec::new();
    // The bold face, where the family has one, sets the headings.
    for face in std::iter::once(&faces.regular).chain(&faces.bold) {
        let data = match files.get(face.path.as_path()) {
            Some(data) => data.clone(),
            None => {
                let data = Bytes::new(std::fs::read(&face.path).map_err(|e| {
                    Error::from(Reason::FontUnreadable {
                        path: face.path.display().to_string(),
                        detail: e.to_string(),
                    })
                })?);
                files.insert(&face.path, data.clone());
                data
            }
        };
        fonts.extend(Font::new(data, face.index));
    }
    // The family as typst names it, which the template asks for.
    let Some(family) = fonts.first().map(|f| f.info().family.clone()) else {
        return Err(Reason::FontUnreadable {
            path: faces.regular.path.display().to_string(),
            detail: "it holds no font Dossier can use".to_owned(),
        }
        .into());
    };
    Ok(Fonts { book: LazyHash::new(FontBook::from_fonts(&fonts)), fonts, family })
}

struct ReportWorld {
    fonts: &'static Fonts,
    main: Source,
    files: HashMap<FileId, Bytes>,
}

impl World for ReportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &LIBRARY
    }
    fn book(&self) -> &LazyHash<FontBook> {
        &self.fonts.book
    }
    fn main(&self) -> FileId {
        self.main.id()
    }
    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::NotFound(id.vpath().as_rootless_path().into()))
        }
    }
    fn file(&self, id: FileId) -> FileResult<Bytes> {
        self.files.get(&id).cloned().ok_or_else(|| FileError::NotFound(id.vpath().as_rootless_path().into()))
    }
    fn font(&self, index: usize) -> Option<Font> {
        self.fonts.fonts.get(index).cloned()
    }
    fn today(&self, _offset: Option<i64>) -> Option<Datetime> {
        None
    }
}

fn file_id(name: &str) -> FileId {
    FileId::new(None, VirtualPath::new(name))
}

/// The report as the JSON the template lays out: every string already composed, so
/// the template only places them.
fn data(report: &Report, family: &str, charts: &[chart::Chart]) -> serde_json::Value {
    let l = report.labels();
    let mut meta = Vec::new();
    if let Some(author) = &report.author {
        meta.push(format!("{}: {author}", l.author));
    }
    meta.push(format!("{}: {}", l.date, report.date));
    let groups: Vec<_> = sections::groups(report)
        .iter()
        .map(|g| {
            json!({
                "heading": format!("{} · {}", g.subject, l.metric(g.metric)),
                "details": g.details,
                "rows": g.facts.iter().map(|f| json!({
                    "value": f.value_text,
                    "unreviewed": !f.status.is_reviewed(),
                    "date": sections::date_of(report, f).unwrap_or(""),
                    "details": report.details(f),
                    "cite": report.cite(&f.citation),
                    "quote": l.quoted(&f.citation.quote),
                    "link": f.citation.link(),
                })).collect::<Vec<_>>(),
            })
        })
        .collect();
    let timeline: Vec<_> = sections::timeline(report)
        .iter()
        .map(|(date, f)| {
            json!({
                "date": date, "entity": f.subject, "metric": l.metric(f.metric), "value": f.value_text,
                "unreviewed": !f.status.is_reviewed(),
                "cite": report.cite(&f.citation), "link": f.citation.link(),
            })
        })
        .collect();
    json!({
        "lang": report.language.code(),
        "font": family,
        "title": report.title,
        "authors": report.author.iter().collect::<Vec<_>>(),
        "meta": meta.join(" · "),
        "labels": {
            "facts_by_entity": l.facts_by_entity, "timeline": l.timeline, "charts": l.charts,
            "quotes": l.quotes, "sources": l.sources, "value": l.value, "date": l.date,
            "details": l.details, "source": l.source, "entity": l.entity, "metric": l.metric,
            "table": l.table, "figure": l.figure, "comment": l.comment, "tags": l.tags,
            "no_facts": l.no_facts, "unreviewed": l.unreviewed,
        },
        "unreviewed_note": sections::has_unreviewed(report).then_some(l.unreviewed_note),
        "groups": groups,
        "timeline": timeline,
        "charts": charts.iter().enumerate().map(|(i, c)| json!({"file": format!("chart-{}.svg", i + 1), "title": c.title})).collect::<Vec<_>>(),
        "annotations": report.annotations.iter().map(|a| json!({
            "quote": a.citation.quote,
            "cite": report.cite(&a.citation),
            "link": a.citation.link(),
            "comment": a.comment.as_deref().map(comment::parse),
            "tags": a.tags.join(l.separator),
            "colour": a.colour.as_deref().and_then(hex_colour).unwrap_or("#bfbfbf"),
        })).collect::<Vec<_>>(),
        "show_facts": report.sections.facts,
        "no_facts": report.facts.is_empty(),
        "sources": if report.sections.sources { report.sources.as_slice() } else { &[] }
            .iter()
            .map(|s| json!({"cite": report.cite_source(s), "link": s.link()}))
            .collect::<Vec<_>>(),
    })
}

pub fn render(report: &Report) -> Result<Vec<u8>> {
    let fonts = match FONTS.get_or_init(load_fonts) {
        Ok(fonts) => fonts,
        Err(e) => return Err(e.clone()),
    };
    let charts = chart::charts(report);
    let mut files = HashMap::new();
    let data = serde_json::to_vec(&data(report, &fonts.family, &charts))
        .map_err(|e| Error::internal(e.to_string()))?;
    files.insert(file_id("report.json"), Bytes::new(data));
    for (i, c) in charts.iter().enumerate() {
        files.insert(file_id(&format!("chart-{}.svg", i + 1)), Bytes::new(c.svg.clone().into_bytes()));
    }
    let world = ReportWorld { fonts, main: Source::new(file_id("report.typ"), TEMPLATE.to_owned()), files };
    let document =
        typst::compile::<PagedDocument>(&world).output.map_err(|e| failure("PDF layout failed", &e))?;
    typst_pdf::pdf(&document, &typst_pdf::PdfOptions::default()).map_err(|e| failure("PDF export failed", &e))
}

fn failure(what: &str, errors: &[SourceDiagnostic]) -> Error {
    let messages: Vec<String> = errors.iter().map(|e| e.message.to_string()).collect();
    Error::internal(format!("{what}: {}", messages.join("; ")))
}
