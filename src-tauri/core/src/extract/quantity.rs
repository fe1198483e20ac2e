//! Quantities: numerals given a kind (money, percent, count, multiple), a unit, a
//! qualifier from the hedges around them, and merged into ranges (10亿美元到1500亿美元).

use super::cue::{Cues, Group};
use super::fact;
use super::numeral::{self, Num, NumKind};
use super::text::{ends_with_at, first_byte_at, last_byte_before, starts_with_at, Span};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    Money,
    Percent,
    Count,
    Multiple,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
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
}

/// Word groups of quantities in the article's lexicon, after those of facts.
const URL: Group = Group(fact::GROUPS);
const MULTIPLE: Group = Group(fact::GROUPS + 1);
const PERCENT: Group = Group(fact::GROUPS + 2);
/// One past the groups of quantities.
pub const GROUPS_END: usize = fact::GROUPS + 3;

/// The words quantities look for, as groups of a lexicon from `Group(fact::GROUPS)`, with
/// whether each group ignores ASCII case: marks of web addresses, multiples and
/// percentages written as words.
pub fn cue_groups() -> Vec<(Vec<&'static str>, bool)> {
    vec![
        (vec!["://", "www."], false),
        (MULTIPLE_WORDS.iter().map(|&(w, _)| w).collect(), false),
        (PERCENT_WORDS.iter().map(|&(w, _)| w).collect(), false),
    ]
}

/// Currency words written after the amount, longest first within a shared prefix.
const CURRENCY_AFTER: &[(&str, &str)] = &[
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
    ("英镑", "GBP"),
    ("瑞士法郎", "CHF"),
    ("韩元", "KRW"),
    ("澳元", "AUD"),
    ("加元", "CAD"),
    ("新加坡元", "SGD"),
    ("卢布", "RUB"),
    ("卢比", "INR"),
    ("奈拉", "NGN"),
    ("个比特币", "BTC"),
    ("比特币", "BTC"),
    (" US dollars", "USD"),
    (" Hong Kong dollars", "HKD"),
    (" dollars", "USD"),
    (" yuan", "CNY"),
    (" renminbi", "CNY"),
    (" euros", "EUR"),
    (" pounds", "GBP"),
    (" yen", "JPY"),
    (" RMB", "CNY"),
    (" USD", "USD"),
    (" CNY", "CNY"),
    (" HKD", "HKD"),
    (" EUR", "EUR"),
    (" JPY", "JPY"),
    (" GBP", "GBP"),
];

/// Currency signs and codes written before the amount (an optional space may follow).
const CURRENCY_BEFORE: &[(&str, &str)] = &[
    ("US$", "USD"),
    ("HK$", "HKD"),
    ("NT$", "TWD"),
    ("S$", "SGD"),
    ("A$", "AUD"),
    ("C$", "CAD"),
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
];

/// Measure words and counted nouns after a number (Chinese, then English after a space).
const COUNTED: &[(&str, &str)] = &[
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
    ("张", "张"),
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
    (" chips", "chips"),
    (" GPUs", "GPUs"),
    (" devices", "devices"),
    (" downloads", "downloads"),
    (" stores", "stores"),
    (" deals", "deals"),
    (" investors", "investors"),
];

/// Units of time after a number: durations and dates, not quantities.
const TIME_AFTER: &[&str] = &[
    "年", "月", "日", "号", "时", "点", "分钟", "分", "秒", "天", "周", "季度", "小时", "个月", "個月", "岁",
    "世纪", "代", " years", " year", " months", " month", " days", " weeks", " hours", "-year", "-month",
    "-day",
];

/// Hedges before a number, longest first; English ones are followed by a space.
const HEDGE_BEFORE: &[(&str, Qualifier)] = &[
    ("不超过", Qualifier::Lte),
    ("不高于", Qualifier::Lte),
    ("不低于", Qualifier::Gte),
    ("不少于", Qualifier::Gte),
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
    ("at least ", Qualifier::Gte),
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
];

const HEDGE_AFTER: &[(&str, Qualifier)] = &[
    ("左右", Qualifier::Approx),
    ("上下", Qualifier::Approx),
    ("及以上", Qualifier::Gte),
    ("以上", Qualifier::Gt),
    ("以下", Qualifier::Lt),
    ("以内", Qualifier::Lte),
    (" or more", Qualifier::Gte),
    (" or so", Qualifier::Approx),
];

/// Separators of a range between two amounts.
const RANGE_SEP: &[&str] = &["到", "至", "~", "～", "-", "－", "—", "–", "——", " to ", " and "];

// Both are tried around every amount: words are skipped by one byte before comparing chars.
fn longest<'t, T: Copy>(s: &[char], at: usize, table: &'t [(&'t str, T)]) -> Option<(usize, T)> {
    let first = first_byte_at(s, at);
    (table.iter())
        .filter(|(w, _)| w.as_bytes().first().is_none_or(|&b| Some(b) == first))
        .filter_map(|&(w, v)| starts_with_at(s, at, w).map(|e| (e, v)))
        .max_by_key(|&(e, _)| e)
}

fn longest_before<T: Copy>(s: &[char], at: usize, table: &[(&str, T)]) -> Option<(usize, T)> {
    let last = last_byte_before(s, at);
    (table.iter())
        .filter(|(w, _)| w.as_bytes().last().is_none_or(|&b| Some(b) == last))
        .filter_map(|&(w, v)| ends_with_at(s, at, w).map(|b| (b, v)))
        .min_by_key(|&(b, _)| b)
}

fn is_word_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
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
        if longest(s, after, COUNTED).is_some() || longest(s, after, CURRENCY_AFTER).is_some() {
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
    for w in
        [" percentage points", " percentage point", " per cent", " percent", " pct", "个百分点", "個百分點"]
    {
        if let Some(e) = starts_with_at(s, at, w) {
            return Some((QuantityKind::Percent, "%", e, low, high, vague));
        }
    }
    if let Some(e) = spaced_word(s, at, &['个', '百', '分', '点'])
        .or_else(|| spaced_word(s, at, &['個', '百', '分', '點']))
    {
        return Some((QuantityKind::Percent, "%", e, low, high, vague));
    }
    if n.kind == NumKind::Fraction {
        return Some((QuantityKind::Multiple, "x", n.end, low, high, vague));
    }
    if let Some(e) = starts_with_at(s, at, "倍") {
        return Some((QuantityKind::Multiple, "x", e, low, high, vague));
    }
    for w in [" times", "-fold", " fold"] {
        if let Some(e) = starts_with_at(s, at, w) {
            return Some((QuantityKind::Multiple, "x", e, low, high, vague));
        }
    }
    // X成 (tenths) and X折 (discount to X tenths).
    if let Some(q) = tenths(s, at, low, high, vague) {
        return Some(q);
    }
    // 5 美元: a space may stand between an amount and a currency word.
    let cjk_next = s.get(at + 1).is_some_and(|&c| numeral::is_cjk(c));
    let cur_at = if s.get(at) == Some(&' ') && cjk_next { at + 1 } else { at };
    if let Some((e, code)) = longest(s, cur_at, CURRENCY_AFTER) {
        let e = subunits(s, e, code).map_or(e, |(se, add)| {
            low += add;
            high += add;
            se
        });
        if !s.get(e).copied().is_some_and(is_word_char) || !s[e - 1].is_ascii_alphabetic() {
            return Some((QuantityKind::Money, code, e, low, high, vague));
        }
    }
    let time = TIME_AFTER.iter().any(|w| {
        starts_with_at(s, at, w)
            .is_some_and(|e| !w.is_ascii() || !s.get(e).is_some_and(|c| c.is_ascii_alphabetic()))
    });
    if time {
        return None;
    }
    if let Some((e, unit)) = longest(s, at, COUNTED) {
        let english = unit.is_ascii();
        let word_ok = !english || !s.get(e).copied().is_some_and(is_word_char);
        // Small counts in Chinese numerals are mostly phrasing (一个, 两位), keep the telling ones.
        let telling =
            n.arabic || low >= 10.0 || (low >= 2.0 && matches!(unit, "家" | "次" | "轮" | "笔")) || n.vague();
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
    let mut out: Vec<Q> = Vec::new();
    let urls = cues.in_order(URL);
    let mut skip_i = 0;
    for n in nums {
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
        if n.start > 0 && matches!(s[n.start - 1], '第' | '#') || in_url(s, &urls, n.start) {
            continue;
        }
        // An identifier such as 7B or A100 ends in a letter, unless it is a unit (k, bn ...).
        if n.arabic && !n.magnitude && s.get(n.end).is_some_and(|c| c.is_ascii_alphabetic()) {
            continue;
        }
        let prefix = currency_before(s, n.start);
        let Some((mut kind, mut unit, mut end, low, high, vague)) = classify(s, n, users_at(n.start))
            .or_else(|| prefix.map(|(_, code)| (QuantityKind::Money, code, n.end, n.low, n.high, n.vague())))
        else {
            continue;
        };
        let mut start = n.start;
        if let Some((b, code)) = prefix {
            if kind != QuantityKind::Percent {
                start = b;
                kind = QuantityKind::Money;
                unit = code;
                // "$3 billion yuan" is not written; a trailing code repeats the currency.
                if let Some((e, _)) = longest(s, end, CURRENCY_AFTER) {
                    end = e;
                }
            }
        }
        let q = Q { kind, start, end, num_start: start, low, high, unit, qualifier: Qualifier::Exact };
        out.push(hedged(s, q, vague));
    }
    out.extend(word_multiples(s, cues).into_iter().map(|q| hedged(s, q, false)));
    word_percents(s, cues, &mut out);
    out.sort_by_key(|q| q.start);
    merge_ranges(s, nums, out)
}

/// `q` widened over the hedge words around it (近, 超过, 左右, about, or more), which set
/// its qualifier unless the amount itself is vague (数亿).
fn hedged(s: &[char], mut q: Q, vague: bool) -> Q {
    q.qualifier = if vague { Qualifier::Vague } else { Qualifier::Exact };
    if let Some((b, h)) = longest_before(s, q.start, HEDGE_BEFORE) {
        let english = !s[b].is_alphanumeric() || s[b].is_ascii();
        if !english || b == 0 || !s[b - 1].is_ascii_alphanumeric() {
            q.start = b;
            if !vague {
                q.qualifier = h;
            }
        }
    }
    // 上下游 is a supply chain, not a hedge.
    let after =
        longest(s, q.end, HEDGE_AFTER).filter(|&(e, _)| !(s[e - 1] == '下' && s.get(e) == Some(&'游')));
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
    let (b, code) = longest_before(s, k, CURRENCY_BEFORE)?;
    // 4人民币 5美元: a currency word right after an amount belongs to that amount.
    let mut p = b;
    while p > 0 && s[p - 1] == ' ' {
        p -= 1;
    }
    if p > 0 && (numeral::ascii_digit(s[p - 1]).is_some() || "万亿千百十".contains(s[p - 1])) {
        return None;
    }
    // A code glued to a word is not a currency (xUSD); a space is only allowed after codes.
    if b > 0 && s[b].is_ascii_alphabetic() && s[b - 1].is_ascii_alphanumeric() {
        return None;
    }
    if k != at && s[b..k].iter().all(|c| !c.is_ascii_alphabetic() && !numeral::is_cjk(*c)) && s[k - 1] == '$'
    {
        return None;
    }
    Some((b, code))
}

/// Sub-units after an amount: 五元三毛 (+0.3), 50元6角三分 (+0.63), 两美元又三美分, 10日元5日本銭.
fn subunits(s: &[char], at: usize, code: &str) -> Option<(usize, f64)> {
    let units: &[(&str, f64)] = match code {
        "CNY" => &[("角", 0.1), ("毛", 0.1), ("分", 0.01)],
        "USD" => &[("美分", 0.01)],
        "JPY" => &[("日本銭", 0.01)],
        _ => return None,
    };
    let mut k = at;
    let mut add = 0.0;
    loop {
        let mut j = k;
        if matches!(s.get(j), Some('又' | '和')) {
            j += 1;
        }
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
    ("tripled", 3.0),
    ("trebled", 3.0),
    ("quadrupled", 4.0),
    ("halved", 0.5),
    ("a third", 1.0 / 3.0),
    ("one-third", 1.0 / 3.0),
    ("one third", 1.0 / 3.0),
    ("two-thirds", 2.0 / 3.0),
    ("two thirds", 2.0 / 3.0),
    ("a fifth", 0.2),
    ("one-fifth", 0.2),
    ("a tenth", 0.1),
    ("one-tenth", 0.1),
];

/// Multiples written as words: 一半, 翻一番, 翻番, 翻两番, doubled, tripled.
fn word_multiples(s: &[char], cues: &Cues) -> Vec<Q> {
    let mut out = Vec::new();
    for run in cues.in_order(MULTIPLE).chunk_by(|x, y| x.0 == y.0) {
        // The first word of the list among those starting here.
        let (i, e, k) = run[0];
        let (w, v) = MULTIPLE_WORDS[k];
        // "a third round" is an ordinal; "a third of" and "a third," are fractions.
        let ordinal = w.starts_with("a ") && s.get(e) == Some(&' ') && starts_with_at(s, e, " of ").is_none();
        let ascii_ok = !w.is_ascii()
            || ((i == 0 || !s[i - 1].is_ascii_alphanumeric())
                && !s.get(e).is_some_and(|c| c.is_ascii_alphanumeric())
                && !ordinal);
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
            });
        }
    }
    out
}

/// Joins `A sep B` into one range quantity: both quantities of one kind and unit, or a
/// bare number followed by a quantity (从8500到3万, 5-20%, 10到20亿元).
fn merge_ranges(s: &[char], nums: &[Num], qs: Vec<Q>) -> Vec<Q> {
    let mut out: Vec<Q> = Vec::with_capacity(qs.len());
    for q in qs {
        let sep_before = |end: usize| -> bool {
            RANGE_SEP.iter().any(|sep| {
                let mut k = end;
                while s.get(k) == Some(&' ') && !sep.starts_with(' ') {
                    k += 1;
                }
                starts_with_at(s, k, sep).is_some_and(|e| {
                    let mut e = e;
                    while s.get(e) == Some(&' ') {
                        e += 1;
                    }
                    e == q.num_start || e == q.start
                })
            })
        };
        if let Some(prev) = out.last_mut() {
            // A bare magnitude before the separator (between 100 billion and 110 billion yuan).
            let bare_prev = prev.kind == QuantityKind::Count && prev.unit.is_empty();
            if bare_prev && sep_before(prev.end) && prev.low <= q.high {
                let start = ends_with_at(s, prev.start, "between ").unwrap_or(prev.start);
                *prev =
                    Q { start, num_start: prev.num_start, low: prev.low, qualifier: Qualifier::Range, ..q };
                continue;
            }
            if prev.kind == q.kind && prev.unit == q.unit && sep_before(prev.end) && prev.low <= q.high {
                prev.end = q.end;
                prev.high = q.high;
                prev.qualifier = Qualifier::Range;
                continue;
            }
        }
        // A bare number before the separator takes the second amount's unit (and magnitude
        // when it is smaller than the second's mantissa: 10到20亿元 = 10亿..20亿).
        let bare =
            nums.iter().rev().find(|n| n.end <= q.start && out.last().is_none_or(|p| p.end <= n.start));
        if let Some(n) = bare.filter(|n| n.kind == NumKind::Plain && !n.vague() && sep_before(n.end)) {
            let second = nums.iter().find(|m| m.start == q.num_start || m.start >= q.num_start);
            let mut low = n.low;
            if let Some(m) = second {
                if m.scale > 1.0 && !n.magnitude && n.low < m.low / m.scale {
                    low *= m.scale;
                }
                if q.kind == QuantityKind::Percent || low <= q.low {
                    let mut start = n.start;
                    if start > 0 && s[start - 1] == '从' {
                        start -= 1;
                    } else if let Some(b) = ends_with_at(s, start, "between ") {
                        start = b;
                    }
                    out.push(Q { start, num_start: n.start, low, qualifier: Qualifier::Range, ..q });
                    continue;
                }
            }
        }
        out.push(q);
    }
    // A bare magnitude (200亿) with no unit and no users context says too little on its own.
    out.retain(|q| !(q.kind == QuantityKind::Count && q.unit.is_empty() && q.qualifier != Qualifier::Range));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::{numeral, Registry};

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
