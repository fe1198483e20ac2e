//! The smallest Tauri window, built with the same crates and profile as the app:
//! the baseline that `src-tauri/bench/app_start.py` measures Dossier against.

fn main() {
    tauri::Builder::default()
        .run(tauri::generate_context!("src-tauri/bench/bare/tauri.conf.json"))
        .expect("the bare window failed to start");
}
