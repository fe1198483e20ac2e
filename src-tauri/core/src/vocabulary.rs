//! The closed lists of words Dossier's data is made of: a fact's metric and review
//! status, an entity's kind, a quantity's kind and qualifier. Each is one enum here,
//! stored in the library by its snake_case name, printed by the CLI and exported to
//! TypeScript; no other place lists the names.

use std::fmt;
use std::str::FromStr;

use rusqlite::types::{FromSql, FromSqlError, FromSqlResult, ToSql, ToSqlOutput, ValueRef};

use crate::Error;

/// Declares a vocabulary: the enum with its stored names (serde, SQL, clap and
/// TypeScript all use them), `ALL` in order, `as_str`, parsing and display.
macro_rules! vocabulary {
    (
        $(#[$meta:meta])*
        pub enum $name:ident ($what:literal) {
            $($(#[$vmeta:meta])* $variant:ident = $text:literal,)+
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord,
            serde::Serialize, serde::Deserialize, ts_rs::TS,
        )]
        #[cfg_attr(feature = "clap", derive(clap::ValueEnum))]
        #[ts(export)]
        pub enum $name {
            $(
                $(#[$vmeta])*
                #[serde(rename = $text)]
                #[cfg_attr(feature = "clap", value(name = $text))]
                $variant,
            )+
        }

        impl $name {
            /// Every value, in the order lists and menus show them.
            pub const ALL: &'static [Self] = &[$(Self::$variant),+];
            /// What one value is called in messages ("metric", "entity kind").
            pub const WHAT: &'static str = $what;

            /// The name stored in the library and used in JSON.
            pub fn as_str(self) -> &'static str {
                match self {
                    $(Self::$variant => $text,)+
                }
            }
        }

        impl FromStr for $name {
            type Err = Error;

            fn from_str(name: &str) -> Result<Self, Error> {
                match name {
                    $($text => Ok(Self::$variant),)+
                    _ => Err(unknown::<Self>(name)),
                }
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }

        impl ToSql for $name {
            fn to_sql(&self) -> rusqlite::Result<ToSqlOutput<'_>> {
                Ok(ToSqlOutput::from(self.as_str()))
            }
        }

        impl FromSql for $name {
            fn column_result(value: ValueRef<'_>) -> FromSqlResult<Self> {
                let name = value.as_str()?;
                name.parse().map_err(|e: Error| FromSqlError::Other(e.message.into()))
            }
        }

        impl Word for $name {
            const ALL: &'static [Self] = $name::ALL;
            const WHAT: &'static str = $what;
            fn as_str(self) -> &'static str {
                $name::as_str(self)
            }
        }
    };
}

/// What every vocabulary offers, for code written once over all of them.
pub trait Word: Copy + 'static {
    const ALL: &'static [Self];
    const WHAT: &'static str;
    fn as_str(self) -> &'static str;
}

/// The stored names of every value of `W`, in order.
pub fn names<W: Word>() -> Vec<&'static str> {
    W::ALL.iter().map(|w| w.as_str()).collect()
}

fn unknown<W: Word>(name: &str) -> Error {
    Error::invalid(format!("\"{name}\" is not a {}; use one of {}", W::WHAT, names::<W>().join(", ")))
}

vocabulary! {
    /// What a figure measures. The extraction contract's list; a new metric is added
    /// here (and in the README) and nowhere else.
    pub enum Metric ("metric") {
        Valuation = "valuation",
        Funding = "funding",
        MarketCap = "market_cap",
        Revenue = "revenue",
        Profit = "profit",
        Loss = "loss",
        MarketSize = "market_size",
        Users = "users",
        Growth = "growth",
        PriceChange = "price_change",
        Turnover = "turnover",
        Cost = "cost",
        Price = "price",
        Share = "share",
        Proceeds = "proceeds",
        DealValue = "deal_value",
        /// Gross, operating or net margin: a percentage, not an amount.
        Margin = "margin",
        Other = "other",
    }
}

vocabulary! {
    /// Where a fact stands in review. Only `Extracted` facts are replaced by
    /// re-extraction; the others are a person's word.
    pub enum FactStatus ("fact status") {
        /// Found by the extractor, not looked at yet.
        Extracted = "extracted",
        Confirmed = "confirmed",
        /// Wrong: hidden from lists, never brought back by re-extraction.
        Rejected = "rejected",
        /// Corrected, or made from a selection, by a person.
        Edited = "edited",
    }
}

impl FactStatus {
    /// A person has looked at the fact and stood by it.
    pub fn is_reviewed(self) -> bool {
        matches!(self, Self::Confirmed | Self::Edited)
    }
}

vocabulary! {
    /// What an entity is.
    pub enum EntityKind ("entity kind") {
        Company = "company",
        Organisation = "organisation",
        Index = "index",
        Person = "person",
    }
}

vocabulary! {
    /// What a quantity counts.
    pub enum QuantityKind ("kind of value") {
        Money = "money",
        Percent = "percent",
        Count = "count",
        Multiple = "multiple",
    }
}

vocabulary! {
    /// How exactly the text states a quantity: 约 (approx), 超过 (gt), 不低于 (gte),
    /// 不到 (lt), 至多 (lte), a range, or vague (数亿).
    pub enum Qualifier ("qualifier") {
        Exact = "exact",
        Approx = "approx",
        Gt = "gt",
        Gte = "gte",
        Lt = "lt",
        Lte = "lte",
        Range = "range",
        Vague = "vague",
    }
}

/// The values an SQL `CHECK (column IN (...))` admits, for tests that hold a table's
/// constraint against its vocabulary.
pub fn sql_list<W: Word>() -> String {
    names::<W>().iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ")
}

/// The lists as TypeScript constants, beside the types ts-rs exports, so the interface
/// builds its menus from the same names.
pub fn typescript_lists() -> String {
    fn list<W: Word>(constant: &str, type_name: &str) -> String {
        let names = names::<W>().iter().map(|n| format!("'{n}'")).collect::<Vec<_>>().join(", ");
        format!(
            "import type {{ {type_name} }} from './{type_name}';\nexport const {constant}: readonly {type_name}[] = [{names}];\n"
        )
    }
    let lists = [
        list::<Metric>("METRICS", "Metric"),
        list::<FactStatus>("FACT_STATUSES", "FactStatus"),
        list::<EntityKind>("ENTITY_KINDS", "EntityKind"),
        list::<QuantityKind>("QUANTITY_KINDS", "QuantityKind"),
        list::<Qualifier>("QUALIFIERS", "Qualifier"),
    ];
    format!(
        "// Generated from src-tauri/core/src/vocabulary.rs by its test export_bindings_vocabulary. Do not edit.\n{}",
        lists.concat()
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trips<W: Word + FromStr<Err = Error> + PartialEq + fmt::Debug + serde::Serialize>() {
        for &w in W::ALL {
            assert_eq!(w.as_str().parse::<W>().unwrap(), w);
            assert_eq!(serde_json::to_value(w).unwrap(), serde_json::Value::from(w.as_str()));
        }
        let error = "no such word".parse::<W>().unwrap_err();
        assert_eq!(error.kind, crate::ErrorKind::InvalidInput);
        assert!(error.message.contains(W::WHAT) && error.message.contains(W::ALL[0].as_str()), "{error}");
    }

    #[test]
    fn every_word_parses_back_and_serialises_as_stored() {
        round_trips::<Metric>();
        round_trips::<FactStatus>();
        round_trips::<EntityKind>();
        round_trips::<QuantityKind>();
        round_trips::<Qualifier>();
        assert_eq!(Metric::MarketCap.as_str(), "market_cap");
        assert_eq!("price_change".parse::<Metric>().unwrap(), Metric::PriceChange);
    }

    #[test]
    fn words_go_in_and_out_of_sqlite_by_name() {
        let conn = rusqlite::Connection::open_in_memory().unwrap();
        let stored: String = conn.query_row("SELECT ?1", [Metric::DealValue], |r| r.get(0)).unwrap();
        assert_eq!(stored, "deal_value");
        let read: FactStatus = conn.query_row("SELECT 'edited'", [], |r| r.get(0)).unwrap();
        assert_eq!(read, FactStatus::Edited);
        let bad = conn.query_row("SELECT 'maybe'", [], |r| r.get::<_, FactStatus>(0)).unwrap_err();
        assert!(bad.to_string().contains("\"maybe\" is not a fact status"), "{bad}");
    }

    /// Named for ts-rs's export tests, so `npm --prefix ui run bindings` writes (and
    /// `bindings:check` compares) the lists with the types.
    #[test]
    fn export_bindings_vocabulary() {
        let dir = std::env::var_os("TS_RS_EXPORT_DIR").map(std::path::PathBuf::from);
        let dir = dir.unwrap_or_else(|| std::path::PathBuf::from("bindings"));
        std::fs::create_dir_all(&dir).unwrap();
        std::fs::write(dir.join("vocabulary.ts"), typescript_lists()).unwrap();
        assert!(typescript_lists().contains("export const METRICS: readonly Metric[] = ['valuation', "));
    }
}
