//! The desktop app's window, driven over WebDriver.

mod harness;
mod webdriver;
mod window;
