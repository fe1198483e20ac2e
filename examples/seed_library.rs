//! Fills a library with generated market articles for benchmarks:
//! `seed_library DATA_DIR COUNT`. Goes through the core's import pipeline.

use std::path::PathBuf;

use dossier_core::import::{import_bytes, Limits};
use dossier_core::store::LIBRARY_FILE;
use dossier_core::Library;

const COMPANIES: &[&str] = &["智谱AI", "月之暗面", "阶跃星辰", "百川智能", "MiniMax", "零一万物", "DeepSeek"];
const OUTLETS: &[&str] =
    &["华东商报", "京华经济周刊", "财经观察", "Harbour Markets Daily", "Asia Tech Ledger"];

fn article(i: usize) -> String {
    let company = COMPANIES[i % COMPANIES.len()];
    let outlet = OUTLETS[i % OUTLETS.len()];
    let amount = 5 + (i * 7) % 60;
    format!(
        "{company}第{i}号市场简报：融资{amount}亿元\n\n{outlet} 记者 林思远 报道\n\n\
         {company}宣布完成新一轮{amount}亿元人民币融资，投后估值较上一轮提升约{growth}%。\
         2024年中国AI芯片市场规模约为1206亿元，半导体ETF（512480）当日收涨3.39%。\n\n\
         业内人士认为，开源模型降低了应用门槛，推理侧算力需求将持续增长。编号{i}。",
        growth = 10 + i % 90
    )
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (Some(dir), Some(count)) = (args.next(), args.next()) else {
        eprintln!("usage: seed_library DATA_DIR COUNT");
        std::process::exit(1);
    };
    let count: usize = count.parse().unwrap_or_else(|_| {
        eprintln!("COUNT must be a number, not {count:?}");
        std::process::exit(1);
    });
    let path = PathBuf::from(dir).join(LIBRARY_FILE);
    let mut library = Library::open(&path).unwrap_or_else(|e| {
        eprintln!("cannot open {}: {e}", path.display());
        std::process::exit(1);
    });
    let limits = Limits::default();
    for i in 0..count {
        if let Err(e) = import_bytes(&mut library, article(i).as_bytes(), &format!("brief-{i}.txt"), &limits)
        {
            eprintln!("article {i}: {e}");
            std::process::exit(2);
        }
    }
    println!("{count} articles in {}", path.display());
}
