//! A deterministic corpus of market news in the style of the Chinese business
//! press and English wire copy: same seed, same articles, on every machine.

/// splitmix64: small, fast, and the same everywhere.
pub struct Rng(u64);

impl Rng {
    pub fn new(seed: u64) -> Self {
        Self(seed)
    }

    pub fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    pub fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    pub fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const ZH_COMPANIES: &[&str] = &[
    "智谱",
    "月之暗面",
    "阶跃星辰",
    "百川智能",
    "零一万物",
    "MiniMax",
    "DeepSeek",
    "幻方量化",
    "科大讯飞",
    "寒武纪",
    "摩尔线程",
    "青禾芯片",
    "星河算力",
    "远帆汽车",
    "蓝湾电池",
    "北辰光伏",
    "云栖数据",
    "启明消费",
];
const ZH_TOPICS: &[&str] = &[
    "AI芯片",
    "大模型",
    "算力",
    "新能源汽车",
    "动力电池",
    "光伏",
    "半导体设备",
    "云计算",
    "消费电子",
    "人工智能",
    "机器人",
    "创新药",
    "储能",
    "智能驾驶",
];
const ZH_OUTLETS: &[&str] = &["科技商报", "经济观察周刊", "财经日报", "证券导报", "汽车周刊", "产业观察"];
const ZH_PEOPLE: &[&str] = &["龚斌", "林海", "周岚", "许然", "宋佳", "陈默", "赵一鸣", "何婧"];
const ZH_CITIES: &[&str] = &["北京", "上海", "深圳", "杭州", "合肥", "成都", "苏州", "武汉"];
const ZH_SENTENCES: &[&str] = &[
    "{month}，{co}宣布完成新一轮融资，金额约{n}亿元人民币，投后估值超过{n2}亿元。",
    "据{outlet}记者梳理，{topic}板块今年以来累计上涨{pct}%，成交额较去年同期明显放大。",
    "{person}表示，{topic}行业的竞争正在从价格转向技术，头部企业的市场份额还将进一步提升。",
    "受{co}新品发布带动，相关ETF（5124{d}{d}）当日收涨{pct}%，资金净流入{n}亿元。",
    "业内人士认为，{co}在{topic}领域的布局仍处于早期阶段，商业化能力有待进一步观察。",
    "数据显示，2024年中国{topic}市场规模达到{n}亿元，同比增长{pct}%，增速高于全球平均水平。",
    "{city}市近日出台支持{topic}产业发展的若干措施，对符合条件的企业给予最高{n}万元补贴。",
    "与{co2}相比，{co}更强调开源生态，其模型在开发者社区的下载量已超过{n}万次。",
    "分析师预计，未来三年{topic}需求的年均增速将保持在{pct}%左右，供给端的扩产节奏需要关注。",
    "{co}相关负责人在接受采访时称，公司暂无上市计划，将继续加大在{topic}方面的研发投入。",
    "截至{month}底，已有{n}家企业宣布接入{co}的模型，涵盖云服务商、手机厂商和芯片厂商。",
    "一位接近{co}的人士透露，公司正与多家地方产业基金洽谈，估值或较上一轮提升{pct}%。",
    "{co}与{co2}在{topic}市场的份额差距正在缩小，前者的毛利率约为{pct}%。",
    "记者注意到，{topic}相关上市公司一季度合计实现营收{n}亿元，其中净利润同比下降{pct}%。",
    "在{city}举行的行业论坛上，多位嘉宾提到，训练成本下降让中小企业也能用得起大模型。",
];
const ZH_TITLES: &[&str] = &[
    "{co}获新一轮融资 {topic}赛道估值再抬升",
    "{topic}市场规模突破{n}亿元 产业链迎来新机遇",
    "{co}发布新品 {topic}板块应声走强",
    "{city}加码{topic}产业 多家企业落地新项目",
    "{co}与{co2}竞逐{topic} 行业格局生变",
];

const EN_COMPANIES: &[&str] = &[
    "Zhipu",
    "Moonshot AI",
    "StepFun",
    "Baichuan",
    "01.AI",
    "MiniMax",
    "DeepSeek",
    "Cambricon",
    "Moore Threads",
    "Harbor Chips",
    "Northstar Solar",
    "Bluebay Battery",
    "Farsail Motors",
];
const EN_TOPICS: &[&str] = &[
    "AI chips",
    "large language models",
    "computing power",
    "electric vehicles",
    "batteries",
    "solar panels",
    "cloud services",
    "consumer electronics",
    "robotics",
    "data centres",
];
const EN_OUTLETS: &[&str] = &["Harbour Markets Daily", "Pacific Business Wire", "Asia Tech Ledger"];
const EN_PEOPLE: &[&str] = &["Clara Wen", "Daniel Hsu", "Mei Tan", "Oliver Grant", "Priya Nair"];
const EN_SENTENCES: &[&str] = &[
    "{co} closed a funding round of {n} billion yuan in {month_en}, people familiar with the matter said.",
    "Shares tied to {topic} rose {pct}% on Friday, extending a rally that began after DeepSeek released its reasoning model.",
    "Analysts at two brokerages put the market for {topic} at {n} billion yuan for 2024, up {pct}% from a year earlier.",
    "{person}, an analyst who follows the sector, said competition in {topic} is shifting from price to technology.",
    "The chip ETF 512480 closed {pct}% higher, its best day in a month, as turnover climbed to {n} billion yuan.",
    "{co} said it has no plans to list its shares and will keep spending on research into {topic}.",
    "Investors say valuations have become harder to justify, and funding terms for start-ups have tightened.",
    "Compared with {co2}, {co} has leaned on open-source releases, which developers have downloaded {n} thousand times.",
    "Local governments are offering subsidies of up to {n} million yuan to companies working on {topic}.",
    "Revenue from {topic} grew {pct}% in the first quarter, while net profit fell as prices kept dropping.",
    "Executives at {co} declined to comment on the valuation, which some bankers put above {n} billion dollars.",
];
const EN_TITLES: &[&str] = &[
    "{co} Raises Fresh Capital as Valuations Climb",
    "{topic}: Market Tops {n} Billion Yuan as Demand Grows",
    "{co} and {co2} Battle for Share in {topic}",
    "Shares in {topic} Rally After {co} Launch",
];
const MONTHS_ZH: &[&str] =
    &["1月", "2月", "3月", "4月", "5月", "6月", "7月", "8月", "9月", "10月", "11月", "12月"];
const MONTHS_EN: &[&str] = &["January", "February", "March", "April", "May", "June", "July", "August"];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Language {
    Zh,
    En,
    /// Chinese text with English sentences mixed in.
    Mixed,
}

pub struct Article {
    pub title: String,
    pub body: String,
    pub outlet: String,
    pub published: String,
    pub language: Language,
}

impl Article {
    /// The canonical text: headline, blank line, body (as the text importer stores it).
    pub fn text(&self) -> String {
        format!("{}\n\n{}", self.title, self.body)
    }
}

fn fill(template: &str, rng: &mut Rng, zh: bool) -> String {
    let (companies, topics) = if zh { (ZH_COMPANIES, ZH_TOPICS) } else { (EN_COMPANIES, EN_TOPICS) };
    let co = rng.pick(companies);
    let mut out = template.to_owned();
    while let Some(start) = out.find('{') {
        let end = start + out[start..].find('}').expect("closed placeholder");
        let value = match &out[start + 1..end] {
            "co" => co.to_owned(),
            "co2" => loop {
                let other = rng.pick(companies);
                if other != co {
                    break other.to_owned();
                }
            },
            "topic" => rng.pick(topics).to_owned(),
            "outlet" => rng.pick(ZH_OUTLETS).to_owned(),
            "person" => rng.pick(if zh { ZH_PEOPLE } else { EN_PEOPLE }).to_owned(),
            "city" => rng.pick(ZH_CITIES).to_owned(),
            "month" => rng.pick(MONTHS_ZH).to_owned(),
            "month_en" => rng.pick(MONTHS_EN).to_owned(),
            "n" | "n2" => (10 + rng.below(1990)).to_string(),
            "pct" => format!("{}.{:02}", rng.below(60), rng.below(100)),
            "d" => rng.below(10).to_string(),
            other => panic!("unknown placeholder {other}"),
        };
        out.replace_range(start..=end, &value);
    }
    out
}

/// Article number `index` of the corpus; bodies are about `bytes` long in UTF-8.
pub fn article(index: u64, bytes: usize) -> Article {
    let mut rng = Rng::new(index.wrapping_mul(0x2545_F491_4F6C_DD1D) ^ 0x0D05_51E4);
    let language = match rng.below(20) {
        0..=11 => Language::Zh,
        12..=16 => Language::En,
        _ => Language::Mixed,
    };
    let zh = language != Language::En;
    let title = fill(rng.pick(if zh { ZH_TITLES } else { EN_TITLES }), &mut rng, zh);
    let outlet = rng.pick(if zh { ZH_OUTLETS } else { EN_OUTLETS }).to_owned();
    let mut body = if zh {
        format!("本报记者 {} {}报道", rng.pick(ZH_PEOPLE), rng.pick(ZH_CITIES))
    } else {
        format!("By {}, {outlet}", rng.pick(EN_PEOPLE))
    };
    while body.len() < bytes {
        body.push_str("\n\n");
        for s in 0..3 + rng.below(3) {
            let english = language == Language::En || (language == Language::Mixed && rng.below(3) == 0);
            if s > 0 && english {
                body.push(' ');
            }
            let sentences = if english { EN_SENTENCES } else { ZH_SENTENCES };
            body.push_str(&fill(rng.pick(sentences), &mut rng, !english));
        }
    }
    let published = format!("{}-{:02}-{:02}", 2023 + rng.below(3), 1 + rng.below(12), 1 + rng.below(28));
    Article { title, body, outlet, published, language }
}

/// The same article as a saved web page, with the clutter pages carry.
pub fn html(article: &Article) -> String {
    let paragraphs: String = article.body.split("\n\n").map(|p| format!("<p>{}</p>\n", escape(p))).collect();
    format!(
        "<!DOCTYPE html>\n<html lang=\"{}\"><head><meta charset=\"utf-8\"><title>{title}</title>\n\
         <meta property=\"og:site_name\" content=\"{outlet}\">\n\
         <meta property=\"article:published_time\" content=\"{}\"></head>\n\
         <body><nav><a href=\"/\">首页</a> <a href=\"/markets\">Markets</a></nav>\n\
         <article><h1>{title}</h1>\n{paragraphs}</article>\n\
         <footer>Copyright {outlet}. All rights reserved.</footer></body></html>\n",
        if article.language == Language::En { "en" } else { "zh" },
        article.published,
        title = escape(&article.title),
        outlet = escape(&article.outlet),
    )
}

fn escape(text: &str) -> String {
    text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;")
}
