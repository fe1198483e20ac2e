//! Extraction on whole articles: our own fixtures in both languages, each with a table of
//! expected findings, and the canonical sample page where a checkout has it beside it.

use dossier_core::extract::{extract, EntityKind, Extraction};
use dossier_core::Metric;

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/extract");
/// The canonical sample page: a newspaper's article, so not in the repository. The one
/// check that reads it runs only where `../shared` is there, and says whether it ran.
const SHARED_SAMPLE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../../shared/samples/deepseek-market-zh.txt");
/// A newspaper page in the sample's style, written for these tests.
const PAGE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/newspaper/ai-market-page-zh.txt");

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0)
}

fn quantity_line(x: &Extraction, i: usize) -> String {
    let q = &x.quantities[i];
    let json = serde_json::to_value(q).unwrap();
    format!(
        "{} | {} | {} | {} | {} | {}",
        json["kind"].as_str().unwrap(),
        q.text,
        q.low,
        q.high,
        q.unit,
        json["qualifier"].as_str().unwrap()
    )
}

/// Offsets are code points and `text` is exactly the text they cover.
fn check_offsets(text: &str, x: &Extraction) {
    let chars: Vec<char> = text.chars().collect();
    let spans = x
        .quantities
        .iter()
        .map(|q| (q.start, q.end, &q.text))
        .chain(x.dates.iter().map(|d| (d.start, d.end, &d.text)))
        .chain(x.mentions.iter().map(|m| (m.start, m.end, &m.text)));
    for (a, b, t) in spans {
        assert_eq!(&chars[a..b].iter().collect::<String>(), t, "span {a}..{b}");
    }
    for f in &x.facts {
        assert!(f.quantity < x.quantities.len());
        assert!(text.contains(&f.quote), "quote not in text: {}", f.quote);
        assert!((0.0..=1.0).contains(&f.confidence));
    }
}

/// Checks one article against its expectation file; returns the misses.
fn check(text: &str, expect: &str) -> Vec<String> {
    let published = expect.lines().find_map(|l| l.strip_prefix("published: ")).map(str::trim);
    let x = extract(text, published);
    check_offsets(text, &x);
    let mut misses = Vec::new();
    let mut expected_quantities = 0;
    for line in expect.lines().filter(|l| !l.trim().is_empty() && !l.starts_with('#')) {
        let (tag, rest) = line.split_once(": ").unwrap_or_else(|| panic!("bad expectation line: {line}"));
        let f: Vec<&str> = rest.split('|').map(str::trim).collect();
        let fact_listed = || {
            x.facts.iter().any(|fact| {
                fact.subject == f[0]
                    && fact.metric.as_str() == f[1]
                    && x.quantities[fact.quantity].text == f[2]
                    && f.get(3).is_none_or(|d| d.is_empty() || fact.date.as_deref() == Some(*d))
                    && f.get(4).is_none_or(|r| r.is_empty() || fact.round.as_deref() == Some(*r))
                    && f.get(5)
                        .is_none_or(|inv| inv.split(',').all(|i| fact.investors.iter().any(|v| v == i)))
            })
        };
        let ok = match tag {
            "published" => true,
            "quantity" => {
                expected_quantities += 1;
                x.quantities.iter().any(|q| {
                    let json = serde_json::to_value(q).unwrap();
                    json["kind"] == f[0]
                        && q.text == f[1]
                        && close(q.low, f[2].parse().unwrap())
                        && close(q.high, f[3].parse().unwrap())
                        && q.unit == f[4]
                        && json["qualifier"] == f[5]
                })
            }
            "date" => x.dates.iter().any(|d| d.text == f[0] && d.value == f[1]),
            "mention" => x.mentions.iter().any(|m| m.text == f[0] && m.entity == f[1]),
            "person" => {
                x.mentions.iter().any(|m| m.text == f[0] && serde_json::to_value(m.kind).unwrap() == "person")
            }
            "lead" => x.facts.iter().any(|fact| fact.lead_investor.as_deref() == Some(f[0])),
            "fact" => fact_listed(),
            // A fact that must not be made (a wrong reading found before).
            "no fact" => !fact_listed(),
            _ => panic!("unknown tag {tag}"),
        };
        if !ok {
            misses.push(if tag == "no fact" { format!("made {rest}") } else { format!("missing {line}") });
        }
    }
    // Precision: every quantity found must be an expected one.
    if expected_quantities > 0 {
        for i in 0..x.quantities.len() {
            let l = quantity_line(&x, i);
            let listed = expect.lines().filter_map(|e| e.strip_prefix("quantity: ")).any(|e| {
                let f: Vec<&str> = e.split('|').map(str::trim).collect();
                f[1] == x.quantities[i].text
            });
            if !listed {
                misses.push(format!("unexpected quantity {l}"));
            }
        }
    }
    if !misses.is_empty() {
        for i in 0..x.quantities.len() {
            eprintln!("  found quantity: {}", quantity_line(&x, i));
        }
        for f in &x.facts {
            eprintln!(
                "  found fact: {} | {} | {} | {:?} | {:?} | {:?}",
                f.subject, f.metric, x.quantities[f.quantity].text, f.date, f.round, f.investors
            );
        }
    }
    misses
}

#[test]
fn fixtures_in_both_languages() {
    let mut names: Vec<_> = std::fs::read_dir(FIXTURES)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|e| e == "txt"))
        .collect();
    names.sort();
    assert!(names.len() >= 20, "expected at least 20 fixture articles, found {}", names.len());
    let mut failed = Vec::new();
    for path in names {
        let text = std::fs::read_to_string(&path).unwrap();
        let expect =
            std::fs::read_to_string(path.with_extension("expect")).expect("each fixture has a .expect file");
        let misses = check(&text, &expect);
        if !misses.is_empty() {
            failed.push(format!(
                "{}:\n    {}",
                path.file_name().unwrap().to_string_lossy(),
                misses.join("\n    ")
            ));
        }
    }
    assert!(failed.is_empty(), "\n{}", failed.join("\n"));
}

/// Said on the test run's own standard error, which the harness does not capture, so the
/// run shows whether the optional check ran.
fn announce(line: &str) {
    use std::io::Write;
    let _ = writeln!(std::io::stderr(), "{line}");
}

#[test]
fn shared_sample_page_where_present() {
    let Ok(text) = std::fs::read_to_string(SHARED_SAMPLE) else {
        announce(&format!("optional check not run: no shared sample page at {SHARED_SAMPLE}"));
        return;
    };
    announce(&format!("optional check ran: the shared sample page at {SHARED_SAMPLE}"));
    let expect = include_str!("../../../tests/fixtures/extract/sample-deepseek.expect");
    let misses = check(&text, expect);
    assert!(misses.is_empty(), "\n{}", misses.join("\n"));
}

/// (subject, metric, quantity text) of each fact.
fn fact_rows(x: &Extraction) -> Vec<(&str, &str, &str)> {
    x.facts
        .iter()
        .map(|f| (f.subject.as_str(), f.metric.as_str(), x.quantities[f.quantity].text.as_str()))
        .collect()
}

/// The quantity written `text` is found, and no fact is made of it.
fn assert_no_fact_on(x: &Extraction, text: &str) {
    assert!(x.quantities.iter().any(|q| q.text == text), "{text} in {:?}", x.quantities);
    assert!(!fact_rows(x).iter().any(|r| r.2 == text), "{text}: {:?}", fact_rows(x));
}

/// The date of the fact on the quantity written `text`, if there is such a fact.
fn date_of<'a>(x: &'a Extraction, text: &str) -> Option<Option<&'a str>> {
    x.facts.iter().find(|f| x.quantities[f.quantity].text == text).map(|f| f.date.as_deref())
}

#[test]
fn a_cited_report_is_not_about_the_names_before_the_citation() {
    // ChatGPT (OpenAI's) and 英伟达 come before 据 OpenAI 测算; the figure is the market's.
    let t = "罗明介绍，自 ChatGPT 发布以来，其训练依赖英伟达的芯片，据 OpenAI 测算，全球训练算力需求每年增长高达10倍。";
    assert_no_fact_on(&extract(t, Some("2025-02-14")), "高达10倍");
    // A pronoun inside the report still means the firm the sentence opened with.
    let x = extract("小米集团收涨5%，据 Wind 数据，其市值达1万亿港元。", Some("2025-02-14"));
    assert!(fact_rows(&x).contains(&("小米", "market_cap", "1万亿港元")), "{:?}", fact_rows(&x));
}

#[test]
fn a_volume_named_before_a_move_makes_it_growth() {
    let x = extract("比亚迪周一发布公告。据公司测算，比亚迪今年销量将增长20%。", Some("2025-02-14"));
    assert_eq!(fact_rows(&x), [("比亚迪", "growth", "20%")]);
    // Without a figure named, a company's bare move is its share price's.
    let x = extract("午后，比亚迪涨3.1%。", Some("2025-02-14"));
    assert_eq!(fact_rows(&x), [("比亚迪", "price_change", "3.1%")]);
}

#[test]
fn a_firm_figure_that_moves_is_growth() {
    let x = extract("摩尔线程本轮投后估值接近300亿元，较上一轮融资时上涨约25%。", Some("2025-02-14"));
    assert!(fact_rows(&x).contains(&("摩尔线程", "growth", "约25%")), "{:?}", fact_rows(&x));
    // A share or an index named keeps the move a price change.
    let x = extract("摩尔线程估值公布后，寒武纪股价上涨约5%。", Some("2025-02-14"));
    assert!(fact_rows(&x).contains(&("寒武纪", "price_change", "约5%")), "{:?}", fact_rows(&x));
}

#[test]
fn a_sum_to_date_takes_no_date_named_before_it() {
    let t = "摩尔线程成立于2020年10月，截至目前已累计融资超过百亿元。2024年12月，智谱获得30亿元融资。";
    let x = extract(t, Some("2025-02-14"));
    assert_eq!(date_of(&x, "超过百亿元"), Some(None), "{:?}", fact_rows(&x));
    assert_eq!(date_of(&x, "30亿元"), Some(Some("2024-12")), "{:?}", fact_rows(&x));
}

#[test]
fn investors_known_to_the_registry_lead_and_join_rounds() {
    let t = "摩尔线程完成25亿元融资，本轮由深创投领投，中国移动、君联资本跟投。";
    let x = extract(t, Some("2025-02-14"));
    let f = x.facts.iter().find(|f| f.metric == Metric::Funding).expect("a funding fact");
    assert_eq!(f.subject, "摩尔线程");
    assert_eq!(f.lead_investor.as_deref(), Some("深创投"));
    for investor in ["深创投", "中国移动", "君联资本"] {
        assert!(f.investors.iter().any(|i| i == investor), "{investor} in {:?}", f.investors);
    }
}

#[test]
fn a_sentence_about_the_round_after_it_names_more_investors() {
    let t = "Moonshot AI has raised about $1 billion in a round led by Alibaba Group. \
             The round, its largest to date, also drew Tencent and venture firm HongShan. \
             Moonshot was valued at $2.5 billion in February, backed by Meituan Dragonball.";
    let x = extract(t, Some("2025-02-14"));
    let f = x.facts.iter().find(|f| f.metric == Metric::Funding).expect("a funding fact");
    assert_eq!(f.investors, ["阿里巴巴", "腾讯", "红杉中国"], "{:?}", fact_rows(&x));
    assert_eq!(f.lead_investor.as_deref(), Some("阿里巴巴"));
}

#[test]
fn listed_firms_often_in_the_news_are_known_by_their_whole_name() {
    // 京东方 is not 京东 with a 方 after it; 金山办公 has no suffix to find it by.
    let t = "京东方2024年实现营业收入1983.81亿元；金山办公2024年实现营业收入51.21亿元。";
    let x = extract(t, Some("2025-02-14"));
    assert!(fact_rows(&x).contains(&("京东方", "revenue", "1983.81亿元")), "{:?}", fact_rows(&x));
    assert!(fact_rows(&x).contains(&("金山办公", "revenue", "51.21亿元")), "{:?}", fact_rows(&x));
}

#[test]
fn unknown_firms_and_funds_are_named_in_full() {
    // 同期 is when, not part of the name; a fund's long name is not cut at ten chars.
    let t = "宇树科技完成C轮融资。银河通用同期宣布完成5亿元新一轮融资，由北京市人工智能产业投资基金领投。";
    let x = extract(t, Some("2025-02-14"));
    let f = x.facts.iter().find(|f| f.metric == Metric::Funding).expect("a funding fact");
    assert_eq!(f.subject, "银河通用", "{:?}", fact_rows(&x));
    assert_eq!(f.lead_investor.as_deref(), Some("北京市人工智能产业投资基金"));
}

#[test]
fn a_title_inside_a_known_name_starts_no_person() {
    // 赛迪顾问 is a known name; 顾问 inside it is no title before a name.
    for t in ["据赛迪顾问数据，", "据赛迪顾问测算，", "赛迪顾问王牌团队"] {
        let x = extract(&format!("{t}2024年中国AI芯片市场规模达到1530亿元。"), Some("2025-02-14"));
        let people: Vec<&str> =
            x.mentions.iter().filter(|m| m.kind == EntityKind::Person).map(|m| m.text.as_str()).collect();
        assert!(people.is_empty(), "{t}: {people:?}");
    }
    let x = extract("投资顾问周明远表示，估值仍有空间。", Some("2025-02-14"));
    assert!(
        x.mentions.iter().any(|m| m.text == "周明远" && m.kind == EntityKind::Person),
        "{:?}",
        x.mentions
    );
}

#[test]
fn the_base_of_a_comparison_is_not_the_facts_date() {
    let x = extract("OpenAI年化收入已达到100亿美元，较去年的55亿美元接近翻倍。", Some("2025-02-14"));
    assert_eq!(date_of(&x, "100亿美元"), Some(None), "{:?}", fact_rows(&x));
    assert_eq!(date_of(&x, "55亿美元"), Some(Some("2024")), "{:?}", fact_rows(&x));
}

#[test]
fn a_name_spelled_out_before_a_known_one_in_brackets_is_that_one() {
    let t =
        "Semiconductor Manufacturing International Corp (SMIC) said net profit fell 38.4% to $107.6 million.";
    let x = extract(t, Some("2025-02-14"));
    let subjects: Vec<&str> = x.facts.iter().map(|f| f.subject.as_str()).collect();
    assert!(!subjects.is_empty() && subjects.iter().all(|&s| s == "中芯国际"), "{:?}", fact_rows(&x));
}

#[test]
fn a_price_earnings_multiple_is_no_figure_of_the_firm() {
    let t = "我们预计金山办公2025年营收为59.8亿元，对应市盈率78倍。";
    assert_no_fact_on(&extract(t, Some("2025-02-14")), "78倍");
}

#[test]
fn money_in_a_share_move_is_its_price_only_where_the_share_reaches_it() {
    let x = extract("Shares of Tencent rose 6.3% to HK$387.", Some("2025-02-14"));
    assert!(fact_rows(&x).contains(&("腾讯", "price", "HK$387")), "{:?}", fact_rows(&x));
    let t = "Shares of Tencent jumped 12% after it won an order worth about HK$2 billion.";
    let x = extract(t, Some("2025-02-14"));
    assert!(!fact_rows(&x).iter().any(|r| r.1 == "price"), "{:?}", fact_rows(&x));
}

#[test]
fn json_follows_the_contract() {
    let text = std::fs::read_to_string(PAGE).expect("the newspaper page fixture");
    let x = extract(&text, Some("2025-02-14"));
    let v = serde_json::to_value(&x).unwrap();
    for key in ["title", "language", "published", "quantities", "dates", "mentions", "facts"] {
        assert!(v.get(key).is_some(), "missing {key}");
    }
    assert_eq!(v["language"], "zh");
    assert_eq!(v["published"], "2025-02-14");
    let q = &v["quantities"][0];
    for key in ["kind", "text", "start", "end", "low", "high", "unit", "qualifier"] {
        assert!(q.get(key).is_some(), "quantity lacks {key}");
    }
    let f = &v["facts"][0];
    for key in ["subject", "metric", "quantity", "date", "round", "investors", "quote", "confidence"] {
        assert!(f.get(key).is_some(), "fact lacks {key}");
    }
    let m = &v["mentions"][0];
    for key in ["text", "start", "end", "entity", "kind"] {
        assert!(m.get(key).is_some(), "mention lacks {key}");
    }
}
