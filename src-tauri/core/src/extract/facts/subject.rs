//! The subject of a figure: the name its clause or sentence puts before it, unless that
//! name is a source cited, an investor of the round, or what a multiple is taken of; a
//! market for a market's size; what a pronoun refers to; each of the names a statement
//! lists.

use std::cell::Cell;

use super::market::market_phrase;
use super::{starting_within, FactDraft, Place};
use crate::extract::kinds::{EntityKind, QuantityKind};
use crate::extract::lexicon::{Group, Hits};
use crate::extract::names::NameSpan;
use crate::extract::quantities::QuantitySpan;
use crate::extract::text::{clause_end, ends_with_at, starts_with_at, Span};
use crate::extract::words::facts::{
    ANAPHORA, FOLLOW, INVESTOR_CUES, JOIN, LEAD, LED_BY, MARKET_SIZE, RESPECTIVELY, SOURCE_AFTER,
    SOURCE_BEFORE, TOP_UP,
};
use crate::extract::words::names::{BACKED_BY, BACKER_LEADS, BACKING};

/// Whether each mention is cited as a source, tested when first asked: every quantity of
/// its sentence asks again.
pub struct Cited<'a> {
    s: &'a [char],
    mentions: &'a [NameSpan],
    tested: Vec<Cell<Option<bool>>>,
}

impl<'a> Cited<'a> {
    pub fn new(s: &'a [char], mentions: &'a [NameSpan]) -> Cited<'a> {
        Cited { s, mentions, tested: vec![Cell::new(None); mentions.len()] }
    }

    /// Is `m` (one of the mentions, which are sorted by start) cited as a source?
    pub fn is(&self, m: &NameSpan) -> bool {
        let mentions = self.mentions;
        let first = mentions.partition_point(|x| x.start < m.start);
        let k = first + mentions[first..].iter().position(|x| x.end == m.end).unwrap_or(0);
        let known = self.tested[k].get();
        known.unwrap_or_else(|| {
            let source = is_source(self.s, m);
            self.tested[k].set(Some(source));
            source
        })
    }
}

/// The names a sentence's amounts may be about, and its first investor cue: the same for
/// every amount of the sentence, found at its first.
pub struct SentenceNames<'a> {
    pub sentence: usize,
    candidates: Vec<&'a NameSpan>,
    investor_cue: Option<usize>,
}

impl<'a> SentenceNames<'a> {
    pub fn of(
        s: &[char],
        hits: &Hits,
        mentions: &'a [NameSpan],
        cited: &Cited,
        place: &Place,
    ) -> SentenceNames<'a> {
        let sent = place.sent;
        let sent_mentions = starting_within(mentions, sent.start, sent.end);
        // 国信证券：比亚迪海外放量…: a name heading the sentence with a colon is its source
        // when the sentence names another.
        let heading = |m: &NameSpan| {
            matches!(s.get(m.end), Some('：' | ':'))
                && sent_mentions.iter().any(|o| {
                    o.start > m.end && o.end <= sent.end && is_subject_kind(o) && o.entity != m.entity
                })
        };
        let backers = backers(s, hits, sent, sent_mentions);
        let candidates = (sent_mentions.iter())
            .zip(backers)
            .filter(|&(m, backer)| {
                m.end <= sent.end && is_subject_kind(m) && !backer && !cited.is(m) && !heading(m)
            })
            .map(|(m, _)| m)
            .collect();
        let investor_cue = hits.find_any(Group::Investor, sent.start, sent.end);
        SentenceNames { sentence: place.sent_i, candidates, investor_cue }
    }
}

/// What the subject of one quantity is chosen from.
pub struct Scene<'a> {
    pub s: &'a [char],
    pub hits: &'a Hits<'a>,
    pub sentences: &'a [Span],
    pub mentions: &'a [NameSpan],
    pub qs: &'a [QuantitySpan],
    pub qi: usize,
    pub place: Place,
    /// The facts made so far.
    pub out: &'a [FactDraft],
    pub names: &'a SentenceNames<'a>,
    pub cited: &'a Cited<'a>,
}

impl Scene<'_> {
    fn q(&self) -> &QuantitySpan {
        &self.qs[self.qi]
    }

    /// The last fact, if made on the same sentence.
    fn same_sentence_prev(&self) -> Option<&FactDraft> {
        self.out.last().filter(|f| f.quote == self.place.sent)
    }

    /// The subject of the quantity stating `metric`, with a score.
    pub fn subject(&self, metric: &str) -> Option<(String, f64)> {
        let (s, hits, q) = (self.s, self.hits, self.q());
        let Place { sent, cs, ce, .. } = self.place;
        // Growth in a sentence naming no firm, after a market's size, is that market's.
        let market_growth = metric == "growth"
            && (hits.rfind(Group::Marker, MARKET_SIZE, sent.start, q.start).is_some()
                || self.names.candidates.is_empty() && !anaphoric(s, hits, sent.start, sent.end));
        let market = if metric == "market_size" || market_growth { self.market() } else { None };
        let report_start = self.report_start();
        let mut before = self.named_before();
        // (A pronoun in the report still means the sentence's first name.)
        let topic = before.first().copied().filter(|m| m.end <= report_start);
        before.retain(|m| m.start >= report_start);
        market
            .or_else(|| self.relative_clause(&before))
            .or_else(|| respectively(s, hits, self.qs, self.qi, &before, cs, ce).map(|e| (e, 0.25)))
            .or_else(|| {
                // The buyer names a deal (A 收购 B, A agreed to acquire B): the first name.
                let m = if metric == "deal_value" {
                    before.iter().find(|m| m.start >= cs)
                } else {
                    before.iter().rfind(|m| m.start >= cs)
                };
                m.map(|m| (m.entity.clone(), 0.25))
            })
            .or_else(|| {
                if anaphoric(s, hits, report_start, q.start) && before.is_empty() {
                    topic.map(|m| (m.entity.clone(), 0.15)).or_else(|| self.earlier_mention())
                } else {
                    None
                }
            })
            .or_else(|| {
                let in_report = |f: &&FactDraft| self.qs[f.quantity].start >= report_start;
                self.same_sentence_prev().filter(in_report).map(|f| (f.subject.clone(), 0.15))
            })
            .or_else(|| before.first().map(|m| (m.entity.clone(), 0.15)))
            .or_else(|| if anaphoric(s, hits, cs, ce) { self.earlier_mention() } else { None })
            .or_else(|| {
                let after = self.names.candidates.iter().find(|m| m.start >= q.end && m.start < ce);
                after.map(|m| (m.entity.clone(), 0.1))
            })
            // A report whose sentence named firms before it, and none in it, is about
            // something else than those firms or the last article's.
            .or_else(|| if topic.is_some() { None } else { self.earlier_mention().map(|(e, _)| (e, 0.05)) })
    }

    /// The market a market's size or growth is about: the phrase the sentence names, else
    /// the market of a size stated shortly before.
    fn market(&self) -> Option<(String, f64)> {
        let sent = self.place.sent;
        market_phrase(self.s, self.hits, sent, self.q()).map(|p| (p, 0.2)).or_else(|| {
            let prev_market =
                self.out.iter().rev().find(|f| f.metric == "market_size" && f.quote.end + 400 > sent.start);
            prev_market.map(|f| (f.subject.clone(), 0.1))
        })
    }

    /// 据 OpenAI 测算，…算力增长幅度高达10倍: a source cited before the amount opens what it
    /// reports, and the names before the citation are not what the report is about.
    fn report_start(&self) -> usize {
        let (sent, q) = (self.place.sent, self.q());
        starting_within(self.mentions, sent.start, q.start)
            .iter()
            .rfind(|m| m.end <= q.start && self.cited.is(m))
            .map_or(sent.start, |m| m.end)
    }

    /// The sentence's candidate names before the quantity, except its investors, the
    /// investors of the round stated before in the sentence, and what a multiple is taken of.
    fn named_before(&self) -> Vec<&NameSpan> {
        let (s, q) = (self.s, self.q());
        let before_cue = |m: &NameSpan| self.names.investor_cue.is_none_or(|c| m.start < c || q.start > c);
        // A round led by Tencent valued it at $2.7 billion: the round's investors are not
        // what its other figures are about.
        let invested =
            |m: &NameSpan| self.same_sentence_prev().is_some_and(|f| f.investors.contains(&m.entity));
        // 成本只有 OpenAI 的三分之一, 是对手的 3 倍: the name a multiple is taken of is what the
        // sentence compares with, not what it is about.
        let compared = |m: &NameSpan| {
            let gap = &s[m.end..q.start];
            q.kind == QuantityKind::Multiple
                && gap.last() == Some(&'的')
                && gap.len() <= 8
                && !gap.iter().any(|c| matches!(c, '，' | ',' | '；' | '、'))
        };
        (self.names.candidates.iter().copied())
            .filter(|m| m.end <= q.start && before_cue(m) && !invested(m) && !compared(m))
            .collect()
    }

    /// ..., lagging the Nasdaq Composite, which is up 3%: the name the clause follows.
    fn relative_clause(&self, before: &[&NameSpan]) -> Option<(String, f64)> {
        let (s, q) = (self.s, self.q());
        let cs = self.place.cs;
        let which = starts_with_at(s, (cs..q.start).find(|&k| s[k] != ' ').unwrap_or(cs), "which ").is_some();
        let named = before.iter().rfind(|m| m.end <= cs).filter(|_| which);
        named.map(|m| (m.entity.clone(), 0.25))
    }

    /// What 该公司 / it refers to: the topic (first name) of the previous sentence, else
    /// the firm the last facts were about, else the last name shortly before.
    fn earlier_mention(&self) -> Option<(String, f64)> {
        let (mentions, sent) = (self.mentions, self.place.sent);
        // An index moves; it is not what "the firm" or 该公司 refers to. Tested after the
        // position: whether a mention is a source takes longer.
        let usable = |m: &&NameSpan| is_subject_kind(m) && m.kind != EntityKind::Index && !self.cited.is(m);
        let prev_sent = self.place.sent_i.checked_sub(1).and_then(|k| self.sentences.get(k)).copied();
        prev_sent
            .and_then(|p| {
                starting_within(mentions, p.start, p.end).iter().filter(|m| m.end <= p.end).find(usable)
            })
            .map(|m| m.entity.clone())
            .or_else(|| {
                // Else the firm the last facts were about, if they were shortly before.
                (self.out.iter().rev())
                    .take_while(|f| f.quote.end + 400 > sent.start)
                    .find(|f| {
                        f.quote.end <= sent.start
                            && mentions.iter().any(|m| m.kind != EntityKind::Index && m.entity == f.subject)
                    })
                    .map(|f| f.subject.clone())
            })
            .or_else(|| {
                (mentions.iter().rev())
                    .filter(|m| m.end <= sent.start && m.end + 400 > sent.start)
                    .find(usable)
                    .map(|m| m.entity.clone())
            })
            .map(|e| (e, 0.1))
    }
}

/// Which of a sentence's mentions back a round rather than raise it: the names after
/// "funding from", "led by", "backed by" (to the clause's end), between 由 and 领投 or 获
/// and 投资, and those listed right before 领投 / 跟投. An investor is never the subject of
/// the investee's round or valuation (Groq在由三星旗下风投…领投的一轮融资中筹得6.4亿美元).
fn backers(s: &[char], hits: &Hits, sent: Span, mentions: &[NameSpan]) -> Vec<bool> {
    let mut marks = vec![false; mentions.len()];
    let mut mark = |from: usize, to: usize| {
        for (k, m) in mentions.iter().enumerate() {
            if m.start >= from && m.end <= to {
                marks[k] = true;
            }
        }
    };
    let english_cues = (hits.within(Group::Investor, sent.start, sent.end))
        .filter(|&(_, k)| INVESTOR_CUES[k].is_ascii())
        .map(|(at, k)| at + INVESTOR_CUES[k].len())
        .chain(
            hits.within(Group::Marker, sent.start, sent.end)
                .filter(|&(_, k)| k == LED_BY)
                .map(|(at, _)| at + 6),
        );
    let more = (sent.start..sent.end).filter_map(|k| BACKED_BY.iter().find_map(|w| starts_with_at(s, k, w)));
    for e in english_cues.chain(more).collect::<Vec<_>>() {
        mark(e, clause_end(s, e, sent.end));
    }
    // 由A领投, 获B投资: the names up to the verb of backing, in the same clause.
    for k in sent.start..sent.end {
        let Some(e) = BACKER_LEADS.iter().find_map(|w| starts_with_at(s, k, w)) else { continue };
        let limit = clause_end(s, e, sent.end.min(e + 40));
        if let Some(v) = (e..limit).find(|&j| BACKING.iter().any(|w| starts_with_at(s, j, w).is_some())) {
            mark(e, v);
        }
    }
    // 红杉中国、高瓴跟投: names joined by pauses right before the verb of backing.
    let verbs = [LEAD, FOLLOW, JOIN, TOP_UP]
        .map(|k| hits.within(Group::Marker, sent.start, sent.end).filter(move |&(_, w)| w == k));
    for (verb, _) in verbs.into_iter().flatten() {
        let mut at = verb;
        let joined =
            |m: &NameSpan, at: usize| m.end <= at && s[m.end..at].iter().all(|c| "、，,和与及 ".contains(*c));
        while let Some(i) = mentions.iter().rposition(|m| m.end <= at && at - m.end <= 2 && joined(m, at)) {
            marks[i] = true;
            at = mentions[i].start;
        }
    }
    marks
}

pub fn is_subject_kind(m: &NameSpan) -> bool {
    matches!(m.kind, EntityKind::Company | EntityKind::Organisation | EntityKind::Index)
}

/// A mention cited as a source (据彭博, Xsignal 平台显示, according to IDC) is not a subject.
fn is_source(s: &[char], m: &NameSpan) -> bool {
    let mut b = m.start;
    while b > 0 && s[b - 1] == ' ' {
        b -= 1;
    }
    let mut e = m.end;
    while s.get(e) == Some(&' ') {
        e += 1;
    }
    SOURCE_BEFORE.iter().any(|w| ends_with_at(s, b, w).is_some())
        || SOURCE_AFTER.iter().any(|w| starts_with_at(s, e, w).is_some())
}

/// `其` is a pronoun except in 其中, 其他, 其实, 其余, 其次.
pub fn anaphoric(s: &[char], hits: &Hits, from: usize, to: usize) -> bool {
    hits.within(Group::Anaphor, from, to).any(|(h, k)| {
        let idiom = ANAPHORA[k] == "其" && s.get(h + 1).is_some_and(|c| "中他实余次".contains(*c));
        !idiom
    })
}

/// Does the clause `cs..ce` say that its amounts go one to each name (分别 before `q`,
/// respectively after it)?
pub fn said_respectively(hits: &Hits, q: &QuantitySpan, cs: usize, ce: usize) -> bool {
    hits.find(Group::Marker, RESPECTIVELY, cs, q.start).is_some()
        || hits.find(Group::Marker, RESPECTIVELY + 1, q.end, ce + 14).is_some()
}

/// 寒武纪、海光信息……份额分别为8.2%和6.5% / A and B rose 3% and 5% respectively: the
/// k-th amount of the clause belongs to the k-th of the names listed before it.
fn respectively(
    s: &[char],
    hits: &Hits,
    qs: &[QuantitySpan],
    qi: usize,
    before: &[&NameSpan],
    cs: usize,
    ce: usize,
) -> Option<String> {
    if !said_respectively(hits, &qs[qi], cs, ce) {
        return None;
    }
    let in_clause: Vec<usize> = (0..qs.len()).filter(|&k| qs[k].start >= cs && qs[k].end <= ce).collect();
    let k = in_clause.iter().position(|&k| k == qi)?;
    // The names joined by 、 / and / commas, last of them nearest the clause.
    let joined = |a: &NameSpan, b: &NameSpan| {
        let gap: String = s[a.end.min(b.start)..b.start].iter().collect();
        a.end <= b.start
            && matches!(gap.trim(), "" | "、" | "，" | "," | "和" | "与" | "及" | "and" | ", and")
    };
    let last = before.len().checked_sub(1)?;
    let mut first = last;
    while first > 0 && joined(before[first - 1], before[first]) {
        first -= 1;
    }
    let names = &before[first..=last];
    (names.len() == in_clause.len() && names.len() > 1).then(|| names[k].entity.clone())
}

/// Names listed with the subject (智谱 AI、月之暗面、百川智能的估值均已超过…): each gets the fact.
pub fn listed_with(s: &[char], mentions: &[NameSpan], subject: &str, from: usize, to: usize) -> Vec<String> {
    let in_range: Vec<&NameSpan> =
        starting_within(mentions, from, to).iter().filter(|m| m.end <= to && is_subject_kind(m)).collect();
    let Some(last) = in_range.iter().rposition(|m| m.entity == subject) else {
        return vec![subject.to_string()];
    };
    let joined = |a: &NameSpan, b: &NameSpan| {
        a.end <= b.start
            && s[a.end..b.start].iter().all(|c| "、，,和与及 （）()".contains(*c) || c.is_ascii_alphabetic())
    };
    let mut first = last;
    while first > 0 && joined(in_range[first - 1], in_range[first]) {
        first -= 1;
    }
    let mut names: Vec<String> = Vec::new();
    for m in &in_range[first..=last] {
        if !names.contains(&m.entity) {
            names.push(m.entity.clone());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use crate::extract::test_facts as facts;

    #[test]
    fn backers_are_not_the_subject_of_the_round() {
        // The fund leading the round is no company raising money or valued.
        let got = facts("推理芯片创企Groq在由三星旗下风投领投的一轮融资中筹得6.4亿美元，估值28亿美元。");
        assert!(!got.is_empty() && got.iter().all(|(s, _, _)| s == "Groq"), "{got:?}");
        let got = facts("机器人公司星河动力获得腾讯投资的5亿元B轮融资。");
        assert!(!got.is_empty() && got.iter().all(|(s, _, _)| s != "腾讯"), "{got:?}");
        // Nor the firm the money came from, before or after the amount.
        let got = facts(
            "Kestrel raised $50 million in funding from Falcon Edge Capital. The funding by SoftBank \
             was at a valuation of $4.8 billion.",
        );
        assert_eq!(
            got,
            [
                ("Kestrel".to_string(), "funding", "$50 million".to_string()),
                ("Kestrel".to_string(), "valuation", "$4.8 billion".to_string())
            ]
        );
    }
}
