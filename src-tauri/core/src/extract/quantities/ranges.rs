//! Ranges of amounts (10亿美元到1500亿美元, between 20 and 30, 5-20%) and two bounds side by
//! side (大于10小于20) joined into one quantity.

use super::{QuantitySpan, Reading};
use crate::extract::kinds::{Qualifier, QuantityKind};
use crate::extract::numerals::{Num, NumKind};
use crate::extract::text::{ends_with_at, starts_with_at};
use crate::extract::words::quantities::{BOUND_JOINERS, CHANGE_VERBS, RANGE_SEP};

/// Whether `A sep B` joins the amount at `[a_start, a_end)` to `q` as a range.
fn range_sep(s: &[char], a_start: usize, a_end: usize, q: &QuantitySpan) -> bool {
    // +1-222-2222-2222: parts of a phone number or a code, not a range.
    let linked = |k: usize| s.get(k).is_some_and(|c| "-/+".contains(*c));
    if a_start > 0 && linked(a_start - 1)
        || linked(q.end) && s.get(q.end + 1).is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    RANGE_SEP.iter().any(|sep| {
        let mut k = a_end;
        while s.get(k) == Some(&' ') && !sep.starts_with(' ') {
            k += 1;
        }
        let Some(mut e) = starts_with_at(s, k, sep) else { return false };
        while s.get(e) == Some(&' ') {
            e += 1;
        }
        if e != q.num_start && e != q.start {
            return false;
        }
        match *sep {
            " and " => ends_with_at(s, a_start, "between ").is_some(),
            "与" | "和" => starts_with_at(s, q.end, "之间").or(starts_with_at(s, q.end, "间")).is_some(),
            // Rose from 2% to 3% is a move, not a range.
            " to " | " through " => {
                let Some(b) = ends_with_at(s, a_start, "from ") else { return true };
                let head: String = s[b.saturating_sub(30)..b].iter().collect::<String>().to_lowercase();
                !head.split_whitespace().rev().take(2).any(|w| CHANGE_VERBS.contains(&w))
            }
            _ => true,
        }
    })
}

/// Start of a range at `start`, widened over the word that opens it (从, between, 位于).
fn range_start(s: &[char], start: usize) -> usize {
    ["从", "between ", "from ", "位于", "介于"]
        .iter()
        .find_map(|w| ends_with_at(s, start, w))
        .unwrap_or(start)
}

/// End of a range at `end`, widened over 之间 / 间.
fn range_end(s: &[char], end: usize) -> usize {
    starts_with_at(s, end, "之间").or_else(|| starts_with_at(s, end, "间")).unwrap_or(end)
}

/// A lower and an upper bound side by side (大于10小于20, at most 100 and at least 20) as
/// one range, each end included as its bound says.
fn two_sided(s: &[char], a: &QuantitySpan, b: &QuantitySpan) -> Option<QuantitySpan> {
    use Qualifier::{Gt, Gte, Lt, Lte};
    if a.kind != b.kind || a.unit != b.unit || a.end > b.start {
        return None;
    }
    let (lower, upper) = match (a.qualifier, b.qualifier) {
        (Gt | Gte, Lt | Lte) => (a, b),
        (Lt | Lte, Gt | Gte) => (b, a),
        _ => return None,
    };
    let gap: String = s[a.end..b.start].iter().collect();
    if !BOUND_JOINERS.contains(&gap.trim_matches(' ')) && !BOUND_JOINERS.contains(&gap.as_str()) {
        return None;
    }
    (lower.low <= upper.low).then(|| QuantitySpan {
        start: a.start,
        end: b.end,
        num_start: a.num_start,
        low: lower.low,
        high: upper.high,
        qualifier: Qualifier::Range,
        closed: Some((lower.qualifier == Gte, upper.qualifier == Lte)),
        ..a.clone()
    })
}

/// Joins `A sep B` into one range quantity: both quantities of one kind and unit, or a
/// bare number followed by a quantity (从8500到3万, 5-20%, 10到20亿元); and a lower with
/// an upper bound (大于10小于20).
pub fn merge_ranges(s: &[char], nums: &[Num], qs: Vec<QuantitySpan>, reading: Reading) -> Vec<QuantitySpan> {
    let mut out: Vec<QuantitySpan> = Vec::with_capacity(qs.len());
    for q in qs {
        if let Some(prev) = out.last_mut() {
            if let Some(joined) = join(s, nums, prev, &q) {
                *prev = joined;
                continue;
            }
        }
        let last_end = out.last().map(|p| p.end);
        out.push(from_bare_number(s, nums, last_end, &q).unwrap_or(q));
    }
    // A bare magnitude (200亿) with no unit and no users context says too little on its own.
    if reading == Reading::Units {
        out.retain(|q| {
            !(q.kind == QuantityKind::Count && q.unit.is_empty() && q.qualifier != Qualifier::Range)
        });
    }
    out
}

/// The second end of a range carries no bound of its own (not "18,000 to at least 1.4m").
fn may_end_a_range(q: &QuantitySpan) -> bool {
    matches!(q.qualifier, Qualifier::Exact | Qualifier::Approx | Qualifier::Vague)
}

/// `prev` and `q` as one quantity: two bounds side by side, or `prev sep q`.
fn join(s: &[char], nums: &[Num], prev: &QuantitySpan, q: &QuantitySpan) -> Option<QuantitySpan> {
    if let Some(both) = two_sided(s, prev, q) {
        return Some(both);
    }
    let joined = may_end_a_range(q) && range_sep(s, prev.start, prev.end, q) && prev.low <= q.high;
    // A bare magnitude before the separator (between 100 billion and 110 billion yuan).
    let bare_prev = prev.kind == QuantityKind::Count && prev.unit.is_empty() && !q.unit.is_empty();
    let exact_prev = matches!(prev.qualifier, Qualifier::Exact | Qualifier::Approx);
    if bare_prev && exact_prev && joined {
        let start = range_start(s, prev.start);
        let end = range_end(s, q.end);
        let low = scaled_low(nums, prev.low, prev.num_start, q);
        return Some(QuantitySpan {
            start,
            end,
            num_start: prev.num_start,
            low,
            qualifier: Qualifier::Range,
            ..q.clone()
        });
    }
    // $200-250 million: money whose number takes the magnitude of the bare one after it.
    let money_prev = prev.kind == QuantityKind::Money && !bare_prev && q.kind == QuantityKind::Count;
    if money_prev
        && exact_prev
        && q.unit.is_empty()
        && may_end_a_range(q)
        && range_sep(s, prev.start, prev.end, q)
    {
        let first =
            nums.get(nums.partition_point(|n| n.start < prev.num_start)).filter(|n| n.end <= prev.end);
        let second = nums.get(nums.partition_point(|m| m.start < q.num_start));
        if let (Some(n), Some(m)) = (first, second) {
            let low = n.low * m.scale;
            if m.scale > 1.0 && !n.magnitude && low <= q.low {
                let (start, end) = (prev.start, q.end);
                return Some(QuantitySpan {
                    start,
                    end,
                    low,
                    high: q.high,
                    qualifier: Qualifier::Range,
                    ..prev.clone()
                });
            }
        }
    }
    if prev.kind == q.kind && prev.unit == q.unit && joined {
        let mut both = prev.clone();
        both.start = ends_with_at(s, prev.start, "between ").unwrap_or(prev.start);
        both.end = q.end;
        both.high = q.high;
        both.qualifier = Qualifier::Range;
        if both.unit.is_empty() {
            both.start = range_start(s, both.start);
            both.end = range_end(s, both.end);
        }
        return Some(both);
    }
    None
}

/// A bare number before the separator takes the second amount's unit (and magnitude
/// when it is smaller than the second's mantissa: 10到20亿元 = 10亿..20亿). `last_end` is
/// the end of the quantity before.
fn from_bare_number(
    s: &[char],
    nums: &[Num],
    last_end: Option<usize>,
    q: &QuantitySpan,
) -> Option<QuantitySpan> {
    let n = nums[..nums.partition_point(|n| n.end <= q.start)]
        .last()
        .filter(|n| last_end.is_none_or(|e| e <= n.start))
        .filter(|n| {
            n.kind == NumKind::Plain && !n.vague() && may_end_a_range(q) && range_sep(s, n.start, n.end, q)
        })?;
    // 三至四成: the first end is in tenths too.
    let tenths = q.kind == QuantityKind::Percent && s[q.end - 1] == '成';
    let low = scaled_low(nums, n.low, n.start, q) * if tenths { 10.0 } else { 1.0 };
    // A percentage's first end may lie above the second's low (5-20%), never above its high.
    let ordered = if q.kind == QuantityKind::Percent { low <= q.high } else { low <= q.low };
    ordered.then(|| {
        let start = range_start(s, n.start);
        let end = range_end(s, q.end);
        QuantitySpan { start, end, num_start: n.start, low, qualifier: Qualifier::Range, ..q.clone() }
    })
}

/// The first end of a range `low..q`, given the second's magnitude when it has none of its
/// own and is smaller than the second's mantissa (10到20亿元 = 10亿..20亿).
fn scaled_low(nums: &[Num], low: f64, first_start: usize, q: &QuantitySpan) -> f64 {
    // Numerals are sorted by start.
    let first = nums.get(nums.partition_point(|n| n.start < first_start)).filter(|n| n.start == first_start);
    let second = nums.get(nums.partition_point(|m| m.start < q.num_start));
    match (first, second) {
        (Some(n), Some(m)) if m.scale > 1.0 && !n.magnitude && low < m.low / m.scale => low * m.scale,
        _ => low,
    }
}
