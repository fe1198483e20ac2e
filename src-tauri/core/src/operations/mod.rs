//! What both front ends do, once: the desktop shell's commands and the `dossier` CLI
//! are a few lines each over these functions. Importing files (with their outcomes and
//! collection), collections by name, articles that must exist, dates as users type
//! them, review of facts and entities.

pub mod articles;
pub mod collections;
pub mod dates;
pub mod import;
pub mod review;
