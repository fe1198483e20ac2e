//! The library file: settings, migrations, tables and the consistency check.

use dossier_core::import::Limits;
use dossier_core::ingest;
use dossier_core::store::articles::{self, ArticleFilter, SortOrder};
use dossier_core::store::{collections, originals, SCHEMA_VERSION};
use dossier_core::{Create, ErrorKind, FactStatus, Library, Metric, Reason};

fn temp_library() -> (tempfile::TempDir, Library) {
    let dir = tempfile::tempdir().unwrap();
    let library = Library::open(&dir.path().join("library.sqlite"), Create::IfMissing).unwrap();
    (dir, library)
}

fn add(library: &mut Library, name: &str, text: &str) -> i64 {
    let stored = ingest::import_bytes(library, text.as_bytes(), name, &Limits::default()).unwrap();
    assert!(!stored.duplicate, "{name} was new");
    stored.article_id
}

#[test]
fn a_new_library_uses_wal_foreign_keys_and_the_current_schema() {
    let (dir, library) = temp_library();
    let conn = library.conn();
    let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0)).unwrap();
    let fk: i64 = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0)).unwrap();
    assert_eq!(mode, "wal");
    assert_eq!(fk, 1);
    assert_eq!(library.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(dir.path().join("library.sqlite").exists());
    assert!(!dir.path().join("backups").exists(), "a new library needs no backup");
}

#[test]
fn a_library_from_a_newer_version_is_refused_and_left_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch("CREATE TABLE future (x); INSERT INTO future VALUES (1);").unwrap();
        conn.pragma_update(None, "user_version", SCHEMA_VERSION + 7).unwrap();
    }
    let before = dossier_core::store::originals::bytes_hash(&std::fs::read(&path).unwrap());
    let error = Library::open(&path, Create::IfMissing).err().expect("a newer library must be refused");
    assert_eq!(error.kind, ErrorKind::NewerDatabase);
    assert!(error.message.contains("newer version of Dossier"), "{}", error.message);
    assert_eq!(
        dossier_core::store::originals::bytes_hash(&std::fs::read(&path).unwrap()),
        before,
        "the file was changed"
    );
}

#[test]
fn a_version_1_library_upgrades_with_its_data_intact() {
    use dossier_core::search::{self, SearchQuery};
    use dossier_core::store::facts;
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/store");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    std::fs::copy(format!("{fixtures}/library-v1.sqlite"), &path).unwrap();
    let original = std::fs::read(format!("{fixtures}/library-v1-article.txt")).unwrap();

    let mut library = Library::open(&path, Create::IfMissing).unwrap();
    assert_eq!(library.schema_version().unwrap(), SCHEMA_VERSION);
    assert!(SCHEMA_VERSION > 1, "this test needs a schema newer than the fixture's");
    let article = articles::get(library.conn(), 1).unwrap();
    assert_eq!(article.summary.title, "智谱完成新一轮30亿元融资");
    assert_eq!(article.summary.outlet.as_deref(), Some("华东财经日报"));
    assert_eq!(article.summary.authors, vec!["林晓舟".to_owned()]);
    assert!(article.text.contains("投后估值超过200亿元"));
    assert_eq!(originals::get(library.conn(), 1).unwrap().unwrap(), original);
    let in_collection = ArticleFilter { collection: Some(1), ..ArticleFilter::default() };
    assert_eq!(articles::count(library.conn(), &in_collection).unwrap(), 1);
    let hits =
        search::search(library.conn(), &SearchQuery { text: "融资".into(), limit: 5, ..Default::default() });
    assert_eq!(hits.unwrap().len(), 1);
    assert_eq!(library.check(), Vec::<String>::new());

    // The upgrade kept a copy of the library as version 1 left it, in one file.
    let backups: Vec<_> =
        std::fs::read_dir(dir.path().join("backups")).unwrap().map(|e| e.unwrap().path()).collect();
    assert_eq!(backups.len(), 1, "{backups:?}");
    let old = rusqlite::Connection::open(&backups[0]).unwrap();
    assert_eq!(old.pragma_query_value(None, "user_version", |r| r.get::<_, i64>(0)).unwrap(), 1);
    let title: String = old.query_row("SELECT title FROM articles WHERE id = 1", [], |r| r.get(0)).unwrap();
    assert_eq!(title, "智谱完成新一轮30亿元融资");
    assert_eq!(old.pragma_query_value(None, "journal_mode", |r| r.get::<_, String>(0)).unwrap(), "delete");

    // Articles from before extraction existed are extracted on demand.
    assert_eq!(ingest::reextract(&mut library, false, &mut |_, _| {}).unwrap(), 1);
    let found = facts::list(library.conn(), &facts::FactFilter::default()).unwrap();
    assert!(found.iter().any(|f| f.metric == Metric::Funding && f.low == 3e9), "{found:#?}");

    // Schema 4 left the metric index behind; schema 5 keeps the names a user rejected.
    assert_eq!(SCHEMA_VERSION, 5);
    let rejected: i64 =
        library.conn().query_row("SELECT count(*) FROM rejected_names", [], |r| r.get(0)).unwrap();
    assert_eq!(rejected, 0);
    let metric_index: i64 = library
        .conn()
        .query_row("SELECT count(*) FROM sqlite_schema WHERE name = 'facts_metric'", [], |r| r.get(0))
        .unwrap();
    assert_eq!(metric_index, 0);

    // Schema 3's annotations, tags and entities work on the upgraded article.
    use dossier_core::store::{annotations, entities};
    let new = annotations::NewAnnotation {
        article_id: 1,
        start: 0,
        end: 2,
        tags: vec!["融资".into()],
        ..Default::default()
    };
    assert_eq!(annotations::create(library.conn(), &new).unwrap().selector.quote.exact, "智谱");
    let zhipu =
        entities::list(library.conn()).unwrap().into_iter().find(|e| e.name == "智谱").expect("seeded");
    assert!(zhipu.fact_count >= 1, "{zhipu:?}");
    assert_eq!(library.check(), Vec::<String>::new());
}

#[test]
fn lists_sort_and_filter() {
    let (_dir, mut library) = temp_library();
    let a = add(&mut library, "a.txt", "Alpha rises\n\nChip makers rallied on Tuesday.");
    let b = add(&mut library, "b.txt", "Beta falls\n\nThe index slipped 2% on Friday.");
    let conn = library.conn();
    conn.execute("UPDATE articles SET outlet = 'Harbour Times', published = '2025-02-14' WHERE id = ?1", [a])
        .unwrap();
    conn.execute("UPDATE articles SET outlet = '华东财经日报', published = '2024-12' WHERE id = ?1", [b])
        .unwrap();

    let all = articles::list(conn, &ArticleFilter::default(), SortOrder::Published, 10, 0).unwrap();
    assert_eq!(all.iter().map(|s| s.id).collect::<Vec<_>>(), vec![a, b]);
    let by_title = articles::list(conn, &ArticleFilter::default(), SortOrder::Title, 10, 0).unwrap();
    assert_eq!(by_title[0].title, "Alpha rises");

    let only = |filter: ArticleFilter| {
        articles::list(conn, &filter, SortOrder::Published, 10, 0)
            .unwrap()
            .iter()
            .map(|s| s.id)
            .collect::<Vec<_>>()
    };
    assert_eq!(only(ArticleFilter { outlet: Some("华东财经日报".into()), ..Default::default() }), vec![b]);
    assert_eq!(only(ArticleFilter { published_from: Some("2025".into()), ..Default::default() }), vec![a]);
    // An upper bound of a month includes every day in it.
    assert_eq!(only(ArticleFilter { published_to: Some("2024-12".into()), ..Default::default() }), vec![b]);
    assert_eq!(
        only(ArticleFilter {
            published_from: Some("2024-12-01".into()),
            published_to: Some("2025-02-14".into()),
            ..Default::default()
        }),
        vec![a, b]
    );

    let c = collections::create(conn, "芯片").unwrap();
    collections::add_article(conn, c, b).unwrap();
    collections::add_article(conn, c, b).unwrap();
    assert_eq!(only(ArticleFilter { collection: Some(c), ..Default::default() }), vec![b]);
    assert_eq!(collections::list(conn).unwrap()[0].article_count, 1);
    assert_eq!(collections::create(conn, " 芯片 ").unwrap_err().kind, ErrorKind::InvalidInput);
    assert_eq!(collections::create(conn, "  ").unwrap_err().kind, ErrorKind::InvalidInput);
    collections::remove_article(conn, c, b).unwrap();
    assert_eq!(only(ArticleFilter { collection: Some(c), ..Default::default() }), Vec::<i64>::new());
    assert_eq!(articles::outlets(conn).unwrap().len(), 2);
}

#[test]
fn deleting_an_article_removes_its_original_and_memberships() {
    let (_dir, mut library) = temp_library();
    let id = add(&mut library, "a.txt", "Alpha rises\n\nChip makers rallied.");
    let conn = library.conn();
    let c = collections::create(conn, "watch").unwrap();
    collections::add_article(conn, c, id).unwrap();
    conn.execute("DELETE FROM articles WHERE id = ?1", [id]).unwrap();
    assert_eq!(originals::get(conn, id).unwrap(), None);
    assert_eq!(collections::list(conn).unwrap()[0].article_count, 0);
    assert_eq!(library.check(), Vec::<String>::new());
    assert_eq!(articles::get(conn, id).unwrap_err().kind, ErrorKind::NotFound);
}

#[test]
fn the_check_finds_tampered_rows() {
    let (_dir, mut library) = temp_library();
    let id = add(&mut library, "a.txt", "Alpha rises\n\nChip makers rallied.");
    assert_eq!(library.check(), Vec::<String>::new());
    library.conn().execute("UPDATE articles SET text = text || '!' WHERE id = ?1", [id]).unwrap();
    library.conn().execute("UPDATE originals SET bytes = x'00' WHERE article_id = ?1", [id]).unwrap();
    library.conn().execute("DELETE FROM search_index WHERE rowid = ?1", [id]).unwrap();
    let problems = library.check();
    assert!(problems.iter().any(|p| p.contains("not in the search index")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("content hash")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("stored length")), "{problems:?}");
    assert!(problems.iter().any(|p| p.contains("checksum")), "{problems:?}");
}

#[test]
fn import_extracts_facts_and_reextraction_keeps_reviewed_ones() {
    use dossier_core::store::facts;
    let (_dir, mut library) = temp_library();
    let text = "智谱完成新一轮融资\n\n2024年12月，智谱AI完成30亿元人民币融资。\n\n\
                据测算，2023年中国AI芯片市场规模达到1206亿元，同比增长41.9%。";
    let id = add(&mut library, "zhipu.txt", text);
    let all = facts::list(library.conn(), &facts::FactFilter::default()).unwrap();
    let funding = all.iter().find(|f| f.metric == Metric::Funding).expect("the funding fact");
    assert_eq!((funding.low, funding.unit.as_str()), (3e9, "CNY"));
    assert!(all.iter().any(|f| f.metric == Metric::MarketSize && f.low == 1206e8), "{all:#?}");
    assert_eq!(library.check(), Vec::<String>::new());

    // A user confirms one fact after correcting its subject, and rejects another.
    let conn = library.conn();
    conn.execute("UPDATE facts SET status = 'edited', subject = '智谱' WHERE id = ?1", [funding.id]).unwrap();
    let growth = all.iter().find(|f| f.metric == Metric::Growth).expect("the growth fact");
    conn.execute("UPDATE facts SET status = 'rejected' WHERE id = ?1", [growth.id]).unwrap();

    assert_eq!(ingest::reextract(&mut library, false, &mut |_, _| {}).unwrap(), 0, "nothing is stale");
    assert_eq!(ingest::reextract(&mut library, true, &mut |_, _| {}).unwrap(), 1);
    let filter = facts::FactFilter { article_id: Some(id), include_rejected: true, ..Default::default() };
    let after = facts::list(library.conn(), &filter).unwrap();
    assert_eq!(after.len(), all.len(), "no fact duplicated or lost: {after:#?}");
    let kept = after.iter().find(|f| f.id == funding.id).expect("the reviewed fact is kept");
    assert_eq!((kept.subject.as_str(), kept.status), ("智谱", FactStatus::Edited));
    assert!(after.iter().any(|f| f.id == growth.id && f.status == FactStatus::Rejected));
    let visible = facts::list(library.conn(), &facts::FactFilter::default()).unwrap();
    assert!(visible.iter().all(|f| f.status != FactStatus::Rejected));
}

#[test]
fn a_missing_or_empty_file_is_made_a_library_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    let missing = Library::open(&path, Create::No).err().expect("no library is made");
    assert_eq!(missing.kind, ErrorKind::NotFound);
    assert_eq!(missing.reason, Some(Reason::NoLibrary { path: path.display().to_string() }));
    assert!(!path.exists());
    std::fs::write(&path, b"").unwrap();
    let empty = Library::open(&path, Create::No).err().expect("an empty file is not a library");
    assert_eq!(empty.kind, ErrorKind::NotFound);
    assert_eq!(std::fs::metadata(&path).unwrap().len(), 0);
    drop(Library::open(&path, Create::IfMissing).unwrap());
    assert_eq!(Library::open(&path, Create::No).unwrap().schema_version().unwrap(), SCHEMA_VERSION);
}

/// Sets the mode of `path` (Unix permissions).
#[cfg(unix)]
fn chmod(path: &std::path::Path, mode: u32) {
    use std::os::unix::fs::PermissionsExt;
    std::fs::set_permissions(path, std::fs::Permissions::from_mode(mode)).unwrap();
}

#[cfg(unix)]
#[test]
fn a_library_that_cannot_be_written_opens_read_only_and_stays_as_it_was() {
    use dossier_core::operations::import::{import_paths, ImportOptions};
    use dossier_core::store::annotations::{self, NewAnnotation};
    for read_only_folder in [false, true] {
        let dir = tempfile::tempdir().unwrap();
        let folder = dir.path().join("data");
        let path = folder.join("library.sqlite");
        add(
            &mut Library::open(&path, Create::IfMissing).unwrap(),
            "a.txt",
            "智谱AI于2024年12月完成30亿元人民币融资。",
        );
        let before = std::fs::read(&path).unwrap();
        let file = dir.path().join("b.txt");
        std::fs::write(&file, "月之暗面估值达到33亿美元。").unwrap();
        // The permissions bind even an administrator, whom the system would let write.
        chmod(if read_only_folder { &folder } else { &path }, if read_only_folder { 0o555 } else { 0o444 });

        let mut library = Library::open(&path, Create::No).unwrap();
        let why = library.read_only().expect("opened read-only").clone();
        assert_eq!(why.kind, ErrorKind::ReadOnly);
        assert!(
            why.message.starts_with("the library is read-only: ") && why.message.ends_with("is not writable")
        );
        // What the interface words it by: the file, or the folder, that cannot be written.
        let reason = match read_only_folder {
            false => Reason::LibraryFileNotWritable { path: path.display().to_string() },
            true => Reason::LibraryFolderNotWritable { folder: folder.display().to_string() },
        };
        assert_eq!(why.reason, Some(reason));
        assert_eq!(articles::count(library.conn(), &ArticleFilter::default()).unwrap(), 1);
        let import = import_paths(&mut library, &[file], &ImportOptions::default(), &mut |_| {});
        assert_eq!(import.unwrap_err(), why, "an import refuses at once");
        let new = NewAnnotation {
            article_id: 1,
            start: 0,
            end: 2,
            colour: None,
            comment: String::new(),
            tags: vec![],
        };
        let write = annotations::create(library.conn(), &new).unwrap_err();
        assert_eq!(library.explain(write), why);
        drop(library);

        chmod(if read_only_folder { &folder } else { &path }, if read_only_folder { 0o755 } else { 0o644 });
        assert_eq!(std::fs::read(&path).unwrap(), before, "the library changed");
        let left: Vec<_> = std::fs::read_dir(&folder).unwrap().map(|e| e.unwrap().file_name()).collect();
        assert_eq!(left, vec!["library.sqlite"], "files left beside the library");
    }
}

#[cfg(unix)]
#[test]
fn a_read_only_library_of_an_older_schema_is_not_upgraded() {
    let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/store");
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("library.sqlite");
    std::fs::copy(format!("{fixtures}/library-v1.sqlite"), &path).unwrap();
    chmod(&path, 0o444);
    let error = Library::open(&path, Create::No).err().expect("an older read-only library is refused");
    assert_eq!(error.kind, ErrorKind::ReadOnly);
    assert!(error.message.contains("must be opened writable once to be upgraded"), "{}", error.message);
    let why = Box::new(Reason::LibraryFileNotWritable { path: path.display().to_string() });
    assert_eq!(error.reason, Some(Reason::OlderLibraryReadOnly { why, found: 1, known: SCHEMA_VERSION }));
    assert!(!dir.path().join("backups").exists());
}

#[test]
fn a_damaged_library_opens_read_only_and_names_its_newest_backup() {
    let (dir, mut library) = temp_library();
    add(&mut library, "a.txt", "智谱AI于2024年12月完成30亿元人民币融资。");
    let backup = library.backup().unwrap();
    let path = library.path().unwrap().to_owned();
    let query =
        "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema WHERE name = 'facts'";
    let (page, size): (i64, i64) =
        library.conn().query_row(query, [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    drop(library);
    // The facts table's first page overwritten: the header and the articles stay whole.
    let mut bytes = std::fs::read(&path).unwrap();
    bytes[((page - 1) * size) as usize..(page * size) as usize].fill(0xA5);
    std::fs::write(&path, &bytes).unwrap();

    let mut library = Library::open(&path, Create::No).unwrap();
    let why = library.read_only().expect("opened read-only").clone();
    assert_eq!(why.kind, ErrorKind::Damaged);
    assert!(why.message.contains("damaged") && why.message.contains("read-only"), "{}", why.message);
    assert!(why.message.contains(&backup.display().to_string()), "{}", why.message);
    // The backup to restore travels with the reason, for the interface to name it.
    let Some(Reason::DamagedReadOnly { detail, library: named, backup: to_restore }) = &why.reason else {
        panic!("{why:?}")
    };
    assert_eq!((named, to_restore), (&path.display().to_string(), &backup.display().to_string()));
    assert!(detail.contains("malformed"), "{detail}");
    assert_eq!(articles::count(library.conn(), &ArticleFilter::default()).unwrap(), 1);
    let file = dir.path().join("b.txt");
    std::fs::write(&file, "月之暗面估值达到33亿美元。").unwrap();
    let options = dossier_core::operations::import::ImportOptions::default();
    let import = dossier_core::operations::import::import_paths(&mut library, &[file], &options, &mut |_| {});
    assert_eq!(import.unwrap_err(), why);
    assert!(!library.check().is_empty());
    drop(library);
    assert_eq!(std::fs::read(&path).unwrap(), bytes, "the damaged library changed");
}
