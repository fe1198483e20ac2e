//! Mending the text of PDF pages: what the text layer gets wrong or leaves as layout.

use std::collections::{HashMap, HashSet};

use unicode_normalization::UnicodeNormalization;

use crate::import::radicals::SUPPLEMENT;

/// Page texts (lines, blank line between paragraphs) to one text of paragraphs.
pub fn mend(pages: &[String]) -> String {
    let pages: Vec<Vec<String>> =
        pages.iter().map(|p| p.lines().map(|l| repair_chars(l.trim())).collect()).collect();
    let pages = drop_furniture(pages);
    let mut lines: Vec<&str> = Vec::new();
    for page in &pages {
        // A page that ends on a full stop ends its paragraph; otherwise the paragraph
        // runs on to the next page.
        if lines.last().is_some_and(|l| ends_sentence(l)) {
            lines.push("");
        }
        lines.extend(page.iter().map(String::as_str));
    }
    let vocabulary = words(&lines);
    let blocks: Vec<&[&str]> = lines.split(|l| l.is_empty()).filter(|b| !b.is_empty()).collect();
    rejoin_split_paragraphs(blocks)
        .iter()
        .map(|block| {
            let mut paragraph = String::new();
            for line in block {
                join_line(&mut paragraph, line, &vocabulary);
            }
            tidy_spaces(&paragraph)
        })
        .collect::<Vec<_>>()
        .join("\n\n")
}

/// A column or page break shows as a paragraph break. A block of several lines whose
/// last line runs the full measure and stops without closing punctuation was cut there,
/// so it goes on in the next block. (Headings and bylines end short or stand alone.)
fn rejoin_split_paragraphs<'a>(blocks: Vec<&[&'a str]>) -> Vec<Vec<&'a str>> {
    let mut out: Vec<Vec<&'a str>> = Vec::new();
    for block in blocks {
        match out.last_mut() {
            Some(previous) if was_cut(previous) => previous.extend_from_slice(block),
            _ => out.push(block.to_vec()),
        }
    }
    out
}

fn was_cut(block: &[&str]) -> bool {
    let Some((last, others)) = block.split_last() else { return false };
    let widest = others.iter().map(|l| width(l)).max().unwrap_or(0);
    !others.is_empty() && !ends_sentence(last) && width(last) * 10 >= widest * 9
}

/// Display width: ideographs and full-width forms take two columns.
fn width(line: &str) -> usize {
    line.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum()
}

/// Spaces the text layer puts where Chinese has none: between two ideographs, and
/// inside or around curly quotes that touch Chinese (“ 六小龙 ” -> “六小龙”).
fn tidy_spaces(paragraph: &str) -> String {
    let chars: Vec<char> = paragraph.chars().collect();
    let mut out = String::with_capacity(paragraph.len());
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' && i > 0 && i + 1 < chars.len() {
            let (before, after) = (chars[i - 1], chars[i + 1]);
            let quote = |q: char| matches!(q, '“' | '”' | '‘' | '’');
            let han_or_quote = |q: char| quote(q) || is_cjk(q);
            if (is_cjk(before) && is_cjk(after))
                || (quote(before) && han_or_quote(after))
                || (quote(after) && han_or_quote(before))
                || is_full_width_punctuation(before)
                || is_full_width_punctuation(after)
            {
                continue;
            }
        }
        out.push(c);
    }
    out
}

/// Radicals and compatibility ideographs to the unified ideographs they stand for, soft
/// hyphens out. Full-width punctuation is left alone (NFKC would make ，。： ASCII).
pub fn repair_chars(line: &str) -> String {
    let mut out = String::with_capacity(line.len());
    for c in line.chars() {
        match c as u32 {
            0x00AD => {}
            0x2E80..=0x2EFF => match SUPPLEMENT.binary_search_by_key(&c, |&(r, _)| r) {
                Ok(i) => out.push(SUPPLEMENT[i].1),
                Err(_) => out.push(c),
            },
            0x2F00..=0x2FDF | 0xF900..=0xFAFF | 0x2F800..=0x2FA1F => out.extend(std::iter::once(c).nfkc()),
            _ => out.push(c),
        }
    }
    out
}

fn ends_sentence(line: &str) -> bool {
    line.trim_end().ends_with(['。', '！', '？', '”', '.', '!', '?', '"', '…'])
}

/// The first character that tells the script, passing over quotes and dashes that
/// Chinese and English share.
fn decisive(mut chars: impl Iterator<Item = char>) -> Option<char> {
    chars.find(|c| !matches!(c, '“' | '”' | '‘' | '’' | '"' | '\'' | '—' | '…' | '·' | '(' | ')'))
}

/// ，。：；（）「」《》 and the like carry their own spacing.
fn is_full_width_punctuation(c: char) -> bool {
    matches!(c as u32, 0x3001..=0x3003 | 0x3008..=0x3011 | 0x3014..=0x301F | 0xFF01..=0xFF0F | 0xFF1A..=0xFF20 | 0xFF3B..=0xFF40 | 0xFF5B..=0xFF65)
}

fn is_cjk(c: char) -> bool {
    matches!(c as u32,
        0x2E80..=0x2FDF       // radicals
        | 0x3000..=0x303F     // CJK symbols and punctuation
        | 0x3040..=0x30FF     // kana
        | 0x3400..=0x4DBF
        | 0x4E00..=0x9FFF
        | 0xAC00..=0xD7AF     // hangul
        | 0xF900..=0xFAFF
        | 0xFF00..=0xFFEF     // full-width forms
        | 0x20000..=0x3FFFF)
}

/// Appends a wrapped line: CJK joins without a space, English with one, and a word
/// hyphenated at the line end is put back together.
fn join_line(current: &mut String, line: &str, vocabulary: &HashSet<String>) {
    let Some(last) = current.chars().last() else {
        current.push_str(line);
        return;
    };
    let first = line.chars().next().unwrap_or(' ');
    if matches!(last, '-' | '\u{2010}') && first.is_lowercase() {
        let head = trailing_word(&current[..current.len() - last.len_utf8()]);
        let tail: String = line.chars().take_while(|c| c.is_alphabetic()).collect();
        if head.chars().next().is_some_and(char::is_alphabetic) && !keeps_hyphen(head, &tail, vocabulary) {
            current.pop();
        }
        current.push_str(line);
    } else if decisive(current.chars().rev()).is_some_and(is_cjk)
        || decisive(line.chars()).is_some_and(is_cjk)
    {
        current.push_str(line);
    } else {
        current.push(' ');
        current.push_str(line);
    }
}

/// A hyphen at a line end is either the typesetter's or part of a compound. The
/// document decides: a word seen whole elsewhere was split; a compound seen elsewhere,
/// or two words both seen on their own, was a compound.
fn keeps_hyphen(head: &str, tail: &str, vocabulary: &HashSet<String>) -> bool {
    let (head, tail) = (head.to_lowercase(), tail.to_lowercase());
    if vocabulary.contains(&format!("{head}{tail}")) {
        return false;
    }
    vocabulary.contains(&format!("{head}-{tail}"))
        || (vocabulary.contains(&head) && vocabulary.contains(&tail))
}

fn trailing_word(s: &str) -> &str {
    let start = s
        .rfind(|c: char| !c.is_alphabetic())
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    &s[start..]
}

/// Lower-cased words and hyphenated compounds that appear inside lines.
fn words(lines: &[&str]) -> HashSet<String> {
    let mut set = HashSet::new();
    for line in lines {
        let tokens: Vec<&str> =
            line.split(|c: char| !(c.is_alphabetic() || c == '-')).filter(|t| !t.is_empty()).collect();
        // The last token may be half a word broken by the line end.
        let whole =
            if line.ends_with(['-', '\u{2010}']) { tokens.len().saturating_sub(1) } else { tokens.len() };
        for token in &tokens[..whole] {
            let token = token.trim_matches('-').to_lowercase();
            set.extend(token.split('-').filter(|p| !p.is_empty()).map(str::to_owned));
            set.insert(token);
        }
    }
    set
}

/// Drops page numbers and running headers and footers: lines at the top or bottom of a
/// page that repeat on other pages once digits are set aside.
fn drop_furniture(pages: Vec<Vec<String>>) -> Vec<Vec<String>> {
    const EDGE: usize = 3;
    let edge_lines = |page: &Vec<String>| -> Vec<usize> {
        let filled: Vec<usize> = (0..page.len()).filter(|&i| !page[i].is_empty()).collect();
        let mut picked: Vec<usize> = filled.iter().take(EDGE).copied().collect();
        picked.extend(filled.iter().rev().take(EDGE).copied());
        picked.sort_unstable();
        picked.dedup();
        picked
    };
    let mut seen: HashMap<String, usize> = HashMap::new();
    if pages.len() > 1 {
        for page in &pages {
            let keys: HashSet<String> =
                edge_lines(page).into_iter().map(|i| furniture_key(&page[i])).collect();
            for key in keys {
                *seen.entry(key).or_default() += 1;
            }
        }
    }
    let repeats = |line: &str| {
        pages.len() > 1 && seen.get(&furniture_key(line)).copied().unwrap_or(0) * 2 >= pages.len().max(3)
    };
    pages
        .iter()
        .map(|page| {
            let edges: HashSet<usize> = edge_lines(page).into_iter().collect();
            let keep = |repeated_too: bool| -> Vec<String> {
                page.iter()
                    .enumerate()
                    .filter(|(i, line)| {
                        !(edges.contains(i) && (is_page_number(line) || repeated_too && repeats(line)))
                    })
                    .map(|(_, line)| line.clone())
                    .collect()
            };
            // A running header runs above something: a page that would be left empty
            // is all body (pages that carry the same text), and keeps it.
            let body = keep(true);
            if body.iter().all(|l| l.is_empty()) {
                keep(false)
            } else {
                body
            }
        })
        .collect()
}

fn furniture_key(line: &str) -> String {
    line.chars().filter(|c| !c.is_whitespace()).map(|c| if c.is_ascii_digit() { '#' } else { c }).collect()
}

/// "12", "- 12 -", "第 12 页", "Page 12", "12 / 40".
fn is_page_number(line: &str) -> bool {
    let core: String =
        line.chars().filter(|c| !c.is_whitespace() && !matches!(c, '-' | '—' | '–' | '·')).collect();
    let core = core.to_lowercase();
    let core = core.strip_prefix("page").unwrap_or(&core);
    let core = core
        .strip_prefix('第')
        .and_then(|c| c.strip_suffix('页').or_else(|| c.strip_suffix('版')))
        .unwrap_or(core);
    let core = core.replace("of", "/");
    let mut parts = core.split('/');
    !core.is_empty() && parts.all(|p| (1..=4).contains(&p.len()) && p.chars().all(|c| c.is_ascii_digit()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn radicals_become_ideographs_but_punctuation_stays_full_width() {
        // ⽅ U+2F45, ⻰ U+2EF0 (simplified dragon), ⼀ U+2F00, 﨑 is not touched by NFKC.
        assert_eq!(
            repair_chars("幻\u{2F45}量化，“六小\u{2EF0}”：（\u{2F00}）"),
            "幻方量化，“六小龙”：（一）"
        );
        assert_eq!(repair_chars("semi\u{AD}conductor"), "semiconductor");
        assert_eq!(repair_chars("\u{F900}"), "\u{8C48}");
    }

    #[test]
    fn lines_join_by_script() {
        let pages = vec!["科技圈讨论最多的\n名字。\n\nShares in Chinese\nchip makers rose.".to_owned()];
        assert_eq!(mend(&pages), "科技圈讨论最多的名字。\n\nShares in Chinese chip makers rose.");
    }

    #[test]
    fn hyphens_at_line_ends() {
        let pages = vec![
            "the semi-\nconductor fund and the semiconductor index;\na state-\nowned bank, a well-\ncoordinated wave; state and owned; well and coordinated\nbrokers de-\nscribed it"
                .to_owned(),
        ];
        assert_eq!(
            mend(&pages),
            "the semiconductor fund and the semiconductor index; a state-owned bank, a well-coordinated wave; state and owned; well and coordinated brokers described it"
        );
    }

    #[test]
    fn page_numbers_and_running_heads_go() {
        let page = |n: usize, body: &str| format!("财经周报 · 2025年2月17日\n{body}\n第 {n} 页");
        let pages = vec![page(1, "第一页正文"), page(2, "第二页正文"), page(3, "第三页正文")];
        assert_eq!(mend(&pages), "第一页正文第二页正文第三页正文");
        assert!(is_page_number("- 12 -") && is_page_number("Page 3") && is_page_number("3 / 40"));
        assert!(!is_page_number("512480 ETF"));
    }

    #[test]
    fn pages_that_carry_the_same_text_keep_it() {
        let same = "Acme raised $5 million in 2024.".to_owned();
        let pages = vec![same.clone(), format!("{same}\n2"), format!("{same}\n3")];
        assert_eq!(mend(&pages), [same.as_str(); 3].join("\n\n"));
    }
}
