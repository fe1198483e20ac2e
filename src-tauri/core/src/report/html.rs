//! One standalone HTML file: inline CSS and SVG, no script, nothing fetched, every piece
//! of library text escaped, and a Content-Security-Policy that forbids the rest.

use std::fmt::Write;

use super::comment;
use super::escape::{hex_colour, xml as esc};
use super::{chart, sections, Citation, Report, ReportFact};

const STYLE: &str = "
body{font-family:'Noto Sans CJK SC','Source Han Sans SC','PingFang SC','Microsoft YaHei',system-ui,sans-serif;
max-width:60rem;margin:2rem auto;padding:0 1rem;color:#222;line-height:1.5}
h1{font-size:1.8rem;margin-bottom:.2rem}h2{border-bottom:1px solid #ccc;padding-bottom:.2rem;margin-top:2rem}
.meta{color:#666}table{border-collapse:collapse;width:100%;margin:.5rem 0 1rem}
th,td{border:1px solid #ccc;padding:.3rem .5rem;text-align:left;vertical-align:top}th{background:#f3f3f3;white-space:nowrap}
td.value{white-space:nowrap;font-weight:600}q{color:#444}figure{margin:1rem 0}
figure svg{max-width:100%;height:auto}figcaption,caption{color:#555;font-size:.9rem;text-align:left}
blockquote{border-left:4px solid #ccc;margin:1rem 0;padding:.2rem 1rem}
.unreviewed{font-weight:400;font-size:.8rem;color:#8a5a00;background:#fff4d6;border-radius:3px;padding:0 .3rem;margin-left:.4rem;white-space:nowrap}
.note{color:#8a5a00}code{background:#f3f3f3;border-radius:3px;padding:0 .2rem}.tag{background:#eee;border-radius:3px;padding:0 .3rem;margin-right:.3rem}
a{color:#2f6f9f}";

pub fn render(report: &Report) -> String {
    let l = report.labels();
    let mut out = String::new();
    let _ = write!(
        out,
        "<!DOCTYPE html>\n<html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <title>{title}</title><style>{STYLE}</style></head><body>\n<h1>{title}</h1>\n<p class=\"meta\">",
        lang = report.language.code(),
        title = esc(&report.title)
    );
    if let Some(author) = &report.author {
        let _ = write!(out, "{}: {} · ", l.author, esc(author));
    }
    let _ = writeln!(out, "{}: {}</p>", l.date, esc(&report.date));
    if sections::has_unreviewed(report) {
        let _ = writeln!(out, "<p class=\"note\">{}</p>", esc(l.unreviewed_note));
    }

    if report.sections.facts {
        let _ = writeln!(out, "<h2>{}</h2>", l.facts_by_entity);
    }
    if report.facts.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", l.no_facts);
    }
    let mut table = 0;
    for g in sections::groups(report) {
        table += 1;
        let details = if g.details { format!("<th>{}</th>", l.details) } else { String::new() };
        let _ = writeln!(
            out,
            "<h3>{} · {}</h3>\n<table><caption>{} {table}</caption><thead><tr><th>{}</th><th>{}</th>{details}<th>{}</th></tr></thead><tbody>",
            esc(g.subject),
            esc(l.metric(g.metric)),
            l.table,
            l.value,
            l.date,
            l.source
        );
        for f in g.facts {
            let details =
                if g.details { format!("<td>{}</td>", esc(&report.details(f))) } else { String::new() };
            let _ = writeln!(
                out,
                "<tr><td class=\"value\">{}</td><td>{}</td>{details}<td>{}</td></tr>",
                value(report, f),
                esc(sections::date_of(report, f).unwrap_or("")),
                citation(report, &f.citation)
            );
        }
        out.push_str("</tbody></table>\n");
    }

    let timeline = sections::timeline(report);
    if !timeline.is_empty() {
        let _ = writeln!(
            out,
            "<h2>{}</h2>\n<table><thead><tr><th>{}</th><th>{}</th><th>{}</th><th>{}</th><th>{}</th></tr></thead><tbody>",
            l.timeline, l.date, l.entity, l.metric, l.value, l.source
        );
        for (date, f) in timeline {
            let _ = writeln!(
                out,
                "<tr><td>{}</td><td>{}</td><td>{}</td><td class=\"value\">{}</td><td>{}</td></tr>",
                esc(date),
                esc(&f.subject),
                esc(l.metric(f.metric)),
                value(report, f),
                link(report, &f.citation)
            );
        }
        out.push_str("</tbody></table>\n");
    }

    let charts = chart::charts(report);
    if !charts.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", l.charts);
        for (i, c) in charts.iter().enumerate() {
            let _ = writeln!(
                out,
                "<figure>{}<figcaption>{} {}: {}</figcaption></figure>",
                c.svg,
                l.figure,
                i + 1,
                esc(&c.title)
            );
        }
    }

    if !report.annotations.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", l.quotes);
        for a in &report.annotations {
            // The colour is used only if it is a plain #rrggbb, never as raw CSS.
            let colour = a.colour.as_deref().and_then(hex_colour).unwrap_or("#cccccc");
            let _ = write!(
                out,
                "<blockquote style=\"border-left-color:{colour}\"><p>{}</p><p>— {}</p>",
                esc(&a.citation.quote),
                link(report, &a.citation)
            );
            if let Some(comment) = &a.comment {
                let _ = write!(out, "<p><strong>{}:</strong> {}</p>", l.comment, comment_html(comment));
            }
            if !a.tags.is_empty() {
                let _ = write!(out, "<p>");
                for t in &a.tags {
                    let _ = write!(out, "<span class=\"tag\">{}</span>", esc(t));
                }
                let _ = write!(out, "</p>");
            }
            out.push_str("</blockquote>\n");
        }
    }

    if report.sections.sources {
        let _ = writeln!(out, "<h2>{}</h2>\n<ol>", l.sources);
        for s in &report.sources {
            let _ = writeln!(out, "<li><a href=\"{}\">{}</a></li>", s.link(), esc(&report.cite_source(s)));
        }
        out.push_str("</ol>\n");
    }
    out.push_str("</body></html>\n");
    out
}

fn citation(report: &Report, c: &Citation) -> String {
    format!("{}<br><q>{}</q>", link(report, c), esc(&c.quote))
}

fn link(report: &Report, c: &Citation) -> String {
    format!("<a href=\"{}\">{}</a>", esc(&c.link()), esc(&report.cite(c)))
}

/// The figure as the article writes it, marked if nobody has reviewed it.
fn value(report: &Report, f: &ReportFact) -> String {
    if f.status.is_reviewed() {
        esc(&f.value_text)
    } else {
        format!("{}<span class=\"unreviewed\">{}</span>", esc(&f.value_text), report.labels().unreviewed)
    }
}

/// A comment's Markdown (see `comment`) as HTML, every piece of its text escaped.
fn comment_html(comment: &str) -> String {
    let mut out = String::new();
    for (i, line) in comment::parse(comment).iter().enumerate() {
        if i > 0 {
            out.push_str("<br>");
        }
        out.push_str(&esc(&line.marker()));
        for run in &line.runs {
            let mut text = esc(&run.text);
            for (on, tag) in [(run.code, "code"), (run.em, "em"), (run.strong, "strong"), (run.del, "del")] {
                if on {
                    text = format!("<{tag}>{text}</{tag}>");
                }
            }
            out.push_str(&text);
        }
    }
    out
}
