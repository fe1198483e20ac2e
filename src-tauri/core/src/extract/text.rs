//! Small matching primitives over a text held as chars, and sentence/clause bounds.

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

/// First UTF-8 byte of the char at `at`. A word with another first byte does not start
/// there: tables of words test it before comparing chars.
fn first_byte_at(s: &[char], at: usize) -> Option<u8> {
    let u = *s.get(at)? as u32;
    Some(match u {
        0..0x80 => u,
        0x80..0x800 => 0xC0 | u >> 6,
        0x800..0x10000 => 0xE0 | u >> 12,
        _ => 0xF0 | u >> 18,
    } as u8)
}

/// Last UTF-8 byte of the char before `at`, the counterpart of `first_byte_at`.
fn last_byte_before(s: &[char], at: usize) -> Option<u8> {
    let u = *s.get(at.checked_sub(1)?)? as u32;
    Some(if u < 0x80 { u as u8 } else { 0x80 | (u & 0x3F) as u8 })
}

/// End of `w` if it occurs in `s` at `at`.
pub fn starts_with_at(s: &[char], at: usize, w: &str) -> Option<usize> {
    // Most words tried do not start here: compare a first byte before decoding `w`.
    let Some(&first) = w.as_bytes().first() else { return Some(at) };
    if first_byte_at(s, at)? != first {
        return None;
    }
    let mut k = at;
    for c in w.chars() {
        if s.get(k) != Some(&c) {
            return None;
        }
        k += 1;
    }
    Some(k)
}

/// Start of `w` if it occurs in `s` ending exactly at `at`. Compared from the end, and
/// first by the last byte, so that a miss costs little (as in `starts_with_at`).
pub fn ends_with_at(s: &[char], at: usize, w: &str) -> Option<usize> {
    let Some(&last) = w.as_bytes().last() else { return Some(at) };
    if last_byte_before(s, at)? != last {
        return None;
    }
    let mut k = at;
    for c in w.chars().rev() {
        if k == 0 || s[k - 1] != c {
            return None;
        }
        k -= 1;
    }
    Some(k)
}

/// Index of the first occurrence of `w` in `s[from..to]`, searching backwards (nearest to
/// `to`). Articles use the cue index instead; this direct scan is its reference in tests.
#[cfg(test)]
pub fn rfind(s: &[char], from: usize, to: usize, w: &str) -> Option<usize> {
    let n = w.chars().count();
    if to < from + n {
        return None;
    }
    (from..=to - n).rev().find(|&b| starts_with_at(s, b, w).is_some())
}

/// Index of the first occurrence of `w` in `s[from..to]` (reference of the cue index).
#[cfg(test)]
pub fn find(s: &[char], from: usize, to: usize, w: &str) -> Option<usize> {
    let n = w.chars().count();
    if to < from + n {
        return None;
    }
    (from..=to - n).find(|&b| starts_with_at(s, b, w).is_some())
}

/// The ASCII word before `at` in lower case, spaces before `at` skipped ("" if none).
pub fn ascii_word_before(s: &[char], at: usize) -> String {
    let mut e = at;
    while e > 0 && s[e - 1] == ' ' {
        e -= 1;
    }
    let mut b = e;
    while b > 0 && s[b - 1].is_ascii_alphabetic() {
        b -= 1;
    }
    s[b..e].iter().collect::<String>().to_ascii_lowercase()
}

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

/// A set of chars as an 8192-bit filter on the low bits of the code point: `may_hold` is
/// exact for absent chars most of the time and never wrong for present ones. Lets per-char
/// loops skip almost every char with one bit test; at 8192 bits a Han char shares its bit
/// with two others on average, so that few pass by mistake.
pub struct CharFilter([u64; CharFilter::WORDS]);

impl CharFilter {
    const WORDS: usize = 128;
    const MASK: usize = CharFilter::WORDS * 64 - 1;

    pub fn new(chars: impl IntoIterator<Item = char>) -> CharFilter {
        let mut bits = [0u64; CharFilter::WORDS];
        for c in chars {
            let k = c as usize & CharFilter::MASK;
            bits[k >> 6] |= 1 << (k & 63);
        }
        CharFilter(bits)
    }

    pub fn may_hold(&self, c: char) -> bool {
        let k = c as usize & CharFilter::MASK;
        self.0[k >> 6] >> (k & 63) & 1 == 1
    }
}

const ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Ltd",
    "Corp", "Co", "Mr", "Ms", "Mrs", "Dr", "St", "No", "vs", "U.S", "U.K", "e.g", "i.e", "Jr", "Sr",
];

/// The chars that may end a sentence.
pub const SENTENCE_ENDS: &[&str] = &["。", "！", "？", ".", "!", "?", "\n"];

/// Positions of `SENTENCE_ENDS` in `s`, char by char (an article's automaton pass finds
/// them along with its cue words).
pub fn sentence_ends(s: &[char]) -> Vec<usize> {
    (0..s.len()).filter(|&i| SENTENCE_ENDS.iter().any(|w| starts_with_at(s, i, w).is_some())).collect()
}

/// Sentence spans, given the positions `ends` of `SENTENCE_ENDS` in `s`. Sentences end at
/// 。！？ (and at . ! ? followed by a space and a capital in English). A line break ends a
/// sentence only after such punctuation or after a short line (a heading): long lines
/// without an end mark are paragraphs the page layout cut, and the sentence goes on
/// after the break.
pub fn sentences(s: &[char], ends: &[usize]) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut line_start = 0;
    for &i in ends {
        // Inside what the last cut took (closing quotes after 。).
        if i < start {
            continue;
        }
        let c = s[i];
        let mut cut = None;
        match c {
            '。' | '！' | '？' => {
                let mut e = i + 1;
                while e < s.len() && matches!(s[e], '”' | '」' | '’' | '）') {
                    e += 1;
                }
                cut = Some(e);
            }
            '.' | '!' | '?' => {
                let next = s.get(i + 1).copied();
                let after = s.get(i + 2).copied();
                if next.is_none() || next == Some('\n') {
                    cut = Some(i + 1);
                } else if next == Some(' ') && after.is_some_and(|a| a.is_uppercase() || a == '"' || a == '“')
                {
                    let word_start =
                        s[..i].iter().rposition(|c| c.is_whitespace() || *c == '(').map_or(0, |p| p + 1);
                    let word: String = s[word_start..i].iter().collect();
                    let initial = word.len() == 1 && word.chars().all(char::is_uppercase);
                    if !(ABBREVIATIONS.contains(&word.as_str()) || initial) {
                        cut = Some(i + 1);
                    }
                }
            }
            '\n' => {
                let line = &s[line_start..i];
                let last = line.iter().rev().find(|c| !c.is_whitespace());
                let ended = last.is_some_and(|c| "。！？.!?”\"」：:".contains(*c));
                let short = last.is_some() && line.len() < 40;
                if ended || short {
                    cut = Some(i + 1);
                }
                line_start = i + 1;
            }
            _ => {}
        }
        if let Some(e) = cut {
            push_trimmed(s, &mut out, start, e);
            start = e;
        }
    }
    push_trimmed(s, &mut out, start, s.len());
    out
}

fn push_trimmed(s: &[char], out: &mut Vec<Span>, mut a: usize, mut b: usize) {
    while a < b && s[a].is_whitespace() {
        a += 1;
    }
    while b > a && s[b - 1].is_whitespace() {
        b -= 1;
    }
    if b > a {
        out.push(Span { start: a, end: b });
    }
}

pub fn is_clause_break(c: char) -> bool {
    matches!(c, '，' | '。' | '；' | '！' | '？' | '：' | ';' | '\n')
}

/// Start of the clause holding `at` (English commas count only before a space).
pub fn clause_start(s: &[char], floor: usize, at: usize) -> usize {
    let mut k = at;
    while k > floor {
        let c = s[k - 1];
        if is_clause_break(c) || (c == ',' && s.get(k) == Some(&' ')) {
            break;
        }
        k -= 1;
    }
    k
}

pub fn clause_end(s: &[char], at: usize, ceil: usize) -> usize {
    let mut k = at;
    while k < ceil {
        let c = s[k];
        if is_clause_break(c) || (c == ',' && s.get(k + 1) == Some(&' ')) {
            break;
        }
        k += 1;
    }
    k
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sentences_join_cut_paragraphs_and_split_headings() {
        let t: Vec<char> = "标题行\n\n这是一段被版面切断的很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长很长的段落文字而且\n\n在这里继续。下一句。".chars().collect();
        let got: Vec<String> =
            sentences(&t, &sentence_ends(&t)).iter().map(|sp| t[sp.start..sp.end].iter().collect()).collect();
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got[1].ends_with("继续。"));
    }

    #[test]
    fn word_matches_agree_with_comparing_chars() {
        let t: Vec<char> = "Ωé融资 market 公司，¥5€ 𝟘x".chars().collect();
        for w in ["融资", "market", "公司，", "é", "Ωé", "𝟘x", "¥5€", "", "资 m", "x", "融", "m"]
        {
            let n = w.chars().count();
            for at in 0..=t.len() {
                let mut buf = [0; 4];
                let mut utf8 = |k: usize| t.get(k).map(|c| c.encode_utf8(&mut buf).as_bytes().to_vec());
                assert_eq!(first_byte_at(&t, at), utf8(at).map(|b| b[0]));
                let before = at.checked_sub(1).and_then(&mut utf8);
                assert_eq!(last_byte_before(&t, at), before.map(|b| b[b.len() - 1]));
                let starts = t.get(at..at + n).is_some_and(|x| x.iter().copied().eq(w.chars()));
                assert_eq!(starts_with_at(&t, at, w), starts.then_some(at + n), "{w} {at}");
                let ends = at >= n && t[at - n..at].iter().copied().eq(w.chars());
                assert_eq!(ends_with_at(&t, at, w), ends.then(|| at - n), "{w} {at}");
            }
        }
    }

    #[test]
    fn char_filter_holds_its_chars() {
        let f = CharFilter::new("记者分析师".chars());
        assert!("记者分析师".chars().all(|c| f.may_hold(c)));
        let misses = "这是一段没有那些字的普通中文文本而且相当长".chars().filter(|&c| f.may_hold(c)).count();
        assert!(misses <= 2, "{misses}");
    }

    #[test]
    fn english_abbreviations_do_not_end_sentences() {
        let t: Vec<char> = "On Feb. 14 the firm, Acme Inc. raised $5m. It grew.".chars().collect();
        assert_eq!(sentences(&t, &sentence_ends(&t)).len(), 2);
    }
}
