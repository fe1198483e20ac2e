//! Background imports of files the user dropped on the window or chose in a dialog.

use std::path::PathBuf;

use dossier_core::operations::import::{self, ImportOptions, ImportReport};
use dossier_core::Error;
use tauri::{AppHandle, Emitter, Manager};

use crate::state::AppState;

pub const PROGRESS_EVENT: &str = "import:progress";
pub const FINISHED_EVENT: &str = "import:finished";
/// Emitted with the number of articles whose facts a newer extractor has re-read.
pub const REEXTRACTED_EVENT: &str = "extraction:updated";

/// Imports `paths` on a worker thread; emits `import:progress` per file and
/// `import:finished` with the per-file report (or the error that stopped it).
pub fn start(app: AppHandle, paths: Vec<PathBuf>) {
    start_then(app, paths, |_, _| {});
}

/// As `start`, then calls `then` with the report.
pub fn start_then(
    app: AppHandle,
    paths: Vec<PathBuf>,
    then: impl FnOnce(&AppHandle, &ImportReport) + Send + 'static,
) {
    tauri::async_runtime::spawn_blocking(move || {
        let report = run(&app, &paths).unwrap_or_else(|error| ImportReport::failed(&paths, &error));
        // A closed window has nobody to tell; the articles are stored either way.
        let _ = app.emit(FINISHED_EVENT, &report);
        then(&app, &report);
    });
}

fn run(app: &AppHandle, paths: &[PathBuf]) -> dossier_core::Result<ImportReport> {
    let state = app.state::<AppState>();
    let _writing = state.import_lock.lock().map_err(|_| Error::internal("import lock poisoned"))?;
    let mut library = state.open_writer()?;
    import::import_paths(&mut library, paths, &ImportOptions::default(), &mut |progress| {
        let _ = app.emit(PROGRESS_EVENT, progress);
    })
}

/// After an upgrade, re-reads on a worker thread the articles an older extractor read,
/// as the writer imports use, so the window opens at once; reviewed facts stay as they are.
pub fn reextract_stale(app: AppHandle) {
    tauri::async_runtime::spawn_blocking(move || {
        if let Ok(count) = reextract_with(&app.state::<AppState>()) {
            if count > 0 {
                let _ = app.emit(REEXTRACTED_EVENT, count);
            }
        }
    });
}

fn reextract_with(state: &AppState) -> dossier_core::Result<usize> {
    let _writing = state.import_lock.lock().map_err(|_| Error::internal("import lock poisoned"))?;
    dossier_core::ingest::reextract(&mut state.open_writer()?, false, &mut |_, _| {})
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn articles_an_older_extractor_read_are_read_again_once() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(dir.path().to_owned()).unwrap();
        assert_eq!(reextract_with(&state).unwrap(), 0, "the samples are read by the current extractor");
        let old = state.library().unwrap().conn().execute("UPDATE extractions SET version = 1", []).unwrap();
        assert!(old > 0);
        assert_eq!(reextract_with(&state).unwrap(), old);
        assert_eq!(reextract_with(&state).unwrap(), 0);
    }
}
