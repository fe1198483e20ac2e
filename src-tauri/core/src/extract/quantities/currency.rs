//! Currencies: words and signs before and after amounts (元, 美元, US$, HK$, " euros"), minor
//! units (美分, pence), sub-units (五元三毛), and currencies named without an amount.

use std::sync::LazyLock;

use crate::extract::lexicon::{Group, Hits};
use crate::extract::numerals;
use crate::extract::text::{ascii_digit, ends_with_at, starts_with_at, Words};
use crate::extract::words::quantities::{self as words, SCALE_BEFORE};

/// Currency words written after the amount, longest first within a shared prefix. English
/// words match in any case (lower-cased wire copy writes "swiss francs").
pub static CURRENCY_AFTER: LazyLock<Words<&'static str>> =
    LazyLock::new(|| Words::new(words::CURRENCY_AFTER.iter().copied()));

/// Minor units after an amount, in hundredths of the currency: 50 cents = 0.5 USD.
pub static MINOR_AFTER: LazyLock<Words<&'static str>> =
    LazyLock::new(|| Words::new(words::MINOR_AFTER.iter().copied()));

/// Currency signs and codes written before the amount (an optional space may follow).
/// Letters before a dollar sign (US$, HK$, C $) are read by `dollar_prefix`.
pub static CURRENCY_BEFORE: LazyLock<Words<&'static str>> =
    LazyLock::new(|| Words::new(words::CURRENCY_BEFORE.iter().copied()));

/// The longest currency word of `words` at `at` that ends a word: (end, ISO code).
pub fn currency_word(s: &[char], at: usize, words: &Words<&'static str>) -> Option<(usize, &'static str)> {
    (words.starting_at(s, at, true))
        .filter(|&(e, _)| {
            !(s[e - 1].is_ascii_alphabetic() && s.get(e).is_some_and(|c| c.is_ascii_alphanumeric()))
        })
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
                .filter(|(w, _)| !words::NOT_NAMES_ALONE.contains(w))
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

pub fn currency_before(s: &[char], at: usize) -> Option<(usize, &'static str, f64)> {
    let mut k = at;
    while k > 0 && s[k - 1] == ' ' {
        k -= 1;
    }
    // Rs crore 298: a magnitude may stand between the currency and its number.
    let mut scale = 1.0;
    if let Some(&(w, f)) = SCALE_BEFORE.iter().find(|(w, _)| ends_with_at(s, k, w).is_some()) {
        let mut j = k - w.len();
        while j > 0 && s[j - 1] == ' ' {
            j -= 1;
        }
        if j < k - w.len() {
            k = j;
            scale = f;
        }
    }
    let (b, code) = CURRENCY_BEFORE.longest_ending_at(s, k)?;
    // 4人民币 5美元: a currency word right after an amount belongs to that amount.
    let mut p = b;
    while p > 0 && s[p - 1] == ' ' {
        p -= 1;
    }
    let sign = !s[b].is_alphabetic();
    if !sign && p > 0 && (ascii_digit(s[p - 1]).is_some() || "万亿千百十".contains(s[p - 1])) {
        return None;
    }
    // A code glued to a word is not a currency (xUSD); a space is only allowed after codes.
    if b > 0 && s[b].is_ascii_alphabetic() && s[b - 1].is_ascii_alphanumeric() {
        return None;
    }
    if s[b] == '$' {
        let (b, code) = dollar_prefix(s, b).unwrap_or((b, code));
        return Some((b, code, scale));
    }
    Some((b, code, scale))
}

/// Letters naming whose dollar a `$` at `at` is: US$, HK$, NT$, S$, A$, C$, NZ$, "hk $".
/// Codes of two or more letters match in any case; single letters only as capitals.
pub fn dollar_prefix(s: &[char], at: usize) -> Option<(usize, &'static str)> {
    let e = if at > 0 && s[at - 1] == ' ' { at - 1 } else { at };
    let b = (0..e).rev().find(|&k| !(s[k].is_ascii_alphabetic() || s[k] == '.')).map_or(0, |k| k + 1);
    if b == e || b > 0 && s[b - 1].is_ascii_alphanumeric() {
        return None;
    }
    let word: String = s[b..e].iter().collect();
    let &(_, code) = words::DOLLAR_PREFIXES.iter().find(|(w, _)| {
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
pub fn subunits(s: &[char], at: usize, code: &str) -> Option<(usize, f64)> {
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
        let Some(n) = numerals::numeral_at(s, j).filter(|n| n.start == j && !n.vague()) else { break };
        let Some((e, f)) = units.iter().find_map(|&(w, f)| starts_with_at(s, n.end, w).map(|e| (e, f)))
        else {
            break;
        };
        add += n.low * f;
        k = e;
    }
    (k > at).then_some((k, add))
}

/// The currency a bare 元 stands for: the New Taiwan dollar in a text that names it and
/// not the renminbi; the Hong Kong dollar in a Hong Kong paper's market report (traditional
/// script, the market named, no other currency named); else the renminbi.
pub fn yuan_code(s: &[char], hits: &Hits) -> &'static str {
    let names = |g: Group| hits.find_any(g, 0, s.len()).is_some();
    if names(Group::CnyName) {
        return "CNY";
    }
    if names(Group::TwdName) {
        return "TWD";
    }
    let traditional = hits.within(Group::Traditional, 0, s.len()).nth(4).is_some();
    if traditional && names(Group::HkMarket) && !names(Group::HkdName) {
        "HKD"
    } else {
        "CNY"
    }
}
