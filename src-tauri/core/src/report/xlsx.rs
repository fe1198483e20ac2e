//! XLSX: a facts sheet with typed numbers and a number format per unit and currency,
//! and sheets for annotations and sources. Text that a spreadsheet would read as a
//! formula is stored with Excel's quote prefix, so it stays text even when edited.

use std::collections::HashMap;

use rust_xlsxwriter::{DocProperties, Format, Workbook, Worksheet, XlsxError};

use super::csv::{fact_cells, COLUMNS};
use super::escape::is_formula_like;
use super::Report;
use crate::vocabulary::QuantityKind;
use crate::{Error, Result};

pub const FACTS_SHEET: &str = "Facts";
pub const ANNOTATIONS_SHEET: &str = "Annotations";
pub const SOURCES_SHEET: &str = "Sources";

/// Excel's number format for a value in `unit`, e.g. `"$"#,##0` or `#,##0.##"%"`.
pub fn number_format(kind: QuantityKind, unit: &str) -> String {
    let symbol = match unit {
        "USD" => Some("$"),
        "CNY" | "JPY" => Some("¥"),
        "HKD" => Some("HK$"),
        "EUR" => Some("€"),
        "GBP" => Some("£"),
        "TWD" => Some("NT$"),
        _ => None,
    };
    let quoted = unit.replace('"', "");
    match (kind, symbol) {
        (QuantityKind::Money, Some(symbol)) => format!("\"{symbol}\"#,##0"),
        (QuantityKind::Percent, _) => "0.0#\"%\"".into(),
        (QuantityKind::Multiple, _) => "0.0#\"x\"".into(),
        _ => format!("#,##0 \"{quoted}\""),
    }
}

/// Most characters Excel holds in one cell; the writer refuses more.
pub const MAX_CELL_CHARS: usize = 32_767;

struct Styles {
    header: Format,
    text: Format,
    /// Quote-prefixed: text that starts like a formula.
    literal: Format,
    numbers: HashMap<String, Format>,
    /// Ends a cut cell, `{n}` for what was left out.
    cut: &'static str,
}

impl Styles {
    fn string(&self, sheet: &mut Worksheet, row: u32, col: u16, s: &str) -> Result<(), XlsxError> {
        let format = if is_formula_like(s) { &self.literal } else { &self.text };
        sheet.write_string_with_format(row, col, fit_cell(s, self.cut).as_ref(), format)?;
        Ok(())
    }
}

/// `s`, or as much of it as fits in a cell followed by `cut` saying how much is left
/// out: one long annotation must not cost the whole workbook.
fn fit_cell<'a>(s: &'a str, cut: &str) -> std::borrow::Cow<'a, str> {
    let chars = s.chars().count();
    if chars <= MAX_CELL_CHARS {
        return s.into();
    }
    // The note's own length depends on the count it prints; the count's digits are at
    // most those of the whole length.
    let note_chars = cut.chars().count() - 3 + chars.to_string().len();
    let kept = MAX_CELL_CHARS - note_chars;
    let end = s.char_indices().nth(kept).map_or(s.len(), |(b, _)| b);
    format!("{}{}", &s[..end], cut.replace("{n}", &(chars - kept).to_string())).into()
}

pub fn render(report: &Report) -> Result<Vec<u8>> {
    build(report).map_err(|e| Error::internal(format!("XLSX: {e}")))
}

fn build(report: &Report) -> Result<Vec<u8>, XlsxError> {
    let mut book = Workbook::new();
    let mut properties = DocProperties::new().set_title(&report.title);
    if let Some(author) = &report.author {
        properties = properties.set_author(author);
    }
    book.set_properties(&properties);
    let mut styles = Styles {
        header: Format::new().set_bold(),
        text: Format::new(),
        literal: Format::new().set_quote_prefix(),
        numbers: HashMap::new(),
        cut: report.labels().cut,
    };

    let sheet = book.add_worksheet();
    sheet.set_name(FACTS_SHEET)?;
    header(sheet, &styles, &COLUMNS)?;
    let integer = Format::new().set_num_format("0");
    for (i, f) in report.facts.iter().enumerate() {
        let row = i as u32 + 1;
        let number = styles
            .numbers
            .entry(format!("{}\u{0}{}", f.kind, f.unit))
            .or_insert_with(|| Format::new().set_num_format(number_format(f.kind, &f.unit)))
            .clone();
        for (col, cell) in fact_cells(report, f).iter().enumerate() {
            let col16 = col as u16;
            // id, low and high as numbers; the rest as text.
            match col {
                0 => sheet.write_number_with_format(row, col16, f.id as f64, &integer).map(|_| ())?,
                4 => sheet.write_number_with_format(row, col16, f.low, &number).map(|_| ())?,
                5 => sheet.write_number_with_format(row, col16, f.high, &number).map(|_| ())?,
                _ => styles.string(sheet, row, col16, cell)?,
            }
        }
    }
    for (col, width) in [(1, 16), (2, 12), (3, 18), (4, 18), (5, 18), (11, 60), (14, 40), (15, 36)] {
        sheet.set_column_width(col, width)?;
    }
    sheet.set_freeze_panes(1, 0)?;
    sheet.autofilter(0, 0, report.facts.len() as u32, COLUMNS.len() as u16 - 1)?;

    let sheet = book.add_worksheet();
    sheet.set_name(ANNOTATIONS_SHEET)?;
    header(sheet, &styles, &["id", "quote", "comment", "tags", "colour", "article", "start", "end", "link"])?;
    for (i, a) in report.annotations.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_number(row, 0, a.id as f64)?;
        styles.string(sheet, row, 1, &a.citation.quote)?;
        styles.string(sheet, row, 2, a.comment.as_deref().unwrap_or(""))?;
        styles.string(sheet, row, 3, &a.tags.join("; "))?;
        styles.string(sheet, row, 4, a.colour.as_deref().unwrap_or(""))?;
        sheet.write_number(row, 5, a.citation.article_id as f64)?;
        sheet.write_number(row, 6, a.citation.start as f64)?;
        sheet.write_number(row, 7, a.citation.end as f64)?;
        styles.string(sheet, row, 8, &a.citation.link())?;
    }
    sheet.set_column_width(1, 60)?;
    sheet.set_column_width(2, 40)?;

    let sheet = book.add_worksheet();
    sheet.set_name(SOURCES_SHEET)?;
    header(sheet, &styles, &["article", "outlet", "published", "title", "authors", "link"])?;
    for (i, s) in report.sources.iter().enumerate() {
        let row = i as u32 + 1;
        sheet.write_number(row, 0, s.article_id as f64)?;
        styles.string(sheet, row, 1, s.outlet.as_deref().unwrap_or(""))?;
        styles.string(sheet, row, 2, s.published.as_deref().unwrap_or(""))?;
        styles.string(sheet, row, 3, &s.title)?;
        styles.string(sheet, row, 4, &s.authors.join("; "))?;
        styles.string(sheet, row, 5, &s.link())?;
    }
    sheet.set_column_width(3, 60)?;
    book.save_to_buffer()
}

fn header(sheet: &mut Worksheet, styles: &Styles, names: &[&str]) -> Result<(), XlsxError> {
    for (col, name) in names.iter().enumerate() {
        sheet.write_string_with_format(0, col as u16, *name, &styles.header)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn long_cells_are_cut_to_the_limit_and_say_so() {
        let cut = super::super::Labels::for_language(super::super::Language::En).cut;
        assert_eq!(fit_cell("短", cut), "短");
        let exact = "字".repeat(MAX_CELL_CHARS);
        assert_eq!(fit_cell(&exact, cut), exact);
        let long = "字".repeat(100_000);
        let fitted = fit_cell(&long, cut);
        assert!(fitted.chars().count() <= MAX_CELL_CHARS, "{}", fitted.chars().count());
        let kept = fitted.chars().take_while(|c| *c == '字').count();
        assert!(
            fitted.ends_with(&format!("limit: {} more characters not shown)", 100_000 - kept)),
            "{fitted:.40}"
        );
    }

    #[test]
    fn each_currency_and_unit_has_its_number_format() {
        assert_eq!(number_format(QuantityKind::Money, "USD"), "\"$\"#,##0");
        assert_eq!(number_format(QuantityKind::Money, "CNY"), "\"¥\"#,##0");
        assert_eq!(number_format(QuantityKind::Money, "SGD"), "#,##0 \"SGD\"");
        assert_eq!(number_format(QuantityKind::Percent, "%"), "0.0#\"%\"");
        assert_eq!(number_format(QuantityKind::Count, "家"), "#,##0 \"家\"");
        assert_eq!(number_format(QuantityKind::Count, "a\"b"), "#,##0 \"ab\"");
    }
}
