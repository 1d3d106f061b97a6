//! byline: a terminal reader for long articles.
//!
//! Data flows one way, each arrow a plain function that never touches the
//! terminal:
//!
//! ```text
//! Source ─load─▶ Loaded ─extract─▶ Document ─analyze─▶ Analysis
//! (source)       bytes + origin    (extract)           (analysis)
//! Article = Document + Analysis ─┬─▶ output::{json,text,markdown}  (byline extract)
//!            (pipeline)          └─▶ layout::wrap(width) ─▶ tui::view ─▶ Frame
//! ```
//!
//! `model` is shared by all and depends on nothing; text is sanitised once,
//! when the model is built.

pub mod analysis;
pub mod cli;
pub mod config;
pub mod error;
pub mod extract;
pub mod import;
pub mod layout;
pub mod library;
pub mod log;
pub mod model;
pub mod output;
pub mod pipeline;
pub mod source;
pub mod tui;

pub use error::{Error, Result};
