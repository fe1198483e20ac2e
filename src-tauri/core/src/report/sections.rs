//! The report's sections as data, shared by every format: facts grouped by entity and
//! metric, the timeline, and what the charts plot.

use std::collections::BTreeMap;

use super::{Report, ReportFact};
use crate::vocabulary::Metric;

/// The facts about one entity and metric, newest first.
pub struct Group<'a> {
    pub subject: &'a str,
    pub metric: Metric,
    pub facts: Vec<&'a ReportFact>,
    /// Whether any of them has details (a round, investors): a table without any leaves
    /// that column out.
    pub details: bool,
}

pub fn groups(report: &Report) -> Vec<Group<'_>> {
    if !report.sections.facts {
        return Vec::new();
    }
    let mut by_key: BTreeMap<(&str, &str), Vec<&ReportFact>> = BTreeMap::new();
    for f in &report.facts {
        by_key.entry((f.subject.as_str(), f.metric.as_str())).or_default().push(f);
    }
    // Keyed by the metric's name, so groups keep the alphabetical order they always had.
    by_key
        .into_iter()
        .map(|((subject, _), mut facts)| {
            let metric = facts[0].metric;
            facts.sort_by(|a, b| date_of(report, b).cmp(&date_of(report, a)).then(a.id.cmp(&b.id)));
            let details = facts.iter().any(|f| f.round.is_some() || !f.investors.is_empty());
            Group { subject, metric, facts, details }
        })
        .collect()
}

/// The date a fact is about, or failing that the day its article was published.
pub fn date_of<'a>(report: &'a Report, fact: &'a ReportFact) -> Option<&'a str> {
    fact.date.as_deref().or_else(|| report.source(fact.citation.article_id)?.published.as_deref())
}

/// Whether the report holds facts nobody has reviewed (and so explains their mark).
pub fn has_unreviewed(report: &Report) -> bool {
    (report.sections.facts || report.sections.timeline)
        && report.facts.iter().any(|f| !f.status.is_reviewed())
}

/// Facts with a date, oldest first.
pub fn timeline(report: &Report) -> Vec<(&str, &ReportFact)> {
    if !report.sections.timeline {
        return Vec::new();
    }
    let mut dated: Vec<(&str, &ReportFact)> =
        report.facts.iter().filter_map(|f| Some((date_of(report, f)?, f))).collect();
    dated.sort_by(|a, b| a.0.cmp(b.0).then(a.1.subject.cmp(&b.1.subject)).then(a.1.id.cmp(&b.1.id)));
    dated
}

/// One metric compared across entities: each entity's latest figure in one unit.
pub struct Comparison<'a> {
    pub metric: Metric,
    pub unit: &'a str,
    /// Largest first.
    pub bars: Vec<&'a ReportFact>,
}

/// Metrics worth comparing across entities, in the order a reader looks for them.
const COMPARABLE: [Metric; 8] = [
    Metric::Valuation,
    Metric::MarketCap,
    Metric::Funding,
    Metric::Revenue,
    Metric::MarketSize,
    Metric::Users,
    Metric::Profit,
    Metric::Proceeds,
];

/// Most entities a bar chart shows; the smaller ones are left to the tables.
pub const MAX_BARS: usize = 12;

pub fn comparison(report: &Report) -> Option<Comparison<'_>> {
    COMPARABLE.into_iter().find_map(|metric| {
        // Latest fact per (unit, subject).
        let mut latest: BTreeMap<(&str, &str), &ReportFact> = BTreeMap::new();
        for f in report.facts.iter().filter(|f| f.metric == metric && f.value() > 0.0) {
            let key = (f.unit.as_str(), f.subject.as_str());
            let newer = latest.get(&key).is_none_or(|old| date_of(report, f) > date_of(report, old));
            if newer {
                latest.insert(key, f);
            }
        }
        let mut per_unit: BTreeMap<&str, Vec<&ReportFact>> = BTreeMap::new();
        for ((unit, _), f) in latest {
            per_unit.entry(unit).or_default().push(f);
        }
        let (unit, mut bars) = per_unit.into_iter().max_by_key(|(_, bars)| bars.len())?;
        if bars.len() < 2 {
            return None;
        }
        bars.sort_by(|a, b| b.value().total_cmp(&a.value()).then(a.subject.cmp(&b.subject)));
        bars.truncate(MAX_BARS);
        Some(Comparison { metric, unit, bars })
    })
}

/// Funding rounds with a date, oldest first.
pub fn rounds(report: &Report) -> Vec<(&str, &ReportFact)> {
    timeline(report)
        .into_iter()
        .filter(|(d, f)| f.metric == Metric::Funding && date_position(d).is_some())
        .collect()
}

/// A date as a fractional year for a time axis: 2024 is mid-2024, 2024-12 mid-December,
/// 2026-Q1 mid-quarter.
pub fn date_position(date: &str) -> Option<f64> {
    let year: f64 = date.get(..4)?.parse::<u16>().ok()?.into();
    let rest = &date[4..];
    if rest.is_empty() {
        return Some(year + 0.5);
    }
    if let Some(q) = rest.strip_prefix("-Q") {
        let q: f64 = q.parse::<u8>().ok().filter(|q| (1..=4).contains(q))?.into();
        return Some(year + (q - 0.5) / 4.0);
    }
    let month: f64 = rest.get(1..3)?.parse::<u8>().ok().filter(|m| (1..=12).contains(m))?.into();
    let day: f64 = match rest.get(4..6) {
        Some(d) => d.parse::<u8>().ok().filter(|d| (1..=31).contains(d))?.into(),
        None => 15.5,
    };
    Some(year + (month - 1.0 + (day - 0.5) / 31.0) / 12.0)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_sit_on_a_time_axis_in_order() {
        let order = ["2023", "2024-01-02", "2024-Q1", "2024-06", "2024", "2024-12-05", "2024-12"];
        let positions: Vec<f64> = order.iter().map(|d| date_position(d).unwrap()).collect();
        assert!(positions.windows(2).all(|w| w[0] < w[1]), "{positions:?}");
        assert_eq!(date_position("2024-13"), None);
        assert_eq!(date_position("soon"), None);
    }
}
