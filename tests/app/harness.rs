//! What an end-to-end test needs around the app: a desktop session of its own (an X
//! server, a D-Bus session bus, a temporary home), tauri-driver with WebKitWebDriver,
//! screenshots, and a real drag source. A missing tool fails the test with a message
//! saying what to install: never a skip.

use std::ffi::OsString;
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
    pub dbus_daemon: PathBuf,
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
            ("dbus-daemon", "apt-get install dbus-daemon"),
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
            dbus_daemon: find_tool("dbus-daemon").unwrap(),
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

/// A user's desktop session: an X server, a D-Bus session bus (the single-instance
/// plugin hands a second launch's files to the running app over it) and an empty
/// home for the app's own data. Everything the app runs with comes from `env()`.
pub struct Desktop {
    pub tools: Tools,
    pub display: String,
    bus_address: String,
    pub home: tempfile::TempDir,
    // Dropped after the fields above are no longer in use: the bus, then the X server.
    _bus: Group,
    _x: Group,
    // One desktop at a time: two WebKit windows and real pointer drags at once on a
    // two-core machine make drags miss their window.
    _alone: std::sync::MutexGuard<'static, ()>,
}

static ONE_DESKTOP: std::sync::Mutex<()> = std::sync::Mutex::new(());

impl Desktop {
    pub fn start() -> Self {
        // A test that failed while holding it leaves it poisoned; the next one still runs.
        let alone = ONE_DESKTOP.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let tools = Tools::require();
        let number = (99..200)
            .find(|n| {
                !Path::new(&format!("/tmp/.X11-unix/X{n}")).exists()
                    && !Path::new(&format!("/tmp/.X{n}-lock")).exists()
            })
            .expect("no free X display number between :99 and :199");
        let display = format!(":{number}");
        let x = spawn_group(
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

        let mut bus = spawn_group(
            Command::new(&tools.dbus_daemon)
                .args(["--session", "--nofork", "--nopidfile", "--print-address=1"])
                .stdout(Stdio::piped())
                .stderr(Stdio::null()),
        );
        let mut bus_address = String::new();
        BufReader::new(bus.0.stdout.take().expect("piped"))
            .read_line(&mut bus_address)
            .expect("dbus-daemon address");
        let bus_address = bus_address.trim().to_owned();
        assert!(!bus_address.is_empty(), "dbus-daemon printed no address");

        let home = tempfile::tempdir().expect("temporary home");
        Self { tools, display, bus_address, home, _bus: bus, _x: x, _alone: alone }
    }

    /// The environment of every program started in this session.
    pub fn env(&self) -> Vec<(&'static str, OsString)> {
        let home = self.home.path();
        vec![
            ("DISPLAY", self.display.clone().into()),
            ("DBUS_SESSION_BUS_ADDRESS", self.bus_address.clone().into()),
            ("HOME", home.into()),
            // WebKit and the app keep their data under these: isolated per test.
            ("XDG_DATA_HOME", home.join("share").into()),
            ("XDG_CACHE_HOME", home.join("cache").into()),
            ("XDG_CONFIG_HOME", home.join("config").into()),
            ("GDK_BACKEND", "x11".into()),
            ("LANG", "en_US.UTF-8".into()),
        ]
    }

    /// `program` as this session's user would start it.
    pub fn command(&self, program: impl AsRef<std::ffi::OsStr>) -> Command {
        let mut command = Command::new(program);
        command.envs(self.env());
        command
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
    /// tauri-driver on a free port; the session's environment, plus `extra`, reaches
    /// the app it starts.
    pub fn start(desktop: &Desktop, extra: &[(&str, &Path)]) -> Self {
        let port = free_port();
        let native = free_port();
        let mut command = desktop.command(&desktop.tools.tauri_driver);
        command
            .arg("--port")
            .arg(port.to_string())
            .arg("--native-port")
            .arg(native.to_string())
            .envs(extra.iter().copied())
            .stdout(Stdio::null())
            .stderr(Stdio::null());
        let driver = spawn_group(&mut command);
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

/// The whole X screen, windows and all (the drop overlay, the drag source): what a
/// user sees. (WebKitWebDriver's own screenshot never returns when WebKit paints
/// without compositing, as the app does on Linux.)
pub fn screenshot_screen(desktop: &Desktop, name: &str) -> PathBuf {
    let path = artifacts_dir().join(name);
    let status = desktop
        .command(&desktop.tools.import)
        .args(["-window", "root"])
        .arg(&path)
        .status()
        .expect("cannot run imagemagick import");
    assert!(status.success(), "import -window root failed for {name}");
    path
}

fn xdotool(desktop: &Desktop, args: &[&str]) {
    let status = desktop.command(&desktop.tools.xdotool).args(args).status().expect("xdotool");
    assert!(status.success(), "xdotool {args:?} failed");
}

/// Presses the real X pointer's button at `from`, moves it to `to` and releases it
/// there, as a user selects text.
pub fn mouse_select(desktop: &Desktop, from: (i32, i32), to: (i32, i32)) {
    let at = |p: (i32, i32)| [p.0.to_string(), p.1.to_string()];
    let [x, y] = at(from);
    xdotool(desktop, &["mousemove", x.as_str(), y.as_str()]);
    std::thread::sleep(Duration::from_millis(200));
    xdotool(desktop, &["mousedown", "1"]);
    for step in 1..=8 {
        let [x, y] = at((from.0 + (to.0 - from.0) * step / 8, from.1 + (to.1 - from.1) * step / 8));
        xdotool(desktop, &["mousemove", x.as_str(), y.as_str()]);
        std::thread::sleep(Duration::from_millis(60));
    }
    xdotool(desktop, &["mouseup", "1"]);
}

/// Waits until a window titled `title` (a native dialog) is shown, and gives it the
/// keyboard: there is no window manager to do that.
pub fn focus_window(desktop: &Desktop, title: &str, timeout: Duration) {
    let deadline = Instant::now() + timeout;
    loop {
        let found = desktop
            .command(&desktop.tools.xdotool)
            .args(["search", "--onlyvisible", "--name", title])
            .output()
            .expect("xdotool");
        let window = String::from_utf8_lossy(&found.stdout).lines().next().map(str::to_owned);
        if let Some(window) = window {
            xdotool(desktop, &["windowfocus", "--sync", &window]);
            return;
        }
        assert!(Instant::now() < deadline, "timed out waiting for the window \"{title}\"");
        std::thread::sleep(Duration::from_millis(100));
    }
}

/// Waits until the file at `path` exists and is no longer growing (written whole).
pub fn wait_for_file(path: &Path, timeout: Duration) {
    let mut last = None;
    wait_until(&format!("{} to be written", path.display()), timeout, || {
        let size = std::fs::metadata(path).map(|m| m.len()).ok();
        let settled = size.is_some_and(|s| s > 0) && size == last;
        last = size;
        settled
    });
}

/// Types `text` on the real keyboard into whatever has the focus (a native dialog too).
pub fn type_text(desktop: &Desktop, text: &str) {
    xdotool(desktop, &["type", "--delay", "30", text]);
}

/// Presses and releases keys on the real keyboard, e.g. `["ctrl+a", "Return"]`.
pub fn keys(desktop: &Desktop, keys: &[&str]) {
    let mut args = vec!["key", "--delay", "100"];
    args.extend_from_slice(keys);
    xdotool(desktop, &args);
}

/// Moves the real pointer to a screen point (nothing pressed).
pub fn mouse_move(desktop: &Desktop, to: (i32, i32)) {
    xdotool(desktop, &["mousemove", &to.0.to_string(), &to.1.to_string()]);
}

/// Drags `files` from a GTK drag source window at `from` onto the screen point `to`
/// with the real X pointer, and calls `while_over` before releasing the button.
pub fn drag_files(
    desktop: &Desktop,
    files: &[PathBuf],
    from: (i32, i32),
    to: (i32, i32),
    while_over: impl FnOnce(),
) {
    let mut source = Command::new(SYSTEM_PYTHON)
        .arg(fixture("drag_source.py"))
        .args([(from.0 - 40).to_string(), (from.1 - 40).to_string()])
        .args(files)
        .envs(desktop.env())
        .stdout(Stdio::piped())
        .spawn()
        .expect("cannot start the drag source");
    let mut line = String::new();
    BufReader::new(source.stdout.take().unwrap()).read_line(&mut line).expect("drag source output");
    assert_eq!(line.trim(), "ready", "the drag source window did not appear");
    std::thread::sleep(Duration::from_millis(500));

    let point = |p: (i32, i32)| [p.0.to_string(), p.1.to_string()];
    let [fx, fy] = point(from);
    xdotool(desktop, &["mousemove", fx.as_str(), fy.as_str()]);
    std::thread::sleep(Duration::from_millis(300));
    xdotool(desktop, &["mousedown", "1"]);
    // Move in steps: GTK starts a drag only after the pointer passes its threshold.
    for step in 1..=12 {
        let x = from.0 + (to.0 - from.0) * step / 12;
        let y = from.1 + (to.1 - from.1) * step / 12;
        let [sx, sy] = point((x, y));
        xdotool(desktop, &["mousemove", sx.as_str(), sy.as_str()]);
        std::thread::sleep(Duration::from_millis(80));
    }
    std::thread::sleep(Duration::from_millis(600));
    while_over();
    xdotool(desktop, &["mouseup", "1"]);

    let deadline = Instant::now() + Duration::from_secs(10);
    while source.try_wait().ok().flatten().is_none() && Instant::now() < deadline {
        std::thread::sleep(Duration::from_millis(100));
    }
    let _ = source.kill();
    let _ = source.wait();
}
