//! Multiples and percentages written as words: 一半, 翻一番, doubled, 打对折, 半成.

use super::QuantitySpan;
use crate::extract::kinds::{Qualifier, QuantityKind};
use crate::extract::lexicon::{Group, Hits};
use crate::extract::text::ends_with_at;
use crate::extract::words::quantities::{MULTIPLE_WORDS, PERCENT_WORDS};

/// Percentages written as words: 打对折, 半折 (50%), 半成 (5%).
pub fn word_percents(s: &[char], hits: &Hits, out: &mut Vec<QuantitySpan>) {
    for &(i, e, k) in &hits.in_order(Group::Percent) {
        let (w, v) = PERCENT_WORDS[k];
        // 对折 alone is a fold; after 打 it is a discount.
        let fold = w.ends_with("对折") || w.ends_with("對折");
        let ok = !fold || i > 0 && s[i - 1] == '打';
        if ok {
            out.push(QuantitySpan {
                kind: QuantityKind::Percent,
                start: i,
                end: e,
                num_start: i,
                low: v,
                high: v,
                unit: "%",
                qualifier: Qualifier::Exact,
                closed: None,
            });
        }
    }
}

/// Multiples written as words: 一半, 翻一番, 翻番, 翻两番, doubled, tripled.
pub fn word_multiples(s: &[char], hits: &Hits) -> Vec<QuantitySpan> {
    let mut out = Vec::new();
    for run in hits.in_order(Group::Multiple).chunk_by(|x, y| x.0 == y.0) {
        // The first word of the list among those starting here.
        let (i, e, k) = run[0];
        let (w, v) = MULTIPLE_WORDS[k];
        // double-digit and "a double whammy" are no multiples.
        let adjective = matches!(w, "double" | "triple")
            && (s.get(e) == Some(&'-') || ends_with_at(s, i, "a ").is_some());
        let ascii_ok = !w.is_ascii()
            || ((i == 0 || !s[i - 1].is_ascii_alphanumeric())
                && !s.get(e).is_some_and(|c| c.is_ascii_alphanumeric())
                && !adjective);
        if ascii_ok {
            out.push(QuantitySpan {
                kind: QuantityKind::Multiple,
                start: i,
                end: e,
                num_start: i,
                low: v,
                high: v,
                unit: "x",
                qualifier: Qualifier::Exact,
                closed: None,
            });
        }
    }
    out
}
