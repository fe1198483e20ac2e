//! A report in the real window: built from the sample article's reviewed facts and a
//! highlight, previewed, exported as DOCX through the system's Save dialog (typed
//! into with the real keyboard), and a `dossier://` link from it handed to the app as
//! a browser would, which opens the article at the quote.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::{json, Value};

use super::harness::{self, Desktop, Driver};
use super::webdriver::Session;
use super::window::{start_app, LONG};

const APP: &str = env!("CARGO_BIN_EXE_dossier-app");
const SAMPLE_TITLE: &str = "DeepSeek 热度不减";
const QUOTE: &str = "1.19亿";

fn cli(library: &Path, args: &[&str]) -> Value {
    let out =
        Command::new(APP).arg("--cli").arg("--db").arg(library).args(args).output().expect("dossier --cli");
    assert!(out.status.success(), "dossier {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_default()
}

/// The text of `part` of a DOCX file (a zip), read by Python's zipfile.
fn docx_part(path: &Path, part: &str) -> String {
    let out = Command::new("python3")
        .args([
            "-c",
            "import sys, zipfile; sys.stdout.write(zipfile.ZipFile(sys.argv[1]).read(sys.argv[2]).decode())",
        ])
        .arg(path)
        .arg(part)
        .output()
        .expect("python3");
    assert!(
        out.status.success(),
        "{} is not a DOCX: {}",
        path.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8(out.stdout).unwrap()
}

fn wait_text(session: &Session, what: &str, css: &str, needle: &str) -> String {
    let script = format!(
        "const e = document.querySelector({}); return e && e.textContent.includes({}) ? e.textContent : null",
        json!(css),
        json!(needle)
    );
    session.wait_for(what, LONG, &script).as_str().unwrap_or_default().to_owned()
}

#[test]
fn report_previewed_exported_through_the_save_dialog_and_linked_back() {
    let desktop = Desktop::start();
    let data_dir = desktop.home.path().join("dossier-data");
    std::fs::create_dir_all(&data_dir).unwrap();
    let library = data_dir.join("library.sqlite");

    // The sample imported and reviewed from the command line: every fact confirmed but
    // the ETF's, one figure highlighted with a tag and a comment.
    let sample =
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/newspaper/ai-market-page-zh.txt"));
    cli(&library, &["--create", "import", sample.to_str().unwrap()]);
    let facts = cli(&library, &["facts", "list", "--format", "json"]);
    let ids: Vec<String> = facts
        .as_array()
        .unwrap()
        .iter()
        .filter(|f| f["subject"] != "半导体ETF")
        .map(|f| f["id"].to_string())
        .collect();
    assert!(ids.len() >= 5, "the sample has few facts: {facts}");
    let mut confirm = vec!["facts", "confirm"];
    confirm.extend(ids.iter().map(String::as_str));
    cli(&library, &confirm);
    let note = cli(
        &library,
        &[
            "annotate",
            "add",
            "--article",
            "1",
            "--quote",
            QUOTE,
            "--tag",
            "日活",
            "--comment",
            "口径待核",
            "--json",
        ],
    );
    let (start, end) =
        (note["selector"]["position"]["start"].clone(), note["selector"]["position"]["end"].clone());

    let driver = Driver::start(&desktop, &[("DOSSIER_DATA_DIR", &data_dir)]);
    let session = start_app(driver.port, APP);
    let row = session.wait_for(
        "the sample in the list",
        LONG,
        &format!(
            "const row = [...document.querySelectorAll('[data-testid=article-list] [role=option]')]
               .find(r => r.textContent.includes({})); return row ? row.id : null",
            json!(SAMPLE_TITLE)
        ),
    );
    session.click(&session.find(&format!("#{}", row.as_str().unwrap())));
    wait_text(&session, "the reader", "[data-testid=reader] h1", SAMPLE_TITLE);

    // The builder on this article: its reviewed facts and the highlight, previewed.
    session.click(&session.find("[data-testid=report-article]"));
    let counts = wait_text(&session, "the preview's counts", "[data-testid=report-counts]", "facts");
    assert!(counts.contains(&format!("{} facts from 1 source, 1 quote", ids.len())), "{counts}");
    session.type_into(&session.find("[data-testid=report-title]"), "DeepSeek 与 AI 芯片");
    session.wait_for(
        "a preview with the new title",
        LONG,
        "return document.querySelector('[data-testid=report-preview]')?.src.match(/\\/(\\d+)$/)?.[1] > 1",
    );
    let preview = session.wait_in_frame(
        "[data-testid=report-preview]",
        "the report in the preview",
        LONG,
        "return document.querySelector('h1')?.textContent.includes('AI 芯片') ? document.body.innerText : null",
    );
    let preview = preview.as_str().unwrap();
    for expected in [QUOTE, "口径待核", "1206亿元"] {
        assert!(preview.contains(expected), "the preview lacks {expected}: {preview}");
    }
    assert!(!preview.contains("20.11亿元"), "the rejected ETF turnover is in the preview");
    harness::screenshot_screen(&desktop, "report-01-builder.png");

    // Word, saved where the user types in the Save dialog (in ASCII: xdotool types
    // only what the X keymap has).
    let out = desktop.home.path().join("deepseek-report.docx");
    session.click(&session.find("[data-testid=export-docx]"));
    harness::focus_window(&desktop, "Save the report", LONG);
    harness::screenshot_screen(&desktop, "report-02-save-dialog.png");
    harness::keys(&desktop, &["ctrl+a"]);
    harness::type_text(&desktop, out.to_str().unwrap());
    harness::keys(&desktop, &["Return"]);
    harness::wait_for_file(&out, LONG);
    wait_text(&session, "the saved file's path", "[data-testid=export-done]", "deepseek-report.docx");
    let document = docx_part(&out, "word/document.xml");
    for expected in ["DeepSeek 与 AI 芯片", QUOTE, "口径待核", "1206亿元"] {
        assert!(document.contains(expected), "the DOCX lacks {expected}");
    }
    assert!(docx_part(&out, "word/_rels/document.xml.rels").contains("dossier://article/1"));

    // Back to the library, then the report's link to the highlight, as a browser hands
    // it to the app: a second launch passes it to the running window.
    session.press("\u{E00C}");
    let link = format!("dossier://article/1?start={start}&end={end}");
    let status = desktop.command(APP).arg(&link).status().expect("a second launch with the link");
    assert!(status.success(), "{link}: {status}");
    let flashed = session.wait_for(
        "the quote flashed in the reader",
        LONG,
        "const f = [...document.querySelectorAll('[data-testid=reader-text] .flash')].map(e => e.textContent).join('');
         return f || null",
    );
    assert_eq!(flashed.as_str().unwrap(), QUOTE);
    harness::screenshot_screen(&desktop, "report-03-link-opened.png");
}
