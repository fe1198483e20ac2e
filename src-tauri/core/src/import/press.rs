//! Press conventions: headline, bylines, dateline, outlet, language.

use super::{Format, Parsed, ParsedArticle};
use crate::{Error, Result};

pub fn finish(parsed: Parsed, format: Format, file_name: &str) -> Result<ParsedArticle> {
    if parsed.text.trim().is_empty() {
        return Err(Error::invalid("no text found in the file"));
    }
    let title = parsed
        .title
        .clone()
        .or_else(|| parsed.text.lines().next().map(str::to_owned))
        .unwrap_or_else(|| file_name.to_owned());
    Ok(ParsedArticle {
        title,
        outlet: parsed.outlet,
        authors: parsed.authors,
        published: parsed.published,
        language: "und".into(),
        format,
        encoding: parsed.encoding,
        text: parsed.text,
    })
}
