//! Hedges around an amount (近, 超过, 左右, about, or more, 比…大) and the qualifier they give.

use std::sync::LazyLock;

use super::QuantitySpan;
use crate::extract::kinds::Qualifier;
use crate::extract::text::{ends_with_at, is_cjk, starts_with_at, Words};
use crate::extract::words::quantities::{self as words, PARTICLE_VERBS};

/// Hedges before a number, longest first; English ones are followed by a space.
static HEDGE_BEFORE: LazyLock<Words<Qualifier>> =
    LazyLock::new(|| Words::new(words::HEDGE_BEFORE.iter().copied()));

/// Hedges after a number.
static HEDGE_AFTER: LazyLock<Words<Qualifier>> =
    LazyLock::new(|| Words::new(words::HEDGE_AFTER.iter().copied()));

/// End of `w` at `at`, ASCII letters compared in any case.
fn starts_with_ci(s: &[char], at: usize, w: &str) -> Option<usize> {
    let mut k = at;
    for c in w.chars() {
        if !s.get(k).is_some_and(|x| x.eq_ignore_ascii_case(&c)) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// `q` widened over the hedge words around it (近, 超过, 左右, about, or more, 比…大), which
/// set its qualifier unless the amount itself is vague (数亿).
pub fn hedged(s: &[char], mut q: QuantitySpan, vague: bool) -> QuantitySpan {
    q.qualifier = if vague { Qualifier::Vague } else { Qualifier::Exact };
    // 不超过每股350元, 突破每盎司3,780美元: the hedge stands before "per share".
    let per_share = (1..=2)
        .filter_map(|k| q.start.checked_sub(k + 1))
        .find(|&b| s[b] == '每' && s[b + 1..q.start].iter().all(|&c| is_cjk(c)))
        .filter(|&b| HEDGE_BEFORE.longest_ending_at(s, b).is_some());
    q.start = per_share.unwrap_or(q.start);
    let mut spaced = q.start;
    while spaced > 0 && s[spaced - 1] == ' ' {
        spaced -= 1;
    }
    let set = |q: &mut QuantitySpan, h: Qualifier| {
        if !vague {
            q.qualifier = h;
        }
    };
    if let Some((b, e, h)) = compared(s, spaced, q.end) {
        (q.start, q.end) = (b, e);
        set(&mut q, h);
        return q;
    }
    let after = hedge_after(s, q.end);
    if let Some((b, h)) = hedge_before(s, q.start, spaced) {
        // "about five hundred or more": the bound after decides, the hedge before goes.
        if !(h == Qualifier::Approx && after.is_some_and(|(_, a)| a != Qualifier::Approx)) {
            q.start = b;
            set(&mut q, h);
        }
    }
    if let Some((e, h)) = after {
        q.end = e;
        set(&mut q, h);
    }
    q
}

/// The hedge before an amount at `start` (`spaced`: before the spaces in front of it).
fn hedge_before(s: &[char], start: usize, spaced: usize) -> Option<(usize, Qualifier)> {
    let before = HEDGE_BEFORE.longest_ending_at(s, start).or_else(|| {
        // 超过 30, >= 30: spaces after a hedge that is not an English word.
        HEDGE_BEFORE.longest_ending_at(s, spaced).filter(|(b, _)| !s[*b].is_ascii_alphabetic())
    });
    before.filter(|&(b, _)| {
        // A word must start as one (not "cover 5"); =>30 and <>30 are no comparisons.
        let word = s[b].is_ascii_alphabetic() && b > 0 && s[b - 1].is_ascii_alphanumeric();
        let symbol = "<>≥≤".contains(s[b]) && b > 0 && "<>=".contains(s[b - 1]);
        // handing over 150,000 vehicles: "over" is the verb's particle.
        let particle = starts_with_ci(s, b, "over ").is_some()
            && PARTICLE_VERBS
                .iter()
                .any(|v| ends_with_at(s, b, v).is_some_and(|a| a == 0 || !s[a - 1].is_ascii_alphabetic()));
        !word && !symbol && !particle
    })
}

/// The hedge after an amount ending at `end` (左右, 以上, or more).
fn hedge_after(s: &[char], end: usize) -> Option<(usize, Qualifier)> {
    // 上下游 is a supply chain, not a hedge; "or more than 5" hedges the 5.
    HEDGE_AFTER.longest_at(s, end).filter(|&(e, _)| {
        !(s[e - 1] == '下' && s.get(e) == Some(&'游'))
            && starts_with_at(s, e, " than").is_none()
            && !(s[e - 1].is_ascii_alphabetic() && s.get(e).is_some_and(|c| c.is_ascii_alphanumeric()))
    })
}

/// 比 170 低, 比三十大: a comparison around the amount, (start, end, qualifier).
fn compared(s: &[char], spaced: usize, end: usize) -> Option<(usize, usize, Qualifier)> {
    if spaced == 0 || s[spaced - 1] != '比' {
        return None;
    }
    let e = (end..s.len()).find(|&k| s[k] != ' ').unwrap_or(s.len());
    let h = match s.get(e)? {
        '大' | '多' | '高' => Qualifier::Gt,
        '小' | '少' | '低' => Qualifier::Lt,
        _ => return None,
    };
    Some((spaced - 1, e + 1, h))
}
