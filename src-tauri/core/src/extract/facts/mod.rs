//! Facts: a quantity with the metric its context names, the subject it belongs to, its
//! date, funding round, investors and the sentence that states it.

mod converted;
mod dating;
mod funding;
mod market;
mod metric;
mod moves;
mod repeats;
mod subject;

use super::dates::DateSpan;
use super::kinds::QuantityKind;
use super::lexicon::Hits;
use super::names::NameSpan;
use super::quantities::QuantitySpan;
use super::text::{clause_end, clause_start, Span};
use subject::{listed_with, said_respectively, Cited, Scene, SentenceNames};

/// The mentions starting within `[from, to)`: a run of the list, which is sorted by start.
pub fn starting_within(mentions: &[NameSpan], from: usize, to: usize) -> &[NameSpan] {
    &mentions[mentions.partition_point(|m| m.start < from)..mentions.partition_point(|m| m.start < to)]
}

/// A fact before serialisation: its quote is the span of the sentence that states it.
#[derive(Debug, Clone, PartialEq)]
pub struct FactDraft {
    pub subject: String,
    pub metric: &'static str,
    pub quantity: usize,
    /// The value, signed as the metric reads it (`moves::signed_value`).
    pub low: f64,
    pub high: f64,
    /// Quantities restating the value in another currency.
    pub also: Vec<usize>,
    pub date: Option<String>,
    pub round: Option<String>,
    pub investors: Vec<String>,
    pub lead_investor: Option<String>,
    pub quote: Span,
    pub confidence: f64,
}

/// Where a quantity stands: its sentence (index and span) and its clause.
#[derive(Debug, Clone, Copy)]
pub struct Place {
    pub sent_i: usize,
    pub sent: Span,
    /// Start of the clause.
    pub cs: usize,
    /// End of the clause.
    pub ce: usize,
}

/// The facts of a text: each quantity (in text order) with the metric and subject its
/// sentence gives it, if any.
pub fn facts(
    s: &[char],
    hits: &Hits,
    sentences: &[Span],
    qs: &[QuantitySpan],
    dates: &[DateSpan],
    mentions: &[NameSpan],
) -> Vec<FactDraft> {
    let cited = Cited::new(s, mentions);
    let mut out: Vec<FactDraft> = Vec::new();
    let mut sent_i = 0;
    let mut names: Option<SentenceNames> = None;
    let restated = converted::restatements(s, qs);
    for (qi, q) in qs.iter().enumerate() {
        // An amount restated in another currency is its fact's second value.
        if let Some((first, _)) = restated[qi] {
            out.iter_mut().filter(|f| f.quantity == first).for_each(|f| f.also.push(qi));
            continue;
        }
        // Words after the restatement's note name the amount's metric (…（约合人民币110亿元）融资).
        let widened;
        let q = match restated.get(qi + 1).copied().flatten() {
            Some((_, end)) => {
                widened = QuantitySpan { end, ..q.clone() };
                &widened
            }
            None => q,
        };
        while sent_i + 1 < sentences.len() && sentences[sent_i].end <= q.start {
            sent_i += 1;
        }
        let Some(&sent) = sentences.get(sent_i) else { break };
        let place = Place {
            sent_i,
            sent,
            cs: clause_start(s, sent.start, q.start),
            ce: clause_end(s, q.end, sent.end),
        };
        let same_sentence_prev = out.last().filter(|f| f.quote == sent);
        let moved = moves::direction(s, hits, qs, qi, &place);
        let (metric, metric_score) = metric::named(s, hits, q, &place, moved, same_sentence_prev);
        if names.as_ref().is_none_or(|n| n.sentence != sent_i) {
            names = Some(SentenceNames::of(s, hits, mentions, &cited, &place));
        }
        let Some(sentence_names) = names.as_ref() else { continue };
        let scene = Scene {
            s,
            hits,
            sentences,
            mentions,
            qs,
            qi,
            place,
            out: &out,
            names: sentence_names,
            cited: &cited,
        };
        let Some((subject, subject_score)) = scene.subject(metric) else { continue };
        let metric = metric::as_moved(s, hits, mentions, q, &place, metric, &subject);
        if metric == "other" && q.kind != QuantityKind::Money {
            continue;
        }
        let metric = match metric {
            "funding" if metric::listing(hits, sent) => "proceeds",
            // 净利润-3亿元: a profit below zero is a loss.
            "profit" if q.high < 0.0 => "loss",
            m => m,
        };
        let (low, high) = moves::signed_value(q, metric, moved);
        let date = dating::date_of(s, hits, dates, q, &place);
        let (round, investors, lead_investor) = if metric == "funding" || metric == "proceeds" {
            let next = sentences.get(sent_i + 1).copied();
            let (round, investors, lead) =
                funding::funding_details(s, hits, sent, next, mentions, &subject, q.start);
            // Proceeds of a listing are those of its IPO, however the text names it.
            let ipo = metric == "proceeds" && metric::listing(hits, sent);
            (round.or_else(|| ipo.then(|| "IPO".to_string())), investors, lead)
        } else {
            (None, Vec::new(), None)
        };
        let confidence =
            (0.4 + metric_score + subject_score + if date.is_some() { 0.05 } else { 0.0 }).min(0.95);
        // Names listed together share a figure, unless the clause gives one to each.
        let subjects = if said_respectively(hits, q, place.cs, place.ce) {
            vec![subject]
        } else {
            listed_with(s, mentions, &subject, place.cs, q.start)
        };
        for subject in subjects {
            out.push(FactDraft {
                subject,
                metric,
                quantity: qi,
                low,
                high,
                also: Vec::new(),
                date: date.clone(),
                round: round.clone(),
                investors: investors.clone(),
                lead_investor: lead_investor.clone(),
                quote: sent,
                confidence: (confidence * 100.0).round() / 100.0,
            });
        }
    }
    repeats::without_repeats(s, out, qs)
}
