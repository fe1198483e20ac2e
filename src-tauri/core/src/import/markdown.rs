//! Markdown to readable plain text: the markup goes (heading marks, emphasis, link and
//! image syntax, list bullets, table rules, front matter), the words stay. Code blocks stay
//! as text, one paragraph per line. The first heading (or a front-matter `title:`) is
//! the title.

use std::sync::OnceLock;

use regex::Regex;

use super::text::join_wrapped;

pub struct Plain {
    /// Paragraphs separated by blank lines, ready for `normalise`.
    pub text: String,
    pub title: Option<String>,
}

pub fn to_plain(raw: &str) -> Plain {
    let mut out = Blocks::default();
    let mut lines = raw.lines().peekable();
    let mut title = None;
    if lines.peek().is_some_and(|l| l.trim() == "---") {
        lines.next();
        for line in lines.by_ref() {
            if matches!(line.trim(), "---" | "...") {
                break;
            }
            if let Some(value) = line.strip_prefix("title:") {
                title = Some(value.trim().trim_matches(['"', '\'']).to_owned()).filter(|t| !t.is_empty());
            }
        }
    }
    let mut fence: Option<String> = None;
    for line in lines {
        if let Some(marker) = &fence {
            if line.trim_start().starts_with(marker.as_str()) {
                fence = None;
            } else {
                out.single(line);
            }
            continue;
        }
        let mut line = line.trim_start();
        while let Some(rest) = line.strip_prefix('>') {
            line = rest.trim_start();
        }
        if line.is_empty() {
            out.end();
        } else if line.starts_with("```") || line.starts_with("~~~") {
            out.end();
            let marker: String = line.chars().take_while(|c| *c == line.as_bytes()[0] as char).collect();
            fence = Some(marker);
        } else if let Some(heading) = atx_heading(line) {
            let heading = inline(heading);
            title.get_or_insert_with(|| heading.clone());
            out.single(&heading);
        } else if is_rule(line, '=') || is_rule(line, '-') {
            // Setext underline: the paragraph above is a heading. Alone, a thematic break.
            if let Some(heading) = out.current.take() {
                title.get_or_insert_with(|| heading.clone());
                out.single(&heading);
            }
        } else if is_rule(line, '*')
            || is_rule(line, '_')
            || reference().is_match(line)
            || table_rule().is_match(line)
        {
            out.end();
        } else if let Some(item) = list_item().captures(line) {
            out.end();
            let body = inline(&line[item.get(0).map_or(0, |m| m.end())..]);
            match item.get(1) {
                Some(number) => out.push(&format!("{} {body}", number.as_str())),
                None => out.push(&body),
            }
        } else if line.starts_with('|') {
            let cells: Vec<String> = line.trim_matches('|').split('|').map(|c| inline(c.trim())).collect();
            out.single(&cells.join(" | "));
        } else {
            out.push(&inline(line));
        }
    }
    Plain { text: out.finish(), title }
}

/// Paragraphs being written: lines of one paragraph are joined like wrapped lines, as
/// Markdown renders a soft line break.
#[derive(Default)]
struct Blocks {
    text: String,
    current: Option<String>,
}

impl Blocks {
    fn push(&mut self, line: &str) {
        match &mut self.current {
            Some(p) => join_wrapped(p, line.trim()),
            None => self.current = Some(line.trim().to_owned()),
        }
    }
    fn single(&mut self, line: &str) {
        self.end();
        self.current = Some(line.trim_end().to_owned());
        self.end();
    }
    fn end(&mut self) {
        if let Some(p) = self.current.take() {
            self.text.push_str(&p);
            self.text.push_str("\n\n");
        }
    }
    fn finish(mut self) -> String {
        self.end();
        self.text
    }
}

fn atx_heading(line: &str) -> Option<&str> {
    let hashes = line.chars().take_while(|c| *c == '#').count();
    let rest = &line[hashes..];
    ((1..=6).contains(&hashes) && (rest.is_empty() || rest.starts_with([' ', '\t'])))
        .then(|| rest.trim().trim_end_matches('#').trim_end())
}

fn is_rule(line: &str, mark: char) -> bool {
    let line = line.trim();
    line.chars().filter(|c| *c == mark).count() >= 3 && line.chars().all(|c| c == mark || c == ' ')
}

fn compiled(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("markdown pattern is valid"))
}

fn list_item() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    // Bullets go; ordered numbers stay, they are part of what the list says.
    compiled(&R, r"^(?:[-*+]|(\d{1,9}[.)]))\s+")
}

fn reference() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    compiled(&R, r"^\[[^\]]+\]:\s*\S+")
}

fn table_rule() -> &'static Regex {
    static R: OnceLock<Regex> = OnceLock::new();
    compiled(&R, r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
}

/// Inline markup: images and links keep their text, code spans their content, emphasis
/// and strike-through markers go, HTML tags go, backslash escapes resolve.
fn inline(s: &str) -> String {
    static RULES: OnceLock<Vec<(Regex, &'static str)>> = OnceLock::new();
    let rules = RULES.get_or_init(|| {
        [
            (r"!\[([^\]]*)\]\([^)]*\)", "$1"),
            (r"\[([^\]]+)\]\([^)]*\)", "$1"),
            (r"\[([^\]]+)\]\[[^\]]*\]", "$1"),
            (r"<((?:https?|mailto):[^>\s]+)>", "$1"),
            (r"`+([^`]+?)`+", "$1"),
            (r"</?[A-Za-z][A-Za-z0-9-]*(?:\s[^<>]*)?/?>", ""),
            (r"\*\*(\S(?:.*?\S)?)\*\*", "$1"),
            (r"__(\S(?:.*?\S)?)__", "$1"),
            (r"~~(\S(?:.*?\S)?)~~", "$1"),
            (r"\*(\S(?:[^*]*?\S)?)\*", "$1"),
            (r"(^|[^\p{L}\p{N}_])_(\S(?:[^_]*?\S)?)_($|[^\p{L}\p{N}_])", "$1$2$3"),
            (r"\\([\\`*_{}\[\]()#+\-.!|>~])", "$1"),
        ]
        .into_iter()
        .map(|(p, r)| (Regex::new(p).expect("markdown pattern is valid"), r))
        .collect()
    });
    let mut s = s.to_owned();
    for (re, replacement) in rules {
        if let std::borrow::Cow::Owned(changed) = re.replace_all(&s, *replacement) {
            s = changed;
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markup_is_stripped_and_words_kept() {
        let md = "---\ntitle: \"前言标题\"\ndate: 2025-02-14\n---\n\
                  # 国产 AI 芯片 ##\n\n\
                  据**中商产业研究院**测算，[市场规模](https://example.com/x \"t\")达到 *1206亿元*，\n\
                  同比增长 `41.9%`。![图表](chart.png)\n\n\
                  > 引用：__增长__ 很快\n\n\
                  - 智谱 AI\n* 月之暗面\n1. 阶跃星辰\n\n\
                  | 公司 | 融资 |\n|---|:---:|\n| 智谱 | 30亿元 |\n\n\
                  ```rust\nlet x = 1; // *not* emphasis?\n```\n\n\
                  [ref]: https://example.com\n\
                  snake_case_name stays, 2\\*3 escaped\n";
        let p = to_plain(md);
        assert_eq!(p.title.as_deref(), Some("前言标题"));
        let expected = [
            "国产 AI 芯片",
            "据中商产业研究院测算，市场规模达到 1206亿元，同比增长 41.9%。图表",
            "引用：增长 很快",
            "智谱 AI",
            "月之暗面",
            "1. 阶跃星辰",
            "公司 | 融资",
            "智谱 | 30亿元",
            "let x = 1; // *not* emphasis?",
            "snake_case_name stays, 2*3 escaped",
        ];
        assert_eq!(p.text.trim_end().split("\n\n").collect::<Vec<_>>(), expected);
    }

    #[test]
    fn setext_heading_is_a_title() {
        let p = to_plain("Chip fund rallies\n=================\n\nBody text.\n\n---\n\nMore.");
        assert_eq!(p.title.as_deref(), Some("Chip fund rallies"));
        assert_eq!(p.text, "Chip fund rallies\n\nBody text.\n\nMore.\n\n");
    }
}
