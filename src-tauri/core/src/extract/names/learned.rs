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
use crate::extract::label::{self, Name, NameKind};
use crate::extract::lexicon::{Group, Hits};
use crate::extract::text::{ends_with_at, is_cjk, Span};
use crate::extract::words::names::{DESCRIPTORS, FIRM_PARTIES};

/// The least confidence (the model's estimate of the chance that span and kind are right)
/// at which a proposed company is taken.
const MIN_SCORE: f32 = 0.5;
/// The same for a span in the place of a subject, right before what is measured
/// (亿纬锂能营收…): the place says as much as the model.
const MIN_SCORE_BEFORE_METRIC: f32 = 0.35;

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
        let names = label::names(s, sentence.start, sentence.end);
        let company = |n: &Name| {
            let least = if before_metric(hits, n.end) { MIN_SCORE_BEFORE_METRIC } else { MIN_SCORE };
            n.kind == NameKind::Company && n.score >= least
        };
        // The members of a list (科达利、国轩高科、欣旺达) are of one kind: one company
        // among them makes companies of the others, whatever the model took them for.
        let mut firms = vec![false; names.len()];
        for list in lists(s, &names) {
            if list.clone().any(|k| company(&names[k])) {
                list.for_each(|k| firms[k] = true);
            }
        }
        for (name, _) in names.iter().zip(firms).filter(|(_, firm)| *firm) {
            if let Some(found) = firm_name(s, name) {
                out.push(found);
            }
        }
    }
}

/// Runs of names (indices into `names`) that follow one another joined by 、 和 与 及.
fn lists(s: &[char], names: &[Name]) -> Vec<std::ops::Range<usize>> {
    let joined = |a: &Name, b: &Name| b.start == a.end + 1 && "、和与及".contains(s[a.end]);
    let mut out = Vec::new();
    let mut first = 0;
    for k in 1..=names.len() {
        if k == names.len() || !joined(&names[k - 1], &names[k]) {
            out.push(first..k);
            first = k;
        }
    }
    out
}

/// The firm `name` names, unless its text cannot be a firm's name.
fn firm_name(s: &[char], name: &Name) -> Option<NameSpan> {
    let text = &s[name.start..name.end];
    // A name starts and ends with a letter or a Han char, is longer than one char and
    // is no mere word for a kind of firm (上市公司) or for a firm's parties (股东); one
    // before 等 is an example of a kind (智能电动汽车等创新业务), whose figures are the
    // kind's; one after a number is its unit (44.14 万台).
    let letter = |c: &char| c.is_alphanumeric();
    let before = s[..name.start].iter().rev().find(|&&c| c != ' ');
    if text.len() < 2
        || !text.first().is_some_and(letter)
        || !text.last().is_some_and(letter)
        || text.iter().all(|&c| is_cjk(c)) && names_a_kind(text)
        || s.get(name.end) == Some(&'等')
        || before.is_some_and(|c| c.is_ascii_digit())
    {
        return None;
    }
    let entity = canonical(&text.iter().collect::<String>());
    Some(NameSpan { start: name.start, end: name.end, entity, kind: C })
}

/// Does a word for what is measured (营收, 估值, 融资) start at `at`?
fn before_metric(hits: &Hits, at: usize) -> bool {
    hits.within(Group::Metric, at, at + 8).next().is_some_and(|(start, _)| start == at)
}

/// 上市公司, 芯片企业, 控股股东: a word for a kind of firm, or for a firm's parties.
fn names_a_kind(text: &[char]) -> bool {
    let ends_with = |words: &[&str]| words.iter().find_map(|w| ends_with_at(text, text.len(), w));
    if ends_with(FIRM_PARTIES).is_some() {
        return true;
    }
    let stem = ends_with(DESCRIPTORS).unwrap_or(text.len());
    stem == 0 || is_generic(&text[..stem])
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
        // Words for a kind of firm or a firm's parties, and the unit after a number, are no
        // firms.
        assert!(found("实现归属于上市公司股东的净利润-2,803,229.92元。").1.is_empty());
        assert!(!found("激光雷达出货量 44.14 万台，同比增长228.9%。").1.iter().any(|n| n == "万台"));
        // A figure with no metric word: not worth the model's time.
        assert!(found("宇树科技今年招聘了300名工程师。").1.is_empty());
    }

    #[test]
    fn a_subject_before_its_metric_and_the_members_of_a_list_are_firms() {
        // The model is unsure of 亿纬锂能 alone and takes 科达利 for a person; the place before
        // 营收 and the list with a firm it is sure of say otherwise.
        assert_eq!(found("亿纬锂能营收486.15亿元,同比下降0.35%").1, ["亿纬锂能"]);
        assert_eq!(
            facts("科达利、国轩高科、欣旺达营收分别增长14.44%、11.98%、17.05%,归母净利润分别增长22.55%、28.56%、14.68%"),
            [
                ("科达利", "growth", "14.44%"),
                ("国轩高科", "growth", "11.98%"),
                ("欣旺达", "growth", "17.05%"),
                ("科达利", "growth", "22.55%"),
                ("国轩高科", "growth", "28.56%"),
                ("欣旺达", "growth", "14.68%"),
            ]
            .map(|(a, b, c)| (a.to_string(), b, c.to_string()))
        );
    }
}
