//! Every word the extractor looks for in an article, as numbered groups compiled into one
//! Aho-Corasick automaton: an article is scanned once, and the many "is this word in that
//! clause" questions of the stages are binary searches over the hits instead of scans of
//! the text. This module alone says which words form which group and in which order; the
//! words themselves are data in `words`, the registry's aliases come from `names`.

mod automaton;

use std::sync::OnceLock;

pub use automaton::{Hits, Lexicon};

use super::text::SENTENCE_ENDS;
use super::words::{facts, names, quantities};

/// A group of words; its words are addressed by their index in the group's table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Group {
    /// `facts::METRIC_WORDS`, in any case.
    Metric,
    /// `facts::INVESTOR_CUES`.
    Investor,
    /// `facts::ANAPHORA`.
    Anaphor,
    /// `facts::ROUNDS`.
    Round,
    /// `facts::STOCK_WORDS`.
    Stock,
    /// `facts::MARKERS`.
    Marker,
    /// `facts::USER_WORDS`.
    Users,
    /// `facts::VOLUME_WORDS`, in any case.
    Volume,
    /// `quantities::URL_MARKS`.
    Url,
    /// `quantities::MULTIPLE_WORDS`.
    Multiple,
    /// `quantities::PERCENT_WORDS`.
    Percent,
    /// `quantities::TWD_NAMES`.
    TwdName,
    /// `quantities::CNY_NAMES`.
    CnyName,
    /// `quantities::HKD_NAMES`.
    HkdName,
    /// `quantities::HK_MARKET`.
    HkMarket,
    /// `quantities::TRADITIONAL`.
    Traditional,
    /// `quantities::PERCENT_MARKS`: a table column headed as percentages.
    PercentHeader,
    /// `names::TITLES`.
    Title,
    /// A credit line (刘洋/制图).
    Credit,
    /// `names::ORG_SUFFIX`.
    Suffix,
    /// `names::QUOTE_LEADS`, each before an opening quote (「 then “).
    Quoted,
    /// The registry's aliases (`Lexicon::new`).
    Alias,
    /// `SENTENCE_ENDS`.
    SentenceEnd,
    /// `names::MOVES`.
    Move,
    /// `names::FUNDED_VERBS`.
    Funded,
    /// `names::DESCRIPTORS`.
    Descriptor,
    /// `facts::DIRECTIONS`, in any case.
    Direction,
}

impl Group {
    /// Every group, in the order of their patterns in the automaton.
    pub const ALL: [Group; 27] = [
        Group::Metric,
        Group::Investor,
        Group::Anaphor,
        Group::Round,
        Group::Stock,
        Group::Marker,
        Group::Users,
        Group::Volume,
        Group::Url,
        Group::Multiple,
        Group::Percent,
        Group::TwdName,
        Group::CnyName,
        Group::HkdName,
        Group::HkMarket,
        Group::Traditional,
        Group::PercentHeader,
        Group::Title,
        Group::Credit,
        Group::Suffix,
        Group::Quoted,
        Group::Alias,
        Group::SentenceEnd,
        Group::Move,
        Group::Funded,
        Group::Descriptor,
        Group::Direction,
    ];

    /// The group's words and whether they match in any ASCII case; `aliases` for `Alias`.
    fn words(self, aliases: &[String]) -> (Vec<String>, bool) {
        let list = |words: &[&str]| words.iter().map(|w| w.to_string()).collect();
        match self {
            Group::Metric => (firsts(facts::METRIC_WORDS), true),
            Group::Investor => (list(facts::INVESTOR_CUES), false),
            Group::Anaphor => (list(facts::ANAPHORA), false),
            Group::Round => (list(facts::ROUNDS), false),
            Group::Stock => (list(facts::STOCK_WORDS), false),
            Group::Marker => (list(facts::MARKERS), false),
            Group::Users => (firsts(facts::USER_WORDS), false),
            Group::Volume => (list(facts::VOLUME_WORDS), true),
            Group::Url => (list(quantities::URL_MARKS), false),
            Group::Multiple => (firsts(quantities::MULTIPLE_WORDS), false),
            Group::Percent => (firsts(quantities::PERCENT_WORDS), false),
            Group::TwdName => (list(quantities::TWD_NAMES), false),
            Group::CnyName => (list(quantities::CNY_NAMES), false),
            Group::HkdName => (list(quantities::HKD_NAMES), false),
            Group::HkMarket => (list(quantities::HK_MARKET), false),
            Group::Traditional => (list(quantities::TRADITIONAL), false),
            Group::PercentHeader => (list(quantities::PERCENT_MARKS), false),
            Group::Title => (list(names::TITLES), false),
            Group::Credit => (list(&["/制图"]), false),
            Group::Suffix => (firsts(names::ORG_SUFFIX), false),
            Group::Quoted => (
                names::QUOTE_LEADS.iter().flat_map(|w| ['「', '“'].map(|q| format!("{w}{q}"))).collect(),
                false,
            ),
            Group::Alias => (aliases.to_vec(), false),
            Group::SentenceEnd => (list(SENTENCE_ENDS), false),
            Group::Move => (list(names::MOVES), false),
            Group::Funded => (list(names::FUNDED_VERBS), false),
            Group::Descriptor => (list(names::DESCRIPTORS), false),
            Group::Direction => (firsts(facts::DIRECTIONS), true),
        }
    }
}

/// The words of a table of (word, value).
fn firsts<T>(table: &[(&str, T)]) -> Vec<String> {
    table.iter().map(|(w, _)| w.to_string()).collect()
}

impl Lexicon {
    /// Every group's words, with `aliases` (the registry's) as the group `Alias`.
    pub fn new(aliases: &[String]) -> Lexicon {
        let groups: Vec<(Vec<String>, bool)> = Group::ALL.iter().map(|g| g.words(aliases)).collect();
        Lexicon::from_groups(&groups)
    }

    /// The lexicon without aliases, for readers of numbers alone (`number_bounds`).
    pub fn without_aliases() -> &'static Lexicon {
        static L: OnceLock<Lexicon> = OnceLock::new();
        L.get_or_init(|| Lexicon::new(&[]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_are_listed_in_their_order() {
        for (k, g) in Group::ALL.iter().enumerate() {
            assert_eq!(*g as usize, k, "{g:?}");
        }
    }
}
