//! Format from content first, extension second.
//!
//! Rules, in order:
//! 1. Signatures that cannot be text win over any extension: a PDF named .docx is a PDF,
//!    a DOCX named .txt is a DOCX. Images, programs, archives and audio/video are refused
//!    by name ("looks like a PNG image"). Every ZIP is handed to the DOCX reader, which
//!    names what a package holds when it is not a Word document.
//! 2. Anything else must look like text: no NUL bytes (unless UTF-16) and almost no
//!    control bytes. Otherwise it is binary data we cannot name, and refused.
//! 3. Text that starts like an HTML document is HTML whatever its extension (a page saved
//!    as .txt). Otherwise the extension decides between plain text and Markdown, and a
//!    text file with an extension we do not import is refused as unsupported.

use super::decode::{find, utf16_without_bom};
use super::Format;
use crate::{Reason, Result};

/// Bytes inspected for text-ness and for an HTML start.
const SNIFF_BYTES: usize = 8 * 1024;

/// The extensions Dossier imports, and the format each names: the one list behind the
/// importer, a folder's walk, the file dialogs and the help texts.
pub const EXTENSIONS: &[(&str, Format)] = &[
    ("txt", Format::Text),
    ("text", Format::Text),
    ("md", Format::Markdown),
    ("markdown", Format::Markdown),
    ("mdown", Format::Markdown),
    ("mkd", Format::Markdown),
    ("html", Format::Html),
    ("htm", Format::Html),
    ("xhtml", Format::Html),
    ("shtml", Format::Html),
    ("pdf", Format::Pdf),
    ("docx", Format::Docx),
];

/// The format an extension (any case, without the dot) names, if Dossier imports it.
pub fn format_of_extension(ext: &str) -> Option<Format> {
    EXTENSIONS.iter().find(|(e, _)| e.eq_ignore_ascii_case(ext)).map(|&(_, f)| f)
}

pub fn detect(bytes: &[u8], file_name: &str) -> Result<Format> {
    let ext = std::path::Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    if let Some(format) = signature(bytes)? {
        return Ok(format);
    }
    let view = ascii_view(bytes);
    check_text_like(bytes).map_err(|e| match ext.as_str() {
        // Named for a binary format whose signature it lacks: say that, not "not text".
        "pdf" => Reason::NotPdf.into(),
        "docx" => Reason::NotDocx.into(),
        _ => e,
    })?;
    if starts_like_html(&view) {
        return Ok(Format::Html);
    }
    match format_of_extension(&ext) {
        Some(format @ (Format::Html | Format::Markdown)) => Ok(format),
        // A .pdf or .docx that is text after all (a wrong name, an export gone astray) is
        // read for what it is; so is a file with no extension.
        Some(Format::Text | Format::Pdf | Format::Docx) => Ok(Format::Text),
        None if ext.is_empty() => Ok(Format::Text),
        None => Err(Reason::UnsupportedType { extension: ext }.into()),
    }
}

/// Formats and refusals decided by magic bytes alone.
fn signature(bytes: &[u8]) -> Result<Option<Format>> {
    // The PDF header may follow some junk (the spec tolerates it within 1 KiB).
    if find(&bytes[..bytes.len().min(1024)], b"%PDF-").is_some() {
        return Ok(Some(Format::Pdf));
    }
    // Every ZIP goes to the DOCX reader: it opens the package and, when it is no Word
    // document, says precisely what it is (a workbook, an ODT, a zip holding files...).
    if bytes.starts_with(b"PK\x03\x04") || bytes.starts_with(b"PK\x05\x06") {
        return Ok(Some(Format::Docx));
    }
    if bytes.starts_with(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]) {
        // Office keeps a password-protected .docx (or .xlsx) in the same container as
        // its old formats, as a stream named EncryptedPackage.
        let encrypted: Vec<u8> = "EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes).collect();
        if find(bytes, &encrypted).is_some() {
            return Err(Reason::WordPasswordProtected.into());
        }
        return Err(Reason::OldOffice.into());
    }
    if bytes.starts_with(b"{\\rtf") {
        return Err(Reason::Rtf.into());
    }
    match binary_kind(bytes) {
        Some(kind) => Err(Reason::Binary { looks_like: kind.to_owned() }.into()),
        None => Ok(None),
    }
}

/// What known binary formats a file starts like.
fn binary_kind(b: &[u8]) -> Option<&'static str> {
    const MAGIC: &[(usize, &[u8], &str)] = &[
        (0, b"\x89PNG\r\n\x1a\n", "a PNG image"),
        (0, b"\xff\xd8\xff", "a JPEG image"),
        (0, b"GIF87a", "a GIF image"),
        (0, b"GIF89a", "a GIF image"),
        (8, b"WEBP", "a WebP image"),
        (0, b"II*\x00", "a TIFF image"),
        (0, b"MM\x00*", "a TIFF image"),
        (4, b"ftyp", "an MP4 or QuickTime video, or a HEIC image"),
        (0, b"\x1a\x45\xdf\xa3", "a Matroska or WebM video"),
        (0, b"ID3", "an MP3 audio file"),
        (0, b"OggS", "an Ogg audio file"),
        (0, b"fLaC", "a FLAC audio file"),
        (8, b"WAVE", "a WAV audio file"),
        (8, b"AVI ", "an AVI video"),
        (0, b"\x7fELF", "an ELF executable (a Linux program)"),
        (0, b"\xfe\xed\xfa\xce", "a macOS program (Mach-O)"),
        (0, b"\xfe\xed\xfa\xcf", "a macOS program (Mach-O)"),
        (0, b"\xce\xfa\xed\xfe", "a macOS program (Mach-O)"),
        (0, b"\xcf\xfa\xed\xfe", "a macOS program (Mach-O)"),
        (0, b"\xca\xfe\xba\xbe", "a Java class or macOS universal program"),
        (0, b"\x00asm", "a WebAssembly module"),
        (0, b"\x1f\x8b", "a gzip archive"),
        (0, b"\xfd7zXZ\x00", "an xz archive"),
        (0, b"7z\xbc\xaf\x27\x1c", "a 7-Zip archive"),
        (0, b"Rar!\x1a\x07", "a RAR archive"),
        (0, b"\x28\xb5\x2f\xfd", "a Zstandard archive"),
        (257, b"ustar", "a tar archive"),
        (0, b"SQLite format 3\x00", "an SQLite database"),
        (0, b"wOFF", "a web font"),
        (0, b"wOF2", "a web font"),
    ];
    if let Some((_, _, kind)) =
        MAGIC.iter().find(|(at, magic, _)| b.get(*at..*at + magic.len()) == Some(*magic))
    {
        return Some(kind);
    }
    // Weak two-byte magics: only with a second sign of binary data.
    if b.starts_with(b"MZ") && b.iter().take(64).any(|x| *x == 0) {
        return Some("a Windows program (.exe or .dll)");
    }
    if b.starts_with(b"BZh") && b.get(3).is_some_and(u8::is_ascii_digit) && b.get(4..10) == Some(b"1AY&SY") {
        return Some("a bzip2 archive");
    }
    let bmp_size = b.get(2..6).map(|s| u32::from_le_bytes([s[0], s[1], s[2], s[3]]) as usize);
    if b.starts_with(b"BM") && bmp_size == Some(b.len()) {
        return Some("a BMP image");
    }
    None
}

/// Refuses data that is not text: NUL bytes outside UTF-16, or many control bytes.
fn check_text_like(bytes: &[u8]) -> Result<()> {
    if has_utf16_bom(bytes) || utf16_without_bom(bytes).is_some() {
        return Ok(());
    }
    let sample = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let (mut nul, mut controls, mut printable) = (0usize, 0usize, 0usize);
    for &b in sample {
        match b {
            0 => nul += 1,
            // Tab, line feed, vertical tab, form feed, carriage return; ESC starts ISO-2022
            // shifts; SUB ends old DOS text files.
            b'\t' | b'\n' | 0x0b | 0x0c | b'\r' | 0x1b | 0x1a | b' ' => {}
            0x01..=0x1f | 0x7f => controls += 1,
            _ => printable += 1,
        }
    }
    if printable == 0 && nul + controls > 0 {
        return Err(Reason::OnlyControlCharacters.into());
    }
    if nul > 0 {
        return Err(Reason::NulBytes { count: nul, sampled: sample.len() }.into());
    }
    if controls * 100 > sample.len() {
        return Err(Reason::ControlBytes { count: controls, sampled: sample.len() }.into());
    }
    Ok(())
}

fn has_utf16_bom(bytes: &[u8]) -> bool {
    bytes.starts_with(&[0xff, 0xfe]) || bytes.starts_with(&[0xfe, 0xff])
}

/// The start of the file as ASCII, lower-cased, whatever its encoding: UTF-16 is read by
/// its low bytes, so that an HTML page saved as UTF-16 is recognised too.
fn ascii_view(bytes: &[u8]) -> Vec<u8> {
    let head = &bytes[..bytes.len().min(SNIFF_BYTES)];
    let bom = has_utf16_bom(bytes);
    let order =
        if bom { encoding_rs::Encoding::for_bom(bytes).map(|(e, _)| e) } else { utf16_without_bom(bytes) };
    let chars: Vec<u8> = if let Some(order) = order {
        let low = usize::from(order == encoding_rs::UTF_16BE);
        head.chunks_exact(2).skip(usize::from(bom)).map(|p| p[low]).collect()
    } else {
        head.strip_prefix(b"\xef\xbb\xbf").unwrap_or(head).to_vec()
    };
    chars.to_ascii_lowercase()
}

/// An HTML document starts with a doctype or a document-level tag, possibly after
/// whitespace, comments or an XML declaration.
fn starts_like_html(view: &[u8]) -> bool {
    let mut rest = view;
    loop {
        rest = rest.trim_ascii_start();
        if rest.starts_with(b"<!--") {
            match find(rest, b"-->") {
                Some(end) => rest = &rest[end + 3..],
                None => return false,
            }
        } else if rest.starts_with(b"<?xml") {
            match find(rest, b"?>") {
                Some(end) => rest = &rest[end + 2..],
                None => return false,
            }
        } else {
            break;
        }
    }
    [&b"<!doctype html"[..], b"<html", b"<head", b"<body", b"<meta ", b"<title>"]
        .iter()
        .any(|tag| rest.starts_with(tag))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Error, ErrorKind};

    fn err(bytes: &[u8], name: &str) -> Error {
        detect(bytes, name).unwrap_err()
    }

    #[test]
    fn extension_decides_for_plain_text() {
        assert_eq!(detect(b"# Title\n\ntext", "a.md").unwrap(), Format::Markdown);
        assert_eq!(detect(b"plain", "a.TXT").unwrap(), Format::Text);
        assert_eq!(detect(b"plain", "README").unwrap(), Format::Text);
        assert_eq!(detect(b"<p>fragment</p>", "a.htm").unwrap(), Format::Html);
    }

    #[test]
    fn content_wins_over_a_wrong_extension() {
        assert_eq!(detect(b"%PDF-1.7\n...", "report.docx").unwrap(), Format::Pdf);
        assert_eq!(detect(b"%PDF-1.4\n...", "report.txt").unwrap(), Format::Pdf);
        let page = b"\xef\xbb\xbf  <!-- saved --><!DOCTYPE html><html><body>x</body></html>";
        assert_eq!(detect(page, "page.txt").unwrap(), Format::Html);
        assert_eq!(detect(b"<?xml version=\"1.0\"?>\n<html>", "page.xyz").unwrap(), Format::Html);
        let mut zip = b"PK\x03\x04\x14\x00".to_vec();
        zip.extend_from_slice(b"....word/document.xml....");
        assert_eq!(detect(&zip, "notes.txt").unwrap(), Format::Docx);
        assert_eq!(detect(b"just words", "letter.docx").unwrap(), Format::Text);
    }

    #[test]
    fn utf16_html_is_recognised() {
        let page: Vec<u8> = "<!DOCTYPE html><html><body>报道</body></html>"
            .encode_utf16()
            .flat_map(u16::to_le_bytes)
            .collect();
        assert_eq!(detect(&page, "page.txt").unwrap(), Format::Html);
    }

    #[test]
    fn binaries_are_named() {
        let e = err(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "chart.txt");
        assert_eq!(e.kind, ErrorKind::InvalidInput);
        assert_eq!(e.message, "binary file, not a text document: looks like a PNG image");
        assert!(err(b"\xff\xd8\xff\xe0\x00\x10JFIF", "page.html").message.contains("JPEG image"));
        assert!(err(b"\x7fELF\x02\x01\x01", "a.txt").message.contains("ELF executable"));
        assert!(err(b"\x1f\x8b\x08\x00", "a.md").message.contains("gzip"));
        assert_eq!(err(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "old.doc").kind, ErrorKind::Unsupported);
        assert_eq!(detect(b"PK\x03\x04....xl/workbook.xml", "book.md").unwrap(), Format::Docx);
    }

    #[test]
    fn unknown_binary_and_control_only_data() {
        let mut stray_nul = b"plain words ".repeat(20);
        stray_nul[100] = 0;
        assert!(err(&stray_nul, "a.txt").message.contains("NUL bytes"));
        let sprinkled: Vec<u8> = b"abc\x00".repeat(50);
        assert!(err(&sprinkled, "a.txt").message.contains("NUL bytes"));
        let mut controls = b"some text ".repeat(10);
        controls.extend_from_slice(&[1, 2, 3, 4, 5, 6]);
        assert!(err(&controls, "a.txt").message.contains("control characters"));
        let e = err(&[1, 2, 3, 7, 8, 0x1f, b'\n'], "a.txt");
        assert_eq!(e.message, "no text: the file holds only control characters");
    }

    #[test]
    fn unsupported_extension() {
        let e = err(b"plain words", "data.xyz");
        assert_eq!(e.kind, ErrorKind::Unsupported);
        assert!(e.message.starts_with("unsupported file type .xyz"), "{}", e.message);
    }

    #[test]
    fn weak_magics_need_confirmation() {
        assert_eq!(detect(b"MZ is a plain word here", "a.txt").unwrap(), Format::Text);
        assert_eq!(detect(b"BM stands for Bank Mandiri", "a.txt").unwrap(), Format::Text);
    }

    #[test]
    fn binary_files_named_pdf_or_docx_are_told_apart() {
        let mut state = 0x9e37_79b9_u32;
        let random: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                state as u8
            })
            .collect();
        assert!(err(&random, "report.pdf").message.starts_with("not a PDF: "), "{}", err(&random, "r.pdf"));
        assert!(err(&random, "memo.docx").message.starts_with("not a Word document: "));
        assert!(err(&random, "notes.txt").message.starts_with("binary file"));
    }

    #[test]
    fn an_encrypted_word_document_is_named() {
        let mut cfb = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
        cfb.resize(1024, 0);
        cfb.extend("EncryptionInfo\0EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
        let e = err(&cfb, "secret.docx");
        assert_eq!(e.kind, ErrorKind::Unsupported);
        assert!(e.message.contains("password-protected"), "{}", e.message);
        let old = err(&[0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0], "old.doc");
        assert!(old.message.starts_with("an old Microsoft Office file"));
    }
}
