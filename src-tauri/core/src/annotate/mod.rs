//! Anchoring annotations to an article's canonical text, after the W3C Web Annotation
//! model: a TextQuoteSelector (the quote with some context either side) and a
//! TextPositionSelector (code points). When the text changes, an annotation is placed
//! again by position if its quote is still there, else by exact quote search, else by
//! approximate matching with bounded errors; if none of these finds a convincing
//! place, it is orphaned rather than attached to the wrong text.

mod fuzzy;

use serde::{Deserialize, Serialize};

use crate::{Reason, Result};

/// Code points of context kept on each side of a quote.
pub const CONTEXT_CHARS: usize = 32;

/// W3C TextQuoteSelector.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct TextQuoteSelector {
    pub exact: String,
    pub prefix: String,
    pub suffix: String,
}

/// W3C TextPositionSelector, in code points; `end` is exclusive.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct TextPositionSelector {
    pub start: usize,
    pub end: usize,
}

/// Both selectors of one annotation.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Selector {
    pub quote: TextQuoteSelector,
    pub position: TextPositionSelector,
}

/// How an annotation was placed in a text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Placement {
    /// The quote is where the position says.
    Position,
    /// The quote was found elsewhere, unchanged.
    Exact,
    /// Text close enough to the quote was found, with its context.
    Approximate,
}

/// Where an annotation lies in a text, or `None` when it is orphaned.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Anchor {
    pub start: usize,
    pub end: usize,
    pub placement: Placement,
}

/// Exact matches of a short quote elsewhere must share this much context (0..1).
const MIN_CONTEXT_FOR_SHORT_EXACT: f64 = 0.5;
/// Quotes at least this long are trusted when found unchanged, whatever their context.
const LONG_QUOTE: usize = 16;

/// Selectors for the code points [start, end) of `text`.
pub fn describe(text: &str, start: usize, end: usize) -> Result<Selector> {
    let chars: Vec<char> = text.chars().collect();
    if start >= end || end > chars.len() {
        return Err(Reason::SelectionOutside { start, end, length: chars.len() }.into());
    }
    let collect = |a: usize, b: usize| chars[a..b].iter().collect::<String>();
    Ok(Selector {
        quote: TextQuoteSelector {
            exact: collect(start, end),
            prefix: collect(start.saturating_sub(CONTEXT_CHARS), start),
            suffix: collect(end, (end + CONTEXT_CHARS).min(chars.len())),
        },
        position: TextPositionSelector { start, end },
    })
}

/// Places `selector` in `text` (see the module documentation), or `None` if it is orphaned.
pub fn anchor(text: &str, selector: &Selector) -> Option<Anchor> {
    let text: Vec<char> = text.chars().collect();
    let quote = Quote::new(&selector.quote, selector.position.start);
    if quote.exact.is_empty() {
        return None;
    }
    let TextPositionSelector { start, end } = selector.position;
    // By position, when the quote and its context are all still there.
    if end <= text.len() && text[start..end] == quote.exact[..] && quote.context(&text, start, end) == 1.0 {
        return Some(Anchor { start, end, placement: Placement::Position });
    }
    exact(&text, &quote)
        .map(|start| Anchor { start, end: start + quote.exact.len(), placement: Placement::Exact })
        .or_else(|| {
            fuzzy::best(&text, &quote).map(|(start, end)| Anchor {
                start,
                end,
                placement: Placement::Approximate,
            })
        })
}

/// A quote decoded to code points, with its context and old position.
struct Quote {
    exact: Vec<char>,
    prefix: Vec<char>,
    suffix: Vec<char>,
    start: usize,
}

impl Quote {
    fn new(quote: &TextQuoteSelector, start: usize) -> Self {
        Self {
            exact: quote.exact.chars().collect(),
            prefix: quote.prefix.chars().collect(),
            suffix: quote.suffix.chars().collect(),
            start,
        }
    }

    /// How well the text around [start, end) matches the stored prefix and suffix (0..1).
    fn context(&self, text: &[char], start: usize, end: usize) -> f64 {
        let before = &text[start.saturating_sub(self.prefix.len())..start];
        let after = &text[end..(end + self.suffix.len()).min(text.len())];
        (similarity(&self.prefix, before) + similarity(&self.suffix, after)) / 2.0
    }

    /// Closeness of `start` to the old position (0..1).
    fn nearness(&self, text: &[char], start: usize) -> f64 {
        1.0 - start.abs_diff(self.start) as f64 / text.len().max(1) as f64
    }
}

/// The best occurrence of the unchanged quote: most context, then nearest the old
/// position. A short quote needs some of its context, or it could be any occurrence.
fn exact(text: &[char], quote: &Quote) -> Option<usize> {
    let m = quote.exact.len();
    let mut best: Option<(f64, usize, usize)> = None;
    for start in (0..=text.len().saturating_sub(m)).filter(|&i| text[i..].starts_with(&quote.exact)) {
        let context = quote.context(text, start, start + m);
        if m < LONG_QUOTE && context < MIN_CONTEXT_FOR_SHORT_EXACT {
            continue;
        }
        let distance = start.abs_diff(quote.start);
        if best.is_none_or(|(c, d, _)| context > c || (context == c && distance < d)) {
            best = Some((context, distance, start));
        }
    }
    best.map(|(_, _, start)| start)
}

/// 1 minus the edit distance of `a` and `b` over the longer length; 1 for two empty strings.
fn similarity(a: &[char], b: &[char]) -> f64 {
    let longest = a.len().max(b.len());
    if longest == 0 {
        return 1.0;
    }
    1.0 - edit_distance(a, b) as f64 / longest as f64
}

/// Levenshtein distance.
fn edit_distance(a: &[char], b: &[char]) -> usize {
    edit_row(a, b)[b.len()]
}

/// The last row of the Levenshtein table: entry j is the distance of `a` and `b[..j]`.
fn edit_row(a: &[char], b: &[char]) -> Vec<usize> {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let next = if ca == cb { diagonal } else { 1 + diagonal.min(row[j]).min(row[j + 1]) };
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "2024年12月，智谱AI完成30亿元人民币融资，投后估值超过200亿元。\n\n\
                        月之暗面同期完成新一轮融资，估值达到33亿美元。";

    fn slice(text: &str, a: usize, b: usize) -> String {
        text.chars().skip(a).take(b - a).collect()
    }

    fn at(text: &str, quote: &str) -> usize {
        let byte = text.find(quote).unwrap();
        text[..byte].chars().count()
    }

    #[test]
    fn selectors_hold_the_quote_and_up_to_32_characters_either_side() {
        let start = at(TEXT, "30亿元");
        let s = describe(TEXT, start, start + 4).unwrap();
        assert_eq!(s.quote.exact, "30亿元");
        assert_eq!(s.quote.prefix, "2024年12月，智谱AI完成");
        assert_eq!(s.quote.suffix.chars().count(), CONTEXT_CHARS);
        assert!(s.quote.suffix.starts_with("人民币融资"));
        assert!(describe(TEXT, 3, 3).is_err());
        assert!(describe(TEXT, 0, 10_000).is_err());
    }

    #[test]
    fn an_unchanged_text_anchors_by_position() {
        let start = at(TEXT, "估值达到33亿美元");
        let s = describe(TEXT, start, start + 9).unwrap();
        assert_eq!(anchor(TEXT, &s), Some(Anchor { start, end: start + 9, placement: Placement::Position }));
    }

    #[test]
    fn a_moved_quote_is_found_by_exact_search() {
        let start = at(TEXT, "30亿元人民币");
        let s = describe(TEXT, start, start + 7).unwrap();
        let changed = format!("智谱融资\n\n{TEXT}");
        let a = anchor(&changed, &s).unwrap();
        assert_eq!(a.placement, Placement::Exact);
        assert_eq!(slice(&changed, a.start, a.end), "30亿元人民币");
        assert_eq!(a.start, start + 6);
    }

    #[test]
    fn of_two_occurrences_the_one_with_the_context_wins() {
        // "融资" occurs twice; the annotation is on the second.
        let start = at(TEXT, "新一轮融资") + 3;
        let s = describe(TEXT, start, start + 2).unwrap();
        let changed = TEXT.replacen("2024年12月，", "", 1);
        let a = anchor(&changed, &s).unwrap();
        assert_eq!(a.start, at(&changed, "新一轮融资") + 3);
    }

    #[test]
    fn a_slightly_changed_quote_is_found_approximately() {
        let quote = "投后估值超过200亿元";
        let start = at(TEXT, quote);
        let s = describe(TEXT, start, start + quote.chars().count()).unwrap();
        // A better importer rejoined a line the old one broke inside the quote.
        let changed = TEXT.replace("投后估值超过", "投后估值\n超过");
        let a = anchor(&changed, &s).unwrap();
        assert_eq!(a.placement, Placement::Approximate);
        assert_eq!(slice(&changed, a.start, a.end), "投后估值\n超过200亿元");
    }

    #[test]
    fn a_quote_that_is_gone_is_orphaned() {
        let quote = "估值达到33亿美元";
        let start = at(TEXT, quote);
        let s = describe(TEXT, start, start + quote.chars().count()).unwrap();
        let changed =
            TEXT.replace("月之暗面同期完成新一轮融资，估值达到33亿美元。", "阶跃星辰未披露融资金额。");
        assert_eq!(anchor(&changed, &s), None);
        // A short quote found without its context is not trusted either.
        let short = describe(TEXT, at(TEXT, "融资"), at(TEXT, "融资") + 2).unwrap();
        assert_eq!(anchor("百川智能宣布融资计划。", &short), None);
    }

    #[test]
    fn edit_distance_counts_insertions_deletions_and_substitutions() {
        let d =
            |a: &str, b: &str| edit_distance(&a.chars().collect::<Vec<_>>(), &b.chars().collect::<Vec<_>>());
        assert_eq!(d("智谱AI", "智谱 AI"), 1);
        assert_eq!(d("kitten", "sitting"), 3);
        assert_eq!(d("", "融资"), 2);
        assert_eq!(similarity(&[], &[]), 1.0);
    }
}
