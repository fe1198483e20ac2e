//! Quantities: numerals given a kind (money, percent, count, multiple), a unit, a
//! qualifier from the hedges around them, and merged into ranges (10亿美元到1500亿美元).

mod currency;
mod hedges;
mod ranges;
mod spelled;
mod tables;
mod units;

pub use currency::{currency_names, CurrencyName};

use super::kinds::{Qualifier, QuantityKind};
use super::lexicon::{Group, Hits, Lexicon};
use super::numerals::{self, Num, NumKind};
use super::text::{self, Span};
use super::words::facts::USER_WORDS;
use super::words::quantities::NUMBER_HAN;
use currency::{currency_at, currency_before, yuan_code};
use hedges::hedged;
use tables::{listed_unit, percent_column, table_unit, unit_note, Line};
use units::{classify, round_step};

/// A quantity before serialisation; `unit` is an ISO code, `%`, `x` or a counted word.
#[derive(Debug, Clone, PartialEq)]
pub struct QuantitySpan {
    pub kind: QuantityKind,
    pub start: usize,
    pub end: usize,
    /// Where the numeral itself starts (after any hedge word).
    pub num_start: usize,
    pub low: f64,
    pub high: f64,
    pub unit: &'static str,
    pub qualifier: Qualifier,
    /// Whether each end of a range is included, when the text says (大于10小于等于20).
    pub closed: Option<(bool, bool)>,
}

/// What a numeral is an amount of, by the words around it: (kind, unit, end of the
/// quantity, low, high, whether it is vague).
type Classified = (QuantityKind, &'static str, usize, f64, f64, bool);

/// Quantities of `s`, in text order. `skip` holds spans (dates, entity names) whose
/// numerals are not quantities; `sentences` are the text's, for the user words before a
/// bare magnitude (日活1.19亿).
pub fn quantities(
    s: &[char],
    nums: &[Num],
    skip: &[Span],
    hits: &Hits,
    sentences: &[Span],
) -> Vec<QuantitySpan> {
    let users_at = |at: usize| {
        let k = sentences.partition_point(|sp| sp.end <= at);
        let sent = sentences.get(k).copied().unwrap_or(Span { start: 0, end: 0 });
        let from = sent.start.max(at.saturating_sub(40));
        // The first listed of the user words there.
        hits.within(Group::Users, from, at).map(|(_, k)| k).min().map(|k| USER_WORDS[k].1)
    };
    read(s, nums, skip, hits, &users_at, Reading::Units)
}

/// How numerals are read: as amounts of what their units say, or as bare numbers whose
/// bounds alone matter (`number_bounds`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Units,
    Bare,
}

/// What every numeral of a text is read against.
struct Context<'a> {
    s: &'a [char],
    nums: &'a [Num],
    users_at: &'a dyn Fn(usize) -> Option<&'static str>,
    reading: Reading,
    /// The occurrences of "://" and "www." (numbers in web addresses are no amounts).
    urls: Vec<(usize, usize, usize)>,
    /// The currency of a bare 元.
    yuan: &'static str,
    /// Whether some table column is headed (%): few texts hold one; most never look.
    percent_headers: bool,
}

fn read(
    s: &[char],
    nums: &[Num],
    skip: &[Span],
    hits: &Hits,
    users_at: &dyn Fn(usize) -> Option<&'static str>,
    reading: Reading,
) -> Vec<QuantitySpan> {
    let cx = Context {
        s,
        nums,
        users_at,
        reading,
        urls: hits.in_order(Group::Url),
        yuan: yuan_code(s, hits),
        percent_headers: hits.find_any(Group::PercentHeader, 0, s.len()).is_some(),
    };
    let mut out: Vec<QuantitySpan> = Vec::new();
    let mut skip_i = 0;
    // The line of the numeral, for table notes and columns; found once per line.
    let mut line = Line { start: 0, end: 0, prose: false };
    for (ni, n) in nums.iter().enumerate() {
        while skip_i < skip.len() && skip[skip_i].end <= n.start {
            skip_i += 1;
        }
        let Some(n) = outside_names(s, skip.get(skip_i), n) else { continue };
        // 两美元又三美分: the sub-unit's numeral is already part of the amount.
        let inside = out.last().is_some_and(|q| n.start < q.end);
        if inside || !cx.may_be_amount(&n) {
            continue;
        }
        if !(line.start..line.end).contains(&n.start) {
            line = Line::at(s, n.start);
        }
        if let Some(q) = cx.quantity(ni, &n, &line) {
            out.push(q);
        }
    }
    if reading == Reading::Units {
        out.extend(spelled::word_multiples(s, hits).into_iter().map(|q| hedged(s, q, false)));
        spelled::word_percents(s, hits, &mut out);
    }
    out.sort_by_key(|q| q.start);
    // Numerals of dates and names cannot open a range either (2024 to 1.4 million units).
    let free: Vec<Num> = nums
        .iter()
        .filter(|n| {
            let k = skip.partition_point(|sp| sp.end <= n.start);
            skip.get(k).is_none_or(|sp| sp.start >= n.end)
        })
        .copied()
        .collect();
    let mut out = ranges::merge_ranges(s, &free, out, reading);
    minus_after_words(s, &mut out);
    out
}

/// 净利润-3,280,255.69元: a minus glued to the word before it is a sign. The numeral reader
/// takes a hyphen after a letter for part of a name (GPT-4, A-1); after a Han word that is
/// no number (3亿-5亿元 is a range) and ends no amount, it is the amount's sign.
fn minus_after_words(s: &[char], out: &mut [QuantitySpan]) {
    let mut prev_end = 0;
    for q in out.iter_mut() {
        let at = q.num_start;
        let glued = at >= 2
            && matches!(s[at - 1], '-' | '－' | '−')
            && text::is_cjk(s[at - 2])
            && prev_end < at - 1
            && !s[at.saturating_sub(5)..at - 1].iter().any(|&c| c.is_ascii_digit() || NUMBER_HAN.contains(c));
        prev_end = q.end;
        if !glued || q.low < 0.0 {
            continue;
        }
        (q.low, q.high) = (-q.high, -q.low);
        q.num_start = at - 1;
        q.start = q.start.min(at - 1);
    }
}

/// `n` unless the span `skip` (a date or a name) holds it; a numeral that began inside a
/// name starts again after it (新华三三家).
fn outside_names(s: &[char], skip: Option<&Span>, n: &Num) -> Option<Num> {
    match skip.filter(|sp| sp.start < n.end) {
        Some(sp) if n.end > sp.end && n.start < sp.end => numerals::numeral_at(s, sp.end),
        Some(_) => None,
        None => Some(*n),
    }
}

impl Context<'_> {
    /// Not an ordinal (第三, #3), not in a web address, not a table's unit (营业收入（百万元）).
    fn may_be_amount(&self, n: &Num) -> bool {
        let s = self.s;
        if n.start > 0 && matches!(s[n.start - 1], '第' | '#') || in_url(s, &self.urls, n.start) {
            return false;
        }
        let opens_note = n.start > 0 && matches!(s[n.start - 1], '(' | '（' | '：' | ':');
        !(opens_note && !n.arabic && unit_note(s, n.start).is_some())
    }

    /// The quantity the numeral `n` (the `ni`-th of the text, on `line`) belongs to.
    fn quantity(&self, ni: usize, n: &Num, line: &Line) -> Option<QuantitySpan> {
        let s = self.s;
        let prefix = currency_before(s, n.start).filter(|_| self.reading == Reading::Units);
        let classified = match self.reading {
            Reading::Units => self.units(ni, n, line, prefix),
            Reading::Bare => Some(bare(s, n)),
        };
        let (mut kind, mut unit, mut end, low, high, vague) = classified?;
        // Bare 元 is the yuan of the text's own country (新台幣 in a Taiwan paper).
        if kind == QuantityKind::Money && unit == "CNY" && s[end - 1] == '元' {
            unit = self.yuan;
        }
        let mut start = n.start;
        if let Some((b, code, _)) = prefix {
            if kind != QuantityKind::Percent {
                start = b;
                kind = QuantityKind::Money;
                unit = code;
                // "$3 billion yuan" is not written; a trailing code repeats the currency.
                if let Some((e, _)) = currency_at(s, end) {
                    end = e;
                }
            }
        }
        let q = QuantitySpan {
            kind,
            start,
            end,
            num_start: start,
            low,
            high,
            unit,
            qualifier: Qualifier::Exact,
            closed: None,
        };
        Some(hedged(s, q, vague))
    }

    /// What `n` is an amount of: its own unit, a currency before it, the unit of the list,
    /// the table column or the table it stands in.
    fn units(
        &self,
        ni: usize,
        n: &Num,
        line: &Line,
        prefix: Option<(usize, &'static str, f64)>,
    ) -> Option<Classified> {
        let s = self.s;
        classify(s, n, (self.users_at)(n.start))
            .or_else(|| {
                prefix
                    .map(|(_, code, f)| (QuantityKind::Money, code, n.end, n.low * f, n.high * f, n.vague()))
            })
            .or_else(|| {
                let (kind, unit, scale) = listed_unit(s, &self.nums[ni + 1..], n)?;
                Some((kind, unit, n.end, n.low * scale, n.high * scale, n.vague()))
            })
            .or_else(|| {
                (self.percent_headers && percent_column(s, line, n.start))
                    .then(|| (QuantityKind::Percent, "%", n.end, n.low, n.high, n.vague()))
            })
            .or_else(|| {
                let (code, f) = table_unit(s, line, n.start)?;
                Some((QuantityKind::Money, code, n.end, n.low * f, n.high * f, n.vague()))
            })
            // 每10股派现: the base of a dividend, not a count.
            .filter(|c| {
                let per = n.start > 0 && s[n.start - 1] == '每';
                !(c.0 == QuantityKind::Count && per && s.get(c.2).is_some_and(|&x| "派送转".contains(x)))
            })
    }
}

/// A bare number: 五百多 is more than five hundred.
fn bare(s: &[char], n: &Num) -> Classified {
    match s.get(n.end) {
        Some('多' | '余') if !n.vague() && n.kind == NumKind::Plain => {
            (QuantityKind::Count, "", n.end + 1, n.low, n.low + round_step(n.low), true)
        }
        _ => (QuantityKind::Count, "", n.end, n.low, n.high, n.vague()),
    }
}

/// Inside a web address (https://…?q=30%25): numbers there are not amounts. The word
/// (up to 300 chars without whitespace) before `at` holds one of `marks`, the occurrences
/// of "://" and "www." (start, end, word).
fn in_url(s: &[char], marks: &[(usize, usize, usize)], at: usize) -> bool {
    // Marks ending by `at`, latest last (their ends grow with their starts); if the word
    // holds any, it holds the latest.
    let k = marks.partition_point(|&(_, e, _)| e <= at);
    k.checked_sub(1).is_some_and(|k| {
        let p = marks[k].0;
        p + 300 >= at && !s[p..at].iter().any(|c| c.is_whitespace())
    })
}

/// Numbers with the bounds the text puts on them, whatever they count: "more than 40",
/// "between 20 and 30", 大于10小于20, 20到100之间, 五百以上. Each comes with its qualifier
/// (gt, lte, range, vague ...) and, for a range, whether the text includes each end.
pub fn number_bounds(s: &[char]) -> Vec<Bound> {
    let nums = numerals::scan(s);
    // The words `read` looks for (web addresses, currency names) come from the automaton.
    let text: String = s.iter().collect();
    let hits = Lexicon::without_aliases().scan(&text);
    read(s, &nums, &[], &hits, &|_| None, Reading::Bare)
        .into_iter()
        .filter(|q| !matches!(q.qualifier, Qualifier::Exact | Qualifier::Approx))
        .map(|q| Bound {
            start: q.start,
            end: q.end,
            low: q.low,
            high: q.high,
            qualifier: q.qualifier,
            closed: q.closed,
        })
        .collect()
}

/// A bounded number found by `number_bounds`.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Bound {
    pub start: usize,
    pub end: usize,
    pub low: f64,
    pub high: f64,
    pub qualifier: Qualifier,
    /// For a range, whether each end is included when the text says (大于等于10小于20).
    pub closed: Option<(bool, bool)>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::numerals;

    /// (text, kind, low, high, unit, qualifier) of every quantity in `t`.
    fn run(t: &str) -> Vec<(String, QuantityKind, f64, f64, &'static str, Qualifier)> {
        let s: Vec<char> = t.chars().collect();
        let nums = numerals::scan(&s);
        read(&s, &nums, &[], &Lexicon::without_aliases().scan(t), &|_| None, Reading::Units)
            .into_iter()
            .map(|q| (s[q.start..q.end].iter().collect(), q.kind, q.low, q.high, q.unit, q.qualifier))
            .collect()
    }

    fn one(t: &str) -> (String, QuantityKind, f64, f64, &'static str, Qualifier) {
        let got = run(t);
        assert_eq!(got.len(), 1, "{t}: {got:?}");
        got.into_iter().next().unwrap()
    }

    fn close(a: f64, b: f64) -> bool {
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
    }

    #[test]
    fn money_in_both_languages() {
        use QuantityKind::Money;
        for (t, text, low, high, unit, q) in [
            ("融资30亿元人民币。", "30亿元人民币", 3e9, 3e9, "CNY", Qualifier::Exact),
            ("估值超过200亿元。", "超过200亿元", 2e10, 2e10, "CNY", Qualifier::Gt),
            ("募资约109.2亿港元。", "约109.2亿港元", 1.092e10, 1.092e10, "HKD", Qualifier::Approx),
            ("售价5万日元。", "5万日元", 5e4, 5e4, "JPY", Qualifier::Exact),
            ("营收2千零30万欧元。", "2千零30万欧元", 2.03e7, 2.03e7, "EUR", Qualifier::Exact),
            ("投资一千二百零六亿元", "一千二百零六亿元", 1.206e11, 1.206e11, "CNY", Qualifier::Exact),
            ("it raised $1.5bn.", "$1.5bn", 1.5e9, 1.5e9, "USD", Qualifier::Exact),
            ("worth US$300 million.", "US$300 million", 3e8, 3e8, "USD", Qualifier::Exact),
            ("about HK$1.2 trillion.", "about HK$1.2 trillion", 1.2e12, 1.2e12, "HKD", Qualifier::Approx),
            ("sold for £40m.", "£40m", 4e7, 4e7, "GBP", Qualifier::Exact),
            ("costs ¥３００。", "¥３００", 300.0, 300.0, "CNY", Qualifier::Exact),
            ("从10亿美元到1500亿美元不等", "10亿美元到1500亿美元", 1e9, 1.5e11, "USD", Qualifier::Range),
            ("投入4350万元~5000万元。", "4350万元~5000万元", 4.35e7, 5e7, "CNY", Qualifier::Range),
            ("年薪三十几万元。", "三十几万元", 3e5, 4e5, "CNY", Qualifier::Vague),
            ("奖励二百余万元。", "二百余万元", 2e6, 3e6, "CNY", Qualifier::Vague),
            ("罚款一千多万元。", "一千多万元", 1e7, 2e7, "CNY", Qualifier::Vague),
            ("完成数亿美元融资。", "数亿美元", 1e8, 1e9, "USD", Qualifier::Vague),
            ("at least $600 million.", "at least $600 million", 6e8, 6e8, "USD", Qualifier::Gte),
            ("不超过5亿元。", "不超过5亿元", 5e8, 5e8, "CNY", Qualifier::Lte),
            ("raised Rs 690 crore.", "Rs 690 crore", 6.9e9, 6.9e9, "INR", Qualifier::Exact),
            ("raised over Rs 10,000 crore.", "over Rs 10,000 crore", 1e11, 1e11, "INR", Qualifier::Gt),
            ("profit of Rs crore 298 in", "Rs crore 298", 2.98e9, 2.98e9, "INR", Qualifier::Exact),
            ("profit of ₹2.36 billion.", "₹2.36 billion", 2.36e9, 2.36e9, "INR", Qualifier::Exact),
            (
                "sales of INR 4,851.09 Cr in",
                "INR 4,851.09 Cr",
                4.85109e10,
                4.85109e10,
                "INR",
                Qualifier::Exact,
            ),
            ("it raised $203.4million.", "$203.4million", 2.034e8, 2.034e8, "USD", Qualifier::Exact),
            ("a $2.0B deal", "$2.0B", 2e9, 2e9, "USD", Qualifier::Exact),
            ("at $200-250 million.", "$200-250 million", 2e8, 2.5e8, "USD", Qualifier::Range),
        ] {
            let got = one(t);
            assert_eq!((got.0.as_str(), got.1, got.4, got.5), (text, Money, unit, q), "{t}");
            assert!(close(got.2, low) && close(got.3, high), "{t}: {got:?}");
        }
    }

    #[test]
    fn percents_counts_and_multiples() {
        use QuantityKind::{Count, Multiple, Percent};
        for (t, text, kind, low, high, unit, q) in [
            ("增长41.9%。", "41.9%", Percent, 41.9, 41.9, "%", Qualifier::Exact),
            ("占百分之三十。", "百分之三十", Percent, 30.0, 30.0, "%", Qualifier::Exact),
            ("约九成用户", "约九成", Percent, 90.0, 90.0, "%", Qualifier::Approx),
            ("占三成半。", "三成半", Percent, 35.0, 35.0, "%", Qualifier::Exact),
            ("不良率千分之2.4。", "千分之2.4", Percent, 0.24, 0.24, "%", Qualifier::Exact),
            ("涨幅5-20%。", "5-20%", Percent, 5.0, 20.0, "%", Qualifier::Range),
            ("六成上下。", "六成上下", Percent, 60.0, 60.0, "%", Qualifier::Approx),
            (
                "rose 3.5 percentage points.",
                "3.5 percentage points",
                Percent,
                3.5,
                3.5,
                "%",
                Qualifier::Exact,
            ),
            ("已有17家企业", "17家", Count, 17.0, 17.0, "家", Qualifier::Exact),
            ("数十家企业", "数十家", Count, 10.0, 100.0, "家", Qualifier::Vague),
            ("至少12家", "至少12家", Count, 12.0, 12.0, "家", Qualifier::Gte),
            ("拥有2000万用户。", "2000万用户", Count, 2e7, 2e7, "用户", Qualifier::Exact),
            ("has 119 million users.", "119 million users", Count, 1.19e8, 1.19e8, "users", Qualifier::Exact),
            ("had 78.6 million MAU.", "78.6 million MAU", Count, 7.86e7, 7.86e7, "users", Qualifier::Exact),
            ("提升近20倍。", "近20倍", Multiple, 20.0, 20.0, "x", Qualifier::Approx),
            ("增长5.5倍。", "5.5倍", Multiple, 5.5, 5.5, "x", Qualifier::Exact),
            ("成本是十分之一。", "十分之一", Multiple, 0.1, 0.1, "x", Qualifier::Exact),
            ("相当于一半。", "一半", Multiple, 0.5, 0.5, "x", Qualifier::Exact),
            ("sales doubled.", "doubled", Multiple, 2.0, 2.0, "x", Qualifier::Exact),
            ("the stock tripled.", "tripled", Multiple, 3.0, 3.0, "x", Qualifier::Exact),
            (
                "roughly a third of it",
                "roughly a third",
                Multiple,
                1.0 / 3.0,
                1.0 / 3.0,
                "x",
                Qualifier::Approx,
            ),
        ] {
            let got = one(t);
            assert_eq!((got.0.as_str(), got.1, got.4, got.5), (text, kind, unit, q), "{t}");
            assert!(close(got.2, low) && close(got.3, high), "{t}: {got:?}");
        }
    }

    #[test]
    fn ranges_of_bare_numbers_take_the_unit_that_follows() {
        let got = one("从8500到3万家");
        assert_eq!((got.0.as_str(), got.2, got.3, got.4), ("从8500到3万家", 8500.0, 3e4, "家"));
        let got = one("出货3万至5万台。");
        assert_eq!((got.0.as_str(), got.2, got.3, got.5), ("3万至5万台", 3e4, 5e4, Qualifier::Range));
    }

    #[test]
    fn currencies_signs_codes_and_minor_units() {
        use QuantityKind::Money;
        for (t, text, low, unit) in [
            ("fined $ 250,000 for", "$ 250,000", 250000.0, "USD"),
            ("a C$300 million charge", "C$300 million", 3e8, "CAD"),
            ("a us $ 150 million loan", "us $ 150 million", 1.5e8, "USD"),
            ("revenues were RMB1,204.6 million", "RMB1,204.6 million", 1.2046e9, "CNY"),
            ("down 34 cents", "34 cents", 0.34, "USD"),
            ("at 197 pence.", "197 pence", 1.97, "GBP"),
            ("buy back 10 trillion won of", "10 trillion won", 1e13, "KRW"),
            ("it costs 5 €.", "5 €", 5.0, "EUR"),
            ("10,000 swiss francs", "10,000 swiss francs", 1e4, "CHF"),
            (
                "cost thirteen dollars and forty-five cents",
                "thirteen dollars and forty-five cents",
                13.45,
                "USD",
            ),
        ] {
            let got = one(t);
            assert_eq!((got.0.as_str(), got.1, got.4), (text, Money, unit), "{t}");
            assert!(close(got.2, low), "{t}: {got:?}");
        }
    }

    #[test]
    fn currencies_are_named_without_an_amount() {
        let names = |t: &str| {
            let s: Vec<char> = t.chars().collect();
            currency_names(&s).into_iter().map(|c| (c.start, c.end, c.code)).collect::<Vec<_>>()
        };
        assert_eq!(names("人民币 美元"), [(0, 3, "CNY"), (4, 6, "USD")]);
        assert_eq!(names("the dollar fell against the yen"), [(4, 10, "USD"), (28, 31, "JPY")]);
        assert!(names("元旦前后，单元楼，he won the bid").is_empty());
    }

    #[test]
    fn bounds_on_bare_numbers() {
        let bounds = |t: &str| {
            let s: Vec<char> = t.chars().collect();
            number_bounds(&s)
                .into_iter()
                .map(|b| (s[b.start..b.end].iter().collect::<String>(), b.low, b.high, b.qualifier, b.closed))
                .collect::<Vec<_>>()
        };
        use Qualifier::*;
        assert_eq!(
            bounds("between 20 and 30 years"),
            [("between 20 and 30".into(), 20.0, 30.0, Range, None)]
        );
        assert_eq!(bounds("More than 40 people"), [("More than 40".into(), 40.0, 40.0, Gt, None)]);
        assert_eq!(
            bounds("大于10小于等于20的数"),
            [("大于10小于等于20".into(), 10.0, 20.0, Range, Some((false, true)))]
        );
        assert_eq!(
            bounds("x is no more than 12 and more than 194."),
            [
                ("no more than 12".into(), 12.0, 12.0, Lte, None),
                ("more than 194".into(), 194.0, 194.0, Gt, None)
            ]
        );
        assert_eq!(bounds("五百多个"), [("五百多".into(), 500.0, 600.0, Vague, None)]);
        assert_eq!(bounds("10000与20000之间"), [("10000与20000之间".into(), 1e4, 2e4, Range, None)]);
        assert!(bounds("call +1-222-2222-2222 now").is_empty());
    }

    #[test]
    fn ranges_bounds_and_moves_in_articles() {
        let got = one("收入不低于100亿元、不超过200亿元。");
        assert_eq!(
            (got.0.as_str(), got.2, got.3, got.5),
            ("不低于100亿元、不超过200亿元", 1e10, 2e10, Qualifier::Range)
        );
        let got = one("sales of between $13 billion and $14 billion.");
        assert_eq!((got.0.as_str(), got.5), ("between $13 billion and $14 billion", Qualifier::Range));
        // A move from one figure to another is two figures, not a range.
        assert_eq!(run("Its margin rose from 2% to 3%.").len(), 2);
        let got = one("预计增长三至四成。");
        assert_eq!((got.0.as_str(), got.2, got.3), ("三至四成", 30.0, 40.0));
        let got = one("回购价格不超过每股350元。");
        assert_eq!((got.0.as_str(), got.5), ("不超过每股350元", Qualifier::Lte));
        assert!(run("拟每10股派现").is_empty());
    }

    #[test]
    fn a_range_never_runs_downwards() {
        for t in ["9~3%", "十~9%", "255 to 32%", "2025-0%"] {
            assert!(run(t).iter().all(|q| q.2 <= q.3), "{t}: {:?}", run(t));
        }
        assert_eq!(one("增长9~3%").0, "3%");
    }

    #[test]
    fn table_notes_give_bare_figures_their_unit() {
        let got = run("Selected figures (RMB million)\nRevenues 1,204.6 878.1\n\nShares 12 15");
        let texts: Vec<(&str, f64, &str)> = got.iter().map(|q| (q.0.as_str(), q.2, q.4)).collect();
        assert_eq!(texts, [("1,204.6", 1.2046e9, "CNY"), ("878.1", 8.781e8, "CNY")]);
        let got = run("（单位：亿元）\n营业收入 52.3");
        assert_eq!((got[0].0.as_str(), got[0].2, got[0].4), ("52.3", 5.23e9, "CNY"));
        // A sentence of prose takes no unit from a note above it.
        assert!(run("Figures (RMB million)\nIt hired 40 of them. Then more.").is_empty());
    }

    #[test]
    fn lists_and_table_columns_share_a_unit() {
        let got = run("净利润预测至352/441/530亿元，EPS分别为3.86/4.84元");
        let texts: Vec<(&str, f64, &str)> = got.iter().map(|q| (q.0.as_str(), q.2, q.4)).collect();
        assert_eq!(
            texts,
            [
                ("352", 3.52e10, "CNY"),
                ("441", 4.41e10, "CNY"),
                ("530亿元", 5.3e10, "CNY"),
                ("3.86", 3.86, "CNY"),
                ("4.84元", 4.84, "CNY")
            ]
        );
        let table = "单位：万元\n项目 本期 上期 变动幅度（%）\n营业收入 120.5 100.0 20.5\n基本每股收益（元） 0.98 0.64 53.13\n总资产 300.0 250.0 20.0";
        let got = run(table);
        let texts: Vec<(&str, f64, &str)> = got.iter().map(|q| (q.0.as_str(), q.2, q.4)).collect();
        assert_eq!(
            texts,
            [
                ("120.5", 1.205e6, "CNY"),
                ("100.0", 1e6, "CNY"),
                ("20.5", 20.5, "%"),
                ("0.98", 0.98, "CNY"),
                ("0.64", 0.64, "CNY"),
                ("53.13", 53.13, "%"),
                ("300.0", 3e6, "CNY"),
                ("250.0", 2.5e6, "CNY"),
                ("20.0", 20.0, "%"),
            ]
        );
        // The unit of a row is no amount.
        assert!(run("营业收入（百万元） ").is_empty());
    }

    #[test]
    fn taiwan_and_japan_amounts() {
        let got = run("營收新台幣3,367.6億元，股價收在1,465元，外資買超逾1.2萬張");
        let texts: Vec<(&str, f64, &str, Qualifier)> =
            got.iter().map(|q| (q.0.as_str(), q.2, q.4, q.5)).collect();
        assert_eq!(
            texts,
            [
                ("新台幣3,367.6億元", 3.3676e11, "TWD", Qualifier::Exact),
                ("1,465元", 1465.0, "TWD", Qualifier::Exact),
                ("逾1.2萬張", 12000.0, "张", Qualifier::Gt),
            ]
        );
        // A Hong Kong paper's market report counts in Hong Kong dollars.
        let got = run("恒指今日高開，騰訊股價漲2%，收報598元，成交額440.9億元，大市成交額2,887.7億元。");
        assert!(got.iter().filter(|q| q.1 == QuantityKind::Money).all(|q| q.4 == "HKD"), "{got:?}");
        assert_eq!(one("港股收涨，腾讯收报598元").4, "CNY");
        // Without 新台幣, 元 stays the renminbi.
        assert_eq!(one("收在1,465元").4, "CNY");
        let got = one("利益予想を2500億円に");
        assert_eq!((got.2, got.4), (2.5e11, "JPY"));
    }

    #[test]
    fn hedges_read_in_context() {
        let got = one("It is handing over 150,000 vehicles");
        assert_eq!((got.0.as_str(), got.5), ("150,000 vehicles", Qualifier::Exact));
        assert_eq!(one("sales of over 150,000 vehicles").5, Qualifier::Gt);
        let got = one("现货黄金盘中突破每盎司3,780美元");
        assert_eq!((got.0.as_str(), got.5), ("突破每盎司3,780美元", Qualifier::Gt));
        assert_eq!(one("差异幅度不会超过10%").5, Qualifier::Lte);
        let got = one("deals totaled more than double the amount");
        assert_eq!((got.0.as_str(), got.2, got.5), ("more than double", 2.0, Qualifier::Gt));
        assert!(run("a double-digit gain").is_empty());
        assert_eq!(one("followed by HongShan with nine deals").0, "nine deals");
        assert!(run("according to two people familiar with the matter").is_empty());
    }

    #[test]
    fn numbers_in_web_addresses_are_not_quantities() {
        assert!(run("见https://example.com/a?q=30%25 与 www.example.com/5亿元").is_empty());
        let got = run("见 https://example.com/a 后，融资30%。");
        assert_eq!(got.len(), 1);
        // The address is looked for in the 300 chars before the number.
        assert!(run(&format!("www.{}30%", "中".repeat(296))).is_empty());
        assert_eq!(run(&format!("www.{}30%", "中".repeat(297))).len(), 1);
    }

    #[test]
    fn ordinals_and_supply_chains_are_not_quantities() {
        assert!(run("It closed a third round of funding.").is_empty());
        let got = one("带动六成上下游企业");
        assert_eq!((got.0.as_str(), got.5), ("六成", Qualifier::Exact));
    }
}
