//! Snippets: a short passage of an article around its best match, split into
//! highlighted and plain pieces. Offsets are in characters, so Chinese text is
//! never cut inside a character and the length is what a reader sees.

use super::terms::{self, Term};
use super::SnippetPart;

/// Characters in a snippet, at most.
const WIDTH: usize = 110;
/// Characters shown before the match when no sentence starts closer to it.
const LEAD: usize = 35;
/// Occurrences looked at when choosing where to centre (long texts, common words).
const MAX_OCCURRENCES: usize = 2_000;
const ELLIPSIS: &str = "…";

/// What to highlight for a query: exact CJK strings and Latin words.
#[derive(Debug)]
enum Needle {
    Cjk(Vec<char>),
    /// Lowercase; matches words that start with it (chip -> chips) or that it
    /// starts with, if at most two characters shorter (chips -> chip).
    Word(String),
}

fn needles(text: &str, terms: &[Term]) -> Vec<Needle> {
    let mut needles = Vec::new();
    for term in terms {
        match term {
            Term::Word(word) => needles.push(Needle::Word(word.to_lowercase())),
            // A query found as a whole is highlighted as a whole; otherwise its
            // words matched separately, and those are highlighted.
            Term::Cjk(run) if text.contains(run.as_str()) => needles.push(Needle::Cjk(run.chars().collect())),
            Term::Cjk(run) => {
                for piece in terms::query_words(run) {
                    needles.push(Needle::Cjk(piece.chars().collect()));
                }
            }
        }
    }
    needles
}

/// An occurrence of needle `needle` at characters [start, end).
#[derive(Debug, Clone, Copy)]
struct Occurrence {
    start: usize,
    end: usize,
    needle: usize,
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() && !terms::is_cjk(c)
}

fn occurrences(chars: &[char], needles: &[Needle]) -> Vec<Occurrence> {
    let mut found = Vec::new();
    let mut i = 0;
    while i < chars.len() && found.len() < MAX_OCCURRENCES {
        if is_word_char(chars[i]) {
            let end = (i..chars.len()).find(|&j| !is_word_char(chars[j])).unwrap_or(chars.len());
            let word: String = chars[i..end].iter().collect::<String>().to_lowercase();
            for (n, needle) in needles.iter().enumerate() {
                if let Needle::Word(w) = needle {
                    let close = w.starts_with(&word) && word.chars().count() + 2 >= w.chars().count();
                    if word.starts_with(w.as_str()) || close {
                        found.push(Occurrence { start: i, end, needle: n });
                        break;
                    }
                }
            }
            i = end;
            continue;
        }
        for (n, needle) in needles.iter().enumerate() {
            if let Needle::Cjk(s) = needle {
                if chars[i..].starts_with(s) {
                    found.push(Occurrence { start: i, end: i + s.len(), needle: n });
                    break;
                }
            }
        }
        i += 1;
    }
    found
}

/// The occurrence whose window holds the most different needles (earliest on ties).
fn best(occurrences: &[Occurrence]) -> Option<usize> {
    let mut best: Option<(usize, usize)> = None;
    for (i, first) in occurrences.iter().enumerate() {
        let mut seen: Vec<usize> = Vec::new();
        for o in occurrences[i..].iter().take_while(|o| o.end <= first.start + WIDTH - LEAD) {
            if !seen.contains(&o.needle) {
                seen.push(o.needle);
            }
        }
        if best.is_none_or(|(_, n)| seen.len() > n) {
            best = Some((i, seen.len()));
        }
    }
    best.map(|(i, _)| i)
}

fn ends_sentence(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '；' | '!' | '?' | ';' | '\n')
}

/// The window [begin, end) of characters shown around an occurrence.
fn window(chars: &[char], at: Occurrence) -> (usize, usize) {
    let mut begin = at.start.saturating_sub(LEAD);
    // Start at a sentence if one starts within the lead; else not inside a word.
    if let Some(p) = (begin..at.start).rev().find(|&p| ends_sentence(chars[p])) {
        begin = p + 1;
    } else if begin > 0 && is_word_char(chars[begin - 1]) {
        while begin < at.start && is_word_char(chars[begin]) {
            begin += 1;
        }
    }
    while begin < at.start && chars[begin].is_whitespace() {
        begin += 1;
    }
    let mut end = (begin + WIDTH).min(chars.len()).max(at.end);
    if end < chars.len() && is_word_char(chars[end]) {
        let cut = (at.end..end).rev().find(|&p| !is_word_char(chars[p]));
        end = cut.map_or(end, |p| p + 1);
    }
    (begin, end)
}

/// CJK characters and CJK punctuation (，。“” and full-width forms).
fn is_cjk_text(c: char) -> bool {
    terms::is_cjk(c) || matches!(c, '\u{3000}'..='\u{303F}' | '\u{FF00}'..='\u{FFEF}' | '“' | '”' | '‘' | '’')
}

/// Shown text of chars[from..to]: a line break inside Chinese text (a layout
/// artefact) disappears, other line breaks become spaces.
fn shown(chars: &[char], from: usize, to: usize) -> String {
    let mut out = String::new();
    for p in from..to {
        let c = chars[p];
        if c == '\n' {
            let joins_cjk =
                p > 0 && is_cjk_text(chars[p - 1]) && chars.get(p + 1).is_some_and(|&n| is_cjk_text(n));
            if !joins_cjk && !out.ends_with(' ') {
                out.push(' ');
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The snippet of `text` for a query's terms. Text without a match (the title
/// matched) gives its opening lines without highlights.
pub fn snippet(text: &str, terms: &[Term]) -> Vec<SnippetPart> {
    let chars: Vec<char> = text.chars().collect();
    let found = occurrences(&chars, &needles(text, terms));
    let (begin, end) = match best(&found) {
        Some(i) => window(&chars, found[i]),
        None => (0, WIDTH.min(chars.len())),
    };
    let mut parts: Vec<SnippetPart> = Vec::new();
    let mut push = |text: String, hit: bool| {
        if text.is_empty() {
            return;
        }
        match parts.last_mut() {
            Some(last) if last.hit == hit => last.text.push_str(&text),
            _ => parts.push(SnippetPart { text, hit }),
        }
    };
    if begin > 0 && !ends_sentence(chars[begin - 1]) {
        push(ELLIPSIS.to_owned(), false);
    }
    let mut at = begin;
    for o in found.iter().filter(|o| o.end > begin && o.start < end) {
        let start = o.start.max(at);
        let stop = o.end.min(end);
        if stop <= start {
            continue;
        }
        push(shown(&chars, at, start), false);
        push(shown(&chars, start, stop), true);
        at = stop;
    }
    push(shown(&chars, at, end), false);
    if end < chars.len() {
        push(ELLIPSIS.to_owned(), false);
    }
    parts
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::search::terms::parse_query;

    fn render(parts: &[SnippetPart]) -> String {
        parts.iter().map(|p| if p.hit { format!("[{}]", p.text) } else { p.text.clone() }).collect()
    }

    const ZH: &str = "据本报统计，春节以来已有数十家企业宣布接入新模型。\n\n国内人工智能芯片市场规模在2024年达到1206亿元，其中GPU占比较高，\n国产芯片厂商正在加速追赶。分析人士认为，算力需求还将持续增长，相关ETF当日上涨3.39%。";

    #[test]
    fn centres_on_a_chinese_match_and_stays_short() {
        let parts = snippet(ZH, &parse_query("芯片").unwrap());
        let shown = render(&parts);
        assert!(shown.contains("[芯片]"), "{shown}");
        let len: usize = parts.iter().map(|p| p.text.chars().count()).sum();
        assert!(len <= WIDTH + 2, "{len}: {shown}");
        assert!(shown.starts_with("国内人工智能"), "starts at the sentence: {shown}");
        assert!(shown.contains("较高，国产"), "line break inside Chinese joined: {shown}");
    }

    #[test]
    fn prefers_the_passage_with_every_term() {
        let text = format!("{} DeepSeek 模型. {} DeepSeek 的 ETF 上涨.", "甲".repeat(300), "乙".repeat(300));
        let shown = render(&snippet(&text, &parse_query("deepseek etf").unwrap()));
        assert!(shown.contains("[DeepSeek] 的 [ETF]"), "{shown}");
    }

    #[test]
    fn english_words_match_case_insensitively_and_inflected() {
        let text = "Analysts said AI Chips demand doubled, and the chip market grew by a third.";
        let shown = render(&snippet(text, &parse_query("CHIP").unwrap()));
        assert_eq!(shown, "Analysts said AI [Chips] demand doubled, and the [chip] market grew by a third.");
    }

    #[test]
    fn text_without_a_match_gives_its_opening() {
        let parts = snippet(ZH, &parse_query("标题词").unwrap());
        assert!(parts.iter().all(|p| !p.hit));
        assert!(parts[0].text.starts_with("据本报统计"));
        assert!(parts.last().unwrap().text.ends_with(ELLIPSIS));
    }

    #[test]
    fn long_english_text_is_cut_between_words() {
        let text = "word ".repeat(50) + "target " + &"tail ".repeat(50);
        let shown = render(&snippet(&text, &parse_query("target").unwrap()));
        assert!(shown.starts_with("…word "), "{shown}");
        assert!(shown.ends_with("tail…") || shown.ends_with("tail …"), "{shown}");
    }
}
