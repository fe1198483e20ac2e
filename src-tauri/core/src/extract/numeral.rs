//! Numerals in Chinese and English text: Arabic digits (ASCII or full-width, with
//! thousands separators, decimals, exponents and k/m/bn suffixes), Chinese numerals
//! (plain and financial forms, 万/亿/兆 magnitudes, abbreviations like 一万三), vague
//! amounts (数十, 二十几万, 一千多万) and fractions (三分之一, 3/5, 百分之五).

use std::sync::OnceLock;

use super::text::{ascii_word_before, CharFilter};

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
}

pub fn ascii_digit(c: char) -> Option<u32> {
    match c {
        '0'..='9' => Some(c as u32 - '0' as u32),
        '０'..='９' => Some(c as u32 - '０' as u32),
        _ => None,
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

pub fn is_cjk(c: char) -> bool {
    matches!(c, '\u{3400}'..='\u{9fff}' | '\u{f900}'..='\u{faff}')
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

/// Reads Arabic digits at `i`: returns (end, value, place of the last significant digit).
fn arabic_at(s: &[char], i: usize) -> Option<(usize, f64, f64)> {
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
fn plain_int_at(s: &[char], i: usize) -> Option<(usize, f64)> {
    let mut j = i;
    let mut v = 0f64;
    while let Some(d) = s.get(j).and_then(|&c| ascii_digit(c)) {
        v = v * 10.0 + d as f64;
        j += 1;
    }
    (j > i).then_some((j, v))
}

fn skip_spaces(s: &[char], mut i: usize) -> usize {
    while i < s.len() && s[i] == ' ' {
        i += 1;
    }
    i
}

fn ascii_alpha_at(s: &[char], i: usize) -> bool {
    s.get(i).is_some_and(|c| c.is_ascii_alphabetic())
}

/// English scale words above a hundred, after a number in digits or in words.
const SCALE_WORDS: [(&str, f64); 6] = [
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("lakh", 1e5),
    ("crore", 1e7),
];

/// English magnitude words and suffixes after an Arabic number: returns (end, factor).
fn english_scale(s: &[char], i: usize) -> Option<(usize, f64)> {
    // After a space, besides the scale words: hundred, dozens and abbreviations.
    const SPACED: [(&str, f64); 12] = [
        ("hundred", 1e2),
        ("dozen", 12.0),
        ("dozens", 12.0),
        ("dzs", 12.0),
        ("mln", 1e6),
        ("bln", 1e9),
        ("tln", 1e12),
        ("mn", 1e6),
        ("bn", 1e9),
        ("MM", 1e6),
        ("M", 1e6),
        ("k", 1e3),
    ];
    const ATTACHED: [(&str, f64); 10] = [
        ("MM", 1e6),
        ("bn", 1e9),
        ("mn", 1e6),
        ("tn", 1e12),
        ("m", 1e6),
        ("M", 1e6),
        ("k", 1e3),
        ("K", 1e3),
        ("Ｋ", 1e3),
        ("b", 1e9),
    ];
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
    for (w, f) in ATTACHED {
        if let Some(k) = exact(i, w) {
            return Some((k, f));
        }
    }
    if s.get(i) == Some(&' ') {
        for &(w, f) in SCALE_WORDS.iter().chain(&SPACED) {
            // Short suffixes must match case exactly (2.5 M, not 2.5 m of something).
            let k = if w.len() <= 2 { exact(i + 1, w) } else { word_at(i + 1, w) };
            if let Some(k) = k {
                return Some((k, f));
            }
        }
    }
    None
}

struct Reader<'a> {
    s: &'a [char],
}

/// State of a Chinese/mixed numeral being read: the usual section algorithm
/// (result + section + pending digit) plus vague-step bookkeeping.
#[derive(Default)]
struct Acc {
    result: f64,
    section: f64,
    digit: Option<f64>,
    /// The pending digit is one Chinese digit right after a unit (一万三 = 13000).
    digit_abbrev: bool,
    last_unit: f64,
    last_small: f64,
    max_big: f64,
    prev_big: bool,
    zero: bool,
    step: Option<f64>,
    shu: bool,
    tokens: u32,
    digits_only: bool,
    seq_len: u32,
    arabic: bool,
    chinese: bool,
    magnitude: bool,
    explicit_digit: bool,
}

impl Acc {
    fn value(&self) -> f64 {
        let d = match self.digit {
            Some(d) if self.digit_abbrev && !self.zero && self.last_unit >= 10.0 => d * self.last_unit / 10.0,
            Some(d) => d,
            None => 0.0,
        };
        self.result + self.section + d
    }
}

impl<'a> Reader<'a> {
    /// Reads an integer-or-decimal numeral (no fraction) at `i`.
    fn numeral(&self, i: usize) -> Option<Num> {
        let s = self.s;
        let mut a = Acc { digits_only: true, ..Acc::default() };
        let mut j = i;
        let mut end = i;
        let mut decimal: Option<f64> = None;
        loop {
            let k = if a.tokens > 0 { skip_spaces(s, j) } else { j };
            let Some(&c) = s.get(k) else { break };
            // After spaces only a unit or a digit after a unit may continue the numeral.
            if k > j
                && !(big_unit(c).is_some()
                    || small_unit(c).is_some()
                    || cn_digit(c).is_some()
                    || (ascii_digit(c).is_some() && a.last_unit > 0.0 && a.digit.is_none())
                    || matches!(c, '余' | '多' | '几' | '幾' | '点' | '點'))
            {
                break;
            }
            if ascii_digit(c).is_some() {
                if a.digit.is_some() || (a.tokens > 0 && a.digits_only) {
                    break;
                }
                let (e, v, place) = arabic_at(s, k)?;
                a.digit = Some(v);
                a.digit_abbrev = false;
                a.arabic = true;
                a.explicit_digit = true;
                if a.step.is_none() && place > 0.0 {
                    a.step = Some(-place); // tentative: only used if 余/多 follows
                }
                j = e;
            } else if let Some(d) = cn_digit(c) {
                let twin = |at: Option<&char>| matches!(at, Some('两' | '兩'));
                if matches!(c, '两' | '兩') && (twin(s.get(k + 1)) || k > 0 && twin(s.get(k - 1))) {
                    return None;
                }
                if d == 0 {
                    if a.digit.is_some() && a.digits_only {
                        a.digit = Some(a.digit.unwrap_or(0.0) * 10.0);
                        a.seq_len += 1;
                    } else if a.digit.is_some() {
                        break;
                    } else {
                        a.zero = true;
                        if a.tokens == 0 {
                            a.digit = Some(0.0);
                        }
                    }
                } else if let Some(prev) = a.digit {
                    if a.digits_only && a.chinese && !matches!(c, '两' | '兩') && prev >= 1.0 {
                        a.digit = Some(prev * 10.0 + d as f64);
                        a.seq_len += 1;
                    } else {
                        break;
                    }
                } else {
                    a.digit = Some(d as f64);
                    a.digit_abbrev = a.last_unit >= 10.0 && !a.zero && a.tokens > 0;
                    a.seq_len = 1;
                }
                a.chinese = true;
                a.explicit_digit = true;
                j = k + 1;
            } else if matches!(c, '几' | '幾' | '数' | '數') {
                let next_unit =
                    s.get(k + 1).is_some_and(|&n| small_unit(n).is_some() || big_unit(n).is_some());
                if a.tokens == 0 && next_unit {
                    a.shu = true;
                    a.digit = Some(1.0);
                } else if matches!(c, '几' | '幾') && a.digit.is_none() && a.tokens > 0 {
                    let place = if a.zero || a.last_unit < 10.0 { 1.0 } else { a.last_unit / 10.0 };
                    a.digit = Some(0.0);
                    a.step = Some(place * 10.0);
                } else {
                    break;
                }
                a.chinese = true;
                j = k + 1;
            } else if let Some(u) = small_unit(c) {
                if (a.last_small > 0.0 && u >= a.last_small) || a.seq_len > 1 {
                    break;
                }
                if a.tokens == 0 && matches!(c, '十' | '拾') && s.get(k + 1) == Some(&'分') {
                    // 十分 is "very"; 十分之一 is a fraction and is read by the caller.
                    if s.get(k + 2) != Some(&'之') {
                        return None;
                    }
                }
                a.section += a.digit.unwrap_or(1.0) * u;
                if matches!(a.step, Some(st) if st < 0.0) {
                    a.step = None;
                }
                a.digit = None;
                a.digit_abbrev = false;
                a.last_unit = u;
                a.last_small = u;
                a.zero = false;
                a.prev_big = false;
                a.digits_only = false;
                a.chinese = true;
                j = k + 1;
            } else if let Some(b) = big_unit(c) {
                if a.tokens == 0 {
                    return None;
                }
                let sec = a.section + a.digit.unwrap_or(0.0);
                if a.digit.is_none() && a.section == 0.0 {
                    if !a.prev_big {
                        break;
                    }
                    a.result *= b;
                    a.max_big *= b;
                } else if b > a.max_big {
                    a.result = (a.result + sec) * b;
                    a.max_big = b;
                } else {
                    a.result += sec * b;
                }
                if let Some(st) = a.step.filter(|st| *st > 0.0) {
                    a.step = Some(st * b);
                } else {
                    a.step = None;
                }
                a.section = 0.0;
                a.digit = None;
                a.digit_abbrev = false;
                a.last_unit = b;
                a.last_small = 0.0;
                a.prev_big = true;
                a.zero = false;
                a.digits_only = false;
                a.magnitude = true;
                j = k + 1;
            } else if matches!(c, '余' | '多') && a.tokens > 0 {
                // 十余万, 一千多万: only before a magnitude (四百多 is read as 四百).
                let n = skip_spaces(s, k + 1);
                if s.get(n).is_none_or(|&u| big_unit(u).is_none()) {
                    break;
                }
                let place = match a.step {
                    Some(st) if st < 0.0 && a.digit.is_some() => -st,
                    _ if a.digit.is_none() && a.last_unit > 0.0 => a.last_unit,
                    _ => break,
                };
                a.step = Some(place);
                j = k + 1;
                a.tokens += 1;
                continue;
            } else if matches!(c, '点' | '點') && a.tokens > 0 && !a.shu {
                // Decimal part in Chinese digits (two/两 is not used there).
                let mut m = skip_spaces(s, k + 1);
                let mut frac = 0.0;
                let mut scale = 0.1;
                let mut n = 0;
                while let Some(&fc) = s.get(m) {
                    let d = match (cn_digit(fc), ascii_digit(fc)) {
                        (Some(_), _) if matches!(fc, '两' | '兩' | '倆' | '俩') => break,
                        (Some(d), _) | (None, Some(d)) => d,
                        _ => break,
                    };
                    frac += d as f64 * scale;
                    scale /= 10.0;
                    n += 1;
                    m += 1;
                    let sp = skip_spaces(s, m);
                    if sp > m && s.get(sp).is_some_and(|&c| cn_digit(c).is_some()) {
                        m = sp;
                    }
                }
                if n == 0 {
                    break;
                }
                decimal = Some(frac);
                j = m;
                a.tokens += 1;
                end = j;
                break;
            } else if c == '打' && a.tokens > 0 && a.explicit_digit {
                let v = a.value() * 12.0;
                return Some(Num {
                    start: i,
                    end: k + 1,
                    low: v,
                    high: v,
                    kind: NumKind::Plain,
                    arabic: a.arabic,
                    chinese: true,
                    magnitude: false,
                    scale: 1.0,
                });
            } else {
                break;
            }
            a.tokens += 1;
            end = j;
        }
        if a.tokens == 0 || (!a.explicit_digit && !a.shu && a.section == 0.0 && a.result == 0.0) {
            return None;
        }
        let mut low = a.value();
        if let Some(f) = decimal {
            low += f;
            // 二点五亿: a magnitude may follow the decimal part.
            if let Some(b) = s.get(end).and_then(|&c| big_unit(c)) {
                low *= b;
                end += 1;
                a.magnitude = true;
                a.prev_big = true;
                a.last_unit = b;
                decimal = None;
            }
        }
        let mut high = low;
        if a.shu {
            high = low * 10.0;
        } else if let Some(st) = a.step.filter(|st| *st > 0.0) {
            high = low + st;
        }
        let mut magnitude = a.magnitude;
        let mut scale = if a.prev_big && a.digit.is_none() && decimal.is_none() { a.last_unit } else { 1.0 };
        // k/m/bn and English magnitude words after a number written in Arabic digits.
        if a.arabic && !a.chinese && decimal.is_none() {
            if let Some((e_end, p, power)) = self.exponent(end) {
                low = if power { low.abs().powf(p).copysign(low) } else { low * 10f64.powf(p) };
                high = low;
                end = e_end;
            } else if let Some((e_end, f)) = english_scale(s, end) {
                low *= f;
                high *= f;
                end = e_end;
                magnitude = true;
                scale = f;
            }
        }
        // 4.52 x 1e8 is 451999999.99999994 in binary: round to the digits a writer can mean.
        let tidy = |v: f64| if v.abs() >= 1.0 { significant(v) } else { v };
        let (low, high) = (tidy(low), tidy(high));
        Some(Num {
            start: i,
            end,
            low,
            high,
            kind: NumKind::Plain,
            arabic: a.arabic,
            chinese: a.chinese,
            magnitude,
            scale,
        })
    }

    /// `e5`, `E-1`, `^5`, `^-1` after a mantissa: returns (end, exponent, is_power).
    fn exponent(&self, i: usize) -> Option<(usize, f64, bool)> {
        let s = self.s;
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
}

/// A word of English number language.
#[derive(Debug, Clone, Copy, PartialEq)]
enum EnWord {
    /// zero .. nineteen.
    Unit(f64),
    /// twenty .. ninety.
    Ten(f64),
    Hundred,
    /// thousand, million, billion, trillion, lakh, crore.
    Scale(f64),
    /// Denominators: half, third(s), quarter(s), fifth(s) ... hundredth(s), millionth(s).
    Part(f64),
    Dozen,
    /// tens, hundreds, thousands, millions, billions (of): vague amounts.
    Plural(f64),
    /// "a" or "an".
    A,
    And,
    Point,
    Minus,
    Over,
    Out,
    Of,
}

/// The English number word at `at` (ASCII letters, any case) and its end.
fn en_word(s: &[char], at: usize) -> Option<(usize, EnWord)> {
    let mut buf = [0u8; 12];
    let mut n = 0;
    while let Some(c) = s.get(at + n).filter(|c| c.is_ascii_alphabetic()) {
        if n == buf.len() {
            return None;
        }
        buf[n] = c.to_ascii_lowercase() as u8;
        n += 1;
    }
    use EnWord::*;
    const UNITS: [&str; 20] = [
        "zero",
        "one",
        "two",
        "three",
        "four",
        "five",
        "six",
        "seven",
        "eight",
        "nine",
        "ten",
        "eleven",
        "twelve",
        "thirteen",
        "fourteen",
        "fifteen",
        "sixteen",
        "seventeen",
        "eighteen",
        "nineteen",
    ];
    const TENS: [&str; 8] = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    // Denominators whose form is not the cardinal + "th".
    const PARTS: [(&str, f64); 12] = [
        ("half", 2.0),
        ("halves", 2.0),
        ("third", 3.0),
        ("quarter", 4.0),
        ("fourth", 4.0),
        ("fifth", 5.0),
        ("eighth", 8.0),
        ("ninth", 9.0),
        ("twelfth", 12.0),
        ("hundredth", 100.0),
        ("thousandth", 1e3),
        ("millionth", 1e6),
    ];
    let w = std::str::from_utf8(&buf[..n]).ok()?;
    let singular = w.strip_suffix('s').unwrap_or(w);
    let word = match w {
        "a" | "an" => A,
        "and" => And,
        "point" => Point,
        "minus" | "negative" => Minus,
        "over" => Over,
        "out" => Out,
        "of" => Of,
        "hundred" => Hundred,
        "dozen" | "dozens" | "dzs" | "doz" | "dozs" => Dozen,
        "nought" | "naught" => Unit(0.0),
        "tens" => Plural(10.0),
        "hundreds" => Plural(100.0),
        _ => {
            if let Some(k) = UNITS.iter().position(|&u| u == w) {
                Unit(k as f64)
            } else if let Some(k) = TENS.iter().position(|&u| u == w) {
                Ten(20.0 + 10.0 * k as f64)
            } else if let Some(&(_, f)) = SCALE_WORDS.iter().find(|(u, _)| *u == w) {
                Scale(f)
            } else if let Some(&(_, f)) = SCALE_WORDS.iter().find(|(u, _)| *u == singular) {
                Plural(f)
            } else if let Some(&(_, d)) = PARTS.iter().find(|(u, _)| *u == w || *u == singular) {
                Part(d)
            } else {
                // sixth, seventh, thirteenth, twentieth, billionth: the cardinal + (e)th.
                let stem = singular.strip_suffix("th")?;
                let stem = stem.strip_suffix("ie").map(|x| format!("{x}y"));
                let stem = stem.as_deref().unwrap_or(singular.strip_suffix("th")?);
                let d = match en_word(&stem.chars().collect::<Vec<_>>(), 0)? {
                    (_, Unit(d)) if d >= 4.0 => d,
                    (_, Ten(d)) | (_, Scale(d)) => d,
                    _ => return None,
                };
                Part(d)
            }
        }
    };
    Some((at + n, word))
}

/// One token of an English number: its span, its word, and whether a hyphen joined it
/// to the token before.
#[derive(Debug, Clone, Copy)]
struct EnToken {
    start: usize,
    end: usize,
    word: EnWord,
    hyphen: bool,
}

/// The run of number words starting at `i`, separated by spaces or hyphens.
fn en_tokens(s: &[char], i: usize) -> Vec<EnToken> {
    let mut out = Vec::new();
    let mut k = i;
    let mut hyphen = false;
    while let Some((e, word)) = en_word(s, k) {
        out.push(EnToken { start: k, end: e, word, hyphen });
        let mut j = e;
        while s.get(j) == Some(&' ') {
            j += 1;
        }
        hyphen = s.get(j) == Some(&'-');
        if hyphen {
            j += 1;
            while s.get(j) == Some(&' ') {
                j += 1;
            }
        }
        if j == e || !s.get(j).is_some_and(|c| c.is_ascii_alphabetic()) || out.len() > 24 {
            break;
        }
        k = j;
    }
    out
}

/// A cardinal read from `tokens[p..]`: (value, next token, last scale word if it ends the
/// cardinal, index just after the last "and" consumed).
fn en_cardinal(t: &[EnToken], p: usize) -> Option<(f64, usize, Option<f64>, Option<usize>)> {
    use EnWord::*;
    let (mut total, mut group) = (0f64, 0f64);
    let mut last: Option<EnWord> = None;
    let mut scale_cap = f64::INFINITY;
    let mut k = p;
    let mut after_and = None;
    let mut ends_scale = None;
    while let Some(tok) = t.get(k) {
        let joinable = matches!(last, None | Some(Hundred | Scale(_) | And));
        match tok.word {
            A if k == p && matches!(t.get(k + 1).map(|x| x.word), Some(Hundred | Scale(_))) => group = 1.0,
            Unit(u) if joinable || (matches!(last, Some(Ten(_))) && (1.0..=9.0).contains(&u)) => {
                if tok.hyphen && !matches!(last, Some(Ten(_))) {
                    break;
                }
                group += u
            }
            Ten(v) if joinable && group % 100.0 == 0.0 && !tok.hyphen => group += v,
            Hundred if matches!(last, Some(Unit(_) | Ten(_) | A)) && group > 0.0 && group < 100.0 => {
                group *= 100.0
            }
            Scale(f) if matches!(last, Some(Unit(_) | Ten(_) | Hundred | A)) && f < scale_cap => {
                total += group * f;
                group = 0.0;
                scale_cap = f;
                ends_scale = Some(f);
                last = Some(tok.word);
                k += 1;
                continue;
            }
            And if matches!(last, Some(Hundred | Scale(_)))
                && matches!(t.get(k + 1).map(|x| x.word), Some(Unit(_) | Ten(_))) =>
            {
                last = Some(And);
                after_and = Some(k + 1);
                k += 1;
                continue;
            }
            _ => break,
        }
        ends_scale = None;
        last = Some(tok.word);
        k += 1;
    }
    // "a" alone, or a dangling "and", is no number.
    if k == p || matches!(last, Some(A | And)) {
        return None;
    }
    Some((total + group, k, ends_scale, after_and))
}

/// Lower-case word after `at`, skipping spaces.
fn en_word_after(s: &[char], at: usize) -> String {
    let b = skip_spaces(s, at);
    let mut e = b;
    while s.get(e).is_some_and(|c| c.is_ascii_alphabetic()) {
        e += 1;
    }
    s[b..e].iter().collect::<String>().to_ascii_lowercase()
}

/// English numbers in words at `i`: "one hundred and twenty-five", "forty two", "a dozen",
/// "two thirds", "one and a half", "five point two", "minus three", "hundreds of millions"
/// (vague). Ordinals (the third quarter, a second round) are not amounts.
fn english_number(s: &[char], i: usize) -> Option<Num> {
    use EnWord::*;
    if i > 0 && (s[i - 1].is_ascii_alphanumeric() || ascii_digit(s[i - 1]).is_some()) {
        return None;
    }
    let t = en_tokens(s, i);
    let first = t.first()?.word;
    let (neg, p) = if first == Minus { (true, 1) } else { (false, 0) };
    let num = |start: usize, end: usize, v: f64, kind: NumKind, scale: Option<f64>| {
        let v = if neg { -v } else { v };
        Some(Num {
            start,
            end,
            low: v,
            high: v,
            kind,
            arabic: false,
            chinese: false,
            magnitude: scale.is_some(),
            scale: scale.unwrap_or(1.0),
        })
    };
    let next = |k: usize| t.get(k).map(|x| x.word);
    // Vague plurals before "of": hundreds of millions, tens of thousands, millions of.
    if let Some(Plural(base)) = next(p) {
        let mut low = base;
        let mut end = t[p].end;
        if next(p + 1) == Some(Of) {
            if let Some(Plural(inner)) = next(p + 2).filter(|_| base < 1e3) {
                low *= inner;
                end = t[p + 2].end;
            }
        }
        let of = en_word_after(s, end) == "of";
        return (of && low >= 1e3).then_some(Num {
            start: i,
            end,
            low,
            high: low * 10.0,
            kind: NumKind::Plain,
            arabic: false,
            chinese: false,
            magnitude: true,
            scale: 1.0,
        });
    }
    // Half: a half, half a dozen, half a million, more than half.
    if next(p) == Some(Part(2.0)) && !t[p].hyphen {
        let prev = ascii_word_before(s, t[p].start);
        // The first half, the April-September half: periods of time.
        let period = [
            "first",
            "second",
            "the",
            "this",
            "that",
            "latter",
            "other",
            "back",
            "front",
            "january",
            "february",
            "march",
            "april",
            "may",
            "june",
            "july",
            "august",
            "september",
            "october",
            "november",
            "december",
        ];
        if period.contains(&prev.as_str()) || s.get(t[p].end) == Some(&'-') {
            return None;
        }
        if next(p + 1) == Some(A) {
            return match next(p + 2) {
                Some(Dozen) => num(i, t[p + 2].end, 6.0, NumKind::Plain, None),
                Some(Scale(f)) => num(i, t[p + 2].end, 0.5 * f, NumKind::Plain, Some(f)),
                _ => None,
            };
        }
        if let Some(Scale(f)) = next(p + 1) {
            return num(i, t[p + 1].end, 0.5 * f, NumKind::Plain, Some(f));
        }
        return num(i, t[p].end, 0.5, NumKind::Fraction, None);
    }
    if next(p) == Some(A) && next(p + 1) == Some(Dozen) {
        return num(i, t[p + 1].end, 12.0, NumKind::Plain, None);
    }
    // "a third", "a fifth", "a hundredth", "a half".
    let (value, k, ends_scale, after_and) = if next(p) == Some(A) && matches!(next(p + 1), Some(Part(_))) {
        (1.0, p + 1, None, None)
    } else {
        en_cardinal(&t, p)?
    };
    let end = t[k - 1].end;
    let lone_one = value == 1.0 && k == p + 1 && next(p) == Some(Unit(1.0));
    match next(k) {
        Some(Dozen) if value < 100.0 => return num(i, t[k].end, value * 12.0, NumKind::Plain, None),
        Some(Point) => {
            // five point two five, two hundred point seventy-one, nought point eleven.
            let mut digits = String::new();
            let mut j = k + 1;
            while let Some(Unit(d)) = next(j).filter(|_| !t[j].hyphen) {
                if d >= 10.0 && !digits.is_empty() {
                    break;
                }
                digits.push_str(&format!("{d}"));
                j += 1;
                if d >= 10.0 {
                    break;
                }
            }
            if digits.is_empty() {
                if let Some(Ten(v)) = next(j) {
                    let unit = match next(j + 1) {
                        Some(Unit(u)) if (1.0..=9.0).contains(&u) => {
                            j += 1;
                            u
                        }
                        _ => 0.0,
                    };
                    digits = format!("{}", v + unit);
                    j += 1;
                }
            }
            if !digits.is_empty() {
                let v = value + format!("0.{digits}").parse::<f64>().ok()?;
                return num(i, t[j - 1].end, v, NumKind::Plain, None);
            }
        }
        Some(Part(d)) => {
            let plural = s.get(t[k].end - 1) == Some(&'s');
            let after = en_word_after(s, t[k].end);
            let numerator_one = value == 1.0 && k <= p + 1;
            // shrank by a third to 82.6 billion: a share of something, not an ordinal.
            let fraction_word = matches!(
                after.as_str(),
                "of" | "and" | "or" | "million" | "billion" | "trillion" | "to" | "from" | "since" | "than"
            );
            // A third round, twenty-fifth: ordinals.
            let ordinal = numerator_one && !plural && d != 2.0 && !after.is_empty() && !fraction_word
                || t[k].hyphen && matches!(next(k - 1), Some(Ten(_)));
            // In a quarter, the past four quarters: periods of time.
            let quarter = s[t[k].start].eq_ignore_ascii_case(&'q');
            let prev = ascii_word_before(s, t[p].start);
            let period = quarter
                && (value >= 4.0
                    || !after.is_empty() && !fraction_word
                    || ["past", "last", "next", "consecutive", "straight", "previous", "recent", "in"]
                        .contains(&prev.as_str()));
            if ordinal || period {
                return None;
            }
            // one hundred and three quarters = 100.75; one hundred and thirty-two fifths = 26.4.
            let v = match after_and.and_then(|a| en_cardinal(&t[..a - 1], p)) {
                Some((head, _, head_scale, _)) if value - head < d => {
                    head + (value - head) / d * head_scale.unwrap_or(1.0)
                }
                _ => value / d,
            };
            // a quarter million, two thirds of a million.
            let of_a = next(k + 1) == Some(Of) && next(k + 2) == Some(A);
            let scale_at = if of_a { k + 3 } else { k + 1 };
            if let Some(Scale(f)) = next(scale_at) {
                return num(i, t[scale_at].end, v * f, NumKind::Plain, Some(f));
            }
            return num(i, t[k].end, v, NumKind::Fraction, None);
        }
        Some(And) => {
            // one and a half, twenty and three fifths, two million and three quarters.
            let (f_value, f_end, d) = match (next(k + 1), next(k + 2), next(k + 3)) {
                (Some(A), Some(Part(d)), _) => (1.0, t[k + 2].end, d),
                (Some(Unit(n)), Some(Part(d)), _) if n >= 1.0 => (n, t[k + 2].end, d),
                _ => (0.0, 0, 0.0),
            };
            if d > 0.0 && f_value < d {
                let v = value + f_value / d * ends_scale.unwrap_or(1.0);
                return num(i, f_end, v, NumKind::Fraction, ends_scale);
            }
        }
        Some(Over) | Some(Out) => {
            // one over three, one out of five.
            let q = if next(k) == Some(Out) && next(k + 1) == Some(Of) { k + 2 } else { k + 1 };
            if next(k) == Some(Over) || q == k + 2 {
                if let Some((d, dk, ..)) = en_cardinal(&t, q).filter(|(d, ..)| *d > 0.0) {
                    return num(i, t[dk - 1].end, value / d, NumKind::Fraction, None);
                }
            }
        }
        _ => {}
    }
    // twenty-first, thirty-fifth: ordinals.
    if s.get(end) == Some(&'-') && en_word(s, end + 1).is_none() {
        let after = en_word_after(s, end + 1);
        if ["first", "second", "third"].contains(&after.as_str()) || after.ends_with("th") {
            return None;
        }
    }
    // the one, this one, which one: a pronoun.
    if lone_one {
        let prev = ascii_word_before(s, t[p].start);
        if ["the", "this", "that", "which", "each", "every", "any", "no", "another"].contains(&prev.as_str())
        {
            return None;
        }
    }
    num(i, end, value, NumKind::Plain, ends_scale)
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

/// Currency codes written glued to the amount (RMB1,204.6 million, Rmb10bn, USD115).
const GLUED_CODES: &[&str] = &["RMB", "USD", "HKD", "EUR", "GBP", "JPY", "CNY", "SGD", "AUD", "CAD", "CHF"];

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
    if i >= s.len() || !may_start(s[i]) {
        return None;
    }
    // A number word starts at the start of a word.
    if s[i].is_ascii_alphabetic() && i > 0 && s[i - 1].is_ascii_alphabetic() {
        return None;
    }
    let prev = if i > 0 { Some(s[i - 1]) } else { None };
    // Inside an identifier (GPT-4, A100, 7B) or a longer Arabic number: not a numeral.
    // (5k-20k: the letters before the hyphen are a suffix of a number, not a name.)
    let letters = s[..i.saturating_sub(1)].iter().rev().take_while(|c| c.is_ascii_alphabetic()).count();
    let suffix = letters > 0 && i > letters + 1 && ascii_digit(s[i - 2 - letters]).is_some();
    let hyphen_id = prev == Some('-') && i >= 2 && s[i - 2].is_ascii_alphabetic() && !suffix;
    if ascii_digit(s[i]).is_some()
        && (hyphen_id || prev.is_some_and(|p| p.is_ascii_alphanumeric() || ascii_digit(p).is_some()))
        && !after_currency_code(s, i)
    {
        return None;
    }
    let r = Reader { s };
    let c = s[i];
    if c.is_ascii_alphabetic() {
        return english_number(s, i);
    }
    // Signs.
    if matches!(c, '负' | '負' | '-' | '－' | '−') {
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
        return Some(n);
    }
    if c == '.' {
        if prev.is_some_and(|p| p == '.' || ascii_digit(p).is_some() || p.is_ascii_alphabetic()) {
            return None;
        }
        let (e, v) = plain_int_at(s, i + 1)?;
        let digits = e - i - 1;
        let v = v / 10f64.powi(digits as i32);
        return Some(Num {
            start: i,
            end: e,
            low: v,
            high: v,
            kind: NumKind::Plain,
            arabic: true,
            chinese: false,
            magnitude: false,
            scale: 1.0,
        });
    }
    if c == '半' {
        if s.get(i + 1) == Some(&'百') {
            return Some(Num {
                start: i,
                end: i + 2,
                low: 50.0,
                high: 50.0,
                kind: NumKind::Plain,
                arabic: false,
                chinese: true,
                magnitude: false,
                scale: 1.0,
            });
        }
        return None;
    }
    // Bare per-unit forms: 百分之五, 千分之2.4, 万分之三, 百万分之五.
    if let Some(n) = per_unit(s, i) {
        return Some(n);
    }
    let n = r.numeral(i)?;
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
    // Fractions: A分之B, a/b, and mixed forms with 又 or a space.
    if let Some(f) = fraction_after(s, &n) {
        return Some(f);
    }
    Some(n)
}

fn per_unit(s: &[char], i: usize) -> Option<Num> {
    let mut k = i;
    let mut denom = 1.0;
    while let Some(&c) = s.get(k) {
        let u = small_unit(c).or(big_unit(c));
        match u {
            Some(u) => denom *= u,
            None => break,
        }
        k = skip_spaces(s, k + 1);
    }
    if k == i || denom < 100.0 || s.get(k) != Some(&'分') {
        return None;
    }
    let k = skip_spaces(s, k + 1);
    if s.get(k) != Some(&'之') {
        return None;
    }
    let b_at = skip_spaces(s, k + 1);
    let b = Reader { s }.numeral(b_at)?;
    Some(Num { start: i, end: b.end, kind: NumKind::PerUnit { denominator: denom, value_start: b_at }, ..b })
}

fn fraction_after(s: &[char], a: &Num) -> Option<Num> {
    let r = Reader { s };
    let mut k = skip_spaces(s, a.end);
    // Mixed number: W又A分之B.
    if s.get(k) == Some(&'又') {
        let f_at = skip_spaces(s, k + 1);
        let f = numeral_at(s, f_at).filter(|f| f.kind == NumKind::Fraction)?;
        let v = a.low + f.low.copysign(a.low);
        return Some(Num { start: a.start, end: f.end, low: v, high: v, kind: NumKind::Fraction, ..*a });
    }
    if s.get(k) == Some(&'分') {
        k = skip_spaces(s, k + 1);
        if s.get(k) != Some(&'之') {
            return None;
        }
        k = skip_spaces(s, k + 1);
        let neg = matches!(s.get(k), Some('负' | '負'));
        let b_at = if neg { k + 1 } else { k };
        let b = r.numeral(b_at)?;
        if a.low == 0.0 || a.vague() || b.vague() {
            return None;
        }
        let num = if neg { -b.low } else { b.low };
        let v = num / a.low;
        return Some(Num {
            start: a.start,
            end: b.end,
            low: v,
            high: v,
            kind: NumKind::Fraction,
            chinese: true,
            ..*a
        });
    }
    // a/b with integers; 1 3/5 mixed; not part of a date like 2025/02/14.
    if a.arabic && !a.chinese && a.low.fract() == 0.0 && !a.magnitude {
        let slash = |at: usize| matches!(s.get(at), Some('/' | '／'));
        if slash(a.end) {
            let (e, d) = plain_int_at(s, a.end + 1)?;
            if d == 0.0 || slash(e) || a.start > 0 && slash(a.start - 1) {
                return None;
            }
            let v = a.low / d;
            return Some(Num { start: a.start, end: e, low: v, high: v, kind: NumKind::Fraction, ..*a });
        }
        if s.get(a.end) == Some(&' ') {
            let (e1, n1) = plain_int_at(s, a.end + 1)?;
            if slash(e1) {
                let (e2, d) = plain_int_at(s, e1 + 1)?;
                if d != 0.0 && !slash(e2) {
                    let v = a.low + n1 / d;
                    return Some(Num {
                        start: a.start,
                        end: e2,
                        low: v,
                        high: v,
                        kind: NumKind::Fraction,
                        ..*a
                    });
                }
            }
        }
    }
    None
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
    fn identifiers_are_not_numbers() {
        let s: Vec<char> = "GPT-4 A100".chars().collect();
        assert!(scan(&s).is_empty());
    }
}
