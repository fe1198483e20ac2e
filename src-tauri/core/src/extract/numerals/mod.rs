//! Numerals in Chinese and English text: Arabic digits (ASCII or full-width, with
//! thousands separators, decimals, exponents and k/m/bn suffixes), Chinese numerals
//! (plain and financial forms, 万/亿/兆 magnitudes, abbreviations like 一万三), vague
//! amounts (数十, 二十几万, 一千多万) and fractions (三分之一, 3/5, 百分之五).

mod arabic;
mod english;
mod fractions;
mod mixed;

use std::sync::OnceLock;

use crate::extract::text::{ascii_digit, CharFilter};
use crate::extract::words::numerals::GLUED_CODES;
use arabic::plain_int_at;

/// What kind of numeral construct was read.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum NumKind {
    Plain,
    /// `A分之B`, `a/b`, possibly mixed (`3又一千分之23`).
    Fraction,
    /// `百分之B`, `千分之B`, `万分之B`: B parts per `denominator`; `value_start` is where B begins.
    PerUnit {
        denominator: f64,
        value_start: usize,
    },
}

/// One numeral: `[start, end)` in chars; `low == high` unless the numeral is vague.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Num {
    pub start: usize,
    pub end: usize,
    pub low: f64,
    pub high: f64,
    pub kind: NumKind,
    /// Some digit was written with an Arabic numeral.
    pub arabic: bool,
    /// Some part was written with Chinese numerals.
    pub chinese: bool,
    /// A magnitude (万, 亿, million, bn, k ...) was part of it.
    pub magnitude: bool,
    /// Factor of the magnitude that ends the numeral (1e8 for 20亿, 1e6 for 3 million), else 1.
    pub scale: f64,
}

impl Num {
    pub fn vague(&self) -> bool {
        self.low != self.high
    }

    /// A plain numeral of no value yet, written in Arabic digits or Chinese numerals.
    fn plain(arabic: bool, chinese: bool) -> Num {
        Num {
            start: 0,
            end: 0,
            low: 0.0,
            high: 0.0,
            kind: NumKind::Plain,
            arabic,
            chinese,
            magnitude: false,
            scale: 1.0,
        }
    }
}

fn cn_digit(c: char) -> Option<u32> {
    Some(match c {
        '零' | '〇' => 0,
        '一' | '壹' => 1,
        '二' | '贰' | '貳' | '两' | '兩' | '倆' | '俩' => 2,
        '三' | '叁' | '參' => 3,
        '四' | '肆' => 4,
        '五' | '伍' => 5,
        '六' | '陆' | '陸' => 6,
        '七' | '柒' => 7,
        '八' | '捌' => 8,
        '九' | '玖' => 9,
        _ => return None,
    })
}

fn small_unit(c: char) -> Option<f64> {
    match c {
        '十' | '拾' => Some(10.0),
        '百' | '佰' => Some(100.0),
        '千' | '仟' => Some(1000.0),
        _ => None,
    }
}

fn big_unit(c: char) -> Option<f64> {
    match c {
        '万' | '萬' => Some(1e4),
        '亿' | '億' => Some(1e8),
        '兆' => Some(1e12),
        _ => None,
    }
}

fn is_numeral_char(c: char) -> bool {
    ascii_digit(c).is_some() || cn_digit(c).is_some() || small_unit(c).is_some() || big_unit(c).is_some()
}

/// Chars that, alone, are far more often part of a word than a number (陆地, 伍仁, 拾起).
fn lone_char_is_word(c: char) -> bool {
    matches!(c, '陆' | '陸' | '肆' | '伍' | '拾' | '佰' | '仟' | '柒' | '捌' | '玖' | '百' | '千' | '〇')
}

/// `一` followed by these is a word (一切, 一看), not the number one.
fn one_starts_word(next: char) -> bool {
    matches!(
        next,
        '切' | '看'
            | '下'
            | '起'
            | '样'
            | '些'
            | '直'
            | '般'
            | '定'
            | '致'
            | '旦'
            | '度'
            | '再'
            | '同'
            | '举'
            | '流'
            | '边'
            | '面'
            | '向'
            | '体'
            | '线'
            | '齐'
            | '律'
            | '贯'
            | '共'
            | '道'
            | '经'
            | '时'
    )
}

/// `v` rounded to 12 significant digits: 4.52 x 1e8 is 451999999.99999994 in binary, and
/// no writer means digits beyond the twelfth.
fn significant(v: f64) -> f64 {
    // Whole numbers under 1e12 are already exact to 12 digits (most amounts are).
    if v.fract() == 0.0 && v.abs() < 1e12 {
        return v;
    }
    let p = 10f64.powi(11 - v.abs().log10().floor() as i32);
    (v * p).round() / p
}

/// Every numeral in `s`, left to right, non-overlapping.
pub fn scan(s: &[char]) -> Vec<Num> {
    let firsts = start_filter();
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if !firsts.may_hold(s[i]) {
            i += 1;
            continue;
        }
        match numeral_at(s, i) {
            Some(n) => {
                i = n.end.max(i + 1);
                out.push(n);
            }
            None => i += 1,
        }
    }
    out
}

/// Is `i` right after a currency code that stands as a word of its own?
fn after_currency_code(s: &[char], i: usize) -> bool {
    let b = i.saturating_sub(3);
    i >= 3
        && (b == 0 || !s[b - 1].is_ascii_alphanumeric())
        && GLUED_CODES.iter().any(|code| code.chars().zip(&s[b..i]).all(|(c, x)| c.eq_ignore_ascii_case(x)))
}

/// Could a numeral start with `c`? Cheap test used before the full reader. Any ASCII letter
/// may start a number word; `numeral_at` also wants it at the start of a word.
fn may_start(c: char) -> bool {
    is_numeral_char(c)
        || matches!(c, '负' | '負' | '-' | '－' | '−' | '.' | '几' | '幾' | '数' | '數' | '半')
        || c.is_ascii_alphabetic()
}

/// `may_start` as a one-bit test for the scan, made by trying every char of the Basic
/// Multilingual Plane (no numeral char lies beyond it).
fn start_filter() -> &'static CharFilter {
    static F: OnceLock<CharFilter> = OnceLock::new();
    F.get_or_init(|| CharFilter::new((0..0x10000).filter_map(char::from_u32).filter(|&c| may_start(c))))
}

/// The numeral (with sign, fraction or per-unit form) starting exactly at `i`.
pub fn numeral_at(s: &[char], i: usize) -> Option<Num> {
    if i >= s.len() || !may_start(s[i]) || inside_a_word(s, i) {
        return None;
    }
    // Hundreds of digits overflow to infinity: no amount anyone writes.
    numeral_from(s, i).filter(|n| n.low.is_finite() && n.high.is_finite())
}

fn numeral_from(s: &[char], i: usize) -> Option<Num> {
    let prev = if i > 0 { Some(s[i - 1]) } else { None };
    match s[i] {
        c if c.is_ascii_alphabetic() => english::english_number(s, i),
        c @ ('负' | '負' | '-' | '－' | '−') => signed(s, i, c, prev),
        '.' => {
            if prev.is_some_and(|p| p == '.' || ascii_digit(p).is_some() || p.is_ascii_alphabetic()) {
                return None;
            }
            let (e, v) = plain_int_at(s, i + 1)?;
            let v = v / 10f64.powi((e - i - 1) as i32);
            Some(Num { start: i, end: e, low: v, high: v, ..Num::plain(true, false) })
        }
        '半' => (s.get(i + 1) == Some(&'百')).then_some(Num {
            start: i,
            end: i + 2,
            low: 50.0,
            high: 50.0,
            ..Num::plain(false, true)
        }),
        _ => fractions::per_unit(s, i).or_else(|| positional(s, i)),
    }
}

/// A number word that does not start a word, or digits inside an identifier (GPT-4, A100,
/// 7B) or a longer Arabic number. (5k-20k: the letters before the hyphen are a suffix of
/// a number, not a name.)
fn inside_a_word(s: &[char], i: usize) -> bool {
    if s[i].is_ascii_alphabetic() && i > 0 && s[i - 1].is_ascii_alphabetic() {
        return true;
    }
    let prev = if i > 0 { Some(s[i - 1]) } else { None };
    let letters = s[..i.saturating_sub(1)].iter().rev().take_while(|c| c.is_ascii_alphabetic()).count();
    let suffix = letters > 0 && i > letters + 1 && ascii_digit(s[i - 2 - letters]).is_some();
    let hyphen_id = prev == Some('-') && i >= 2 && s[i - 2].is_ascii_alphabetic() && !suffix;
    ascii_digit(s[i]).is_some()
        && (hyphen_id || prev.is_some_and(|p| p.is_ascii_alphanumeric() || ascii_digit(p).is_some()))
        && !after_currency_code(s, i)
}

/// A numeral after a sign (负, -) at `i`.
fn signed(s: &[char], i: usize, c: char, prev: Option<char>) -> Option<Num> {
    let ascii_sign = c != '负' && c != '負';
    if ascii_sign && prev.is_some_and(|p| p.is_alphanumeric() || matches!(p, '-' | '－' | '%' | '％')) {
        return None;
    }
    let mut n = numeral_at(s, i + 1)?;
    if n.start != i + 1 || (ascii_sign && !n.arabic) {
        return None;
    }
    if !(matches!(n.kind, NumKind::Fraction)
        && s.get(i + 1..n.end).is_some_and(|t| t.contains(&'负') || t.contains(&'負')))
    {
        let (l, h) = (-n.high, -n.low);
        n.low = l;
        n.high = h;
    }
    n.start = i;
    Some(n)
}

/// A numeral of digits and units at `i` (1.19亿, 一千二百零六亿), or a fraction it starts.
fn positional(s: &[char], i: usize) -> Option<Num> {
    let n = mixed::read(s, i)?;
    // Lone characters that are mostly words (陆地, 一切, 四川); after 分之 they are digits.
    let first = s[i];
    let lone_word = n.end == i + 1
        && (lone_char_is_word(first) || (first == '一' && s.get(n.end).is_some_and(|&c| one_starts_word(c))));
    if lone_word || (first == '四' && s.get(i + 1) == Some(&'川')) {
        return None;
    }
    // 180ml, 4th, 7B, 1990s: digits glued to letters are a measure, an ordinal or a name;
    // 20x (a multiple) stays a number.
    let glued = |k: usize| s.get(k).is_some_and(|c| c.is_ascii_alphanumeric());
    if n.arabic && !n.chinese && !n.magnitude && glued(n.end) && (s[n.end] != 'x' || glued(n.end + 1)) {
        return None;
    }
    fractions::fraction_after(s, &n).or(Some(n))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn one(text: &str) -> (String, f64, f64) {
        let s: Vec<char> = text.chars().collect();
        let n = scan(&s);
        assert_eq!(n.len(), 1, "{text}: {n:?}");
        (s[n[0].start..n[0].end].iter().collect(), n[0].low, n[0].high)
    }

    #[test]
    fn chinese_numerals() {
        for (t, v) in [
            ("1.19亿", 1.19e8),
            ("2215万", 2.215e7),
            ("3万亿", 3e12),
            ("1,100.9亿", 1.1009e11),
            ("2千零30万", 2.03e7),
            ("一千二百零六亿", 1.206e11),
            ("四十九兆九千五百九十二億", 4.99592e13),
            ("１１.92亿", 1.192e9),
            ("两千四百五", 2450.0),
            ("九十二万四", 924000.0),
            ("五亿零六", 500000006.0),
            ("四万万", 4e8),
            ("一百零十万", 1100000.0),
            ("两千万点五五四四", 20000000.5544),
            ("负四十五亿零四百零四万", -4504040000.0),
            ("三分之一", 1.0 / 3.0),
            ("十分之一", 0.1),
            ("$1.5bn", 0.0),
        ] {
            if t.starts_with('$') {
                continue;
            }
            let (_, low, _) = one(t);
            assert!((low - v).abs() < 1e-6 * v.abs().max(1.0), "{t}: {low} != {v}");
        }
    }

    #[test]
    fn vague_amounts() {
        assert_eq!(one("数亿"), ("数亿".into(), 1e8, 1e9));
        assert_eq!(one("数十"), ("数十".into(), 10.0, 100.0));
        assert_eq!(one("三十几万"), ("三十几万".into(), 3e5, 4e5));
        assert_eq!(one("二百余万"), ("二百余万".into(), 2e6, 3e6));
        assert_eq!(one("一千多万"), ("一千多万".into(), 1e7, 2e7));
        assert_eq!(one("500余万"), ("500余万".into(), 5e6, 6e6));
    }

    #[test]
    fn english_magnitudes() {
        assert_eq!(one("1.5bn").1, 1.5e9);
        assert_eq!(one("300 million").1, 3e8);
        assert_eq!(one("1.2 trillion").1, 1.2e12);
        assert_eq!(one("40k").1, 4e4);
    }

    #[test]
    fn words_are_not_numbers() {
        for t in ["一切", "四川", "陆地", "万", "两两", "十分重要", "拾起"] {
            let s: Vec<char> = t.chars().collect();
            assert!(scan(&s).is_empty(), "{t}: {:?}", scan(&s));
        }
    }

    #[test]
    fn english_numbers_in_words() {
        for (t, text, low, high) in [
            ("one hundred and twenty-five", "one hundred and twenty-five", 125.0, 125.0),
            ("Twenty-six people", "Twenty-six", 26.0, 26.0),
            ("fifty - two", "fifty - two", 52.0, 52.0),
            ("two thousand and two hundred", "two thousand and two hundred", 2200.0, 2200.0),
            ("a dozen firms", "a dozen", 12.0, 12.0),
            ("half a dozen", "half a dozen", 6.0, 6.0),
            ("two thirds of it", "two thirds", 2.0 / 3.0, 2.0 / 3.0),
            ("one and a half times", "one and a half", 1.5, 1.5),
            ("five million yen", "five million", 5e6, 5e6),
            ("a quarter million", "a quarter million", 2.5e5, 2.5e5),
            ("two hundred point zero three", "two hundred point zero three", 200.03, 200.03),
            ("minus three", "minus three", -3.0, -3.0),
            ("hundreds of millions of dollars", "hundreds of millions", 1e8, 1e9),
            ("10 bln", "10 bln", 1e10, 1e10),
            ("3 dozens", "3 dozens", 36.0, 36.0),
            ("RMB1,204.6 million", "1,204.6 million", 1.2046e9, 1.2046e9),
        ] {
            let (got, l, h) = one(t);
            assert_eq!(got, text, "{t}");
            assert!(
                (l - low).abs() < 1e-9 * low.abs().max(1.0) && (h - high).abs() < 1e-9 * high.abs().max(1.0),
                "{t}"
            );
        }
    }

    #[test]
    fn ordinals_measures_and_pronouns_are_not_amounts() {
        for t in [
            "a third round",
            "the first half",
            "in a quarter",
            "the past four quarters",
            "the twenty-first century",
            "the one you mentioned",
            "180ml",
            "the 4th",
            "the 1990s",
            "a company",
        ] {
            let s: Vec<char> = t.chars().collect();
            assert!(scan(&s).is_empty(), "{t}: {:?}", scan(&s));
        }
        // 20x is a multiple and keeps its number.
        assert_eq!(one("trades at 20x earnings").1, 20.0);
    }

    #[test]
    fn numerals_start_in_the_basic_plane() {
        assert!((0x10000..=0x10FFFF).filter_map(char::from_u32).all(|c| !may_start(c)));
        assert!("0９一两十亿负.数半aZ".chars().all(|c| start_filter().may_hold(c)));
    }

    #[test]
    fn numbers_too_long_to_mean_an_amount_are_none() {
        let s: Vec<char> = format!("{}亿元", "056".repeat(200)).chars().collect();
        assert!(scan(&s).is_empty());
    }

    #[test]
    fn identifiers_are_not_numbers() {
        let s: Vec<char> = "GPT-4 A100".chars().collect();
        assert!(scan(&s).is_empty());
    }
}
