//! Gold figures written as text (DuEE-Fin's 融资金额 "数千万元人民币", FIRE's "$2.5 billion")
//! turned into numbers in base units. Deliberately independent of the extractor's own
//! numeral reader: gold must not inherit the errors it is there to find.
//!
//! The conversion (also in ACCURACY.md):
//! - hedges before or after the number (约, 近, 超过, 逾, 不超过, 余, 多, 左右, about, over)
//!   are dropped: the value is the number written;
//! - 十/百/千/万/亿 after a number multiply it (千万 = 1e7); Chinese numerals are read;
//!   数 (数千万) is vague: 数X is the interval [X, 10X], as in the extraction contract;
//! - a range (10亿-14亿元, 8-10美元, 0.93港元至0.94港元) is [low, high]; the right side's
//!   multiplier applies to a bare left side;
//! - the currency is the one named (美元 USD, 港元 HKD, ...); none named means CNY in Chinese
//!   and USD after `$`; English scales: thousand, million (mn, m), billion (bn), trillion,
//!   crore (1e7), lakh (1e5); `%` and "percent" give unit `%` with the number as written.

/// A figure in base units.
#[derive(Debug, Clone, PartialEq)]
pub struct Amount {
    pub low: f64,
    pub high: f64,
    pub unit: String,
}

const CURRENCIES: &[(&str, &str)] = &[
    ("人民币", "CNY"),
    ("新台币", "TWD"),
    ("新加坡元", "SGD"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("欧元", "EUR"),
    ("日元", "JPY"),
    ("英镑", "GBP"),
    ("韩元", "KRW"),
    ("澳元", "AUD"),
    ("加元", "CAD"),
    ("卢比", "INR"),
    ("元", "CNY"),
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("S$", "SGD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
    ("Rs.", "INR"),
    ("Rs", "INR"),
    ("INR", "INR"),
    ("USD", "USD"),
    ("EUR", "EUR"),
    ("GBP", "GBP"),
    ("CNY", "CNY"),
    ("RMB", "CNY"),
    ("yuan", "CNY"),
    ("dollars", "USD"),
    ("euros", "EUR"),
    ("euro", "EUR"),
    ("rupees", "INR"),
    ("₹", "INR"),
    ("$", "USD"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "JPY"),
];

const HEDGES: &[&str] = &[
    "约合",
    "约为",
    "大约",
    "约",
    "近",
    "超过",
    "超",
    "逾",
    "不超过",
    "不少于",
    "不低于",
    "不高于",
    "最高",
    "高达",
    "达到",
    "达",
    "共计",
    "合计",
    "总计",
    "累计",
    "余",
    "多",
    "左右",
    "以上",
    "以下",
    "上下",
    "about",
    "around",
    "approximately",
    "nearly",
    "almost",
    "over",
    "more than",
    "up to",
    "some",
    "roughly",
];

const SCALES: &[(&str, f64)] = &[
    ("thousand", 1e3),
    ("million", 1e6),
    ("billion", 1e9),
    ("trillion", 1e12),
    ("crore", 1e7),
    ("lakh", 1e5),
    ("mln", 1e6),
    ("bln", 1e9),
    ("mn", 1e6),
    ("bn", 1e9),
    ("tn", 1e12),
    ("cr", 1e7),
    ("m", 1e6),
    ("b", 1e9),
    ("k", 1e3),
];

/// Reads a gold figure; None when the text is not a figure this reader knows.
pub fn parse(text: &str) -> Option<Amount> {
    let text = text.trim();
    let (left, right) = split_range(text);
    match right {
        None => {
            let side = side(left)?;
            let unit = side.unit.clone().unwrap_or_else(|| default_unit(text));
            Some(Amount { low: side.low * side.scale, high: side.high * side.scale, unit })
        }
        Some(right) => {
            let l = side(left)?;
            let r = side(right)?;
            // 8-10美元, 10亿-14亿元: a bare left side takes the right side's scale.
            let l_scale = if l.scaled { l.scale } else { r.scale };
            let unit = l.unit.or(r.unit).unwrap_or_else(|| default_unit(text));
            Some(Amount { low: l.low * l_scale, high: r.high * r.scale, unit })
        }
    }
}

fn default_unit(text: &str) -> String {
    if text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c)) { "CNY" } else { "USD" }.to_string()
}

fn split_range(text: &str) -> (&str, Option<&str>) {
    // A sign at the very start is no range.
    let first = text.chars().next().map_or(0, char::len_utf8);
    for sep in ["至", "到", "~", "～", "—", "–", " to ", "-"] {
        if let Some(at) = text[first..].find(sep).map(|i| i + first) {
            return (&text[..at], Some(&text[at + sep.len()..]));
        }
    }
    (text, None)
}

struct Side {
    low: f64,
    high: f64,
    scale: f64,
    /// Whether a scale word or character was written (1亿 yes, 8 no).
    scaled: bool,
    unit: Option<String>,
}

fn side(text: &str) -> Option<Side> {
    let mut rest = text.trim().to_string();
    let mut unit = None;
    let mut percent = false;
    // Strip hedges, currencies and percent marks from both ends until nothing changes.
    loop {
        let before = rest.clone();
        rest = rest.trim().to_string();
        for h in HEDGES {
            if let Some(r) = strip_prefix_ci(&rest, h) {
                rest = r.trim_start().to_string();
            }
            if let Some(r) = strip_suffix_ci(&rest, h) {
                rest = r.trim_end().to_string();
            }
        }
        for (name, code) in CURRENCIES {
            if let Some(r) = rest.strip_prefix(name) {
                rest = r.to_string();
                unit.get_or_insert_with(|| code.to_string());
            }
            if let Some(r) = strip_suffix_ci(&rest, name) {
                rest = r.to_string();
                unit.get_or_insert_with(|| code.to_string());
            }
        }
        if let Some(r) = strip_suffix_ci(&rest, "per share") {
            rest = r.trim_end().to_string();
        }
        for mark in ["%", "％", " percent", "percent", "个百分点"] {
            if let Some(r) = rest.strip_suffix(mark) {
                rest = r.to_string();
                percent = true;
            }
        }
        if rest == before {
            break;
        }
    }
    if percent {
        unit = Some("%".to_string());
    }
    let chars: Vec<char> = rest.chars().collect();
    let (low, high, used) = number(&chars)?;
    let tail: String = chars[used..].iter().collect();
    let (scale, scaled) = scale(tail.trim())?;
    Some(Side { low, high, scale, scaled: scaled || high > low, unit })
}

fn strip_prefix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let head = s.get(..p.len())?;
    head.eq_ignore_ascii_case(p).then(|| &s[p.len()..])
}

fn strip_suffix_ci<'a>(s: &'a str, p: &str) -> Option<&'a str> {
    let at = s.len().checked_sub(p.len())?;
    let tail = s.get(at..)?;
    tail.eq_ignore_ascii_case(p).then(|| &s[..at])
}

/// The number at the start of `s` as (low, high) and the chars it used: digits
/// (1,234.5), Chinese numerals (一百二十), or 数 (vague: 1..10 times what follows).
fn number(s: &[char]) -> Option<(f64, f64, usize)> {
    if s.first() == Some(&'数') || s.first() == Some(&'几') {
        return Some((1.0, 10.0, 1));
    }
    let digits: String = s
        .iter()
        .take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '，'))
        .filter(|c| !matches!(c, ',' | ' ' | '，'))
        .collect();
    let used = s.iter().take_while(|c| c.is_ascii_digit() || matches!(c, '.' | ',' | ' ' | '，')).count();
    if !digits.is_empty() {
        let v: f64 = digits.trim_end_matches('.').parse().ok()?;
        return Some((v, v, used));
    }
    chinese_numeral(s)
}

fn digit(c: char) -> Option<f64> {
    "零一二三四五六七八九".chars().position(|d| d == c).map(|p| p as f64).or((c == '两').then_some(2.0))
}

/// 一百二十 = 120, 三十五 = 35, 十 = 10; stops before 万 and 亿 (scales, read by `scale`).
fn chinese_numeral(s: &[char]) -> Option<(f64, f64, usize)> {
    let (mut total, mut current, mut used) = (0.0, 0.0, 0);
    for &c in s {
        if let Some(d) = digit(c) {
            current = d;
        } else if let Some(unit) = match c {
            '十' => Some(10.0),
            '百' => Some(100.0),
            '千' => Some(1000.0),
            _ => None,
        } {
            // 十 alone is ten; a unit after nothing but a trailing scale (千万) is a scale.
            if current == 0.0 && total > 0.0 {
                break;
            }
            total += if current == 0.0 { 1.0 } else { current } * unit;
            current = 0.0;
        } else {
            break;
        }
        used += 1;
    }
    (used > 0).then_some((total + current, total + current, used))
}

/// The multiplier written after a number: 万, 亿, 千万, 百万, 万亿, million, crore ...
fn scale(tail: &str) -> Option<(f64, bool)> {
    let mut factor = 1.0;
    let mut scaled = false;
    let mut rest = tail;
    'outer: while let Some(c) = rest.chars().next() {
        let f = match c {
            '十' => 10.0,
            '百' => 100.0,
            '千' => 1000.0,
            '万' => 1e4,
            '亿' => 1e8,
            // 10余亿: a hedge between number and scale.
            '余' | '多' => 1.0,
            _ => {
                let lower = rest.to_lowercase();
                for (word, f) in SCALES {
                    let Some(after) = lower.strip_prefix(word) else { continue };
                    if after.chars().next().is_none_or(|n| !n.is_ascii_alphabetic()) {
                        factor *= f;
                        scaled = true;
                        // `word` is ASCII, so it has the same length in `rest`.
                        rest = rest[word.len()..].trim_start();
                        continue 'outer;
                    }
                }
                break;
            }
        };
        factor *= f;
        scaled |= f > 1.0;
        rest = &rest[c.len_utf8()..];
    }
    // Whatever is left must be a word this reader ignores (余, 多), else it is no figure.
    let rest = rest.trim().trim_start_matches(['余', '多']).trim();
    rest.is_empty().then_some((factor, scaled))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(s: &str) -> (f64, f64, String) {
        let a = parse(s).unwrap_or_else(|| panic!("{s} unread"));
        (a.low, a.high, a.unit)
    }

    #[test]
    fn chinese_amounts() {
        assert_eq!(read("1.2亿元"), (1.2e8, 1.2e8, "CNY".into()));
        assert_eq!(read("数千万元人民币"), (1e7, 1e8, "CNY".into()));
        assert_eq!(read("近1亿美元"), (1e8, 1e8, "USD".into()));
        assert_eq!(read("不超过21.36亿元"), (2.136e9, 2.136e9, "CNY".into()));
        assert_eq!(read("10亿-14亿元"), (1e9, 1.4e9, "CNY".into()));
        assert_eq!(read("4350万元~5000万元"), (4.35e7, 5e7, "CNY".into()));
        assert_eq!(read("8-10美元"), (8.0, 10.0, "USD".into()));
        assert_eq!(read("0.93港元至0.94港元"), (0.93, 0.94, "HKD".into()));
        assert_eq!(read("60,000.00万元"), (6e8, 6e8, "CNY".into()));
        assert_eq!(read("1.22 亿美元"), (1.22e8, 1.22e8, "USD".into()));
        assert_eq!(read("约人民币2140万元"), (2.14e7, 2.14e7, "CNY".into()));
        assert_eq!(read("十亿元"), (1e9, 1e9, "CNY".into()));
        assert_eq!(read("一百二十万美元"), (1.2e6, 1.2e6, "USD".into()));
        assert_eq!(read("超过10万亿"), (1e13, 1e13, "CNY".into()));
        assert_eq!(read("10余亿元"), (1e9, 1e9, "CNY".into()));
        assert_eq!(read("1.5亿港币"), (1.5e8, 1.5e8, "HKD".into()));
        assert!(parse("A轮").is_none());
        assert!(parse("100%股权").is_none());
    }

    #[test]
    fn english_amounts() {
        assert_eq!(read("$2.5 billion"), (2.5e9, 2.5e9, "USD".into()));
        assert_eq!(read("$ 300 million"), (3e8, 3e8, "USD".into()));
        assert_eq!(read("US$1.2bn"), (1.2e9, 1.2e9, "USD".into()));
        assert_eq!(read("Rs 690 crore"), (6.9e9, 6.9e9, "INR".into()));
        assert_eq!(read("€ 40m"), (4e7, 4e7, "EUR".into()));
        assert_eq!(read("14%"), (14.0, 14.0, "%".into()));
        assert_eq!(read("14 percent"), (14.0, 14.0, "%".into()));
        assert_eq!(read("$1,250"), (1250.0, 1250.0, "USD".into()));
        assert_eq!(read("$20.7 bln"), (2.07e10, 2.07e10, "USD".into()));
        assert_eq!(read("1.3 mln euro"), (1.3e6, 1.3e6, "EUR".into()));
        assert_eq!(read("$ 38.25 per share"), (38.25, 38.25, "USD".into()));
        assert!(parse("the Company").is_none());
    }
}
