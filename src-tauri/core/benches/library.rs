//! Library benchmarks on real SQLite files in a temporary folder.
//!
//!     cargo bench -p dossier-core --bench library -- import [ARTICLES]   (default 10000)
//!     cargo bench -p dossier-core --bench library -- search [ARTICLES]   (default 100000)
//!     cargo bench -p dossier-core --bench library -- index-options [ARTICLES]   (default 20000)
//!
//! `import` times `import::import_paths` on generated .txt and .html files against
//! a baseline of plain inserts of the same texts (same schema and search index, one
//! transaction per article, no parsing) in the same run, and against that baseline
//! plus the extractor's findings stored, which import also does. `search` fills a library
//! through the store and index functions and times `search::search` for Chinese
//! queries of 1, 2 and 4 characters and English words, with and without filters.
//! `index-options` compares the chosen index with the alternatives it was chosen
//! over: index time, size, and what each finds for short Chinese queries.

mod corpus;

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use dossier_core::import::{Format, ParsedArticle};
use dossier_core::ingest::Extractor;
use dossier_core::operations::import::{self, ImportOptions, OutcomeStatus};
use dossier_core::search::{self, SearchQuery};
use dossier_core::store::articles::{self, ArticleFilter};
use dossier_core::store::collections;
use dossier_core::{Create, Library};
use sha2::{Digest, Sha256};

/// Body size of generated articles, in UTF-8 bytes.
const ARTICLE_BYTES: usize = 5_000;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).filter(|a| !a.starts_with("--")).collect();
    let count = |default: usize| args.get(1).map_or(default, |n| n.parse().expect("ARTICLES is a number"));
    let dir = std::env::temp_dir().join(format!("dossier-bench-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("temporary folder");
    println!(
        "SQLite {}, {} CPUs",
        rusqlite::version(),
        std::thread::available_parallelism().map_or(0, |n| n.get())
    );
    match args.first().map(String::as_str) {
        Some("import") => import_bench(&dir, count(10_000)),
        Some("search") => search_bench(&dir, count(100_000)),
        Some("index-options") => options_bench(&dir, count(20_000)),
        _ => eprintln!(
            "usage: cargo bench -p dossier-core --bench library -- import|search|index-options [ARTICLES]"
        ),
    }
    std::fs::remove_dir_all(&dir).expect("remove the temporary folder");
}

fn file_size(path: &Path) -> u64 {
    let wal = PathBuf::from(format!("{}-wal", path.display()));
    std::fs::metadata(path).map_or(0, |m| m.len()) + std::fs::metadata(wal).map_or(0, |m| m.len())
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1e6)
}

fn parsed(article: &corpus::Article, text: String) -> ParsedArticle {
    ParsedArticle {
        title: article.title.clone(),
        outlet: Some(article.outlet.clone()),
        authors: Vec::new(),
        published: Some(article.published.clone()),
        language: if article.language == corpus::Language::En { "en" } else { "zh" }.to_owned(),
        format: Format::Text,
        encoding: Some("UTF-8".to_owned()),
        text,
        notes: Vec::new(),
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Inserts an article and indexes it, in the caller's transaction.
fn insert(conn: &rusqlite::Connection, article: &ParsedArticle, file_name: &str) -> i64 {
    let hash = hex(&Sha256::digest(article.text.as_bytes()));
    let row = articles::NewArticle {
        title: &article.title,
        outlet: article.outlet.as_deref(),
        authors: &article.authors,
        published: article.published.as_deref(),
        language: &article.language,
        file_name: Some(file_name),
        format: article.format.as_str(),
        encoding: article.encoding.as_deref(),
        content_hash: &hash,
        text: &article.text,
    };
    let id = articles::insert(conn, &row).expect("insert");
    search::index_article(conn, id, &article.title, &article.text).expect("index");
    id
}

/// Plain inserts, one transaction per article: what storing costs without parsing;
/// with `extract`, the extractor's findings are stored too, as import stores them.
fn baseline(path: &Path, articles: &[(String, ParsedArticle)], extract: bool) -> Duration {
    let mut library = Library::open(path, Create::IfMissing).expect("open baseline library");
    let extractor = Extractor::builtin();
    let started = Instant::now();
    for (name, article) in articles {
        let tx = library.conn_mut().transaction().expect("transaction");
        let id = insert(&tx, article, name);
        if extract {
            extractor
                .extract_and_save(&tx, id, &article.text, article.published.as_deref())
                .expect("extract");
        }
        tx.commit().expect("commit");
    }
    started.elapsed()
}

fn import_bench(dir: &Path, count: usize) {
    // Load the segmentation dictionary before any clock starts: both sides need it.
    search::index_article(Library::open_in_memory().unwrap().conn(), 1, "预热", "预热").unwrap();
    let files = dir.join("files");
    let (mut txt, mut html) = (Vec::new(), Vec::new());
    for kind in ["txt", "html"] {
        std::fs::create_dir_all(files.join(kind)).unwrap();
    }
    for i in 0..count as u64 {
        let article = corpus::article(i, ARTICLE_BYTES);
        // Three files in ten are saved web pages.
        if i % 10 < 7 {
            let name = format!("{i:05}.txt");
            std::fs::write(files.join("txt").join(&name), article.text()).unwrap();
            let text = article.text();
            txt.push((name, parsed(&article, text)));
        } else {
            let name = format!("{i:05}.html");
            std::fs::write(files.join("html").join(&name), corpus::html(&article)).unwrap();
            let text = article.body.clone();
            html.push((name, parsed(&article, text)));
        }
    }
    let bytes: u64 = walk_bytes(&files);
    println!(
        "import: {count} generated articles, {} on disk ({} .txt, {} .html)",
        mb(bytes),
        txt.len(),
        html.len()
    );
    println!(
        "| files | baseline articles/s | baseline + extraction articles/s | import articles/s | imported \
         | failed | import / baseline time | import / (baseline + extraction) time | WAL file after import |"
    );
    println!("|---|---|---|---|---|---|---|---|---|");
    for (kind, set) in [("txt", &txt), ("html", &html)] {
        let base = baseline(&dir.join(format!("baseline-{kind}.sqlite")), set, false);
        let extracted = baseline(&dir.join(format!("extracted-{kind}.sqlite")), set, true);
        let mut library = Library::open(&dir.join(format!("import-{kind}.sqlite")), Create::IfMissing)
            .expect("open library");
        let started = Instant::now();
        let options = ImportOptions::default();
        let report =
            import::import_paths(&mut library, &[files.join(kind)], &options, &mut |_| {}).expect("import");
        let took = started.elapsed();
        let imported = report.count(OutcomeStatus::Imported);
        let failed = report.count(OutcomeStatus::Failed);
        let first_error = report.outcomes.iter().find_map(|o| o.error.as_ref()).map(|e| e.message.clone());
        let rate = |d: Duration| set.len() as f64 / d.as_secs_f64();
        // The WAL file keeps the size of its longest run between restarts: checkpoints
        // behind the import must still let it restart (about 41 MB, 10,000 pages).
        let wal = |name: String| mb(std::fs::metadata(dir.join(name)).map_or(0, |m| m.len()));
        println!(
            "| {} .{kind} | {:.0} | {:.0} | {:.0} | {imported} | {failed} | {:.2}x | {:.2}x | {} |",
            set.len(),
            rate(base),
            rate(extracted),
            rate(took),
            took.as_secs_f64() / base.as_secs_f64(),
            took.as_secs_f64() / extracted.as_secs_f64(),
            wal(format!("import-{kind}.sqlite-wal")),
        );
        if let Some(message) = first_error {
            println!("  first failure: {message}");
        }
    }
}

fn walk_bytes(dir: &Path) -> u64 {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            if e.file_type().unwrap().is_dir() {
                walk_bytes(&e.path())
            } else {
                e.metadata().unwrap().len()
            }
        })
        .sum()
}

const QUERIES: &[(&str, &[&str])] = &[
    ("1 character", &["芯", "模", "资", "股", "车", "的", "市"]),
    ("2 characters", &["芯片", "融资", "市场", "估值", "算力", "电池"]),
    ("4 characters", &["人工智能", "月之暗面", "阶跃星辰", "市场规模", "研发投入", "产业基金"]),
    ("English word", &["chips", "market", "valuation", "DeepSeek", "funding", "battery"]),
    ("mixed", &["DeepSeek 融资", "芯片 ETF", "智谱 估值", "chips 512480"]),
];

/// Times per query run, after one untimed run of each query.
const RUNS: usize = 30;

fn search_bench(dir: &Path, count: usize) {
    let path = dir.join("search.sqlite");
    let mut library = Library::open(&path, Create::IfMissing).expect("open library");
    let started = Instant::now();
    let mut text_bytes = 0u64;
    for chunk in (0..count as u64).collect::<Vec<_>>().chunks(1_000) {
        let tx = library.conn_mut().transaction().unwrap();
        for &i in chunk {
            let article = corpus::article(i, ARTICLE_BYTES);
            let text = article.text();
            text_bytes += text.len() as u64;
            insert(&tx, &parsed(&article, text), &format!("{i:06}.txt"));
        }
        tx.commit().unwrap();
    }
    let filled = started.elapsed();
    let conn = library.conn();
    let index_bytes = table_bytes(conn);
    println!(
        "search: {count} articles, {} of text, stored and indexed in {:.1} s ({:.0} articles/s); \
         library {}, of which search index {}",
        mb(text_bytes),
        filled.as_secs_f64(),
        count as f64 / filled.as_secs_f64(),
        mb(file_size(&path)),
        mb(index_bytes),
    );
    let collection = collections::create(conn, "跟踪").unwrap();
    conn.execute(
        "INSERT INTO collection_articles (collection_id, article_id) SELECT ?1, id FROM articles WHERE id % 10 = 0",
        [collection],
    )
    .unwrap();
    let filters = [
        ("none", ArticleFilter::default()),
        ("outlet", ArticleFilter { outlet: Some("科技商报".into()), ..Default::default() }),
        (
            "date range",
            ArticleFilter {
                published_from: Some("2024-03".into()),
                published_to: Some("2024-05".into()),
                ..Default::default()
            },
        ),
        ("collection", ArticleFilter { collection: Some(collection), ..Default::default() }),
    ];
    println!("limit 20 hits with snippets; {RUNS} runs of each query");
    println!("| queries | filter | p50 ms | p99 ms | max ms | hits per query (mean) |");
    println!("|---|---|---|---|---|---|");
    for (group, queries) in QUERIES {
        for (filter_name, filter) in &filters {
            let mut times = Vec::new();
            let mut hits = 0;
            for q in *queries {
                let query =
                    SearchQuery { text: (*q).to_owned(), filter: filter.clone(), limit: 20, offset: 0 };
                search::search(conn, &query).expect("search");
                for _ in 0..RUNS {
                    let started = Instant::now();
                    hits += search::search(conn, &query).expect("search").len();
                    times.push(started.elapsed());
                }
            }
            times.sort();
            let at = |p: f64| times[((times.len() - 1) as f64 * p).round() as usize].as_secs_f64() * 1e3;
            println!(
                "| {group} ({}) | {filter_name} | {:.2} | {:.2} | {:.2} | {:.1} |",
                queries.join(" "),
                at(0.5),
                at(0.99),
                at(1.0),
                hits as f64 / times.len() as f64,
            );
        }
    }
}

/// One way to index Chinese: its FTS5 table, how a text is stored in it, and how
/// a query is written for it.
struct IndexOption {
    name: &'static str,
    table: &'static str,
    store: fn(&str) -> String,
    query: fn(&str) -> String,
}

fn jieba() -> &'static jieba_rs::Jieba {
    static JIEBA: std::sync::OnceLock<jieba_rs::Jieba> = std::sync::OnceLock::new();
    JIEBA.get_or_init(jieba_rs::Jieba::new)
}

fn spaced(words: impl Iterator<Item = String>) -> String {
    words.collect::<Vec<_>>().join(" ")
}

fn quoted(s: &str) -> String {
    format!("\"{s}\"")
}

const INDEX_OPTIONS: &[IndexOption] = &[
    IndexOption {
        name: "trigram on the raw text",
        table: "fts5(title, body, content='', contentless_delete=1, tokenize='trigram')",
        store: |text| text.to_owned(),
        query: quoted,
    },
    IndexOption {
        name: "jieba cut (words only)",
        table: "fts5(title, body, content='', contentless_delete=1, tokenize='unicode61')",
        store: |text| spaced(jieba().cut(text, false).into_iter().map(|t| t.word.to_owned())),
        query: |q| spaced(jieba().cut(q, false).into_iter().map(|t| quoted(t.word))),
    },
    IndexOption {
        name: "jieba cut_for_search (words only)",
        table: "fts5(title, body, content='', contentless_delete=1, tokenize='unicode61')",
        store: |text| spaced(jieba().cut_for_search(text, false).into_iter().map(|t| t.word.to_owned())),
        query: |q| spaced(jieba().cut(q, false).into_iter().map(|t| quoted(t.word))),
    },
    IndexOption {
        name: "CJK unigrams only (phrases)",
        table: "fts5(title, body, content='', contentless_delete=1, tokenize='unicode61')",
        store: |text| spaced(text.chars().map(|c| c.to_string())),
        query: |q| quoted(&spaced(q.chars().map(|c| c.to_string()))),
    },
];

/// Chinese queries of 1, 2 and 4 characters, for the options.
const OPTION_QUERIES: &[(&str, &[&str])] = &[
    ("1 character", &["芯", "模", "资", "股", "车", "的"]),
    ("2 characters", &["芯片", "融资", "市场", "估值", "算力", "电池"]),
    ("4 characters", &["人工智能", "月之暗面", "阶跃星辰", "市场规模", "研发投入", "产业基金"]),
];

fn options_bench(dir: &Path, count: usize) {
    let corpus: Vec<corpus::Article> = (0..count as u64).map(|i| corpus::article(i, ARTICLE_BYTES)).collect();
    let text_bytes: usize = corpus.iter().map(|a| a.title.len() + a.body.len()).sum();
    println!(
        "index options: {count} articles, {} of text; one transaction per 1,000 articles",
        mb(text_bytes as u64)
    );
    println!("| index | build s | index size | 1 char: p50 ms, articles found | 2 chars | 4 chars |");
    println!("|---|---|---|---|---|---|");
    let chosen = Library::open(&dir.join("chosen.sqlite"), Create::IfMissing).unwrap();
    search::index_article(chosen.conn(), 0, "预热", "预热").unwrap();
    chosen.conn().execute("DELETE FROM search_index", []).unwrap();
    let started = Instant::now();
    for chunk in corpus.chunks(1_000).enumerate() {
        let tx = chosen.conn().unchecked_transaction().unwrap();
        for (i, article) in chunk.1.iter().enumerate() {
            search::index_article(&tx, (chunk.0 * 1_000 + i + 1) as i64, &article.title, &article.body)
                .unwrap();
        }
        tx.commit().unwrap();
    }
    let took = started.elapsed();
    println!(
        "| chosen: jieba cut_for_search words + CJK characters | {:.1} | {} | see the search benchmark | | |",
        took.as_secs_f64(),
        mb(table_bytes(chosen.conn()))
    );
    for (n, option) in INDEX_OPTIONS.iter().enumerate() {
        let conn = rusqlite::Connection::open(dir.join(format!("option-{n}.sqlite"))).unwrap();
        conn.execute_batch(&format!(
            "PRAGMA journal_mode = WAL; CREATE VIRTUAL TABLE search_index USING {};",
            option.table
        ))
        .unwrap();
        let started = Instant::now();
        for chunk in corpus.chunks(1_000).enumerate() {
            let tx = conn.unchecked_transaction().unwrap();
            for (i, article) in chunk.1.iter().enumerate() {
                let title = (option.store)(&article.title);
                let body = (option.store)(&article.body);
                tx.execute(
                    "INSERT INTO search_index (rowid, title, body) VALUES (?1, ?2, ?3)",
                    rusqlite::params![(chunk.0 * 1_000 + i + 1) as i64, title, body],
                )
                .unwrap();
            }
            tx.commit().unwrap();
        }
        let took = started.elapsed();
        let mut cells = Vec::new();
        for (_, queries) in OPTION_QUERIES {
            let mut times = Vec::new();
            let mut found = 0i64;
            for q in *queries {
                let expression = (option.query)(q);
                let sql = "SELECT count(*) FROM (SELECT rowid FROM search_index WHERE search_index MATCH ?1
                           ORDER BY bm25(search_index, 5.0, 1.0) LIMIT 20)";
                let all = "SELECT count(*) FROM search_index WHERE search_index MATCH ?1";
                found += conn.query_row(all, [&expression], |r| r.get::<_, i64>(0)).unwrap();
                for _ in 0..10 {
                    let started = Instant::now();
                    conn.query_row(sql, [&expression], |r| r.get::<_, i64>(0)).unwrap();
                    times.push(started.elapsed());
                }
            }
            times.sort();
            cells.push(format!(
                "{:.2}, {:.0}",
                times[times.len() / 2].as_secs_f64() * 1e3,
                found as f64 / queries.len() as f64
            ));
        }
        println!(
            "| {} | {:.1} | {} | {} |",
            option.name,
            took.as_secs_f64(),
            mb(table_bytes(&conn)),
            cells.join(" | ")
        );
    }
}

fn table_bytes(conn: &rusqlite::Connection) -> u64 {
    conn.pragma_update(None, "wal_checkpoint", "TRUNCATE").unwrap();
    conn.query_row("SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'search_index%'", [], |r| {
        r.get::<_, i64>(0)
    })
    .unwrap() as u64
}
