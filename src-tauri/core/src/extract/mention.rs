//! Mentions of companies, organisations, indices and people: a registry of known
//! entities with aliases across scripts, plus detection of unknown organisations
//! (company-name suffixes, English corporate names) and people (by title and speech
//! verb). Aliases, titles and suffixes are found in the article's one Aho-Corasick pass.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::cue::{Cues, Group, Lexicon};
use super::numeral::{ascii_digit, is_cjk};
use super::text::{ends_with_at, starts_with_at, CharFilter, SENTENCE_ENDS};
use super::{fact, quantity};

#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Company,
    Organisation,
    Index,
    Person,
}

/// One known entity: its canonical name, kind and aliases (any script or language).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
}

/// Known entities, compiled into one lexicon with the cue words of fact building and the
/// words that mark unknown names, so that an article is scanned once.
pub struct Registry {
    entities: Vec<Entity>,
    /// Alias (word of `ALIAS`) -> entity index.
    owner: Vec<usize>,
    lexicon: Lexicon,
}

/// The registry's groups in its lexicon, after those of facts and quantities.
const TITLE: Group = Group(quantity::GROUPS_END);
const CREDIT: Group = Group(quantity::GROUPS_END + 1);
const SUFFIX: Group = Group(quantity::GROUPS_END + 2);
const QUOTED: Group = Group(quantity::GROUPS_END + 3);
const ALIAS: Group = Group(quantity::GROUPS_END + 4);
/// The chars that may end a sentence, for `text::sentences`.
pub const SENTENCE_END: Group = Group(quantity::GROUPS_END + 5);
/// Words of share moves (`moved_names`) and of funding news (`funded_names`).
const MOVE: Group = Group(quantity::GROUPS_END + 6);
const FUNDED: Group = Group(quantity::GROUPS_END + 7);
const MOVES: &[&str] = &["收涨", "收跌", "大涨", "大跌", "涨", "跌"];
const FUNDED_VERBS: &[&str] = &["完成", "获得", "获"];

#[derive(Debug, Clone, PartialEq)]
pub struct M {
    pub start: usize,
    pub end: usize,
    pub entity: String,
    pub kind: EntityKind,
}

use EntityKind::{Company as C, Index as I, Organisation as O};

const BUILTIN: &[(&str, EntityKind, &[&str])] = &[
    ("DeepSeek", C, &["DeepSeek", "深度求索", "Deepseek"]),
    ("幻方量化", C, &["幻方量化", "幻方", "High-Flyer", "High-Flyer Capital"]),
    ("智谱", C, &["智谱", "智谱AI", "智谱华章", "Zhipu AI", "Zhipu", "北京智谱华章科技有限公司"]),
    ("月之暗面", C, &["月之暗面", "Kimi", "Moonshot AI", "Moonshot"]),
    ("百川智能", C, &["百川智能", "Baichuan", "Baichuan AI"]),
    ("阶跃星辰", C, &["阶跃星辰", "StepFun", "Stepfun"]),
    ("MiniMax", C, &["MiniMax", "稀宇科技"]),
    ("零一万物", C, &["零一万物", "01.AI", "01.ai"]),
    ("OpenAI", C, &["OpenAI", "ChatGPT"]),
    ("Anthropic", C, &["Anthropic"]),
    ("英伟达", C, &["英伟达", "Nvidia", "NVIDIA", "輝達"]),
    ("华为", C, &["华为", "Huawei", "華為"]),
    ("华为昇腾", C, &["华为昇腾", "昇腾", "Ascend"]),
    ("华为云", C, &["华为云", "Huawei Cloud"]),
    ("腾讯", C, &["腾讯", "Tencent", "騰訊"]),
    ("腾讯云", C, &["腾讯云", "Tencent Cloud"]),
    ("腾讯投资", C, &["腾讯投资", "Tencent Investment"]),
    ("阿里巴巴", C, &["阿里巴巴", "阿里", "Alibaba"]),
    ("阿里云", C, &["阿里云", "Alibaba Cloud"]),
    ("百度", C, &["百度", "Baidu"]),
    ("字节跳动", C, &["字节跳动", "ByteDance", "字节"]),
    ("科大讯飞", C, &["科大讯飞", "iFlytek", "iFLYTEK"]),
    ("摩尔线程", C, &["摩尔线程", "Moore Threads"]),
    ("沐曦", C, &["沐曦", "MetaX"]),
    ("天数智芯", C, &["天数智芯", "Iluvatar CoreX"]),
    ("海光信息", C, &["海光信息", "Hygon"]),
    ("寒武纪", C, &["寒武纪", "Cambricon"]),
    ("商汤", C, &["商汤", "商汤科技", "SenseTime"]),
    ("中芯国际", C, &["中芯国际", "SMIC"]),
    ("台积电", C, &["台积电", "TSMC", "台積電"]),
    ("国科微", C, &["国科微"]),
    ("浪潮信息", C, &["浪潮信息", "浪潮", "Inspur"]),
    ("新华三", C, &["新华三", "H3C"]),
    ("苹果", C, &["苹果公司", "Apple"]),
    ("微软", C, &["微软", "Microsoft"]),
    ("谷歌", C, &["谷歌", "Google", "Alphabet"]),
    ("Meta", C, &["Meta Platforms", "Meta"]),
    ("亚马逊", C, &["亚马逊", "Amazon"]),
    ("小米", C, &["小米", "Xiaomi"]),
    ("比亚迪", C, &["比亚迪", "BYD"]),
    ("宁德时代", C, &["宁德时代", "CATL"]),
    ("联想", C, &["联想", "Lenovo"]),
    ("京东", C, &["京东", "JD.com"]),
    ("美团", C, &["美团", "Meituan"]),
    ("拼多多", C, &["拼多多", "PDD Holdings"]),
    ("快手", C, &["快手", "Kuaishou"]),
    ("中信证券", C, &["中信证券", "CITIC Securities"]),
    ("银河证券", C, &["银河证券", "中国银河证券", "China Galaxy Securities"]),
    ("东方证券", C, &["东方证券", "Orient Securities"]),
    ("中金公司", C, &["中金公司", "中金", "CICC"]),
    ("高盛", C, &["高盛", "Goldman Sachs"]),
    ("摩根士丹利", C, &["摩根士丹利", "大摩", "Morgan Stanley"]),
    ("红杉中国", C, &["红杉中国", "HongShan", "红杉资本中国"]),
    ("高瓴", C, &["高瓴", "高瓴资本", "Hillhouse"]),
    ("软银", C, &["软银", "SoftBank"]),
    ("五源资本", C, &["五源资本", "5Y Capital"]),
    ("启明创投", C, &["启明创投", "Qiming Venture Partners"]),
    ("上海国有资本投资有限公司", C, &["上海国有资本投资有限公司", "上海国投"]),
    ("豆包", C, &["豆包", "Doubao"]),
    ("中科曙光", C, &["中科曙光", "曙光信息", "Sugon"]),
    ("博通", C, &["博通", "Broadcom"]),
    ("高通", C, &["高通", "Qualcomm"]),
    ("AMD", C, &["AMD", "超威半导体", "超微"]),
    ("英特尔", C, &["英特尔", "Intel"]),
    ("三星电子", C, &["三星电子", "三星", "Samsung Electronics", "Samsung"]),
    ("特斯拉", C, &["特斯拉", "Tesla"]),
    ("蔚来", C, &["蔚来", "蔚来汽车", "蔚來", "Nio", "NIO"]),
    ("小鹏汽车", C, &["小鹏汽车", "小鹏", "小鵬", "XPeng", "Xpeng"]),
    ("理想汽车", C, &["理想汽车", "理想汽車", "Li Auto"]),
    ("鸿海", C, &["鸿海", "鴻海", "鸿海精密", "Hon Hai", "Foxconn", "富士康"]),
    ("联发科", C, &["联发科", "聯發科", "MediaTek"]),
    ("大疆创新", C, &["大疆创新", "大疆", "DJI"]),
    ("紫金矿业", C, &["紫金矿业", "Zijin Mining"]),
    ("碧桂园", C, &["碧桂园", "Country Garden"]),
    ("融创中国", C, &["融创中国", "融创", "Sunac"]),
    ("蚂蚁集团", C, &["蚂蚁集团", "Ant Group"]),
    ("高瓴创投", C, &["高瓴创投", "GL Ventures"]),
    ("美团龙珠", C, &["美团龙珠", "Meituan Dragonball"]),
    ("百度风投", C, &["百度风投", "Baidu Ventures"]),
    ("IDG资本", C, &["IDG资本", "IDG Capital"]),
    ("经纬创投", C, &["经纬创投", "经纬中国", "Matrix Partners China"]),
    ("华兴资本", C, &["华兴资本", "China Renaissance"]),
    // Investors that lead rounds in Chinese tech and chip news.
    ("深创投", C, &["深创投", "深圳市创新投资集团", "Shenzhen Capital Group"]),
    (
        "国家集成电路产业投资基金",
        C,
        &["国家集成电路产业投资基金", "国家大基金", "大基金二期", "大基金三期", "Big Fund"],
    ),
    ("中投公司", C, &["中投公司", "中国投资有限责任公司", "China Investment Corporation"]),
    ("君联资本", C, &["君联资本", "Legend Capital"]),
    ("真格基金", C, &["真格基金", "ZhenFund"]),
    ("源码资本", C, &["源码资本", "Source Code Capital"]),
    ("顺为资本", C, &["顺为资本", "Shunwei Capital"]),
    ("北极光创投", C, &["北极光创投", "Northern Light Venture Capital"]),
    ("金沙江创投", C, &["金沙江创投", "GSR Ventures"]),
    ("云锋基金", C, &["云锋基金", "Yunfeng Capital"]),
    ("春华资本", C, &["春华资本", "Primavera Capital"]),
    ("博裕资本", C, &["博裕资本", "Boyu Capital"]),
    ("中金资本", C, &["中金资本", "CICC Capital"]),
    ("红杉资本", C, &["红杉资本", "Sequoia Capital"]),
    ("淡马锡", C, &["淡马锡", "Temasek"]),
    ("老虎环球基金", C, &["老虎环球基金", "老虎环球", "Tiger Global"]),
    ("中国平安", C, &["中国平安", "平安集团", "Ping An"]),
    ("中国移动", C, &["中国移动", "China Mobile"]),
    ("中国电信", C, &["中国电信", "China Telecom"]),
    ("中国联通", C, &["中国联通", "China Unicom"]),
    ("上汽集团", C, &["上汽集团", "SAIC Motor"]),
    // Listed firms most named in Chinese market news.
    ("贵州茅台", C, &["贵州茅台", "茅台", "Kweichow Moutai", "Moutai"]),
    ("招商银行", C, &["招商银行", "招行", "China Merchants Bank"]),
    ("工商银行", C, &["工商银行", "中国工商银行", "工行", "ICBC"]),
    ("建设银行", C, &["建设银行", "中国建设银行", "建行", "China Construction Bank"]),
    ("美的集团", C, &["美的集团", "Midea Group"]),
    ("格力电器", C, &["格力电器", "格力", "Gree Electric"]),
    ("海康威视", C, &["海康威视", "Hikvision"]),
    ("京东方", C, &["京东方", "京东方A", "BOE Technology"]),
    ("立讯精密", C, &["立讯精密", "Luxshare"]),
    ("工业富联", C, &["工业富联", "Foxconn Industrial Internet"]),
    ("中际旭创", C, &["中际旭创", "Zhongji Innolight", "Innolight"]),
    ("金山办公", C, &["金山办公", "Kingsoft Office"]),
    ("东方财富", C, &["东方财富", "East Money"]),
    ("同花顺", C, &["同花顺", "Hithink RoyalFlush"]),
    ("隆基绿能", C, &["隆基绿能", "隆基股份", "LONGi Green Energy", "LONGi"]),
    ("药明康德", C, &["药明康德", "WuXi AppTec"]),
    ("恒瑞医药", C, &["恒瑞医药", "Jiangsu Hengrui"]),
    ("中国石油", C, &["中国石油", "中石油", "PetroChina"]),
    ("中国海油", C, &["中国海油", "中海油", "CNOOC"]),
    ("长江电力", C, &["长江电力", "China Yangtze Power"]),
    ("北方华创", C, &["北方华创", "Naura Technology", "NAURA"]),
    ("网易", C, &["网易", "NetEase"]),
    ("哔哩哔哩", C, &["哔哩哔哩", "Bilibili"]),
    ("携程", C, &["携程", "携程集团", "Trip.com"]),
    ("长城汽车", C, &["长城汽车", "Great Wall Motor"]),
    ("吉利汽车", C, &["吉利汽车", "吉利", "Geely"]),
    ("零跑汽车", C, &["零跑汽车", "零跑", "Leapmotor"]),
    ("赛力斯", C, &["赛力斯", "Seres"]),
    // Chip and AI firms often in the same news.
    ("壁仞科技", C, &["壁仞科技", "壁仞", "Biren Technology", "Biren"]),
    ("燧原科技", C, &["燧原科技", "燧原", "Enflame"]),
    ("昆仑芯", C, &["昆仑芯", "Kunlunxin"]),
    ("地平线", C, &["地平线机器人", "Horizon Robotics"]),
    ("面壁智能", C, &["面壁智能", "ModelBest"]),
    ("智元机器人", C, &["智元机器人", "智元", "AgiBot"]),
    ("优必选", C, &["优必选", "UBTech", "UBTECH"]),
    ("花旗", C, &["花旗", "花旗银行", "Citi", "Citigroup"]),
    ("伯恩斯坦", C, &["伯恩斯坦", "Bernstein"]),
    ("Sensor Tower", O, &["Sensor Tower"]),
    ("中国人民银行", O, &["中国人民银行", "央行", "人民银行", "People's Bank of China", "PBOC"]),
    ("高工产研", O, &["高工产研", "GGII"]),
    ("赛迪研究院", O, &["赛迪研究院", "赛迪顾问", "CCID"]),
    ("Omdia", O, &["Omdia"]),
    ("Xsignal", O, &["Xsignal"]),
    ("彭博", O, &["彭博", "Bloomberg"]),
    ("彭博亿万富翁指数", I, &["彭博亿万富翁指数", "Bloomberg Billionaires Index"]),
    ("中商产业研究院", O, &["中商产业研究院"]),
    ("IDC", O, &["IDC"]),
    ("工业和信息化部", O, &["工业和信息化部", "工信部", "MIIT"]),
    ("中国工程院", O, &["中国工程院"]),
    ("清华大学", O, &["清华大学", "Tsinghua University"]),
    ("上海人工智能研究院", O, &["上海人工智能研究院"]),
    ("中国经营报", O, &["中国经营报"]),
    ("半导体ETF", I, &["512480", "半导体ETF", "半导体 ETF"]),
    ("中证全指半导体指数", I, &["中证全指半导体指数"]),
    ("沪深300", I, &["沪深300", "CSI 300"]),
    ("上证指数", I, &["上证指数", "上证综指", "沪指", "Shanghai Composite"]),
    ("深证成指", I, &["深证成指", "深成指", "深证成份指数", "Shenzhen Component Index"]),
    ("创业板指", I, &["创业板指", "创业板指数", "ChiNext Index"]),
    ("恒生指数", I, &["恒生指数", "恒指", "Hang Seng Index"]),
    ("恒生科技指数", I, &["恒生科技指数", "Hang Seng Tech Index"]),
    ("纳斯达克综合指数", I, &["纳斯达克综合指数", "纳指", "Nasdaq Composite"]),
    ("标普500", I, &["标普500", "标普500指数", "S&P 500"]),
    ("科创50", I, &["科创50", "STAR 50"]),
];

impl Registry {
    /// The built-in registry, compiled once.
    pub fn builtin() -> &'static Registry {
        static R: OnceLock<Registry> = OnceLock::new();
        R.get_or_init(|| Registry::new(Vec::new()))
    }

    /// The built-in entities plus `extra` (a user's own list). An extra entity with a
    /// built-in name adds aliases to it.
    pub fn new(extra: Vec<Entity>) -> Registry {
        let mut entities: Vec<Entity> = BUILTIN
            .iter()
            .map(|&(name, kind, aliases)| Entity {
                name: name.into(),
                kind,
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
            })
            .collect();
        for e in extra {
            match entities.iter_mut().find(|b| b.name == e.name) {
                Some(b) => b.aliases.extend(e.aliases),
                None => entities.push(e),
            }
        }
        let (patterns, owner) = alias_patterns(&entities);
        let mut groups = fact::cue_groups();
        groups.extend(quantity::cue_groups());
        assert_eq!(groups.len(), TITLE.0, "the registry's groups follow those of facts and quantities");
        groups.push((TITLES.to_vec(), false));
        groups.push((vec!["/制图"], false));
        groups.push((ORG_SUFFIX.iter().map(|&(w, _)| w).collect(), false));
        let quotes: Vec<String> =
            QUOTE_LEADS.iter().flat_map(|w| ['「', '“'].map(|q| format!("{w}{q}"))).collect();
        groups.push((quotes.iter().map(String::as_str).collect(), false));
        groups.push((patterns.iter().map(String::as_str).collect(), false));
        groups.push((SENTENCE_ENDS.to_vec(), false));
        groups.push((MOVES.to_vec(), false));
        groups.push((FUNDED_VERBS.to_vec(), false));
        Registry { entities, owner, lexicon: Lexicon::new(&groups) }
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Every occurrence in `text` of the cue words, aliases, titles and suffixes.
    pub(super) fn scan<'r>(&'r self, text: &str) -> Cues<'r> {
        self.lexicon.scan(text)
    }

    /// Registry matches, leftmost-longest and without overlaps. ASCII aliases must stand
    /// as whole words (Meta, not metadata).
    fn find(&self, s: &[char], cues: &Cues, out: &mut Vec<M>) {
        let mut next = 0;
        for run in cues.in_order(ALIAS).chunk_by(|x, y| x.0 == y.0) {
            // The longest alias starting here.
            let Some(&(a, b, k)) = run.iter().max_by_key(|h| h.1) else { continue };
            if a < next {
                continue;
            }
            next = b;
            let glued = |c: Option<&char>, edge: char| {
                c.is_some_and(|c| c.is_ascii_alphanumeric()) && edge.is_ascii_alphanumeric()
            };
            if glued(a.checked_sub(1).map(|p| &s[p]), s[a]) || glued(s.get(b), s[b - 1]) {
                continue;
            }
            let e = &self.entities[self.owner[k]];
            out.push(M { start: a, end: b, entity: e.name.clone(), kind: e.kind });
        }
    }
}

/// The strings that name `entities` (aliases, names, spaced forms), each once, with the
/// index of the entity each names.
fn alias_patterns(entities: &[Entity]) -> (Vec<String>, Vec<usize>) {
    let mut patterns = Vec::new();
    let mut owner = Vec::new();
    let mut seen = HashSet::new();
    for (i, e) in entities.iter().enumerate() {
        for alias in e.aliases.iter().chain(std::iter::once(&e.name)) {
            // 智谱AI is also written 智谱 AI: add the spaced form at script boundaries.
            for form in [alias.clone(), spaced(alias)] {
                if !form.trim().is_empty() && seen.insert(form.clone()) {
                    patterns.push(form);
                    owner.push(i);
                }
            }
        }
    }
    (patterns, owner)
}

fn count_chars(b: &[u8]) -> usize {
    b.iter().filter(|&&x| (x & 0xC0) != 0x80).count()
}

fn spaced(alias: &str) -> String {
    let mut out = String::with_capacity(alias.len() + 2);
    let mut prev: Option<char> = None;
    for c in alias.chars() {
        if let Some(p) = prev {
            if (is_cjk(p) && c.is_ascii_alphanumeric()) || (p.is_ascii_alphanumeric() && is_cjk(c)) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

/// Suffixes that end an organisation's name.
const ORG_SUFFIX: &[(&str, EntityKind)] = &[
    ("有限责任公司", C),
    ("股份有限公司", C),
    ("有限公司", C),
    ("公司", C),
    ("集团", C),
    ("控股", C),
    ("科技", C),
    ("智能", C),
    ("证券", C),
    ("资本", C),
    ("创投", C),
    ("基金", C),
    ("银行", C),
    ("研究院", O),
    ("智库", O),
    ("研究所", O),
    ("研究中心", O),
    ("实验室", O),
    ("交易所", O),
    ("大学", O),
    ("委员会", O),
];

/// Generic words that, with a suffix, name a kind of firm rather than one firm.
const GENERIC: &[&str] = &[
    "该",
    "这家",
    "此",
    "其",
    "各",
    "多家",
    "初创",
    "明星",
    "科技",
    "模型",
    "大模型",
    "云计算",
    "上市",
    "互联网",
    "创业",
    "投资",
    "私募",
    "量化",
    "私募量化",
    "母",
    "子",
    "分",
    "总",
    "人工智能",
    "芯片",
    "半导体",
    "服务器",
    "国有",
    "民营",
    "外资",
    "头部",
    "龙头",
    "中国",
    "国内",
    "海外",
    "相关",
    "一家",
    "两家",
    "软件",
    "硬件",
    "金融",
    "咨询",
    "应用",
    "平台",
    "数据",
    "信息",
    "基础",
    "算力",
    "智算",
    "独立云及智算",
    "独立云",
    "生成式",
    "风险",
    "产业",
    "国家",
    "人工",
    "黑",
    "高",
    "低",
    "新",
    "更",
    "强",
    "前沿",
    "未来",
    "全",
    "本",
    "贵",
    "他们",
    "我们",
    "这些",
    "那些",
    "顶尖",
    "旗下",
    "集团",
    "大型",
    "领先",
    "知名",
    "传统",
    "上游",
    "下游",
    "自有",
    "合资",
];

/// A stem made only of generic words (大模型明星, 私募量化) names a kind of firm.
fn is_generic(stem: &[char]) -> bool {
    let mut rest = stem.len();
    while let Some(n) = GENERIC.iter().filter_map(|g| ends_with_at(stem, rest, g).map(|b| rest - b)).max() {
        rest -= n;
    }
    rest < 2 && rest < stem.len()
}

/// Characters that end the stretch before a Chinese name (punctuation, spaces, function words).
fn name_boundary(c: char) -> bool {
    !is_cjk(c)
        || "的在由与和及是为据向对被将从了把给让于以其等、含括包如称月年日也又并或而但即就都还已".contains(c)
}

/// Organisations not in the registry: 谦询科技, 上海国有资本投资有限公司, Acme Robotics Inc.
fn unknown_orgs(
    s: &[char],
    cues: &Cues,
    caps: &[usize],
    taken: &dyn Fn(usize, usize) -> bool,
    out: &mut Vec<M>,
) {
    // Past the end of the last name found.
    let mut next = 0;
    for run in cues.in_order(SUFFIX).chunk_by(|x, y| x.0 == y.0) {
        // The first suffix of the list among those starting here.
        let (i, e, k) = run[0];
        if i < next {
            continue;
        }
        let kind = ORG_SUFFIX[k].1;
        let mut b = i;
        while b > 0 && i - b < 16 && !name_boundary(s[b - 1]) {
            b -= 1;
        }
        // 三季度公司, 我们下调公司: a period or a pronoun before 公司 is no name.
        if let Some(k) = (b..i.saturating_sub(1)).rev().find(|&k| starts_with_at(s, k, "季度").is_some()) {
            b = k + 2;
        }
        let pronoun = ["我们", "他们", "我", "你"].iter().any(|w| starts_with_at(s, b, w).is_some());
        // Loose suffixes (资本, 科技, 智能 ...) end a name only before a boundary: 资本市场 is not a firm.
        let loose = ["资本", "科技", "智能", "基金", "控股", "创投"]
            .iter()
            .any(|w| starts_with_at(s, i, w).is_some());
        let bounded = s
            .get(e)
            .is_none_or(|&c| !is_cjk(c) || "、与和及等的在于将已也宣表称发联获完旗是为领跟参持".contains(c));
        if i - b >= 2 && !pronoun && (!loose || bounded) && !taken(b, e) && !is_generic(&s[b..i]) {
            out.push(M { start: b, end: e, entity: s[b..e].iter().collect(), kind });
            next = e;
        }
    }
    english_orgs(s, caps, taken, out);
}

const EN_SUFFIX: &[&str] = &[
    "Inc.",
    "Inc",
    "Ltd.",
    "Ltd",
    "Corp.",
    "Corp",
    "Co.",
    "Group",
    "Holdings",
    "Capital",
    "Technologies",
    "Technology",
    "Securities",
    "Bank",
    "Partners",
    "Ventures",
    "Labs",
    "Robotics",
    "Semiconductor",
    "Motors",
    "Research",
    "Analytics",
    "Institute",
    "Association",
];

/// Capitalised words that open a sentence before a name (When Longi Green Energy Co. ...,
/// Rival Quicktron Robotics ...) and are no part of it.
const SENTENCE_WORDS: &[&str] = &[
    "The",
    "On",
    "In",
    "At",
    "By",
    "For",
    "And",
    "But",
    "Its",
    "When",
    "While",
    "After",
    "Before",
    "Since",
    "As",
    "If",
    "Rival",
    "Rivals",
    "Peer",
    "Unlike",
    "Like",
    "Both",
    "Shares",
    "Meanwhile",
    "Still",
    "Also",
    "Although",
    "Though",
    "Because",
    "With",
    "From",
    "Under",
    "Among",
    "Even",
    "Only",
];

/// Runs of capitalised English words (starting at `caps`) ending in a corporate suffix.
fn english_orgs(s: &[char], caps: &[usize], taken: &dyn Fn(usize, usize) -> bool, out: &mut Vec<M>) {
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
                out.push(M { start: a, end: b, entity: s[a..b].iter().collect(), kind: C });
            }
        }
        next = words.last().map_or(i + 1, |&(_, b)| b.max(i + 1));
    }
}

const TITLES: &[&str] = &[
    "文 |",
    "文｜",
    "作者：",
    "撰文：",
    "编辑：",
    "本报记者",
    "记者",
    "分析师",
    "首席经济学家",
    "经济学家",
    "学者",
    "院长",
    "院士",
    "教授",
    "主任",
    "总监",
    "联合创始人",
    "创始合伙人",
    "创始人",
    "合伙人",
    "董事长",
    "总裁",
    "首席执行官",
    "CEO",
    "总经理",
    "副总裁",
    "负责人",
    "策划人",
    "顾问",
    "委员",
    "研究员",
    "发言人",
    "董事",
    "部长",
    "行长",
    "主席",
    "联系人",
    // Traditional characters (Taiwan, Hong Kong).
    "本報記者",
    "記者",
    "分析師",
    "執行長",
    "董事長",
    "總經理",
    "總裁",
    "發言人",
    "創辦人",
    "財務長",
];

const SPEECH: &[&str] = &[
    "指出",
    "认为",
    "表示",
    "介绍",
    "透露",
    "披露",
    "预测",
    "预计",
    "坦言",
    "发文",
    "观察",
    "告诉",
    "强调",
    "解释",
    "分析",
    "提到",
    "直言",
    "称",
    "说",
    "向",
    "通过",
    "日前",
    "在",
    "对",
    "也",
    "则",
    "北京报道",
    "上海报道",
    "深圳报道",
    "报道",
];

/// Words that follow a title but are not names (记者使用, 记者联系).
const NOT_NAMES: &[&str] = &[
    "使用", "联系", "注意", "了解", "获悉", "采访", "发现", "询问", "调查", "统计", "梳理", "从", "就",
    "独家", "实地", "数据", "报告", "研究",
];

/// People: a name after a title and before a speech verb (分析师浦俊懿认为), a byline
/// (本报记者 曲忠芳), a credit (刘洋/制图), or an English name before "said".
fn people(s: &[char], cues: &Cues, caps: &[usize], known: &[M], out: &mut Vec<M>) {
    let mut names: Vec<(usize, usize)> = Vec::new();
    for run in cues.in_order(TITLE).chunk_by(|x, y| x.0 == y.0) {
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
            if !verb && cues.find_any(TITLE, a, b).is_none() && !name.contains('的') {
                names.push((a, b));
            }
        }
    }
    for &(i, _, _) in &cues.in_order(CREDIT) {
        if i >= 2 {
            let a = (i.saturating_sub(3)..i).find(|&a| s[a..i].iter().all(|&c| is_cjk(c))).unwrap_or(i);
            if i - a >= 2 {
                names.push((a, i));
            }
        }
    }
    english_people(s, caps, &mut names);
    // Every later occurrence of a found name is a mention too (罗国昭向记者介绍).
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
                out.push(M {
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

/// All mentions of `text` (as `s` in chars, with `cues` from `registry.scan`), sorted,
/// without overlaps (registry first).
pub fn mentions(text: &str, s: &[char], registry: &Registry, cues: &Cues) -> Vec<M> {
    let mut known = Vec::new();
    registry.find(s, cues, &mut known);
    // Registry matches come sorted and without overlaps: the first ending after `a` is
    // the only one that can overlap [a, b).
    let taken = |a: usize, b: usize| {
        let k = known.partition_point(|m| m.end <= a);
        known.get(k).is_some_and(|m| m.start < b)
    };
    // Starts of capitalised ASCII words, where English names begin.
    let caps: Vec<usize> = (s.iter().enumerate())
        .filter(|&(i, c)| c.is_ascii_uppercase() && (i == 0 || !s[i - 1].is_ascii_alphanumeric()))
        .map(|(i, _)| i)
        .collect();
    let mut extra = Vec::new();
    people(s, cues, &caps, &known, &mut extra);
    quoted_names(s, cues, &mut extra);
    unknown_orgs(s, cues, &caps, &taken, &mut extra);
    moved_names(s, cues, &mut extra);
    funded_names(s, cues, &mut extra);
    described_orgs(s, &caps, &mut extra);
    extra.sort_by_key(|m| (m.start, std::cmp::Reverse(m.end)));
    // Extras are taken in start order, so only the furthest end among those kept can reach
    // a later one.
    let mut kept_end = 0;
    let mut kept = Vec::new();
    for m in extra {
        if !taken(m.start, m.end) && m.start >= kept_end {
            kept_end = m.end;
            kept.push(m);
        }
    }
    // 星辰智能 (the stock's short name) is 杭州星辰智能科技股份有限公司 named in full.
    let full: Vec<String> = kept.iter().filter(|m| m.kind == C).map(|m| m.entity.clone()).collect();
    for m in kept.iter_mut().filter(|m| m.kind == C && m.entity.chars().count() >= 3) {
        let cjk = m.entity.chars().all(is_cjk);
        if let Some(f) = full
            .iter()
            .filter(|f| cjk && f.len() > m.entity.len() && f.contains(&m.entity))
            .max_by_key(|f| f.len())
        {
            m.entity = f.clone();
        }
    }
    // Semiconductor Manufacturing International Corp (SMIC), 宁德时代新能源科技股份有限公司
    // （宁德时代）: a name spelled out before a known one in brackets is that one.
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
    let repeats = repeated_names(text, s, &known, &kept);
    known.extend(kept);
    known.extend(repeats);
    known.sort_by_key(|m| m.start);
    known
}

/// Where a Chinese clause starts (a name may begin there).
fn clause_opens(s: &[char], at: usize) -> bool {
    at == 0 || "，、；：。！？\n（(【".contains(s[at - 1])
}

/// Stocks moving in a market report: 紫金矿业涨4.2%，碧桂园跌逾5%, 零部件企业华盛科技收涨36.5%.
fn moved_names(s: &[char], cues: &Cues, out: &mut Vec<M>) {
    // Markets, boards, commodities and times of day move too; they are no firms.
    const NOT_FIRMS: &[&str] = &[
        "股", "指", "板块", "市", "盘", "价", "币", "元", "汇", "债", "黄金", "白银", "原油", "期货", "全天",
        "午后", "今日", "周", "开", "收",
    ];
    // One word starts at a char at most (收涨 at 收, 涨 at 涨).
    for (i, e, _) in cues.in_order(MOVE) {
        if i < 2 {
            continue;
        }
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
            out.push(M { start: b, end: i, entity: name.iter().collect(), kind: C });
        }
    }
}

/// A firm announcing a round: 峰飞航空去年完成1亿美元B轮融资.
fn funded_names(s: &[char], cues: &Cues, out: &mut Vec<M>) {
    const TIMES: &[&str] = &[
        "去年", "今年", "近日", "近期", "日前", "此前", "同期", "同日", "当天", "昨日", "今日", "随后",
        "已经", "已", "正式", "宣布", "再次", "也", "则",
    ];
    let verbs = cues.in_order(FUNDED);
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
        while let Some(b) = TIMES.iter().find_map(|w| ends_with_at(s, e, w)) {
            e = b;
        }
        let b = (e.saturating_sub(6)..e.saturating_sub(1))
            .find(|&b| s[b..e].iter().all(|&c| is_cjk(c)) && clause_opens(s, b));
        if let Some(b) = b.filter(|&b| !is_generic(&s[b..e])) {
            out.push(M { start: b, end: e, entity: s[b..e].iter().collect(), kind: C });
        }
    }
}

/// English names described beside them: "Galaxy General, a Beijing-based maker of
/// humanoid robots, raised ..." and "Medical-imaging start-up Kanghui AI raised ...". Both
/// start at a capitalised word (`caps`).
fn described_orgs(s: &[char], caps: &[usize], out: &mut Vec<M>) {
    const TRADES: &[&str] = &[
        "maker",
        "developer",
        "designer",
        "manufacturer",
        "producer",
        "operator",
        "provider",
        "supplier",
        "company",
        "firm",
        "start-up",
        "startup",
        "platform",
        "chipmaker",
        "carmaker",
        "automaker",
        "lender",
        "brand",
    ];
    const ROLES: &[&str] = &[
        "partner",
        "analyst",
        "executive",
        "officer",
        "head",
        "founder",
        "director",
        "chairman",
        "president",
        "professor",
        "economist",
        "manager",
        "spokesperson",
        "spokesman",
        "spokeswoman",
        "investor",
    ];
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
                    out.push(M { start: i, end: e, entity: s[i..e].iter().collect(), kind: C });
                }
            }
        }
        let sentence_start = i == 0 || s[i - 1] == '\n' || i > 1 && s[i - 1] == ' ' && s[i - 2] == '.';
        if sentence_start {
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
                    out.push(M { start: i, end: e, entity: s[i..e].iter().collect(), kind: C });
                }
            }
        }
    }
}

/// Words for a firm before a name in quotes.
const QUOTE_LEADS: &[&str] = &["公司", "企业", "品牌", "平台", "机构", "厂商", "应用", "产品"];

/// A name in quotes after a word for a firm: 具身智能公司「星海图」, 品牌“元气森林”.
fn quoted_names(s: &[char], cues: &Cues, out: &mut Vec<M>) {
    // A lead word and its opening quote, the quote last.
    for &(_, e, _) in &cues.in_order(QUOTED) {
        let i = e - 1;
        let close = if s[i] == '「' { '」' } else { '”' };
        let Some(len) = s[i + 1..s.len().min(i + 14)].iter().position(|&c| c == close) else { continue };
        let name = &s[i + 1..i + 1 + len];
        let plain = name.iter().all(|&c| is_cjk(c) || c.is_ascii_alphanumeric() || c == ' ');
        if len >= 2 && plain {
            out.push(M { start: i + 1, end: i + 1 + len, entity: name.iter().collect(), kind: C });
        }
    }
}

/// Words of an English company name that say what it does, not which it is: Lanshan
/// Robotics Ltd. is later just Lanshan, Longi Green Energy Technology Co. Ltd. Longi.
const TRADE_WORDS: &[&str] = &[
    " Robotics",
    " Technology",
    " Technologies",
    " Tech",
    " Software",
    " Semiconductor",
    " Semiconductors",
    " Electronics",
    " Energy",
    " Green",
    " Solar",
    " Motors",
    " Motor",
    " Automotive",
    " Auto",
    " Networks",
    " Systems",
    " Pharmaceuticals",
    " Pharma",
    " Biotech",
    " Mining",
    " Power",
    " Logistics",
    " Materials",
    " Industries",
    " Industrial",
    " International",
    " Cloud",
    " Digital",
];

/// Short forms that are places or common words, never one firm's name.
const NOT_SHORT_NAMES: &[&str] = &[
    "China",
    "Chinese",
    "Hong",
    "Hong Kong",
    "Beijing",
    "Shanghai",
    "Shenzhen",
    "Tokyo",
    "Japan",
    "Asia",
    "Global",
    "International",
    "New",
    "General",
    "United",
    "American",
    "National",
    "First",
    "Great",
];

/// Later mentions of names found by shape: 星海图 again after 「星海图」, Infinidat after
/// Infinidat Inc. (the name without its legal suffix), Lanshan after Lanshan Robotics Ltd.
fn repeated_names(text: &str, s: &[char], known: &[M], found: &[M]) -> Vec<M> {
    const LEGAL: &[&str] = &[
        " Inc.",
        " Inc",
        " Ltd.",
        " Ltd",
        " Corp.",
        " Corp",
        " Co.",
        " Co.,",
        " Holdings",
        " Holding",
        " Group",
    ];
    let mut stems: Vec<(String, &M)> = Vec::new();
    for m in found.iter().filter(|m| m.kind != EntityKind::Person) {
        let name: String = s[m.start..m.end].iter().collect();
        let quoted = m.start > 0 && matches!(s[m.start - 1], '「' | '“');
        let mut forms = Vec::new();
        let mut stem = name.as_str();
        while let Some(x) = LEGAL.iter().find_map(|l| stem.strip_suffix(l)) {
            stem = x;
            forms.push(stem);
        }
        if !forms.is_empty() {
            while let Some(x) = TRADE_WORDS.iter().find_map(|w| stem.strip_suffix(w)) {
                stem = x;
            }
            if stem.len() >= 3 && !NOT_SHORT_NAMES.contains(&stem) {
                forms.push(stem);
            }
        } else if quoted {
            forms.push(&name);
        }
        for stem in forms {
            if stem.chars().count() >= 2 && !stems.iter().any(|(x, _)| x == stem) {
                stems.push((stem.to_string(), m));
            }
        }
    }
    let overlaps = |a: usize, b: usize| {
        let hit = |list: &[M]| {
            let k = list.partition_point(|m| m.end <= a);
            list.get(k).is_some_and(|m| m.start < b)
        };
        hit(known) || found.iter().any(|m| m.start < b && a < m.end)
    };
    let mut out = Vec::new();
    for (stem, first) in stems {
        let n = stem.chars().count();
        let (mut byte_pos, mut char_pos) = (0usize, 0usize);
        for (b, _) in text.match_indices(stem.as_str()) {
            char_pos += count_chars(&text.as_bytes()[byte_pos..b]);
            byte_pos = b;
            let (a, e) = (char_pos, char_pos + n);
            let glued = |c: Option<&char>| c.is_some_and(|c| c.is_ascii_alphanumeric());
            if stem.is_ascii() && (glued(a.checked_sub(1).and_then(|k| s.get(k))) || glued(s.get(e))) {
                continue;
            }
            if !overlaps(a, e) {
                out.push(M { start: a, end: e, entity: first.entity.clone(), kind: first.kind });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn run(t: &str) -> Vec<(String, String)> {
        let s: Vec<char> = t.chars().collect();
        let r = Registry::builtin();
        mentions(t, &s, r, &r.scan(t))
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

    /// The registry's matches, read from the article's shared pass, are those of an
    /// automaton of its aliases alone searching leftmost-longest.
    #[test]
    fn shared_pass_finds_the_leftmost_longest_aliases() {
        use aho_corasick::{AhoCorasick, MatchKind};
        let extra =
            Entity { name: "宇树科技".into(), kind: C, aliases: vec!["宇树".into(), "Unitree".into()] };
        let r = Registry::new(vec![extra]);
        let (patterns, owner) = alias_patterns(r.entities());
        let alone = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns).unwrap();
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/extract");
        let mut texts = vec!["华为云与华为昇腾、华为；北京智谱华章科技有限公司，智谱 AI、智谱AI；Meta Platforms、\
            metadata、Meta；半导体 ETF（512480）；腾讯投资腾讯云、Tencent Cloud；宇树科技和宇树，UnitreeX 与 Unitree"
            .to_string()];
        for f in std::fs::read_dir(fixtures).unwrap() {
            let path = f.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        // Some fixture articles name no registered entity; all of them together do.
        let mut found = 0;
        for t in &texts {
            let s: Vec<char> = t.chars().collect();
            let mut got = Vec::new();
            r.find(&s, &r.scan(t), &mut got);
            let chars = |b: usize| t[..b].chars().count();
            let want: Vec<M> = alone
                .find_iter(t.as_str())
                .filter(|m| {
                    let glued = |c: Option<char>, edge: char| {
                        c.is_some_and(|c| c.is_ascii_alphanumeric()) && edge.is_ascii_alphanumeric()
                    };
                    let alias = &t[m.start()..m.end()];
                    !glued(t[..m.start()].chars().next_back(), alias.chars().next().unwrap())
                        && !glued(t[m.end()..].chars().next(), alias.chars().next_back().unwrap())
                })
                .map(|m| {
                    let e = &r.entities()[owner[m.pattern().as_usize()]];
                    M { start: chars(m.start()), end: chars(m.end()), entity: e.name.clone(), kind: e.kind }
                })
                .collect();
            found += want.len();
            assert_eq!(got, want, "{}", &t[..t.len().min(60)]);
        }
        assert!(found > 0);
    }

    /// Sentence ends read from the shared pass are those found char by char.
    #[test]
    fn shared_pass_finds_sentence_ends() {
        let t = "标题\n第一句。第二句！Mr. Smith said so. 3.5? 末尾";
        let s: Vec<char> = t.chars().collect();
        let r = Registry::builtin();
        let ends: Vec<usize> = r.scan(t).in_order(SENTENCE_END).iter().map(|h| h.0).collect();
        assert_eq!(ends, crate::extract::text::sentence_ends(&s));
        assert_eq!(ends.len(), 7);
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
                ("Lanshan Robotics Ltd.", "Lanshan Robotics Ltd."),
                ("Lanshan", "Lanshan Robotics Ltd."),
                ("Tokyo Electron Ltd.", "Tokyo Electron Ltd.")
            ]
        );
        let got = run("星辰智能公告\n杭州星辰智能科技股份有限公司董事会");
        assert!(got.iter().all(|(_, e)| e == "杭州星辰智能科技股份有限公司"), "{got:?}");
        let got = run("TAKESHI MORI, staff writer\n\nBy Daniel Wu and Mei Lin\n证券分析师：李明远");
        let texts: Vec<&str> = got.iter().map(|(t, _)| t.as_str()).collect();
        assert_eq!(texts, ["TAKESHI MORI", "Daniel Wu", "Mei Lin", "李明远"]);
    }

    #[test]
    fn users_extend_the_registry() {
        let r =
            Registry::new(vec![Entity {
                name: "宇树科技".into(), kind: C, aliases: vec!["Unitree".into()]
            }]);
        let t = "Unitree 与宇树科技";
        let s: Vec<char> = t.chars().collect();
        let got: Vec<String> = mentions(t, &s, &r, &r.scan(t)).into_iter().map(|m| m.entity).collect();
        assert_eq!(got, ["宇树科技", "宇树科技"]);
    }
}
