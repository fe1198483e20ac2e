//! What an end-to-end test needs around the app: an X server (Xvfb), tauri-driver
//! with WebKitWebDriver, a temporary data folder, screenshots, and a real drag source.
//! A missing tool fails the test with a message saying what to install: never a skip.

use std::io::{BufRead, BufReader};
use std::net::TcpListener;
use std::os::unix::process::CommandExt;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const SCREEN: (u32, u32) = (1600, 900);

/// The distribution's Python, which python3-gi installs GTK for (a python3 earlier on
/// PATH, from pyenv or a virtualenv, usually lacks it).
const SYSTEM_PYTHON: &str = "/usr/bin/python3";

/// Finds `name` on PATH (or in Cargo's bin folder, where `cargo install` puts it).
fn find_tool(name: &str) -> Option<PathBuf> {
    let cargo_bin = std::env::var_os("CARGO_HOME")
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cargo")))
        .map(|c| c.join("bin"));
    std::env::var_os("PATH")
        .map(|p| std::env::split_paths(&p).collect::<Vec<_>>())
        .unwrap_or_default()
        .into_iter()
        .chain(cargo_bin)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

pub struct Tools {
    pub xvfb: PathBuf,
    pub tauri_driver: PathBuf,
    pub xdotool: PathBuf,
    pub import: PathBuf,
}

impl Tools {
    /// All tools, or a panic that names every missing one and how to get it.
    pub fn require() -> Self {
        let wanted = [
            ("Xvfb", "apt-get install xvfb xauth"),
            ("tauri-driver", "cargo install tauri-driver --locked"),
            ("WebKitWebDriver", "apt-get install webkit2gtk-driver"),
            ("xdotool", "apt-get install xdotool"),
            ("import", "apt-get install imagemagick"),
        ];
        let missing: Vec<String> = wanted
            .iter()
            .filter(|(name, _)| find_tool(name).is_none())
            .map(|(name, fix)| format!("  {name}: {fix}"))
            .collect();
        let gtk = Command::new(SYSTEM_PYTHON)
            .args(["-c", "import gi; gi.require_version('Gtk', '3.0'); from gi.repository import Gtk"])
            .stderr(Stdio::null())
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            missing.is_empty() && gtk,
            "end-to-end tests need these tools, which are missing:\n{}{}",
            missing.join("\n"),
            if gtk {
                ""
            } else {
                "\n  GTK for the system's python3: apt-get install python3-gi gir1.2-gtk-3.0"
            }
        );
        Self {
            xvfb: find_tool("Xvfb").unwrap(),
            tauri_driver: find_tool("tauri-driver").unwrap(),
            xdotool: find_tool("xdotool").unwrap(),
            import: find_tool("import").unwrap(),
        }
    }
}

/// Stops a child's whole process group (tauri-driver spawns WebKitWebDriver, which
/// would otherwise linger and answer the next run on the same port).
struct Group(Child);

impl Group {
    /// Signals the whole group by its (negative) id. Not through the `kill` command:
    /// procps-ng 4.0.2's reads `kill -TERM -PID` as PID -1, which is every process.
    fn signal(&self, signal: libc::c_int) {
        // Never 0 or 1 (the caller's group, every process), whatever the id says.
        let Ok(group @ 2..) = libc::pid_t::try_from(self.0.id()) else { return };
        // SAFETY: kill(2) takes plain integers; a negative id addresses one group.
        unsafe { libc::kill(-group, signal) };
    }
}

impl Drop for Group {
    fn drop(&mut self) {
        self.signal(libc::SIGTERM);
        let deadline = Instant::now() + Duration::from_secs(5);
        while Instant::now() < deadline {
            if let Ok(Some(_)) = self.0.try_wait() {
                return;
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        self.signal(libc::SIGKILL);
        let _ = self.0.wait();
    }
}

fn spawn_group(command: &mut Command) -> Group {
    Group(command.process_group(0).spawn().unwrap_or_else(|e| panic!("cannot start {command:?}: {e}")))
}

pub struct Xvfb {
    _server: Group,
    pub display: String,
}

impl Xvfb {
    pub fn start(tools: &Tools) -> Self {
        let number = (99..200)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .expect("no free X display number between :99 and :199");
        let display = format!(":{number}");
        let server = spawn_group(
            Command::new(&tools.xvfb)
                .arg(&display)
                .args(["-screen", "0"])
                .arg(format!("{}x{}x24", SCREEN.0, SCREEN.1))
                .args(["-nolisten", "tcp"])
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        );
        let socket = format!("/tmp/.X11-unix/X{number}");
        wait_until("Xvfb to accept connections", Duration::from_secs(15), || Path::new(&socket).exists());
        Self { _server: server, display }
    }
}

pub struct Driver {
    _driver: Group,
    pub port: u16,
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").and_then(|l| l.local_addr()).map(|a| a.port()).expect("no free TCP port")
}

impl Driver {
    /// tauri-driver on a free port; its environment (display, data folder) reaches the app.
    pub fn start(tools: &Tools, display: &str, data_dir: &Path, home: &Path) -> Self {
        let port = free_port();
        let native = free_port();
        let driver = spawn_group(
            Command::new(&tools.tauri_driver)
                .arg("--port")
                .arg(port.to_string())
                .arg("--native-port")
                .arg(native.to_string())
                .env("DISPLAY", display)
                .env("DOSSIER_DATA_DIR", data_dir)
                .env("XDG_DATA_HOME", home.join("share"))
                .env("XDG_CACHE_HOME", home.join("cache"))
                .env("XDG_CONFIG_HOME", home.join("config"))
                .env("GDK_BACKEND", "x11")
                .env("LANG", "en_US.UTF-8")
                .stdout(Stdio::null())
                .stderr(Stdio::null()),
        );
        wait_until("tauri-driver to listen", Duration::from_secs(20), || {
            std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
        });
        Self { _driver: driver, port }
    }
}

pub fn wait_until(what: &str, timeout: Duration, mut ready: impl FnMut() -> bool) {
    let deadline = Instant::now() + timeout;
    while !ready() {
        assert!(Instant::now() < deadline, "timed out waiting for {what}");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// The gitignored folder where screenshots go for people to look at.
pub fn artifacts_dir() -> PathBuf {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("artifacts/e2e");
    std::fs::create_dir_all(&dir).expect("cannot create artifacts/e2e");
    dir
}

pub fn fixture(name: &str) -> PathBuf {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/app").join(name);
    assert!(path.exists(), "missing test fixture {}", path.display());
    path
}

/// The whole X screen, windows and all (the drop overlay, the drag source).
pub fn screenshot_screen(tools: &Tools, display: &str, name: &str) -> PathBuf {
    let path = artifacts_dir().join(name);
    let status = Command::new(&tools.import)
        .args(["-window", "root"])
        .arg(&path)
        .env("DISPLAY", display)
        .status()
        .expect("cannot run imagemagick import");
    assert!(status.success(), "import -window root failed for {name}");
    path
}

fn xdotool(tools: &Tools, display: &str, args: &[&str]) {
    let status = Command::new(&tools.xdotool).args(args).env("DISPLAY", display).status().expect("xdotool");
    assert!(status.success(), "xdotool {args:?} failed");
}

/// Drags `files` from a GTK drag source window at `from` onto the screen point `to`
/// with the real X pointer, and calls `while_over` before releasing the button.
pub fn drag_files(
    tools: &Tools,
    display: &str,
    files: &[PathBuf],
    from: (i32, i32),
    to: (i32, i32),
    while_over: impl FnOnce(),
) {
    let mut source = Command::new(SYSTEM_PYTHON)
        .arg(fixture("drag_source.py"))
        .args([(from.0 - 40).to_string(), (from.1 - 40).to_string()])
        .args(files)
        .env("DISPLAY", display)
        .env("GDK_BACKEND", "x11")
        .stdout(Stdio::piped())
        .spawn()
        .expect("cannot start the drag source");
    let mut line = String::new();
    BufReader::new(source.stdout.take().unwrap()).read_line(&mut line).expect("drag source output");
    assert_eq!(line.trim(), "ready", "the drag source window did not appear");
    std::thread::sleep(Duration::from_millis(500));

    let point = |p: (i32, i32)| [p.0.to_string(), p.1.to_string()];
    let [fx, fy] = point(from);
    xdotool(tools, display, &["mousemove", fx.as_str(), fy.as_str()]);
    std::thread::sleep(Duration::from_millis(300));
    xdotool(tools, display, &["mousedown", "1"]);
    // Move in steps: GTK starts a drag only after the pointer passes its threshold.
    for step in 1..=12 {
        let x = from.0 + (to.0 - from.0) * step / 12;
        let y = from.1 + (to.1 - from.1) * step / 12;
        let [sx, sy] = point((x, y));
        xdotool(tools, display, &["mousemove", sx.as_str(), sy.as_str()]);
        std::thread::sleep(Duration::from_millis(80));
    }
    std::thread::sleep(Duration::from_millis(600));
    while_over();
    xdotool(tools, display, &["mouseup", "1"]);

    let deadline = Instant::now() + Duration::from_secs(10);
    while source.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = source.kill();
    let _ = source.wait();
}
