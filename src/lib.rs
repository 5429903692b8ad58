//! ledgen: the yearly management review of information security ("Ledningens genomgång av
//! informationssäkerhet") from YAML and Markdown to an archivable PDF and an accessible HTML page.
//!
//! The pipeline runs one way: [`model`] (load and validate) → [`view`] (what templates see) →
//! [`render`] (Tera templates to Typst and HTML) → [`pdf`] (Typst in-process) → [`output`]
//! (atomic writes). Only loading and writing touch the disk. [`pipeline`] wires the stages for one
//! report; the [`commands`] call it and print.

pub(crate) mod actions;
pub mod cli;
pub mod commands;
pub mod config;
pub mod diagnostics;
pub mod diff;
pub mod fonts;
pub(crate) mod i18n;
pub mod markdown;
pub mod model;
pub(crate) mod output;
pub mod pdf;
pub mod pipeline;
pub mod render;
pub(crate) mod sandbox;
pub(crate) mod scaffold;
pub mod summary;
pub mod view;
