//! A fact from a selection: what the extractor makes of the text a user selected.

use super::text::{sentence_ends, sentences, Span};
use serde::Serialize;

use super::{Extraction, Fact, Quantity};
use crate::vocabulary::Metric;
use crate::Reason;

/// What the extractor makes of a selection a user wants to record as a fact.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct SelectedFact {
    pub fact: Fact,
    pub quantity: Quantity,
}

/// The fact the extractor finds on a figure inside the code points [start, end) of
/// `text`; failing that, the first figure there as a fact of metric `other`, with the
/// last entity named before it in its sentence as subject, the sentence's date, the
/// sentence as quote and confidence 0 (the extractor did not link them itself).
/// `extraction` is the whole text's, so that dates and subjects resolve as on import.
pub fn fact_in_selection(
    text: &str,
    mut extraction: Extraction,
    start: usize,
    end: usize,
) -> crate::Result<SelectedFact> {
    let s: Vec<char> = text.chars().collect();
    if start >= end || end > s.len() {
        return Err(Reason::SelectionOutside { start, end, length: s.len() }.into());
    }
    let inside = |q: &Quantity| q.start < end && q.end > start;
    if let Some(fact) = extraction.facts.iter().find(|f| inside(&extraction.quantities[f.quantity])) {
        let quantity = extraction.quantities[fact.quantity].clone();
        return Ok(SelectedFact { fact: fact.clone(), quantity });
    }
    let index = extraction.quantities.iter().position(inside).ok_or(Reason::NoFigureSelected)?;
    let quantity = extraction.quantities.swap_remove(index);
    let sentence = sentences(&s, &sentence_ends(&s))
        .into_iter()
        .find(|sp| sp.start <= quantity.start && quantity.start < sp.end)
        .unwrap_or(Span { start: quantity.start, end: quantity.end });
    let subject = extraction
        .mentions
        .iter()
        .rfind(|m| m.start >= sentence.start && m.end <= quantity.start)
        .map(|m| m.entity.clone())
        .unwrap_or_default();
    let date = extraction.dates.iter().find(|d| d.start >= sentence.start && d.end <= sentence.end);
    let fact = Fact {
        subject,
        metric: Metric::Other,
        quantity: index,
        low: quantity.low,
        high: quantity.high,
        also: Vec::new(),
        date: date.map(|d| d.value.clone()),
        round: None,
        investors: Vec::new(),
        lead_investor: None,
        quote: s[sentence.start..sentence.end].iter().collect(),
        confidence: 0.0,
    };
    Ok(SelectedFact { fact, quantity })
}
