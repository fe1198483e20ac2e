//! Files handed to the app by the system: on the command line at start (a file
//! association on Linux and Windows), from a second launch (forwarded by the
//! single-instance plugin), or as macOS open-file events. Each is imported and the
//! first one is shown in the reader.

use std::ffi::OsString;
use std::path::{Path, PathBuf};

use serde::Serialize;
use tauri::{AppHandle, Emitter, Manager};

use crate::importing;
use crate::state::AppState;

pub const OPEN_EVENT: &str = "article:open";

/// An article the reader should show.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct OpenArticle {
    #[ts(type = "number")]
    pub id: i64,
}

/// The paths among command-line arguments (after the program name): options are
/// skipped, relative paths resolved against the launching process's folder.
pub fn paths_from_args(args: impl IntoIterator<Item = OsString>, cwd: &Path) -> Vec<PathBuf> {
    args.into_iter()
        .filter(|a| !a.to_string_lossy().starts_with('-'))
        .map(|a| cwd.join(a))
        .filter(|p| p.exists())
        .collect()
}

/// Imports `paths` in the background, then shows the first article they gave
/// (newly imported or already in the library).
pub fn import_and_show(app: &AppHandle, paths: Vec<PathBuf>) {
    if paths.is_empty() {
        return;
    }
    importing::start_then(app.clone(), paths, |app, report| {
        if let Some(id) = report.outcomes.iter().find_map(|o| o.article_id) {
            show(app, OpenArticle { id });
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
        std::fs::write(dir.path().join("a.txt"), "x").unwrap();
        let args = ["a.txt", "--flag", "missing.txt", "-psn_0_1234"].map(OsString::from);
        assert_eq!(paths_from_args(args, dir.path()), vec![dir.path().join("a.txt")]);
        let absolute = dir.path().join("a.txt");
        assert_eq!(
            paths_from_args([absolute.clone().into_os_string()], Path::new("/elsewhere")),
            vec![absolute]
        );
    }
}
