//! Commands for reading closely: an article's facts under review, its annotations
//! (highlights with tags and comments, undo and redo), tags, and entities. Each is a
//! few lines over dossier-core, off the main thread.

use dossier_core::operations::review;
use dossier_core::report::MetricName;
use dossier_core::store::annotations::{
    self, Annotation, AnnotationEdit, AnnotationFilter, Change, NewAnnotation,
};
use dossier_core::store::entities::{self, EntityRow};
use dossier_core::store::facts::{self, FactEdit, FactFilter, FactRow};
use dossier_core::store::tags::{self, Tag};
use dossier_core::{EntityKind, FactStatus, Result};
use tauri::State;

use crate::state::AppState;

/// Every fact of the article, rejected ones included (the review shows them struck out).
#[tauri::command(async)]
pub fn facts_list(state: State<'_, AppState>, article_id: i64) -> Result<Vec<FactRow>> {
    let filter = FactFilter { article_id: Some(article_id), include_rejected: true, ..FactFilter::default() };
    facts::list(state.library()?.conn(), &filter)
}

/// The metrics a fact can have, with their names in both languages.
#[tauri::command]
pub fn facts_metrics() -> Vec<MetricName> {
    dossier_core::report::metric_names()
}

#[tauri::command(async)]
pub fn facts_review(state: State<'_, AppState>, id: i64, status: FactStatus) -> Result<FactRow> {
    review::review_fact(state.library()?.conn(), id, status)
}

#[tauri::command(async)]
pub fn facts_edit(state: State<'_, AppState>, id: i64, edit: FactEdit) -> Result<FactRow> {
    review::edit_fact(state.library()?.conn(), id, &edit)
}

/// A fact over the selected code points, filled in by the extractor.
#[tauri::command(async)]
pub fn facts_create(
    state: State<'_, AppState>,
    article_id: i64,
    start: usize,
    end: usize,
) -> Result<FactRow> {
    dossier_core::ingest::fact_from_selection(&mut *state.library()?, article_id, start, end)
}

#[tauri::command(async)]
pub fn annotations_list(state: State<'_, AppState>, article_id: i64) -> Result<Vec<Annotation>> {
    annotations::list(state.library()?.conn(), &AnnotationFilter { article_id: Some(article_id), tag: None })
}

#[tauri::command(async)]
pub fn annotations_create(state: State<'_, AppState>, note: NewAnnotation) -> Result<Annotation> {
    annotations::create(state.library()?.conn(), &note)
}

#[tauri::command(async)]
pub fn annotations_update(state: State<'_, AppState>, id: i64, note: AnnotationEdit) -> Result<Annotation> {
    annotations::update(state.library()?.conn(), id, &note)
}

#[tauri::command(async)]
pub fn annotations_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    annotations::delete(state.library()?.conn(), id)
}

#[tauri::command(async)]
pub fn annotations_undo(state: State<'_, AppState>) -> Result<Option<Change>> {
    annotations::undo(state.library()?.conn())
}

#[tauri::command(async)]
pub fn annotations_redo(state: State<'_, AppState>) -> Result<Option<Change>> {
    annotations::redo(state.library()?.conn())
}

#[tauri::command(async)]
pub fn tags_list(state: State<'_, AppState>) -> Result<Vec<Tag>> {
    tags::list(state.library()?.conn())
}

#[tauri::command(async)]
pub fn tags_rename(state: State<'_, AppState>, id: i64, name: String) -> Result<()> {
    tags::rename(state.library()?.conn(), id, &name)
}

#[tauri::command(async)]
pub fn tags_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    tags::delete(state.library()?.conn(), id)
}

#[tauri::command(async)]
pub fn entities_list(state: State<'_, AppState>) -> Result<Vec<EntityRow>> {
    entities::list(state.library()?.conn())
}

/// The entity's facts across articles, newest first.
#[tauri::command(async)]
pub fn entities_facts(state: State<'_, AppState>, id: i64) -> Result<Vec<FactRow>> {
    entities::facts(state.library()?.conn(), id)
}

/// An entity the extractor does not know; returns it as the list shows it.
#[tauri::command(async)]
pub fn entities_add(state: State<'_, AppState>, name: String, kind: EntityKind) -> Result<EntityRow> {
    let library = state.library()?;
    let id = entities::add(library.conn(), &name, kind)?;
    entities::get(library.conn(), id)
}

#[tauri::command(async)]
pub fn entities_rename(state: State<'_, AppState>, id: i64, name: String) -> Result<()> {
    entities::rename(state.library()?.conn(), id, &name)
}

#[tauri::command(async)]
pub fn entities_alias(state: State<'_, AppState>, id: i64, alias: String) -> Result<()> {
    entities::add_alias(state.library()?.conn(), id, &alias)
}

/// Rejects an entity as junk: it goes, and no later extraction brings its names back.
#[tauri::command(async)]
pub fn entities_delete(state: State<'_, AppState>, id: i64) -> Result<()> {
    entities::reject(state.library()?.conn(), id)
}

#[tauri::command(async)]
pub fn entities_merge(state: State<'_, AppState>, from: i64, into: i64) -> Result<()> {
    entities::merge(state.library()?.conn(), from, into)
}
