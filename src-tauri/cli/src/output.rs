//! Printing for humans and for scripts (`--json`).

use serde::Serialize;

use dossier_core::{Error, Result};

pub fn json<T: Serialize>(value: &T) -> Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Error::internal(e.to_string()))?;
    println!("{text}");
    Ok(())
}

/// Cuts `s` to at most `width` columns, counting CJK characters as two.
pub fn fit(s: &str, width: usize) -> String {
    let mut out = String::new();
    let mut used = 0;
    for c in s.chars() {
        let w = if is_wide(c) { 2 } else { 1 };
        if used + w > width {
            out.push('…');
            return out;
        }
        used += w;
        out.push(c);
    }
    out
}

/// Columns `s` takes on a terminal.
pub fn columns(s: &str) -> usize {
    s.chars().map(|c| if is_wide(c) { 2 } else { 1 }).sum()
}

/// `s` padded with spaces to `width` columns.
pub fn pad(s: &str, width: usize) -> String {
    let fitted = fit(s, width);
    let used = columns(&fitted);
    format!("{fitted}{}", " ".repeat(width.saturating_sub(used)))
}

fn is_wide(c: char) -> bool {
    matches!(c as u32,
        0x1100..=0x115F | 0x2E80..=0x303E | 0x3041..=0x33FF | 0x3400..=0x4DBF | 0x4E00..=0x9FFF
        | 0xA000..=0xA4CF | 0xAC00..=0xD7A3 | 0xF900..=0xFAFF | 0xFE30..=0xFE4F | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6 | 0x20000..=0x3FFFD)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn wide_characters_take_two_columns() {
        assert_eq!(columns("AI芯片"), 6);
        assert_eq!(fit("智谱AI完成融资", 7), "智谱AI…");
        assert_eq!(pad("ab", 4), "ab  ");
        assert_eq!(columns(&pad("中国经营报", 12)), 12);
    }
}
