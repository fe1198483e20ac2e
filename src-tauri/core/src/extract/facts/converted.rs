//! An amount restated in another currency right after it (15亿美元（约合人民币110亿元）,
//! 2.22 billion rupees ($27.23 million)): the same figure's second value, not a figure.

use crate::extract::kinds::QuantityKind;
use crate::extract::quantities::QuantitySpan;
use crate::extract::text::starts_with_at;
use crate::extract::words::facts::CONVERSION_WORDS;

/// For each quantity that restates the one before it in another currency, that one's
/// index, and where the restatement's note ends (after its closing bracket).
pub fn restatements(s: &[char], qs: &[QuantitySpan]) -> Vec<Option<(usize, usize)>> {
    let mut out = vec![None; qs.len()];
    for (i, pair) in qs.windows(2).enumerate() {
        let (a, b) = (&pair[0], &pair[1]);
        if a.kind != QuantityKind::Money || b.kind != QuantityKind::Money || a.unit == b.unit {
            continue;
        }
        if let Some(end) = note_end(s, a.end, b) {
            out[i + 1] = Some((i, end));
        }
    }
    out
}

/// The end of the note holding `b` when nothing but an opening bracket or a comma and
/// conversion words stand between `from` and it, and its bracket closes right after it.
fn note_end(s: &[char], from: usize, b: &QuantitySpan) -> Option<usize> {
    if b.start < from || b.start - from > 12 {
        return None;
    }
    let mut k = from;
    let mut bracket = None;
    let mut worded = false;
    while k < b.start {
        match s[k] {
            c if c.is_whitespace() => k += 1,
            '(' | '（' if bracket.is_none() => {
                bracket = Some(if s[k] == '(' { ')' } else { '）' });
                k += 1;
            }
            ',' | '，' if bracket.is_none() && k == from => k += 1,
            _ => {
                let w = CONVERSION_WORDS.iter().find_map(|w| starts_with_at(s, k, w))?;
                k = w;
                worded = true;
            }
        }
    }
    match bracket {
        Some(close) => {
            let mut e = b.end;
            while s.get(e).is_some_and(|c| c.is_whitespace()) {
                e += 1;
            }
            (s.get(e) == Some(&close)).then_some(e + 1)
        }
        // After a comma only a conversion word makes it a restatement (，约合人民币110亿元).
        None if worded && matches!(s[from], ',' | '，') => Some(b.end),
        None => None,
    }
}
