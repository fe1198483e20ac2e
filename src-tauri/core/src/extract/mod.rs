//! Extraction of market facts from an article's canonical text: quantities (money,
//! percent, count, multiple), dates, mentions of entities and people, and facts tying a
//! quantity to a subject, metric and date. Pure functions over the text, no I/O.
//!
//! Offsets are Unicode code points into the text, as everywhere in Dossier.

mod cue;
mod date;
mod fact;
pub mod label;
mod mention;
pub mod numeral;
mod quantity;
mod text;

use chrono::NaiveDate;
use serde::Serialize;

pub use mention::{Entity, EntityKind, Registry};
pub use quantity::{currency_names, number_bounds, Bound, CurrencyName, Qualifier, QuantityKind};

/// Bumped whenever the extractor's output changes, so that `dossier reextract` knows
/// which stored articles an older extractor produced.
pub const VERSION: i64 = 10;

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
    pub metric: &'static str,
    /// Index into `quantities`.
    pub quantity: usize,
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
    // The chars, and the byte offset of each (and of the end): output texts are copied
    // from `text`. Both are filled from exact-size iterators: pushing char by char cost
    // more than the decoding.
    let n = text.chars().count();
    let mut s = Vec::with_capacity(n);
    s.extend(text.chars());
    let mut byte_at = Vec::with_capacity(n + 1);
    let mut b = 0;
    byte_at.extend(s.iter().map(|c| {
        let at = b;
        b += c.len_utf8();
        at
    }));
    byte_at.push(text.len());
    let published_date = published.and_then(|p| NaiveDate::parse_from_str(p.trim(), "%Y-%m-%d").ok());
    // One automaton pass for the registry's aliases, every cue word and sentence end.
    let cues = registry.scan(text);
    let ends: Vec<usize> = cues.in_order(mention::SENTENCE_END).iter().map(|&(at, _, _)| at).collect();
    let sentences = text::sentences(&s, &ends);
    let mut dates = date::dates(&s, published_date, &sentences);
    if published_date.is_none() {
        date::fill_years(&mut dates);
    }
    let mentions = mention::mentions(text, &s, registry, &cues);
    let nums = numeral::scan(&s);
    // Numerals inside dates and names (512480, 零一万物) are not amounts.
    let mut skip: Vec<text::Span> = dates
        .iter()
        .map(|d| text::Span { start: d.start, end: d.end })
        .chain(mentions.iter().map(|m| text::Span { start: m.start, end: m.end }))
        .collect();
    skip.sort_by_key(|sp| sp.start);
    let users_at = |at: usize| {
        let k = sentences.partition_point(|sp| sp.end <= at);
        let sent = sentences.get(k).copied().unwrap_or(text::Span { start: 0, end: 0 });
        let from = sent.start.max(at.saturating_sub(40));
        // The first listed of the user words there.
        cues.within(fact::USERS, from, at).map(|(_, k)| k).min().map(|k| fact::USER_WORDS[k].1)
    };
    let qs = quantity::quantities(&s, &nums, &skip, &cues, &users_at);
    let facts = fact::facts(&s, &cues, &sentences, &qs, &dates, &mentions);
    let slice = |a: usize, b: usize| text[byte_at[a]..byte_at[b]].to_string();
    Extraction {
        title: title(text),
        language: language(&s),
        published: published_date.map(|d| d.format("%Y-%m-%d").to_string()),
        quantities: qs
            .iter()
            .map(|q| Quantity {
                kind: q.kind,
                text: slice(q.start, q.end),
                start: q.start,
                end: q.end,
                low: q.low,
                high: q.high,
                unit: q.unit,
                qualifier: q.qualifier,
                amount_start: q.num_start,
            })
            .collect(),
        // Dates and mentions are no longer needed: their strings move into the output.
        dates: dates
            .into_iter()
            .map(|d| DateMention { text: slice(d.start, d.end), start: d.start, end: d.end, value: d.value })
            .collect(),
        mentions: mentions
            .into_iter()
            .map(|m| Mention {
                text: slice(m.start, m.end),
                start: m.start,
                end: m.end,
                entity: m.entity,
                kind: m.kind,
            })
            .collect(),
        facts: facts
            .into_iter()
            .map(|f| Fact {
                subject: f.subject,
                metric: f.metric,
                quantity: f.quantity,
                date: f.date,
                round: f.round,
                investors: f.investors,
                lead_investor: f.lead_investor,
                quote: slice(f.quote.start, f.quote.end),
                confidence: f.confidence,
            })
            .collect(),
    }
}

/// What the extractor makes of a selection a user wants to record as a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelectedFact {
    pub fact: Fact,
    pub quantity: Quantity,
}

/// The fact the extractor finds on a figure inside the code points [start, end) of
/// `text`; failing that, the first figure there as a fact of metric `other`, with the
/// last entity named before it in its sentence as subject, the sentence's date, the
/// sentence as quote and confidence 0 (the extractor did not link them itself). The
/// whole text is extracted, so that dates and subjects resolve as they do on import.
pub fn fact_in_selection(
    text: &str,
    published: Option<&str>,
    start: usize,
    end: usize,
) -> crate::Result<SelectedFact> {
    let s: Vec<char> = text.chars().collect();
    if start >= end || end > s.len() {
        return Err(crate::Error::invalid(format!(
            "selection {start}..{end} is empty or outside the text (0..{})",
            s.len()
        )));
    }
    let mut extraction = extract(text, published);
    let inside = |q: &Quantity| q.start < end && q.end > start;
    if let Some(fact) = extraction.facts.iter().find(|f| inside(&extraction.quantities[f.quantity])) {
        let quantity = extraction.quantities[fact.quantity].clone();
        return Ok(SelectedFact { fact: fact.clone(), quantity });
    }
    let index = extraction.quantities.iter().position(inside).ok_or_else(|| {
        crate::Error::invalid("the selection holds no figure to make a fact of; select the number")
    })?;
    let quantity = extraction.quantities.swap_remove(index);
    let sentence = text::sentences(&s, &text::sentence_ends(&s))
        .into_iter()
        .find(|sp| sp.start <= quantity.start && quantity.start < sp.end)
        .unwrap_or(text::Span { start: quantity.start, end: quantity.end });
    let subject = extraction
        .mentions
        .iter()
        .rfind(|m| m.start >= sentence.start && m.end <= quantity.start)
        .map(|m| m.entity.clone())
        .unwrap_or_default();
    let date = extraction.dates.iter().find(|d| d.start >= sentence.start && d.end <= sentence.end);
    let fact = Fact {
        subject,
        metric: "other",
        quantity: index,
        date: date.map(|d| d.value.clone()),
        round: None,
        investors: Vec::new(),
        lead_investor: None,
        quote: s[sentence.start..sentence.end].iter().collect(),
        confidence: 0.0,
    };
    Ok(SelectedFact { fact, quantity })
}

fn title(text: &str) -> String {
    text.lines().map(str::trim).find(|l| !l.is_empty()).unwrap_or("").chars().take(200).collect()
}

/// "zh" when Han characters outnumber Latin letters, else "en".
fn language(s: &[char]) -> &'static str {
    let head = &s[..s.len().min(20_000)];
    // Two counts rather than one loop with branches: each compiles to vector code.
    let han = head.iter().filter(|&&c| numeral::is_cjk(c)).count();
    let latin = head.iter().filter(|c| c.is_ascii_alphabetic()).count();
    if han * 2 >= latin {
        "zh"
    } else {
        "en"
    }
}
