//! Dates relative to the article's (昨日, 上周五, last year), to the dates before them (同年,
//! that year) or to its title (报告期).

use chrono::{Datelike, Duration, NaiveDate};

use super::numeric::after_year;
use super::Found;
use crate::extract::text::starts_with_at;
use Rel::{Day, Month, Week, Year};

/// A weekday (Monday, 周一, 星期五, 上周五): the latest such day on or before `published`,
/// or that day of the previous week after 上周.
pub fn weekday(s: &[char], i: usize, published: Option<NaiveDate>) -> Option<Found> {
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

/// 报告期 (本报告期, 报告期内) in a company's report: the period its title names.
pub fn report_period(s: &[char], i: usize, title: Option<&str>) -> Option<Found> {
    if !matches!(s[i], '报' | '本') {
        return None;
    }
    let e = ["本报告期", "报告期"].iter().find_map(|w| starts_with_at(s, i, w))?;
    Some((e, title?.to_string(), None))
}

/// "that year", 同年: the year of the date written last before.
pub fn same_year(s: &[char], i: usize, last: Option<u32>) -> Option<Found> {
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

/// A date relative to the published one: so many days, weeks, months or years from it.
#[derive(Clone, Copy)]
enum Rel {
    Day(i64),
    Week(i64),
    Month(i32),
    Year(i32),
}
/// Words of relative dates, in both languages.
const RELATIVE_WORDS: [(&str, Rel); 22] = [
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

/// 昨日, 上周, 去年, last year ... against the published date.
pub fn relative(s: &[char], i: usize, published: Option<NaiveDate>) -> Option<Found> {
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
    // Match first; the value is only computed for a hit.
    let (w, e, rel) = RELATIVE_WORDS.iter().find_map(|&(w, r)| {
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
