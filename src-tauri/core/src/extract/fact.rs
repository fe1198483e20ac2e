//! Facts: a quantity with the metric its context names, the subject it belongs to, its
//! date, funding round, investors and the sentence that states it.

use std::cell::Cell;

use super::cue::{Cues, Group};
use super::date::D;
use super::mention::{EntityKind, M};
use super::quantity::{QuantityKind, Q};
use super::text::{clause_end, clause_start, ends_with_at, starts_with_at, Span};

#[derive(Debug, Clone, PartialEq)]
pub struct F {
    pub subject: String,
    pub metric: &'static str,
    pub quantity: usize,
    pub date: Option<String>,
    pub round: Option<String>,
    pub investors: Vec<String>,
    pub lead_investor: Option<String>,
    pub quote: Span,
    pub confidence: f64,
}

/// Words that name a metric; the nearest to the quantity wins. Percentages only take the
/// metrics that a percentage can express, amounts only those an amount can.
const METRIC_WORDS: &[(&str, &str)] = &[
    ("估值", "valuation"),
    ("valuation", "valuation"),
    ("valued", "valuation"),
    ("valuing", "valuation"),
    ("value", "valuation"),
    ("values", "valuation"),
    ("募资", "proceeds"),
    ("募集资金", "proceeds"),
    ("proceeds", "proceeds"),
    ("融资", "funding"),
    ("raised", "funding"),
    ("raising", "funding"),
    ("raises", "funding"),
    ("raise", "funding"),
    ("funding", "funding"),
    ("financing", "funding"),
    ("round", "funding"),
    ("市值", "market_cap"),
    ("market cap", "market_cap"),
    ("market value", "market_cap"),
    ("营业收入", "revenue"),
    ("營業收入", "revenue"),
    ("營收", "revenue"),
    ("营收", "revenue"),
    ("收入", "revenue"),
    ("销售额", "revenue"),
    ("revenue", "revenue"),
    ("sales", "revenue"),
    ("净利润", "profit"),
    ("淨利", "profit"),
    ("營業利益", "profit"),
    ("利润", "profit"),
    ("净利", "profit"),
    ("盈利", "profit"),
    ("profit", "profit"),
    ("net income", "profit"),
    ("earnings", "profit"),
    ("亏损", "loss"),
    ("净亏损", "loss"),
    ("net loss", "loss"),
    ("loss", "loss"),
    ("市场规模", "market_size"),
    ("规模", "market_size"),
    ("market size", "market_size"),
    ("market", "market_size"),
    ("日活", "users"),
    ("月活", "users"),
    ("DAU", "users"),
    ("MAU", "users"),
    ("用户", "users"),
    ("users", "users"),
    ("subscribers", "users"),
    ("customers", "users"),
    ("复合增长率", "growth"),
    ("同比增长", "growth"),
    ("同比增", "growth"),
    ("同比减少", "growth"),
    ("同比下降", "growth"),
    ("环比增长", "growth"),
    // Taiwan: 月增1.2%、年增16.9%, 成長兩成.
    ("年增", "growth"),
    ("月增", "growth"),
    ("年減", "growth"),
    ("月減", "growth"),
    ("成長", "growth"),
    ("增长", "growth"),
    ("增速", "growth"),
    ("增幅", "growth"),
    ("下降", "growth"),
    ("CAGR", "growth"),
    ("grew", "growth"),
    ("gained", "growth"),
    ("declined", "growth"),
    ("dropped", "growth"),
    ("slid", "growth"),
    ("rallied", "growth"),
    ("plunged", "growth"),
    ("soared", "growth"),
    ("year earlier", "growth"),
    ("rose", "growth"),
    ("risen", "growth"),
    ("fallen", "growth"),
    // 0.4% higher; "lost" money is a loss, a lost percentage a fall.
    ("higher", "growth"),
    ("lower", "growth"),
    ("lost", "growth"),
    ("lost", "loss"),
    ("gave up", "growth"),
    ("shed", "growth"),
    ("added", "growth"),
    ("advanced", "growth"),
    ("eased", "growth"),
    ("fell", "growth"),
    ("up", "growth"),
    ("down", "growth"),
    ("increase", "growth"),
    ("growth", "growth"),
    ("year on year", "growth"),
    ("year-on-year", "growth"),
    ("收涨", "price_change"),
    ("收跌", "price_change"),
    ("上涨", "price_change"),
    ("下跌", "price_change"),
    ("涨幅", "price_change"),
    ("跌幅", "price_change"),
    ("大涨", "price_change"),
    ("大跌", "price_change"),
    ("涨停", "price_change"),
    ("涨", "price_change"),
    ("高开", "price_change"),
    ("低开", "price_change"),
    ("跌", "price_change"),
    ("shares rose", "price_change"),
    ("shares fell", "price_change"),
    ("jumped", "price_change"),
    ("surged", "price_change"),
    ("slumped", "price_change"),
    ("tumbled", "price_change"),
    ("climbed", "price_change"),
    ("成交额", "turnover"),
    ("成交量", "turnover"),
    ("turnover", "turnover"),
    ("trading volume", "turnover"),
    ("毛利率", "margin"),
    ("净利率", "margin"),
    ("利润率", "margin"),
    ("gross margin", "margin"),
    ("operating margin", "margin"),
    ("margin", "margin"),
    ("成本", "cost"),
    ("cost", "cost"),
    ("expenses", "cost"),
    ("费用", "cost"),
    ("capital expenditure", "cost"),
    ("capex", "cost"),
    ("spend", "cost"),
    ("资本开支", "cost"),
    ("售价", "price"),
    ("股价", "price"),
    ("价格", "price"),
    ("每股", "price"),
    ("发行价", "price"),
    ("目标价", "price"),
    ("目標價", "price"),
    ("股價", "price"),
    // 腾讯控股跌1.9%，报598港元: the price a share closed at.
    ("收报", "price"),
    ("招股价", "price"),
    ("price target", "price"),
    ("price", "price"),
    ("priced", "price"),
    ("市场份额", "share"),
    ("份额", "share"),
    ("市占率", "share"),
    ("占比", "share"),
    // 占总营收的七成: a part of a whole.
    ("占", "share"),
    ("market share", "share"),
    ("stake", "share"),
    ("accounted for", "share"),
    ("accounting for", "share"),
    ("account for", "share"),
    ("交易金额", "deal_value"),
    ("交易对价", "deal_value"),
    ("收购", "deal_value"),
    ("并购", "deal_value"),
    ("作价", "deal_value"),
    ("acquisition", "deal_value"),
    ("acquire", "deal_value"),
    ("bought", "deal_value"),
    ("agreed to buy", "deal_value"),
    ("takeover", "deal_value"),
    ("deal", "deal_value"),
    // Ratios of a price to earnings or book (对应市盈率78倍): no figure of the firm's own.
    ("市盈率", "other"),
    ("市净率", "other"),
    ("市销率", "other"),
    ("P/E", "other"),
    ("price-to-earnings", "other"),
];

/// Words before a number that make a bare magnitude a count of users.
pub const USER_WORDS: &[(&str, &str)] = &[
    ("用户", "用户"),
    ("日活", "用户"),
    ("月活", "用户"),
    ("users", "users"),
    ("DAU", "users"),
    ("MAU", "users"),
];

/// Single cue words, addressed by the constants below.
const MARKERS: &[&str] = &[
    "市场规模",
    " market",
    "领投",
    "led by",
    "跟投",
    "参投",
    "initial public offering",
    "招股",
    "上市",
    "listing",
    "分别",
    "respectively",
    "加注",
    "目前",
    "至今",
    "迄今",
    "to date",
    "so far",
];
const MARKET_SIZE: usize = 0;
const MARKET: usize = 1;
const LEAD: usize = 2;
const LED_BY: usize = 3;
const FOLLOW: usize = 4;
const JOIN: usize = 5;
/// Words of a stock-market listing: money raised there is IPO proceeds.
const LISTING: std::ops::Range<usize> = 6..10;
/// 分别, then "respectively" (which follows the amounts).
const RESPECTIVELY: usize = 10;
/// An existing investor putting in more (老股东IDG资本持续加注).
const TOP_UP: usize = 12;
/// Now (累计融资至今, has raised to date): a figure as of the article, not of a date
/// named earlier in its sentence.
const NOW: std::ops::Range<usize> = 13..18;

/// Words that make a percentage move a price change (shares, index, ETF).
const STOCK_WORDS: &[&str] = &["shares", "Shares", "stock", "股价", "指数", "Index", "ETF"];
/// The stock words that name a company's shares (not an index or a fund).
const SHARE_WORDS: std::ops::Range<usize> = 0..4;

/// Cue word groups, in the order of `cue_groups`.
const METRIC: Group = Group(0);
const INVESTOR: Group = Group(1);
const ANAPHOR: Group = Group(2);
const ROUND: Group = Group(3);
const STOCK: Group = Group(4);
const MARKER: Group = Group(5);
pub const USERS: Group = Group(6);
const VOLUME: Group = Group(7);

/// Number of groups of fact building's cue words; other modules' groups follow them.
pub const GROUPS: usize = 8;

/// Volumes a firm reports (比亚迪销量增长20%, Tesla's deliveries rose 5%): a figure named
/// before a move, so that the move is growth, not the share price's.
const VOLUME_WORDS: &[&str] = &[
    "销量",
    "销售量",
    "出货量",
    "交付量",
    "产量",
    "订单量",
    "装机量",
    "sales volume",
    "shipments",
    "deliveries",
    "output",
];

/// The cue words of fact building, as groups `Group(0)` .. `Group(GROUPS - 1)` of a
/// lexicon, with whether each group ignores ASCII case.
pub fn cue_groups() -> Vec<(Vec<&'static str>, bool)> {
    vec![
        // Metric words are matched in any case (Revenue, revenue).
        (METRIC_WORDS.iter().map(|&(w, _)| w).collect(), true),
        (INVESTOR_CUES.to_vec(), false),
        (ANAPHORA.to_vec(), false),
        (ROUNDS.to_vec(), false),
        (STOCK_WORDS.to_vec(), false),
        (MARKERS.to_vec(), false),
        (USER_WORDS.iter().map(|&(w, _)| w).collect(), false),
        (VOLUME_WORDS.to_vec(), true),
    ]
}

/// Is a volume, or a metric word `counts` takes (word, metric), named in `[from, to)`?
fn figure_named(cues: &Cues, from: usize, to: usize, counts: impl Fn(&str, &str) -> bool) -> bool {
    cues.find_any(VOLUME, from, to).is_some()
        || cues.within(METRIC, from, to).any(|(_, k)| counts(METRIC_WORDS[k].0, METRIC_WORDS[k].1))
}

/// Is a figure (revenue, profit, users ... not a verb of change) named in `[from, to)`?
fn named_figure(cues: &Cues, from: usize, to: usize) -> bool {
    figure_named(cues, from, to, |w, m| {
        let verb = matches!(m, "growth" | "price_change")
            && !matches!(w, "增速" | "增幅" | "growth" | "CAGR")
            || w == "lost";
        !verb
    })
}

/// Figures a firm reports about itself, not its share price or market value.
const FIRM_METRICS: &[&str] =
    &["valuation", "revenue", "profit", "loss", "market_size", "users", "funding", "proceeds"];

/// Is a figure a firm reports about itself (valuation, revenue, users, a round, a volume
/// ...) named in `[from, to)`?
fn firm_figure(cues: &Cues, from: usize, to: usize) -> bool {
    figure_named(cues, from, to, |_, m| FIRM_METRICS.contains(&m))
}

fn metric_fits(metric: &str, q: &Q) -> bool {
    if metric == "other" {
        return true;
    }
    match q.kind {
        QuantityKind::Percent => {
            matches!(metric, "growth" | "price_change" | "share" | "profit" | "cost" | "margin")
        }
        // A fraction of a valuation or an audience compares it with another (相当于 OpenAI
        // 估值的一半): no value of its own. Grown 20 times over is growth.
        QuantityKind::Multiple if q.high < 1.0 => matches!(metric, "growth" | "cost"),
        QuantityKind::Multiple => {
            matches!(metric, "growth" | "cost" | "users" | "revenue" | "valuation")
        }
        // A count of shares traded is turnover (成交量 8亿股, volume of 800 million shares).
        QuantityKind::Count => matches!(metric, "users" | "turnover"),
        // Money does not move like a share price (revenue climbed to $5bn is revenue).
        QuantityKind::Money => !matches!(metric, "users" | "growth" | "share" | "margin" | "price_change"),
    }
}

/// Nearest metric word to `q` in `[from, to)`, as (distance, metric). `present` lists the
/// metric words that occur there.
fn nearest_metric(
    s: &[char],
    cues: &Cues,
    present: &[usize],
    from: usize,
    to: usize,
    q: &Q,
) -> Option<(usize, &'static str)> {
    let mut best: Option<(usize, &'static str, usize)> = None;
    // Shares rose 6.3% to 3,870 yen, 股价涨至12元: money a moving share reaches is its price
    // (an order worth HK$2 billion in the same clause is not).
    let reached = q.kind == QuantityKind::Money
        && ["to ", "at ", "报", "至", "到", "收于"].iter().any(|w| ends_with_at(s, q.start, w).is_some())
        && cues.find_any(STOCK, from, to).is_some();
    for &k in present {
        let (w, m) = METRIC_WORDS[k];
        let share_moved = reached && matches!(m, "price_change" | "growth");
        let m = if share_moved { "price" } else { m };
        if !metric_fits(m, q) {
            continue;
        }
        let hits = [cues.rfind(METRIC, k, from, q.start.min(to)), cues.find(METRIC, k, q.end.min(to), to)];
        if hits == [None, None] {
            continue;
        }
        let wl = w.chars().count();
        let ascii = w.is_ascii();
        for h in hits.into_iter().flatten() {
            if ascii
                && (h > 0 && s[h - 1].is_ascii_alphabetic()
                    || s.get(h + wl).is_some_and(|c| c.is_ascii_alphabetic() && *c != 's'))
            {
                continue;
            }
            // Words after the amount count only when close (30亿元人民币融资).
            let dist = if h >= q.end { (h - q.end) * 2 + 1 } else { q.start - (h + wl) };
            if h >= q.end && h - q.end > if ascii { 14 } else { 8 } {
                continue;
            }
            // Longer words win ties (市场规模 over 市场, 同比增长 over 增长).
            if best.is_none_or(|(d, _, l)| dist < d || dist == d && wl > l) {
                best = Some((dist, m, wl));
            }
        }
    }
    best.map(|(d, m, _)| (d, m))
}

const ROUNDS: &[&str] = &[
    "天使轮",
    "种子轮",
    "Pre-A+轮",
    "Pre-A轮",
    "Pre-B轮",
    "A+轮",
    "B+轮",
    "C+轮",
    "A轮",
    "B轮",
    "C轮",
    "D轮",
    "E轮",
    "F轮",
    "战略融资",
    "Pre-IPO",
    "IPO",
    "Series A",
    "Series B",
    "Series C",
    "Series D",
    "Series E",
    "Series F",
    "Pre-A",
    "Pre-B",
    "seed round",
    "angel round",
    "pre-IPO",
];

const INVESTOR_CUES: &[&str] = &[
    "投资方包括",
    "投资方为",
    "投资人含",
    "投资人包括",
    "投资者包括",
    "参投",
    "跟投",
    "投资方",
    "投资人",
    "investors include",
    "participation from",
    "backed by",
    "investors including",
    "joined by",
    "round from",
    "also drew",
];

fn is_subject_kind(m: &M) -> bool {
    matches!(m.kind, EntityKind::Company | EntityKind::Organisation | EntityKind::Index)
}

/// A mention cited as a source (据彭博, Xsignal 平台显示, according to IDC) is not a subject.
fn is_source(s: &[char], m: &M) -> bool {
    let mut b = m.start;
    while b > 0 && s[b - 1] == ' ' {
        b -= 1;
    }
    let mut e = m.end;
    while s.get(e) == Some(&' ') {
        e += 1;
    }
    ["据", "according to", "根据", "Analysts at", "analysts at"]
        .iter()
        .any(|w| ends_with_at(s, b, w).is_some())
        || [
            "测算",
            "显示",
            "数据",
            "预计",
            "指出",
            "统计",
            "认为",
            "表示",
            "平台显示",
            "研报",
            "发布报告",
            "发布的报告",
            "报告称",
            "称",
            " said",
            " estimates",
            " expects",
            " expect",
            " analysts",
            "预测",
        ]
        .iter()
        .any(|w| starts_with_at(s, e, w).is_some())
}

const ANAPHORA: &[&str] = &[
    "该公司",
    "这家公司",
    "公司",
    "其",
    "该",
    "它",
    "It ",
    " it ",
    "Its ",
    " its ",
    "the company",
    "The company",
    "the Company",
    "the firm",
    "The firm",
    "the group",
    "The group",
];

/// The market a market-size figure is about: the words before 市场规模 (or "market")
/// in the sentence, without leading dates and verbs: 中国 AI 芯片市场.
fn market_phrase(s: &[char], cues: &Cues, sent: Span, q: &Q) -> Option<String> {
    if let Some(at) = cues.rfind(MARKER, MARKET_SIZE, sent.start, q.start) {
        let mut text: String = s[clause_start(s, sent.start, at)..at].iter().collect();
        // 中国eVTOL（电动垂直起降飞行器）市场: the gloss is no part of the name.
        while let (Some(a), Some(b)) = (text.find('（'), text.find('）')) {
            if b < a {
                break;
            }
            text.replace_range(a..b + '）'.len_utf8(), "");
        }
        const LEADS: &[&str] =
            &["预计", "而", "到", "据", "未来五年", "未来三年", "目前", "今年", "明年", "其中", "我国"];
        for lead in LEADS {
            if let Some(rest) = text.trim_start().strip_prefix(lead) {
                text = rest.to_string();
            }
        }
        // 2024年中国具身智能市场规模: the year is the fact's date, not part of the market.
        let year_end = text.trim_start().find('年').filter(|&k| {
            let head = &text.trim_start()[..k];
            head.len() == 4 && head.bytes().all(|b| b.is_ascii_digit())
        });
        if let Some(k) = year_end {
            text = text.trim_start()[k + '年'.len_utf8()..].to_string();
            // 2024年我国低空经济市场: the words after the year may lead too.
            if let Some(rest) = LEADS.iter().find_map(|l| text.trim_start().strip_prefix(l)) {
                text = rest.to_string();
            }
        }
        let text = text.trim().trim_end_matches('的').trim().to_string();
        let anaphoric = text.starts_with("这一") || text.starts_with('该') || text.starts_with('其');
        return (!text.is_empty() && !anaphoric && !text.chars().any(|c| c.is_ascii_digit()))
            .then(|| format!("{text}市场"));
    }
    let at = cues.rfind(MARKER, MARKET, sent.start, q.start)?;
    if starts_with_at(s, at, " market value").is_some()
        || starts_with_at(s, at, " market share").is_some()
        || starts_with_at(s, at, " market cap").is_some()
    {
        return None;
    }
    let mut b = at;
    let mut words = 0;
    while b > sent.start && words < 4 {
        let mut w = b - 1;
        while w > sent.start && s[w - 1] != ' ' {
            w -= 1;
        }
        let word: String = s[w..b].iter().collect();
        let word = word.trim().to_lowercase();
        let word = word.as_str();
        if word.is_empty()
            || !word.chars().next().is_some_and(|c| c.is_alphanumeric())
            || [
                "expects", "the", "said", "that", "to", "of", "in", "says", "a", "an", "its", "whole",
                "global",
            ]
            .contains(&word)
                && words > 0
            || ["expects", "the", "said", "that", "to", "of", "in", "says", "a", "an", "its"].contains(&word)
        {
            break;
        }
        b = w;
        words += 1;
    }
    let text: String = s[b..at].iter().collect();
    let text = text.trim().to_string();
    (!text.is_empty()).then(|| format!("{text} market"))
}

/// Names listed with the subject (智谱 AI、月之暗面、百川智能的估值均已超过…): each gets the fact.
/// The mentions starting within `[from, to)`: a run of the list, which is sorted by start.
fn starting_within(mentions: &[M], from: usize, to: usize) -> &[M] {
    &mentions[mentions.partition_point(|m| m.start < from)..mentions.partition_point(|m| m.start < to)]
}

fn listed_with(s: &[char], mentions: &[M], subject: &str, from: usize, to: usize) -> Vec<String> {
    let in_range: Vec<&M> =
        starting_within(mentions, from, to).iter().filter(|m| m.end <= to && is_subject_kind(m)).collect();
    let Some(last) = in_range.iter().rposition(|m| m.entity == subject) else {
        return vec![subject.to_string()];
    };
    let joined = |a: &M, b: &M| {
        a.end <= b.start
            && s[a.end..b.start].iter().all(|c| "、，,和与及 （）()".contains(*c) || c.is_ascii_alphabetic())
    };
    let mut first = last;
    while first > 0 && joined(in_range[first - 1], in_range[first]) {
        first -= 1;
    }
    let mut names: Vec<String> = Vec::new();
    for m in &in_range[first..=last] {
        if !names.contains(&m.entity) {
            names.push(m.entity.clone());
        }
    }
    names
}

/// `其` is a pronoun except in 其中, 其他, 其实, 其余, 其次.
fn anaphoric(s: &[char], cues: &Cues, from: usize, to: usize) -> bool {
    cues.within(ANAPHOR, from, to).any(|(h, k)| {
        let idiom = ANAPHORA[k] == "其" && s.get(h + 1).is_some_and(|c| "中他实余次".contains(*c));
        !idiom
    })
}

pub fn facts(s: &[char], cues: &Cues, sentences: &[Span], qs: &[Q], dates: &[D], mentions: &[M]) -> Vec<F> {
    let mut out: Vec<F> = Vec::new();
    // Whether a mention is cited as a source, tested when first asked: every quantity of
    // its sentence asks again. Mentions are sorted by start.
    let tested: Vec<Cell<Option<bool>>> = vec![Cell::new(None); mentions.len()];
    let cited = |m: &M| {
        let first = mentions.partition_point(|x| x.start < m.start);
        let k = first + mentions[first..].iter().position(|x| x.end == m.end).unwrap_or(0);
        let known = tested[k].get();
        known.unwrap_or_else(|| {
            let source = is_source(s, m);
            tested[k].set(Some(source));
            source
        })
    };
    let mut sent_i = 0;
    // The names a sentence's amounts may be about, and its first investor cue: the same
    // for every amount of the sentence, found at its first.
    let mut candidates: Vec<&M> = Vec::new();
    let mut investor_cue = None;
    let mut candidates_of = None;
    for (qi, q) in qs.iter().enumerate() {
        while sent_i + 1 < sentences.len() && sentences[sent_i].end <= q.start {
            sent_i += 1;
        }
        let Some(&sent) = sentences.get(sent_i) else { break };
        let cs = clause_start(s, sent.start, q.start);
        let ce = clause_end(s, q.end, sent.end);
        let prev = out.last();
        let same_sentence_prev = prev.filter(|f| f.quote == sent);
        let counted_users = q.kind == QuantityKind::Count && matches!(q.unit, "用户" | "users");
        // 报598港元 is a quote of the price; "forecast by 8%" a change of the figure.
        let quoted_price = q.kind == QuantityKind::Money && q.start > 0 && s[q.start - 1] == '报';
        let by_change = matches!(q.kind, QuantityKind::Percent | QuantityKind::Multiple)
            && ends_with_at(s, q.start, "by ").is_some();
        let (metric, metric_score) =
            match nearest_metric(s, cues, &cues.words_within(METRIC, cs, ce), cs, ce, q)
                .filter(|_| !counted_users)
            {
                _ if quoted_price => ("price", 0.25),
                _ if by_change => ("growth", 0.25),
                _ if counted_users => ("users", 0.25),
                Some((_, m)) => (m, 0.25),
                None => match nearest_metric(
                    s,
                    cues,
                    &cues.words_within(METRIC, sent.start, cs),
                    sent.start,
                    cs,
                    q,
                ) {
                    Some((_, m)) => (m, 0.1),
                    None => match same_sentence_prev.filter(|f| metric_fits(f.metric, q)) {
                        Some(f) => (f.metric, 0.1),
                        None => ("other", 0.0),
                    },
                },
            };
        if candidates_of != Some(sent_i) {
            candidates_of = Some(sent_i);
            let sent_mentions = starting_within(mentions, sent.start, sent.end);
            // 国信证券：比亚迪海外放量…: a name heading the sentence with a colon is its
            // source when the sentence names another.
            let heading = |m: &M| {
                matches!(s.get(m.end), Some('：' | ':'))
                    && sent_mentions.iter().any(|o| {
                        o.start > m.end && o.end <= sent.end && is_subject_kind(o) && o.entity != m.entity
                    })
            };
            candidates.clear();
            candidates.extend(
                sent_mentions
                    .iter()
                    .filter(|m| m.end <= sent.end && is_subject_kind(m) && !cited(m) && !heading(m)),
            );
            investor_cue = cues.find_any(INVESTOR, sent.start, sent.end);
        }
        let before_cue = |m: &&M| investor_cue.is_none_or(|c| m.start < c || q.start > c);
        let mut subject: Option<(String, f64)> = None;
        // Growth in a sentence naming no firm, after a market's size, is that market's.
        let market_growth = metric == "growth"
            && (cues.rfind(MARKER, MARKET_SIZE, sent.start, q.start).is_some()
                || candidates.is_empty() && !anaphoric(s, cues, sent.start, sent.end));
        if metric == "market_size" || market_growth {
            subject = market_phrase(s, cues, sent, q).map(|p| (p, 0.2)).or_else(|| {
                let prev_market =
                    out.iter().rev().find(|f| f.metric == "market_size" && f.quote.end + 400 > sent.start);
                prev_market.map(|f| (f.subject.clone(), 0.1))
            });
        }
        // A round led by Tencent valued it at $2.7 billion: the round's investors are not
        // what its other figures are about.
        let invested = |m: &&&M| same_sentence_prev.is_some_and(|f| f.investors.contains(&m.entity));
        // 成本只有 OpenAI 的三分之一, 是对手的 3 倍: the name a multiple is taken of is what the
        // sentence compares with, not what it is about.
        let compared = |m: &&&M| {
            let gap = &s[m.end..q.start];
            q.kind == QuantityKind::Multiple
                && gap.last() == Some(&'的')
                && gap.len() <= 8
                && !gap.iter().any(|c| matches!(c, '，' | ',' | '；' | '、'))
        };
        // 据 OpenAI 测算，…算力增长幅度高达10倍: a source cited before the amount opens what it
        // reports, and the names before the citation are not what the report is about.
        let report_start = starting_within(mentions, sent.start, q.start)
            .iter()
            .rfind(|m| m.end <= q.start && cited(m))
            .map_or(sent.start, |m| m.end);
        let mut before: Vec<&&M> = candidates
            .iter()
            .filter(|m| m.end <= q.start && before_cue(m) && !invested(m) && !compared(m))
            .collect();
        // (A pronoun in the report still means the sentence's first name.)
        let topic = before.first().copied().filter(|m| m.end <= report_start);
        before.retain(|m| m.start >= report_start);
        // ..., lagging the Nasdaq Composite, which is up 3%: the name the clause follows.
        let relative_clause =
            starts_with_at(s, (cs..q.start).find(|&k| s[k] != ' ').unwrap_or(cs), "which ").is_some();
        // What 该公司 / it refers to: the topic (first name) of the previous sentence, else
        // the last name shortly before.
        let earlier_mention = || {
            // An index moves; it is not what "the firm" or 该公司 refers to. Tested after the
            // position: whether a mention is a source takes longer.
            let usable = |m: &&M| is_subject_kind(m) && m.kind != EntityKind::Index && !cited(m);
            let prev_sent = sent_i.checked_sub(1).and_then(|k| sentences.get(k)).copied();
            prev_sent
                .and_then(|p| {
                    starting_within(mentions, p.start, p.end).iter().filter(|m| m.end <= p.end).find(usable)
                })
                .map(|m| m.entity.clone())
                .or_else(|| {
                    // Else the firm the last facts were about, if they were shortly before.
                    out.iter()
                        .rev()
                        .take_while(|f| f.quote.end + 400 > sent.start)
                        .find(|f| {
                            f.quote.end <= sent.start
                                && mentions
                                    .iter()
                                    .any(|m| m.kind != EntityKind::Index && m.entity == f.subject)
                        })
                        .map(|f| f.subject.clone())
                })
                .or_else(|| {
                    mentions
                        .iter()
                        .rev()
                        .filter(|m| m.end <= sent.start && m.end + 400 > sent.start)
                        .find(usable)
                        .map(|m| m.entity.clone())
                })
                .map(|e| (e, 0.1))
        };
        subject = subject
            .or_else(|| {
                let named = before.iter().rfind(|m| m.end <= cs).filter(|_| relative_clause);
                named.map(|m| (m.entity.clone(), 0.25))
            })
            .or_else(|| respectively(s, cues, qs, qi, &before, cs, ce).map(|e| (e, 0.25)))
            .or_else(|| {
                // The buyer names a deal (A 收购 B, A agreed to acquire B): the first name.
                let m = if metric == "deal_value" {
                    before.iter().find(|m| m.start >= cs)
                } else {
                    before.iter().rfind(|m| m.start >= cs)
                };
                m.map(|m| (m.entity.clone(), 0.25))
            })
            .or_else(|| {
                if anaphoric(s, cues, report_start, q.start) && before.is_empty() {
                    topic.map(|m| (m.entity.clone(), 0.15)).or_else(&earlier_mention)
                } else {
                    None
                }
            })
            .or_else(|| {
                let in_report = |f: &&F| qs[f.quantity].start >= report_start;
                same_sentence_prev.filter(in_report).map(|f| (f.subject.clone(), 0.15))
            })
            .or_else(|| before.first().map(|m| (m.entity.clone(), 0.15)))
            .or_else(|| if anaphoric(s, cues, cs, ce) { earlier_mention() } else { None })
            .or_else(|| {
                candidates.iter().find(|m| m.start >= q.end && m.start < ce).map(|m| (m.entity.clone(), 0.1))
            })
            // A report whose sentence named firms before it, and none in it, is about
            // something else than those firms or the last article's.
            .or_else(|| if topic.is_some() { None } else { earlier_mention().map(|(e, _)| (e, 0.05)) });
        let Some((subject, subject_score)) = subject else { continue };
        // A move of a share or an index is a price change, not growth; so is a company's
        // bare move (Tencent fell 3.1%) with no figure named before it in the clause.
        let stock = cues.find_any(STOCK, sent.start, ce).is_some()
            || mentions.iter().any(|m| m.kind == EntityKind::Index && m.entity == subject)
            || !named_figure(cues, cs, q.start)
                && mentions.iter().any(|m| {
                    m.kind == EntityKind::Company && m.start >= cs && m.end <= q.start && m.entity == subject
                });
        let moved = matches!(q.kind, QuantityKind::Percent | QuantityKind::Multiple);
        let metric = if metric == "growth" && moved && stock { "price_change" } else { metric };
        // 估值较上一轮融资时上涨约25%: a move of a firm's own figure, with no share or index
        // named, is growth, not a share price's change.
        let metric = if metric == "price_change" && moved && !stock && firm_figure(cues, cs, q.start) {
            "growth"
        } else {
            metric
        };
        // A listed company valued at $100 billion (its stock named): its market value.
        let listed = cues.within(STOCK, sent.start, sent.end).any(|(_, k)| SHARE_WORDS.contains(&k));
        let metric = if metric == "valuation" && listed { "market_cap" } else { metric };
        if metric == "other" && q.kind != QuantityKind::Money {
            continue;
        }
        let listing = || {
            cues.within(MARKER, sent.start, sent.end).any(|(_, k)| LISTING.contains(&k))
                || (0..ROUNDS.len())
                    .filter(|&k| ROUNDS[k] == "IPO")
                    .any(|k| cues.find(ROUND, k, sent.start, sent.end).is_some())
        };
        let metric = if metric == "funding" && listing() { "proceeds" } else { metric };
        // The date of the clause, else the nearest one before in the sentence, else after.
        // Dates are sorted by start.
        let sent_dates = &dates
            [dates.partition_point(|d| d.start < sent.start)..dates.partition_point(|d| d.start < sent.end)];
        // 较去年同期增长, higher than last year: the base of a comparison is not the fact's
        // date, except for the base's own amount (较去年的55亿美元).
        let compared = |d: &D| {
            let base = d.start > 0 && matches!(s[d.start - 1], '较' | '比')
                || ["than ", "compared with ", "compared to "]
                    .iter()
                    .any(|w| ends_with_at(s, d.start, w).is_some());
            let own = q.start == d.end || q.start == d.end + 1 && s[d.end] == '的';
            base && !own
        };
        let in_sent = || sent_dates.iter().filter(|d| d.end <= sent.end && !compared(d));
        let in_clause = in_sent().filter(|d| d.start >= cs && d.end <= ce).min_by_key(|d| {
            if d.start >= q.end {
                d.start - q.end
            } else {
                q.start.saturating_sub(d.end)
            }
        });
        // 成立于2020年10月，至今累计融资超百亿元: the sum is as of now, not of that month.
        let now = cues.within(MARKER, cs, q.start).any(|(_, k)| NOW.contains(&k));
        let date = match in_clause {
            None if !now => {
                in_sent().rfind(|d| d.end <= q.start).or_else(|| in_sent().find(|d| d.start >= q.end))
            }
            d => d,
        }
        .map(|d| d.value.clone());
        let (round, investors, lead_investor) = if metric == "funding" || metric == "proceeds" {
            let next = sentences.get(sent_i + 1).copied();
            let (round, investors, lead) = funding_details(s, cues, sent, next, mentions, &subject, q.start);
            // Proceeds of a listing are those of its IPO, however the text names it.
            let ipo = metric == "proceeds" && listing();
            (round.or_else(|| ipo.then(|| "IPO".to_string())), investors, lead)
        } else {
            (None, Vec::new(), None)
        };
        let confidence =
            (0.4 + metric_score + subject_score + if date.is_some() { 0.05 } else { 0.0 }).min(0.95);
        for subject in listed_with(s, mentions, &subject, cs, q.start) {
            out.push(F {
                subject,
                metric,
                quantity: qi,
                date: date.clone(),
                round: round.clone(),
                investors: investors.clone(),
                lead_investor: lead_investor.clone(),
                quote: sent,
                confidence: (confidence * 100.0).round() / 100.0,
            });
        }
    }
    out
}

/// 寒武纪、海光信息……份额分别为8.2%和6.5% / A and B rose 3% and 5% respectively: the
/// k-th amount of the clause belongs to the k-th of the names listed before it.
fn respectively(
    s: &[char],
    cues: &Cues,
    qs: &[Q],
    qi: usize,
    before: &[&&M],
    cs: usize,
    ce: usize,
) -> Option<String> {
    let cue = cues.find(MARKER, RESPECTIVELY, cs, qs[qi].start).is_some()
        || cues.find(MARKER, RESPECTIVELY + 1, qs[qi].end, ce + 14).is_some();
    if !cue {
        return None;
    }
    let in_clause: Vec<usize> = (0..qs.len()).filter(|&k| qs[k].start >= cs && qs[k].end <= ce).collect();
    let k = in_clause.iter().position(|&k| k == qi)?;
    // The names joined by 、 / and / commas, last of them nearest the clause.
    let joined = |a: &M, b: &M| {
        let gap: String = s[a.end.min(b.start)..b.start].iter().collect();
        a.end <= b.start
            && matches!(gap.trim(), "" | "、" | "，" | "," | "和" | "与" | "及" | "and" | ", and")
    };
    let last = before.len().checked_sub(1)?;
    let mut first = last;
    while first > 0 && joined(before[first - 1], before[first]) {
        first -= 1;
    }
    let names = &before[first..=last];
    (names.len() == in_clause.len() && names.len() > 1).then(|| names[k].entity.clone())
}

/// Round, investors and lead investor stated in a funding sentence (or the next one when
/// it goes on about the investors).
fn funding_details(
    s: &[char],
    cues: &Cues,
    sent: Span,
    next: Option<Span>,
    mentions: &[M],
    subject: &str,
    at: usize,
) -> (Option<String>, Vec<String>, Option<String>) {
    // A funding sentence may list several deals separated by semicolons: keep to this one.
    let sent = Span {
        start: (sent.start..at).rev().find(|&k| matches!(s[k], '；' | ';')).map_or(sent.start, |k| k + 1),
        end: (at..sent.end).find(|&k| matches!(s[k], '；' | ';')).unwrap_or(sent.end),
    };
    let round = ROUNDS
        .iter()
        .enumerate()
        .filter_map(|(k, r)| cues.find(ROUND, k, sent.start, sent.end).map(|at| (at, *r)))
        .min_by_key(|&(at, r)| (at, std::cmp::Reverse(r.len())))
        .map(|(at, r)| {
            // Series B-2, Series C+, Pre-A+: the tranche written after the letter.
            let mut e = at + r.chars().count();
            if r.is_ascii() && r.ends_with(|c: char| c.is_ascii_uppercase()) {
                while s.get(e).is_some_and(|&c| c == '+' || c.is_ascii_digit())
                    || s.get(e) == Some(&'-') && s.get(e + 1).is_some_and(|c| c.is_ascii_digit())
                {
                    e += 1;
                }
            }
            s[at..e].iter().collect::<String>()
        });
    let mut end = sent.end;
    if let Some(n) = next {
        // The next sentence goes on about the round when it opens with its investors, or
        // with the round itself (本轮…, The round also drew…).
        let head = n.end.min(n.start + 20);
        let lead_word = [LEAD, LED_BY].iter().any(|&k| cues.find(MARKER, k, n.start, head).is_some());
        let first = (n.start..n.end).find(|&k| !s[k].is_whitespace()).unwrap_or(n.start);
        let the_round = ["本轮", "此轮", "该轮", "The round", "The funding round"]
            .iter()
            .any(|w| starts_with_at(s, first, w).is_some());
        if lead_word || the_round || cues.find_any(INVESTOR, n.start, head).is_some() {
            end = n.end;
        }
    }
    let leading = INVESTOR_CUES.iter().enumerate().filter(|(_, w)| !matches!(**w, "参投" | "跟投"));
    let cue = leading.filter_map(|(k, _)| cues.find(INVESTOR, k, sent.start, end)).min();
    // 五源资本、启明创投跟投: names before a trailing cue in their clause.
    let trailing = |m: &M| {
        let ce = clause_end(s, m.end, end);
        [FOLLOW, JOIN, LEAD, TOP_UP].iter().any(|&k| cues.find(MARKER, k, m.end, ce).is_some())
    };
    let lead_cn = cues.rfind(MARKER, LEAD, sent.start, end);
    let lead_en = cues.find(MARKER, LED_BY, sent.start, end);
    let mut investors = Vec::new();
    let mut lead = None;
    for m in mentions.iter().filter(|m| m.start >= sent.start && m.end <= end && m.entity != subject) {
        if m.kind == EntityKind::Person || m.kind == EntityKind::Index {
            continue;
        }
        let after_cue = cue.is_some_and(|c| m.start > c) || lead_en.is_some_and(|c| m.start > c);
        let is_lead_cn = lead_cn.is_some_and(|l| m.end <= l && l - m.end <= 2);
        let is_lead_en = lead_en.is_some_and(|l| m.start > l && m.start - l <= 8);
        if is_lead_cn || is_lead_en {
            lead.get_or_insert_with(|| m.entity.clone());
        }
        if (after_cue || is_lead_cn || trailing(m)) && !investors.contains(&m.entity) {
            investors.push(m.entity.clone());
        }
    }
    (round, investors, lead)
}
