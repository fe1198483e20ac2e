//! The accuracy harness: runs `dossier_core::extract::extract` on every document of the
//! development set and scores its facts, its quantities and DuEE-Fin-style financing.
//! ACCURACY.md says what the sets are and holds the figures.
//!
//!     accuracy [--data DIR] [--split tune|held-out|all] [--set NAME]... [--json]
//!              [--errors FILE] [--show-errors]
//!
//! `--data DIR` holds the texts that may not live in the repository (`news/<id>.txt`,
//! `duee-fin/dev.json`); without it only the vendored set (FIRE) is scored. Errors of
//! TUNE documents go to `--errors` (default `accuracy-errors.txt`); those of HELD OUT
//! documents only with `--show-errors`, for a final check: never tune on them.

// The example is a crate root: its modules live in the folder beside it.
#[path = "accuracy/amount.rs"]
mod amount;
#[path = "accuracy/gold.rs"]
mod gold;
#[path = "accuracy/score.rs"]
mod score;

use gold::{held_out, Doc};
use score::{Predicted, Tally};
use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const SETS: &[&str] = &["news-zh", "news-en", "duee-fin", "fire"];

#[derive(Clone, Copy, PartialEq)]
enum Split {
    Tune,
    HeldOut,
    All,
}

struct Options {
    data: Option<PathBuf>,
    split: Split,
    sets: Vec<String>,
    json: bool,
    errors: PathBuf,
    show_errors: bool,
}

fn options() -> Result<Options, String> {
    let mut o = Options {
        data: None,
        split: Split::Tune,
        sets: Vec::new(),
        json: false,
        errors: PathBuf::from("accuracy-errors.txt"),
        show_errors: false,
    };
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        let mut value = |name: &str| args.next().ok_or(format!("{name} needs a value"));
        match a.as_str() {
            "--data" => o.data = Some(PathBuf::from(value("--data")?)),
            "--split" => {
                o.split = match value("--split")?.as_str() {
                    "tune" => Split::Tune,
                    "held-out" => Split::HeldOut,
                    "all" => Split::All,
                    other => return Err(format!("--split {other}: tune, held-out or all")),
                }
            }
            "--set" => {
                let s = value("--set")?;
                if !SETS.contains(&s.as_str()) {
                    return Err(format!("--set {s}: one of {}", SETS.join(", ")));
                }
                o.sets.push(s);
            }
            "--json" => o.json = true,
            "--errors" => o.errors = PathBuf::from(value("--errors")?),
            "--show-errors" => o.show_errors = true,
            other => return Err(format!("unknown argument {other}")),
        }
    }
    if o.sets.is_empty() {
        o.sets = SETS.iter().map(|s| s.to_string()).collect();
    }
    Ok(o)
}

/// The documents of the chosen sets; a set whose texts are not at hand is reported.
fn load(o: &Options, notes: &mut Vec<String>) -> Result<Vec<Doc>, String> {
    let here = Path::new(env!("CARGO_MANIFEST_DIR")).join("accuracy");
    let want = |s: &str| o.sets.iter().any(|x| x == s);
    let mut docs = Vec::new();
    if want("fire") {
        let json =
            std::fs::read_to_string(here.join("fire/fire_test.json")).map_err(|e| format!("FIRE: {e}"))?;
        docs.extend(gold::fire(&json)?);
    }
    match &o.data {
        None => {
            if want("news-zh") || want("news-en") || want("duee-fin") {
                notes.push(
                    "news-zh, news-en, duee-fin: not scored (their texts are not vendored: --data DIR)"
                        .into(),
                );
            }
        }
        Some(dir) => {
            if want("news-zh") || want("news-en") {
                let (news, absent) = gold::news(&here.join("news/gold.jsonl"), &dir.join("news"))?;
                if !absent.is_empty() {
                    notes.push(format!(
                        "news: {} of {} annotated texts absent from {}, scored without them: {}",
                        absent.len(),
                        absent.len() + news.len(),
                        dir.join("news").display(),
                        absent.join(", ")
                    ));
                }
                docs.extend(news.into_iter().filter(|d| want(d.set)));
            }
            if want("duee-fin") {
                let ids = std::fs::read_to_string(here.join("duee-fin/ids.txt"))
                    .map_err(|e| format!("DuEE-Fin ids: {e}"))?;
                docs.extend(gold::duee(&dir.join("duee-fin/dev.json"), &ids)?);
            }
        }
    }
    docs.retain(|d| match o.split {
        Split::Tune => !held_out(&d.id),
        Split::HeldOut => held_out(&d.id),
        Split::All => true,
    });
    docs.sort_by(|a, b| (a.set, &a.id).cmp(&(b.set, &b.id)));
    Ok(docs)
}

/// Figures of one group of documents.
#[derive(Default, serde::Serialize)]
struct Figures {
    documents: usize,
    facts: Tally,
    by_metric: BTreeMap<String, Tally>,
    /// Gold figures found as quantities with the right value and unit, of those placed.
    quantities_found: usize,
    quantities_placed: usize,
    /// Gold figures whose quote or figure is not in the text (gold errors).
    quantities_unplaced: usize,
    /// Predictions not judged (partially annotated sets).
    unjudged: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    financing: Option<Tally>,
}

impl Figures {
    fn add(&mut self, o: &Figures) {
        self.documents += o.documents;
        self.facts.add(o.facts);
        for (m, t) in &o.by_metric {
            self.by_metric.entry(m.clone()).or_default().add(*t);
        }
        self.quantities_found += o.quantities_found;
        self.quantities_placed += o.quantities_placed;
        self.quantities_unplaced += o.quantities_unplaced;
        self.unjudged += o.unjudged;
        if let Some(f) = o.financing {
            self.financing.get_or_insert_with(Tally::default).add(f);
        }
    }
}

fn show(p: &Predicted) -> String {
    format!("{} | {} | {}", p.subject, p.metric, value(p.low, p.high, &p.unit))
}

fn value(low: f64, high: f64, unit: &str) -> String {
    if low == high {
        format!("{low} {unit}")
    } else {
        format!("{low}..{high} {unit}")
    }
}

/// Scores one document; appends its errors to `errors` when given.
fn score_doc(doc: &Doc, errors: Option<&mut String>) -> Figures {
    let x = dossier_core::extract::extract(&doc.text, doc.published.as_deref());
    let predicted: Vec<Predicted> = x
        .facts
        .iter()
        .map(|f| {
            let q = &x.quantities[f.quantity];
            Predicted {
                subject: f.subject.clone(),
                metric: f.metric.to_string(),
                // The fact's own value: signed as its metric reads it.
                low: f.low,
                high: f.high,
                unit: q.unit.to_string(),
                quote: f.quote.clone(),
            }
        })
        .collect();
    let o = score::match_doc(doc.names, doc.partial, &doc.facts, &predicted);
    let by_metric = score::tally_by_metric(&doc.facts, &predicted, &o);
    let mut fig = Figures { documents: 1, unjudged: o.unjudged.len(), ..Figures::default() };
    for t in by_metric.values() {
        fig.facts.add(*t);
    }
    fig.by_metric = by_metric;
    let quantities: Vec<_> =
        x.quantities.iter().map(|q| (q.start, q.end, q.low, q.high, q.unit.to_string())).collect();
    let mut unfound = Vec::new();
    for g in &doc.facts {
        match score::quantity_found(doc, g, &quantities) {
            None => fig.quantities_unplaced += 1,
            Some(found) => {
                fig.quantities_placed += 1;
                fig.quantities_found += found as usize;
                if !found {
                    unfound.push(g);
                }
            }
        }
    }
    if doc.set == "duee-fin" {
        fig.financing = Some(score::financing(&doc.financing, &predicted));
    }
    if let Some(out) = errors {
        let missed: Vec<_> =
            doc.facts.iter().zip(&o.matched).filter(|(_, m)| m.is_none()).map(|(g, _)| g).collect();
        if !missed.is_empty() || !o.wrong.is_empty() || !unfound.is_empty() {
            let _ = writeln!(out, "== {} {}", doc.set, doc.id);
            for g in missed {
                let v = &g.values[0];
                let _ = writeln!(
                    out,
                    "MISSED  {} | {} | {}\n        « {} »",
                    g.subject,
                    g.metric,
                    value(v.low, v.high, &v.unit),
                    g.quote
                );
            }
            for &pi in &o.wrong {
                let _ =
                    writeln!(out, "WRONG   {}\n        « {} »", show(&predicted[pi]), predicted[pi].quote);
            }
            for g in unfound {
                let v = &g.values[0];
                let _ = writeln!(out, "NO QTY  {} ({})", v.figure, value(v.low, v.high, &v.unit));
            }
        }
    }
    fig
}

fn pct(x: f64) -> String {
    format!("{:.3}", x)
}

fn report_text(groups: &BTreeMap<String, Figures>, notes: &[String]) -> String {
    let mut s = String::new();
    for n in notes {
        let _ = writeln!(s, "note: {n}");
    }
    for (name, f) in groups {
        let _ = writeln!(
            s,
            "\n## {name}: {} documents, facts P {} R {} F1 {} (gold {}, judged predictions {}, right {}, unjudged {})",
            f.documents,
            pct(f.facts.precision()),
            pct(f.facts.recall()),
            pct(f.facts.f1()),
            f.facts.gold,
            f.facts.predicted,
            f.facts.correct,
            f.unjudged
        );
        let _ = writeln!(
            s,
            "quantities {} ({} of {} gold figures; {} not placed in the text)",
            pct(score::ratio(f.quantities_found, f.quantities_placed)),
            f.quantities_found,
            f.quantities_placed,
            f.quantities_unplaced
        );
        if let Some(t) = f.financing {
            let _ = writeln!(
                s,
                "financing (investee, amount) P {} R {} F1 {} (gold {}, predicted {}, right {})",
                pct(t.precision()),
                pct(t.recall()),
                pct(t.f1()),
                t.gold,
                t.predicted,
                t.correct
            );
        }
        let _ =
            writeln!(s, "{:<14} {:>5} {:>5} {:>5} {:>6} {:>6}", "metric", "gold", "pred", "right", "P", "R");
        for (m, t) in &f.by_metric {
            let _ = writeln!(
                s,
                "{:<14} {:>5} {:>5} {:>5} {:>6} {:>6}",
                m,
                t.gold,
                t.predicted,
                t.correct,
                pct(t.precision()),
                pct(t.recall())
            );
        }
    }
    s
}

fn run() -> Result<(), String> {
    let o = options()?;
    let mut notes = Vec::new();
    let docs = load(&o, &mut notes)?;
    let mut groups: BTreeMap<String, Figures> = BTreeMap::new();
    let mut errors = String::new();
    let mut held_out_hidden = 0;
    for doc in &docs {
        let show = !held_out(&doc.id) || o.show_errors;
        held_out_hidden += !show as usize;
        let fig = score_doc(doc, show.then_some(&mut errors));
        for key in ["all".to_string(), format!("language {}", doc.lang), format!("set {}", doc.set)] {
            groups.entry(key).or_default().add(&fig);
        }
    }
    if held_out_hidden > 0 {
        notes.push(format!(
            "errors of {held_out_hidden} HELD OUT documents not written (--show-errors for a final check)"
        ));
    }
    std::fs::write(&o.errors, &errors).map_err(|e| format!("{}: {e}", o.errors.display()))?;
    notes.push(format!(
        "extractor version {}; split {}; errors in {}",
        dossier_core::extract::VERSION,
        match o.split {
            Split::Tune => "tune",
            Split::HeldOut => "held-out",
            Split::All => "all",
        },
        o.errors.display()
    ));
    if o.json {
        let v = serde_json::json!({ "notes": notes, "groups": groups });
        println!("{}", serde_json::to_string_pretty(&v).map_err(|e| e.to_string())?);
    } else {
        print!("{}", report_text(&groups, &notes));
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("accuracy: {e}");
            ExitCode::FAILURE
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The whole pipeline on the vendored set: load, extract, score, report. Every gold
    /// figure must be placed in its sentence (else the set or the detokenisation broke),
    /// and the tallies must add up whatever the extractor finds.
    #[test]
    fn fire_end_to_end() {
        let json = std::fs::read_to_string(
            Path::new(env!("CARGO_MANIFEST_DIR")).join("accuracy/fire/fire_test.json"),
        )
        .expect("vendored FIRE");
        let docs = gold::fire(&json).expect("FIRE parses");
        let gold: usize = docs.iter().map(|d| d.facts.len()).sum();
        let mut all = Figures::default();
        let mut errors = String::new();
        for d in &docs {
            all.add(&score_doc(d, Some(&mut errors)));
        }
        assert_eq!(all.documents, docs.len());
        assert_eq!(all.facts.gold, gold);
        assert_eq!(all.quantities_unplaced, 0);
        assert_eq!(all.quantities_placed, gold);
        assert!(all.facts.correct <= all.facts.predicted && all.facts.correct <= all.facts.gold);
        let by_metric: usize = all.by_metric.values().map(|t| t.gold).sum();
        assert_eq!(by_metric, gold);
        let missed = errors.matches("MISSED").count();
        assert_eq!(missed, gold - all.facts.correct);
        let report = report_text(&BTreeMap::from([("all".to_string(), all)]), &[]);
        assert!(report.contains("## all: 454 documents"), "{report}");
    }
}
