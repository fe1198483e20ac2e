//! The market a market-size figure is about: 中国 AI 芯片市场, the global lidar market.

use crate::extract::lexicon::{Group, Hits};
use crate::extract::quantities::QuantitySpan;
use crate::extract::text::{clause_start, starts_with_at, Span};
use crate::extract::words::facts::{MARKET, MARKET_LEADS, MARKET_SIZE};

/// The market a market-size figure is about: the words before 市场规模 (or "market")
/// in the sentence, without leading dates and verbs: 中国 AI 芯片市场.
pub fn market_phrase(s: &[char], hits: &Hits, sent: Span, q: &QuantitySpan) -> Option<String> {
    match hits.rfind(Group::Marker, MARKET_SIZE, sent.start, q.start) {
        Some(at) => chinese_market(s, sent, at),
        None => english_market(s, hits, sent, q),
    }
}

/// The words before 市场规模 at `at` in the sentence, without leading dates and verbs.
fn chinese_market(s: &[char], sent: Span, at: usize) -> Option<String> {
    let mut text: String = s[clause_start(s, sent.start, at)..at].iter().collect();
    // 中国eVTOL（电动垂直起降飞行器）市场: the gloss is no part of the name.
    while let (Some(a), Some(b)) = (text.find('（'), text.find('）')) {
        if b < a {
            break;
        }
        text.replace_range(a..b + '）'.len_utf8(), "");
    }
    for lead in MARKET_LEADS {
        if let Some(rest) = text.trim_start().strip_prefix(lead) {
            text = rest.to_string();
        }
    }
    // 2024年中国具身智能市场规模: the year is the fact's date, not part of the market.
    let year_end = text.trim_start().find('年').filter(|&k| {
        let head = &text.trim_start()[..k];
        head.len() == 4 && head.bytes().all(|b| b.is_ascii_digit())
    });
    if let Some(k) = year_end {
        text = text.trim_start()[k + '年'.len_utf8()..].to_string();
        // 2024年我国低空经济市场: the words after the year may lead too.
        if let Some(rest) = MARKET_LEADS.iter().find_map(|l| text.trim_start().strip_prefix(l)) {
            text = rest.to_string();
        }
    }
    let text = text.trim().trim_end_matches('的').trim().to_string();
    let anaphoric = text.starts_with("这一") || text.starts_with('该') || text.starts_with('其');
    (!text.is_empty() && !anaphoric && !text.chars().any(|c| c.is_ascii_digit()))
        .then(|| format!("{text}市场"))
}

/// The words before " market" in the sentence (the global lidar market).
fn english_market(s: &[char], hits: &Hits, sent: Span, q: &QuantitySpan) -> Option<String> {
    let at = hits.rfind(Group::Marker, MARKET, sent.start, q.start)?;
    if starts_with_at(s, at, " market value").is_some()
        || starts_with_at(s, at, " market share").is_some()
        || starts_with_at(s, at, " market cap").is_some()
    {
        return None;
    }
    let mut b = at;
    let mut words = 0;
    while b > sent.start && words < 4 {
        let mut w = b - 1;
        while w > sent.start && s[w - 1] != ' ' {
            w -= 1;
        }
        let word: String = s[w..b].iter().collect();
        let word = word.trim().to_lowercase();
        let word = word.as_str();
        if word.is_empty()
            || !word.chars().next().is_some_and(|c| c.is_alphanumeric())
            || [
                "expects", "the", "said", "that", "to", "of", "in", "says", "a", "an", "its", "whole",
                "global",
            ]
            .contains(&word)
                && words > 0
            || ["expects", "the", "said", "that", "to", "of", "in", "says", "a", "an", "its"].contains(&word)
        {
            break;
        }
        b = w;
        words += 1;
    }
    let text: String = s[b..at].iter().collect();
    let text = text.trim().to_string();
    (!text.is_empty()).then(|| format!("{text} market"))
}
