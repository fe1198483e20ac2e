//! The system's dialogs speak the interface's language: the language the interface last
//! used is given to GTK (and WebKit) at the next start, and the dialogs' titles come from
//! the interface.

use std::path::Path;

use serde_json::json;

use super::harness::{self, Desktop, Driver};
use super::window::{start_app, LONG};

const APP: &str = env!("CARGO_BIN_EXE_dossier-app");

/// The ids of the shown windows whose title is `title`, as xdotool finds them (a closed
/// dialog's window may outlive it, unmapped).
fn windows_named(desktop: &Desktop, title: &str) -> Vec<String> {
    let out = desktop
        .command(&desktop.tools.xdotool)
        .args(["search", "--onlyvisible", "--name", &format!("^{title}$")])
        .output()
        .expect("xdotool search");
    String::from_utf8_lossy(&out.stdout).lines().map(str::to_owned).collect()
}

/// The environment variable `name` of process `pid`, as it was started.
fn started_with(pid: &str, name: &str) -> Option<String> {
    let environ = std::fs::read(format!("/proc/{pid}/environ")).ok()?;
    environ.split(|b| *b == 0).find_map(|entry| {
        let entry = String::from_utf8_lossy(entry);
        entry.strip_prefix(&format!("{name}=")).map(str::to_owned)
    })
}

#[test]
fn the_open_dialog_speaks_the_language_the_interface_chose() {
    let desktop = Desktop::start();
    let data_dir = desktop.home.path().join("dossier-data");
    // A locale every system has: gettext heeds LANGUAGE only under a locale other than C.
    let driver = Driver::start(&desktop, &[("DOSSIER_DATA_DIR", &data_dir), ("LANG", Path::new("C.UTF-8"))]);

    // The user switches the interface to Chinese; the shell keeps it for the next start.
    let session = start_app(driver.port, APP);
    session.click(&session.find("[data-testid=toggle-language]"));
    session.wait_for(
        "the Chinese interface",
        LONG,
        "return document.querySelector('[data-testid=search]').placeholder.includes('搜索')",
    );
    harness::wait_until("the interface language kept", LONG, || {
        std::fs::read_to_string(data_dir.join("interface-language")).is_ok_and(|l| l == "zh")
    });
    drop(session);

    // The next start: GTK's Open dialog, titled by the interface, in Chinese.
    let session = start_app(driver.port, APP);
    session.wait_for(
        "the Chinese interface again",
        LONG,
        "return document.querySelector('[data-testid=search]').placeholder.includes('搜索')",
    );
    session.click(&session.find("[data-testid=import-files]"));
    harness::wait_until("the Open dialog", LONG, || !windows_named(&desktop, "导入文件").is_empty());
    // The dialog belongs to the app, whose processes started with the language for GTK.
    let dialog = windows_named(&desktop, "导入文件").remove(0);
    let pid =
        desktop.command(&desktop.tools.xdotool).args(["getwindowpid", &dialog]).output().expect("xdotool");
    let pid = String::from_utf8_lossy(&pid.stdout).trim().to_owned();
    let children = std::fs::read_to_string(format!("/proc/{pid}/task/{pid}/children")).unwrap_or_default();
    let web = children.split_whitespace().find(|child| {
        std::fs::read_to_string(format!("/proc/{child}/comm")).is_ok_and(|c| c.starts_with("WebKitWebProces"))
    });
    let web = web.unwrap_or_else(|| panic!("no web process among the app's children: {children:?}"));
    assert_eq!(started_with(web, "LANGUAGE").as_deref(), Some("zh_CN:zh"));
    harness::screenshot_screen(&desktop, "language-01-open-dialog-zh.png");

    // Keys go to the focused window, and under Xvfb no window manager gives the dialog focus.
    harness::focus_window(&desktop, "导入文件", LONG);
    harness::keys(&desktop, &["Escape"]);
    harness::wait_until("the dialog to close", LONG, || windows_named(&desktop, "导入文件").is_empty());
    assert_eq!(
        session.script("return document.querySelector('[data-testid=error]') === null", json!([])),
        json!(true)
    );
}
