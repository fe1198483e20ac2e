//! The `annotations` table: highlights with a colour, a Markdown comment and tags,
//! anchored to the article's text by a quote and a position (see `annotate`). Every
//! change a user makes runs in its own transaction and is written to
//! `annotation_history`, so it can be undone and redone, also after a restart.

use rusqlite::{params, Connection, OptionalExtension, Row};
use serde::{Deserialize, Serialize};

use super::annotation_history;
use super::tags;
use crate::annotate::{self, Selector, TextPositionSelector, TextQuoteSelector};
use crate::{Error, Reason, Result};

pub const SCHEMA_V3: &str = "
CREATE TABLE annotations (
    -- Never reused: the undo history names annotations by id, deleted ones too.
    id         INTEGER PRIMARY KEY AUTOINCREMENT,
    article_id INTEGER NOT NULL REFERENCES articles(id) ON DELETE CASCADE,
    colour     TEXT NOT NULL,
    comment    TEXT NOT NULL DEFAULT '',   -- Markdown
    exact      TEXT NOT NULL,              -- TextQuoteSelector
    prefix     TEXT NOT NULL,
    suffix     TEXT NOT NULL,
    start      INTEGER NOT NULL,           -- TextPositionSelector, code points
    end        INTEGER NOT NULL,
    state      TEXT NOT NULL DEFAULT 'anchored' CHECK (state IN ('anchored', 'orphaned')),
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL
);
CREATE INDEX annotations_article ON annotations(article_id, start);
";

/// The colour a highlight gets when none is given.
pub const DEFAULT_COLOUR: &str = "yellow";

/// What an undo or redo did: the annotation as it now is, or `None` if it is now gone.
#[derive(Debug, Clone, PartialEq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Change {
    #[ts(type = "number")]
    pub article_id: i64,
    #[ts(type = "number")]
    pub annotation_id: i64,
    pub annotation: Option<Annotation>,
}

/// Whether an annotation could be placed in its article's current text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum AnchorState {
    Anchored,
    /// The text changed and the quote was not found again; shown with its quote.
    Orphaned,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct Annotation {
    #[ts(type = "number")]
    pub id: i64,
    #[ts(type = "number")]
    pub article_id: i64,
    pub colour: String,
    /// Markdown.
    pub comment: String,
    pub selector: Selector,
    pub state: AnchorState,
    pub tags: Vec<String>,
    pub created_at: String,
    pub updated_at: String,
}

/// A new highlight of the code points [start, end) of an article.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct NewAnnotation {
    #[ts(type = "number")]
    pub article_id: i64,
    pub start: usize,
    pub end: usize,
    /// `DEFAULT_COLOUR` when absent.
    pub colour: Option<String>,
    #[serde(default)]
    pub comment: String,
    #[serde(default)]
    pub tags: Vec<String>,
}

/// Changes to an annotation; absent fields stay as they are.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct AnnotationEdit {
    pub colour: Option<String>,
    pub comment: Option<String>,
    pub tags: Option<Vec<String>>,
}

/// Which annotations to list.
#[derive(Debug, Clone, Default, PartialEq, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct AnnotationFilter {
    #[ts(type = "number | null")]
    pub article_id: Option<i64>,
    #[ts(type = "number | null")]
    pub tag: Option<i64>,
}

/// What re-anchoring an article's annotations did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ReanchorReport {
    /// On the same code points as before.
    pub kept: usize,
    /// Placed elsewhere, or on slightly changed text.
    pub moved: usize,
    pub orphaned: usize,
}

const COLUMNS: &str =
    "id, article_id, colour, comment, exact, prefix, suffix, start, end, state, created_at, updated_at";

fn from_row(r: &Row) -> rusqlite::Result<Annotation> {
    let state: String = r.get(9)?;
    Ok(Annotation {
        id: r.get(0)?,
        article_id: r.get(1)?,
        colour: r.get(2)?,
        comment: r.get(3)?,
        selector: Selector {
            quote: TextQuoteSelector { exact: r.get(4)?, prefix: r.get(5)?, suffix: r.get(6)? },
            position: TextPositionSelector {
                start: r.get::<_, i64>(7)? as usize,
                end: r.get::<_, i64>(8)? as usize,
            },
        },
        state: if state == "orphaned" { AnchorState::Orphaned } else { AnchorState::Anchored },
        tags: Vec::new(),
        created_at: r.get(10)?,
        updated_at: r.get(11)?,
    })
}

fn state_name(state: AnchorState) -> &'static str {
    match state {
        AnchorState::Anchored => "anchored",
        AnchorState::Orphaned => "orphaned",
    }
}

/// Colour names or #rgb values; nothing that could break out of a style attribute.
fn check_colour(colour: &str) -> Result<()> {
    let fine = !colour.is_empty()
        && colour.len() <= 32
        && colour.chars().all(|c| c.is_ascii_alphanumeric() || c == '#' || c == '-');
    if fine {
        Ok(())
    } else {
        Err(Reason::NotAColour { colour: colour.to_owned() }.into())
    }
}

fn article_text(conn: &Connection, article_id: i64) -> Result<String> {
    conn.query_row("SELECT text FROM articles WHERE id = ?1", [article_id], |r| r.get(0))
        .optional()?
        .ok_or_else(|| Error::from(Reason::ArticleNotFound { id: article_id }))
}

pub fn get(conn: &Connection, id: i64) -> Result<Annotation> {
    find(conn, id)?.ok_or_else(|| Error::from(Reason::AnnotationNotFound { id }))
}

fn find(conn: &Connection, id: i64) -> Result<Option<Annotation>> {
    let sql = format!("SELECT {COLUMNS} FROM annotations WHERE id = ?1");
    let Some(mut annotation) = conn.query_row(&sql, [id], from_row).optional()? else { return Ok(None) };
    annotation.tags = tags::on_annotation(conn, id)?;
    Ok(Some(annotation))
}

/// Annotations in text order, article by article; orphaned ones after the placed ones.
pub fn list(conn: &Connection, filter: &AnnotationFilter) -> Result<Vec<Annotation>> {
    let sql = format!(
        "SELECT {COLUMNS} FROM annotations
         WHERE (?1 IS NULL OR article_id = ?1)
           AND (?2 IS NULL OR id IN (SELECT annotation_id FROM annotation_tags WHERE tag_id = ?2))
         ORDER BY article_id, state, start, id"
    );
    let mut stmt = conn.prepare(&sql)?;
    let rows = stmt.query_map(params![filter.article_id, filter.tag], from_row)?;
    let mut all: Vec<Annotation> = rows.collect::<rusqlite::Result<_>>()?;
    for annotation in &mut all {
        annotation.tags = tags::on_annotation(conn, annotation.id)?;
    }
    Ok(all)
}

/// Highlights a selection. Runs in its own transaction; undoable.
pub fn create(conn: &Connection, new: &NewAnnotation) -> Result<Annotation> {
    let colour = new.colour.as_deref().unwrap_or(DEFAULT_COLOUR);
    check_colour(colour)?;
    let tx = conn.unchecked_transaction()?;
    let selector = annotate::describe(&article_text(&tx, new.article_id)?, new.start, new.end)?;
    let now = super::timestamp();
    let annotation = Annotation {
        id: 0,
        article_id: new.article_id,
        colour: colour.to_owned(),
        comment: new.comment.clone(),
        selector,
        state: AnchorState::Anchored,
        tags: new.tags.clone(),
        created_at: now.clone(),
        updated_at: now,
    };
    let id = write(&tx, &annotation, None)?;
    let created = get(&tx, id)?;
    annotation_history::record(&tx, created.article_id, id, None, Some(snapshot(&created)?))?;
    tx.commit()?;
    Ok(created)
}

/// Changes colour, comment or tags. Runs in its own transaction; undoable.
pub fn update(conn: &Connection, id: i64, edit: &AnnotationEdit) -> Result<Annotation> {
    if let Some(colour) = &edit.colour {
        check_colour(colour)?;
    }
    let tx = conn.unchecked_transaction()?;
    let before = get(&tx, id)?;
    let mut after = before.clone();
    if let Some(colour) = &edit.colour {
        after.colour = colour.clone();
    }
    if let Some(comment) = &edit.comment {
        after.comment = comment.clone();
    }
    if let Some(tags) = &edit.tags {
        after.tags = tags.clone();
    }
    after.updated_at = super::timestamp();
    write(&tx, &after, Some(id))?;
    let after = get(&tx, id)?;
    annotation_history::record(&tx, after.article_id, id, Some(snapshot(&before)?), Some(snapshot(&after)?))?;
    tx.commit()?;
    Ok(after)
}

/// Deletes an annotation. Runs in its own transaction; undo brings it back whole.
pub fn delete(conn: &Connection, id: i64) -> Result<()> {
    let tx = conn.unchecked_transaction()?;
    let before = get(&tx, id)?;
    tx.execute("DELETE FROM annotations WHERE id = ?1", [id])?;
    annotation_history::record(&tx, before.article_id, id, Some(snapshot(&before)?), None)?;
    tx.commit()?;
    Ok(())
}

/// Writes `annotation` as it is (a new row when `id` is None), with its tags.
fn write(conn: &Connection, annotation: &Annotation, id: Option<i64>) -> Result<i64> {
    let a = annotation;
    let (q, p) = (&a.selector.quote, a.selector.position);
    conn.execute(
        "INSERT INTO annotations (id, article_id, colour, comment, exact, prefix, suffix, start, end, state,
                                  created_at, updated_at)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)
         ON CONFLICT(id) DO UPDATE SET colour = excluded.colour, comment = excluded.comment,
             exact = excluded.exact, prefix = excluded.prefix, suffix = excluded.suffix,
             start = excluded.start, end = excluded.end, state = excluded.state,
             updated_at = excluded.updated_at",
        params![
            id,
            a.article_id,
            a.colour,
            a.comment,
            q.exact,
            q.prefix,
            q.suffix,
            p.start as i64,
            p.end as i64,
            state_name(a.state),
            a.created_at,
            a.updated_at
        ],
    )?;
    let id = id.unwrap_or_else(|| conn.last_insert_rowid());
    tags::set_on_annotation(conn, id, &a.tags)?;
    Ok(id)
}

fn snapshot(annotation: &Annotation) -> Result<String> {
    serde_json::to_string(annotation).map_err(|e| Error::internal(e.to_string()))
}

/// Undoes the latest annotation edit not yet undone, in one transaction; `None` if
/// there is none.
pub fn undo(conn: &Connection) -> Result<Option<Change>> {
    step(conn, true)
}

/// Redoes the earliest undone annotation edit, in one transaction; `None` if there is none.
pub fn redo(conn: &Connection) -> Result<Option<Change>> {
    step(conn, false)
}

/// Takes the history's next step back (`undo`) or forward: puts the annotation back as
/// the step's snapshot holds it, placed again in its article's current text (which may
/// have changed since), or removes it.
fn step(conn: &Connection, undo: bool) -> Result<Option<Change>> {
    let tx = conn.unchecked_transaction()?;
    let Some(step) = annotation_history::next(&tx, undo)? else { return Ok(None) };
    let annotation = match &step.snapshot {
        Some(json) => {
            let mut annotation: Annotation = serde_json::from_str(json)
                .map_err(|e| Error::internal(format!("history entry {} is unreadable: {e}", step.id)))?;
            place(&article_text(&tx, annotation.article_id)?, &mut annotation);
            write(&tx, &annotation, Some(annotation.id))?;
            Some(get(&tx, annotation.id)?)
        }
        None => {
            tx.execute("DELETE FROM annotations WHERE id = ?1", [step.annotation_id])?;
            None
        }
    };
    annotation_history::mark(&tx, step.id, undo)?;
    tx.commit()?;
    Ok(Some(Change { article_id: step.article_id, annotation_id: step.annotation_id, annotation }))
}

/// Anchors `annotation` in `text`: on success its selectors describe where it now is
/// (context included); otherwise it keeps its old selectors and is orphaned. Returns
/// whether it now covers other code points than before.
fn place(text: &str, annotation: &mut Annotation) -> bool {
    let old = annotation.selector.position;
    match annotate::anchor(text, &annotation.selector) {
        Some(anchor) => {
            if anchor.placement != annotate::Placement::Position {
                annotation.selector = annotate::describe(text, anchor.start, anchor.end)
                    .expect("an anchor lies inside the text and is not empty");
            }
            annotation.state = AnchorState::Anchored;
            (anchor.start, anchor.end) != (old.start, old.end)
        }
        None => {
            annotation.state = AnchorState::Orphaned;
            true
        }
    }
}

/// Places every annotation of an article again after its text changed, in the
/// caller's transaction. Not a user edit, so not in the history.
pub fn reanchor_article(conn: &Connection, article_id: i64) -> Result<ReanchorReport> {
    let text = article_text(conn, article_id)?;
    let mut report = ReanchorReport::default();
    for mut annotation in list(conn, &AnnotationFilter { article_id: Some(article_id), tag: None })? {
        let moved = place(&text, &mut annotation);
        match (annotation.state, moved) {
            (AnchorState::Orphaned, _) => report.orphaned += 1,
            (AnchorState::Anchored, true) => report.moved += 1,
            (AnchorState::Anchored, false) => report.kept += 1,
        }
        write(conn, &annotation, Some(annotation.id))?;
    }
    Ok(report)
}

/// Anchored annotations whose quote is not the text at their position.
pub(crate) fn check(conn: &Connection) -> Result<Vec<String>> {
    let mut stmt = conn.prepare(
        "SELECT an.id, an.article_id, an.exact, an.start, an.end, a.text FROM annotations an
         JOIN articles a ON a.id = an.article_id WHERE an.state = 'anchored'",
    )?;
    let mut problems = Vec::new();
    let mut rows = stmt.query([])?;
    while let Some(r) = rows.next()? {
        let (id, article, exact, start, end): (i64, i64, String, i64, i64) =
            (r.get(0)?, r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?);
        let (start, end) = (start as usize, end as usize);
        let text: String = r.get(5)?;
        let span: String = text.chars().skip(start).take(end.saturating_sub(start)).collect();
        if start >= end || span != exact {
            problems.push(format!(
                "article {article}: annotation {id} no longer matches the text at {start}..{end}"
            ));
        }
    }
    Ok(problems)
}
