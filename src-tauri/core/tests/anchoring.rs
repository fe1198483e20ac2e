//! Property tests of re-anchoring: after random insertions and deletions, an
//! annotation lands on its own quote or is orphaned, never on other text.

use dossier_core::annotate::{anchor, describe, Anchor, Selector, CONTEXT_CHARS};
use proptest::prelude::*;

/// Han characters, Latin letters, digits and the punctuation of the sample, few enough
/// that words repeat (as 融资 and 估值 do in a real article).
const ALPHABET: &str = "融资估值亿元美人民币市场规模智谱月之暗面百川阶跃星辰芯片增长年月日的了和在，。、（）AIDeepSk 0123456789.%\n";

fn chars() -> Vec<char> {
    ALPHABET.chars().collect()
}

fn text(min: usize, max: usize) -> impl Strategy<Value = Vec<char>> {
    prop::collection::vec(prop::sample::select(chars()), min..max)
}

/// An edit at a fraction of the text: insert `insert` there, or delete `delete` chars.
#[derive(Debug, Clone)]
struct Edit {
    at: f64,
    insert: Vec<char>,
    delete: usize,
}

fn edits(max: usize) -> impl Strategy<Value = Vec<Edit>> {
    let edit = (0.0..1.0f64, text(0, 12), 0..10usize).prop_map(|(at, insert, delete)| Edit {
        at,
        delete: if insert.is_empty() { delete.max(1) } else { 0 },
        insert,
    });
    prop::collection::vec(edit, 1..max)
}

/// Applies the edits that keep clear of [start - margin, end + margin) and returns the
/// new text with where the annotated span is now.
fn apply(
    text: &[char],
    (start, end): (usize, usize),
    margin: usize,
    edits: &[Edit],
) -> (Vec<char>, (usize, usize)) {
    let mut text = text.to_vec();
    let (mut start, mut end) = (start, end);
    for edit in edits {
        let at = (edit.at * (text.len() + 1) as f64) as usize;
        let at = at.min(text.len());
        let (from, to) = (at, (at + edit.delete).min(text.len()));
        let before = to + margin <= start;
        let after = from >= end + margin;
        if !(before || after) {
            continue;
        }
        text.splice(from..to, edit.insert.iter().copied());
        if before {
            start = start + edit.insert.len() - (to - from);
            end = end + edit.insert.len() - (to - from);
        }
    }
    (text, (start, end))
}

fn s(chars: &[char]) -> String {
    chars.iter().collect()
}

fn selection(text: &[char], at: f64, len: usize) -> (usize, usize) {
    let start = ((at * text.len() as f64) as usize).min(text.len() - 1);
    (start, (start + len).min(text.len()))
}

fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, x) in a.iter().enumerate() {
        let mut diagonal = row[0];
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            let next = if x == y { diagonal } else { 1 + diagonal.min(row[j]).min(row[j + 1]) };
            diagonal = row[j + 1];
            row[j + 1] = next;
        }
    }
    row[b.len()]
}

/// The text around an anchor is exactly the context the selector stored: nothing in the
/// new text tells this place from the original one.
fn same_context(text: &[char], a: Anchor, selector: &Selector) -> bool {
    let prefix: Vec<char> = selector.quote.prefix.chars().collect();
    let suffix: Vec<char> = selector.quote.suffix.chars().collect();
    a.start >= prefix.len()
        && text[a.start - prefix.len()..a.start] == prefix[..]
        && text.len() >= a.end + suffix.len()
        && text[a.end..a.end + suffix.len()] == suffix[..]
}

fn sample() -> &'static [char] {
    static SAMPLE: std::sync::OnceLock<Vec<char>> = std::sync::OnceLock::new();
    SAMPLE.get_or_init(|| {
        let path =
            concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/newspaper/ai-market-page-zh.txt");
        let bytes = std::fs::read(path).expect("the newspaper page fixture");
        let (text, _) = dossier_core::import::decode_text(&bytes).unwrap();
        dossier_core::import::normalise(&text).chars().collect()
    })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    /// Edits anywhere outside the quote, context included: its own quote or orphaned.
    #[test]
    fn edits_outside_the_quote_never_move_it_to_other_text(
        original in text(20, 300), at in 0.0..1.0f64, len in 1..40usize, edits in edits(12)
    ) {
        let span = selection(&original, at, len);
        let selector = describe(&s(&original), span.0, span.1).unwrap();
        let (changed, _) = apply(&original, span, 0, &edits);
        if let Some(a) = anchor(&s(&changed), &selector) {
            prop_assert_eq!(s(&changed[a.start..a.end]), selector.quote.exact);
        } else {
            // Only a short quote whose context is gone may be orphaned: a long one is still there.
            prop_assert!(span.1 - span.0 < 16, "a long unchanged quote was orphaned");
        }
    }

    /// Edits beyond the context: the annotation is found exactly where its text went.
    #[test]
    fn edits_beyond_the_context_keep_the_annotation_on_its_text(
        original in text(20, 300), at in 0.0..1.0f64, len in 1..40usize, edits in edits(12)
    ) {
        let span = selection(&original, at, len);
        let selector = describe(&s(&original), span.0, span.1).unwrap();
        let (changed, moved) = apply(&original, span, CONTEXT_CHARS, &edits);
        let a = anchor(&s(&changed), &selector);
        prop_assert!(a.is_some(), "orphaned although quote and context are intact");
        let a = a.unwrap();
        prop_assert!(
            (a.start, a.end) == moved || (s(&changed[a.start..a.end]) == selector.quote.exact && same_context(&changed, a, &selector)),
            "anchored at {:?}, the text went to {:?}", (a.start, a.end), moved
        );
    }

    /// A few edits inside a quote: found on the edited quote, or orphaned.
    #[test]
    fn an_edited_quote_is_found_on_itself_or_orphaned(
        original in text(60, 300), at in 0.0..1.0f64, len in 20..60usize,
        inner in prop::collection::vec((0.0..1.0f64, prop::sample::select(chars()), 0..3u8), 1..4)
    ) {
        let span = selection(&original, at, len);
        prop_assume!(span.1 - span.0 >= 20);
        let selector = describe(&s(&original), span.0, span.1).unwrap();
        let mut changed = original.clone();
        let mut end = span.1;
        for (at, c, op) in &inner {
            let i = span.0 + ((at * (end - span.0) as f64) as usize).min(end - span.0 - 1);
            match op {
                0 => changed[i] = *c,
                1 => { changed.insert(i, *c); end += 1; }
                _ => { changed.remove(i); end -= 1; }
            }
        }
        let exact: Vec<char> = selector.quote.exact.chars().collect();
        match anchor(&s(&changed), &selector) {
            Some(a) => {
                let found = &changed[a.start..a.end];
                let on_itself = a.start < end && a.end > span.0 && levenshtein(found, &exact) <= exact.len() / 5;
                prop_assert!(on_itself || found == &exact[..], "anchored on {:?}", s(found));
            }
            None => prop_assert!(inner.len() > 1, "one edit in a quote of {} chars orphaned it", exact.len()),
        }
    }

    /// The same on the sample article, whose words and figures repeat.
    #[test]
    fn the_sample_article_survives_edits_elsewhere(
        at in 0.0..1.0f64, len in 2..30usize, edits in edits(8)
    ) {
        let original = sample();
        let span = selection(original, at, len);
        let selector = describe(&s(original), span.0, span.1).unwrap();
        let (changed, moved) = apply(original, span, CONTEXT_CHARS, &edits);
        let a = anchor(&s(&changed), &selector).expect("quote and context intact");
        prop_assert!((a.start, a.end) == moved || same_context(&changed, a, &selector));
    }
}
