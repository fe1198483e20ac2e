//! English numbers in words: "one hundred and twenty-five", "forty two", "a dozen", "two
//! thirds", "one and a half", "five point two", "minus three", "hundreds of millions"
//! (vague). Ordinals (the third quarter, a second round) are not amounts.

use super::{Num, NumKind};
use crate::extract::text::{ascii_digit, ascii_word_before, skip_spaces};
use crate::extract::words::numerals::{HALF_PERIODS, PARTS, SCALE_WORDS, TENS, UNITS};

/// A word of English number language.
#[derive(Debug, Clone, Copy, PartialEq)]
enum EnWord {
    /// zero .. nineteen.
    Unit(f64),
    /// twenty .. ninety.
    Ten(f64),
    Hundred,
    /// thousand, million, billion, trillion, lakh, crore.
    Scale(f64),
    /// Denominators: half, third(s), quarter(s), fifth(s) ... hundredth(s), millionth(s).
    Part(f64),
    Dozen,
    /// tens, hundreds, thousands, millions, billions (of): vague amounts.
    Plural(f64),
    /// "a" or "an".
    A,
    And,
    Point,
    Minus,
    Over,
    Out,
    Of,
}

/// The English number word at `at` (ASCII letters, any case) and its end.
fn en_word(s: &[char], at: usize) -> Option<(usize, EnWord)> {
    let mut buf = [0u8; 12];
    let mut n = 0;
    while let Some(c) = s.get(at + n).filter(|c| c.is_ascii_alphabetic()) {
        if n == buf.len() {
            return None;
        }
        buf[n] = c.to_ascii_lowercase() as u8;
        n += 1;
    }
    use EnWord::*;
    let w = std::str::from_utf8(&buf[..n]).ok()?;
    let singular = w.strip_suffix('s').unwrap_or(w);
    let word = match w {
        "a" | "an" => A,
        "and" => And,
        "point" => Point,
        "minus" | "negative" => Minus,
        "over" => Over,
        "out" => Out,
        "of" => Of,
        "hundred" => Hundred,
        "dozen" | "dozens" | "dzs" | "doz" | "dozs" => Dozen,
        "nought" | "naught" => Unit(0.0),
        "tens" => Plural(10.0),
        "hundreds" => Plural(100.0),
        _ => {
            if let Some(k) = UNITS.iter().position(|&u| u == w) {
                Unit(k as f64)
            } else if let Some(k) = TENS.iter().position(|&u| u == w) {
                Ten(20.0 + 10.0 * k as f64)
            } else if let Some(&(_, f)) = SCALE_WORDS.iter().find(|(u, _)| *u == w) {
                Scale(f)
            } else if let Some(&(_, f)) = SCALE_WORDS.iter().find(|(u, _)| *u == singular) {
                Plural(f)
            } else if let Some(&(_, d)) = PARTS.iter().find(|(u, _)| *u == w || *u == singular) {
                Part(d)
            } else {
                // sixth, seventh, thirteenth, twentieth, billionth: the cardinal + (e)th.
                let stem = singular.strip_suffix("th")?;
                let stem = stem.strip_suffix("ie").map(|x| format!("{x}y"));
                let stem = stem.as_deref().unwrap_or(singular.strip_suffix("th")?);
                let d = match en_word(&stem.chars().collect::<Vec<_>>(), 0)? {
                    (_, Unit(d)) if d >= 4.0 => d,
                    (_, Ten(d)) | (_, Scale(d)) => d,
                    _ => return None,
                };
                Part(d)
            }
        }
    };
    Some((at + n, word))
}

/// One token of an English number: its span, its word, and whether a hyphen joined it
/// to the token before.
#[derive(Debug, Clone, Copy)]
struct EnToken {
    start: usize,
    end: usize,
    word: EnWord,
    hyphen: bool,
}

/// The run of number words starting at `i`, separated by spaces or hyphens.
fn en_tokens(s: &[char], i: usize) -> Vec<EnToken> {
    let mut out = Vec::new();
    let mut k = i;
    let mut hyphen = false;
    while let Some((e, word)) = en_word(s, k) {
        out.push(EnToken { start: k, end: e, word, hyphen });
        let mut j = e;
        while s.get(j) == Some(&' ') {
            j += 1;
        }
        hyphen = s.get(j) == Some(&'-');
        if hyphen {
            j += 1;
            while s.get(j) == Some(&' ') {
                j += 1;
            }
        }
        if j == e || !s.get(j).is_some_and(|c| c.is_ascii_alphabetic()) || out.len() > 24 {
            break;
        }
        k = j;
    }
    out
}

/// A cardinal read from `tokens[p..]`.
fn en_cardinal(t: &[EnToken], p: usize) -> Option<Cardinal> {
    use EnWord::*;
    let (mut total, mut group) = (0f64, 0f64);
    let mut last: Option<EnWord> = None;
    let mut scale_cap = f64::INFINITY;
    let mut k = p;
    let mut after_and = None;
    let mut ends_scale = None;
    while let Some(tok) = t.get(k) {
        let joinable = matches!(last, None | Some(Hundred | Scale(_) | And));
        match tok.word {
            A if k == p && matches!(t.get(k + 1).map(|x| x.word), Some(Hundred | Scale(_))) => group = 1.0,
            Unit(u) if joinable || (matches!(last, Some(Ten(_))) && (1.0..=9.0).contains(&u)) => {
                if tok.hyphen && !matches!(last, Some(Ten(_))) {
                    break;
                }
                group += u
            }
            Ten(v) if joinable && group % 100.0 == 0.0 && !tok.hyphen => group += v,
            Hundred if matches!(last, Some(Unit(_) | Ten(_) | A)) && group > 0.0 && group < 100.0 => {
                group *= 100.0
            }
            Scale(f) if matches!(last, Some(Unit(_) | Ten(_) | Hundred | A)) && f < scale_cap => {
                total += group * f;
                group = 0.0;
                scale_cap = f;
                ends_scale = Some(f);
                last = Some(tok.word);
                k += 1;
                continue;
            }
            And if matches!(last, Some(Hundred | Scale(_)))
                && matches!(t.get(k + 1).map(|x| x.word), Some(Unit(_) | Ten(_))) =>
            {
                last = Some(And);
                after_and = Some(k + 1);
                k += 1;
                continue;
            }
            _ => break,
        }
        ends_scale = None;
        last = Some(tok.word);
        k += 1;
    }
    // "a" alone, or a dangling "and", is no number.
    if k == p || matches!(last, Some(A | And)) {
        return None;
    }
    Some(Cardinal { value: total + group, next: k, ends_scale, after_and })
}

/// Lower-case word after `at`, skipping spaces.
fn en_word_after(s: &[char], at: usize) -> String {
    let b = skip_spaces(s, at);
    let mut e = b;
    while s.get(e).is_some_and(|c| c.is_ascii_alphabetic()) {
        e += 1;
    }
    s[b..e].iter().collect::<String>().to_ascii_lowercase()
}

/// The English number in words at `i`.
pub fn english_number(s: &[char], i: usize) -> Option<Num> {
    use EnWord::*;
    if i > 0 && (s[i - 1].is_ascii_alphanumeric() || ascii_digit(s[i - 1]).is_some()) {
        return None;
    }
    let t = en_tokens(s, i);
    let first = t.first()?.word;
    let (neg, p) = if first == Minus { (true, 1) } else { (false, 0) };
    let words = Words { s, i, t, neg };
    if let Some(Plural(base)) = words.next(p) {
        return words.vague_plural(p, base);
    }
    if words.next(p) == Some(Part(2.0)) && !words.t[p].hyphen {
        return words.half(p);
    }
    if words.next(p) == Some(A) && words.next(p + 1) == Some(Dozen) {
        return words.num(words.t[p + 1].end, 12.0, NumKind::Plain, None);
    }
    // "a third", "a fifth", "a hundredth", "a half".
    let cardinal = if words.next(p) == Some(A) && matches!(words.next(p + 1), Some(Part(_))) {
        Cardinal { value: 1.0, next: p + 1, ends_scale: None, after_and: None }
    } else {
        en_cardinal(&words.t, p)?
    };
    let k = cardinal.next;
    let value = cardinal.value;
    match words.next(k) {
        Some(Dozen) if value < 100.0 => return words.num(words.t[k].end, value * 12.0, NumKind::Plain, None),
        Some(Point) => {
            if let Some(n) = words.point(k, value) {
                return Some(n);
            }
        }
        Some(Part(d)) => return words.fraction(p, &cardinal, d),
        Some(And) => {
            if let Some(n) = words.and_fraction(k, value, cardinal.ends_scale) {
                return Some(n);
            }
        }
        Some(Over) | Some(Out) => {
            if let Some(n) = words.over(k, value) {
                return Some(n);
            }
        }
        _ => {}
    }
    words.cardinal(p, &cardinal)
}

/// A cardinal read from tokens.
struct Cardinal {
    value: f64,
    /// The token after it.
    next: usize,
    /// The last scale word, if it ends the cardinal.
    ends_scale: Option<f64>,
    /// The token just after the last "and" read.
    after_and: Option<usize>,
}

/// The number words of a text from `i`, as tokens; `neg` after "minus".
struct Words<'a> {
    s: &'a [char],
    i: usize,
    t: Vec<EnToken>,
    neg: bool,
}

impl Words<'_> {
    fn next(&self, k: usize) -> Option<EnWord> {
        self.t.get(k).map(|x| x.word)
    }

    fn num(&self, end: usize, v: f64, kind: NumKind, scale: Option<f64>) -> Option<Num> {
        let v = if self.neg { -v } else { v };
        Some(Num {
            start: self.i,
            end,
            low: v,
            high: v,
            kind,
            arabic: false,
            chinese: false,
            magnitude: scale.is_some(),
            scale: scale.unwrap_or(1.0),
        })
    }

    /// Vague plurals before "of": hundreds of millions, tens of thousands, millions of.
    fn vague_plural(&self, p: usize, base: f64) -> Option<Num> {
        let t = &self.t;
        let mut low = base;
        let mut end = t[p].end;
        if self.next(p + 1) == Some(EnWord::Of) {
            if let Some(EnWord::Plural(inner)) = self.next(p + 2).filter(|_| base < 1e3) {
                low *= inner;
                end = t[p + 2].end;
            }
        }
        let of = en_word_after(self.s, end) == "of";
        (of && low >= 1e3).then_some(Num {
            start: self.i,
            end,
            low,
            high: low * 10.0,
            kind: NumKind::Plain,
            arabic: false,
            chinese: false,
            magnitude: true,
            scale: 1.0,
        })
    }

    /// Half: a half, half a dozen, half a million, more than half; not the first half.
    fn half(&self, p: usize) -> Option<Num> {
        use EnWord::*;
        let (s, t) = (self.s, &self.t);
        let prev = ascii_word_before(s, t[p].start);
        // The first half, the April-September half: periods of time.
        if HALF_PERIODS.contains(&prev.as_str()) || s.get(t[p].end) == Some(&'-') {
            return None;
        }
        if self.next(p + 1) == Some(A) {
            return match self.next(p + 2) {
                Some(Dozen) => self.num(t[p + 2].end, 6.0, NumKind::Plain, None),
                Some(Scale(f)) => self.num(t[p + 2].end, 0.5 * f, NumKind::Plain, Some(f)),
                _ => None,
            };
        }
        if let Some(Scale(f)) = self.next(p + 1) {
            return self.num(t[p + 1].end, 0.5 * f, NumKind::Plain, Some(f));
        }
        self.num(t[p].end, 0.5, NumKind::Fraction, None)
    }

    /// five point two five, two hundred point seventy-one, nought point eleven.
    fn point(&self, k: usize, value: f64) -> Option<Num> {
        use EnWord::*;
        let t = &self.t;
        let mut digits = String::new();
        let mut j = k + 1;
        while let Some(Unit(d)) = self.next(j).filter(|_| !t[j].hyphen) {
            if d >= 10.0 && !digits.is_empty() {
                break;
            }
            digits.push_str(&format!("{d}"));
            j += 1;
            if d >= 10.0 {
                break;
            }
        }
        if digits.is_empty() {
            if let Some(Ten(v)) = self.next(j) {
                let unit = match self.next(j + 1) {
                    Some(Unit(u)) if (1.0..=9.0).contains(&u) => {
                        j += 1;
                        u
                    }
                    _ => 0.0,
                };
                digits = format!("{}", v + unit);
                j += 1;
            }
        }
        if digits.is_empty() {
            return None;
        }
        let v = value + format!("0.{digits}").parse::<f64>().ok()?;
        self.num(t[j - 1].end, v, NumKind::Plain, None)
    }

    /// A cardinal and a denominator: two thirds, a quarter million; not an ordinal (a third
    /// round) or a period (the past four quarters).
    fn fraction(&self, p: usize, cardinal: &Cardinal, d: f64) -> Option<Num> {
        use EnWord::*;
        let (s, t) = (self.s, &self.t);
        let (value, k) = (cardinal.value, cardinal.next);
        let plural = s.get(t[k].end - 1) == Some(&'s');
        let after = en_word_after(s, t[k].end);
        let numerator_one = value == 1.0 && k <= p + 1;
        // shrank by a third to 82.6 billion: a share of something, not an ordinal.
        let fraction_word = matches!(
            after.as_str(),
            "of" | "and" | "or" | "million" | "billion" | "trillion" | "to" | "from" | "since" | "than"
        );
        // A third round, twenty-fifth: ordinals.
        let ordinal = numerator_one && !plural && d != 2.0 && !after.is_empty() && !fraction_word
            || t[k].hyphen && matches!(self.next(k - 1), Some(Ten(_)));
        // In a quarter, the past four quarters: periods of time.
        let quarter = s[t[k].start].eq_ignore_ascii_case(&'q');
        let prev = ascii_word_before(s, t[p].start);
        let period = quarter
            && (value >= 4.0
                || !after.is_empty() && !fraction_word
                || ["past", "last", "next", "consecutive", "straight", "previous", "recent", "in"]
                    .contains(&prev.as_str()));
        if ordinal || period {
            return None;
        }
        // one hundred and three quarters = 100.75; one hundred and thirty-two fifths = 26.4.
        let v = match cardinal.after_and.and_then(|a| en_cardinal(&t[..a - 1], p)) {
            Some(head) if value - head.value < d => {
                head.value + (value - head.value) / d * head.ends_scale.unwrap_or(1.0)
            }
            _ => value / d,
        };
        // a quarter million, two thirds of a million.
        let of_a = self.next(k + 1) == Some(Of) && self.next(k + 2) == Some(A);
        let scale_at = if of_a { k + 3 } else { k + 1 };
        if let Some(Scale(f)) = self.next(scale_at) {
            return self.num(t[scale_at].end, v * f, NumKind::Plain, Some(f));
        }
        self.num(t[k].end, v, NumKind::Fraction, None)
    }

    /// one and a half, twenty and three fifths, two million and three quarters.
    fn and_fraction(&self, k: usize, value: f64, ends_scale: Option<f64>) -> Option<Num> {
        use EnWord::*;
        let t = &self.t;
        let (f_value, f_end, d) = match (self.next(k + 1), self.next(k + 2), self.next(k + 3)) {
            (Some(A), Some(Part(d)), _) => (1.0, t[k + 2].end, d),
            (Some(Unit(n)), Some(Part(d)), _) if n >= 1.0 => (n, t[k + 2].end, d),
            _ => (0.0, 0, 0.0),
        };
        if d > 0.0 && f_value < d {
            let v = value + f_value / d * ends_scale.unwrap_or(1.0);
            return self.num(f_end, v, NumKind::Fraction, ends_scale);
        }
        None
    }

    /// one over three, one out of five.
    fn over(&self, k: usize, value: f64) -> Option<Num> {
        use EnWord::*;
        let q = if self.next(k) == Some(Out) && self.next(k + 1) == Some(Of) { k + 2 } else { k + 1 };
        if self.next(k) == Some(Over) || q == k + 2 {
            if let Some(d) = en_cardinal(&self.t, q).filter(|d| d.value > 0.0) {
                return self.num(self.t[d.next - 1].end, value / d.value, NumKind::Fraction, None);
            }
        }
        None
    }

    /// The cardinal alone, unless it is an ordinal (twenty-first) or a pronoun (the one).
    fn cardinal(&self, p: usize, cardinal: &Cardinal) -> Option<Num> {
        let (s, t) = (self.s, &self.t);
        let end = t[cardinal.next - 1].end;
        // twenty-first, thirty-fifth: ordinals.
        if s.get(end) == Some(&'-') && en_word(s, end + 1).is_none() {
            let after = en_word_after(s, end + 1);
            if ["first", "second", "third"].contains(&after.as_str()) || after.ends_with("th") {
                return None;
            }
        }
        // the one, this one, which one: a pronoun.
        let lone_one =
            cardinal.value == 1.0 && cardinal.next == p + 1 && self.next(p) == Some(EnWord::Unit(1.0));
        if lone_one {
            let prev = ascii_word_before(s, t[p].start);
            if ["the", "this", "that", "which", "each", "every", "any", "no", "another"]
                .contains(&prev.as_str())
            {
                return None;
            }
        }
        self.num(end, cardinal.value, NumKind::Plain, cardinal.ends_scale)
    }
}
