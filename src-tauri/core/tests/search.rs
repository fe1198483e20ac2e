//! Search over a small library of our own articles: Chinese queries of every
//! length, English words, ranking, snippets, filters, hostile input, deletion.

use dossier_core::import::{Format, ParsedArticle};
use dossier_core::ingest;
use dossier_core::search::{self, SearchHit, SearchQuery, MAX_QUERY_CHARS};
use dossier_core::store::articles::{self, ArticleFilter};
use dossier_core::store::collections;
use dossier_core::{ErrorKind, Library};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/search");

/// (file, outlet, published)
const ARTICLES: &[(&str, &str, &str)] = &[
    ("zh-chips.txt", "科技商报", "2025-02-15"),
    ("zh-funding.txt", "经济观察周刊", "2024-12-18"),
    ("en-chips.txt", "Harbour Markets Daily", "2025-02-14"),
    ("en-funding.txt", "Harbour Markets Daily", "2024-12-20"),
    ("mixed-dragons.txt", "科技商报", "2025-02-16"),
    ("zh-cars.txt", "汽车周刊", "2025-02-03"),
];

struct Fixture {
    library: Library,
    /// Article ids by file name.
    ids: Vec<(&'static str, i64)>,
}

impl Fixture {
    fn new() -> Self {
        let mut library = Library::open_in_memory().unwrap();
        let mut ids = Vec::new();
        for &(file, outlet, published) in ARTICLES {
            let path = format!("{FIXTURES}/{file}");
            let raw = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("fixture {path}: {e}"));
            let (title, body) = raw.split_once('\n').unwrap();
            let article = ParsedArticle {
                title: title.to_owned(),
                outlet: Some(outlet.to_owned()),
                authors: Vec::new(),
                published: Some(published.to_owned()),
                language: if file.starts_with("en") { "en" } else { "zh" }.to_owned(),
                format: Format::Text,
                encoding: Some("UTF-8".to_owned()),
                text: body.trim().to_owned(),
                notes: Vec::new(),
            };
            let stored = ingest::store_parsed(&mut library, article, raw.as_bytes(), file).unwrap();
            ids.push((file, stored.article_id));
        }
        Self { library, ids }
    }

    fn id(&self, file: &str) -> i64 {
        self.ids.iter().find(|(f, _)| *f == file).unwrap().1
    }

    fn file(&self, id: i64) -> &'static str {
        self.ids.iter().find(|(_, i)| *i == id).unwrap().0
    }

    fn search_with(&self, text: &str, filter: ArticleFilter) -> Vec<SearchHit> {
        let query = SearchQuery { text: text.to_owned(), filter, limit: 20, offset: 0 };
        search::search(self.library.conn(), &query).unwrap_or_else(|e| panic!("{text:?}: {e}"))
    }

    fn search(&self, text: &str) -> Vec<SearchHit> {
        self.search_with(text, ArticleFilter::default())
    }

    /// Files of the hits, in rank order.
    fn files(&self, text: &str) -> Vec<&'static str> {
        self.search(text).iter().map(|h| self.file(h.article.id)).collect()
    }
}

fn sorted(mut files: Vec<&'static str>) -> Vec<&'static str> {
    files.sort();
    files
}

fn highlighted(hit: &SearchHit) -> Vec<String> {
    hit.snippet.iter().filter(|p| p.hit).map(|p| p.text.clone()).collect()
}

#[test]
fn one_character_finds_words_containing_it() {
    let f = Fixture::new();
    // 芯 appears only inside 芯片.
    assert_eq!(f.files("芯"), ["zh-chips.txt"]);
    let hits = f.search("芯");
    assert!(highlighted(&hits[0]).iter().all(|h| h == "芯"), "{:?}", hits[0].snippet);
    // 辆 appears only in the car article, inside 万辆.
    assert_eq!(f.files("辆"), ["zh-cars.txt"]);
}

#[test]
fn two_three_and_four_character_queries() {
    let f = Fixture::new();
    assert_eq!(f.files("芯片"), ["zh-chips.txt"]);
    assert_eq!(sorted(f.files("融资")), ["zh-chips.txt", "zh-funding.txt"]);
    assert_eq!(sorted(f.files("大模型")), ["mixed-dragons.txt", "zh-funding.txt"]);
    // Not all words: matched as an exact string.
    assert_eq!(f.files("资完成"), ["zh-funding.txt"]);
    assert_eq!(f.files("成融"), ["zh-chips.txt"]);
    assert_eq!(sorted(f.files("阶跃星辰")), ["mixed-dragons.txt", "zh-funding.txt"]);
    assert_eq!(f.files("月之暗面"), ["zh-funding.txt"]);
    assert_eq!(f.files("渗透率"), ["zh-cars.txt"]);
    assert!(f.files("量子计算").is_empty());
}

#[test]
fn query_that_is_no_word_in_the_text_is_found_as_a_string() {
    let f = Fixture::new();
    // The text says 研究生命科学, cut as 研究/生命/科学; the query is the word
    // 研究生. Words find nothing, the exact string does.
    assert_eq!(f.files("研究生"), ["zh-chips.txt"]);
    assert_eq!(f.files("龚斌认为"), ["zh-funding.txt"]);
}

#[test]
fn english_words_ignore_case_and_inflection() {
    let f = Fixture::new();
    let expected = ["en-chips.txt", "en-funding.txt", "mixed-dragons.txt", "zh-chips.txt"];
    for q in ["deepseek", "DEEPSEEK", "DeepSeek"] {
        assert_eq!(sorted(f.files(q)), expected, "{q}");
    }
    // chip / chips, valuation / valuations; the last word is also a prefix.
    assert_eq!(f.files("chip"), ["en-chips.txt"]);
    assert_eq!(f.files("valuation"), ["en-funding.txt"]);
    assert_eq!(sorted(f.files("deeps")), expected);
    assert_eq!(f.files("512480").len(), 2);
}

#[test]
fn mixed_queries_need_every_term() {
    let f = Fixture::new();
    assert_eq!(f.files("DeepSeek 大模型"), ["mixed-dragons.txt"]);
    assert_eq!(f.files("DeepSeek 芯片 ETF"), ["zh-chips.txt"]);
    assert_eq!(f.files("startups 百川智能"), ["mixed-dragons.txt"]);
    assert!(f.files("DeepSeek 新能源").is_empty());
}

#[test]
fn title_hits_outrank_body_hits() {
    let f = Fixture::new();
    // 融资 is in zh-funding's title and once in zh-chips's body.
    let hits = f.search("融资");
    assert_eq!(f.file(hits[0].article.id), "zh-funding.txt");
    assert!(hits[0].score > hits[1].score, "{} vs {}", hits[0].score, hits[1].score);
    // DeepSeek is in two titles and two bodies.
    let files = f.files("DeepSeek");
    assert_eq!(sorted(files[..2].to_vec()), ["en-chips.txt", "mixed-dragons.txt"], "{files:?}");
    // One character: 场 is in zh-chips's title (市场) and zh-cars's body.
    let hits = f.search("场");
    assert_eq!(f.file(hits[0].article.id), "zh-chips.txt", "市场 in the title");
}

#[test]
fn snippets_hold_the_hit_and_are_short() {
    let f = Fixture::new();
    for q in ["芯片", "阶跃星辰", "chips", "3.39", "龚斌"] {
        for hit in f.search(q) {
            let text: String = hit.snippet.iter().map(|p| p.text.as_str()).collect();
            let length = text.chars().count();
            assert!((20..=122).contains(&length), "{q}: {length} characters: {text}");
            let hits = highlighted(&hit);
            assert!(!hits.is_empty(), "{q}: no highlight in {text}");
            // 3.39 is highlighted as 3 and 39; chips as chip where the text says chip.
            let wanted = q.split('.').next().unwrap().to_lowercase();
            let shows =
                |h: &String| h.to_lowercase().contains(&wanted) || wanted.starts_with(&h.to_lowercase());
            assert!(hits.iter().any(shows), "{q}: {hits:?} in {text}");
        }
    }
    // Centred on the match, not the article's opening.
    let hit = &f.search("龚斌")[0];
    let text: String = hit.snippet.iter().map(|p| p.text.as_str()).collect();
    assert!(text.contains("龚斌认为"), "{text}");
    assert!(!text.contains("本报记者"), "{text}");
}

#[test]
fn filters_by_outlet_date_and_collection() {
    let f = Fixture::new();
    let outlet = ArticleFilter { outlet: Some("Harbour Markets Daily".into()), ..Default::default() };
    let files: Vec<_> = f.search_with("DeepSeek", outlet).iter().map(|h| f.file(h.article.id)).collect();
    assert_eq!(sorted(files), ["en-chips.txt", "en-funding.txt"]);

    let february = ArticleFilter {
        published_from: Some("2025-02".into()),
        published_to: Some("2025-02".into()),
        ..Default::default()
    };
    let files: Vec<_> = f.search_with("DeepSeek", february).iter().map(|h| f.file(h.article.id)).collect();
    assert_eq!(sorted(files), ["en-chips.txt", "mixed-dragons.txt", "zh-chips.txt"]);
    let december = ArticleFilter { published_to: Some("2024-12-31".into()), ..Default::default() };
    let files: Vec<_> = f.search_with("融资", december).iter().map(|h| f.file(h.article.id)).collect();
    assert_eq!(files, ["zh-funding.txt"]);

    let conn = f.library.conn();
    let collection = collections::create(conn, "芯片跟踪").unwrap();
    collections::add_article(conn, collection, f.id("en-chips.txt")).unwrap();
    collections::add_article(conn, collection, f.id("zh-cars.txt")).unwrap();
    let in_collection = ArticleFilter { collection: Some(collection), ..Default::default() };
    let files: Vec<_> =
        f.search_with("deepseek", in_collection.clone()).iter().map(|h| f.file(h.article.id)).collect();
    assert_eq!(files, ["en-chips.txt"]);
    // A one-character query with a filter.
    let files: Vec<_> = f.search_with("辆", in_collection).iter().map(|h| f.file(h.article.id)).collect();
    assert_eq!(files, ["zh-cars.txt"]);
}

#[test]
fn hostile_queries_give_results_or_a_clear_error() {
    let f = Fixture::new();
    let long = "芯片".repeat(5_000);
    let many_words = "chip ".repeat(2_000);
    let queries = [
        "\"",
        "\"\"",
        "\"DeepSeek",
        "*",
        "芯片*",
        "NEAR(",
        "NEAR(chips market, 2)",
        "AND",
        "chips AND",
        "OR chips",
        "NOT",
        "^",
        "^chips",
        "-",
        "-chips",
        "(",
        "((芯片",
        "芯片)",
        ")(",
        "title:芯片",
        "{title}: x",
        "'; DROP TABLE articles; --",
        "\u{301}",
        "\0",
        "",
        "   \t\n",
        &long,
        &many_words,
    ];
    for q in queries {
        let query =
            SearchQuery { text: q.to_owned(), filter: ArticleFilter::default(), limit: 10, offset: 0 };
        match search::search(f.library.conn(), &query) {
            Ok(_) => {}
            Err(e) => {
                assert_eq!(e.kind, ErrorKind::InvalidInput, "{q:?}: {e:?}");
                for raw in ["fts5", "syntax", "SQL", "database"] {
                    assert!(!e.message.contains(raw), "{q:?}: raw error text: {}", e.message);
                }
            }
        }
    }
    // The operators are plain words or separators: these still find things.
    assert_eq!(f.files("\"芯片"), ["zh-chips.txt"]);
    assert_eq!(f.files("chips AND market"), ["en-chips.txt"]);
    assert_eq!(f.files("(芯片) NEAR("), Vec::<&str>::new(), "near is a word no text has");
    let e = search::search(
        f.library.conn(),
        &SearchQuery { text: long.clone(), filter: ArticleFilter::default(), limit: 10, offset: 0 },
    )
    .unwrap_err();
    assert!(e.message.contains(&MAX_QUERY_CHARS.to_string()), "{}", e.message);
    let e = search::search(f.library.conn(), &SearchQuery { text: " ".into(), ..Default::default() })
        .unwrap_err();
    assert!(e.message.contains("nothing to search for"), "{}", e.message);
    // The library is intact.
    assert_eq!(f.files("芯片"), ["zh-chips.txt"]);
}

#[test]
fn deleted_articles_leave_no_hit() {
    let f = Fixture::new();
    let conn = f.library.conn();
    let id = f.id("zh-chips.txt");
    assert!(f.search("芯").iter().any(|h| h.article.id == id));
    conn.execute("DELETE FROM articles WHERE id = ?1", [id]).unwrap();
    for q in ["芯", "芯片", "512480", "DeepSeek", "国产AI芯片市场"] {
        assert!(f.search(q).iter().all(|h| h.article.id != id), "{q}");
    }
    let left: i64 =
        conn.query_row("SELECT count(*) FROM search_index WHERE rowid = ?1", [id], |r| r.get(0)).unwrap();
    assert_eq!(left, 0);
}

#[test]
fn rebuild_indexes_every_article_again() {
    let f = Fixture::new();
    let before: Vec<_> = ["芯", "融资", "DeepSeek 大模型", "chips"].iter().map(|q| f.files(q)).collect();
    assert_eq!(search::rebuild(f.library.conn()).unwrap(), ARTICLES.len());
    let after: Vec<_> = ["芯", "融资", "DeepSeek 大模型", "chips"].iter().map(|q| f.files(q)).collect();
    assert_eq!(before, after);
    let rows: i64 =
        f.library.conn().query_row("SELECT count(*) FROM search_index", [], |r| r.get(0)).unwrap();
    assert_eq!(rows, ARTICLES.len() as i64);
}

#[test]
fn paging_continues_where_the_first_page_stopped() {
    let f = Fixture::new();
    let all = f.search("DeepSeek");
    let query =
        |offset| SearchQuery { text: "DeepSeek".into(), filter: ArticleFilter::default(), limit: 2, offset };
    let first = search::search(f.library.conn(), &query(0)).unwrap();
    let second = search::search(f.library.conn(), &query(2)).unwrap();
    let paged: Vec<i64> = first.iter().chain(&second).map(|h| h.article.id).collect();
    assert_eq!(paged, all.iter().map(|h| h.article.id).collect::<Vec<_>>());
}

#[test]
fn only_the_newest_candidates_are_ranked_when_too_many_match() {
    let mut f = Fixture::new();
    let total = search::MAX_CANDIDATES + 50;
    let tx = f.library.conn_mut().transaction().unwrap();
    for i in 0..total {
        // Every hundredth has the query in its title.
        let title =
            if i % 100 == 0 { format!("第{i}期 光伏简报") } else { format!("第{i}期 行业简报") };
        let text = format!("第{i}期：本周光伏组件价格小幅回落，储能订单增加。");
        let article = articles::NewArticle {
            title: &title,
            outlet: Some("产业观察"),
            authors: &[],
            published: Some("2025-01-10"),
            language: "zh",
            file_name: None,
            format: Format::Text.as_str(),
            encoding: None,
            content_hash: &format!("hash-{i}"),
            text: &text,
        };
        let id = articles::insert(&tx, &article).unwrap();
        search::index_article(&tx, id, &title, &text).unwrap();
    }
    tx.commit().unwrap();
    let newest: i64 = f.library.conn().query_row("SELECT max(id) FROM articles", [], |r| r.get(0)).unwrap();
    let oldest_ranked = newest - search::MAX_CANDIDATES as i64 + 1;
    let query =
        SearchQuery { text: "光伏".into(), filter: ArticleFilter::default(), limit: 1_000, offset: 0 };
    let hits = search::search(f.library.conn(), &query).unwrap();
    assert_eq!(hits.len(), 1_000);
    assert!(hits.iter().all(|h| h.article.id >= oldest_ranked));
    let title_hits = hits.iter().take_while(|h| h.article.title.contains("光伏")).count();
    assert_eq!(title_hits, search::MAX_CANDIDATES / 100, "title hits first");
    assert!(hits[title_hits..].iter().all(|h| !h.article.title.contains("光伏")));
    assert!(hits[title_hits..].windows(2).all(|w| w[0].article.id > w[1].article.id), "newest first");
    let last_page = SearchQuery { offset: search::MAX_CANDIDATES - 10, ..query };
    assert_eq!(search::search(f.library.conn(), &last_page).unwrap().len(), 10);
}
