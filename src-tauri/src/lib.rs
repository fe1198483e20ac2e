//! The desktop shell: builds the Tauri app over dossier-core. Domain logic stays in
//! the core; this crate holds window setup, app state, thin commands and events.

mod commands;
mod importing;
mod language;
mod opening;
mod report;
mod review;
mod samples;
mod state;

use tauri::webview::PageLoadEvent;
use tauri::{DragDropEvent, Manager, WindowEvent};

use state::{data_dir, AppState};

/// Set (to anything) to make the app quit once its window has loaded the interface:
/// the start-and-quit check of installed builds (scripts/smoke-test.sh).
pub const EXIT_WHEN_LOADED_VAR: &str = "DOSSIER_EXIT_WHEN_LOADED";

pub fn run() {
    if let Ok(dir) = data_dir() {
        language::apply_saved(&dir);
    }
    tauri::Builder::default()
        // Managed before anything can arrive: what the system opens before `setup` waits here.
        .manage(opening::Inbox::default())
        // First: a second launch (opening a file from the file manager) hands its
        // arguments to the running app instead of opening a second window.
        .plugin(tauri_plugin_single_instance::init(|app, args, cwd| {
            opening::receive(app, opening::from_args(args.into_iter().skip(1).map(Into::into), cwd.as_ref()));
            if let Some(window) = app.get_webview_window("main") {
                let _ = window.set_focus();
            }
        }))
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let state = AppState::open(data_dir()?)?;
            app.manage(state);
            app.manage(report::Preview::default());
            importing::reextract_stale(app.handle().clone());
            let cwd = std::env::current_dir().unwrap_or_default();
            // Last: the library is open, so what was opened meanwhile can be shown.
            opening::ready(app.handle(), opening::from_args(std::env::args_os().skip(1), &cwd));
            Ok(())
        })
        .on_page_load(|webview, payload| {
            if payload.event() == PageLoadEvent::Finished && std::env::var_os(EXIT_WHEN_LOADED_VAR).is_some()
            {
                webview.app_handle().exit(0);
            }
        })
        // The shell, not the webview, receives dropped paths and reads those files: the
        // webview never names a path, so it needs no file-system permission at all.
        .register_uri_scheme_protocol(report::SCHEME, |ctx, _request| {
            report::serve(&ctx.app_handle().state::<report::Preview>())
        })
        .on_window_event(|window, event| {
            if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
                importing::start(window.app_handle().clone(), paths.clone());
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::library_info,
            commands::library_backup,
            commands::library_load_samples,
            commands::articles_list,
            commands::articles_count,
            commands::articles_get,
            commands::outlets_list,
            commands::search_query,
            commands::collections_list,
            commands::collections_create,
            commands::collections_add_article,
            commands::import_choose,
            commands::articles_take_opened,
            review::facts_list,
            review::facts_metrics,
            review::facts_review,
            review::facts_edit,
            review::facts_create,
            review::annotations_list,
            review::annotations_create,
            review::annotations_update,
            review::annotations_delete,
            review::annotations_undo,
            review::annotations_redo,
            review::tags_list,
            review::tags_rename,
            review::tags_delete,
            review::entities_list,
            review::entities_facts,
            review::entities_add,
            review::entities_rename,
            review::entities_alias,
            review::entities_merge,
            review::entities_delete,
            report::report_preview,
            report::report_export,
            language::settings_language,
        ])
        .build(tauri::generate_context!())
        .expect("error while building the Dossier window")
        .run(|_app, _event| {
            // macOS hands opened files and links to the app as an event, not as arguments,
            // and on a cold start before `Ready`: the inbox keeps them until `setup` is done.
            #[cfg(target_os = "macos")]
            if let tauri::RunEvent::Opened { urls } = _event {
                let mut opened = opening::Opened::default();
                urls.iter().for_each(|u| opened.add_url(u));
                opening::receive(_app, opened);
            }
        });
}
