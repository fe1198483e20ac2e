//! Dates to the precision stated (2024, 2024-12, 2024-12-05, 2024-Q3, 2024-H1, 2025-W06),
//! absolute or relative to the article's published date.

use chrono::{Datelike, Duration, NaiveDate};

use std::sync::OnceLock;

use super::numeral::ascii_digit;
use super::text::{ascii_word_before, starts_with_at, CharFilter, Span};

#[derive(Debug, Clone, PartialEq)]
pub struct D {
    pub start: usize,
    pub end: usize,
    pub value: String,
}

const MONTHS: &[(&str, u32)] = &[
    ("January", 1),
    ("February", 2),
    ("March", 3),
    ("April", 4),
    ("May", 5),
    ("June", 6),
    ("July", 7),
    ("August", 8),
    ("September", 9),
    ("October", 10),
    ("November", 11),
    ("December", 12),
    ("Sept.", 9),
    ("Jan.", 1),
    ("Feb.", 2),
    ("Mar.", 3),
    ("Apr.", 4),
    ("Jun.", 6),
    ("Jul.", 7),
    ("Aug.", 8),
    ("Sep.", 9),
    ("Oct.", 10),
    ("Nov.", 11),
    ("Dec.", 12),
    ("Jan", 1),
    ("Feb", 2),
    ("Mar", 3),
    ("Apr", 4),
    ("Jun", 6),
    ("Jul", 7),
    ("Aug", 8),
    ("Sep", 9),
    ("Oct", 10),
    ("Nov", 11),
    ("Dec", 12),
];

/// Words after which a bare four-digit number in English is a year.
const YEAR_LEAD: &[&str] = &[
    "in", "by", "since", "of", "for", "from", "until", "to", "through", "end", "early", "late", "mid",
    "fiscal", "year", "and", "or", "the", "before", "after", "during", "its", "their",
];

fn int_at(s: &[char], i: usize, max_len: usize) -> Option<(usize, u32)> {
    let mut k = i;
    let mut v: u32 = 0;
    while k < s.len() && k - i < max_len {
        match ascii_digit(s[k]) {
            Some(d) => v = v * 10 + d,
            None => break,
        }
        k += 1;
    }
    (k > i && ascii_digit(*s.get(k).unwrap_or(&' ')).is_none()).then_some((k, v))
}

fn cn_small(s: &[char], i: usize) -> Option<(usize, u32)> {
    // 一 .. 三十一 for months and days.
    let d = |c: char| "〇一二三四五六七八九".chars().position(|x| x == c).map(|p| p as u32);
    let mut k = i;
    let mut v = 0;
    if let Some(a) = s.get(k).and_then(|&c| d(c)) {
        v = a;
        k += 1;
    }
    if s.get(k) == Some(&'十') {
        v = if k == i { 1 } else { v } * 10;
        k += 1;
        if let Some(b) = s.get(k).and_then(|&c| d(c)) {
            v += b;
            k += 1;
        }
    }
    (k > i && v > 0).then_some((k, v))
}

fn cn_year(s: &[char], i: usize) -> Option<(usize, u32)> {
    let d = |c: char| {
        "〇一二三四五六七八九".chars().position(|x| x == c).or(if c == '零' { Some(0) } else { None })
    };
    let mut v = 0u32;
    for k in 0..4 {
        v = v * 10 + d(*s.get(i + k)?)? as u32;
    }
    Some((i + 4, v))
}

fn plausible_year(y: u32) -> bool {
    (1900..=2100).contains(&y)
}

/// Every char a date can start with: digits, Chinese numerals, capitals, and the first
/// chars of the words read below (第三季度, 上周, 昨日, 同年, 当年, 报告期, first half, last
/// year, that year). A new kind of date adds its first chars here: `dates` skips all other
/// chars with one bit test.
const FIRSTS: &str = "0123456789０１２３４５６７８９〇一二三四五六七八九十第上下周星礼昨今前去明本同当报\
                      ABCDEFGHIJKLMNOPQRSTUVWXYZflnsty";

/// Dates of `s`. Month-day dates without a year take the nearest earlier year written in
/// the same sentence, else the published year.
pub fn dates(s: &[char], published: Option<NaiveDate>, sentences: &[Span]) -> Vec<D> {
    static F: OnceLock<CharFilter> = OnceLock::new();
    let firsts = F.get_or_init(|| CharFilter::new(FIRSTS.chars()));
    let mut out: Vec<D> = Vec::new();
    // (position, year) of explicit years, for the sentence-context rule.
    let mut sent_i = 0;
    let mut context_year: Option<u32> = None;
    // The year of the last date found, for "that year".
    let mut last_year: Option<u32> = None;
    // The period a report's title names (2024年年度业绩快报), for 报告期.
    let title_end = s.iter().position(|&c| c == '\n').unwrap_or(s.len());
    let mut title_period: Option<String> = None;
    let mut i = 0;
    while i < s.len() {
        let c = s[i];
        if !firsts.may_hold(c) {
            i += 1;
            continue;
        }
        while sent_i < sentences.len() && sentences[sent_i].end <= i {
            sent_i += 1;
            context_year = None;
        }
        let prev_alnum = i > 0 && (s[i - 1].is_ascii_alphanumeric() || ascii_digit(s[i - 1]).is_some());
        let year_for = |ctx: Option<u32>| ctx.or(published.map(|p| p.year() as u32));
        let mut found: Option<(usize, String, Option<u32>)> = None;
        if ascii_digit(c).is_some() {
            // A digit inside a number or a name starts no date; no other kind starts with one.
            if !prev_alnum {
                found = numeric_date(s, i, context_year, published);
            }
        } else if matches!(c, '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
        {
            if let Some((e, y)) = cn_year(s, i) {
                if s.get(e) == Some(&'年') && plausible_year(y) {
                    let (end, v) = after_year(s, e + 1, y);
                    found = Some((end, v, Some(y)));
                }
            }
            if found.is_none() {
                found = bare_period(s, i, context_year, published);
            }
            if found.is_none() {
                if let Some((e, m)) = cn_small(s, i) {
                    let after_digit = i > 0 && "个〇一二三四五六七八九十".contains(s[i - 1]);
                    if s.get(e) == Some(&'月') && (1..=12).contains(&m) && !after_digit {
                        found = Some(month_day_cn(s, e + 1, m, year_of_month(m, context_year, published)));
                    }
                }
            }
        } else if c.is_ascii_uppercase() && (i == 0 || !s[i - 1].is_ascii_alphabetic()) {
            found = english_date(s, i, year_for(context_year))
                .map(|f| if forward_sentence(s, i) { f } else { past_month(f, context_year, published) })
                .or_else(|| weekday(s, i, published))
                .or_else(|| bare_period(s, i, context_year, published));
        } else {
            found = weekday(s, i, published)
                .or_else(|| relative(s, i, published))
                .or_else(|| same_year(s, i, last_year))
                .or_else(|| report_period(s, i, title_period.as_deref()))
                .or_else(|| bare_period(s, i, context_year, published));
        }
        if let Some((end, value, year)) = found {
            if let Some(y) = year {
                context_year = Some(y);
            }
            last_year = value.get(..4).and_then(|y| y.parse().ok()).or(last_year);
            if i < title_end && title_period.is_none() {
                title_period = Some(value.clone());
            }
            out.push(D { start: i, end, value });
            i = end;
            continue;
        }
        i += 1;
    }
    out
}

/// After `Y年` at `at`: 2024年12月, 2024年12月5日, 2024年第三季度, 2024年上半年.
fn after_year(s: &[char], at: usize, y: u32) -> (usize, String) {
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

fn quarter_or_half_cn(s: &[char], at: usize, y: u32) -> Option<(usize, String)> {
    for (w, v) in [("上半年", "H1"), ("下半年", "H2")] {
        if let Some(e) = starts_with_at(s, at, w) {
            return Some((e, format!("{y:04}-{v}")));
        }
    }
    let ordinal = s.get(at) == Some(&'第');
    let k = if ordinal { at + 1 } else { at };
    let q = s
        .get(k)
        .and_then(|&c| "一二三四".chars().position(|x| x == c).or(ascii_digit(c).map(|d| d as usize - 1)))?;
    // 第四季 (Taiwan) is 第四季度.
    let e =
        starts_with_at(s, k + 1, "季度").or_else(|| starts_with_at(s, k + 1, "季").filter(|_| ordinal))?;
    (q < 4).then(|| (e, format!("{y:04}-Q{}", q + 1)))
}

/// A month named alone in English (raised 3 billion yuan in December) is the latest such
/// month up to the published one, unless the sentence wrote a year.
fn past_month(
    found: (usize, String, Option<u32>),
    context: Option<u32>,
    published: Option<NaiveDate>,
) -> (usize, String, Option<u32>) {
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
fn bare_period(
    s: &[char],
    i: usize,
    context_year: Option<u32>,
    published: Option<NaiveDate>,
) -> Option<(usize, String, Option<u32>)> {
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
    const CUES: &[&str] = &[
        "expect", "will ", "could ", "would ", "forecast", "plans ", "aims ", "target", "预计", "将", "有望",
        "计划", "预期", "目标",
    ];
    let floor = at.saturating_sub(120);
    let from =
        (floor..at).rev().find(|&k| matches!(s[k], '。' | '！' | '？' | '\n')).map_or(floor, |k| k + 1);
    (from..at).any(|k| CUES.iter().any(|w| starts_with_at(s, k, w).is_some()))
}

/// Does the sentence around `at` look ahead (For the quarter ending in July, it expects;
/// changes that take effect in August would add)? A month named there is not a past one.
fn forward_sentence(s: &[char], at: usize) -> bool {
    let ceiling = s.len().min(at + 120);
    let to = (at..ceiling)
        .find(|&k| matches!(s[k], '。' | '！' | '？' | '\n') || s[k] == '.' && s.get(k + 1) == Some(&' '));
    forward_looking(s, to.unwrap_or(ceiling))
}

/// A quarter or half without its year (一季度, 第三季度, 上半年, the third quarter, first half
/// of 2025): the year is the one written there, else `year` (the sentence's or published).
fn period(s: &[char], i: usize, year: u32) -> Option<(usize, String, Option<u32>)> {
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

/// A weekday (Monday, 周一, 星期五, 上周五): the latest such day on or before `published`,
/// or that day of the previous week after 上周.
fn weekday(s: &[char], i: usize, published: Option<NaiveDate>) -> Option<(usize, String, Option<u32>)> {
    const EN: [&str; 7] = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
    if !matches!(s[i], '上' | '周' | '星' | '礼' | 'M' | 'T' | 'W' | 'F' | 'S') {
        return None;
    }
    let p = published?;
    let (e, day, weeks_back) = if s[i].is_ascii_uppercase() {
        let (k, e) = EN.iter().enumerate().find_map(|(k, w)| starts_with_at(s, i, w).map(|e| (k, e)))?;
        if s.get(e).is_some_and(|c| c.is_ascii_alphabetic()) {
            return None;
        }
        (e, k as i64, false)
    } else {
        let (k, last) = [("上周", true), ("上星期", true), ("周", false), ("星期", false), ("礼拜", false)]
            .iter()
            .find_map(|&(w, last)| starts_with_at(s, i, w).map(|k| (k, last)))?;
        let d = "一二三四五六日天".chars().position(|x| Some(&x) == s.get(k))?.min(6);
        // 每周三 is every Wednesday; 周一年 is not a weekday.
        if s.get(k + 1) == Some(&'年') || i > 0 && s[i - 1] == '每' {
            return None;
        }
        (k + 1, d as i64, last)
    };
    let today = p.weekday().num_days_from_monday() as i64;
    let date = if weeks_back {
        p - Duration::days(today + 7 - day)
    } else {
        p - Duration::days((today - day).rem_euclid(7))
    };
    Some((e, date.format("%Y-%m-%d").to_string(), None))
}

fn month_day(s: &[char], at: usize, m: u32, y: Option<u32>) -> (usize, String) {
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

fn month_day_cn(s: &[char], at: usize, m: u32, y: Option<u32>) -> (usize, String, Option<u32>) {
    let (e, v) = month_day(s, at, m, y);
    (e, v, None)
}

fn numeric_date(
    s: &[char],
    i: usize,
    context: Option<u32>,
    published: Option<NaiveDate>,
) -> Option<(usize, String, Option<u32>)> {
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

/// The year of a month (and day) written without one: the sentence's, else the published
/// year, unless that puts it more than three months after publication (截至9月30日 in a
/// February article is last September; 3月3日挂牌 is next month).
fn year_of_month(m: u32, context: Option<u32>, published: Option<NaiveDate>) -> Option<u32> {
    if context.is_some() {
        return context;
    }
    let p = published?;
    let first = NaiveDate::from_ymd_opt(p.year(), m, 1)?;
    let year = p.year() as u32;
    Some(if first > p + Duration::days(92) { year - 1 } else { year })
}

fn english_date(s: &[char], i: usize, year: Option<u32>) -> Option<(usize, String, Option<u32>)> {
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

/// 报告期 (本报告期, 报告期内) in a company's report: the period its title names.
fn report_period(s: &[char], i: usize, title: Option<&str>) -> Option<(usize, String, Option<u32>)> {
    if !matches!(s[i], '报' | '本') {
        return None;
    }
    let e = ["本报告期", "报告期"].iter().find_map(|w| starts_with_at(s, i, w))?;
    Some((e, title?.to_string(), None))
}

/// "that year", 同年: the year of the date written last before.
fn same_year(s: &[char], i: usize, last: Option<u32>) -> Option<(usize, String, Option<u32>)> {
    if !matches!(s[i], 't' | '同' | '当') || i > 0 && s[i - 1].is_ascii_alphabetic() {
        return None;
    }
    let e = ["that year", "the same year", "同年", "当年"].iter().find_map(|w| starts_with_at(s, i, w))?;
    if s.get(e).is_some_and(|c| c.is_ascii_alphabetic() || *c == '度') {
        return None;
    }
    let y = last?;
    Some((e, format!("{y:04}"), None))
}

/// 昨日, 上周, 去年, last year ... against the published date.
fn relative(s: &[char], i: usize, published: Option<NaiveDate>) -> Option<(usize, String, Option<u32>)> {
    let p = published?;
    let c = s[i];
    if !matches!(c, '昨' | '今' | '前' | '去' | '明' | '上' | '本' | 'y' | 't' | 'l' | 'n') {
        return None;
    }
    if c.is_ascii_lowercase() && i > 0 && s[i - 1].is_ascii_alphabetic() {
        return None;
    }
    // 时至今日 and 如今 are idioms, not dates (截至上月末 is one).
    if c == '今' && i > 0 && matches!(s[i - 1], '至' | '如') {
        return None;
    }
    #[derive(Clone, Copy)]
    enum Rel {
        Day(i64),
        Week(i64),
        Month(i32),
        Year(i32),
    }
    use Rel::{Day, Month, Week, Year};
    const TABLE: [(&str, Rel); 22] = [
        ("昨日", Day(-1)),
        ("昨天", Day(-1)),
        ("前天", Day(-2)),
        ("今日", Day(0)),
        ("今天", Day(0)),
        ("上周", Week(-1)),
        ("本周", Week(0)),
        ("上个月", Month(-1)),
        ("上月", Month(-1)),
        ("本月", Month(0)),
        ("去年", Year(-1)),
        ("今年", Year(0)),
        ("明年", Year(1)),
        ("yesterday", Day(-1)),
        ("today", Day(0)),
        ("last week", Week(-1)),
        ("this week", Week(0)),
        ("last month", Month(-1)),
        ("this month", Month(0)),
        ("last year", Year(-1)),
        ("this year", Year(0)),
        ("next year", Year(1)),
    ];
    // Match first; the value is only computed for a hit.
    let (w, e, rel) = TABLE.iter().find_map(|&(w, r)| {
        let e = starts_with_at(s, i, w)?;
        let glued = w.is_ascii() && s.get(e).is_some_and(|c| c.is_ascii_alphabetic());
        (!glued).then_some((w, e, r))
    })?;
    let (value, year) = match rel {
        Day(d) => ((p + Duration::days(d)).format("%Y-%m-%d").to_string(), None),
        Week(k) => {
            let wk = (p + Duration::days(7 * k)).iso_week();
            (format!("{}-W{:02}", wk.year(), wk.week()), None)
        }
        Month(0) => (p.format("%Y-%m").to_string(), None),
        Month(_) => {
            let prev = p.with_day(1).and_then(|d| d.pred_opt()).unwrap_or(p);
            (prev.format("%Y-%m").to_string(), None)
        }
        Year(k) => {
            let y = p.year() + k;
            (format!("{y:04}"), Some(y as u32))
        }
    };
    // 今年上半年, 去年第三季度, 去年11月
    if let (Some(yv), false) = (year, w.is_ascii()) {
        let (e2, v2) = after_year(s, e, yv);
        if e2 > e {
            return Some((e2, v2, year));
        }
    }
    Some((e, value, year))
}

/// For an article without a published date: months and days written without a year take
/// the year of its latest date of month precision or finer (about when it was written),
/// or the year before when they would fall more than three months after that date.
pub fn fill_years(dates: &mut [D]) {
    let month_of = |v: &str| -> Option<(u32, u32)> {
        let b = v.as_bytes();
        let digits =
            |r: std::ops::Range<usize>| b.get(r.clone())?.iter().all(u8::is_ascii_digit).then_some(&v[r]);
        (b.get(4) == Some(&b'-')).then_some(())?;
        Some((digits(0..4)?.parse().ok()?, digits(5..7)?.parse().ok()?))
    };
    let Some((year, month)) = dates.iter().filter_map(|d| month_of(&d.value)).max() else { return };
    for d in dates.iter_mut() {
        let Some(m) = d.value.strip_prefix("--").and_then(|v| v.get(..2)?.parse::<u32>().ok()) else {
            continue;
        };
        let y = if m > month + 3 { year - 1 } else { year };
        d.value = format!("{y}{}", &d.value[1..]);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text::{sentence_ends, sentences};

    #[test]
    fn years_by_reference_and_taiwan_quarters() {
        let got = run("Results for 2022 were strong. It earned a record that year.");
        assert_eq!(got, [("2022".to_string(), "2022".to_string()), ("that year".into(), "2022".into())]);
        // 同 and 当 pass the filter of first chars.
        let got = run("2022年营收增长，同年上市，当年盈利。");
        let values: Vec<&str> = got.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ["2022", "2022", "2022"]);
        let got = run("星辰智能2024年年度业绩快报\n报告期内，公司营收增长。");
        assert_eq!(got[1], ("报告期".to_string(), "2024".to_string()));
        assert_eq!(run("第四季營收"), [("第四季".to_string(), "2024-Q4".to_string())]);
        // Published in February: July is last year's, unless the sentence looks ahead.
        assert_eq!(run("Sales rose in July.")[0].1, "2024-07");
        assert_eq!(run("For the quarter ending in July, it expects growth.")[0].1, "2025-07");
    }

    fn run(t: &str) -> Vec<(String, String)> {
        let s: Vec<char> = t.chars().collect();
        let p = NaiveDate::from_ymd_opt(2025, 2, 14);
        dates(&s, p, &sentences(&s, &sentence_ends(&s)))
            .into_iter()
            .map(|d| (s[d.start..d.end].iter().collect(), d.value))
            .collect()
    }

    #[test]
    fn chinese_dates() {
        let got = run("2025年1月27日发布，2024年12月完成。截至2月14日，2029年达到，2023年7月创立。");
        let want = [
            ("2025年1月27日", "2025-01-27"),
            ("2024年12月", "2024-12"),
            ("2月14日", "2025-02-14"),
            ("2029年", "2029"),
            ("2023年7月", "2023-07"),
        ];
        assert_eq!(got, want.map(|(a, b)| (a.to_string(), b.to_string())));
    }

    #[test]
    fn months_take_the_year_of_their_sentence() {
        let got = run("2024年里，智谱分别在6月、12月完成融资。自4月1日起免费。");
        assert_eq!(got[1].1, "2024-06");
        assert_eq!(got[2].1, "2024-12");
        assert_eq!(got[3].1, "2025-04-01");
    }

    #[test]
    fn english_and_relative_dates() {
        let got = run("On Feb. 14, 2025 it said Q3 2024 sales beat last year. 昨日上周2024年上半年 in 2023.");
        let values: Vec<&str> = got.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ["2025-02-14", "2024-Q3", "2024", "2025-02-13", "2025-W06", "2024-H1", "2023"]);
    }

    #[test]
    fn quarters_halves_and_weekdays() {
        // Published on Friday 2025-02-14.
        let got = run("一季度营收增长，第三季度亏损，上半年持平。周一上涨，上周五下跌，每周三例会。");
        let values: Vec<&str> = got.iter().map(|(_, v)| v.as_str()).collect();
        // The third quarter has not begun in February: last year's.
        assert_eq!(values, ["2025-Q1", "2024-Q3", "2025-H1", "2025-02-10", "2025-02-07"]);
        let got =
            run("Revenue in the third quarter rose; the first half of 2024 was weak. Shares fell on Monday.");
        let values: Vec<&str> = got.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ["2024-Q3", "2024-H1", "2025-02-10"]);
        let got = run("截至上月末，余额增长；时至今日仍在涨。2025年第三季度预计回升。");
        let values: Vec<&str> = got.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ["2025-01", "2025-Q3"]);
    }

    #[test]
    fn years_of_periods_and_days_written_without_one() {
        // Published on 2025-02-14.
        let got = run("Third-quarter profit rose. It expects a profit in the third quarter.");
        let values: Vec<&str> = got.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ["2024-Q3", "2025-Q3"]);
        let got = run("2024年前三季度营收增长。截至9月30日，门店过万。预计于3月3日挂牌。");
        let values: Vec<&str> = got.iter().map(|(_, v)| v.as_str()).collect();
        assert_eq!(values, ["2024", "2024-09-30", "2025-03-03"]);
    }

    #[test]
    fn english_months_alone_after_a_preposition() {
        let got = run("Users hit 61.8 million in January. May rose. The deal closed in May 2024.");
        assert_eq!(got[0], ("January".to_string(), "2025-01".to_string()));
        assert_eq!(got[1], ("May 2024".to_string(), "2024-05".to_string()));
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn an_undated_article_gives_its_years_to_months_and_days() {
        let t: Vec<char> =
            "2024年12月发布，2025年1月27日上线。截至2月14日，4月1日起免费；11月的旧闻。".chars().collect();
        let mut ds = dates(&t, None, &sentences(&t, &sentence_ends(&t)));
        fill_years(&mut ds);
        let values: Vec<&str> = ds.iter().map(|d| d.value.as_str()).collect();
        assert_eq!(values, ["2024-12", "2025-01-27", "2025-02-14", "2025-04-01", "2024-11"]);
        let mut none = dates(&"3月5日和6月".chars().collect::<Vec<_>>(), None, &[]);
        fill_years(&mut none);
        assert!(none.iter().all(|d| d.value.starts_with("--")), "{none:?}");
    }
}
