//! What the app holds while it runs: the library and where it lives.

use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

use dossier_core::store::articles::{self, ArticleFilter};
use dossier_core::store::LIBRARY_FILE;
use dossier_core::{Create, Error, Library, Result};
use serde::Serialize;

/// Environment variable that moves the data folder (tests, portable installs).
pub const DATA_DIR_VAR: &str = "DOSSIER_DATA_DIR";

/// The data folder: `$DOSSIER_DATA_DIR` if set, else the one the CLI uses by default,
/// so the app and `dossier` share a library.
pub fn data_dir() -> Result<PathBuf> {
    if let Some(dir) = std::env::var_os(DATA_DIR_VAR).filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    let library = Library::default_path()?;
    Ok(library.parent().map(Path::to_path_buf).unwrap_or_default())
}

pub struct AppState {
    /// The connection the commands read with. Imports write through their own
    /// connection (WAL), so the list stays responsive while files are imported.
    library: Mutex<Library>,
    pub library_path: PathBuf,
    pub data_dir: PathBuf,
    /// Serialises imports: one writer at a time, in the order the user asked.
    pub import_lock: Mutex<()>,
    /// The library file did not exist before this start: the sample library was stored.
    pub first_run: bool,
    /// An article the system asked to show that the window has not taken yet.
    pub pending_open: Mutex<Option<OpenArticle>>,
}

impl AppState {
    /// Opens the library in `data_dir`; a new one gets the sample library, so a first
    /// start shows a working app rather than an empty list.
    pub fn open(data_dir: PathBuf) -> Result<Self> {
        let library_path = data_dir.join(LIBRARY_FILE);
        let first_run = !library_path.exists();
        let mut library = Library::open(&library_path, Create::IfMissing)?;
        if first_run {
            crate::samples::load(&mut library)?;
        }
        Ok(Self {
            library: Mutex::new(library),
            library_path,
            data_dir,
            import_lock: Mutex::new(()),
            first_run,
            pending_open: Mutex::new(None),
        })
    }

    pub fn library(&self) -> Result<MutexGuard<'_, Library>> {
        self.library
            .lock()
            .map_err(|_| Error::internal("the library is unavailable after an earlier failure"))
    }

    /// A second connection for a writer running beside the readers.
    /// Where the library lives, how big it is and whether it can be changed.
    pub fn info(&self) -> Result<LibraryInfo> {
        let library = self.library()?;
        Ok(LibraryInfo {
            data_dir: self.data_dir.display().to_string(),
            library_path: self.library_path.display().to_string(),
            article_count: articles::count(library.conn(), &ArticleFilter::default())?,
            first_run: self.first_run,
            read_only: library.read_only().cloned(),
        })
    }

    pub fn open_writer(&self) -> Result<Library> {
        Library::open(&self.library_path, Create::No)
    }
}

/// An article the reader should show (a file opened with Dossier, a `dossier://` link),
/// and the code points of a quote to show in it.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct OpenArticle {
    #[ts(type = "number")]
    pub id: i64,
    pub start: Option<usize>,
    pub end: Option<usize>,
}

/// Where the library lives and how big it is, for the settings screen.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct LibraryInfo {
    pub data_dir: String,
    pub library_path: String,
    #[ts(type = "number")]
    pub article_count: i64,
    /// This start created the library (and stored the samples in it).
    pub first_run: bool,
    /// Why the library is open read-only (damaged, or a file this user cannot write), if
    /// it is: the window says so from the start, not at the first change refused.
    pub read_only: Option<Error>,
}

/// An outlet and how many articles it has, for the filter menu.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Outlet {
    pub name: String,
    #[ts(type = "number")]
    pub article_count: i64,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_library_lives_in_the_data_folder_and_a_writer_sees_the_same_file() {
        let dir = tempfile::tempdir().unwrap();
        let state = AppState::open(dir.path().join("nested")).unwrap();
        assert_eq!(state.library_path, dir.path().join("nested").join(LIBRARY_FILE));
        assert!(state.library_path.is_file());
        let filter = dossier_core::store::articles::ArticleFilter::default();
        let count =
            || dossier_core::store::articles::count(state.library().unwrap().conn(), &filter).unwrap();
        let samples = count();
        let mut writer = state.open_writer().unwrap();
        dossier_core::ingest::import_bytes(
            &mut writer,
            "一篇新文章\n\n正文。".as_bytes(),
            "new.txt",
            &Default::default(),
        )
        .unwrap();
        assert_eq!(count(), samples + 1, "the reading connection does not see the writer's article");
    }

    #[test]
    fn only_a_new_library_gets_the_samples() {
        let dir = tempfile::tempdir().unwrap();
        let filter = dossier_core::store::articles::ArticleFilter::default();
        let first = AppState::open(dir.path().to_owned()).unwrap();
        assert!(first.first_run);
        let samples = dossier_core::store::articles::count(first.library().unwrap().conn(), &filter).unwrap();
        assert!(samples > 0, "a first start has no sample library");
        drop(first);
        let again = AppState::open(dir.path().to_owned()).unwrap();
        assert!(!again.first_run);
        let count = dossier_core::store::articles::count(again.library().unwrap().conn(), &filter).unwrap();
        assert_eq!(count, samples);
    }

    #[test]
    fn a_library_that_cannot_be_written_says_so_from_the_start() {
        let dir = tempfile::tempdir().unwrap();
        let first = AppState::open(dir.path().to_owned()).unwrap();
        assert_eq!(first.info().unwrap().read_only, None);
        let path = first.library_path.clone();
        drop(first);
        let mut permissions = std::fs::metadata(&path).unwrap().permissions();
        permissions.set_readonly(true);
        std::fs::set_permissions(&path, permissions).unwrap();
        let info = AppState::open(dir.path().to_owned()).unwrap().info().unwrap();
        let why = info.read_only.expect("the library opened read-only");
        assert_eq!(
            why.reason,
            Some(dossier_core::Reason::LibraryFileNotWritable { path: path.display().to_string() })
        );
        assert!(info.article_count > 0, "a read-only library still lists its articles");
    }

    #[test]
    fn the_data_folder_follows_the_environment() {
        // The only test that touches DOSSIER_DATA_DIR, so it cannot race another.
        std::env::set_var(DATA_DIR_VAR, "/tmp/dossier-elsewhere");
        assert_eq!(data_dir().unwrap(), PathBuf::from("/tmp/dossier-elsewhere"));
        std::env::remove_var(DATA_DIR_VAR);
        let default = data_dir().unwrap();
        assert!(default.ends_with(dossier_core::store::APP_IDENTIFIER), "{}", default.display());
    }
}
