//! Scoring and decoding, shared by the trained model and the trainer: which features a
//! unit has, the emission score of each tag at each unit, and Viterbi decoding under BIO
//! constraints with max-marginals (the best score of any labelling that gives a unit a
//! tag), from which the confidence of a span is read.

use super::units::{mix, pair, Class, Unit, AFTER, BEFORE};
use std::borrow::Cow;

use super::NameKind;

/// Kinds of names.
const KINDS: usize = NameKind::ALL.len();
/// Tags: 0 is outside, 1 + k begins a name of kind k, 1 + KINDS + k continues it. The
/// tags that may follow any tag come first, those that continue a name after them: each
/// group is one run of lanes in decoding.
pub(super) const TAGS: usize = 1 + 2 * KINDS;
/// Index of the edge (sequence start as a `from`, sequence end as a `to`) in transitions.
pub(super) const EDGE: usize = TAGS;
/// A unit's own row holds its weights at offsets -2..=2 from the tagged unit.
pub(super) const UNIT_SLOTS: usize = 5;
/// A bigram's row holds its weights for bigrams starting at offsets -2..=1.
pub(super) const BIGRAM_SLOTS: usize = 4;
/// Context features of one unit (shape around it; its neighbours when it is not Han).
pub(super) const CONTEXTS: usize = 3;
pub(super) const NONE: u32 = u32::MAX;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Table {
    Unit,
    Bigram,
    Context,
}

impl Table {
    pub const ALL: [Table; 3] = [Table::Unit, Table::Bigram, Table::Context];

    pub fn width(self) -> usize {
        TAGS * match self {
            Table::Unit => UNIT_SLOTS,
            Table::Bigram => BIGRAM_SLOTS,
            Table::Context => 1,
        }
    }
}

/// Weights as the decoder reads them: the trained model's (quantised) or the trainer's.
pub(super) trait Weights {
    fn find(&self, table: Table, key: u64) -> Option<u32>;
    /// The sum, for every tag, of the weights in the given (table, row, slot)s.
    fn sum(&self, parts: &[(Table, u32, usize)]) -> Lanes;
    fn transitions(&self) -> Cow<'_, Transitions>;
}

/// Transition scores laid out for decoding; forbidden ones (and padding) at LOW, so that
/// the inner loops have no test.
#[derive(Clone)]
pub(super) struct Transitions {
    /// into[t][p]: p -> t.
    into: [Paths; LANES],
    /// leave[p][o]: p -> the o-th open tag (outside, then each kind's first).
    leave: [[f32; OPEN]; LANES],
    /// stay[k]: a name of kind k continued after its first unit, after a next unit.
    stay: [[f32; 2]; KINDS],
    start: Paths,
    end: Paths,
}

impl Transitions {
    /// From a score per (from, to), where either may be `EDGE`.
    pub fn new(score: impl Fn(usize, usize) -> i32) -> Transitions {
        let score = |from, to| score(from, to) as f32;
        let mut tr = Transitions {
            into: [[LOW; LANES]; LANES],
            leave: [[LOW; OPEN]; LANES],
            stay: [[LOW; 2]; KINDS],
            start: [LOW; LANES],
            end: [LOW; LANES],
        };
        for t in 0..TAGS {
            for p in 0..TAGS {
                tr.into[t][p] = if allowed(p, t) { score(p, t) } else { LOW };
                if t <= KINDS {
                    tr.leave[p][t] = score(p, t);
                }
            }
            tr.start[t] = if allowed(EDGE, t) { score(EDGE, t) } else { LOW };
            tr.end[t] = score(t, EDGE);
        }
        for k in 0..KINDS {
            tr.stay[k] = [score(1 + k, 1 + KINDS + k), score(1 + KINDS + k, 1 + KINDS + k)];
        }
        tr
    }
}

/// Whether `to` may follow `from` (BIO: a name is continued only by its own kind).
pub(super) fn allowed(from: usize, to: usize) -> bool {
    if to == EDGE || to <= KINDS {
        return true;
    }
    from != EDGE && from != 0 && kind_of(from) == kind_of(to)
}

pub(super) fn kind_of(tag: usize) -> Option<NameKind> {
    (tag != 0).then(|| NameKind::ALL[(tag - 1) % KINDS])
}

/// The tag of a name's first unit.
pub(super) fn begin(kind: NameKind) -> usize {
    1 + kind as usize
}

/// The tag of a name's later units.
pub(super) fn inside(kind: NameKind) -> usize {
    1 + KINDS + kind as usize
}

/// The feature keys of a sequence of units.
#[derive(Default, Clone)]
pub(super) struct Keys {
    /// Unit keys with two edge keys on each side: unit j is at j + 2.
    pub unit: Vec<u64>,
    /// Bigram keys, the bigram starting at unit j (-2..=n) at j + 2.
    pub bigram: Vec<u64>,
    /// `CONTEXTS` keys per unit; 0 where a feature does not apply.
    pub context: Vec<u64>,
}

impl Keys {
    pub fn len(&self) -> usize {
        self.context.len() / CONTEXTS
    }

    pub fn fill(&mut self, units: &[Unit]) {
        let n = units.len();
        self.unit.clear();
        self.unit.extend([BEFORE, BEFORE]);
        self.unit.extend(units.iter().map(|u| u.key));
        self.unit.extend([AFTER, AFTER]);
        self.bigram.clear();
        self.bigram.extend(self.unit.windows(2).map(|w| pair(w[0], w[1])));
        self.context.clear();
        let class = |j: isize| {
            if j < 0 || j as usize >= n {
                Class::Edge
            } else {
                units[j as usize].class
            }
        };
        let space = |j: usize| units.get(j).is_some_and(|u| u.space_before) as u64;
        for (i, u) in units.iter().enumerate() {
            let at = i as isize;
            let shape = (class(at - 1) as u64) << 16
                | (class(at) as u64) << 8
                | class(at + 1) as u64
                | space(i) << 24
                | space(i + 1) << 25;
            self.context.push(mix(0xc0_0000_0000 | shape));
            // A Latin word or a mark is known by its neighbours; a Han char's neighbours
            // are already in its unit and bigram rows.
            if u.class == Class::Han {
                self.context.extend([0, 0]);
            } else {
                self.context.push(pair(0xc1 << 8 | u.class as u64, self.unit[i + 1]));
                self.context.push(pair(0xc2 << 8 | u.class as u64, self.unit[i + 3]));
            }
        }
    }

    /// Every feature of unit `i` as (table, key, slot in the row).
    pub fn of(&self, i: usize) -> impl Iterator<Item = (Table, u64, usize)> + '_ {
        let units = (0..UNIT_SLOTS).map(move |s| (Table::Unit, self.unit[i + s], s));
        let bigrams = (0..BIGRAM_SLOTS).map(move |s| (Table::Bigram, self.bigram[i + s], s));
        let contexts = self.context[i * CONTEXTS..(i + 1) * CONTEXTS]
            .iter()
            .filter(|&&k| k != 0)
            .map(|&k| (Table::Context, k, 0));
        units.chain(bigrams).chain(contexts)
    }
}

/// Scores of all tags at one unit, padded to a width that vector units handle whole.
pub(super) const LANES: usize = 16;
pub(super) type Lanes = [i32; LANES];
/// Best scores of the paths ending in each tag at one unit. Decoding runs in f32, whose
/// max is one instruction on every x86-64 (i32's is not before SSE4.1); scores are whole
/// numbers far below 2^24, so the sums are exact.
pub(super) type Paths = [f32; LANES];
/// Far below any score, far above overflow: forbidden transitions and padding.
const LOW: f32 = -1.0e30;

/// The larger of two scores, written so that it compiles to one max instruction.
fn larger(a: f32, b: f32) -> f32 {
    if b > a {
        b
    } else {
        a
    }
}

/// Tags that may follow any tag (outside, and each kind's first unit), padded likewise.
const OPEN: usize = 8;

/// Buffers reused from one decoding to the next.
pub(super) struct Decoder {
    pub keys: Keys,
    rows: Vec<u32>,
    pub emit: Vec<Lanes>,
    alpha: Vec<Paths>,
    /// The best tag of each unit, after `decode`.
    pub path: Vec<u8>,
}

impl Default for Decoder {
    fn default() -> Decoder {
        Decoder {
            keys: Keys::default(),
            rows: Vec::new(),
            emit: Vec::new(),
            alpha: Vec::new(),
            path: Vec::new(),
        }
    }
}

impl Decoder {
    /// Emission scores of every tag at every unit of `self.keys`, into `self.emit`.
    pub fn emissions<W: Weights>(&mut self, w: &W) {
        let n = self.keys.len();
        self.emit.clear();
        self.emit.resize(n, [0; LANES]);
        // Each unit and bigram row is looked up once and read at up to five offsets.
        let keys = &self.keys;
        self.rows.clear();
        self.rows.extend(keys.unit.iter().map(|&k| w.find(Table::Unit, k).unwrap_or(NONE)));
        let bigrams = self.rows.len();
        self.rows.extend(keys.bigram.iter().map(|&k| w.find(Table::Bigram, k).unwrap_or(NONE)));
        for (i, e) in self.emit.iter_mut().enumerate() {
            let mut parts = [(Table::Unit, NONE, 0); UNIT_SLOTS + BIGRAM_SLOTS + CONTEXTS];
            let mut m = 0;
            let mut put = |table, at, slot| {
                if at != NONE {
                    parts[m] = (table, at, slot);
                    m += 1;
                }
            };
            for s in 0..UNIT_SLOTS {
                put(Table::Unit, self.rows[i + s], s);
            }
            for s in 0..BIGRAM_SLOTS {
                put(Table::Bigram, self.rows[bigrams + i + s], s);
            }
            for &k in &keys.context[i * CONTEXTS..(i + 1) * CONTEXTS] {
                if k != 0 {
                    put(Table::Context, w.find(Table::Context, k).unwrap_or(NONE), 0);
                }
            }
            *e = w.sum(&parts[..m]);
        }
    }

    /// Viterbi over `self.emit`; fills `path` and `best`. `only`, if given, holds per unit
    /// a bit set of the tags it may take (for partly labelled training text).
    pub fn decode<W: Weights>(&mut self, w: &W, only: Option<&[u16]>) {
        let n = self.keys.len();
        self.path.clear();
        if n == 0 {
            return;
        }
        let tr = w.transitions();
        self.alpha.clear();
        self.alpha.resize(n, [LOW; LANES]);
        for t in 0..TAGS {
            if only.is_none_or(|m| m[0] >> t & 1 == 1) && tr.start[t] > LOW {
                self.alpha[0][t] = tr.start[t] + self.emit[0][t] as f32;
            }
        }
        for i in 1..n {
            let prev = &self.alpha[i - 1];
            let emit = self.emit[i].map(|e| e as f32);
            // Outside and a name's first unit may follow any tag: the best way into each
            // is a running maximum over the tags before, eight targets at a time.
            let mut open = [LOW; OPEN];
            for (p, &a) in prev.iter().enumerate().take(TAGS) {
                for (o, &x) in open.iter_mut().zip(&tr.leave[p]) {
                    *o = larger(*o, a + x);
                }
            }
            let mut cur = [LOW; LANES];
            for t in 0..=KINDS {
                cur[t] = larger(open[t] + emit[t], LOW);
            }
            // A name's next unit follows only its first or next unit.
            for k in 0..KINDS {
                let [first, next] = tr.stay[k];
                let t = 1 + KINDS + k;
                cur[t] = larger(larger(prev[1 + k] + first, prev[t] + next) + emit[t], LOW);
            }
            if let Some(only) = only {
                for (t, c) in cur.iter_mut().enumerate() {
                    if only[i] >> t & 1 == 0 {
                        *c = LOW;
                    }
                }
            }
            self.alpha[i] = cur;
        }
        // The path is read back by taking, at each unit, the first best tag before it
        // (the forward loop's own choice): cheaper than keeping back-pointers there.
        let first_best = |scores: &mut dyn Iterator<Item = f32>| {
            scores.enumerate().fold((0, LOW), |b, (t, s)| if s > b.1 { (t, s) } else { b }).0
        };
        let last = &self.alpha[n - 1];
        let mut tag = first_best(&mut (0..TAGS).map(|t| last[t] + tr.end[t]));
        self.path.resize(n, 0);
        for i in (1..n).rev() {
            self.path[i] = tag as u8;
            let prev = &self.alpha[i - 1];
            tag = first_best(&mut (0..TAGS).map(|p| prev[p] + tr.into[tag][p]));
        }
        self.path[0] = tag as u8;
    }

    /// The confidence, in score units, of the name the best path ends at unit `end - 1`:
    /// how much the best labelling of the units up to there that ends in the name's tag
    /// beats any that ends in another tag (the name shorter, longer on the left, absent,
    /// or of another kind), and how much ending the name there beats continuing it. Read
    /// from the forward scores alone, so that it costs no second pass.
    pub fn margin(&self, end: usize) -> f32 {
        let last = &self.alpha[end - 1];
        let own = self.path[end - 1] as usize;
        let rival = (0..TAGS).filter(|&t| t != own).map(|t| last[t]).fold(LOW, larger);
        let mut m = last[own] - rival;
        if end < self.path.len() {
            let next = &self.alpha[end];
            let continued = kind_of(own).map_or(own, inside);
            m = m.min(next[self.path[end] as usize] - next[continued]);
        }
        m
    }
}
