//! Fractions and parts: 百分之五, 千分之2.4 (per-unit forms), A分之B, 3又一千分之23, a/b, 1 3/5.

use super::arabic::plain_int_at;
use super::{big_unit, mixed, numeral_at, small_unit, Num, NumKind};
use crate::extract::text::skip_spaces;

/// Bare per-unit forms at `i`: 百分之五, 千分之2.4, 万分之三, 百万分之五.
pub fn per_unit(s: &[char], i: usize) -> Option<Num> {
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
    let b = mixed::read(s, b_at)?;
    Some(Num { start: i, end: b.end, kind: NumKind::PerUnit { denominator: denom, value_start: b_at }, ..b })
}

/// Fractions after the numeral `a`: A分之B, a/b, and mixed forms with 又 or a space.
pub fn fraction_after(s: &[char], a: &Num) -> Option<Num> {
    let k = skip_spaces(s, a.end);
    // Mixed number: W又A分之B.
    if s.get(k) == Some(&'又') {
        let f_at = skip_spaces(s, k + 1);
        let f = numeral_at(s, f_at).filter(|f| f.kind == NumKind::Fraction)?;
        let v = a.low + f.low.copysign(a.low);
        return Some(Num { start: a.start, end: f.end, low: v, high: v, kind: NumKind::Fraction, ..*a });
    }
    if s.get(k) == Some(&'分') {
        return parts_of(s, a, k);
    }
    // a/b with integers; 1 3/5 mixed; not part of a date like 2025/02/14.
    if a.arabic && !a.chinese && a.low.fract() == 0.0 && !a.magnitude {
        return slashed(s, a);
    }
    None
}

/// A分之B, 分 at `k`: B parts of A.
fn parts_of(s: &[char], a: &Num, k: usize) -> Option<Num> {
    let k = skip_spaces(s, k + 1);
    if s.get(k) != Some(&'之') {
        return None;
    }
    let k = skip_spaces(s, k + 1);
    let neg = matches!(s.get(k), Some('负' | '負'));
    let b_at = if neg { k + 1 } else { k };
    let b = mixed::read(s, b_at)?;
    if a.low == 0.0 || a.vague() || b.vague() {
        return None;
    }
    let num = if neg { -b.low } else { b.low };
    let v = num / a.low;
    Some(Num { start: a.start, end: b.end, low: v, high: v, kind: NumKind::Fraction, chinese: true, ..*a })
}

/// a/b after the integer `a`, or a mixed number `a b/c`.
fn slashed(s: &[char], a: &Num) -> Option<Num> {
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
                return Some(Num { start: a.start, end: e2, low: v, high: v, kind: NumKind::Fraction, ..*a });
            }
        }
    }
    None
}
