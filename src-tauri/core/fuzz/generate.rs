//! Inputs for the fuzzer: byte-level mutation of kept inputs, and structured generation
//! (with `arbitrary`) of HTML trees, WordprocessingML packages and market-news text.

use std::io::{Cursor, Write};

use arbitrary::{Result, Unstructured};

/// Tokens worth inserting whole: markup, PDF and zip syntax, numbers, control and
/// direction characters, the words figures hang on.
const DICTIONARY: &[&str] = &[
    "<",
    ">",
    "</",
    "/>",
    "<!--",
    "-->",
    "<![CDATA[",
    "]]>",
    "&amp;",
    "&#x4E2D;",
    "&#0;",
    "&#xD800;",
    "&bogus;",
    "<dd>",
    "<li>",
    "<rb>",
    "<rt>",
    "<p>",
    "<table>",
    "<td>",
    "<b>",
    "</b>",
    "<template>",
    "<svg>",
    "<math><annotation-xml encoding=\"text/html\">",
    "<script>",
    "</script>",
    "<plaintext>",
    "<meta charset=gbk>",
    "%PDF-1.7\n",
    "%%EOF",
    "obj",
    "endobj",
    "stream\n",
    "\nendstream",
    "xref",
    "trailer",
    "startxref",
    "<< /Length 99999999 >>",
    "/Filter /FlateDecode",
    "/Type /Page",
    "/Kids [",
    "R",
    "0 0 R",
    "BT",
    "ET",
    "Tj",
    "TJ",
    "Tf",
    "PK\x03\x04",
    "PK\x05\x06",
    "PK\x01\x02",
    "word/document.xml",
    "<w:p>",
    "</w:p>",
    "<w:t>",
    "</w:t>",
    "<w:tbl>",
    "<w:del>",
    "\u{feff}",
    "\u{202e}",
    "\u{2066}",
    "\u{1b}]0;x\u{7}",
    "\r\n",
    "\n\n",
    "\u{3000}",
    "\u{2029}",
    "30亿元",
    "1.19亿",
    "数亿美元",
    "41.9%",
    "同比增长",
    "融资",
    "估值",
    "B轮",
    "2024年12月",
    "$5 million",
    "raised",
    "valuation",
    "智谱",
    "月之暗面",
    "DeepSeek",
    "-",
    "=",
    "\u{fffd}",
    "\u{ff10}",
    "１２３",
    "〇",
    "十分之一",
];

pub fn mutate(input: &[u8], other: &[u8], rng: &mut fastrand::Rng) -> Vec<u8> {
    let mut out = input.to_vec();
    for _ in 0..rng.usize(1..=8) {
        let at = rng.usize(0..=out.len());
        match rng.u8(0..9) {
            0 if !out.is_empty() => {
                let i = rng.usize(0..out.len());
                out[i] ^= 1 << rng.u8(0..8);
            }
            1 if !out.is_empty() => {
                let i = rng.usize(0..out.len());
                out[i] = [0, 0xff, 0x7f, 0x80, b'<', b'>', b'"', b'\n'][rng.usize(0..8)];
            }
            2 => {
                let end = (at + rng.usize(1..64)).min(out.len());
                out.drain(at..end);
            }
            3 => {
                let token = DICTIONARY[rng.usize(0..DICTIONARY.len())].as_bytes();
                out.splice(at..at, token.iter().copied());
            }
            4 if !out.is_empty() => {
                // A block repeated: the shape of every nesting and quadratic bomb.
                let start = rng.usize(0..out.len());
                let end = (start + rng.usize(1..32)).min(out.len());
                let block = out[start..end].to_vec();
                let times = if rng.u8(0..8) == 0 { rng.usize(100..5_000) } else { rng.usize(2..16) };
                let repeated: Vec<u8> = block.iter().copied().cycle().take(block.len() * times).collect();
                out.splice(start..start, repeated);
            }
            5 if !other.is_empty() => {
                let start = rng.usize(0..other.len());
                let end = (start + rng.usize(1..512)).min(other.len());
                out.splice(at..at, other[start..end].iter().copied());
            }
            6 => out.truncate(at),
            7 => {
                let n = rng.usize(1..16);
                out.splice(at..at, (0..n).map(|_| rng.u8(..)));
            }
            _ if out.len() > 2 => {
                let i = rng.usize(0..out.len() - 1);
                out.swap(i, i + 1);
            }
            _ => {}
        }
    }
    out.truncate(1 << 20);
    out
}

const TEXTS: &[&str] = &[
    "智谱AI于2024年12月完成30亿元人民币融资，投资方包括上海国投。",
    "月之暗面估值达到33亿美元，较上一轮增长近20倍。",
    "Acme raised $5 million in 2024 led by Example Ventures.",
    "据中商产业研究院测算，2023年中国AI芯片市场规模达到1206亿元，同比增长41.9%。",
    "DeepSeek 持续火爆",
    "本报记者 曲忠芳 北京报道",
    "",
    " ",
];

const HTML_TAGS: &[&str] = &[
    "div",
    "p",
    "li",
    "ul",
    "ol",
    "dl",
    "dd",
    "dt",
    "rb",
    "rt",
    "rp",
    "rtc",
    "ruby",
    "table",
    "tbody",
    "tr",
    "td",
    "th",
    "caption",
    "colgroup",
    "col",
    "b",
    "i",
    "a",
    "span",
    "font",
    "nobr",
    "em",
    "form",
    "select",
    "option",
    "optgroup",
    "template",
    "svg",
    "math",
    "mi",
    "annotation-xml",
    "foreignObject",
    "article",
    "section",
    "h1",
    "h2",
    "pre",
    "button",
    "head",
    "body",
    "html",
    "frameset",
    "noscript",
    "script",
    "style",
    "textarea",
    "title",
    "iframe",
    "xmp",
    "plaintext",
    "br",
    "img",
    "hr",
    "input",
    "meta",
    "main",
    "nav",
    "footer",
    "time",
];

const HTML_ATTRIBUTES: &[&str] = &[
    " class=\"ad\"",
    " class=\"article-body\"",
    " id=\"content\"",
    " charset=\"gbk\"",
    " itemprop=\"articleBody\"",
    " property=\"og:title\" content=\"标题\"",
    " name=\"author\" content=\"林小雨\"",
    " hidden",
    " dir=\"rtl\"",
    " encoding=\"text/html\"",
    " datetime=\"2025-02-14\"",
    " style=\"display:none\"",
];

/// A page as a tree: elements opened and sometimes left open (as sloppy and hostile
/// pages leave them), runs of one tag repeated, text with figures between them.
pub fn html(u: &mut Unstructured) -> Result<Vec<u8>> {
    let mut out = String::new();
    if u.arbitrary()? {
        out.push_str("<!DOCTYPE html><html><head><title>");
        out.push_str(u.choose(TEXTS)?);
        out.push_str("</title></head><body>");
    }
    html_children(u, &mut out, 0)?;
    Ok(out.into_bytes())
}

fn html_children(u: &mut Unstructured, out: &mut String, depth: usize) -> Result<()> {
    let count = u.int_in_range(0..=6)?;
    for _ in 0..count {
        match u.int_in_range(0..=9)? {
            0..=1 => out.push_str(u.choose(TEXTS)?),
            2 => {
                let tag = u.choose(HTML_TAGS)?;
                let times = u.int_in_range(1..=3000usize)?;
                for _ in 0..times {
                    out.push_str(&format!("<{tag}>x"));
                }
            }
            3 => out.push_str(&format!("</{}>", u.choose(HTML_TAGS)?)),
            _ if depth < 40 => {
                let tag = u.choose(HTML_TAGS)?;
                out.push_str(&format!("<{tag}"));
                for _ in 0..u.int_in_range(0..=2)? {
                    out.push_str(u.choose(HTML_ATTRIBUTES)?);
                }
                out.push('>');
                html_children(u, out, depth + 1)?;
                if u.ratio(3, 4)? {
                    out.push_str(&format!("</{tag}>"));
                }
            }
            _ => out.push_str(u.choose(TEXTS)?),
        }
    }
    Ok(())
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" xmlns:mc=\"http://schemas.openxmlformats.org/markup-compatibility/2006\"";

const DOCX_CONTAINERS: &[&str] = &[
    "w:p",
    "w:r",
    "w:tbl",
    "w:tr",
    "w:tc",
    "w:ins",
    "w:del",
    "w:moveFrom",
    "w:moveTo",
    "w:hyperlink",
    "w:sdt",
    "w:sdtContent",
    "w:smartTag",
    "w:fldSimple",
    "mc:AlternateContent",
    "mc:Choice",
    "mc:Fallback",
    "w:txbxContent",
    "w:pPr",
    "w:rPr",
    "w:body",
    "w:footnote",
];
const DOCX_LEAVES: &[&str] = &[
    "<w:tab/>",
    "<w:br/>",
    "<w:cr/>",
    "<w:noBreakHyphen/>",
    "<w:pStyle w:val=\"Title\"/>",
    "<w:pStyle w:val=\"Heading1\"/>",
    "<w:pStyle w:val=\"1\"/>",
    "<w:instrText>HYPERLINK \"x\"</w:instrText>",
    "<w:fldChar w:fldCharType=\"begin\"/>",
    "<w:fldChar w:fldCharType=\"end\"/>",
    "<w:delText>删除</w:delText>",
    "&amp;",
    "&#x4E2D;",
    "&#0;",
    "&nope;",
];

/// A Word package whose document.xml, styles.xml and core.xml are generated: nested
/// paragraphs, runs, tables, tracked changes, alternate content and fields.
pub fn docx(u: &mut Unstructured) -> Result<Vec<u8>> {
    let mut body = String::new();
    docx_children(u, &mut body, 0)?;
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document {W}><w:body>{body}</w:body></w:document>"
    );
    let styles = format!(
        "<w:styles {W}><w:style w:styleId=\"1\"><w:name w:val=\"{}\"/></w:style></w:styles>",
        u.choose(&["heading 1", "Title", "Normal", "heading 99", ""])?
    );
    let core = format!(
        "<cp:coreProperties xmlns:cp=\"x\" xmlns:dc=\"y\"><dc:title>{}</dc:title><dc:creator>{}</dc:creator><dcterms:created>{}</dcterms:created></cp:coreProperties>",
        u.choose(TEXTS)?,
        u.choose(&["林小雨; 曲忠芳", "", "\u{202e}x"])?,
        u.choose(&["2025-02-14T08:00:00Z", "2025-13-45", "", "x"])?
    );
    let mut parts = vec![("[Content_Types].xml", "<Types/>".to_owned()), ("word/document.xml", document)];
    if u.arbitrary()? {
        parts.push(("word/styles.xml", styles));
    }
    if u.arbitrary()? {
        parts.push(("docProps/core.xml", core));
    }
    if u.ratio(1, 4)? {
        parts.push((
            "word/footnotes.xml",
            format!(
                "<w:footnotes {W}><w:footnote><w:p><w:r><w:t>注</w:t></w:r></w:p></w:footnote></w:footnotes>"
            ),
        ));
    }
    let deflate = u.arbitrary()?;
    Ok(zip(&parts, deflate))
}

fn docx_children(u: &mut Unstructured, out: &mut String, depth: usize) -> Result<()> {
    for _ in 0..u.int_in_range(0..=5)? {
        match u.int_in_range(0..=7)? {
            0 | 1 => out.push_str(&format!("<w:t xml:space=\"preserve\">{}</w:t>", u.choose(TEXTS)?)),
            2 => out.push_str(u.choose(DOCX_LEAVES)?),
            3 => {
                let tag = u.choose(DOCX_CONTAINERS)?;
                let times = u.int_in_range(1..=2000usize)?;
                out.push_str(&format!("<{tag}>").repeat(times));
                out.push_str(&format!("</{tag}>").repeat(times));
            }
            _ if depth < 30 => {
                let tag = u.choose(DOCX_CONTAINERS)?;
                out.push_str(&format!("<{tag}>"));
                docx_children(u, out, depth + 1)?;
                out.push_str(&format!("</{tag}>"));
            }
            _ => out.push_str(u.choose(DOCX_LEAVES)?),
        }
    }
    Ok(())
}

pub fn zip(parts: &[(&str, String)], deflate: bool) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let method = if deflate { zip::CompressionMethod::Deflated } else { zip::CompressionMethod::Stored };
    let options = zip::write::SimpleFileOptions::default().compression_method(method);
    for (name, text) in parts {
        writer.start_file(*name, options).expect("zip entry");
        writer.write_all(text.as_bytes()).expect("zip write");
    }
    writer.finish().expect("zip finish").into_inner()
}

const NEWS_WORDS: &[&str] = &[
    "智谱",
    "月之暗面",
    "百川智能",
    "阶跃星辰",
    "MiniMax",
    "DeepSeek",
    "腾讯投资",
    "上海国投",
    "公司",
    "宣布",
    "完成",
    "融资",
    "估值",
    "市值",
    "营收",
    "净利润",
    "亏损",
    "市场规模",
    "用户",
    "同比增长",
    "下降",
    "上涨",
    "B轮",
    "C+轮",
    "天使轮",
    "IPO",
    "约",
    "超过",
    "近",
    "数亿",
    "亿元",
    "万元",
    "美元",
    "人民币",
    "港元",
    "%",
    "倍",
    "家",
    "个",
    "2024年",
    "12月",
    "5日",
    "去年",
    "今年一季度",
    "2025-02-14",
    "，",
    "。",
    "、",
    "（",
    "）",
    "“",
    "”",
    "\n",
    "\n\n",
    " ",
    "Acme",
    "raised",
    "$",
    "million",
    "billion",
    "valuation",
    "revenue",
    "rose",
    "fell",
    "to",
    "in",
    "Q3",
    "Series B",
    "led by",
    "percent",
    "users",
    "1",
    "2",
    "3",
    "0",
    "5",
    "9",
    ".",
    ",",
    "-",
    "~",
    "至",
    "十",
    "百",
    "千",
    "万",
    "亿",
    "〇",
    "两",
    "半",
    "十分之一",
    "１",
    "２",
    "．",
];

/// Text made of the words and numerals figures are written with, in any order.
pub fn news_text(u: &mut Unstructured) -> Result<Vec<u8>> {
    let mut out = String::new();
    for _ in 0..u.int_in_range(1..=400)? {
        if u.ratio(1, 30)? {
            out.push(u.arbitrary::<char>()?);
        } else {
            out.push_str(u.choose(NEWS_WORDS)?);
        }
    }
    Ok(out.into_bytes())
}
