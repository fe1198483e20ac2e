//! Round, investors and lead investor of a funding figure.

use super::starting_within;
use crate::extract::kinds::EntityKind;
use crate::extract::lexicon::{Group, Hits};
use crate::extract::names::NameSpan;
use crate::extract::text::{clause_end, starts_with_at, Span};
use crate::extract::words::facts::{FOLLOW, INVESTOR_CUES, JOIN, LEAD, LED_BY, ROUNDS, TOP_UP};

/// Round, investors and lead investor stated in a funding sentence (or the next one when
/// it goes on about the investors).
pub fn funding_details(
    s: &[char],
    hits: &Hits,
    sent: Span,
    next: Option<Span>,
    mentions: &[NameSpan],
    subject: &str,
    at: usize,
) -> (Option<String>, Vec<String>, Option<String>) {
    // A funding sentence may list several deals separated by semicolons: keep to this one.
    let sent = Span {
        start: (sent.start..at).rev().find(|&k| matches!(s[k], '；' | ';')).map_or(sent.start, |k| k + 1),
        end: (at..sent.end).find(|&k| matches!(s[k], '；' | ';')).unwrap_or(sent.end),
    };
    let round = round_named(s, hits, sent);
    let end = next.filter(|&n| about_the_round(s, hits, n)).map_or(sent.end, |n| n.end);
    let (investors, lead) = investors(s, hits, Span { start: sent.start, end }, mentions, subject);
    (round, investors, lead)
}

/// The round named first in `sent` (B轮, Series C): Series B-2, Series C+, Pre-A+ with the
/// tranche written after the letter.
fn round_named(s: &[char], hits: &Hits, sent: Span) -> Option<String> {
    let (at, r) = ROUNDS
        .iter()
        .enumerate()
        .filter_map(|(k, r)| hits.find(Group::Round, k, sent.start, sent.end).map(|at| (at, *r)))
        .min_by_key(|&(at, r)| (at, std::cmp::Reverse(r.len())))?;
    let mut e = at + r.chars().count();
    if r.is_ascii() && r.ends_with(|c: char| c.is_ascii_uppercase()) {
        while s.get(e).is_some_and(|&c| c == '+' || c.is_ascii_digit())
            || s.get(e) == Some(&'-') && s.get(e + 1).is_some_and(|c| c.is_ascii_digit())
        {
            e += 1;
        }
    }
    Some(s[at..e].iter().collect::<String>())
}

/// Does the sentence `n` go on about the round before it? It does when it opens with its
/// investors, or with the round itself (本轮…, The round also drew…).
fn about_the_round(s: &[char], hits: &Hits, n: Span) -> bool {
    let head = n.end.min(n.start + 20);
    let lead_word = [LEAD, LED_BY].iter().any(|&k| hits.find(Group::Marker, k, n.start, head).is_some());
    let first = (n.start..n.end).find(|&k| !s[k].is_whitespace()).unwrap_or(n.start);
    let the_round = ["本轮", "此轮", "该轮", "The round", "The funding round"]
        .iter()
        .any(|w| starts_with_at(s, first, w).is_some());
    lead_word || the_round || hits.find_any(Group::Investor, n.start, head).is_some()
}

/// The investors named in `span` (after an investor cue, before 领投 or 跟投, after "led
/// by"), other than `subject`, and the one that leads.
fn investors(
    s: &[char],
    hits: &Hits,
    span: Span,
    mentions: &[NameSpan],
    subject: &str,
) -> (Vec<String>, Option<String>) {
    let Span { start, end } = span;
    let leading = INVESTOR_CUES.iter().enumerate().filter(|(_, w)| !matches!(**w, "参投" | "跟投"));
    let cue = leading.filter_map(|(k, _)| hits.find(Group::Investor, k, start, end)).min();
    // 五源资本、启明创投跟投: names before a trailing cue in their clause.
    let trailing = |m: &NameSpan| {
        let ce = clause_end(s, m.end, end);
        [FOLLOW, JOIN, LEAD, TOP_UP].iter().any(|&k| hits.find(Group::Marker, k, m.end, ce).is_some())
    };
    let lead_cn = hits.rfind(Group::Marker, LEAD, start, end);
    let lead_en = hits.find(Group::Marker, LED_BY, start, end);
    let mut investors = Vec::new();
    let mut lead = None;
    for m in starting_within(mentions, start, end).iter().filter(|m| m.end <= end && m.entity != subject) {
        if m.kind == EntityKind::Person || m.kind == EntityKind::Index {
            continue;
        }
        let after_cue = cue.is_some_and(|c| m.start > c) || lead_en.is_some_and(|c| m.start > c);
        let is_lead_cn = lead_cn.is_some_and(|l| m.end <= l && l - m.end <= 2);
        let is_lead_en = lead_en.is_some_and(|l| m.start > l && m.start - l <= 8);
        if is_lead_cn || is_lead_en {
            lead.get_or_insert_with(|| m.entity.clone());
        }
        if (after_cue || is_lead_cn || trailing(m)) && !investors.contains(&m.entity) {
            investors.push(m.entity.clone());
        }
    }
    (investors, lead)
}
