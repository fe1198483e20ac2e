//! What the index stores for a text, and what a user's query asks of the index.
//!
//! FTS5's unicode61 tokenizer sees a run of Chinese characters as one token, so
//! Chinese text is segmented here before it reaches SQLite, into two forms:
//! - words: jieba's search-mode segmentation (dictionary words and their shorter
//!   dictionary sub-words), for ranking and fast lookups of 2+ character words;
//! - chars: every CJK character as its own token, in order, so that a single
//!   character finds 芯片 when asked 芯, and any string can be matched exactly as
//!   a phrase of characters.
//!
//! Latin words and numbers go to the words form untouched; the tokenizer
//! lowercases and stems them.

use std::sync::OnceLock;

use jieba_rs::Jieba;

use crate::{Reason, Result};

/// Words of this domain that jieba's general dictionary splits.
const DOMAIN_WORDS: &[&str] = &[
    "大模型",
    "月之暗面",
    "智谱",
    "阶跃星辰",
    "幻方量化",
    "百川智能",
    "零一万物",
    "六小龙",
    "六小虎",
    "深度求索",
    "文心一言",
    "通义千问",
    "生成式",
    "算力",
    "独角兽",
    "开源模型",
    "推理模型",
    "智算中心",
];

/// Longest query accepted, in characters; longer input is a paste, not a search.
pub const MAX_QUERY_CHARS: usize = 500;
/// Most terms a query may have (each is one lookup in the index).
pub const MAX_QUERY_TERMS: usize = 32;

fn jieba() -> &'static Jieba {
    static JIEBA: OnceLock<Jieba> = OnceLock::new();
    JIEBA.get_or_init(|| {
        let mut jieba = Jieba::new();
        for word in DOMAIN_WORDS {
            jieba.add_word(word, None, None);
        }
        jieba
    })
}

/// Characters written without spaces between words: Han, kana, hangul.
pub fn is_cjk(c: char) -> bool {
    matches!(c,
        '\u{3040}'..='\u{30FF}'     // hiragana, katakana
        | '\u{3400}'..='\u{4DBF}'   // Han extension A
        | '\u{4E00}'..='\u{9FFF}'   // Han
        | '\u{AC00}'..='\u{D7AF}'   // hangul syllables
        | '\u{F900}'..='\u{FAFF}'   // Han compatibility
        | '\u{20000}'..='\u{323AF}' // Han extensions B..H
    )
}

/// Splits text into maximal runs of CJK and of other characters.
fn runs(text: &str) -> impl Iterator<Item = (&str, bool)> {
    let mut rest = text;
    std::iter::from_fn(move || {
        let first = rest.chars().next()?;
        let cjk = is_cjk(first);
        let end = rest.char_indices().find(|&(_, c)| is_cjk(c) != cjk).map_or(rest.len(), |(i, _)| i);
        let (run, tail) = rest.split_at(end);
        rest = tail;
        Some((run, cjk))
    })
}

/// A text as the index stores it: the words form and the chars form.
pub struct Segmented {
    pub words: String,
    pub chars: String,
}

pub fn segment(text: &str) -> Segmented {
    let mut words = String::with_capacity(text.len() + text.len() / 4);
    let mut chars = String::with_capacity(text.len() + text.len() / 3);
    for (run, cjk) in runs(text) {
        if !cjk {
            words.push_str(run);
            words.push(' ');
            continue;
        }
        // Without HMM, a string jieba does not know falls apart into single
        // characters, exactly as it does when the same string is a query: both
        // sides then meet in the chars form. Single characters are left out of
        // the words form, which the chars form already covers.
        for token in jieba().cut_for_search(run, false) {
            if token.word.chars().nth(1).is_some() {
                words.push_str(token.word);
                words.push(' ');
            }
        }
        for c in run.chars() {
            chars.push(c);
            chars.push(' ');
        }
        // A token no query phrase contains: keeps the last character of this run
        // from forming a phrase with the first of the next one across Latin text
        // or punctuation.
        chars.push_str("0 ");
    }
    Segmented { words, chars }
}

/// One term of a user's query; all terms must match.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Term {
    /// A Latin word or a number, as typed.
    Word(String),
    /// A run of CJK characters.
    Cjk(String),
}

/// Reads a user's query: letters, digits and CJK characters make terms,
/// everything else (quotes, operators, brackets, FTS5 syntax) separates them.
/// A bare `AND` is the implicit conjunction, not a word to look for.
pub fn parse_query(query: &str) -> Result<Vec<Term>> {
    let length = query.chars().count();
    if length > MAX_QUERY_CHARS {
        return Err(Reason::QueryTooLong { length, max: MAX_QUERY_CHARS }.into());
    }
    let mut terms = Vec::new();
    for (run, cjk) in runs(query) {
        if cjk {
            terms.push(Term::Cjk(run.to_owned()));
            continue;
        }
        for word in run.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && *w != "AND") {
            terms.push(Term::Word(word.to_owned()));
        }
    }
    if terms.is_empty() {
        return Err(Reason::NothingToSearch.into());
    }
    if terms.len() > MAX_QUERY_TERMS {
        return Err(Reason::TooManyTerms { terms: terms.len(), max: MAX_QUERY_TERMS }.into());
    }
    Ok(terms)
}

/// How CJK terms are looked up.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cjk {
    /// By jieba word where the query has dictionary words (fast, word
    /// boundaries respected), by characters for the rest.
    Words,
    /// Every CJK term as an exact phrase of characters (substring semantics).
    Chars,
}

const WORD_COLUMNS: &str = "{title body}";
const CHAR_COLUMNS: &str = "{title_chars body_chars}";

/// The FTS5 MATCH expression for parsed terms. Every token is quoted, so no
/// query text is ever read as FTS5 syntax.
pub fn match_expression(terms: &[Term], cjk: Cjk) -> String {
    let mut parts: Vec<String> = Vec::new();
    for (index, term) in terms.iter().enumerate() {
        match term {
            Term::Word(word) => {
                // The last word may still be being typed: match it as a prefix too.
                let prefix = index + 1 == terms.len() && word.chars().count() >= 3;
                parts.push(format!("{WORD_COLUMNS}: {}{}", quote(word), if prefix { " *" } else { "" }));
            }
            Term::Cjk(run) if cjk == Cjk::Chars => parts.push(chars_phrase(run)),
            Term::Cjk(run) => {
                let words = query_words(run);
                // Only a run made wholly of dictionary words is looked up by word;
                // anything else (names, fragments, one character) by its characters.
                if words.iter().all(|w| w.chars().nth(1).is_some()) {
                    parts.extend(words.iter().map(|w| format!("{WORD_COLUMNS}: {}", quote(w))));
                } else {
                    parts.push(chars_phrase(run));
                }
            }
        }
    }
    parts.join(" AND ")
}

/// A CJK query run cut into words; unknown strings fall apart into characters.
pub fn query_words(run: &str) -> Vec<&str> {
    jieba().cut(run, false).into_iter().map(|token| token.word).collect()
}

/// Whether the word lookup could miss what an exact character match finds.
pub fn has_cjk_words(terms: &[Term]) -> bool {
    terms.iter().any(|t| matches!(t, Term::Cjk(run) if run.chars().nth(1).is_some()))
}

fn chars_phrase(run: &str) -> String {
    let spaced: Vec<String> = run.chars().map(String::from).collect();
    format!("{CHAR_COLUMNS}: {}", quote(&spaced.join(" ")))
}

fn quote(token: &str) -> String {
    format!("\"{}\"", token.replace('"', "\"\""))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_chinese_into_words_and_characters() {
        let s = segment("月之暗面发布大模型，AI芯片市场");
        let words: Vec<&str> = s.words.split_whitespace().collect();
        assert!(words.contains(&"月之暗面"), "{words:?}");
        assert!(words.contains(&"大模型"), "{words:?}");
        assert!(words.contains(&"模型"), "search mode adds sub-words: {words:?}");
        assert!(s.words.contains("AI"), "{words:?}");
        assert!(words.iter().all(|w| w.chars().count() > 1 || w.is_ascii()), "{words:?}");
        assert!(s.chars.starts_with("月 之 暗 面 发 布 大 模 型 0 "), "{}", s.chars);
        assert!(s.chars.contains("芯 片 市 场"), "{}", s.chars);
    }

    #[test]
    fn a_dictionary_word_can_be_missing_from_the_words_of_a_text() {
        // Why search falls back to characters when words find nothing.
        assert_eq!(query_words("研究生"), ["研究生"]);
        let words = segment("研究生命科学").words;
        assert!(!words.split(' ').any(|w| w == "研究生"), "{words}");
    }

    #[test]
    fn query_punctuation_and_operators_only_separate_terms() {
        let terms = parse_query("\"DeepSeek\" AND (芯片* NEAR(x -y ^z").unwrap();
        assert_eq!(
            terms,
            vec![
                Term::Word("DeepSeek".into()),
                Term::Cjk("芯片".into()),
                Term::Word("NEAR".into()),
                Term::Word("x".into()),
                Term::Word("y".into()),
                Term::Word("z".into()),
            ]
        );
    }

    #[test]
    fn empty_long_and_wordy_queries_are_refused_clearly() {
        for q in ["", "   ", "\"*()-^"] {
            let e = parse_query(q).unwrap_err();
            assert!(e.message.contains("nothing to search for"), "{q:?}: {}", e.message);
        }
        let e = parse_query(&"芯".repeat(MAX_QUERY_CHARS + 1)).unwrap_err();
        assert!(e.message.contains("too long"), "{}", e.message);
        let e = parse_query(&"a ".repeat(MAX_QUERY_TERMS + 1)).unwrap_err();
        assert!(e.message.contains("at most"), "{}", e.message);
    }

    #[test]
    fn expression_uses_words_for_dictionary_words_and_characters_otherwise() {
        let terms = parse_query("大模型市场 龚斌 chips").unwrap();
        assert_eq!(
            match_expression(&terms, Cjk::Words),
            "{title body}: \"大模型\" AND {title body}: \"市场\" AND {title_chars body_chars}: \"龚 斌\" \
             AND {title body}: \"chips\" *"
        );
        assert_eq!(
            match_expression(&terms, Cjk::Chars),
            "{title_chars body_chars}: \"大 模 型 市 场\" AND {title_chars body_chars}: \"龚 斌\" \
             AND {title body}: \"chips\" *"
        );
        assert!(has_cjk_words(&terms));
        assert!(!has_cjk_words(&parse_query("芯 chips").unwrap()));
    }
}
