//! Names found by what the text says of them: a firm in quotes after a word for a firm
//! (具身智能公司「星海图」), a stock that moves (紫金矿业涨4.2%), a firm announcing a round
//! (峰飞航空去年完成1亿美元B轮融资), an English name described beside it (Galaxy General, a
//! Beijing-based maker of robots; start-up Kanghui AI raised).

use super::organisations::is_generic;
use super::shaped::opens_clause;
use super::NameSpan;
use crate::extract::kinds::EntityKind::Company as C;
use crate::extract::lexicon::{Group, Hits};
use crate::extract::text::{ascii_digit, ends_with_at, is_cjk, starts_with_at};
use crate::extract::words::names::{FUNDED_LEADS, NOT_FIRMS, ROLES, SENTENCE_WORDS, TRADES};

/// A name in quotes after a word for a firm: 具身智能公司「星海图」, 品牌“元气森林”.
pub fn quoted_names(s: &[char], hits: &Hits, out: &mut Vec<NameSpan>) {
    // A lead word and its opening quote, the quote last.
    for &(_, e, _) in &hits.in_order(Group::Quoted) {
        let i = e - 1;
        let close = if s[i] == '「' { '」' } else { '”' };
        let Some(len) = s[i + 1..s.len().min(i + 14)].iter().position(|&c| c == close) else { continue };
        let name = &s[i + 1..i + 1 + len];
        let plain = name.iter().all(|&c| is_cjk(c) || c.is_ascii_alphanumeric() || c == ' ');
        if len >= 2 && plain {
            out.push(NameSpan { start: i + 1, end: i + 1 + len, entity: name.iter().collect(), kind: C });
        }
    }
}

/// Where a Chinese clause starts (a name may begin there).
fn clause_opens(s: &[char], at: usize) -> bool {
    at == 0 || "，、；：。！？\n（(【".contains(s[at - 1])
}

/// Stocks moving in a market report: 紫金矿业涨4.2%，碧桂园跌逾5%, 零部件企业华盛科技收涨36.5%.
pub fn moved_names(s: &[char], hits: &Hits, out: &mut Vec<NameSpan>) {
    // One word starts at a char at most (收涨 at 收, 涨 at 涨); 涨 inside 上涨 is no word
    // of its own (禾赛上涨3%: the name is 禾赛).
    let mut covered = 0;
    for (i, e, _) in hits.in_order(Group::Move) {
        if i < 2 || i < covered {
            continue;
        }
        covered = e;
        let amount = (e..s.len().min(e + 2)).any(|k| ascii_digit(s[k]).is_some());
        if !amount {
            continue;
        }
        let Some(b) = (i.saturating_sub(4)..=i - 2).find(|&b| {
            s[b..i].iter().all(|&c| is_cjk(c))
                && (clause_opens(s, b) || ["企业", "公司"].iter().any(|w| ends_with_at(s, b, w).is_some()))
        }) else {
            continue;
        };
        let name = &s[b..i];
        if !NOT_FIRMS.iter().any(|w| (0..name.len()).any(|k| starts_with_at(name, k, w).is_some())) {
            out.push(NameSpan { start: b, end: i, entity: name.iter().collect(), kind: C });
        }
    }
}

/// A firm announcing a round: 峰飞航空去年完成1亿美元B轮融资.
pub fn funded_names(s: &[char], hits: &Hits, out: &mut Vec<NameSpan>) {
    let verbs = hits.in_order(Group::Funded);
    // 获得 and 获 both start at 获: the first listed is the one read.
    for (k, &(i, verb_end, _)) in verbs.iter().enumerate() {
        if i < 2 || k > 0 && verbs[k - 1].0 == i {
            continue;
        }
        let clause_end =
            (verb_end..s.len().min(verb_end + 40)).find(|&k| "，。；\n".contains(s[k])).unwrap_or(s.len());
        if !(verb_end..clause_end).any(|k| starts_with_at(s, k, "融资").is_some()) {
            continue;
        }
        let mut e = i;
        while let Some(b) = FUNDED_LEADS.iter().find_map(|w| ends_with_at(s, e, w)) {
            e = b;
        }
        let b = (e.saturating_sub(6)..e.saturating_sub(1))
            .find(|&b| s[b..e].iter().all(|&c| is_cjk(c)) && clause_opens(s, b));
        if let Some(b) = b.filter(|&b| !is_generic(&s[b..e])) {
            out.push(NameSpan { start: b, end: e, entity: s[b..e].iter().collect(), kind: C });
        }
    }
}

/// English names described beside them: "Galaxy General, a Beijing-based maker of
/// humanoid robots, raised ..." and "Medical-imaging start-up Kanghui AI raised ...". Both
/// start at a capitalised word (`caps`).
pub fn described_orgs(s: &[char], caps: &[usize], out: &mut Vec<NameSpan>) {
    let word_end =
        |k: usize| (k..s.len()).find(|&j| !(s[j].is_ascii_alphanumeric() || s[j] == '-')).unwrap_or(s.len());
    let word_at = |k: usize| s[k..word_end(k)].iter().collect::<String>();
    // Capitalised words from `a`: the end of the run, at most three words.
    let capitalised = |a: usize| {
        let mut k = a;
        let mut words = 0;
        while words < 3 && s.get(k).is_some_and(|c| c.is_ascii_uppercase()) {
            k = word_end(k);
            words += 1;
            if s.get(k) == Some(&' ') && s.get(k + 1).is_some_and(|c| c.is_ascii_uppercase()) {
                k += 1;
            } else {
                break;
            }
        }
        (words > 0 && k > a + 1).then_some(k)
    };
    for &i in caps {
        // start-up Kanghui AI raised: a trade word, then the name, then a verb.
        if i > 0 && s[i - 1] == ' ' {
            // (Trade words hold no space: one ending before the space is the word there.)
            let trade = TRADES.iter().any(|t| ends_with_at(s, i - 1, t).is_some());
            if let Some(e) = capitalised(i).filter(|_| trade) {
                let lower_next =
                    s.get(e) == Some(&' ') && s.get(e + 1).is_some_and(|c| c.is_ascii_lowercase());
                if lower_next
                    && !["Chief", "Chairman", "President", "CEO", "Mr", "Ms", "Dr"]
                        .contains(&word_at(i).as_str())
                {
                    out.push(NameSpan { start: i, end: e, entity: s[i..e].iter().collect(), kind: C });
                }
            }
        }
        if opens_clause(s, i) {
            let Some(e) = capitalised(i) else { continue };
            let first = word_at(i);
            let apposed = [", a ", ", an ", ", the "].iter().find_map(|w| starts_with_at(s, e, w));
            if let Some(k) = apposed.filter(|_| !SENTENCE_WORDS.contains(&first.as_str())) {
                let end = (k..s.len().min(k + 80)).find(|&j| matches!(s[j], ',' | '.' | '\n')).unwrap_or(k);
                let words: Vec<String> =
                    s[k..end].iter().collect::<String>().split(' ').map(str::to_lowercase).collect();
                let trade = words.iter().position(|w| TRADES.contains(&w.as_str()));
                let role = words.iter().position(|w| ROLES.contains(&w.as_str()));
                if trade.is_some_and(|t| role.is_none_or(|r| t < r)) {
                    out.push(NameSpan { start: i, end: e, entity: s[i..e].iter().collect(), kind: C });
                }
            }
        }
    }
}
