//! Reading an article from standard input. It is read fully before the reader
//! starts, so that keys can then come from the terminal.

use super::{LoadLimits, read_capped};
use crate::error::Result;

/// Reads all of stdin, up to the limit.
pub(super) fn read(limits: LoadLimits) -> Result<Vec<u8>> {
    read_capped(std::io::stdin().lock(), limits, "stdin", 0)
}
