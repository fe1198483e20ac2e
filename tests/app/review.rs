//! Annotating and reviewing in the real window: a highlight made with the real mouse,
//! tagged and commented, is still there after a restart; the sample article's facts
//! are reviewed with the keyboard alone; two entities are merged and their facts
//! listed together.

use std::path::PathBuf;
use std::process::Command;

use serde_json::{json, Value};

use super::harness::{self, Desktop, Driver};
use super::webdriver::Session;
use super::window::{start_app, LONG};

const APP: &str = env!("CARGO_BIN_EXE_dossier-app");
const SAMPLE_TITLE: &str = "DeepSeek 热度不减";
/// The words the test highlights in the sample article.
const QUOTE: &str = "1.19亿";

fn sample() -> PathBuf {
    let path =
        PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/newspaper/ai-market-page-zh.txt"));
    assert!(path.is_file(), "the newspaper page fixture is missing: {}", path.display());
    path
}

/// The library as the command line sees it (the app's binary is the CLI too).
fn cli(library: &std::path::Path, args: &[&str]) -> Value {
    let out =
        Command::new(APP).arg("--cli").arg("--db").arg(library).args(args).output().expect("dossier --cli");
    assert!(out.status.success(), "dossier {args:?}: {}", String::from_utf8_lossy(&out.stderr));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("dossier {args:?} printed no JSON: {e}"))
}

/// Opens the article whose title contains `title` from the list, with the mouse.
fn open_article(session: &Session, title: &str) {
    let row = session.wait_for(
        "the article in the list",
        LONG,
        &format!(
            "const row = [...document.querySelectorAll('[data-testid=article-list] [role=option]')]
               .find(r => r.textContent.includes({}));
             return row ? row.id : null",
            json!(title)
        ),
    );
    session.click(&session.find(&format!("#{}", row.as_str().unwrap())));
    session.wait_for(
        "the reader",
        LONG,
        &format!(
            "return document.querySelector('[data-testid=reader] h1')?.textContent.includes({})",
            json!(title)
        ),
    );
}

/// Where the page's viewport sits on the X screen, learnt from a real pointer event.
fn viewport_origin(desktop: &Desktop, session: &Session) -> (i64, i64) {
    session.script(
        "window.__origin = null;
         document.addEventListener('mousemove', e => window.__origin = [e.screenX - e.clientX, e.screenY - e.clientY], {once: true});",
        json!([]),
    );
    harness::mouse_move(desktop, (700, 450));
    harness::mouse_move(desktop, (710, 455));
    let origin = session.wait_for("a pointer event in the page", LONG, "return window.__origin");
    (origin[0].as_i64().unwrap(), origin[1].as_i64().unwrap())
}

#[test]
fn highlight_with_the_mouse_review_facts_by_keyboard_and_merge_entities() {
    let desktop = Desktop::start();
    let data_dir = desktop.home.path().join("dossier-data");
    let library = data_dir.join("library.sqlite");
    let driver = Driver::start(&desktop, &[("DOSSIER_DATA_DIR", &data_dir)]);
    let session = start_app(driver.port, APP);

    // The sample article, dropped on the window.
    harness::drag_files(&desktop, &[sample()], (1450, 200), (600, 420), || {});
    session.wait_for(
        "the sample article imported",
        LONG,
        "return [...document.querySelectorAll('[data-testid=import-outcome]')].some(r => r.dataset.status === 'imported')",
    );
    session.press("\u{E00C}");
    open_article(&session, SAMPLE_TITLE);

    // Review with the keyboard only: f focuses the facts, y confirms (and moves on),
    // n rejects, e edits the subject, Enter saves.
    let facts = session.wait_for(
        "the article's facts",
        LONG,
        "const f = document.querySelectorAll('[data-testid=fact]'); return f.length >= 5 ? f.length : null",
    );
    // Metric names come from the core's list in the interface language, not the stored ids.
    let metrics = session.script(
        "return [...document.querySelectorAll('[data-testid=fact] .metric')].map(m => m.textContent)",
        json!([]),
    );
    let metrics: Vec<&str> = metrics.as_array().unwrap().iter().filter_map(|m| m.as_str()).collect();
    assert!(metrics.contains(&"Valuation") && metrics.contains(&"Users"), "{metrics:?}");
    assert!(!metrics.iter().any(|m| m.contains('_') || m.starts_with(char::is_lowercase)), "{metrics:?}");
    session.press("f");
    session.wait_for(
        "the facts list to have the focus",
        LONG,
        "return document.activeElement?.dataset.testid === 'facts-list'",
    );
    session.press("y");
    session.press("n");
    session.press("e");
    let length = session.wait_for(
        "the edit form",
        LONG,
        "const e = document.activeElement; return e?.name === 'subject' ? e.value.length + 1 : null",
    );
    // Clear the subject with the caret at its end, type the new one, save with Enter.
    session.press("\u{E010}");
    session.press(&"\u{E003}".repeat(length.as_u64().unwrap() as usize));
    session.type_into(&session.find("[data-testid=facts-list] input[name=subject]"), "深度求索");
    session.press("\u{E007}");
    let statuses = session.wait_for(
        "the three reviews",
        LONG,
        "const s = [...document.querySelectorAll('[data-testid=fact]')].slice(0, 3).map(f => f.dataset.status);
         return s.join() === 'confirmed,rejected,edited' ? s : null",
    );
    assert_eq!(statuses, json!(["confirmed", "rejected", "edited"]));
    assert_eq!(
        session
            .script("return document.querySelectorAll('[data-testid=fact]')[2].textContent", json!([]))
            .as_str()
            .map(|t| t.contains("深度求索")),
        Some(true)
    );
    harness::screenshot_screen(&desktop, "review-01-facts-reviewed.png");

    // Highlight with the real mouse: press before the quote, release after it.
    let origin = viewport_origin(&desktop, &session);
    let rect = session.script(
        "const quote = arguments[0];
         const walk = document.createTreeWalker(document.querySelector('[data-testid=reader-text]'), NodeFilter.SHOW_TEXT);
         for (let n = walk.nextNode(); n; n = walk.nextNode()) {
           const at = n.textContent.indexOf(quote);
           if (at < 0) continue;
           const r = document.createRange(); r.setStart(n, at); r.setEnd(n, at + quote.length);
           n.parentElement.scrollIntoView({block: 'center'});
           const b = r.getBoundingClientRect();
           return [b.left, b.top, b.right, b.bottom];
         }
         return null;",
        json!([QUOTE]),
    );
    let rect: Vec<f64> = rect
        .as_array()
        .expect("the quote is not in the reader")
        .iter()
        .map(|v| v.as_f64().unwrap())
        .collect();
    let y = ((rect[1] + rect[3]) / 2.0) as i64 + origin.1;
    let x = |client: f64| (client as i64 + origin.0) as i32;
    harness::mouse_select(&desktop, (x(rect[0] + 1.0), y as i32), (x(rect[2] - 1.0), y as i32));
    let selected = session.wait_for(
        "the selection in the note composer",
        LONG,
        "return document.querySelector('[data-testid=compose] blockquote')?.textContent",
    );
    assert_eq!(selected.as_str().unwrap(), QUOTE, "the mouse selected something else");
    session.type_into(&session.find("[data-testid=compose-tags]"), "日活, DeepSeek");
    session.type_into(&session.find("[data-testid=compose-comment]"), "**日活**峰值，春节后");
    session.click(&session.find("[data-testid=highlight]"));
    session.wait_for(
        "the note in the list and in the text",
        LONG,
        "return document.querySelectorAll('[data-testid=note]').length === 1 &&
                document.querySelector('[data-testid=reader-text] .note') !== null",
    );
    harness::screenshot_screen(&desktop, "review-02-highlighted.png");
    drop(session);

    // After a restart the highlight, its tags and comment, and the reviews are there.
    let session = start_app(driver.port, APP);
    open_article(&session, SAMPLE_TITLE);
    session.click(&session.find("[data-testid=tab-notes]"));
    let note = session.wait_for(
        "the note after a restart",
        LONG,
        "const n = document.querySelector('[data-testid=note]'); return n ? n.textContent : null",
    );
    let note = note.as_str().unwrap();
    assert!(note.contains(QUOTE) && note.contains("#日活") && note.contains("#DeepSeek"), "{note}");
    // The comment shows its Markdown drawn: 日活 in bold, no asterisks.
    assert!(note.contains("日活峰值，春节后") && !note.contains("**"), "{note}");
    let bold = session.script(
        "return [...document.querySelectorAll('[data-testid=note] strong')].map(e => e.textContent).join('|')",
        json!([]),
    );
    assert_eq!(bold.as_str().unwrap(), "日活");
    let highlighted = session.script(
        "return [...document.querySelectorAll('[data-testid=reader-text] .note')].map(e => e.textContent).join('')",
        json!([]),
    );
    assert_eq!(highlighted.as_str().unwrap(), QUOTE);
    let stored = cli(&library, &["facts", "list", "--rejected", "--format", "json"]);
    let stored = stored.as_array().unwrap();
    assert!(stored.iter().any(|f| f["status"] == "edited" && f["subject"] == "深度求索"), "{stored:?}");
    assert_eq!(stored.iter().filter(|f| f["status"] == "confirmed").count(), 1);
    assert!(facts.as_i64().unwrap() as usize <= stored.len());

    // Entities: merge one into another and see the facts of both together.
    session.click(&session.find("[data-testid=open-entities]"));
    let counts = session.wait_for(
        "the entity list",
        LONG,
        "const rows = [...document.querySelectorAll('[data-testid=entity]')]
           .map(e => ({name: e.querySelector('.name').textContent, n: Number(e.querySelector('.n').textContent)}))
           .filter(r => r.n > 0);
         return rows.length >= 2 ? rows : null",
    );
    let counts = counts.as_array().unwrap();
    let (from, into) = (&counts[0], &counts[1]);
    let (from_name, into_name) = (from["name"].as_str().unwrap(), into["name"].as_str().unwrap());
    let expected = from["n"].as_i64().unwrap() + into["n"].as_i64().unwrap();
    session.script(
        "[...document.querySelectorAll('[data-testid=entity]')].find(e => e.querySelector('.name').textContent === arguments[0]).click()",
        json!([from_name]),
    );
    session.wait_for(
        "the entity page",
        LONG,
        &format!(
            "return document.querySelector('[data-testid=entity-name]')?.textContent === {}",
            json!(from_name)
        ),
    );
    session.script(
        "const s = document.querySelector('[data-testid=merge-into]');
         s.value = [...s.options].find(o => o.textContent === arguments[0]).value;
         s.dispatchEvent(new Event('change', {bubbles: true}));",
        json!([into_name]),
    );
    session.click(&session.find("[data-testid=merge]"));
    // The entity page of the merge: its name, its facts, the merged name among its aliases.
    let merged_page = format!(
        "const name = document.querySelector('[data-testid=entity-name]')?.textContent;
         const rows = document.querySelectorAll('[data-testid=entity-fact]').length;
         const aliases = document.querySelector('[data-testid=entity-aliases]')?.textContent ?? '';
         return name === {} && rows === {expected} && aliases.includes({}) ? aliases : null",
        json!(into_name),
        json!(from_name)
    );
    let merged = session.wait_for("the merged entity's facts", LONG, &merged_page);
    assert!(merged.as_str().unwrap().contains(from_name), "the merged name is not an alias: {merged}");
    harness::screenshot_screen(&desktop, "review-03-entities-merged.png");
    drop(session);

    // The merge feeds the next extraction and holds after it: the library is read again
    // (the user's entities changed, so every article is stale), then the window shows the
    // merged entity as before.
    let listed =
        Command::new(APP).arg("--cli").arg("--db").arg(&library).args(["list", "--json"]).output().unwrap();
    let articles = serde_json::from_slice::<Value>(&listed.stdout).unwrap().as_array().map_or(0, Vec::len);
    assert!(articles >= 1, "{listed:?}");
    let reread = Command::new(APP).arg("--cli").arg("--db").arg(&library).arg("reextract").output().unwrap();
    let said = format!("re-extracted {articles} articles");
    assert!(String::from_utf8_lossy(&reread.stdout).contains(&said), "{reread:?}");
    let session = start_app(driver.port, APP);
    session.click(&session.find("[data-testid=open-entities]"));
    session.wait_for(
        "the entity list after re-extraction",
        LONG,
        &format!(
            "const e = [...document.querySelectorAll('[data-testid=entity]')]
               .find(e => e.querySelector('.name').textContent === {});
             if (e) e.click(); return !!e",
            json!(into_name)
        ),
    );
    session.wait_for("the merged entity's facts after re-extraction", LONG, &merged_page);
    let separate = session.script(
        "return [...document.querySelectorAll('[data-testid=entity] .name')].some(n => n.textContent === arguments[0])",
        json!([from_name]),
    );
    assert_eq!(separate, json!(false), "{from_name} is an entity of its own again");
    harness::screenshot_screen(&desktop, "review-04-merge-held.png");
}
