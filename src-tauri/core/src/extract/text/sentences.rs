//! Sentences and clauses.

use super::{starts_with_at, Span};

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
        let cut = match s[i] {
            '。' | '！' | '？' => Some(after_closing_quotes(s, i + 1)),
            '.' | '!' | '?' => english_end(s, i),
            '\n' => {
                let cut = line_ends_sentence(&s[line_start..i]).then_some(i + 1);
                line_start = i + 1;
                cut
            }
            _ => None,
        };
        if let Some(e) = cut {
            push_trimmed(s, &mut out, start, e);
            start = e;
        }
    }
    push_trimmed(s, &mut out, start, s.len());
    out
}

fn after_closing_quotes(s: &[char], mut e: usize) -> usize {
    while e < s.len() && matches!(s[e], '”' | '」' | '’' | '）') {
        e += 1;
    }
    e
}

/// Where a sentence ends after the `.`, `!` or `?` at `i`: at the end of the text or of
/// its line, or before a space and a capital unless the word before is an abbreviation
/// or an initial.
fn english_end(s: &[char], i: usize) -> Option<usize> {
    let next = s.get(i + 1).copied();
    let after = s.get(i + 2).copied();
    if next.is_none() || next == Some('\n') {
        return Some(i + 1);
    }
    if next != Some(' ') || !after.is_some_and(|a| a.is_uppercase() || a == '"' || a == '“') {
        return None;
    }
    let word_start = s[..i].iter().rposition(|c| c.is_whitespace() || *c == '(').map_or(0, |p| p + 1);
    let word: String = s[word_start..i].iter().collect();
    let initial = word.len() == 1 && word.chars().all(char::is_uppercase);
    (!(ABBREVIATIONS.contains(&word.as_str()) || initial)).then_some(i + 1)
}

/// A line break ends a sentence after end punctuation or a short line (a heading).
fn line_ends_sentence(line: &[char]) -> bool {
    let last = line.iter().rev().find(|c| !c.is_whitespace());
    let ended = last.is_some_and(|c| "。！？.!?”\"」：:".contains(*c));
    let short = last.is_some() && line.len() < 40;
    ended || short
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
    fn english_abbreviations_do_not_end_sentences() {
        let t: Vec<char> = "On Feb. 14 the firm, Acme Inc. raised $5m. It grew.".chars().collect();
        assert_eq!(sentences(&t, &sentence_ends(&t)).len(), 2);
    }
}
