//! Plain text and Markdown, and the normalisation every format goes through.

use super::{Format, Parsed};
use crate::Result;

pub fn parse(bytes: &[u8], _format: Format) -> Result<Parsed> {
    let (raw, encoding) = super::decode::decode_text(bytes)?;
    Ok(Parsed { text: normalise(&raw), encoding: Some(encoding.to_owned()), ..Parsed::default() })
}

/// Canonical text: LF line ends, no control characters, trimmed lines, paragraphs
/// separated by exactly one blank line.
pub fn normalise(raw: &str) -> String {
    let mut paragraphs: Vec<String> = Vec::new();
    let mut current: Vec<String> = Vec::new();
    for line in raw.replace("\r\n", "\n").replace('\r', "\n").lines() {
        let line: String = line.chars().filter(|c| !c.is_control() || *c == '\t').collect();
        let line = line.trim();
        if line.is_empty() {
            if !current.is_empty() {
                paragraphs.push(current.join("\n"));
                current.clear();
            }
        } else {
            current.push(line.to_owned());
        }
    }
    if !current.is_empty() {
        paragraphs.push(current.join("\n"));
    }
    paragraphs.join("\n\n")
}
