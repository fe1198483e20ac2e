//! Text decoding with detection: BOM, UTF-8, then chardetng's guess.

use crate::{Error, Result};

/// Decodes bytes to a string, returning the encoding's name.
pub fn decode_text(bytes: &[u8]) -> Result<(String, &'static str)> {
    if let Some((enc, bom_len)) = encoding_rs::Encoding::for_bom(bytes) {
        let (text, had_errors) = enc.decode_without_bom_handling(&bytes[bom_len..]);
        if had_errors {
            return Err(Error::invalid(format!("text is not valid {}", enc.name())));
        }
        return Ok((text.into_owned(), enc.name()));
    }
    if let Ok(s) = std::str::from_utf8(bytes) {
        return Ok((s.to_owned(), "UTF-8"));
    }
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    detector.feed(bytes, true);
    let enc = detector.guess(None, chardetng::Utf8Detection::Allow);
    let (text, _, had_errors) = enc.decode(bytes);
    if had_errors {
        return Err(Error::invalid("text is in no encoding we recognise"));
    }
    Ok((text.into_owned(), enc.name()))
}
