//! Web pages: the article body without navigation, ads, comments or footers, by
//! dom_smoothie (a port of Mozilla's Readability), and the metadata the page carries:
//! JSON-LD (NewsArticle headline, datePublished, author, publisher), Open Graph and other
//! meta tags. A visible byline or dateline in the body is left to `press`.
//!
//! Hostile pages: the parser and the readability pass are fast on ordinary pages but slow
//! down badly (minutes) or exhaust the stack on absurdly deep nesting, so the tree's shape
//! is measured by the parser itself under depth and element budgets (`shape`) before the
//! document is built.

mod shape;

use dom_query::Document;
use dom_smoothie::{Config, Readability, ReadabilityError, TextMode};

use super::decode::{declared_html_charset, decode_declared};
use super::press::{author_names, iso_date};
use super::text::normalise;
use super::{Limits, Parsed};
use crate::{Error, Reason, Result};

pub fn parse(bytes: &[u8], limits: &Limits) -> Result<Parsed> {
    let decoded = decode_declared(bytes, declared_html_charset(bytes))?;
    let notes = decoded.note().into_iter().collect();
    let (html, encoding) = (decoded.text, decoded.encoding);
    shape::check(&html, limits.max_html_depth)?;
    let config = Config { text_mode: TextMode::Formatted, ..Config::default() };
    let document = Document::from(html);
    remove_ads(&document);
    let mut reader = Readability::with_document(document, None, Some(config))
        .map_err(|e| Error::internal(format!("cannot read the HTML page: {e}")))?;
    let article = match reader.parse() {
        Ok(article) => article,
        Err(ReadabilityError::GrabFailed) => return Err(no_text()),
        Err(e) => return Err(Reason::HtmlUnreadable { detail: e.to_string() }.into()),
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
        notes,
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
    Reason::HtmlNoText.into()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn limits() -> Limits {
        Limits::default()
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
