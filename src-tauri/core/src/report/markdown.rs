//! Markdown as GitHub and Obsidian read it: pipe tables, block quotes, links back to
//! the article with `dossier://` deep links. Charts appear as their data tables.

use std::fmt::Write;

use super::escape::markdown as md;
use super::{chart, sections, Citation, Report};

pub fn render(report: &Report) -> String {
    let l = report.labels();
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", md(&report.title));
    let mut meta = Vec::new();
    if let Some(author) = &report.author {
        meta.push(format!("{}: {}", l.author, md(author)));
    }
    meta.push(format!("{}: {}", l.date, md(&report.date)));
    let _ = writeln!(out, "{}\n", meta.join(" · "));

    if report.sections.facts {
        let _ = writeln!(out, "## {}\n", l.facts_by_entity);
    }
    if report.facts.is_empty() {
        let _ = writeln!(out, "{}\n", l.no_facts);
    }
    for g in sections::groups(report) {
        let _ = writeln!(out, "### {} · {}\n", md(g.subject), md(l.metric(g.metric)));
        let _ =
            writeln!(out, "| {} | {} | {} | {} |\n|---|---|---|---|", l.value, l.date, l.details, l.source);
        for f in g.facts {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                md(&f.value_text),
                md(sections::date_of(report, f).unwrap_or("")),
                md(&report.details(f)),
                citation(report, &f.citation)
            );
        }
        out.push('\n');
    }

    let timeline = sections::timeline(report);
    if !timeline.is_empty() {
        let _ = writeln!(out, "## {}\n", l.timeline);
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} |\n|---|---|---|---|---|",
            l.date, l.entity, l.metric, l.value, l.source
        );
        for (date, f) in timeline {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} | {} |",
                md(date),
                md(&f.subject),
                md(l.metric(f.metric)),
                md(&f.value_text),
                link(report, &f.citation)
            );
        }
        out.push('\n');
    }

    let charts = chart::charts(report);
    if !charts.is_empty() {
        let _ = writeln!(out, "## {}\n", l.charts);
        for (i, c) in charts.iter().enumerate() {
            let _ = writeln!(out, "**{} {}: {}**\n", l.figure, i + 1, md(&c.title));
            let _ = writeln!(out, "| {} | {} |\n|---|---|", l.entity, l.value);
            for row in &c.rows {
                let _ = writeln!(out, "| {} | {} |", md(&row.label), md(&row.value));
            }
            out.push('\n');
        }
    }

    if !report.annotations.is_empty() {
        let _ = writeln!(out, "## {}\n", l.quotes);
        for a in &report.annotations {
            let _ = writeln!(out, "> {}\n>\n> — {}\n", md(&a.citation.quote), link(report, &a.citation));
            if let Some(comment) = &a.comment {
                let _ = writeln!(out, "**{}:** {}\n", l.comment, md(comment));
            }
            if !a.tags.is_empty() {
                let tags: Vec<String> = a.tags.iter().map(|t| md(t)).collect();
                let _ = writeln!(out, "**{}:** {}\n", l.tags, tags.join(l.separator));
            }
        }
    }

    if report.sections.sources {
        let _ = writeln!(out, "## {}\n", l.sources);
        for s in &report.sources {
            let _ = writeln!(out, "- [{}]({})", md(&report.cite_source(s)), s.link());
        }
    }
    out
}

/// "[outlet, date, 《title》](link) “quote”": the source and the exact words.
fn citation(report: &Report, c: &Citation) -> String {
    format!("{} {}", link(report, c), md(&report.labels().quoted(&c.quote)))
}

fn link(report: &Report, c: &Citation) -> String {
    format!("[{}]({})", md(&report.cite(c)), c.link())
}
