//! Reading an article from a file.

use std::fs::File;
use std::path::Path;

use super::{LoadLimits, read_capped};
use crate::error::{Error, Result};

/// Reads `path`, refusing directories and inputs over the limit.
pub(super) fn read(path: &Path, limits: LoadLimits) -> Result<Vec<u8>> {
    let name = path.display().to_string();
    let read_error = |cause| Error::Read { source_name: name.clone(), cause };
    let file = File::open(path).map_err(read_error)?;
    let meta = file.metadata().map_err(read_error)?;
    if meta.is_dir() {
        return Err(read_error(std::io::Error::other("is a directory")));
    }
    if meta.len() > limits.max_input_bytes {
        return Err(Error::TooLarge {
            source_name: name,
            limit_mb: limits.max_input_bytes.div_ceil(1_000_000),
        });
    }
    read_capped(file, limits, &name, meta.len())
}
