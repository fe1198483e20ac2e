//! Arabic digits (ASCII or full-width, thousands separators, decimals), exponents, and
//! the magnitudes written after them (k, bn, million, crore).

use crate::extract::text::ascii_digit;
use crate::extract::words::numerals::{SCALE_ATTACHED, SCALE_SPACED, SCALE_WORDS, SIGNED_SCALES};

/// Reads Arabic digits at `i`: returns (end, value, place of the last significant digit).
pub fn arabic_at(s: &[char], i: usize) -> Option<(usize, f64, f64)> {
    let mut j = i;
    let mut int_part = String::new();
    while j < s.len() {
        if let Some(d) = ascii_digit(s[j]) {
            int_part.push(char::from(b'0' + d as u8));
            j += 1;
        } else if (s[j] == ',' || (s[j] == '，' && j > i && s[j - 1] >= '０' && s[j - 1] <= '９'))
            && j > i
            && (1..=3).all(|k| s.get(j + k).and_then(|&c| ascii_digit(c)).is_some())
            && s.get(j + 4).and_then(|&c| ascii_digit(c)).is_none()
        {
            j += 1;
        } else {
            break;
        }
    }
    if int_part.is_empty() {
        return None;
    }
    let trailing_zeros = int_part.bytes().rev().take_while(|&b| b == b'0').count();
    let place = if trailing_zeros == int_part.len() { 1.0 } else { 10f64.powi(trailing_zeros as i32) };
    let mut text = int_part;
    // A decimal point needs a digit after it; `2222.2222.22` is a list, not a decimal.
    if j + 1 < s.len() && matches!(s[j], '.' | '．') && ascii_digit(s[j + 1]).is_some() {
        let mut k = j + 1;
        let mut frac = String::new();
        while let Some(d) = s.get(k).and_then(|&c| ascii_digit(c)) {
            frac.push(char::from(b'0' + d as u8));
            k += 1;
        }
        let dotted_again = k + 1 < s.len() && matches!(s[k], '.' | '．') && ascii_digit(s[k + 1]).is_some();
        if !dotted_again {
            text.push('.');
            text.push_str(&frac);
            j = k;
            return Some((j, text.parse().ok()?, 0.0));
        }
    }
    Some((j, text.parse().ok()?, place))
}

/// Integer of ASCII/full-width digits only (for exponents and fractions).
pub fn plain_int_at(s: &[char], i: usize) -> Option<(usize, f64)> {
    let mut j = i;
    let mut v = 0f64;
    while let Some(d) = s.get(j).and_then(|&c| ascii_digit(c)) {
        v = v * 10.0 + d as f64;
        j += 1;
    }
    (j > i).then_some((j, v))
}

pub fn ascii_alpha_at(s: &[char], i: usize) -> bool {
    s.get(i).is_some_and(|c| c.is_ascii_alphabetic())
}

/// English magnitude words and suffixes after an Arabic number written from `start` to
/// `i`: returns (end, factor). After a currency sign, capitals stand for magnitudes too
/// ($2.0B, £2.13B).
pub fn english_scale(s: &[char], start: usize, i: usize) -> Option<(usize, f64)> {
    let word_at = |at: usize, w: &str| -> Option<usize> {
        let mut k = at;
        for wc in w.chars() {
            if s.get(k).map(|c| c.to_ascii_lowercase()) != Some(wc.to_ascii_lowercase()) {
                return None;
            }
            k += 1;
        }
        (!ascii_alpha_at(s, k)).then_some(k)
    };
    let exact = |at: usize, w: &str| {
        let k = at + w.chars().count();
        (s.len() >= k && s[at..k].iter().copied().eq(w.chars()) && !ascii_alpha_at(s, k)).then_some(k)
    };
    // Every scale word starts with a letter (or Ｋ), after a space or not.
    if !s.get(i).is_some_and(|&c| c.is_ascii_alphabetic() || c == ' ' || c == 'Ｋ') {
        return None;
    }
    for (w, f) in SCALE_ATTACHED {
        if let Some(k) = exact(i, w) {
            return Some((k, f));
        }
    }
    // $203.4million: a scale word glued to the number.
    for &(w, f) in SCALE_WORDS.iter().filter(|(w, _)| w.len() > 2) {
        if let Some(k) = word_at(i, w) {
            return Some((k, f));
        }
    }
    let money = start > 0 && "$£€¥₹".contains(s[start - 1]);
    if let Some(&(_, f)) = SIGNED_SCALES.iter().filter(|_| money).find(|(w, _)| exact(i, w).is_some()) {
        return Some((i + 1, f));
    }
    if s.get(i) == Some(&' ') {
        for &(w, f) in SCALE_WORDS.iter().chain(&SCALE_SPACED) {
            // Short suffixes must match case exactly (2.5 M, not 2.5 m of something).
            let k = if w.len() <= 2 { exact(i + 1, w) } else { word_at(i + 1, w) };
            if let Some(k) = k {
                return Some((k, f));
            }
        }
    }
    None
}

/// `e5`, `E-1`, `^5`, `^-1` after a mantissa: returns (end, exponent, is_power).
pub fn exponent(s: &[char], i: usize) -> Option<(usize, f64, bool)> {
    let c = *s.get(i)?;
    if !matches!(c, 'e' | 'E' | '^') {
        return None;
    }
    let mut k = i + 1;
    let mut neg = false;
    while let Some(&sc) = s.get(k) {
        match sc {
            '+' | '＋' => {}
            '-' | '－' => neg = !neg,
            _ => break,
        }
        k += 1;
        if c != '^' {
            break;
        }
    }
    let (e, v) = plain_int_at(s, k)?;
    if ascii_alpha_at(s, e) {
        return None;
    }
    Some((e, if neg { -v } else { v }, c == '^'))
}
