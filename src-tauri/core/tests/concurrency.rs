//! Writers that meet on one library wait their turn: two importers, an importer beside
//! annotating and beside re-extraction, an importer beside the app's reading
//! connection. Each on its own connection, as separate processes or the app's two
//! connections have them; nothing may fail as "database is locked".

use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicBool, Ordering};

use dossier_core::import::Limits;
use dossier_core::ingest;
use dossier_core::operations::import::{self, ImportOptions, OutcomeStatus};
use dossier_core::store::annotations::{self, NewAnnotation};
use dossier_core::store::articles;
use dossier_core::{Create, Library};

/// `count` distinct small articles in a new folder under `root`.
fn articles_in(root: &Path, name: &str, count: usize) -> PathBuf {
    let dir = root.join(name);
    std::fs::create_dir_all(&dir).unwrap();
    for i in 0..count {
        let text = format!(
            "{name}第{i}号简报\n\n星河科技{i}号于2024年{}月完成{}亿元人民币B轮融资，投资方包括腾讯投资。",
            i % 12 + 1,
            i % 90 + 1
        );
        std::fs::write(dir.join(format!("{i:04}.txt")), text).unwrap();
    }
    dir
}

fn import_all(path: &Path, folder: &Path) -> usize {
    let mut library = Library::open(path, Create::IfMissing).unwrap();
    let report =
        import::import_paths(&mut library, &[folder.to_owned()], &ImportOptions::default(), &mut |_| {})
            .unwrap();
    let failed: Vec<String> = report
        .outcomes
        .iter()
        .filter(|o| o.status == OutcomeStatus::Failed)
        .map(|o| format!("{}: {:?}", o.path, o.error))
        .collect();
    assert!(failed.is_empty(), "{} failed, first: {}", failed.len(), failed[0]);
    report.count(OutcomeStatus::Imported)
}

fn article_count(path: &Path) -> i64 {
    Library::open(path, Create::IfMissing)
        .unwrap()
        .conn()
        .query_row("SELECT count(*) FROM articles", [], |r| r.get(0))
        .unwrap()
}

#[test]
fn two_importers_store_every_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    Library::open(&path, Create::IfMissing).unwrap();
    let (a, b) = (articles_in(dir.path(), "甲", 300), articles_in(dir.path(), "乙", 300));
    let (first, second) = std::thread::scope(|s| {
        let first = s.spawn(|| import_all(&path, &a));
        let second = s.spawn(|| import_all(&path, &b));
        (first.join().unwrap(), second.join().unwrap())
    });
    assert_eq!((first, second), (300, 300));
    assert_eq!(article_count(&path), 600);
}

/// Runs `beside` in a loop on its own connection while 300 files are imported.
fn import_beside(prepare: impl FnOnce(&mut Library), beside: impl Fn(&mut Library) + Sync) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    prepare(&mut Library::open(&path, Create::IfMissing).unwrap());
    let before = article_count(&path);
    let folder = articles_in(dir.path(), "丙", 300);
    let done = AtomicBool::new(false);
    let rounds = std::thread::scope(|s| {
        let other = s.spawn(|| {
            let mut library = Library::open(&path, Create::IfMissing).unwrap();
            let mut rounds = 0;
            while !done.load(Ordering::SeqCst) || rounds == 0 {
                beside(&mut library);
                rounds += 1;
                // As a person or a script runs commands: one after another, not in a
                // loop that takes the lock back the moment it lets it go.
                std::thread::sleep(std::time::Duration::from_millis(20));
            }
            rounds
        });
        let imported = import_all(&path, &folder);
        done.store(true, Ordering::SeqCst);
        assert_eq!(imported, 300);
        other.join().unwrap()
    });
    assert!(rounds > 0);
    assert_eq!(article_count(&path), before + 300);
}

fn seed(library: &mut Library) {
    let text = "智谱AI于2024年12月完成30亿元人民币融资。月之暗面估值达到33亿美元。";
    ingest::import_bytes(library, text.as_bytes(), "seed.txt", &Limits::default()).unwrap();
}

#[test]
fn an_importer_beside_annotating() {
    import_beside(seed, |library| {
        let new = NewAnnotation {
            article_id: 1,
            start: 0,
            end: 4,
            colour: None,
            comment: "核对".into(),
            tags: vec!["融资".into()],
        };
        annotations::create(library.conn(), &new).expect("an annotation beside an import");
    });
}

#[test]
fn an_importer_beside_reextraction() {
    import_beside(seed, |library| {
        ingest::reextract(library, true, &mut |_, _| {}).expect("re-extraction beside an import");
    });
}

#[test]
fn an_importer_beside_a_reading_connection() {
    import_beside(seed, |library| {
        let filter = articles::ArticleFilter::default();
        articles::list(library.conn(), &filter, articles::SortOrder::Imported, 50, 0)
            .expect("reading beside an import");
    });
}
