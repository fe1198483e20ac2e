//! The metric a figure states: the metric word nearest to it that can take its kind of
//! quantity (a percentage is no valuation), then what the sentence says of the move (a
//! share's move is a price change, a firm's own figure that moves is growth).

use super::{FactDraft, Place};
use crate::extract::kinds::{EntityKind, QuantityKind};
use crate::extract::lexicon::{Group, Hits};
use crate::extract::names::NameSpan;
use crate::extract::quantities::QuantitySpan;
use crate::extract::text::{ends_with_at, starts_with_at, Span};
use crate::extract::words::facts::{
    Direction, FIRM_METRICS, FOLLOW, JOIN, LEAD, LED_BY, LISTING, METRIC_WORDS, ROUNDS, SHARE_WORDS,
};

/// Is a volume, or a metric word `counts` takes (word, metric), named in `[from, to)`?
fn figure_named(hits: &Hits, from: usize, to: usize, counts: impl Fn(&str, &str) -> bool) -> bool {
    hits.find_any(Group::Volume, from, to).is_some()
        || hits.within(Group::Metric, from, to).any(|(_, k)| counts(METRIC_WORDS[k].0, METRIC_WORDS[k].1))
}

/// Is a figure (revenue, profit, users ... not a verb of change) named in `[from, to)`?
fn named_figure(hits: &Hits, from: usize, to: usize) -> bool {
    figure_named(hits, from, to, |w, m| {
        let verb = matches!(m, "growth" | "price_change")
            && !matches!(w, "增速" | "增幅" | "growth" | "CAGR")
            || w == "lost";
        !verb
    })
}

/// Is a figure a firm reports about itself (valuation, revenue, users, a round, a volume
/// ...) named in `[from, to)`?
fn firm_figure(hits: &Hits, from: usize, to: usize) -> bool {
    figure_named(hits, from, to, |_, m| FIRM_METRICS.contains(&m))
}

pub fn metric_fits(metric: &str, q: &QuantitySpan) -> bool {
    if metric == "other" {
        return true;
    }
    match q.kind {
        QuantityKind::Percent => {
            matches!(metric, "growth" | "price_change" | "share" | "profit" | "cost" | "margin")
        }
        // A fraction of a valuation or an audience compares it with another (相当于 OpenAI
        // 估值的一半): no value of its own. Grown 20 times over is growth.
        QuantityKind::Multiple if q.high < 1.0 => matches!(metric, "growth" | "cost"),
        QuantityKind::Multiple => {
            matches!(metric, "growth" | "cost" | "users" | "revenue" | "valuation")
        }
        // A count of shares traded is turnover (成交量 8亿股, volume of 800 million shares).
        QuantityKind::Count => matches!(metric, "users" | "turnover"),
        // Money does not move like a share price (revenue climbed to $5bn is revenue).
        QuantityKind::Money => !matches!(metric, "users" | "growth" | "share" | "margin" | "price_change"),
    }
}

/// Nearest metric word to `q` in `[from, to)`, as (distance, metric). `present` lists the
/// metric words that occur there.
fn nearest_metric(
    s: &[char],
    hits: &Hits,
    present: &[usize],
    from: usize,
    to: usize,
    q: &QuantitySpan,
) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str, usize)> = None;
    // Shares rose 6.3% to 3,870 yen, 股价涨至12元: money a moving share reaches is its price
    // (an order worth HK$2 billion in the same clause is not).
    let reached = q.kind == QuantityKind::Money
        && ["to ", "at ", "报", "至", "到", "收于"].iter().any(|w| ends_with_at(s, q.start, w).is_some())
        && hits.find_any(Group::Stock, from, to).is_some();
    for &k in present {
        let (w, m) = METRIC_WORDS[k];
        let share_moved = reached && matches!(m, "price_change" | "growth");
        let m = if share_moved { "price" } else { m };
        if !metric_fits(m, q) {
            continue;
        }
        let hits = [
            hits.rfind(Group::Metric, k, from, q.start.min(to)),
            hits.find(Group::Metric, k, q.end.min(to), to),
        ];
        if hits == [None, None] {
            continue;
        }
        let wl = w.chars().count();
        let ascii = w.is_ascii();
        for h in hits.into_iter().flatten() {
            if ascii
                && (h > 0 && s[h - 1].is_ascii_alphabetic()
                    || s.get(h + wl).is_some_and(|c| c.is_ascii_alphabetic() && *c != 's'))
            {
                continue;
            }
            // Words after the amount count only when close (30亿元人民币融资).
            let dist = if h >= q.end { (h - q.end) * 2 + 1 } else { q.start - (h + wl) };
            if h >= q.end && h - q.end > if ascii { 14 } else { 8 } {
                continue;
            }
            // Longer words win ties (市场规模 over 市场, 同比增长 over 增长).
            if best.is_none_or(|(d, _, l)| dist < d || dist == d && wl > l) {
                best = Some((dist, m, wl));
            }
        }
    }
    best.map(|(d, m, _)| (d, m))
}

/// The metric the words around `q` name, with a score: the nearest metric word in its
/// clause, else a change when a move governs it (騰訊升2%), else the nearest metric word
/// in its sentence before the clause, else the metric of the sentence's last fact.
pub fn named(
    s: &[char],
    hits: &Hits,
    q: &QuantitySpan,
    place: &Place,
    moved: Option<Direction>,
    same_sentence_prev: Option<&FactDraft>,
) -> (&'static str, f64) {
    let Place { sent, cs, ce, .. } = *place;
    let counted_users = q.kind == QuantityKind::Count && matches!(q.unit, "用户" | "users");
    // 报598港元 is a quote of the price; "forecast by 8%" a change of the figure.
    let quoted_price = q.kind == QuantityKind::Money && q.start > 0 && s[q.start - 1] == '报';
    let by_change = matches!(q.kind, QuantityKind::Percent | QuantityKind::Multiple)
        && ends_with_at(s, q.start, "by ").is_some();
    let in_clause = nearest_metric(s, hits, &hits.words_within(Group::Metric, cs, ce), cs, ce, q);
    match in_clause.filter(|_| !counted_users) {
        _ if quoted_price => ("price", 0.25),
        _ if by_change => ("growth", 0.25),
        _ if counted_users => ("users", 0.25),
        // 以400亿美元的价格收购: the price of an acquisition is the deal's value.
        Some((_, "price")) if q.kind == QuantityKind::Money && deal_follows(hits, q.end, ce) => {
            ("deal_value", 0.25)
        }
        Some((_, m)) => (m, 0.25),
        None if moved.is_some() => ("growth", 0.2),
        // got $47 million led by Accel: money with its investors is a round.
        None if q.kind == QuantityKind::Money && backed(hits, cs, ce) => ("funding", 0.2),
        None => {
            let present = hits.words_within(Group::Metric, sent.start, cs);
            match nearest_metric(s, hits, &present, sent.start, cs, q) {
                Some((_, m)) => (m, 0.1),
                None => match same_sentence_prev.filter(|f| metric_fits(f.metric, q)) {
                    Some(f) => (f.metric, 0.1),
                    None => ("other", 0.0),
                },
            }
        }
    }
}

/// Does a deal word (收购, acquire) follow within a few words of `from`, before `to`?
fn deal_follows(hits: &Hits, from: usize, to: usize) -> bool {
    hits.within(Group::Metric, from, to.min(from + 12)).any(|(_, k)| METRIC_WORDS[k].1 == "deal_value")
}

/// Are investors named as such in `[from, to)` (led by, 领投, 跟投, investors include)?
fn backed(hits: &Hits, from: usize, to: usize) -> bool {
    hits.find_any(Group::Investor, from, to).is_some()
        || [LEAD, LED_BY, FOLLOW, JOIN].iter().any(|&k| hits.find(Group::Marker, k, from, to).is_some())
}

/// `metric` as the sentence says the figure moves or stands: a share's or an index's move
/// is a price change, a firm's own figure that moves is growth, a listed firm's valuation
/// is its market value.
pub fn as_moved(
    s: &[char],
    hits: &Hits,
    mentions: &[NameSpan],
    q: &QuantitySpan,
    place: &Place,
    metric: &'static str,
    subject: &str,
) -> &'static str {
    let Place { sent, cs, ce, .. } = *place;
    // A move of a share or an index is a price change, not growth; so is a company's
    // bare move (Tencent fell 3.1%) with no figure named before it in the clause.
    // A 53% jump in quarterly profit: the figure is named after the move.
    let named_after = || {
        (q.end..ce.min(q.end + 16))
            .find_map(|k| starts_with_at(s, k, " in "))
            .is_some_and(|at| named_figure(hits, at, ce))
    };
    let stock = hits.find_any(Group::Stock, sent.start, ce).is_some()
        || mentions.iter().any(|m| m.kind == EntityKind::Index && m.entity == subject)
        || !named_figure(hits, cs, q.start)
            && !named_after()
            && mentions.iter().any(|m| {
                m.kind == EntityKind::Company && m.start >= cs && m.end <= q.start && m.entity == subject
            });
    let moved = matches!(q.kind, QuantityKind::Percent | QuantityKind::Multiple);
    let metric = if metric == "growth" && moved && stock { "price_change" } else { metric };
    // 估值较上一轮融资时上涨约25%: a move of a firm's own figure, with no share or index
    // named, is growth, not a share price's change.
    let metric = if metric == "price_change" && moved && !stock && firm_figure(hits, cs, q.start) {
        "growth"
    } else {
        metric
    };
    // A listed company valued at $100 billion (its stock named): its market value.
    let listed = hits.within(Group::Stock, sent.start, sent.end).any(|(_, k)| SHARE_WORDS.contains(&k));
    if metric == "valuation" && listed {
        "market_cap"
    } else {
        metric
    }
}

/// Does the sentence `sent` speak of a stock-market listing (上市, IPO)? Money raised there
/// is the listing's proceeds.
pub fn listing(hits: &Hits, sent: Span) -> bool {
    hits.within(Group::Marker, sent.start, sent.end).any(|(_, k)| LISTING.contains(&k))
        || (0..ROUNDS.len())
            .filter(|&k| ROUNDS[k] == "IPO")
            .any(|k| hits.find(Group::Round, k, sent.start, sent.end).is_some())
}
