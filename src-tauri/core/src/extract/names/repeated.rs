//! Later mentions of names found by their shape: 星海图 again after 「星海图」, Infinidat after
//! Infinidat Inc., Lanshan after Lanshan Robotics Ltd.

use super::NameSpan;
use crate::extract::kinds::EntityKind;
use crate::extract::text::count_chars;
use crate::extract::words::names::{LEGAL, NOT_SHORT_NAMES, TRADE_WORDS};

/// Later mentions of names found by shape: 星海图 again after 「星海图」, Infinidat after
/// Infinidat Inc. (the name without its legal suffix), Lanshan after Lanshan Robotics Ltd.
pub fn repeated_names(text: &str, s: &[char], known: &[NameSpan], found: &[NameSpan]) -> Vec<NameSpan> {
    let mut stems: Vec<(String, &NameSpan)> = Vec::new();
    for m in found.iter().filter(|m| m.kind != EntityKind::Person) {
        let name: String = s[m.start..m.end].iter().collect();
        let quoted = m.start > 0 && matches!(s[m.start - 1], '「' | '“');
        let mut forms = Vec::new();
        let mut stem = name.as_str();
        while let Some(x) = LEGAL.iter().find_map(|l| stem.strip_suffix(l)) {
            stem = x;
            forms.push(stem);
        }
        if !forms.is_empty() {
            while let Some(x) = TRADE_WORDS.iter().find_map(|w| stem.strip_suffix(w)) {
                stem = x;
            }
            if stem.len() >= 3 && !NOT_SHORT_NAMES.contains(&stem) {
                forms.push(stem);
            }
        } else if quoted {
            forms.push(&name);
        }
        for stem in forms {
            if stem.chars().count() >= 2 && !stems.iter().any(|(x, _)| x == stem) {
                stems.push((stem.to_string(), m));
            }
        }
    }
    let overlaps = |a: usize, b: usize| {
        let hit = |list: &[NameSpan]| {
            let k = list.partition_point(|m| m.end <= a);
            list.get(k).is_some_and(|m| m.start < b)
        };
        hit(known) || found.iter().any(|m| m.start < b && a < m.end)
    };
    let mut out = Vec::new();
    for (stem, first) in stems {
        let n = stem.chars().count();
        let (mut byte_pos, mut char_pos) = (0usize, 0usize);
        for (b, _) in text.match_indices(stem.as_str()) {
            char_pos += count_chars(&text.as_bytes()[byte_pos..b]);
            byte_pos = b;
            let (a, e) = (char_pos, char_pos + n);
            let glued = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if stem.is_ascii() && (glued(a.checked_sub(1).and_then(|k| s.get(k))) || glued(s.get(e))) {
                continue;
            }
            if !overlaps(a, e) {
                out.push(NameSpan { start: a, end: e, entity: first.entity.clone(), kind: first.kind });
            }
        }
    }
    out
}
