//! Importing into a library: folders, duplicates, and a corpus of bad input that
//! must each give a clear reason and change nothing.

use std::path::{Path, PathBuf};

use dossier_core::import::Limits;
use dossier_core::ingest;
use dossier_core::operations::import::{self, ImportOptions, ImportReport, OutcomeStatus};
use dossier_core::{Create, ErrorKind, Library, Reason};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");

fn import(library: &mut Library, paths: &[PathBuf], limits: &Limits) -> ImportReport {
    let options = ImportOptions { limits: limits.clone(), collection: None };
    import::import_paths(library, paths, &options, &mut |_| {}).unwrap()
}

/// Every row of every table (FTS shadow tables included), to prove nothing changed.
fn snapshot(library: &Library) -> Vec<String> {
    let conn = library.conn();
    let mut stmt = conn.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").unwrap();
    let tables: Vec<String> = stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect();
    let mut rows = Vec::new();
    for table in tables {
        let mut stmt = conn.prepare(&format!("SELECT * FROM \"{table}\"")).unwrap();
        let columns = stmt.column_count();
        let mut q = stmt.query([]).unwrap();
        while let Some(row) = q.next().unwrap() {
            let values: Vec<String> =
                (0..columns).map(|i| format!("{:?}", row.get_ref(i).unwrap())).collect();
            rows.push(format!("{table}: {}", values.join(" | ")));
        }
    }
    rows
}

fn write(dir: &Path, name: &str, bytes: &[u8]) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

#[test]
fn folders_import_recursively_with_duplicates_and_skips() {
    let dir = tempfile::tempdir().unwrap();
    let nested = dir.path().join("2025/02");
    std::fs::create_dir_all(&nested).unwrap();
    write(
        dir.path(),
        "a.txt",
        "Chip stocks rally\n\nThe semiconductor ETF rose 3.39% on Wednesday.".as_bytes(),
    );
    write(&nested, "b.md", "# 智谱完成融资\n\n智谱AI完成新一轮30亿元人民币融资。".as_bytes());
    write(
        &nested,
        "copy.txt",
        "Chip stocks rally\n\nThe semiconductor ETF rose 3.39% on Wednesday.".as_bytes(),
    );
    write(&nested, "photo.jpg", b"\xff\xd8\xff\xe0 not an article");
    write(&nested, ".hidden.txt", b"hidden files are left alone");

    let lib_dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&lib_dir.path().join("library.sqlite"), Create::IfMissing).unwrap();
    let report = import(&mut library, &[dir.path().to_owned()], &Limits::default());
    assert_eq!(report.count(OutcomeStatus::Imported), 2, "{report:#?}");
    assert_eq!(report.count(OutcomeStatus::Duplicate), 1, "{report:#?}");
    assert_eq!(report.count(OutcomeStatus::Failed), 0, "{report:#?}");
    assert_eq!(report.skipped, 2);

    // Importing again changes nothing: every file is already there.
    let before = snapshot(&library);
    let again = import(&mut library, &[dir.path().to_owned()], &Limits::default());
    assert_eq!(again.count(OutcomeStatus::Duplicate), 3);
    assert_eq!(snapshot(&library), before);
    assert_eq!(library.check(), Vec::<String>::new());
}

/// One bad input: its path and words the reason must contain.
struct Bad {
    path: PathBuf,
    reason: &'static str,
}

fn generated_bad_inputs(dir: &Path) -> Vec<Bad> {
    let mut bad = vec![
        Bad { path: write(dir, "empty.txt", b""), reason: "empty" },
        Bad { path: write(dir, "over-limit.txt", &vec![b'a'; 4096]), reason: "over the limit" },
        Bad { path: write(dir, "notes.xyz", b"plain words"), reason: "unsupported" },
        Bad { path: dir.join("missing.txt"), reason: "no such file" },
    ];
    let folder = dir.join("a-folder.txt");
    std::fs::create_dir(&folder).unwrap();
    std::fs::write(folder.join("inner.bin"), b"\x00\x01").unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::symlink;
        let dangling = dir.join("dangling.txt");
        symlink(dir.join("gone.txt"), &dangling).unwrap();
        bad.push(Bad { path: dangling, reason: "no such file" });

        let fifo = dir.join("pipe.txt");
        let status = std::process::Command::new("mkfifo").arg(&fifo).status().expect("mkfifo runs");
        assert!(status.success());
        bad.push(Bad { path: fifo, reason: "not a regular file" });
    }
    #[cfg(target_os = "linux")]
    // Unreadable even for root: reading a process's memory at offset 0 fails.
    bad.push(Bad { path: PathBuf::from("/proc/self/mem"), reason: "cannot read" });
    bad
}

#[test]
fn bad_input_gets_a_clear_reason_and_changes_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let mut cases = generated_bad_inputs(dir.path());
    let corpus = Path::new(FIXTURES).join("bad");
    let mut fixture_files: Vec<PathBuf> =
        std::fs::read_dir(&corpus).expect("tests/fixtures/bad exists").map(|e| e.unwrap().path()).collect();
    fixture_files.sort();
    for path in fixture_files.into_iter().filter(|p| !p.ends_with("README.md")) {
        cases.push(Bad { path, reason: "" });
    }

    let lib_dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&lib_dir.path().join("library.sqlite"), Create::IfMissing).unwrap();
    ingest::import_bytes(
        &mut library,
        "Existing article\n\nIt stays as it is.".as_bytes(),
        "a.txt",
        &Limits::default(),
    )
    .unwrap();
    let before = snapshot(&library);
    let limits = Limits { max_file_bytes: 2048, ..Limits::default() };
    let mut failures = Vec::new();
    for case in &cases {
        let report = import(&mut library, std::slice::from_ref(&case.path), &limits);
        let failed: Vec<_> = report.outcomes.iter().filter(|o| o.status == OutcomeStatus::Failed).collect();
        let imported = report.outcomes.iter().any(|o| o.status == OutcomeStatus::Imported);
        match failed.first().and_then(|o| o.error.as_ref()) {
            Some(error) if !imported => {
                let message = &error.message;
                let clear =
                    message.len() >= 10 && !message.contains("panicked") && !message.contains("Error {");
                if !clear || !message.to_lowercase().contains(case.reason) {
                    failures.push(format!("{}: unclear reason {message:?}", case.path.display()));
                }
                assert_ne!(error.kind, ErrorKind::Internal, "{}: {message}", case.path.display());
                // The interface says it in the user's language by its reason.
                if error.reason.is_none() {
                    failures.push(format!("{}: no reason given for {message:?}", case.path.display()));
                }
            }
            _ => failures.push(format!("{}: not refused: {report:?}", case.path.display())),
        }
        assert_eq!(snapshot(&library), before, "{} changed the library", case.path.display());
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
    assert_eq!(library.check(), Vec::<String>::new());
    assert!(cases.len() >= 25, "the bad-input corpus has only {} kinds", cases.len());
}

#[test]
fn a_batch_reports_every_file_in_order_and_stores_each_good_one_with_its_facts() {
    let dir = tempfile::tempdir().unwrap();
    let bad = generated_bad_inputs(dir.path());
    let good = |k: usize| {
        let text = format!("智谱融资第{k}轮\n\n智谱AI完成新一轮{}亿元人民币融资。", 10 + k);
        write(dir.path(), &format!("good-{k}.txt"), text.as_bytes())
    };
    // Good files between bad ones, so that reading ahead must keep each outcome in place.
    let mut paths = Vec::new();
    for (k, case) in bad.iter().enumerate() {
        paths.push(good(k));
        paths.push(case.path.clone());
    }
    let lib_dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&lib_dir.path().join("library.sqlite"), Create::IfMissing).unwrap();
    let limits = Limits { max_file_bytes: 2048, ..Limits::default() };
    let mut progress = Vec::new();
    let options = ImportOptions { limits, collection: None };
    let report =
        import::import_paths(&mut library, &paths, &options, &mut |p| progress.push(p.done)).unwrap();

    // Each outcome in the place of its path (a folder's stands for the file that failed in it).
    assert_eq!(report.outcomes.len(), paths.len(), "{report:#?}");
    for (outcome, path) in report.outcomes.iter().zip(&paths) {
        assert!(outcome.path.starts_with(&path.display().to_string()), "{outcome:?} for {path:?}");
    }
    assert_eq!(progress, (0..=paths.len()).collect::<Vec<_>>());
    for (k, outcome) in report.outcomes.iter().enumerate() {
        let expected = if k % 2 == 0 { OutcomeStatus::Imported } else { OutcomeStatus::Failed };
        assert_eq!(outcome.status, expected, "{outcome:?}");
    }
    for (k, outcome) in report.outcomes.iter().step_by(2).enumerate() {
        let id = outcome.article_id.unwrap();
        let facts = dossier_core::store::facts::list(
            library.conn(),
            &dossier_core::store::facts::FactFilter { article_id: Some(id), ..Default::default() },
        )
        .unwrap();
        assert!(facts.iter().any(|f| f.value_text == format!("{}亿元人民币", 10 + k)), "{facts:?}");
    }
    assert_eq!(library.check(), Vec::<String>::new());
}

/// The outcome of `path`'s file `name` in `report`.
fn outcome<'r>(report: &'r ImportReport, name: &str) -> &'r import::FileOutcome {
    let found = report.outcomes.iter().find(|o| o.path.ends_with(name));
    found.unwrap_or_else(|| panic!("no outcome for {name}: {report:#?}"))
}

#[cfg(unix)]
#[test]
fn a_folder_walk_stays_in_the_folder_and_opens_only_regular_files() {
    use std::os::unix::fs::symlink;
    let dir = tempfile::tempdir().unwrap();
    let (outside, chosen) = (dir.path().join("outside"), dir.path().join("chosen"));
    std::fs::create_dir_all(outside.join("private")).unwrap();
    std::fs::create_dir_all(chosen.join("notes")).unwrap();
    write(&outside, "secret.txt", "Private memo\n\nNot for the library: revenue fell 9%.".as_bytes());
    write(&outside.join("private"), "diary.txt", "Private diary\n\nCosts rose 4%.".as_bytes());
    write(
        &chosen.join("notes"),
        "a.txt",
        "Chip stocks rally\n\nThe semiconductor ETF rose 3.39%.".as_bytes(),
    );
    symlink(outside.join("secret.txt"), chosen.join("secret.txt")).unwrap();
    symlink(outside.join("private"), chosen.join("private")).unwrap();
    symlink(chosen.join("notes/a.txt"), chosen.join("again.txt")).unwrap();
    symlink(&chosen, chosen.join("notes/loop")).unwrap();
    symlink(chosen.join("gone.txt"), chosen.join("dangling.txt")).unwrap();
    let made = std::process::Command::new("mkfifo").arg(chosen.join("pipe.txt")).status().unwrap();
    assert!(made.success());
    let _socket = std::os::unix::net::UnixListener::bind(chosen.join("socket.txt")).unwrap();

    // On a thread, so that a walk that opens the pipe fails the test instead of hanging it.
    let path = dir.path().join("library.sqlite");
    let (send, receive) = std::sync::mpsc::channel();
    let (at, folder) = (path.clone(), chosen.clone());
    std::thread::spawn(move || {
        let mut library = Library::open(&at, Create::IfMissing).unwrap();
        send.send(import(&mut library, &[folder], &Limits::default())).unwrap();
    });
    let report = receive.recv_timeout(std::time::Duration::from_secs(120)).expect("the import ends");

    for (name, words, reason) in [
        ("secret.txt", "a link to outside the folder", Reason::SkippedLinkOutside),
        ("private", "a link to outside the folder", Reason::SkippedLinkOutside),
        ("loop", "a link to a folder in it", Reason::SkippedLinkToFolder),
        ("dangling.txt", "a link to nothing", Reason::SkippedLinkToNothing),
        ("pipe.txt", "not a regular file", Reason::SkippedSpecialFile),
        ("socket.txt", "not a regular file", Reason::SkippedSpecialFile),
    ] {
        let skipped = outcome(&report, name);
        assert_eq!(skipped.status, OutcomeStatus::Skipped, "{name}: {report:#?}");
        let error = skipped.error.as_ref().unwrap();
        assert!(error.message.contains(words), "{name}: {skipped:?}");
        assert_eq!(error.reason.as_ref(), Some(&reason), "{name}");
    }
    // The link inside the folder to a file inside it is read, and the file stored once.
    assert_eq!(outcome(&report, "again.txt").status, OutcomeStatus::Imported, "{report:#?}");
    assert_eq!(outcome(&report, "a.txt").status, OutcomeStatus::Duplicate, "{report:#?}");
    assert_eq!(report.count(OutcomeStatus::Failed), 0, "{report:#?}");
    let library = Library::open(&path, Create::No).unwrap();
    let texts: Vec<String> = {
        let mut stmt = library.conn().prepare("SELECT text FROM articles").unwrap();
        stmt.query_map([], |r| r.get(0)).unwrap().map(Result::unwrap).collect()
    };
    assert_eq!(texts.len(), 1, "{texts:?}");
    assert!(!texts[0].contains("Private"));
}
