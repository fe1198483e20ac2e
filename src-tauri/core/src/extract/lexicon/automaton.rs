//! The automaton over every word group and the positions of its words in one text.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::Group;
use crate::extract::text::count_chars;

/// Cue words compiled into one automaton.
pub struct Lexicon {
    automaton: AhoCorasick,
    /// First pattern of each group (one more entry than groups).
    base: Vec<usize>,
    /// Group of each pattern.
    group: Vec<usize>,
    /// Length of each pattern in chars.
    chars: Vec<usize>,
    /// Patterns that must match with their exact case (the automaton ignores ASCII case).
    exact: Vec<Option<String>>,
}

impl Lexicon {
    /// `groups[k]` is the group `Group::ALL[k]`: its words, and whether ASCII case is ignored.
    pub(super) fn from_groups<W: AsRef<str>>(groups: &[(Vec<W>, bool)]) -> Lexicon {
        let mut base = vec![0];
        let mut patterns = Vec::new();
        let mut exact = Vec::new();
        for (words, ignore_case) in groups {
            for w in words {
                patterns.push(w.as_ref());
                // Only a word with ASCII letters can match in another case.
                let cased = w.as_ref().bytes().any(|b| b.is_ascii_alphabetic());
                exact.push((!ignore_case && cased).then(|| w.as_ref().to_string()));
            }
            base.push(patterns.len());
        }
        let automaton = AhoCorasick::builder()
            .match_kind(MatchKind::Standard)
            .ascii_case_insensitive(true)
            // Some thousand words: the DFA is small and several times faster than the NFA.
            .kind(Some(AhoCorasickKind::DFA))
            .build(&patterns)
            .expect("cue words are plain strings");
        let chars = patterns.iter().map(|p| p.chars().count()).collect();
        let group = (0..groups.len()).flat_map(|g| std::iter::repeat_n(g, base[g + 1] - base[g])).collect();
        Lexicon { automaton, base, group, chars, exact }
    }

    /// Every occurrence of every word of `text`, overlaps included.
    pub fn scan(&self, text: &str) -> Hits<'_> {
        let hits = self.matches(text);
        // Kept by word and by group, each in text order: questions are asked of one word
        // or of one group.
        let (word_start, pos) = counting_sort(&hits, self.chars.len(), |&(id, _)| id as usize, |&(_, at)| at);
        let groups = self.base.len() - 1;
        let (group_start, by_group) =
            counting_sort(&hits, groups, |&(id, _)| self.group[id as usize], |&h| h);
        Hits { lexicon: self, word_start, pos, group_start, by_group }
    }

    /// (pattern, start in chars) of every match in `text`, by start, then pattern.
    fn matches(&self, text: &str) -> Vec<(u32, u32)> {
        let bytes = text.as_bytes();
        let mut hits: Vec<(u32, u32)> = Vec::new();
        // Char offset of `byte_pos`, moved along with the matches (they come in end order).
        let (mut byte_pos, mut char_pos) = (0usize, 0usize);
        for m in self.automaton.find_overlapping_iter(text) {
            let id = m.pattern().as_usize();
            if self.exact[id].as_ref().is_some_and(|w| &bytes[m.start()..m.end()] != w.as_bytes()) {
                continue;
            }
            if m.end() >= byte_pos {
                char_pos += count_chars(&bytes[byte_pos..m.end()]);
            } else {
                char_pos -= count_chars(&bytes[m.end()..byte_pos]);
            }
            byte_pos = m.end();
            // A match that starts before the last ones (a longer word around a shorter one)
            // moves back past them.
            let hit = (id as u32, (char_pos - self.chars[id]) as u32);
            let mut k = hits.len();
            hits.push(hit);
            while k > 0 && (hits[k - 1].1, hits[k - 1].0) > (hit.1, hit.0) {
                hits.swap(k - 1, k);
                k -= 1;
            }
        }
        hits
    }
}

/// `value` of each hit, sorted by `key` (< `keys`) and, within a key, in the hits' order;
/// with where each key's run starts (one more entry than keys).
fn counting_sort<T: Copy + Default>(
    hits: &[(u32, u32)],
    keys: usize,
    key: impl Fn(&(u32, u32)) -> usize,
    value: impl Fn(&(u32, u32)) -> T,
) -> (Vec<u32>, Vec<T>) {
    let mut start = vec![0u32; keys + 1];
    for h in hits {
        start[key(h) + 1] += 1;
    }
    for k in 0..keys {
        start[k + 1] += start[k];
    }
    let mut fill = start.clone();
    let mut out = vec![T::default(); hits.len()];
    for h in hits {
        let k = key(h);
        out[fill[k] as usize] = value(h);
        fill[k] += 1;
    }
    (start, out)
}

/// Positions of the lexicon's words in one text.
pub struct Hits<'l> {
    lexicon: &'l Lexicon,
    /// Where each word's positions start in `pos` (one more entry than words).
    word_start: Vec<u32>,
    pos: Vec<u32>,
    /// First occurrence of each group in `by_group` (one more entry than groups).
    group_start: Vec<u32>,
    /// (pattern, start) of every occurrence, by group, then start, then pattern.
    by_group: Vec<(u32, u32)>,
}

impl Hits<'_> {
    fn word(&self, g: Group, k: usize) -> (&[u32], usize) {
        let id = self.lexicon.base[g as usize] + k;
        debug_assert!(id < self.lexicon.base[g as usize + 1], "word {k} is not in group {g:?}");
        let (start, end) = (self.word_start[id] as usize, self.word_start[id + 1] as usize);
        (&self.pos[start..end], self.lexicon.chars[id])
    }

    /// Start of the first occurrence of word `k` of `g` lying within `[from, to)`.
    pub fn find(&self, g: Group, k: usize, from: usize, to: usize) -> Option<usize> {
        let (list, len) = self.word(g, k);
        let i = list.partition_point(|&p| (p as usize) < from);
        list.get(i).map(|&p| p as usize).filter(|&p| p + len <= to)
    }

    /// Start of the last occurrence of word `k` of `g` lying within `[from, to)`.
    pub fn rfind(&self, g: Group, k: usize, from: usize, to: usize) -> Option<usize> {
        let (list, len) = self.word(g, k);
        let i = list.partition_point(|&p| p as usize + len <= to);
        i.checked_sub(1).map(|i| list[i] as usize).filter(|&p| p >= from)
    }

    /// Earliest occurrence of any word of `g` within `[from, to)`.
    pub fn find_any(&self, g: Group, from: usize, to: usize) -> Option<usize> {
        self.within(g, from, to).next().map(|(at, _)| at)
    }

    /// The words of `g` that occur within `[from, to)`, by index.
    pub fn words_within(&self, g: Group, from: usize, to: usize) -> Vec<usize> {
        let mut words: Vec<usize> = self.within(g, from, to).map(|(_, k)| k).collect();
        words.sort_unstable();
        words.dedup();
        words
    }

    /// (pattern, start) of the occurrences of words of `g`, by start, then pattern.
    fn of_group(&self, g: Group) -> &[(u32, u32)] {
        &self.by_group[self.group_start[g as usize] as usize..self.group_start[g as usize + 1] as usize]
    }

    /// (start, word) of the occurrences of words of `g` lying within `[from, to)`, by start.
    pub fn within(&self, g: Group, from: usize, to: usize) -> impl Iterator<Item = (usize, usize)> + '_ {
        let first = self.lexicon.base[g as usize];
        let hits = self.of_group(g);
        let i = hits.partition_point(|&(_, at)| (at as usize) < from);
        hits[i..]
            .iter()
            .map(|&(id, at)| (id as usize, at as usize))
            .take_while(move |&(_, at)| at < to)
            .filter(move |&(id, at)| at + self.lexicon.chars[id] <= to)
            .map(move |(id, at)| (at, id - first))
    }

    /// Every occurrence of a word of `g` as (start, end, word), by start, then word.
    pub fn in_order(&self, g: Group) -> Vec<(usize, usize, usize)> {
        let first = self.lexicon.base[g as usize];
        (self.of_group(g).iter())
            .map(|&(id, at)| (id as usize, at as usize))
            .map(|(id, at)| (at, at + self.lexicon.chars[id], id - first))
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::text;
    use Group::{Investor as SECOND, Metric as FIRST};

    #[test]
    fn positions_match_direct_scans() {
        let words = vec!["融资", "market", "Its ", "公司", "该公司"];
        let lex = Lexicon::from_groups(&[(words.clone(), false), (vec!["market", "MAU"], true)]);
        let t = "该公司在 Market 上融资，Its market 与 market cap；MAU 和 mau。公司融资";
        let s: Vec<char> = t.chars().collect();
        let cues = lex.scan(t);
        for (k, w) in words.iter().enumerate() {
            for from in 0..s.len() {
                for to in from..=s.len() {
                    assert_eq!(cues.find(FIRST, k, from, to), text::find(&s, from, to, w), "{w} {from} {to}");
                    assert_eq!(
                        cues.rfind(FIRST, k, from, to),
                        text::rfind(&s, from, to, w),
                        "{w} {from} {to}"
                    );
                }
            }
        }
        // Case ignored in the second group: Market, market, market; MAU, mau.
        assert_eq!(cues.find(SECOND, 0, 0, s.len()), Some(5));
        assert_eq!(cues.rfind(SECOND, 0, 0, s.len()), Some(29));
        assert_eq!(cues.rfind(SECOND, 1, 0, s.len()), Some(46));
        assert_eq!(cues.find_any(FIRST, 3, s.len()), Some(13));
        // All occurrences of a group in text order, as a direct scan at each char finds them.
        let mut direct = Vec::new();
        for at in 0..s.len() {
            for (k, w) in words.iter().enumerate() {
                if let Some(end) = text::starts_with_at(&s, at, w) {
                    direct.push((at, end, k));
                }
            }
        }
        assert_eq!(cues.in_order(FIRST), direct);
        for from in 0..s.len() {
            for to in from..=s.len() {
                let mut inside: Vec<usize> =
                    (direct.iter()).filter(|&&(a, b, _)| a >= from && b <= to).map(|&(_, _, k)| k).collect();
                inside.sort();
                inside.dedup();
                assert_eq!(cues.words_within(FIRST, from, to), inside, "{from} {to}");
                let first = words.iter().filter_map(|w| text::find(&s, from, to, w)).min();
                assert_eq!(cues.find_any(FIRST, from, to), first, "{from} {to}");
            }
        }
        assert_eq!(cues.in_order(SECOND), [(5, 11, 0), (20, 26, 0), (29, 35, 0), (40, 43, 1), (46, 49, 1)]);
    }
}
