//! The interface language, which the webview picks (the system's, or the user's choice),
//! also for what GTK draws itself: the Open and Save dialogs' buttons, places and
//! columns. GTK takes its language once, as it starts, from the environment; so the
//! language the interface last used is kept beside the library and given to GTK at the
//! next start. The dialogs' titles come from the interface with each request.

use std::path::Path;

use dossier_core::report::Language;
use dossier_core::{Error, Reason, Result};
use tauri::State;

use crate::state::AppState;

/// The file in the data folder that holds "zh" or "en".
const FILE: &str = "interface-language";

/// gettext's language list (`LANGUAGE`) for an interface language.
fn gettext_languages(language: Language) -> &'static str {
    match language {
        Language::Zh => "zh_CN:zh",
        Language::En => "en",
    }
}

fn saved(data_dir: &Path) -> Option<Language> {
    match std::fs::read_to_string(data_dir.join(FILE)).ok()?.trim() {
        "zh" => Some(Language::Zh),
        "en" => Some(Language::En),
        _ => None,
    }
}

/// Before GTK starts (while the process has one thread): its translations follow the
/// language the interface last used. WebKit's `navigator.languages` follows it too, so
/// the interface starts in the same language.
pub fn apply_saved(data_dir: &Path) {
    if let Some(language) = saved(data_dir) {
        std::env::set_var("LANGUAGE", gettext_languages(language));
    }
}

/// The interface now speaks `language`: the next start gives it to GTK.
#[tauri::command(async)]
pub fn settings_language(state: State<'_, AppState>, language: Language) -> Result<()> {
    if saved(&state.data_dir) == Some(language) {
        return Ok(());
    }
    std::fs::write(state.data_dir.join(FILE), language.code())
        .map_err(|e| Error::from(Reason::LanguageNotKept { detail: e.to_string() }))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_saved_language_is_what_gtk_is_given() {
        let dir = tempfile::tempdir().unwrap();
        assert_eq!(saved(dir.path()), None);
        std::fs::write(dir.path().join(FILE), "zh\n").unwrap();
        assert_eq!(saved(dir.path()).map(gettext_languages), Some("zh_CN:zh"));
        std::fs::write(dir.path().join(FILE), "fr").unwrap();
        assert_eq!(saved(dir.path()), None, "only a language the interface has");
    }
}
