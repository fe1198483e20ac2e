use std::path::PathBuf;

use crate::{dossier, stderr, stdout};

pub fn sample() -> PathBuf {
    let path = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/fixtures/newspaper/ai-market-page-zh.txt"
    ));
    assert!(path.exists(), "the newspaper page fixture is missing at {}", path.display());
    path
}

#[test]
fn import_list_show_search_and_check_the_sample() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let sample = sample();

    let out = dossier(&db, &["import", sample.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    assert!(stdout(&out).contains("1 imported, 0 already in the library, 0 failed"), "{}", stdout(&out));

    let again = dossier(&db, &["import", sample.to_str().unwrap()]);
    assert!(again.status.success(), "a duplicate is not an error");
    assert!(stdout(&again).contains("0 imported, 1 already in the library"), "{}", stdout(&again));

    let list = dossier(&db, &["list", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(rows[0]["title"], "DeepSeek 热度不减 国产大模型改写全球竞争版图");
    let id = rows[0]["id"].as_i64().unwrap().to_string();

    let show = dossier(&db, &["show", &id, "--json"]);
    let article: serde_json::Value = serde_json::from_slice(&show.stdout).unwrap();
    assert!(article["text"].as_str().unwrap().contains("1206亿元"));

    let search = dossier(&db, &["search", "估值", "--json"]);
    assert!(search.status.success(), "{}", stderr(&search));
    let hits: serde_json::Value = serde_json::from_slice(&search.stdout).unwrap();
    assert_eq!(hits[0]["article"]["id"].as_i64().unwrap().to_string(), id);
    assert!(hits[0]["snippet"].as_array().unwrap().iter().any(|p| p["hit"] == true));

    let check = dossier(&db, &["check"]);
    assert!(check.status.success(), "{}", stdout(&check));
    assert!(stdout(&check).starts_with("ok: 1 article,"), "{}", stdout(&check));
}

#[test]
fn user_errors_exit_1_with_one_clear_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    for (args, words) in [
        (vec!["show", "42"], "no article with id 42"),
        (vec!["list", "--from", "yesterday"], "is not a date"),
        (
            vec!["list", "--sort", "size"],
            "unknown --sort \"size\"; use one of published, imported, title, outlet",
        ),
        (vec!["list", "--collection", "nope"], "no collection named"),
    ] {
        let out = dossier(&db, &args);
        assert_eq!(out.status.code(), Some(1), "{args:?}");
        let err = stderr(&out);
        assert_eq!(err.lines().count(), 1, "{args:?}: {err}");
        assert!(err.contains(words), "{args:?}: {err}");
    }
}

#[test]
fn a_failed_file_is_reported_and_the_rest_imported() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let good = dir.path().join("good.txt");
    let empty = dir.path().join("empty.txt");
    std::fs::write(&good, "Chip stocks rally\n\nThe semiconductor ETF rose 3.39%.").unwrap();
    std::fs::write(&empty, "").unwrap();
    let out = dossier(&db, &["import", empty.to_str().unwrap(), good.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(1));
    let text = stdout(&out);
    assert!(text.contains("failed     ") && text.contains("empty.txt: file is empty"), "{text}");
    assert!(text.contains("1 imported, 0 already in the library, 1 failed"), "{text}");

    let report = dossier(&db, &["import", "--json", good.to_str().unwrap()]);
    let json: serde_json::Value = serde_json::from_slice(&report.stdout).unwrap();
    assert_eq!(json["outcomes"][0]["status"], "duplicate");
}

#[test]
fn collections_group_articles() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let sample = sample();
    let out = dossier(&db, &["import", "--collection", "AI 芯片", sample.to_str().unwrap()]);
    assert!(out.status.success(), "{}", stderr(&out));
    let list = dossier(&db, &["collection", "list", "--json"]);
    let all: serde_json::Value = serde_json::from_slice(&list.stdout).unwrap();
    assert_eq!(all[0]["name"], "AI 芯片");
    assert_eq!(all[0]["article_count"], 1);
    let filtered = dossier(&db, &["list", "--collection", "AI 芯片", "--json"]);
    let rows: serde_json::Value = serde_json::from_slice(&filtered.stdout).unwrap();
    assert_eq!(rows.as_array().unwrap().len(), 1);
    assert_eq!(dossier(&db, &["collection", "create", "AI 芯片"]).status.code(), Some(1));
}

#[test]
fn a_newer_library_is_refused_with_exit_1() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.pragma_update(None, "user_version", 10_000).unwrap();
    drop(conn);
    let out = dossier(&db, &["list"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(stderr(&out).contains("newer version of Dossier"), "{}", stderr(&out));
}

#[test]
fn extract_prints_the_json_contract_with_exact_spans() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    let sample = sample();
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_dossier"))
        .args(["extract", "--published", "2025-02-14", "--json"])
        .arg(&sample)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", stderr(&out));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(json["published"], "2025-02-14");
    assert_eq!(json["language"], "zh");

    // Offsets are code points into the canonical text, which `show` prints.
    assert!(dossier(&db, &["import", sample.to_str().unwrap()]).status.success());
    let shown: serde_json::Value =
        serde_json::from_slice(&dossier(&db, &["show", "1", "--json"]).stdout).unwrap();
    let text: Vec<char> = shown["text"].as_str().unwrap().chars().collect();
    for list in ["quantities", "dates", "mentions"] {
        let items = json[list].as_array().unwrap();
        assert!(!items.is_empty(), "no {list}");
        for item in items {
            let (start, end) =
                (item["start"].as_u64().unwrap() as usize, item["end"].as_u64().unwrap() as usize);
            let span: String = text[start..end].iter().collect();
            assert_eq!(span, item["text"].as_str().unwrap(), "{list} {item}");
        }
    }
    let facts = json["facts"].as_array().unwrap();
    let funding =
        facts.iter().find(|f| f["metric"] == "funding" && f["subject"] == "智谱").expect("智谱 funding");
    let q = &json["quantities"][funding["quantity"].as_u64().unwrap() as usize];
    assert_eq!((q["low"].as_f64(), q["unit"].as_str()), (Some(3e9), Some("CNY")));
    assert_eq!(funding["date"], "2024-12");

    let csv = dossier(&db, &["facts", "--format", "csv", "--metric", "valuation"]);
    let csv = stdout(&csv);
    assert!(csv.starts_with("id,subject,metric,value,"), "{csv}");
    assert!(csv.lines().skip(1).all(|l| l.contains(",valuation,")), "{csv}");
    assert_eq!(dossier(&db, &["facts", "--format", "xml"]).status.code(), Some(1));
}

#[test]
fn export_writes_each_format_and_keeps_existing_files() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    assert!(dossier(&db, &["import", sample().to_str().unwrap()]).status.success());
    let conn = rusqlite::Connection::open(&db).unwrap();
    conn.execute("UPDATE facts SET status = 'confirmed' WHERE subject = '智谱'", []).unwrap();
    drop(conn);

    let formats = ["md", "html", "docx", "xlsx", "csv", "json", "pdf"];
    for format in formats.into_iter().filter(|f| cfg!(feature = "pdf") || *f != "pdf") {
        let out = dir.path().join(format!("report.{format}"));
        let run = dossier(
            &db,
            &[
                "export",
                "--format",
                format,
                "--out",
                out.to_str().unwrap(),
                "--article",
                "1",
                "--title",
                "智谱数据",
            ],
        );
        assert!(run.status.success(), "{format}: {}", stderr(&run));
        assert!(stdout(&run).starts_with("wrote 2 facts from 1 sources"), "{}", stdout(&run));
        assert!(std::fs::metadata(&out).unwrap().len() > 0);
    }
    let md = std::fs::read_to_string(dir.path().join("report.md")).unwrap();
    assert!(md.starts_with("# 智谱数据"));
    assert!(md.contains("30亿元人民币"));

    let md_path = dir.path().join("report.md");
    let again =
        dossier(&db, &["export", "--format", "html", "--out", md_path.to_str().unwrap(), "--article", "1"]);
    assert_eq!(again.status.code(), Some(1));
    assert!(stderr(&again).contains("already exists; pass --force"), "{}", stderr(&again));
    assert_eq!(std::fs::read_to_string(&md_path).unwrap(), md, "the file was kept");

    let all = dossier(
        &db,
        &[
            "export",
            "--format",
            "json",
            "--out",
            md_path.to_str().unwrap(),
            "--article",
            "1",
            "--all-statuses",
            "--force",
        ],
    );
    assert!(all.status.success(), "{}", stderr(&all));
    let json: serde_json::Value = serde_json::from_str(&std::fs::read_to_string(&md_path).unwrap()).unwrap();
    assert!(json["facts"].as_array().unwrap().len() > 2, "--all-statuses adds unreviewed facts");

    // A highlight tagged from the command line, exported by its tag without the timeline.
    let tagged = dossier(
        &db,
        &[
            "annotate",
            "add",
            "--article",
            "1",
            "--quote",
            "30亿元人民币",
            "--tag",
            "融资",
            "--comment",
            "核对投资方",
        ],
    );
    assert!(tagged.status.success(), "{}", stderr(&tagged));
    let by_tag = dossier(
        &db,
        &[
            "export",
            "--format",
            "md",
            "--out",
            md_path.to_str().unwrap(),
            "--tag",
            "融资",
            "--omit",
            "timeline",
            "--force",
        ],
    );
    assert!(by_tag.status.success(), "{}", stderr(&by_tag));
    let md = std::fs::read_to_string(&md_path).unwrap();
    assert!(md.contains("核对投资方") && md.contains("30亿元人民币"), "{md}");
    assert!(!md.contains("## 时间线"), "{md}");

    let out = dir.path().join("x.md");
    let out = out.to_str().unwrap();
    for (args, message) in [
        (vec!["export", "--format", "odt", "--out", out, "--article", "1"], "unknown --format \"odt\""),
        (vec!["export", "--format", "md", "--out", out], "choose one scope"),
        (
            vec!["export", "--format", "md", "--out", out, "--article", "1", "--search", "x"],
            "choose one scope",
        ),
        (vec!["export", "--format", "md", "--out", out, "--article", "99"], "no article"),
        (vec!["export", "--format", "md", "--out", out, "--fact", "12345"], "no fact with id 12345"),
        (vec!["export", "--format", "md", "--out", out, "--collection", "无"], "no collection named"),
    ] {
        let run = dossier(&db, &args);
        assert_eq!(run.status.code(), Some(1), "{args:?}");
        assert!(stderr(&run).contains(message), "{args:?}: {}", stderr(&run));
    }
    assert!(!dir.path().join("x.md").exists());
}
