//! Extraction of market facts from an article's canonical text: quantities (money,
//! percent, count, multiple), dates, mentions of entities and people, and facts tying a
//! quantity to a subject, metric and date. Pure functions over the text, no I/O.
//!
//! Offsets are Unicode code points into the text, as everywhere in Dossier.

mod dates;
mod facts;
mod kinds;
pub mod label;
mod lexicon;
mod names;
pub mod numerals;
mod quantities;
mod selection;
mod text;
mod words;

use chrono::NaiveDate;
use serde::Serialize;

use lexicon::Group;
use text::Span;

pub use kinds::{EntityKind, Qualifier, QuantityKind};
pub use names::{Entity, Registry};
pub use quantities::{currency_names, number_bounds, Bound, CurrencyName};
pub use selection::{fact_in_selection, SelectedFact};

use crate::vocabulary::Metric;

/// Bumped whenever the extractor's output changes, so that `dossier reextract` knows
/// which stored articles an older extractor produced.
pub const VERSION: i64 = 17;

/// SHA-256 of the name model this version ships (`label::model_digest`): the model shapes
/// the output, so a new model needs a new `VERSION` (a test holds the two together).
pub const NAME_MODEL_DIGEST: &str = "3a146fb94a416cb8697142398b4405683d80fe1ada8a7c479f9ef9bfc580a1c9";

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Extraction {
    pub title: String,
    pub language: &'static str,
    pub published: Option<String>,
    pub quantities: Vec<Quantity>,
    pub dates: Vec<DateMention>,
    pub mentions: Vec<Mention>,
    pub facts: Vec<Fact>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Quantity {
    pub kind: QuantityKind,
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub low: f64,
    pub high: f64,
    pub unit: &'static str,
    pub qualifier: Qualifier,
    /// Where the amount itself starts, after any hedge word (约, about, more than).
    #[serde(skip)]
    pub amount_start: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DateMention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub value: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Mention {
    pub text: String,
    pub start: usize,
    pub end: usize,
    pub entity: String,
    pub kind: EntityKind,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fact {
    pub subject: String,
    pub metric: Metric,
    /// Index into `quantities`.
    pub quantity: usize,
    /// The fact's value in base units, signed as its metric reads it: a fall is a negative
    /// growth or price change ("fell 3%" is −3 while its quantity is 3%), a loss is a
    /// positive amount even when written as a negative profit (净利润-3亿元).
    pub low: f64,
    pub high: f64,
    /// Indexes into `quantities` of the same value stated again in another currency
    /// (15亿美元（约合人民币110亿元）): the fact's second values, not facts of their own.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub also: Vec<usize>,
    pub date: Option<String>,
    pub round: Option<String>,
    pub investors: Vec<String>,
    /// The investor that led the round, when the text says so (also in `investors`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub lead_investor: Option<String>,
    pub quote: String,
    pub confidence: f64,
}

/// Extracts with the built-in entity registry. `published` is an ISO date (2025-02-14);
/// dates without a year and relative dates are resolved against it.
pub fn extract(text: &str, published: Option<&str>) -> Extraction {
    extract_with(text, published, Registry::builtin())
}

/// Extracts with a registry that may hold the user's own entities.
pub fn extract_with(text: &str, published: Option<&str>, registry: &Registry) -> Extraction {
    let chars = Chars::new(text);
    let s = &chars.chars[..];
    let published_date = published.and_then(|p| NaiveDate::parse_from_str(p.trim(), "%Y-%m-%d").ok());
    // One automaton pass for the registry's aliases, every cue word and sentence end.
    let hits = registry.scan(text);
    let ends: Vec<usize> = hits.in_order(Group::SentenceEnd).iter().map(|&(at, _, _)| at).collect();
    let sentences = text::sentences(s, &ends);
    let mut dates = dates::dates(s, published_date, &sentences);
    if published_date.is_none() {
        dates::fill_years(&mut dates);
    }
    let names::Names { mentions, code_brackets } = names::mentions(text, s, registry, &hits, &sentences);
    let nums = numerals::scan(s);
    // Numerals inside dates and names (512480, 零一万物) are not amounts.
    let mut skip: Vec<Span> = dates
        .iter()
        .map(|d| Span { start: d.start, end: d.end })
        .chain(mentions.iter().map(|m| Span { start: m.start, end: m.end }))
        .chain(code_brackets)
        .collect();
    skip.sort_by_key(|sp| sp.start);
    let qs = quantities::quantities(s, &nums, &skip, &hits, &sentences);
    let facts = facts::facts(s, &hits, &sentences, &qs, &dates, &mentions);
    Extraction {
        title: title(text),
        language: language(s),
        published: published_date.map(|d| d.format("%Y-%m-%d").to_string()),
        quantities: qs.iter().map(|q| chars.quantity(q)).collect(),
        // Dates, mentions and facts are no longer needed: their strings move into the output.
        dates: dates.into_iter().map(|d| chars.date(d)).collect(),
        mentions: mentions.into_iter().map(|m| chars.mention(m)).collect(),
        facts: facts.into_iter().map(|f| chars.fact(f)).collect(),
    }
}

/// The chars of a text, and the byte offset of each (and of the end): output texts are
/// copied from the text.
struct Chars<'t> {
    text: &'t str,
    chars: Vec<char>,
    byte_at: Vec<usize>,
}

impl<'t> Chars<'t> {
    fn new(text: &'t str) -> Chars<'t> {
        // Both are filled from exact-size iterators: pushing char by char cost more than
        // the decoding.
        let n = text.chars().count();
        let mut chars = Vec::with_capacity(n);
        chars.extend(text.chars());
        let mut byte_at = Vec::with_capacity(n + 1);
        let mut b = 0;
        byte_at.extend(chars.iter().map(|c| {
            let at = b;
            b += c.len_utf8();
            at
        }));
        byte_at.push(text.len());
        Chars { text, chars, byte_at }
    }

    /// The text of the code points [a, b).
    fn slice(&self, a: usize, b: usize) -> String {
        self.text[self.byte_at[a]..self.byte_at[b]].to_string()
    }

    fn quantity(&self, q: &quantities::QuantitySpan) -> Quantity {
        Quantity {
            kind: q.kind,
            text: self.slice(q.start, q.end),
            start: q.start,
            end: q.end,
            low: q.low,
            high: q.high,
            unit: q.unit,
            qualifier: q.qualifier,
            amount_start: q.num_start,
        }
    }

    fn date(&self, d: dates::DateSpan) -> DateMention {
        DateMention { text: self.slice(d.start, d.end), start: d.start, end: d.end, value: d.value }
    }

    fn mention(&self, m: names::NameSpan) -> Mention {
        Mention {
            text: self.slice(m.start, m.end),
            start: m.start,
            end: m.end,
            entity: m.entity,
            kind: m.kind,
        }
    }

    fn fact(&self, f: facts::FactDraft) -> Fact {
        Fact {
            subject: f.subject,
            metric: metric(f.metric),
            quantity: f.quantity,
            low: f.low,
            high: f.high,
            also: f.also,
            date: f.date,
            round: f.round,
            investors: f.investors,
            lead_investor: f.lead_investor,
            quote: self.slice(f.quote.start, f.quote.end),
            confidence: f.confidence,
        }
    }
}

/// The vocabulary's metric the fact builder named by its stored name; an unknown name
/// is a slip in the builder's tables, caught by any test that extracts it.
fn metric(name: &str) -> Metric {
    let metric = name.parse();
    debug_assert!(metric.is_ok(), "the extractor made an unknown metric \"{name}\"");
    metric.unwrap_or(Metric::Other)
}

fn title(text: &str) -> String {
    text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("").chars().take(200).collect()
}

/// "zh" when Han characters outnumber Latin letters, else "en".
fn language(s: &[char]) -> &'static str {
    let head = &s[..s.len().min(20_000)];
    // Two counts rather than one loop with branches: each compiles to vector code.
    let han = head.iter().filter(|&&c| text::is_cjk(c)).count();
    let latin = head.iter().filter(|c| c.is_ascii_alphabetic()).count();
    if han * 2 >= latin {
        "zh"
    } else {
        "en"
    }
}

/// (subject, metric, figure) of each fact of `t`, published 2025-02-14: what the unit
/// tests of the stages compare.
#[cfg(test)]
fn test_facts(t: &str) -> Vec<(String, &'static str, String)> {
    let x = extract(t, Some("2025-02-14"));
    x.facts
        .iter()
        .map(|f| (f.subject.clone(), f.metric.as_str(), x.quantities[f.quantity].text.clone()))
        .collect()
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_name_model_is_the_one_this_version_ships() {
        // A retrained model changes what is extracted: bump VERSION with the digest.
        assert_eq!(super::label::model_digest(), super::NAME_MODEL_DIGEST);
    }
}
