//! One fact stated several times in an article (a headline and its body, 突破2000万 beside
//! 2215万, a range beside its own end) is kept once, with its most precise statement.

use super::FactDraft;
use crate::extract::kinds::Qualifier;
use crate::extract::quantities::QuantitySpan;

/// `facts` without the repeats of a fact; the one kept is the most precise statement.
pub fn without_repeats(facts: Vec<FactDraft>, qs: &[QuantitySpan]) -> Vec<FactDraft> {
    let mut kept: Vec<FactDraft> = Vec::with_capacity(facts.len());
    for f in facts {
        let same = kept.iter().position(|k| {
            k.subject == f.subject
                && k.metric == f.metric
                && k.quantity != f.quantity
                && (k.date.is_none() || f.date.is_none() || k.date == f.date)
                && restates(k, &qs[k.quantity], &f, &qs[f.quantity])
        });
        match same {
            Some(i) if precision(&f, &qs[f.quantity]) > precision(&kept[i], &qs[kept[i].quantity]) => {
                kept[i] = f
            }
            Some(_) => {}
            None => kept.push(f),
        }
    }
    kept
}

/// How precisely a statement gives its value: an exact amount, then a range, then a bound
/// or an approximation; among equals, more digits.
fn precision(f: &FactDraft, q: &QuantitySpan) -> (u8, usize) {
    let rank = match q.qualifier {
        Qualifier::Exact => 3,
        Qualifier::Range => 2,
        _ => 1,
    };
    let digits = (q.num_start..q.end).count();
    (rank, digits + f.date.is_some() as usize)
}

/// Do the statements `a` (on `qa`) and `b` (on `qb`) give the same value: equal, a range
/// and one of its ends, or a bound or an approximation that the other states exactly?
fn restates(a: &FactDraft, qa: &QuantitySpan, b: &FactDraft, qb: &QuantitySpan) -> bool {
    if qa.unit != qb.unit {
        return false;
    }
    if a.low == b.low && a.high == b.high {
        return true;
    }
    let end_of = |r: &FactDraft, qr: &QuantitySpan, e: &FactDraft| {
        qr.qualifier == Qualifier::Range && e.low == e.high && (e.low == r.low || e.low == r.high)
    };
    // 突破2000万 and 2215万: a bound met by the exact figure, within a rounding's reach.
    // Not for changes: a firm's costs up over 7% and its sales up 7.4% are two moves.
    let hedge_of = |h: &FactDraft, qh: &QuantitySpan, e: &FactDraft, qe: &QuantitySpan| {
        let v = e.low;
        !matches!(h.metric, "growth" | "price_change")
            && qe.qualifier == Qualifier::Exact
            && e.low == e.high
            && match qh.qualifier {
                Qualifier::Gt | Qualifier::Gte => v >= h.low && v <= h.low * 1.2,
                Qualifier::Lt | Qualifier::Lte => v <= h.high && v >= h.high / 1.2,
                Qualifier::Approx => (v - h.low).abs() <= 0.1 * h.low.abs(),
                _ => false,
            }
    };
    end_of(a, qa, b) || end_of(b, qb, a) || hedge_of(a, qa, b, qb) || hedge_of(b, qb, a, qa)
}
