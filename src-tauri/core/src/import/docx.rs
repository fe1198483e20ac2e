//! Word documents (.docx): a zip package read under hard limits, then WordprocessingML
//! walked into paragraphs (see `body`), plus the core properties as metadata.

mod body;

use std::io::{Cursor, Read};

use quick_xml::events::Event;
use quick_xml::Reader;
use zip::result::ZipError;
use zip::ZipArchive;

use super::{Limits, Parsed};
use crate::{Error, Reason, Result};

use body::Role;

const DOCUMENT: &str = "word/document.xml";

pub fn parse(bytes: &[u8], limits: &Limits) -> Result<Parsed> {
    let mut package = Package::open(bytes, limits)?;
    let document = package.read(DOCUMENT)?.ok_or_else(|| package.not_word())?;
    let roles = match package.read("word/styles.xml")? {
        Some(styles) => body::style_roles(&styles).map_err(|e| malformed("word/styles.xml", &e))?,
        None => Default::default(),
    };
    let mut paragraphs = body::paragraphs(&document, &roles).map_err(|e| malformed(DOCUMENT, &e))?;
    // Footnotes follow the body: they are part of what the author wrote.
    if let Some(notes) = package.read("word/footnotes.xml")? {
        paragraphs.extend(body::paragraphs(&notes, &roles).map_err(|e| malformed("word/footnotes.xml", &e))?);
    }
    let core = match package.read("docProps/core.xml")? {
        Some(xml) => CoreProperties::parse(&xml).map_err(|e| malformed("docProps/core.xml", &e))?,
        None => CoreProperties::default(),
    };

    let heading_title = paragraphs.iter().find(|p| p.role == Role::Title).or_else(|| {
        paragraphs.iter().find(|p| !p.text.trim().is_empty()).filter(|p| p.role == Role::Heading(1))
    });
    let title = heading_title.map(|p| p.text.trim().to_owned()).or(core.title);
    let raw: Vec<&str> = paragraphs.iter().map(|p| p.text.as_str()).collect();
    Ok(Parsed {
        text: super::normalise(&raw.join("\n\n")),
        title,
        authors: core.creators,
        published: core.created,
        ..Parsed::default()
    })
}

fn malformed(part: &str, detail: &str) -> Error {
    Reason::DocxBadXml { part: part.to_owned(), detail: detail.to_owned() }.into()
}

/// The zip package with a budget: entry count checked before the central directory is
/// parsed, and every decompressed byte counted as it is produced (headers can lie).
struct Package<'a> {
    archive: ZipArchive<Cursor<&'a [u8]>>,
    unzipped_budget: u64,
    limit: u64,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8], limits: &Limits) -> Result<Self> {
        if let Some(entries) = declared_entries(bytes) {
            check_entries(entries, limits)?;
        }
        let archive = ZipArchive::new(Cursor::new(bytes)).map_err(|e| match e {
            ZipError::UnsupportedArchive(what) => {
                Error::from(Reason::DocxZipUnsupported { detail: what.to_string() })
            }
            e => Error::from(Reason::DocxZipDamaged { detail: e.to_string() }),
        })?;
        check_entries(archive.len(), limits)?;
        Ok(Self { archive, unzipped_budget: limits.max_unzipped_bytes, limit: limits.max_unzipped_bytes })
    }

    /// One part as UTF-8 text, or None when the package has no such part.
    fn read(&mut self, name: &str) -> Result<Option<String>> {
        let Some(index) = self.archive.index_for_name(name) else { return Ok(None) };
        let (budget, limit) = (self.unzipped_budget, self.limit);
        let entry = self.archive.by_index(index).map_err(|e| zip_error(name, e))?;
        if entry.encrypted() {
            return Err(Reason::WordPasswordProtected.into());
        }
        // A header that already admits to more than the budget is refused without inflating.
        if entry.size() > budget {
            return Err(bomb(limit));
        }
        let mut data = Vec::with_capacity(entry.size().min(1 << 20) as usize);
        entry.take(budget + 1).read_to_end(&mut data).map_err(|e| {
            Error::from(Reason::DocxPartDamaged { part: name.to_owned(), detail: e.to_string() })
        })?;
        if data.len() as u64 > budget {
            return Err(bomb(limit));
        }
        self.unzipped_budget -= data.len() as u64;
        if data.starts_with(b"PK\x03\x04") {
            return Err(Reason::NestedZip { part: name.to_owned() }.into());
        }
        let text = String::from_utf8(data)
            .map_err(|_| Error::from(Reason::DocxPartNotUtf8 { part: name.to_owned() }))?;
        Ok(Some(text.strip_prefix('\u{feff}').map(str::to_owned).unwrap_or(text)))
    }

    /// Why a zip without word/document.xml is not a Word document, as precisely as we can.
    fn not_word(&mut self) -> Error {
        let has = |a: &Self, name: &str| a.archive.index_for_name(name).is_some();
        if has(self, "xl/workbook.xml") {
            return Reason::ExcelWorkbook.into();
        }
        if has(self, "ppt/presentation.xml") {
            return Reason::PowerPoint.into();
        }
        if has(self, "mimetype") {
            let kind = self.read("mimetype").ok().flatten().unwrap_or_default();
            if kind.starts_with("application/vnd.oasis.opendocument.text") {
                return Reason::OpenDocumentText.into();
            }
            if !kind.is_empty() {
                return Reason::OtherPackage { mime: kind.trim().to_owned() }.into();
            }
        }
        let names: Vec<String> =
            self.archive.file_names().filter_map(|n| n.ok().map(|n| n.into_owned())).collect();
        if let Some(inner) = names.iter().find(|n| {
            let n = n.to_ascii_lowercase();
            [".docx", ".zip", ".pdf", ".doc"].iter().any(|ext| n.ends_with(ext))
        }) {
            return Reason::ZipOfDocuments { inner: inner.clone() }.into();
        }
        if has(self, "[Content_Types].xml") {
            return Reason::OfficeWithoutDocument.into();
        }
        Reason::PlainZip.into()
    }
}

fn bomb(limit: u64) -> Error {
    Reason::ZipBomb { limit }.into()
}

fn check_entries(entries: usize, limits: &Limits) -> Result<()> {
    if entries > limits.max_zip_entries {
        return Err(Reason::TooManyZipEntries { entries, max: limits.max_zip_entries }.into());
    }
    Ok(())
}

fn zip_error(name: &str, e: ZipError) -> Error {
    match e {
        ZipError::UnsupportedArchive(what) => {
            Reason::DocxPartUnsupported { part: name.to_owned(), detail: what.to_string() }.into()
        }
        ZipError::CompressionMethodNotSupported(method) => {
            Reason::DocxCompression { part: name.to_owned(), method }.into()
        }
        e => Reason::DocxPartDamaged { part: name.to_owned(), detail: e.to_string() }.into(),
    }
}

/// Entry count from the end-of-central-directory record, read before the zip crate
/// allocates anything per entry. None when the record is absent or defers to ZIP64.
fn declared_entries(bytes: &[u8]) -> Option<usize> {
    const EOCD: &[u8] = b"PK\x05\x06";
    let tail_start = bytes.len().saturating_sub(22 + u16::MAX as usize);
    let at = bytes[tail_start..].windows(4).rposition(|w| w == EOCD)? + tail_start;
    let count = bytes.get(at + 10..at + 12)?;
    let count = u16::from_le_bytes([count[0], count[1]]);
    (count != u16::MAX).then_some(count as usize)
}

/// docProps/core.xml: Dublin Core title, creator and created date.
#[derive(Debug, Default)]
struct CoreProperties {
    title: Option<String>,
    creators: Vec<String>,
    created: Option<String>,
}

impl CoreProperties {
    fn parse(xml: &str) -> Result<Self, String> {
        let mut reader = Reader::from_str(xml);
        let mut props = Self::default();
        let mut field = String::new();
        let mut value = String::new();
        loop {
            match reader.read_event().map_err(|e| e.to_string())? {
                Event::Start(e) => {
                    field = e.local_name().as_ref().to_owned();
                    value.clear();
                }
                Event::Text(t) => value.push_str(&t.xml10_content()),
                Event::GeneralRef(r) => value.push_str(&body::resolve_reference(&r)?),
                Event::End(_) => {
                    let v = value.trim();
                    match field.as_str() {
                        "title" if !v.is_empty() => props.title = Some(v.to_owned()),
                        "creator" => {
                            props.creators = v
                                .split([';', '；'])
                                .map(str::trim)
                                .filter(|s| !s.is_empty())
                                .map(str::to_owned)
                                .collect();
                        }
                        "created" => props.created = iso_date(v),
                        _ => {}
                    }
                    field.clear();
                    value.clear();
                }
                Event::Eof => return Ok(props),
                _ => {}
            }
        }
    }
}

/// The date part of a W3CDTF timestamp ("2025-02-10T09:30:00Z" -> "2025-02-10").
fn iso_date(value: &str) -> Option<String> {
    let date = value.get(..10)?;
    chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").ok().map(|_| date.to_owned())
}
