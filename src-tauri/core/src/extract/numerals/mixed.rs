//! Integers and decimals in Chinese numerals, Arabic digits or both (1.19亿, 一千二百零六亿,
//! 2千零30万, 两千万点五五四四, 数十, 一千多万): the section algorithm (result + section +
//! pending digit), with the step that makes a vague amount's upper bound.

use super::arabic::{arabic_at, english_scale, exponent};
use super::{big_unit, cn_digit, significant, small_unit, Num};
use crate::extract::text::{ascii_digit, skip_spaces};

/// State of a numeral being read.
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
    /// The width of a vague amount (十余万: 10万 wide); negative while only tentative.
    step: Option<f64>,
    /// 数 or 几 before a unit: one to ten of it.
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

    /// A numeral with the flags read so far, and no value yet.
    fn flags(&self) -> Num {
        Num { magnitude: self.magnitude, ..Num::plain(self.arabic, self.chinese) }
    }

    /// After spaces only a unit, or a digit after a unit, may continue the numeral.
    fn continues_after_space(&self, c: char) -> bool {
        big_unit(c).is_some()
            || small_unit(c).is_some()
            || cn_digit(c).is_some()
            || (ascii_digit(c).is_some() && self.last_unit > 0.0 && self.digit.is_none())
            || matches!(c, '余' | '多' | '几' | '幾' | '点' | '點')
    }
}

/// What one char (or run of Arabic digits) does to the numeral being read.
enum Step {
    /// A token read up to here: the numeral may end here.
    Token(usize),
    /// A token read up to here that cannot end the numeral (余 before its magnitude).
    Inner(usize),
    /// The decimal part, read up to here: the last token.
    Decimal(usize, f64),
    /// The numeral ends before this char.
    Stop,
    /// The whole numeral, complete (一打 = 12).
    Whole(Num),
}

/// Reads an integer-or-decimal numeral (no fraction) at `i`.
pub fn read(s: &[char], i: usize) -> Option<Num> {
    let mut a = Acc { digits_only: true, ..Acc::default() };
    let mut j = i;
    let mut end = i;
    let mut decimal: Option<f64> = None;
    loop {
        let k = if a.tokens > 0 { skip_spaces(s, j) } else { j };
        let Some(&c) = s.get(k) else { break };
        if k > j && !a.continues_after_space(c) {
            break;
        }
        let step = if ascii_digit(c).is_some() {
            arabic_digits(s, &mut a, k)?
        } else if let Some(d) = cn_digit(c) {
            chinese_digit(s, &mut a, k, c, d)?
        } else if matches!(c, '几' | '幾' | '数' | '數') {
            some(s, &mut a, k, c)
        } else if let Some(u) = small_unit(c) {
            small(s, &mut a, k, c, u)?
        } else if let Some(b) = big_unit(c) {
            big(&mut a, k, b)?
        } else if matches!(c, '余' | '多') && a.tokens > 0 {
            more(s, &mut a, k)
        } else if matches!(c, '点' | '點') && a.tokens > 0 && !a.shu {
            decimal_part(s, k)
        } else if c == '打' && a.tokens > 0 && a.explicit_digit {
            let v = a.value() * 12.0;
            let num = Num { start: i, end: k + 1, low: v, high: v, ..a.flags() };
            Step::Whole(Num { chinese: true, magnitude: false, ..num })
        } else {
            Step::Stop
        };
        match step {
            Step::Token(e) => {
                j = e;
                a.tokens += 1;
                end = j;
            }
            Step::Inner(e) => {
                j = e;
                a.tokens += 1;
            }
            Step::Decimal(e, f) => {
                decimal = Some(f);
                a.tokens += 1;
                end = e;
                break;
            }
            Step::Stop => break,
            Step::Whole(n) => return Some(n),
        }
    }
    if a.tokens == 0 || (!a.explicit_digit && !a.shu && a.section == 0.0 && a.result == 0.0) {
        return None;
    }
    Some(finish(s, i, a, end, decimal))
}

fn arabic_digits(s: &[char], a: &mut Acc, k: usize) -> Option<Step> {
    if a.digit.is_some() || (a.tokens > 0 && a.digits_only) {
        return Some(Step::Stop);
    }
    let (e, v, place) = arabic_at(s, k)?;
    a.digit = Some(v);
    a.digit_abbrev = false;
    a.arabic = true;
    a.explicit_digit = true;
    if a.step.is_none() && place > 0.0 {
        // Tentative: only used if 余/多 follows.
        a.step = Some(-place);
    }
    Some(Step::Token(e))
}

fn chinese_digit(s: &[char], a: &mut Acc, k: usize, c: char, d: u32) -> Option<Step> {
    let twin = |at: Option<&char>| matches!(at, Some('两' | '兩'));
    if matches!(c, '两' | '兩') && (twin(s.get(k + 1)) || k > 0 && twin(s.get(k - 1))) {
        return None;
    }
    if d == 0 {
        if a.digit.is_some() && a.digits_only {
            a.digit = Some(a.digit.unwrap_or(0.0) * 10.0);
            a.seq_len += 1;
        } else if a.digit.is_some() {
            return Some(Step::Stop);
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
            return Some(Step::Stop);
        }
    } else {
        a.digit = Some(d as f64);
        a.digit_abbrev = a.last_unit >= 10.0 && !a.zero && a.tokens > 0;
        a.seq_len = 1;
    }
    a.chinese = true;
    a.explicit_digit = true;
    Some(Step::Token(k + 1))
}

/// 数 or 几 before a unit (数十, 几百), or 几 after one (三十几万).
fn some(s: &[char], a: &mut Acc, k: usize, c: char) -> Step {
    let next_unit = s.get(k + 1).is_some_and(|&n| small_unit(n).is_some() || big_unit(n).is_some());
    if a.tokens == 0 && next_unit {
        a.shu = true;
        a.digit = Some(1.0);
    } else if matches!(c, '几' | '幾') && a.digit.is_none() && a.tokens > 0 {
        let place = if a.zero || a.last_unit < 10.0 { 1.0 } else { a.last_unit / 10.0 };
        a.digit = Some(0.0);
        a.step = Some(place * 10.0);
    } else {
        return Step::Stop;
    }
    a.chinese = true;
    Step::Token(k + 1)
}

/// 十, 百, 千.
fn small(s: &[char], a: &mut Acc, k: usize, c: char, u: f64) -> Option<Step> {
    if (a.last_small > 0.0 && u >= a.last_small) || a.seq_len > 1 {
        return Some(Step::Stop);
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
    Some(Step::Token(k + 1))
}

/// 万, 亿, 兆.
fn big(a: &mut Acc, k: usize, b: f64) -> Option<Step> {
    if a.tokens == 0 {
        return None;
    }
    let sec = a.section + a.digit.unwrap_or(0.0);
    if a.digit.is_none() && a.section == 0.0 {
        if !a.prev_big {
            return Some(Step::Stop);
        }
        a.result *= b;
        a.max_big *= b;
    } else if b > a.max_big {
        a.result = (a.result + sec) * b;
        a.max_big = b;
    } else {
        a.result += sec * b;
    }
    a.step = a.step.filter(|st| *st > 0.0).map(|st| st * b);
    a.section = 0.0;
    a.digit = None;
    a.digit_abbrev = false;
    a.last_unit = b;
    a.last_small = 0.0;
    a.prev_big = true;
    a.zero = false;
    a.digits_only = false;
    a.magnitude = true;
    Some(Step::Token(k + 1))
}

/// 十余万, 一千多万: only before a magnitude (四百多 is read as 四百).
fn more(s: &[char], a: &mut Acc, k: usize) -> Step {
    let n = skip_spaces(s, k + 1);
    if s.get(n).is_none_or(|&u| big_unit(u).is_none()) {
        return Step::Stop;
    }
    let place = match a.step {
        Some(st) if st < 0.0 && a.digit.is_some() => -st,
        _ if a.digit.is_none() && a.last_unit > 0.0 => a.last_unit,
        _ => return Step::Stop,
    };
    a.step = Some(place);
    Step::Inner(k + 1)
}

/// The decimal part after 点, in Chinese or Arabic digits (two/两 is not used there).
fn decimal_part(s: &[char], k: usize) -> Step {
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
        Step::Stop
    } else {
        Step::Decimal(m, frac)
    }
}

/// The numeral read from `i` to `end`: its value, the bounds of a vague amount, and a
/// magnitude or exponent written after Arabic digits.
fn finish(s: &[char], i: usize, mut a: Acc, mut end: usize, mut decimal: Option<f64>) -> Num {
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
        if let Some((e_end, p, power)) = exponent(s, end) {
            low = if power { low.abs().powf(p).copysign(low) } else { low * 10f64.powf(p) };
            high = low;
            end = e_end;
        } else if let Some((e_end, f)) = english_scale(s, i, end) {
            low *= f;
            high *= f;
            end = e_end;
            magnitude = true;
            scale = f;
        }
    }
    // 4.52 x 1e8 is 451999999.99999994 in binary: round to the digits a writer can mean.
    let tidy = |v: f64| if v.abs() >= 1.0 { significant(v) } else { v };
    Num { start: i, end, low: tidy(low), high: tidy(high), magnitude, scale, ..a.flags() }
}
