use super::{Limits, Parsed};
use crate::{Error, Result};

pub fn parse(_bytes: &[u8], _limits: &Limits) -> Result<Parsed> {
    Err(Error::unsupported("pdf import is not built yet"))
}
