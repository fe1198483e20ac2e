//! Files handed to the app by the system: on the command line at start (a file
//! association on Linux and Windows), from a second launch (forwarded by the
//! single-instance plugin), or as macOS open-file events. Each is imported and the
//! first one is shown in the reader. `dossier://article/<id>?start=<cp>&end=<cp>` links
//! (from exported reports) arrive the same ways and open the article at the quote.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager, Url};

use crate::importing;
use crate::state::AppState;

pub const OPEN_EVENT: &str = "article:open";

/// The URL scheme of links into the library.
pub const LINK_SCHEME: &str = "dossier";

/// An article the reader should show, and the code points of a quote to show in it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct OpenArticle {
    #[ts(type = "number")]
    pub id: i64,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// What the system handed over: files to import, and the last `dossier://` link.
#[derive(Debug, Default, PartialEq)]
pub struct Opened {
    pub paths: Vec<PathBuf>,
    pub link: Option<OpenArticle>,
}

/// Sorts command-line arguments (after the program name) into existing files (plain
/// paths, resolved against the launching process's folder, or `file:` URLs) and
/// `dossier:` links; options and anything else are skipped.
pub fn from_args(args: impl IntoIterator<Item = OsString>, cwd: &Path) -> Opened {
    let mut opened = Opened::default();
    for arg in args {
        let text = arg.to_string_lossy();
        if text.starts_with('-') {
            continue;
        }
        match Url::parse(&text) {
            // A Windows path such as C:\x parses as a URL with scheme "c".
            Ok(url) if url.scheme().len() > 1 => opened.add_url(&url),
            _ => opened.paths.extend(Some(cwd.join(&arg)).filter(|p| p.exists())),
        }
    }
    opened
}

impl Opened {
    pub fn add_url(&mut self, url: &Url) {
        match url.scheme() {
            "file" => self.paths.extend(url.to_file_path().ok().filter(|p| p.exists())),
            LINK_SCHEME => self.link = article_link(url).or(self.link),
            _ => {}
        }
    }
}

/// `dossier://article/12?start=30&end=36`: article 12, code points 30..36.
fn article_link(url: &Url) -> Option<OpenArticle> {
    if url.host_str() != Some("article") {
        return None;
    }
    let id = url.path().trim_matches('/').parse().ok()?;
    let number = |key: &str| url.query_pairs().find(|(k, _)| k == key).and_then(|(_, v)| v.parse().ok());
    let (start, end) = match (number("start"), number("end")) {
        (Some(start), Some(end)) if start < end => (Some(start), Some(end)),
        _ => (None, None),
    };
    Some(OpenArticle { id, start, end })
}

/// Imports the files, then shows the linked article, or else the first file's.
pub fn open(app: &AppHandle, opened: Opened) {
    let Some(link) = opened.link else { return import_and_show(app, opened.paths) };
    show(app, link);
    if !opened.paths.is_empty() {
        importing::start(app.clone(), opened.paths);
    }
}

/// Imports `paths` in the background, then shows the first article they gave
/// (newly imported or already in the library).
pub fn import_and_show(app: &AppHandle, paths: Vec<PathBuf>) {
    if paths.is_empty() {
        return;
    }
    importing::start_then(app.clone(), paths, |app, report| {
        if let Some(id) = report.outcomes.iter().find_map(|o| o.article_id) {
            show(app, OpenArticle { id, start: None, end: None });
        }
    });
}

/// Tells the window to show an article, and keeps it for a window that is not
/// listening yet (the import can finish before the page has loaded).
pub fn show(app: &AppHandle, article: OpenArticle) {
    if let Ok(mut pending) = app.state::<AppState>().pending_open.lock() {
        *pending = Some(article);
    }
    let _ = app.emit(OPEN_EVENT, article);
    if let Some(window) = app.get_webview_window("main") {
        let _ = window.unminimize();
        let _ = window.set_focus();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn arguments_that_are_existing_paths_are_kept_and_resolved() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::write(dir.path().join("a b.txt"), "x").unwrap();
        let args = ["a b.txt", "--flag", "missing.txt", "-psn_0_1234"].map(OsString::from);
        assert_eq!(from_args(args, dir.path()).paths, vec![dir.path().join("a b.txt")]);
        let absolute = dir.path().join("a b.txt");
        assert_eq!(
            from_args([absolute.clone().into_os_string()], Path::new("/elsewhere")).paths,
            vec![absolute.clone()]
        );
        // A desktop entry's %U hands files over as file: URLs.
        let url = Url::from_file_path(&absolute).unwrap().to_string();
        assert!(url.contains("a%20b.txt"));
        assert_eq!(from_args([OsString::from(url)], Path::new("/elsewhere")).paths, vec![absolute]);
    }

    #[test]
    fn links_open_an_article_at_a_quote() {
        let open = |arg: &str| from_args([OsString::from(arg)], Path::new("/")).link;
        assert_eq!(
            open("dossier://article/12?start=30&end=36"),
            Some(OpenArticle { id: 12, start: Some(30), end: Some(36) })
        );
        assert_eq!(open("dossier://article/12"), Some(OpenArticle { id: 12, start: None, end: None }));
        // A range that is not one is ignored, the article still opens.
        assert_eq!(open("dossier://article/7?start=9&end=3").map(|a| (a.id, a.start)), Some((7, None)));
        assert_eq!(open("dossier://annotation/3"), None);
        assert_eq!(open("dossier://article/x"), None);
        assert_eq!(open("https://example.com/article/1"), None);
    }
}
