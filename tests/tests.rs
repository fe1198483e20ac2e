//! End-to-end tests of the real app window: Xvfb, tauri-driver and WebKitWebDriver
//! drive the built `dossier-app` binary.

mod app;
