//! The core's shape, read from its own source: which module uses which (`crate::…`,
//! `super::…`, `use` groups). Layers call only those below them, and no two modules,
//! nor two files, use each other round a circle.
//!
//!     operations -> ingest -> stages (import, extract, search, report) -> store
//!     -> annotate (pure anchoring) -> vocabulary -> error

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

const SRC: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src");

/// The layer of the stages, which may use one another (report reads through search).
const STAGES: u8 = 4;

/// Each top-level module's layer: a module may use only modules of a lower layer,
/// or of its own layer where a stage uses another.
fn layer(module: &str) -> u8 {
    match module {
        "error" => 0,
        "vocabulary" => 1,
        // Anchoring is pure and beneath the store, which re-anchors notes with it.
        "annotate" => 2,
        "store" => 3,
        "import" | "extract" | "search" | "report" => STAGES,
        "ingest" => 5,
        "operations" => 6,
        "" => 7, // the crate root only declares and re-exports
        other => panic!("module {other} has no layer: add it to this test's drawing"),
    }
}

/// Modules whose files still use each other in a circle inside the module, being
/// taken apart by their owners (import's text and Markdown parsers call each other).
/// Their module-level arrows are checked like every other's.
const FILE_CIRCLES_BEING_UNDONE: &[&str] = &["import"];

/// A source file: where it is and the module path it defines (src/store/facts.rs is
/// `store::facts`, src/store/mod.rs is `store`, src/lib.rs is the root).
struct File {
    path: PathBuf,
    module: Vec<String>,
    code: String,
}

fn files() -> Vec<File> {
    let mut found = Vec::new();
    let mut dirs = vec![PathBuf::from(SRC)];
    while let Some(dir) = dirs.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                dirs.push(path);
            } else if path.extension().is_some_and(|e| e == "rs") {
                let relative = path.strip_prefix(SRC).unwrap().with_extension("");
                let mut module: Vec<String> =
                    relative.iter().map(|p| p.to_string_lossy().into_owned()).collect();
                if matches!(module.last().map(String::as_str), Some("mod" | "lib")) {
                    module.pop();
                }
                let code =
                    without_tests(&without_comments_and_strings(&std::fs::read_to_string(&path).unwrap()));
                found.push(File { path, module, code });
            }
        }
    }
    found.sort_by(|a, b| a.path.cmp(&b.path));
    found
}

/// The code with comments and the insides of string and char literals blanked, so
/// that only real paths are read.
fn without_comments_and_strings(code: &str) -> String {
    let chars: Vec<char> = code.chars().collect();
    let mut out = String::with_capacity(code.len());
    let mut i = 0;
    while i < chars.len() {
        let rest = &chars[i..];
        if rest.starts_with(&['/', '/']) {
            while i < chars.len() && chars[i] != '\n' {
                i += 1;
            }
        } else if rest.starts_with(&['/', '*']) {
            let mut depth = 0;
            while i < chars.len() {
                if chars[i..].starts_with(&['/', '*']) {
                    depth += 1;
                    i += 2;
                } else if chars[i..].starts_with(&['*', '/']) {
                    depth -= 1;
                    i += 2;
                    if depth == 0 {
                        break;
                    }
                } else {
                    i += 1;
                }
            }
        } else if rest[0] == 'r'
            && rest.get(1).is_some_and(|&c| c == '#' || c == '"')
            && !ident_before(&chars, i)
        {
            // A raw string: r"…", r#"…"#.
            let hashes = rest[1..].iter().take_while(|&&c| c == '#').count();
            if rest.get(1 + hashes) == Some(&'"') {
                let close: Vec<char> = std::iter::once('"').chain(std::iter::repeat_n('#', hashes)).collect();
                i += 2 + hashes;
                while i < chars.len() && !chars[i..].starts_with(&close) {
                    i += 1;
                }
                i += close.len();
                out.push_str("\"\"");
            } else {
                out.push('r');
                i += 1;
            }
        } else if rest[0] == '"' {
            i += 1;
            while i < chars.len() && chars[i] != '"' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("\"\"");
        } else if rest[0] == '\'' && (rest.get(2) == Some(&'\'') || rest.get(1) == Some(&'\\')) {
            // A char literal ('a', '\n', '\u{..}'); a lifetime has no closing quote.
            i += 1;
            while i < chars.len() && chars[i] != '\'' {
                i += if chars[i] == '\\' { 2 } else { 1 };
            }
            i += 1;
            out.push_str("' '");
        } else {
            out.push(rest[0]);
            i += 1;
        }
    }
    out
}

/// The code before its unit tests (`#[cfg(test)] mod tests`, at the end of a file):
/// a test may use whatever it needs.
fn without_tests(code: &str) -> String {
    match code.find("#[cfg(test)]\nmod ") {
        Some(at) => code[..at].to_owned(),
        None => code.to_owned(),
    }
}

fn ident_before(chars: &[char], i: usize) -> bool {
    i > 0 && (chars[i - 1].is_alphanumeric() || chars[i - 1] == '_')
}

/// Every path the code names from `crate::` or `super::`, as module paths from the
/// root, `use` groups spread out (`crate::store::{facts, entities::X}` gives both).
fn paths_used(file: &File) -> Vec<Vec<String>> {
    let code = &file.code;
    let mut used = Vec::new();
    for (at, _) in code.match_indices("crate::").chain(code.match_indices("super::")) {
        if at > 0 && code[..at].ends_with(|c: char| c.is_alphanumeric() || c == '_' || c == '$') {
            continue;
        }
        let (base, rest) = if code[at..].starts_with("crate::") {
            (Vec::new(), &code[at + "crate::".len()..])
        } else {
            let mut parent = file.module.clone();
            let own_folder = file.path.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs");
            // `super` of src/store/facts.rs is `store`; of src/store/mod.rs, the root.
            if !own_folder || !parent.is_empty() {
                parent.pop();
            }
            (parent, &code[at + "super::".len()..])
        };
        spread(base, rest, &mut used);
    }
    used
}

/// Adds the paths `rest` names after `base` (a path, or a `{…}` group of them).
fn spread(base: Vec<String>, rest: &str, used: &mut Vec<Vec<String>>) {
    let rest = rest.trim_start();
    if let Some(group) = rest.strip_prefix('{') {
        let mut depth = 0;
        let mut start = 0;
        for (i, c) in group.char_indices() {
            match c {
                '{' => depth += 1,
                '}' if depth == 0 => {
                    spread(base.clone(), &group[start..i], used);
                    return;
                }
                '}' => depth -= 1,
                ',' if depth == 0 => {
                    spread(base.clone(), &group[start..i], used);
                    start = i + 1;
                }
                _ => {}
            }
        }
        return;
    }
    let ident: String = rest.chars().take_while(|c| c.is_alphanumeric() || *c == '_').collect();
    if ident.is_empty() || ident == "self" {
        used.push(base);
        return;
    }
    let mut path = base;
    path.push(ident.clone());
    match rest[ident.len()..].trim_start().strip_prefix("::") {
        Some(more) => spread(path, more, used),
        None => used.push(path),
    }
}

/// The file that defines `path` (or the module holding the item it names).
fn file_of<'a>(files: &'a [File], path: &[String]) -> Option<&'a File> {
    (0..=path.len()).rev().find_map(|n| files.iter().find(|f| f.module == path[..n]))
}

/// What the crate root re-exports by name (`pub use store::Library`), so that
/// `crate::Library` counts as using `store`.
fn root_names(files: &[File]) -> BTreeMap<String, Vec<String>> {
    let root = files.iter().find(|f| f.module.is_empty()).expect("src/lib.rs");
    let mut names = BTreeMap::new();
    for line in root.code.lines().filter(|l| l.trim_start().starts_with("pub use ")) {
        let mut paths = Vec::new();
        spread(
            Vec::new(),
            line.trim_start().trim_start_matches("pub use ").trim_end_matches(';'),
            &mut paths,
        );
        for path in paths {
            names.insert(path.last().cloned().unwrap_or_default(), path);
        }
    }
    names
}

/// Arrows between files: file index to the indices of the files it uses.
fn file_arrows(files: &[File]) -> BTreeMap<usize, BTreeSet<usize>> {
    let names = root_names(files);
    let mut arrows: BTreeMap<usize, BTreeSet<usize>> = BTreeMap::new();
    for (i, file) in files.iter().enumerate() {
        for mut path in paths_used(file) {
            if let Some(full) = path.first().and_then(|name| names.get(name)) {
                path = full.iter().chain(&path[1..]).cloned().collect();
            }
            let Some(target) = file_of(files, &path) else { continue };
            let j = files.iter().position(|f| std::ptr::eq(f, target)).unwrap();
            if i != j {
                arrows.entry(i).or_default().insert(j);
            }
        }
    }
    arrows
}

fn top(file: &File) -> &str {
    file.module.first().map_or("", String::as_str)
}

/// A circle through `arrows`, as the nodes round it, if there is one.
fn circle<N: Ord + Copy>(arrows: &BTreeMap<N, BTreeSet<N>>) -> Option<Vec<N>> {
    fn visit<N: Ord + Copy>(
        node: N,
        arrows: &BTreeMap<N, BTreeSet<N>>,
        path: &mut Vec<N>,
        done: &mut BTreeSet<N>,
    ) -> Option<Vec<N>> {
        if let Some(at) = path.iter().position(|&n| n == node) {
            return Some(path[at..].to_vec());
        }
        if done.contains(&node) {
            return None;
        }
        path.push(node);
        for &next in arrows.get(&node).into_iter().flatten() {
            if let Some(found) = visit(next, arrows, path, done) {
                return Some(found);
            }
        }
        path.pop();
        done.insert(node);
        None
    }
    let mut done = BTreeSet::new();
    arrows.keys().find_map(|&n| visit(n, arrows, &mut Vec::new(), &mut done))
}

#[test]
fn layers_call_only_those_below_them() {
    let files = files();
    let mut wrong = Vec::new();
    for (i, targets) in file_arrows(&files) {
        let from = top(&files[i]);
        for j in targets {
            let to = top(&files[j]);
            let across_stages = layer(from) == STAGES && layer(to) == STAGES && from != to;
            if from != to && (layer(to) > layer(from) || (layer(to) == layer(from) && !across_stages)) {
                wrong.push(format!("{} uses {}", files[i].path.display(), files[j].path.display()));
            }
        }
    }
    assert!(wrong.is_empty(), "arrows that run up or sideways:\n{}", wrong.join("\n"));
}

#[test]
fn the_store_uses_no_stage_but_anchoring() {
    let files = files();
    let arrows = file_arrows(&files);
    let used: BTreeSet<&str> = arrows
        .iter()
        .filter(|(&i, _)| top(&files[i]) == "store")
        .flat_map(|(_, targets)| targets.iter().map(|&j| top(&files[j])))
        .collect();
    assert!(used.contains("error"), "the check reads no arrows at all: {used:?}");
    let stages: Vec<_> =
        used.iter().filter(|m| !["store", "error", "vocabulary", "annotate"].contains(m)).collect();
    assert!(stages.is_empty(), "the store uses {stages:?}");
}

#[test]
fn no_two_modules_use_each_other_round_a_circle() {
    let files = files();
    let mut modules: BTreeMap<&str, BTreeSet<&str>> = BTreeMap::new();
    for (i, targets) in file_arrows(&files) {
        for j in targets {
            if top(&files[i]) != top(&files[j]) {
                modules.entry(top(&files[i])).or_default().insert(top(&files[j]));
            }
        }
    }
    assert!(modules.len() > 5, "too few modules read: {modules:?}");
    assert_eq!(circle(&modules), None, "modules in a circle");
}

#[test]
fn no_two_files_use_each_other_round_a_circle() {
    let files = files();
    // A module's mod.rs and its own files are one unit: `super::Item` and `pub use
    // part::Item` between them are not a circle between parts.
    let inside = |parent: &File, child: &File| {
        parent.path.file_name().is_some_and(|n| n == "mod.rs" || n == "lib.rs")
            && child.module.starts_with(&parent.module)
    };
    let arrows: BTreeMap<usize, BTreeSet<usize>> = file_arrows(&files)
        .into_iter()
        .filter(|(i, _)| !FILE_CIRCLES_BEING_UNDONE.contains(&top(&files[*i])))
        .map(|(i, targets)| {
            let kept = targets
                .into_iter()
                .filter(|&j| !inside(&files[i], &files[j]) && !inside(&files[j], &files[i]))
                .collect();
            (i, kept)
        })
        .collect();
    let found =
        circle(&arrows).map(|c| c.iter().map(|&i| files[i].path.display().to_string()).collect::<Vec<_>>());
    assert_eq!(found, None, "files in a circle");
}

#[test]
fn the_reader_of_paths_sees_groups_supers_and_skips_strings() {
    let file = File {
        path: Path::new(SRC).join("store/facts.rs"),
        module: vec!["store".into(), "facts".into()],
        code: without_comments_and_strings(
            "use crate::{search::{self, Entry}, vocabulary::Metric};\nuse super::articles;\n\
             // crate::ingest in a comment\nlet s = \"crate::operations\"; let r = r#\"crate::report\"#;\n\
             let c = '\"'; crate::Error::invalid(x);",
        ),
    };
    let paths: Vec<String> = paths_used(&file).into_iter().map(|p| p.join("::")).collect();
    assert_eq!(paths, ["search", "search::Entry", "vocabulary::Metric", "Error::invalid", "store::articles"]);
}
