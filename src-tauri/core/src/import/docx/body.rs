//! WordprocessingML (document.xml, footnotes.xml) to paragraphs of plain text.
//!
//! Kept: runs, tabs, line breaks, hyperlink text, tracked insertions, tables (cells
//! separated by tabs, rows by lines). Dropped: tracked deletions and moves away, field
//! instructions, and the fallback copy of alternate content (text boxes appear twice).

use std::collections::HashMap;

use quick_xml::events::{BytesRef, BytesStart, Event};
use quick_xml::Reader;

/// What a paragraph is for, from its style.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Title,
    Heading(u8),
    Body,
}

#[derive(Debug)]
pub struct Paragraph {
    pub role: Role,
    pub text: String,
}

/// Style id to role, from styles.xml. Ids are localised (Chinese Word names Heading 1's
/// id "1"), so the role comes from the style's English built-in name.
pub fn style_roles(xml: &str) -> Result<HashMap<String, Role>, String> {
    let mut reader = Reader::from_str(xml);
    let mut roles = HashMap::new();
    let mut style_id: Option<String> = None;
    loop {
        match reader.read_event().map_err(|e| e.to_string())? {
            Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                "style" => style_id = attribute(&e, "w:styleId")?,
                "name" => {
                    if let (Some(id), Some(name)) = (&style_id, attribute(&e, "w:val")?) {
                        roles.insert(id.clone(), role_of(&name));
                    }
                }
                _ => {}
            },
            Event::End(e) if e.local_name().as_ref() == "style" => style_id = None,
            Event::Eof => return Ok(roles),
            _ => {}
        }
    }
}

/// "Title", "heading 2", "Heading2" -> role.
fn role_of(style: &str) -> Role {
    let key: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_lowercase();
    if key == "title" {
        return Role::Title;
    }
    match key.strip_prefix("heading").and_then(|n| n.parse::<u8>().ok()) {
        Some(level) if (1..=9).contains(&level) => Role::Heading(level),
        _ => Role::Body,
    }
}

/// Paragraphs in document order; a table is one paragraph of tab-separated rows.
pub fn paragraphs(xml: &str, roles: &HashMap<String, Role>) -> Result<Vec<Paragraph>, String> {
    let mut reader = Reader::from_str(xml);
    let mut walk = Walk {
        roles,
        out: Vec::new(),
        paragraph: String::new(),
        role: None,
        depth: 0,
        skip_from: None,
        in_text: false,
        runs: 0,
        tables: Vec::new(),
    };
    loop {
        let event = reader.read_event().map_err(|e| format!("{e} at byte {}", reader.buffer_position()))?;
        match event {
            Event::Start(e) => {
                walk.depth += 1;
                if walk.skip_from.is_none() {
                    walk.open(&e)?;
                }
            }
            // An empty element opens and closes at once, one level down.
            Event::Empty(e) if walk.skip_from.is_none() => {
                walk.depth += 1;
                walk.open(&e)?;
                if walk.skip_from == Some(walk.depth) {
                    walk.skip_from = None;
                } else {
                    walk.close(e.local_name().as_ref());
                }
                walk.depth -= 1;
            }
            Event::End(e) => {
                if walk.skip_from == Some(walk.depth) {
                    walk.skip_from = None;
                } else if walk.skip_from.is_none() {
                    walk.close(e.local_name().as_ref());
                }
                walk.depth -= 1;
            }
            Event::Text(t) if walk.takes_text() => walk.push(&t.xml10_content()),
            Event::CData(t) if walk.takes_text() => walk.push(&t.xml10_content()),
            Event::GeneralRef(r) if walk.takes_text() => walk.push(&resolve_reference(&r)?),
            Event::Eof if walk.depth > 0 => return Err("the XML ends before its elements are closed".into()),
            Event::Eof => return Ok(walk.out),
            _ => {}
        }
    }
}

/// `&amp;`, `&#x4E2D;` and friends; XML has no other entities without a DTD.
pub fn resolve_reference(r: &BytesRef) -> Result<String, String> {
    if let Some(c) = r.resolve_char_ref().map_err(|e| e.to_string())? {
        return Ok(c.to_string());
    }
    let name = r.xml10_content();
    let c = match name.as_ref() {
        "amp" => '&',
        "lt" => '<',
        "gt" => '>',
        "quot" => '"',
        "apos" => '\'',
        other => return Err(format!("unknown entity &{other};")),
    };
    Ok(c.to_string())
}

fn attribute(e: &BytesStart, name: &str) -> Result<Option<String>, String> {
    match e.try_get_attribute(name).map_err(|e| e.to_string())? {
        Some(a) => Ok(Some(
            a.normalized_value(quick_xml::XmlVersion::Implicit1_0).map_err(|e| e.to_string())?.into_owned(),
        )),
        None => Ok(None),
    }
}

#[derive(Default)]
struct Table {
    rows: Vec<String>,
    cells: Vec<String>,
    cell: String,
}

struct Walk<'a> {
    roles: &'a HashMap<String, Role>,
    out: Vec<Paragraph>,
    paragraph: String,
    role: Option<Role>,
    depth: usize,
    /// Depth of the element whose whole content is being skipped.
    skip_from: Option<usize>,
    in_text: bool,
    runs: usize,
    tables: Vec<Table>,
}

impl Walk<'_> {
    fn takes_text(&self) -> bool {
        self.in_text && self.skip_from.is_none()
    }

    fn push(&mut self, text: &str) {
        self.paragraph.push_str(text);
    }

    fn open(&mut self, e: &BytesStart) -> Result<(), String> {
        match e.local_name().as_ref() {
            // Deleted or moved-away text, field codes, duplicate fallback content.
            "del" | "moveFrom" | "delText" | "instrText" | "delInstrText" | "Fallback" => {
                self.skip_from = Some(self.depth);
            }
            "footnote" | "endnote" => {
                if let Some(kind) = attribute(e, "w:type")? {
                    if kind != "normal" {
                        self.skip_from = Some(self.depth);
                    }
                }
            }
            "p" => {
                self.paragraph.clear();
                self.role = None;
            }
            "pStyle" => {
                if let Some(id) = attribute(e, "w:val")? {
                    self.role = Some(self.roles.get(&id).copied().unwrap_or_else(|| role_of(&id)));
                }
            }
            "r" => self.runs += 1,
            "t" => self.in_text = true,
            "tab" if self.runs > 0 => self.push("\t"),
            "br" | "cr" if self.runs > 0 => self.push("\n"),
            "noBreakHyphen" if self.runs > 0 => self.push("-"),
            "tbl" => self.tables.push(Table::default()),
            "tc" => {
                if let Some(table) = self.tables.last_mut() {
                    table.cell.clear();
                }
            }
            _ => {}
        }
        Ok(())
    }

    fn close(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "r" => self.runs = self.runs.saturating_sub(1),
            "p" => self.end_paragraph(),
            "tc" => {
                if let Some(table) = self.tables.last_mut() {
                    let cell = std::mem::take(&mut table.cell);
                    table.cells.push(cell.trim().to_owned());
                }
            }
            "tr" => {
                if let Some(table) = self.tables.last_mut() {
                    let row = std::mem::take(&mut table.cells).join("\t");
                    table.rows.push(row);
                }
            }
            "tbl" => {
                if let Some(table) = self.tables.pop() {
                    // Each row is a paragraph of its own, however wide.
                    let text = table.rows.join("\n\n");
                    match self.tables.last_mut() {
                        // A nested table flattens into its cell.
                        Some(outer) => append(&mut outer.cell, &text.replace(['\n', '\t'], " ")),
                        None => self.out.push(Paragraph { role: Role::Body, text }),
                    }
                }
            }
            _ => {}
        }
    }

    fn end_paragraph(&mut self) {
        let text = std::mem::take(&mut self.paragraph);
        match self.tables.last_mut() {
            // Paragraphs inside a cell share its line; tabs and breaks would split the row.
            Some(table) => append(&mut table.cell, &text.replace(['\n', '\t'], " ")),
            None if !text.trim().is_empty() => {
                self.out.push(Paragraph { role: self.role.unwrap_or(Role::Body), text });
            }
            None => {}
        }
    }
}

fn append(cell: &mut String, text: &str) {
    let text = text.trim();
    if text.is_empty() {
        return;
    }
    if !cell.is_empty() {
        cell.push(' ');
    }
    cell.push_str(text);
}

#[cfg(test)]
mod tests {
    use super::*;

    const W: &str = r#"xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main""#;

    fn texts(body: &str) -> Vec<String> {
        let xml = format!("<w:document {W}><w:body>{body}</w:body></w:document>");
        paragraphs(&xml, &HashMap::new()).unwrap().into_iter().map(|p| p.text).collect()
    }

    #[test]
    fn runs_tabs_breaks_and_entities() {
        let got = texts(
            "<w:p><w:pPr><w:tabs><w:tab w:val=\"left\" w:pos=\"720\"/></w:tabs></w:pPr>\
             <w:r><w:t>A&amp;B</w:t><w:tab/><w:t xml:space=\"preserve\"> x </w:t><w:br/><w:t>&#x4E2D;</w:t></w:r></w:p>",
        );
        assert_eq!(got, vec!["A&B\t x \n中"]);
    }

    #[test]
    fn tracked_changes_fields_and_fallbacks() {
        let got = texts(
            "<w:p><w:r><w:t>kept</w:t></w:r><w:ins><w:r><w:t> inserted</w:t></w:r></w:ins>\
             <w:del><w:r><w:delText> deleted</w:delText></w:r></w:del>\
             <w:r><w:fldChar w:fldCharType=\"begin\"/></w:r><w:r><w:instrText>HYPERLINK \"x\"</w:instrText></w:r>\
             <w:hyperlink><w:r><w:t> link</w:t></w:r></w:hyperlink></w:p>",
        );
        assert_eq!(got, vec!["kept inserted link"]);
    }

    #[test]
    fn tables_become_one_paragraph_per_row() {
        let got = texts(
            "<w:p><w:r><w:t>before</w:t></w:r></w:p><w:tbl>\
             <w:tr><w:tc><w:p><w:r><w:t>a</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>b</w:t></w:r></w:p><w:p><w:r><w:t>c</w:t></w:r></w:p></w:tc></w:tr>\
             <w:tr><w:tc><w:p/></w:tc><w:tc><w:p><w:r><w:t>d</w:t></w:r></w:p></w:tc></w:tr></w:tbl>",
        );
        assert_eq!(got, vec!["before", "a\tb c\n\n\td"]);
    }

    #[test]
    fn styles_give_roles_even_when_ids_are_localised() {
        let styles = format!(
            "<w:styles {W}><w:style w:styleId=\"1\"><w:name w:val=\"heading 1\"/></w:style>\
             <w:style w:styleId=\"a3\"><w:name w:val=\"Title\"/></w:style></w:styles>"
        );
        let roles = style_roles(&styles).unwrap();
        let xml = format!(
            "<w:document {W}><w:body><w:p><w:pPr><w:pStyle w:val=\"a3\"/></w:pPr><w:r><w:t>T</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"1\"/></w:pPr><w:r><w:t>H</w:t></w:r></w:p>\
             <w:p><w:pPr><w:pStyle w:val=\"Heading2\"/></w:pPr><w:r><w:t>H2</w:t></w:r></w:p></w:body></w:document>"
        );
        let roles: Vec<Role> = paragraphs(&xml, &roles).unwrap().into_iter().map(|p| p.role).collect();
        assert_eq!(roles, vec![Role::Title, Role::Heading(1), Role::Heading(2)]);
    }

    #[test]
    fn unclosed_or_mismatched_xml_is_an_error() {
        let open = format!("<w:document {W}><w:body><w:p><w:r><w:t>x</w:t></w:r>");
        assert!(paragraphs(&open, &HashMap::new()).is_err());
        let mismatched =
            format!("<w:document {W}><w:body><w:p><w:r><w:t>x</w:r></w:p></w:body></w:document>");
        assert!(paragraphs(&mismatched, &HashMap::new()).is_err());
    }
}
