//! Later mentions of names found by their shape: 星海图 again after 「星海图」, Infinidat after
//! Infinidat Inc., Lanshan after Lanshan Robotics Ltd., 慧拓智能 after the name it shortens.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};

use super::NameSpan;
use crate::extract::kinds::EntityKind;
use crate::extract::text::count_chars;
use crate::extract::words::names::{LEGAL_FORMS, NOT_SHORT_NAMES, TRADE_WORDS};

/// The forms a found name is written in again: itself, without its legal suffix, without
/// the words that say what it does (Lanshan Robotics Ltd. is later Lanshan).
pub fn forms(name: &str) -> Vec<&str> {
    let mut forms = vec![name];
    let mut stem = name;
    let mut legal = false;
    while let Some(x) = LEGAL_FORMS.iter().find_map(|l| stem.strip_suffix(l)) {
        stem = x;
        forms.push(stem);
        legal = true;
    }
    if legal {
        while let Some(x) = TRADE_WORDS.iter().find_map(|w| stem.strip_suffix(w)) {
            stem = x;
        }
        if stem.len() >= 3 && !NOT_SHORT_NAMES.contains(&stem) {
            forms.push(stem);
        }
    }
    forms
}

/// Every later mention of the names `found` (not people) and of the short forms
/// `aliases` introduced for them, outside the registry's matches `known` and `found`
/// (both sorted, without overlaps). One automaton pass over the text for all of them.
pub fn repeated_names(
    text: &str,
    s: &[char],
    known: &[NameSpan],
    found: &[NameSpan],
    aliases: &[(String, &NameSpan)],
) -> Vec<NameSpan> {
    let mut stems: Vec<(String, &NameSpan)> = Vec::new();
    for m in found.iter().filter(|m| m.kind != EntityKind::Person) {
        let name: String = s[m.start..m.end].iter().collect();
        for form in forms(&name) {
            stems.push((form.to_string(), m));
        }
    }
    stems.extend(aliases.iter().map(|(a, m)| (a.clone(), *m)));
    stems.retain(|(form, _)| form.chars().count() >= 2);
    let mut seen = std::collections::HashSet::new();
    stems.retain(|(form, _)| seen.insert(form.clone()));
    if stems.is_empty() {
        return Vec::new();
    }
    // Built for every article from a handful of names and searched once: the NFA builds in a
    // fraction of the DFA's time, which the default would pick for so few patterns.
    let automaton = AhoCorasick::builder()
        .match_kind(MatchKind::LeftmostLongest)
        .kind(Some(AhoCorasickKind::NoncontiguousNFA))
        .build(stems.iter().map(|(form, _)| form.as_str()))
        .expect("names are plain strings");
    let overlaps = |a: usize, b: usize| {
        let hit = |list: &[NameSpan]| {
            let k = list.partition_point(|m| m.end <= a);
            list.get(k).is_some_and(|m| m.start < b)
        };
        hit(known) || hit(found)
    };
    let mut out = Vec::new();
    let (mut byte_pos, mut char_pos) = (0usize, 0usize);
    for m in automaton.find_iter(text) {
        char_pos += count_chars(&text.as_bytes()[byte_pos..m.start()]);
        byte_pos = m.start();
        let (stem, first) = &stems[m.pattern().as_usize()];
        let (a, e) = (char_pos, char_pos + stem.chars().count());
        let glued = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
        if stem.is_ascii() && (glued(a.checked_sub(1).and_then(|k| s.get(k))) || glued(s.get(e))) {
            continue;
        }
        if !overlaps(a, e) {
            out.push(NameSpan { start: a, end: e, entity: first.entity.clone(), kind: first.kind });
        }
    }
    out
}
