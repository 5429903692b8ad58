//! Render stage helpers: Markdown from content files (pulldown-cmark events) written out as HTML
//! and as Typst markup by our own writers, and the escaping of plain text for both targets.
//!
//! Raw HTML in Markdown is never passed through: it is shown as text. Links other than http,
//! https and mailto are shown as their text only (the loader rejects them earlier).

mod html;
mod typst;

pub use html::{escape_html, image_id, to_html, to_html_with};
pub use typst::{escape_typst, to_typst, to_typst_with, typst_string};

use pulldown_cmark::{Options, Parser};

/// The Markdown dialect of content files: CommonMark plus strikethrough.
fn parser(markdown: &str) -> Parser<'_> {
    Parser::new_ext(markdown, Options::ENABLE_STRIKETHROUGH)
}
