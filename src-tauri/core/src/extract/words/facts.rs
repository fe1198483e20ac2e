//! Words of fact building: metric names, investor cues, round names, pronouns, stock and
//! volume words, and the single markers fact rules ask about. Data only.

/// Words that name a metric; the nearest to the quantity wins. Percentages only take the
/// metrics that a percentage can express, amounts only those an amount can.
pub const METRIC_WORDS: &[(&str, &str)] = &[
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

/// Which way a figure moves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
}

/// Verbs and adverbs of a move, with its direction: the one that governs a percentage or a
/// multiple signs it (跌0.2% is −0.2%, "ended 3.54 per cent down" −3.54%) and makes it a
/// change even when no metric word is near (騰訊升2%).
pub const DIRECTIONS: &[(&str, Direction)] = &[
    ("升", Direction::Up),
    ("涨", Direction::Up),
    ("漲", Direction::Up),
    ("增", Direction::Up),
    ("高开", Direction::Up),
    ("翻", Direction::Up),
    ("扩大", Direction::Up),
    ("+", Direction::Up),
    ("rose", Direction::Up),
    ("rise", Direction::Up),
    ("risen", Direction::Up),
    ("up", Direction::Up),
    ("jump", Direction::Up),
    ("jumped", Direction::Up),
    ("surged", Direction::Up),
    ("soared", Direction::Up),
    ("gained", Direction::Up),
    ("climbed", Direction::Up),
    ("rallied", Direction::Up),
    ("advanced", Direction::Up),
    ("added", Direction::Up),
    ("grew", Direction::Up),
    ("increase", Direction::Up),
    ("increased", Direction::Up),
    ("higher", Direction::Up),
    ("跌", Direction::Down),
    ("挫", Direction::Down),
    ("降", Direction::Down),
    ("减", Direction::Down),
    ("減", Direction::Down),
    ("下滑", Direction::Down),
    ("低开", Direction::Down),
    ("收窄", Direction::Down),
    ("萎缩", Direction::Down),
    ("fell", Direction::Down),
    ("fall", Direction::Down),
    ("fallen", Direction::Down),
    ("down", Direction::Down),
    ("lost", Direction::Down),
    ("lower", Direction::Down),
    ("declined", Direction::Down),
    ("decline", Direction::Down),
    ("dropped", Direction::Down),
    ("drop", Direction::Down),
    ("slid", Direction::Down),
    ("slumped", Direction::Down),
    ("tumbled", Direction::Down),
    ("plunged", Direction::Down),
    ("nosedived", Direction::Down),
    ("eased", Direction::Down),
    ("shed", Direction::Down),
    ("gave up", Direction::Down),
    ("decreased", Direction::Down),
    ("contracted", Direction::Down),
];

/// Words between an amount and the same amount in another currency: 15亿美元（约合人民币
/// 110亿元）, 2.22 billion rupees (about $27 million).
pub const CONVERSION_WORDS: &[&str] = &[
    "约合",
    "折合",
    "约",
    "合",
    "相当于",
    "即",
    "about",
    "approximately",
    "around",
    "roughly",
    "or",
    "nearly",
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
pub const MARKERS: &[&str] = &[
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

// The markers, by their index in `MARKERS`.
pub const MARKET_SIZE: usize = 0;
pub const MARKET: usize = 1;
pub const LEAD: usize = 2;
pub const LED_BY: usize = 3;
pub const FOLLOW: usize = 4;
pub const JOIN: usize = 5;

/// Words of a stock-market listing: money raised there is IPO proceeds.
pub const LISTING: std::ops::Range<usize> = 6..10;

/// 分别, then "respectively" (which follows the amounts).
pub const RESPECTIVELY: usize = 10;

/// An existing investor putting in more (老股东IDG资本持续加注).
pub const TOP_UP: usize = 12;

/// Now (累计融资至今, has raised to date): a figure as of the article, not of a date
/// named earlier in its sentence.
pub const NOW: std::ops::Range<usize> = 13..18;

/// Words that make a percentage move a price change (shares, index, ETF).
pub const STOCK_WORDS: &[&str] = &["shares", "Shares", "stock", "股价", "指数", "Index", "ETF"];

/// The stock words that name a company's shares (not an index or a fund).
pub const SHARE_WORDS: std::ops::Range<usize> = 0..4;

/// Volumes a firm reports (比亚迪销量增长20%, Tesla's deliveries rose 5%): a figure named
/// before a move, so that the move is growth, not the share price's.
pub const VOLUME_WORDS: &[&str] = &[
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

/// Figures a firm reports about itself, not its share price or market value.
pub const FIRM_METRICS: &[&str] =
    &["valuation", "revenue", "profit", "loss", "market_size", "users", "funding", "proceeds"];

/// Names of funding rounds (B轮, Series C, IPO).
pub const ROUNDS: &[&str] = &[
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

/// Words before a round's investors (投资方包括, backed by, with participation from).
pub const INVESTOR_CUES: &[&str] = &[
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

/// Pronouns and phrases that refer to a firm named before (该公司, its, the company).
pub const ANAPHORA: &[&str] = &[
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

/// Words before a name that cite it as a source (据彭博, according to IDC).
pub const SOURCE_BEFORE: &[&str] = &["据", "according to", "根据", "Analysts at", "analysts at"];

/// Words after a name that make it a source (Xsignal 平台显示, IDC estimates).
pub const SOURCE_AFTER: &[&str] = &[
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
];

/// Words that open a market's name and are no part of it (预计, 目前, 我国).
pub const MARKET_LEADS: &[&str] =
    &["预计", "而", "到", "据", "未来五年", "未来三年", "目前", "今年", "明年", "其中", "我国"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn markers_are_addressed_by_their_index() {
        let named = [(MARKET_SIZE, "市场规模"), (MARKET, " market"), (LEAD, "领投"), (LED_BY, "led by")];
        let named = named.into_iter().chain([(FOLLOW, "跟投"), (JOIN, "参投"), (RESPECTIVELY, "分别")]);
        for (k, w) in named.chain([(RESPECTIVELY + 1, "respectively"), (TOP_UP, "加注")]) {
            assert_eq!(MARKERS[k], w);
        }
        assert_eq!(MARKERS[LISTING], ["initial public offering", "招股", "上市", "listing"]);
        assert_eq!(MARKERS[NOW], ["目前", "至今", "迄今", "to date", "so far"]);
        assert_eq!(STOCK_WORDS[SHARE_WORDS], ["shares", "Shares", "stock", "股价"]);
    }
}
