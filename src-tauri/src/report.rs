//! The report builder's commands: a live preview of the report as the standalone HTML
//! export, served to an iframe by the `report:` scheme with a CSP of its own, and export
//! to a file the user names in the system's Save dialog.

use std::sync::Mutex;

use dossier_core::report::{self, Format, Language, Report, ScopeRequest};
use dossier_core::{Error, Result};
use serde::Serialize;
use tauri::http::{header, Response, StatusCode};
use tauri::{AppHandle, State};
use tauri_plugin_dialog::DialogExt;

use crate::state::AppState;

/// The URI scheme the preview is served on.
pub const SCHEME: &str = "report";

/// The HTML export may style itself and show its inline SVG charts; nothing else, no
/// script and nothing fetched. The iframe is sandboxed on top of this.
const PREVIEW_CSP: &str = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

/// The latest preview, numbered so the iframe's URL changes with every change.
#[derive(Default)]
pub struct Preview(Mutex<(u64, String)>);

/// What the builder shows beside the preview.
#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct ReportPreview {
    pub title: String,
    pub language: Language,
    pub facts: usize,
    pub sources: usize,
    pub annotations: usize,
    /// Where the iframe loads the rendered report from.
    pub url: String,
}

#[derive(Debug, Clone, Serialize, ts_rs::TS)]
#[ts(export)]
pub struct Exported {
    pub path: String,
    pub bytes: usize,
    pub format: Format,
}

fn build(state: &AppState, request: &ScopeRequest) -> Result<Report> {
    report::build(state.library()?.conn(), request)
}

#[tauri::command(async)]
pub fn report_preview(
    state: State<'_, AppState>,
    preview: State<'_, Preview>,
    request: ScopeRequest,
) -> Result<ReportPreview> {
    let built = build(&state, &request)?;
    let html = String::from_utf8(report::render(&built, Format::Html)?)
        .map_err(|e| Error::internal(format!("report HTML: {e}")))?;
    let revision = {
        let mut latest = preview.0.lock().map_err(|_| Error::internal("preview lock poisoned"))?;
        latest.0 += 1;
        latest.1 = html;
        latest.0
    };
    Ok(ReportPreview {
        title: built.title,
        language: built.language,
        facts: built.facts.len(),
        sources: built.sources.len(),
        annotations: built.annotations.len(),
        url: preview_url(revision),
    })
}

/// Windows' and Android's webviews reach custom schemes as http://<scheme>.localhost.
fn preview_url(revision: u64) -> String {
    if cfg!(any(windows, target_os = "android")) {
        format!("http://{SCHEME}.localhost/{revision}")
    } else {
        format!("{SCHEME}://localhost/{revision}")
    }
}

/// The latest preview, whatever revision is asked for: an older URL still loading
/// shows the newest report rather than a stale one.
pub fn serve(preview: &Preview) -> Response<Vec<u8>> {
    let html = preview.0.lock().map(|latest| latest.1.clone()).unwrap_or_default();
    Response::builder()
        .status(StatusCode::OK)
        .header(header::CONTENT_TYPE, "text/html; charset=utf-8")
        .header(header::CONTENT_SECURITY_POLICY, PREVIEW_CSP)
        .header(header::CACHE_CONTROL, "no-store")
        .body(html.into_bytes())
        .unwrap_or_else(|_| Response::new(Vec::new()))
}

/// Asks where to save in a dialog titled in the interface language (the dialog itself
/// asks before replacing a file), then renders and writes the file whole. `None`: the
/// user cancelled.
#[tauri::command(async)]
pub fn report_export(
    app: AppHandle,
    state: State<'_, AppState>,
    request: ScopeRequest,
    format: Format,
    title: String,
) -> Result<Option<Exported>> {
    let built = build(&state, &request)?;
    let extension = format.extension();
    let chosen = app
        .dialog()
        .file()
        .set_title(title)
        .set_file_name(format!("{}.{extension}", file_stem(&built.title)))
        .add_filter(extension.to_uppercase(), &[extension])
        .blocking_save_file();
    let Some(path) = chosen.and_then(|p| p.into_path().ok()) else { return Ok(None) };
    let bytes = report::render(&built, format)?;
    report::write_file(&path, &bytes, true)?;
    Ok(Some(Exported { path: path.display().to_string(), bytes: bytes.len(), format }))
}

/// A file name from a report title: the characters no file system accepts dropped.
fn file_stem(title: &str) -> String {
    let stem: String = title
        .chars()
        .map(|c| if c.is_control() || r#"/\:*?"<>|"#.contains(c) { ' ' } else { c })
        .collect::<String>()
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ");
    let stem: String = stem.chars().take(80).collect();
    let stem = stem.trim_matches(['.', ' ']);
    if stem.is_empty() {
        "report".to_owned()
    } else {
        stem.to_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_names_keep_chinese_and_drop_what_file_systems_refuse() {
        assert_eq!(file_stem("大模型融资：2025/Q1 \"观察\""), "大模型融资：2025 Q1 观察");
        assert_eq!(file_stem("../..\n"), "report");
        assert_eq!(file_stem("a*b?c<d>e|f"), "a b c d e f");
        assert_eq!(file_stem(&"长".repeat(200)).chars().count(), 80);
    }

    #[test]
    fn the_preview_is_served_with_its_own_policy() {
        let preview = Preview::default();
        *preview.0.lock().unwrap() = (3, "<h1>报告</h1>".into());
        let response = serve(&preview);
        assert_eq!(response.headers()[header::CONTENT_SECURITY_POLICY], PREVIEW_CSP);
        assert_eq!(response.body(), "<h1>报告</h1>".as_bytes());
        assert!(preview_url(3).ends_with("/3"));
    }
}
