//! The sample library offered on first run: short market articles written for
//! Dossier, built into the binary and stored through the core's import pipeline.

use dossier_core::import::{self, Limits};
use dossier_core::operations::{self, import::Given, import::ImportReport};
use dossier_core::{Library, Result};

/// Name of the collection that groups the samples, so a user can find and drop them.
pub const COLLECTION: &str = "Samples · 示例";

struct Sample {
    file_name: &'static str,
    bytes: &'static [u8],
    outlet: &'static str,
    published: &'static str,
    author: &'static str,
    language: &'static str,
}

macro_rules! sample {
    ($file:literal, $outlet:literal, $published:literal, $author:literal, $language:literal) => {
        Sample {
            file_name: $file,
            bytes: include_bytes!(concat!("../samples/", $file)),
            outlet: $outlet,
            published: $published,
            author: $author,
            language: $language,
        }
    };
}

/// The samples' metadata is known, so it is stated here rather than guessed from the text.
const SAMPLES: &[Sample] = &[
    sample!("ai-chips-market-zh.txt", "华东商报", "2025-02-15", "林思远", "zh"),
    sample!("six-startups-funding-zh.txt", "京华经济周刊", "2025-01-06", "陈雨桐", "zh"),
    sample!("open-models-cloud-zh.txt", "财经观察", "2025-02-17", "周明哲", "zh"),
    sample!("ai-chip-stocks-en.txt", "Harbour Markets Daily", "2025-02-14", "Laura Chen", "en"),
    sample!("deepseek-valuation-en.txt", "Asia Tech Ledger", "2025-02-10", "Mark Feldman", "en"),
    sample!("cloud-price-cuts-en.txt", "Straits Business Review", "2025-02-20", "Priya Natarajan", "en"),
];

/// Stores every sample (duplicates are reported, not stored twice) in the samples collection.
pub fn load(library: &mut Library) -> Result<ImportReport> {
    let limits = Limits::default();
    let mut given = Vec::new();
    for sample in SAMPLES {
        let mut article = import::parse(sample.bytes, sample.file_name, &limits)?;
        article.outlet = Some(sample.outlet.into());
        article.published = Some(sample.published.into());
        article.authors = vec![sample.author.into()];
        article.language = sample.language.into();
        given.push(Given { file_name: sample.file_name.into(), bytes: sample.bytes.to_vec(), article });
    }
    operations::import::import_given(library, given, COLLECTION)
}

#[cfg(test)]
mod tests {
    use super::*;
    use dossier_core::operations::import::OutcomeStatus;
    use dossier_core::store::articles::{self, ArticleFilter};
    use dossier_core::store::collections;

    #[test]
    fn samples_load_with_their_metadata_once() {
        let mut library = Library::open_in_memory().unwrap();
        let first = load(&mut library).unwrap();
        assert_eq!(first.count(OutcomeStatus::Imported), SAMPLES.len(), "{first:?}");
        let again = load(&mut library).unwrap();
        assert_eq!(again.count(OutcomeStatus::Duplicate), SAMPLES.len());
        let conn = library.conn();
        assert_eq!(articles::count(conn, &ArticleFilter::default()).unwrap(), SAMPLES.len() as i64);
        let chips = articles::get(conn, first.outcomes[0].article_id.unwrap()).unwrap();
        assert_eq!(chips.summary.outlet.as_deref(), Some("华东商报"));
        assert_eq!(chips.summary.language, "zh");
        assert!(chips.summary.title.starts_with("国产AI芯片"), "{}", chips.summary.title);
        let listed = collections::list(conn).unwrap();
        assert_eq!(listed.len(), 1);
        assert_eq!(listed[0].article_count, SAMPLES.len() as i64);
    }
}
