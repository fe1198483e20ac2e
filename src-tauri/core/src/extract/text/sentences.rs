//! Sentences and clauses.

use super::{is_cjk, starts_with_at, Span};

const ABBREVIATIONS: &[&str] = &[
    "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "Inc", "Ltd",
    "Corp", "Co", "Mr", "Ms", "Mrs", "Dr", "St", "No", "vs", "U.S", "U.K", "e.g", "i.e", "Jr", "Sr",
];

/// The chars that may end a sentence.
pub const SENTENCE_ENDS: &[&str] = &["。", "！", "？", ".", "!", "?", "\n", " - "];

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
        // Where this sentence ends and the next begins.
        let cut = match s[i] {
            '。' | '！' | '？' => {
                let e = after_closing_quotes(s, i + 1);
                Some((e, e))
            }
            '.' | '!' | '?' => english_end(s, i).map(|e| (e, e)),
            ' ' if is_bullet(s, i) => Some((i, i + 3)),
            '\n' => {
                let cut = line_ends_sentence(&s[line_start..i]).then_some((i + 1, i + 1));
                line_start = i + 1;
                cut
            }
            _ => None,
        };
        if let Some((e, next)) = cut {
            push_trimmed(s, &mut out, start, e);
            start = next;
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

/// A list flattened into one line (要点 - 宁德时代营收… [4] - 亿纬锂能营收…) marks its items
/// with " - " after Chinese text or a reference: each item is a sentence. Between Latin
/// words the same marks are a dash.
fn is_bullet(s: &[char], i: usize) -> bool {
    let before = s[..i].iter().rev().find(|c| **c != ' ');
    before.is_some_and(|&c| is_cjk(c) || matches!(c, ']' | '】' | '）'))
        && s.get(i + 3).is_some_and(|&c| is_cjk(c) || c.is_ascii_digit() || c.is_ascii_uppercase())
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

/// Is the `,` at `i` a break between clauses: before a space, or in Chinese text written
/// with half-width commas (同比下降9.7%,归母净利润…), before a Han char?
fn comma_breaks(s: &[char], i: usize) -> bool {
    s[i] == ',' && s.get(i + 1).is_some_and(|&c| c == ' ' || is_cjk(c))
}

/// Start of the clause holding `at` (English commas count only before a space).
pub fn clause_start(s: &[char], floor: usize, at: usize) -> usize {
    let mut k = at;
    while k > floor {
        let c = s[k - 1];
        if is_clause_break(c) || comma_breaks(s, k - 1) {
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
        if is_clause_break(c) || comma_breaks(s, k) {
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
    fn a_list_flattened_into_a_line_is_one_sentence_per_item() {
        let t: Vec<char> =
            "业绩分化 - 甲公司营收下降9.7% [4] - 乙公司营收增长3%左右 - 2024年 Nio - the carmaker - grew"
                .chars()
                .collect();
        let got: Vec<String> =
            sentences(&t, &sentence_ends(&t)).iter().map(|sp| t[sp.start..sp.end].iter().collect()).collect();
        assert_eq!(
            got,
            [
                "业绩分化",
                "甲公司营收下降9.7% [4]",
                "乙公司营收增长3%左右",
                "2024年 Nio - the carmaker - grew"
            ]
        );
    }

    #[test]
    fn a_half_width_comma_before_han_ends_a_clause() {
        let t: Vec<char> = "营收增长14.44%,归母净利润增长22.55%; 1,000,000元".chars().collect();
        let at = t.iter().position(|&c| c == '归').unwrap();
        assert_eq!(clause_start(&t, 0, at + 2), at);
        assert_eq!(clause_end(&t, 0, t.len()), at - 1);
        // Thousands separators and English commas without a space go on.
        let digits = t.iter().rposition(|&c| c == ',').unwrap();
        assert_eq!(clause_start(&t, 0, digits + 2), t.iter().position(|&c| c == ';').unwrap() + 1);
    }

    #[test]
    fn english_abbreviations_do_not_end_sentences() {
        let t: Vec<char> = "On Feb. 14 the firm, Acme Inc. raised $5m. It grew.".chars().collect();
        assert_eq!(sentences(&t, &sentence_ends(&t)).len(), 2);
    }
}
