//! The word lists of extraction, as data apart from the rules that read them: what each
//! stage looks for around names, amounts, dates and facts, and the registry's built-in
//! entities.

pub mod dates;
pub mod entities;
pub mod facts;
pub mod names;
pub mod numerals;
pub mod quantities;
