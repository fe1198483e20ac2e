//! A fuzzing campaign on stable Rust: mutation of kept inputs and structured generation
//! (`arbitrary`) of HTML trees, Word packages and market-news text, run through each
//! importer and the extractor exactly as the app runs them (`targets.rs`).
//!
//!     cargo run -p dossier-core --no-default-features --example fuzz -- TARGET [--execs N] [--seed S]
//!
//! TARGET is one of text, markdown, html, html-tree, pdf, docx, docx-tree, extract.
//! Inputs that answer in a new way (a new error, a first success) join
//! `fuzz/corpus/TARGET/`; panics, broken output promises, inputs slower than the
//! target's bound and hangs go to `fuzz/crashers/TARGET/`. The test suite replays both
//! folders (`tests/fuzz_corpus.rs`). The campaign runs in a child process that the
//! parent restarts if it dies (a stack overflow aborts): the input it was on is kept.

mod generate;
mod targets;

use std::collections::HashSet;
use std::io::Write;
use std::panic::{catch_unwind, AssertUnwindSafe};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use arbitrary::Unstructured;
use sha2::{Digest, Sha256};

use targets::Target;

/// Inputs kept per target: enough to replay every kind of answer seen, few enough to
/// keep the repository small.
const MAX_KEPT: usize = 120;
/// Largest input kept in the repository.
const MAX_KEPT_BYTES: usize = 64 * 1024;
/// An input taking longer than this is a finding; the importers' own budget is far
/// above it, so this catches a cliff long before a user would wait on one.
const SLOW: Duration = Duration::from_secs(10);
/// An input still running after this is a hang: the campaign stops and keeps it.
const HANG: Duration = Duration::from_secs(120);

struct Args {
    target: Target,
    execs: u64,
    seed: u64,
    child: bool,
}

fn args() -> Args {
    let argv: Vec<String> = std::env::args().skip(1).collect();
    let value = |flag: &str| argv.iter().position(|a| a == flag).and_then(|i| argv.get(i + 1)).cloned();
    let names: Vec<&str> = Target::ALL.iter().map(|t| t.name()).collect();
    let target = argv
        .first()
        .and_then(|n| Target::ALL.into_iter().find(|t| t.name() == n))
        .unwrap_or_else(|| panic!("usage: fuzz TARGET [--execs N] [--seed S]; TARGET is one of {names:?}"));
    Args {
        target,
        execs: value("--execs").map_or(1_000_000, |v| v.replace('_', "").parse().expect("--execs N")),
        seed: value("--seed").map_or(1, |v| v.parse().expect("--seed S")),
        child: argv.iter().any(|a| a == "--child"),
    }
}

fn fuzz_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz")
}

fn work_dir(target: Target) -> PathBuf {
    let dir = fuzz_dir().join("out").join(target.name());
    std::fs::create_dir_all(&dir).expect("fuzz/out");
    dir
}

fn main() {
    let args = args();
    if args.child {
        child(&args);
    } else {
        supervise(&args);
    }
}

/// Runs the campaign in child processes until `execs` inputs have run, restarting a
/// child that dies and keeping the input it died on.
fn supervise(args: &Args) {
    let work = work_dir(args.target);
    let started = Instant::now();
    let (mut done, mut seed, mut deaths) = (0u64, args.seed, 0usize);
    while done < args.execs {
        let _ = std::fs::remove_file(work.join("stats"));
        let status = Command::new(std::env::current_exe().expect("own path"))
            .args([args.target.name(), "--child", "--execs", &(args.execs - done).to_string()])
            .args(["--seed", &seed.to_string()])
            .status()
            .expect("start the campaign");
        done += std::fs::read_to_string(work.join("stats"))
            .ok()
            .and_then(|s| s.split_whitespace().next()?.parse().ok())
            .unwrap_or(0);
        if !status.success() {
            deaths += 1;
            let input = std::fs::read(work.join("current")).unwrap_or_default();
            let kept = keep(&fuzz_dir().join("crashers").join(args.target.name()), "died", &input);
            eprintln!("the campaign died ({status}) on an input, kept as {}", kept.display());
        }
        seed += 1;
    }
    println!(
        "{}: {done} executions in {:.0} s, {deaths} process deaths",
        args.target.name(),
        started.elapsed().as_secs_f64()
    );
}

fn child(args: &Args) {
    let target = args.target;
    let work = work_dir(target);
    let corpus_dir = fuzz_dir().join("corpus").join(target.name());
    let crash_dir = fuzz_dir().join("crashers").join(target.name());
    let mut rng = fastrand::Rng::with_seed(args.seed);
    // Panics are counted and kept, not printed one by one.
    std::panic::set_hook(Box::new(|_| {}));

    let mut pool: Vec<Vec<u8>> = seeds(target);
    let mut answers: HashSet<String> = HashSet::new();
    let mut findings: HashSet<String> = HashSet::new();
    let mut kept = 0usize;
    for path in target.kept(&fuzz_dir()) {
        let input = std::fs::read(&path).unwrap_or_default();
        if let Ok(Ok(answer)) = catch_unwind(|| target.run(&input)) {
            answers.insert(answer);
        }
        kept += usize::from(path.starts_with(&corpus_dir));
        pool.push(input);
    }

    let started_at = Arc::new(AtomicU64::new(u64::MAX));
    let clock = Instant::now();
    watchdog(Arc::clone(&started_at), clock, work.join("current"), crash_dir.clone());
    let mut current = std::fs::File::create(work.join("current")).expect("fuzz/out/current");
    let (mut execs, mut found, mut last_stats) = (0u64, 0usize, Instant::now());
    while execs < args.execs {
        let input = next_input(target, &pool, &mut rng);
        // Kept where the supervisor finds it if this input kills the process.
        current.set_len(0).and_then(|_| std::io::Seek::rewind(&mut current)).expect("rewind");
        current.write_all(&input).expect("write current");
        started_at.store(clock.elapsed().as_millis() as u64, Ordering::SeqCst);
        let t = Instant::now();
        let outcome = catch_unwind(AssertUnwindSafe(|| target.run(&input)));
        let took = t.elapsed();
        started_at.store(u64::MAX, Ordering::SeqCst);
        execs += 1;
        let finding = match outcome {
            Err(panic) => Some(format!("panic: {}", panic_message(&*panic))),
            Ok(Err(broken)) => Some(broken),
            Ok(Ok(_)) if took > SLOW => Some(format!("slow: {:.1} s", took.as_secs_f64())),
            Ok(Ok(answer)) => {
                if answers.insert(answer.clone()) && kept < MAX_KEPT && input.len() <= MAX_KEPT_BYTES {
                    keep(&corpus_dir, "answer", &input);
                    kept += 1;
                    pool.push(input.clone());
                }
                None
            }
        };
        if let Some(finding) = finding {
            found += 1;
            let kind: String = finding.chars().filter(|c| !c.is_ascii_digit()).take(120).collect();
            if findings.insert(kind) {
                let path = keep(&crash_dir, "finding", &input);
                eprintln!("{}: {finding} ({})", target.name(), path.display());
            }
        }
        if last_stats.elapsed() > Duration::from_secs(5) || execs == args.execs {
            last_stats = Instant::now();
            let stats = format!("{execs} {:.1} {found}\n", clock.elapsed().as_secs_f64());
            std::fs::write(work.join("stats"), stats).expect("fuzz/out/stats");
        }
    }
}

/// A mutation of a kept input, or for the structured targets often a fresh document.
fn next_input(target: Target, pool: &[Vec<u8>], rng: &mut fastrand::Rng) -> Vec<u8> {
    let generator: Option<fn(&mut Unstructured) -> arbitrary::Result<Vec<u8>>> = match target {
        Target::HtmlTree => Some(generate::html),
        Target::DocxTree => Some(generate::docx),
        Target::Extract => Some(generate::news_text),
        _ => None,
    };
    if let Some(generator) = generator.filter(|_| pool.is_empty() || rng.bool()) {
        let entropy: Vec<u8> = (0..rng.usize(16..4096)).map(|_| rng.u8(..)).collect();
        if let Ok(input) = generator(&mut Unstructured::new(&entropy)) {
            return input;
        }
    }
    let pick =
        |rng: &mut fastrand::Rng| pool.get(rng.usize(0..pool.len().max(1))).cloned().unwrap_or_default();
    let (base, other) = (pick(rng), pick(rng));
    generate::mutate(&base, &other, rng)
}

/// The project's own files of a target's format, as the first inputs to mutate.
fn seeds(target: Target) -> Vec<Vec<u8>> {
    let fixtures = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures");
    let extensions: &[&str] = match target {
        Target::Text => &["txt"],
        Target::Markdown => &["md"],
        Target::Html => &["html"],
        Target::Pdf => &["pdf"],
        Target::Docx => &["docx"],
        Target::Extract => &["txt"],
        Target::HtmlTree | Target::DocxTree => &[],
    };
    let dirs = ["import-text", "import-binary", "bad", "extract", "app"];
    dirs.iter()
        .flat_map(|d| std::fs::read_dir(fixtures.join(d)).into_iter().flatten())
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().and_then(|e| e.to_str()).is_some_and(|e| extensions.contains(&e)))
        .filter_map(|p| std::fs::read(p).ok())
        .collect()
}

/// Stops the campaign when one input runs past [`HANG`], keeping that input.
fn watchdog(started_at: Arc<AtomicU64>, clock: Instant, current: PathBuf, crash_dir: PathBuf) {
    std::thread::spawn(move || loop {
        std::thread::sleep(Duration::from_secs(1));
        let started = started_at.load(Ordering::SeqCst);
        if started != u64::MAX && clock.elapsed().as_millis() as u64 - started > HANG.as_millis() as u64 {
            let input = std::fs::read(&current).unwrap_or_default();
            let path = keep(&crash_dir, "hang", &input);
            eprintln!("hang: an input ran over {} s, kept as {}", HANG.as_secs(), path.display());
            std::process::exit(3);
        }
    });
}

fn keep(dir: &Path, kind: &str, input: &[u8]) -> PathBuf {
    std::fs::create_dir_all(dir).expect("fuzz folder");
    let hash: String = Sha256::digest(input).iter().take(8).map(|b| format!("{b:02x}")).collect();
    let path = dir.join(format!("{kind}-{hash}"));
    std::fs::write(&path, input).expect("keep an input");
    path
}

fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_else(|| "a panic".into())
}
