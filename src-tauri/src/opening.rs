//! Files handed to the app by the system: on the command line at start (a file
//! association on Linux and Windows), from a second launch (forwarded by the
//! single-instance plugin), or as macOS open-file events. Each is imported and the
//! first one is shown in the reader. `dossier://article/<id>?start=<cp>&end=<cp>` links
//! (from exported reports) arrive the same ways and open the article at the quote.
//!
//! The system can hand things over before the app is ready to open them: on macOS a
//! cold start by "Open with" or a link delivers `RunEvent::Opened` before `Ready`, and
//! the library (`AppState`) is only opened in `setup`. Everything therefore goes
//! through the [`Inbox`], managed from the start, which keeps what arrives early and
//! hands it over once `setup` has opened the library.

use std::ffi::OsString;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

use tauri::{AppHandle, Emitter, Manager, Url};

use crate::importing;
use crate::state::{AppState, OpenArticle};

pub const OPEN_EVENT: &str = "article:open";

/// The URL scheme of links into the library.
pub const LINK_SCHEME: &str = "dossier";

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
    /// Adds what came later: its files after ours, its link (if any) instead of ours.
    pub fn append(&mut self, later: Opened) {
        self.paths.extend(later.paths);
        self.link = later.link.or(self.link);
    }

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

/// What the system handed over while the app was starting, until it can be opened.
/// Needs nothing from the app, so it can be managed before the app is built.
#[derive(Debug, Default)]
pub struct Inbox(Mutex<Arrivals>);

#[derive(Debug)]
enum Arrivals {
    /// Still starting: everything is kept, in the order it came.
    Starting(Opened),
    /// The library is open: arrivals are opened at once.
    Ready,
}

impl Default for Arrivals {
    fn default() -> Self {
        Arrivals::Starting(Opened::default())
    }
}

impl Inbox {
    /// What to open now: `None` while the app is starting (it is kept for [`Inbox::ready`]).
    pub fn receive(&self, opened: Opened) -> Option<Opened> {
        match &mut *self.0.lock().unwrap_or_else(|e| e.into_inner()) {
            Arrivals::Starting(waiting) => {
                waiting.append(opened);
                None
            }
            Arrivals::Ready => Some(opened),
        }
    }

    /// Marks the app ready and returns everything that arrived before.
    pub fn ready(&self) -> Opened {
        let mut arrivals = self.0.lock().unwrap_or_else(|e| e.into_inner());
        match std::mem::replace(&mut *arrivals, Arrivals::Ready) {
            Arrivals::Starting(waiting) => waiting,
            Arrivals::Ready => Opened::default(),
        }
    }
}

/// Opens what the system handed over, or keeps it in the [`Inbox`] until the app is ready.
pub fn receive(app: &AppHandle, opened: Opened) {
    if let Some(now) = app.state::<Inbox>().receive(opened) {
        open(app, now);
    }
}

/// Called at the end of `setup`, once the library is open: opens `opened` (this start's
/// command line) and what arrived while the app was starting.
pub fn ready(app: &AppHandle, mut opened: Opened) {
    opened.append(app.state::<Inbox>().ready());
    open(app, opened);
}

/// Imports the files, then shows the linked article, or else the first file's.
fn open(app: &AppHandle, opened: Opened) {
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

    fn file(name: &str) -> Opened {
        Opened { paths: vec![PathBuf::from(name)], link: None }
    }

    fn link(id: i64) -> Opened {
        Opened { paths: vec![], link: Some(OpenArticle { id, start: None, end: None }) }
    }

    #[test]
    fn what_arrives_before_the_app_is_ready_is_kept_in_order_and_handed_over_once() {
        let inbox = Inbox::default();
        assert_eq!(inbox.receive(file("a.txt")), None, "opened before the library was open");
        assert_eq!(inbox.receive(link(3)), None);
        assert_eq!(inbox.receive(file("b.pdf")), None);
        assert_eq!(inbox.receive(link(7)), None);
        let early = inbox.ready();
        assert_eq!(early.paths, vec![PathBuf::from("a.txt"), PathBuf::from("b.pdf")]);
        assert_eq!(early.link.map(|l| l.id), Some(7), "the last link wins");
        // Once ready, arrivals pass straight through and nothing is kept twice.
        assert_eq!(inbox.receive(file("c.md")), Some(file("c.md")));
        assert_eq!(inbox.ready(), Opened::default());
    }

    #[test]
    fn an_app_that_received_nothing_early_opens_only_its_command_line() {
        let inbox = Inbox::default();
        let mut all = inbox.ready();
        assert_eq!(all, Opened::default());
        all.append(file("argument.txt"));
        assert_eq!(all, file("argument.txt"));
        assert_eq!(inbox.receive(link(1)), Some(link(1)));
    }

    #[test]
    fn a_later_link_replaces_an_earlier_one_but_no_link_keeps_it() {
        let mut opened = link(1);
        opened.append(file("x.txt"));
        assert_eq!(opened.link.map(|l| l.id), Some(1));
        opened.append(link(2));
        assert_eq!((opened.link.map(|l| l.id), opened.paths.len()), (Some(2), 1));
    }

    #[test]
    fn the_inbox_is_shared_between_threads() {
        // The event loop receives, a second launch's handler may too: both go through one inbox.
        let inbox = std::sync::Arc::new(Inbox::default());
        let threads: Vec<_> = (0..4)
            .map(|i| {
                let inbox = inbox.clone();
                std::thread::spawn(move || inbox.receive(file(&format!("{i}.txt"))))
            })
            .collect();
        for t in threads {
            assert_eq!(t.join().unwrap(), None);
        }
        let mut paths = inbox.ready().paths;
        paths.sort();
        assert_eq!(paths, (0..4).map(|i| PathBuf::from(format!("{i}.txt"))).collect::<Vec<_>>());
    }
}
