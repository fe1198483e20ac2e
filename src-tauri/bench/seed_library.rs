//! Fills a library with the benchmark corpus (the same generated market articles as the
//! core's library benchmark) through the full import pipeline, extraction included:
//! `seed_library DATA_DIR COUNT`.

use std::path::PathBuf;
use std::process::ExitCode;

use dossier_core::import::Limits;
use dossier_core::ingest::import_bytes;
use dossier_core::store::LIBRARY_FILE;
use dossier_core::{Create, Library};

#[path = "../core/benches/corpus/mod.rs"]
#[allow(dead_code)]
mod corpus;

/// About the size of a newspaper article (as the import benchmark uses).
const ARTICLE_BYTES: usize = 5_000;

fn main() -> ExitCode {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(count)) = (args.next(), args.next()) else {
        eprintln!("usage: seed_library DATA_DIR COUNT");
        return ExitCode::from(1);
    };
    let Ok(count) = count.parse::<u64>() else {
        eprintln!("COUNT must be a number, not {count:?}");
        return ExitCode::from(1);
    };
    let path = PathBuf::from(dir).join(LIBRARY_FILE);
    let mut library = match Library::open(&path, Create::IfMissing) {
        Ok(library) => library,
        Err(e) => {
            eprintln!("cannot open {}: {e}", path.display());
            return ExitCode::from(1);
        }
    };
    let limits = Limits::default();
    for i in 0..count {
        let article = corpus::article(i, ARTICLE_BYTES);
        let (bytes, name) = if i % 10 < 7 {
            (article.text(), format!("brief-{i}.txt"))
        } else {
            (corpus::html(&article), format!("page-{i}.html"))
        };
        if let Err(e) = import_bytes(&mut library, bytes.as_bytes(), &name, &limits) {
            eprintln!("article {i}: {e}");
            return ExitCode::from(2);
        }
    }
    println!("{count} articles in {}", path.display());
    ExitCode::SUCCESS
}
