//! Trains the name model of `extract::label` from public data pinned in
//! `src/extract/label/sources.json`, reports precision, recall and F1 per kind on data
//! held out from training, and writes `src/extract/label/names.model`.
//!
//!     cargo run --release -p dossier-core --no-default-features --example train_names -- --data DIR [--check] [--epochs N]
//!
//! DIR holds each source's file at its `file` path. With `--check` nothing is written: the
//! run fails unless the model it makes is byte for byte the shipped one.

use std::path::{Path, PathBuf};
use std::process::ExitCode;

use dossier_core::extract::label::train::{evaluate, fit_confidence, train, Counts, Example, Options, Span};
use dossier_core::extract::label::{Labeller, NameKind};
use serde_json::Value;
use sha2::{Digest, Sha256};

const LABEL_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/extract/label");

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// Reads every pinned file, refusing one whose digest differs from the pin.
fn pinned(data: &Path) -> Result<Vec<(String, String)>, String> {
    let manifest: Value = serde_json::from_str(
        &std::fs::read_to_string(Path::new(LABEL_DIR).join("sources.json")).map_err(|e| e.to_string())?,
    )
    .map_err(|e| format!("sources.json: {e}"))?;
    let mut out = Vec::new();
    for s in manifest["sources"].as_array().ok_or("sources.json: no sources")? {
        let file = s["file"].as_str().ok_or("sources.json: a source without file")?;
        let path = data.join(file);
        let bytes = std::fs::read(&path).map_err(|e| format!("{}: {e}", path.display()))?;
        let got = hex(&Sha256::digest(&bytes));
        if got != s["sha256"].as_str().unwrap_or_default() {
            return Err(format!(
                "{}: sha256 {got} is not the pinned one; fetch {} at {}",
                path.display(),
                s["path"],
                s["commit"]
            ));
        }
        out.push((file.to_string(), String::from_utf8(bytes).map_err(|e| format!("{file}: {e}"))?));
    }
    Ok(out)
}

fn cluener_kind(label: &str) -> Option<NameKind> {
    Some(match label {
        "company" => NameKind::Company,
        "organization" | "government" => NameKind::Organisation,
        "name" => NameKind::Person,
        "address" | "scene" => NameKind::Place,
        "position" => NameKind::Position,
        "book" | "movie" | "game" => NameKind::Work,
        _ => return None,
    })
}

/// CLUENER: a stream of {"text", "label": {kind: {name: [[first, last], ...]}}}.
fn cluener(json: &str) -> Result<Vec<Example>, String> {
    let mut out = Vec::new();
    for v in serde_json::Deserializer::from_str(json).into_iter::<Value>() {
        let v = v.map_err(|e| format!("CLUENER: {e}"))?;
        let text: Vec<char> = v["text"].as_str().ok_or("CLUENER: a record without text")?.chars().collect();
        let mut names = Vec::new();
        for (label, spans) in v["label"].as_object().into_iter().flatten() {
            let kind = cluener_kind(label).ok_or_else(|| format!("CLUENER: unknown label {label}"))?;
            for at in spans
                .as_object()
                .into_iter()
                .flat_map(|m| m.values())
                .flat_map(|a| a.as_array().cloned().unwrap_or_default())
            {
                let (first, last) =
                    (at[0].as_u64().unwrap_or(0) as usize, at[1].as_u64().unwrap_or(0) as usize);
                if first <= last && last < text.len() {
                    names.push(Span { start: first, end: last + 1, kind });
                }
            }
        }
        names.sort_by_key(|s| (s.start, s.end));
        out.push(Example { text, names, partial: false });
    }
    Ok(out)
}

/// The kind of name an argument of a DuEE-Fin role is; `None` for roles that are no
/// name or may be either a person or a firm (质押方, 减持方, 增持方, 招标方).
fn duee_kind(role: &str) -> Option<NameKind> {
    Some(match role {
        "被投资方"
        | "投资方"
        | "领投方"
        | "收购方"
        | "被收购方"
        | "上市公司"
        | "回购方"
        | "中标公司"
        | "公司名称"
        | "质权方"
        | "质押物所属公司"
        | "任职公司"
        | "破产公司"
        | "股票简称"
        | "变动后公司名称" => NameKind::Company,
        "约谈机构" => NameKind::Organisation,
        "高管姓名" => NameKind::Person,
        _ => return None,
    })
}

/// The (argument, role) pairs of an answer "type#argument_role,argument_role\ntype#...".
fn arguments(answer: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = Vec::new();
    for event in answer.split('\n') {
        let Some((_, args)) = event.split_once('#') else { continue };
        let mut pending = String::new();
        for part in args.split(',') {
            pending.push_str(part);
            // An argument may hold a comma: a part without a role joins the next.
            match pending.rsplit_once('_') {
                Some((arg, role)) if duee_role(role) => {
                    out.push((arg.trim().to_string(), role.trim().to_string()));
                    pending.clear();
                }
                _ => pending.push(','),
            }
        }
    }
    out
}

fn duee_role(role: &str) -> bool {
    !role.is_empty() && role.chars().all(|c| !c.is_ascii_punctuation() || c == '/')
}

/// A DuEE-Fin document's id in the team's split: the first 32 hex digits of sha256 of its
/// text (the copy dropped DuEE's ids); HELD OUT when sha256(id) starts with 0-4.
fn held_out(text: &str) -> bool {
    let id = &hex(&Sha256::digest(text.as_bytes()))[..32];
    Sha256::digest(id.as_bytes())[0] >> 4 <= 4
}

/// Sentences of DuEE-Fin *training* documents (those of the pinned sample whose text is
/// not in the official dev file) holding at least one silver name, split into (TUNE,
/// HELD OUT). Every occurrence of an argument of a name role is labelled; the other
/// names in the sentence are unknown, so the examples are partial.
fn duee(sample: &str, official_dev: &str) -> Result<(Vec<Example>, Vec<Example>, [usize; 2]), String> {
    let dev_texts: std::collections::HashSet<String> = official_dev
        .lines()
        .filter(|l| !l.trim().is_empty())
        .map(|l| serde_json::from_str::<Value>(l).map(|v| v["text"].as_str().unwrap_or_default().to_string()))
        .collect::<Result<_, _>>()
        .map_err(|e| format!("DuEE-Fin dev: {e}"))?;
    let (mut tune, mut held, mut docs) = (Vec::new(), Vec::new(), [0, 0]);
    for line in sample.lines().filter(|l| !l.trim().is_empty()) {
        let v: Value = serde_json::from_str(line).map_err(|e| format!("DuEE-Fin sample: {e}"))?;
        let text = v["text"].as_str().ok_or("DuEE-Fin sample: a record without text")?;
        if dev_texts.contains(text) {
            continue;
        }
        let chars: Vec<char> = text.chars().collect();
        let mut spans: Vec<Span> = Vec::new();
        for (arg, role) in arguments(v["answer"].as_str().unwrap_or_default()) {
            let (Some(kind), n) = (duee_kind(&role), arg.chars().count()) else { continue };
            if n < 2 {
                continue;
            }
            let arg: Vec<char> = arg.chars().collect();
            for start in 0..chars.len().saturating_sub(n - 1) {
                if chars[start..start + n] == arg[..] {
                    spans.push(Span { start, end: start + n, kind });
                }
            }
        }
        // Longest first; a span inside or across a kept one is dropped.
        spans.sort_by_key(|s| (std::cmp::Reverse(s.end - s.start), s.start));
        let mut kept: Vec<Span> = Vec::new();
        for s in spans {
            if kept.iter().all(|k| s.end <= k.start || s.start >= k.end) {
                kept.push(s);
            }
        }
        kept.sort_by_key(|s| s.start);
        let held_out = held_out(text);
        docs[held_out as usize] += 1;
        let to = if held_out { &mut held } else { &mut tune };
        let mut start = 0;
        for (i, &c) in chars.iter().enumerate() {
            if matches!(c, '。' | '！' | '？' | '；' | '\n') || i + 1 == chars.len() {
                let end = i + 1;
                let names: Vec<Span> = kept
                    .iter()
                    .filter(|s| s.start >= start && s.end <= end)
                    .map(|s| Span { start: s.start - start, end: s.end - start, kind: s.kind })
                    .collect();
                if !names.is_empty() {
                    to.push(Example { text: chars[start..end].to_vec(), names, partial: true });
                }
                start = end;
            }
        }
    }
    Ok((tune, held, docs))
}

fn report(title: &str, counts: &[(NameKind, Counts)]) {
    println!("{title}");
    println!(
        "  {:<13} {:>6} {:>6} {:>6}  {:>9} {:>6} {:>6}",
        "kind", "gold", "found", "right", "precision", "recall", "F1"
    );
    let mut all = Counts::default();
    for (k, c) in counts {
        println!(
            "  {:<13} {:>6} {:>6} {:>6}  {:>9.3} {:>6.3} {:>6.3}",
            format!("{k:?}").to_lowercase(),
            c.gold,
            c.found,
            c.right,
            c.precision(),
            c.recall(),
            c.f1()
        );
        all = Counts { gold: all.gold + c.gold, found: all.found + c.found, right: all.right + c.right };
    }
    println!(
        "  {:<13} {:>6} {:>6} {:>6}  {:>9.3} {:>6.3} {:>6.3}",
        "all",
        all.gold,
        all.found,
        all.right,
        all.precision(),
        all.recall(),
        all.f1()
    );
}

/// Whether a training text is kept apart to fit the confidence of spans (one in 16).
fn for_confidence(e: &Example) -> bool {
    let text: String = e.text.iter().collect();
    Sha256::digest(text.as_bytes())[0] >> 4 == 0xf
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut data, mut check, mut epochs) = (None, false, 10);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--data" => data = args.next().map(PathBuf::from),
            "--check" => check = true,
            "--epochs" => {
                epochs = args.next().and_then(|n| n.parse().ok()).ok_or("--epochs takes a number")?
            }
            _ => return Err(format!("unknown argument {a}")),
        }
    }
    let data = data.ok_or("--data DIR is required")?;
    let files = pinned(&data)?;
    let get = |name: &str| {
        files.iter().find(|(f, _)| f == name).map(|(_, t)| t.as_str()).ok_or(format!("{name} not pinned"))
    };
    let train_set = cluener(get("cluener/train.json")?)?;
    let dev = cluener(get("cluener/dev.json")?)?;
    println!("CLUENER: {} training texts, {} dev texts", train_set.len(), dev.len());
    let (duee_tune, duee_held, docs) = duee(get("duee-fin/dev.json")?, get("duee-fin/duee_fin_dev.json")?)?;
    println!(
        "DuEE-Fin training documents: {} TUNE, {} HELD OUT; sentences with silver names: {} TUNE, {} HELD OUT",
        docs[0],
        docs[1],
        duee_tune.len(),
        duee_held.len()
    );
    let train_set: Vec<Example> = train_set.into_iter().chain(duee_tune).collect();

    // Confidence is fitted on texts a first model did not see, then stored with the
    // model trained on everything.
    let (held, rest): (Vec<Example>, Vec<Example>) = train_set.iter().cloned().partition(for_confidence);
    let first = Labeller::from_bytes(&train(&rest, &Options { epochs, confidence: (1.0, 0.0) }))?;
    let confidence = fit_confidence(&first, &held);
    println!(
        "confidence fitted on {} held texts: a = {:.4}, b = {:.4}",
        held.len(),
        confidence.0,
        confidence.1
    );
    let bytes = train(&train_set, &Options { epochs, confidence });
    let model = Labeller::from_bytes(&bytes)?;
    report("CLUENER dev (not trained on), exact spans:", &evaluate(&model, &dev, &NameKind::ALL));
    report(
        "DuEE-Fin HELD OUT, silver names (partial: only recall means something):",
        &evaluate(&model, &duee_held, &[NameKind::Company, NameKind::Organisation, NameKind::Person]),
    );
    println!(
        "model: {} bytes, rows {:?}, sha256 {}",
        bytes.len(),
        model.rows(),
        hex(&Sha256::digest(&bytes))
    );

    let path = Path::new(LABEL_DIR).join("names.model");
    if check {
        let shipped = std::fs::read(&path).map_err(|e| e.to_string())?;
        if shipped != bytes {
            return Err("the model made differs from the shipped names.model".into());
        }
        println!("same as the shipped model");
    } else {
        std::fs::write(&path, &bytes).map_err(|e| e.to_string())?;
        println!("wrote {}", path.display());
    }
    Ok(())
}

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train_names: {e}");
            ExitCode::FAILURE
        }
    }
}
