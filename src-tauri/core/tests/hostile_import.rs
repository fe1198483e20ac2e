//! Hostile and misleading files, each made here: nesting bombs that used to abort the
//! process, files whose error message used to point the wrong way, and names that
//! carry terminal and direction-override characters.

use std::path::Path;

use dossier_core::import::{parse, Limits};
use dossier_core::operations::import::{self, ImportOptions, OutcomeStatus};
use dossier_core::{ErrorKind, Library};

const LEAD: &str = "<p>Acme raised $5 million in 2024.</p>";

/// A PDF of one text line per page, in Helvetica, with a correct cross-reference table.
pub fn pdf(pages: &[&str]) -> Vec<u8> {
    let n = pages.len();
    let font = 3 + 2 * n;
    let mut objects: Vec<String> = vec![
        "<< /Type /Catalog /Pages 2 0 R >>".into(),
        format!(
            "<< /Type /Pages /Kids [{}] /Count {n} >>",
            (0..n).map(|i| format!("{} 0 R", 3 + 2 * i)).collect::<Vec<_>>().join(" ")
        ),
    ];
    for (i, text) in pages.iter().enumerate() {
        objects.push(format!(
            "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 {font} 0 R >> >> /Contents {} 0 R >>",
            4 + 2 * i
        ));
        let content = format!("BT /F1 12 Tf 72 720 Td ({text}) Tj ET");
        objects.push(format!("<< /Length {} >>\nstream\n{content}\nendstream", content.len()));
    }
    objects.push("<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".into());
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, object) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n{object}\nendobj\n", i + 1).as_bytes());
    }
    let xref = out.len();
    out.extend_from_slice(format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes());
    for offset in offsets {
        out.extend_from_slice(format!("{offset:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!("trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n", objects.len() + 1)
            .as_bytes(),
    );
    out
}

fn refused(bytes: &[u8], name: &str) -> dossier_core::Error {
    match parse(bytes, name, &Limits::default()) {
        Ok(a) => panic!("{name} was imported: {:?}", a.text.chars().take(100).collect::<String>()),
        Err(e) => e,
    }
}

#[test]
fn nesting_bombs_are_refused_not_fatal() {
    for (bomb, times) in [("<dd><li>x", 15_000), ("<rb>x", 40_000), ("<rt>x", 40_000)] {
        let page = format!("{LEAD}{}", bomb.repeat(times));
        let e = refused(page.as_bytes(), "bomb.html");
        assert_eq!(e.kind, ErrorKind::TooLarge, "{bomb}: {}", e.message);
        assert!(e.message.contains("nests elements more than 512 deep"), "{bomb}: {}", e.message);
    }
}

#[test]
fn a_page_nested_just_within_the_budget_is_read() {
    let page = format!("<html><body>{}{LEAD}</body></html>", "<dd><li>".repeat(250));
    let article = parse(page.as_bytes(), "deep.html", &Limits::default()).unwrap();
    assert!(article.text.contains("Acme raised $5 million in 2024."), "{}", article.text);
}

#[test]
fn a_folder_with_a_bomb_goes_on_with_the_rest_and_reports_it() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, bytes: &[u8]| std::fs::write(dir.path().join(name), bytes).unwrap();
    write("a.txt", "智谱AI完成新一轮30亿元人民币融资。".as_bytes());
    write("b-bomb.html", format!("{LEAD}{}", "<rb>x".repeat(40_000)).as_bytes());
    write("c-bomb.html", format!("{LEAD}{}", "<dd><li>x".repeat(15_000)).as_bytes());
    write("d.md", "# Chips\n\nThe semiconductor ETF rose 3.39% on Wednesday.".as_bytes());
    let mut library = Library::open_in_memory().unwrap();
    let report =
        import::import_paths(&mut library, &[dir.path().to_owned()], &ImportOptions::default(), &mut |_| {})
            .unwrap();
    let statuses: Vec<(String, OutcomeStatus)> = report
        .outcomes
        .iter()
        .map(|o| (Path::new(&o.path).file_name().unwrap().to_string_lossy().into_owned(), o.status))
        .collect();
    assert_eq!(
        statuses,
        [
            ("a.txt".to_owned(), OutcomeStatus::Imported),
            ("b-bomb.html".to_owned(), OutcomeStatus::Failed),
            ("c-bomb.html".to_owned(), OutcomeStatus::Failed),
            ("d.md".to_owned(), OutcomeStatus::Imported),
        ]
    );
    let reason = report.outcomes[1].error.as_ref().unwrap();
    assert!(reason.message.contains("deep"), "{}", reason.message);
}

fn random_bytes(n: usize) -> Vec<u8> {
    let mut state = 0x2545_f491_4f6c_dd1d_u64;
    (0..n)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            state as u8
        })
        .collect()
}

#[test]
fn random_bytes_named_pdf_or_docx_say_what_they_are_not() {
    let bytes = random_bytes(20_000);
    let e = refused(&bytes, "report.pdf");
    assert!(e.message.starts_with("not a PDF: "), "{}", e.message);
    let e = refused(&bytes, "memo.docx");
    assert!(e.message.starts_with("not a Word document: "), "{}", e.message);
}

#[test]
fn a_cut_pdf_with_an_end_marker_appended_says_it_was_cut() {
    let whole = pdf(&["Acme raised 5 million dollars in 2024."; 3]);
    assert!(parse(&whole, "whole.pdf", &Limits::default()).is_ok());
    let mut cut = whole[..whole.len() * 6 / 10].to_vec();
    cut.extend_from_slice(b"\n%%EOF\n");
    let e = refused(&cut, "cut.pdf");
    assert_eq!(e.kind, ErrorKind::InvalidInput);
    assert!(e.message.contains("cut short"), "{}", e.message);
}

#[test]
fn a_pdf_whose_pages_carry_the_same_text_keeps_it() {
    let line = "Acme raised 5 million dollars in 2024.";
    let article = parse(&pdf(&[line; 4]), "same.pdf", &Limits::default()).unwrap();
    assert!(article.text.contains(line), "{:?}", article.text);
}

#[test]
fn an_encrypted_word_document_is_named_as_such() {
    // Office's container for a password-protected .docx: a compound file holding the
    // streams EncryptionInfo and EncryptedPackage (their names in UTF-16 in its directory).
    let mut bytes = vec![0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
    bytes.extend(random_bytes(4_000));
    for name in ["EncryptionInfo", "EncryptedPackage"] {
        bytes.extend(name.encode_utf16().flat_map(u16::to_le_bytes));
        bytes.extend([0u8; 64 - 28]);
    }
    bytes.extend(random_bytes(4_000));
    let e = refused(&bytes, "secret.docx");
    assert_eq!(e.kind, ErrorKind::Unsupported);
    assert!(e.message.contains("password-protected"), "{}", e.message);
    assert!(!e.message.contains("old Microsoft Office"), "{}", e.message);
}

#[test]
fn one_stray_byte_in_chinese_utf8_is_replaced_and_said() {
    let text = "智谱AI完成新一轮30亿元人民币融资，投资方包括多家国有资本平台与产业资本。\n".repeat(20);
    let mut bytes = text.clone().into_bytes();
    bytes.insert(text.char_indices().nth(100).unwrap().0, 0xff);
    let article = parse(&bytes, "stray.txt", &Limits::default()).unwrap();
    assert_eq!(article.encoding.as_deref(), Some("UTF-8"));
    assert_eq!(article.text.matches('\u{fffd}').count(), 1);
    assert_eq!(article.notes, ["1 byte sequence that is not valid UTF-8 was replaced with \u{fffd}"]);
}

#[test]
fn titles_from_file_names_are_cleaned() {
    let body = "The semiconductor ETF rose 3.39% on Wednesday, its best day this year.".as_bytes();
    for (name, title) in [
        ("chips\u{1b}]0;owned\u{7}.txt", "chips ]0;owned"),
        ("report\u{202e}fdp.exe.txt", "reportfdp.exe"),
        ("two\nlines\r.txt", "two lines"),
    ] {
        let article = parse(body, name, &Limits::default()).unwrap();
        assert_eq!(article.title, title, "{name:?}");
    }
}
