//! Tauri commands: each one a few lines over dossier-core, run off the main thread
//! (`async`), errors crossing as `{kind, message, reason}` (see the README).

use dossier_core::operations;
use dossier_core::operations::import::{self, ImportReport};
use dossier_core::search::{self, SearchHit, SearchQuery};
use dossier_core::store::articles::{self, Article, ArticleFilter, ArticleSummary, SortOrder};
use dossier_core::store::collections::{self, Collection};
use dossier_core::{Error, Reason, Result};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::state::{AppState, LibraryInfo, OpenArticle, Outlet};
use crate::{importing, samples};

/// Most rows one page of the list may ask for.
const MAX_PAGE: usize = 1_000;

#[tauri::command(async)]
pub fn library_info(state: State<'_, AppState>) -> Result<LibraryInfo> {
    state.info()
}

/// A backup copy of the library in its backups folder; returns the copy's path.
/// Through a connection of its own, so the window keeps reading meanwhile.
#[tauri::command(async)]
pub fn library_backup(state: State<'_, AppState>) -> Result<String> {
    Ok(state.open_writer()?.backup()?.display().to_string())
}

#[tauri::command(async)]
pub fn library_load_samples(state: State<'_, AppState>) -> Result<ImportReport> {
    let _writing = state.import_lock.lock().map_err(|_| Error::internal("import lock poisoned"))?;
    samples::load(&mut state.open_writer()?)
}

#[tauri::command(async)]
pub fn articles_list(
    state: State<'_, AppState>,
    filter: ArticleFilter,
    sort: SortOrder,
    offset: usize,
    limit: usize,
) -> Result<Vec<ArticleSummary>> {
    articles::list(state.library()?.conn(), &filter, sort, limit.min(MAX_PAGE), offset)
}

#[tauri::command(async)]
pub fn articles_count(state: State<'_, AppState>, filter: ArticleFilter) -> Result<i64> {
    articles::count(state.library()?.conn(), &filter)
}

#[tauri::command(async)]
pub fn articles_get(state: State<'_, AppState>, id: i64) -> Result<Article> {
    articles::get(state.library()?.conn(), id)
}

#[tauri::command(async)]
pub fn outlets_list(state: State<'_, AppState>) -> Result<Vec<Outlet>> {
    let outlets = articles::outlets(state.library()?.conn())?;
    Ok(outlets.into_iter().map(|(name, article_count)| Outlet { name, article_count }).collect())
}

#[tauri::command(async)]
pub fn search_query(state: State<'_, AppState>, query: SearchQuery) -> Result<Vec<SearchHit>> {
    if query.text.trim().is_empty() {
        return Err(Reason::NothingToSearch.into());
    }
    let query = SearchQuery { limit: query.limit.clamp(1, MAX_PAGE), ..query };
    search::search(state.library()?.conn(), &query)
}

#[tauri::command(async)]
pub fn collections_list(state: State<'_, AppState>) -> Result<Vec<Collection>> {
    collections::list(state.library()?.conn())
}

#[tauri::command(async)]
pub fn collections_create(state: State<'_, AppState>, name: String) -> Result<i64> {
    collections::create(state.library()?.conn(), &name)
}

#[tauri::command(async)]
pub fn collections_add_article(
    state: State<'_, AppState>,
    collection_id: i64,
    article_id: i64,
) -> Result<()> {
    operations::collections::add(state.library()?.conn(), collection_id, [article_id])
}

/// Shows the system's file (or folder) chooser, titled and its file types named in the
/// interface language, and imports what the user picks in the background; progress and
/// the report arrive as `import:*` events. Returns whether the user chose anything.
#[tauri::command(async)]
pub fn import_choose(app: AppHandle, folders: bool, title: String, kinds: String) -> Result<bool> {
    let dialog = app.dialog().file().set_title(title);
    let chosen = if folders {
        dialog.blocking_pick_folders()
    } else {
        dialog.add_filter(kinds, &import::extensions()).blocking_pick_files()
    };
    let paths: Vec<_> = chosen.unwrap_or_default().into_iter().filter_map(|p| p.into_path().ok()).collect();
    if paths.is_empty() {
        return Ok(false);
    }
    importing::start(app, paths);
    Ok(true)
}

/// The article the system asked to show (a file opened with Dossier) that the window
/// has not shown yet; taking it clears it.
#[tauri::command(async)]
pub fn articles_take_opened(state: State<'_, AppState>) -> Result<Option<OpenArticle>> {
    let mut pending =
        state.pending_open.lock().map_err(|_| Error::internal("pending article lock poisoned"))?;
    Ok(pending.take())
}
