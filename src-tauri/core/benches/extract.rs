//! Extraction throughput on a large Chinese news corpus, next to two floors measured in
//! the same run: decoding the text to chars, and one Aho-Corasick pass of the entity
//! registry's aliases. Run: `cargo bench -p dossier-core --bench extract`.

use std::time::{Duration, Instant};

use aho_corasick::AhoCorasick;
use dossier_core::extract::{extract, Registry};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/extract");
/// A newspaper page in the canonical sample's style, written for the tests.
const SAMPLE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/newspaper/ai-market-page-zh.txt");

/// Chinese articles (the newspaper page, and our zh fixtures if `fixtures`), repeated with
/// their digits shifted so that no two copies are identical, up to `target` bytes.
fn corpus(target: usize, fixtures: bool) -> Vec<String> {
    let mut bases = vec![std::fs::read_to_string(SAMPLE).expect("the newspaper page fixture")];
    let mut names: Vec<_> = std::fs::read_dir(FIXTURES)
        .expect("fixtures folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| {
            p.extension().is_some_and(|e| e == "txt")
                && p.file_name().is_some_and(|n| n.to_string_lossy().starts_with("zh-"))
        })
        .collect();
    names.sort();
    if !fixtures {
        names.clear();
    }
    bases.extend(names.iter().map(|p| std::fs::read_to_string(p).unwrap()));
    let mut out = Vec::new();
    let mut size = 0;
    let mut round = 0u32;
    while size < target {
        for b in &bases {
            let varied: String = b
                .chars()
                .map(|c| match c.to_digit(10) {
                    Some(d) if c.is_ascii_digit() => char::from_digit((d + round) % 10, 10).unwrap(),
                    _ => c,
                })
                .collect();
            size += varied.len();
            out.push(varied);
        }
        round += 1;
    }
    out
}

/// Best of `runs` timings of `f` over the whole corpus.
fn best(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut sink = 0;
    for _ in 0..runs {
        let t = Instant::now();
        sink = f();
        best = best.min(t.elapsed());
    }
    (best, sink)
}

fn main() {
    let aliases: Vec<String> =
        Registry::builtin().entities().iter().flat_map(|e| e.aliases.clone()).collect();
    let ac = AhoCorasick::new(&aliases).unwrap();
    // The fixtures are dense with figures, tables and edge cases; the sample alone is a
    // newspaper page of ordinary prose. The first is the figure to beat, the second says how a page
    // of ordinary news fares.
    for (name, fixtures) in [("sample and fixtures", true), ("sample page alone", false)] {
        let articles = corpus(16 << 20, fixtures);
        let bytes: usize = articles.iter().map(String::len).sum();
        let mb = bytes as f64 / 1e6;
        let (chars_t, n_chars) =
            best(5, || articles.iter().map(|a| a.chars().collect::<Vec<char>>().len()).sum());
        let (ac_t, n_hits) = best(5, || articles.iter().map(|a| ac.find_iter(a).count()).sum());
        let (x_t, n_facts) =
            best(3, || articles.iter().map(|a| extract(a, Some("2025-02-14")).facts.len()).sum());
        let rate = |d: Duration| mb / d.as_secs_f64();
        println!("corpus, {name}: {} articles, {:.1} MB, {} chars", articles.len(), mb, n_chars);
        println!("floor, decode to chars:      {:8.1} MB/s", rate(chars_t));
        println!("floor, registry Aho-Corasick: {:8.1} MB/s ({n_hits} hits)", rate(ac_t));
        println!("full extraction, 1 thread:   {:8.1} MB/s ({n_facts} facts)", rate(x_t));
        println!(
            "extraction time / decode time: {:.1}x; / Aho-Corasick pass: {:.1}x",
            x_t.as_secs_f64() / chars_t.as_secs_f64(),
            x_t.as_secs_f64() / ac_t.as_secs_f64()
        );
        if fixtures {
            // A digest of every extraction, so that a faster build can be checked to
            // extract the same.
            let digest = articles.iter().fold(0xcbf2_9ce4_8422_2325u64, |h, a| {
                let json = serde_json::to_string(&extract(a, Some("2025-02-14"))).unwrap();
                json.bytes().fold(h, |h, b| (h ^ b as u64).wrapping_mul(0x100_0000_01b3))
            });
            println!("digest of the extractions: {digest:016x}");
        }
    }
}
