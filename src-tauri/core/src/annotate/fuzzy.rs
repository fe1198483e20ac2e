//! Approximate quote matching with bounded errors: Sellers' dynamic programme over the
//! text with Ukkonen's cut-off (only table rows that can still stay within the error
//! bound are computed, so the cost grows with the bound, not the quote), then each
//! candidate scored on quote, prefix, suffix and position.

use super::{edit_row, Quote};

/// At most one error per this many quote characters.
const CHARS_PER_ERROR: usize = 5;
/// Weights of quote, prefix, suffix and position in a candidate's score.
const WEIGHTS: [f64; 4] = [50.0, 20.0, 20.0, 10.0];
/// Lowest score (0..1) a candidate needs to be trusted.
const MIN_SCORE: f64 = 0.7;
/// A runner-up this close to the best makes the place ambiguous: orphaned instead.
const AMBIGUITY: f64 = 0.05;
/// Candidate places examined in full, best quote match first.
const MAX_CANDIDATES: usize = 16;

/// The best place for `quote` in `text` within the error bound, if it is convincing and
/// unambiguous.
pub fn best(text: &[char], quote: &Quote) -> Option<(usize, usize)> {
    let m = quote.exact.len();
    let k = m / CHARS_PER_ERROR;
    if k == 0 {
        return None;
    }
    let mut scored: Vec<(f64, usize, usize)> = candidate_ends(text, &quote.exact, k)
        .into_iter()
        .map(|(end, errors)| {
            let start = start_of(text, &quote.exact, end, k);
            let score = [
                1.0 - errors as f64 / m as f64,
                super::similarity(&quote.prefix, &text[start.saturating_sub(quote.prefix.len())..start]),
                super::similarity(&quote.suffix, &text[end..(end + quote.suffix.len()).min(text.len())]),
                quote.nearness(text, start),
            ]
            .iter()
            .zip(WEIGHTS)
            .map(|(s, w)| s * w)
            .sum::<f64>()
                / WEIGHTS.iter().sum::<f64>();
            (score, start, end)
        })
        .collect();
    scored.sort_by(|a, b| b.0.total_cmp(&a.0));
    let &(score, start, end) = scored.first()?;
    let rival = scored.iter().skip(1).find(|&&(_, s, e)| e <= start || s >= end);
    let ambiguous = rival.is_some_and(|&(s, _, _)| score - s < AMBIGUITY);
    (score >= MIN_SCORE && !ambiguous).then_some((start, end))
}

/// Ends (exclusive) of the best-matching substrings with at most `k` errors: the lowest
/// error count of each run of adjacent ends, best runs first.
fn candidate_ends(text: &[char], pattern: &[char], k: usize) -> Vec<(usize, usize)> {
    let m = pattern.len();
    // column[i]: errors of pattern[..i] against the best substring ending here.
    let mut column: Vec<usize> = (0..=m).collect();
    let mut active = k.min(m);
    let mut runs: Vec<(usize, usize)> = Vec::new();
    let mut last_end = None;
    for (j, &c) in text.iter().enumerate() {
        let (mut diagonal, mut above) = (0, 0);
        for i in 1..=(active + 1).min(m) {
            let cell = if pattern[i - 1] == c { diagonal } else { 1 + diagonal.min(above).min(column[i]) };
            diagonal = column[i];
            column[i] = cell;
            above = cell;
        }
        active = (active + 1).min(m);
        while active > 0 && column[active] > k {
            active -= 1;
        }
        if active == m {
            let (end, errors) = (j + 1, column[m]);
            match runs.last_mut() {
                Some(run) if last_end == Some(j) => {
                    if errors < run.1 {
                        *run = (end, errors);
                    }
                }
                _ => runs.push((end, errors)),
            }
            last_end = Some(end);
        }
    }
    runs.sort_by_key(|&(_, errors)| errors);
    runs.truncate(MAX_CANDIDATES);
    runs
}

/// Start of the substring ending at `end` that best matches `pattern`: the pattern is
/// aligned backwards from `end` (one table over the reversed strings), and of equally
/// good starts the one giving the length closest to the pattern's wins.
fn start_of(text: &[char], pattern: &[char], end: usize, k: usize) -> usize {
    let floor = end.saturating_sub(pattern.len() + k);
    let pattern: Vec<char> = pattern.iter().rev().copied().collect();
    let before: Vec<char> = text[floor..end].iter().rev().copied().collect();
    let row = edit_row(&pattern, &before);
    let length = (0..row.len()).min_by_key(|&j| (row[j], j.abs_diff(pattern.len()))).unwrap_or(0);
    end - length
}

#[cfg(test)]
mod tests {
    use super::*;

    fn chars(s: &str) -> Vec<char> {
        s.chars().collect()
    }

    #[test]
    fn ends_are_found_within_the_error_bound_only() {
        let text = chars("据测算，中国AI芯片市场规模达到1206亿元，同比增长41.9%。");
        let end = text.iter().position(|&c| c == '，').unwrap();
        let end = end + 1 + text[end + 1..].iter().position(|&c| c == '，').unwrap();
        // One error: the text has 到 where the quote has none.
        assert_eq!(candidate_ends(&text, &chars("市场规模达1206亿元"), 2)[0], (end, 1));
        assert!(candidate_ends(&text, &chars("营业收入下降了"), 1).is_empty());
    }

    #[test]
    fn the_start_is_aligned_backwards_from_the_end() {
        let text = chars("估值超过 200 亿元");
        let pattern = chars("估值超过200亿元");
        assert_eq!(start_of(&text, &pattern, text.len(), 3), 0);
    }
}
