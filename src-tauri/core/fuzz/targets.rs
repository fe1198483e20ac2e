//! What each fuzzing target runs on one input, and what counts as a finding. Shared by
//! the fuzzer (`fuzz/main.rs`) and the test that replays the kept corpus and crashers
//! (`tests/fuzz_corpus.rs`), so that a replay runs exactly what the campaign ran.

use std::path::{Path, PathBuf};

use dossier_core::extract;
use dossier_core::import::{self, clean_name, normalise, Format, Limits};
use dossier_core::ErrorKind;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Target {
    /// Plain text: encoding detection, decoding, normalisation, press conventions.
    Text,
    Markdown,
    /// Web pages from mutated real pages.
    Html,
    /// Web pages generated as trees of the elements parsers treat specially.
    HtmlTree,
    Pdf,
    /// Word documents from mutated real packages.
    Docx,
    /// Word documents generated as WordprocessingML structure, zipped.
    DocxTree,
    /// The extractor on text made of the words market news is made of.
    Extract,
}

impl Target {
    pub const ALL: [Target; 8] = [
        Target::Text,
        Target::Markdown,
        Target::Html,
        Target::HtmlTree,
        Target::Pdf,
        Target::Docx,
        Target::DocxTree,
        Target::Extract,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Self::Text => "text",
            Self::Markdown => "markdown",
            Self::Html => "html",
            Self::HtmlTree => "html-tree",
            Self::Pdf => "pdf",
            Self::Docx => "docx",
            Self::DocxTree => "docx-tree",
            Self::Extract => "extract",
        }
    }

    fn format(self) -> Option<(Format, &'static str)> {
        match self {
            Self::Text => Some((Format::Text, "fuzz.txt")),
            Self::Markdown => Some((Format::Markdown, "fuzz.md")),
            Self::Html | Self::HtmlTree => Some((Format::Html, "fuzz.html")),
            Self::Pdf => Some((Format::Pdf, "fuzz.pdf")),
            Self::Docx | Self::DocxTree => Some((Format::Docx, "fuzz.docx")),
            Self::Extract => None,
        }
    }

    /// Runs one input. `Ok` holds the outcome's signature (what kind of answer it was,
    /// numbers left out), which the fuzzer uses to keep inputs that answer differently;
    /// `Err` is a finding: an internal error or a broken promise of the output.
    pub fn run(self, input: &[u8]) -> Result<String, String> {
        match self.format() {
            Some((format, name)) => parse(input, format, name),
            None => extract_text(&String::from_utf8_lossy(input)),
        }
    }

    /// The corpus and crashers kept for this target, under `fuzz/`.
    pub fn kept(self, fuzz_dir: &Path) -> Vec<PathBuf> {
        let mut files: Vec<PathBuf> = ["corpus", "crashers"]
            .iter()
            .flat_map(|kind| std::fs::read_dir(fuzz_dir.join(kind).join(self.name())).into_iter().flatten())
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.is_file())
            .collect();
        files.sort();
        files
    }
}

fn parse(input: &[u8], format: Format, name: &str) -> Result<String, String> {
    match import::parse_format(input, format, name, &Limits::default()) {
        Ok(article) => {
            if normalise(&article.text) != article.text {
                return Err("the canonical text changes when normalised again".into());
            }
            if article.text.chars().any(|c| c.is_control() && c != '\n') {
                return Err("the canonical text holds a control character".into());
            }
            if clean_name(&article.title) != article.title {
                return Err(format!("the title is not a clean name: {:?}", article.title));
            }
            Ok(format!("ok {}", article.language))
        }
        Err(e) if e.kind == ErrorKind::Internal => Err(format!("internal error: {}", e.message)),
        // A panic the thread guard turned into an error: a bug of ours (or of a parser we
        // can guard better), except in the PDF reader, whose own panics on damaged files
        // are what the guard is there for.
        Err(e) if e.message.ends_with("the reader failed on its structure") && format != Format::Pdf => {
            Err(format!("panic: {}", e.message))
        }
        Err(e) => Ok(format!("{:?} {}", e.kind, without_digits(&e.message))),
    }
}

/// The extraction contract: every span's text is exactly those code points of the text,
/// and every fact points at a quantity that exists.
fn extract_text(text: &str) -> Result<String, String> {
    let found = extract::extract(text, Some("2025-02-14"));
    let chars: Vec<char> = text.chars().collect();
    let span = |what: &str, s: &str, start: usize, end: usize| -> Result<(), String> {
        let real: Option<String> = chars.get(start..end).map(|c| c.iter().collect());
        if real.as_deref() != Some(s) {
            return Err(format!("{what} {s:?} at {start}..{end} is {real:?} in the text"));
        }
        Ok(())
    };
    for q in &found.quantities {
        span("quantity", &q.text, q.start, q.end)?;
        if q.low.is_nan() || q.high.is_nan() || q.low > q.high {
            return Err(format!("quantity {:?} has bounds {}..{}", q.text, q.low, q.high));
        }
    }
    for d in &found.dates {
        span("date", &d.text, d.start, d.end)?;
    }
    for m in &found.mentions {
        span("mention", &m.text, m.start, m.end)?;
    }
    if let Some(f) = found.facts.iter().find(|f| f.quantity >= found.quantities.len()) {
        return Err(format!(
            "fact about {:?} points at quantity {} of {}",
            f.subject,
            f.quantity,
            found.quantities.len()
        ));
    }
    Ok(format!("{} quantities {} facts", found.quantities.len().min(3), found.facts.len().min(3)))
}

fn without_digits(message: &str) -> String {
    let mut out = String::new();
    for c in message.chars() {
        if c.is_ascii_digit() {
            if !out.ends_with('#') {
                out.push('#');
            }
        } else {
            out.push(c);
        }
    }
    // Messages quote parsers' own wording after a colon or parenthesis: keep the kind.
    out.split(" (").next().unwrap_or(&out).to_owned()
}
