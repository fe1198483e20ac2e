//! People: a name after a title and before a speech verb (分析师浦俊懿认为), a byline (本报记者
//! 曲忠芳), a credit (刘洋/制图), an English name before "said" or after "By"; then every later
//! mention of a name found.

use super::NameSpan;
use crate::extract::kinds::EntityKind;
use crate::extract::lexicon::{Group, Hits};
use crate::extract::text::{ends_with_at, is_cjk, starts_with_at, CharFilter};
use crate::extract::words::names::{EN_SUFFIX, NOT_NAMES, SPEECH};

/// People: a name after a title and before a speech verb (分析师浦俊懿认为), a byline
/// (本报记者 曲忠芳), a credit (刘洋/制图), or an English name before "said".
pub fn people(s: &[char], hits: &Hits, caps: &[usize], known: &[NameSpan], out: &mut Vec<NameSpan>) {
    let mut names: Vec<(usize, usize)> = Vec::new();
    titled(s, hits, known, &mut names);
    credited(s, hits, &mut names);
    english_people(s, caps, &mut names);
    every_mention(s, &names, out);
}

/// Names after a title (分析师浦俊懿认为, 本报记者 曲忠芳, 证券分析师：李明远).
fn titled(s: &[char], hits: &Hits, known: &[NameSpan], names: &mut Vec<(usize, usize)>) {
    for run in hits.in_order(Group::Title).chunk_by(|x, y| x.0 == y.0) {
        // After the longest title starting here.
        let Some(mut a) = run.iter().map(|h| h.1).max() else { continue };
        // 据赛迪顾问数据: a title inside a known name is part of that name.
        let k = known.partition_point(|m| m.end < a);
        if known.get(k).is_some_and(|m| m.start < run[0].0 && m.end >= a) {
            continue;
        }
        // 证券分析师：李明远, a credit line.
        if matches!(s.get(a), Some('：' | ':')) {
            a += 1;
        }
        while s.get(a) == Some(&' ') {
            a += 1;
        }
        if let Some(b) = (a + 2..=a + 3).find(|&b| {
            s[a..b.min(s.len())].iter().all(|&c| is_cjk(c))
                && b <= s.len()
                && (s.get(b).is_none_or(|&c| !is_cjk(c))
                    || SPEECH.iter().any(|v| starts_with_at(s, b, v).is_some()))
        }) {
            let name: String = s[a..b].iter().collect();
            let verb = SPEECH.iter().chain(NOT_NAMES).any(|v| name.starts_with(v));
            if !verb && hits.find_any(Group::Title, a, b).is_none() && !name.contains('的') {
                names.push((a, b));
            }
        }
    }
}

/// The name before a credit (刘洋/制图).
fn credited(s: &[char], hits: &Hits, names: &mut Vec<(usize, usize)>) {
    for &(i, _, _) in &hits.in_order(Group::Credit) {
        if i >= 2 {
            let a = (i.saturating_sub(3)..i).find(|&a| s[a..i].iter().all(|&c| is_cjk(c))).unwrap_or(i);
            if i - a >= 2 {
                names.push((a, i));
            }
        }
    }
}

/// Every occurrence of the names found is a mention (罗国昭向记者介绍).
fn every_mention(s: &[char], names: &[(usize, usize)], out: &mut Vec<NameSpan>) {
    let mut known: Vec<Vec<char>> = names.iter().map(|&(a, b)| s[a..b].to_vec()).collect();
    known.sort();
    known.dedup();
    if known.is_empty() {
        return;
    }
    // One pass for all names; each name's occurrences do not overlap one another. Sorted,
    // the names starting with one character are neighbours.
    let mut next = vec![0; known.len()];
    let firsts = CharFilter::new(known.iter().map(|n| n[0]));
    for i in 0..s.len() {
        if !firsts.may_hold(s[i]) {
            continue;
        }
        let lo = known.partition_point(|n| n[0] < s[i]);
        for (j, name) in known.iter().enumerate().skip(lo).take_while(|(_, n)| n[0] == s[i]) {
            if i < next[j] || s.get(i..i + name.len()) != Some(&name[..]) {
                continue;
            }
            next[j] = i + name.len();
            let glued = name[0].is_ascii() && (i > 0 && s[i - 1].is_ascii_alphanumeric());
            if !glued {
                out.push(NameSpan {
                    start: i,
                    end: i + name.len(),
                    entity: name.iter().collect(),
                    kind: EntityKind::Person,
                });
            }
        }
    }
}

/// "Jane Smith, an analyst at ...", "said Jane Smith", "Jane Smith said"; names start at
/// `caps`.
fn english_people(s: &[char], caps: &[usize], names: &mut Vec<(usize, usize)>) {
    let cap_word = |at: usize| -> Option<usize> {
        if !s.get(at)?.is_ascii_uppercase() || (at > 0 && s[at - 1].is_ascii_alphanumeric()) {
            return None;
        }
        let mut k = at + 1;
        while s.get(k).is_some_and(|c| c.is_ascii_lowercase() || *c == '\'' || *c == '-') {
            k += 1;
        }
        (k > at + 1).then_some(k)
    };
    for &i in caps {
        let Some(e1) = cap_word(i) else { continue };
        if s.get(e1) != Some(&' ') {
            continue;
        }
        let Some(e2) = cap_word(e1 + 1) else { continue };
        let first: String = s[i..e1].iter().collect();
        if matches!(
            first.as_str(),
            "The" | "On" | "In" | "At" | "By" | "But" | "And" | "Its" | "Chief" | "Analyst"
        ) {
            continue;
        }
        // "Tata Motors said": a second word that ends firms' names makes a firm, not a person.
        let second: String = s[e1 + 1..e2].iter().collect();
        if EN_SUFFIX.contains(&second.as_str()) {
            continue;
        }
        let after_said = [
            " said",
            " says",
            " told",
            ", chief",
            ", an analyst",
            ", analyst",
            ", founder",
            ", co-founder",
            ", the",
            ", who",
            ", head",
        ]
        .iter()
        .any(|w| starts_with_at(s, e2, w).is_some());
        let before_said =
            ["said ", "analyst ", "executive ", "founder ", "CEO ", "Officer ", "Chairman ", "By ", "by "]
                .iter()
                .any(|w| ends_with_at(s, i, w).is_some());
        // By Daniel Wu and Mei Lin: every name of a byline. The line's start is sought only
        // after a separator: it costs a scan back over the line.
        let byline = [" and ", ", "].iter().any(|w| ends_with_at(s, i, w).is_some()) && {
            let line = s[..i].iter().rposition(|&c| c == '\n').map_or(0, |p| p + 1);
            starts_with_at(s, line, "By ").is_some()
        };
        if after_said || before_said || byline {
            names.push((i, e2));
        }
    }
    capital_bylines(s, names);
}

/// A byline in capitals on a line of its own: "TAKESHI MORI, Nikkei staff writer".
fn capital_bylines(s: &[char], names: &mut Vec<(usize, usize)>) {
    let mut line = 0;
    while line < s.len() {
        let end = s[line..].iter().position(|&c| c == '\n').map_or(s.len(), |p| line + p);
        let caps = |a: usize| {
            let mut k = a;
            while s.get(k).is_some_and(|c| c.is_ascii_uppercase()) {
                k += 1;
            }
            (k >= a + 2).then_some(k)
        };
        let name = caps(line).filter(|&e1| s.get(e1) == Some(&' ')).and_then(|e1| caps(e1 + 1));
        if let Some(e2) = name.filter(|&e2| s.get(e2) == Some(&',')) {
            let rest: String = s[e2..end].iter().collect::<String>().to_lowercase();
            if ["writer", "correspondent", "reporter", "editor"].iter().any(|w| rest.contains(w)) {
                names.push((line, e2));
            }
        }
        line = end + 1;
    }
}
