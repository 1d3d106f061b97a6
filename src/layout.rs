//! Layout: the article's blocks wrapped to a width, as lines that remember
//! which block and which byte range of it they show. No ratatui types here.

mod wrap;

pub use wrap::{Line, LineKind, Wrapped, wrap_article};
