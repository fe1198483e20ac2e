//! Text decoding with detection, in this order: byte-order mark, UTF-16 without a BOM
//! (recognised by its NUL pattern), valid UTF-8, UTF-8 with a few stray bytes (replaced,
//! and said so), an encoding the document declares (HTML), then chardetng's guess over
//! the first 64 KiB. chardetng does not know UTF-16, hence our own check; it also answers
//! something for any bytes at all, so a legacy decode is checked for plausibility before
//! we accept it.

use encoding_rs::{Encoding, UTF_16BE, UTF_16LE, UTF_8};

use crate::{Reason, Result};

/// How much of the file the detectors look at: enough for a confident guess, and it
/// keeps detection linear and cheap on 50 MB files.
const SAMPLE_BYTES: usize = 64 * 1024;

/// Decoded text, the encoding's name, and how many invalid byte sequences were replaced
/// by U+FFFD (only ever in UTF-8 that is valid but for a few stray bytes).
#[derive(Debug, PartialEq)]
pub struct Decoded {
    pub text: String,
    pub encoding: &'static str,
    pub replaced: usize,
}

impl Decoded {
    fn exact(text: String, encoding: &'static str) -> Self {
        Self { text, encoding, replaced: 0 }
    }

    /// What the user is told about replaced bytes, if any were.
    pub fn note(&self) -> Option<String> {
        match self.replaced {
            0 => None,
            1 => Some("1 byte sequence that is not valid UTF-8 was replaced with \u{FFFD}".to_owned()),
            n => Some(format!("{n} byte sequences that are not valid UTF-8 were replaced with \u{FFFD}")),
        }
    }
}

/// Decodes bytes to a string, returning the encoding's name.
pub fn decode_text(bytes: &[u8]) -> Result<(String, &'static str)> {
    decode_declared(bytes, None).map(|d| (d.text, d.encoding))
}

/// Like [`decode_text`], with the encoding a document declares (an HTML `<meta charset>`).
/// The declaration ranks below valid UTF-8: pages re-saved as UTF-8 often keep their old
/// `gb2312` meta tag, while GBK text is almost never valid UTF-8 by accident.
pub fn decode_declared(bytes: &[u8], declared: Option<&'static Encoding>) -> Result<Decoded> {
    if let Some((enc, bom_len)) = Encoding::for_bom(bytes) {
        return strict(enc, &bytes[bom_len..])
            .map(|text| Decoded::exact(text, enc.name()))
            .ok_or_else(|| Reason::BadByteOrderMark { encoding: enc.name().to_owned() }.into());
    }
    if let Some(enc) = utf16_without_bom(bytes) {
        if let Some(text) = strict(enc, bytes) {
            return Ok(Decoded::exact(text, enc.name()));
        }
    }
    if let Ok(text) = std::str::from_utf8(bytes) {
        return Ok(Decoded::exact(text.to_owned(), UTF_8.name()));
    }
    if let Some(decoded) = nearly_utf8(bytes) {
        return Ok(decoded);
    }
    if let Some(enc) = declared.filter(|e| *e != UTF_8 && *e != UTF_16LE && *e != UTF_16BE) {
        if let Some(text) = strict(enc, bytes).filter(|t| plausible(t)) {
            return Ok(Decoded::exact(text, enc.name()));
        }
    }
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES)];
    let mut detector = chardetng::EncodingDetector::new(chardetng::Iso2022JpDetection::Deny);
    // A prefix cut mid-character must not count as an error: `last` only for the whole file.
    detector.feed(sample, sample.len() == bytes.len());
    let enc = detector.guess(None, chardetng::Utf8Detection::Deny);
    match strict(enc, bytes) {
        Some(text) if plausible(&text) => Ok(Decoded::exact(text, enc.name())),
        _ => Err(Reason::UnknownEncoding { encoding: enc.name().to_owned() }.into()),
    }
}

/// UTF-8 text spoilt by a few stray bytes (a file cut and pasted together, one bad
/// sector): at least twenty well-formed multi-byte characters for each bad sequence.
/// Text in a legacy multi-byte encoding (GBK, Big5, Shift_JIS) fails this at once, as
/// most of its characters are invalid UTF-8; text with no multi-byte UTF-8 at all goes
/// on to detection (a Latin-1 é in English is windows-1252, not a stray byte).
fn nearly_utf8(bytes: &[u8]) -> Option<Decoded> {
    let (mut wide, mut bad) = (0usize, 0usize);
    for chunk in bytes.utf8_chunks() {
        wide += chunk.valid().chars().filter(|c| !c.is_ascii()).count();
        bad += usize::from(!chunk.invalid().is_empty());
    }
    (bad > 0 && bad * 20 <= wide).then(|| Decoded {
        text: String::from_utf8_lossy(bytes).into_owned(),
        encoding: UTF_8.name(),
        replaced: bad,
    })
}

/// Decodes without replacement characters: `None` when the bytes are not valid in `enc`.
fn strict(enc: &'static Encoding, bytes: &[u8]) -> Option<String> {
    enc.decode_without_bom_handling_and_without_replacement(bytes).map(|t| t.into_owned())
}

/// A legacy decoder maps almost any bytes to something; garbage shows up as control
/// characters, C1 codes and private-use characters, which real text hardly has.
fn plausible(text: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars() {
        total += 1;
        let odd_char = matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{e}'..='\u{1f}' | '\u{7f}'..='\u{9f}')
            || ('\u{e000}'..='\u{f8ff}').contains(&c);
        odd += usize::from(odd_char);
    }
    odd * 50 <= total
}

/// Recognises UTF-16 without a byte-order mark and tells its byte order.
///
/// Text in a single-byte or multi-byte legacy encoding never holds NUL bytes, UTF-16 text
/// nearly always does (the high byte of ASCII characters: newlines, digits, Latin words).
/// The byte order is the one that reads more of those units as ASCII. Two checks keep
/// binary data and NUL-sprinkled ASCII out: few control units; few units of the form
/// U+xx00, which in real UTF-16 are rare characters (一 and the ideographic space are the
/// common ones) but where NULs fall at random are as frequent as the ASCII units; and
/// not mostly units made of two printable ASCII bytes, which is ASCII read in pairs
/// (about a quarter of the Chinese characters in the sample article are such units).
pub fn utf16_without_bom(bytes: &[u8]) -> Option<&'static Encoding> {
    let sample = &bytes[..bytes.len().min(SAMPLE_BYTES) & !1];
    let units = sample.len() / 2;
    if units == 0 {
        return None;
    }
    let zeros = sample.iter().filter(|b| **b == 0).count();
    if zeros * 100 < units {
        return None;
    }
    let le = Utf16Counts::of(sample, u16::from_le_bytes);
    let be = Utf16Counts::of(sample, u16::from_be_bytes);
    let (best, enc) = if le.ascii >= be.ascii { (le, UTF_16LE) } else { (be, UTF_16BE) };
    let ok = best.ascii > 0
        && best.controls * 50 <= units
        && best.low_zero * 10 <= units
        && best.low_zero * 2 <= best.ascii
        && (best.wide < 16 || best.ascii_pairs * 10 <= best.wide * 7);
    ok.then_some(enc)
}

#[derive(Default, Clone, Copy)]
struct Utf16Counts {
    /// Printable ASCII and whitespace.
    ascii: usize,
    /// C0 controls (bar whitespace), NUL, DEL and C1.
    controls: usize,
    /// Units at or above U+0100.
    wide: usize,
    /// Wide units whose both bytes are printable ASCII.
    ascii_pairs: usize,
    /// Wide units whose low byte is zero (U+xx00).
    low_zero: usize,
}

impl Utf16Counts {
    fn of(sample: &[u8], read: fn([u8; 2]) -> u16) -> Self {
        let mut c = Self::default();
        for pair in sample.chunks_exact(2) {
            let u = read([pair[0], pair[1]]);
            match u {
                0x09 | 0x0a | 0x0d | 0x20..=0x7e => c.ascii += 1,
                0x00..=0x1f | 0x7f..=0x9f => c.controls += 1,
                0xa0..=0xff => {}
                _ => {
                    c.wide += 1;
                    let [hi, lo] = u.to_be_bytes();
                    c.low_zero += usize::from(lo == 0);
                    c.ascii_pairs += usize::from((0x20..=0x7e).contains(&hi) && (0x20..=0x7e).contains(&lo));
                }
            }
        }
        c
    }
}

/// The encoding an HTML document declares in its first 1024 bytes (`<meta charset=...>`
/// or `http-equiv` content type), as the HTML standard's prescan does.
pub fn declared_html_charset(bytes: &[u8]) -> Option<&'static Encoding> {
    let head = &bytes[..bytes.len().min(1024)];
    let lower: Vec<u8> = head.iter().map(u8::to_ascii_lowercase).collect();
    let mut from = 0;
    while let Some(pos) = find(&lower[from..], b"charset") {
        let mut i = from + pos + b"charset".len();
        from = i;
        while i < lower.len() && lower[i].is_ascii_whitespace() {
            i += 1;
        }
        if lower.get(i) != Some(&b'=') {
            continue;
        }
        i += 1;
        while i < lower.len() && (lower[i].is_ascii_whitespace() || lower[i] == b'"' || lower[i] == b'\'') {
            i += 1;
        }
        let end = lower[i..]
            .iter()
            .position(|b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b':')))
            .map_or(lower.len(), |p| i + p);
        if let Some(enc) = Encoding::for_label(&lower[i..end]) {
            return Some(enc);
        }
    }
    None
}

/// Position of `needle` in `haystack` (a short needle: the scan is linear).
pub fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
    use super::*;

    const ZH: &str =
        "据中商产业研究院测算，2023年中国 AI 芯片市场规模达到1206亿元。\n半导体 ETF（512480）收涨3.39%。";

    fn utf16(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
        let mut out = Vec::new();
        if bom {
            out.extend_from_slice(if big_endian { &[0xfe, 0xff] } else { &[0xff, 0xfe] });
        }
        for u in s.encode_utf16() {
            out.extend_from_slice(&if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
        }
        out
    }

    #[test]
    fn utf16_with_and_without_bom_in_both_orders() {
        for be in [false, true] {
            for bom in [false, true] {
                let (text, enc) = decode_text(&utf16(ZH, be, bom)).unwrap();
                assert_eq!(text, ZH, "be={be} bom={bom}");
                assert_eq!(enc, if be { "UTF-16BE" } else { "UTF-16LE" });
            }
        }
    }

    #[test]
    fn short_utf16_snippets_without_bom() {
        for s in ["DeepSeek", "智谱 AI", "1.19亿\n", "Hi"] {
            for be in [false, true] {
                let (text, _) = decode_text(&utf16(s, be, false)).unwrap();
                assert_eq!(text, s);
            }
        }
    }

    #[test]
    fn legacy_chinese_encodings() {
        let zh_tw =
            "據研究機構估計，2023年中國人工智慧晶片市場規模約1206億元。\n半導體ETF（512480）上漲3.39%。";
        // Beyond GBK: a CJK Extension A character takes a four-byte GB18030 sequence.
        let gb18030_only = format!("{ZH}㐀");
        let cases = [
            (encoding_rs::GBK, ZH, "GBK"),
            // encoding_rs decodes GB18030 under the GBK label: GBK's decoder is GB18030's.
            (encoding_rs::GB18030, gb18030_only.as_str(), "GBK"),
            (encoding_rs::BIG5, zh_tw, "Big5"),
        ];
        for (enc, text, expected) in cases {
            let (bytes, _, unmappable) = enc.encode(text);
            assert!(!unmappable);
            assert_eq!(decode_text(&bytes).unwrap(), (text.to_owned(), expected), "{}", enc.name());
        }
    }

    #[test]
    fn shift_jis_and_windows_1252() {
        let ja = "東京株式市場で半導体関連株が上昇した。投資家はエヌビディアの決算に注目している。";
        let (bytes, _, _) = encoding_rs::SHIFT_JIS.encode(ja);
        assert_eq!(decode_text(&bytes).unwrap(), (ja.to_owned(), "Shift_JIS"));
        let fr = "Le marché chinois de l'IA a progressé de 41,9 % en 2023, selon l'étude — déjà « énorme ».";
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(fr);
        assert_eq!(decode_text(&bytes).unwrap(), (fr.to_owned(), "windows-1252"));
    }

    #[test]
    fn utf8_bom_is_removed() {
        let mut bytes = vec![0xef, 0xbb, 0xbf];
        bytes.extend_from_slice(ZH.as_bytes());
        assert_eq!(decode_text(&bytes).unwrap(), (ZH.to_owned(), "UTF-8"));
    }

    #[test]
    fn cut_prefix_does_not_mislead_detection() {
        // A GBK file longer than the sample whose sample ends in the middle of a character.
        let para = "阶跃星辰完成B轮数亿美元融资，投资方包括腾讯投资、五源资本、启明创投等。\n";
        let mut text = String::from("a");
        while text.len() < SAMPLE_BYTES * 2 {
            text.push_str(para);
        }
        let (bytes, _, _) = encoding_rs::GBK.encode(&text);
        assert_eq!(bytes[SAMPLE_BYTES - 1] & 0x80, 0x80);
        let (decoded, name) = decode_text(&bytes).unwrap();
        assert_eq!(name, "GBK");
        assert_eq!(decoded, text);
    }

    #[test]
    fn garbage_is_refused_with_a_clear_message() {
        // High bytes only: no control bytes, so it passes as "text" until decoded.
        let mut state = 0x2545_f491_u32;
        let garbage: Vec<u8> = (0..4096)
            .map(|_| {
                state ^= state << 13;
                state ^= state >> 17;
                state ^= state << 5;
                0x80 | (state as u8)
            })
            .collect();
        let err = decode_text(&garbage).unwrap_err();
        assert_eq!(err.kind, crate::ErrorKind::InvalidInput);
        assert!(err.message.contains("not valid UTF-8"), "{}", err.message);
    }

    #[test]
    fn nul_sprinkled_ascii_is_not_utf16() {
        let text: Vec<u8> = b"market share grew fast in 2024 "
            .iter()
            .cycle()
            .take(600)
            .enumerate()
            .flat_map(|(i, b)| if i % 3 == 2 { vec![*b, 0] } else { vec![*b] })
            .collect();
        assert_eq!(utf16_without_bom(&text), None);
    }

    #[test]
    fn declared_charset_is_found_and_ranks_below_utf8() {
        let page =
            "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=gb2312\"></head>";
        assert_eq!(declared_html_charset(page.as_bytes()), Some(encoding_rs::GBK));
        assert_eq!(declared_html_charset(b"<meta charset='big5'>"), Some(encoding_rs::BIG5));
        assert_eq!(declared_html_charset(b"<p>charset is a word</p>"), None);
        let decoded = decode_declared(ZH.as_bytes(), Some(encoding_rs::GBK)).unwrap();
        assert_eq!((decoded.text.as_str(), decoded.encoding), (ZH, "UTF-8"));
        let (bytes, _, _) = encoding_rs::BIG5.encode("中國經營報：人工智慧晶片");
        assert_eq!(decode_declared(&bytes, Some(encoding_rs::BIG5)).unwrap().encoding, "Big5");
    }

    #[test]
    fn a_stray_byte_in_utf8_is_replaced_and_counted() {
        let mut bytes = ZH.repeat(3).into_bytes();
        bytes.insert(ZH.char_indices().nth(10).unwrap().0, 0xff);
        let decoded = decode_declared(&bytes, None).unwrap();
        assert_eq!((decoded.encoding, decoded.replaced), ("UTF-8", 1));
        assert_eq!(decoded.text.replace('\u{fffd}', ""), ZH.repeat(3));
        assert_eq!(
            decoded.note().unwrap(),
            "1 byte sequence that is not valid UTF-8 was replaced with \u{FFFD}"
        );
        // GBK is not nearly UTF-8, and a Latin-1 byte in English is windows-1252.
        let (gbk, _, _) = encoding_rs::GBK.encode(ZH);
        assert_eq!(decode_declared(&gbk, None).unwrap(), Decoded::exact(ZH.to_owned(), "GBK"));
        let latin = b"The caf\xe9 chain raised $5 million in 2024 from three investors.";
        assert_eq!(decode_declared(latin, None).unwrap().encoding, "windows-1252");
    }
}
