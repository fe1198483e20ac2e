//! Training of the name model: an averaged structured perceptron over the features of
//! `score`, deterministic (fixed order and a seeded shuffle, integer updates, keys written
//! in order), so that the same examples give a byte-identical model. Also the span-level
//! scores that the training program reports.

use std::borrow::Cow;
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

use super::model::{write, Labeller, Quantised};
use super::score::{
    begin, inside, kind_of, Decoder, Keys, Lanes, Table, Transitions, Weights, EDGE, LANES, TAGS,
};
use super::units::{units, Unit};
use super::NameKind;

/// A name in an example: code-point offsets into its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Span {
    pub start: usize,
    pub end: usize,
    pub kind: NameKind,
}

/// A labelled text.
#[derive(Debug, Clone)]
pub struct Example {
    pub text: Vec<char>,
    pub names: Vec<Span>,
    /// Whether `names` are only some of the names in the text (silver labels drawn from
    /// event arguments): the rest of the text is then not taken to hold no name.
    pub partial: bool,
}

#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Passes over the examples.
    pub epochs: usize,
    /// Stored with the model: a span's confidence is 1 / (1 + e^-(a·margin + b)); see
    /// `fit_confidence`.
    pub confidence: (f32, f32),
}

/// Keys are already hashes: no further hashing.
#[derive(Default)]
struct KeyHasher(u64);

impl Hasher for KeyHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys are hashed")
    }
    fn write_u64(&mut self, k: u64) {
        self.0 = k;
    }
}

/// One table while it grows: a row per key met in an update.
struct Growing {
    index: HashMap<u64, u32, BuildHasherDefault<KeyHasher>>,
    keys: Vec<u64>,
    width: usize,
    weights: Vec<i32>,
    /// Sum over updates of step × change, for averaging (w - acc / steps).
    acc: Vec<i64>,
}

impl Growing {
    fn new(table: Table) -> Growing {
        Growing {
            index: HashMap::default(),
            keys: Vec::new(),
            width: table.width(),
            weights: Vec::new(),
            acc: Vec::new(),
        }
    }

    fn at(&mut self, key: u64) -> usize {
        let n = self.keys.len() as u32;
        let r = *self.index.entry(key).or_insert(n);
        if r == n {
            self.keys.push(key);
            self.weights.resize(self.weights.len() + self.width, 0);
            self.acc.resize(self.acc.len() + self.width, 0);
        }
        r as usize * self.width
    }
}

struct Trainer {
    tables: [Growing; 3],
    transitions: Vec<i32>,
    transitions_acc: Vec<i64>,
    /// Examples seen so far, plus one.
    step: i64,
}

impl Weights for Trainer {
    fn find(&self, table: Table, key: u64) -> Option<u32> {
        self.tables[table as usize].index.get(&key).copied()
    }

    fn sum(&self, parts: &[(Table, u32, usize)]) -> Lanes {
        let mut sum = [0; LANES];
        for &(table, at, slot) in parts {
            let t = &self.tables[table as usize];
            let from = at as usize * t.width + slot * TAGS;
            for (s, &w) in sum.iter_mut().zip(&t.weights[from..from + TAGS]) {
                *s += w;
            }
        }
        sum
    }

    fn transitions(&self) -> Cow<'_, Transitions> {
        Cow::Owned(Transitions::new(|from, to| self.transitions[from * (EDGE + 1) + to]))
    }
}

impl Trainer {
    fn bump(&mut self, table: Table, key: u64, slot: usize, tag: usize, by: i32) {
        let step = self.step;
        let t = &mut self.tables[table as usize];
        let at = t.at(key) + slot * TAGS + tag;
        t.weights[at] += by;
        t.acc[at] += step * by as i64;
    }

    fn bump_transition(&mut self, from: usize, to: usize, by: i32) {
        let at = from * (EDGE + 1) + to;
        self.transitions[at] += by;
        self.transitions_acc[at] += self.step * by as i64;
    }

    /// Perceptron update towards `gold` and away from `guess`.
    fn update(&mut self, keys: &Keys, gold: &[u8], guess: &[u8]) {
        for i in 0..gold.len() {
            let (g, p) = (gold[i] as usize, guess[i] as usize);
            if g != p {
                for (table, key, slot) in keys.of(i) {
                    self.bump(table, key, slot, g, 1);
                    self.bump(table, key, slot, p, -1);
                }
            }
        }
        let tag = |path: &[u8], i: usize| if i == 0 || i > path.len() { EDGE } else { path[i - 1] as usize };
        for i in 0..=gold.len() {
            let (gf, gt) = (tag(gold, i), tag(gold, i + 1));
            let (pf, pt) = (tag(guess, i), tag(guess, i + 1));
            if (gf, gt) != (pf, pt) {
                self.bump_transition(gf, gt, 1);
                self.bump_transition(pf, pt, -1);
            }
        }
    }

    /// Averaged weights, quantised to one byte per feature weight.
    fn quantise(&self, confidence: (f32, f32)) -> Quantised {
        let steps = self.step as f64;
        let avg = |w: i32, acc: i64| w as f64 - acc as f64 / steps;
        let mut magnitudes: Vec<f64> = self
            .tables
            .iter()
            .flat_map(|t| t.weights.iter().zip(&t.acc).map(|(&w, &a)| avg(w, a).abs()))
            .filter(|&m| m > 0.0)
            .collect();
        magnitudes.sort_by(f64::total_cmp);
        // A few extreme weights would waste the byte's range: they are clipped instead.
        let top = magnitudes
            .get(magnitudes.len().saturating_sub(1 + magnitudes.len() / 2000))
            .copied()
            .unwrap_or(1.0);
        let scale = top / 127.0;
        let q8 = |x: f64| (x / scale).round().clamp(-127.0, 127.0) as i8;
        let tables = self.tables.each_ref().map(|t| {
            let mut order: Vec<usize> = (0..t.keys.len()).collect();
            order.sort_by_key(|&r| t.keys[r]);
            let mut keys = Vec::new();
            let mut rows = Vec::new();
            for r in order {
                let row: Vec<i8> =
                    (r * t.width..(r + 1) * t.width).map(|at| q8(avg(t.weights[at], t.acc[at]))).collect();
                // Rows of small weights only are left out: they change few decisions
                // (CLUENER dev F1 0.725 with every row, 0.722 without them) and made
                // the model 2.5 times larger and slower to read.
                if row.iter().any(|&w| w.unsigned_abs() >= SMALLEST_ROW) {
                    keys.push(t.keys[r]);
                    rows.extend(row);
                }
            }
            (keys, rows)
        });
        let transitions = self
            .transitions
            .iter()
            .zip(&self.transitions_acc)
            .map(|(&w, &a)| (avg(w, a) / scale).round().clamp(-32767.0, 32767.0) as i16)
            .collect();
        Quantised { scale: scale as f32, confidence, transitions, tables }
    }
}

/// Rows whose largest weight is below this (of 127) are not kept.
const SMALLEST_ROW: u8 = 16;

/// An example as the trainer reads it.
struct Prepared {
    keys: Keys,
    gold: Vec<u8>,
    /// For a partly labelled example, the tags each unit may take: its gold path is the
    /// best one (by the current weights) that agrees with the labels it has.
    only: Option<Vec<u16>>,
}

/// Units of `text` and the gold tag of each: a name covers every unit it overlaps.
fn prepare(e: &Example) -> Prepared {
    let mut us: Vec<Unit> = Vec::new();
    units(&e.text, 0, e.text.len(), &mut us);
    let mut gold = vec![0u8; us.len()];
    for s in &e.names {
        let mut first = true;
        for (i, u) in us.iter().enumerate() {
            if u.start < s.end && u.end > s.start {
                gold[i] = if first { begin(s.kind) } else { inside(s.kind) } as u8;
                first = false;
            }
        }
    }
    let only = e.partial.then(|| {
        let any = (1u16 << TAGS) - 1;
        let mut only: Vec<u16> = gold.iter().map(|&g| if g == 0 { any } else { 1 << g }).collect();
        // A labelled name ends where it ends: the unit after it does not continue it.
        for i in 1..gold.len() {
            if gold[i - 1] != 0 && gold[i] == 0 {
                only[i] &= !(1 << inside(kind_of(gold[i - 1] as usize).unwrap()));
            }
        }
        only
    });
    let mut keys = Keys::default();
    keys.fill(&us);
    Prepared { keys, gold, only }
}

/// A fixed permutation per epoch (xorshift with a constant seed): perceptrons learn
/// better from shuffled data, and the model must not depend on the run.
fn shuffled(n: usize, epoch: usize) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    let mut x = 0x2545_f491_4f6c_dd1d_u64 ^ (epoch as u64 + 1).wrapping_mul(0x9e37_79b9_7f4a_7c15);
    for i in (1..n).rev() {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        order.swap(i, (x % (i as u64 + 1)) as usize);
    }
    order
}

/// Trains a model on `examples` and returns it as stored (the bytes of `names.model`).
pub fn train(examples: &[Example], options: &Options) -> Vec<u8> {
    let prepared: Vec<Prepared> = examples.iter().map(prepare).filter(|p| !p.gold.is_empty()).collect();
    let mut t = Trainer {
        tables: Table::ALL.map(Growing::new),
        transitions: vec![0; (EDGE + 1) * (EDGE + 1)],
        transitions_acc: vec![0; (EDGE + 1) * (EDGE + 1)],
        step: 1,
    };
    let mut d = Decoder::default();
    for epoch in 0..options.epochs {
        for k in shuffled(prepared.len(), epoch) {
            let p = &prepared[k];
            d.keys.clone_from(&p.keys);
            d.emissions(&t);
            let gold = match &p.only {
                Some(only) => {
                    d.decode(&t, Some(only));
                    std::mem::take(&mut d.path)
                }
                None => p.gold.clone(),
            };
            d.decode(&t, None);
            if d.path != gold {
                let guess = std::mem::take(&mut d.path);
                t.update(&p.keys, &gold, &guess);
            }
            t.step += 1;
        }
    }
    write(&t.quantise(options.confidence))
}

/// Spans found, spans in the gold labels, and spans found right, for one kind.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Counts {
    pub gold: usize,
    pub found: usize,
    pub right: usize,
}

impl Counts {
    pub fn precision(&self) -> f64 {
        self.right as f64 / self.found.max(1) as f64
    }
    pub fn recall(&self) -> f64 {
        self.right as f64 / self.gold.max(1) as f64
    }
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 {
            0.0
        } else {
            2.0 * p * r / (p + r)
        }
    }
}

/// Exact-span counts per kind (in the order of `kinds`) of `model` on `examples`.
/// `kinds` limits which gold and found kinds count (the others are ignored), for data
/// labelled with fewer kinds.
pub fn evaluate(model: &Labeller, examples: &[Example], kinds: &[NameKind]) -> Vec<(NameKind, Counts)> {
    let mut counts: Vec<(NameKind, Counts)> = kinds.iter().map(|&k| (k, Counts::default())).collect();
    for e in examples {
        let found = model.names(&e.text, 0, e.text.len());
        for (k, c) in counts.iter_mut() {
            let gold: Vec<&Span> = e.names.iter().filter(|s| s.kind == *k).collect();
            c.gold += gold.len();
            for n in found.iter().filter(|n| n.kind == *k) {
                c.found += 1;
                c.right += gold.iter().any(|s| s.start == n.start && s.end == n.end) as usize;
            }
        }
    }
    counts
}

/// Fits the confidence of spans (a, b of a logistic curve over the margin) so that on
/// `held` (examples the model was not trained on) it estimates the chance that a span is
/// exactly right. Newton's method, a fixed number of steps: deterministic.
pub fn fit_confidence(model: &Labeller, held: &[Example]) -> (f32, f32) {
    let mut samples: Vec<(f64, f64)> = Vec::new();
    for e in held {
        for n in model.margins(&e.text, 0, e.text.len()) {
            let right = e.names.iter().any(|s| s.start == n.start && s.end == n.end && s.kind == n.kind);
            samples.push((n.score as f64, right as u8 as f64));
        }
    }
    let (mut a, mut b) = (0.1f64, 0.0f64);
    for _ in 0..50 {
        let (mut ga, mut gb, mut haa, mut hab, mut hbb) = (0.0, 0.0, 1e-6, 0.0, 1e-6);
        for &(x, y) in &samples {
            let p = 1.0 / (1.0 + (-(a * x + b)).exp());
            let w = p * (1.0 - p);
            ga += (p - y) * x;
            gb += p - y;
            haa += w * x * x;
            hab += w * x;
            hbb += w;
        }
        let det = haa * hbb - hab * hab;
        if det.abs() < 1e-12 {
            break;
        }
        a -= (hbb * ga - hab * gb) / det;
        b -= (haa * gb - hab * ga) / det;
    }
    (a as f32, b as f32)
}
