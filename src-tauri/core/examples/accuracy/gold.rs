//! The development set's documents and their gold facts, from three sources:
//! - `news`: articles annotated by hand (gold in `accuracy/news/gold.jsonl`, texts in
//!   `<data>/news/<id>.txt`, each checked against the sha256 recorded with its gold);
//! - `duee-fin`: DuEE-Fin training documents (`<data>/duee-fin/dev.json`, a pinned public
//!   copy; the ids kept are listed in `accuracy/duee-fin/ids.txt`), gold from their events;
//! - `fire`: FIRE's test sentences (vendored, CC BY 4.0), gold from their relations.

use super::amount;
use serde::Deserialize;
use sha2::{Digest, Sha256};
use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// One value of a gold fact, in base units.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Value {
    pub low: f64,
    pub high: f64,
    pub unit: String,
    /// The figure as written in the text (within the quote), where the extractor should
    /// find a quantity.
    #[serde(default)]
    pub figure: String,
}

#[derive(Debug, Clone, PartialEq)]
pub struct GoldFact {
    pub subject: String,
    /// Other names of the subject that count as the subject.
    pub aliases: Vec<String>,
    pub metric: String,
    /// The value; a second one when the text converts it (15亿美元（约合人民币110亿元）).
    pub values: Vec<Value>,
    pub date: Option<String>,
    /// Verbatim from the text, around the figure.
    pub quote: String,
}

/// How a predicted subject is compared with a gold one.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Names {
    /// Equal to the canonical name or an alias (after normalisation).
    Exact,
    /// One contains the other: for gold names that are spans as annotated, sometimes the
    /// full legal name, sometimes the short one (DuEE-Fin).
    Contained,
}

#[derive(Debug, Clone)]
pub struct Doc {
    pub set: &'static str,
    pub id: String,
    pub lang: &'static str,
    pub published: Option<String>,
    pub text: String,
    pub facts: Vec<GoldFact>,
    /// Only some figures are annotated: predictions are judged only on the figures of
    /// the gold facts.
    pub partial: bool,
    pub names: Names,
    /// DuEE-Fin's (investee, amount) pairs of 企业融资 events with an amount.
    pub financing: Vec<(String, Value)>,
}

/// HELD OUT when the first hex digit of sha256(id) is 0-4 (the team's rule).
pub fn held_out(id: &str) -> bool {
    let digest = Sha256::digest(id.as_bytes());
    digest[0] >> 4 <= 4
}

pub fn sha256_hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes).iter().map(|b| format!("{b:02x}")).collect()
}

// ---------------------------------------------------------------- news (annotated here)

#[derive(Deserialize)]
struct NewsDoc {
    id: String,
    lang: String,
    sha256: String,
    published: Option<String>,
    /// Canonical name -> aliases.
    #[serde(default)]
    entities: BTreeMap<String, Vec<String>>,
    facts: Vec<NewsFact>,
}

#[derive(Deserialize)]
struct NewsFact {
    subject: String,
    metric: String,
    low: f64,
    high: f64,
    unit: String,
    figure: String,
    #[serde(default)]
    also: Vec<Value>,
    /// Other entities an analyst may file the fact under: a deal's other party.
    #[serde(default)]
    also_subjects: Vec<String>,
    date: Option<String>,
    quote: String,
}

/// Parses the annotations (no texts): shared by the loader and the test of the file.
pub fn news_gold(jsonl: &str) -> Result<Vec<(Doc, String)>, String> {
    let mut out = Vec::new();
    for (n, line) in jsonl.lines().enumerate().filter(|(_, l)| !l.trim().is_empty()) {
        let d: NewsDoc = serde_json::from_str(line).map_err(|e| format!("gold line {}: {e}", n + 1))?;
        let lang = match d.lang.as_str() {
            "zh" => "zh",
            "en" => "en",
            other => return Err(format!("gold line {}: language {other}", n + 1)),
        };
        let facts = d
            .facts
            .into_iter()
            .map(|f| {
                let mut aliases = d.entities.get(&f.subject).cloned().unwrap_or_default();
                for other in &f.also_subjects {
                    aliases.push(other.clone());
                    aliases.extend(d.entities.get(other).cloned().unwrap_or_default());
                }
                let first = Value { low: f.low, high: f.high, unit: f.unit, figure: f.figure };
                GoldFact {
                    subject: f.subject,
                    aliases,
                    metric: f.metric,
                    values: std::iter::once(first).chain(f.also).collect(),
                    date: f.date,
                    quote: f.quote,
                }
            })
            .collect();
        let doc = Doc {
            set: if lang == "zh" { "news-zh" } else { "news-en" },
            id: d.id,
            lang,
            published: d.published,
            text: String::new(),
            facts,
            partial: false,
            names: Names::Exact,
            financing: Vec::new(),
        };
        out.push((doc, d.sha256));
    }
    Ok(out)
}

/// The annotated articles whose texts are in `texts`, and the ids of those whose texts are
/// absent (a copy of the data may lack some; the report says which, and scores the rest). A
/// text present but changed is an error: its annotations would be scored against other words.
pub fn news(gold_path: &Path, texts: &Path) -> Result<(Vec<Doc>, Vec<String>), String> {
    let jsonl = fs::read_to_string(gold_path).map_err(|e| format!("{}: {e}", gold_path.display()))?;
    let mut docs = Vec::new();
    let mut absent = Vec::new();
    for (mut doc, sha) in news_gold(&jsonl)? {
        let path = texts.join(format!("{}.txt", doc.id));
        let bytes = match fs::read(&path) {
            Ok(b) => b,
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                absent.push(doc.id);
                continue;
            }
            Err(e) => return Err(format!("{}: {e}", path.display())),
        };
        if sha256_hex(&bytes) != sha {
            return Err(format!("{}: not the text annotated (sha256 differs)", path.display()));
        }
        doc.text = String::from_utf8(bytes).map_err(|_| format!("{}: not UTF-8", path.display()))?;
        docs.push(doc);
    }
    Ok((docs, absent))
}

// ---------------------------------------------------------------- DuEE-Fin (train part)

/// sha256 of the pinned file: HuipengXu/DuEE-fin-ChatGLM-6B, commit 2280afc, DuEE_fin/dev.json.
pub const DUEE_SHA256: &str = "c073184be3a06f6293383d5c4ef195fec4cd7ae463d5be524e969b09788ed431";

#[derive(Deserialize)]
struct DueeLine {
    text: String,
    answer: String,
}

/// A document's id: the first 32 hex digits of sha256 of its text (the copy has no ids).
pub fn duee_id(text: &str) -> String {
    sha256_hex(text.as_bytes())[..32].to_string()
}

pub fn duee(file: &Path, ids: &str) -> Result<Vec<Doc>, String> {
    let bytes = fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
    if sha256_hex(&bytes) != DUEE_SHA256 {
        return Err(format!("{}: not the pinned copy (sha256 differs)", file.display()));
    }
    let keep: std::collections::BTreeSet<&str> =
        ids.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let mut docs = Vec::new();
    for line in String::from_utf8_lossy(&bytes).lines().filter(|l| !l.trim().is_empty()) {
        let l: DueeLine = serde_json::from_str(line).map_err(|e| format!("{}: {e}", file.display()))?;
        let id = duee_id(&l.text);
        if !keep.contains(id.as_str()) {
            continue; // a document of DuEE-Fin's dev split: never used
        }
        let (facts, financing) = duee_gold(&l.answer);
        docs.push(Doc {
            set: "duee-fin",
            id,
            lang: "zh",
            published: None,
            text: l.text,
            facts,
            partial: true,
            names: Names::Contained,
            financing,
        });
    }
    if docs.len() != keep.len() {
        return Err(format!(
            "{}: {} of the {} listed documents found",
            file.display(),
            docs.len(),
            keep.len()
        ));
    }
    Ok(docs)
}

/// DuEE-Fin's role names, to split an answer's `argument_role,argument_role` list whose
/// arguments may hold commas (60,000.00万元).
const DUEE_ROLES: &[&str] = &[
    "上市公司",
    "中标公司",
    "中标日期",
    "中标标的",
    "中标金额",
    "事件时间",
    "亏损变化",
    "交易完成时间",
    "交易股票/股份数量",
    "交易金额",
    "任职公司",
    "债务规模",
    "债权人",
    "公司名称",
    "净亏损",
    "减持方",
    "减持部分占总股本比例",
    "减持部分占所持比例",
    "募资金额",
    "占公司总股本比例",
    "发行价格",
    "变动后公司名称",
    "变动后职位",
    "变动类型",
    "回购完成时间",
    "回购方",
    "回购股份数量",
    "增持方",
    "增持部分占总股本比例",
    "增持部分占所持比例",
    "市值",
    "投资方",
    "披露日期",
    "披露时间",
    "招标方",
    "收购完成时间",
    "收购方",
    "收购标的",
    "每股交易价格",
    "环节",
    "破产公司",
    "破产时间",
    "约谈机构",
    "股票简称",
    "融资轮次",
    "融资金额",
    "被投资方",
    "被收购方",
    "被约谈时间",
    "证券代码",
    "财报周期",
    "质押方",
    "质押物",
    "质押物占总股比",
    "质押物占持股比",
    "质押物所属公司",
    "质押股票/股份数量",
    "质权方",
    "领投方",
    "高管姓名",
    "高管职位",
];

/// One event line `type#arg_role,arg_role,...` as (type, [(role, argument)]).
fn duee_event(line: &str) -> (&str, Vec<(&str, String)>) {
    let (kind, rest) = line.split_once('#').unwrap_or((line, ""));
    let mut args = Vec::new();
    let mut pending = String::new();
    for piece in rest.split(',') {
        if !pending.is_empty() {
            pending.push(',');
        }
        pending.push_str(piece);
        if let Some(role) = DUEE_ROLES.iter().find(|r| pending.ends_with(&format!("_{r}"))) {
            let arg = pending[..pending.len() - role.len() - 1].to_string();
            args.push((*role, arg));
            pending.clear();
        }
    }
    (kind, args)
}

/// Gold facts of a DuEE-Fin answer: 企业融资 融资金额 (funding of 被投资方), 企业收购
/// 交易金额 (deal_value of 收购方, 被收购方 also accepted), 公司上市 募资金额 / 市值 /
/// 发行价格 (proceeds / market_cap / price of 上市公司), 亏损 净亏损 (loss of 公司名称).
/// Other events (buy-backs, pledges, tenders ...) have no metric in the contract.
fn duee_gold(answer: &str) -> (Vec<GoldFact>, Vec<(String, Value)>) {
    const FIGURES: &[(&str, &str, &str, &str)] = &[
        ("企业融资", "融资金额", "被投资方", "funding"),
        ("企业收购", "交易金额", "收购方", "deal_value"),
        ("公司上市", "募资金额", "上市公司", "proceeds"),
        ("公司上市", "市值", "上市公司", "market_cap"),
        ("公司上市", "发行价格", "上市公司", "price"),
        ("亏损", "净亏损", "公司名称", "loss"),
    ];
    let mut facts: Vec<GoldFact> = Vec::new();
    let mut financing = Vec::new();
    for line in answer.lines() {
        let (kind, args) = duee_event(line);
        let all =
            |role: &str| args.iter().filter(|(r, _)| *r == role).map(|(_, a)| a.clone()).collect::<Vec<_>>();
        for &(_, figure_role, subject_role, metric) in FIGURES.iter().filter(|f| f.0 == kind) {
            let others = if metric == "deal_value" { all("被收购方") } else { Vec::new() };
            for figure in all(figure_role) {
                let Some(a) = amount::parse(&figure) else { continue };
                let value = Value { low: a.low, high: a.high, unit: a.unit, figure: figure.clone() };
                for subject in all(subject_role) {
                    if metric == "funding" {
                        financing.push((subject.clone(), value.clone()));
                    }
                    let fact = GoldFact {
                        subject,
                        aliases: others.clone(),
                        metric: metric.to_string(),
                        values: vec![value.clone()],
                        date: None,
                        quote: figure.clone(),
                    };
                    // The same event annotated twice is one fact.
                    if !facts.iter().any(|f| {
                        f.subject == fact.subject && f.metric == fact.metric && f.values == fact.values
                    }) {
                        facts.push(fact);
                    }
                }
            }
        }
    }
    financing.dedup();
    (facts, financing)
}

// ---------------------------------------------------------------- FIRE (test split)

#[derive(Deserialize)]
struct FireSentence {
    tokens: Vec<String>,
    entities: Vec<FireEntity>,
    relations: Vec<FireRelation>,
    orig_id: u64,
}

#[derive(Deserialize)]
struct FireEntity {
    #[serde(rename = "type")]
    kind: String,
    start: usize,
    end: usize,
}

#[derive(Deserialize)]
struct FireRelation {
    head: usize,
    tail: usize,
    #[serde(rename = "type")]
    kind: String,
}

/// Tokens joined as the sentence was written: no space before closing punctuation or
/// after `$` and opening brackets. Returns the text and each token's char span.
fn detokenize(tokens: &[String]) -> (String, Vec<(usize, usize)>) {
    let mut text = String::new();
    let mut spans = Vec::new();
    let mut len = 0;
    let mut glue_next = true;
    for t in tokens {
        let closing =
            matches!(t.as_str(), "," | "." | "%" | ")" | ";" | ":" | "'s" | "n't" | "?" | "!" | "'");
        if !glue_next && !closing {
            text.push(' ');
            len += 1;
        }
        let start = len;
        text.push_str(t);
        len += t.chars().count();
        spans.push((start, len));
        glue_next = matches!(t.as_str(), "$" | "(" | "US$" | "€" | "£" | "C$" | "A$" | "HK$");
    }
    (text, spans)
}

/// The metric a FIRE FinancialEntity names, if the contract has one for it.
fn fire_metric(entity: &str, change: bool, percent: bool) -> Option<&'static str> {
    let e = entity.to_lowercase();
    let has = |w: &[&str]| w.iter().any(|x| e.contains(x));
    if change {
        // A move of a share price, or a figure's growth, given as a percentage.
        if !percent {
            return None;
        }
        return Some(if has(&["share", "stock", "price"]) { "price_change" } else { "growth" });
    }
    if has(&["market share"]) {
        return percent.then_some("share");
    }
    if percent {
        return has(&["margin"]).then_some("margin");
    }
    Some(if has(&["share", "stock"]) {
        "price"
    } else if has(&["bid"]) {
        "deal_value"
    } else if has(&["revenue", "sales", "turnover"]) {
        "revenue"
    } else if has(&["loss"]) {
        "loss"
    } else if has(&["net income", "profit", "earnings"]) {
        "profit"
    } else if has(&["market cap", "market value"]) {
        "market_cap"
    } else if has(&["valuation"]) {
        "valuation"
    } else if has(&["cost", "expense"]) {
        "cost"
    } else if has(&["funding", "financing"]) {
        "funding"
    } else {
        return None;
    })
}

/// Subjects no extractor can name (the company, we): such facts are left out.
fn anonymous(name: &str) -> bool {
    let n = name.to_lowercase();
    let n = n.trim_start_matches("the ");
    matches!(
        n,
        "company" | "companies" | "we" | "our" | "us" | "it" | "registrant" | "group" | "bank" | "firm"
    )
}

pub fn fire(json: &str) -> Result<Vec<Doc>, String> {
    let sentences: Vec<FireSentence> = serde_json::from_str(json).map_err(|e| format!("FIRE: {e}"))?;
    let mut docs = Vec::new();
    for s in sentences {
        let (text, spans) = detokenize(&s.tokens);
        let words = |e: &FireEntity| -> String {
            let chars: Vec<char> = text.chars().collect();
            chars[spans[e.start].0..spans[e.end - 1].1].iter().collect()
        };
        let mut facts = Vec::new();
        for (i, fe) in s.entities.iter().enumerate().filter(|(_, e)| e.kind == "FinancialEntity") {
            let owners: Vec<String> = s
                .relations
                .iter()
                .filter(|r| r.head == i && r.kind == "Propertyof" && s.entities[r.tail].kind == "Company")
                .map(|r| words(&s.entities[r.tail]))
                .filter(|n| !anonymous(n))
                .collect();
            for r in s.relations.iter().filter(|r| r.head == i) {
                let change = r.kind.starts_with("ValueChange");
                if r.kind != "Value" && !change {
                    continue;
                }
                let target = &s.entities[r.tail];
                if !matches!(target.kind.as_str(), "Money" | "Quantity") {
                    continue;
                }
                // "1.3 mln euro ( $ 1.7 mln )": the amount before its conversion.
                let figure = words(target).split(" (").next().unwrap_or_default().trim().to_string();
                let Some(a) = amount::parse(&figure) else { continue };
                let Some(metric) = fire_metric(&words(fe), change, a.unit == "%") else { continue };
                // A fall given as a positive percentage is recorded as written.
                let value = Value { low: a.low, high: a.high, unit: a.unit, figure: figure.clone() };
                for owner in &owners {
                    facts.push(GoldFact {
                        subject: owner.clone(),
                        aliases: Vec::new(),
                        metric: metric.to_string(),
                        values: vec![value.clone()],
                        date: None,
                        quote: text.clone(),
                    });
                }
            }
        }
        docs.push(Doc {
            set: "fire",
            id: format!("fire-test-{}", s.orig_id),
            lang: "en",
            published: None,
            text,
            facts,
            partial: true,
            names: Names::Exact,
            financing: Vec::new(),
        });
    }
    Ok(docs)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::Metric;

    #[test]
    fn split_rule() {
        // sha256("a") starts with ca: TUNE; sha256("b") starts with 3e: HELD OUT.
        assert!(!held_out("a"));
        assert!(held_out("b"));
    }

    #[test]
    fn duee_answer_with_commas_in_amounts() {
        let (facts, financing) = duee_gold(
            "企业收购#科创新源_收购方,60,000.00万元_交易金额,东创精密_被收购方\n企业融资#甲科技_被投资方,数千万元_融资金额,A_融资轮次",
        );
        assert_eq!(facts.len(), 2);
        assert_eq!(facts[0].subject, "科创新源");
        assert_eq!(facts[0].aliases, vec!["东创精密".to_string()]);
        assert_eq!(facts[0].values[0].low, 6e8);
        assert_eq!(facts[1].metric, "funding");
        assert_eq!(financing.len(), 1);
        assert_eq!((financing[0].1.low, financing[0].1.high), (1e7, 1e8));
    }

    /// Metrics the gold uses for what the contract lacks yet (see the guidelines).
    const NEEDED: &[&str] = &["funding_to_date", "debt"];

    #[test]
    fn news_gold_is_well_formed() {
        let docs = news_gold(include_str!("../../accuracy/news/gold.jsonl")).expect("gold parses");
        assert!(docs.iter().filter(|(d, _)| d.lang == "zh").count() >= 20);
        assert!(docs.iter().filter(|(d, _)| d.lang == "en").count() >= 20);
        let mut ids = std::collections::BTreeSet::new();
        for (d, sha) in &docs {
            assert!(ids.insert(d.id.clone()), "{}: id twice", d.id);
            assert_eq!(sha.len(), 64, "{}", d.id);
            assert!(!d.facts.is_empty(), "{}: no facts", d.id);
            for f in &d.facts {
                let m = f.metric.as_str();
                assert!(m.parse::<Metric>().is_ok() || NEEDED.contains(&m), "{}: metric {m}", d.id);
                assert!(!f.subject.trim().is_empty() && !f.quote.is_empty(), "{}", d.id);
                for v in &f.values {
                    assert!(v.low <= v.high && v.low.is_finite() && v.high.is_finite(), "{}: {v:?}", d.id);
                    assert!(!v.figure.is_empty(), "{}: a value without its figure", d.id);
                }
                assert!(f.quote.contains(&f.values[0].figure), "{}: figure outside quote", d.id);
            }
        }
    }

    #[test]
    fn fire_gold_has_facts() {
        let docs = fire(include_str!("../../accuracy/fire/fire_test.json")).expect("FIRE parses");
        assert_eq!(docs.len(), 454);
        let facts: usize = docs.iter().map(|d| d.facts.len()).sum();
        // FIRE names the owner of few figures (most say "the Company"): a small set.
        assert!(facts >= 10, "{facts} FIRE facts");
    }

    #[test]
    fn fire_tokens_rejoined() {
        let toks: Vec<String> = ["Revenue", "rose", "14", "%", "to", "$", "2.5", "billion", "."]
            .iter()
            .map(|s| s.to_string())
            .collect();
        assert_eq!(detokenize(&toks).0, "Revenue rose 14% to $2.5 billion.");
    }
}
