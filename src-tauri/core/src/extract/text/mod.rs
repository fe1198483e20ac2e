//! Small matching primitives over a text held as chars: spans, words at a position,
//! char classes and filters. Sentences and clauses are in `sentences`, tables of words
//! looked up by their first or last char in `words`.

mod sentences;
mod words;

pub use sentences::{clause_end, clause_start, sentence_ends, sentences, SENTENCE_ENDS};
pub use words::Words;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// First UTF-8 byte of the char at `at`. A word with another first byte does not start
/// there: tables of words test it before comparing chars.
fn first_byte_at(s: &[char], at: usize) -> Option<u8> {
    let u = *s.get(at)? as u32;
    Some(match u {
        0..0x80 => u,
        0x80..0x800 => 0xC0 | u >> 6,
        0x800..0x10000 => 0xE0 | u >> 12,
        _ => 0xF0 | u >> 18,
    } as u8)
}

/// Last UTF-8 byte of the char before `at`, the counterpart of `first_byte_at`.
fn last_byte_before(s: &[char], at: usize) -> Option<u8> {
    let u = *s.get(at.checked_sub(1)?)? as u32;
    Some(if u < 0x80 { u as u8 } else { 0x80 | (u & 0x3F) as u8 })
}

/// End of `w` if it occurs in `s` at `at`.
pub fn starts_with_at(s: &[char], at: usize, w: &str) -> Option<usize> {
    // Most words tried do not start here: compare a first byte before decoding `w`.
    let Some(&first) = w.as_bytes().first() else { return Some(at) };
    if first_byte_at(s, at)? != first {
        return None;
    }
    let mut k = at;
    for c in w.chars() {
        if s.get(k) != Some(&c) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// Start of `w` if it occurs in `s` ending exactly at `at`. Compared from the end, and
/// first by the last byte, so that a miss costs little (as in `starts_with_at`).
pub fn ends_with_at(s: &[char], at: usize, w: &str) -> Option<usize> {
    let Some(&last) = w.as_bytes().last() else { return Some(at) };
    if last_byte_before(s, at)? != last {
        return None;
    }
    let mut k = at;
    for c in w.chars().rev() {
        if k == 0 || s[k - 1] != c {
            return None;
        }
        k -= 1;
    }
    Some(k)
}

/// Index of the first occurrence of `w` in `s[from..to]`, searching backwards (nearest to
/// `to`). Articles use the cue index instead; this direct scan is its reference in tests.
#[cfg(test)]
pub fn rfind(s: &[char], from: usize, to: usize, w: &str) -> Option<usize> {
    let n = w.chars().count();
    if to < from + n {
        return None;
    }
    (from..=to - n).rev().find(|&b| starts_with_at(s, b, w).is_some())
}

/// Index of the first occurrence of `w` in `s[from..to]` (reference of the cue index).
#[cfg(test)]
pub fn find(s: &[char], from: usize, to: usize, w: &str) -> Option<usize> {
    let n = w.chars().count();
    if to < from + n {
        return None;
    }
    (from..=to - n).find(|&b| starts_with_at(s, b, w).is_some())
}

/// The ASCII word before `at` in lower case, spaces before `at` skipped ("" if none).
pub fn ascii_word_before(s: &[char], at: usize) -> String {
    let mut e = at;
    while e > 0 && s[e - 1] == ' ' {
        e -= 1;
    }
    let mut b = e;
    while b > 0 && s[b - 1].is_ascii_alphabetic() {
        b -= 1;
    }
    s[b..e].iter().collect::<String>().to_ascii_lowercase()
}

pub fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
    }
}

pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
}

/// Chars in UTF-8 bytes (each char has one byte that is not a continuation byte).
pub fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x & 0xC0) != 0x80).count()
}

/// The first index from `i` that is not a space.
pub fn skip_spaces(s: &[char], mut i: usize) -> usize {
    while i < s.len() && s[i] == ' ' {
        i += 1;
    }
    i
}

/// A set of chars as an 8192-bit filter on the low bits of the code point: `may_hold` is
/// exact for absent chars most of the time and never wrong for present ones. Lets per-char
/// loops skip almost every char with one bit test; at 8192 bits a Han char shares its bit
/// with two others on average, so that few pass by mistake.
pub struct CharFilter([u64; CharFilter::WORDS]);

impl CharFilter {
    const WORDS: usize = 128;
    const MASK: usize = CharFilter::WORDS * 64 - 1;

    pub fn new(chars: impl IntoIterator<Item = char>) -> CharFilter {
        let mut bits = [0u64; CharFilter::WORDS];
        for c in chars {
            let k = c as usize & CharFilter::MASK;
            bits[k >> 6] |= 1 << (k & 63);
        }
        CharFilter(bits)
    }

    pub fn may_hold(&self, c: char) -> bool {
        let k = c as usize & CharFilter::MASK;
        self.0[k >> 6] >> (k & 63) & 1 == 1
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_matches_agree_with_comparing_chars() {
        let t: Vec<char> = "Ωé融资 market 公司，¥5€ 𝟘x".chars().collect();
        for w in ["融资", "market", "公司，", "é", "Ωé", "𝟘x", "¥5€", "", "资 m", "x", "融", "m"]
        {
            let n = w.chars().count();
            for at in 0..=t.len() {
                let mut buf = [0; 4];
                let mut utf8 = |k: usize| t.get(k).map(|c| c.encode_utf8(&mut buf).as_bytes().to_vec());
                assert_eq!(first_byte_at(&t, at), utf8(at).map(|b| b[0]));
                let before = at.checked_sub(1).and_then(&mut utf8);
                assert_eq!(last_byte_before(&t, at), before.map(|b| b[b.len() - 1]));
                let starts = t.get(at..at + n).is_some_and(|x| x.iter().copied().eq(w.chars()));
                assert_eq!(starts_with_at(&t, at, w), starts.then_some(at + n), "{w} {at}");
                let ends = at >= n && t[at - n..at].iter().copied().eq(w.chars());
                assert_eq!(ends_with_at(&t, at, w), ends.then(|| at - n), "{w} {at}");
            }
        }
    }

    #[test]
    fn char_filter_holds_its_chars() {
        let f = CharFilter::new("记者分析师".chars());
        assert!("记者分析师".chars().all(|c| f.may_hold(c)));
        let misses = "这是一段没有那些字的普通中文文本而且相当长".chars().filter(|&c| f.may_hold(c)).count();
        assert!(misses <= 2, "{misses}");
    }
}
