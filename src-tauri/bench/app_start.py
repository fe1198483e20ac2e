#!/usr/bin/python3
"""Start-up benchmark of the desktop app against a bare Tauri window built in the same run.

Measures, under Xvfb, the time from process start to first paint (the window shows
drawn content) and the PSS of all the app's processes (app, WebKit web and network
processes) once settled, with a library of N generated articles. Optionally builds
the .deb and reports its size. Prints a Markdown table (and writes it to --out).

Usage: src-tauri/bench/app_start.py [--runs 5] [--articles 10000] [--deb] [--out FILE]
Needs: Xvfb, the system python3 with python3-gi (GTK 3), ui/dist built
(npm --prefix ui run build).
"""

import argparse
import os
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WINDOW = (1200, 780)


def run(cmd, **kw):
    print("+", " ".join(str(c) for c in cmd), file=sys.stderr)
    subprocess.run(cmd, check=True, cwd=ROOT, **kw)


def target_dir() -> Path:
    return Path(os.environ.get("CARGO_TARGET_DIR", ROOT / "target"))


def start_xvfb() -> tuple[subprocess.Popen, str]:
    for n in range(120, 200):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            break
    else:
        sys.exit("no free X display")
    server = subprocess.Popen(
        ["Xvfb", f":{n}", "-screen", "0", "1600x900x24", "-nolisten", "tcp", "-br"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    for _ in range(150):
        if Path(f"/tmp/.X11-unix/X{n}").exists():
            return server, f":{n}"
        time.sleep(0.1)
    sys.exit("Xvfb did not start")


def painted(gdk, root_window) -> bool:
    """The app's window area holds drawn content: not the black root, not a blank fill."""
    pixbuf = gdk.pixbuf_get_from_window(root_window, 0, 0, *WINDOW)
    if pixbuf is None:
        return False
    small = pixbuf.scale_simple(240, 156, 0)  # nearest neighbour
    data = small.get_pixels()
    step = small.get_n_channels()
    stride = small.get_rowstride()
    counts = {}
    for y in range(small.get_height()):
        row = data[y * stride : y * stride + small.get_width() * step]
        for x in range(0, len(row), step):
            px = row[x : x + 3]
            counts[px] = counts.get(px, 0) + 1
    mode, mode_count = max(counts.items(), key=lambda kv: kv[1])
    total = sum(counts.values())
    return mode != b"\x00\x00\x00" and total - mode_count > 100 and len(counts) > 4


def descendants(pid: int) -> list[int]:
    children = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
                ppid = int(stat.rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry.name))
            except (OSError, ValueError, IndexError):
                pass
    out, todo = [], [pid]
    while todo:
        p = todo.pop()
        out.append(p)
        todo.extend(children.get(p, []))
    return out


def pss_kib(pids: list[int]) -> int:
    total = 0
    for pid in pids:
        try:
            for line in Path(f"/proc/{pid}/smaps_rollup").read_text().splitlines():
                if line.startswith("Pss:"):
                    total += int(line.split()[1])
        except OSError:
            pass
    return total


def measure(binary: Path, env: dict, gdk, root_window) -> tuple[float, int, int]:
    start = time.monotonic()
    proc = subprocess.Popen([str(binary)], env=env, start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        while True:
            if proc.poll() is not None:
                sys.exit(f"{binary.name} exited with {proc.returncode} before painting")
            if painted(gdk, root_window):
                first_paint = time.monotonic() - start
                break
            if time.monotonic() - start > 60:
                sys.exit(f"{binary.name} did not paint within 60 s")
            time.sleep(0.01)
        time.sleep(3)  # let both settle before measuring memory
        pids = descendants(proc.pid)
        return first_paint, pss_kib(pids), len(pids)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(5)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        time.sleep(0.5)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--articles", type=int, default=10_000)
    parser.add_argument("--deb", action="store_true", help="also build the .deb and report its size")
    parser.add_argument("--out", help="also write the table to this file")
    parser.add_argument("--profile", choices=["release", "dev"], default="release",
                        help="cargo profile for both apps (dev: dependencies optimised, our crates not)")
    args = parser.parse_args()

    if not (ROOT / "ui/dist/index.html").exists():
        sys.exit("ui/dist is missing: run `npm --prefix ui ci && npm --prefix ui run build` first")
    for tool in ("Xvfb",):
        if shutil.which(tool) is None:
            sys.exit(f"{tool} is missing: apt-get install xvfb")
    run(["cargo", "build", "--profile", args.profile, "--bin", "dossier-app",
         "--example", "bare_window", "--example", "seed_library"])
    out_dir = target_dir() / ("debug" if args.profile == "dev" else "release")
    app, bare, seed = out_dir / "dossier-app", out_dir / "examples/bare_window", out_dir / "examples/seed_library"

    work = Path(tempfile.mkdtemp(prefix="dossier-bench-"))
    try:
        data_dir = work / "data"
        run([str(seed), str(data_dir), str(args.articles)])
        server, display = start_xvfb()
        try:
            os.environ["DISPLAY"] = display
            os.environ["GDK_BACKEND"] = "x11"
            import gi

            gi.require_version("Gdk", "3.0")
            from gi.repository import Gdk

            root_window = Gdk.get_default_root_window()
            env = dict(os.environ, DOSSIER_DATA_DIR=str(data_dir), XDG_DATA_HOME=str(work / "share"),
                       XDG_CACHE_HOME=str(work / "cache"), XDG_CONFIG_HOME=str(work / "config"))
            results = {"bare": [], "app": []}
            measure(bare, env, Gdk, root_window)  # warm the page cache for both
            measure(app, env, Gdk, root_window)
            for i in range(args.runs):
                for name, binary in (("bare", bare), ("app", app)):
                    results[name].append(measure(binary, env, Gdk, root_window))
                    paint, pss, procs = results[name][-1]
                    print(f"run {i + 1} {name}: first paint {paint * 1000:.0f} ms, PSS {pss / 1024:.0f} MiB, {procs} processes",
                          file=sys.stderr)
        finally:
            server.terminate()
            server.wait()

        def median(name, k):
            return statistics.median(r[k] for r in results[name])

        paint_bare, paint_app = median("bare", 0), median("app", 0)
        pss_bare, pss_app = median("bare", 1), median("app", 1)
        lines = [
            "# Desktop app benchmarks",
            "",
            f"Cold start to first paint and memory, Xvfb 1600x900, `{args.profile}` profile, median of {args.runs} runs "
            f"(after one warm-up run each). Dossier opens a library of {args.articles:,} articles; the baseline "
            "is a bare Tauri window (src-tauri/bench/bare_window.rs) built in the same run. "
            f"Command: `src-tauri/bench/app_start.py --profile {args.profile}`.",
            "",
            "| measure | bare window | Dossier | ratio | goal |",
            "|---|---|---|---|---|",
            f"| start to first paint | {paint_bare * 1000:.0f} ms | {paint_app * 1000:.0f} ms | {paint_app / paint_bare:.2f}x | <= 1.2x |",
            f"| PSS, all processes | {pss_bare / 1024:.0f} MiB | {pss_app / 1024:.0f} MiB | {pss_app / pss_bare:.2f}x | <= 1.2x |",
        ]
        if args.deb:
            run(["scripts/bundle.sh"])
            debs = sorted((target_dir() / "release/bundle/deb").glob("*.deb"), key=lambda p: p.stat().st_mtime)
            if not debs:
                sys.exit("tauri build made no .deb")
            size = debs[-1].stat().st_size
            lines.append(f"| .deb size | | {size / 1e6:.1f} MB | | < 15 MB |")
        text = "\n".join(lines) + "\n"
        if args.out:
            Path(args.out).write_text(text)
        print(text)
    finally:
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
