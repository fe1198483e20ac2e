//! Text formats through `import::parse`: every fixture of tests/fixtures/import-text, the
//! canonical sample in every encoding we detect, and the bad-input corpus.

use std::path::PathBuf;

use dossier_core::import::{parse, Format, Limits, ParsedArticle};
use dossier_core::{Error, ErrorKind};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
/// A newspaper page in the canonical sample's style (multi-column, broken paragraphs, two
/// bylines), written for these tests.
const SAMPLE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/newspaper/ai-market-page-zh.txt");

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("cannot read {path}: {e}"))
}

fn fixture(dir: &str, name: &str) -> (Vec<u8>, String) {
    (read(&format!("{FIXTURES}/{dir}/{name}")), name.to_owned())
}

fn parse_ok(dir: &str, name: &str) -> ParsedArticle {
    let (bytes, name) = fixture(dir, name);
    parse(&bytes, &name, &Limits::default()).unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn parse_err(bytes: &[u8], name: &str) -> Error {
    match parse(bytes, name, &Limits::default()) {
        Ok(a) => panic!("{name} should be refused, got {:?}", a.title),
        Err(e) => e,
    }
}

fn bad(name: &str) -> Error {
    let (bytes, name) = fixture("bad", name);
    parse_err(&bytes, &name)
}

fn sample() -> String {
    String::from_utf8(read(SAMPLE)).expect("the sample is UTF-8")
}

fn utf16(s: &str, big_endian: bool, bom: bool) -> Vec<u8> {
    let mut out = Vec::new();
    if bom {
        out.extend_from_slice(if big_endian { &[0xfe, 0xff] } else { &[0xff, 0xfe] });
    }
    for u in s.encode_utf16() {
        out.extend_from_slice(&if big_endian { u.to_be_bytes() } else { u.to_le_bytes() });
    }
    out
}

#[test]
fn sample_imports_with_title_outlet_and_both_bylines() {
    let a = parse(sample().as_bytes(), "ai-market-page-zh.txt", &Limits::default()).unwrap();
    assert_eq!(a.title, "DeepSeek 热度不减 国产大模型改写全球竞争版图");
    assert_eq!(a.outlet.as_deref(), Some("华东经营报"));
    assert!(
        a.authors.contains(&"林海".to_owned()) && a.authors.contains(&"苏晴".to_owned()),
        "{:?}",
        a.authors
    );
    assert!(!a.authors.iter().any(|n| n == "周岚"), "a chart credit is not a byline: {:?}", a.authors);
    // The sample states dates without a year only.
    assert_eq!(a.published, None);
    assert_eq!((a.language.as_str(), a.format, a.encoding.as_deref()), ("zh", Format::Text, Some("UTF-8")));
    // The whole article stays, headline and bylines included, in canonical form.
    assert!(a.text.starts_with("DeepSeek 热度不减 国产大模型改写全球竞争版图\n\n本报记者 林海 北京报道\n\n"));
    assert!(a.text.contains("\n\n本报记者 苏晴 北京报道\n\n"));
    assert!(!a.text.contains("\n\n\n") && !a.text.contains(" \n") && !a.text.contains('\r'));
    // Broken paragraphs of the column layout stay broken: no rejoining across blank lines.
    assert!(a.text.contains("阿里通义（原通义千\n\n问）的新版"));
    for figure in ["1206亿元", "41.9%", "512480", "3.39%", "20.11亿元", "1.19亿", "30亿元人民币"] {
        assert!(a.text.contains(figure), "{figure} lost");
    }
}

#[test]
fn sample_text_is_identical_in_every_encoding() {
    let original = sample();
    let reference = parse(original.as_bytes(), "sample.txt", &Limits::default()).unwrap();
    let (gbk, _, unmappable) = encoding_rs::GBK.encode(&original);
    assert!(!unmappable, "the sample fits in GBK");
    let mut utf8_bom = vec![0xef, 0xbb, 0xbf];
    utf8_bom.extend_from_slice(original.as_bytes());
    let variants: [(&str, Vec<u8>, &str); 6] = [
        ("GBK", gbk.into_owned(), "GBK"),
        ("UTF-16LE with BOM", utf16(&original, false, true), "UTF-16LE"),
        ("UTF-16BE with BOM", utf16(&original, true, true), "UTF-16BE"),
        ("UTF-16LE without BOM", utf16(&original, false, false), "UTF-16LE"),
        ("UTF-16BE without BOM", utf16(&original, true, false), "UTF-16BE"),
        ("UTF-8 with BOM", utf8_bom, "UTF-8"),
    ];
    for (label, bytes, encoding) in variants {
        let a = parse(&bytes, "sample.txt", &Limits::default()).unwrap_or_else(|e| panic!("{label}: {e:?}"));
        assert_eq!(a.encoding.as_deref(), Some(encoding), "{label}");
        assert_eq!(a.text, reference.text, "{label}");
        assert_eq!(a.title, reference.title, "{label}");
        assert_eq!(a.authors, reference.authors, "{label}");
    }
}

#[test]
fn chinese_news_page_without_clutter() {
    let a = parse_ok("import-text", "zh-news-cluttered.html");
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.title, "国产AI芯片厂商集体适配 半导体ETF单日放量");
    assert_eq!(a.outlet.as_deref(), Some("华夏财经网"));
    assert_eq!(a.published.as_deref(), Some("2025-02-13"));
    assert_eq!(a.language, "zh");
    assert!(a.authors.starts_with(&["林小雨".to_owned(), "周磊".to_owned()]), "{:?}", a.authors);
    for body in [
        "春节假期后的第一个完整交易周",
        "半导体 ETF（512480）当日收涨3.39%",
        "1206亿元",
        "取决于工具链是否足够好用",
    ] {
        assert!(a.text.contains(body), "missing {body}:\n{}", a.text);
    }
    for clutter in [
        "页面统计脚本",
        "dataLayer",
        "ad-banner",
        "开户即送",
        "智能投顾",
        "相关阅读",
        "月之暗面发布新版本",
        "网友评论",
        "韭菜一号",
        "版权所有",
        "网站地图",
        "登录",
    ] {
        assert!(!a.text.contains(clutter), "clutter {clutter} in:\n{}", a.text);
    }
}

#[test]
fn english_news_page_without_clutter() {
    let a = parse_ok("import-text", "en-news-cluttered.html");
    assert_eq!(a.title, "China's chip stocks rally as AI labs race to cut costs");
    assert_eq!(a.outlet.as_deref(), Some("Harbour Street Journal"));
    assert_eq!(a.authors, ["Jane Doe", "John Roe"]);
    assert_eq!(a.published.as_deref(), Some("2025-02-14"));
    assert_eq!(a.language, "en");
    for body in ["Shares of Chinese semiconductor makers", "closed up 3.39% on Wednesday", "CUDA ecosystem"] {
        assert!(a.text.contains(body), "missing {body}:\n{}", a.text);
    }
    for clutter in [
        "TRACKING-SCRIPT-TEXT",
        "We use cookies",
        "Subscribe",
        "ADVERTISEMENT",
        "Asia Markets newsletter",
        "More from Markets",
        "Hang Seng tech index",
        "trader_joe",
        "bubble",
        "All rights reserved",
    ] {
        assert!(!a.text.contains(clutter), "clutter {clutter} in:\n{}", a.text);
    }
}

#[test]
fn html_saved_as_txt_in_gb2312_is_read_as_html() {
    let a = parse_ok("import-text", "zh-page-saved-as.txt");
    assert_eq!(a.format, Format::Html);
    assert_eq!(a.encoding.as_deref(), Some("GBK"));
    assert_eq!(a.title, "阶跃星辰完成B轮融资");
    assert_eq!(a.authors, ["赵子涵"]);
    assert!(a.text.contains("完成B轮数亿美元融资"));
    assert!(!a.text.contains("版权所有") && !a.text.contains("首页"));
}

#[test]
fn chinese_wire_text_with_dateline_and_crlf() {
    let a = parse_ok("import-text", "zh-wire.txt");
    assert_eq!(a.title, "芯片股午后拉升 半导体ETF成交额突破20亿元");
    assert_eq!(a.published.as_deref(), Some("2025-02-12"));
    assert_eq!(a.authors, ["孙婷", "何亮"]);
    assert_eq!(a.outlet.as_deref(), Some("东方财讯"));
    // Ideographic indents are dropped, paragraphs kept.
    assert!(a.text.contains("\n\n分析人士认为，国产大模型降低了推理成本"), "{}", a.text);
    assert!(!a.text.contains('\r') && !a.text.contains('\u{3000}'));
}

#[test]
fn big5_article() {
    let a = parse_ok("import-text", "zh-tw-big5.txt");
    assert_eq!(a.encoding.as_deref(), Some("Big5"));
    assert_eq!(a.title, "晶片類股走強 半導體ETF大漲");
    assert_eq!(a.authors, ["陳思遠"]);
    assert!(a.text.contains("單日上漲3.39%"));
    assert_eq!(a.language, "zh");
}

#[test]
fn english_hard_wrapped_text() {
    let a = parse_ok("import-text", "en-wrapped.txt");
    assert_eq!(a.title, "Inference chips become the new battleground");
    assert_eq!(a.authors, ["Mary-Ann O'Neil", "Lucas van Dijk"]);
    assert_eq!(a.published.as_deref(), Some("2025-02-14"));
    assert_eq!(a.language, "en");
    let paragraphs: Vec<&str> = a.text.split("\n\n").collect();
    assert_eq!(paragraphs.len(), 6, "{paragraphs:#?}");
    assert_eq!(
        paragraphs[3],
        "Chinese chipmakers are racing to support open-source language models, and investors are \
         following. A semiconductor fund tracked by traders in Shanghai rose 3.39% in a single session \
         this week, its busiest day since November."
    );
}

#[test]
fn markdown_brief() {
    let a = parse_ok("import-text", "en-funding.md");
    assert_eq!(a.format, Format::Markdown);
    assert_eq!(a.title, "Funding round-up: China's AI start-ups in 2024");
    for kept in [
        "Compiled from public filings by the Lotus Capital Weekly research desk.",
        "Zhipu AI completed three rounds in 2024; the latest raised 3 billion yuan.",
        "Moonshot AI closed rounds in February and August.",
        "Zhipu AI | 3 | 3 billion yuan",
        "source: company announcements, press reports",
        "Valuations of the four leaders each exceeded 20 billion yuan.",
    ] {
        assert!(a.text.contains(kept), "missing {kept}:\n{}", a.text);
    }
    for markup in ["**", "](", "![", "```", "|---", "# ", "---"] {
        assert!(!a.text.contains(markup), "markup {markup} left in:\n{}", a.text);
    }
}

#[test]
fn every_fixture_parses() {
    let dir = PathBuf::from(FIXTURES).join("import-text");
    let mut count = 0;
    for entry in std::fs::read_dir(&dir).expect("fixture folder") {
        let path = entry.unwrap().path();
        let name = path.file_name().unwrap().to_str().unwrap().to_owned();
        let a = parse(&read(path.to_str().unwrap()), &name, &Limits::default())
            .unwrap_or_else(|e| panic!("{name}: {e:?}"));
        assert!(!a.title.is_empty() && a.text.chars().count() > 100, "{name}");
        assert!(a.text.split("\n\n").all(|p| !p.is_empty() && p.trim() == p && !p.contains('\n')), "{name}");
        count += 1;
    }
    assert!(count >= 7, "only {count} fixtures found");
}

#[test]
fn empty_and_whitespace_only() {
    let e = bad("empty.txt");
    assert_eq!((e.kind, e.message.as_str()), (ErrorKind::InvalidInput, "file is empty"));
    let e = bad("whitespace-only.txt");
    assert_eq!(
        (e.kind, e.message.as_str()),
        (ErrorKind::InvalidInput, "no text: the file holds only whitespace")
    );
}

#[test]
fn binary_files_are_named() {
    for (name, looks_like) in [
        ("chart-image.png", "looks like a PNG image"),
        ("chart-image-named.txt", "looks like a PNG image"),
        ("program.txt", "looks like an ELF executable"),
        ("photo-named.html", "looks like a JPEG image"),
    ] {
        let e = bad(name);
        assert_eq!(e.kind, ErrorKind::InvalidInput, "{name}");
        assert!(
            e.message.starts_with("binary file, not a text document") && e.message.contains(looks_like),
            "{name}: {}",
            e.message
        );
    }
    let e = bad("random-bytes.txt");
    assert_eq!(e.kind, ErrorKind::InvalidInput);
    assert!(e.message.starts_with("binary file, not a text document"), "{}", e.message);
}

#[test]
fn garbage_nul_and_control_characters() {
    let e = bad("invalid-utf8-garbage.txt");
    assert_eq!(e.kind, ErrorKind::InvalidInput);
    assert!(e.message.starts_with("not valid UTF-8"), "{}", e.message);
    let e = bad("nul-ridden.txt");
    assert_eq!(e.kind, ErrorKind::InvalidInput);
    assert!(e.message.contains("NUL bytes"), "{}", e.message);
    let e = bad("control-chars-only.txt");
    assert_eq!(
        (e.kind, e.message.as_str()),
        (ErrorKind::InvalidInput, "no text: the file holds only control characters")
    );
}

#[test]
fn pdf_named_txt_goes_to_the_pdf_reader() {
    let (bytes, name) = fixture("import-binary", "pdf-named.txt");
    let article = parse(&bytes, &name, &Limits::default()).unwrap();
    assert_eq!(article.format, Format::Pdf);
    assert_eq!(article.text, "Chip fund rises 3.39 percent as DeepSeek support spreads");
}

#[test]
fn unsupported_extension() {
    let e = bad("notes.xyz");
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert!(e.message.starts_with("unsupported file type .xyz"), "{}", e.message);
}

#[test]
fn html_with_only_scripts_and_styles() {
    let e = bad("scripts-only.html");
    assert_eq!(e.kind, ErrorKind::InvalidInput);
    assert!(e.message.starts_with("no article text in the HTML page"), "{}", e.message);
}

#[test]
fn absurdly_nested_html_is_refused_up_front() {
    let page = format!(
        "<html><body>{}深埋的文字{}</body></html>",
        "<div>".repeat(100_000),
        "</div>".repeat(100_000)
    );
    let e = parse_err(page.as_bytes(), "nested.html");
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(e.message.contains("nests elements more than 512 deep"), "{}", e.message);
    // Deep but within the limit is read.
    let body = "<p>摩尔线程宣布在其智算集群上完成蒸馏模型推理服务的部署，推理性能达到预期目标，相关服务已向开发者开放试用。</p>".repeat(5);
    let page = format!("<html><body>{}{body}{}</body></html>", "<div>".repeat(400), "</div>".repeat(400));
    let a = parse(page.as_bytes(), "deep.html", &Limits::default()).unwrap();
    assert!(a.text.contains("摩尔线程宣布"));
}

#[test]
fn html_with_a_huge_single_line() {
    let sentence = "国产算力芯片需求持续增长，推理端部署成本明显下降。";
    let page = format!(
        "<html><head><title>长行</title></head><body><article><p>{}</p></article></body></html>",
        sentence.repeat(40_000)
    );
    assert!(!page.contains('\n') && page.len() > 1_500_000);
    let a = parse(page.as_bytes(), "one-line.html", &Limits::default()).unwrap();
    assert_eq!(a.text.chars().count(), sentence.chars().count() * 40_000);
}

#[test]
fn over_the_size_limit() {
    let limits = Limits { max_file_bytes: 1_000, ..Limits::default() };
    let e = parse(&vec![b'a'; 1_001], "big.txt", &limits).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
}
