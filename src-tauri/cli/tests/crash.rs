//! A crash at any moment (SIGKILL) during a large import loses no committed article
//! and leaves no half-stored one.

use std::process::{Command, Stdio};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use crate::{dossier, stdout};

const FILES: usize = 1200;
const ROUNDS: usize = 8;

/// A ~5 KB article that differs from every other one.
fn article(i: usize) -> String {
    let mut text = format!("第{i}号行业观察：国产AI芯片融资动态\n\n本报记者 林晓舟 上海报道\n\n");
    for p in 0..12 {
        text.push_str(&format!(
            "据不完全统计，截至{}月{}日，已有{}家芯片企业宣布适配国产大模型，相关板块成交额达{}.{}亿元，同比增长{}%。\n\n",
            1 + (i + p) % 12,
            1 + (i * 7 + p) % 28,
            10 + (i + p) % 30,
            20 + i % 50,
            p,
            (i * 13 + p) % 90
        ));
    }
    text
}

#[test]
fn sigkill_during_import_leaves_a_consistent_library() {
    let dir = tempfile::tempdir().unwrap();
    let input = dir.path().join("articles");
    std::fs::create_dir(&input).unwrap();
    for i in 0..FILES {
        std::fs::write(input.join(format!("{i:04}.txt")), article(i)).unwrap();
    }
    let db = dir.path().join("library.sqlite");
    let mut seed = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    println!("crash test seed {seed}");
    let mut stored = 0;
    for round in 0..ROUNDS {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        // Later rounds wait longer: they first pass the files already stored.
        let wait = Duration::from_millis(20 + seed % 300 + round as u64 * 120);
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("--db")
            .arg(&db)
            .arg("import")
            .arg(&input)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(wait);
        // Child::kill sends SIGKILL on Unix: no destructor, no rollback, no flush runs.
        child.kill().unwrap();
        child.wait().unwrap();

        let check = dossier(&db, &["check"]);
        assert!(check.status.success(), "round {round} (killed after {wait:?}): {}", stdout(&check));
        let count = count_articles(&db);
        assert!(count >= stored, "round {round}: committed articles were lost ({count} < {stored})");
        println!("round {round}: killed after {wait:?}, {count} articles stored");
        stored = count;
    }
    // Finishing the import stores every article exactly once: none was left half stored
    // (a half article would block its text as a duplicate or be missing its parts).
    let finish = dossier(&db, &["import", input.to_str().unwrap()]);
    assert!(finish.status.success(), "{}", stdout(&finish));
    assert_eq!(count_articles(&db), FILES as i64);
    let check = dossier(&db, &["check"]);
    assert!(check.status.success(), "{}", stdout(&check));
}

fn count_articles(db: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(db).unwrap();
    conn.query_row("SELECT count(*) FROM articles", [], |r| r.get(0)).unwrap()
}
