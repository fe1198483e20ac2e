//! Reports of hostile data: names with terminal and direction-override characters from
//! older imports, a highlight longer than a spreadsheet cell, and the exported file's
//! permissions.

use std::io::{Cursor, Read};

use dossier_core::import::Limits;
use dossier_core::ingest;
use dossier_core::report::{
    self, Annotation, Citation, Format, Language, Report, Scope, ScopeRequest, Sections,
};
use dossier_core::report::{Source, Statuses};
use dossier_core::Library;

const DIRTY: &str = "\u{1b}]0;owned\u{7}智谱\u{202e}融资\u{2066}报道\n第二行";
const CLEAN: &str = "]0;owned 智谱融资报道 第二行";

/// Every text part of a rendered report: the file itself, or each part of a zip package.
fn texts(bytes: &[u8]) -> Vec<String> {
    if !bytes.starts_with(b"PK") {
        return vec![String::from_utf8_lossy(bytes).into_owned()];
    }
    let mut zip = zip::ZipArchive::new(Cursor::new(bytes)).unwrap();
    (0..zip.len())
        .map(|i| {
            let mut text = String::new();
            let _ = zip.by_index(i).unwrap().read_to_string(&mut text);
            text
        })
        .collect()
}

#[test]
fn names_from_older_imports_are_cleaned_in_every_format() {
    let mut library = Library::open_in_memory().unwrap();
    let text = "智谱AI于2024年12月完成30亿元人民币融资。月之暗面估值达到33亿美元。";
    let id =
        ingest::import_bytes(&mut library, text.as_bytes(), "a.txt", &Limits::default()).unwrap().article_id;
    // What an older version stored from a file name or a page's title.
    library
        .conn()
        .execute("UPDATE articles SET title = ?1, outlet = ?1 WHERE id = ?2", rusqlite::params![DIRTY, id])
        .unwrap();
    library.conn().execute("UPDATE facts SET subject = ?1", [DIRTY]).unwrap();
    let request = ScopeRequest { statuses: Statuses::NotRejected, ..ScopeRequest::new(Scope::Article(id)) };
    let built = report::build(library.conn(), &request).unwrap();
    assert!(!built.facts.is_empty());
    assert_eq!(built.title, CLEAN);
    assert_eq!(built.sources[0].title, CLEAN);
    assert!(built.facts.iter().all(|f| f.subject == CLEAN));
    for format in [Format::Md, Format::Html, Format::Docx, Format::Xlsx, Format::Csv, Format::Json] {
        for part in texts(&report::render(&built, format).unwrap()) {
            for bad in ['\u{1b}', '\u{7}', '\u{202e}', '\u{2066}'] {
                assert!(!part.contains(bad), "{format:?} holds {:?}", bad);
            }
        }
    }
}

#[test]
fn a_highlight_longer_than_a_cell_is_cut_and_said_so() {
    let long = "长".repeat(40_000);
    let report = Report {
        title: "Long".into(),
        author: None,
        date: "2025-03-01".into(),
        language: Language::En,
        sections: Sections::default(),
        facts: Vec::new(),
        sources: vec![Source {
            article_id: 1,
            title: "t".into(),
            outlet: None,
            published: None,
            authors: vec![],
        }],
        annotations: vec![Annotation {
            id: 1,
            citation: Citation { article_id: 1, quote: long.clone(), start: 0, end: 40_000 },
            comment: Some(long),
            tags: vec![],
            colour: None,
        }],
    };
    let bytes = report::render(&report, Format::Xlsx).expect("one long highlight must not cost the workbook");
    use calamine::{Data, Reader, Xlsx};
    let mut book: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(bytes)).unwrap();
    let sheet = book.worksheet_range("Annotations").unwrap();
    for col in [1, 2] {
        let Some(Data::String(cell)) = sheet.get((1, col)) else { panic!("no cell at column {col}") };
        assert!(cell.chars().count() <= 32_767);
        let kept = cell.chars().take_while(|c| *c == '长').count();
        assert!(kept > 32_000, "{kept}");
        assert!(
            cell.ends_with(&format!(
                "over a spreadsheet cell's limit: {} more characters not shown)",
                40_000 - kept
            )),
            "{}",
            &cell[cell.len() - 120..]
        );
    }
}

#[cfg(unix)]
#[test]
fn exported_files_get_the_users_default_permissions() {
    use std::os::unix::fs::PermissionsExt;
    let dir = tempfile::tempdir().unwrap();
    // What the user's umask makes of a file any program creates.
    let plain = dir.path().join("plain.txt");
    std::fs::write(&plain, b"x").unwrap();
    let expected = std::fs::metadata(&plain).unwrap().permissions().mode() & 0o777;
    let path = dir.path().join("report.md");
    report::write_file(&path, b"# Report", false).unwrap();
    let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
    assert_eq!(format!("{mode:o}"), format!("{expected:o}"));
    assert_ne!(mode, 0o600, "the temporary file's private mode leaked into the export");
}
