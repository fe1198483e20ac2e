//! Format from content (magic bytes) first, extension second.

use super::Format;
use crate::{Error, Result};

pub fn detect(bytes: &[u8], file_name: &str) -> Result<Format> {
    let ext = std::path::Path::new(file_name)
        .extension()
        .and_then(|e| e.to_str())
        .map(|e| e.to_ascii_lowercase())
        .unwrap_or_default();
    if bytes.starts_with(b"%PDF-") {
        return Ok(Format::Pdf);
    }
    if bytes.starts_with(b"PK\x03\x04") {
        return Ok(Format::Docx);
    }
    Ok(match ext.as_str() {
        "html" | "htm" | "xhtml" => Format::Html,
        "md" | "markdown" => Format::Markdown,
        "txt" | "text" | "" => Format::Text,
        other => return Err(Error::unsupported(format!("unsupported file type .{other}"))),
    })
}
