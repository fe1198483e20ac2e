//! Writes small zip packages for the DOCX tests: a minimal valid Word document from a
//! list of paragraphs, and the hostile or foreign archives the importer must refuse.

use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, ZipWriter};

const CONTENT_TYPES: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>"#;

const RELS: &str = r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>"#;

/// A Word document with one `w:p` per paragraph; line breaks inside a paragraph become
/// `w:br` and tabs `w:tab`, as Word itself writes them.
pub fn document(paragraphs: &[&str]) -> Vec<u8> {
    package(&[
        ("[Content_Types].xml", CONTENT_TYPES.as_bytes()),
        ("_rels/.rels", RELS.as_bytes()),
        ("word/document.xml", document_xml(paragraphs).as_bytes()),
    ])
}

pub fn document_xml(paragraphs: &[&str]) -> String {
    let mut xml = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>"#,
    );
    for paragraph in paragraphs {
        xml.push_str("<w:p><w:r>");
        for (i, line) in paragraph.split('\n').enumerate() {
            if i > 0 {
                xml.push_str("<w:br/>");
            }
            for (j, piece) in line.split('\t').enumerate() {
                if j > 0 {
                    xml.push_str("<w:tab/>");
                }
                if !piece.is_empty() {
                    xml.push_str(&format!(r#"<w:t xml:space="preserve">{}</w:t>"#, escape(piece)));
                }
            }
        }
        xml.push_str("</w:r></w:p>");
    }
    xml.push_str("</w:body></w:document>");
    xml
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}

/// A zip of the given entries, deflated.
pub fn package(entries: &[(&str, &[u8])]) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, data) in entries {
        let method =
            if *name == "mimetype" { CompressionMethod::Stored } else { CompressionMethod::Deflated };
        zip.start_file(*name, SimpleFileOptions::default().compression_method(method)).unwrap();
        zip.write_all(data).unwrap();
    }
    zip.finish().unwrap().into_inner()
}

/// A valid-looking Word package whose document.xml inflates to `inflated` bytes of
/// spaces from a few hundred kilobytes on disk.
pub fn bomb(inflated: u64) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let deflated = SimpleFileOptions::default().compression_method(CompressionMethod::Deflated);
    zip.start_file("[Content_Types].xml", deflated).unwrap();
    zip.write_all(CONTENT_TYPES.as_bytes()).unwrap();
    zip.start_file("word/document.xml", deflated.large_file(inflated >= u32::MAX as u64)).unwrap();
    let chunk = vec![b' '; 1 << 20];
    let mut left = inflated;
    while left > 0 {
        let n = left.min(chunk.len() as u64) as usize;
        zip.write_all(&chunk[..n]).unwrap();
        left -= n as u64;
    }
    zip.finish().unwrap().into_inner()
}

/// Rewrites the uncompressed size of every entry, in local and central headers, to
/// `size`: a bomb that lies about what it holds.
pub fn lie_about_sizes(mut zip: Vec<u8>, size: u32) -> Vec<u8> {
    let patch = |zip: &mut Vec<u8>, signature: &[u8], offset: usize| {
        let mut at = 0;
        while let Some(found) = zip[at..].windows(4).position(|w| w == signature) {
            let field = at + found + offset;
            zip[field..field + 4].copy_from_slice(&size.to_le_bytes());
            at = at + found + 4;
        }
    };
    patch(&mut zip, b"PK\x03\x04", 22);
    patch(&mut zip, b"PK\x01\x02", 24);
    zip
}

/// A zip with `count` empty entries.
pub fn many_entries(count: usize) -> Vec<u8> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let stored = SimpleFileOptions::default().compression_method(CompressionMethod::Stored);
    for i in 0..count {
        zip.start_file(format!("word/media/part{i}.xml"), stored).unwrap();
    }
    zip.start_file("word/document.xml", stored).unwrap();
    zip.write_all(document_xml(&["tiny"]).as_bytes()).unwrap();
    zip.finish().unwrap().into_inner()
}
