//! Quantities: numerals given a kind (money, percent, count, multiple), a unit, a
//! qualifier from the hedges around them, and merged into ranges (10亿美元到1500亿美元).

use super::cue::{Cues, Group};
use super::numeral::{self, Num, NumKind};
use std::sync::LazyLock;

use super::text::{ends_with_at, starts_with_at, Span, Words};
use super::{fact, Registry};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    Money,
    Percent,
    Count,
    Multiple,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    Exact,
    Approx,
    Gt,
    Gte,
    Lt,
    Lte,
    Range,
    Vague,
}

/// A quantity before serialisation; `unit` is an ISO code, `%`, `x` or a counted word.
#[derive(Debug, Clone, PartialEq)]
pub struct Q {
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

/// Word groups of quantities in the article's lexicon, after those of facts.
const URL: Group = Group(fact::GROUPS);
const MULTIPLE: Group = Group(fact::GROUPS + 1);
const PERCENT: Group = Group(fact::GROUPS + 2);
const TWD_NAME: Group = Group(fact::GROUPS + 3);
const CNY_NAME: Group = Group(fact::GROUPS + 4);
/// A table column headed as percentages, for `percent_column`.
const PERCENT_HEADER: Group = Group(fact::GROUPS + 5);
const PERCENT_MARKS: &[&str] = &["（%）", "(%)"];
/// One past the groups of quantities.
pub const GROUPS_END: usize = fact::GROUPS + 6;

/// The words quantities look for, as groups of a lexicon from `Group(fact::GROUPS)`, with
/// whether each group ignores ASCII case: marks of web addresses, multiples and
/// percentages written as words, names of the New Taiwan dollar and of the renminbi, and
/// the mark of a column of percentages.
pub fn cue_groups() -> Vec<(Vec<&'static str>, bool)> {
    vec![
        (vec!["://", "www."], false),
        (MULTIPLE_WORDS.iter().map(|&(w, _)| w).collect(), false),
        (PERCENT_WORDS.iter().map(|&(w, _)| w).collect(), false),
        (vec!["新台幣", "新台币", "台幣", "NT$"], false),
        (vec!["人民币", "人民幣", "RMB"], false),
        (PERCENT_MARKS.to_vec(), false),
    ]
}

/// Currency words written after the amount, longest first within a shared prefix. English
/// words match in any case (lower-cased wire copy writes "swiss francs").
static CURRENCY_AFTER: LazyLock<Words<&'static str>> = LazyLock::new(|| {
    Words::new([
        ("元人民币", "CNY"),
        ("元港币", "HKD"),
        ("元美金", "USD"),
        ("元", "CNY"),
        ("人民币", "CNY"),
        ("块钱", "CNY"),
        ("块", "CNY"),
        ("美元", "USD"),
        ("美金", "USD"),
        ("美圆", "USD"),
        ("港元", "HKD"),
        ("港币", "HKD"),
        ("欧元", "EUR"),
        ("日元", "JPY"),
        ("日圆", "JPY"),
        ("新台币", "TWD"),
        ("台币", "TWD"),
        ("新台幣", "TWD"),
        ("台幣", "TWD"),
        ("港幣", "HKD"),
        // Japanese: 2500億円.
        ("円", "JPY"),
        ("英镑", "GBP"),
        ("瑞士法郎", "CHF"),
        ("法郎", "CHF"),
        ("韩元", "KRW"),
        ("澳元", "AUD"),
        ("加元", "CAD"),
        ("新加坡元", "SGD"),
        ("新元", "SGD"),
        ("卢布", "RUB"),
        ("卢比", "INR"),
        ("奈拉", "NGN"),
        ("个比特币", "BTC"),
        ("比特币", "BTC"),
        ("€", "EUR"),
        (" €", "EUR"),
        (" US dollars", "USD"),
        (" US dollar", "USD"),
        (" U.S. dollars", "USD"),
        (" Hong Kong dollars", "HKD"),
        (" Australian dollars", "AUD"),
        (" Canadian dollars", "CAD"),
        (" Singapore dollars", "SGD"),
        (" New Taiwan dollars", "TWD"),
        (" Taiwan dollars", "TWD"),
        (" New Zealand dollars", "NZD"),
        (" dollars", "USD"),
        (" dollar", "USD"),
        (" Chinese yuan", "CNY"),
        (" yuan", "CNY"),
        (" renminbi", "CNY"),
        (" euros", "EUR"),
        (" euro", "EUR"),
        (" pounds sterling", "GBP"),
        (" pounds", "GBP"),
        (" pound", "GBP"),
        (" sterling", "GBP"),
        (" yen", "JPY"),
        (" won", "KRW"),
        (" Swiss francs", "CHF"),
        (" francs", "CHF"),
        (" rupees", "INR"),
        (" rupiah", "IDR"),
        (" ringgit", "MYR"),
        (" baht", "THB"),
        (" roubles", "RUB"),
        (" rubles", "RUB"),
        (" Turkish lira", "TRY"),
        (" lira", "TRY"),
        (" reais", "BRL"),
        (" Mexican pesos", "MXN"),
        (" bitcoins", "BTC"),
        (" RMB", "CNY"),
        (" USD", "USD"),
        (" CNY", "CNY"),
        (" HKD", "HKD"),
        (" EUR", "EUR"),
        (" JPY", "JPY"),
        (" GBP", "GBP"),
        (" CHF", "CHF"),
        (" AUD", "AUD"),
        (" CAD", "CAD"),
        (" SGD", "SGD"),
        (" TWD", "TWD"),
        (" BTC", "BTC"),
    ])
});

/// Words of the table above that are too common to name a currency without an amount
/// (元旦, 一块, "won the bid", "pounds of copper").
const NOT_NAMES_ALONE: &[&str] = &["元", "块", "块钱", "个比特币", "€", " won", " pound", " pounds", " lira"];

/// Minor units after an amount, in hundredths of the currency: 50 cents = 0.5 USD.
static MINOR_AFTER: LazyLock<Words<&'static str>> = LazyLock::new(|| {
    Words::new([("美分", "USD"), (" cents", "USD"), (" cent", "USD"), (" pence", "GBP"), (" penny", "GBP")])
});

/// Currency signs and codes written before the amount (an optional space may follow).
/// Letters before a dollar sign (US$, HK$, C $) are read by `dollar_prefix`.
static CURRENCY_BEFORE: LazyLock<Words<&'static str>> = LazyLock::new(|| {
    Words::new([
        ("$", "USD"),
        ("¥", "CNY"),
        ("￥", "CNY"),
        ("€", "EUR"),
        ("£", "GBP"),
        ("RMB", "CNY"),
        ("USD", "USD"),
        ("CNY", "CNY"),
        ("HKD", "HKD"),
        ("EUR", "EUR"),
        ("JPY", "JPY"),
        ("GBP", "GBP"),
        ("人民币", "CNY"),
        ("港币", "HKD"),
        ("新台币", "TWD"),
        ("新台幣", "TWD"),
    ])
});

/// Measure words and counted nouns after a number (Chinese, then English after a space).
static COUNTED: LazyLock<Words<&'static str>> = LazyLock::new(|| {
    Words::new([
        ("日活跃用户", "用户"),
        ("月活跃用户", "用户"),
        ("活跃用户", "用户"),
        ("用户", "用户"),
        ("人次", "人次"),
        ("员工", "员工"),
        ("家", "家"),
        ("个", "个"),
        ("個", "个"),
        ("名", "名"),
        ("位", "位"),
        ("款", "款"),
        ("项", "项"),
        ("次", "次"),
        ("台", "台"),
        ("辆", "辆"),
        ("輛", "辆"),
        ("架", "架"),
        ("张", "张"),
        ("張", "张"),
        ("件", "件"),
        ("条", "条"),
        ("所", "所"),
        ("座", "座"),
        ("户", "户"),
        ("笔", "笔"),
        ("轮", "轮"),
        ("部", "部"),
        ("套", "套"),
        ("枚", "枚"),
        ("颗", "颗"),
        ("股", "股"),
        ("只", "只"),
        ("份", "份"),
        ("单", "单"),
        ("人", "人"),
        (" daily active users", "users"),
        (" weekly active users", "users"),
        (" weekly users", "users"),
        (" daily users", "users"),
        (" monthly users", "users"),
        (" DAU", "users"),
        (" MAU", "users"),
        (" monthly active users", "users"),
        (" active users", "users"),
        (" users", "users"),
        (" customers", "customers"),
        (" subscribers", "subscribers"),
        (" employees", "employees"),
        (" people", "people"),
        (" companies", "companies"),
        (" firms", "companies"),
        (" start-ups", "companies"),
        (" startups", "companies"),
        (" shares", "shares"),
        (" units", "units"),
        (" vehicles", "vehicles"),
        (" cars", "vehicles"),
        (" passenger vehicles", "vehicles"),
        (" passenger cars", "vehicles"),
        (" electric vehicles", "vehicles"),
        (" chips", "chips"),
        (" GPUs", "GPUs"),
        (" devices", "devices"),
        (" downloads", "downloads"),
        (" stores", "stores"),
        (" deals", "deals"),
        (" investors", "investors"),
    ])
});

/// Units of time after a number: durations and dates, not quantities. With each, whether
/// it is an English word (which must end there).
static TIME_AFTER: LazyLock<Words<bool>> = LazyLock::new(|| {
    Words::new(
        [
            "年", "月", "日", "号", "时", "点", "分钟", "分", "秒", "天", "周", "季度", "小时", "个月",
            "個月", "岁", "世纪", "代", " years", " year", " months", " month", " days", " weeks", " hours",
            "-year", "-month", "-day",
        ]
        .map(|w| (w, w.is_ascii())),
    )
});

/// Hedges before a number, longest first; English ones are followed by a space.
static HEDGE_BEFORE: LazyLock<Words<Qualifier>> = LazyLock::new(|| {
    Words::new([
        ("大于等于", Qualifier::Gte),
        ("大于或等于", Qualifier::Gte),
        ("大于或者等于", Qualifier::Gte),
        ("小于等于", Qualifier::Lte),
        ("小于或等于", Qualifier::Lte),
        ("小于或者等于", Qualifier::Lte),
        ("小于 或 等于", Qualifier::Lte),
        ("不大于", Qualifier::Lte),
        ("不多于", Qualifier::Lte),
        ("不小于", Qualifier::Gte),
        ("超过了", Qualifier::Gt),
        ("至少有", Qualifier::Gte),
        ("至少是", Qualifier::Gte),
        ("至少为", Qualifier::Gte),
        ("最多为", Qualifier::Lte),
        ("最多有", Qualifier::Lte),
        ("不超过", Qualifier::Lte),
        ("不高于", Qualifier::Lte),
        ("不低于", Qualifier::Gte),
        ("不少于", Qualifier::Gte),
        // 预计差异不会超过10%: a bound, not an excess.
        ("不会超过", Qualifier::Lte),
        ("不会高于", Qualifier::Lte),
        ("不会低于", Qualifier::Gte),
        ("不会少于", Qualifier::Gte),
        // Traditional characters (Taiwan, Hong Kong).
        ("不超過", Qualifier::Lte),
        ("不會超過", Qualifier::Lte),
        ("超過", Qualifier::Gt),
        ("高達", Qualifier::Lte),
        ("將近", Qualifier::Approx),
        ("約為", Qualifier::Approx),
        ("約", Qualifier::Approx),
        ("不到", Qualifier::Lt),
        ("不足", Qualifier::Lt),
        ("少于", Qualifier::Lt),
        ("低于", Qualifier::Lt),
        ("小于", Qualifier::Lt),
        ("未满", Qualifier::Lt),
        ("至少", Qualifier::Gte),
        ("最少", Qualifier::Gte),
        ("起码", Qualifier::Gte),
        ("超过", Qualifier::Gt),
        ("超出", Qualifier::Gt),
        ("突破", Qualifier::Gt),
        ("多于", Qualifier::Gt),
        ("高于", Qualifier::Gt),
        ("大于", Qualifier::Gt),
        ("逾", Qualifier::Gt),
        ("超", Qualifier::Gt),
        ("高达", Qualifier::Lte),
        ("最高达", Qualifier::Lte),
        ("最多", Qualifier::Lte),
        ("至多", Qualifier::Lte),
        ("大约", Qualifier::Approx),
        ("约为", Qualifier::Approx),
        ("约", Qualifier::Approx),
        ("将近", Qualifier::Approx),
        ("接近", Qualifier::Approx),
        ("近", Qualifier::Approx),
        ("大概", Qualifier::Approx),
        ("≥", Qualifier::Gte),
        ("≤", Qualifier::Lte),
        (">=", Qualifier::Gte),
        ("<=", Qualifier::Lte),
        ("> =", Qualifier::Gte),
        ("< =", Qualifier::Lte),
        (">", Qualifier::Gt),
        ("<", Qualifier::Lt),
        ("at least ", Qualifier::Gte),
        ("at most ", Qualifier::Lte),
        ("no less than ", Qualifier::Gte),
        ("not less than ", Qualifier::Gte),
        ("no fewer than ", Qualifier::Gte),
        ("greater than or equal to ", Qualifier::Gte),
        ("more than or equal to ", Qualifier::Gte),
        ("equal to or more than ", Qualifier::Gte),
        ("equal to or greater than ", Qualifier::Gte),
        ("less than or equal to ", Qualifier::Lte),
        ("equal to or less than ", Qualifier::Lte),
        ("not more than ", Qualifier::Lte),
        ("greater than ", Qualifier::Gt),
        ("larger than ", Qualifier::Gt),
        ("bigger than ", Qualifier::Gt),
        ("higher than ", Qualifier::Gt),
        ("in excess of ", Qualifier::Gt),
        ("upwards of ", Qualifier::Gt),
        ("exceed ", Qualifier::Gt),
        ("exceeds ", Qualifier::Gt),
        ("surpass ", Qualifier::Gt),
        ("smaller than ", Qualifier::Lt),
        ("lower than ", Qualifier::Lt),
        ("more than ", Qualifier::Gt),
        ("over ", Qualifier::Gt),
        ("above ", Qualifier::Gt),
        ("exceeding ", Qualifier::Gt),
        ("exceeded ", Qualifier::Gt),
        ("topped ", Qualifier::Gt),
        ("surpassed ", Qualifier::Gt),
        ("less than ", Qualifier::Lt),
        ("fewer than ", Qualifier::Lt),
        ("under ", Qualifier::Lt),
        ("below ", Qualifier::Lt),
        ("up to ", Qualifier::Lte),
        ("as much as ", Qualifier::Lte),
        ("as many as ", Qualifier::Lte),
        ("no more than ", Qualifier::Lte),
        ("about ", Qualifier::Approx),
        ("around ", Qualifier::Approx),
        ("roughly ", Qualifier::Approx),
        ("approximately ", Qualifier::Approx),
        ("nearly ", Qualifier::Approx),
        ("almost ", Qualifier::Approx),
        ("near ", Qualifier::Approx),
        ("close to ", Qualifier::Approx),
        ("some ", Qualifier::Approx),
        ("an estimated ", Qualifier::Approx),
    ])
});

static HEDGE_AFTER: LazyLock<Words<Qualifier>> = LazyLock::new(|| {
    Words::new([
        ("左右", Qualifier::Approx),
        ("上下", Qualifier::Approx),
        ("及以上", Qualifier::Gte),
        ("以上", Qualifier::Gt),
        ("以下", Qualifier::Lt),
        ("以内", Qualifier::Lte),
        ("或以上", Qualifier::Gte),
        ("或者以上", Qualifier::Gte),
        ("或更多", Qualifier::Gte),
        ("或者更多", Qualifier::Gte),
        ("或以下", Qualifier::Lte),
        ("或者以下", Qualifier::Lte),
        (" 之下", Qualifier::Lt),
        ("之下", Qualifier::Lt),
        (" or more", Qualifier::Gte),
        (" and more", Qualifier::Gte),
        (" or greater", Qualifier::Gte),
        (" or above", Qualifier::Gte),
        (" or higher", Qualifier::Gte),
        (" or less", Qualifier::Lte),
        (" or fewer", Qualifier::Lte),
        (" or below", Qualifier::Lte),
        (" or lower", Qualifier::Lte),
        (" or so", Qualifier::Approx),
    ])
});

/// Verbs that take "over" as a particle (hand over, took over): no hedge after them.
const PARTICLE_VERBS: &[&str] = &[
    "hand ", "hands ", "handed ", "handing ", "take ", "takes ", "took ", "taken ", "taking ", "turn ",
    "turns ", "turned ", "turning ", "carry ", "carried ", "pass ", "passed ", "passing ", "roll ",
    "rolled ", "rolling ", "win ", "won ", "sign ", "signed ",
];

/// Verbs of change before "from A to B": a move from one figure to another, not a range.
const CHANGE_VERBS: &[&str] = &[
    "rose",
    "rise",
    "rising",
    "fell",
    "fall",
    "falling",
    "increased",
    "decreased",
    "grew",
    "climbed",
    "jumped",
    "dropped",
    "declined",
    "raised",
    "cut",
    "lowered",
    "lifted",
    "slipped",
    "surged",
    "widened",
    "narrowed",
    "boosted",
    "trimmed",
    "slid",
    "soared",
    "plunged",
    "up",
    "down",
    "changed",
    "moved",
    "upgraded",
    "downgraded",
];

/// Separators of a range between two amounts (" and " only after "between", 与 and 和 only
/// before 之间).
const RANGE_SEP: &[&str] =
    &["到", "至", "~", "～", "-", "－", "—", "–", "——", " to ", " through ", " and ", "与", "和"];

/// Words between a lower and an upper bound that make one range of them (大于10并且小于20).
const BOUND_JOINERS: &[&str] =
    &["", "并且", "并", "且", "而且", "的同时", "同时", "，", ",", "、", " and ", " but ", ", "];

/// The longest word of `words` at `at`: (end, value).
fn longest<T: Copy>(s: &[char], at: usize, words: &Words<T>) -> Option<(usize, T)> {
    words.starting_at(s, at, false).max_by_key(|&(e, _)| e)
}

/// The longest word of `words` ending at `at`, ASCII letters in any case (More than 40).
fn longest_before<T: Copy>(s: &[char], at: usize, words: &Words<T>) -> Option<(usize, T)> {
    words.ending_at(s, at, true).min_by_key(|&(b, _)| b)
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
}

/// End of `w` at `at`, ASCII letters compared in any case.
fn starts_with_ci(s: &[char], at: usize, w: &str) -> Option<usize> {
    let mut k = at;
    for c in w.chars() {
        if !s.get(k).is_some_and(|x| x.eq_ignore_ascii_case(&c)) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// The longest currency word of `words` at `at` that ends a word: (end, ISO code).
fn currency_word(s: &[char], at: usize, words: &Words<&'static str>) -> Option<(usize, &'static str)> {
    (words.starting_at(s, at, true))
        .filter(|&(e, _)| !(s[e - 1].is_ascii_alphabetic() && s.get(e).is_some_and(|&c| is_word_char(c))))
        .max_by_key(|&(e, _)| e)
}

/// The currency word written right after an amount at `at` (元, 美元, " dollars", " euros").
pub fn currency_at(s: &[char], at: usize) -> Option<(usize, &'static str)> {
    currency_word(s, at, &CURRENCY_AFTER)
}

/// A currency named in the text, with or without an amount: 人民币, 美元, the dollar, yen.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct CurrencyName {
    pub start: usize,
    pub end: usize,
    pub code: &'static str,
}

/// Every currency name in `s` (人民币 美元, "the dollar fell against the yen"): the words
/// that follow amounts, where they stand as words of their own.
pub fn currency_names(s: &[char]) -> Vec<CurrencyName> {
    static NAMES: LazyLock<Words<&'static str>> = LazyLock::new(|| {
        Words::new(
            (CURRENCY_AFTER.entries().iter())
                .filter(|(w, _)| !NOT_NAMES_ALONE.contains(w))
                .map(|&(w, code)| (w.trim_start(), code)),
        )
    });
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        let glued = i > 0 && s[i].is_ascii_alphabetic() && s[i - 1].is_ascii_alphanumeric();
        match currency_word(s, i, &NAMES).filter(|_| !glued) {
            Some((e, code)) => {
                out.push(CurrencyName { start: i, end: e, code });
                i = e;
            }
            None => i += 1,
        }
    }
    out
}

/// Largest power of ten dividing `v` (200 -> 100, 1200 -> 100), for 200多家 = 200..300.
fn round_step(v: f64) -> f64 {
    let mut step = 1.0;
    while v >= step * 10.0 && (v / (step * 10.0)).fract() == 0.0 {
        step *= 10.0;
    }
    step
}

/// Kind, unit and end of the quantity a numeral belongs to; `None` for bare numbers.
fn classify(
    s: &[char],
    n: &Num,
    users: Option<&'static str>,
) -> Option<(QuantityKind, &'static str, usize, f64, f64, bool)> {
    let (mut low, mut high) = (n.low, n.high);
    let mut vague = n.vague();
    if let NumKind::PerUnit { denominator, .. } = n.kind {
        let f = 100.0 / denominator;
        return Some((QuantityKind::Percent, "%", n.end, low * f, high * f, vague));
    }
    let mut at = n.end;
    // 200多家, 二十余家: vague before a measure word or currency.
    if matches!(s.get(at), Some('多' | '余')) && !n.vague() && n.kind == NumKind::Plain {
        let after = at + 1;
        if longest(s, after, &COUNTED).is_some() || currency_at(s, after).is_some() {
            high = low + round_step(low);
            vague = true;
            at = after;
        }
    }
    let sp = if s.get(at) == Some(&' ') { at + 1 } else { at };
    if matches!(s.get(sp), Some('%' | '％' | '‰')) {
        let f = if s[sp] == '‰' { 0.1 } else { 1.0 };
        return Some((QuantityKind::Percent, "%", sp + 1, low * f, high * f, vague));
    }
    for w in [
        " percentage points",
        " percentage point",
        " percentage",
        " per cent",
        " percents",
        " percent",
        " pct",
        "个百分点",
        "個百分點",
    ] {
        if let Some(e) = starts_with_at(s, at, w) {
            return Some((QuantityKind::Percent, "%", e, low, high, vague));
        }
    }
    if let Some(e) = spaced_word(s, at, &['个', '百', '分', '点'])
        .or_else(|| spaced_word(s, at, &['個', '百', '分', '點']))
    {
        return Some((QuantityKind::Percent, "%", e, low, high, vague));
    }
    if let Some(e) = ["倍", " times", "-fold", " fold", "x"].iter().find_map(|w| starts_with_at(s, at, w)) {
        return Some((QuantityKind::Multiple, "x", e, low, high, vague));
    }
    if n.kind == NumKind::Fraction {
        return Some((QuantityKind::Multiple, "x", n.end, low, high, vague));
    }
    // X成 (tenths) and X折 (discount to X tenths).
    if let Some(q) = tenths(s, at, low, high, vague) {
        return Some(q);
    }
    // 5 美元: a space may stand between an amount and a currency word.
    let cjk_next = s.get(at + 1).is_some_and(|&c| numeral::is_cjk(c));
    let cur_at = if s.get(at) == Some(&' ') && cjk_next { at + 1 } else { at };
    if let Some((e, code)) = currency_at(s, cur_at) {
        let e = subunits(s, e, code).map_or(e, |(se, add)| {
            low += add;
            high += add;
            se
        });
        return Some((QuantityKind::Money, code, e, low, high, vague));
    }
    if let Some((e, code)) = currency_word(s, cur_at, &MINOR_AFTER) {
        return Some((QuantityKind::Money, code, e, low / 100.0, high / 100.0, vague));
    }
    let time = (TIME_AFTER.starting_at(s, at, false))
        .any(|(e, english)| !english || !s.get(e).is_some_and(|c| c.is_ascii_alphabetic()));
    if time {
        return None;
    }
    if let Some((e, unit)) = longest(s, at, &COUNTED) {
        let english = unit.is_ascii();
        let word_ok = !english || !s.get(e).copied().is_some_and(is_word_char);
        // Small counts in Chinese numerals are mostly phrasing (一个, 两位), keep the telling ones.
        // English number words before a counted noun are telling (nine deals), except in
        // sourcing (two people familiar with the matter).
        let telling = n.arabic
            || low >= 10.0
            || (low >= 2.0 && (english && unit != "people" || matches!(unit, "家" | "次" | "轮" | "笔")))
            || n.vague();
        if word_ok && telling && !(unit == "个" && s.get(e).is_some_and(|&c| matches!(c, '月' | '百'))) {
            return Some((QuantityKind::Count, unit, e, low, high, vague));
        }
        return None;
    }
    if n.magnitude && n.low.abs() >= 1e4 {
        let unit = users.unwrap_or("");
        return Some((QuantityKind::Count, unit, n.end, low, high, vague));
    }
    None
}

/// `个 百 分 点` with spaces allowed between the characters.
fn spaced_word(s: &[char], at: usize, word: &[char]) -> Option<usize> {
    let mut k = at;
    for (i, &c) in word.iter().enumerate() {
        if i > 0 || k < s.len() && s[k] == ' ' {
            while s.get(k) == Some(&' ') {
                k += 1;
            }
        }
        if s.get(k) != Some(&c) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

fn tenths(
    s: &[char],
    at: usize,
    low: f64,
    high: f64,
    vague: bool,
) -> Option<(QuantityKind, &'static str, usize, f64, f64, bool)> {
    let mut k = at;
    while s.get(k) == Some(&' ') {
        k += 1;
    }
    let c = *s.get(k)?;
    let next = s.get(k + 1).copied();
    if c == '成'
        && low <= 10.0
        && low > 0.0
        && !next.is_some_and(|x| "员立交本长功为果绩都型熟年效".contains(x))
    {
        // 三成半 = 35%, 七成六 = 76%.
        let mut e = k + 1;
        let mut half = 0.0;
        if next == Some('半') {
            half = 5.0;
            e += 1;
        } else {
            let d_at = (k + 1..s.len()).find(|&j| s[j] != ' ').unwrap_or(s.len());
            let digit = s.get(d_at).and_then(|&c| {
                "〇一二三四五六七八九"
                    .chars()
                    .position(|x| x == c)
                    .or(numeral::ascii_digit(c).map(|d| d as usize))
            });
            let single = s
                .get(d_at + 1)
                .is_none_or(|&c| !"成折".contains(c) && numeral::numeral_at(s, d_at + 1).is_none());
            if let (Some(d), true) = (digit, single) {
                half = d as f64;
                e = d_at + 1;
            }
        }
        return Some((QuantityKind::Percent, "%", e, low * 10.0 + half, high * 10.0 + half, vague));
    }
    if c == '折' && low > 0.0 && low < 100.0 && !next.is_some_and(|x| "合旧扣算叠射腾磨服损线价".contains(x))
    {
        if low >= 10.0 && low.fract() == 0.0 && (low % 10.0 != 0.0) {
            return Some((QuantityKind::Percent, "%", k + 1, low, high, vague));
        }
        if low < 10.0 {
            return Some((QuantityKind::Percent, "%", k + 1, low * 10.0, high * 10.0, vague));
        }
    }
    None
}

/// Quantities of `s`, in text order. `skip` holds spans (dates, entity names) whose
/// numerals are not quantities.
pub fn quantities(
    s: &[char],
    nums: &[Num],
    skip: &[Span],
    cues: &Cues,
    users_at: &dyn Fn(usize) -> Option<&'static str>,
) -> Vec<Q> {
    read(s, nums, skip, cues, users_at, Reading::Units)
}

/// How numerals are read: as amounts of what their units say, or as bare numbers whose
/// bounds alone matter (`number_bounds`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Reading {
    Units,
    Bare,
}

fn read(
    s: &[char],
    nums: &[Num],
    skip: &[Span],
    cues: &Cues,
    users_at: &dyn Fn(usize) -> Option<&'static str>,
    reading: Reading,
) -> Vec<Q> {
    let mut out: Vec<Q> = Vec::new();
    let urls = cues.in_order(URL);
    let mut skip_i = 0;
    let yuan = yuan_code(s, cues);
    // Few texts hold a table with a column headed (%); most never look for one.
    let percent_headers = cues.find_any(PERCENT_HEADER, 0, s.len()).is_some();
    // The line of the numeral, for table notes and columns; found once per line.
    let mut line = Line { start: 0, end: 0, prose: false };
    for (ni, n) in nums.iter().enumerate() {
        while skip_i < skip.len() && skip[skip_i].end <= n.start {
            skip_i += 1;
        }
        let reread;
        let n = match skip.get(skip_i).filter(|sp| sp.start < n.end) {
            // 新华三三家: a numeral that began inside a name starts again after it.
            Some(sp) if n.end > sp.end && n.start < sp.end => match numeral::numeral_at(s, sp.end) {
                Some(m) => {
                    reread = m;
                    &reread
                }
                None => continue,
            },
            Some(_) => continue,
            None => n,
        };
        // 两美元又三美分: the sub-unit's numeral is already part of the amount.
        let inside = out.last().is_some_and(|q| n.start < q.end);
        if inside || n.start > 0 && matches!(s[n.start - 1], '第' | '#') || in_url(s, &urls, n.start) {
            continue;
        }
        // 营业收入（百万元）: the unit of a table row, not an amount.
        let opens_note = n.start > 0 && matches!(s[n.start - 1], '(' | '（' | '：' | ':');
        if opens_note && !n.arabic && unit_note(s, n.start).is_some() {
            continue;
        }
        if !(line.start..line.end).contains(&n.start) {
            line = Line::at(s, n.start);
        }
        let prefix = currency_before(s, n.start).filter(|_| reading == Reading::Units);
        let classified = match reading {
            Reading::Units => classify(s, n, users_at(n.start))
                .or_else(|| {
                    prefix.map(|(_, code)| (QuantityKind::Money, code, n.end, n.low, n.high, n.vague()))
                })
                .or_else(|| {
                    let (kind, unit, scale) = listed_unit(s, &nums[ni + 1..], n)?;
                    Some((kind, unit, n.end, n.low * scale, n.high * scale, n.vague()))
                })
                .or_else(|| {
                    (percent_headers && percent_column(s, &line, n.start))
                        .then(|| (QuantityKind::Percent, "%", n.end, n.low, n.high, n.vague()))
                })
                .or_else(|| {
                    let (code, f) = table_unit(s, &line, n.start)?;
                    Some((QuantityKind::Money, code, n.end, n.low * f, n.high * f, n.vague()))
                })
                // 每10股派现: the base of a dividend, not a count.
                .filter(|c| {
                    let per = n.start > 0 && s[n.start - 1] == '每';
                    !(c.0 == QuantityKind::Count && per && s.get(c.2).is_some_and(|&x| "派送转".contains(x)))
                }),
            // 五百多: more than five hundred.
            Reading::Bare => Some(match s.get(n.end) {
                Some('多' | '余') if !n.vague() && n.kind == NumKind::Plain => {
                    (QuantityKind::Count, "", n.end + 1, n.low, n.low + round_step(n.low), true)
                }
                _ => (QuantityKind::Count, "", n.end, n.low, n.high, n.vague()),
            }),
        };
        let Some((mut kind, mut unit, mut end, low, high, vague)) = classified else {
            continue;
        };
        // Bare 元 is the yuan of the text's own country (新台幣 in a Taiwan paper).
        if kind == QuantityKind::Money && unit == "CNY" && s[end - 1] == '元' {
            unit = yuan;
        }
        let mut start = n.start;
        if let Some((b, code)) = prefix {
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
        let q = Q {
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
        out.push(hedged(s, q, vague));
    }
    if reading == Reading::Units {
        out.extend(word_multiples(s, cues).into_iter().map(|q| hedged(s, q, false)));
        word_percents(s, cues, &mut out);
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
    merge_ranges(s, &free, out, reading)
}

/// The currency a bare 元 stands for: the New Taiwan dollar in a text that names it and
/// not the renminbi, else the renminbi.
fn yuan_code(s: &[char], cues: &Cues) -> &'static str {
    let names = |g: Group| cues.find_any(g, 0, s.len()).is_some();
    if names(TWD_NAME) && !names(CNY_NAME) {
        "TWD"
    } else {
        "CNY"
    }
}

/// Kind, unit and scale a bare number shares with the last of a slash-separated list
/// (净利润预测352/441/530亿元, EPS 3.86/4.84/5.81元, PE 26.8/21.4/17.8倍). `next` are the
/// numerals after `n`.
fn listed_unit(s: &[char], next: &[Num], n: &Num) -> Option<(QuantityKind, &'static str, f64)> {
    let mut end = n.end;
    let mut last = None;
    for m in next {
        if !matches!(s.get(end), Some('/' | '／')) || m.start != end + 1 {
            break;
        }
        last = Some(m);
        end = m.end;
    }
    let last = last?;
    let (kind, unit, ..) = classify(s, last, None)?;
    if kind == QuantityKind::Count {
        return None;
    }
    let scale = if n.magnitude { 1.0 } else { last.scale };
    Some((kind, unit, scale))
}

/// Whether the figure at `at` stands in a table column headed as percentages: the header
/// line above (项目 本报告期 上年同期 增减变动幅度（%）) has as many columns as the figure's
/// line, and the figure's column is the one marked (%).
fn percent_column(s: &[char], line: &Line, at: usize) -> bool {
    let Line { start: line_start, end: line_end, .. } = *line;
    let columns = |a: usize, b: usize| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut k = a;
        while k < b {
            while k < b && s[k].is_whitespace() {
                k += 1;
            }
            let w = k;
            while k < b && !s[k].is_whitespace() {
                k += 1;
            }
            if k > w {
                out.push((w, k));
            }
        }
        out
    };
    let row = columns(line_start, line_end);
    let Some(col) = row.iter().position(|&(a, b)| a <= at && at < b) else { return false };
    // The header is the nearest line above without figures, in the same block.
    let mut end = line_start;
    for _ in 0..12 {
        if end == 0 {
            return false;
        }
        let start = s[..end - 1].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
        let line = &s[start..end - 1];
        if line.iter().all(|c| c.is_whitespace()) {
            return false;
        }
        if !line.iter().any(|c| c.is_ascii_digit()) {
            let header = columns(start, end - 1);
            return header.len() == row.len()
                && PERCENT_MARKS
                    .iter()
                    .any(|w| s[header[col].0..header[col].1].iter().collect::<String>().ends_with(w));
        }
        end = start;
    }
    false
}

/// A line of the text (without its newline), and whether it is prose: a line ending a
/// sentence is no row of a table.
#[derive(Clone, Copy)]
struct Line {
    start: usize,
    end: usize,
    prose: bool,
}

impl Line {
    /// The line holding `at`.
    fn at(s: &[char], at: usize) -> Line {
        let start = s[..at].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
        let end = s[at..].iter().position(|&c| c == '\n').map_or(s.len(), |p| at + p);
        let text = &s[start..end];
        let prose = text.contains(&'。') || text.windows(2).any(|w| w[0] == '.' && w[1] == ' ');
        Line { start, end, prose }
    }
}

/// The unit a table's note gives its bare figures, on the figure's line or a line above
/// it in the same block: "Selected figures (RMB million)", "（单位：亿元）", "(US$ '000)".
/// Returns (ISO code, factor). Lines of prose (ending a sentence) take no table unit.
fn table_unit(s: &[char], line: &Line, at: usize) -> Option<(&'static str, f64)> {
    if line.prose {
        return None;
    }
    let line_start = line.start;
    let floor = line_start.saturating_sub(600);
    let mut i = at;
    // Whether the line scanned holds figures: a row's own note (基本每股收益（元）) is
    // not the unit of the rows below it.
    let mut row_above = false;
    while i > floor {
        i -= 1;
        match s[i] {
            // A blank line ends the table.
            '\n' if i > 0 && s[i - 1] == '\n' => return None,
            '\n' => {
                let above = s[..i].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
                row_above = s[above..i].iter().any(|c| c.is_ascii_digit());
            }
            _ if row_above => {}
            '(' | '（' => {
                if let Some(u) = unit_note(s, i + 1) {
                    return Some(u);
                }
            }
            '单' if s.get(i + 1) == Some(&'位') => {
                let k = if matches!(s.get(i + 2), Some('：' | ':')) { i + 3 } else { i + 2 };
                if let Some(u) = unit_note(s, k) {
                    return Some(u);
                }
            }
            _ => {}
        }
    }
    None
}

/// A unit note starting at `at` (RMB million, 亿元, in thousands of US dollars, HK$ bn):
/// a currency and an optional magnitude, up to a closing bracket or the end of the line.
fn unit_note(s: &[char], at: usize) -> Option<(&'static str, f64)> {
    const MAGNITUDES: &[(&str, f64)] = &[
        ("'000", 1e3),
        ("thousands", 1e3),
        ("thousand", 1e3),
        ("millions", 1e6),
        ("million", 1e6),
        ("mn", 1e6),
        ("billions", 1e9),
        ("billion", 1e9),
        ("bn", 1e9),
        ("百万", 1e6),
        ("千万", 1e7),
        ("万亿", 1e12),
        ("亿", 1e8),
        ("万", 1e4),
        ("千", 1e3),
    ];
    let end = (at..s.len().min(at + 32)).find(|&k| matches!(s[k], ')' | '）' | '\n'))?;
    let note = &s[at..end];
    let mut code = None;
    let mut factor = 1.0;
    let mut k = 0;
    while k < note.len() {
        let boundary = k == 0 || !note[k - 1].is_ascii_alphabetic();
        let magnitude = MAGNITUDES.iter().find_map(|&(w, f)| {
            let e = starts_with_at(note, k, w)?;
            let glued = w.is_ascii() && note.get(e).is_some_and(|c| c.is_ascii_alphabetic());
            (boundary && !glued).then_some((e, f))
        });
        if let Some((e, f)) = magnitude {
            factor = f;
            k = e;
            continue;
        }
        let currency = currency_word(note, k, &CURRENCY_AFTER)
            .or_else(|| currency_word(note, k, &CURRENCY_BEFORE))
            .filter(|_| boundary);
        if let Some((e, c)) = currency {
            let dollar = note[e - 1] == '$';
            code = Some(if dollar { dollar_prefix(note, e - 1).map_or(c, |(_, c)| c) } else { c });
            k = e;
            continue;
        }
        if note[k].is_ascii_alphabetic() && boundary {
            // Words a note may hold besides its unit: in millions of US dollars.
            let w_end = (k..note.len()).find(|&j| !note[j].is_ascii_alphabetic()).unwrap_or(note.len());
            let word: String = note[k..w_end].iter().collect();
            if !matches!(word.as_str(), "in" | "of") && note.get(w_end) != Some(&'$') {
                return None;
            }
            k = w_end;
            continue;
        }
        if !matches!(note[k], ' ' | '$' | ',' | '：' | ':') {
            return None;
        }
        k += 1;
    }
    code.map(|c| (c, factor))
}

/// `q` widened over the hedge words around it (近, 超过, 左右, about, or more, 比…大), which
/// set its qualifier unless the amount itself is vague (数亿).
fn hedged(s: &[char], mut q: Q, vague: bool) -> Q {
    q.qualifier = if vague { Qualifier::Vague } else { Qualifier::Exact };
    // 不超过每股350元, 突破每盎司3,780美元: the hedge stands before "per share".
    let per_share = (1..=2)
        .filter_map(|k| q.start.checked_sub(k + 1))
        .find(|&b| s[b] == '每' && s[b + 1..q.start].iter().all(|&c| numeral::is_cjk(c)))
        .filter(|&b| longest_before(s, b, &HEDGE_BEFORE).is_some());
    q.start = per_share.unwrap_or(q.start);
    let mut spaced = q.start;
    while spaced > 0 && s[spaced - 1] == ' ' {
        spaced -= 1;
    }
    let before = longest_before(s, q.start, &HEDGE_BEFORE).or_else(|| {
        // 超过 30, >= 30: spaces after a hedge that is not an English word.
        longest_before(s, spaced, &HEDGE_BEFORE).filter(|(b, _)| !s[*b].is_ascii_alphabetic())
    });
    let before = before.filter(|&(b, _)| {
        // A word must start as one (not "cover 5"); =>30 and <>30 are no comparisons.
        let word = s[b].is_ascii_alphabetic() && b > 0 && s[b - 1].is_ascii_alphanumeric();
        let symbol = "<>≥≤".contains(s[b]) && b > 0 && "<>=".contains(s[b - 1]);
        // handing over 150,000 vehicles: "over" is the verb's particle.
        let particle = starts_with_ci(s, b, "over ").is_some()
            && PARTICLE_VERBS
                .iter()
                .any(|v| ends_with_at(s, b, v).is_some_and(|a| a == 0 || !s[a - 1].is_ascii_alphabetic()));
        !word && !symbol && !particle
    });
    // 上下游 is a supply chain, not a hedge; "or more than 5" hedges the 5.
    let after = longest(s, q.end, &HEDGE_AFTER).filter(|&(e, _)| {
        !(s[e - 1] == '下' && s.get(e) == Some(&'游'))
            && starts_with_at(s, e, " than").is_none()
            && !(s[e - 1].is_ascii_alphabetic() && s.get(e).is_some_and(|c| c.is_ascii_alphanumeric()))
    });
    // 比 170 低, 比三十大: a comparison around the amount.
    let compared = (spaced > 0 && s[spaced - 1] == '比')
        .then(|| {
            let e = (q.end..s.len()).find(|&k| s[k] != ' ').unwrap_or(s.len());
            let h = match s.get(e)? {
                '大' | '多' | '高' => Qualifier::Gt,
                '小' | '少' | '低' => Qualifier::Lt,
                _ => return None,
            };
            Some((spaced - 1, e + 1, h))
        })
        .flatten();
    if let Some((b, e, h)) = compared {
        q.start = b;
        q.end = e;
        if !vague {
            q.qualifier = h;
        }
        return q;
    }
    if let Some((b, h)) = before {
        // "about five hundred or more": the bound after decides, the hedge before goes.
        if !(h == Qualifier::Approx && after.is_some_and(|(_, a)| a != Qualifier::Approx)) {
            q.start = b;
            if !vague {
                q.qualifier = h;
            }
        }
    }
    if let Some((e, h)) = after {
        q.end = e;
        if !vague {
            q.qualifier = h;
        }
    }
    q
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

fn currency_before(s: &[char], at: usize) -> Option<(usize, &'static str)> {
    let mut k = at;
    while k > 0 && s[k - 1] == ' ' {
        k -= 1;
    }
    let (b, code) = longest_before(s, k, &CURRENCY_BEFORE)?;
    // 4人民币 5美元: a currency word right after an amount belongs to that amount.
    let mut p = b;
    while p > 0 && s[p - 1] == ' ' {
        p -= 1;
    }
    let sign = !s[b].is_alphabetic();
    if !sign && p > 0 && (numeral::ascii_digit(s[p - 1]).is_some() || "万亿千百十".contains(s[p - 1])) {
        return None;
    }
    // A code glued to a word is not a currency (xUSD); a space is only allowed after codes.
    if b > 0 && s[b].is_ascii_alphabetic() && s[b - 1].is_ascii_alphanumeric() {
        return None;
    }
    if s[b] == '$' {
        return Some(dollar_prefix(s, b).unwrap_or((b, code)));
    }
    Some((b, code))
}

/// Letters naming whose dollar a `$` at `at` is: US$, HK$, NT$, S$, A$, C$, NZ$, "hk $".
/// Codes of two or more letters match in any case; single letters only as capitals.
fn dollar_prefix(s: &[char], at: usize) -> Option<(usize, &'static str)> {
    const PREFIXES: &[(&str, &str)] = &[
        ("US", "USD"),
        ("U.S.", "USD"),
        ("U.S", "USD"),
        ("USD", "USD"),
        ("HK", "HKD"),
        ("HKD", "HKD"),
        ("NT", "TWD"),
        ("NZ", "NZD"),
        ("NZD", "NZD"),
        ("AU", "AUD"),
        ("AUD", "AUD"),
        ("CAD", "CAD"),
        ("Mex", "MXN"),
        ("MXN", "MXN"),
        ("SGD", "SGD"),
        ("S", "SGD"),
        ("A", "AUD"),
        ("C", "CAD"),
        ("R", "BRL"),
    ];
    let e = if at > 0 && s[at - 1] == ' ' { at - 1 } else { at };
    let b = (0..e).rev().find(|&k| !(s[k].is_ascii_alphabetic() || s[k] == '.')).map_or(0, |k| k + 1);
    if b == e || b > 0 && s[b - 1].is_ascii_alphanumeric() {
        return None;
    }
    let word: String = s[b..e].iter().collect();
    let &(_, code) = PREFIXES.iter().find(|(w, _)| {
        if w.len() == 1 {
            *w == word && e == at
        } else {
            w.eq_ignore_ascii_case(&word)
        }
    })?;
    Some((b, code))
}

/// Sub-units after an amount: 五元三毛 (+0.3), 50元6角三分 (+0.63), 两美元又三美分, 10日元5日本銭,
/// "3 dollars 50 cents", "thirteen dollars and forty-five cents".
fn subunits(s: &[char], at: usize, code: &str) -> Option<(usize, f64)> {
    let units: &[(&str, f64)] = match code {
        "CNY" => &[("角", 0.1), ("毛", 0.1), ("分", 0.01)],
        "USD" => &[("美分", 0.01), (" cents", 0.01), (" cent", 0.01)],
        "GBP" => &[(" pence", 0.01)],
        "JPY" => &[("日本銭", 0.01)],
        _ => return None,
    };
    let mut k = at;
    let mut add = 0.0;
    loop {
        let j = ["又", "和", " and ", " "].iter().find_map(|w| starts_with_at(s, k, w)).unwrap_or(k);
        let Some(n) = numeral::numeral_at(s, j).filter(|n| n.start == j && !n.vague()) else { break };
        let Some((e, f)) = units.iter().find_map(|&(w, f)| starts_with_at(s, n.end, w).map(|e| (e, f)))
        else {
            break;
        };
        add += n.low * f;
        k = e;
    }
    (k > at).then_some((k, add))
}

/// Percentages written as words (see `word_percents`).
const PERCENT_WORDS: &[(&str, f64)] = &[("对折", 50.0), ("對折", 50.0), ("半折", 50.0), ("半成", 5.0)];

/// Percentages written as words: 打对折, 半折 (50%), 半成 (5%).
fn word_percents(s: &[char], cues: &Cues, out: &mut Vec<Q>) {
    for &(i, e, k) in &cues.in_order(PERCENT) {
        let (w, v) = PERCENT_WORDS[k];
        // 对折 alone is a fold; after 打 it is a discount.
        let fold = w.ends_with("对折") || w.ends_with("對折");
        let ok = !fold || i > 0 && s[i - 1] == '打';
        if ok {
            out.push(Q {
                kind: QuantityKind::Percent,
                start: i,
                end: e,
                num_start: i,
                low: v,
                high: v,
                unit: "%",
                qualifier: Qualifier::Exact,
                closed: None,
            });
        }
    }
}

/// Multiples written as words (see `word_multiples`).
const MULTIPLE_WORDS: &[(&str, f64)] = &[
    ("一半", 0.5),
    ("翻一番", 2.0),
    ("翻两番", 4.0),
    ("翻番", 2.0),
    ("翻倍", 2.0),
    ("doubled", 2.0),
    ("double", 2.0),
    ("tripled", 3.0),
    ("triple", 3.0),
    ("trebled", 3.0),
    ("quadrupled", 4.0),
    ("halved", 0.5),
];

/// Multiples written as words: 一半, 翻一番, 翻番, 翻两番, doubled, tripled.
fn word_multiples(s: &[char], cues: &Cues) -> Vec<Q> {
    let mut out = Vec::new();
    for run in cues.in_order(MULTIPLE).chunk_by(|x, y| x.0 == y.0) {
        // The first word of the list among those starting here.
        let (i, e, k) = run[0];
        let (w, v) = MULTIPLE_WORDS[k];
        // double-digit and "a double whammy" are no multiples.
        let adjective = matches!(w, "double" | "triple")
            && (s.get(e) == Some(&'-') || ends_with_at(s, i, "a ").is_some());
        let ascii_ok = !w.is_ascii()
            || ((i == 0 || !s[i - 1].is_ascii_alphanumeric())
                && !s.get(e).is_some_and(|c| c.is_ascii_alphanumeric())
                && !adjective);
        if ascii_ok {
            out.push(Q {
                kind: QuantityKind::Multiple,
                start: i,
                end: e,
                num_start: i,
                low: v,
                high: v,
                unit: "x",
                qualifier: Qualifier::Exact,
                closed: None,
            });
        }
    }
    out
}

/// Whether `A sep B` joins the amount at `[a_start, a_end)` to `q` as a range.
fn range_sep(s: &[char], a_start: usize, a_end: usize, q: &Q) -> bool {
    // +1-222-2222-2222: parts of a phone number or a code, not a range.
    let linked = |k: usize| s.get(k).is_some_and(|c| "-/+".contains(*c));
    if a_start > 0 && linked(a_start - 1)
        || linked(q.end) && s.get(q.end + 1).is_some_and(|c| c.is_ascii_digit())
    {
        return false;
    }
    RANGE_SEP.iter().any(|sep| {
        let mut k = a_end;
        while s.get(k) == Some(&' ') && !sep.starts_with(' ') {
            k += 1;
        }
        let Some(mut e) = starts_with_at(s, k, sep) else { return false };
        while s.get(e) == Some(&' ') {
            e += 1;
        }
        if e != q.num_start && e != q.start {
            return false;
        }
        match *sep {
            " and " => ends_with_at(s, a_start, "between ").is_some(),
            "与" | "和" => starts_with_at(s, q.end, "之间").or(starts_with_at(s, q.end, "间")).is_some(),
            // Rose from 2% to 3% is a move, not a range.
            " to " | " through " => {
                let Some(b) = ends_with_at(s, a_start, "from ") else { return true };
                let head: String = s[b.saturating_sub(30)..b].iter().collect::<String>().to_lowercase();
                !head.split_whitespace().rev().take(2).any(|w| CHANGE_VERBS.contains(&w))
            }
            _ => true,
        }
    })
}

/// Start of a range at `start`, widened over the word that opens it (从, between, 位于).
fn range_start(s: &[char], start: usize) -> usize {
    ["从", "between ", "from ", "位于", "介于"]
        .iter()
        .find_map(|w| ends_with_at(s, start, w))
        .unwrap_or(start)
}

/// End of a range at `end`, widened over 之间 / 间.
fn range_end(s: &[char], end: usize) -> usize {
    starts_with_at(s, end, "之间").or_else(|| starts_with_at(s, end, "间")).unwrap_or(end)
}

/// A lower and an upper bound side by side (大于10小于20, at most 100 and at least 20) as
/// one range, each end included as its bound says.
fn two_sided(s: &[char], a: &Q, b: &Q) -> Option<Q> {
    use Qualifier::{Gt, Gte, Lt, Lte};
    if a.kind != b.kind || a.unit != b.unit || a.end > b.start {
        return None;
    }
    let (lower, upper) = match (a.qualifier, b.qualifier) {
        (Gt | Gte, Lt | Lte) => (a, b),
        (Lt | Lte, Gt | Gte) => (b, a),
        _ => return None,
    };
    let gap: String = s[a.end..b.start].iter().collect();
    if !BOUND_JOINERS.contains(&gap.trim_matches(' ')) && !BOUND_JOINERS.contains(&gap.as_str()) {
        return None;
    }
    (lower.low <= upper.low).then(|| Q {
        start: a.start,
        end: b.end,
        num_start: a.num_start,
        low: lower.low,
        high: upper.high,
        qualifier: Qualifier::Range,
        closed: Some((lower.qualifier == Gte, upper.qualifier == Lte)),
        ..a.clone()
    })
}

/// Joins `A sep B` into one range quantity: both quantities of one kind and unit, or a
/// bare number followed by a quantity (从8500到3万, 5-20%, 10到20亿元); and a lower with
/// an upper bound (大于10小于20).
fn merge_ranges(s: &[char], nums: &[Num], qs: Vec<Q>, reading: Reading) -> Vec<Q> {
    let mut out: Vec<Q> = Vec::with_capacity(qs.len());
    for q in qs {
        // The second end of a range carries no bound of its own (not "18,000 to at least 1.4m").
        let second_ok = matches!(q.qualifier, Qualifier::Exact | Qualifier::Approx | Qualifier::Vague);
        if let Some(prev) = out.last_mut() {
            if let Some(both) = two_sided(s, prev, &q) {
                *prev = both;
                continue;
            }
            // A bare magnitude before the separator (between 100 billion and 110 billion yuan).
            let bare_prev = prev.kind == QuantityKind::Count && prev.unit.is_empty() && !q.unit.is_empty();
            let exact_prev = matches!(prev.qualifier, Qualifier::Exact | Qualifier::Approx);
            if bare_prev
                && exact_prev
                && second_ok
                && range_sep(s, prev.start, prev.end, &q)
                && prev.low <= q.high
            {
                let start = range_start(s, prev.start);
                let end = range_end(s, q.end);
                let low = scaled_low(nums, prev.low, prev.num_start, &q);
                *prev = Q { start, end, num_start: prev.num_start, low, qualifier: Qualifier::Range, ..q };
                continue;
            }
            if prev.kind == q.kind
                && prev.unit == q.unit
                && second_ok
                && range_sep(s, prev.start, prev.end, &q)
                && prev.low <= q.high
            {
                prev.start = ends_with_at(s, prev.start, "between ").unwrap_or(prev.start);
                prev.end = q.end;
                prev.high = q.high;
                prev.qualifier = Qualifier::Range;
                if prev.unit.is_empty() {
                    prev.start = range_start(s, prev.start);
                    prev.end = range_end(s, prev.end);
                }
                continue;
            }
        }
        // A bare number before the separator takes the second amount's unit (and magnitude
        // when it is smaller than the second's mantissa: 10到20亿元 = 10亿..20亿).
        let bare = nums[..nums.partition_point(|n| n.end <= q.start)]
            .last()
            .filter(|n| out.last().is_none_or(|p| p.end <= n.start));
        if let Some(n) = bare.filter(|n| {
            n.kind == NumKind::Plain && !n.vague() && second_ok && range_sep(s, n.start, n.end, &q)
        }) {
            // 三至四成: the first end is in tenths too.
            let tenths = q.kind == QuantityKind::Percent && s[q.end - 1] == '成';
            let low = scaled_low(nums, n.low, n.start, &q) * if tenths { 10.0 } else { 1.0 };
            if q.kind == QuantityKind::Percent || low <= q.low {
                let start = range_start(s, n.start);
                let end = range_end(s, q.end);
                out.push(Q { start, end, num_start: n.start, low, qualifier: Qualifier::Range, ..q });
                continue;
            }
        }
        out.push(q);
    }
    // A bare magnitude (200亿) with no unit and no users context says too little on its own.
    if reading == Reading::Units {
        out.retain(|q| {
            !(q.kind == QuantityKind::Count && q.unit.is_empty() && q.qualifier != Qualifier::Range)
        });
    }
    out
}

/// The first end of a range `low..q`, given the second's magnitude when it has none of its
/// own and is smaller than the second's mantissa (10到20亿元 = 10亿..20亿).
fn scaled_low(nums: &[Num], low: f64, first_start: usize, q: &Q) -> f64 {
    let first = nums.iter().find(|n| n.start == first_start);
    let second = nums.iter().find(|m| m.start >= q.num_start);
    match (first, second) {
        (Some(n), Some(m)) if m.scale > 1.0 && !n.magnitude && low < m.low / m.scale => low * m.scale,
        _ => low,
    }
}

/// Numbers with the bounds the text puts on them, whatever they count: "more than 40",
/// "between 20 and 30", 大于10小于20, 20到100之间, 五百以上. Each comes with its qualifier
/// (gt, lte, range, vague ...) and, for a range, whether the text includes each end.
pub fn number_bounds(s: &[char]) -> Vec<Bound> {
    let nums = numeral::scan(s);
    // The words `read` looks for (web addresses, currency names) come from an article's
    // automaton pass.
    let text: String = s.iter().collect();
    let cues = Registry::builtin().scan(&text);
    read(s, &nums, &[], &cues, &|_| None, Reading::Bare)
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
    use crate::extract::numeral;

    /// (text, kind, low, high, unit, qualifier) of every quantity in `t`.
    fn run(t: &str) -> Vec<(String, QuantityKind, f64, f64, &'static str, Qualifier)> {
        let s: Vec<char> = t.chars().collect();
        let nums = numeral::scan(&s);
        quantities(&s, &nums, &[], &Registry::builtin().scan(t), &|_| None)
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
