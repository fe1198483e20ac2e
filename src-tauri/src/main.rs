// Keeps a console window from opening beside the app on Windows release builds.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

use std::process::ExitCode;

fn main() -> ExitCode {
    // `dossier-app --cli ARGS` is the `dossier` command line: the Linux packages ship
    // one binary for both and a `dossier` script that runs this.
    if std::env::args_os().nth(1).is_some_and(|a| a == "--cli") {
        return dossier_cli::main(std::iter::once("dossier".into()).chain(std::env::args_os().skip(2)));
    }
    // WebKitGTK composites every page through its accelerated path by default: for
    // this window of lists and text that costs about 90 MB in the web process and is
    // what leaves windows blank on some graphics drivers. Painting without it is
    // plenty here. A value the user set beforehand is left alone.
    #[cfg(target_os = "linux")]
    if std::env::var_os("WEBKIT_DISABLE_COMPOSITING_MODE").is_none() {
        std::env::set_var("WEBKIT_DISABLE_COMPOSITING_MODE", "1");
    }
    dossier_app::run();
    ExitCode::SUCCESS
}
