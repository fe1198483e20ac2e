//! Markdown as GitHub and Obsidian read it: pipe tables, block quotes, links back to
//! the article with `dossier://` deep links. Charts appear as their data tables.

use std::fmt::Write;

use super::escape::markdown as md;
use super::{chart, comment, sections, Citation, Report, ReportFact};

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
    if sections::has_unreviewed(report) {
        let _ = writeln!(out, "*{}*\n", md(l.unreviewed_note));
    }

    if report.sections.facts {
        let _ = writeln!(out, "## {}\n", l.facts_by_entity);
    }
    if report.facts.is_empty() {
        let _ = writeln!(out, "{}\n", l.no_facts);
    }
    for g in sections::groups(report) {
        let _ = writeln!(out, "### {} · {}\n", md(g.subject), md(l.metric(g.metric)));
        let details = if g.details { format!(" {} |", l.details) } else { String::new() };
        let rule = if g.details { "|---|---|---|---|" } else { "|---|---|---|" };
        let _ = writeln!(out, "| {} | {} |{details} {} |\n{rule}", l.value, l.date, l.source);
        for f in g.facts {
            let details = if g.details { format!(" {} |", md(&report.details(f))) } else { String::new() };
            let _ = writeln!(
                out,
                "| {} | {} |{details} {} |",
                value(report, f),
                md(sections::date_of(report, f).unwrap_or("")),
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
                value(report, f),
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
                let _ = writeln!(out, "**{}:** {}\n", l.comment, comment_markdown(comment));
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

/// The figure as the article writes it, marked if nobody has reviewed it.
fn value(report: &Report, f: &ReportFact) -> String {
    if f.status.is_reviewed() {
        md(&f.value_text)
    } else {
        format!("{} *({})*", md(&f.value_text), md(report.labels().unreviewed))
    }
}

/// A comment's Markdown (see `comment`) written again from its runs: the subset it
/// allows keeps its marks, everything else is escaped, and its lines stay in one
/// paragraph.
fn comment_markdown(comment: &str) -> String {
    let lines: Vec<String> = comment::parse(comment)
        .iter()
        .map(|line| {
            // The number's dot escaped: "1. " would start a list inside the paragraph.
            let mut out = line.number.map_or_else(|| md(&line.marker()), |n| format!("{n}\\. "));
            for run in &line.runs {
                let mut text =
                    if run.code { format!("`{}`", run.text.replace('`', "'")) } else { md(&run.text) };
                for (on, mark) in [(run.em, "*"), (run.strong, "**"), (run.del, "~~")] {
                    if on && !text.is_empty() {
                        text = format!("{mark}{text}{mark}");
                    }
                }
                out.push_str(&text);
            }
            out
        })
        .collect();
    lines.join("  \n")
}
