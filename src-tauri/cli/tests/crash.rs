//! A crash at any moment (SIGKILL) during a large import loses no committed article
//! and leaves no half-stored one.

use std::process::{Command, Stdio};
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

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
            .arg("--create")
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

/// Annotation edits, each its own `dossier` process, killed at random moments: the
/// library stays consistent, every edit that finished is there, an edit that was killed
/// is there whole or not at all, and undo then redo of everything loses nothing.
#[test]
fn sigkill_during_annotation_edits_loses_no_confirmed_change() {
    use serde_json::Value;
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let file = dir.path().join("article.txt");
    std::fs::write(&file, article(7)).unwrap();
    assert!(dossier(&db, &["import", file.to_str().unwrap()]).status.success());
    let length = article(7).chars().count();

    let mut seed = SystemTime::now().duration_since(UNIX_EPOCH).unwrap().as_nanos() as u64 | 1;
    println!("annotation crash test seed {seed}");
    let mut next = move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    // What finished: id -> colour (None once deleted). Ids touched by a killed edit are uncertain.
    let mut confirmed: std::collections::BTreeMap<i64, Option<String>> = Default::default();
    let mut uncertain = std::collections::BTreeSet::new();
    let (mut finished, mut killed) = (0, 0);
    let mut longest = Duration::from_millis(12);
    for i in 0..80 {
        let live: Vec<i64> = confirmed.iter().filter(|(_, c)| c.is_some()).map(|(id, _)| *id).collect();
        let pick = (!live.is_empty()).then(|| live[next() as usize % live.len()]);
        let colour = format!("c{i}");
        let (start, len) = (next() as usize % (length - 20), 1 + next() as usize % 19);
        let args: Vec<String> = match (next() % 4, pick) {
            (0, Some(id)) => vec!["annotate".into(), "rm".into(), id.to_string()],
            (1, Some(id)) => {
                vec!["annotate".into(), "edit".into(), id.to_string(), "--colour".into(), colour.clone()]
            }
            _ => ["annotate", "add", "--article", "1", "--tag", "融资", "--comment", "核对", "--json"]
                .iter()
                .map(|s| s.to_string())
                .chain(["--start".into(), start.to_string(), "--end".into(), (start + len).to_string()])
                .chain(["--colour".into(), colour.clone()])
                .collect(),
        };
        let mut child = Command::new(env!("CARGO_BIN_EXE_dossier"))
            .arg("--db")
            .arg(&db)
            .args(&args)
            .stdout(Stdio::piped())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // Every fourth edit runs to the end, so that whatever this machine's speed some
        // edits finish and their effect is checked; the others are killed at a random
        // moment within twice the longest edit seen to finish so far.
        let done = if i % 4 == 3 {
            let began = Instant::now();
            child.wait().unwrap();
            longest = longest.max(began.elapsed());
            true
        } else {
            std::thread::sleep(Duration::from_micros(next() % (2 * longest.as_micros() as u64).max(1)));
            let done = child.try_wait().unwrap().is_some();
            if !done {
                child.kill().unwrap();
            }
            done
        };
        let out = child.wait_with_output().unwrap();
        let ok = done && out.status.success();
        match (args[1].as_str(), ok) {
            ("add", true) => {
                let created: Value = serde_json::from_slice(&out.stdout).unwrap();
                confirmed.insert(created["id"].as_i64().unwrap(), Some(colour));
            }
            ("rm", true) => _ = confirmed.insert(pick.unwrap(), None),
            ("edit", true) => _ = confirmed.insert(pick.unwrap(), Some(colour)),
            ("add", false) => {}
            (_, false) => _ = uncertain.insert(pick.unwrap()),
            _ => unreachable!(),
        }
        if ok {
            finished += 1
        } else {
            killed += 1
        }
    }
    println!("{finished} edits finished, {killed} killed");
    assert!(killed > 0 && finished >= 20, "{finished} edits finished, {killed} killed");

    let check = dossier(&db, &["check"]);
    assert!(check.status.success(), "{}", stdout(&check));
    let listed: Value =
        serde_json::from_slice(&dossier(&db, &["annotate", "list", "--json"]).stdout).unwrap();
    let listed: std::collections::BTreeMap<i64, Value> =
        listed.as_array().unwrap().iter().map(|a| (a["id"].as_i64().unwrap(), a.clone())).collect();
    for (id, colour) in confirmed.iter().filter(|(id, _)| !uncertain.contains(id)) {
        assert_eq!(
            listed.get(id).map(|a| a["colour"].as_str().unwrap().to_owned()),
            *colour,
            "annotation {id}"
        );
    }
    // Whole or not at all: every annotation there has its tag and comment.
    for a in listed.values() {
        assert_eq!((a["tags"][0].as_str(), a["comment"].as_str()), (Some("融资"), Some("核对")), "{a}");
    }

    // Undo everything, then redo everything: back where it was, nothing lost on the way.
    let mut steps = 0;
    while dossier(&db, &["annotate", "undo"]).status.success() {
        steps += 1;
    }
    let empty: Value = serde_json::from_slice(&dossier(&db, &["annotate", "list", "--json"]).stdout).unwrap();
    assert_eq!(empty.as_array().unwrap().len(), 0, "undoing every edit leaves no annotation");
    for _ in 0..steps {
        assert!(dossier(&db, &["annotate", "redo"]).status.success());
    }
    assert_eq!(dossier(&db, &["annotate", "redo"]).status.code(), Some(1), "nothing more to redo");
    let again: Value = serde_json::from_slice(&dossier(&db, &["annotate", "list", "--json"]).stdout).unwrap();
    let again: std::collections::BTreeMap<i64, Value> =
        again.as_array().unwrap().iter().map(|a| (a["id"].as_i64().unwrap(), a.clone())).collect();
    assert_eq!(again, listed);
    assert!(dossier(&db, &["check"]).status.success());
}
