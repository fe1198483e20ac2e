//! The vocabularies of extraction's output (what an entity, a quantity and a hedge are),
//! declared once with the others in `crate::vocabulary`.

pub use crate::vocabulary::{EntityKind, Qualifier, QuantityKind};
