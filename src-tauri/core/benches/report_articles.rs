//! A report's cost must follow its facts, not how they are spread over articles: the
//! same ~10,000 funding facts, once in one long article and once over 40 articles, read
//! out of a real library (`report::build`) and rendered in every format. Prints each
//! format's time for both libraries and their ratio (one article / 40 articles).
//! Run: `cargo bench -p dossier-core --bench report_articles` (`-- --facts N` for
//! another size).

use std::time::{Duration, Instant};

use dossier_core::import::Limits;
use dossier_core::ingest;
use dossier_core::report::{self, Format, Scope, ScopeRequest};
use dossier_core::store::collections;
use dossier_core::{Create, Library};

const ARTICLES: usize = 40;

/// One funding round per sentence, each firm and amount its own, in the sample's style.
fn sentences(count: usize) -> Vec<String> {
    const FIRST: [&str; 20] = [
        "星", "云", "海", "智", "辰", "光", "量", "芯", "源", "极", "天", "途", "灵", "启", "深", "元", "曜",
        "衡", "澜", "航",
    ];
    const SECOND: [&str; 10] = ["河", "图", "思", "行", "数", "维", "禾", "石", "帆", "舟"];
    (0..count)
        .map(|i| {
            let firm = format!("{}{}{}科技", FIRST[i % 20], SECOND[(i / 20) % 10], FIRST[(i / 200) % 20]);
            let (year, month, amount) = (2020 + i % 5, i % 12 + 1, i % 90 + 1);
            format!("{firm}于{year}年{month}月完成{amount}亿元人民币B轮融资。")
        })
        .collect()
}

fn library_of(sentences: &[String], articles: usize) -> (tempfile::TempDir, Library, Vec<i64>) {
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("library.sqlite"), Create::IfMissing).unwrap();
    let per = sentences.len().div_ceil(articles);
    let ids = sentences
        .chunks(per)
        .enumerate()
        .map(|(i, chunk)| {
            let text = format!("大模型赛道融资观察之{i}\n\n{}", chunk.join("\n\n"));
            let name = format!("article-{i}.txt");
            ingest::import_bytes(&mut library, text.as_bytes(), &name, &Limits::default()).unwrap().article_id
        })
        .collect();
    // Every fact in the report, reviewed or not.
    library.conn().execute("UPDATE facts SET status = 'confirmed'", []).unwrap();
    (dir, library, ids)
}

fn collection(library: &Library, ids: &[i64]) -> ScopeRequest {
    let collection = collections::create(library.conn(), "bench").unwrap();
    for id in ids {
        collections::add_article(library.conn(), collection, *id).unwrap();
    }
    ScopeRequest::new(Scope::Collection("bench".into()))
}

fn best(runs: usize, mut f: impl FnMut()) -> Duration {
    (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .min()
        .unwrap()
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let facts: usize =
        args.iter().position(|a| a == "--facts").map_or(10_000, |i| args[i + 1].parse().expect("--facts N"));
    let all = sentences(facts);
    let (_one_dir, one, one_ids) = library_of(&all, 1);
    let (_many_dir, many, many_ids) = library_of(&all, ARTICLES);
    let one_request = collection(&one, &one_ids);
    let many_request = collection(&many, &many_ids);
    let one_report = report::build(one.conn(), &one_request).unwrap();
    let many_report = report::build(many.conn(), &many_request).unwrap();
    assert_eq!(one_report.facts.len(), many_report.facts.len(), "both libraries hold the same facts");
    println!(
        "{} facts: one article of {} chars, or {ARTICLES} articles; best of 3 runs of build + render",
        one_report.facts.len(),
        all.iter().map(|s| s.chars().count() + 2).sum::<usize>()
    );
    println!("{:<8} {:>14} {:>14} {:>8}", "format", "1 article ms", "40 articles ms", "ratio");
    let formats = Format::ALL.into_iter().filter(|f| cfg!(feature = "pdf") || *f != Format::Pdf);
    for format in formats {
        let time = |library: &Library, request: &ScopeRequest| {
            best(3, || {
                let report = report::build(library.conn(), request).unwrap();
                std::hint::black_box(report::render(&report, format).unwrap());
            })
        };
        // Fonts and typst load on first use: once before timing either.
        time(&many, &many_request);
        let (single, spread) = (time(&one, &one_request), time(&many, &many_request));
        println!(
            "{:<8} {:>14.1} {:>14.1} {:>8.2}",
            format.extension(),
            single.as_secs_f64() * 1e3,
            spread.as_secs_f64() * 1e3,
            single.as_secs_f64() / spread.as_secs_f64()
        );
    }
}
