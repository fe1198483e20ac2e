//! Dates written with numbers: 2024年12月5日, 2025-02-14, 十二月, a year after "in".

use chrono::{Datelike, Duration, NaiveDate};

use super::{cn_small, int_at, plausible_year, Found};
use crate::extract::text::{ascii_digit, ascii_word_before, starts_with_at};
use crate::extract::words::dates::YEAR_LEAD;

pub fn numeric_date(
    s: &[char],
    i: usize,
    context: Option<u32>,
    published: Option<NaiveDate>,
) -> Option<Found> {
    let (e, n) = int_at(s, i, 4)?;
    let len = e - i;
    if len == 4 && plausible_year(n) {
        if s.get(e) == Some(&'年') {
            let (end, v) = after_year(s, e + 1, n);
            return Some((end, v, Some(n)));
        }
        // 2025-02-14 and 2025/02/14.
        if matches!(s.get(e), Some('-' | '/')) {
            if let Some((e2, m)) = int_at(s, e + 1, 2).filter(|(e2, _)| e2 - e - 1 == 2) {
                if s.get(e2) == Some(&s[e]) {
                    if let Some((e3, d)) = int_at(s, e2 + 1, 2).filter(|(e3, _)| e3 - e2 - 1 == 2) {
                        if (1..=12).contains(&m) && (1..=31).contains(&d) {
                            return Some((e3, format!("{n:04}-{m:02}-{d:02}"), Some(n)));
                        }
                    }
                }
            }
        }
        let lead = ascii_word_before(s, i);
        let next = s.get(e).copied();
        let ends_ok = next.is_none_or(|c| {
            !c.is_alphanumeric() && c != '%' && c != ',' || c == ',' && s.get(e + 1) == Some(&' ')
        });
        if !lead.is_empty() && YEAR_LEAD.contains(&lead.as_str()) && ends_ok && i > 0 && s[i - 1] == ' ' {
            return Some((e, format!("{n:04}"), Some(n)));
        }
        return None;
    }
    if len <= 2 && s.get(e) == Some(&'月') && (1..=12).contains(&n) {
        if i > 0 && matches!(s[i - 1], '个' | '-' | '—' | '–' | '~') {
            return None;
        }
        let (end, v) = month_day(s, e + 1, n, year_of_month(n, context, published));
        return Some((end, v, None));
    }
    None
}

/// After `Y年` at `at`: 2024年12月, 2024年12月5日, 2024年第三季度, 2024年上半年.
pub fn after_year(s: &[char], at: usize, y: u32) -> (usize, String) {
    let month = int_at(s, at, 2).or_else(|| cn_small(s, at));
    if let Some((e, m)) = month {
        if s.get(e) == Some(&'月') && (1..=12).contains(&m) {
            let (end, v) = month_day(s, e + 1, m, Some(y));
            return (end, v);
        }
    }
    if let Some((e, v)) = quarter_or_half_cn(s, at, y) {
        return (e, v);
    }
    (at, format!("{y:04}"))
}

pub fn quarter_or_half_cn(s: &[char], at: usize, y: u32) -> Option<(usize, String)> {
    for (w, v) in [("上半年", "H1"), ("下半年", "H2")] {
        if let Some(e) = starts_with_at(s, at, w) {
            return Some((e, format!("{y:04}-{v}")));
        }
    }
    let ordinal = s.get(at) == Some(&'第');
    let k = if ordinal { at + 1 } else { at };
    let q = s.get(k).and_then(|&c| {
        "一二三四".chars().position(|x| x == c).or(ascii_digit(c).and_then(|d| (d as usize).checked_sub(1)))
    })?;
    // 第四季 (Taiwan) is 第四季度.
    let e =
        starts_with_at(s, k + 1, "季度").or_else(|| starts_with_at(s, k + 1, "季").filter(|_| ordinal))?;
    (q < 4).then(|| (e, format!("{y:04}-Q{}", q + 1)))
}

pub fn month_day(s: &[char], at: usize, m: u32, y: Option<u32>) -> (usize, String) {
    let day = int_at(s, at, 2).or_else(|| cn_small(s, at));
    let ym = match y {
        Some(y) => format!("{y:04}-{m:02}"),
        None => format!("--{m:02}"),
    };
    if let Some((e, d)) = day {
        if matches!(s.get(e), Some('日' | '号')) && (1..=31).contains(&d) {
            return (e + 1, format!("{ym}-{d:02}"));
        }
    }
    (at, ym)
}

pub fn month_day_cn(s: &[char], at: usize, m: u32, y: Option<u32>) -> Found {
    let (e, v) = month_day(s, at, m, y);
    (e, v, None)
}

/// The year of a month (and day) written without one: the sentence's, else the published
/// year, unless that puts it more than three months after publication (截至9月30日 in a
/// February article is last September; 3月3日挂牌 is next month).
pub fn year_of_month(m: u32, context: Option<u32>, published: Option<NaiveDate>) -> Option<u32> {
    if context.is_some() {
        return context;
    }
    let p = published?;
    let first = NaiveDate::from_ymd_opt(p.year(), m, 1)?;
    let year = p.year() as u32;
    Some(if first > p + Duration::days(92) { year - 1 } else { year })
}
