//! One fact stated several times in an article is kept once. Only the same statement
//! merges: a headline's figure and its lead's, a bound and the exact figure that meets it a
//! sentence later (突破2000万 … 达2215万), a range beside its own end in one clause. Figures
//! further apart are separate statements even when their values meet: a range of estimates
//! and the top one a clause later, a sum over firms and one firm's own figure, a table row
//! and the prose that comments it.

use super::FactDraft;
use crate::extract::kinds::Qualifier;
use crate::extract::quantities::QuantitySpan;
use crate::extract::text::clause_end;

/// Which statement of a repeated fact is kept.
enum Keep {
    /// The later one: the lead says in full (date, round, investors) what its headline says.
    Later,
    /// The more precise one (`precision`).
    Precise,
}

/// `facts` (in text order) without the repeats of a fact.
pub fn without_repeats(s: &[char], facts: Vec<FactDraft>, qs: &[QuantitySpan]) -> Vec<FactDraft> {
    let lines = Lines::of(s, &facts, qs);
    let mut kept: Vec<FactDraft> = Vec::with_capacity(facts.len());
    for f in facts {
        let same = kept.iter().enumerate().find_map(|(i, k)| {
            let comparable = k.subject == f.subject
                && k.metric == f.metric
                && k.quantity != f.quantity
                && qs[k.quantity].unit == qs[f.quantity].unit
                && (k.date.is_none() || f.date.is_none() || k.date == f.date);
            comparable
                .then(|| repeat(s, &lines, (k, &qs[k.quantity]), (&f, &qs[f.quantity])))
                .flatten()
                .map(|how| (i, how))
        });
        match same {
            Some((i, Keep::Later)) => kept[i] = f,
            Some((i, Keep::Precise))
                if precision(&f, &qs[f.quantity]) > precision(&kept[i], &qs[kept[i].quantity]) =>
            {
                kept[i] = f
            }
            Some(_) => {}
            None => kept.push(f),
        }
    }
    kept
}

/// The article's lines that matter for repeats: its headline and its lead.
struct Lines {
    /// Offsets of the line breaks.
    breaks: Vec<usize>,
    /// The first line, when it is a headline: it ends with no full stop.
    headline: Option<usize>,
    /// The first line after the headline holding a fact.
    lead: Option<usize>,
}

impl Lines {
    fn of(s: &[char], facts: &[FactDraft], qs: &[QuantitySpan]) -> Lines {
        let breaks = s.iter().enumerate().filter(|(_, &c)| c == '\n').map(|(k, _)| k).collect();
        let mut lines = Lines { breaks, headline: None, lead: None };
        // A headline is a line of its own and ends with no full stop.
        let first = s.iter().position(|c| !c.is_whitespace()).map(|at| lines.line_of(at));
        lines.headline = first.filter(|&l| {
            lines.breaks.get(l).is_some_and(|&end| {
                let last = s[..end].iter().rposition(|c| !c.is_whitespace());
                last.is_some_and(|k| !matches!(s[k], '。' | '.' | '！' | '!' | '；' | ';'))
            })
        });
        lines.lead = lines
            .headline
            .and_then(|h| facts.iter().map(|f| lines.line_of(qs[f.quantity].start)).find(|&l| l > h));
        lines
    }

    fn line_of(&self, at: usize) -> usize {
        self.breaks.partition_point(|&b| b < at)
    }
}

/// How `b` (stated after `a`) repeats `a`, if it does.
fn repeat(
    s: &[char],
    lines: &Lines,
    (a, qa): (&FactDraft, &QuantitySpan),
    (b, qb): (&FactDraft, &QuantitySpan),
) -> Option<Keep> {
    let equal = a.low == b.low && a.high == b.high;
    let (la, lb) = (lines.line_of(qa.start), lines.line_of(qb.start));
    if lines.headline == Some(la) && lines.lead == Some(lb) && (equal || hedge_of(a, qa, b, qb)) {
        return Some(Keep::Later);
    }
    if a.quote == b.quote {
        // A range and its own end in one clause are one statement; a clause apart they are a
        // range of estimates and the top one (估值从30亿到35亿美元不等，最高35亿美元).
        let one_clause = clause_end(s, qa.end, qb.start) >= qb.start;
        return (one_clause && (end_of(a, qa, b) || end_of(b, qb, a))).then_some(Keep::Precise);
    }
    // Within a paragraph, a later sentence restating the figure (日活突破2000万。……日活达2215万).
    (la == lb && (equal || hedge_of(a, qa, b, qb) || hedge_of(b, qb, a, qa))).then_some(Keep::Precise)
}

/// Is `e` one of the ends of the range `r`?
fn end_of(r: &FactDraft, qr: &QuantitySpan, e: &FactDraft) -> bool {
    qr.qualifier == Qualifier::Range && e.low == e.high && (e.low == r.low || e.low == r.high)
}

/// Is `e` the exact figure that the bound or approximation `h` hedges, within a rounding's
/// reach (突破2000万 and 2215万)? Not for changes: a firm's costs up over 7% and its sales
/// up 7.4% are two moves.
fn hedge_of(h: &FactDraft, qh: &QuantitySpan, e: &FactDraft, qe: &QuantitySpan) -> bool {
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
