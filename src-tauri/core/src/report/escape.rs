//! Escaping of library text for each output: HTML and XML, Markdown, spreadsheet cells.

/// Text safe inside HTML or XML elements and quoted attributes. Characters XML 1.0
/// forbids (most C0 controls) are dropped, since one would make a DOCX unreadable.
pub fn xml(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if (c as u32) < 0x20 || matches!(c, '\u{FFFE}' | '\u{FFFF}') => {}
            c => out.push(c),
        }
    }
    out
}

/// Text that Markdown (GitHub, Obsidian) shows as written: HTML is escaped as entities,
/// Markdown punctuation is backslash-escaped, and line breaks become spaces so that a
/// value cannot end a table row or start a heading.
pub fn markdown(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '{' | '}' | '[' | ']' | '(' | ')' | '#' | '+' | '-' | '!' | '|'
            | '~' | '=' | '$' | '%' | '^' => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' | '\t' => out.push(' '),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// True if a spreadsheet would read the text as a formula (or a DDE command): it starts
/// with = + - @, a tab or a carriage return. Plain numbers such as -3.39 are not.
pub fn is_formula_like(s: &str) -> bool {
    s.starts_with(['=', '+', '-', '@', '\t', '\r']) && s.parse::<f64>().is_err()
}

/// `c` if it is a plain `#rrggbb` colour, so that a stored colour never reaches CSS or
/// XML as anything else.
pub fn hex_colour(c: &str) -> Option<&str> {
    (c.len() == 7 && c.starts_with('#') && c[1..].chars().all(|d| d.is_ascii_hexdigit())).then_some(c)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn xml_escapes_markup_and_drops_forbidden_controls() {
        assert_eq!(
            xml("<a href=\"x\" onclick='y'>&\u{0}\u{1b}</a>"),
            "&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;"
        );
        assert_eq!(xml("智谱AI\t"), "智谱AI\t");
    }

    #[test]
    fn markdown_cannot_open_links_html_or_table_cells() {
        assert_eq!(markdown("[x](javascript:alert(1))"), "\\[x\\]\\(javascript:alert\\(1\\)\\)");
        assert_eq!(markdown("a|b\n# c"), "a\\|b \\# c");
        assert_eq!(markdown("<img src=x onerror=alert(1)>"), "&lt;img src\\=x onerror\\=alert\\(1\\)&gt;");
    }

    #[test]
    fn formulas_are_recognised_but_negative_numbers_are_not() {
        for s in ["=1+1", "+SUM(A1)", "-A1", "@cmd", "\tx", "\r=1", "-3.39%"] {
            assert!(is_formula_like(s), "{s:?}");
        }
        for s in ["-0.0339", "智谱", "30亿元", ""] {
            assert!(!is_formula_like(s), "{s:?}");
        }
    }
}
