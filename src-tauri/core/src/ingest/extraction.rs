//! Running the extractor on an article and storing what it finds: quantities, dates and
//! mentions replaced, unreviewed facts replaced, reviewed facts kept, an entity for
//! every new name.

use std::collections::HashSet;
use std::sync::Arc;

use rusqlite::Connection;

use crate::extract::{self, Entity, Extraction, Registry, SelectedFact};
use crate::store::dates::{self, NewDate};
use crate::store::facts::{self, NewFact};
use crate::store::mentions::{self, NewMention};
use crate::store::quantities::{self, NewQuantity};
use crate::store::{articles, entities, extractions};
use crate::vocabulary::EntityKind;
use crate::Result;

/// The extractor as the library runs it: with the entities it knows (built in, and
/// those the library's user added, renamed, named or merged) and without the names the
/// user rejected as junk. The one place that starts extraction of an article.
#[derive(Clone, Default)]
pub struct Extractor {
    /// The user's entities on top of the built-in ones; None: none.
    registry: Option<Arc<Registry>>,
    rejected: Arc<HashSet<String>>,
    /// What the user's entities and rejected names were, recorded with each extraction
    /// so that a change makes the articles stale; empty when there are none.
    fingerprint: String,
}

impl Extractor {
    /// The extractor with the built-in registry only.
    pub fn builtin() -> Self {
        Self::default()
    }

    /// The extractor with the library's user's entities and rejected names.
    pub fn for_library(conn: &Connection) -> Result<Self> {
        let edited = entities::edited(conn)?;
        let rejected = entities::rejected_names(conn)?;
        if edited.is_empty() && rejected.is_empty() {
            return Ok(Self::builtin());
        }
        let mut fingerprint = String::new();
        for e in &edited {
            fingerprint += &format!("{}\u{1}{}\u{1}{}\n", e.name, e.kind, e.aliases.join("\u{1}"));
        }
        fingerprint += &format!("\u{2}{}", rejected.join("\u{1}"));
        let extra =
            edited.into_iter().map(|e| Entity { name: e.name, kind: e.kind, aliases: e.aliases }).collect();
        Ok(Self {
            registry: Some(Arc::new(Registry::new(extra))),
            rejected: Arc::new(rejected.into_iter().collect()),
            fingerprint: articles::content_hash(&fingerprint),
        })
    }

    fn registry(&self) -> &Registry {
        match &self.registry {
            Some(own) => own,
            None => Registry::builtin(),
        }
    }

    /// The fingerprint of the user's registry this extractor reads with.
    pub fn fingerprint(&self) -> &str {
        &self.fingerprint
    }

    /// What the extractor finds in an article's text. The published date anchors
    /// relative dates only when it is a full day. Names the user rejected are neither
    /// mentions nor subjects.
    pub fn run(&self, text: &str, published: Option<&str>) -> Extraction {
        let mut extraction =
            extract::extract_with(text, published.filter(|p| p.len() == 10), self.registry());
        if !self.rejected.is_empty() {
            extraction.mentions.retain(|m| !self.rejected.contains(&m.entity));
            extraction.facts.retain(|f| !self.rejected.contains(&f.subject));
        }
        extraction
    }

    /// What the extractor makes of the code points [start, end) of an article's text as
    /// a fact (see `extract::fact_in_selection`).
    pub fn selection(
        &self,
        text: &str,
        published: Option<&str>,
        start: usize,
        end: usize,
    ) -> Result<SelectedFact> {
        extract::fact_in_selection(text, self.run(text, published), start, end)
    }

    /// Stores `extraction` as the article's, in the caller's transaction.
    pub fn save(&self, conn: &Connection, article_id: i64, extraction: &Extraction) -> Result<()> {
        quantities::replace(conn, article_id, extraction.quantities.iter().map(quantity_row))?;
        dates::replace(
            conn,
            article_id,
            extraction.dates.iter().map(|d| NewDate {
                text: &d.text,
                start: d.start,
                end: d.end,
                value: &d.value,
            }),
        )?;
        mentions::replace(
            conn,
            article_id,
            extraction.mentions.iter().map(|m| NewMention {
                text: &m.text,
                start: m.start,
                end: m.end,
                entity: &m.entity,
                kind: m.kind,
            }),
        )?;
        extractions::record(conn, article_id, extract::VERSION, &self.fingerprint)?;
        let found: Vec<NewFact> = extraction
            .facts
            .iter()
            .filter_map(|f| Some(fact_row(f, extraction.quantities.get(f.quantity)?)))
            .collect();
        facts::replace_extracted(conn, article_id, &found)?;
        self.seed_entities(conn, Some(article_id))
    }

    /// Runs the extractor on an article's text and stores what it finds.
    pub fn extract_and_save(
        &self,
        conn: &Connection,
        article_id: i64,
        text: &str,
        published: Option<&str>,
    ) -> Result<()> {
        self.save(conn, article_id, &self.run(text, published))
    }

    /// Adds an entity for every name (of one article's mentions and facts, or of all)
    /// that no entity goes by yet: under the registry's entity it is a name of, if any (a
    /// subject written "Zhipu AI" joins 智谱), with the registry's aliases and the
    /// spellings the articles used.
    pub fn seed_entities(&self, conn: &Connection, article_id: Option<i64>) -> Result<()> {
        for (name, kind) in entities::unknown_names(conn, article_id)? {
            // An earlier name's aliases may have taken this one.
            if entities::resolve(conn, &name)?.is_some() {
                continue;
            }
            let known =
                self.registry().entities().iter().find(|e| e.name == name || e.aliases.contains(&name));
            let canonical = known.map_or(name.as_str(), |e| e.name.as_str());
            let id = match entities::resolve(conn, canonical)? {
                Some(id) => id,
                None => {
                    let kind = kind.or(known.map(|e| e.kind)).unwrap_or(EntityKind::Company);
                    entities::create(conn, canonical, kind)?
                }
            };
            let registered = known.into_iter().flat_map(|e| e.aliases.iter().cloned());
            for alias in registered.chain(mentions::spellings(conn, &name)?).chain([name.clone()]) {
                entities::add_alias_if_free(conn, id, &alias)?;
            }
        }
        Ok(())
    }
}

fn quantity_row(q: &extract::Quantity) -> NewQuantity<'_> {
    NewQuantity {
        kind: q.kind,
        text: &q.text,
        start: q.start,
        end: q.end,
        low: q.low,
        high: q.high,
        unit: q.unit,
        qualifier: q.qualifier,
    }
}

/// The extractor's `fact` on quantity `q` as a row of the facts table.
pub(super) fn fact_row<'a>(fact: &'a extract::Fact, q: &'a extract::Quantity) -> NewFact<'a> {
    NewFact {
        subject: &fact.subject,
        metric: fact.metric,
        value: quantity_row(q),
        date: fact.date.as_deref(),
        round: fact.round.as_deref(),
        investors: &fact.investors,
        lead_investor: fact.lead_investor.as_deref(),
        quote: &fact.quote,
        confidence: fact.confidence,
    }
}
