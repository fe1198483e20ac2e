//! The registry of known entities (built in, and a user's own), compiled with every word
//! group into the one automaton an article is scanned with.

use std::collections::HashSet;
use std::sync::OnceLock;

use super::NameSpan;
use crate::extract::kinds::EntityKind;
use crate::extract::lexicon::{Group, Hits, Lexicon};
use crate::extract::text::is_cjk;
use crate::extract::words::entities::BUILTIN;

/// One known entity: its canonical name, kind and aliases (any script or language).
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Entity {
    pub name: String,
    pub kind: EntityKind,
    pub aliases: Vec<String>,
}

/// Known entities, compiled into one lexicon with the cue words of fact building and the
/// words that mark unknown names, so that an article is scanned once.
pub struct Registry {
    entities: Vec<Entity>,
    /// Alias (word of `Group::Alias`) -> entity index.
    owner: Vec<usize>,
    lexicon: Lexicon,
}

impl Registry {
    /// The built-in registry, compiled once.
    pub fn builtin() -> &'static Registry {
        static R: OnceLock<Registry> = OnceLock::new();
        R.get_or_init(|| Registry::new(Vec::new()))
    }

    /// The built-in entities plus `extra` (a user's own list). An extra entity with a
    /// built-in name adds aliases to it.
    pub fn new(extra: Vec<Entity>) -> Registry {
        let mut entities: Vec<Entity> = BUILTIN
            .iter()
            .map(|&(name, kind, aliases)| Entity {
                name: name.into(),
                kind,
                aliases: aliases.iter().map(|a| a.to_string()).collect(),
            })
            .collect();
        for e in extra {
            match entities.iter_mut().find(|b| b.name == e.name) {
                Some(b) => b.aliases.extend(e.aliases),
                None => entities.push(e),
            }
        }
        let (patterns, owner) = alias_patterns(&entities);
        Registry { entities, owner, lexicon: Lexicon::new(&patterns) }
    }

    pub fn entities(&self) -> &[Entity] {
        &self.entities
    }

    /// Every occurrence in `text` of the cue words, aliases, titles and suffixes.
    pub(crate) fn scan<'r>(&'r self, text: &str) -> Hits<'r> {
        self.lexicon.scan(text)
    }

    /// Registry matches, leftmost-longest and without overlaps. ASCII aliases must stand
    /// as whole words (Meta, not metadata).
    pub(super) fn find(&self, s: &[char], hits: &Hits, out: &mut Vec<NameSpan>) {
        let mut next = 0;
        for run in hits.in_order(Group::Alias).chunk_by(|x, y| x.0 == y.0) {
            // The longest alias starting here.
            let Some(&(a, b, k)) = run.iter().max_by_key(|h| h.1) else { continue };
            if a < next {
                continue;
            }
            next = b;
            let glued = |c: Option<&char>, edge: char| {
                c.is_some_and(|c| c.is_ascii_alphanumeric()) && edge.is_ascii_alphanumeric()
            };
            if glued(a.checked_sub(1).map(|p| &s[p]), s[a]) || glued(s.get(b), s[b - 1]) {
                continue;
            }
            let e = &self.entities[self.owner[k]];
            out.push(NameSpan { start: a, end: b, entity: e.name.clone(), kind: e.kind });
        }
    }
}

/// The strings that name `entities` (aliases, names, spaced forms), each once, with the
/// index of the entity each names.
fn alias_patterns(entities: &[Entity]) -> (Vec<String>, Vec<usize>) {
    let mut patterns = Vec::new();
    let mut owner = Vec::new();
    let mut seen = HashSet::new();
    for (i, e) in entities.iter().enumerate() {
        for alias in e.aliases.iter().chain(std::iter::once(&e.name)) {
            // 智谱AI is also written 智谱 AI: add the spaced form at script boundaries.
            for form in [alias.clone(), spaced(alias)] {
                if !form.trim().is_empty() && seen.insert(form.clone()) {
                    patterns.push(form);
                    owner.push(i);
                }
            }
        }
    }
    (patterns, owner)
}

fn spaced(alias: &str) -> String {
    let mut out = String::with_capacity(alias.len() + 2);
    let mut prev: Option<char> = None;
    for c in alias.chars() {
        if let Some(p) = prev {
            if (is_cjk(p) && c.is_ascii_alphanumeric()) || (p.is_ascii_alphanumeric() && is_cjk(c)) {
                out.push(' ');
            }
        }
        out.push(c);
        prev = Some(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::extract::kinds::EntityKind::Company as C;

    /// The registry's matches, read from the article's shared pass, are those of an
    /// automaton of its aliases alone searching leftmost-longest.
    #[test]
    fn shared_pass_finds_the_leftmost_longest_aliases() {
        use aho_corasick::{AhoCorasick, MatchKind};
        let extra =
            Entity { name: "宇树科技".into(), kind: C, aliases: vec!["宇树".into(), "Unitree".into()] };
        let r = Registry::new(vec![extra]);
        let (patterns, owner) = alias_patterns(r.entities());
        let alone = AhoCorasick::builder().match_kind(MatchKind::LeftmostLongest).build(&patterns).unwrap();
        let fixtures = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures/extract");
        let mut texts = vec!["华为云与华为昇腾、华为；北京智谱华章科技有限公司，智谱 AI、智谱AI；Meta Platforms、\
            metadata、Meta；半导体 ETF（512480）；腾讯投资腾讯云、Tencent Cloud；宇树科技和宇树，UnitreeX 与 Unitree"
            .to_string()];
        for f in std::fs::read_dir(fixtures).unwrap() {
            let path = f.unwrap().path();
            if path.extension().is_some_and(|e| e == "txt") {
                texts.push(std::fs::read_to_string(path).unwrap());
            }
        }
        // Some fixture articles name no registered entity; all of them together do.
        let mut found = 0;
        for t in &texts {
            let s: Vec<char> = t.chars().collect();
            let mut got = Vec::new();
            r.find(&s, &r.scan(t), &mut got);
            let chars = |b: usize| t[..b].chars().count();
            let want: Vec<NameSpan> = alone
                .find_iter(t.as_str())
                .filter(|m| {
                    let glued = |c: Option<char>, edge: char| {
                        c.is_some_and(|c| c.is_ascii_alphanumeric()) && edge.is_ascii_alphanumeric()
                    };
                    let alias = &t[m.start()..m.end()];
                    !glued(t[..m.start()].chars().next_back(), alias.chars().next().unwrap())
                        && !glued(t[m.end()..].chars().next(), alias.chars().next_back().unwrap())
                })
                .map(|m| {
                    let e = &r.entities()[owner[m.pattern().as_usize()]];
                    NameSpan {
                        start: chars(m.start()),
                        end: chars(m.end()),
                        entity: e.name.clone(),
                        kind: e.kind,
                    }
                })
                .collect();
            found += want.len();
            assert_eq!(got, want, "{}", &t[..t.len().min(60)]);
        }
        assert!(found > 0);
    }

    /// Sentence ends read from the shared pass are those found char by char.
    #[test]
    fn shared_pass_finds_sentence_ends() {
        let t = "标题\n第一句。第二句！Mr. Smith said so. 3.5? 末尾";
        let s: Vec<char> = t.chars().collect();
        let r = Registry::builtin();
        let ends: Vec<usize> = r.scan(t).in_order(Group::SentenceEnd).iter().map(|h| h.0).collect();
        assert_eq!(ends, crate::extract::text::sentence_ends(&s));
        assert_eq!(ends.len(), 7);
    }
}
