//! Scale checks, too long for the test suite: 5 MB articles (plain text, Markdown and a
//! web page) imported into a real library, and an article of 10,000 facts imported and
//! exported in every format. Each step's time is printed; the run fails if any step
//! errs. Run: `cargo bench -p dossier-core --bench scale` (`-- --mb N` for other sizes).

use std::time::Instant;

use dossier_core::import::Limits;
use dossier_core::ingest;
use dossier_core::report::{self, Format, Scope, ScopeRequest, Statuses};
use dossier_core::{Create, Library};

/// Fact-dense prose in the sample's style: every sentence a figure.
fn prose(bytes: usize) -> String {
    const FIRMS: [&str; 8] =
        ["智谱", "月之暗面", "百川智能", "阶跃星辰", "MiniMax", "零一万物", "DeepSeek", "商汤"];
    let mut out = String::with_capacity(bytes + 200);
    let mut i = 0;
    while out.len() < bytes {
        let firm = FIRMS[i % FIRMS.len()];
        out.push_str(&format!(
            "{firm}于{}年{}月完成{}亿元人民币融资，估值较上一轮增长{}%。",
            2020 + i % 5,
            i % 12 + 1,
            i % 90 + 1,
            i % 60 + 5
        ));
        if i % 6 == 5 {
            out.push_str("\n\n");
        }
        i += 1;
    }
    out
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let mb: usize = args.iter().position(|a| a == "--mb").map_or(5, |i| args[i + 1].parse().expect("--mb N"));
    let dir = tempfile::tempdir().unwrap();
    let mut library = Library::open(&dir.path().join("library.sqlite"), Create::IfMissing).unwrap();
    let limits = Limits::default();
    let text = prose(mb * 1_000_000);
    let paragraphs: Vec<&str> = text.split("\n\n").collect();
    let inputs = [
        (format!("{mb}mb.txt"), text.clone().into_bytes()),
        (format!("{mb}mb.md"), format!("# 融资观察\n\n{}", text.replace("。", "。 ")).into_bytes()),
        (
            format!("{mb}mb.html"),
            format!("<html><body><article>{}</article></body></html>", paragraphs.join("</p><p>"))
                .into_bytes(),
        ),
    ];
    println!("{:<16} {:>10} {:>10} {:>8}", "import", "MB", "seconds", "facts");
    for (name, bytes) in &inputs {
        let t = Instant::now();
        let stored = ingest::import_bytes(&mut library, bytes, name, &limits).unwrap();
        let facts: i64 = library
            .conn()
            .query_row("SELECT count(*) FROM facts WHERE article_id = ?1", [stored.article_id], |r| r.get(0))
            .unwrap();
        println!(
            "{name:<16} {:>10.1} {:>10.1} {facts:>8}",
            bytes.len() as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
    }

    // An article whose facts number ten thousand, exported whole.
    let mut id = None;
    for size in [200_000usize, 400_000, 800_000, 1_600_000] {
        let facts_text = prose(size);
        let t = Instant::now();
        let stored = ingest::import_bytes(&mut library, facts_text.as_bytes(), "facts.txt", &limits).unwrap();
        let count: i64 = library
            .conn()
            .query_row("SELECT count(*) FROM facts WHERE article_id = ?1", [stored.article_id], |r| r.get(0))
            .unwrap();
        println!(
            "{:<16} {:>10.1} {:>10.1} {count:>8}",
            "facts.txt",
            size as f64 / 1e6,
            t.elapsed().as_secs_f64()
        );
        id = Some(stored.article_id);
        if count >= 10_000 {
            break;
        }
    }
    let request = ScopeRequest {
        statuses: Statuses::NotRejected,
        ..ScopeRequest::new(Scope::Article(id.expect("an article of facts")))
    };
    println!("{:<16} {:>10} {:>10}", "export", "facts", "seconds");
    for format in Format::ALL.into_iter().filter(|f| cfg!(feature = "pdf") || *f != Format::Pdf) {
        let t = Instant::now();
        let built = report::build(library.conn(), &request).unwrap();
        let bytes = report::render(&built, format).unwrap();
        assert!(!bytes.is_empty());
        println!("{:<16} {:>10} {:>10.1}", format.extension(), built.facts.len(), t.elapsed().as_secs_f64());
    }
}
