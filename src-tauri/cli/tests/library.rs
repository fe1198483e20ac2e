//! The library a command is given: missing, empty, read-only or damaged.

use std::os::unix::fs::PermissionsExt;
use std::path::Path;

use crate::cli::sample;
use crate::{dossier, dossier_at, stderr, stdout};

/// Asserts that `out` failed with exit code 1 and one line saying `words`.
fn refused(out: &std::process::Output, words: &str) {
    let err = stderr(out);
    assert_eq!(out.status.code(), Some(1), "{err}");
    assert!(err.contains(words), "{err}");
}

#[test]
fn a_missing_or_empty_library_is_made_only_with_create() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let message = format!("dossier: no library at {} (use --create to make a new one)\n", db.display());
    let out = dossier_at(&db, &["list"]);
    assert_eq!((out.status.code(), stderr(&out)), (Some(1), message.clone()));
    assert!(!db.exists());
    std::fs::write(&db, b"").unwrap();
    let out = dossier_at(&db, &["import", sample().to_str().unwrap()]);
    assert_eq!((out.status.code(), stderr(&out)), (Some(1), message));
    assert_eq!(std::fs::metadata(&db).unwrap().len(), 0);
    let out = dossier(&db, &["list"]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(dossier_at(&db, &["check"]).status.success());
}

/// A library holding the sample page, in a folder of its own under `dir`.
fn sample_library(dir: &Path) -> std::path::PathBuf {
    let db = dir.join("data/library.sqlite");
    let out = dossier(&db, &["import", sample().to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    db
}

#[test]
fn a_read_only_library_is_read_and_never_written() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_library(dir.path());
    let before = std::fs::read(&db).unwrap();
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o444)).unwrap();
    let out_file = dir.path().join("brief.md");
    for args in [
        vec!["list"],
        vec!["show", "1"],
        vec!["search", "估值"],
        vec!["facts", "list"],
        vec![
            "export",
            "--format",
            "md",
            "--all-statuses",
            "--article",
            "1",
            "--out",
            out_file.to_str().unwrap(),
        ],
        vec!["check"],
    ] {
        let out = dossier_at(&db, &args);
        assert!(out.status.success(), "{args:?}: {}", stderr(&out));
        assert_eq!(stderr(&out), "", "{args:?}");
    }
    assert!(out_file.exists());
    let other = dir.path().join("other.txt");
    std::fs::write(&other, "月之暗面估值达到33亿美元。").unwrap();
    let message = format!("dossier: the library is read-only: {} is not writable\n", db.display());
    for args in [
        vec!["import", other.to_str().unwrap()],
        vec!["annotate", "add", "--article", "1", "--start", "0", "--end", "4"],
        vec!["reextract", "--all"],
    ] {
        let out = dossier_at(&db, &args);
        assert_eq!((out.status.code(), stderr(&out)), (Some(1), message.clone()), "{args:?}");
    }
    std::fs::set_permissions(&db, std::fs::Permissions::from_mode(0o644)).unwrap();
    assert_eq!(std::fs::read(&db).unwrap(), before, "the library changed");
}

#[test]
fn a_damaged_library_is_read_only_and_check_lists_its_problems() {
    let dir = tempfile::tempdir().unwrap();
    let db = sample_library(dir.path());
    let healthy = dossier_at(&db, &["check"]);
    assert!(stdout(&healthy).starts_with("ok: 1 article"), "{}", stdout(&healthy));
    let backups = db.parent().unwrap().join("backups");
    std::fs::create_dir(&backups).unwrap();
    std::fs::copy(&db, backups.join("library-2025-02-14T083000Z-manual.sqlite")).unwrap();
    // The facts table's first page overwritten: the header and the articles stay whole.
    let query =
        "SELECT rootpage, (SELECT page_size FROM pragma_page_size) FROM sqlite_schema WHERE name = 'facts'";
    let conn = rusqlite::Connection::open(&db).unwrap();
    let (page, size): (i64, i64) = conn.query_row(query, [], |r| Ok((r.get(0)?, r.get(1)?))).unwrap();
    drop(conn);
    let mut bytes = std::fs::read(&db).unwrap();
    bytes[((page - 1) * size) as usize..(page * size) as usize].fill(0xA5);
    std::fs::write(&db, &bytes).unwrap();

    let check = dossier_at(&db, &["check"]);
    assert_eq!(check.status.code(), Some(1), "{}", stderr(&check));
    assert!(stderr(&check).contains("library-2025-02-14T083000Z-manual.sqlite"), "{}", stderr(&check));
    let problems = stdout(&check);
    assert!(problems.lines().any(|l| l.starts_with("integrity: ")), "{problems}");
    assert!(problems.trim_end().ends_with("problems found"), "{problems}");

    let list = dossier_at(&db, &["list", "--json"]);
    assert!(list.status.success(), "{}", stderr(&list));
    let import = dossier_at(&db, &["import", sample().to_str().unwrap()]);
    refused(&import, "so it is open read-only; to restore the newest backup, close Dossier and copy ");
    assert_eq!(std::fs::read(&db).unwrap(), bytes, "the damaged library changed");
}
