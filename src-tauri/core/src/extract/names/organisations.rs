//! Organisations not in the registry, found by their shape: a Chinese name before a
//! company suffix (谦询科技, 上海国有资本投资有限公司), a run of capitalised English words
//! ending in a corporate suffix (Acme Robotics Inc.).

use super::NameSpan;
use crate::extract::kinds::EntityKind::Company as C;
use crate::extract::lexicon::{Group, Hits};
use crate::extract::text::{ends_with_at, is_cjk, starts_with_at};
use crate::extract::words::names::{
    DESCRIPTORS, EN_SUFFIX, GENERIC, LEGAL_FORMS, NAME_ENDS, ORG_SUFFIX, PERIODS, SENTENCE_WORDS,
};

/// A firm's canonical name from the text of a mention: an English name without its legal
/// form (Ouster, Inc. is Ouster).
pub fn canonical(name: &str) -> String {
    let mut n = name;
    while let Some(x) = LEGAL_FORMS.iter().find_map(|l| n.strip_suffix(l)) {
        n = x;
    }
    n.trim_end_matches(',').to_string()
}

/// A stem made only of generic words (大模型明星, 私募量化) names a kind of firm.
pub fn is_generic(stem: &[char]) -> bool {
    let mut rest = stem.len();
    while let Some(n) = GENERIC.iter().filter_map(|g| ends_with_at(stem, rest, g).map(|b| rest - b)).max() {
        rest -= n;
    }
    rest < 2 && rest < stem.len()
}

/// Does a Chinese name stop before `b`: punctuation, a space, a function word, or (when
/// `words`) a verb or word of time ending at `b` (收购, 宣布, 近日)?
fn boundary_before(s: &[char], b: usize, words: bool) -> bool {
    let c = s[b - 1];
    !is_cjk(c)
        || "的在由与和及是为据向对被将从了把给让于以其等、含括包如称月年日也又并或而但即就都还已".contains(c)
        || words
            && NAME_ENDS
                .iter()
                .chain(PERIODS)
                .any(|w| w.chars().count() > 1 && ends_with_at(s, b, w).is_some())
}

/// Start of the Chinese name ending at `e`, at most `longest` chars back: after a
/// boundary, and after a word for a kind of firm inside (具身智能企业穹彻智能, 重磅股滙豐).
pub fn cjk_name_start(s: &[char], e: usize, longest: usize) -> usize {
    let mut b = e;
    // A verb right before the end is part of the name (汽车销售有限公司, 房地产开发有限公司).
    while b > 0 && e - b < longest && !boundary_before(s, b, b < e) {
        b -= 1;
    }
    let descriptor_end = |k: usize| DESCRIPTORS.iter().chain(&["股"]).find_map(|w| starts_with_at(s, k, w));
    (b..e).rev().filter_map(descriptor_end).find(|&d| d + 2 <= e).unwrap_or(b)
}

/// Organisations not in the registry: 谦询科技, 上海国有资本投资有限公司, Acme Robotics Inc.
pub fn unknown_orgs(
    s: &[char],
    hits: &Hits,
    caps: &[usize],
    taken: &dyn Fn(usize, usize) -> bool,
    out: &mut Vec<NameSpan>,
) {
    // Past the end of the last name found.
    let mut next = 0;
    for run in hits.in_order(Group::Suffix).chunk_by(|x, y| x.0 == y.0) {
        // The first suffix of the list among those starting here.
        let (i, e, k) = run[0];
        if i < next {
            continue;
        }
        let kind = ORG_SUFFIX[k].1;
        let b = cjk_name_start(s, i, 16);
        // 三季度公司, 报告期末公司, 我们下调公司: a period or a pronoun before 公司 is no name.
        let period = PERIODS.iter().any(|w| ends_with_at(s, i, w).is_some());
        let pronoun = ["我们", "他们", "我", "你"].iter().any(|w| starts_with_at(s, b, w).is_some());
        // Loose suffixes (资本, 科技, 智能 ...) end a name only before a boundary: 资本市场 is not a firm.
        let loose = ["资本", "科技", "智能", "基金", "控股", "创投"]
            .iter()
            .any(|w| starts_with_at(s, i, w).is_some());
        let bounded = s
            .get(e)
            .is_none_or(|&c| !is_cjk(c) || "、与和及等的在于将已也宣表称发联获完旗是为领跟参持".contains(c));
        if i - b >= 2 && !period && !pronoun && (!loose || bounded) && !taken(b, e) && !is_generic(&s[b..i]) {
            out.push(NameSpan { start: b, end: e, entity: s[b..e].iter().collect(), kind });
            next = e;
        }
    }
    english_orgs(s, caps, taken, out);
}

/// Runs of capitalised English words (starting at `caps`) ending in a corporate suffix.
fn english_orgs(s: &[char], caps: &[usize], taken: &dyn Fn(usize, usize) -> bool, out: &mut Vec<NameSpan>) {
    // Past the last run read.
    let mut next = 0;
    let mut words = Vec::new();
    for &i in caps {
        if i < next {
            continue;
        }
        // Collect capitalised words separated by single spaces.
        words.clear();
        let mut k = i;
        loop {
            let ws = k;
            while k < s.len() && (s[k].is_ascii_alphanumeric() || matches!(s[k], '&' | '-' | '.')) {
                k += 1;
            }
            let mut we = k;
            if we > ws && s[we - 1] == '.' && !EN_SUFFIX.iter().any(|x| ends_with_at(s, we, x) == Some(ws)) {
                we -= 1;
            }
            words.push((ws, we));
            k = we;
            if s.get(k) == Some(&' ') && s.get(k + 1).is_some_and(|c| c.is_ascii_uppercase()) {
                k += 1;
            } else {
                break;
            }
        }
        let suffix_at = words.iter().rposition(|&(a, b)| {
            // A word of n chars has at least n bytes: most suffixes are told apart by length.
            EN_SUFFIX.iter().any(|x| x.len() >= b - a && x.chars().eq(s[a..b].iter().copied()))
        });
        if let Some(p) = suffix_at.filter(|&p| p > 0) {
            let (a, _) = words[0];
            let (_, b) = words[p];
            let first: String = s[words[0].0..words[0].1].iter().collect();
            let a = if SENTENCE_WORDS.contains(&first.as_str()) && p > 1 { words[1].0 } else { a };
            if !taken(a, b) {
                out.push(NameSpan {
                    start: a,
                    end: b,
                    entity: canonical(&s[a..b].iter().collect::<String>()),
                    kind: C,
                });
            }
        }
        next = words.last().map_or(i + 1, |&(_, b)| b.max(i + 1));
    }
}
