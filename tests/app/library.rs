//! The real window: import by OS drag-and-drop, list, read, search, restart.

use std::path::Path;

use serde_json::json;

use super::harness::{self, Desktop, Driver};
use super::window::{article_count, start_app, wait_for_articles, LONG, ZHIPU_TITLE};

const APP: &str = env!("CARGO_BIN_EXE_dossier-app");

#[test]
fn drop_files_read_search_and_find_them_after_restart() {
    let desktop = Desktop::start();
    let data_dir = desktop.home.path().join("dossier-data");
    let driver = Driver::start(&desktop, &[("DOSSIER_DATA_DIR", &data_dir)]);

    // First run on an empty data folder: the sample library and a welcome.
    let session = start_app(driver.port, APP);
    session.wait_for(
        "the first-run welcome",
        LONG,
        "return !!document.querySelector('[data-testid=first-run]')",
    );
    // The sample library: six articles or more.
    let samples = wait_for_articles(&session, 6);
    harness::screenshot_screen(&desktop, "01-first-run.png");

    // A real drag from another X client onto the window.
    let files = [
        harness::fixture("zhipu-funding-zh.txt"),
        harness::fixture("moonshot-kimi-en.md"),
        harness::fixture("empty.txt"),
    ];
    let mut overlay_shown = false;
    harness::drag_files(&desktop, &files, (1450, 200), (600, 420), || {
        harness::screenshot_screen(&desktop, "02-dragging-over-window.png");
        overlay_shown = session
            .script("return !!document.querySelector('[data-testid=drop-overlay]')", json!([]))
            .as_bool()
            .unwrap_or(false);
    });
    assert!(overlay_shown, "the drop overlay did not show while files were dragged over the window");

    let outcomes = session.wait_for(
        "the per-file import results",
        LONG,
        "const rows = [...document.querySelectorAll('[data-testid=import-outcome]')];
         return rows.length === 3 ? rows.map(r => ({status: r.dataset.status, text: r.textContent})) : null;",
    );
    let outcomes = outcomes.as_array().unwrap();
    let with_status = |s: &str| outcomes.iter().filter(|o| o["status"] == s).collect::<Vec<_>>();
    assert_eq!(with_status("imported").len(), 2, "{outcomes:?}");
    let failed = with_status("failed");
    assert_eq!(failed.len(), 1, "{outcomes:?}");
    assert!(
        failed[0]["text"].as_str().unwrap().contains("empty"),
        "no reason for the empty file: {failed:?}"
    );
    harness::screenshot_screen(&desktop, "03-import-results.png");

    // Listed in the library, beside the samples.
    session.wait_for(
        "the two new articles in the list",
        LONG,
        &format!(
            "return document.querySelectorAll('[data-testid=article-list] [role=option]').length === {}",
            samples + 2
        ),
    );
    assert_eq!(article_count(&session), samples + 2);
    let titles = session.script(
        "return [...document.querySelectorAll('[data-testid=article-list] .title')].map(e => e.textContent)",
        json!([]),
    );
    let titles: Vec<String> =
        titles.as_array().unwrap().iter().map(|t| t.as_str().unwrap_or_default().to_owned()).collect();
    let zhipu = titles.iter().position(|t| t.contains(ZHIPU_TITLE)).unwrap_or_else(|| panic!("{titles:?}"));
    assert!(titles.iter().any(|t| t.contains("Moonshot AI")), "{titles:?}");

    // Open the Chinese article in the reader with the mouse.
    let row = session
        .script(
            "return [...document.querySelectorAll('[data-testid=article-list] [role=option]')][arguments[0]].id",
            json!([zhipu]),
        )
        .as_str()
        .expect("the Chinese article's row has no id")
        .to_owned();
    session.click(&session.find(&format!("#{row}")));
    let heading = session.wait_for(
        "the reader",
        LONG,
        "return document.querySelector('[data-testid=reader] h1')?.textContent",
    );
    assert!(heading.as_str().unwrap().contains(ZHIPU_TITLE), "{heading}");
    let header = session.text(&session.find("[data-testid=reader] header"));
    assert!(header.contains("zhipu-funding-zh.txt"), "the reader header lacks the source file: {header}");
    assert!(header.contains("申城财经报") && header.contains("许嘉宁"), "outlet or byline missing: {header}");
    let body = session.text(&session.find("[data-testid=reader] .text"));
    assert!(body.contains("1206亿元"), "{body}");
    harness::screenshot_screen(&desktop, "04-reader.png");

    // Keyboard: Esc closes the reader, j (or k on the last row) moves, Enter opens.
    let list = session.find("[data-testid=article-list]");
    session.type_into(&list, "\u{E00C}");
    session.wait_for("the reader to close", LONG, "return !document.querySelector('[data-testid=reader]')");
    session.script("document.querySelector('[data-testid=article-list]').focus()", json!([]));
    let (keys, next) =
        if zhipu + 1 < titles.len() { ("j\u{E007}", zhipu + 1) } else { ("k\u{E007}", zhipu - 1) };
    session.type_into(&list, keys);
    let heading = session.wait_for(
        "the reader for the next article",
        LONG,
        &format!(
            "const h = document.querySelector('[data-testid=reader] h1');
             return h && h.textContent === {} ? h.textContent : null",
            json!(titles[next])
        ),
    );
    assert_eq!(heading.as_str().unwrap(), titles[next]);

    // Search, with highlighted snippets.
    let search = session.find("[data-testid=search]");
    session.type_into(&search, "subscription");
    let found = session.wait_for(
        "search results",
        LONG,
        "const hits = [...document.querySelectorAll('[data-testid=search-results] [role=option]')];
         return hits.length ? hits.map(h => ({title: h.querySelector('.title').textContent,
                                               marks: [...h.querySelectorAll('mark')].map(m => m.textContent)})) : null",
    );
    let found = found.as_array().unwrap();
    assert_eq!(found.len(), 1, "{found:?}");
    assert!(found[0]["title"].as_str().unwrap().contains("Moonshot"), "{found:?}");
    let marks = found[0]["marks"].as_array().unwrap();
    assert!(
        marks.iter().any(|m| m.as_str().unwrap().to_lowercase().contains("subscription")),
        "the snippet does not highlight the query: {found:?}"
    );
    harness::screenshot_screen(&desktop, "05-search.png");

    // The interface switches to Chinese.
    session.click(&session.find("[data-testid=toggle-language]"));
    let placeholder = session.wait_for(
        "the Chinese interface",
        LONG,
        "const p = document.querySelector('[data-testid=search]').placeholder; return /搜索/.test(p) ? p : null",
    );
    assert!(placeholder.as_str().unwrap().contains("搜索"));
    harness::screenshot_screen(&desktop, "06-chinese-interface.png");
    session.close();

    // A new process on the same data folder finds the library intact.
    let session = start_app(driver.port, APP);
    session.wait_for(
        "the restored list",
        LONG,
        &format!(
            "return document.querySelectorAll('[data-testid=article-list] [role=option]').length === {}",
            samples + 2
        ),
    );
    assert_eq!(article_count(&session), samples + 2);
    assert!(
        session
            .script(
                "return !document.querySelector('[data-testid=first-run], [data-testid=welcome]')",
                json!([])
            )
            .as_bool()
            .unwrap(),
        "the first-run welcome came back after a restart"
    );
    harness::screenshot_screen(&desktop, "07-after-restart.png");
    session.close();
    assert!(Path::new(&data_dir).join("library.sqlite").is_file(), "the library is not in DOSSIER_DATA_DIR");
}
