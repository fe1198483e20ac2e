//! PDF and DOCX import on fixtures we wrote and printed ourselves (see
//! tests/fixtures/import-binary/make_fixtures.py) and on hostile inputs.

mod minimal_docx;

use dossier_core::import::{parse, Format, Limits, ParsedArticle};
use dossier_core::{Error, ErrorKind};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/import-binary/");
const BAD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/bad/");
/// A newspaper page in the canonical sample's style, written for these tests.
const SAMPLE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/newspaper/ai-market-page-zh.txt");

fn read(path: &str) -> Vec<u8> {
    std::fs::read(path).unwrap_or_else(|e| panic!("missing test input {path}: {e}"))
}

fn import(dir: &str, name: &str) -> ParsedArticle {
    parse(&read(&format!("{dir}{name}")), name, &Limits::default())
        .unwrap_or_else(|e| panic!("{name}: {e:?}"))
}

fn refused(dir: &str, name: &str, limits: &Limits) -> Error {
    match parse(&read(&format!("{dir}{name}")), name, limits) {
        Ok(article) => {
            panic!("{name} was imported: {:?}", article.text.chars().take(200).collect::<String>())
        }
        Err(e) => e,
    }
}

/// Each sentence appears whole, and in the order given.
fn assert_in_order(text: &str, sentences: &[&str]) {
    let mut from = 0;
    for sentence in sentences {
        match text[from..].find(sentence) {
            Some(at) => from += at + sentence.len(),
            None if text.contains(sentence) => panic!("out of order: {sentence}\n---\n{text}"),
            None => panic!("missing or broken: {sentence}\n---\n{text}"),
        }
    }
}

fn assert_no_radicals(text: &str) {
    let radicals: Vec<char> = text.chars().filter(|c| matches!(*c as u32, 0x2E80..=0x2FDF)).collect();
    assert!(radicals.is_empty(), "radicals left in the text: {radicals:?}");
}

fn assert_canonical(text: &str) {
    assert!(!text.contains("\n\n\n") && !text.contains('\r'), "not canonical paragraphs");
    assert!(text.lines().all(|l| l == l.trim()), "untrimmed lines");
}

// ---- PDF ----

#[test]
fn two_column_chinese_reads_column_one_then_column_two() {
    let article = import(FIXTURES, "zh-two-column.pdf");
    assert_eq!(article.format, Format::Pdf);
    assert_eq!(article.title, "“六小龙”估值承压 DeepSeek 改写大模型竞争规则");
    let text = &article.text;
    assert_in_order(
        text,
        &[
            "这家由幻方量化在2023年7月孵化的公司",
            "“它没有估值包袱，也就没有变现焦虑。”",
            "按本报整理的公开信息，其中至少四家的估值在2024年已越过200亿元人民币。",
            // The last paragraph to start in column 1, then the first to start in column 2.
            "融资仍是这些公司最重要的“氧气”。据公开报道，智谱 AI 在2024年6月、9月和12月连续完成三轮",
            "DeepSeek 选择免费开放 App 并公开模型权重，直接压低了整个行业的价格预期。",
            "谁就有机会在下一轮洗牌中站稳脚跟。",
        ],
    );
    assert_no_radicals(text);
    // Full-width punctuation stays full width.
    assert!(text.contains("，") && text.contains("：") && text.contains("。"));
    assert_canonical(text);
}

#[test]
fn three_column_chinese_keeps_reading_order_and_figures() {
    let text = import(FIXTURES, "zh-three-column.pdf").text;
    assert_in_order(
        &text,
        &[
            "华为昇腾、海光信息、摩尔线程、沐曦、天数智芯等17家国产 AI 芯片企业先后宣布完成对 DeepSeek 模型的适配。",
            "推理阶段更看重单位成本和部署灵活度，这恰好是国产芯片的机会所在。",
            "2023年中国 AI 芯片市场规模为1206亿元，同比增长41.9%；",
            "跟踪中证全指半导体指数的半导体 ETF（512480）当日收涨3.39%，成交额达到20.11亿元，创下近期新高。",
            "另有至少12家独立云和智算中心跟进。",
            "到2029年达到98亿美元，推理侧的硬件需求将是增长最快的部分之一。",
        ],
    );
    assert_no_radicals(&text);
    assert_canonical(&text);
}

#[test]
fn english_two_columns_with_metadata_and_hyphenation() {
    let article = import(FIXTURES, "en-two-column.pdf");
    assert_eq!(article.title, "Chinese chip stocks rally as DeepSeek redraws the AI map");
    assert_eq!(article.authors, vec!["Margaret Ellison".to_owned()]);
    assert_eq!(article.published.as_deref(), Some("2025-02-14"));
    assert_in_order(
        &article.text,
        &[
            "Shares in Chinese semiconductor makers climbed on Wednesday as investors bet that the rise of DeepSeek,",
            "closed 3.39 per cent higher on turnover of 2.01 billion yuan.",
            "Its daily active users reached 22.15 million within twenty days of launch, according to industry trackers.",
            "described the wave of announcements as extraordinarily well-coordinated.",
            "Omdia forecasts that China's generative AI market will grow 5.5 times over the next five years.",
            "several fund managers warned that the rally had run ahead of earnings.",
        ],
    );
    assert!(!article.text.contains('\u{AD}'), "soft hyphens left in the text");
    // Broken at a soft hyphen across a line end, and put back together.
    assert!(article.text.contains("CSI All Share Semiconductor index"), "{}", article.text);
    assert_canonical(&article.text);
}

#[test]
fn multi_page_drops_running_heads_and_page_numbers() {
    let text = import(FIXTURES, "zh-multi-page.pdf").text;
    assert!(!text.contains("科技版 · 2025年2月17日"), "running header kept:\n{text}");
    assert!(!text.lines().any(|l| l.starts_with('第') && l.ends_with('页')), "page number kept:\n{text}");
    assert_in_order(
        &text,
        &[
            "日活跃用户就突破了2000万，达到2215万；到2月8日，其全球日活跃用户数已增至1.19亿。",
            "成本约为 GPT-4o 的十分之一。",
            "需求结构的变化正在改写采购清单。",
            "半导体 ETF（512480）在2月12日放量上涨3.39%，成交额突破20亿元。",
            "被外界解读为准备下场做产业投资；零一万物的海外应用",
            "本报将继续追踪相关公司的产品发布与融资进展，并在后续报道中逐一核对各方披露的数据。",
        ],
    );
    assert_no_radicals(&text);
    assert_canonical(&text);
}

#[test]
fn owner_password_only_pdf_is_read_like_the_original() {
    let open = import(FIXTURES, "en-two-column.pdf");
    let locked = import(FIXTURES, "en-owner-password.pdf");
    assert_eq!(locked.text, open.text);
}

#[test]
fn pdf_over_the_page_limit_is_refused() {
    let limits = Limits { max_pdf_pages: 2, ..Limits::default() };
    let e = refused(FIXTURES, "zh-multi-page.pdf", &limits);
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(e.message.contains("pages, over the limit of 2 pages"), "{}", e.message);
}

#[test]
fn truncated_pdf_is_refused() {
    let e = refused(BAD, "pdf-truncated.pdf", &Limits::default());
    assert_eq!(e.kind, ErrorKind::InvalidInput);
    assert!(e.message.contains("truncated"), "{}", e.message);
}

#[test]
fn pdf_header_then_garbage_is_refused() {
    let e = refused(BAD, "pdf-garbage.pdf", &Limits::default());
    assert_eq!(e.kind, ErrorKind::InvalidInput);
    assert!(
        e.message.contains("PDF") && (e.message.contains("damaged") || e.message.contains("truncated")),
        "{}",
        e.message
    );
}

#[test]
fn damaged_pdf_body_is_refused_with_end_marker_present() {
    // Header, noise, then a plausible ending: the reader itself has to give up.
    let mut bytes = b"%PDF-1.7\n".to_vec();
    bytes.extend((0..20_000u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 13) as u8));
    bytes.extend_from_slice(b"\nstartxref\n123\n%%EOF\n");
    let e = parse(&bytes, "noise.pdf", &Limits::default()).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::InvalidInput | ErrorKind::Unsupported), "{e:?}");
    assert!(e.message.contains("PDF"), "{}", e.message);
}

#[test]
fn encrypted_pdf_is_refused() {
    let e = refused(BAD, "pdf-encrypted.pdf", &Limits::default());
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert!(e.message.contains("encrypted with a password"), "{}", e.message);
}

#[test]
fn scanned_pdf_is_refused() {
    let e = refused(BAD, "pdf-scanned.pdf", &Limits::default());
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert_eq!(e.message, "no text layer: this PDF is scanned images; OCR is not supported");
}

// ---- DOCX ----

#[test]
fn chinese_docx_keeps_structure_and_tracked_insertions() {
    let article = import(FIXTURES, "zh-funding-review.docx");
    assert_eq!(article.format, Format::Docx);
    assert_eq!(article.title, "大模型初创企业2024年融资回顾");
    assert_eq!(article.authors, vec!["许晴".to_owned()]);
    assert_eq!(article.published.as_deref(), Some("2025-02-10"));
    let paragraphs: Vec<&str> = article.text.split("\n\n").collect();
    assert_eq!(paragraphs[0], "大模型初创企业2024年融资回顾");
    assert!(paragraphs.contains(&"一、总体情况"), "{paragraphs:?}");
    assert!(paragraphs.contains(&"数据口径：公开报道与企业公告，经人工逐条核对。"), "{paragraphs:?}");
    assert!(!article.text.contains("未经核实"), "tracked deletion kept");
    assert_in_order(
        &article.text,
        &[
            "其中智谱 AI、月之暗面、百川智能和阶跃星辰的估值均超过200亿元人民币。",
            "二、主要融资事件",
            "公司 时间 融资情况\n\n智谱 AI 2024年6月、9月、12月 三轮，最新一轮30亿元人民币\n\n月之暗面 2024年2月、8月 两轮\n\n阶跃星辰 2024年12月 B轮，数亿美元",
            "三、观察",
            "DeepSeek 未进行外部融资，\n\n其开源策略正在改变行业定价。",
            "详见东方财经时报专题报道。",
            "半导体 ETF（512480） 2月12日收涨3.39%",
        ],
    );
    assert_canonical(&article.text);
}

#[test]
fn english_docx_title_from_title_style() {
    let article = import(FIXTURES, "en-weekly-note.docx");
    assert_eq!(article.title, "Weekly note: AI chips and the DeepSeek trade");
    assert_eq!(article.authors, vec!["Daniel Okafor".to_owned()]);
    assert_in_order(
        &article.text,
        &[
            "Chips",
            "China's AI chip market reached 120.6 billion yuan in 2023, up 41.9 per cent,",
            "Applications",
            "DeepSeek's app passed 22.15 million daily active users within twenty days of its launch.",
            "智谱 AI closed a 3 billion yuan round in December 2024.",
        ],
    );
    assert!(!article.text.contains("in a month"));
}

#[test]
fn sample_as_docx_gives_the_same_canonical_text_as_the_txt() {
    let raw = read(SAMPLE);
    let from_txt = parse(&raw, "ai-market-page-zh.txt", &Limits::default()).unwrap();
    // As a user pasting the text into Word would get it: one paragraph per line.
    let raw = String::from_utf8(raw).expect("the sample is UTF-8");
    let lines: Vec<&str> = raw.split('\n').collect();
    let docx = minimal_docx::document(&lines);
    let from_docx = parse(&docx, "ai-market-page-zh.docx", &Limits::default()).unwrap();
    assert_eq!(from_docx.text, from_txt.text);
    assert!(from_docx.text.contains("中国 AI 芯片市场规模为1206亿元"));
}

#[test]
fn docx_lines_and_tabs_in_paragraphs_round_trip() {
    let docx = minimal_docx::document(&["标题", "第一行\n第二行", "公司\t估值", "A & B <C>"]);
    let article = parse(&docx, "note.docx", &Limits::default()).unwrap();
    // Canonical text has no breaks or tabs inside a paragraph: short lines stand alone.
    assert_eq!(article.text, "标题\n\n第一行\n\n第二行\n\n公司 估值\n\nA & B <C>");
}

#[test]
fn truncated_docx_is_refused() {
    let e = refused(BAD, "docx-truncated.docx", &Limits::default());
    assert_eq!(e.kind, ErrorKind::InvalidInput);
    assert!(e.message.contains("damaged or truncated"), "{}", e.message);
}

#[test]
fn docx_zip_bomb_is_refused_from_its_header() {
    // 400 MB of spaces in a zip of well under a megabyte.
    let bomb = minimal_docx::bomb(400 << 20);
    assert!(bomb.len() < 1 << 20, "bomb is {} bytes", bomb.len());
    let e = parse(&bomb, "bomb.docx", &Limits::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(e.message.contains("zip bomb"), "{}", e.message);
}

#[test]
fn docx_zip_bomb_with_lying_headers_is_refused() {
    let bomb = minimal_docx::lie_about_sizes(minimal_docx::bomb(64 << 20), 1_000);
    let limits = Limits { max_unzipped_bytes: 4 << 20, ..Limits::default() };
    let e = parse(&bomb, "bomb.docx", &limits).unwrap_err();
    assert!(matches!(e.kind, ErrorKind::TooLarge | ErrorKind::InvalidInput), "{e:?}");
    assert!(e.message.contains("zip bomb") || e.message.contains("cannot unzip"), "{}", e.message);
}

#[test]
fn docx_decompressed_bytes_are_counted_across_entries() {
    let body = minimal_docx::document_xml(&[&"估".repeat(300_000)]);
    let footnotes = minimal_docx::document_xml(&[&"值".repeat(300_000)]);
    let docx = minimal_docx::package(&[
        ("word/document.xml", body.as_bytes()),
        ("word/footnotes.xml", footnotes.as_bytes()),
    ]);
    // Each part fits on its own; together they do not.
    let limits = Limits { max_unzipped_bytes: 1_500_000, ..Limits::default() };
    let e = parse(&docx, "big.docx", &limits).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(e.message.contains("more than 1500000 bytes"), "{}", e.message);
}

#[test]
fn docx_with_too_many_entries_is_refused() {
    let docx = minimal_docx::many_entries(Limits::default().max_zip_entries + 1);
    let e = parse(&docx, "many.docx", &Limits::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::TooLarge);
    assert!(e.message.contains("entries, over the limit of 10000"), "{}", e.message);
}

#[test]
fn plain_zip_named_docx_is_refused() {
    let e = refused(BAD, "docx-plain-archive.docx", &Limits::default());
    assert_eq!(e.kind, ErrorKind::InvalidInput);
    assert!(e.message.starts_with("not a Word document"), "{}", e.message);
}

#[test]
fn zip_holding_a_docx_is_refused_as_nested() {
    let inner = minimal_docx::document(&["inside"]);
    let outer = minimal_docx::package(&[("report.docx", &inner)]);
    let e = parse(&outer, "report.docx", &Limits::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::InvalidInput);
    assert!(e.message.contains("holding report.docx"), "{}", e.message);
}

#[test]
fn docx_without_document_xml_is_refused() {
    let e = refused(BAD, "docx-no-document.docx", &Limits::default());
    assert_eq!(e.kind, ErrorKind::InvalidInput);
    assert!(e.message.starts_with("not a Word document"), "{}", e.message);
}

#[test]
fn docx_with_malformed_xml_is_refused() {
    let e = refused(BAD, "docx-malformed-xml.docx", &Limits::default());
    assert_eq!(e.kind, ErrorKind::InvalidInput);
    assert!(e.message.contains("word/document.xml is not well-formed XML"), "{}", e.message);
}

#[test]
fn other_office_packages_are_named() {
    let xlsx = minimal_docx::package(&[
        ("[Content_Types].xml", b"<Types/>".as_slice()),
        ("xl/workbook.xml", b"<workbook/>"),
    ]);
    let e = parse(&xlsx, "figures.docx", &Limits::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert!(e.message.contains("Excel workbook"), "{}", e.message);

    let odt = minimal_docx::package(&[
        ("mimetype", b"application/vnd.oasis.opendocument.text".as_slice()),
        ("content.xml", b"<office:document-content/>"),
    ]);
    let e = parse(&odt, "note.docx", &Limits::default()).unwrap_err();
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert!(e.message.contains("OpenDocument text"), "{}", e.message);
}
