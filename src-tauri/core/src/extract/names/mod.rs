//! Mentions of companies, organisations, indices and people: a registry of known
//! entities with aliases across scripts, plus detection of unknown organisations
//! (company-name suffixes, English corporate names), of names by what the text says of
//! them, and of people (by title and speech verb). Aliases, titles and suffixes are found
//! in the article's one automaton pass.

mod context;
mod learned;
mod organisations;
mod people;
mod registry;
mod repeated;
mod shaped;

pub use registry::{Entity, Registry};

use super::kinds::EntityKind::{self, Company as C};
use super::lexicon::Hits;
use super::text::{ends_with_at, is_cjk, Span};
use super::words::names::DESCRIPTORS;

/// A mention before serialisation: code points [start, end) and the entity named.
#[derive(Debug, Clone, PartialEq)]
pub struct NameSpan {
    pub start: usize,
    pub end: usize,
    pub entity: String,
    pub kind: EntityKind,
}

/// The names of a text.
pub struct Names {
    /// Every mention, sorted, without overlaps.
    pub mentions: Vec<NameSpan>,
    /// Brackets holding a stock code or quote after a name: their numbers are no amounts.
    pub code_brackets: Vec<Span>,
}

/// All mentions of `text` (as `s` in chars, with `hits` from `registry.scan`, cut into
/// `sentences`), sorted, without overlaps (registry first, then the rules, then the
/// learned labeller).
pub fn mentions(text: &str, s: &[char], registry: &Registry, hits: &Hits, sentences: &[Span]) -> Names {
    let mut known = Vec::new();
    registry.find(s, hits, &mut known);
    let mut brackets = Vec::new();
    let mut kept = found_by_shape(s, hits, &known, &mut brackets);
    let mut proposed = Vec::new();
    learned::labelled(
        s,
        hits,
        sentences,
        |a, b| overlaps(&known, a, b) || overlaps(&kept, a, b),
        &mut proposed,
    );
    kept.extend(proposed);
    kept.sort_by_key(|m| m.start);
    full_names(s, &mut kept);
    named_in_brackets(s, &known, &mut kept);
    let aliases = shaped::introduced(s, &kept);
    let repeats = repeated::repeated_names(text, s, &known, &kept, &aliases);
    drop(aliases);
    known.extend(kept);
    known.extend(repeats);
    known.sort_by_key(|m| m.start);
    let code_brackets = brackets.into_iter().map(|(start, end)| Span { start, end }).collect();
    Names { mentions: known, code_brackets }
}

/// Names not in the registry (people, unknown firms), sorted, overlapping neither one
/// another nor the registry's matches `known`.
fn found_by_shape(
    s: &[char],
    hits: &Hits,
    known: &[NameSpan],
    brackets: &mut Vec<(usize, usize)>,
) -> Vec<NameSpan> {
    let taken = |a: usize, b: usize| overlaps(known, a, b);
    // Starts of capitalised ASCII words, where English names begin.
    let caps: Vec<usize> = (s.iter().enumerate())
        .filter(|&(i, c)| c.is_ascii_uppercase() && (i == 0 || !s[i - 1].is_ascii_alphanumeric()))
        .map(|(i, _)| i)
        .collect();
    let mut extra = Vec::new();
    shaped::coded(s, &mut extra, brackets);
    people::people(s, hits, &caps, known, &mut extra);
    context::quoted_names(s, hits, &mut extra);
    organisations::unknown_orgs(s, hits, &caps, &taken, &mut extra);
    context::moved_names(s, hits, &mut extra);
    context::funded_names(s, hits, &mut extra);
    context::described_orgs(s, &caps, &mut extra);
    shaped::after_descriptors(s, hits, &mut extra);
    shaped::clause_subjects(s, &caps, &mut extra);
    extra.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    // Extras are taken in start order, so only the furthest end among those kept can reach
    // a later one.
    let mut kept_end = 0;
    let mut kept: Vec<NameSpan> = Vec::new();
    for m in extra {
        if !taken(m.start, m.end) && m.start >= kept_end {
            kept_end = m.end;
            kept.push(m);
        }
    }
    // A phrase ending in a word for a firm right before a name describes that name
    // (推理芯片初创公司Positron): it is no firm of its own.
    let describes = |a: &NameSpan, b: &NameSpan| {
        b.start == a.end && DESCRIPTORS.iter().any(|w| ends_with_at(s, a.end, w).is_some())
    };
    let apposed: Vec<bool> = kept.windows(2).map(|w| describes(&w[0], &w[1])).chain([false]).collect();
    let mut apposed = apposed.into_iter();
    kept.retain(|_| !apposed.next().unwrap_or(false));
    kept
}

/// Does a mention of `list` (sorted, without overlaps) overlap [a, b)? The first ending
/// after `a` is the only one that can.
fn overlaps(list: &[NameSpan], a: usize, b: usize) -> bool {
    let k = list.partition_point(|m| m.end <= a);
    list.get(k).is_some_and(|m| m.start < b)
}

/// 星辰智能 (the stock's short name) is 杭州星辰智能科技股份有限公司 named in full; Longi
/// (found opening a clause) is Longi Green Energy Technology Co. Ltd. without its legal
/// and trade words.
fn full_names(s: &[char], kept: &mut [NameSpan]) {
    let text = |m: &NameSpan| s[m.start..m.end].iter().collect::<String>();
    let full: Vec<(String, String)> =
        kept.iter().filter(|m| m.kind == C).map(|m| (text(m), m.entity.clone())).collect();
    for m in kept.iter_mut().filter(|m| m.kind == C) {
        let own = text(m);
        let cjk = m.entity.chars().all(is_cjk);
        let shortens = |(t, f): &&(String, String)| {
            t.len() > own.len()
                && if cjk {
                    m.entity.chars().count() >= 3 && f.contains(&m.entity)
                } else {
                    repeated::forms(t).contains(&own.as_str())
                }
        };
        if let Some((_, f)) = full.iter().filter(shortens).max_by_key(|(t, _)| t.len()) {
            m.entity = f.clone();
        }
    }
}

/// Semiconductor Manufacturing International Corp (SMIC), 宁德时代新能源科技股份有限公司
/// （宁德时代）: a name spelled out before a known one in brackets is that one.
fn named_in_brackets(s: &[char], known: &[NameSpan], kept: &mut [NameSpan]) {
    for m in kept.iter_mut() {
        let open = m.end + usize::from(s.get(m.end) == Some(&' '));
        if !matches!(s.get(open), Some('(' | '（')) {
            continue;
        }
        let k = known.partition_point(|x| x.start <= open);
        if let Some(x) =
            known.get(k).filter(|x| x.start == open + 1 && matches!(s.get(x.end), Some(')' | '）')))
        {
            m.entity = x.entity.clone();
            m.kind = x.kind;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::lexicon::Group;
    use crate::extract::text::sentences;

    /// The names of `t` as the extractor finds them.
    fn names_of(t: &str, s: &[char], r: &Registry) -> Names {
        let hits = r.scan(t);
        let ends: Vec<usize> = hits.in_order(Group::SentenceEnd).iter().map(|&(at, _, _)| at).collect();
        mentions(t, s, r, &hits, &sentences(s, &ends))
    }

    fn run(t: &str) -> Vec<(String, String)> {
        let s: Vec<char> = t.chars().collect();
        let r = Registry::builtin();
        names_of(t, &s, r)
            .mentions
            .into_iter()
            .map(|m| (s[m.start..m.end].iter().collect(), m.entity))
            .collect()
    }

    #[test]
    fn aliases_across_scripts() {
        let got = run("月之暗面（Kimi）与 Moonshot AI、智谱 AI、Zhipu AI，半导体 ETF（512480）");
        let entities: Vec<&str> = got.iter().map(|(_, e)| e.as_str()).collect();
        assert_eq!(entities, ["月之暗面", "月之暗面", "月之暗面", "智谱", "智谱", "半导体ETF", "半导体ETF"]);
    }

    #[test]
    fn unknown_organisations_and_people() {
        let got =
            run("。谦询科技智库创始合伙人龚斌观察指出，东方证券分析师浦俊懿认为，Acme Robotics Inc. said.");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert!(texts.contains(&"谦询科技智库"), "{texts:?}");
        assert!(texts.contains(&"龚斌"), "{texts:?}");
        assert!(texts.contains(&"浦俊懿"), "{texts:?}");
        assert!(texts.contains(&"Acme Robotics Inc."), "{texts:?}");
    }

    #[test]
    fn names_found_by_their_context() {
        let got = run("。紫金矿业涨4.2%，汽车零部件企业华盛科技收涨36.5%，国企指数跌1.48%。");
        assert_eq!(
            got,
            [("紫金矿业".to_string(), "紫金矿业".to_string()), ("华盛科技".into(), "华盛科技".into())]
        );
        let got = run("。峰飞航空去年完成1亿美元B轮融资。");
        assert_eq!(got[0].0, "峰飞航空");
        let got = run("Galaxy General, a Beijing-based maker of robots, raised money. Medical start-up Kanghui AI raised more.\nWang Jun, a partner at an investment firm, said so.");
        // A person described by a role is no firm, though a firm is named after it.
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Galaxy General", "Kanghui AI"]);
        // Three quarters and pronouns are no firms before 公司.
        assert!(run("三季度公司单车净利提升，我们下调公司盈利预测").is_empty());
        assert!(run("报告期末公司总资产为4,350,072,904.84元，报告期内公司营收下降。").is_empty());
    }

    #[test]
    fn short_forms_and_bylines() {
        let got = run(
            "Lanshan Robotics Ltd. is for sale. Lanshan sells robots in Tokyo. Tokyo Electron Ltd. rose.",
        );
        let entities: Vec<(&str, &str)> = got.iter().map(|(t, e)| (t.as_str(), e.as_str())).collect();
        assert_eq!(
            entities,
            [
                ("Lanshan Robotics Ltd.", "Lanshan Robotics"),
                ("Lanshan", "Lanshan Robotics"),
                ("Tokyo Electron Ltd.", "Tokyo Electron")
            ]
        );
        let got = run("星辰智能公告\n杭州星辰智能科技股份有限公司董事会");
        assert!(got.iter().all(|(_, e)| e == "杭州星辰智能科技股份有限公司"), "{got:?}");
        let got = run("TAKESHI MORI, staff writer\n\nBy Daniel Wu and Mei Lin\n证券分析师：李明远");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["TAKESHI MORI", "Daniel Wu", "Mei Lin", "李明远"]);
    }

    #[test]
    fn names_found_by_the_shape_around_them() {
        // Before a stock code, after a quote in brackets; the brackets are set apart.
        let t = "北裕仪器（838239）公告。鼎胜新材(15.960,0.08,0.50%)(603876.SH)涨停。Ouster, Inc. (NYSE: OUST) rose.";
        let s: Vec<char> = t.chars().collect();
        let r = Registry::builtin();
        let names = names_of(t, &s, r);
        let got: Vec<(String, &str)> =
            names.mentions.iter().map(|m| (s[m.start..m.end].iter().collect(), m.entity.as_str())).collect();
        assert_eq!(
            got,
            [
                ("北裕仪器".into(), "北裕仪器"),
                ("鼎胜新材".into(), "鼎胜新材"),
                ("Ouster, Inc.".into(), "Ouster")
            ]
        );
        let brackets: Vec<String> =
            names.code_brackets.iter().map(|b| s[b.start..b.end].iter().collect()).collect();
        assert_eq!(brackets, ["（838239）", "(15.960,0.08,0.50%)(603876.SH)", "(NYSE: OUST)"]);
        // After a word for a firm, Latin or Chinese; not after a pronoun (该公司).
        let got = run("社群零售企业十荟团近日完成融资，AI芯片创企Groq获得投资，该公司表示满意。");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["十荟团", "Groq"]);
        // An English name opening a clause before what firms do; not a pronoun or a term.
        let got =
            run("Positron raised $23.5 million. This raised doubts. Tide (fintech), which landed a deal.");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["Positron", "Tide"]);
        // Short forms introduced for a name are that name; "the Company" is no alias.
        let got =
            run("青岛慧拓智能机器有限公司（以下简称“慧拓智能”）成立于2014年。慧拓智能的矿卡已投入运营。");
        assert_eq!(got.len(), 3, "{got:?}");
        assert!(got.iter().all(|(_, e)| e == "青岛慧拓智能机器有限公司"), "{got:?}");
        let got =
            run("Ouster, Inc. (NYSE: OUST) (“Ouster” or the “Company”) said so. Later, Ouster shipped.");
        assert!(got.iter().all(|(_, e)| e == "Ouster"), "{got:?}");
        assert_eq!(got.len(), 3, "{got:?}");
        // A name found again opening a clause is the longer name it shortens.
        let got =
            run("When Longi Green Energy Technology Co. Ltd. reported, all cheered. Longi posted a loss.");
        assert_eq!(
            got.last().map(|(t, e)| (t.as_str(), e.as_str())),
            Some(("Longi", "Longi Green Energy Technology"))
        );
    }

    #[test]
    fn names_stop_at_verbs_and_kinds_of_firm() {
        let texts = |t: &str| run(t).into_iter().map(|(t, _)| t).collect::<Vec<String>>();
        // A verb ends what comes before a name; a word for a kind of firm starts it.
        assert_eq!(texts("公司以自有资金收购宿迁市星辰投资有限公司。"), ["宿迁市星辰投资有限公司"]);
        assert_eq!(texts("具身智能企业穹彻智能完成新一轮融资。"), ["穹彻智能"]);
        // A phrase ending in a word for a firm describes the name right after it.
        assert_eq!(texts("推理芯片初创公司Positron宣布完成2350万美元种子轮融资。"), ["Positron"]);
        // A kind of firm is no name; 上涨 is one word.
        assert!(texts("一家晶片新創公司表示。").is_empty());
        assert_eq!(texts("。禾赛上涨3.01%。"), ["禾赛"]);
        assert!(texts("。同比下跌135.51%。").is_empty());
        // A firm's parties after a word for a firm are no firm.
        assert!(texts("归属于挂牌公司股东的净利润下降，公司员工增加。").is_empty());
    }

    #[test]
    fn a_firm_before_said_is_no_person() {
        // Two capitalised words before "said" are a person unless the second ends firms' names.
        let t = "Pioneer Motors said sales rose. Anna Berg said so.";
        let s: Vec<char> = t.chars().collect();
        let r = Registry::builtin();
        let people: Vec<String> = names_of(t, &s, r)
            .mentions
            .into_iter()
            .filter(|m| m.kind == EntityKind::Person)
            .map(|m| m.entity)
            .collect();
        assert_eq!(people, ["Anna Berg"]);
    }

    #[test]
    fn users_extend_the_registry() {
        let r =
            Registry::new(vec![Entity {
                name: "宇树科技".into(), kind: C, aliases: vec!["Unitree".into()]
            }]);
        let t = "Unitree 与宇树科技";
        let s: Vec<char> = t.chars().collect();
        let got: Vec<String> = names_of(t, &s, &r).mentions.into_iter().map(|m| m.entity).collect();
        assert_eq!(got, ["宇树科技", "宇树科技"]);
    }
}
