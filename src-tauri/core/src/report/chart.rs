//! Charts as SVG, one drawing for every format: inline in HTML, as an image in PDF, as a
//! PNG (rendered by resvg) in DOCX. Text in the SVG is escaped library text.

use std::fmt::Write;
use std::sync::{Arc, LazyLock};

use resvg::{tiny_skia, usvg};

use super::escape::xml;
use super::sections::{self, Comparison};
use super::{Language, Report, ReportFact};
use crate::vocabulary::{Qualifier, QuantityKind};
use crate::{Error, Result};

/// Families tried in order: the Noto CJK fonts most Linux systems ship, then the system
/// Chinese fonts of macOS and Windows, so one drawing reads everywhere.
pub const FONT_FAMILY: &str =
    "'Noto Sans CJK SC', 'Source Han Sans SC', 'PingFang SC', 'Microsoft YaHei', 'Noto Sans', sans-serif";

const WIDTH: f64 = 720.0;
const BAR_COLOUR: &str = "#2f6f9f";
const INK: &str = "#222";
const FAINT: &str = "#999";

/// A chart with its title, for captions, and its data as rows, for formats that show
/// a table in its place.
pub struct Chart {
    pub title: String,
    pub svg: String,
    pub rows: Vec<ChartRow>,
    /// Size of the drawing in pixels.
    pub width: f64,
    pub height: f64,
}

pub struct ChartRow {
    pub label: String,
    pub value: String,
    pub fact: i64,
}

/// The charts the report has data for: one metric compared across entities, and
/// funding rounds on a timeline.
pub fn charts(report: &Report) -> Vec<Chart> {
    let mut out = Vec::new();
    if !report.sections.charts {
        return out;
    }
    if let Some(c) = sections::comparison(report) {
        out.push(comparison_chart(report, &c));
    }
    let rounds = sections::rounds(report);
    if !rounds.is_empty() {
        out.push(rounds_chart(report, &rounds));
    }
    out
}

/// A divisor and the unit it leaves: 3e9 USD reads as 30 亿美元 or 3 USD bn.
pub fn scale(kind: QuantityKind, unit: &str, max: f64, language: Language) -> (f64, String) {
    let money = kind == QuantityKind::Money;
    match (kind, language) {
        (QuantityKind::Percent, _) => (1.0, "%".into()),
        (QuantityKind::Multiple, _) => (1.0, "x".into()),
        (QuantityKind::Money, Language::Zh) => {
            let currency = match unit {
                "CNY" => "元",
                "USD" => "美元",
                "HKD" => "港元",
                "EUR" => "欧元",
                "JPY" => "日元",
                "GBP" => "英镑",
                "TWD" => "新台币",
                other => other,
            };
            chinese_scale(max, currency)
        }
        (_, Language::Zh) => chinese_scale(max, unit),
        (_, Language::En) => {
            let (divisor, word) = if max >= 1e9 {
                (1e9, if money { "bn" } else { "billion" })
            } else if max >= 1e6 {
                (1e6, if money { "m" } else { "million" })
            } else {
                (1.0, "")
            };
            // "USD bn" but "million users".
            let parts = if money { [unit, word] } else { [word, unit] };
            (divisor, parts.iter().filter(|s| !s.is_empty()).copied().collect::<Vec<_>>().join(" "))
        }
    }
}

fn chinese_scale(max: f64, unit: &str) -> (f64, String) {
    if max >= 1e8 {
        (1e8, format!("亿{unit}"))
    } else if max >= 1e4 {
        (1e4, format!("万{unit}"))
    } else {
        (1.0, unit.to_owned())
    }
}

/// A number with at most two decimals and no trailing zeros.
pub fn number(value: f64) -> String {
    let s = format!("{value:.2}");
    s.trim_end_matches('0').trim_end_matches('.').to_owned()
}

/// Cuts a label to about `width` columns (CJK characters count two).
fn fit(label: &str, width: usize) -> String {
    let mut used = 0;
    let mut out = String::new();
    for c in label.chars() {
        used += if (c as u32) >= 0x2E80 { 2 } else { 1 };
        if used > width {
            out.push('…');
            break;
        }
        out.push(c);
    }
    out
}

fn open(svg: &mut String, height: f64, title: &str) {
    let _ = write!(
        svg,
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" \
         font-family=\"{FONT_FAMILY}\" role=\"img\"><title>{t}</title>\
         <rect width=\"{WIDTH}\" height=\"{height}\" fill=\"#fff\"/>\
         <text x=\"16\" y=\"26\" font-size=\"16\" font-weight=\"bold\" fill=\"{INK}\">{t}</text>",
        t = xml(title)
    );
}

fn comparison_chart(report: &Report, c: &Comparison) -> Chart {
    let labels = report.labels();
    let first = c.bars[0];
    let max = c.bars.iter().map(|f| f.value()).fold(0.0, f64::max);
    let (divisor, unit) = scale(first.kind, c.unit, max, report.language);
    let title = labels.comparison_title.replace("{metric}", labels.metric(c.metric)).replace("{unit}", &unit);
    let (left, right, row, top) = (170.0, 110.0, 30.0, 48.0);
    let height = top + row * c.bars.len() as f64 + 16.0;
    let mut svg = String::new();
    open(&mut svg, height, &title);
    let span = WIDTH - left - right;
    let mut rows = Vec::new();
    for (i, f) in c.bars.iter().enumerate() {
        let y = top + row * i as f64;
        let w = (f.value() / max * span).max(1.0);
        let value = format!("{}{}", approx_mark(f), number(f.value() / divisor));
        let _ = write!(
            svg,
            "<text x=\"{lx}\" y=\"{ty}\" font-size=\"13\" text-anchor=\"end\" fill=\"{INK}\">{label}</text>\
             <rect x=\"{left}\" y=\"{by}\" width=\"{w:.1}\" height=\"{bh}\" fill=\"{BAR_COLOUR}\"/>\
             <text x=\"{vx:.1}\" y=\"{ty}\" font-size=\"13\" fill=\"{INK}\">{value}</text>",
            lx = left - 8.0,
            ty = y + 19.0,
            label = xml(&fit(&f.subject, 20)),
            by = y + 5.0,
            bh = row - 10.0,
            vx = left + w + 6.0,
            value = xml(&value),
        );
        rows.push(ChartRow { label: f.subject.clone(), value: format!("{value} {unit}"), fact: f.id });
    }
    let _ = write!(
        svg,
        "<line x1=\"{left}\" y1=\"{top}\" x2=\"{left}\" y2=\"{b}\" stroke=\"{FAINT}\"/></svg>",
        b = height - 16.0
    );
    Chart { title, svg, rows, width: WIDTH, height }
}

/// "~" before a value the article gives as a range or an approximation.
fn approx_mark(f: &ReportFact) -> &'static str {
    if f.qualifier == Qualifier::Exact {
        ""
    } else {
        "~"
    }
}

/// Most rounds one timeline shows; the rest are in the tables.
const MAX_ROUNDS: usize = 30;

fn rounds_chart(report: &Report, rounds: &[(&str, &ReportFact)]) -> Chart {
    let title = report.labels().rounds_title.to_owned();
    let rounds = &rounds[..rounds.len().min(MAX_ROUNDS)];
    let positions: Vec<f64> = rounds.iter().filter_map(|(d, _)| sections::date_position(d)).collect();
    let first_year = positions.iter().copied().fold(f64::INFINITY, f64::min).floor();
    let last_year = positions.iter().copied().fold(f64::NEG_INFINITY, f64::max).floor() + 1.0;
    let (left, right, top, row) = (24.0, 24.0, 70.0, 26.0);
    let height = top + row * rounds.len() as f64 + 10.0;
    let x = |p: f64| left + (p - first_year) / (last_year - first_year) * (WIDTH - left - right);
    let mut svg = String::new();
    open(&mut svg, height, &title);
    let _ = write!(
        svg,
        "<line x1=\"{left}\" y1=\"52\" x2=\"{r}\" y2=\"52\" stroke=\"{FAINT}\"/>",
        r = WIDTH - right
    );
    let years = (last_year - first_year) as i64;
    for i in 0..=years {
        let year = first_year + i as f64;
        let tx = x(year);
        let anchor = if i == 0 {
            "start"
        } else if i == years {
            "end"
        } else {
            "middle"
        };
        let _ = write!(
            svg,
            "<line x1=\"{tx:.1}\" y1=\"48\" x2=\"{tx:.1}\" y2=\"{b}\" stroke=\"#ddd\"/>\
             <text x=\"{tx:.1}\" y=\"44\" font-size=\"12\" text-anchor=\"{anchor}\" fill=\"{FAINT}\">{year}</text>",
            b = height - 6.0
        );
    }
    let max = rounds.iter().map(|(_, f)| f.value()).fold(0.0, f64::max);
    let mut rows = Vec::new();
    for (i, ((date, f), p)) in rounds.iter().zip(&positions).enumerate() {
        let cx = x(*p);
        let cy = top + row * i as f64 + 8.0;
        let r = if max > 0.0 { 3.0 + 6.0 * (f.value() / max).sqrt() } else { 4.0 };
        let label = [Some(*date), Some(f.subject.as_str()), f.round.as_deref(), Some(f.value_text.as_str())]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>()
            .join(" ");
        let (lx, anchor) = if cx < WIDTH / 2.0 { (cx + r + 6.0, "start") } else { (cx - r - 6.0, "end") };
        let _ = write!(
            svg,
            "<circle cx=\"{cx:.1}\" cy=\"{cy:.1}\" r=\"{r:.1}\" fill=\"{BAR_COLOUR}\" fill-opacity=\"0.8\"/>\
             <text x=\"{lx:.1}\" y=\"{ty:.1}\" font-size=\"12\" text-anchor=\"{anchor}\" fill=\"{INK}\">{t}</text>",
            ty = cy + 4.0,
            t = xml(&fit(&label, 56)),
        );
        let value = format!("{} {}", f.round.as_deref().unwrap_or(""), f.value_text).trim().to_owned();
        rows.push(ChartRow { label: format!("{date} {}", f.subject), value, fact: f.id });
    }
    svg.push_str("</svg>");
    Chart { title, svg, rows, width: WIDTH, height }
}

/// System fonts, read once: the CJK families the charts name are among them.
static FONTS: LazyLock<Arc<usvg::fontdb::Database>> = LazyLock::new(|| {
    let mut db = usvg::fontdb::Database::new();
    db.load_system_fonts();
    Arc::new(db)
});

/// The SVG drawn as a PNG at `zoom` times its size.
pub fn png(svg: &str, zoom: f32) -> Result<Vec<u8>> {
    let options = usvg::Options { fontdb: FONTS.clone(), ..usvg::Options::default() };
    let tree = usvg::Tree::from_str(svg, &options).map_err(|e| Error::internal(format!("chart SVG: {e}")))?;
    let size =
        tree.size().to_int_size().scale_by(zoom).ok_or_else(|| Error::internal("chart has no size"))?;
    let mut pixmap = tiny_skia::Pixmap::new(size.width(), size.height())
        .ok_or_else(|| Error::internal("chart too large to draw"))?;
    resvg::render(&tree, tiny_skia::Transform::from_scale(zoom, zoom), &mut pixmap.as_mut());
    pixmap.encode_png().map_err(|e| Error::internal(format!("chart PNG: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_are_scaled_to_the_units_readers_use() {
        assert_eq!(scale(QuantityKind::Money, "USD", 3e9, Language::Zh), (1e8, "亿美元".into()));
        assert_eq!(scale(QuantityKind::Money, "CNY", 5e7, Language::Zh), (1e4, "万元".into()));
        assert_eq!(scale(QuantityKind::Money, "USD", 3e9, Language::En), (1e9, "USD bn".into()));
        assert_eq!(scale(QuantityKind::Count, "users", 3.6e7, Language::En), (1e6, "million users".into()));
        assert_eq!(scale(QuantityKind::Percent, "%", 78.0, Language::En), (1.0, "%".into()));
        assert_eq!(number(30.0), "30");
        assert_eq!(number(3.3), "3.3");
        assert_eq!(number(0.126), "0.13");
    }
}
