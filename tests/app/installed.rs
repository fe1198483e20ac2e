//! The Linux package as a user gets it: installed with apt, started the way the
//! desktop starts it, a text file opened with it from the file manager's command
//! line, then removed, leaving the user's library in place.
//!
//! It installs a system package, so it runs only when asked: `scripts/test-install.sh`
//! builds the .deb and runs it with DOSSIER_DEB naming the package file.

use std::path::{Path, PathBuf};
use std::process::Command;

use super::harness::{self, Desktop, Driver};
use super::window::{start_app, wait_for_articles, LONG, ZHIPU_TITLE};

fn run(program: &str, args: &[&str]) -> String {
    let out =
        Command::new(program).args(args).output().unwrap_or_else(|e| panic!("cannot run {program}: {e}"));
    assert!(
        out.status.success(),
        "{program} {args:?} failed: {}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

/// apt-get as root (through sudo for a developer who is not).
fn apt_get(args: &[&str]) {
    // SAFETY: geteuid has no preconditions.
    let root = unsafe { libc::geteuid() } == 0;
    let (program, mut all) = if root { ("apt-get", vec![]) } else { ("sudo", vec!["-n", "apt-get"]) };
    all.extend_from_slice(&["-y", "-q"]);
    all.extend_from_slice(args);
    run(program, &all);
}

/// The `Exec=` command of a desktop entry with its URL field code replaced by `url`,
/// as a file manager or a browser runs it.
fn exec_with(entry: &str, url: &str) -> Vec<String> {
    let exec =
        entry.lines().find_map(|l| l.strip_prefix("Exec=")).expect("the desktop entry has no Exec line");
    assert!(exec.contains("%U") || exec.contains("%u"), "Exec takes no URL: {exec}");
    exec.split_whitespace()
        .map(|word| match word {
            "%U" | "%u" => url.to_owned(),
            other => other.to_owned(),
        })
        .collect()
}

#[test]
#[ignore = "installs a system package: run by scripts/test-install.sh"]
fn the_deb_installs_opens_a_file_and_uninstalls_leaving_the_library() {
    let deb = PathBuf::from(
        std::env::var_os("DOSSIER_DEB")
            .expect("DOSSIER_DEB must name the .deb (scripts/test-install.sh builds it)"),
    );
    let deb = std::fs::canonicalize(&deb).unwrap_or_else(|e| panic!("{}: {e}", deb.display()));
    let package = run("dpkg-deb", &["--field", deb.to_str().unwrap(), "Package"]).trim().to_owned();
    apt_get(&["install", "--reinstall", deb.to_str().unwrap()]);

    // What the package put on the system: the app, the command line, a desktop entry
    // that takes files and declares the article formats.
    let files = run("dpkg", &["--listfiles", &package]);
    let app = files.lines().find(|l| l.ends_with("/bin/dossier-app")).expect("no dossier-app in the package");
    let cli = files.lines().find(|l| l.ends_with("/bin/dossier")).expect("no dossier CLI in the package");
    let entry_path =
        files.lines().find(|l| l.ends_with(".desktop")).expect("no desktop entry in the package");
    let entry = std::fs::read_to_string(entry_path).unwrap();
    for mime in [
        "text/plain",
        "text/html",
        "application/pdf",
        "wordprocessingml.document",
        "x-scheme-handler/dossier",
    ] {
        assert!(entry.contains(mime), "the desktop entry does not open {mime}: {entry}");
    }

    // A new user's first start: the sample library.
    let desktop = Desktop::start();
    let library = desktop.home.path().join("share/com.dossier.desktop/library.sqlite");
    let driver = Driver::start(&desktop, &[]);
    let session = start_app(driver.port, app);
    // The sample library: six articles or more.
    wait_for_articles(&session, 6);
    session.wait_for(
        "the sample articles' titles in the list",
        LONG,
        "return document.querySelectorAll('[data-testid=article-list] .title:not(.placeholder)').length >= 6",
    );
    harness::screenshot_screen(&desktop, "installed-01-library.png");

    // The file manager opens a text file with Dossier while it runs: the second
    // launch hands the file to the first window, which imports and shows it.
    let file = harness::fixture("zhipu-funding-zh.txt");
    let command = exec_with(&entry, &format!("file://{}", file.display()));
    let status =
        desktop.command(&command[0]).args(&command[1..]).status().expect("the desktop entry's command");
    assert!(status.success(), "{command:?} exited with {status}");
    let heading = session.wait_for(
        "the opened file in the reader",
        LONG,
        "return document.querySelector('[data-testid=reader] h1')?.textContent",
    );
    assert!(heading.as_str().unwrap().contains(ZHIPU_TITLE), "{heading}");
    harness::screenshot_screen(&desktop, "installed-02-opened-file.png");

    // The packaged command line reads the same library.
    let listed = run(cli, &["--db", library.to_str().unwrap(), "list", "--json"]);
    assert!(listed.contains(ZHIPU_TITLE), "{listed}");

    // A report's link to a quote, as a browser hands it to the desktop entry that
    // declares the dossier: scheme: the running window shows the article at the quote.
    let articles: serde_json::Value = serde_json::from_str(&listed).unwrap();
    let sample = articles
        .as_array()
        .unwrap()
        .iter()
        .find(|a| !a["title"].as_str().unwrap_or_default().contains(ZHIPU_TITLE))
        .expect("a sample article besides the opened file");
    let id = sample["id"].to_string();
    let shown: serde_json::Value =
        serde_json::from_str(&run(cli, &["--db", library.to_str().unwrap(), "show", &id, "--json"])).unwrap();
    let text: Vec<char> = shown["text"].as_str().unwrap().chars().collect();
    // Six characters from the middle of the text (clear of the headline and byline),
    // within one paragraph.
    let start = (text.len() / 2..text.len() - 6)
        .find(|&i| text[i..i + 6].iter().all(|c| !c.is_whitespace()))
        .expect("six characters without a break");
    let quote: String = text[start..start + 6].iter().collect();
    let link = format!("dossier://article/{id}?start={start}&end={}", start + 6);
    let command = exec_with(&entry, &link);
    let status =
        desktop.command(&command[0]).args(&command[1..]).status().expect("the desktop entry's command");
    assert!(status.success(), "{command:?} exited with {status}");
    let flashed = session.wait_for(
        "the linked quote flashed in the reader",
        LONG,
        "return [...document.querySelectorAll('[data-testid=reader-text] .flash')].map(e => e.textContent).join('') || null",
    );
    assert_eq!(flashed.as_str().unwrap(), quote.as_str());
    harness::screenshot_screen(&desktop, "installed-03-link.png");
    drop(session);

    apt_get(&["remove", &package]);
    assert!(!Path::new(app).exists(), "{app} is still there after removal");
    assert!(library.is_file(), "removing the package removed the user's library");
}
