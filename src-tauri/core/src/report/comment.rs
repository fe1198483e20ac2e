//! A note's comment is Markdown. Reports draw the same safe subset the app draws:
//! paragraphs and line breaks, list items and quoted lines, bold, italic, strikethrough,
//! code, and links written out with their address. Anything else is text, never markup:
//! each format escapes the runs' text as it escapes any other text.

/// A stretch of text in one style.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Run {
    pub text: String,
    pub strong: bool,
    pub em: bool,
    pub del: bool,
    pub code: bool,
}

/// A line of a comment: a paragraph, a line within one, a list item or a quoted line.
#[derive(Debug, Clone, Default, PartialEq, Eq, serde::Serialize)]
pub struct Line {
    /// "• " or "1. " for a list item, "> " for a quoted line.
    pub prefix: &'static str,
    /// The number of an ordered list item.
    pub number: Option<u32>,
    pub runs: Vec<Run>,
}

impl Line {
    /// What the line starts with: "• ", "3. ", "> " or nothing.
    pub fn marker(&self) -> String {
        self.number.map_or_else(|| self.prefix.to_owned(), |n| format!("{n}. "))
    }
}

/// The comment's lines, each of its runs.
pub fn parse(comment: &str) -> Vec<Line> {
    let mut lines = Vec::new();
    for raw in comment.lines() {
        let trimmed = raw.trim();
        if trimmed.is_empty() {
            continue;
        }
        let (prefix, number, text) = if let Some(rest) = trimmed.strip_prefix('>') {
            ("> ", None, rest.trim_start())
        } else if let Some(rest) = ["- ", "* ", "+ "].iter().find_map(|m| trimmed.strip_prefix(m)) {
            ("• ", None, rest.trim_start())
        } else if let Some((n, rest)) = ordered_item(trimmed) {
            ("", Some(n), rest)
        } else if let Some(rest) = heading(trimmed) {
            // A heading is drawn as a bold line.
            let mut runs = inline(rest, Style::default());
            runs.iter_mut().for_each(|r| r.strong = true);
            lines.push(Line { prefix: "", number: None, runs });
            continue;
        } else {
            ("", None, trimmed)
        };
        lines.push(Line { prefix, number, runs: inline(text, Style::default()) });
    }
    lines
}

/// "12. rest" as (12, "rest").
fn ordered_item(line: &str) -> Option<(u32, &str)> {
    let digits = line.find(|c: char| !c.is_ascii_digit())?;
    let rest = line[digits..].strip_prefix(['.', ')'])?.strip_prefix(' ')?;
    Some((line[..digits].parse().ok()?, rest.trim_start()))
}

fn heading(line: &str) -> Option<&str> {
    let hashes = line.find(|c: char| c != '#')?;
    (1..=6)
        .contains(&hashes)
        .then(|| line[hashes..].strip_prefix(' '))
        .flatten()
        .map(|h| h.trim_end_matches(['#', ' ']))
}

#[derive(Debug, Clone, Copy, Default)]
struct Style {
    strong: bool,
    em: bool,
    del: bool,
}

const ESCAPABLE: &str = "\\`*_~[]()#>+-.!";

/// Inline Markdown of `s` in `style`: emphasis, code and links; the rest is text.
fn inline(s: &str, style: Style) -> Vec<Run> {
    let chars: Vec<char> = s.chars().collect();
    let mut runs = Vec::new();
    let mut text = String::new();
    let flush = |text: &mut String, runs: &mut Vec<Run>| {
        if !text.is_empty() {
            runs.push(Run {
                text: std::mem::take(text),
                strong: style.strong,
                em: style.em,
                del: style.del,
                code: false,
            });
        }
    };
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        if c == '\\' && chars.get(i + 1).is_some_and(|n| ESCAPABLE.contains(*n)) {
            text.push(chars[i + 1]);
            i += 2;
            continue;
        }
        if c == '`' {
            if let Some(end) = (i + 1..chars.len()).find(|&j| chars[j] == '`').filter(|&j| j > i + 1) {
                flush(&mut text, &mut runs);
                let code: String = chars[i + 1..end].iter().collect();
                runs.push(Run { text: code, code: true, strong: style.strong, em: style.em, del: style.del });
                i = end + 1;
                continue;
            }
        }
        if c == '[' {
            if let Some((label, url, next)) = link(&chars, i) {
                flush(&mut text, &mut runs);
                runs.extend(inline(&label, style));
                runs.push(Run {
                    text: format!(" ({url})"),
                    strong: style.strong,
                    em: style.em,
                    del: style.del,
                    code: false,
                });
                i = next;
                continue;
            }
        }
        if let Some((delimiter, apply)) = DELIMITERS.iter().find(|(d, _)| starts_with(&chars, i, d)) {
            let width = delimiter.chars().count();
            let before = if i == 0 { ' ' } else { chars[i - 1] };
            let wordy = delimiter.starts_with('_') && before.is_alphanumeric();
            let opens = chars.get(i + width).is_some_and(|n| !n.is_whitespace()) && !wordy;
            if let Some(end) = opens.then(|| closing(&chars, i + width, delimiter)).flatten() {
                flush(&mut text, &mut runs);
                let inner: String = chars[i + width..end].iter().collect();
                runs.extend(inline(&inner, apply(style)));
                i = end + width;
                continue;
            }
        }
        text.push(c);
        i += 1;
    }
    flush(&mut text, &mut runs);
    runs
}

type Apply = fn(Style) -> Style;

/// Delimiters of emphasis, longest first.
const DELIMITERS: [(&str, Apply); 5] = [
    ("**", |s| Style { strong: true, ..s }),
    ("__", |s| Style { strong: true, ..s }),
    ("~~", |s| Style { del: true, ..s }),
    ("*", |s| Style { em: true, ..s }),
    ("_", |s| Style { em: true, ..s }),
];

fn starts_with(chars: &[char], at: usize, delimiter: &str) -> bool {
    delimiter.chars().enumerate().all(|(k, d)| chars.get(at + k) == Some(&d))
}

/// Where `delimiter` closes after `from`: after text that ends in no space, not inside
/// code; a single `*` is not half of a `**`, and `_` closes only before a non-word.
fn closing(chars: &[char], from: usize, delimiter: &str) -> Option<usize> {
    let width = delimiter.chars().count();
    let mut j = from + 1;
    while j + width <= chars.len() {
        match chars[j] {
            '`' => {
                if let Some(end) = (j + 1..chars.len()).find(|&k| chars[k] == '`') {
                    j = end + 1;
                    continue;
                }
            }
            '\\' => {
                j += 2;
                continue;
            }
            _ => {}
        }
        if starts_with(chars, j, delimiter) && !chars[j - 1].is_whitespace() {
            let doubled = width == 1 && chars.get(j + 1) == Some(&chars[j]);
            let wordy =
                delimiter.starts_with('_') && chars.get(j + width).is_some_and(|c| c.is_alphanumeric());
            if doubled {
                j += 2;
                continue;
            }
            if !wordy {
                return Some(j);
            }
        }
        j += 1;
    }
    None
}

/// `[label](url)` at `at`: the label, the address and where the link ends.
fn link(chars: &[char], at: usize) -> Option<(String, String, usize)> {
    let close = (at + 1..chars.len()).find(|&j| chars[j] == ']' || chars[j] == '\n')?;
    if chars[close] != ']' || close == at + 1 || chars.get(close + 1) != Some(&'(') {
        return None;
    }
    let end = (close + 2..chars.len()).find(|&j| chars[j] == ')')?;
    let url: String = chars[close + 2..end].iter().collect::<String>().trim().to_owned();
    if url.is_empty() || url.contains(char::is_whitespace) || url.contains('(') {
        return None;
    }
    Some((chars[at + 1..close].iter().collect(), url, end + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(text: &str) -> Run {
        Run { text: text.into(), ..Run::default() }
    }

    #[test]
    fn emphasis_code_and_links_inline_and_markup_stays_text() {
        assert_eq!(
            inline("Compare with the **2025** forecast <script>x</script>", Style::default()),
            [
                run("Compare with the "),
                Run { strong: true, ..run("2025") },
                run(" forecast <script>x</script>")
            ]
        );
        assert_eq!(
            inline("**融资**已完成，*约*30亿元", Style::default()),
            [
                Run { strong: true, ..run("融资") },
                run("已完成，"),
                Run { em: true, ..run("约") },
                run("30亿元")
            ]
        );
        assert_eq!(
            inline("2 * 3 * 4 and snake_case_name", Style::default()),
            [run("2 * 3 * 4 and snake_case_name")]
        );
        assert_eq!(
            inline("`**not bold**` ~~old~~ \\*kept\\*", Style::default()),
            [
                Run { code: true, ..run("**not bold**") },
                run(" "),
                Run { del: true, ..run("old") },
                run(" *kept*")
            ]
        );
        assert_eq!(
            inline("see [财报](https://example.com/q4)", Style::default()),
            [run("see "), run("财报"), run(" (https://example.com/q4)")]
        );
    }

    #[test]
    fn lines_of_paragraphs_lists_quotes_and_headings() {
        let lines = parse(
            "# 核对\n\n- 智谱 **30亿**\n- 月之暗面\n\n1. first\n2. second\n\n> 原文如此\n\nplain\ntext",
        );
        let shape: Vec<(&str, Option<u32>, String)> = lines
            .iter()
            .map(|l| (l.prefix, l.number, l.runs.iter().map(|r| r.text.as_str()).collect()))
            .collect();
        assert_eq!(
            shape,
            [
                ("", None, "核对".into()),
                ("• ", None, "智谱 30亿".into()),
                ("• ", None, "月之暗面".into()),
                ("", Some(1), "first".into()),
                ("", Some(2), "second".into()),
                ("> ", None, "原文如此".into()),
                ("", None, "plain".into()),
                ("", None, "text".into()),
            ]
        );
        assert!(lines[0].runs[0].strong);
        assert!(lines[1].runs[1].strong);
    }
}
