//! DOCX written as OOXML by hand: Word's own style names (Title, Heading 1 and 2,
//! Caption, Quote, Hyperlink, a table style), captions numbered by SEQ fields, citations
//! as hyperlinks to `dossier://` deep links, charts as PNG images drawn from the SVG.

use std::collections::HashMap;
use std::fmt::Write as _;
use std::io::{Cursor, Write};

use zip::write::SimpleFileOptions;
use zip::ZipWriter;

use super::escape::xml as esc;
use super::{chart, comment, sections, Citation, Report, ReportFact};
use crate::{Error, Result};

/// A4 with 2 cm margins: the text is 9638 twips wide.
const TEXT_WIDTH: u32 = 9638;
/// English Metric Units per twip.
const EMU_PER_TWIP: u64 = 635;

const HYPERLINK: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink";
const IMAGE: &str = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/image";

#[derive(Default)]
struct Doc {
    body: String,
    /// (id, type, target, external)
    rels: Vec<(String, &'static str, String, bool)>,
    links: HashMap<String, String>,
    media: Vec<(String, Vec<u8>)>,
}

impl Doc {
    fn paragraph(&mut self, style: Option<&str>, text: &str) {
        self.body.push_str("<w:p>");
        if let Some(style) = style {
            let _ = write!(self.body, "<w:pPr><w:pStyle w:val=\"{style}\"/></w:pPr>");
        }
        self.run(text);
        self.body.push_str("</w:p>");
    }

    fn run(&mut self, text: &str) {
        let _ = write!(self.body, "<w:r><w:t xml:space=\"preserve\">{}</w:t></w:r>", esc(text));
    }

    fn bold_run(&mut self, text: &str) {
        let _ = write!(
            self.body,
            "<w:r><w:rPr><w:b/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            esc(text)
        );
    }

    /// A run in the styles a comment's Markdown gave it.
    fn styled_run(&mut self, run: &comment::Run) {
        let mut style = String::new();
        for (on, property) in [
            (run.code, "<w:rFonts w:ascii=\"Courier New\" w:hAnsi=\"Courier New\"/>"),
            (run.strong, "<w:b/>"),
            (run.em, "<w:i/>"),
            (run.del, "<w:strike/>"),
        ] {
            if on {
                style.push_str(property);
            }
        }
        let _ = write!(
            self.body,
            "<w:r><w:rPr>{style}</w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r>",
            esc(&run.text)
        );
    }

    /// The figure as the article writes it, in bold, marked if nobody has reviewed it.
    fn value_runs(&mut self, report: &Report, f: &ReportFact) {
        self.bold_run(&f.value_text);
        if !f.status.is_reviewed() {
            let _ = write!(
                self.body,
                "<w:r><w:rPr><w:i/><w:color w:val=\"8A5A00\"/><w:sz w:val=\"16\"/><w:szCs w:val=\"16\"/></w:rPr><w:t xml:space=\"preserve\"> {}</w:t></w:r>",
                esc(report.labels().unreviewed)
            );
        }
    }

    fn hyperlink(&mut self, target: &str, text: &str) {
        let next = format!("rIdLink{}", self.links.len() + 1);
        let id = self.links.entry(target.to_owned()).or_insert_with(|| next.clone()).clone();
        if id == next {
            self.rels.push((id.clone(), HYPERLINK, target.to_owned(), true));
        }
        let _ = write!(
            self.body,
            "<w:hyperlink r:id=\"{id}\"><w:r><w:rPr><w:rStyle w:val=\"Hyperlink\"/></w:rPr><w:t xml:space=\"preserve\">{}</w:t></w:r></w:hyperlink>",
            esc(text)
        );
    }

    /// "Table 3: text" with the number as a SEQ field, so Word can list and renumber them.
    fn caption(&mut self, word: &str, sequence: &str, number: usize, text: &str) {
        self.body.push_str("<w:p><w:pPr><w:pStyle w:val=\"Caption\"/><w:keepNext/></w:pPr>");
        self.run(&format!("{word} "));
        let _ = write!(
            self.body,
            "<w:fldSimple w:instr=\" SEQ {sequence} \\* ARABIC \"><w:r><w:t>{number}</w:t></w:r></w:fldSimple>"
        );
        self.run(&format!(": {text}"));
        self.body.push_str("</w:p>");
    }

    fn table_start(&mut self, widths: &[u32], headers: &[&str]) {
        let _ = write!(
            self.body,
            "<w:tbl><w:tblPr><w:tblStyle w:val=\"DossierTable\"/><w:tblW w:w=\"{TEXT_WIDTH}\" w:type=\"dxa\"/>\
             <w:tblLayout w:type=\"fixed\"/><w:tblLook w:val=\"04A0\" w:firstRow=\"1\" w:lastRow=\"0\" w:firstColumn=\"0\" \
             w:lastColumn=\"0\" w:noHBand=\"0\" w:noVBand=\"1\"/></w:tblPr><w:tblGrid>"
        );
        for w in widths {
            let _ = write!(self.body, "<w:gridCol w:w=\"{w}\"/>");
        }
        self.body.push_str("</w:tblGrid><w:tr><w:trPr><w:tblHeader/><w:cantSplit/></w:trPr>");
        for (w, h) in widths.iter().zip(headers) {
            self.cell_start(*w);
            self.run(h);
            self.body.push_str("</w:p></w:tc>");
        }
        self.body.push_str("</w:tr>");
    }

    fn cell_start(&mut self, width: u32) {
        let _ = write!(self.body, "<w:tc><w:tcPr><w:tcW w:w=\"{width}\" w:type=\"dxa\"/></w:tcPr><w:p>");
    }

    fn text_cell(&mut self, width: u32, text: &str) {
        self.cell_start(width);
        self.run(text);
        self.body.push_str("</w:p></w:tc>");
    }

    /// A cell with the citation as a link and the exact quote below it.
    fn citation_cell(&mut self, width: u32, report: &Report, c: &Citation, with_quote: bool) {
        self.cell_start(width);
        self.hyperlink(&c.link(), &report.cite(c));
        if with_quote {
            self.body.push_str("</w:p><w:p>");
            self.run(&report.labels().quoted(&c.quote));
        }
        self.body.push_str("</w:p></w:tc>");
    }

    fn image(&mut self, png: Vec<u8>, width_px: f64, height_px: f64, description: &str) {
        let n = self.media.len() + 1;
        let id = format!("rIdImage{n}");
        let name = format!("chart{n}.png");
        self.rels.push((id.clone(), IMAGE, format!("media/{name}"), false));
        self.media.push((name.clone(), png));
        let cx = u64::from(TEXT_WIDTH) * EMU_PER_TWIP;
        let cy = (cx as f64 * height_px / width_px) as u64;
        let _ = write!(
            self.body,
            "<w:p><w:pPr><w:keepNext/></w:pPr><w:r><w:drawing><wp:inline distT=\"0\" distB=\"0\" distL=\"0\" distR=\"0\">\
             <wp:extent cx=\"{cx}\" cy=\"{cy}\"/><wp:docPr id=\"{n}\" name=\"{name}\" descr=\"{d}\"/>\
             <a:graphic><a:graphicData uri=\"http://schemas.openxmlformats.org/drawingml/2006/picture\">\
             <pic:pic><pic:nvPicPr><pic:cNvPr id=\"{n}\" name=\"{name}\"/><pic:cNvPicPr/></pic:nvPicPr>\
             <pic:blipFill><a:blip r:embed=\"{id}\"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill>\
             <pic:spPr><a:xfrm><a:off x=\"0\" y=\"0\"/><a:ext cx=\"{cx}\" cy=\"{cy}\"/></a:xfrm>\
             <a:prstGeom prst=\"rect\"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>\
             </wp:inline></w:drawing></w:r></w:p>",
            d = esc(description)
        );
    }
}

pub fn render(report: &Report) -> Result<Vec<u8>> {
    let l = report.labels();
    let mut doc = Doc::default();
    doc.paragraph(Some("Title"), &report.title);
    let mut meta = Vec::new();
    if let Some(author) = &report.author {
        meta.push(format!("{}: {author}", l.author));
    }
    meta.push(format!("{}: {}", l.date, report.date));
    doc.paragraph(Some("Subtitle"), &meta.join(" · "));
    if sections::has_unreviewed(report) {
        doc.paragraph(None, l.unreviewed_note);
    }

    let mut tables = 0;
    if report.sections.facts {
        doc.paragraph(Some("Heading1"), l.facts_by_entity);
    }
    if report.facts.is_empty() {
        doc.paragraph(None, l.no_facts);
    }
    for g in sections::groups(report) {
        let heading = format!("{} · {}", g.subject, l.metric(g.metric));
        doc.paragraph(Some("Heading2"), &heading);
        tables += 1;
        doc.caption(l.table, "Table", tables, &heading);
        // Value, date, details (only where some fact has any), source.
        let (widths, headers) = if g.details {
            (vec![1700, 1200, 2000, 4738], vec![l.value, l.date, l.details, l.source])
        } else {
            (vec![1900, 1300, 6438], vec![l.value, l.date, l.source])
        };
        doc.table_start(&widths, &headers);
        for f in g.facts {
            doc.body.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            doc.cell_start(widths[0]);
            doc.value_runs(report, f);
            doc.body.push_str("</w:p></w:tc>");
            doc.text_cell(widths[1], sections::date_of(report, f).unwrap_or(""));
            if g.details {
                doc.text_cell(widths[2], &report.details(f));
            }
            doc.citation_cell(widths[widths.len() - 1], report, &f.citation, true);
            doc.body.push_str("</w:tr>");
        }
        doc.body.push_str("</w:tbl>");
    }

    let timeline = sections::timeline(report);
    if !timeline.is_empty() {
        doc.paragraph(Some("Heading1"), l.timeline);
        tables += 1;
        doc.caption(l.table, "Table", tables, l.timeline);
        let widths = [1200, 1700, 1300, 1800, 3638];
        doc.table_start(&widths, &[l.date, l.entity, l.metric, l.value, l.source]);
        for (date, f) in timeline {
            doc.body.push_str("<w:tr><w:trPr><w:cantSplit/></w:trPr>");
            doc.text_cell(widths[0], date);
            doc.text_cell(widths[1], &f.subject);
            doc.text_cell(widths[2], l.metric(f.metric));
            doc.cell_start(widths[3]);
            doc.value_runs(report, f);
            doc.body.push_str("</w:p></w:tc>");
            doc.citation_cell(widths[4], report, &f.citation, false);
            doc.body.push_str("</w:tr>");
        }
        doc.body.push_str("</w:tbl>");
    }

    let charts = chart::charts(report);
    if !charts.is_empty() {
        doc.paragraph(Some("Heading1"), l.charts);
        for (i, c) in charts.iter().enumerate() {
            let png = chart::png(&c.svg, 2.0)?;
            doc.image(png, c.width, c.height, &c.title);
            doc.caption(l.figure, "Figure", i + 1, &c.title);
        }
    }

    if !report.annotations.is_empty() {
        doc.paragraph(Some("Heading1"), l.quotes);
        for a in &report.annotations {
            doc.paragraph(Some("Quote"), &a.citation.quote);
            doc.body.push_str("<w:p>");
            doc.run("— ");
            doc.hyperlink(&a.citation.link(), &report.cite(&a.citation));
            doc.body.push_str("</w:p>");
            if let Some(comment) = &a.comment {
                doc.body.push_str("<w:p>");
                doc.bold_run(&format!("{}: ", l.comment));
                for (i, line) in comment::parse(comment).iter().enumerate() {
                    if i > 0 {
                        doc.body.push_str("<w:r><w:br/></w:r>");
                    }
                    let marker = line.marker();
                    if !marker.is_empty() {
                        doc.run(&marker);
                    }
                    line.runs.iter().for_each(|run| doc.styled_run(run));
                }
                doc.body.push_str("</w:p>");
            }
            if !a.tags.is_empty() {
                doc.paragraph(None, &format!("{}: {}", l.tags, a.tags.join(l.separator)));
            }
        }
    }

    if report.sections.sources {
        doc.paragraph(Some("Heading1"), l.sources);
        for s in &report.sources {
            doc.body.push_str("<w:p><w:pPr><w:pStyle w:val=\"ListParagraph\"/></w:pPr>");
            doc.hyperlink(&s.link(), &report.cite_source(s));
            doc.body.push_str("</w:p>");
        }
    }
    package(report, doc).map_err(|e| Error::internal(format!("DOCX: {e}")))
}

fn package(report: &Report, doc: Doc) -> std::io::Result<Vec<u8>> {
    let mut zip = ZipWriter::new(Cursor::new(Vec::new()));
    let options = SimpleFileOptions::default();
    let put = |zip: &mut ZipWriter<Cursor<Vec<u8>>>, name: &str, bytes: &[u8]| -> std::io::Result<()> {
        zip.start_file(name, options).map_err(std::io::Error::other)?;
        zip.write_all(bytes)
    };
    put(&mut zip, "[Content_Types].xml", CONTENT_TYPES.as_bytes())?;
    put(&mut zip, "_rels/.rels", PACKAGE_RELS.as_bytes())?;
    let mut rels = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
         <Relationship Id=\"rIdStyles\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles\" Target=\"styles.xml\"/>",
    );
    for (id, kind, target, external) in &doc.rels {
        let mode = if *external { " TargetMode=\"External\"" } else { "" };
        let _ = write!(rels, "<Relationship Id=\"{id}\" Type=\"{kind}\" Target=\"{}\"{mode}/>", esc(target));
    }
    rels.push_str("</Relationships>");
    put(&mut zip, "word/_rels/document.xml.rels", rels.as_bytes())?;
    let document = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <w:document xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\" \
         xmlns:r=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships\" \
         xmlns:wp=\"http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing\" \
         xmlns:a=\"http://schemas.openxmlformats.org/drawingml/2006/main\" \
         xmlns:pic=\"http://schemas.openxmlformats.org/drawingml/2006/picture\"><w:body>{}\
         <w:sectPr><w:pgSz w:w=\"11906\" w:h=\"16838\"/><w:pgMar w:top=\"1134\" w:right=\"1134\" w:bottom=\"1134\" \
         w:left=\"1134\" w:header=\"567\" w:footer=\"567\" w:gutter=\"0\"/></w:sectPr></w:body></w:document>",
        doc.body
    );
    put(&mut zip, "word/document.xml", document.as_bytes())?;
    let lang = match report.language {
        super::Language::Zh => "zh-CN",
        super::Language::En => "en-GB",
    };
    put(&mut zip, "word/styles.xml", STYLES.replace("{lang}", lang).as_bytes())?;
    for (name, bytes) in &doc.media {
        put(&mut zip, &format!("word/media/{name}"), bytes)?;
    }
    let core = format!(
        "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
         <cp:coreProperties xmlns:cp=\"http://schemas.openxmlformats.org/package/2006/metadata/core-properties\" \
         xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>{}</dc:title><dc:creator>{}</dc:creator></cp:coreProperties>",
        esc(&report.title),
        esc(report.author.as_deref().unwrap_or(""))
    );
    put(&mut zip, "docProps/core.xml", core.as_bytes())?;
    Ok(zip.finish().map_err(std::io::Error::other)?.into_inner())
}

const CONTENT_TYPES: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\">\
<Default Extension=\"rels\" ContentType=\"application/vnd.openxmlformats-package.relationships+xml\"/>\
<Default Extension=\"xml\" ContentType=\"application/xml\"/>\
<Default Extension=\"png\" ContentType=\"image/png\"/>\
<Override PartName=\"/word/document.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml\"/>\
<Override PartName=\"/word/styles.xml\" ContentType=\"application/vnd.openxmlformats-officedocument.wordprocessingml.styles+xml\"/>\
<Override PartName=\"/docProps/core.xml\" ContentType=\"application/vnd.openxmlformats-package.core-properties+xml\"/>\
</Types>";

const PACKAGE_RELS: &str = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\
<Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">\
<Relationship Id=\"rId1\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument\" Target=\"word/document.xml\"/>\
<Relationship Id=\"rId2\" Type=\"http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties\" Target=\"docProps/core.xml\"/>\
</Relationships>";

/// Word's built-in style ids and names, so Word's navigation pane, table of contents
/// and caption lists recognise them.
const STYLES: &str = include_str!("docx_styles.xml");
