//! The desktop shell: builds the Tauri app over dossier-core.

pub fn run() {
    tauri::Builder::default()
        .run(tauri::generate_context!())
        .expect("error while running the Dossier window");
}
