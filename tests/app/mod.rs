//! The desktop app's window, driven over WebDriver.

mod harness;
mod installed;
mod language;
mod library;
mod report;
mod review;
mod webdriver;
mod window;
