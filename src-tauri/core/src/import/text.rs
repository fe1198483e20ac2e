//! Plain text and Markdown, and the normalisation every format goes through.
//!
//! Canonical text: LF line ends, paragraphs separated by exactly one blank line, no line
//! breaks inside a paragraph, single spaces, no control or invisible characters.
//!
//! Line breaks inside a paragraph (lines with no blank line between them) are read one of
//! two ways:
//! - Hard-wrapped prose (an e-mail, a text export at a fixed width, a PDF column): every
//!   line but the last is long (at least 56 columns, CJK characters counting two) and about
//!   as long as the longest. Such lines are joined: without a space when either side of
//!   the break is Chinese or Japanese, with one space otherwise, and without a space after
//!   a hyphen between letters. An indented line starts a new paragraph.
//! - Anything else (a headline above its byline, one paragraph per line as Chinese text
//!   files are often written, a list): each line is a paragraph of its own.
//!
//! Paragraphs are never joined across a blank line: in text extracted from a multi-column
//! layout a blank line may fall mid-sentence, but it may just as well separate fragments
//! that are out of order, and guessing would change the text silently.

use super::{markdown, Format, Parsed};
use crate::{Reason, Result};

/// A wrapped line is at least this wide (columns, CJK counting two).
const MIN_WRAP_WIDTH: usize = 56;
/// Lines wider than this are whole paragraphs, not wrapped lines.
const MAX_WRAP_WIDTH: usize = 160;

pub fn parse(bytes: &[u8], format: Format) -> Result<Parsed> {
    let decoded = super::decode::decode_declared(bytes, None)?;
    let raw = decoded.text.as_str();
    if raw.chars().all(|c| c.is_whitespace() || c.is_control() || is_invisible(c)) {
        return Err(Reason::OnlyWhitespace.into());
    }
    let (text, title) = if format == Format::Markdown {
        let md = markdown::to_plain(raw);
        (normalise(&md.text), md.title.map(|t| normalise(&t)).filter(|t| !t.is_empty()))
    } else {
        (normalise(raw), None)
    };
    Ok(Parsed {
        text,
        title,
        encoding: Some(decoded.encoding.to_owned()),
        notes: decoded.note().into_iter().collect(),
        ..Parsed::default()
    })
}

/// Canonical text (see the module comment).
pub fn normalise(raw: &str) -> String {
    let mut out = String::with_capacity(raw.len());
    let mut block: Vec<Line> = Vec::new();
    for piece in raw.split('\n') {
        let piece = piece.strip_suffix('\r').unwrap_or(piece);
        // U+2029 separates paragraphs; a lone CR (old Mac), form feed or U+2028 ends a line.
        for (i, paragraph) in piece.split('\u{2029}').enumerate() {
            if i > 0 {
                flush(&mut block, &mut out);
            }
            for line in paragraph.split(['\r', '\u{c}', '\u{2028}']) {
                match Line::clean(line) {
                    Some(l) => block.push(l),
                    None => flush(&mut block, &mut out),
                }
            }
        }
    }
    flush(&mut block, &mut out);
    out
}

/// A name (title, file name, outlet, author...) fit to show or write on one line:
/// control characters (line breaks, ESC, which starts terminal sequences, C1 codes) become
/// spaces; bidirectional overrides, embeddings and isolates, which reorder what follows
/// them (U+202E shows `gpj.exe` as `exe.jpg`), and other invisible characters go; runs of
/// whitespace become one space.
pub fn clean_name(name: &str) -> String {
    let spaced: String =
        name.chars().filter(|c| !is_invisible(*c)).map(|c| if c.is_control() { ' ' } else { c }).collect();
    spaced.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Adds a line break inside a paragraph: the rule for wrapped lines (module comment).
pub fn join_wrapped(paragraph: &mut String, next: &str) {
    let Some(last) = paragraph.chars().next_back() else {
        paragraph.push_str(next);
        return;
    };
    let first = next.chars().next().unwrap_or(' ');
    let before_hyphen = paragraph.chars().rev().nth(1);
    let hyphenated = last == '-' && before_hyphen.is_some_and(char::is_alphabetic) && first.is_lowercase();
    if !(hyphenated || is_cjk(last) || is_cjk(first)) {
        paragraph.push(' ');
    }
    paragraph.push_str(next);
}

struct Line {
    text: String,
    indented: bool,
    width: usize,
}

impl Line {
    /// The line with whitespace made plain and invisible characters gone; `None` if blank.
    fn clean(raw: &str) -> Option<Self> {
        let mut text = String::with_capacity(raw.len());
        let mut leading = 0usize;
        let mut width = 0usize;
        let mut pending_space = false;
        for c in raw.chars() {
            if is_invisible(c) || (c.is_control() && c != '\t') {
                continue;
            }
            if c.is_whitespace() {
                if text.is_empty() {
                    // A tab or an ideographic space is a full indent on its own.
                    leading += if c == '\t' || c == '\u{3000}' { 2 } else { 1 };
                } else {
                    pending_space = true;
                }
                continue;
            }
            if pending_space {
                text.push(' ');
                width += 1;
                pending_space = false;
            }
            text.push(c);
            width += if is_wide(c) { 2 } else { 1 };
        }
        (!text.is_empty()).then_some(Self { text, indented: leading >= 2, width })
    }
}

/// Writes a block of consecutive lines as one or more paragraphs.
fn flush(block: &mut Vec<Line>, out: &mut String) {
    if block.is_empty() {
        return;
    }
    // Indented lines start paragraphs, unless every line is indented alike.
    let indents_mark_paragraphs = !block.iter().all(|l| l.indented);
    let mut run: Vec<Line> = Vec::new();
    for line in block.drain(..) {
        if indents_mark_paragraphs && line.indented {
            write_run(&mut run, out);
        }
        run.push(line);
    }
    write_run(&mut run, out);
}

/// Writes lines that belong to one paragraph if wrapped, one paragraph each otherwise.
fn write_run(run: &mut Vec<Line>, out: &mut String) {
    if is_hard_wrapped(run) {
        let mut lines = run.drain(..);
        let mut paragraph = lines.next().map(|l| l.text).unwrap_or_default();
        for line in lines {
            join_wrapped(&mut paragraph, &line.text);
        }
        push_paragraph(out, &paragraph);
    } else {
        for line in run.drain(..) {
            push_paragraph(out, &line.text);
        }
    }
}

fn push_paragraph(out: &mut String, paragraph: &str) {
    if !out.is_empty() {
        out.push_str("\n\n");
    }
    out.push_str(paragraph);
}

fn is_hard_wrapped(block: &[Line]) -> bool {
    let Some((_last, body)) = block.split_last() else { return false };
    let Some(widest) = body.iter().map(|l| l.width).max() else { return false };
    (MIN_WRAP_WIDTH..=MAX_WRAP_WIDTH).contains(&widest) && body.iter().all(|l| l.width * 10 >= widest * 7)
}

/// Characters that take no space and carry nothing for reading: zero-width space, word
/// joiner, byte-order mark, soft hyphen, direction marks and embeddings. Zero-width
/// (non-)joiners stay: they shape emoji and some scripts.
fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}'
            | '\u{2060}'..='\u{2064}' | '\u{2066}'..='\u{2069}' | '\u{feff}'
    )
}

/// Chinese and Japanese characters and their punctuation: lines of these join without a
/// space.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3000}'..='\u{303f}' | '\u{3040}'..='\u{30ff}' | '\u{3400}'..='\u{4dbf}'
        | '\u{4e00}'..='\u{9fff}' | '\u{f900}'..='\u{faff}' | '\u{ff00}'..='\u{ffef}'
        | '\u{20000}'..='\u{3134f}')
}

/// Characters that take two columns in a fixed-width layout.
fn is_wide(c: char) -> bool {
    is_cjk(c) || ('\u{ac00}'..='\u{d7a3}').contains(&c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn line_ends_controls_and_odd_whitespace() {
        let raw = "\u{feff}Title\r\n\r\n  first\u{a0}\u{a0}para\u{200b}graph\t here \u{7}\r\rsecond\u{3000}part\u{2029}third";
        assert_eq!(normalise(raw), "Title\n\nfirst paragraph here\n\nsecond part\n\nthird");
    }

    #[test]
    fn exactly_one_blank_line_between_paragraphs() {
        assert_eq!(normalise("\n\n a \n\n\n\n b\n \n\t\nc\n\n"), "a\n\nb\n\nc");
    }

    #[test]
    fn short_lines_stay_separate_paragraphs() {
        let raw =
            "DeepSeek 持续火爆 中国科技将重塑世界大模型市场格局\n本报记者 曲忠芳 北京报道\n正文第一段。";
        assert_eq!(
            normalise(raw),
            "DeepSeek 持续火爆 中国科技将重塑世界大模型市场格局\n\n本报记者 曲忠芳 北京报道\n\n正文第一段。"
        );
    }

    #[test]
    fn hard_wrapped_english_joins_with_a_space() {
        let raw = "Shares of the chip fund rose 3.39% on Wednesday as investors bet that\n\
                   cheaper models would lift demand for domestic accelerators, traders\n\
                   said. Turnover passed 2 billion yuan.";
        assert_eq!(
            normalise(raw),
            "Shares of the chip fund rose 3.39% on Wednesday as investors bet that cheaper models \
             would lift demand for domestic accelerators, traders said. Turnover passed 2 billion yuan."
        );
    }

    #[test]
    fn hard_wrapped_chinese_joins_without_a_space() {
        let raw = "据行业研究机构测算，二〇二三年国内人工智能芯片市场规模约为一千二百亿元，同比\n\
                   增长超过四成，预计到二〇二五年这一规模将突破一千五百亿元，年均复合增长率超\n\
                   过三成。\n\
                   \u{3000}\u{3000}新的段落从缩进开始。";
        assert_eq!(
            normalise(raw),
            "据行业研究机构测算，二〇二三年国内人工智能芯片市场规模约为一千二百亿元，同比增长超过四成，\
             预计到二〇二五年这一规模将突破一千五百亿元，年均复合增长率超过三成。\n\n新的段落从缩进开始。"
        );
    }

    #[test]
    fn hyphenated_break_keeps_the_hyphen_without_space() {
        let mut p = String::from("a well-");
        join_wrapped(&mut p, "known fund");
        assert_eq!(p, "a well-known fund");
        let mut p = String::from("接入 DeepSeek R1 模");
        join_wrapped(&mut p, "型，涵盖云服务商");
        assert_eq!(p, "接入 DeepSeek R1 模型，涵盖云服务商");
    }

    #[test]
    fn never_joins_across_blank_lines() {
        let raw = "百度文小言（原文心一\n\n言）的最新版本接入";
        assert_eq!(normalise(raw), raw);
    }

    #[test]
    fn whitespace_only_is_refused() {
        let e = parse(" \n\t\u{3000}\r\n".as_bytes(), Format::Text).unwrap_err();
        assert_eq!(e.message, "no text: the file holds only whitespace");
    }

    #[test]
    fn markdown_title_comes_from_first_heading() {
        let p = parse("Intro line\n\n# 智谱 **AI** 完成新一轮融资\n\n正文。".as_bytes(), Format::Markdown)
            .unwrap();
        assert_eq!(p.title.as_deref(), Some("智谱 AI 完成新一轮融资"));
        assert_eq!(p.text, "Intro line\n\n智谱 AI 完成新一轮融资\n\n正文。");
    }

    #[test]
    fn names_lose_controls_and_direction_overrides() {
        assert_eq!(clean_name("report\u{202e}fdp.exe"), "reportfdp.exe");
        assert_eq!(
            clean_name("\u{1b}]0;pwned\u{7}智谱\n融资\r\n  新闻\u{9b}2J"),
            "]0;pwned 智谱 融资 新闻 2J"
        );
        assert_eq!(clean_name("\u{2067}abc\u{2069}\u{61c}"), "abc");
        assert_eq!(clean_name("DeepSeek 持续火爆"), "DeepSeek 持续火爆");
    }
}
