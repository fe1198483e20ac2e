//! Words around amounts: currencies before and after them, minor units, counted nouns,
//! units of time, hedges, separators of ranges, and multiples and percentages written as
//! words. Data only; `quantities` indexes the tables it looks up around every amount.

use crate::extract::kinds::Qualifier;

/// Currency words written after the amount, longest first within a shared prefix. English
/// words match in any case (lower-cased wire copy writes "swiss francs").
pub const CURRENCY_AFTER: &[(&str, &str)] = &[
    ("元人民币", "CNY"),
    ("元港币", "HKD"),
    ("元美金", "USD"),
    ("元", "CNY"),
    ("人民币", "CNY"),
    ("块钱", "CNY"),
    ("块", "CNY"),
    ("美元", "USD"),
    ("美金", "USD"),
    ("美圆", "USD"),
    ("港元", "HKD"),
    ("港币", "HKD"),
    ("欧元", "EUR"),
    ("日元", "JPY"),
    ("日圆", "JPY"),
    ("新台币", "TWD"),
    ("台币", "TWD"),
    ("新台幣", "TWD"),
    ("台幣", "TWD"),
    ("港幣", "HKD"),
    // Japanese: 2500億円.
    ("円", "JPY"),
    ("英镑", "GBP"),
    ("瑞士法郎", "CHF"),
    ("法郎", "CHF"),
    ("韩元", "KRW"),
    ("澳元", "AUD"),
    ("加元", "CAD"),
    ("新加坡元", "SGD"),
    ("新元", "SGD"),
    ("卢布", "RUB"),
    ("卢比", "INR"),
    ("奈拉", "NGN"),
    ("个比特币", "BTC"),
    ("比特币", "BTC"),
    ("€", "EUR"),
    (" €", "EUR"),
    (" US dollars", "USD"),
    (" US dollar", "USD"),
    (" U.S. dollars", "USD"),
    (" Hong Kong dollars", "HKD"),
    (" Australian dollars", "AUD"),
    (" Canadian dollars", "CAD"),
    (" Singapore dollars", "SGD"),
    (" New Taiwan dollars", "TWD"),
    (" Taiwan dollars", "TWD"),
    (" New Zealand dollars", "NZD"),
    (" dollars", "USD"),
    (" dollar", "USD"),
    (" Chinese yuan", "CNY"),
    (" yuan", "CNY"),
    (" renminbi", "CNY"),
    (" euros", "EUR"),
    (" euro", "EUR"),
    (" pounds sterling", "GBP"),
    (" pounds", "GBP"),
    (" pound", "GBP"),
    (" sterling", "GBP"),
    (" yen", "JPY"),
    (" won", "KRW"),
    (" Swiss francs", "CHF"),
    (" francs", "CHF"),
    (" rupees", "INR"),
    (" rupiah", "IDR"),
    (" ringgit", "MYR"),
    (" baht", "THB"),
    (" roubles", "RUB"),
    (" rubles", "RUB"),
    (" Turkish lira", "TRY"),
    (" lira", "TRY"),
    (" reais", "BRL"),
    (" Mexican pesos", "MXN"),
    (" bitcoins", "BTC"),
    (" RMB", "CNY"),
    (" USD", "USD"),
    (" CNY", "CNY"),
    (" HKD", "HKD"),
    (" EUR", "EUR"),
    (" JPY", "JPY"),
    (" GBP", "GBP"),
    (" CHF", "CHF"),
    (" AUD", "AUD"),
    (" CAD", "CAD"),
    (" SGD", "SGD"),
    (" TWD", "TWD"),
    (" BTC", "BTC"),
];

/// Words of the table above that are too common to name a currency without an amount
/// (元旦, 一块, "won the bid", "pounds of copper").
pub const NOT_NAMES_ALONE: &[&str] =
    &["元", "块", "块钱", "个比特币", "€", " won", " pound", " pounds", " lira"];

/// Minor units after an amount, in hundredths of the currency: 50 cents = 0.5 USD.
pub const MINOR_AFTER: &[(&str, &str)] =
    &[("美分", "USD"), (" cents", "USD"), (" cent", "USD"), (" pence", "GBP"), (" penny", "GBP")];

/// Currency signs and codes written before the amount (an optional space may follow).
/// Letters before a dollar sign (US$, HK$, C $) are read by `dollar_prefix`.
pub const CURRENCY_BEFORE: &[(&str, &str)] = &[
    ("$", "USD"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("RMB", "CNY"),
    ("USD", "USD"),
    ("CNY", "CNY"),
    ("HKD", "HKD"),
    ("EUR", "EUR"),
    ("JPY", "JPY"),
    ("GBP", "GBP"),
    ("人民币", "CNY"),
    ("港币", "HKD"),
    ("新台币", "TWD"),
    ("新台幣", "TWD"),
    ("₹", "INR"),
    ("Rs", "INR"),
    ("Rs.", "INR"),
    ("INR", "INR"),
];

/// Magnitudes written between a currency and its number (Rs crore 298).
pub const SCALE_BEFORE: &[(&str, f64)] = &[("crore", 1e7), ("lakh", 1e5), ("million", 1e6), ("billion", 1e9)];

/// Measure words and counted nouns after a number (Chinese, then English after a space).
pub const COUNTED: &[(&str, &str)] = &[
    ("日活跃用户", "用户"),
    ("月活跃用户", "用户"),
    ("活跃用户", "用户"),
    ("用户", "用户"),
    ("人次", "人次"),
    ("员工", "员工"),
    ("家", "家"),
    ("个", "个"),
    ("個", "个"),
    ("名", "名"),
    ("位", "位"),
    ("款", "款"),
    ("项", "项"),
    ("次", "次"),
    ("台", "台"),
    ("辆", "辆"),
    ("輛", "辆"),
    ("架", "架"),
    ("张", "张"),
    ("張", "张"),
    ("件", "件"),
    ("条", "条"),
    ("所", "所"),
    ("座", "座"),
    ("户", "户"),
    ("笔", "笔"),
    ("轮", "轮"),
    ("部", "部"),
    ("套", "套"),
    ("枚", "枚"),
    ("颗", "颗"),
    ("股", "股"),
    ("只", "只"),
    ("份", "份"),
    ("单", "单"),
    ("人", "人"),
    (" daily active users", "users"),
    (" weekly active users", "users"),
    (" weekly users", "users"),
    (" daily users", "users"),
    (" monthly users", "users"),
    (" DAU", "users"),
    (" MAU", "users"),
    (" monthly active users", "users"),
    (" active users", "users"),
    (" users", "users"),
    (" customers", "customers"),
    (" subscribers", "subscribers"),
    (" employees", "employees"),
    (" people", "people"),
    (" companies", "companies"),
    (" firms", "companies"),
    (" start-ups", "companies"),
    (" startups", "companies"),
    (" shares", "shares"),
    (" units", "units"),
    (" vehicles", "vehicles"),
    (" cars", "vehicles"),
    (" passenger vehicles", "vehicles"),
    (" passenger cars", "vehicles"),
    (" electric vehicles", "vehicles"),
    (" chips", "chips"),
    (" GPUs", "GPUs"),
    (" devices", "devices"),
    (" downloads", "downloads"),
    (" stores", "stores"),
    (" deals", "deals"),
    (" investors", "investors"),
];

/// Units of time after a number: durations and dates, not quantities.
pub const TIME_AFTER: &[&str] = &[
    "年", "月", "日", "号", "时", "点", "分钟", "分", "秒", "天", "周", "季度", "小时", "个月", "個月", "岁",
    "世纪", "代", " years", " year", " months", " month", " days", " weeks", " hours", "-year", "-month",
    "-day",
];

/// Hedges before a number, longest first; English ones are followed by a space.
pub const HEDGE_BEFORE: &[(&str, Qualifier)] = &[
    ("大于等于", Qualifier::Gte),
    ("大于或等于", Qualifier::Gte),
    ("大于或者等于", Qualifier::Gte),
    ("小于等于", Qualifier::Lte),
    ("小于或等于", Qualifier::Lte),
    ("小于或者等于", Qualifier::Lte),
    ("小于 或 等于", Qualifier::Lte),
    ("不大于", Qualifier::Lte),
    ("不多于", Qualifier::Lte),
    ("不小于", Qualifier::Gte),
    ("超过了", Qualifier::Gt),
    ("至少有", Qualifier::Gte),
    ("至少是", Qualifier::Gte),
    ("至少为", Qualifier::Gte),
    ("最多为", Qualifier::Lte),
    ("最多有", Qualifier::Lte),
    ("不超过", Qualifier::Lte),
    ("不高于", Qualifier::Lte),
    ("不低于", Qualifier::Gte),
    ("不少于", Qualifier::Gte),
    // 预计差异不会超过10%: a bound, not an excess.
    ("不会超过", Qualifier::Lte),
    ("不会高于", Qualifier::Lte),
    ("不会低于", Qualifier::Gte),
    ("不会少于", Qualifier::Gte),
    // Traditional characters (Taiwan, Hong Kong).
    ("不超過", Qualifier::Lte),
    ("不會超過", Qualifier::Lte),
    ("超過", Qualifier::Gt),
    ("高達", Qualifier::Lte),
    ("將近", Qualifier::Approx),
    ("約為", Qualifier::Approx),
    ("約", Qualifier::Approx),
    ("不到", Qualifier::Lt),
    ("不足", Qualifier::Lt),
    ("少于", Qualifier::Lt),
    ("低于", Qualifier::Lt),
    ("小于", Qualifier::Lt),
    ("未满", Qualifier::Lt),
    ("至少", Qualifier::Gte),
    ("最少", Qualifier::Gte),
    ("起码", Qualifier::Gte),
    ("超过", Qualifier::Gt),
    ("超出", Qualifier::Gt),
    ("突破", Qualifier::Gt),
    ("多于", Qualifier::Gt),
    ("高于", Qualifier::Gt),
    ("大于", Qualifier::Gt),
    ("逾", Qualifier::Gt),
    ("超", Qualifier::Gt),
    ("高达", Qualifier::Lte),
    ("最高达", Qualifier::Lte),
    ("最多", Qualifier::Lte),
    ("至多", Qualifier::Lte),
    ("大约", Qualifier::Approx),
    ("约为", Qualifier::Approx),
    ("约", Qualifier::Approx),
    ("将近", Qualifier::Approx),
    ("接近", Qualifier::Approx),
    ("近", Qualifier::Approx),
    ("大概", Qualifier::Approx),
    ("≥", Qualifier::Gte),
    ("≤", Qualifier::Lte),
    (">=", Qualifier::Gte),
    ("<=", Qualifier::Lte),
    ("> =", Qualifier::Gte),
    ("< =", Qualifier::Lte),
    (">", Qualifier::Gt),
    ("<", Qualifier::Lt),
    ("at least ", Qualifier::Gte),
    ("at most ", Qualifier::Lte),
    ("no less than ", Qualifier::Gte),
    ("not less than ", Qualifier::Gte),
    ("no fewer than ", Qualifier::Gte),
    ("greater than or equal to ", Qualifier::Gte),
    ("more than or equal to ", Qualifier::Gte),
    ("equal to or more than ", Qualifier::Gte),
    ("equal to or greater than ", Qualifier::Gte),
    ("less than or equal to ", Qualifier::Lte),
    ("equal to or less than ", Qualifier::Lte),
    ("not more than ", Qualifier::Lte),
    ("greater than ", Qualifier::Gt),
    ("larger than ", Qualifier::Gt),
    ("bigger than ", Qualifier::Gt),
    ("higher than ", Qualifier::Gt),
    ("in excess of ", Qualifier::Gt),
    ("upwards of ", Qualifier::Gt),
    ("exceed ", Qualifier::Gt),
    ("exceeds ", Qualifier::Gt),
    ("surpass ", Qualifier::Gt),
    ("smaller than ", Qualifier::Lt),
    ("lower than ", Qualifier::Lt),
    ("more than ", Qualifier::Gt),
    ("over ", Qualifier::Gt),
    ("above ", Qualifier::Gt),
    ("exceeding ", Qualifier::Gt),
    ("exceeded ", Qualifier::Gt),
    ("topped ", Qualifier::Gt),
    ("surpassed ", Qualifier::Gt),
    ("less than ", Qualifier::Lt),
    ("fewer than ", Qualifier::Lt),
    ("under ", Qualifier::Lt),
    ("below ", Qualifier::Lt),
    ("up to ", Qualifier::Lte),
    ("as much as ", Qualifier::Lte),
    ("as many as ", Qualifier::Lte),
    ("no more than ", Qualifier::Lte),
    ("about ", Qualifier::Approx),
    ("around ", Qualifier::Approx),
    ("roughly ", Qualifier::Approx),
    ("approximately ", Qualifier::Approx),
    ("nearly ", Qualifier::Approx),
    ("almost ", Qualifier::Approx),
    ("near ", Qualifier::Approx),
    ("close to ", Qualifier::Approx),
    ("some ", Qualifier::Approx),
    ("an estimated ", Qualifier::Approx),
];

/// Hedges after a number (左右, 以上, or more).
pub const HEDGE_AFTER: &[(&str, Qualifier)] = &[
    ("左右", Qualifier::Approx),
    ("上下", Qualifier::Approx),
    ("及以上", Qualifier::Gte),
    ("以上", Qualifier::Gt),
    ("以下", Qualifier::Lt),
    ("以内", Qualifier::Lte),
    ("或以上", Qualifier::Gte),
    ("或者以上", Qualifier::Gte),
    ("或更多", Qualifier::Gte),
    ("或者更多", Qualifier::Gte),
    ("或以下", Qualifier::Lte),
    ("或者以下", Qualifier::Lte),
    (" 之下", Qualifier::Lt),
    ("之下", Qualifier::Lt),
    (" or more", Qualifier::Gte),
    (" and more", Qualifier::Gte),
    (" or greater", Qualifier::Gte),
    (" or above", Qualifier::Gte),
    (" or higher", Qualifier::Gte),
    (" or less", Qualifier::Lte),
    (" or fewer", Qualifier::Lte),
    (" or below", Qualifier::Lte),
    (" or lower", Qualifier::Lte),
    (" or so", Qualifier::Approx),
];

/// Verbs that take "over" as a particle (hand over, took over): no hedge after them.
pub const PARTICLE_VERBS: &[&str] = &[
    "hand ", "hands ", "handed ", "handing ", "take ", "takes ", "took ", "taken ", "taking ", "turn ",
    "turns ", "turned ", "turning ", "carry ", "carried ", "pass ", "passed ", "passing ", "roll ",
    "rolled ", "rolling ", "win ", "won ", "sign ", "signed ",
];

/// Verbs of change before "from A to B": a move from one figure to another, not a range.
pub const CHANGE_VERBS: &[&str] = &[
    "rose",
    "rise",
    "rising",
    "fell",
    "fall",
    "falling",
    "increased",
    "decreased",
    "grew",
    "climbed",
    "jumped",
    "dropped",
    "declined",
    "raised",
    "cut",
    "lowered",
    "lifted",
    "slipped",
    "surged",
    "widened",
    "narrowed",
    "boosted",
    "trimmed",
    "slid",
    "soared",
    "plunged",
    "up",
    "down",
    "changed",
    "moved",
    "upgraded",
    "downgraded",
];

/// Separators of a range between two amounts (" and " only after "between", 与 and 和 only
/// before 之间).
pub const RANGE_SEP: &[&str] =
    &["到", "至", "~", "～", "-", "－", "—", "–", "——", " to ", " through ", " and ", "与", "和"];

/// Words between a lower and an upper bound that make one range of them (大于10并且小于20).
pub const BOUND_JOINERS: &[&str] =
    &["", "并且", "并", "且", "而且", "的同时", "同时", "，", ",", "、", " and ", " but ", ", "];

/// Percentages written as words (see `word_percents`).
pub const PERCENT_WORDS: &[(&str, f64)] = &[("对折", 50.0), ("對折", 50.0), ("半折", 50.0), ("半成", 5.0)];

/// Multiples written as words (see `word_multiples`).
pub const MULTIPLE_WORDS: &[(&str, f64)] = &[
    ("一半", 0.5),
    ("翻一番", 2.0),
    ("翻两番", 4.0),
    ("翻番", 2.0),
    ("翻倍", 2.0),
    ("doubled", 2.0),
    ("double", 2.0),
    ("tripled", 3.0),
    ("triple", 3.0),
    ("trebled", 3.0),
    ("quadrupled", 4.0),
    ("halved", 0.5),
];

/// The mark of a table column of percentages.
pub const PERCENT_MARKS: &[&str] = &["（%）", "(%)"];

/// Marks of web addresses (numbers inside one are not amounts).
pub const URL_MARKS: &[&str] = &["://", "www."];

/// Names of the New Taiwan dollar and of the renminbi, the Hong Kong dollar and Hong
/// Kong's market: whether bare 元 is the yuan of Taiwan or of Hong Kong.
pub const TWD_NAMES: &[&str] = &["新台幣", "新台币", "台幣", "NT$"];
pub const CNY_NAMES: &[&str] = &["人民币", "人民幣", "RMB"];
pub const HKD_NAMES: &[&str] = &["港元", "港币", "港幣", "HK$"];
pub const HK_MARKET: &[&str] = &["港股", "恒指", "恒生指数", "恒生指數", "港交所", "大市"];

/// Frequent characters of traditional script that simplified text writes otherwise: a
/// Hong Kong or Taiwan paper writes many of them.
pub const TRADITIONAL: &[&str] = &[
    "個", "們", "會", "經", "這", "來", "後", "為", "與", "對", "說", "時", "實", "開", "關", "發", "場",
    "國", "區", "億", "萬", "價", "額", "漲", "報", "業", "動", "長", "無", "進", "過",
];

/// Words after a number that make it a percentage.
pub const PERCENT_AFTER: &[&str] = &[
    " percentage points",
    " percentage point",
    " percentage",
    " per cent",
    " percents",
    " percent",
    " pct",
    "个百分点",
    "個百分點",
];

/// Words after a number that make it a multiple.
pub const MULTIPLE_AFTER: &[&str] = &["倍", " times", "-fold", " fold", "x"];

/// Magnitudes a table's unit note may give (RMB million, 亿元, '000).
pub const MAGNITUDES: &[(&str, f64)] = &[
    ("'000", 1e3),
    ("thousands", 1e3),
    ("thousand", 1e3),
    ("millions", 1e6),
    ("million", 1e6),
    ("mn", 1e6),
    ("billions", 1e9),
    ("billion", 1e9),
    ("bn", 1e9),
    ("百万", 1e6),
    ("千万", 1e7),
    ("万亿", 1e12),
    ("亿", 1e8),
    ("万", 1e4),
    ("千", 1e3),
];

/// Letters before a dollar sign naming whose dollar it is (US$, HK$, NT$). Codes of two or
/// more letters match in any case; single letters only as capitals.
pub const DOLLAR_PREFIXES: &[(&str, &str)] = &[
    ("US", "USD"),
    ("U.S.", "USD"),
    ("U.S", "USD"),
    ("USD", "USD"),
    ("HK", "HKD"),
    ("HKD", "HKD"),
    ("NT", "TWD"),
    ("NZ", "NZD"),
    ("NZD", "NZD"),
    ("AU", "AUD"),
    ("AUD", "AUD"),
    ("CAD", "CAD"),
    ("Mex", "MXN"),
    ("MXN", "MXN"),
    ("SGD", "SGD"),
    ("S", "SGD"),
    ("A", "AUD"),
    ("C", "CAD"),
    ("R", "BRL"),
];

/// Han characters of numbers, magnitudes and units: a hyphen after one of them joins two
/// amounts or dates (3亿-5亿元, 1月-3月) rather than signing the next.
pub const NUMBER_HAN: &str = "零〇一二两三四五六七八九十百千万亿兩萬億元年月日";
