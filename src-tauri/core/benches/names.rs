//! Speed of the learned name labeller (`extract::label`) on a newspaper page (our own,
//! in the canonical sample's style), called as the extractor would call it: on every
//! sentence that holds a digit or a Chinese numeral. Next to it, in the same run: decoding the page to chars (a floor) and
//! the whole extractor on the page (the budget it must fit in).
//! Run: `cargo bench -p dossier-core --no-default-features --bench names`.

use std::time::{Duration, Instant};

use dossier_core::extract::{extract, label};

const SAMPLE: &str =
    concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/newspaper/ai-market-page-zh.txt");

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

/// Sentence bounds: after 。！？；, a line break, or the text's end.
fn sentences(s: &[char]) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut start = 0;
    for (i, &c) in s.iter().enumerate() {
        if matches!(c, '。' | '！' | '？' | '；' | '\n') {
            if i + 1 > start {
                out.push((start, i + 1));
            }
            start = i + 1;
        }
    }
    if start < s.len() {
        out.push((start, s.len()));
    }
    out
}

fn has_figure(s: &[char]) -> bool {
    s.iter().any(|&c| c.is_ascii_digit() || "零〇一二三四五六七八九十百千万亿两".contains(c))
}

fn main() {
    let page = std::fs::read_to_string(SAMPLE).expect("the newspaper page fixture");
    // Copies of the page, about 4 MB in all (nothing is cached between calls, so the
    // copies need not differ).
    let copies: Vec<String> = vec![page; 270];
    let bytes: usize = copies.iter().map(String::len).sum();
    let chars: Vec<Vec<char>> = copies.iter().map(|c| c.chars().collect()).collect();
    let spans: Vec<Vec<(usize, usize)>> = chars
        .iter()
        .map(|s| sentences(s).into_iter().filter(|&(a, b)| has_figure(&s[a..b])).collect())
        .collect();
    let n_chars: usize = chars.iter().map(Vec::len).sum();
    let labelled: usize = spans.iter().flatten().map(|(a, b)| b - a).sum();
    let mb = bytes as f64 / 1e6;

    label::builtin(); // loading is not timed
    let (decode_t, _) = best(5, || copies.iter().map(|c| c.chars().collect::<Vec<char>>().len()).sum());
    let (figure_t, n_names) = best(5, || {
        chars
            .iter()
            .zip(&spans)
            .map(|(s, sp)| sp.iter().map(|&(a, b)| label::names(s, a, b).len()).sum::<usize>())
            .sum()
    });
    let (all_t, n_all) = best(5, || {
        chars
            .iter()
            .map(|s| sentences(s).iter().map(|&(a, b)| label::names(s, a, b).len()).sum::<usize>())
            .sum()
    });
    let (x_t, n_facts) = best(3, || copies.iter().map(|c| extract(c, Some("2025-02-14")).facts.len()).sum());
    let rate = |d: Duration| mb / d.as_secs_f64();
    println!("corpus: {} copies of the sample page, {:.1} MB, {} chars", copies.len(), mb, n_chars);
    println!(
        "sentences with a figure: {:.0}% of the chars ({} chars labelled)",
        100.0 * labelled as f64 / n_chars as f64,
        labelled
    );
    println!("floor, decode to chars:             {:8.1} MB/s of page", rate(decode_t));
    println!("extractor, 1 thread:                {:8.1} MB/s of page ({n_facts} facts)", rate(x_t));
    println!(
        "labeller, sentences with a figure:  {:8.1} MB/s of page, {:.2} M chars/s labelled ({n_names} names)",
        rate(figure_t),
        labelled as f64 / figure_t.as_secs_f64() / 1e6
    );
    println!(
        "labeller, every sentence:           {:8.1} MB/s of page, {:.2} M chars/s ({n_all} names)",
        rate(all_t),
        n_chars as f64 / all_t.as_secs_f64() / 1e6
    );
    println!(
        "labeller (figure sentences) time / extractor time: {:.2}x; / decode time: {:.1}x",
        figure_t.as_secs_f64() / x_t.as_secs_f64(),
        figure_t.as_secs_f64() / decode_t.as_secs_f64()
    );
    println!(
        "extractor + labeller on figure sentences, projected: {:.1} MB/s of page",
        mb / (x_t + figure_t).as_secs_f64()
    );
}
