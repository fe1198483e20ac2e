//! Scoring predicted facts against gold facts.
//!
//! A prediction matches a gold fact when its subject is the gold's canonical name or an
//! alias (after NFKC, case folding and removing spaces: 智谱 AI = 智谱AI; for sets whose
//! names are annotated spans, one name containing the other), its metric is the same, and
//! the value intervals overlap or lie within 1% of each other (any of the gold's values:
//! a converted amount is the same fact). Each gold fact takes at most one prediction,
//! best match first; the rest are false positives. In a partially annotated set a
//! prediction is judged only when its value is one of the gold figures of the document.

use super::gold::{Doc, GoldFact, Names, Value};
use std::collections::BTreeMap;
use unicode_normalization::UnicodeNormalization;

/// A predicted fact, as the scorer needs it.
#[derive(Debug, Clone, PartialEq)]
pub struct Predicted {
    pub subject: String,
    pub metric: String,
    pub low: f64,
    pub high: f64,
    pub unit: String,
    pub quote: String,
}

/// NFKC, lower case, no white space.
pub fn norm(name: &str) -> String {
    name.nfkc().flat_map(char::to_lowercase).filter(|c| !c.is_whitespace()).collect()
}

/// Whether two intervals overlap or lie within 1% of each other.
pub fn close(a_low: f64, a_high: f64, b_low: f64, b_high: f64) -> bool {
    let scale =
        [a_low, a_high, b_low, b_high].iter().filter(|v| v.is_finite()).fold(0.0f64, |m, v| m.max(v.abs()));
    let tol = 0.01 * scale;
    a_low <= b_high + tol && b_low <= a_high + tol
}

fn value_matches(p: &Predicted, v: &Value) -> bool {
    close(p.low, p.high, v.low, v.high)
}

pub fn subject_matches(names: Names, predicted: &str, gold: &GoldFact) -> bool {
    let p = norm(predicted);
    if p.is_empty() {
        return false;
    }
    std::iter::once(&gold.subject).chain(&gold.aliases).any(|g| {
        let g = norm(g);
        match names {
            Names::Exact => p == g,
            Names::Contained => {
                let (short, long) = if p.chars().count() < g.chars().count() { (&p, &g) } else { (&g, &p) };
                short.chars().count() >= 2 && long.contains(short.as_str())
            }
        }
    })
}

/// How well a matching pair fits, to match the best pairs first: an exact value beats
/// a near one, the canonical name beats an alias.
fn fit(p: &Predicted, g: &GoldFact) -> u8 {
    let exact_value = g.values.iter().any(|v| p.low == v.low && p.high == v.high);
    let canonical = norm(&p.subject) == norm(&g.subject);
    2 * exact_value as u8 + canonical as u8
}

/// The outcome for one document.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Outcome {
    /// For each gold fact, the prediction it matched.
    pub matched: Vec<Option<usize>>,
    /// Predictions judged and unmatched.
    pub wrong: Vec<usize>,
    /// Predictions not judged (a partial set, a figure not annotated).
    pub unjudged: Vec<usize>,
}

pub fn match_doc(names: Names, partial: bool, gold: &[GoldFact], predicted: &[Predicted]) -> Outcome {
    let mut pairs: Vec<(u8, usize, usize)> = Vec::new();
    for (pi, p) in predicted.iter().enumerate() {
        for (gi, g) in gold.iter().enumerate() {
            if p.metric == g.metric
                && g.values.iter().any(|v| value_matches(p, v))
                && subject_matches(names, &p.subject, g)
            {
                pairs.push((fit(p, g), pi, gi));
            }
        }
    }
    // Best fit first; ties in document order, so that the outcome is deterministic.
    pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut matched = vec![None; gold.len()];
    let mut used = vec![false; predicted.len()];
    for (_, pi, gi) in pairs {
        if matched[gi].is_none() && !used[pi] {
            matched[gi] = Some(pi);
            used[pi] = true;
        }
    }
    let mut out = Outcome { matched, ..Outcome::default() };
    for (pi, p) in predicted.iter().enumerate().filter(|(pi, _)| !used[*pi]) {
        let judged = !partial || gold.iter().flat_map(|g| &g.values).any(|v| value_matches(p, v));
        if judged {
            out.wrong.push(pi);
        } else {
            out.unjudged.push(pi);
        }
    }
    out
}

/// Counts behind a precision and a recall.
#[derive(Debug, Default, Clone, Copy, PartialEq, serde::Serialize)]
pub struct Tally {
    pub gold: usize,
    /// Predictions judged.
    pub predicted: usize,
    pub correct: usize,
}

impl Tally {
    pub fn precision(&self) -> f64 {
        ratio(self.correct, self.predicted)
    }
    pub fn recall(&self) -> f64 {
        ratio(self.correct, self.gold)
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
    pub fn add(&mut self, o: Tally) {
        self.gold += o.gold;
        self.predicted += o.predicted;
        self.correct += o.correct;
    }
}

pub fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 {
        0.0
    } else {
        a as f64 / b as f64
    }
}

/// Per-metric tallies of one document: gold facts under their metric, judged predictions
/// under theirs.
pub fn tally_by_metric(gold: &[GoldFact], predicted: &[Predicted], o: &Outcome) -> BTreeMap<String, Tally> {
    let mut by: BTreeMap<String, Tally> = BTreeMap::new();
    for (g, m) in gold.iter().zip(&o.matched) {
        let t = by.entry(g.metric.clone()).or_default();
        t.gold += 1;
        if m.is_some() {
            t.correct += 1;
            t.predicted += 1;
        }
    }
    for &pi in &o.wrong {
        by.entry(predicted[pi].metric.clone()).or_default().predicted += 1;
    }
    by
}

/// (investee, amount) pairs of DuEE-Fin: the gold pairs against the predicted funding
/// facts, names compared as in `Names::Contained`, amounts as values.
pub fn financing(gold: &[(String, Value)], predicted: &[Predicted]) -> Tally {
    let mut preds: Vec<&Predicted> = Vec::new();
    for p in predicted.iter().filter(|p| p.metric == "funding") {
        if !preds.iter().any(|q| norm(&q.subject) == norm(&p.subject) && q.low == p.low && q.high == p.high) {
            preds.push(p);
        }
    }
    let facts: Vec<GoldFact> = gold
        .iter()
        .map(|(name, v)| GoldFact {
            subject: name.clone(),
            aliases: Vec::new(),
            metric: "funding".into(),
            values: vec![v.clone()],
            date: None,
            quote: String::new(),
        })
        .collect();
    let owned: Vec<Predicted> = preds.into_iter().cloned().collect();
    let o = match_doc(Names::Contained, false, &facts, &owned);
    Tally { gold: facts.len(), predicted: owned.len(), correct: o.matched.iter().flatten().count() }
}

/// Whether the extractor found the gold figure as a quantity of the right value and unit
/// where the text writes it. None when the figure cannot be placed in the text (a gold
/// error, counted apart). Units are compared for money (ISO code) and percentages; values
/// by magnitude, since a quantity is the number as written ("fell 3%" is 3%, the fall
/// being the fact's sign).
pub fn quantity_found(
    doc: &Doc,
    g: &GoldFact,
    quantities: &[(usize, usize, f64, f64, String)],
) -> Option<bool> {
    let v = &g.values[0];
    let figure = if v.figure.is_empty() { &g.quote } else { &v.figure };
    let spans = places(&doc.text, &g.quote, figure);
    if spans.is_empty() {
        return None;
    }
    let unit_ok = |u: &str| {
        let money_or_percent =
            v.unit == "%" || v.unit.len() == 3 && v.unit.chars().all(|c| c.is_ascii_uppercase());
        !money_or_percent || u == v.unit
    };
    let magnitude = |lo: f64, hi: f64| if hi < 0.0 { (-hi, -lo) } else { (lo, hi) };
    let (gl, gh) = magnitude(v.low, v.high);
    Some(spans.iter().any(|&(s, e)| {
        quantities.iter().any(|(qs, qe, lo, hi, u)| {
            let (ql, qh) = magnitude(*lo, *hi);
            *qs < e && s < *qe && close(ql, qh, gl, gh) && unit_ok(u)
        })
    }))
}

/// Char spans of `figure` inside occurrences of `quote` in `text`.
fn places(text: &str, quote: &str, figure: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    if quote.is_empty() || figure.is_empty() {
        return out;
    }
    let char_at = |byte: usize| text[..byte].chars().count();
    for (qb, _) in text.match_indices(quote) {
        for (fb, _) in quote.match_indices(figure) {
            let start = char_at(qb + fb);
            out.push((start, start + figure.chars().count()));
        }
    }
    out.sort();
    out.dedup();
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn gold(subject: &str, aliases: &[&str], metric: &str, low: f64, unit: &str) -> GoldFact {
        GoldFact {
            subject: subject.into(),
            aliases: aliases.iter().map(|a| a.to_string()).collect(),
            metric: metric.into(),
            values: vec![Value { low, high: low, unit: unit.into(), figure: String::new() }],
            date: None,
            quote: String::new(),
        }
    }

    fn pred(subject: &str, metric: &str, low: f64, high: f64) -> Predicted {
        Predicted {
            subject: subject.into(),
            metric: metric.into(),
            low,
            high,
            unit: "CNY".into(),
            quote: String::new(),
        }
    }

    /// A tiny set written for this test: three documents whose expected precision and
    /// recall are worked out by hand, so that the scorer cannot drift silently.
    #[test]
    fn known_precision_and_recall() {
        // Doc 1: 智谱 AI raised 30亿元 (converted: about 4.1亿美元) at a 200亿元 valuation.
        let mut converted = gold("智谱AI", &["智谱", "Zhipu"], "funding", 3e9, "CNY");
        converted.values.push(Value { low: 4.1e8, high: 4.1e8, unit: "USD".into(), figure: String::new() });
        let g1 = vec![converted, gold("智谱AI", &["智谱"], "valuation", 2e10, "CNY")];
        let p1 = vec![
            pred("智谱 AI", "funding", 3e9, 3e9),  // right: spacing does not matter
            pred("智谱", "funding", 4.1e8, 4.1e8), // the converted amount again: a duplicate
            pred("智谱", "valuation", 2.01e10, 2.01e10), // right: within 1%
            pred("上海国投", "funding", 3e9, 3e9), // wrong subject (an investor)
        ];
        // Doc 2: Acme's revenue of $1.5 billion and 20% growth; one is missed, one metric wrong.
        let g2 = vec![
            gold("Acme Corp", &["Acme"], "revenue", 1.5e9, "USD"),
            gold("Acme Corp", &["Acme"], "growth", 20.0, "%"),
        ];
        let p2 = vec![pred("ACME", "profit", 1.5e9, 1.5e9)];
        // Doc 3, partially annotated: a prediction on an unannotated figure is not judged.
        let g3 = vec![gold("甲科技", &[], "funding", 1e8, "CNY")];
        let p3 = vec![pred("甲科技有限公司", "funding", 1e8, 1e8), pred("乙公司", "revenue", 5e6, 5e6)];

        let o1 = match_doc(Names::Exact, false, &g1, &p1);
        let o2 = match_doc(Names::Exact, false, &g2, &p2);
        let o3 = match_doc(Names::Contained, true, &g3, &p3);
        assert_eq!(o1.matched, vec![Some(0), Some(2)]);
        assert_eq!(o1.wrong, vec![1, 3]);
        assert_eq!(o2.matched, vec![None, None]);
        assert_eq!(o3.matched, vec![Some(0)]);
        assert_eq!(o3.unjudged, vec![1]);

        let mut total = Tally::default();
        let mut by_metric: BTreeMap<String, Tally> = BTreeMap::new();
        for (g, p, o) in [(&g1, &p1, &o1), (&g2, &p2, &o2), (&g3, &p3, &o3)] {
            for (m, t) in tally_by_metric(g, p, o) {
                by_metric.entry(m).or_default().add(t);
                total.add(t);
            }
        }
        // 5 gold facts, 6 judged predictions, 3 right.
        assert_eq!(total, Tally { gold: 5, predicted: 6, correct: 3 });
        assert!((total.precision() - 0.5).abs() < 1e-12);
        assert!((total.recall() - 0.6).abs() < 1e-12);
        assert_eq!(by_metric["funding"], Tally { gold: 2, predicted: 4, correct: 2 });
        assert_eq!(by_metric["profit"], Tally { gold: 0, predicted: 1, correct: 0 });
        assert_eq!(by_metric["growth"], Tally { gold: 1, predicted: 0, correct: 0 });
    }

    #[test]
    fn financing_pairs() {
        let v = |x: f64| Value { low: x, high: x, unit: "CNY".into(), figure: String::new() };
        let gold = vec![("深圳市甲科技有限公司".to_string(), v(1e8)), ("乙".to_string(), v(5e7))];
        let preds = vec![
            pred("甲科技", "funding", 1e8, 1e8),
            pred("甲科技", "funding", 1e8, 1e8), // the same pair twice counts once
            pred("丙", "funding", 5e7, 5e7),
            pred("乙", "valuation", 5e7, 5e7), // not a funding fact
        ];
        // 1 name of one character never matches by containment: 乙 is missed anyway.
        assert_eq!(financing(&gold, &preds), Tally { gold: 2, predicted: 2, correct: 1 });
    }

    #[test]
    fn names_and_values() {
        assert_eq!(norm("智谱 ＡＩ"), "智谱ai");
        assert!(close(100.0, 100.0, 100.9, 100.9));
        assert!(!close(100.0, 100.0, 102.0, 102.0));
        assert!(close(1e7, 1e8, 5e7, 5e7));
    }
}
