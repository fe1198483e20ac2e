//! What a numeral counts, by the words after it: a percentage (%, 个百分点, 三成), a multiple
//! (倍, times), money (元, dollars), a count (家, users), or nothing (a unit of time).

use std::sync::LazyLock;

use super::currency::{currency_at, currency_word, subunits, MINOR_AFTER};
use super::Classified;
use crate::extract::kinds::QuantityKind;
use crate::extract::numerals::{self, Num, NumKind};
use crate::extract::text::{ascii_digit, is_cjk, starts_with_at, Words};
use crate::extract::words::quantities as words;

/// Measure words and counted nouns after a number (Chinese, then English after a space).
static COUNTED: LazyLock<Words<&'static str>> = LazyLock::new(|| Words::new(words::COUNTED.iter().copied()));

/// Units of time after a number, each with whether it is an English word (which must end
/// there).
static TIME_AFTER: LazyLock<Words<bool>> =
    LazyLock::new(|| Words::new(words::TIME_AFTER.iter().map(|&w| (w, w.is_ascii()))));

/// Largest power of ten dividing `v` (200 -> 100, 1200 -> 100), for 200多家 = 200..300.
pub fn round_step(v: f64) -> f64 {
    let mut step = 1.0;
    while v >= step * 10.0 && (v / (step * 10.0)).fract() == 0.0 {
        step *= 10.0;
    }
    step
}

/// Kind, unit and end of the quantity a numeral belongs to; `None` for bare numbers.
/// `users` is the user word before the numeral, if any (日活1.19亿).
pub fn classify(s: &[char], n: &Num, users: Option<&'static str>) -> Option<Classified> {
    if let NumKind::PerUnit { denominator, .. } = n.kind {
        let f = 100.0 / denominator;
        return Some((QuantityKind::Percent, "%", n.end, n.low * f, n.high * f, n.vague()));
    }
    let (low, mut high) = (n.low, n.high);
    let mut vague = n.vague();
    let mut at = n.end;
    // 200多家, 二十余家: vague before a measure word or currency.
    if matches!(s.get(at), Some('多' | '余')) && !n.vague() && n.kind == NumKind::Plain {
        let after = at + 1;
        if COUNTED.longest_at(s, after).is_some() || currency_at(s, after).is_some() {
            high = low + round_step(low);
            vague = true;
            at = after;
        }
    }
    if let Some(c) = ratio(s, n, at, low, high, vague) {
        return Some(c);
    }
    if let Some(c) = money(s, at, low, high, vague) {
        return Some(c);
    }
    let time = (TIME_AFTER.starting_at(s, at, false))
        .any(|(e, english)| !english || !s.get(e).is_some_and(|c| c.is_ascii_alphabetic()));
    if time {
        return None;
    }
    if let Some((e, unit)) = COUNTED.longest_at(s, at) {
        let english = unit.is_ascii();
        let word_ok = !english || !s.get(e).copied().is_some_and(|c| c.is_ascii_alphanumeric());
        // Small counts in Chinese numerals are mostly phrasing (一个, 两位), keep the telling ones.
        // English number words before a counted noun are telling (nine deals), except in
        // sourcing (two people familiar with the matter).
        let telling = n.arabic
            || low >= 10.0
            || (low >= 2.0 && (english && unit != "people" || matches!(unit, "家" | "次" | "轮" | "笔")))
            || n.vague();
        let month = unit == "个" && s.get(e).is_some_and(|&c| matches!(c, '月' | '百'));
        return (word_ok && telling && !month).then_some((QuantityKind::Count, unit, e, low, high, vague));
    }
    (n.magnitude && n.low.abs() >= 1e4)
        .then(|| (QuantityKind::Count, users.unwrap_or(""), n.end, low, high, vague))
}

/// A percentage or a multiple ending at or after `at`: 5%, 3.5 percentage points, 个百分点,
/// 5倍, 20x, 三分之一, 三成, 八折.
fn ratio(s: &[char], n: &Num, at: usize, low: f64, high: f64, vague: bool) -> Option<Classified> {
    let sp = if s.get(at) == Some(&' ') { at + 1 } else { at };
    if matches!(s.get(sp), Some('%' | '％' | '‰')) {
        let f = if s[sp] == '‰' { 0.1 } else { 1.0 };
        return Some((QuantityKind::Percent, "%", sp + 1, low * f, high * f, vague));
    }
    let percent = (words::PERCENT_AFTER.iter().find_map(|w| starts_with_at(s, at, w)))
        .or_else(|| spaced_word(s, at, &['个', '百', '分', '点']))
        .or_else(|| spaced_word(s, at, &['個', '百', '分', '點']));
    if let Some(e) = percent {
        return Some((QuantityKind::Percent, "%", e, low, high, vague));
    }
    if let Some(e) = words::MULTIPLE_AFTER.iter().find_map(|w| starts_with_at(s, at, w)) {
        return Some((QuantityKind::Multiple, "x", e, low, high, vague));
    }
    if n.kind == NumKind::Fraction {
        return Some((QuantityKind::Multiple, "x", n.end, low, high, vague));
    }
    // X成 (tenths) and X折 (discount to X tenths).
    tenths(s, at, low, high, vague)
}

/// Money: a currency word after the amount (5 美元: a space may stand between them), with
/// its sub-units (五元三毛), or a minor unit (50 cents).
fn money(s: &[char], at: usize, low: f64, high: f64, vague: bool) -> Option<Classified> {
    let cjk_next = s.get(at + 1).is_some_and(|&c| is_cjk(c));
    let cur_at = if s.get(at) == Some(&' ') && cjk_next { at + 1 } else { at };
    if let Some((e, code)) = currency_at(s, cur_at) {
        return Some(match subunits(s, e, code) {
            Some((e, add)) => (QuantityKind::Money, code, e, low + add, high + add, vague),
            None => (QuantityKind::Money, code, e, low, high, vague),
        });
    }
    let (e, code) = currency_word(s, cur_at, &MINOR_AFTER)?;
    Some((QuantityKind::Money, code, e, low / 100.0, high / 100.0, vague))
}

/// `个 百 分 点` with spaces allowed between the characters.
fn spaced_word(s: &[char], at: usize, word: &[char]) -> Option<usize> {
    let mut k = at;
    for (i, &c) in word.iter().enumerate() {
        if i > 0 || k < s.len() && s[k] == ' ' {
            while s.get(k) == Some(&' ') {
                k += 1;
            }
        }
        if s.get(k) != Some(&c) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

fn tenths(s: &[char], at: usize, low: f64, high: f64, vague: bool) -> Option<Classified> {
    let mut k = at;
    while s.get(k) == Some(&' ') {
        k += 1;
    }
    let c = *s.get(k)?;
    let next = s.get(k + 1).copied();
    if c == '成'
        && low <= 10.0
        && low > 0.0
        && !next.is_some_and(|x| "员立交本长功为果绩都型熟年效".contains(x))
    {
        // 三成半 = 35%, 七成六 = 76%.
        let mut e = k + 1;
        let mut half = 0.0;
        if next == Some('半') {
            half = 5.0;
            e += 1;
        } else {
            let d_at = (k + 1..s.len()).find(|&j| s[j] != ' ').unwrap_or(s.len());
            let digit = s.get(d_at).and_then(|&c| {
                "〇一二三四五六七八九".chars().position(|x| x == c).or(ascii_digit(c).map(|d| d as usize))
            });
            let single = s
                .get(d_at + 1)
                .is_none_or(|&c| !"成折".contains(c) && numerals::numeral_at(s, d_at + 1).is_none());
            if let (Some(d), true) = (digit, single) {
                half = d as f64;
                e = d_at + 1;
            }
        }
        return Some((QuantityKind::Percent, "%", e, low * 10.0 + half, high * 10.0 + half, vague));
    }
    if c == '折' && low > 0.0 && low < 100.0 && !next.is_some_and(|x| "合旧扣算叠射腾磨服损线价".contains(x))
    {
        if low >= 10.0 && low.fract() == 0.0 && (low % 10.0 != 0.0) {
            return Some((QuantityKind::Percent, "%", k + 1, low, high, vague));
        }
        if low < 10.0 {
            return Some((QuantityKind::Percent, "%", k + 1, low * 10.0, high * 10.0, vague));
        }
    }
    None
}
