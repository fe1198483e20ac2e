//! Dates to the precision stated (2024, 2024-12, 2024-12-05, 2024-Q3, 2024-H1, 2025-W06),
//! absolute or relative to the article's published date.

use chrono::{Datelike, NaiveDate};

use std::sync::OnceLock;

mod english;
mod numeric;
mod relative;

use english::{bare_period, english_date, forward_sentence, past_month};
use numeric::{after_year, month_day_cn, numeric_date, year_of_month};
use relative::{relative, report_period, same_year, weekday};

use super::text::{ascii_digit, CharFilter, Span};

/// A date found: its end, its value (ISO 8601 to the precision written), and the year it
/// writes out, which later dates of the sentence take.
type Found = (usize, String, Option<u32>);

/// A date in the text: code points [start, end) and its ISO value.
#[derive(Debug, Clone, PartialEq)]
pub struct DateSpan {
    pub start: usize,
    pub end: usize,
    pub value: String,
}

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
pub fn dates(s: &[char], published: Option<NaiveDate>, sentences: &[Span]) -> Vec<DateSpan> {
    static F: OnceLock<CharFilter> = OnceLock::new();
    let firsts = F.get_or_init(|| CharFilter::new(FIRSTS.chars()));
    let mut out: Vec<DateSpan> = Vec::new();
    let mut sent_i = 0;
    let mut reading = Reading { s, published, context_year: None, last_year: None, title_period: None };
    // The period a report's title names (2024年年度业绩快报), for 报告期.
    let title_end = s.iter().position(|&c| c == '\n').unwrap_or(s.len());
    let mut i = 0;
    while i < s.len() {
        if !firsts.may_hold(s[i]) {
            i += 1;
            continue;
        }
        while sent_i < sentences.len() && sentences[sent_i].end <= i {
            sent_i += 1;
            reading.context_year = None;
        }
        let Some((end, value, year)) = reading.date_at(i) else {
            i += 1;
            continue;
        };
        if let Some(y) = year {
            reading.context_year = Some(y);
        }
        reading.last_year = value.get(..4).and_then(|y| y.parse().ok()).or(reading.last_year);
        if i < title_end && reading.title_period.is_none() {
            reading.title_period = Some(value.clone());
        }
        out.push(DateSpan { start: i, end, value });
        i = end;
    }
    out
}

/// What the dates read so far tell the next one.
struct Reading<'a> {
    s: &'a [char],
    published: Option<NaiveDate>,
    /// The year written last in the sentence.
    context_year: Option<u32>,
    /// The year of the last date found, for "that year".
    last_year: Option<u32>,
    /// The period the title names, for 报告期.
    title_period: Option<String>,
}

impl Reading<'_> {
    /// The date starting at `i`, if any.
    fn date_at(&self, i: usize) -> Option<Found> {
        let (s, published, context_year) = (self.s, self.published, self.context_year);
        let c = s[i];
        if ascii_digit(c).is_some() {
            // A digit inside a number or a name starts no date; no other kind starts with one.
            let prev_alnum = i > 0 && (s[i - 1].is_ascii_alphanumeric() || ascii_digit(s[i - 1]).is_some());
            return if prev_alnum { None } else { numeric_date(s, i, context_year, published) };
        }
        if matches!(c, '〇' | '一' | '二' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
        {
            return self.chinese_numeral_date(i);
        }
        if c.is_ascii_uppercase() && (i == 0 || !s[i - 1].is_ascii_alphabetic()) {
            let year = context_year.or(published.map(|p| p.year() as u32));
            return english_date(s, i, year)
                .map(|f| if forward_sentence(s, i) { f } else { past_month(f, context_year, published) })
                .or_else(|| weekday(s, i, published))
                .or_else(|| bare_period(s, i, context_year, published));
        }
        weekday(s, i, published)
            .or_else(|| relative(s, i, published))
            .or_else(|| same_year(s, i, self.last_year))
            .or_else(|| report_period(s, i, self.title_period.as_deref()))
            .or_else(|| bare_period(s, i, context_year, published))
    }

    /// 二〇二四年, 第三季度, 十二月 in Chinese numerals.
    fn chinese_numeral_date(&self, i: usize) -> Option<Found> {
        let (s, published, context_year) = (self.s, self.published, self.context_year);
        if let Some((e, y)) = cn_year(s, i).filter(|&(e, y)| s.get(e) == Some(&'年') && plausible_year(y)) {
            let (end, v) = after_year(s, e + 1, y);
            return Some((end, v, Some(y)));
        }
        bare_period(s, i, context_year, published).or_else(|| {
            let (e, m) = cn_small(s, i)?;
            let after_digit = i > 0 && "个〇一二三四五六七八九十".contains(s[i - 1]);
            (s.get(e) == Some(&'月') && (1..=12).contains(&m) && !after_digit)
                .then(|| month_day_cn(s, e + 1, m, year_of_month(m, context_year, published)))
        })
    }
}

/// For an article without a published date: months and days written without a year take
/// the year of its latest date of month precision or finer (about when it was written),
/// or the year before when they would fall more than three months after that date.
pub fn fill_years(dates: &mut [DateSpan]) {
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
    fn a_quarter_numbered_zero_is_no_quarter() {
        assert_eq!(run("2025年0季度"), [("2025年".to_string(), "2025".to_string())]);
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
