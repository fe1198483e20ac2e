//! A learned labeller of names in Chinese text: companies, organisations (government
//! bodies included), people, places, job titles and titles of works, found by their
//! shape and context rather than by a list. It tags units (a Han char, a Latin word such
//! as Groq, a mark) with an averaged structured perceptron over hashed unit, bigram and
//! shape features, decoded by Viterbi under BIO constraints. The weights, one byte each,
//! are in `names.model`, made by `examples/train_names.rs` from public data pinned in
//! `sources.json` (see README.md beside this file), and loaded once on first use.
//!
//! Text with no Han char is not labelled: the model learned Chinese sentences only.

mod model;
mod score;
pub mod train;
mod units;

use std::cell::RefCell;
use std::sync::OnceLock;

pub use model::Labeller;
use score::{inside, kind_of, Decoder};
use units::{units, Class, Unit};

/// What a name names.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum NameKind {
    Company,
    /// Organisations and government bodies: 证监会, 国家发展改革委, a university, a fund's
    /// association.
    Organisation,
    Person,
    /// Addresses, cities, countries, landmarks.
    Place,
    /// Job titles: 董事长, CEO, 创始人.
    Position,
    /// Titles of books, films and games.
    Work,
}

impl NameKind {
    /// In the model's tag order.
    pub const ALL: [NameKind; 6] = [
        NameKind::Company,
        NameKind::Organisation,
        NameKind::Person,
        NameKind::Place,
        NameKind::Position,
        NameKind::Work,
    ];
}

/// A name found in the text.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Name {
    /// Code-point offsets into the text.
    pub start: usize,
    pub end: usize,
    pub kind: NameKind,
    /// Confidence in 0..1 that this span is a name of this kind (fitted so that, on data
    /// held out from training, it is about the share of such spans that are right).
    pub score: f32,
}

/// The model shipped with Dossier.
const MODEL: &[u8] = include_bytes!("names.model");

/// The shipped model, loaded on first use.
pub fn builtin() -> &'static Labeller {
    static LOADED: OnceLock<Labeller> = OnceLock::new();
    LOADED.get_or_init(|| Labeller::from_bytes(MODEL).expect("the shipped name model must load"))
}

/// SHA-256 of the shipped model, in hex: extraction results depend on it.
pub fn model_digest() -> String {
    use sha2::{Digest, Sha256};
    Sha256::digest(MODEL).iter().map(|b| format!("{b:02x}")).collect()
}

/// Names in `text[from..to]` (code-point offsets, `to` clipped to the text), in text
/// order, found by the shipped model. Meant to be called on one sentence at a time.
pub fn names(text: &[char], from: usize, to: usize) -> Vec<Name> {
    builtin().names(text, from, to)
}

struct Scratch {
    units: Vec<Unit>,
    decoder: Decoder,
}

thread_local! {
    static SCRATCH: RefCell<Scratch> = RefCell::new(Scratch { units: Vec::new(), decoder: Decoder::default() });
}

impl Labeller {
    /// Names in `text[from..to]`, as `names` but with this model.
    pub fn names(&self, text: &[char], from: usize, to: usize) -> Vec<Name> {
        let (a, b) = self.confidence;
        let mut out = self.margins(text, from, to);
        for n in &mut out {
            n.score = 1.0 / (1.0 + (-(a * n.score + b)).exp());
        }
        out
    }

    /// Names with, in place of the score, their margin (`Decoder::margin`) in the
    /// trainer's weight units.
    fn margins(&self, text: &[char], from: usize, to: usize) -> Vec<Name> {
        SCRATCH.with(|s| {
            let Scratch { units: us, decoder: d } = &mut *s.borrow_mut();
            us.clear();
            units(text, from, to, us);
            let mut out = Vec::new();
            if !us.iter().any(|u| u.class == Class::Han) {
                return out;
            }
            // Scores of a very long stretch (a page without a stop) must stay far from
            // overflow: it is labelled in pieces.
            for piece in us.chunks(LONGEST) {
                d.keys.fill(piece);
                d.emissions(self);
                d.decode(self, None);
                let mut i = 0;
                while i < piece.len() {
                    let Some(kind) = kind_of(d.path[i] as usize) else {
                        i += 1;
                        continue;
                    };
                    let mut j = i + 1;
                    while j < piece.len() && d.path[j] as usize == inside(kind) {
                        j += 1;
                    }
                    let margin = d.margin(j) * self.scale;
                    out.push(Name { start: piece[i].start, end: piece[j - 1].end, kind, score: margin });
                    i = j;
                }
            }
            out
        })
    }
}

/// Units labelled in one piece at most.
const LONGEST: usize = 4096;

#[cfg(test)]
mod tests;
