//! The vocabularies of extraction's output: what an entity, a quantity and a hedge are.

/// What a named entity is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum EntityKind {
    Company,
    Organisation,
    Index,
    Person,
}

/// What a quantity measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize)]
#[serde(rename_all = "lowercase")]
pub enum QuantityKind {
    Money,
    Percent,
    Count,
    Multiple,
}

/// How the text bounds a quantity (约, more than, 以下, a range, 数亿).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "lowercase")]
pub enum Qualifier {
    Exact,
    Approx,
    Gt,
    Gte,
    Lt,
    Lte,
    Range,
    Vague,
}
