//! The app's window as the tests see it: starting it, reading what it shows, and
//! keeping screenshots.

use std::time::Duration;

use serde_json::json;

use super::webdriver::Session;

/// Long enough for a debug build's first start on a loaded machine.
pub const LONG: Duration = Duration::from_secs(40);
/// The headline of tests/fixtures/app/zhipu-funding-zh.txt.
pub const ZHIPU_TITLE: &str = "智谱AI年内第三次融资落定";

/// Script that sets `n` to the number the library shows in its article count (-1 if none).
const COUNT: &str = "const t = document.querySelector('[data-testid=article-count]')?.textContent ?? '';
     const m = t.replace(/,/g, '').match(/\\d+/); const n = m ? Number(m[0]) : -1;";

/// The number the library shows in its article count (-1 if it shows none).
pub fn article_count(session: &Session) -> i64 {
    session.script(&format!("{COUNT} return n;"), json!([])).as_i64().unwrap_or(-1)
}

/// Waits until the sidebar counts at least `least` articles (it reads 0 until the list has
/// loaded) and returns the count.
pub fn wait_for_articles(session: &Session, least: i64) -> i64 {
    let script = format!("{COUNT} return n >= {least} ? n : null;");
    session.wait_for(&format!("at least {least} articles in the library"), LONG, &script).as_i64().unwrap()
}

/// Starts `application` through tauri-driver and waits until the library shows.
pub fn start_app(port: u16, application: &str) -> Session {
    // Right after a restart the previous window may still be closing: the app is single
    // instance, so a new start then hands over to it and exits. One more try, once it
    // has gone.
    let session = Session::start(port, application)
        .or_else(|_| {
            std::thread::sleep(Duration::from_secs(3));
            Session::start(port, application)
        })
        .unwrap_or_else(|e| panic!("tauri-driver could not start {application}: {e}"));
    session.wait_for(
        "the app to render",
        LONG,
        "return document.querySelector('[data-testid=article-count]') !== null",
    );
    session
}
