//! Which facts a report covers, read out of the library into a [`Report`]. Names in it
//! (titles, outlets, entities, tags) are cleaned of control and direction-override
//! characters here, once for every format, whatever an older import let through.

use std::collections::{BTreeMap, BTreeSet, HashMap};

use rusqlite::Connection;
use serde::{Deserialize, Serialize};

use super::{Annotation, Citation, Language, Report, ReportFact, Sections, Source};
use crate::import::clean_name;
use crate::search::{self, SearchQuery};
use crate::store::annotations::{self, AnchorState, AnnotationFilter};
use crate::store::facts::{self, FactFilter, FactRow};
use crate::store::{articles, collections, tags};
use crate::vocabulary::FactStatus;
use crate::{Error, Reason, Result};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Scope {
    Article(#[ts(type = "number")] i64),
    /// A collection by name.
    Collection(String),
    /// A tag by name: the articles with a highlight carrying it, and those highlights.
    Tag(String),
    /// The articles a search finds (its best 1,000).
    Search(String),
    /// Facts chosen one by one.
    Facts(#[ts(type = "Array<number>")] Vec<i64>),
}

/// Which review statuses count.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum Statuses {
    /// Facts a person confirmed or corrected.
    #[default]
    Reviewed,
    /// Every fact not rejected, reviewed or not.
    NotRejected,
}

impl Statuses {
    fn admits(self, status: FactStatus) -> bool {
        match self {
            Self::Reviewed => status.is_reviewed(),
            Self::NotRejected => status != FactStatus::Rejected,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, ts_rs::TS)]
#[ts(export)]
pub struct ScopeRequest {
    pub scope: Scope,
    #[serde(default)]
    pub statuses: Statuses,
    #[serde(default)]
    pub sections: Sections,
    /// Defaults to the article's title, the collection's name or the search.
    pub title: Option<String>,
    pub author: Option<String>,
    /// Defaults to today.
    pub date: Option<String>,
    /// Defaults to the language most sources are written in.
    pub language: Option<Language>,
}

impl ScopeRequest {
    pub fn new(scope: Scope) -> Self {
        Self {
            scope,
            statuses: Statuses::default(),
            sections: Sections::default(),
            title: None,
            author: None,
            date: None,
            language: None,
        }
    }
}

/// Reads the report `request` asks for.
pub fn build(conn: &Connection, request: &ScopeRequest) -> Result<Report> {
    let everything = || facts::list(conn, &FactFilter::default());
    let in_articles = |ids: &BTreeSet<i64>| -> Result<Vec<FactRow>> {
        let mut rows = everything()?;
        rows.retain(|f| ids.contains(&f.article_id));
        Ok(rows)
    };
    let articles_where = |filter: articles::ArticleFilter| -> Result<BTreeSet<i64>> {
        Ok(articles::list(conn, &filter, articles::SortOrder::Imported, i64::MAX as usize, 0)?
            .into_iter()
            .map(|a| a.id)
            .collect())
    };
    let (rows, highlights, default_title) = match &request.scope {
        Scope::Article(id) => {
            let article = articles::get(conn, *id)?;
            let rows = facts::list(conn, &FactFilter { article_id: Some(*id), ..FactFilter::default() })?;
            let highlights = annotations::list(conn, &AnnotationFilter { article_id: Some(*id), tag: None })?;
            (rows, highlights, Some(article.summary.title))
        }
        Scope::Collection(name) => {
            let collection = collections::find(conn, name)?
                .ok_or_else(|| Error::from(Reason::NoCollectionNamed { name: name.to_owned() }))?;
            let ids = articles_where(articles::ArticleFilter {
                collection: Some(collection),
                ..Default::default()
            })?;
            (in_articles(&ids)?, annotations_of(conn, &ids)?, Some(name.clone()))
        }
        Scope::Tag(name) => {
            let tag = tags::find(conn, name)?
                .ok_or_else(|| Error::from(Reason::NoTagNamed { name: name.to_owned() }))?;
            let ids = articles_where(articles::ArticleFilter { tag: Some(tag), ..Default::default() })?;
            let highlights = annotations::list(conn, &AnnotationFilter { article_id: None, tag: Some(tag) })?;
            (in_articles(&ids)?, highlights, Some(name.clone()))
        }
        Scope::Search(text) => {
            let hits = search::search(
                conn,
                &SearchQuery { text: text.clone(), limit: usize::MAX, ..Default::default() },
            )?;
            let ids: BTreeSet<i64> = hits.into_iter().map(|h| h.article.id).collect();
            (in_articles(&ids)?, annotations_of(conn, &ids)?, Some(text.clone()))
        }
        Scope::Facts(ids) => {
            let wanted: BTreeSet<i64> = ids.iter().copied().collect();
            let mut rows =
                facts::list(conn, &FactFilter { include_rejected: true, ..FactFilter::default() })?;
            rows.retain(|f| wanted.contains(&f.id));
            let found: BTreeSet<i64> = rows.iter().map(|f| f.id).collect();
            if let Some(missing) = wanted.difference(&found).next() {
                return Err(Reason::FactNotFound { id: *missing }.into());
            }
            // Facts picked by hand are in the report whatever their status.
            return assemble(conn, request, rows, Vec::new(), None);
        }
    };
    let rows = rows.into_iter().filter(|f| request.statuses.admits(f.status)).collect();
    assemble(conn, request, rows, highlights, default_title)
}

/// The highlights in any of the articles `ids`.
fn annotations_of(conn: &Connection, ids: &BTreeSet<i64>) -> Result<Vec<annotations::Annotation>> {
    let mut all = annotations::list(conn, &AnnotationFilter::default())?;
    all.retain(|a| ids.contains(&a.article_id));
    Ok(all)
}

fn assemble(
    conn: &Connection,
    request: &ScopeRequest,
    rows: Vec<FactRow>,
    highlights: Vec<annotations::Annotation>,
    default_title: Option<String>,
) -> Result<Report> {
    // A highlight whose text is gone has no place to cite.
    let highlights: Vec<_> = if request.sections.quotes {
        highlights.into_iter().filter(|a| a.state == AnchorState::Anchored).collect()
    } else {
        Vec::new()
    };
    let article_ids: BTreeSet<i64> =
        rows.iter().map(|f| f.article_id).chain(highlights.iter().map(|a| a.article_id)).collect();
    let mut texts: BTreeMap<i64, (Source, String, String)> = BTreeMap::new();
    for id in article_ids {
        let a = articles::get(conn, id)?;
        let s = a.summary;
        let source = Source {
            article_id: id,
            title: clean_name(&s.title),
            outlet: s.outlet.as_deref().map(clean_name),
            published: s.published,
            authors: s.authors.iter().map(|a| clean_name(a)).collect(),
        };
        texts.insert(id, (source, s.language, a.text));
    }
    let mut located: BTreeMap<i64, Located> = texts.iter().map(|(id, t)| (*id, Located::new(&t.2))).collect();
    let facts = rows
        .into_iter()
        .map(|f| {
            let (start, end) = match located.get_mut(&f.article_id) {
                Some(text) => text.quote_span(&f.quote, (f.start, f.end)),
                None => (f.start, f.end),
            };
            ReportFact {
                id: f.id,
                citation: Citation { article_id: f.article_id, quote: f.quote, start, end },
                subject: clean_name(&f.subject),
                metric: f.metric,
                kind: f.kind,
                value_text: f.value_text,
                low: f.low,
                high: f.high,
                unit: f.unit,
                qualifier: f.qualifier,
                date: f.date,
                round: f.round.as_deref().map(clean_name),
                investors: f.investors.iter().map(|i| clean_name(i)).collect(),
                status: f.status,
                confidence: f.confidence,
                value_start: f.start,
                value_end: f.end,
            }
        })
        .collect();
    drop(located);
    let chinese = texts.values().filter(|t| t.1 == "zh").count();
    let language = request.language.unwrap_or(if chinese * 2 >= texts.len() && chinese > 0 {
        Language::Zh
    } else {
        Language::En
    });
    let title = request.title.clone().or(default_title).unwrap_or_else(|| {
        match language {
            Language::Zh => "数据报告",
            Language::En => "Report",
        }
        .to_owned()
    });
    Ok(Report {
        title: clean_name(&title),
        author: request.author.as_deref().map(clean_name),
        date: request.date.clone().unwrap_or_else(|| chrono::Local::now().format("%Y-%m-%d").to_string()),
        language,
        sections: request.sections,
        facts,
        sources: texts.into_values().map(|t| t.0).collect(),
        annotations: highlights.into_iter().map(annotation).collect(),
    })
}

fn annotation(a: annotations::Annotation) -> Annotation {
    let position = a.selector.position;
    Annotation {
        id: a.id,
        citation: Citation {
            article_id: a.article_id,
            quote: a.selector.quote.exact,
            start: position.start as i64,
            end: position.end as i64,
        },
        // A comment keeps its lines; each is cleaned like a name.
        comment: Some(a.comment.lines().map(clean_name).collect::<Vec<_>>().join("\n"))
            .filter(|c| !c.trim().is_empty()),
        tags: a.tags.iter().map(|t| clean_name(t)).collect(),
        colour: highlight_hex(&a.colour).map(str::to_owned),
    }
}

/// The `#rrggbb` of a highlight colour: the app's named colours, or a stored hex value.
fn highlight_hex(colour: &str) -> Option<&str> {
    match colour {
        "yellow" => Some("#ffe58f"),
        "green" => Some("#b7eb8f"),
        "blue" => Some("#91d5ff"),
        "pink" => Some("#ffadd2"),
        other => super::escape::hex_colour(other),
    }
}

/// One article's text with a sparse map from code points to bytes, so that a fact's
/// quote is looked for beside its value rather than from the start of the text: the
/// work per fact does not grow with the article, and a report of one article with ten
/// thousand facts costs what the same facts over many articles cost.
struct Located<'a> {
    text: &'a str,
    /// Byte offset of every [`STRIDE`]th code point.
    marks: Vec<usize>,
    chars: usize,
    /// Where a quote not found beside its value first occurs, once per quote.
    first: HashMap<String, Option<(i64, i64)>>,
}

const STRIDE: usize = 64;

impl<'a> Located<'a> {
    fn new(text: &'a str) -> Self {
        let mut marks = Vec::with_capacity(text.len() / STRIDE + 1);
        let mut chars = 0;
        for (i, (byte, _)) in text.char_indices().enumerate() {
            if i % STRIDE == 0 {
                marks.push(byte);
            }
            chars = i + 1;
        }
        Self { text, marks, chars, first: HashMap::new() }
    }

    /// Byte offset of code point `cp` (clamped to the text).
    fn byte(&self, cp: usize) -> usize {
        let cp = cp.min(self.chars);
        let Some(&mark) = self.marks.get(cp / STRIDE) else { return self.text.len() };
        self.text[mark..].char_indices().nth(cp % STRIDE).map_or(self.text.len(), |(b, _)| mark + b)
    }

    /// Code point at byte offset `byte` (a char boundary).
    fn code_point(&self, byte: usize) -> usize {
        let i = self.marks.partition_point(|&m| m <= byte) - 1;
        i * STRIDE + self.text[self.marks[i]..byte].chars().count()
    }

    /// Code points of the occurrence of `quote` that holds the value; the first
    /// occurrence if none does; the value's own span if the quote is not in the text.
    fn quote_span(&mut self, quote: &str, value: (i64, i64)) -> (i64, i64) {
        if quote.is_empty() || self.marks.is_empty() {
            return value;
        }
        let length = quote.chars().count();
        let (value_start, value_end) = (value.0.max(0) as usize, value.1.max(0) as usize);
        // An occurrence holding the value starts at most `length` code points before it.
        let from = self.byte(value_end.saturating_sub(length));
        let to = self.byte(value_start + length);
        if from <= to {
            for (byte, _) in self.text[from..to].match_indices(quote) {
                let start = self.code_point(from + byte);
                if start <= value_start && value_end <= start + length {
                    return (start as i64, (start + length) as i64);
                }
            }
        }
        if let Some(span) = self.first.get(quote) {
            return span.unwrap_or(value);
        }
        let span = self.text.find(quote).map(|byte| {
            let start = self.code_point(byte) as i64;
            (start, start + length as i64)
        });
        self.first.insert(quote.to_owned(), span);
        span.unwrap_or(value)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_quote_span_is_the_occurrence_holding_the_value() {
        let text = "融资5亿。估值30亿。融资5亿。";
        let mut located = Located::new(text);
        // The value at code points 13..15 is inside the second "融资5亿".
        assert_eq!(located.quote_span("融资5亿", (13, 15)), (11, 15));
        assert_eq!(located.quote_span("估值30亿", (7, 10)), (5, 10));
        assert_eq!(located.quote_span("不在文中", (3, 4)), (3, 4));
        // A value the quote does not hold (an edited span): its first occurrence.
        assert_eq!(located.quote_span("融资5亿", (7, 9)), (0, 4));
    }

    #[test]
    fn code_points_and_bytes_agree_past_many_strides() {
        let text: String = (0..1000).map(|i| if i % 3 == 0 { 'a' } else { '亿' }).collect();
        let located = Located::new(&text);
        for (cp, (byte, _)) in text.char_indices().enumerate() {
            assert_eq!(located.byte(cp), byte);
            assert_eq!(located.code_point(byte), cp);
        }
        assert_eq!(located.byte(1000), text.len());
        let tail = format!("{text}融资5亿");
        let mut located = Located::new(&tail);
        assert_eq!(located.quote_span("融资5亿", (1002, 1004)), (1000, 1004));
    }
}
