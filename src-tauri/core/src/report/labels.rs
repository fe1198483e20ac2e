//! The words a report prints around the data, in Chinese and English.

use super::Language;
use crate::vocabulary::Metric;

pub struct Labels {
    pub facts_by_entity: &'static str,
    pub timeline: &'static str,
    pub charts: &'static str,
    pub quotes: &'static str,
    pub sources: &'static str,
    pub entity: &'static str,
    pub metric: &'static str,
    pub value: &'static str,
    pub date: &'static str,
    pub details: &'static str,
    pub source: &'static str,
    pub quote: &'static str,
    pub comment: &'static str,
    pub tags: &'static str,
    pub outlet: &'static str,
    pub title: &'static str,
    pub author: &'static str,
    pub article: &'static str,
    pub investors: &'static str,
    pub table: &'static str,
    pub figure: &'static str,
    pub no_facts: &'static str,
    /// Beside a figure nobody has reviewed yet.
    pub unreviewed: &'static str,
    /// Under the facts' heading when some are unreviewed.
    pub unreviewed_note: &'static str,
    /// "Valuation compared" and the like: `{metric}` and `{unit}` are filled in.
    pub comparison_title: &'static str,
    pub rounds_title: &'static str,
    pub title_open: &'static str,
    pub title_close: &'static str,
    pub quote_open: &'static str,
    pub quote_close: &'static str,
    pub separator: &'static str,
    /// Ends a spreadsheet cell cut at the format's limit: `{n}` is what was left out.
    pub cut: &'static str,
    /// Readers' names of the metrics, in `Metric::ALL` order.
    metrics: [&'static str; Metric::ALL.len()],
}

const ZH: Labels = Labels {
    facts_by_entity: "按主体与指标分列的数据",
    timeline: "时间线",
    charts: "图表",
    quotes: "批注摘录",
    sources: "资料来源",
    entity: "主体",
    metric: "指标",
    value: "数值",
    date: "日期",
    details: "说明",
    source: "来源",
    quote: "原文",
    comment: "批注",
    tags: "标签",
    outlet: "媒体",
    title: "标题",
    author: "作者",
    article: "文章",
    investors: "投资方",
    table: "表",
    figure: "图",
    no_facts: "此范围内没有数据。",
    unreviewed: "待审核",
    unreviewed_note: "标有“待审核”的数据由程序提取，尚未经人工核对。",
    comparison_title: "{metric}对比（{unit}）",
    rounds_title: "融资时间线",
    title_open: "《",
    title_close: "》",
    quote_open: "“",
    quote_close: "”",
    separator: "，",
    cut: "……（超出表格单元格的长度上限，其后 {n} 字未列出）",
    metrics: [
        "估值",
        "融资",
        "市值",
        "营收",
        "利润",
        "亏损",
        "市场规模",
        "用户数",
        "增长",
        "股价涨跌",
        "成交额",
        "成本",
        "价格",
        "份额",
        "募资",
        "交易额",
        "利润率",
        "其他",
    ],
};

const EN: Labels = Labels {
    facts_by_entity: "Facts by entity and metric",
    timeline: "Timeline",
    charts: "Charts",
    quotes: "Annotated quotes",
    sources: "Sources",
    entity: "Entity",
    metric: "Metric",
    value: "Value",
    date: "Date",
    details: "Details",
    source: "Source",
    quote: "Quote",
    comment: "Comment",
    tags: "Tags",
    outlet: "Outlet",
    title: "Title",
    author: "Author",
    article: "Article",
    investors: "Investors",
    table: "Table",
    figure: "Figure",
    no_facts: "No facts in this scope.",
    unreviewed: "not yet reviewed",
    unreviewed_note:
        "Figures marked “not yet reviewed” were found by the extractor and have not been checked by hand.",
    comparison_title: "{metric} compared ({unit})",
    rounds_title: "Funding rounds",
    title_open: "\u{201c}",
    title_close: "\u{201d}",
    quote_open: "\u{201c}",
    quote_close: "\u{201d}",
    separator: ", ",
    cut: "… (over a spreadsheet cell's limit: {n} more characters not shown)",
    metrics: [
        "Valuation",
        "Funding",
        "Market cap",
        "Revenue",
        "Profit",
        "Loss",
        "Market size",
        "Users",
        "Growth",
        "Price change",
        "Turnover",
        "Cost",
        "Price",
        "Share",
        "Proceeds",
        "Deal value",
        "Margin",
        "Other",
    ],
};

/// A metric as stored, with its names for readers in both languages (for the app's lists).
#[derive(Debug, Clone, PartialEq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
pub struct MetricName {
    pub id: Metric,
    pub en: String,
    pub zh: String,
}

/// Every metric of the extraction contract, in its order, with its names.
pub fn metric_names() -> Vec<MetricName> {
    let named = Metric::ALL.iter().zip(EN.metrics).zip(ZH.metrics);
    named.map(|((&id, en), zh)| MetricName { id, en: en.into(), zh: zh.into() }).collect()
}

impl Labels {
    pub fn for_language(language: Language) -> &'static Labels {
        match language {
            Language::Zh => &ZH,
            Language::En => &EN,
        }
    }

    /// The metric's name for readers.
    pub fn metric(&self, metric: Metric) -> &'static str {
        self.metrics[metric as usize]
    }

    /// "“quote”".
    pub fn quoted(&self, quote: &str) -> String {
        format!("{}{quote}{}", self.quote_open, self.quote_close)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_metric_has_a_name_in_both_languages() {
        let names = metric_names();
        assert_eq!(names.iter().map(|m| m.id).collect::<Vec<_>>(), Metric::ALL);
        for m in &names {
            assert!(!m.en.is_empty() && m.en != m.id.as_str(), "{m:?}");
            assert!(m.zh.chars().all(|c| !c.is_ascii_alphabetic()), "{m:?}");
        }
        let market = names.iter().find(|m| m.id == Metric::MarketSize).unwrap();
        assert_eq!((market.en.as_str(), market.zh.as_str()), ("Market size", "市场规模"));
    }
}
