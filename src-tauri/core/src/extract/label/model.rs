//! The trained model as stored: a header, the transition scores, and three tables of
//! feature rows (unit, bigram, context) with sorted 64-bit keys and weights quantised to
//! one byte each. Read once into open-addressed lookup tables.
//!
//! Layout, little-endian: `MAGIC`, u32 kinds, u32 tags, f32 scale (score units per
//! weight step), f32 a, f32 b (a span's confidence is 1 / (1 + e^-(a·margin·scale + b))),
//! (tags + 1)² i16 transitions, then per table: u32 rows, rows × u64 keys, rows × width i8.

use std::borrow::Cow;

use super::score::{Lanes, Table, Transitions, Weights, EDGE, LANES, TAGS};
use super::NameKind;

pub(super) const MAGIC: &[u8; 8] = b"DSNAMES1";

/// One table of the loaded model.
struct Packed {
    rows: usize,
    /// Each slot of each row padded from `TAGS` to `LANES` weights (zeros), so that
    /// adding one is a whole vector.
    weights: Vec<i8>,
    /// Slots per row.
    slots: usize,
    /// Open addressing over (key, row); row `u32::MAX` for empty. Key and row together:
    /// one memory access per probe.
    index: Vec<(u64, u32)>,
}

impl Packed {
    fn new(keys: &[u64], rows: &[i8], table: Table) -> Packed {
        let slots = table.width() / TAGS;
        let mut weights = vec![0i8; keys.len() * slots * LANES];
        for (at, chunk) in rows.chunks_exact(TAGS).enumerate() {
            weights[at * LANES..at * LANES + TAGS].copy_from_slice(chunk);
        }
        let size = (keys.len() * 2).next_power_of_two().max(16);
        let mut index = vec![(0u64, u32::MAX); size];
        for (r, &k) in keys.iter().enumerate() {
            let mut at = k as usize & (size - 1);
            while index[at].1 != u32::MAX {
                at = (at + 1) & (size - 1);
            }
            index[at] = (k, r as u32);
        }
        Packed { rows: keys.len(), weights, slots, index }
    }

    fn find(&self, key: u64) -> Option<u32> {
        let mask = self.index.len() - 1;
        let mut at = key as usize & mask;
        loop {
            let (k, r) = self.index[at];
            if r == u32::MAX {
                return None;
            }
            if k == key {
                return Some(r);
            }
            at = (at + 1) & mask;
        }
    }
}

/// A loaded model.
pub struct Labeller {
    tables: [Packed; 3],
    transitions: Transitions,
    pub(super) scale: f32,
    pub(super) confidence: (f32, f32),
}

impl Weights for Labeller {
    fn find(&self, table: Table, key: u64) -> Option<u32> {
        self.tables[table as usize].find(key)
    }

    fn sum(&self, parts: &[(Table, u32, usize)]) -> Lanes {
        // At most a dozen weights of at most 127 each: the sum fits 16 bits, and adding
        // 16-bit lanes is what vector units of every x86-64 do whole.
        let mut sum = [0i16; LANES];
        for &(table, at, slot) in parts {
            let t = &self.tables[table as usize];
            let from = (at as usize * t.slots + slot) * LANES;
            let row: &[i8; LANES] = t.weights[from..from + LANES].try_into().unwrap();
            for (s, &w) in sum.iter_mut().zip(row) {
                *s += w as i16;
            }
        }
        sum.map(i32::from)
    }

    fn transitions(&self) -> Cow<'_, Transitions> {
        Cow::Borrowed(&self.transitions)
    }
}

/// What `write` stores; the trainer's output.
pub(super) struct Quantised {
    pub scale: f32,
    pub confidence: (f32, f32),
    pub transitions: Vec<i16>,
    /// Per table: keys in ascending order and their rows.
    pub tables: [(Vec<u64>, Vec<i8>); 3],
}

pub(super) fn write(q: &Quantised) -> Vec<u8> {
    let mut out = Vec::new();
    out.extend_from_slice(MAGIC);
    out.extend_from_slice(&(NameKind::ALL.len() as u32).to_le_bytes());
    out.extend_from_slice(&(TAGS as u32).to_le_bytes());
    for f in [q.scale, q.confidence.0, q.confidence.1] {
        out.extend_from_slice(&f.to_le_bytes());
    }
    for t in &q.transitions {
        out.extend_from_slice(&t.to_le_bytes());
    }
    for (keys, rows) in &q.tables {
        out.extend_from_slice(&(keys.len() as u32).to_le_bytes());
        for k in keys {
            out.extend_from_slice(&k.to_le_bytes());
        }
        out.extend(rows.iter().map(|&w| w as u8));
    }
    out
}

struct Reader<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    fn take(&mut self, n: usize) -> Result<&'a [u8], String> {
        let end =
            self.at.checked_add(n).filter(|&e| e <= self.bytes.len()).ok_or("the model file is truncated")?;
        let s = &self.bytes[self.at..end];
        self.at = end;
        Ok(s)
    }

    fn u32(&mut self) -> Result<u32, String> {
        Ok(u32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }

    fn f32(&mut self) -> Result<f32, String> {
        Ok(f32::from_le_bytes(self.take(4)?.try_into().unwrap()))
    }
}

impl Labeller {
    /// Reads a model written by the trainer.
    pub fn from_bytes(bytes: &[u8]) -> Result<Labeller, String> {
        let mut r = Reader { bytes, at: 0 };
        if r.take(MAGIC.len())? != MAGIC {
            return Err("not a name model (bad magic)".into());
        }
        let (kinds, tags) = (r.u32()?, r.u32()?);
        if kinds as usize != NameKind::ALL.len() || tags as usize != TAGS {
            return Err(format!("the model has {kinds} kinds and {tags} tags; this build reads {TAGS} tags"));
        }
        let scale = r.f32()?;
        let confidence = (r.f32()?, r.f32()?);
        let stored: Vec<i32> = r
            .take((EDGE + 1) * (EDGE + 1) * 2)?
            .chunks_exact(2)
            .map(|c| i16::from_le_bytes([c[0], c[1]]) as i32)
            .collect();
        let transitions = Transitions::new(|from, to| stored[from * (EDGE + 1) + to]);
        let mut table = |t: Table| -> Result<Packed, String> {
            let n = r.u32()? as usize;
            let keys: Vec<u64> =
                r.take(n * 8)?.chunks_exact(8).map(|c| u64::from_le_bytes(c.try_into().unwrap())).collect();
            let rows: Vec<i8> = r.take(n * t.width())?.iter().map(|&b| b as i8).collect();
            if keys.windows(2).any(|w| w[0] >= w[1]) {
                return Err("the model's keys are not in order".into());
            }
            Ok(Packed::new(&keys, &rows, t))
        };
        let tables = [table(Table::Unit)?, table(Table::Bigram)?, table(Table::Context)?];
        if r.at != bytes.len() {
            return Err("the model file has bytes after its last table".into());
        }
        Ok(Labeller { tables, transitions, scale, confidence })
    }

    /// Feature rows in each table (unit, bigram, context).
    pub fn rows(&self) -> [usize; 3] {
        self.tables.each_ref().map(|t| t.rows)
    }
}
