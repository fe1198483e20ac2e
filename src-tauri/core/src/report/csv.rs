//! Facts as CSV (RFC 4180: CRLF line ends, fields quoted when they hold a comma, a quote
//! or a line break), with formula-like cells defused.

use super::escape::is_formula_like;
use super::{sections, Report};

/// Columns of the facts table, shared with the XLSX facts sheet.
pub const COLUMNS: [&str; 17] = [
    "id",
    "subject",
    "metric",
    "value",
    "low",
    "high",
    "unit",
    "qualifier",
    "date",
    "round",
    "investors",
    "quote",
    "outlet",
    "published",
    "title",
    "link",
    "status",
];

/// One CSV cell: quoted when needed, and a leading = + - @ (or tab/CR) prefixed with an
/// apostrophe so that a spreadsheet never runs it as a formula.
fn csv_cell(value: &str) -> String {
    let value = if is_formula_like(value) { format!("'{value}") } else { value.to_owned() };
    if value.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", value.replace('"', "\"\""))
    } else {
        value
    }
}

/// The cells of one fact, in `COLUMNS` order.
pub fn fact_cells(report: &Report, f: &super::ReportFact) -> [String; 17] {
    let source = report.source(f.citation.article_id);
    [
        f.id.to_string(),
        f.subject.clone(),
        f.metric.to_string(),
        f.value_text.clone(),
        f.low.to_string(),
        f.high.to_string(),
        f.unit.clone(),
        f.qualifier.to_string(),
        sections::date_of(report, f).unwrap_or("").to_owned(),
        f.round.clone().unwrap_or_default(),
        f.investors.join("; "),
        f.citation.quote.clone(),
        source.and_then(|s| s.outlet.clone()).unwrap_or_default(),
        source.and_then(|s| s.published.clone()).unwrap_or_default(),
        source.map(|s| s.title.clone()).unwrap_or_default(),
        f.citation.link(),
        f.status.to_string(),
    ]
}

pub fn render(report: &Report) -> String {
    let mut out = COLUMNS.join(",");
    out.push_str("\r\n");
    for f in &report.facts {
        let cells = fact_cells(report, f);
        for (i, cell) in cells.iter().enumerate() {
            if i > 0 {
                out.push(',');
            }
            out.push_str(&csv_cell(cell));
        }
        out.push_str("\r\n");
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn csv_cells_are_quoted_and_never_formulas() {
        assert_eq!(csv_cell("智谱"), "智谱");
        assert_eq!(csv_cell("=HYPERLINK(\"x\")"), "\"'=HYPERLINK(\"\"x\"\")\"");
        assert_eq!(csv_cell("-3.39%"), "'-3.39%");
        assert_eq!(csv_cell("-0.0339"), "-0.0339");
        assert_eq!(csv_cell("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(csv_cell("a,b"), "\"a,b\"");
        assert_eq!(csv_cell("line\r\nbreak"), "\"line\r\nbreak\"");
    }
}
