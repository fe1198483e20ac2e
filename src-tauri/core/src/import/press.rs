//! Press conventions: headline, bylines, dateline, outlet, language.
//!
//! The text is never changed here: byline and dateline paragraphs stay in the article,
//! they only fill its metadata. Metadata a format carries itself (HTML meta tags,
//! JSON-LD) wins over what the text suggests, except that authors are merged.

use std::sync::OnceLock;

use chrono::NaiveDate;
use regex::Regex;

use super::text::{clean_name, is_cjk};
use super::{Format, Parsed, ParsedArticle};
use crate::{Reason, Result};

/// Paragraphs at the top that may hold the headline, byline and dateline.
const HEADER_PARAGRAPHS: usize = 6;
/// Bylines are short; longer paragraphs are prose that may merely mention a reporter.
const MAX_BYLINE_CHARS: usize = 80;
/// Widest headline (columns, CJK counting two).
const MAX_HEADLINE_WIDTH: usize = 140;

pub fn finish(parsed: Parsed, format: Format, file_name: &str) -> Result<ParsedArticle> {
    if parsed.text.trim().is_empty() {
        return Err(Reason::NoText.into());
    }
    let found = scan(&parsed.text);
    let title = parsed
        .title
        .map(|t| clean_name(&t))
        .filter(|t| !t.is_empty())
        .or(found.headline)
        .map(|t| clean_name(&t))
        .filter(|t| !t.is_empty())
        .unwrap_or_else(|| file_stem(file_name));
    let mut authors = parsed.authors;
    for name in found.authors {
        if !authors.contains(&name) {
            authors.push(name);
        }
    }
    Ok(ParsedArticle {
        title,
        outlet: [parsed.outlet, found.outlet]
            .into_iter()
            .flatten()
            .map(|o| clean_name(&o))
            .find(|o| !o.is_empty()),
        authors: authors.iter().map(|a| clean_name(a)).filter(|a| !a.is_empty()).collect(),
        published: parsed.published.or(found.published),
        language: language(&parsed.text).to_owned(),
        format,
        encoding: parsed.encoding,
        text: parsed.text,
        notes: parsed.notes,
    })
}

/// What the text itself says about the article.
#[derive(Debug, Default, PartialEq)]
struct Found {
    headline: Option<String>,
    authors: Vec<String>,
    outlet: Option<String>,
    published: Option<String>,
}

fn scan(text: &str) -> Found {
    let mut found = Found::default();
    let mut headline_seen = false;
    for (i, paragraph) in text.split("\n\n").enumerate() {
        let header = i < HEADER_PARAGRAPHS;
        let short = paragraph.chars().count() <= MAX_BYLINE_CHARS;
        let byline = if short { byline(paragraph) } else { None };
        if let Some(b) = &byline {
            for name in &b.authors {
                if !found.authors.contains(name) {
                    found.authors.push(name.clone());
                }
            }
            if found.outlet.is_none() {
                found.outlet.clone_from(&b.outlet);
            }
        }
        // A dateline is not prose: 摩尔线程成立于2020年10月。 is not when the article appeared.
        let prose = paragraph.contains(['。', '！', '？']) || paragraph.contains(". ");
        if header && found.published.is_none() && (short && !prose || byline.is_some()) {
            found.published = iso_date(paragraph);
        }
        if header && found.outlet.is_none() {
            found.outlet = wire_outlet(paragraph);
        }
        let is_meta = byline.is_some() || (short && iso_date(paragraph).is_some());
        // Only the first paragraph that is neither byline nor dateline may be the headline;
        // if that one is prose, there is none.
        if header && !headline_seen && !is_meta {
            headline_seen = true;
            found.headline = headline(paragraph);
        }
    }
    if found.outlet.is_none() {
        found.outlet = quoted_outlet(text);
    }
    found
}

fn headline(paragraph: &str) -> Option<String> {
    let width: usize = paragraph.chars().map(|c| if is_cjk(c) { 2 } else { 1 }).sum();
    let ends_sentence =
        paragraph.ends_with(['。', '！', '？', '；', '.', '!', '?', ';', '，', ',', '：', ':']);
    (width <= MAX_HEADLINE_WIDTH && !ends_sentence).then(|| paragraph.to_owned())
}

/// Names and outlet on a byline paragraph.
#[derive(Debug, Default, PartialEq)]
struct Byline {
    authors: Vec<String>,
    outlet: Option<String>,
}

fn byline(p: &str) -> Option<Byline> {
    static ZH_REPORTER: OnceLock<Regex> = OnceLock::new();
    static ZH_NEWS_AGENCY: OnceLock<Regex> = OnceLock::new();
    static ZH_WRITER: OnceLock<Regex> = OnceLock::new();
    static ZH_SOURCE: OnceLock<Regex> = OnceLock::new();
    static EN_BY: OnceLock<Regex> = OnceLock::new();
    let zh_reporter = compiled(
        &ZH_REPORTER,
        // The paper may name itself first, in 《》 or bare before a space: "申城财经报 记者 X".
        r"^(?:《([^》]{1,20})》|(\p{Han}{2,12}(?:报|報|刊|网|網|社|台|志))\s+)?(?:本报|本報|本刊|本台|本网|本網)?(?:特约|特約|首席|实习|實習|见习|見習|驻\S{1,6}|駐\S{1,6})?(?:记者|記者|通讯员|通訊員)\s*[：:]?\s*(.+)$",
    );
    // 本报讯（记者 张三 通讯员 李四） / 新华社北京2月14日电（记者 王五）
    let zh_agency = compiled(&ZH_NEWS_AGENCY, r"^(\S{0,20}?)(?:讯|电)\s*[（(]([^）)]+)[）)]");
    let zh_writer = compiled(&ZH_WRITER, r"^(?:文|撰文|文字|作者)\s*[/／|｜：:]\s*(.+)$");
    let zh_source = compiled(&ZH_SOURCE, r"^来源\s*[：:]\s*《?([^\s》|｜]{2,30})");
    let en_by = compiled(&EN_BY, r"^(?:By|BY|by)\s+(.+)$");
    if let Some(c) = zh_reporter.captures(p) {
        let outlet = c.get(1).or(c.get(2)).map(|m| m.as_str().to_owned());
        let authors = names_strict(&c[3])?;
        return (!authors.is_empty()).then_some(Byline { authors, outlet });
    }
    if let Some(c) = zh_agency.captures(p) {
        let authors = names_strict(&c[2])?;
        let prefix = &c[1];
        let outlet = if prefix.starts_with("本") {
            None
        } else {
            // "新华社北京2月14日" names the agency up to 社; a bare "中新网" is the outlet.
            prefix.find('社').map(|i| prefix[..i + '社'.len_utf8()].to_owned()).or_else(|| {
                (!prefix.is_empty() && !prefix.chars().any(|ch| ch.is_ascii_digit()))
                    .then(|| prefix.to_owned())
            })
        };
        return (!authors.is_empty() || outlet.is_some()).then_some(Byline { authors, outlet });
    }
    if let Some(c) = zh_writer.captures(p) {
        let authors = names_strict(&c[1])?;
        return (!authors.is_empty()).then_some(Byline { authors, outlet: None });
    }
    if let Some(c) = zh_source.captures(p) {
        return Some(Byline { authors: Vec::new(), outlet: Some(c[1].to_owned()) });
    }
    if let Some(c) = en_by.captures(p) {
        let authors = author_names(&c[1]);
        return (!authors.is_empty()).then_some(Byline { authors, outlet: None });
    }
    None
}

/// Person names in an author field: "曲忠芳 北京报道", "张三、李四", "Jane Doe and John
/// Roe", "By Jane Doe, Reuters". Role words, places ("北京报道") and anything that does
/// not look like a name are dropped.
pub fn author_names(s: &str) -> Vec<String> {
    names(s).0
}

/// Names on a Chinese byline, where every word must be a name, a role or a place: prose
/// such as "记者注意到，……" is not a byline.
fn names_strict(s: &str) -> Option<Vec<String>> {
    let (names, all_understood) = names(s);
    all_understood.then_some(names)
}

/// The names found, and whether every word was understood.
fn names(s: &str) -> (Vec<String>, bool) {
    static SPLIT: OnceLock<Regex> = OnceLock::new();
    static EN_NAME: OnceLock<Regex> = OnceLock::new();
    static ZH_NAME: OnceLock<Regex> = OnceLock::new();
    let split = compiled(&SPLIT, r"\s*(?:[,，、;；/|｜&]|\band\b|\s和\s|\s及\s)\s*");
    let en_name = compiled(
        &EN_NAME,
        r"^[A-Z][\p{L}'’.-]*(?:\s+(?:[A-Z][\p{L}'’.-]*|de|van|von|da|del|der|bin|al-\p{L}+)){1,3}$",
    );
    let zh_name = compiled(&ZH_NAME, r"^\p{Han}{2,4}$|^\p{Han}{1,8}·\p{Han}{1,8}$");
    const ROLES: &[&str] = &[
        "本报记者",
        "本報記者",
        "本刊记者",
        "记者",
        "記者",
        "特约记者",
        "实习记者",
        "见习记者",
        "首席记者",
        "通讯员",
        "通訊員",
        "实习生",
        "编辑",
        "责任编辑",
        "摄影",
        "制图",
        "报道",
        "報導",
        "综合报道",
        "联合报道",
    ];
    let s = s.trim().trim_start_matches("By ").trim_start_matches("by ").trim();
    let mut names = Vec::new();
    let mut understood = true;
    for part in split.split(s) {
        let part = part.trim();
        // English: "Jane Doe in London" / "Jane Doe for Reuters".
        let part = [" in ", " for ", " from ", " at "]
            .iter()
            .fold(part, |p, sep| p.split(sep).next().unwrap_or(p))
            .trim();
        if part.is_empty() {
            continue;
        }
        if en_name.is_match(part) {
            names.push(part.to_owned());
            continue;
        }
        for token in part.split_whitespace() {
            let token = token.trim_matches(|c: char| matches!(c, '（' | '）' | '(' | ')' | '：' | ':'));
            if ["报道", "報導", "報道", "报导", "发自", "發自", "电", "電"].iter().any(|s| token.ends_with(s))
            {
                break;
            }
            if ROLES.contains(&token) {
                continue;
            }
            let token = ROLES.iter().find_map(|r| token.strip_prefix(r)).unwrap_or(token);
            if zh_name.is_match(token) {
                if !names.iter().any(|n| n == token) {
                    names.push(token.to_owned());
                }
            } else {
                understood = false;
            }
        }
    }
    (names, understood)
}

/// The first date with a year in `s`, as ISO 8601 to the precision stated: a dateline
/// such as "2025年2月14日 星期五", "Published February 14, 2025", "发布时间：2025-02-14
/// 10:30", or a meta tag's "2025-02-14T08:00:00+08:00". Dates without a year are not
/// publication dates we can trust.
pub fn iso_date(s: &str) -> Option<String> {
    static ZH: OnceLock<Regex> = OnceLock::new();
    static NUMERIC: OnceLock<Regex> = OnceLock::new();
    static EN_MDY: OnceLock<Regex> = OnceLock::new();
    static EN_DMY: OnceLock<Regex> = OnceLock::new();
    let zh = compiled(&ZH, r"(\d{4})\s*年\s*(\d{1,2})\s*月(?:\s*(\d{1,2})\s*[日号])?");
    let numeric = compiled(&NUMERIC, r"\b(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:\D|$)");
    const MONTH: &str = r"(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?";
    let en_mdy = EN_MDY
        .get_or_init(|| Regex::new(&format!(r"\b{MONTH}\s+(\d{{1,2}}),?\s+(\d{{4}})\b")).expect("valid"));
    let en_dmy = EN_DMY
        .get_or_init(|| Regex::new(&format!(r"\b(\d{{1,2}})\s+{MONTH},?\s+(\d{{4}})\b")).expect("valid"));
    let mut best: Option<(usize, String)> = None;
    let mut consider = |at: usize, date: Option<String>| {
        if let Some(d) = date {
            if best.as_ref().is_none_or(|(b, _)| at < *b) {
                best = Some((at, d));
            }
        }
    };
    if let Some(c) = zh.captures(s) {
        consider(c.get(0).map_or(0, |m| m.start()), ymd(&c[1], &c[2], c.get(3).map(|d| d.as_str())));
    }
    if let Some(c) = numeric.captures(s) {
        consider(c.get(0).map_or(0, |m| m.start()), ymd(&c[1], &c[2], Some(&c[3])));
    }
    if let Some(c) = en_mdy.captures(s) {
        consider(
            c.get(0).map_or(0, |m| m.start()),
            month_number(&c[1]).and_then(|m| ymd(&c[3], &m, Some(&c[2]))),
        );
    }
    if let Some(c) = en_dmy.captures(s) {
        consider(
            c.get(0).map_or(0, |m| m.start()),
            month_number(&c[2]).and_then(|m| ymd(&c[3], &m, Some(&c[1]))),
        );
    }
    best.map(|(_, d)| d)
}

fn ymd(y: &str, m: &str, d: Option<&str>) -> Option<String> {
    let (y, m): (i32, u32) = (y.parse().ok()?, m.parse().ok()?);
    if !(1900..=2200).contains(&y) {
        return None;
    }
    match d {
        Some(d) => {
            NaiveDate::from_ymd_opt(y, m, d.parse().ok()?).map(|date| date.format("%Y-%m-%d").to_string())
        }
        None => (1..=12).contains(&m).then(|| format!("{y:04}-{m:02}")),
    }
}

fn month_number(name: &str) -> Option<String> {
    const MONTHS: [&str; 12] =
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"];
    let key = name.get(..3)?.to_ascii_lowercase();
    MONTHS.iter().position(|m| *m == key).map(|i| (i + 1).to_string())
}

/// A wire dateline names the agency in brackets: "LONDON, Feb 14 (Reuters) - ...".
fn wire_outlet(p: &str) -> Option<String> {
    static WIRE: OnceLock<Regex> = OnceLock::new();
    let wire = compiled(&WIRE, r"^[A-Z][A-Z .'-]{1,40},[^()\n]{0,40}\(([A-Z][A-Za-z .&]{1,40})\)\s*[-–—]");
    wire.captures(p).map(|c| c[1].trim().to_owned())
}

/// "据《中国经营报》记者统计": a paper names itself next to its reporters.
fn quoted_outlet(text: &str) -> Option<String> {
    static QUOTED: OnceLock<Regex> = OnceLock::new();
    let quoted = compiled(&QUOTED, r"《([^》\n]{2,20})》(?:特约|首席)?(?:记者|报道|讯)");
    quoted.captures(text).map(|c| c[1].to_owned())
}

/// "zh", "en" or "und" by the share of Han characters against Latin letters.
fn language(text: &str) -> &'static str {
    let (mut han, mut kana, mut latin) = (0usize, 0usize, 0usize);
    for c in text.chars() {
        match c {
            '\u{3040}'..='\u{30ff}' => kana += 1,
            c if is_cjk(c) && c.is_alphabetic() => han += 1,
            c if c.is_ascii_alphabetic() => latin += 1,
            _ => {}
        }
    }
    // A Latin word is about five letters: compare characters of Chinese with words.
    let words = latin / 5;
    if kana * 10 > han + kana {
        "und"
    } else if han > 0 && han >= words {
        "zh"
    } else if words > 0 && is_english(text) {
        "en"
    } else {
        "und"
    }
}

/// English if its commonest function words make a visible share of the words.
fn is_english(text: &str) -> bool {
    const COMMON: &[&str] =
        &["the", "of", "and", "to", "in", "a", "is", "that", "for", "on", "with", "as", "by", "was"];
    let (mut words, mut common) = (0usize, 0usize);
    for w in text.split(|c: char| !c.is_ascii_alphabetic()).filter(|w| !w.is_empty()) {
        words += 1;
        common += usize::from(COMMON.iter().any(|c| c.eq_ignore_ascii_case(w)));
    }
    words < 8 || common * 100 >= words * 8
}

fn file_stem(file_name: &str) -> String {
    let name = std::path::Path::new(file_name).file_stem().and_then(|s| s.to_str()).unwrap_or(file_name);
    let name = clean_name(name);
    if name.is_empty() {
        clean_name(file_name)
    } else {
        name
    }
}

fn compiled(cell: &'static OnceLock<Regex>, pattern: &str) -> &'static Regex {
    cell.get_or_init(|| Regex::new(pattern).expect("press pattern is valid"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn byline_names(s: &str) -> Vec<String> {
        byline(s).map(|b| b.authors).unwrap_or_default()
    }

    #[test]
    fn chinese_bylines() {
        assert_eq!(byline_names("本报记者 曲忠芳 北京报道"), ["曲忠芳"]);
        assert_eq!(byline_names("本报记者 张晓东 李明 上海报道"), ["张晓东", "李明"]);
        assert_eq!(byline_names("记者 王芳"), ["王芳"]);
        assert_eq!(byline_names("文/陈思远"), ["陈思远"]);
        assert_eq!(byline_names("作者：刘一鸣、赵子涵"), ["刘一鸣", "赵子涵"]);
        assert_eq!(byline_names("通讯员 周磊"), ["周磊"]);
        assert_eq!(byline_names("本报讯（记者 孙婷 通讯员 何亮）"), ["孙婷", "何亮"]);
        let b = byline("申城财经报 记者 许嘉宁 北京报道").unwrap();
        assert_eq!((b.authors, b.outlet.as_deref()), (vec!["许嘉宁".to_owned()], Some("申城财经报")));
        assert_eq!(byline("市场人士 记者 王芳"), None);
        let b = byline("《华夏财经周刊》记者 林小雨 深圳报道").unwrap();
        assert_eq!((b.authors, b.outlet.as_deref()), (vec!["林小雨".to_owned()], Some("华夏财经周刊")));
        let b = byline("新华社北京2月14日电（记者 吴桐）").unwrap();
        assert_eq!(b.outlet.as_deref(), Some("新华社"));
        assert_eq!(byline("来源：东方财讯").unwrap().outlet.as_deref(), Some("东方财讯"));
        // Not bylines: a chart credit, a data source, prose that mentions a reporter.
        assert_eq!(byline("刘洋/制图"), None);
        assert_eq!(byline("资料来源：根据公开信息整理"), None);
        assert_eq!(byline("记者注意到，多家企业的负责人婉拒了采访。"), None);
    }

    #[test]
    fn english_bylines() {
        assert_eq!(byline_names("By Jane Doe"), ["Jane Doe"]);
        assert_eq!(byline_names("By Jane Doe and John Roe"), ["Jane Doe", "John Roe"]);
        assert_eq!(
            byline_names("BY Mary-Ann O'Neil, Lucas van Dijk in Amsterdam"),
            ["Mary-Ann O'Neil", "Lucas van Dijk"]
        );
        assert_eq!(byline_names("By the way, prices rose"), Vec::<String>::new());
        assert_eq!(
            wire_outlet("LONDON, Feb 14 (Reuters) - Chip stocks rallied on Friday").as_deref(),
            Some("Reuters")
        );
    }

    #[test]
    fn dates_need_a_year() {
        assert_eq!(iso_date("2025年2月14日 星期五").as_deref(), Some("2025-02-14"));
        assert_eq!(iso_date("2024年12月").as_deref(), Some("2024-12"));
        assert_eq!(iso_date("Published February 14, 2025").as_deref(), Some("2025-02-14"));
        assert_eq!(iso_date("Updated 3 Mar. 2025, 10:02").as_deref(), Some("2025-03-03"));
        assert_eq!(iso_date("发布时间：2025-02-14 10:30").as_deref(), Some("2025-02-14"));
        assert_eq!(iso_date("2025-02-14T08:00:00+08:00").as_deref(), Some("2025-02-14"));
        assert_eq!(iso_date("截至2月14日"), None);
        assert_eq!(iso_date("Feb 14 (Reuters)"), None);
        assert_eq!(iso_date("2025年2月30日"), None);
    }

    #[test]
    fn headline_byline_dateline_and_outlet_from_text() {
        let text = "芯片板块午后拉升 半导体ETF涨超3%\n\n2025年2月12日 星期三\n\n本报记者 林小雨 深圳报道\n\n\
                    2月12日午后，半导体板块快速拉升。据《华夏财经周刊》记者统计，多只芯片股涨停。\n\n\
                    另一篇稿件的署名\n\n本报记者 周磊 北京报道";
        let f = scan(text);
        assert_eq!(f.headline.as_deref(), Some("芯片板块午后拉升 半导体ETF涨超3%"));
        assert_eq!(f.published.as_deref(), Some("2025-02-12"));
        assert_eq!(f.authors, ["林小雨", "周磊"]);
        assert_eq!(f.outlet.as_deref(), Some("华夏财经周刊"));
    }

    #[test]
    fn a_short_paragraph_of_prose_is_no_dateline() {
        let f = scan(
            "摩尔线程估值逼近300亿元\n\n本报记者 周明远 北京报道\n\n\
             摩尔线程成立于2020年10月，至今累计融资超过百亿元。\n\n2025年2月14日",
        );
        assert_eq!(f.published.as_deref(), Some("2025-02-14"));
        assert_eq!(scan("标题\n\nThe firm was founded on March 3, 2019. It grew.").published, None);
    }

    #[test]
    fn prose_first_means_no_headline() {
        let f =
            scan("这是一段很长的正文，没有标题，也没有署名，只是直接开始叙述事件的经过和背景。\n\n第二段。");
        assert_eq!(f.headline, None);
        let a = finish(
            Parsed { text: "第一段正文。".into(), ..Parsed::default() },
            Format::Text,
            "folder/市场观察.txt",
        )
        .unwrap();
        assert_eq!(a.title, "市场观察");
    }

    #[test]
    fn language_by_script_share() {
        assert_eq!(language("DeepSeek 的全球日活跃用户数已达到1.19亿。"), "zh");
        assert_eq!(language("The fund rose 3.39% as turnover passed 2 billion yuan in the session."), "en");
        assert_eq!(language("1206 3.39% 512480"), "und");
        assert_eq!(language("東京市場では半導体株が上昇した。"), "und");
        assert_eq!(
            language(
                "Der Fonds stieg deutlich, weil die Umsätze über zwei Milliarden lagen und Anleger kauften."
            ),
            "und"
        );
    }
}
