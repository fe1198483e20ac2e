//! `dossier annotate`, `tags`, `facts` review and `entities` on the sample article.

use serde_json::Value;

use crate::cli::sample;
use crate::{dossier, stderr, stdout};

fn json(out: &std::process::Output) -> Value {
    assert!(out.status.success(), "{}", stderr(out));
    serde_json::from_slice(&out.stdout).unwrap_or_else(|e| panic!("{e}: {}", stdout(out)))
}

fn fails_with(out: &std::process::Output, words: &str) {
    assert_eq!(out.status.code(), Some(1), "{}", stdout(out));
    let err = stderr(out);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains(words), "{err}");
}

/// A piece of the text that occurs in it exactly once.
fn unique_quote(text: &str) -> String {
    let chars: Vec<char> = text.chars().collect();
    (200..chars.len() - 12)
        .map(|i| chars[i..i + 12].iter().collect::<String>())
        .find(|q| !q.contains('\n') && text.matches(q.as_str()).count() == 1)
        .expect("a unique quote")
}

#[test]
fn annotations_from_the_command_line_with_tags_undo_and_redo() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    assert!(dossier(&db, &["import", sample().to_str().unwrap()]).status.success());
    let text = json(&dossier(&db, &["show", "1", "--json"]))["text"].as_str().unwrap().to_owned();
    let quote = unique_quote(&text);

    let first = json(&dossier(
        &db,
        &[
            "annotate",
            "add",
            "--article",
            "1",
            "--quote",
            &quote,
            "--colour",
            "green",
            "--tag",
            "融资",
            "--tag",
            "待核实",
            "--comment",
            "与工商登记核对",
            "--json",
        ],
    ));
    assert_eq!(first["selector"]["quote"]["exact"], quote.as_str());
    assert_eq!(first["tags"], serde_json::json!(["待核实", "融资"]));
    let start = first["selector"]["position"]["start"].as_u64().unwrap() as usize;
    let quoted: String = text.chars().skip(start).take(12).collect();
    assert_eq!(quoted, quote, "positions are code points into the text");
    let second = dossier(&db, &["annotate", "add", "--article", "1", "--start", "0", "--end", "8"]);
    assert!(
        stdout(&second).starts_with("created annotation #2 on article #1 at 0..8"),
        "{}",
        stdout(&second)
    );

    let listed = json(&dossier(&db, &["annotate", "list", "--article", "1", "--json"]));
    assert_eq!(listed.as_array().unwrap().len(), 2);
    let tagged = json(&dossier(&db, &["annotate", "list", "--tag", "融资", "--json"]));
    assert_eq!(tagged.as_array().unwrap().len(), 1);
    assert_eq!(json(&dossier(&db, &["list", "--tag", "融资", "--json"])).as_array().unwrap().len(), 1);
    let tags = json(&dossier(&db, &["tags", "list", "--json"]));
    assert_eq!(tags.as_array().unwrap().len(), 2);
    assert!(dossier(&db, &["annotate", "edit", "2", "--comment", "标题", "--tag", "标题"]).status.success());

    let id = first["id"].as_i64().unwrap().to_string();
    assert!(dossier(&db, &["annotate", "rm", &id]).status.success());
    assert_eq!(json(&dossier(&db, &["annotate", "list", "--json"])).as_array().unwrap().len(), 1);
    let undone = json(&dossier(&db, &["annotate", "undo", "--json"]));
    assert_eq!(undone["annotation"]["comment"], "与工商登记核对", "the deleted annotation is back whole");
    assert_eq!(undone["annotation"]["tags"], first["tags"]);
    let redone = json(&dossier(&db, &["annotate", "redo", "--json"]));
    assert_eq!(redone["annotation"], Value::Null);
    fails_with(&dossier(&db, &["annotate", "redo"]), "nothing to redo");

    fails_with(
        &dossier(&db, &["annotate", "add", "--article", "1", "--quote", "这句话不在文中"]),
        "is not in article #1",
    );
    fails_with(
        &dossier(&db, &["annotate", "add", "--article", "1", "--quote", "DeepSeek"]),
        "more than once",
    );
    fails_with(
        &dossier(&db, &["annotate", "add", "--article", "9", "--start", "0", "--end", "2"]),
        "no article with id 9",
    );
    fails_with(
        &dossier(&db, &["annotate", "add", "--article", "1", "--start", "5", "--end", "5"]),
        "empty or outside",
    );
    fails_with(&dossier(&db, &["annotate", "rm", "77"]), "no annotation with id 77");
    fails_with(&dossier(&db, &["list", "--tag", "没有"]), "no tag named");
    let schema = dossier_core::store::SCHEMA_VERSION;
    assert!(stdout(&dossier(&db, &["check"])).starts_with(&format!("ok: 1 article, schema version {schema}")));
}

#[test]
fn facts_are_reviewed_and_entities_merged_from_the_command_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("library.sqlite");
    assert!(dossier(&db, &["import", sample().to_str().unwrap()]).status.success());
    let all = json(&dossier(&db, &["facts", "--format", "json"]));
    let listed = json(&dossier(&db, &["facts", "list", "--format", "json"]));
    assert_eq!(all, listed, "`facts` and `facts list` are the same");
    let zhipu = json(&dossier(&db, &["facts", "--entity", "智谱", "--format", "json"]));
    let funding = zhipu.as_array().unwrap().iter().find(|f| f["metric"] == "funding").expect("智谱 funding");
    let id = funding["id"].as_i64().unwrap().to_string();

    let confirmed = json(&dossier(&db, &["facts", "confirm", &id, "--json"]));
    assert_eq!(confirmed[0]["status"], "confirmed");
    let edited = json(&dossier(
        &db,
        &["facts", "edit", &id, "--value", "3.5e9", "--round", "C轮", "--investor", "上海国投", "--json"],
    ));
    assert_eq!((edited[0]["low"].as_f64(), edited[0]["high"].as_f64()), (Some(3.5e9), Some(3.5e9)));
    assert_eq!((edited[0]["round"].as_str(), edited[0]["status"].as_str()), (Some("C轮"), Some("edited")));
    assert_eq!(edited[0]["investors"], serde_json::json!(["上海国投"]));
    let other = all.as_array().unwrap().iter().find(|f| f["id"] != funding["id"]).unwrap();
    let other_id = other["id"].as_i64().unwrap().to_string();
    assert!(dossier(&db, &["facts", "reject", &other_id]).status.success());
    let visible = json(&dossier(&db, &["facts", "--format", "json"]));
    assert_eq!(visible.as_array().unwrap().len() + 1, all.as_array().unwrap().len());
    let with_rejected = json(&dossier(&db, &["facts", "list", "--rejected", "--format", "json"]));
    assert_eq!(with_rejected.as_array().unwrap().len(), all.as_array().unwrap().len());
    fails_with(&dossier(&db, &["facts", "edit", &id, "--metric", "mood"]), "unknown --metric \"mood\"");
    fails_with(&dossier(&db, &["facts", "confirm", "99999"]), "no fact with id 99999");
    // Re-extraction keeps the edit.
    assert!(dossier(&db, &["reextract", "--all"]).status.success());
    let kept = json(&dossier(&db, &["facts", "--entity", "智谱", "--format", "json"]));
    let kept = kept.as_array().unwrap().iter().find(|f| f["id"] == funding["id"]).unwrap().clone();
    assert_eq!(kept, edited[0]);

    let entities = json(&dossier(&db, &["entities", "list", "--json"]));
    let named = |name: &str| entities.as_array().unwrap().iter().find(|e| e["name"] == name).cloned();
    let (zhipu, kimi) = (named("智谱").expect("智谱"), named("月之暗面").expect("月之暗面"));
    assert!(kimi["aliases"].as_array().unwrap().iter().any(|a| a == "Kimi"), "{kimi}");
    assert!(dossier(&db, &["entities", "alias", "智谱", "智谱华章AI"]).status.success());
    fails_with(&dossier(&db, &["entities", "alias", "月之暗面", "智谱华章AI"]), "already a name of");
    let merged = dossier(&db, &["entities", "merge", "月之暗面", "智谱"]);
    assert!(merged.status.success(), "{}", stderr(&merged));
    let together = json(&dossier(&db, &["entities", "facts", "智谱华章AI", "--json"]));
    let count = (zhipu["fact_count"].as_i64().unwrap() + kimi["fact_count"].as_i64().unwrap()) as usize;
    assert_eq!(together.as_array().unwrap().len(), count, "both entities' facts, together");
    let by_kimi = json(&dossier(&db, &["facts", "--entity", "Kimi", "--format", "json"]));
    assert_eq!(by_kimi.as_array().unwrap().len(), count);
    // The merged name is now one of 智谱's: merging it again would merge 智谱 into itself.
    fails_with(&dossier(&db, &["entities", "merge", "月之暗面", "智谱"]), "into itself");

    // The merge feeds the next extraction, which holds it: a plain `reextract` reads the
    // article again (the user's entities changed), and nothing comes apart.
    let again = dossier(&db, &["reextract"]);
    assert!(stdout(&again).contains("re-extracted 1 articles"), "{}", stdout(&again));
    let after = json(&dossier(&db, &["entities", "facts", "Kimi", "--json"]));
    assert_eq!(after.as_array().unwrap().len(), count, "the merge came apart");
    let listed = json(&dossier(&db, &["entities", "list", "--json"]));
    assert!(
        !listed.as_array().unwrap().iter().any(|e| e["name"] == "月之暗面"),
        "月之暗面 is an entity again"
    );

    // An entity rejected as junk goes, and stays gone after re-extraction.
    let etf = named("半导体ETF").expect("半导体ETF");
    assert!(dossier(&db, &["entities", "rm", "半导体ETF"]).status.success());
    assert!(stdout(&dossier(&db, &["reextract"])).contains("re-extracted 1 articles"));
    let listed = json(&dossier(&db, &["entities", "list", "--json"]));
    assert!(!listed.as_array().unwrap().iter().any(|e| e["id"] == etf["id"] || e["name"] == "半导体ETF"));
    let subjects = json(&dossier(&db, &["facts", "--format", "json"]));
    assert!(!subjects.as_array().unwrap().iter().any(|f| f["subject"] == "半导体ETF"), "{subjects}");
    assert!(dossier(&db, &["check"]).status.success());
}
