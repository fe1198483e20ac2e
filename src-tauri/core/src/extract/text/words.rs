//! Tables of words with a value each, looked up by the first or the last char of a word.

use super::CharFilter;

/// A table of words with a value each, indexed by the first and the last char of every
/// word (ASCII letters in lower case). Tables are tried around every amount: a look-up
/// compares only the few words that share the char at hand, in table order.
pub struct Words<T> {
    entries: Vec<(&'static str, T)>,
    chars: Vec<Box<[char]>>,
    firsts: Buckets,
    lasts: Buckets,
}

impl<T: Copy> Words<T> {
    pub fn new(entries: impl IntoIterator<Item = (&'static str, T)>) -> Words<T> {
        let entries: Vec<(&'static str, T)> = entries.into_iter().collect();
        let chars: Vec<Box<[char]>> = entries.iter().map(|(w, _)| w.chars().collect()).collect();
        assert!(chars.iter().all(|w| !w.is_empty()), "words are not empty");
        let firsts = Buckets::new(chars.iter().map(|w| w[0]));
        let lasts = Buckets::new(chars.iter().map(|w| w[w.len() - 1]));
        Words { entries, chars, firsts, lasts }
    }

    pub fn entries(&self) -> &[(&'static str, T)] {
        &self.entries
    }

    /// The longest word occurring in `s` at `at`: (end, value).
    pub fn longest_at(&self, s: &[char], at: usize) -> Option<(usize, T)> {
        self.starting_at(s, at, false).max_by_key(|&(e, _)| e)
    }

    /// The longest word occurring in `s` ending at `at`, ASCII letters in any case (More
    /// than 40): (start, value).
    pub fn longest_ending_at(&self, s: &[char], at: usize) -> Option<(usize, T)> {
        self.ending_at(s, at, true).min_by_key(|&(b, _)| b)
    }

    /// (end, value) of the words occurring in `s` at `at`, in table order; ASCII letters
    /// compared in any case if `any_case`.
    pub fn starting_at<'a>(
        &'a self,
        s: &'a [char],
        at: usize,
        any_case: bool,
    ) -> impl Iterator<Item = (usize, T)> + 'a {
        let bucket = s.get(at).map_or(&[][..], |&c| self.firsts.get(c));
        bucket.iter().filter_map(move |&k| {
            let w = &self.chars[k as usize];
            let e = at + w.len();
            same(s.get(at..e)?, w, any_case).then_some((e, self.entries[k as usize].1))
        })
    }

    /// (start, value) of the words occurring in `s` ending at `at`, in table order.
    pub fn ending_at<'a>(
        &'a self,
        s: &'a [char],
        at: usize,
        any_case: bool,
    ) -> impl Iterator<Item = (usize, T)> + 'a {
        let bucket = at.checked_sub(1).and_then(|p| s.get(p)).map_or(&[][..], |&c| self.lasts.get(c));
        bucket.iter().filter_map(move |&k| {
            let w = &self.chars[k as usize];
            let b = at.checked_sub(w.len())?;
            same(&s[b..at], w, any_case).then_some((b, self.entries[k as usize].1))
        })
    }
}

fn same(x: &[char], w: &[char], any_case: bool) -> bool {
    if any_case {
        x.iter().zip(w).all(|(a, b)| a.eq_ignore_ascii_case(b))
    } else {
        x == w
    }
}

/// Indices of a table's entries grouped by one char of each word, in lower case.
struct Buckets {
    /// The distinct chars, sorted.
    keys: Vec<char>,
    /// The same chars as a filter: most chars looked up are in no word, and one bit test
    /// says so before a binary search would.
    filter: CharFilter,
    /// Where each char's entries start in `entries` (one more than keys).
    starts: Vec<u32>,
    /// Entry indices, by char, then in table order.
    entries: Vec<u32>,
}

impl Buckets {
    fn new(chars: impl Iterator<Item = char>) -> Buckets {
        let mut pairs: Vec<(char, u32)> =
            chars.enumerate().map(|(k, c)| (c.to_ascii_lowercase(), k as u32)).collect();
        pairs.sort_unstable();
        let (mut keys, mut starts) = (Vec::new(), Vec::new());
        for (k, &(c, _)) in pairs.iter().enumerate() {
            if keys.last() != Some(&c) {
                keys.push(c);
                starts.push(k as u32);
            }
        }
        starts.push(pairs.len() as u32);
        let filter = CharFilter::new(keys.iter().copied());
        Buckets { keys, filter, starts, entries: pairs.into_iter().map(|(_, k)| k).collect() }
    }

    fn get(&self, c: char) -> &[u32] {
        let c = c.to_ascii_lowercase();
        if !self.filter.may_hold(c) {
            return &[];
        }
        match self.keys.binary_search(&c) {
            Ok(k) => &self.entries[self.starts[k] as usize..self.starts[k + 1] as usize],
            Err(_) => &[],
        }
    }
}
