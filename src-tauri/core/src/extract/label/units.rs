//! The units the labeller tags: one Han char, one run of Latin letters and digits (a name
//! such as Groq or GPT-4 is one unit, tagged as a whole), or one other char. Whitespace is
//! no unit; the unit after it records that it followed a space. Each unit has a key (a
//! stable 64-bit hash of what it is) and a class (what it looks like).

use crate::extract::text::is_cjk;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct Unit {
    /// Code-point offsets into the text.
    pub start: usize,
    pub end: usize,
    pub key: u64,
    pub class: Class,
    pub space_before: bool,
}

/// What a unit looks like. Names are often told by shape more than by their letters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
pub(super) enum Class {
    Han,
    /// Groq, Kimi: capital then lower case.
    Capitalised,
    /// NXP, AI, or one capital letter.
    Upper,
    Lower,
    Digits,
    /// Letters and digits mixed: R1, GPT-4, 4o.
    Mixed,
    /// Opening brackets and quotes: （ “ 《 「 【
    Open,
    Close,
    /// Commas, enumeration commas, colons, semicolons.
    Pause,
    /// Full stops, question and exclamation marks.
    Stop,
    Other,
    /// Before the first and after the last unit.
    Edge,
}

/// Keys of the edges (before the first unit, after the last).
pub(super) const BEFORE: u64 = 0x5be1_0f4e_2b7c_9a01;
pub(super) const AFTER: u64 = 0x0a9c_7b2e_4f0e_1be5;

/// A fixed 64-bit mix (splitmix64's finaliser): keys must not depend on the process.
pub(super) const fn mix(mut x: u64) -> u64 {
    x ^= x >> 30;
    x = x.wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x ^= x >> 27;
    x = x.wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// Key of an ordered pair (or of a template and a value).
pub(super) fn pair(a: u64, b: u64) -> u64 {
    mix(a.rotate_left(23) ^ b.wrapping_mul(0x9e37_79b9_7f4a_7c15))
}

fn word_char(c: char) -> bool {
    // Most chars are Han or ASCII: both are told apart before Unicode's tables are asked.
    if c.is_ascii() {
        c.is_ascii_alphanumeric()
    } else {
        !is_cjk(c) && c.is_alphanumeric()
    }
}

/// Joiners inside a Latin name when letters or digits stand on both sides: GPT-4, Z.ai,
/// AT&T, O'Neil.
fn joiner(c: char) -> bool {
    matches!(c, '-' | '.' | '&' | '\'' | '’')
}

fn single_class(c: char) -> Class {
    match c {
        '（' | '(' | '“' | '‘' | '《' | '「' | '『' | '【' | '[' | '〈' | '"' => Class::Open,
        '）' | ')' | '”' | '’' | '》' | '」' | '』' | '】' | ']' | '〉' => Class::Close,
        '，' | ',' | '、' | '；' | ';' | '：' | ':' => Class::Pause,
        '。' | '！' | '？' | '!' | '?' | '.' => Class::Stop,
        _ if is_cjk(c) || c == '〇' => Class::Han,
        _ => Class::Other,
    }
}

fn word_class(word: &[char]) -> Class {
    let letters = word.iter().filter(|c| c.is_alphabetic()).count();
    let digits = word.iter().filter(|c| c.is_numeric()).count();
    if letters == 0 {
        return if digits > 0 { Class::Digits } else { Class::Other };
    }
    if digits > 0 {
        return Class::Mixed;
    }
    let upper = word.iter().filter(|c| c.is_uppercase()).count();
    if upper == letters {
        Class::Upper
    } else if word[0].is_uppercase() {
        Class::Capitalised
    } else {
        Class::Lower
    }
}

fn word_key(word: &[char], class: Class) -> u64 {
    // Numbers differ in every article; their length is what they share.
    if class == Class::Digits {
        return pair(0xd161_7500, word.len().min(5) as u64);
    }
    word.iter().flat_map(|c| c.to_lowercase()).fold(0x1a7e_0000_0000_0001, |h, c| pair(h, c as u64))
}

/// The units of `text[from..to]`, appended to `out`.
pub(super) fn units(text: &[char], from: usize, to: usize, out: &mut Vec<Unit>) {
    let to = to.min(text.len());
    let mut i = from;
    let mut space_before = false;
    while i < to {
        let c = text[i];
        if c.is_whitespace() {
            space_before = true;
            i += 1;
            continue;
        }
        let start = i;
        let (key, class) = if word_char(c) {
            i += 1;
            while i < to && (word_char(text[i]) || (joiner(text[i]) && i + 1 < to && word_char(text[i + 1])))
            {
                i += 1;
            }
            let class = word_class(&text[start..i]);
            (word_key(&text[start..i], class), class)
        } else {
            i += 1;
            (mix(c as u64 | 0x7a00_0000_0000), single_class(c))
        };
        out.push(Unit { start, end: i, key, class, space_before });
        space_before = false;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shapes(s: &str) -> Vec<(String, Class, bool)> {
        let t: Vec<char> = s.chars().collect();
        let mut out = Vec::new();
        units(&t, 0, t.len(), &mut out);
        out.iter().map(|u| (t[u.start..u.end].iter().collect(), u.class, u.space_before)).collect()
    }

    #[test]
    fn latin_runs_are_one_unit_and_han_chars_one_each() {
        let got = shapes("芯片创企Groq获 GPT-4、Z.ai投资。");
        let texts: Vec<&str> = got.iter().map(|(t, _, _)| t.as_str()).collect();
        assert_eq!(texts, ["芯", "片", "创", "企", "Groq", "获", "GPT-4", "、", "Z.ai", "投", "资", "。"]);
        assert_eq!(got[4].1, Class::Capitalised);
        assert_eq!(got[6].1, Class::Mixed);
        assert!(got[6].2, "GPT-4 follows a space");
        assert!(!got[5].2);
        assert_eq!(got[11].1, Class::Stop);
    }

    #[test]
    fn keys_ignore_case_and_the_digits_of_numbers() {
        let t: Vec<char> = "NVIDIA nvidia 2024 1999 2024年".chars().collect();
        let mut u = Vec::new();
        units(&t, 0, t.len(), &mut u);
        assert_eq!(u[0].key, u[1].key);
        assert_eq!(u[2].key, u[3].key);
        assert_eq!(u[0].class, Class::Upper);
        assert_eq!(u[2].class, Class::Digits);
        // A unit never runs past `to`.
        let mut v = Vec::new();
        units(&t, 0, 3, &mut v);
        assert_eq!((v.len(), v[0].end), (1, 3));
    }
}
