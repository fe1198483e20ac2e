//! Dates in English (Feb. 14, 2025; Q3 2024; in December) and quarters or halves named
//! without their year (第三季度, the third quarter).

use chrono::{Datelike, NaiveDate};

use super::numeric::quarter_or_half_cn;
use super::{int_at, plausible_year, Found};
use crate::extract::text::{ascii_digit, ascii_word_before, starts_with_at};
use crate::extract::words::dates::{FORWARD_CUES, MONTHS};

pub fn english_date(s: &[char], i: usize, year: Option<u32>) -> Option<Found> {
    // Q3 2024, H1 2024.
    if matches!(s[i], 'Q' | 'H') {
        let n = ascii_digit(*s.get(i + 1)?)?;
        let max = if s[i] == 'Q' { 4 } else { 2 };
        if (1..=max).contains(&n) && s.get(i + 2) == Some(&' ') {
            if let Some((e, y)) = int_at(s, i + 3, 4).filter(|(e, y)| e - i - 3 == 4 && plausible_year(*y)) {
                return Some((e, format!("{y:04}-{}{n}", s[i]), Some(y)));
            }
        }
        return None;
    }
    let (e, m) = MONTHS.iter().find_map(|&(w, m)| starts_with_at(s, i, w).map(|e| (e, m)))?;
    if s.get(e).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // Month Day, Year | Month Day | Month Year | (in) Month
    let bare_month = || {
        let lead = ascii_word_before(s, i);
        let prep = ["in", "since", "from", "until", "by", "through", "of", "end", "early", "late", "mid"];
        (prep.contains(&lead.as_str()) && s[e - 1] != '.')
            .then(|| year.map(|y| (e, format!("{y:04}-{m:02}"), None)))
            .flatten()
    };
    if s.get(e) != Some(&' ') {
        return bare_month();
    }
    let Some((e2, n)) = int_at(s, e + 1, 4) else { return bare_month() };
    if e2 - e - 1 == 4 && plausible_year(n) {
        return Some((e2, format!("{n:04}-{m:02}"), Some(n)));
    }
    if !(1..=31).contains(&n) {
        return None;
    }
    if s.get(e2) == Some(&',') && s.get(e2 + 1) == Some(&' ') {
        if let Some((e3, y)) = int_at(s, e2 + 2, 4).filter(|(e3, y)| e3 - e2 - 2 == 4 && plausible_year(*y)) {
            return Some((e3, format!("{y:04}-{m:02}-{n:02}"), Some(y)));
        }
    }
    let v = match year {
        Some(y) => format!("{y:04}-{m:02}-{n:02}"),
        None => format!("--{m:02}-{n:02}"),
    };
    Some((e2, v, None))
}

/// A month named alone in English (raised 3 billion yuan in December) is the latest such
/// month up to the published one, unless the sentence wrote a year.
pub fn past_month(found: Found, context: Option<u32>, published: Option<NaiveDate>) -> Found {
    let (end, value, year) = found;
    let month = (value.len() == 7).then(|| value[5..].parse::<u32>().ok()).flatten();
    match (month, published, context, year) {
        (Some(m), Some(p), None, None) if m > p.month() => (end, format!("{:04}-{m:02}", p.year() - 1), None),
        _ => (end, value, year),
    }
}

/// A quarter or half whose year is not written beside it: the sentence's year, else the
/// published year, except that a quarter not yet begun when the article appeared is
/// last year's (results for "the fourth quarter" come out in February).
pub fn bare_period(
    s: &[char],
    i: usize,
    context_year: Option<u32>,
    published: Option<NaiveDate>,
) -> Option<Found> {
    if let Some(y) = context_year {
        return period(s, i, y);
    }
    let p = published?;
    let found = period(s, i, p.year() as u32)?;
    let quarter = found.1.split_once("-Q").and_then(|(_, n)| n.parse::<u32>().ok());
    match quarter {
        Some(n) if found.2.is_none() && 3 * (n - 1) + 1 > p.month() && !forward_looking(s, i) => {
            period(s, i, p.year() as u32 - 1)
        }
        _ => Some(found),
    }
}

/// Does the sentence before `at` look ahead (expects, will, 预计, 有望)? Then a quarter not
/// yet begun is this year's.
fn forward_looking(s: &[char], at: usize) -> bool {
    let floor = at.saturating_sub(120);
    let from =
        (floor..at).rev().find(|&k| matches!(s[k], '。' | '！' | '？' | '\n')).map_or(floor, |k| k + 1);
    (from..at).any(|k| FORWARD_CUES.iter().any(|w| starts_with_at(s, k, w).is_some()))
}

/// Does the sentence around `at` look ahead (For the quarter ending in July, it expects;
/// changes that take effect in August would add)? A month named there is not a past one.
pub fn forward_sentence(s: &[char], at: usize) -> bool {
    let ceiling = s.len().min(at + 120);
    let to = (at..ceiling)
        .find(|&k| matches!(s[k], '。' | '！' | '？' | '\n') || s[k] == '.' && s.get(k + 1) == Some(&' '));
    forward_looking(s, to.unwrap_or(ceiling))
}

/// A quarter or half without its year (一季度, 第三季度, 上半年, the third quarter, first half
/// of 2025): the year is the one written there, else `year` (the sentence's or published).
fn period(s: &[char], i: usize, year: u32) -> Option<Found> {
    let c = s[i];
    if matches!(c, '第' | '一' | '二' | '三' | '四' | '上' | '下') {
        // 第一季度 is a quarter; 一季度 after a digit (十一季度) is not, nor 前三季度 (three quarters).
        if i > 0 && "〇一二三四五六七八九十第前".contains(s[i - 1]) {
            return None;
        }
        return quarter_or_half_cn(s, i, year).map(|(e, v)| (e, v, None));
    }
    if !matches!(c, 'f' | 's' | 't' | 'F' | 'S' | 'T') || i > 0 && s[i - 1].is_ascii_alphabetic() {
        return None;
    }
    const ORDINALS: [(&str, u32); 4] = [("first", 1), ("second", 2), ("third", 3), ("fourth", 4)];
    let lower: String = s[i..(i + 7).min(s.len())].iter().collect::<String>().to_lowercase();
    let (w, n) = ORDINALS.iter().find(|(w, _)| lower.starts_with(w))?;
    let at = i + w.len();
    // third quarter, third-quarter profit.
    let (e, kind, max) =
        if let Some(e) = starts_with_at(s, at, " quarter").or(starts_with_at(s, at, "-quarter")) {
            (e, 'Q', 4)
        } else if let Some(e) = starts_with_at(s, at, " half").or(starts_with_at(s, at, "-half")) {
            (e, 'H', 2)
        } else {
            return None;
        };
    if *n > max || s.get(e).is_some_and(|c| c.is_ascii_alphabetic()) {
        return None;
    }
    // "of 2025" or " 2025" names the year.
    let written = starts_with_at(s, e, " of ")
        .or_else(|| (s.get(e) == Some(&' ')).then_some(e + 1))
        .and_then(|k| int_at(s, k, 4).filter(|&(k2, y)| k2 - k == 4 && plausible_year(y)));
    Some(match written {
        Some((k2, y)) => (k2, format!("{y:04}-{kind}{n}"), Some(y)),
        None => (e, format!("{year:04}-{kind}{n}"), None),
    })
}
