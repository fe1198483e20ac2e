//! Reports: scope, then every format parsed back with a reader of that format, checked
//! for the figures, the exact quotes and the citations; hostile text in every field.

use std::collections::BTreeMap;
use std::io::{Cursor, Read};

use dossier_core::import::Limits;
use dossier_core::ingest;
use dossier_core::report::{
    self, Annotation, Citation, Format, Language, Report, ReportFact, Scope, ScopeRequest, Sections, Source,
    Statuses,
};
use dossier_core::store::{annotations, articles, collections};
use dossier_core::{Create, ErrorKind, FactStatus, Library, Metric, Qualifier, QuantityKind};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
/// A newspaper page in the canonical sample's style, written for these tests.
const SAMPLE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/newspaper/ai-market-page-zh.txt");

struct Fixture {
    _dir: tempfile::TempDir,
    library: Library,
    /// Article ids by file name.
    ids: BTreeMap<&'static str, i64>,
}

/// A library of the sample and fixture articles, with some facts reviewed: what the
/// Chinese articles say about 智谱, 月之暗面, MiniMax and 百川智能 confirmed, DeepSeek's
/// users edited, the semiconductor ETF rejected.
fn fixture() -> Fixture {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("library.sqlite"), Create::IfMissing).unwrap();
    let mut ids = BTreeMap::new();
    let files: [(&str, String); 4] = [
        ("ai-market-page-zh.txt", std::fs::read_to_string(SAMPLE).unwrap()),
        (
            "zh-rounds-kechuang.txt",
            std::fs::read_to_string(format!("{FIXTURES}/report/zh-rounds-kechuang.txt")).unwrap(),
        ),
        (
            "zh-funding-jiemian.txt",
            std::fs::read_to_string(format!("{FIXTURES}/extract/zh-funding-jiemian.txt")).unwrap(),
        ),
        (
            "en-funding-techwire.txt",
            std::fs::read_to_string(format!("{FIXTURES}/extract/en-funding-techwire.txt")).unwrap(),
        ),
    ];
    for (name, text) in &files {
        let stored = ingest::import_bytes(&mut library, text.as_bytes(), name, &Limits::default()).unwrap();
        ids.insert(*name, stored.article_id);
    }
    // The English article stays unreviewed.
    let english = ids["en-funding-techwire.txt"];
    library
        .conn()
        .execute_batch(&format!(
            "UPDATE facts SET status = 'confirmed'
               WHERE subject IN ('智谱', '月之暗面', 'MiniMax', '百川智能') AND article_id <> {english};
             UPDATE facts SET status = 'edited' WHERE subject = 'DeepSeek' AND metric = 'users';
             UPDATE facts SET status = 'rejected' WHERE subject = '半导体ETF';"
        ))
        .unwrap();
    Fixture { _dir: dir, library, ids }
}

fn request(scope: Scope) -> ScopeRequest {
    ScopeRequest {
        date: Some("2025-03-01".into()),
        author: Some("林分析".into()),
        ..ScopeRequest::new(scope)
    }
}

/// Every fact's quote is, word for word, what the article holds at the cited code points.
fn assert_citations_point_at_quotes(library: &Library, report: &Report) {
    for f in &report.facts {
        let text = articles::get(library.conn(), f.citation.article_id).unwrap().text;
        let cited: String = text
            .chars()
            .skip(f.citation.start as usize)
            .take((f.citation.end - f.citation.start) as usize)
            .collect();
        assert_eq!(cited, f.citation.quote, "fact #{} cites the wrong place", f.id);
        let value: String =
            text.chars().skip(f.value_start as usize).take((f.value_end - f.value_start) as usize).collect();
        assert_eq!(value, f.value_text);
    }
}

#[test]
fn the_default_scope_is_reviewed_facts_and_all_statuses_leave_out_rejected_ones() {
    let fx = fixture();
    let sample = fx.ids["ai-market-page-zh.txt"];
    let reviewed = report::build(fx.library.conn(), &request(Scope::Article(sample))).unwrap();
    assert!(!reviewed.facts.is_empty());
    assert!(reviewed
        .facts
        .iter()
        .all(|f| f.status == FactStatus::Confirmed || f.status == FactStatus::Edited));
    assert!(reviewed.facts.iter().any(|f| f.subject == "DeepSeek" && f.status == FactStatus::Edited));
    assert!(reviewed.facts.iter().all(|f| f.citation.article_id == sample));
    assert_eq!(reviewed.sources.len(), 1);
    assert_eq!(reviewed.language, Language::Zh);
    assert_eq!(reviewed.title, "DeepSeek 热度不减 国产大模型改写全球竞争版图");
    assert_citations_point_at_quotes(&fx.library, &reviewed);

    let all = report::build(
        fx.library.conn(),
        &ScopeRequest { statuses: Statuses::NotRejected, ..request(Scope::Article(sample)) },
    )
    .unwrap();
    assert!(all.facts.len() > reviewed.facts.len());
    assert!(all.facts.iter().any(|f| f.status == FactStatus::Extracted));
    assert!(all.facts.iter().all(|f| f.subject != "半导体ETF"), "rejected facts stay out");
    assert_citations_point_at_quotes(&fx.library, &all);
}

#[test]
fn collections_searches_and_chosen_facts_scope_a_report() {
    let fx = fixture();
    let conn = fx.library.conn();
    let collection = collections::create(conn, "大模型").unwrap();
    for name in ["zh-rounds-kechuang.txt", "zh-funding-jiemian.txt"] {
        collections::add_article(conn, collection, fx.ids[name]).unwrap();
    }
    let all = |scope| {
        report::build(conn, &ScopeRequest { statuses: Statuses::NotRejected, ..request(scope) }).unwrap()
    };
    let by_collection = all(Scope::Collection("大模型".into()));
    assert_eq!(by_collection.title, "大模型");
    let sources: Vec<i64> = by_collection.sources.iter().map(|s| s.article_id).collect();
    let mut expected = vec![fx.ids["zh-rounds-kechuang.txt"], fx.ids["zh-funding-jiemian.txt"]];
    expected.sort();
    assert_eq!(sources, expected);

    let by_search = all(Scope::Search("阶跃星辰".into()));
    assert!(by_search.sources.iter().any(|s| s.article_id == fx.ids["zh-funding-jiemian.txt"]));
    assert!(by_search.sources.iter().all(|s| s.article_id != fx.ids["en-funding-techwire.txt"]));

    let chosen: Vec<i64> = by_collection.facts.iter().take(2).map(|f| f.id).collect();
    let picked = report::build(conn, &request(Scope::Facts(chosen.clone()))).unwrap();
    assert_eq!(picked.facts.iter().map(|f| f.id).collect::<Vec<_>>(), chosen);

    let missing = report::build(conn, &request(Scope::Facts(vec![999_999]))).unwrap_err();
    assert_eq!(missing.kind, ErrorKind::NotFound);
    let no_collection = report::build(conn, &request(Scope::Collection("无此集合".into()))).unwrap_err();
    assert_eq!(no_collection.kind, ErrorKind::NotFound);
    assert_eq!(report::build(conn, &request(Scope::Article(999_999))).unwrap_err().kind, ErrorKind::NotFound);
}

#[test]
fn a_tag_scopes_its_highlights_and_their_articles() {
    let fx = fixture();
    let conn = fx.library.conn();
    let article = fx.ids["ai-market-page-zh.txt"];
    let text = articles::get(conn, article).unwrap().text;
    let quote = "1.19亿";
    let byte = text.find(quote).unwrap();
    let start = text[..byte].chars().count();
    let new = |tags: Vec<String>, comment: &str| annotations::NewAnnotation {
        article_id: article,
        start,
        end: start + quote.chars().count(),
        colour: Some("green".into()),
        comment: comment.into(),
        tags,
    };
    annotations::create(conn, &new(vec!["日活".into()], "**核对** 口径")).unwrap();
    annotations::create(conn, &new(vec![], "")).unwrap();

    let by_tag = report::build(
        conn,
        &ScopeRequest { statuses: Statuses::NotRejected, ..request(Scope::Tag("日活".into())) },
    )
    .unwrap();
    assert_eq!(by_tag.title, "日活");
    assert_eq!(by_tag.sources.iter().map(|s| s.article_id).collect::<Vec<_>>(), vec![article]);
    assert!(by_tag.facts.iter().all(|f| f.citation.article_id == article) && !by_tag.facts.is_empty());
    // Only the tagged highlight, with its comment, the named colour as hex and a citation
    // of exactly the highlighted words.
    assert_eq!(by_tag.annotations.len(), 1);
    let a = &by_tag.annotations[0];
    assert_eq!((a.citation.quote.as_str(), a.citation.start), (quote, start as i64));
    assert_eq!(a.comment.as_deref(), Some("**核对** 口径"));
    assert_eq!(a.colour.as_deref(), Some("#b7eb8f"));
    assert_eq!(a.tags, vec!["日活".to_owned()]);

    // The article's report holds both highlights; the one without a comment has none.
    let by_article = report::build(conn, &request(Scope::Article(article))).unwrap();
    assert_eq!(by_article.annotations.len(), 2);
    assert_eq!(by_article.annotations[1].comment, None);

    let no_tag = report::build(conn, &request(Scope::Tag("无此标签".into()))).unwrap_err();
    assert_eq!(no_tag.kind, ErrorKind::NotFound);
}

#[test]
fn sections_left_out_are_absent_from_the_documents() {
    let (_fx, report) = golden();
    let l = report.labels();
    let full = String::from_utf8(report::render(&report, Format::Html).unwrap()).unwrap();
    for heading in [l.facts_by_entity, l.timeline, l.charts, l.quotes, l.sources] {
        assert!(full.contains(&format!("<h2>{heading}</h2>")), "{heading} missing from the full report");
    }
    let bare = Report {
        sections: Sections { facts: false, timeline: false, charts: true, quotes: true, sources: false },
        ..report.clone()
    };
    let html = String::from_utf8(report::render(&bare, Format::Html).unwrap()).unwrap();
    let markdown = String::from_utf8(report::render(&bare, Format::Md).unwrap()).unwrap();
    for heading in [l.facts_by_entity, l.timeline, l.sources] {
        assert!(!html.contains(&format!("<h2>{heading}</h2>")), "{heading} left in the HTML");
        assert!(!markdown.contains(&format!("## {heading}")), "{heading} left in the Markdown");
    }
    assert!(html.contains("<svg") && html.contains(&format!("<h2>{}</h2>", l.quotes)));
    let docx = unzip(&report::render(&bare, Format::Docx).unwrap(), "word/document.xml");
    assert!(!docx.contains(l.timeline) && docx.contains(l.charts));
    // The data formats keep every fact whatever the sections.
    let csv = String::from_utf8(report::render(&bare, Format::Csv).unwrap()).unwrap();
    assert_eq!(parse_csv(&csv).len(), report.facts.len() + 1);
}

/// The report every golden test reads back: reviewed facts of the Chinese articles and
/// two annotations.
fn golden() -> (Fixture, Report) {
    let fx = fixture();
    let conn = fx.library.conn();
    let collection = collections::create(conn, "融资").unwrap();
    for name in ["ai-market-page-zh.txt", "zh-rounds-kechuang.txt"] {
        collections::add_article(conn, collection, fx.ids[name]).unwrap();
    }
    let mut report = report::build(conn, &request(Scope::Collection("融资".into()))).unwrap();
    let fact =
        report.facts.iter().find(|f| f.subject == "智谱" && f.metric == Metric::Funding).unwrap().clone();
    report.annotations = vec![
        Annotation {
            id: 1,
            citation: fact.citation.clone(),
            comment: Some("与公开报道一致，需核对投资方".into()),
            tags: vec!["融资".into(), "待核".into()],
            colour: Some("#ffd54f".into()),
        },
        Annotation { id: 2, citation: fact.citation, comment: None, tags: vec![], colour: None },
    ];
    (fx, report)
}

/// Figures the golden report must show, each with the quote it comes from.
fn expected_figures(report: &Report) -> Vec<(&str, &str)> {
    let figures: Vec<(&str, &str)> = report
        .facts
        .iter()
        .filter(|f| ["30亿元人民币", "超过10亿美元", "6亿美元", "1.19亿"].contains(&f.value_text.as_str()))
        .map(|f| (f.value_text.as_str(), f.citation.quote.as_str()))
        .collect();
    assert!(figures.len() >= 4, "the fixture lost figures: {figures:?}");
    figures
}

fn unzip(bytes: &[u8], name: &str) -> String {
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    let mut text = String::new();
    zip.by_name(name)
        .unwrap_or_else(|_| panic!("{name} is in the package"))
        .read_to_string(&mut text)
        .unwrap();
    text
}

#[test]
fn markdown_shows_figures_quotes_and_deep_links() {
    let (fx, report) = golden();
    let md = String::from_utf8(report::render(&report, Format::Md).unwrap()).unwrap();
    assert!(md.starts_with("# 融资\n"));
    for heading in ["## 按主体与指标分列的数据", "## 时间线", "## 图表", "## 批注摘录", "## 资料来源"]
    {
        assert!(md.contains(heading), "{heading} missing");
    }
    for (value, quote) in expected_figures(&report) {
        assert!(md.contains(&report::escape::markdown(value)), "{value}");
        assert!(md.contains(&report::escape::markdown(quote)), "{quote}");
    }
    for f in &report.facts {
        assert!(md.contains(&format!("]({})", f.citation.link())), "no deep link for fact #{}", f.id);
    }
    let sample = &report.sources.iter().find(|s| s.article_id == fx.ids["ai-market-page-zh.txt"]).unwrap();
    assert!(md.contains(&report::escape::markdown(&sample.title)));
    assert!(md.contains("与公开报道一致，需核对投资方"));
    // Table rows have as many cells as their header.
    let mut header = None;
    for line in md.lines() {
        if !line.starts_with('|') {
            header = None;
            continue;
        }
        let cells = line.replace("\\|", "").matches('|').count();
        assert_eq!(cells, *header.get_or_insert(cells), "{line}");
    }
}

#[test]
fn html_is_one_file_without_scripts_or_remote_content() {
    let (_fx, report) = golden();
    let html = String::from_utf8(report::render(&report, Format::Html).unwrap()).unwrap();
    let doc = dom_query::Document::from(html.as_str());
    assert_eq!(doc.select("script").length(), 0);
    assert_eq!(doc.select("link, iframe, object, embed, img").length(), 0);
    assert_eq!(doc.select("svg").length(), 2, "the comparison and the rounds charts");
    assert!(doc.select("style").length() == 1);
    let csp = doc.select("meta[http-equiv=\"Content-Security-Policy\"]").attr("content").unwrap();
    assert!(csp.contains("default-src 'none'"));
    for a in doc.select("a").iter() {
        assert!(a.attr("href").unwrap().starts_with("dossier://article/"), "{:?}", a.attr("href"));
    }
    let text = doc.select("body").text();
    for (value, quote) in expected_figures(&report) {
        assert!(text.contains(value), "{value}");
        assert!(text.contains(quote), "{quote}");
    }
    let links: Vec<String> = doc.select("a").iter().map(|a| a.attr("href").unwrap().to_string()).collect();
    for f in &report.facts {
        assert!(links.contains(&f.citation.link()));
    }
    // The bar chart compares valuations, in Chinese units.
    let chart = doc.select("svg").first().text();
    assert!(chart.contains("估值对比（亿"), "{chart}");
}

#[test]
fn docx_has_word_styles_captions_links_and_charts() {
    let (_fx, report) = golden();
    let bytes = report::render(&report, Format::Docx).unwrap();
    let document = unzip(&bytes, "word/document.xml");
    let mut reader = quick_xml::Reader::from_str(&document);
    let (mut text, mut styles, mut in_text) = (String::new(), Vec::new(), false);
    loop {
        match reader.read_event().expect("document.xml is well-formed XML") {
            quick_xml::events::Event::Start(e) if e.name().as_ref() == "w:t" => in_text = true,
            quick_xml::events::Event::End(e) if e.name().as_ref() == "w:t" => in_text = false,
            quick_xml::events::Event::Text(t) if in_text => text.push_str(&t.xml10_content()),
            quick_xml::events::Event::GeneralRef(r) if in_text => {
                text.push(match r.resolve_char_ref().unwrap() {
                    Some(c) => c,
                    None => match r.xml10_content().as_ref() {
                        "amp" => '&',
                        "lt" => '<',
                        "gt" => '>',
                        "quot" => '"',
                        "apos" => '\'',
                        other => panic!("unknown entity &{other};"),
                    },
                })
            }
            quick_xml::events::Event::Empty(e) if e.name().as_ref() == "w:pStyle" => {
                styles.push(e.try_get_attribute("w:val").unwrap().unwrap().value.to_string())
            }
            quick_xml::events::Event::Eof => break,
            _ => {}
        }
    }
    for style in ["Title", "Heading1", "Heading2", "Caption", "Quote"] {
        assert!(styles.iter().any(|s| s == style), "{style} unused");
    }
    assert!(document.contains("<w:tblStyle w:val=\"DossierTable\"/>"));
    assert!(document.contains("SEQ Table"));
    let styles_xml = unzip(&bytes, "word/styles.xml");
    for (id, name) in [("Heading1", "heading 1"), ("Heading2", "heading 2"), ("Caption", "caption")] {
        assert!(styles_xml.contains(&format!("w:styleId=\"{id}\"><w:name w:val=\"{name}\"/>")), "{id}");
    }
    for (value, quote) in expected_figures(&report) {
        assert!(text.contains(value), "{value}");
        assert!(text.contains(quote), "{quote}");
    }
    let rels = unzip(&bytes, "word/_rels/document.xml.rels");
    for f in &report.facts {
        assert!(rels.contains(&report::escape::xml(&f.citation.link())), "fact #{} has no link", f.id);
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(&bytes)).unwrap();
    let mut png = Vec::new();
    zip.by_name("word/media/chart1.png").unwrap().read_to_end(&mut png).unwrap();
    assert!(png.starts_with(b"\x89PNG\r\n\x1a\n"));
}

#[test]
fn xlsx_has_typed_numbers_per_unit_and_three_sheets() {
    use calamine::{Data, Reader, Xlsx};
    let (_fx, report) = golden();
    let bytes = report::render(&report, Format::Xlsx).unwrap();
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes.clone())).unwrap();
    assert_eq!(book.sheet_names(), ["Facts", "Annotations", "Sources"]);
    let facts = book.worksheet_range("Facts").unwrap();
    assert_eq!(facts.height(), report.facts.len() + 1);
    assert_eq!(facts.get((0, 4)), Some(&Data::String("low".into())));
    for (row, f) in report.facts.iter().enumerate() {
        let row = row + 1;
        assert_eq!(facts.get((row, 0)), Some(&Data::Float(f.id as f64)));
        assert_eq!(facts.get((row, 3)), Some(&Data::String(f.value_text.clone())));
        assert_eq!(facts.get((row, 4)), Some(&Data::Float(f.low)), "low of fact #{} is a number", f.id);
        assert_eq!(facts.get((row, 11)), Some(&Data::String(f.citation.quote.clone())));
        assert_eq!(facts.get((row, 15)), Some(&Data::String(f.citation.link())));
    }
    let zhipu = report.facts.iter().position(|f| f.value_text == "30亿元人民币").unwrap();
    assert_eq!(facts.get((zhipu + 1, 4)), Some(&Data::Float(3e9)));
    let styles = unzip(&bytes, "xl/styles.xml");
    assert!(styles.contains("formatCode=\"&quot;¥&quot;#,##0\""), "CNY format");
    assert!(styles.contains("formatCode=\"&quot;$&quot;#,##0\""), "USD format");
    let annotations = book.worksheet_range("Annotations").unwrap();
    assert_eq!(annotations.get((1, 2)), Some(&Data::String("与公开报道一致，需核对投资方".into())));
    let sources = book.worksheet_range("Sources").unwrap();
    assert_eq!(sources.height(), report.sources.len() + 1);
}

/// RFC 4180 fields: quoted fields may hold commas, doubled quotes and line breaks.
fn parse_csv(text: &str) -> Vec<Vec<String>> {
    let (mut rows, mut row, mut field) = (Vec::new(), Vec::new(), String::new());
    let mut chars = text.chars().peekable();
    let mut quoted = false;
    while let Some(c) = chars.next() {
        match (quoted, c) {
            (true, '"') if chars.peek() == Some(&'"') => {
                chars.next();
                field.push('"');
            }
            (true, '"') => quoted = false,
            (true, c) => field.push(c),
            (false, '"') => quoted = true,
            (false, ',') => row.push(std::mem::take(&mut field)),
            (false, '\r') => {
                assert_eq!(chars.next(), Some('\n'), "records end in CRLF");
                row.push(std::mem::take(&mut field));
                rows.push(std::mem::take(&mut row));
            }
            (false, c) => field.push(c),
        }
    }
    assert!(row.is_empty() && field.is_empty(), "the last record ends in CRLF");
    rows
}

#[test]
fn csv_is_rfc_4180_with_one_row_per_fact() {
    let (_fx, report) = golden();
    let csv = String::from_utf8(report::render(&report, Format::Csv).unwrap()).unwrap();
    let rows = parse_csv(&csv);
    assert_eq!(rows[0][..4], ["id", "subject", "metric", "value"]);
    assert_eq!(rows.len(), report.facts.len() + 1);
    for (row, f) in rows[1..].iter().zip(&report.facts) {
        assert_eq!(row.len(), 17);
        assert_eq!(row[0], f.id.to_string());
        assert_eq!(row[3], f.value_text);
        assert_eq!(row[4].parse::<f64>().unwrap(), f.low);
        assert_eq!(row[11], f.citation.quote);
        assert_eq!(row[15], f.citation.link());
    }
}

#[test]
fn json_has_design_facts_and_w3c_annotations() {
    let (fx, report) = golden();
    let value: serde_json::Value =
        serde_json::from_slice(&report::render(&report, Format::Json).unwrap()).unwrap();
    let facts = value["facts"].as_array().unwrap();
    assert_eq!(facts.len(), report.facts.len());
    let zhipu = facts.iter().find(|f| f["quantity"]["text"] == "30亿元人民币").unwrap();
    assert_eq!(zhipu["subject"], "智谱");
    assert_eq!(zhipu["metric"], "funding");
    assert_eq!(zhipu["quantity"]["low"], 3e9);
    assert_eq!(zhipu["quantity"]["unit"], "CNY");
    assert_eq!(zhipu["date"], "2024-12");
    assert!(zhipu["source"]["link"].as_str().unwrap().starts_with("dossier://article/"));
    let annotations = value["annotations"].as_array().unwrap();
    assert_eq!(annotations.len(), 2);
    let a = &annotations[0];
    assert_eq!(a["@context"], "http://www.w3.org/ns/anno.jsonld");
    assert_eq!(a["type"], "Annotation");
    assert_eq!(a["motivation"], "commenting");
    assert_eq!(a["body"][0]["purpose"], "commenting");
    assert_eq!(
        a["body"][1],
        serde_json::json!({"type": "TextualBody", "value": "融资", "purpose": "tagging"})
    );
    let target = &a["target"];
    assert_eq!(target["source"], format!("dossier://article/{}", report.annotations[0].citation.article_id));
    let selectors = target["selector"].as_array().unwrap();
    assert_eq!(selectors[0]["type"], "TextQuoteSelector");
    assert_eq!(selectors[0]["exact"], report.annotations[0].citation.quote);
    assert_eq!(selectors[1]["type"], "TextPositionSelector");
    // The position selector points at the quote in the article.
    let text = articles::get(fx.library.conn(), report.annotations[0].citation.article_id).unwrap().text;
    let (start, end) =
        (selectors[1]["start"].as_u64().unwrap() as usize, selectors[1]["end"].as_u64().unwrap() as usize);
    assert_eq!(text.chars().skip(start).take(end - start).collect::<String>(), selectors[0]["exact"]);
    assert_eq!(target["styleClass"], "dossier-highlight");
    assert!(a["stylesheet"]["value"].as_str().unwrap().contains("#ffd54f"));
    assert_eq!(annotations[1]["motivation"], "highlighting");
}

#[cfg(feature = "pdf")]
/// The PDF's text as pdf_oxide reads it, without the line breaks layout put in.
fn pdf_text(bytes: &[u8]) -> String {
    let doc = pdf_oxide::PdfDocument::from_bytes(bytes.to_vec()).unwrap();
    let options = pdf_oxide::converters::ConversionOptions::default();
    let mut text = String::new();
    for page in 0..doc.page_count().unwrap() {
        text.push_str(&doc.to_plain_text(page, &options).unwrap());
    }
    text.chars().filter(|c| !c.is_whitespace()).collect()
}

#[cfg(feature = "pdf")]
#[test]
fn pdf_embeds_a_cjk_font_and_holds_figures_and_quotes() {
    let (_fx, report) = golden();
    let bytes = report::render(&report, Format::Pdf).unwrap();
    assert!(bytes.starts_with(b"%PDF-"));
    let text = pdf_text(&bytes);
    let squeeze = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
    assert!(text.contains(&squeeze(&report.title)));
    for (value, quote) in expected_figures(&report) {
        assert!(text.contains(&squeeze(value)), "{value} not in the PDF");
        // Long quotes wrap inside their table cell; each piece must be there.
        let quote = squeeze(quote);
        let head: String = quote.chars().take(12).collect();
        assert!(text.contains(&head), "quote {quote} not in the PDF");
    }
    assert!(text.contains("按主体与指标分列的数据"));
    assert!(text.contains("与公开报道一致，需核对投资方"));
    // The font is embedded, not referenced.
    let raw = String::from_utf8_lossy(&bytes);
    assert!(raw.contains("/FontFile"), "no embedded font program");
    assert!(raw.contains("NotoSansCJK") || raw.contains("Noto"), "the CJK font is not the one embedded");
}

/// Strings that break out of HTML, attributes, Markdown, typst, XML or a spreadsheet.
const HOSTILE: [&str; 12] = [
    "<script>alert('x')</script>",
    "\"><img src=x onerror=alert(1)>",
    "' onmouseover='alert(1)",
    "javascript:alert(document.cookie)",
    "[click](javascript:alert(1))",
    "</textarea></style><svg onload=alert(1)>",
    "=HYPERLINK(\"http://evil.example\",\"x\")",
    "+cmd|' /C calc'!A0",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "#panic(\"typst\") $x$ *bold* ]]></w:t>",
    "控制\u{0}字符\u{1b}[31m &amp; &lt;",
];

fn hostile_report() -> Report {
    let h = |i: usize| HOSTILE[i % HOSTILE.len()].to_string();
    let facts = (0..HOSTILE.len())
        .map(|i| ReportFact {
            id: i as i64 + 1,
            subject: h(i),
            metric: if i % 2 == 0 { Metric::Valuation } else { Metric::Funding },
            kind: QuantityKind::Money,
            value_text: h(i + 1),
            low: 1e8 * (i + 1) as f64,
            high: 1e8 * (i + 1) as f64,
            unit: if i == 3 { h(i) } else { "USD".into() },
            qualifier: Qualifier::Exact,
            date: Some(format!("2024-{:02}", i % 12 + 1)),
            round: Some(h(i + 2)),
            investors: vec![h(i + 3), h(i + 4)],
            status: FactStatus::Confirmed,
            confidence: 0.9,
            value_start: 0,
            value_end: 3,
            citation: Citation { article_id: 1 + (i as i64 % 2), quote: h(i + 5), start: 0, end: 10 },
        })
        .collect();
    Report {
        title: h(0),
        author: Some(h(1)),
        date: "2025-03-01".into(),
        language: Language::En,
        sections: Sections::default(),
        facts,
        sources: vec![
            Source {
                article_id: 1,
                title: h(2),
                outlet: Some(h(3)),
                published: Some(h(4)),
                authors: vec![h(5)],
            },
            Source { article_id: 2, title: h(6), outlet: Some(h(7)), published: None, authors: vec![] },
        ],
        annotations: (0..HOSTILE.len())
            .map(|i| Annotation {
                id: i as i64,
                citation: Citation { article_id: 1, quote: h(i), start: 0, end: 5 },
                comment: Some(h(i + 1)),
                tags: vec![h(i + 2)],
                colour: Some(if i % 2 == 0 {
                    "red;background:url(javascript:alert(1))".into()
                } else {
                    "#00ff00".into()
                }),
            })
            .collect(),
    }
}

#[test]
fn hostile_text_stays_text_in_every_format() {
    let report = hostile_report();
    let html = String::from_utf8(report::render(&report, Format::Html).unwrap()).unwrap();
    let doc = dom_query::Document::from(html.as_str());
    assert_eq!(doc.select("script, img, iframe, textarea, object, embed").length(), 0);
    assert_eq!(doc.select("svg").length(), 2, "only the two charts are SVG");
    assert_eq!(doc.select("style").length(), 1);
    assert_eq!(doc.select("[onerror], [onload], [onmouseover]").length(), 0);
    for a in doc.select("a").iter() {
        assert!(a.attr("href").unwrap().starts_with("dossier://"));
    }
    for styled in doc.select("[style]").iter() {
        assert!(!styled.attr("style").unwrap().contains("javascript"), "a colour reached CSS");
    }
    let body = doc.select("body").text();
    for s in &HOSTILE[..11] {
        assert!(body.contains(s.trim_start()), "{s} is not shown as text");
    }

    let md = String::from_utf8(report::render(&report, Format::Md).unwrap()).unwrap();
    assert!(!md.to_lowercase().contains("<script"));
    assert!(!md.contains("](javascript"));
    assert!(!md.contains("<img"));
    assert!(md
        .lines()
        .filter(|l| l.starts_with('#'))
        .all(|l| l.starts_with("# ") || l.starts_with("## ") || l.starts_with("### ")));

    let docx = report::render(&report, Format::Docx).unwrap();
    for part in ["word/document.xml", "word/_rels/document.xml.rels", "docProps/core.xml"] {
        let xml = unzip(&docx, part);
        let mut reader = quick_xml::Reader::from_str(&xml);
        while !matches!(
            reader.read_event().unwrap_or_else(|e| panic!("{part}: {e}")),
            quick_xml::events::Event::Eof
        ) {}
    }

    let csv = String::from_utf8(report::render(&report, Format::Csv).unwrap()).unwrap();
    for row in parse_csv(&csv) {
        for cell in row {
            assert!(!cell.starts_with(['=', '+', '-', '@', '\t', '\r']), "formula-like cell {cell:?}");
        }
    }

    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> =
        calamine::open_workbook_from_rs(Cursor::new(report::render(&report, Format::Xlsx).unwrap())).unwrap();
    for sheet in ["Facts", "Annotations", "Sources"] {
        let formulas = book.worksheet_formula(sheet).unwrap();
        assert!(formulas.used_cells().all(|(_, _, f)| f.is_empty()), "a formula in {sheet}");
    }
    let facts = book.worksheet_range("Facts").unwrap();
    assert_eq!(facts.get((7, 1)), Some(&Data::String(HOSTILE[6].into())), "kept as text, word for word");

    let json: serde_json::Value =
        serde_json::from_slice(&report::render(&report, Format::Json).unwrap()).unwrap();
    assert_eq!(json["title"], HOSTILE[0]);
    assert!(json["annotations"][0].get("stylesheet").is_none(), "a colour that is not #rrggbb is dropped");

    #[cfg(feature = "pdf")]
    {
        let text = pdf_text(&report::render(&report, Format::Pdf).unwrap());
        assert!(text.contains("#panic(\"typst\")"), "typst markup in the data was laid out as text");
    }
}

#[test]
fn files_are_written_whole_and_never_overwritten_unasked() {
    let (_fx, report) = golden();
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("report.md");
    report::export(&report, Format::Md, &path, false).unwrap();
    let first = std::fs::read(&path).unwrap();
    assert_eq!(first, report::render(&report, Format::Md).unwrap());

    let error = report::export(&report, Format::Html, &path, false).unwrap_err();
    assert_eq!(error.kind, ErrorKind::InvalidInput);
    assert!(error.message.contains("already exists"), "{}", error.message);
    assert_eq!(std::fs::read(&path).unwrap(), first, "the existing file was changed");

    report::export(&report, Format::Html, &path, true).unwrap();
    assert!(std::fs::read_to_string(&path).unwrap().starts_with("<!DOCTYPE html>"));
    let names: Vec<_> = std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name()).collect();
    assert_eq!(names, ["report.md"], "no temporary file is left behind");

    let missing =
        report::export(&report, Format::Md, &dir.path().join("no/such/folder/r.md"), false).unwrap_err();
    assert_eq!(missing.kind, ErrorKind::Io);
}

#[test]
fn an_empty_scope_still_makes_every_format() {
    let fx = fixture();
    let english = fx.ids["en-funding-techwire.txt"];
    let report = report::build(fx.library.conn(), &request(Scope::Article(english))).unwrap();
    assert!(report.facts.is_empty(), "nothing in the English article is reviewed");
    assert_eq!(report.language, Language::En);
    for format in Format::ALL.into_iter().filter(|f| cfg!(feature = "pdf") || *f != Format::Pdf) {
        let bytes = report::render(&report, format).unwrap();
        assert!(!bytes.is_empty(), "{format:?}");
    }
    let md = String::from_utf8(report::render(&report, Format::Md).unwrap()).unwrap();
    assert!(md.contains("No facts in this scope."));
}

/// Two figures about one firm, one confirmed and one nobody reviewed, neither with a
/// round or investors; and a highlight whose comment is Markdown with markup in it.
fn review_marks_report() -> Report {
    let fact = |id: i64, value: &str, status: FactStatus| ReportFact {
        id,
        subject: "智谱".into(),
        metric: Metric::Funding,
        kind: QuantityKind::Money,
        value_text: value.into(),
        low: 3e9,
        high: 3e9,
        unit: "CNY".into(),
        qualifier: Qualifier::Exact,
        date: Some(format!("2024-{:02}", id + 3)),
        round: None,
        investors: vec![],
        status,
        confidence: 0.9,
        value_start: 0,
        value_end: 4,
        citation: Citation { article_id: 1, quote: format!("融资{value}"), start: 0, end: 6 },
    };
    Report {
        title: "智谱".into(),
        author: None,
        date: "2025-03-01".into(),
        language: Language::En,
        sections: Sections { charts: false, ..Sections::default() },
        facts: vec![fact(1, "30亿元", FactStatus::Confirmed), fact(2, "40亿元", FactStatus::Extracted)],
        sources: vec![Source {
            article_id: 1,
            title: "智谱融资".into(),
            outlet: None,
            published: None,
            authors: vec![],
        }],
        annotations: vec![Annotation {
            id: 1,
            citation: Citation { article_id: 1, quote: "融资30亿元".into(), start: 0, end: 6 },
            comment: Some("**核对** 与 *原文* `30亿` <b>x</b>\n- 一\n- 二".into()),
            tags: vec![],
            colour: None,
        }],
    }
}

#[test]
fn unreviewed_figures_are_marked_an_empty_details_column_is_left_out_and_comments_keep_their_markdown() {
    let report = review_marks_report();
    let html = String::from_utf8(report::render(&report, Format::Html).unwrap()).unwrap();
    let doc = dom_query::Document::from(html.as_str());
    let first_table = doc.select("table").first();
    assert_eq!(
        first_table.select("th").iter().map(|t| t.text().to_string()).collect::<Vec<_>>(),
        ["Value", "Date", "Source"],
        "no fact has details, so no Details column"
    );
    let values: Vec<String> = first_table.select("td.value").iter().map(|t| t.text().to_string()).collect();
    assert_eq!(values, ["40亿元not yet reviewed", "30亿元"]);
    assert_eq!(doc.select("td.value .unreviewed").length(), 2, "in the facts table and the timeline");
    assert!(doc.select("p.note").text().contains("not been checked by hand"));
    let comment = doc.select("blockquote p").last();
    assert_eq!(
        comment.select("strong").iter().map(|s| s.text().to_string()).collect::<Vec<_>>(),
        ["Comment:", "核对"]
    );
    assert_eq!(comment.select("em").text().to_string(), "原文");
    assert_eq!(comment.select("code").text().to_string(), "30亿");
    assert_eq!(comment.select("b").length(), 0, "markup in a comment stays text");
    assert!(comment.text().contains("<b>x</b>") && comment.text().contains("• 二"), "{}", comment.text());

    let md = String::from_utf8(report::render(&report, Format::Md).unwrap()).unwrap();
    assert!(md.contains("| Value | Date | Source |\n|---|---|---|\n"), "{md}");
    assert!(md.contains("| 40亿元 *(not yet reviewed)* |"), "{md}");
    assert!(md.contains("| 30亿元 |"), "{md}");
    assert!(
        md.contains("**Comment:** **核对** 与 *原文* `30亿` &lt;b&gt;x&lt;/b&gt;  \n• 一  \n• 二"),
        "{md}"
    );

    let docx = unzip(&report::render(&report, Format::Docx).unwrap(), "word/document.xml");
    let first = &docx[docx.find("<w:tbl>").unwrap()..docx.find("</w:tbl>").unwrap()];
    assert_eq!(first.matches("<w:gridCol ").count(), 3, "no Details column");
    assert!(first.contains("<w:i/><w:color w:val=\"8A5A00\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr><w:t xml:space=\"preserve\"> not yet reviewed</w:t>"));
    assert_eq!(first.matches("not yet reviewed").count(), 1);
    assert!(docx.contains("<w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">核对</w:t>"));
    assert!(docx.contains("<w:rPr><w:i/></w:rPr><w:t xml:space=\"preserve\">原文</w:t>"));
    assert!(docx.contains("&lt;b&gt;x&lt;/b&gt;"));

    // Every fact reviewed: no mark and no note.
    let mut reviewed = report.clone();
    reviewed.facts[1].status = FactStatus::Edited;
    let html = String::from_utf8(report::render(&reviewed, Format::Html).unwrap()).unwrap();
    assert!(!html.contains("not yet reviewed") && !html.contains("checked by hand"));

    #[cfg(feature = "pdf")]
    {
        let text = pdf_text(&report::render(&report, Format::Pdf).unwrap());
        // pdf_text drops whitespace: the mark follows the unreviewed value only.
        assert!(text.contains("40亿元notyetreviewed") && !text.contains("30亿元notyetreviewed"), "{text}");
        assert!(text.contains("核对") && !text.contains("**核对**"), "{text}");
    }
}
