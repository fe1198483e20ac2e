//! Web pages: the article body without navigation, ads, comments or footers, by
//! dom_smoothie (a port of Mozilla's Readability), and the metadata the page carries:
//! JSON-LD (NewsArticle headline, datePublished, author, publisher), Open Graph and other
//! meta tags. A visible byline or dateline in the body is left to `press`.
//!
//! Hostile pages: the parser and the readability pass are fast on ordinary pages but slow
//! down badly (minutes) or exhaust the stack on absurdly deep nesting, so a linear scan
//! refuses over-deep or over-large pages before any tree is built.

use dom_query::Document;
use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};

use super::decode::{declared_html_charset, decode_declared};
use super::press::{author_names, iso_date};
use super::text::normalise;
use super::{Limits, Parsed};
use crate::{Error, Result};

/// Most elements accepted in one page. News pages have a few thousand; this is ten
/// megabytes of markup made of nothing else.
const MAX_ELEMENTS: usize = 250_000;

pub fn parse(bytes: &[u8], limits: &Limits) -> Result<Parsed> {
    let (html, encoding) = decode_declared(bytes, declared_html_charset(bytes))?;
    check_structure(&html, limits.max_html_depth)?;
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let document = Document::from(html);
    remove_ads(&document);
    let mut reader = Readability::with_document(document, None, Some(config))
        .map_err(|e| Error::internal(format!("cannot read the HTML page: {e}")))?;
    let article = match reader.parse() {
        Ok(article) => article,
        Err(ReadabilityError::GrabFailed) => return Err(no_text()),
        Err(e) => return Err(Error::invalid(format!("cannot read the HTML page: {e}"))),
    };
    let text = normalise(&article.text_content);
    if text.is_empty() {
        return Err(no_text());
    }
    Ok(Parsed {
        text,
        title: Some(article.title).filter(|t| !t.trim().is_empty()),
        outlet: article.site_name.filter(|s| !s.trim().is_empty()),
        authors: article.byline.as_deref().map(author_names).unwrap_or_default(),
        published: article.published_time.as_deref().and_then(iso_date),
        encoding: Some(encoding.to_owned()),
    })
}

/// Readability weighs class names but keeps a block in the body whose class merely says
/// "ad" (`ad-inline`, `ads_box`); such blocks are removed first, by whole words of their
/// class or id, so that "header" or "download" are not mistaken for ads.
fn remove_ads(document: &Document) {
    const AD_WORDS: &[&str] =
        &["ad", "ads", "adv", "advert", "adverts", "advertisement", "promo", "sponsor", "sponsored"];
    for node in document.select("[class], [id]").nodes() {
        let names = [node.attr("class"), node.attr("id")];
        let is_ad = names.iter().flatten().any(|value| {
            value
                .split(|c: char| c.is_whitespace() || c == '-' || c == '_')
                .any(|word| AD_WORDS.iter().any(|ad| word.eq_ignore_ascii_case(ad)))
        });
        if is_ad {
            node.remove_from_parent();
        }
    }
}

fn no_text() -> Error {
    Error::invalid("no article text in the HTML page: it holds only markup, scripts or styles")
}

/// Refuses pages nested deeper than `max_depth` or with more than [`MAX_ELEMENTS`]
/// elements, in one pass over the markup. Elements whose end tag is usually left out
/// (p, li, td...) and void elements do not deepen the count, as the parser closes them
/// itself; the content of script, style and other raw-text elements is skipped.
fn check_structure(html: &str, max_depth: usize) -> Result<()> {
    let b = html.as_bytes();
    let (mut depth, mut elements, mut i) = (0usize, 0usize, 0usize);
    while let Some(off) = b[i..].iter().position(|c| *c == b'<') {
        i += off + 1;
        if b[i..].starts_with(b"!--") {
            i = find_from(b, i + 3, b"-->").map_or(b.len(), |p| p + 3);
            continue;
        }
        if matches!(b.get(i), Some(b'!' | b'?')) {
            i = find_from(b, i, b">").map_or(b.len(), |p| p + 1);
            continue;
        }
        let closing = b.get(i) == Some(&b'/');
        let start = i + usize::from(closing);
        let name_len = b[start..].iter().take_while(|c| c.is_ascii_alphanumeric() || **c == b'-').count();
        if name_len == 0 || !b[start].is_ascii_alphabetic() {
            continue;
        }
        let name = html[start..start + name_len].to_ascii_lowercase();
        let end = tag_end(b, start + name_len);
        i = end;
        let nests = !VOID.contains(&name.as_str()) && !OPTIONAL_END.contains(&name.as_str());
        if closing {
            if nests {
                depth = depth.saturating_sub(1);
            }
            continue;
        }
        elements += 1;
        if elements > MAX_ELEMENTS {
            return Err(Error::too_large(format!(
                "the HTML page has more than {MAX_ELEMENTS} elements: too large to read as an article"
            )));
        }
        if RAW_TEXT.contains(&name.as_str()) {
            i = raw_text_end(b, i, name.as_bytes());
            continue;
        }
        let self_closing = end >= 2 && b[end - 2] == b'/';
        if nests && !self_closing {
            depth += 1;
            if depth > max_depth {
                return Err(Error::too_large(format!(
                    "the HTML page nests elements more than {max_depth} deep: refused, as such a page could take minutes to read"
                )));
            }
        }
    }
    Ok(())
}

const VOID: &[&str] = &[
    "area", "base", "br", "col", "embed", "hr", "img", "input", "keygen", "link", "meta", "param", "source",
    "track", "wbr",
];
const OPTIONAL_END: &[&str] = &[
    "p", "li", "dt", "dd", "tr", "td", "th", "thead", "tbody", "tfoot", "option", "optgroup", "rb", "rt",
    "rp", "colgroup",
];
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext"];

/// Just past the `>` that ends a tag, skipping quoted attribute values.
fn tag_end(b: &[u8], mut i: usize) -> usize {
    let mut quote = None;
    while i < b.len() {
        match (quote, b[i]) {
            (None, b'>') => return i + 1,
            (None, q @ (b'"' | b'\'')) => quote = Some(q),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
        i += 1;
    }
    b.len()
}

/// Just past the end tag of a raw-text element (`</script`, any case), or the end.
fn raw_text_end(b: &[u8], mut i: usize, name: &[u8]) -> usize {
    while let Some(p) = find_from(b, i, b"</") {
        let after = p + 2;
        if b.get(after..after + name.len()).is_some_and(|n| n.eq_ignore_ascii_case(name)) {
            return tag_end(b, after + name.len());
        }
        i = after;
    }
    b.len()
}

fn find_from(b: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    b.get(from..)?.windows(needle.len()).position(|w| w == needle).map(|p| from + p)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits::default()
    }

    #[test]
    fn depth_counts_real_nesting_only() {
        let flat_paragraphs = "<p>段落".repeat(5_000);
        assert!(check_structure(&flat_paragraphs, 512).is_ok());
        let voids = "<br><img src='a>b'>".repeat(5_000);
        assert!(check_structure(&voids, 512).is_ok());
        let in_script = format!("<script>{}</SCRIPT><div>x</div>", "<div>".repeat(10_000));
        assert!(check_structure(&in_script, 512).is_ok());
        let in_comment = format!("<!-- {} --><div>x</div>", "<div>".repeat(10_000));
        assert!(check_structure(&in_comment, 512).is_ok());
        let balanced = "<div>".repeat(500) + &"</div>".repeat(500);
        assert!(check_structure(&balanced.repeat(3), 512).is_ok());
        let deep = "<div>".repeat(513);
        let e = check_structure(&deep, 512).unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::TooLarge);
        assert!(e.message.contains("more than 512 deep"), "{}", e.message);
    }

    #[test]
    fn element_count_is_capped() {
        let many = "<span>a</span>".repeat(MAX_ELEMENTS + 1);
        assert!(check_structure(&many, 512).unwrap_err().message.contains("elements"));
    }

    #[test]
    fn meta_tags_and_body() {
        let body = "<p>国产 AI 芯片厂商纷纷宣布适配新模型，推理端需求大幅增长，业内人士认为这将带动服务器厂商的订单增长。</p>".repeat(6);
        let page = format!(
            r#"<!DOCTYPE html><html><head><meta charset="utf-8"><title>芯片厂商抢配新模型 - 华夏财经网</title>
            <meta property="og:title" content="芯片厂商抢配新模型">
            <meta property="og:site_name" content="华夏财经网">
            <meta name="author" content="林小雨">
            <meta property="article:published_time" content="2025-02-13T09:30:00+08:00">
            <style>p {{ color: red }}</style></head>
            <body><nav><a href="/">首页</a> <a href="/tech">科技</a></nav>
            <article>{body}</article><script>var tracker = "不该出现";</script></body></html>"#
        );
        let p = parse(page.as_bytes(), &limits()).unwrap();
        assert_eq!(p.title.as_deref(), Some("芯片厂商抢配新模型"));
        assert_eq!(p.outlet.as_deref(), Some("华夏财经网"));
        assert_eq!(p.authors, ["林小雨"]);
        assert_eq!(p.published.as_deref(), Some("2025-02-13"));
        assert!(p.text.starts_with("国产 AI 芯片厂商"), "{}", p.text);
        assert!(!p.text.contains("不该出现") && !p.text.contains("color") && !p.text.contains("首页"));
    }

    #[test]
    fn declared_legacy_charset_is_honoured() {
        let page = "<html><head><meta charset=\"gbk\"><title>融资</title></head><body><article><p>智谱 AI 完成新一轮融资，最新一轮融资金额为三十亿元人民币，投资方包括多家国有资本平台与产业资本。</p></article></body></html>";
        let (bytes, _, _) = encoding_rs::GBK.encode(page);
        let p = parse(&bytes, &limits()).unwrap();
        assert_eq!(p.encoding.as_deref(), Some("GBK"));
        assert!(p.text.contains("智谱 AI 完成新一轮融资"), "{}", p.text);
    }

    #[test]
    fn scripts_and_styles_only_is_no_text() {
        let page = "<html><head><style>body{margin:0}</style></head><body><script>document.write('x')</script><noscript></noscript></body></html>";
        let e = parse(page.as_bytes(), &limits()).unwrap_err();
        assert_eq!(e.kind, crate::ErrorKind::InvalidInput);
        assert!(e.message.starts_with("no article text"), "{}", e.message);
    }
}
