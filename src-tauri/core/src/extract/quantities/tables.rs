//! Units given once for many figures: a slash-separated list (352/441/530亿元), a table
//! column headed (%), a table's unit note (单位：亿元, RMB million).

use super::currency::{currency_word, dollar_prefix, CURRENCY_AFTER, CURRENCY_BEFORE};
use super::units::classify;
use crate::extract::kinds::QuantityKind;
use crate::extract::numerals::Num;
use crate::extract::text::starts_with_at;
use crate::extract::words::quantities::{MAGNITUDES, PERCENT_MARKS};

/// Kind, unit and scale a bare number shares with the last of a slash-separated list
/// (净利润预测352/441/530亿元, EPS 3.86/4.84/5.81元, PE 26.8/21.4/17.8倍). `next` are the
/// numerals after `n`.
pub fn listed_unit(s: &[char], next: &[Num], n: &Num) -> Option<(QuantityKind, &'static str, f64)> {
    let mut end = n.end;
    let mut last = None;
    for m in next {
        if !matches!(s.get(end), Some('/' | '／')) || m.start != end + 1 {
            break;
        }
        last = Some(m);
        end = m.end;
    }
    let last = last?;
    let (kind, unit, ..) = classify(s, last, None)?;
    if kind == QuantityKind::Count {
        return None;
    }
    let scale = if n.magnitude { 1.0 } else { last.scale };
    Some((kind, unit, scale))
}

/// Whether the figure at `at` stands in a table column headed as percentages: the header
/// line above (项目 本报告期 上年同期 增减变动幅度（%）) has as many columns as the figure's
/// line, and the figure's column is the one marked (%).
pub fn percent_column(s: &[char], line: &Line, at: usize) -> bool {
    let Line { start: line_start, end: line_end, .. } = *line;
    let columns = |a: usize, b: usize| -> Vec<(usize, usize)> {
        let mut out = Vec::new();
        let mut k = a;
        while k < b {
            while k < b && s[k].is_whitespace() {
                k += 1;
            }
            let w = k;
            while k < b && !s[k].is_whitespace() {
                k += 1;
            }
            if k > w {
                out.push((w, k));
            }
        }
        out
    };
    let row = columns(line_start, line_end);
    let Some(col) = row.iter().position(|&(a, b)| a <= at && at < b) else { return false };
    // The header is the nearest line above without figures, in the same block.
    let mut end = line_start;
    for _ in 0..12 {
        if end == 0 {
            return false;
        }
        let start = s[..end - 1].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
        let line = &s[start..end - 1];
        if line.iter().all(|c| c.is_whitespace()) {
            return false;
        }
        if !line.iter().any(|c| c.is_ascii_digit()) {
            let header = columns(start, end - 1);
            return header.len() == row.len()
                && PERCENT_MARKS
                    .iter()
                    .any(|w| s[header[col].0..header[col].1].iter().collect::<String>().ends_with(w));
        }
        end = start;
    }
    false
}

/// A line of the text (without its newline), and whether it is prose: a line ending a
/// sentence is no row of a table.
#[derive(Clone, Copy)]
pub struct Line {
    pub start: usize,
    pub end: usize,
    pub prose: bool,
}

impl Line {
    /// The line holding `at`.
    pub fn at(s: &[char], at: usize) -> Line {
        let start = s[..at].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
        let end = s[at..].iter().position(|&c| c == '\n').map_or(s.len(), |p| at + p);
        let text = &s[start..end];
        let prose = text.contains(&'。') || text.windows(2).any(|w| w[0] == '.' && w[1] == ' ');
        Line { start, end, prose }
    }
}

/// The unit a table's note gives its bare figures, on the figure's line or a line above
/// it in the same block: "Selected figures (RMB million)", "（单位：亿元）", "(US$ '000)".
/// Returns (ISO code, factor). Lines of prose (ending a sentence) take no table unit.
pub fn table_unit(s: &[char], line: &Line, at: usize) -> Option<(&'static str, f64)> {
    if line.prose {
        return None;
    }
    let line_start = line.start;
    let floor = line_start.saturating_sub(600);
    let mut i = at;
    // Whether the line scanned holds figures: a row's own note (基本每股收益（元）) is
    // not the unit of the rows below it.
    let mut row_above = false;
    while i > floor {
        i -= 1;
        match s[i] {
            // A blank line ends the table.
            '\n' if i > 0 && s[i - 1] == '\n' => return None,
            '\n' => {
                let above = s[..i].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
                row_above = s[above..i].iter().any(|c| c.is_ascii_digit());
            }
            _ if row_above => {}
            '(' | '（' => {
                if let Some(u) = unit_note(s, i + 1) {
                    return Some(u);
                }
            }
            '单' if s.get(i + 1) == Some(&'位') => {
                let k = if matches!(s.get(i + 2), Some('：' | ':')) { i + 3 } else { i + 2 };
                if let Some(u) = unit_note(s, k) {
                    return Some(u);
                }
            }
            _ => {}
        }
    }
    None
}

/// A unit note starting at `at` (RMB million, 亿元, in thousands of US dollars, HK$ bn):
/// a currency and an optional magnitude, up to a closing bracket or the end of the line.
pub fn unit_note(s: &[char], at: usize) -> Option<(&'static str, f64)> {
    let end = (at..s.len().min(at + 32)).find(|&k| matches!(s[k], ')' | '）' | '\n'))?;
    let note = &s[at..end];
    let mut code = None;
    let mut factor = 1.0;
    let mut k = 0;
    while k < note.len() {
        let boundary = k == 0 || !note[k - 1].is_ascii_alphabetic();
        let magnitude = MAGNITUDES.iter().find_map(|&(w, f)| {
            let e = starts_with_at(note, k, w)?;
            let glued = w.is_ascii() && note.get(e).is_some_and(|c| c.is_ascii_alphabetic());
            (boundary && !glued).then_some((e, f))
        });
        if let Some((e, f)) = magnitude {
            factor = f;
            k = e;
            continue;
        }
        let currency = currency_word(note, k, &CURRENCY_AFTER)
            .or_else(|| currency_word(note, k, &CURRENCY_BEFORE))
            .filter(|_| boundary);
        if let Some((e, c)) = currency {
            let dollar = note[e - 1] == '$';
            code = Some(if dollar { dollar_prefix(note, e - 1).map_or(c, |(_, c)| c) } else { c });
            k = e;
            continue;
        }
        if note[k].is_ascii_alphabetic() && boundary {
            // Words a note may hold besides its unit: in millions of US dollars.
            let w_end = (k..note.len()).find(|&j| !note[j].is_ascii_alphabetic()).unwrap_or(note.len());
            let word: String = note[k..w_end].iter().collect();
            if !matches!(word.as_str(), "in" | "of") && note.get(w_end) != Some(&'$') {
                return None;
            }
            k = w_end;
            continue;
        }
        if !matches!(note[k], ' ' | '$' | ',' | '：' | ':') {
            return None;
        }
        k += 1;
    }
    code.map(|c| (c, factor))
}
