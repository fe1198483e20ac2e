//! The move that governs a change figure, and the sign it gives the figure: 跌0.2% is
//! −0.2%, "a 53% jump" +53%, "ended 3.54 per cent down" −3.54%.

use super::Place;
use crate::extract::kinds::QuantityKind;
use crate::extract::lexicon::{Group, Hits};
use crate::extract::quantities::QuantitySpan;
use crate::extract::words::facts::{Direction, DIRECTIONS};

/// The direction of the verb governing `qs[qi]`, a percentage or a multiple: the nearest
/// move word before it in its clause with no amount between (a list of changes, 分别增长
/// 14.44%、11.98%, shares the verb), else one right after it (a 4% rise, 30 percent lower).
pub fn direction(
    s: &[char],
    hits: &Hits,
    qs: &[QuantitySpan],
    qi: usize,
    place: &Place,
) -> Option<Direction> {
    let q = &qs[qi];
    if !matches!(q.kind, QuantityKind::Percent | QuantityKind::Multiple) {
        return None;
    }
    let is_word = |at: usize, k: usize| {
        let w = DIRECTIONS[k].0;
        let end = at + w.chars().count();
        !w.starts_with(|c: char| c.is_ascii_alphabetic())
            || !(at > 0 && s[at - 1].is_ascii_alphabetic())
                && !s.get(end).is_some_and(|&c| c.is_ascii_alphabetic() && c != 's')
    };
    let before = hits.within(Group::Direction, place.cs, q.start).filter(|&(at, k)| is_word(at, k)).last();
    let governs = before.filter(|&(at, _)| {
        // Amounts between the verb and the figure are other changes of the same list.
        qs[..qi].iter().rev().take_while(|p| p.start >= at).all(|p| p.kind == q.kind)
    });
    let after = || {
        let gap = s[q.end..place.ce.min(q.end + 3)].iter().take_while(|c| c.is_whitespace()).count();
        hits.within(Group::Direction, q.end + gap, place.ce)
            .find(|&(at, k)| at == q.end + gap && is_word(at, k))
    };
    governs.or_else(after).map(|(_, k)| DIRECTIONS[k].1)
}

/// The value of a fact on `q`: the quantity's, signed as its metric reads it. A fall is a
/// negative change; a loss is a positive amount however it is written (净利润-3亿元).
pub fn signed_value(q: &QuantitySpan, metric: &str, direction: Option<Direction>) -> (f64, f64) {
    let negative = q.high < 0.0;
    let flip = match metric {
        "loss" => negative,
        "growth" | "price_change" => {
            direction == Some(Direction::Down) && q.kind == QuantityKind::Percent && !negative
        }
        _ => false,
    };
    if flip {
        (-q.high, -q.low)
    } else {
        (q.low, q.high)
    }
}
