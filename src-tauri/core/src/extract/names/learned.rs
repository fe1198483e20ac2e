//! Firms the rules did not find, proposed by the learned labeller (`extract::label`): in a
//! Chinese sentence that holds a figure and a word for what is measured (融资, 估值, 营收)
//! but no name the registry or the rules found, a span the model takes for a company with
//! enough confidence. Where the rules found a name, the model's would only compete with it
//! for the sentence's figures.
//! The rules see a name by the words around it; the model also knows names by their own
//! shape (摩尔线程 raising money needs no 公司 after it).

use super::organisations::{canonical, is_generic};
use super::NameSpan;
use crate::extract::kinds::EntityKind::Company as C;
use crate::extract::label::{self, NameKind};
use crate::extract::lexicon::{Group, Hits};
use crate::extract::text::{is_cjk, Span};

/// The least confidence (the model's estimate of the chance that span and kind are right)
/// at which a proposed company is taken.
const MIN_SCORE: f32 = 0.5;

/// Companies the labeller finds in the sentences worth its time: those where `taken`
/// (the names found so far) holds nothing.
pub fn labelled(
    s: &[char],
    hits: &Hits,
    sentences: &[Span],
    taken: impl Fn(usize, usize) -> bool,
    out: &mut Vec<NameSpan>,
) {
    for sentence in sentences.iter().filter(|sp| !taken(sp.start, sp.end) && worth_labelling(s, hits, sp)) {
        for name in label::names(s, sentence.start, sentence.end) {
            if name.kind != NameKind::Company || name.score < MIN_SCORE {
                continue;
            }
            let text = &s[name.start..name.end];
            // A name starts and ends with a letter or a Han char, is longer than one char and
            // is no mere word for a kind of firm; one before 等 is an example of a kind
            // (智能电动汽车等创新业务), whose figures are the kind's.
            let letter = |c: &char| c.is_alphanumeric();
            if text.len() < 2
                || !text.first().is_some_and(letter)
                || !text.last().is_some_and(letter)
                || text.iter().all(|&c| is_cjk(c)) && is_generic(text)
                || s.get(name.end) == Some(&'等')
            {
                continue;
            }
            let entity = canonical(&text.iter().collect::<String>());
            out.push(NameSpan { start: name.start, end: name.end, entity, kind: C });
        }
    }
}

/// A Chinese sentence with a figure and a metric word: where a fact may need a subject.
/// The model costs about as much per char as the whole extractor, so it reads these only.
fn worth_labelling(s: &[char], hits: &Hits, sp: &Span) -> bool {
    let text = &s[sp.start..sp.end];
    text.iter().any(|&c| is_cjk(c))
        && text.iter().any(|c| c.is_ascii_digit() || "一二三四五六七八九十百千万亿两".contains(*c))
        && hits.find_any(Group::Metric, sp.start, sp.end).is_some()
}

#[cfg(test)]
mod tests {
    use super::labelled;
    use crate::extract::lexicon::Group;
    use crate::extract::names::{found_by_shape, Registry};
    use crate::extract::test_facts as facts;
    use crate::extract::text::sentences;

    /// (what the rules and the registry find, what the labeller proposes) in `t`.
    fn found(t: &str) -> (Vec<String>, Vec<String>) {
        let s: Vec<char> = t.chars().collect();
        let r = Registry::builtin();
        let hits = r.scan(t);
        let mut known = Vec::new();
        r.find(&s, &hits, &mut known);
        known.extend(found_by_shape(&s, &hits, &known, &mut Vec::new()));
        let ends: Vec<usize> = hits.in_order(Group::SentenceEnd).iter().map(|&(at, _, _)| at).collect();
        let mut proposed = Vec::new();
        labelled(&s, &hits, &sentences(&s, &ends), |_, _| false, &mut proposed);
        let text = |list: Vec<super::NameSpan>| {
            list.into_iter().map(|m| s[m.start..m.end].iter().collect()).collect()
        };
        (text(known), text(proposed))
    }

    #[test]
    fn a_firm_known_by_its_own_shape_gets_its_figures() {
        // No suffix, no word for a firm, no verb the rules know: the model still sees a name.
        for (t, name, metric, figure) in [
            ("消息人士称，宇树科技本轮融资金额接近10亿元。", "宇树科技", "funding", "接近10亿元"),
            ("今年以来，蓝思科技股价累计上涨35%。", "蓝思科技", "price_change", "35%"),
        ] {
            let (rules, proposed) = found(t);
            assert!(rules.is_empty(), "{rules:?}");
            assert_eq!(proposed, [name]);
            assert_eq!(facts(t), [(name.to_string(), metric, figure.to_string())]);
        }
    }

    #[test]
    fn no_proposal_where_a_name_was_found_or_no_figure_is_measured() {
        // 红杉中国 is known (an investor): the sentence is left to the rules.
        let t = "据悉，本轮融资由红杉中国领投，云鲸智能估值已超过10亿美元。";
        let s: Vec<char> = t.chars().collect();
        let (rules, proposed) = found(t);
        assert!(rules.contains(&"红杉中国".to_string()) && proposed.contains(&"云鲸智能".to_string()));
        let hits = Registry::builtin().scan(t);
        let ends: Vec<usize> = hits.in_order(Group::SentenceEnd).iter().map(|&(at, _, _)| at).collect();
        let mut out = Vec::new();
        let red = t.find("红杉").map(|b| t[..b].chars().count()).unwrap();
        labelled(&s, &hits, &sentences(&s, &ends), |a, b| a <= red && red < b, &mut out);
        assert!(out.is_empty(), "{out:?}");
        // An example of a kind, before 等, is no subject.
        assert!(found("其中，智能电动汽车等创新业务收入达97亿元。").1.is_empty());
        // A figure with no metric word: not worth the model's time.
        assert!(found("宇树科技今年招聘了300名工程师。").1.is_empty());
    }
}
