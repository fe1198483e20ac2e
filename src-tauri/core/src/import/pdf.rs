//! PDF: the text layer read by pdf_oxide page by page in reading order, then mended
//! (`layout`): radicals back to ideographs, wrapped lines rejoined, running headers and
//! page numbers dropped. Like every reader it runs under `budget`, and checks the
//! deadline between pages.

mod layout;

use std::time::{Duration, Instant};

use pdf_oxide::object::Object;
use pdf_oxide::PdfDocument;

use super::{Limits, Parsed};
use crate::{Error, Reason, Result};

pub fn parse(bytes: &[u8], limits: &Limits, deadline: Instant) -> Result<Parsed> {
    if !has_end_marker(bytes) {
        return Err(Reason::PdfTruncated.into());
    }
    let max_pages = limits.max_pdf_pages;
    let doc = PdfDocument::from_bytes(bytes.to_vec())
        .map_err(|e| Error::from(Reason::PdfDamaged { detail: first_line(&e.to_string()).to_owned() }))?;
    if doc.is_encrypted() && !matches!(doc.authenticate(b""), Ok(true)) {
        return Err(Reason::PdfEncrypted.into());
    }
    // A reader rebuilds what it can of a file cut short; when that leaves no pages or
    // no text, the cut is the reason to give.
    let cut = || Error::from(Reason::PdfCutShort);
    let pages = doc.page_count().map_err(|e| {
        if !cross_reference_intact(bytes) {
            return cut();
        }
        Reason::PdfPagesUncountable { detail: first_line(&e.to_string()).to_owned() }.into()
    })?;
    if pages > max_pages {
        return Err(Reason::PdfTooManyPages { pages, max: max_pages }.into());
    }
    if pages == 0 {
        return Err(if cross_reference_intact(bytes) { Reason::PdfNoPages.into() } else { cut() });
    }
    // Plain-text conversion reads tagged PDFs in structure order and others by XY-cut:
    // the best reading order on columns, and much faster than `extract_text`.
    let options = pdf_oxide::converters::ConversionOptions::default();
    let mut texts = Vec::with_capacity(pages);
    for page in 0..pages {
        if Instant::now() > deadline {
            return Err(super::budget::overrun("PDF", Duration::from_secs(limits.max_seconds)));
        }
        let text = doc.to_plain_text(page, &options).map_err(|e| {
            if !cross_reference_intact(bytes) {
                return cut();
            }
            Error::from(Reason::PdfPageUnreadable {
                page: page + 1,
                detail: first_line(&e.to_string()).to_owned(),
            })
        })?;
        texts.push(text);
    }
    if texts.iter().all(|t| t.trim().is_empty()) {
        if !cross_reference_intact(bytes) {
            return Err(cut());
        }
        let scanned = (0..pages).any(|page| page_has_images(&doc, page));
        return Err(if scanned { Reason::PdfScanned } else { Reason::PdfNoText }.into());
    }
    let info = Info::read(&doc);
    Ok(Parsed {
        text: super::normalise(&layout::mend(&texts)),
        title: info.title,
        authors: info.author.into_iter().collect(),
        published: info.created,
        ..Parsed::default()
    })
}

/// A complete PDF ends with `%%EOF` (a few trailing bytes are common, so look at the tail).
fn has_end_marker(bytes: &[u8]) -> bool {
    let tail = &bytes[bytes.len().saturating_sub(2048)..];
    tail.windows(5).any(|w| w == b"%%EOF")
}

/// Whether the last `startxref` points at a cross-reference table or stream inside the
/// file. A file cut short and given a new `%%EOF` (a botched download "repaired" by hand)
/// fails this; the reader may still rebuild a few objects from such a file, but when it
/// finds no text this is why.
fn cross_reference_intact(bytes: &[u8]) -> bool {
    let tail_start = bytes.len().saturating_sub(2048);
    let tail = &bytes[tail_start..];
    let Some(at) = tail.windows(9).rposition(|w| w == b"startxref") else { return false };
    let digits: String = tail[at + 9..]
        .iter()
        .skip_while(|b| b.is_ascii_whitespace())
        .take_while(|b| b.is_ascii_digit())
        .map(|&b| b as char)
        .collect();
    let Some(offset) = digits.parse::<usize>().ok().filter(|o| *o < bytes.len()) else { return false };
    let target = &bytes[offset..bytes.len().min(offset + 64)];
    let target = target.trim_ascii_start();
    // A table starts "xref"; a stream is an object, "12 0 obj".
    target.starts_with(b"xref") || {
        let words: Vec<&[u8]> =
            target.split(|b| b.is_ascii_whitespace()).filter(|w| !w.is_empty()).take(3).collect();
        words.len() == 3
            && words[0].iter().all(u8::is_ascii_digit)
            && words[1].iter().all(u8::is_ascii_digit)
            && words[2].starts_with(b"obj")
    }
}

fn first_line(s: &str) -> &str {
    s.lines().next().unwrap_or(s)
}

fn page_has_images(doc: &PdfDocument, page: usize) -> bool {
    let Ok(page) = doc.get_page(page) else { return false };
    let Some(resources) = page.as_dict().and_then(|d| d.get("Resources")) else { return false };
    let Ok(resources) = doc.resolve_object(resources) else { return false };
    let Some(xobjects) = resources.as_dict().and_then(|d| d.get("XObject")) else { return false };
    let Ok(xobjects) = doc.resolve_object(xobjects) else { return false };
    xobjects.as_dict().is_some_and(|d| {
        d.values().any(|x| {
            doc.resolve_object(x).ok().is_some_and(|x| match x {
                Object::Stream { dict, .. } => {
                    matches!(dict.get("Subtype"), Some(Object::Name(n)) if n == "Image")
                }
                _ => false,
            })
        })
    })
}

/// Title, author and date from the Info dictionary, XMP filling what it lacks.
#[derive(Debug, Default)]
struct Info {
    title: Option<String>,
    author: Option<String>,
    created: Option<String>,
}

impl Info {
    fn read(doc: &PdfDocument) -> Self {
        let mut info = Self::default();
        let dict = doc
            .trailer()
            .as_dict()
            .and_then(|t| t.get("Info"))
            .and_then(|i| doc.resolve_object(i).ok())
            .and_then(|i| i.as_dict().cloned())
            .unwrap_or_default();
        let field = |key: &str| {
            dict.get(key)
                .and_then(|v| doc.resolve_object(v).ok())
                .and_then(|v| v.as_string().map(decode_text_string))
                .map(|s| s.trim().to_owned())
                .filter(|s| !s.is_empty())
        };
        info.title = field("Title").filter(|t| meaningful_title(t));
        info.author = field("Author");
        info.created = field("CreationDate").as_deref().and_then(pdf_date);
        if info.title.is_none() || info.author.is_none() || info.created.is_none() {
            if let Ok(Some(xmp)) = pdf_oxide::extractors::xmp::XmpExtractor::extract(doc) {
                info.title = info.title.or(xmp.dc_title.filter(|t| meaningful_title(t)));
                info.author = info.author.or(xmp.dc_creator.into_iter().next());
                info.created = info.created.or(xmp.xmp_create_date.as_deref().and_then(xmp_date));
            }
        }
        info
    }
}

/// Producers often leave a file name or a placeholder as the title.
fn meaningful_title(title: &str) -> bool {
    let lower = title.to_lowercase();
    let file_like = [".doc", ".docx", ".pdf", ".indd", ".qxd", ".txt", ".htm", ".html"]
        .iter()
        .any(|e| lower.ends_with(e));
    !(file_like || lower == "untitled" || lower.starts_with("microsoft word - "))
}

/// PDF text strings: UTF-16BE with a byte-order mark, UTF-8 with one (PDF 2.0), else
/// PDFDocEncoding, which agrees with Latin-1 on the characters titles use.
fn decode_text_string(bytes: &[u8]) -> String {
    if let Some(utf16) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        let units: Vec<u16> = utf16.chunks_exact(2).map(|c| u16::from_be_bytes([c[0], c[1]])).collect();
        return String::from_utf16_lossy(&units);
    }
    if let Some(utf8) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return String::from_utf8_lossy(utf8).into_owned();
    }
    bytes.iter().map(|&b| b as char).collect()
}

/// "D:20250214083000+08'00'" -> "2025-02-14"; as much precision as the string gives.
fn pdf_date(value: &str) -> Option<String> {
    let digits: String =
        value.strip_prefix("D:").unwrap_or(value).chars().take_while(char::is_ascii_digit).collect();
    iso_prefix(&digits)
}

/// "2025-02-14T08:30:00+08:00" -> "2025-02-14".
fn xmp_date(value: &str) -> Option<String> {
    let digits: String = value.chars().take(10).filter(char::is_ascii_digit).collect();
    iso_prefix(&digits)
}

fn iso_prefix(digits: &str) -> Option<String> {
    let (year, month, day) = (digits.get(0..4)?, digits.get(4..6), digits.get(6..8));
    let date = match (month, day) {
        (Some(m), Some(d)) => format!("{year}-{m}-{d}"),
        (Some(m), None) => format!("{year}-{m}"),
        _ => year.to_owned(),
    };
    let check = match date.len() {
        10 => date.clone(),
        7 => format!("{date}-01"),
        _ => format!("{date}-01-01"),
    };
    chrono::NaiveDate::parse_from_str(&check, "%Y-%m-%d").ok().map(|_| date)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_from_info_and_xmp() {
        assert_eq!(pdf_date("D:20250214083000+08'00'").as_deref(), Some("2025-02-14"));
        assert_eq!(pdf_date("D:202502").as_deref(), Some("2025-02"));
        assert_eq!(pdf_date("D:20251399").as_deref(), None);
        assert_eq!(xmp_date("2025-02-14T08:30:00+08:00").as_deref(), Some("2025-02-14"));
    }

    #[test]
    fn text_strings_decode() {
        assert_eq!(decode_text_string(&[0xFE, 0xFF, 0x4E, 0x2D, 0x65, 0x87]), "中文");
        assert_eq!(decode_text_string(b"Caf\xe9"), "Café");
    }

    #[test]
    fn a_cut_cross_reference_is_noticed() {
        let body = b"%PDF-1.4\n1 0 obj\n<< /Type /Catalog >>\nendobj\n";
        let mut whole = body.to_vec();
        let xref = whole.len();
        whole.extend_from_slice(b"xref\n0 2\n");
        whole.extend_from_slice(format!("trailer\n<< /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n").as_bytes());
        assert!(cross_reference_intact(&whole));
        let mut cut = whole[..30].to_vec();
        cut.extend_from_slice(b"\n%%EOF\n");
        assert!(!cross_reference_intact(&cut));
        let mut pointing_past = body.to_vec();
        pointing_past.extend_from_slice(b"startxref\n99999\n%%EOF");
        assert!(!cross_reference_intact(&pointing_past));
    }

    #[test]
    fn placeholder_titles_are_ignored() {
        assert!(!meaningful_title("Microsoft Word - draft.doc"));
        assert!(!meaningful_title("page1.indd"));
        assert!(meaningful_title("DeepSeek 持续火爆"));
    }
}
