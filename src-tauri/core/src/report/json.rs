//! JSON: facts in the shape of DESIGN.md's extraction facts (each with its quantity and
//! source inline), the sources, and annotations as W3C Web Annotations (JSON-LD).

use serde_json::{json, Value};

use super::escape::hex_colour;
use super::{Annotation, Report, ReportFact};
use crate::{Error, Result};

pub const ANNOTATION_CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";

pub fn render(report: &Report) -> Result<Vec<u8>> {
    let value = json!({
        "title": report.title,
        "author": report.author,
        "date": report.date,
        "language": report.language.code(),
        "facts": report.facts.iter().map(|f| fact(report, f)).collect::<Vec<_>>(),
        "sources": report.sources.iter().map(|s| json!({
            "article": s.article_id,
            "title": s.title,
            "outlet": s.outlet,
            "published": s.published,
            "authors": s.authors,
            "link": s.link(),
        })).collect::<Vec<_>>(),
        "annotations": report.annotations.iter().map(annotation).collect::<Vec<_>>(),
    });
    let mut bytes = serde_json::to_vec_pretty(&value).map_err(|e| Error::internal(e.to_string()))?;
    bytes.push(b'\n');
    Ok(bytes)
}

fn fact(report: &Report, f: &ReportFact) -> Value {
    let source = report.source(f.citation.article_id);
    json!({
        "id": f.id,
        "subject": f.subject,
        "metric": f.metric,
        "quantity": {
            "kind": f.kind,
            "text": f.value_text,
            "start": f.value_start,
            "end": f.value_end,
            "low": f.low,
            "high": f.high,
            "unit": f.unit,
            "qualifier": f.qualifier,
        },
        "date": f.date,
        "round": f.round,
        "investors": f.investors,
        "quote": f.citation.quote,
        "confidence": f.confidence,
        "status": f.status,
        "source": {
            "article": f.citation.article_id,
            "outlet": source.and_then(|s| s.outlet.as_deref()),
            "published": source.and_then(|s| s.published.as_deref()),
            "title": source.map(|s| s.title.as_str()),
            "start": f.citation.start,
            "end": f.citation.end,
            "link": f.citation.link(),
        },
    })
}

/// One Web Annotation: the comment and tags as bodies, the quote as the target's text
/// quote and position selectors, the highlight colour as a CSS style class.
fn annotation(a: &Annotation) -> Value {
    let mut body: Vec<Value> = Vec::new();
    if let Some(comment) = &a.comment {
        body.push(
            json!({"type": "TextualBody", "value": comment, "format": "text/markdown", "purpose": "commenting"}),
        );
    }
    for tag in &a.tags {
        body.push(json!({"type": "TextualBody", "value": tag, "purpose": "tagging"}));
    }
    let mut target = json!({
        "source": format!("dossier://article/{}", a.citation.article_id),
        "selector": [
            {"type": "TextQuoteSelector", "exact": a.citation.quote},
            {"type": "TextPositionSelector", "start": a.citation.start, "end": a.citation.end},
        ],
    });
    let mut value = json!({
        "@context": ANNOTATION_CONTEXT,
        "id": format!("dossier://annotation/{}", a.id),
        "type": "Annotation",
        "motivation": if a.comment.is_some() { "commenting" } else { "highlighting" },
        "body": body,
    });
    if let Some(colour) = a.colour.as_deref().and_then(hex_colour) {
        target["styleClass"] = json!("dossier-highlight");
        value["stylesheet"] = json!({"type": "CssStylesheet", "value": format!(".dossier-highlight {{ background-color: {colour} }}")});
    }
    value["target"] = target;
    value
}
