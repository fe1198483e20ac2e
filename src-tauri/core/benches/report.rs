//! Exporting a report of 10,000 facts in every format, next to a floor measured in the
//! same run: serialising the same facts to JSON with serde_json and nothing else.
//! Run: `cargo bench -p dossier-core --bench report`; `-- --out DIR` also writes each
//! rendered report into DIR, to open and look at.

use std::time::{Duration, Instant};

use dossier_core::report::{self, Citation, Format, Language, Report, ReportFact, Sections, Source};
use dossier_core::{FactStatus, Metric, Qualifier, QuantityKind};

const FACTS: usize = 10_000;
const SOURCES: usize = 500;

const SUBJECTS: [&str; 8] =
    ["智谱", "月之暗面", "百川智能", "阶跃星辰", "MiniMax", "零一万物", "DeepSeek", "幻方量化"];
const METRICS: [Metric; 5] =
    [Metric::Valuation, Metric::Funding, Metric::Users, Metric::MarketSize, Metric::Revenue];

/// Facts in the shape the sample article gives: Chinese subjects, money and counts,
/// dated rounds, a sentence of quote each, spread over SOURCES articles.
fn report() -> Report {
    let facts = (0..FACTS)
        .map(|i| {
            let metric = METRICS[i % METRICS.len()];
            let money = metric != Metric::Users;
            let amount = (i % 97 + 1) as f64;
            ReportFact {
                id: i as i64 + 1,
                subject: format!("{}{}", SUBJECTS[i % SUBJECTS.len()], i / 400),
                metric,
                kind: if money { QuantityKind::Money } else { QuantityKind::Count },
                value_text: if money { format!("{amount}亿元人民币") } else { format!("{amount}万") },
                low: amount * if money { 1e8 } else { 1e4 },
                high: amount * if money { 1e8 } else { 1e4 },
                unit: if money { "CNY" } else { "用户" }.into(),
                qualifier: Qualifier::Exact,
                date: Some(format!("{}-{:02}", 2020 + i % 6, i % 12 + 1)),
                round: (metric == Metric::Funding).then(|| "B轮".into()),
                investors: if metric == Metric::Funding {
                    vec!["腾讯投资".into(), "启明创投".into()]
                } else {
                    vec![]
                },
                status: FactStatus::Confirmed,
                confidence: 0.8,
                value_start: 120,
                value_end: 128,
                citation: Citation {
                    article_id: (i % SOURCES) as i64 + 1,
                    quote: format!(
                        "据了解，该公司在{}年完成新一轮融资，融资金额{amount}亿元人民币，估值进一步提升。",
                        2020 + i % 6
                    ),
                    start: 100,
                    end: 140,
                },
            }
        })
        .collect();
    let sources = (0..SOURCES)
        .map(|i| Source {
            article_id: i as i64 + 1,
            title: format!("大模型赛道融资观察之{i}"),
            outlet: Some("中国经营报".into()),
            published: Some(format!("2025-{:02}-{:02}", i % 12 + 1, i % 28 + 1)),
            authors: vec!["曲忠芳".into()],
        })
        .collect();
    Report {
        title: "大模型融资报告".into(),
        author: Some("分析员".into()),
        date: "2025-03-01".into(),
        language: Language::Zh,
        sections: Sections::default(),
        facts,
        sources,
        annotations: Vec::new(),
    }
}

/// Best of `runs` timings of `f`, with the size it produced.
fn best(runs: usize, mut f: impl FnMut() -> usize) -> (Duration, usize) {
    let mut best = Duration::MAX;
    let mut size = 0;
    for _ in 0..runs {
        let t = Instant::now();
        size = f();
        best = best.min(t.elapsed());
    }
    (best, size)
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let out = args.iter().position(|a| a == "--out").map(|i| std::path::PathBuf::from(&args[i + 1]));
    let report = report();
    let (floor, floor_size) = best(5, || serde_json::to_vec(&report.facts).unwrap().len());
    println!("report of {FACTS} facts from {SOURCES} sources; best of 5 runs (PDF: 2)");
    println!("{:<28} {:>10} {:>12} {:>8}", "format", "ms", "bytes", "x floor");
    println!("{:<28} {:>10.1} {:>12} {:>8}", "floor: serde_json of facts", ms(floor), floor_size, "1.0");
    for format in Format::ALL.into_iter().filter(|f| cfg!(feature = "pdf") || *f != Format::Pdf) {
        // Fonts and the typst library load on first use; time them apart.
        if format == Format::Pdf {
            let t = Instant::now();
            report::render(&Report { facts: Vec::new(), ..report.clone() }, format).unwrap();
            println!("{:<28} {:>10.1}", "pdf: first use (fonts)", ms(t.elapsed()));
        }
        let runs = if format == Format::Pdf { 2 } else { 5 };
        let (time, size) = best(runs, || report::render(&report, format).unwrap().len());
        if let Some(dir) = &out {
            let bytes = report::render(&report, format).unwrap();
            std::fs::write(dir.join(format!("report.{}", format.extension())), bytes).unwrap();
        }
        println!(
            "{:<28} {:>10.1} {:>12} {:>8.1}",
            format.extension(),
            ms(time),
            size,
            time.as_secs_f64() / floor.as_secs_f64()
        );
    }
}

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}
