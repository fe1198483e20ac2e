//! Names found by the shape of the text around them rather than by their own: a name
//! before its stock code (宇通客车(600066), 騰訊（0700）, Ouster, Inc. (NYSE: OUST)), a
//! name after a word for a firm (社群零售企业十荟团, AI芯片创企Groq), an English name opening
//! a clause before what firms do (SambaNova Systems raised), and the short forms a text
//! introduces for a name (（以下简称“慧拓智能”）, (“Ouster” or the “Company”)).

use super::organisations::{canonical, cjk_name_start};
use super::NameSpan;
use crate::extract::kinds::EntityKind::Company as C;
use crate::extract::lexicon::{Group, Hits};
use crate::extract::text::{ascii_digit, is_cjk, starts_with_at};
use crate::extract::words::names::{
    CODE_SUFFIXES, EXCHANGES, FIRM_PARTIES, FIRM_VERBS, LATIN_TERMS, LEGAL_FORMS, NAME_ENDS, SENTENCE_WORDS,
};

/// Longest Chinese name read before a code or after a descriptor.
const LONGEST_CJK: usize = 10;

fn span(s: &[char], a: usize, b: usize) -> NameSpan {
    let text: String = s[a..b].iter().collect();
    NameSpan { start: a, end: b, entity: canonical(&text), kind: C }
}

/// Names before a bracket holding their stock code or quote: 北裕仪器（838239）,
/// 鼎胜新材(15.960,0.08,0.50%)(603876.SH), Nio Inc (NYSE: NIO). Returns, besides, the
/// brackets, whose numbers are no amounts of the text.
pub fn coded(s: &[char], out: &mut Vec<NameSpan>, brackets: &mut Vec<(usize, usize)>) {
    let mut i = 0;
    while i < s.len() {
        if !matches!(s[i], '(' | '（') {
            i += 1;
            continue;
        }
        let Some(end) = code_brackets(s, i) else {
            i += 1;
            continue;
        };
        let e = if i > 0 && s[i - 1] == ' ' { i - 1 } else { i };
        if let Some(b) = name_before(s, e) {
            out.push(span(s, b, e));
        }
        brackets.push((i, end));
        i = end;
    }
}

/// End of the run of brackets at `i` that ends in a stock code: a quote (price, change,
/// percent) may come first.
fn code_brackets(s: &[char], i: usize) -> Option<usize> {
    let close = |k: usize| (k..s.len().min(k + 40)).find(|&j| matches!(s[j], ')' | '）'));
    let end = close(i + 1)?;
    let inside: String = s[i + 1..end].iter().collect();
    if is_code(&inside) {
        return Some(end + 1);
    }
    let quote = inside.split(',').count() == 3 && inside.ends_with('%');
    let next = if s.get(end + 1) == Some(&' ') { end + 2 } else { end + 1 };
    if quote && matches!(s.get(next), Some('(' | '（')) {
        let end2 = close(next + 1)?;
        let inside: String = s[next + 1..end2].iter().collect();
        return is_code(&inside).then_some(end2 + 1);
    }
    None
}

/// 600066, 0700, 603876.SH, NYSE: NIO, NASDAQ:XPEV, 002594.SZ/01211.HK.
fn is_code(inside: &str) -> bool {
    let parts: Vec<&str> = inside.split(['/', '，', ',', '、']).collect();
    parts.len() <= 3 && parts.iter().all(|p| one_code(p))
}

fn one_code(inside: &str) -> bool {
    let inside = inside.trim();
    if let Some((exchange, ticker)) = inside.split_once([':', '：']) {
        let ticker = ticker.trim();
        return EXCHANGES.contains(&exchange.trim())
            && !ticker.is_empty()
            && ticker.len() <= 8
            && ticker.chars().all(|c| c.is_ascii_alphanumeric() || c == '.');
    }
    let digits = CODE_SUFFIXES.iter().find_map(|x| inside.strip_suffix(x)).unwrap_or(inside);
    (4..=6).contains(&digits.len()) && digits.chars().all(|c| ascii_digit(c).is_some())
}

/// Start of the name ending at `e`: Chinese chars back to a boundary (after a word for a
/// kind of firm, 重磅股滙豐 is 滙豐), or capitalised English words.
fn name_before(s: &[char], e: usize) -> Option<usize> {
    let last = *s.get(e.checked_sub(1)?)?;
    if is_cjk(last) {
        let b = cjk_name_start(s, e, LONGEST_CJK);
        return (e - b >= 2).then_some(b);
    }
    let b = english_run_before(s, e)?;
    let first: String = s[b..].iter().take_while(|c| c.is_ascii_alphanumeric()).collect();
    (!SENTENCE_WORDS.contains(&first.as_str())).then_some(b)
}

/// Start of the capitalised English words (with a legal form: Ouster, Inc.) ending at `e`.
fn english_run_before(s: &[char], e: usize) -> Option<usize> {
    let mut b = e;
    let mut words = 0;
    loop {
        let mut k = b;
        while k > 0 && (s[k - 1].is_ascii_alphanumeric() || matches!(s[k - 1], '.' | '&' | '-' | '\'')) {
            k -= 1;
        }
        if k == b || !s[k].is_ascii_alphanumeric() || s[k].is_ascii_lowercase() {
            break;
        }
        b = k;
        words += 1;
        if words == 5 {
            break;
        }
        if k >= 2 && s[k - 1] == ' ' && s[k - 2] == ',' {
            // Ouster, Inc.: a comma before a legal form joins it to the name.
            let word: String = s[k..e].iter().collect();
            if LEGAL_FORMS.iter().any(|l| l.trim_start_matches(", ") == word) {
                b = k - 2;
                continue;
            }
        }
        if k > 0 && s[k - 1] == ' ' {
            b = k - 1;
            continue;
        }
        break;
    }
    while b < e && s[b] == ' ' {
        b += 1;
    }
    (b < e && s[b].is_ascii_uppercase()).then_some(b)
}

/// Names after a word for a firm: 社群零售企业十荟团, AI芯片创企Groq, 初创公司Positron. The
/// word for the firm must follow a word of its own (芯片公司, not 该公司).
pub fn after_descriptors(s: &[char], hits: &Hits, out: &mut Vec<NameSpan>) {
    for (i, e, _) in hits.in_order(Group::Descriptor) {
        // 该公司, 子公司, 三季度公司: a pronoun, a part or a time before the word is no kind of firm.
        if i < 2
            || !is_cjk(s[i - 1])
            || "的该这那此其本各每某母子分度年月日期末内前后中上下".contains(s[i - 1])
        {
            continue;
        }
        let a = if s.get(e) == Some(&' ') { e + 1 } else { e };
        let Some(&c) = s.get(a) else { continue };
        if c.is_ascii_alphabetic() {
            let end = latin_run(s, a);
            let word: String = s[a..end].iter().collect();
            if !LATIN_TERMS.contains(&word.as_str()) && end > a + 1 {
                out.push(span(s, a, end));
            }
        } else if is_cjk(c) && a == e {
            // The name ends where the sentence goes on: a verb, a function word, a pause.
            let end = (a..s.len().min(a + LONGEST_CJK + 1))
                .find(|&k| !is_cjk(s[k]) || NAME_ENDS.iter().any(|w| starts_with_at(s, k, w).is_some()));
            let end = end.filter(|&k| matches!(s[k], '，' | '、' | '（' | '(' | '“' | '「') || is_cjk(s[k]));
            // A title, a metric word or another word for a firm inside is no name (公司董事长),
            // nor is one of a firm's parties (上市公司股东的净利润).
            let plain = |end: usize| {
                !FIRM_PARTIES.iter().any(|w| starts_with_at(s, a, w).is_some())
                    && hits.find_any(Group::Title, a, end).is_none()
                    && hits.find_any(Group::Metric, a, end).is_none()
                    && hits.find_any(Group::Descriptor, a, end).is_none()
            };
            if let Some(end) = end.filter(|&end| end - a >= 2 && plain(end)) {
                out.push(span(s, a, end));
            }
        }
    }
}

/// End of the Latin words from `a` (Samsung Catalyst Fund, FuriosaAI, HIFIVE): letters and
/// digits joined by . - & or by single spaces before a capital.
fn latin_run(s: &[char], a: usize) -> usize {
    let mut e = a;
    loop {
        while s.get(e).is_some_and(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '&')) {
            e += 1;
        }
        if s.get(e) == Some(&' ') && s.get(e + 1).is_some_and(|c| c.is_ascii_uppercase()) {
            e += 1;
            continue;
        }
        break;
    }
    while e > a && matches!(s[e - 1], '.' | '-') {
        e -= 1;
    }
    e
}

/// Does an English clause open at `i`: at a line's start, or after a stop, a colon, a
/// semicolon, a dash, an opening bracket or quote?
pub fn opens_clause(s: &[char], i: usize) -> bool {
    let mut k = i;
    while k > 0 && s[k - 1] == ' ' {
        k -= 1;
    }
    k == 0 || matches!(s[k - 1], '\n' | ';' | ':' | '-' | '.' | '(' | '"' | '“')
}

/// English names opening a clause before a verb of what firms do: "SambaNova Systems
/// raised", "Tide (fintech), which landed". `caps` are the starts of capitalised words.
pub fn clause_subjects(s: &[char], caps: &[usize], out: &mut Vec<NameSpan>) {
    for &i in caps {
        if !opens_clause(s, i) {
            continue;
        }
        let e = latin_run(s, i);
        let first: String = s[i..].iter().take_while(|c| c.is_ascii_alphanumeric()).collect();
        if e <= i + 1 || SENTENCE_WORDS.contains(&first.as_str()) || LATIN_TERMS.contains(&first.as_str()) {
            continue;
        }
        // Tide (fintech), which landed: a note in brackets and a relative clause may come first.
        let mut k = e;
        if s.get(k) == Some(&' ') && s.get(k + 1) == Some(&'(') {
            k = (k + 1..s.len().min(k + 40)).find(|&j| s[j] == ')').map_or(k, |j| j + 1);
        }
        if let Some(after) = starts_with_at(s, k, ", which ") {
            k = after - 1;
        }
        if s.get(k) != Some(&' ') {
            continue;
        }
        let verb_end = (k + 1..s.len()).find(|&j| !s[j].is_ascii_lowercase()).unwrap_or(s.len());
        let verb: String = s[k + 1..verb_end].iter().collect();
        if FIRM_VERBS.contains(&verb.as_str()) {
            out.push(span(s, i, e));
        }
    }
}

/// The short forms a text introduces right after a name (青岛慧拓智能机器有限公司（以下简称“慧拓
/// 智能”）, Ouster, Inc. (“Ouster” or the “Company”)): (alias, the mention it names).
pub fn introduced<'m>(s: &[char], found: &'m [NameSpan]) -> Vec<(String, &'m NameSpan)> {
    let mut out = Vec::new();
    for m in found {
        let open = m.end + usize::from(s.get(m.end) == Some(&' '));
        if !matches!(s.get(open), Some('(' | '（')) {
            continue;
        }
        let Some(close) = (open + 1..s.len().min(open + 60)).find(|&j| matches!(s[j], ')' | '）')) else {
            continue;
        };
        let inside = &s[open + 1..close];
        // The first quoted form inside: 以下简称“慧拓智能”, “Ouster” or the “Company”.
        let Some(q) = inside.iter().position(|c| matches!(c, '“' | '"' | '「')) else { continue };
        let Some(len) = inside[q + 1..].iter().position(|c| matches!(c, '”' | '"' | '」')) else {
            continue;
        };
        let alias: String = inside[q + 1..q + 1 + len].iter().collect();
        let generic = matches!(alias.to_lowercase().as_str(), "company" | "the company" | "公司" | "本公司");
        if alias.chars().count() >= 2 && !generic {
            out.push((alias, m));
        }
    }
    out
}
