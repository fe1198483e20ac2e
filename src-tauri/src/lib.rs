//! The desktop shell: builds the Tauri app over dossier-core. Domain logic stays in
//! the core; this crate holds window setup, app state, thin commands and events.

mod commands;
mod importing;
mod samples;
mod state;

use tauri::{DragDropEvent, Manager, WindowEvent};

use state::{data_dir, AppState};

pub fn run() {
    tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .setup(|app| {
            let state = AppState::open(data_dir()?)?;
            app.manage(state);
            Ok(())
        })
        // The shell, not the webview, receives dropped paths and reads those files: the
        // webview never names a path, so it needs no file-system permission at all.
        .on_window_event(|window, event| {
            if let WindowEvent::DragDrop(DragDropEvent::Drop { paths, .. }) = event {
                importing::start(window.app_handle().clone(), paths.clone());
            }
        })
        .invoke_handler(tauri::generate_handler![
            commands::library_info,
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
        ])
        .run(tauri::generate_context!())
        .expect("error while running the Dossier window");
}
