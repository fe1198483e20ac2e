//! A corpus of broken and hostile files, made here, imported as one folder: every file
//! gets an answer (no crash, none over the time budget), what fails leaves nothing
//! behind (no half article), and what is readable is imported.

use std::io::{Cursor, Write};
use std::path::Path;

use dossier_core::import::Limits;
use dossier_core::operations::import::{self, ImportOptions, OutcomeStatus};
use dossier_core::{Create, Library};

use crate::hostile_import::pdf;

/// Limits as the app has them, but a smaller size limit, so that "too large" is cheap.
fn limits() -> Limits {
    Limits { max_file_bytes: 4 * 1024 * 1024, ..Limits::default() }
}

fn random(n: usize, seed: u64) -> Vec<u8> {
    let mut state = seed | 1;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

fn zip(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
    let mut writer = zip::ZipWriter::new(Cursor::new(Vec::new()));
    let options = zip::write::SimpleFileOptions::default().compression_method(method).large_file(false);
    for (name, bytes) in parts {
        writer.start_file(*name, options).unwrap();
        writer.write_all(bytes).unwrap();
    }
    writer.finish().unwrap().into_inner()
}

fn docx_with(document: &str) -> Vec<u8> {
    zip(
        &[("[Content_Types].xml", b"<Types/>"), ("word/document.xml", document.as_bytes())],
        zip::CompressionMethod::Deflated,
    )
}

const W: &str = "xmlns:w=\"http://schemas.openxmlformats.org/wordprocessingml/2006/main\"";
const ARTICLE: &str = "智谱AI于2024年12月完成30亿元人民币融资，投资方包括多家国有资本平台。";
const LEAD: &str = "<p>Acme raised $5 million in 2024.</p>";

/// (file name, bytes, whether it must be imported). Each is a kind of its own.
fn corpus() -> Vec<(String, Vec<u8>, bool)> {
    let utf16 = |s: &str, bom: bool| -> Vec<u8> {
        let mut out = if bom { vec![0xff, 0xfe] } else { vec![] };
        out.extend(s.encode_utf16().flat_map(u16::to_le_bytes));
        out
    };
    let page = |body: &str| format!("<html><body>{body}</body></html>").into_bytes();
    let good_pdf = pdf(&["Acme raised 5 million dollars in 2024."]);
    let mut cut_pdf = good_pdf[..good_pdf.len() / 2].to_vec();
    cut_pdf.extend_from_slice(b"\n%%EOF\n");
    let mut stray = ARTICLE.repeat(30).into_bytes();
    stray.insert(200, 0xfe);
    let mut encrypted_docx = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    encrypted_docx.extend(random(2_000, 5));
    encrypted_docx.extend("EncryptedPackage".encode_utf16().flat_map(u16::to_le_bytes));
    let bomb =
        zip(&[("word/document.xml", &vec![b' '; 210 * 1024 * 1024])], zip::CompressionMethod::Deflated);
    let many_entries: Vec<(String, Vec<u8>)> = (0..10_050).map(|i| (format!("f{i}"), vec![])).collect();
    let many_entries: Vec<(&str, &[u8])> =
        many_entries.iter().map(|(n, b)| (n.as_str(), b.as_slice())).collect();
    let nested_zip =
        zip(&[("word/document.xml", &docx_with("<w:document/>"))], zip::CompressionMethod::Stored);
    let laughs = format!(
        "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\"><!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;\">]><w:document {W}><w:body><w:p><w:r><w:t>&lol2;</w:t></w:r></w:p></w:body></w:document>"
    );
    let deep_xml = format!(
        "<w:document {W}><w:body>{}<w:p><w:r><w:t>深</w:t></w:r></w:p>{}</w:body></w:document>",
        "<w:sdt><w:sdtContent>".repeat(50_000),
        "</w:sdtContent></w:sdt>".repeat(50_000)
    );
    let paragraph = format!("<w:p><w:r><w:t>{ARTICLE}</w:t></w:r></w:p>");
    let good_docx = docx_with(&format!("<w:document {W}><w:body>{paragraph}</w:body></w:document>"));
    let truncated_docx = good_docx[..good_docx.len() * 2 / 3].to_vec();
    let many_pages = format!(
        "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [2 0 R] /Count 1000000 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"
    );
    let loop_pdf = "%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [3 0 R] /Count 1 >> endobj\n3 0 obj << /Type /Pages /Parent 2 0 R /Kids [2 0 R] /Count 1 >> endobj\ntrailer << /Root 1 0 R /Size 4 >>\nstartxref\n9\n%%EOF\n";
    let huge_length = "%PDF-1.4\n1 0 obj << /Length 999999999999 >>\nstream\nBT ET\nendstream\nendobj\ntrailer << /Root 1 0 R >>\n%%EOF\n";

    let mut kinds: Vec<(&str, Vec<u8>, bool)> = vec![
        ("empty.txt", vec![], false),
        ("whitespace.txt", b" \n\t\r\n  ".to_vec(), false),
        ("controls.txt", vec![1, 2, 3, 4, 5, 6, 7, 8], false),
        ("nuls.txt", b"abc\x00".repeat(100), false),
        ("random.txt", random(8_000, 1), false),
        ("random.pdf", random(8_000, 2), false),
        ("random.docx", random(8_000, 3), false),
        ("random.html", random(8_000, 4), false),
        ("png-named.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR".to_vec(), false),
        ("elf-named.md", b"\x7fELF\x02\x01\x01\x00".repeat(10), false),
        ("gzip-named.html", b"\x1f\x8b\x08\x00\x00\x00".repeat(10), false),
        ("zip-bomb.docx", bomb, false),
        ("many-entries.docx", zip(&many_entries, zip::CompressionMethod::Stored), false),
        ("nested-zip.docx", nested_zip, false),
        ("no-document.docx", zip(&[("readme.txt", b"x")], zip::CompressionMethod::Stored), false),
        ("malformed.docx", docx_with("<w:document><w:body><w:p></w:body>"), false),
        ("truncated.docx", truncated_docx, false),
        ("deep-xml.docx", docx_with(&deep_xml), true),
        ("laughs.docx", docx_with(&laughs), false),
        ("workbook.docx", zip(&[("xl/workbook.xml", b"<workbook/>")], zip::CompressionMethod::Stored), false),
        (
            "opendocument.docx",
            zip(&[("mimetype", b"application/vnd.oasis.opendocument.text")], zip::CompressionMethod::Stored),
            false,
        ),
        ("encrypted.docx", encrypted_docx, false),
        ("old.doc.txt", vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0], false),
        ("letter.rtf.txt", b"{\\rtf1\\ansi hello}".to_vec(), false),
        ("header-only.pdf", b"%PDF-1.7\n".to_vec(), false),
        ("no-eof.pdf", good_pdf[..good_pdf.len() - 8].to_vec(), false),
        ("cut-with-eof.pdf", cut_pdf, false),
        ("same-pages.pdf", pdf(&["Acme raised 5 million dollars in 2024."; 3]), true),
        ("no-pages.pdf", pdf(&[]), false),
        ("million-pages.pdf", many_pages.into_bytes(), false),
        ("page-loop.pdf", loop_pdf.as_bytes().to_vec(), false),
        ("huge-length.pdf", huge_length.as_bytes().to_vec(), false),
        ("good.pdf", good_pdf, true),
        ("dd-li-bomb.html", format!("{LEAD}{}", "<dd><li>x".repeat(15_000)).into_bytes(), false),
        ("rb-bomb.html", format!("{LEAD}{}", "<rb>x".repeat(40_000)).into_bytes(), false),
        ("rt-bomb.html", format!("{LEAD}{}", "<rt>x".repeat(40_000)).into_bytes(), false),
        ("divs.html", page(&"<div>".repeat(100_000)), false),
        ("elements.html", page(&"<span>a</span>".repeat(260_000)), false),
        ("scripts-only.html", page("<script>var a = 1;</script><style>p{}</style>"), false),
        ("charset-lie.html", format!("<meta charset=gbk><p>{ARTICLE}</p>").into_bytes(), true),
        ("utf16.html", utf16(&format!("<html><body><p>{ARTICLE}</p></body></html>"), false), true),
        ("long-attribute.html", page(&format!("<p title=\"{}\">{ARTICLE}</p>", "x".repeat(3_000_000))), true),
        ("plaintext.html", page(&format!("<p>{ARTICLE}</p><plaintext>{}", "<div>".repeat(50_000))), true),
        ("tables.html", page(&format!("{LEAD}{}", "<table><td>".repeat(50_000))), false),
        ("misnested.html", page(&format!("{ARTICLE}{}", "<b><p>x</b>".repeat(20_000))), true),
        ("open-comment.html", page(&format!("<p>{ARTICLE}</p><!-- {}", "<div>".repeat(100_000))), true),
        ("templates.html", page(&format!("{LEAD}{}", "<template>".repeat(10_000))), false),
        ("foreign.html", page(&format!("{LEAD}{}", "<svg><g>".repeat(20_000))), false),
        ("fostered.html", page(&format!("{LEAD}<table>{}", "<b><i>".repeat(20_000))), false),
        ("quotes.md", format!("{}{ARTICLE}", ">".repeat(100_000)).into_bytes(), true),
        ("lists.md", format!("{ARTICLE}\n{}", "- ".repeat(100_000)).into_bytes(), true),
        ("open-fence.md", format!("{ARTICLE}\n```\n{}", "x".repeat(1_000_000)).into_bytes(), true),
        ("one-long-line.txt", ARTICLE.repeat(10_000).into_bytes(), true),
        ("utf16-odd.txt", [utf16(ARTICLE, true), vec![0x41]].concat(), false),
        ("bom-then-invalid.txt", [b"\xef\xbb\xbf".to_vec(), random(500, 9)].concat(), false),
        ("stray-byte.txt", stray, true),
        ("gbk.txt", encoding_rs::GBK.encode(&ARTICLE.repeat(3)).0.into_owned(), true),
        ("bom-only.txt", b"\xef\xbb\xbf".to_vec(), false),
        ("carriage-returns.txt", b"\r".repeat(1_000_000), false),
        ("paragraph-separators.txt", "\u{2029}".repeat(100_000).into_bytes(), false),
        ("combining.txt", format!("a{}", "\u{301}".repeat(500_000)).into_bytes(), true),
        ("name\u{1b}]0;owned\u{7}\u{202e}fdp.txt", ARTICLE.as_bytes().to_vec(), true),
        ("too-large.txt", ARTICLE.repeat(60_000).into_bytes(), false),
        ("bidi-controls.txt", "\u{202e}\u{2066}\u{200f}".repeat(1_000).into_bytes(), false),
        ("good.docx", good_docx, true),
    ];
    kinds.sort_by(|a, b| a.0.cmp(b.0));
    kinds.into_iter().map(|(n, b, ok)| (n.to_owned(), b, ok)).collect()
}

fn count(library: &Library, table: &str) -> i64 {
    library.conn().query_row(&format!("SELECT count(*) FROM {table}"), [], |r| r.get(0)).unwrap()
}

#[test]
fn a_hostile_corpus_imports_without_crash_hang_or_half_article() {
    let corpus = corpus();
    assert!(corpus.len() >= 63, "{} kinds", corpus.len());
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes, _) in &corpus {
        std::fs::write(dir.path().join(name), bytes).unwrap();
    }
    let lib_dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&lib_dir.path().join("library.sqlite"), Create::IfMissing).unwrap();
    let report = import::import_paths(
        &mut library,
        &[dir.path().to_owned()],
        &ImportOptions { limits: limits(), collection: None },
        &mut |_| {},
    )
    .unwrap();
    assert_eq!(report.outcomes.len(), corpus.len(), "every file answered");
    let mut wrong = Vec::new();
    for ((name, _, readable), outcome) in corpus.iter().zip(&report.outcomes) {
        assert_eq!(Path::new(&outcome.path).file_name().unwrap().to_string_lossy(), name.as_str());
        // The readable files share a text: the second and later are duplicates.
        let imported = matches!(outcome.status, OutcomeStatus::Imported | OutcomeStatus::Duplicate);
        if imported != *readable {
            wrong.push(format!("{name:?}: {:?} {:?}", outcome.status, outcome.error));
        }
        if let Some(e) = &outcome.error {
            assert!(!e.message.contains("took longer"), "{name:?} ran over the budget: {}", e.message);
            assert_ne!(e.kind, dossier_core::ErrorKind::Internal, "{name:?}: {}", e.message);
        }
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    let imported = report.count(OutcomeStatus::Imported) as i64;
    for table in ["articles", "originals", "extractions"] {
        assert_eq!(count(&library, table), imported, "{table}: a half article");
    }
    let integrity: String = library.conn().query_row("PRAGMA integrity_check", [], |r| r.get(0)).unwrap();
    assert_eq!(integrity, "ok");
}
