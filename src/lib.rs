//! ledgen: the yearly management review of information security ("Ledningens genomgång av
//! informationssäkerhet") from YAML and Markdown to an archivable PDF and an accessible HTML page.
//!
//! The pipeline runs one way: [`model`] (load and validate) → [`view`] (what templates see) →
//! [`render`] (Tera templates to Typst and HTML) → [`pdf`] (Typst in-process) → [`output`]
//! (atomic writes). Only loading and writing touch the disk. Each output format is one type in
//! [`formats`]; [`pipeline`] wires the stages for one report and returns a typed
//! [`error::BuildError`]. The command line and its commands are the binary's (`src/main.rs`).

pub mod actions;
pub mod batch;
pub mod config;
pub mod diagnostics;
pub mod diff;
pub mod error;
pub mod fonts;
pub mod formats;
pub mod history;
pub mod i18n;
pub mod import;
pub mod locale;
pub mod markdown;
pub mod model;
pub mod output;
pub mod paths;
pub mod pdf;
pub mod pipeline;
pub mod render;
pub mod sandbox;
pub mod scaffold;
pub mod spreadsheet;
pub mod summary;
pub mod view;
pub mod word;
